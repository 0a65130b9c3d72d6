"""The insights and the log as plain data (``jobfollow report ... --format json``): numbers, not words."""

from __future__ import annotations

from jobfollow.core.insights.report import Insights
from jobfollow.core.insights.responses import ResponseStat
from jobfollow.core.worklog.entries import LogEntry


def _stat(stat: ResponseStat) -> dict:
    return {"label": stat.label, "cases": stat.cases, "answered": stat.answered, "rate": stat.rate,
            "median_days": stat.median_days}


def insights_json(insights: Insights) -> dict:
    pace, followups = insights.pace, insights.followups
    return {
        "from": insights.start.isoformat(),
        "to": insights.end.isoformat(),
        "applications": insights.applications,
        "notes": insights.notes,
        "funnel": [{"stage": step.kind, "reached": step.reached, "conversion": step.conversion,
                    "share": step.share} for step in insights.funnel.steps],
        "closed": insights.funnel.closed,
        "closed_after": insights.funnel.stopped_at,
        "answers": {
            "after_applying": _stat(insights.after_applying),
            "after_interviews": [_stat(stat) for stat in insights.after_interviews],
            "by_source": [_stat(stat) for stat in insights.by_source],
            "by_title_keyword": [_stat(stat) for stat in insights.by_keyword],
            "by_tag": [_stat(stat) for stat in insights.by_tag],
        },
        "stage_days": [{"stage": row.kind, "stays": row.stays, "median": row.median_days,
                        "longest": row.longest_days} for row in insights.stage_times.rows],
        "weekly": {"goal": pace.goal, "streak": pace.streak, "best_streak": pace.best_streak,
                   "average": pace.average,
                   "weeks": [{"from": week.start.isoformat(), "applications": week.applications, "met": week.met}
                             for week in pace.weeks]},
        "followups": {"done": followups.done, "skipped": followups.skipped, "overdue": followups.overdue,
                      "upcoming": followups.upcoming, "status_checks": followups.checks_done,
                      "status_checks_answered": followups.checks_answered},
    }


def log_json(entries: list[LogEntry]) -> list[dict]:
    return [{"date": entry.when.isoformat(), "kind": entry.kind, "application_id": entry.card.id,
             "employer": entry.card.company, "employer_address": entry.card.address,
             "employer_website": entry.card.website, "contact": entry.person, "position": entry.card.position,
             "how_applied": entry.card.how_applied if entry.kind == "application" else "", "method": entry.method,
             "found": entry.card.source, "detail": entry.what, "result": entry.card.result}
            for entry in entries]
