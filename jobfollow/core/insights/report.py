"""All insights for a date range in one call: the funnel, answers, stage times, weekly pace, follow-ups.

The range selects applications by the day they were sent; everything else is about those applications.
A bad range raises :class:`RangeError` (one sentence); an empty one gives a result that says so in ``notes``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jobfollow.core.insights import responses
from jobfollow.core.insights.durations import StageTimes, stage_times
from jobfollow.core.insights.followup_stats import FollowUpStats, followup_stats
from jobfollow.core.insights.funnel import Funnel, funnel
from jobfollow.core.insights.records import CardRecord, FollowUpRecord
from jobfollow.core.insights.responses import ResponseStat
from jobfollow.core.insights.weekly import WeeklyPace, weekly_pace
from jobfollow.i18n import _, format_date, ngettext


class RangeError(ValueError):
    """A date range that cannot be used; ``str(exc)`` is one sentence for the user."""


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    if start is None or end is None:
        raise RangeError(_("Give both the first and the last day of the range."))
    if start > end:
        raise RangeError(_("The range starts on {start}, after its last day, {end}.").format(
            start=format_date(start), end=format_date(end)))


@dataclass(frozen=True)
class Insights:
    start: dt.date
    end: dt.date
    applications: int
    funnel: Funnel
    after_applying: ResponseStat
    after_interviews: list[ResponseStat]
    by_source: list[ResponseStat]
    by_keyword: list[ResponseStat]
    by_tag: list[ResponseStat]
    stage_times: StageTimes
    pace: WeeklyPace
    followups: FollowUpStats
    imported_without_history: int
    notes: list[str] = field(default_factory=list)  # plain statements about what the figures leave out


def round_label(number: int, last: int = 3) -> str:
    if number >= last:
        return _("After interview {number} and later").format(number=number)
    return _("After interview {number}").format(number=number)


def compute_insights(cards: list[CardRecord], followups: list[FollowUpRecord], start: dt.date, end: dt.date,
                     today: dt.date, goal: int, first_weekday: int = 0) -> Insights:
    check_range(start, end)
    chosen = [card for card in cards if start <= card.applied_on <= end]
    ids = {card.id for card in chosen}
    chosen_followups = [item for item in followups if item.application_id in ids]
    imported_bare = sum(1 for card in chosen if card.imported and len(card.visits) <= 1)
    times = stage_times(chosen)
    notes = []
    if not chosen:
        notes.append(_("No applications were sent between {start} and {end}.").format(
            start=format_date(start), end=format_date(end)))
    if imported_bare:
        notes.append(ngettext(
            "{count} application came from an imported file without its history: it counts from the stage the "
            "file gave.",
            "{count} applications came from an imported file without their history: they count from the stage "
            "the file gave.", imported_bare).format(count=imported_bare))
    if times.out_of_order:
        notes.append(ngettext(
            "{count} application has stage dates out of order: its time in each stage is left out.",
            "{count} applications have stage dates out of order: their time in each stage is left out.",
            times.out_of_order).format(count=times.out_of_order))
    no_source = _("(no source)")
    known = {card.id: responses.days_to_first_answer(card) for card in chosen}
    return Insights(
        start=start, end=end, applications=len(chosen),
        funnel=funnel(chosen, today),
        after_applying=responses.after_applying(chosen, _("After applying"), known),
        after_interviews=responses.after_interviews(chosen, today, round_label),
        by_source=responses.by_group(chosen, lambda card: [card.source.strip() or no_source], known=known),
        by_keyword=responses.by_group(chosen, lambda card: responses.title_keywords(card.position_title),
                                      at_least=2, known=known),
        by_tag=responses.by_group(chosen, lambda card: card.tags, known=known),
        stage_times=times,
        pace=weekly_pace((card.applied_on for card in chosen), start, end, today, goal, first_weekday),
        followups=followup_stats(chosen_followups, chosen, today),
        imported_without_history=imported_bare,
        notes=notes,
    )
