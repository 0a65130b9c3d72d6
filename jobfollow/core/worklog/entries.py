"""One line of the log: an application sent or a contact with the employer, with what a job centre asks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobfollow.core.insights.apply_method import apply_method_label
from jobfollow.core.stages import CHANNEL_LABELS, FORMAT_LABELS, Channel, InterviewFormat
from jobfollow.i18n import N_, _

APPLICATION, INTERVIEW, FOLLOW_UP, CALL, REPLY = "application", "interview", "follow_up", "call", "reply"
ACTIVITY_LABELS = {
    APPLICATION: N_("Application sent"),
    INTERVIEW: N_("Interview"),
    FOLLOW_UP: N_("Follow-up"),
    CALL: N_("Call"),
    REPLY: N_("Answer from the employer"),
}


@dataclass(frozen=True)
class CardFacts:
    """What the log needs to know about one card."""

    id: int
    company: str
    position: str
    applied_on: dt.date
    address: str = ""
    website: str = ""
    how_applied: str = ""  # core.insights.apply_method value
    source: str = ""  # where the user found the job
    contact: str = ""  # the person to name: who invited them, else the recruiter or hiring manager
    contact_reach: str = ""  # that person's e-mail or phone
    result: str = ""  # the result so far, already in words


@dataclass(frozen=True)
class Contact:
    """A contact with the employer after applying."""

    application_id: int
    when: dt.date
    kind: str  # INTERVIEW, FOLLOW_UP, CALL, REPLY
    how: str = ""  # a Channel or InterviewFormat value
    person: str = ""
    what: str = ""  # the follow-up's title or the note


@dataclass(frozen=True)
class LogEntry:
    when: dt.date
    kind: str
    card: CardFacts
    method: str  # in words
    person: str
    what: str = ""

    @property
    def activity(self) -> str:
        label = _(ACTIVITY_LABELS.get(self.kind, self.kind))
        return f"{label}: {self.what}" if self.what else label


def _how(value: str) -> str:
    for enum, labels in ((Channel, CHANNEL_LABELS), (InterviewFormat, FORMAT_LABELS)):
        try:
            return _(labels[enum(value)])
        except (ValueError, KeyError):
            continue
    return value


def log_entries(cards: list[CardFacts], contacts: list[Contact], start: dt.date, end: dt.date) -> list[LogEntry]:
    """Applications sent and contacts made in the range, by date (applications first on a day)."""
    by_id = {card.id: card for card in cards}
    entries = [LogEntry(card.applied_on, APPLICATION, card, apply_method_label(card.how_applied), card.contact)
               for card in cards if start <= card.applied_on <= end]
    for contact in contacts:
        card = by_id.get(contact.application_id)
        if card is None or not start <= contact.when <= end:
            continue
        entries.append(LogEntry(contact.when, contact.kind, card, _how(contact.how), contact.person or card.contact,
                                contact.what))
    order = {APPLICATION: 0, INTERVIEW: 1, FOLLOW_UP: 2, CALL: 3, REPLY: 4}
    entries.sort(key=lambda e: (e.when, order.get(e.kind, 9), e.card.company.casefold(), e.card.id))
    return entries


def result_words(stage_kind: str, outcome: str | None) -> str:
    """The result so far as a job centre reads it: the outcome of a closed card, else where it stands."""
    from jobfollow.core.insights.tables import outcome_label, stage_label
    from jobfollow.core.stages import StageKind

    if stage_kind == StageKind.CLOSED.value:
        return outcome_label(outcome or "")
    if stage_kind == StageKind.APPLIED.value:
        return _("No answer yet")
    return stage_label(stage_kind)
