"""The letter checklist: what the career guides say a good follow-up letter does, checked live.

Each rule is a plain function of :class:`LetterFacts`; which rules apply depends on the template
(a resignation names no follow-up date; a thank-you must mention something from the conversation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from babel.numbers import format_percent

from jobfollow.core.letters import placeholders, similarity
from jobfollow.core.letters.template_files import PHONE_SCRIPTS
from jobfollow.i18n import N_, _, current_locale, gettext_in, locale_of_language

# No letter is longer than this; a huge paste is judged on its first part so the checklist stays quick.
CONTENT_LIMIT = 50_000


@dataclass
class LetterFacts:
    template_key: str
    subject: str
    body: str  # as typed, with placeholders
    values: dict[str, str] = field(default_factory=dict)
    recipient_name: str = ""
    recipient_email: str = ""
    channel: str = "email"
    position: str = ""
    specific_topic: str = ""
    misspelled: tuple[str, ...] = ()
    spelling_checked: bool = True  # False when the letter is too long to check
    others: list[tuple[str, str]] = field(default_factory=list)  # sibling thank-yous (label, rendered text)
    language: str = ""  # the letter's language; cue words and day names come from it ("" = the interface's)

    @cached_property
    def rendered(self) -> str:
        """The text as it will be sent; the content rules read at most CONTENT_LIMIT characters of it."""
        return placeholders.render(self.body[:CONTENT_LIMIT], self.values)

    @cached_property
    def rendered_subject(self) -> str:
        return placeholders.render(self.subject, self.values)


@dataclass(frozen=True)
class CheckItem:
    key: str
    passed: bool
    label: str  # what is checked
    why: str  # one short line: why it matters
    detail: str = ""  # what is wrong, when it is
    warning: bool = False  # a warning rather than a must


THANK_YOUS = {"thank_you_interview", "thank_you_informational"}
RULES_BY_TEMPLATE = {
    "specific": THANK_YOUS,
    "interest": {"thank_you_interview", "status_check_email", "status_check_call", "offer_response",
                 "counter_offer", "counter_offer_call", "network_checkin", "offer_pending"},
    "follow_up_date": {"thank_you_interview", "status_check_email", "status_check_call"},
    "position_excluded": {"thank_you_informational", "resignation", "network_checkin"},
    # The guides: thank every reader, whatever the news (a rejection, an offer you decline, a request they refuse).
    "case": {"counter_offer", "counter_offer_call"},
    "thanks": THANK_YOUS | {"reference_heads_up", "network_checkin", "offer_response", "counter_offer",
                            "counter_offer_call", "accept_offer", "decline_offer", "withdraw", "rejection_thanks",
                            "offer_pending"},
}

# Translators: words that show interest in the job, separated by commas; any one of them passes the check.
INTEREST_CUES = N_("interest,interested,excited,enthusiastic,eager,keen,look forward,looking forward,"
                   "would love,would welcome,remain,motivated,appeal")
# Translators: phrases that point at something from the conversation, separated by commas.
SPECIFIC_CUES = N_("we discussed,we talked,you mentioned,you described,you explained,our conversation,"
                   "hearing about,learning about,learned,when you said,your advice,your point")
# Translators: words that say thank you, separated by commas; any one of them passes the check.
THANKS_CUES = N_("thank,grateful,appreciate")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\b")


def _cues(marked: str, language: str = "") -> list[str]:
    return [c.strip().lower() for c in gettext_in(language, marked).split(",") if c.strip()]


def _contains_date(text: str, values: dict[str, str], language: str = "") -> bool:
    """A day or date the writer commits to; the interview's own date does not count."""
    for key in ("follow_up_date", "decision_date"):
        if values.get(key) and values[key].lower() in text.lower():
            return True
    for key in ("interview_date", "offer_deadline", "start_date"):
        if values.get(key):
            text = text.replace(values[key], " ")
    if _NUMERIC_DATE.search(text):
        return True
    locale = locale_of_language(language)
    days = [*locale.days["format"]["wide"].values(), gettext_in(language, "tomorrow")]
    if any(re.search(r"\b" + re.escape(day) + r"\b", text, re.IGNORECASE) for day in days):
        return True
    # Month names only next to a number ("May 11", "11 May"), so the verb "may" never counts.
    months = list(locale.months["format"]["wide"].values()) + list(locale.months["format"]["abbreviated"].values())
    for month in {m.rstrip(".") for m in months}:
        name = re.escape(month)
        if re.search(r"\b" + name + r"\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+" + name + r"\b", text, re.IGNORECASE):
            return True
    return False


