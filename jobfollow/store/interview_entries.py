"""Interviews still to come, as the calendar and the agenda show them: when, how, with whom, for which card."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from jobfollow.store.models import Contact, Interview, InterviewAttendee, JobApplication

HORIZON_DAYS = 180


@dataclass(frozen=True, slots=True)
class InterviewEntry:
    id: int
    application_id: int
    company: str
    position: str
    starts_at: dt.datetime
    format: str
    location: str
    people: tuple[str, ...]

    @property
    def on(self) -> dt.date:
        return self.starts_at.date()


def _datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def upcoming_interviews(today: dt.date, days: int = HORIZON_DAYS) -> list[InterviewEntry]:
    """Interviews of live cards from the start of ``today`` on, soonest first."""
    start = dt.datetime.combine(today, dt.time())
    end = start + dt.timedelta(days=days)
    database = Interview._meta.database
    rows = database.execute_sql(
        f"SELECT i.id, i.application_id, a.company, a.position_title, i.starts_at, i.format, i.location "
        f"FROM {Interview._meta.table_name} i JOIN {JobApplication._meta.table_name} a ON a.id = i.application_id "
        "WHERE a.deleted_at IS NULL AND i.starts_at >= ? AND i.starts_at < ? ORDER BY i.starts_at, i.id",
        (start.isoformat(sep=" "), end.isoformat(sep=" "))).fetchall()
    if not rows:
        return []
    people: dict[int, list[str]] = defaultdict(list)
    ids = [row[0] for row in rows]
    for interview_id, name in database.execute_sql(
            f"SELECT t.interview_id, c.name FROM {InterviewAttendee._meta.table_name} t "
            f"JOIN {Contact._meta.table_name} c ON c.id = t.contact_id "
            f"WHERE t.interview_id IN ({', '.join('?' * len(ids))}) ORDER BY c.name", ids).fetchall():
        people[interview_id].append(name)
    return [InterviewEntry(row[0], row[1], row[2], row[3], _datetime(row[4]), row[5], row[6],
                           tuple(people.get(row[0], ()))) for row in rows]


def interviews_to_come(app_id: int, now: dt.datetime) -> list[InterviewEntry]:
    """This card's interviews still ahead of ``now``, soonest first."""
    return [entry for entry in upcoming_interviews(now.date()) if entry.application_id == app_id
            and entry.starts_at > now]


def mark_interview_held(interview_id: int, now: dt.datetime) -> dt.datetime:
    """The user says this interview (planned for later) took place: it happened today, at its planned time if
    that has passed, else now. Returns the new start."""
    row = Interview.get_by_id(interview_id)
    planned = _datetime(row.starts_at)
    held = dt.datetime.combine(now.date(), planned.time())
    if held > now:
        held = now.replace(second=0, microsecond=0)
    Interview.update(starts_at=held).where(Interview.id == interview_id).execute()
    return held
