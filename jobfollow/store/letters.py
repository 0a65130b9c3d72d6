"""Templates, drafts and sent letters: what the letter editor and the command line call.

Built-in templates are seeded from ``resources/templates/<lang>/<key>.txt`` each time a profile opens;
a built-in the user edited (``modified``) is never overwritten, and can be restored on request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jobfollow.core import settings_registry as keys
from jobfollow.core.letters import placeholders
from jobfollow.core.letters.template_files import (
    PHONE_SCRIPTS,
    TemplateText,
    followup_kind_for_template,
    load_template_dir,
    template_for_followup,
)
from jobfollow.core.timeline_text import TextFact, label
from jobfollow.i18n import N_, _
from jobfollow.store.applications import log_activity
from jobfollow.store.letter_context import build_context
from jobfollow.store.models import Activity, FollowUp, Interview, JobApplication, Letter, Template, now
from jobfollow.store.settings import get_setting, read, set_setting

PERSONAL_WORDS_KEY = keys.PERSONAL_WORDS.name
SPELLING_LANGUAGE_KEY = keys.SPELLING_LANGUAGE.name
OPEN_LETTER_KEY = keys.OPEN_LETTER.name


def templates_root() -> Path:
    from jobfollow.paths import resource_path

    return resource_path("templates")


# -- templates --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TemplateRow:
    id: int
    key: str
    language: str
    name: str
    subject: str
    body: str
    builtin: bool
    modified: bool


def _row(t: Template) -> TemplateRow:
    return TemplateRow(t.id, t.key, t.language, t.name, t.subject, t.body, t.builtin, t.modified)


def seed_templates(root: Path | None = None) -> int:
    """Add missing built-ins and refresh untouched ones; returns how many rows were written."""
    written = 0
    existing = {(t.key, t.language): t for t in Template.select()}  # one query, not one per template
    for text in load_template_dir(root or templates_root()):
        row = existing.get((text.key, text.language))
        if row is None:
            Template.create(key=text.key, language=text.language, name=text.name, subject=text.subject,
                            body=text.body, builtin=True, modified=False)
            written += 1
        elif row.builtin and not row.modified and (row.name, row.subject, row.body) != (
                text.name, text.subject, text.body):
            Template.update(name=text.name, subject=text.subject, body=text.body, updated_at=now()).where(
                Template.id == row.id).execute()
            written += 1
    return written


def list_templates(language: str = "en") -> list[TemplateRow]:
    """Templates in ``language``: built-ins in the order a job search meets them, then the user's by name."""
    from jobfollow.core.letters.template_files import TEMPLATE_KEYS

    order = {key: n for n, key in enumerate(TEMPLATE_KEYS)}
    rows = [_row(t) for t in Template.select().where(Template.language == language)]
    return sorted(rows, key=lambda r: (not r.builtin, order.get(r.key, 99), r.name.lower()))


def template_languages() -> list[str]:
    return sorted({t.language for t in Template.select(Template.language).distinct()})


def get_template(key: str, language: str = "en") -> TemplateRow | None:
    """The template for ``key`` in ``language``, falling back to English."""
    for lang in (language, "en"):
        row = Template.get_or_none((Template.key == key) & (Template.language == lang))
        if row is not None:
            return _row(row)
    return None


def template_by_id(template_id: int) -> TemplateRow | None:
    row = Template.get_or_none(Template.id == template_id)
    return _row(row) if row else None


def save_template(template_id: int, name: str, subject: str, body: str) -> TemplateRow:
    if not name.strip():
        raise ValueError(_("A template needs a name."))
    row = Template.get_by_id(template_id)
    row.name, row.subject, row.body = name.strip(), subject, body
    row.modified = bool(row.builtin)
    row.updated_at = now()
    row.save()
    return _row(row)


def create_template(name: str, subject: str = "", body: str = "", language: str = "en") -> TemplateRow:
    if not name.strip():
        raise ValueError(_("A template needs a name."))
    number = Template.select().where(Template.key.startswith("user_")).count() + 1
    while Template.select().where((Template.key == f"user_{number}") & (Template.language == language)).exists():
        number += 1
    row = Template.create(key=f"user_{number}", language=language, name=name.strip(), subject=subject, body=body,
                          builtin=False, modified=False)
    return _row(row)


