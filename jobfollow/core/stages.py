"""Stage kinds, outcomes, and what moving a card between kinds implies.

The rules engine reads a stage's *kind*, never its name, so users can rename, reorder and add
stages freely while the follow-up rules keep working.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jobfollow.i18n import N_


class StageKind(StrEnum):
    APPLIED = "applied"
    INTERVIEW_SCHEDULED = "interview_scheduled"
    INTERVIEWED = "interviewed"
    NEXT_ROUND = "next_round"
    OFFER = "offer"
    ACCEPTED = "accepted"
    CLOSED = "closed"


class Outcome(StrEnum):
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    DECLINED_OFFER = "declined_offer"
    NO_RESPONSE = "no_response"
    POSITION_FILLED = "position_filled"
    HIRED_ELSEWHERE = "hired_elsewhere"


class ContactRole(StrEnum):
    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    REFERENCE = "reference"
    NETWORK = "network"
    INVITER = "inviter"


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    IN_PERSON = "in_person"


class InterviewFormat(StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    ON_SITE = "on_site"
    MEAL = "meal"
    PRESENTATION = "presentation"


# Labels are marked for translation here and translated where they are shown.
STAGE_KIND_LABELS = {
    StageKind.APPLIED: N_("Applied"),
    StageKind.INTERVIEW_SCHEDULED: N_("Interview scheduled"),
    StageKind.INTERVIEWED: N_("Interviewed"),
    StageKind.NEXT_ROUND: N_("Next round"),
    StageKind.OFFER: N_("Offer"),
    StageKind.ACCEPTED: N_("Accepted"),
    StageKind.CLOSED: N_("Closed"),
}

OUTCOME_LABELS = {
    Outcome.REJECTED: N_("Rejected"),
    Outcome.WITHDREW: N_("Withdrew"),
    Outcome.DECLINED_OFFER: N_("Declined the offer"),
    Outcome.NO_RESPONSE: N_("No response"),
    Outcome.POSITION_FILLED: N_("Position filled"),
    Outcome.HIRED_ELSEWHERE: N_("Hired elsewhere"),
}

ROLE_LABELS = {
    ContactRole.INTERVIEWER: N_("Interviewer"),
    ContactRole.RECRUITER: N_("Recruiter / HR"),
    ContactRole.HIRING_MANAGER: N_("Hiring manager"),
    ContactRole.REFERENCE: N_("Reference"),
    ContactRole.NETWORK: N_("Network contact"),
    ContactRole.INVITER: N_("Invited you"),
}

CHANNEL_LABELS = {
    Channel.EMAIL: N_("E-mail"),
    Channel.PHONE: N_("Phone"),
    Channel.LETTER: N_("Letter"),
    Channel.IN_PERSON: N_("In person"),
}

FORMAT_LABELS = {
    InterviewFormat.PHONE: N_("Phone"),
    InterviewFormat.VIDEO: N_("Video"),
    InterviewFormat.ON_SITE: N_("On site"),
    InterviewFormat.MEAL: N_("Meal"),
    InterviewFormat.PRESENTATION: N_("Presentation"),
}

ACTIVE_KINDS = frozenset(
    {
        StageKind.APPLIED,
        StageKind.INTERVIEW_SCHEDULED,
        StageKind.INTERVIEWED,
        StageKind.NEXT_ROUND,
        StageKind.OFFER,
    }
)


@dataclass(frozen=True)
class StageSpec:
    name: str
    kind: StageKind


def default_stages() -> list[StageSpec]:
    """The board a new profile starts with, one column per kind, in the order a process runs."""
    return [StageSpec(STAGE_KIND_LABELS[kind], kind) for kind in StageKind]


def is_active(kind: StageKind | str) -> bool:
    """An application still in play: neither accepted nor closed."""
    return StageKind(kind) in ACTIVE_KINDS


@dataclass(frozen=True)
class MoveImplications:
    """What the UI must ask for or offer when a card changes stage kind."""

    needs_outcome: bool = False
    wants_interview: bool = False
    clears_outcome: bool = False


def implications_of_move(
    from_kind: StageKind | str, to_kind: StageKind | str, *, has_interview: bool
) -> MoveImplications:
    source, target = StageKind(from_kind), StageKind(to_kind)
    if source == target:
        return MoveImplications()
    return MoveImplications(
        needs_outcome=target == StageKind.CLOSED,
        wants_interview=target == StageKind.INTERVIEWED and not has_interview,
        clears_outcome=source == StageKind.CLOSED,
    )
