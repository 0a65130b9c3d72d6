"""The plain facts the follow-up rules read, and the follow-ups they propose.

Named tuples rather than dataclasses: the rules build tens of thousands of these per run and a
tuple is the cheapest immutable record Python has. ``store/followups.py`` fills them from the DB.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple


class Kind(StrEnum):
    THANK_YOU = "thank_you"
    STATUS_CHECK = "status_check"
    REFERENCE_ALERT = "reference_alert"
    NETWORK_CHECKIN = "network_checkin"
    NEXT_ROUND_PREP = "next_round_prep"
    OFFER_RESPONSE = "offer_response"
    WITHDRAW = "withdraw"
    GIVE_NOTICE = "give_notice"
    REJECTION_THANKS = "rejection_thanks"
    LESSONS = "lessons"
    CLOSE_SUGGESTION = "close_suggestion"
    RECORD_INTERVIEW = "record_interview"
    ASK_DEADLINE = "ask_deadline"
    OFFER_DETAILS = "offer_details"
    OFFER_PENDING = "offer_pending"
    CUSTOM = "custom"


PENDING_STATES = ("open", "snoozed")
# What a person did when completing a follow-up (FollowUp.result).
RESULTS = ("sent", "called", "reply_received", "done")
NO_REPLY_RESULTS = frozenset({"sent", "called", "done"})


_ROLE_SETS: dict[tuple, frozenset] = {}


def role_set(*roles: str) -> frozenset[str]:
    """One shared frozenset per combination of roles (10,000 cards hold a handful of distinct ones), so the
    rules can pass over a plain interviewer by identity (:data:`ONLY_INTERVIEWER`)."""
    key = tuple(sorted(set(roles)))
    found = _ROLE_SETS.get(key)
    if found is None:
        found = _ROLE_SETS[key] = frozenset(key)
    return found


ONLY_INTERVIEWER = role_set("interviewer")  # the common case: no rule but the thank-you looks at them


class ContactFact(NamedTuple):
    """A person on a card with every role they hold there (a recruiter may also have invited you)."""

    id: int
    name: str
    roles: frozenset[str]  # core.stages.ContactRole values
    preferred_channel: str  # "" when none


class InterviewFact(NamedTuple):
    id: int
    on: dt.date
    informational: bool = False
    decision_date: dt.date | None = None
    follow_up_on: dt.date | None = None
    follow_up_channel: str = ""
    follow_up_interval_days: int | None = None
    attendee_ids: tuple[int, ...] = ()


class OfferFact(NamedTuple):
    id: int
    offer_date: dt.date
    deadline: dt.date | None = None
    is_written: bool = False
    status: str = "pending"


class CheckFact(NamedTuple):
    """A status check already stored for this card (any state)."""

    rule_key: str
    state: str
    result: str = ""
    done_on: dt.date | None = None


class ApplicationFacts(NamedTuple):
    id: int
    company: str
    position: str
    stage_kind: str  # core.stages.StageKind
    stage_entered_on: dt.date
    outcome: str | None = None
    contacts: tuple[ContactFact, ...] = ()
    interviews: tuple[InterviewFact, ...] = ()  # oldest first
    offers: tuple[OfferFact, ...] = ()
    checks: tuple[CheckFact, ...] = ()
    last_reply_on: dt.date | None = None  # the employer's latest answer (Activity "reply")
    withdraw_keys: tuple[str, ...] = ()  # rule keys of the "withdraw" follow-ups already stored (any state)
    withdrawal_sent: bool = False  # a letter from the "withdraw" template is marked sent for this card
    past_applied: bool = False  # the card once stood in a stage after Applied (its moves say so)
    closed_here: bool = False  # the card was moved to Closed in jobfollow (not imported as already closed)
    applied_on: dt.date | None = None  # the day the application went out (the application checks count from it)


class AcceptedFact(NamedTuple):
    """A card in an Accepted stage: every other active card gets a "withdraw"."""

    id: int
    company: str
    position: str
    accepted_on: dt.date


class PendingOfferFact(NamedTuple):
    """A card holding a pending offer with a deadline: every other active process gets an "offer pending" note."""

    id: int
    company: str
    position: str
    offer_id: int
    offer_date: dt.date
    deadline: dt.date


class Proposal(NamedTuple):
    """One follow-up the rules say should exist. ``rule_key`` makes re-runs idempotent.

    Titles and reasons are written only when the store needs them (see ``followup_texts``), so the
    rules themselves stay fast; ``detail`` carries what the text needs beyond the facts.
    """

    rule_key: str
    kind: str
    app: ApplicationFacts
    due_on: dt.date
    channel: str = ""  # "" for tasks that are not a message (notes, preparation)
    contact: ContactFact | None = None
    interview: InterviewFact | None = None
    detail: tuple = ()

    @property
    def application_id(self) -> int:
        return self.app.id

    @property
    def contact_id(self) -> int | None:
        return self.contact.id if self.contact else None

    @property
    def interview_id(self) -> int | None:
        return self.interview.id if self.interview else None
