"""Did they answer, and how fast: after applying and after each interview, overall and by group.

An answer is anything that shows the employer acted: an invitation or any later stage, a rejection, an offer,
or a reply logged on the timeline. Moving a card to Interviewed is the user's own note, not an answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import median

from jobfollow.core.insights.records import ANSWER_OUTCOMES, FUNNEL_INDEX, CardRecord
from jobfollow.core.stages import StageKind

# Plain strings, compared tens of thousands of times: an enum's .value costs more than the comparison.
_ANSWER_KINDS = frozenset(kind for kind in FUNNEL_INDEX if kind not in (StageKind.APPLIED.value,
                                                                         StageKind.INTERVIEWED.value))
_CLOSED = StageKind.CLOSED.value


@dataclass(frozen=True)
class ResponseStat:
    label: str
    cases: int  # applications (or interviews) counted
    answered: int
    median_days: float | None  # days from the event to the first answer; None when nobody answered

    @property
    def rate(self) -> float | None:
        return self.answered / self.cases if self.cases else None


def _is_answer_visit(kind: str, outcome: str | None) -> bool:
    if kind == _CLOSED:
        return outcome in ANSWER_OUTCOMES
    return kind in _ANSWER_KINDS


def first_answer_after(card: CardRecord, moment: dt.datetime) -> dt.datetime | None:
    """The first answer strictly after ``moment`` (visits and replies), or None."""
    best = None
    for visit in card.visits:
        if visit.entered > moment and _is_answer_visit(visit.kind, visit.outcome):
            best = visit.entered if best is None or visit.entered < best else best
            break  # visits are in order: the first answer visit is the earliest one
    for reply in card.replies:
        if reply > moment and (best is None or reply < best):
            best = reply
    for when in card.interviews:  # a later round was set up: they answered by then at the latest
        if when > moment and (best is None or when < best):
            best = when
    return best


def _applied_moment(card: CardRecord) -> dt.datetime:
    # The start of the day: an answer logged later the same day still counts, in 0 days.
    return dt.datetime.combine(card.applied_on, dt.time.min)


def _days(start: dt.datetime, end: dt.datetime) -> float:
    return (end.date() - start.date()).days


def days_to_first_answer(card: CardRecord) -> float | None:
    """Days from applying to the employer's first answer; None while they have not answered."""
    start = _applied_moment(card)
    answer = first_answer_after(card, start - dt.timedelta(microseconds=1))
    return None if answer is None else _days(start, answer)


def after_applying(cards: Iterable[CardRecord], label: str,
                   known: dict[int, float | None] | None = None) -> ResponseStat:
    """``known`` holds days_to_first_answer per card id already worked out (groups share one pass)."""
    cases = 0
    delays = []
    for card in cards:
        cases += 1
        days = known[card.id] if known is not None else days_to_first_answer(card)
        if days is not None:
            delays.append(days)
    return ResponseStat(label, cases, len(delays), median(delays) if delays else None)


def after_interviews(cards: Iterable[CardRecord], today: dt.date, label_for_round: Callable[[int], str],
                     rounds: int = 3) -> list[ResponseStat]:
    """One line per round (the last one gathers that round and every later one); rounds not yet held skip."""
    cases: dict[int, int] = defaultdict(int)
    answered: dict[int, int] = defaultdict(int)
    delays: dict[int, list[float]] = defaultdict(list)
    for card in cards:
        for number, when in enumerate(card.interviews, start=1):
            if when.date() > today:
                break
            key = min(number, rounds)
            cases[key] += 1
            answer = first_answer_after(card, when)
            if answer is not None:
                answered[key] += 1
                delays[key].append(_days(when, answer))
    return [ResponseStat(label_for_round(key), cases[key], answered[key],
                         median(delays[key]) if delays[key] else None)
            for key in sorted(cases)]


# -- groups ---------------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W\d_]{3,}")
# Words that say nothing about the kind of job, in the four interface languages.
_FILLER = frozenset({
    "and", "the", "for", "with", "und", "der", "die", "das", "für", "mit", "von", "bei", "zur", "zum", "des",
    "pour", "avec", "les", "los", "las", "para", "con", "del", "una",
})


def title_keywords(title: str) -> set[str]:
    return {word for word in (w.casefold() for w in _WORD.findall(title)) if word not in _FILLER}


def by_group(cards: list[CardRecord], keys: Callable[[CardRecord], Iterable[str]], *,
             limit: int = 10, at_least: int = 1, known: dict[int, float | None] | None = None) -> list[ResponseStat]:
    """Response after applying per group, largest groups first (a card can be in several groups)."""
    groups: dict[str, list[CardRecord]] = defaultdict(list)
    for card in cards:
        for key in set(keys(card)):
            groups[key].append(card)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].casefold()))
    return [after_applying(members, key, known) for key, members in ordered[:limit] if len(members) >= at_least]