def duplicate_template(template_id: int) -> TemplateRow:
    source = Template.get_by_id(template_id)
    return create_template(_("{name} (copy)").format(name=source.name), source.subject, source.body, source.language)


def builtin_text(key: str, language: str, root: Path | None = None) -> TemplateText | None:
    for text in load_template_dir(root or templates_root()):
        if text.key == key and text.language == language:
            return text
    return None


def restore_builtin(template_id: int, root: Path | None = None) -> TemplateRow:
    """Put a built-in back as shipped (the user's edits are dropped)."""
    row = Template.get_by_id(template_id)
    shipped = builtin_text(row.key, row.language, root) if row.builtin else None
    if shipped is None:
        raise ValueError(_("Only built-in templates can be restored."))
    row.name, row.subject, row.body, row.modified, row.updated_at = (
        shipped.name, shipped.subject, shipped.body, False, now())
    row.save()
    return _row(row)


def delete_template(template_id: int) -> None:
    row = Template.get_by_id(template_id)
    if row.builtin:
        raise ValueError(_("Built-in templates cannot be deleted; restore them instead."))
    row.delete_instance()


# -- letters ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LetterRow:
    id: int
    application_id: int | None
    contact_id: int | None
    template_id: int | None
    template_key: str
    followup_id: int | None
    interview_id: int | None
    language: str
    subject: str
    body: str
    state: str
    channel: str
    sent_at: dt.datetime | None
    updated_at: dt.datetime


def _letter_row(letter: Letter) -> LetterRow:
    template = Template.get_or_none(Template.id == letter.template_id) if letter.template_id else None
    return LetterRow(letter.id, letter.application_id, letter.contact_id, letter.template_id,
                     template.key if template else "", letter.followup_id, letter.interview_id, letter.language,
                     letter.subject, letter.body, letter.state, letter.channel, letter.sent_at, letter.updated_at)


def get_letter(letter_id: int) -> LetterRow | None:
    row = Letter.get_or_none(Letter.id == letter_id)
    return _letter_row(row) if row else None


def open_letter(application_id: int, template_key: str, contact_id: int | None = None,
                followup_id: int | None = None, language: str = "en", channel: str = "email") -> LetterRow:
    """The draft for this card, template and recipient: the existing one, or a new one from the template."""
    template = get_template(template_key, language)
    if template is None:
        raise ValueError(_("No template called {key}.").format(key=template_key))
    query = Letter.select().where((Letter.application == application_id) & (Letter.state == "draft")
                                  & (Letter.template == template.id))
    query = query.where(Letter.contact == contact_id) if contact_id else query.where(Letter.contact.is_null())
    if followup_id:
        query = query.where((Letter.followup == followup_id) | Letter.followup.is_null())
    existing = query.order_by(Letter.updated_at.desc()).first()
    if existing is not None:
        if followup_id and not existing.followup_id:
            existing.followup = followup_id
            existing.save()
        return _letter_row(existing)
    context = build_context(application_id, contact_id)
    if template_key in PHONE_SCRIPTS:
        channel = "phone"
    letter = Letter.create(application=application_id, contact=contact_id or None, template=template.id,
                           followup=followup_id or None, interview=context.interview_id, language=template.language,
                           subject=template.subject, body=template.body, channel=channel)
    return _letter_row(letter)


def open_letter_for_followup(followup_id: int, language: str = "en") -> LetterRow:
    """The draft that answers a follow-up, with the template its kind and channel call for."""
    followup = FollowUp.get_by_id(followup_id)
    interview = Interview.get_or_none(Interview.id == followup.interview_id) if followup.interview_id else None
    key = template_for_followup(followup.kind, followup.channel, bool(interview and interview.informational))
    if key is None:
        key = "status_check_call" if followup.channel == "phone" else "status_check_email"
    return open_letter(followup.application_id, key, followup.contact_id, followup_id, language, followup.channel)


