"""Read what insights are computed from: every live card with its stage history, rounds and replies.

Plain SQL in a handful of queries, whatever the number of cards (peewee's per-row conversion would cost more
than the queries); the figures themselves are computed in ``core.insights``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from jobfollow.core.insights.records import CardRecord, FollowUpRecord, Visit
from jobfollow.store.models import (
    Activity,
    FollowUp,
    Interview,
    JobApplication,
    StageHistory,
    database_proxy,
)

WEEKLY_GOAL_KEY = "insights.weekly_goal"  # declared in core.settings_registry


def _rows(sql: str, params: tuple = ()) -> list[tuple]:
    return database_proxy.obj.execute_sql(sql, params).fetchall()


def _datetime(text) -> dt.datetime | None:
    if text is None or isinstance(text, dt.datetime):
        return text
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None  # a damaged value: the entry is left out rather than the whole view lost


def _date(text) -> dt.date | None:
    if text is None or isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def load_card_records() -> list[CardRecord]:
    apps, history = JobApplication._meta.table_name, StageHistory._meta.table_name
    visits: dict[int, list[Visit]] = defaultdict(list)
    imported: set[int] = set()
    for app_id, kind, entered, outcome, origin in _rows(
            f"SELECT application_id, stage_kind, entered_at, outcome, origin FROM {history} "
            "ORDER BY application_id, entered_at, id"):
        when = _datetime(entered)
        if when is None:
            continue
        if origin == "import" and not visits[app_id]:
            imported.add(app_id)
        visits[app_id].append(Visit(kind, when, outcome))
    rounds: dict[int, list[dt.datetime]] = defaultdict(list)
    for app_id, starts in _rows(f"SELECT application_id, starts_at FROM {Interview._meta.table_name} "
                                "ORDER BY application_id, starts_at"):
        when = _datetime(starts)
        if when is not None:
            rounds[app_id].append(when)
    replies: dict[int, list[dt.datetime]] = defaultdict(list)
    for app_id, occurred in _rows(f"SELECT application_id, occurred_at FROM {Activity._meta.table_name} "
                                  "WHERE kind = 'reply' ORDER BY application_id, occurred_at"):
        when = _datetime(occurred)
        if when is not None:
            replies[app_id].append(when)
    records = []
    for app_id, company, title, applied_on, created_at, source, tags in _rows(
            f"SELECT id, company, position_title, applied_on, created_at, source, tags FROM {apps} "
            "WHERE deleted_at IS NULL"):
        applied = _date(applied_on) or _date(created_at)
        if applied is None:
            continue
        records.append(CardRecord(
            app_id, company, title, applied, source or "",
            tuple(tag.strip() for tag in (tags or "").split(",") if tag.strip()),
            tuple(visits.get(app_id, ())), tuple(rounds.get(app_id, ())), tuple(replies.get(app_id, ())),
            app_id in imported,
        ))
    return records


def load_followup_records() -> list[FollowUpRecord]:
    records = []
    for app_id, kind, state, due_on, snoozed, result, done_at in _rows(
            f"SELECT f.application_id, f.kind, f.state, f.due_on, f.snoozed_until, f.result, f.done_at "
            f"FROM {FollowUp._meta.table_name} f JOIN {JobApplication._meta.table_name} a "
            "ON a.id = f.application_id WHERE a.deleted_at IS NULL"):
        due = _date(due_on)
        if due is None:
            continue
        records.append(FollowUpRecord(app_id, kind, state, due, _date(snoozed), result or "", _date(done_at)))
    return records


def weekly_goal() -> int:
    from jobfollow.core.settings_registry import WEEKLY_GOAL
    from jobfollow.store.settings import read

    return read(WEEKLY_GOAL)


def set_weekly_goal(goal: int) -> None:
    from jobfollow.core.insights.weekly import clamp_goal
    from jobfollow.core.settings_registry import WEEKLY_GOAL
    from jobfollow.store.settings import write

    write(WEEKLY_GOAL, clamp_goal(goal))


def first_application_date() -> dt.date | None:
    """The earliest day an application was sent (the start of "everything")."""
    row = _rows(f"SELECT MIN(COALESCE(applied_on, DATE(created_at))) FROM {JobApplication._meta.table_name} "
                "WHERE deleted_at IS NULL")
    return _date(row[0][0]) if row else None

