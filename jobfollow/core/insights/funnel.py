"""The funnel: how many applications reached each stage (by the furthest stage reached), and the conversions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from jobfollow.core.insights.records import FUNNEL_KINDS, CardRecord, closing_outcome, furthest_index


@dataclass(frozen=True)
class FunnelStep:
    kind: str
    reached: int  # cards whose furthest stage is this one or a later one
    conversion: float | None  # reached / reached of the step before; None for the first step or after a zero
    share: float | None  # reached / applications; None when there are none


@dataclass(frozen=True)
class Funnel:
    steps: tuple[FunnelStep, ...]
    applications: int
    closed: dict[str, int]  # outcome -> cards closed with it ("" when the outcome was not given)
    stopped_at: dict[str, int]  # furthest stage -> closed cards that got that far (where doors closed)


def funnel(cards: list[CardRecord], today: dt.date) -> Funnel:
    furthest = Counter()
    closed: Counter = Counter()
    stopped: Counter = Counter()
    for card in cards:
        index = furthest_index(card, today)
        furthest[index] += 1
        outcome = closing_outcome(card)
        if outcome is not None:
            closed[outcome] += 1
            stopped[FUNNEL_KINDS[index].value] += 1
    total = len(cards)
    steps = []
    remaining = total
    previous = None
    for index, kind in enumerate(FUNNEL_KINDS):
        conversion = None if previous is None or previous == 0 else remaining / previous
        steps.append(FunnelStep(kind.value, remaining, conversion, remaining / total if total else None))
        previous = remaining
        remaining -= furthest[index]
    return Funnel(tuple(steps), total, dict(closed), dict(stopped))