def change_template(letter_id: int, template_id: int) -> LetterRow:
    """Start this draft over from another template (the caller asks the user first)."""
    template = Template.get_by_id(template_id)
    Letter.update(template=template.id, subject=template.subject, body=template.body, language=template.language,
                  updated_at=now()).where(Letter.id == letter_id).execute()
    return get_letter(letter_id)


def save_draft(letter_id: int, subject: str, body: str, contact_id: int | None = None,
               language: str | None = None) -> None:
    """Keep what is typed; called (debounced) as the user types and on close."""
    fields = {Letter.subject: subject, Letter.body: body, Letter.updated_at: now(), Letter.contact: contact_id or None}
    if language:
        fields[Letter.language] = language
    Letter.update(fields).where((Letter.id == letter_id) & (Letter.state == "draft")).execute()


def letters_for_application(application_id: int) -> list[LetterRow]:
    query = Letter.select().where(Letter.application == application_id).order_by(Letter.updated_at.desc())
    return [_letter_row(letter) for letter in query]


def sibling_thank_yous(letter_id: int) -> list[tuple[str, str]]:
    """Other thank-yous for the same interview, to other people, rendered: (recipient name, text)."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None or not letter.application_id:
        return []
    keys = ("thank_you_interview", "thank_you_informational")
    query = (Letter.select().join(Template).where(
        (Letter.application == letter.application_id) & (Letter.id != letter.id) & Template.key.in_(keys)))
    if letter.interview_id:
        query = query.where(Letter.interview == letter.interview_id)
    found = []
    for other in query:
        if other.contact_id == letter.contact_id:
            continue
        context = build_context(other.application_id, other.contact_id, other.interview_id)
        label = context.recipient_name or _("another recipient")
        found.append((label, placeholders.render(other.body, context.values)))
    return found


@dataclass(frozen=True)
class SentLetter:
    """What marking a letter as sent changed, so Undo can put the draft back exactly."""

    letter_id: int
    application_id: int | None
    followup_id: int | None  # the follow-up the letter answers (still to be completed by the caller)
    followup_result: str  # "sent" or "called"
    when: dt.datetime
    activity_id: int | None
    draft: dict  # the letter's fields before
    last_activity_at: dt.datetime | None  # the card's, before
    was_open: bool  # it was the letter open in the editor


def transaction():
    """One transaction around several store calls (a service's single step)."""
    return Letter._meta.database.atomic()


def record_sent(letter_id: int, channel: str | None = None, when: dt.datetime | None = None) -> SentLetter:
    """Keep the letter as sent (placeholders filled) and note it on the card's timeline. The follow-up it answers
    is named in the result, not completed: that is the follow-up service's write (or :func:`mark_sent`'s)."""
    letter = Letter.get_by_id(letter_id)
    moment = when or now()
    channel = channel or letter.channel or "email"
    context = build_context(letter.application_id, letter.contact_id, letter.interview_id)
    template = Template.get_or_none(Template.id == letter.template_id) if letter.template_id else None
    key = template.key if template else ""
    draft = {"subject": letter.subject, "body": letter.body, "state": letter.state, "channel": letter.channel,
             "sent_at": letter.sent_at, "updated_at": letter.updated_at}
    last_activity = (JobApplication.select(JobApplication.last_activity_at)
                     .where(JobApplication.id == letter.application_id).scalar() if letter.application_id else None)
    with transaction():
        letter.subject = placeholders.render(letter.subject, context.values)
        letter.body = placeholders.render(letter.body, context.values)
        letter.state, letter.channel, letter.sent_at, letter.updated_at = "sent", channel, moment, moment
        letter.save()
        followup = _matching_followup(letter, key)
        activity = None
        if letter.application_id:
            who = context.recipient_name or label(N_("no recipient"))
            message = N_("Called {name}: {subject}") if channel == "phone" else N_("Sent to {name}: {subject}")
            activity = log_activity(letter.application_id, "letter",
                                    TextFact(message, {"name": who, "subject": letter.subject}),
                                    {"letter_id": letter.id, "channel": channel, "contact_id": letter.contact_id,
                                     "template": key, "followup_id": followup.id if followup else None},
                                    when=moment)
            if channel != "phone":  # what they have from you: the letter as sent, among the card's documents
                from jobfollow.store.documents import keep_sent_letter

                keep_sent_letter(letter.id)
    was_open = get_setting(OPEN_LETTER_KEY) == letter_id
    if was_open:
        set_setting(OPEN_LETTER_KEY, None)
    return SentLetter(letter.id, letter.application_id, followup.id if followup else None,
                      "called" if channel == "phone" else "sent", moment, activity.id if activity else None,
                      draft, last_activity, was_open)


def unrecord_sent(sent: SentLetter) -> None:
    """Undo of :func:`record_sent`: the letter is the draft it was, its timeline entry goes."""
    with transaction():
        Letter.update(**sent.draft).where(Letter.id == sent.letter_id).execute()
        if sent.activity_id:
            Activity.delete().where(Activity.id == sent.activity_id).execute()
        from jobfollow.store.models import Attachment

        Attachment.delete().where(Attachment.letter == sent.letter_id).execute()  # no longer sent: not filed
        if sent.application_id:
            JobApplication.update(last_activity_at=sent.last_activity_at).where(
                JobApplication.id == sent.application_id).execute()
    if sent.was_open:
        set_setting(OPEN_LETTER_KEY, sent.letter_id)


def mark_sent(letter_id: int, channel: str | None = None, when: dt.datetime | None = None) -> int | None:
    """Without the window (command line, tests): :func:`record_sent` and complete its follow-up in one
    transaction. Returns the id of the follow-up completed, if any. The window goes through the letter service."""
    from jobfollow.store.followups import complete

    with transaction():
        sent = record_sent(letter_id, channel, when)
        if sent.followup_id:
            complete(sent.followup_id, sent.followup_result, sent.when)
    return sent.followup_id


def _matching_followup(letter: Letter, key: str) -> FollowUp | None:
    pending = FollowUp.state.in_(("open", "snoozed"))
    if letter.followup_id:
        found = FollowUp.get_or_none((FollowUp.id == letter.followup_id) & pending)
        if found:
            return found
    kind = followup_kind_for_template(key)
    if not kind or not letter.application_id:
        return None
    query = FollowUp.select().where((FollowUp.application == letter.application_id) & (FollowUp.kind == kind)
                                    & pending)
    if letter.contact_id:
        exact = query.where(FollowUp.contact == letter.contact_id).order_by(FollowUp.due_on).first()
        if exact:
            return exact
    return query.where(FollowUp.contact.is_null()).order_by(FollowUp.due_on).first()


# -- small settings the editor keeps ---------------------------------------------------------------
def personal_words() -> list[str]:
    return list(read(keys.PERSONAL_WORDS))


def add_personal_word(word: str) -> None:
    words = personal_words()
    if word.lower() not in {w.lower() for w in words}:
        set_setting(PERSONAL_WORDS_KEY, sorted([*words, word], key=str.lower))


def spelling_language(default: str = "en") -> str:
    return get_setting(SPELLING_LANGUAGE_KEY, default) or default


def set_spelling_language(language: str) -> None:
    set_setting(SPELLING_LANGUAGE_KEY, language)


def remember_open_letter(letter_id: int | None) -> None:
    set_setting(OPEN_LETTER_KEY, letter_id)


def last_open_letter() -> LetterRow | None:
    letter_id = get_setting(OPEN_LETTER_KEY)
    row = get_letter(int(letter_id)) if isinstance(letter_id, int) else None
    return row if row is not None and row.state == "draft" else None


def check_resources() -> None:
    """For ``--self-test``: every template file and the spell-check word lists are bundled and readable."""
    from jobfollow.core.letters.template_files import TEMPLATE_KEYS
    from jobfollow.core.spelling import PySpellEngine, available_languages

    shipped = {t.key for t in load_template_dir(templates_root()) if t.language == "en"}
    missing = sorted(set(TEMPLATE_KEYS) - shipped)
    if missing:
        raise RuntimeError(f"letter templates missing from {templates_root()}: {', '.join(missing)}")
    if "en" not in available_languages():
        raise RuntimeError("the spell-check word lists (pyspellchecker resources) are missing")
    if not PySpellEngine("en").known("interview"):
        raise RuntimeError("the English spell-check word list does not load")