def _addressed(facts: LetterFacts) -> CheckItem:
    label, why = _("Addressed to a named person"), _("A note to a real reader gets read; one to 'Sir or Madam' rarely.")
    if not facts.recipient_name.strip():
        return CheckItem("addressed", False, label, why, _("Choose who the letter is for."))
    lines = [line for line in facts.rendered.splitlines() if line.strip()]
    # A letter names its reader in the greeting; a call script anywhere in what you say.
    opening = ("\n".join(lines) if facts.template_key in PHONE_SCRIPTS else (lines[0] if lines else "")).lower()
    parts = [p for p in re.split(r"[\s.,]+", facts.recipient_name.lower()) if len(p) > 1]
    if any(re.search(r"\b" + re.escape(p) + r"\b", opening) for p in parts):
        return CheckItem("addressed", True, label, why)
    return CheckItem("addressed", False, label, why,
                     _("The greeting does not name {name}.").format(name=facts.recipient_name))


def _position(facts: LetterFacts) -> CheckItem:
    label, why = _("Names the position"), _("Hiring managers fill several roles; say which one you mean.")
    if not facts.position:
        return CheckItem("position", False, label, why, _("The card has no position title."))
    text = (facts.rendered_subject + "\n" + facts.rendered).lower()
    passed = facts.position.lower() in text
    return CheckItem("position", passed, label, why,
                     "" if passed else _("Mention \u201c{position}\u201d.").format(position=facts.position))


def _specific(facts: LetterFacts) -> CheckItem:
    label = _("Mentions something specific from the interview")
    why = _("A detail from your talk shows you listened and makes the note yours.")
    text = facts.rendered.lower()
    topic_words = [w for w in re.findall(r"\w{4,}", facts.specific_topic.lower())]
    if topic_words and sum(w in text for w in topic_words) * 2 >= len(topic_words):
        return CheckItem("specific", True, label, why)
    passed = any(cue in text for cue in _cues(SPECIFIC_CUES, facts.language))
    return CheckItem("specific", passed, label, why,
                     "" if passed else _("Add a sentence about something you discussed."))


def _interest(facts: LetterFacts) -> CheckItem:
    label, why = _("Restates your interest"), _("Employers pick people who clearly want the job.")
    text = facts.rendered.lower()
    passed = any(cue in text for cue in _cues(INTEREST_CUES, facts.language))
    return CheckItem("interest", passed, label, why, "" if passed else _("Say that you still want the job."))


def _thanks(facts: LetterFacts) -> CheckItem:
    label, why = _("Says thank you"), _("Thanks for their time leaves a good memory, whatever the news.")
    text = facts.rendered.lower()
    passed = any(cue in text for cue in _cues(THANKS_CUES, facts.language))
    return CheckItem("thanks", passed, label, why, "" if passed else _("Thank them for their time or their help."))


_FIGURE = re.compile(r"\d(?:[\d.,\s\u00a0\u202f']*\d){2,}")  # 72,000 / 72.000 / 72 000: a figure, not "2 weeks"


def _makes_a_case(facts: LetterFacts) -> CheckItem:
    label = _("Backs the counter with figures")
    why = _("A counter built on market research is heard; 'I need more' is not.")
    passed = bool(_FIGURE.search(facts.rendered))
    return CheckItem("case", passed, label, why, "" if passed else _(
        "Name the market range you found and the salary you ask for (the negotiation worksheet fills them in)."))


