"""The plain facts insights are computed from: one record per card, one per follow-up.

``store.insights_loader`` builds them from the database; tests build them by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobfollow.core.stages import Outcome, StageKind

# The stages of the funnel, in the order a process runs (Closed is where a card stops, not a step).
FUNNEL_KINDS: tuple[StageKind, ...] = (
    StageKind.APPLIED, StageKind.INTERVIEW_SCHEDULED, StageKind.INTERVIEWED, StageKind.NEXT_ROUND,
    StageKind.OFFER, StageKind.ACCEPTED,
)
FUNNEL_INDEX = {kind.value: index for index, kind in enumerate(FUNNEL_KINDS)}
_INTERVIEW_SCHEDULED, _INTERVIEWED, _NEXT_ROUND = (FUNNEL_INDEX[kind.value] for kind in (
    StageKind.INTERVIEW_SCHEDULED, StageKind.INTERVIEWED, StageKind.NEXT_ROUND))

# Closing outcomes that are an answer from the employer; "no response", "withdrew" and "hired elsewhere" are not.
ANSWER_OUTCOMES = frozenset({Outcome.REJECTED.value, Outcome.POSITION_FILLED.value, Outcome.DECLINED_OFFER.value})


@dataclass(frozen=True, slots=True)
class Visit:
    """A stage a card entered, and when."""

    kind: str  # a StageKind value
    entered: dt.datetime
    outcome: str | None = None


@dataclass(frozen=True, slots=True)
class CardRecord:
    id: int
    company: str
    position_title: str
    applied_on: dt.date  # the date the user gave, else the day the card was added
    source: str = ""
    tags: tuple[str, ...] = ()
    visits: tuple[Visit, ...] = ()  # oldest first
    interviews: tuple[dt.datetime, ...] = ()  # every round, oldest first
    replies: tuple[dt.datetime, ...] = ()  # "reply received" entries on the timeline
    imported: bool = False  # the history starts at an import: nothing before it is known


@dataclass(frozen=True, slots=True)
class FollowUpRecord:
    application_id: int
    kind: str  # thank_you, status_check, ...
    state: str  # open, snoozed, done, skipped
    due_on: dt.date
    snoozed_until: dt.date | None = None
    result: str = ""  # sent, called, reply_received, done
    done_on: dt.date | None = None

    @property
    def effective_due(self) -> dt.date:
        return self.snoozed_until if self.state == "snoozed" and self.snoozed_until else self.due_on


def furthest_index(card: CardRecord, today: dt.date) -> int:
    """How far the card got, as an index into FUNNEL_KINDS.

    Its stage history decides; recorded interviews count too (a round held means Interviewed, two rounds held
    mean Next round, one still to come means Interview scheduled), so a card whose history is thin, such as an
    import, is not counted short.
    """
    furthest = max([FUNNEL_INDEX.get(visit.kind, 0) for visit in card.visits], default=0)
    if card.interviews:
        held = sum(1 for when in card.interviews if when.date() <= today)
        floor = _NEXT_ROUND if held >= 2 else _INTERVIEWED if held == 1 else _INTERVIEW_SCHEDULED
        furthest = max(furthest, floor)
    return furthest


_CLOSED = StageKind.CLOSED.value


def closing_outcome(card: CardRecord) -> str | None:
    """The outcome of the card's last visit when that visit closed it."""
    if card.visits and card.visits[-1].kind == _CLOSED:
        return card.visits[-1].outcome or ""
    return None
