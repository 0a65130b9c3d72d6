"""The insights as titled tables of text: one source for the window's tables, the printout, CSV and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from jobfollow.core.insights.formatting import NONE, days, decimal, number, percent
from jobfollow.core.insights.report import Insights
from jobfollow.core.insights.responses import ResponseStat
from jobfollow.core.stages import OUTCOME_LABELS, STAGE_KIND_LABELS, Outcome, StageKind
from jobfollow.i18n import N_, _, format_date, ngettext, pgettext

GROUPINGS = {
    "overall": N_("Overall"),
    "source": N_("By source"),
    "keyword": N_("By job title keyword"),
    "tag": N_("By tag"),
}


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]


def stage_label(kind: str) -> str:
    try:
        return _(STAGE_KIND_LABELS[StageKind(kind)])
    except ValueError:
        return kind


def outcome_label(outcome: str) -> str:
    try:
        return _(OUTCOME_LABELS[Outcome(outcome)])
    except ValueError:
        return outcome or _("Closed, no reason given")


def funnel_table(insights: Insights) -> Table:
    rows = [[stage_label(step.kind), number(step.reached), percent(step.conversion), percent(step.share)]
            for step in insights.funnel.steps]
    return Table(_("How far applications got"),
                 [_("Stage reached"), _("Applications"), _("From the stage before"), _("Of all applications")],
                 rows)


def closed_table(insights: Insights) -> Table:
    stopped = insights.funnel.stopped_at
    rows = [[stage_label(kind), number(count)] for kind, count in stopped.items()]
    rows.sort(key=lambda row: [stage_label(k) for k in stopped].index(row[0]))
    outcomes = sorted(insights.funnel.closed.items(), key=lambda item: -item[1])
    rows += [[outcome_label(outcome), number(count)] for outcome, count in outcomes]
    return Table(_("Where applications closed"), [_("Furthest stage, then outcome"), _("Applications")], rows)


def _answer_rows(stats: list[ResponseStat]) -> list[list[str]]:
    return [[stat.label, number(stat.cases), number(stat.answered), percent(stat.rate), days(stat.median_days)]
            for stat in stats]


def answers_table(insights: Insights, grouping: str = "overall") -> Table:
    if grouping == "source":
        stats = insights.by_source
    elif grouping == "keyword":
        stats = insights.by_keyword
    elif grouping == "tag":
        stats = insights.by_tag
    else:
        stats = [insights.after_applying, *insights.after_interviews]
    title = _("Answers from employers") + " – " + _(GROUPINGS.get(grouping, GROUPINGS["overall"]))
    return Table(title, [_("When"), _("Cases"), _("Answered"), _("Answer rate"), _("Median wait for the answer")]
                 if grouping == "overall" else
                 [_("Group"), _("Applications"), _("Answered"), _("Answer rate"), _("Median wait for the answer")],
                 _answer_rows(stats))


def stage_times_table(insights: Insights) -> Table:
    rows = [[stage_label(row.kind), number(row.stays), days(row.median_days), days(row.longest_days)]
            for row in insights.stage_times.rows]
    return Table(_("Time in each stage"), [_("Stage"), _("Stays ended"), _("Median"), _("Longest")], rows)


def weekly_table(insights: Insights) -> Table:
    pace = insights.pace
    rows = []
    for week in pace.weeks:
        met = NONE if week.met is None else (_("yes") if week.met else _("no"))
        rows.append([format_date(week.start, "short"), number(week.applications), met])
    return Table(_("Applications per week"), [_("Week from"), _("Applications"), _("Goal met")], rows)


def pace_summary(insights: Insights) -> str:
    pace = insights.pace
    average = decimal(pace.average) if pace.weeks else NONE
    if pace.goal <= 0:
        return _("No weekly goal set. Average: {average} applications a week.").format(average=average)
    return ngettext(
        "Goal: {goal} application a week. Average: {average}. Streak: {streak} (best {best}).",
        "Goal: {goal} applications a week. Average: {average}. Streak: {streak} (best {best}).",
        pace.goal).format(goal=pace.goal, average=average,
                          streak=ngettext("{n} week", "{n} weeks", pace.streak).format(n=pace.streak),
                          best=pace.best_streak)


def followups_table(insights: Insights) -> Table:
    stats = insights.followups
    rows = [
        [_("Done"), number(stats.done)],
        [pgettext("follow-ups counted", "Skipped"), number(stats.skipped)],
        [_("Overdue"), number(stats.overdue)],
        [_("Still to come"), number(stats.upcoming)],
        [_("Status checks made"), number(stats.checks_done)],
        [_("Status checks that got an answer"),
         f"{number(stats.checks_answered)} ({percent(stats.answer_rate)})"],
    ]
    return Table(_("Follow-ups"), [_("Follow-ups"), _("Count")], rows)


def all_tables(insights: Insights) -> list[Table]:
    return [funnel_table(insights), closed_table(insights), answers_table(insights, "overall"),
            answers_table(insights, "source"), answers_table(insights, "keyword"), answers_table(insights, "tag"),
            stage_times_table(insights), weekly_table(insights), followups_table(insights)]
