"""Time spent in each stage: from entering a stage to entering the next one (stays still going are left out)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from jobfollow.core.insights.records import FUNNEL_KINDS, CardRecord
from jobfollow.core.stages import StageKind


@dataclass(frozen=True)
class StageTime:
    kind: str
    stays: int
    median_days: float
    longest_days: float


@dataclass(frozen=True)
class StageTimes:
    rows: tuple[StageTime, ...]
    out_of_order: int  # cards with a stage entered before the one it follows: their stays are left out


def stage_times(cards: list[CardRecord]) -> StageTimes:
    days: dict[str, list[float]] = defaultdict(list)
    out_of_order = 0
    for card in cards:
        visits = card.visits
        if any(later.entered < earlier.entered for earlier, later in itertools.pairwise(visits)):
            out_of_order += 1
            continue
        for earlier, later in itertools.pairwise(visits):
            days[earlier.kind].append((later.entered - earlier.entered).total_seconds() / 86400)
    order = [kind.value for kind in FUNNEL_KINDS] + [StageKind.CLOSED.value]
    rows = tuple(StageTime(kind, len(days[kind]), median(days[kind]), max(days[kind]))
                 for kind in order if days.get(kind))
    return StageTimes(rows, out_of_order)