def _follow_up_date(facts: LetterFacts) -> CheckItem:
    label, why = _("Names a follow-up date"), _("A promised date makes your next call expected, not a bother.")
    passed = _contains_date(facts.rendered, facts.values, facts.language)
    return CheckItem("follow_up_date", passed, label, why,
                     "" if passed else _("Say when you will check back, with a day or date."))


def _spelling(facts: LetterFacts) -> CheckItem:
    label, why = _("No spelling errors"), _("One typo can undo the care you put into the rest.")
    if not facts.spelling_checked:
        return CheckItem("spelling", False, label, why, _("The text is too long to check."), warning=True)
    if not facts.misspelled:
        return CheckItem("spelling", True, label, why)
    shown = ", ".join(facts.misspelled[:5])
    return CheckItem("spelling", False, label, why, _("Check: {words}").format(words=shown))


def _placeholders(facts: LetterFacts) -> CheckItem:
    label = _("No unfilled or unknown placeholders")
    why = _("A stray {company} in a sent letter shows it was a form letter.")
    found = placeholders.problems(facts.subject + "\n" + facts.body, facts.values)
    if found.ok:
        return CheckItem("placeholders", True, label, why)
    parts = []
    if found.missing:
        parts.append(_("no value yet: {names}").format(names=", ".join("{" + n + "}" for n in found.missing)))
    if found.unknown:
        parts.append(_("unknown: {names}").format(names=", ".join("{" + n + "}" for n in found.unknown)))
    if found.unclosed:
        parts.append(_("a '{' is never closed"))
    return CheckItem("placeholders", False, label, why, "; ".join(parts))


def _email(facts: LetterFacts) -> CheckItem:
    label, why = _("Recipient's e-mail address known"), _("Without it the e-mail opens with an empty To line.")
    if facts.recipient_email.strip():
        return CheckItem("email", True, label, why)
    return CheckItem("email", False, label, why, _("Add an e-mail address to the contact, or type it in your "
                                                   "e-mail program."), warning=True)


def _similarity(facts: LetterFacts) -> list[CheckItem]:
    label = _("Different from your other thank-yous")
    why = _("Interviewers compare notes; each letter should read as written for its reader.")
    if not facts.others:
        return []
    alike = similarity.compare(facts.rendered, facts.others)
    if not alike:
        return [CheckItem("similarity", True, label, why)]
    lines = []
    for comparison in alike:
        lines.append(_("{percent} alike the letter to {name}.").format(
            percent=format_percent(round(comparison.ratio, 2), locale=current_locale()), name=comparison.other_label))
        lines.extend("\u2022 " + s.mine for s in comparison.sentences[:4])
    return [CheckItem("similarity", False, label, why, "\n".join(lines), warning=True)]


def run_checklist(facts: LetterFacts) -> list[CheckItem]:
    """Every check that applies to this letter, in the order the checklist shows them."""
    key = facts.template_key
    items = [_addressed(facts)]
    if key not in RULES_BY_TEMPLATE["position_excluded"]:
        items.append(_position(facts))
    if key in RULES_BY_TEMPLATE["specific"]:
        items.append(_specific(facts))
    if key in RULES_BY_TEMPLATE["thanks"]:
        items.append(_thanks(facts))
    if key in RULES_BY_TEMPLATE["case"]:
        items.append(_makes_a_case(facts))
    if key in RULES_BY_TEMPLATE["interest"]:
        items.append(_interest(facts))
    if key in RULES_BY_TEMPLATE["follow_up_date"]:
        items.append(_follow_up_date(facts))
    if key not in PHONE_SCRIPTS:
        items.append(_spelling(facts))
    items.append(_placeholders(facts))
    if facts.channel == "email" and key not in PHONE_SCRIPTS:
        items.append(_email(facts))
    if key in THANK_YOUS:
        items.extend(_similarity(facts))
    return items
