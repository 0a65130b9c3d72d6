"""Pure helpers for the board: search matching, sort keys and ranks between two cards.

No Qt and no database here, so the rules of finding and ordering cards are tested in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from enum import StrEnum
from functools import lru_cache

from jobfollow.i18n import N_


class SortMode(StrEnum):
    BOARD = "board"
    DUE = "due"
    ACTIVITY = "activity"


SORT_LABELS = {
    SortMode.BOARD: N_("Board order"),
    SortMode.DUE: N_("Next due date"),
    SortMode.ACTIVITY: N_("Last activity"),
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, so "garcia" finds "García" (cached: names and companies repeat)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def query_terms(query: str) -> list[str]:
    return [fold(word) for word in query.split() if word.strip()]


def matches(haystack: str, terms: list[str]) -> bool:
    """Every term must appear somewhere in the card's folded search text."""
    return all(term in haystack for term in terms)


def rank_between(before: float | None, after: float | None) -> float:
    """A rank that sorts between two neighbours (None = no neighbour on that side)."""
    if before is None and after is None:
        return 1.0
    if before is None:
        return after - 1.0
    if after is None:
        return before + 1.0
    return (before + after) / 2.0


def ranks_between(before: float | None, after: float | None, count: int) -> list[float]:
    """``count`` increasing ranks that all sort between the two neighbours."""
    if count <= 0:
        return []
    if before is None and after is None:
        return [float(i + 1) for i in range(count)]
    if before is None:
        return [after - (count - i) for i in range(count)]
    if after is None:
        return [before + (i + 1) for i in range(count)]
    step = (after - before) / (count + 1)
    return [before + step * (i + 1) for i in range(count)]


FAR_FUTURE = dt.date.max


def due_key(next_due: dt.date | None, rank: float) -> tuple:
    """Cards with the soonest follow-up first; cards with nothing due last, in board order."""
    return (next_due or FAR_FUTURE, rank)


def activity_key(last_activity: dt.datetime | None, rank: float) -> tuple:
    """Most recently touched first."""
    stamp = last_activity.timestamp() if last_activity else float("-inf")
    return (-stamp, rank)


LAST_DAY = "9999-12-31"


def order_by_due(cards: list) -> None:
    """Sort in place: soonest ``next_due`` (ISO text) first, cards with nothing due last, ties in board order."""
    cards.sort(key=lambda card: (card.next_due or LAST_DAY, card.rank))


def order_by_activity(cards: list) -> None:
    """Sort in place: latest ``last_activity_at`` (ISO text) first, never-touched cards last, ties in board order."""
    cards.sort(key=lambda card: card.rank)
    cards.sort(key=lambda card: card.last_activity_at or "", reverse=True)  # stable: ties keep board order
