"""Queries about applications and stages that the board and the command line call."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from jobfollow.core.stages import StageKind
from jobfollow.i18n import _
from jobfollow.store.models import Activity, JobApplication, Stage, now


@dataclass(frozen=True)
class StageRow:
    id: int
    name: str
    kind: StageKind
    position: int
    collapsed: bool


def list_stages() -> list[StageRow]:
    return [
        StageRow(s.id, s.name, StageKind(s.kind), s.position, s.collapsed)
        for s in Stage.select().order_by(Stage.position, Stage.id)
    ]


def first_stage_of_kind(kind: StageKind) -> Stage | None:
    return Stage.select().where(Stage.kind == kind.value).order_by(Stage.position).first()


def live_applications():
    """Applications not deleted (deleted ones stay in the table so Undo can bring them back)."""
    return JobApplication.select().where(JobApplication.deleted_at.is_null())


def count_by_stage() -> dict[int, int]:
    from peewee import fn

    query = (
        live_applications()
        .select(JobApplication.stage, fn.COUNT(JobApplication.id).alias("n"))
        .group_by(JobApplication.stage)
    )
    return {row.stage_id: row.n for row in query}


def next_rank(stage_id: int) -> float:
    from peewee import fn

    top = live_applications().select(fn.MAX(JobApplication.rank)).where(JobApplication.stage == stage_id).scalar()
    return (top or 0.0) + 1.0


def log_activity(
    application_id: int, kind: str, summary: str, data: dict | None = None, when: dt.datetime | None = None
) -> Activity:
    moment = when or now()
    activity = Activity.create(
        application=application_id,
        kind=kind,
        summary=summary,
        data=json.dumps(data or {}, ensure_ascii=False, default=str),
        occurred_at=moment,
    )
    JobApplication.update(last_activity_at=moment).where(JobApplication.id == application_id).execute()
    return activity


def create_application(company: str, position_title: str, stage_id: int | None = None, **fields) -> JobApplication:
    """Add a card (to the first stage unless told otherwise) and note it on its timeline."""
    company, position_title = company.strip(), position_title.strip()
    if not company or not position_title:
        raise ValueError("company and position title are required")
    if stage_id is None:
        stage_id = Stage.select(Stage.id).order_by(Stage.position).scalar()
    db = JobApplication._meta.database
    with db.atomic():
        application = JobApplication.create(
            company=company, position_title=position_title, stage=stage_id, rank=next_rank(stage_id), **fields
        )
        log_activity(
            application.id,
            "created",
            _("Added {position} at {company}").format(position=position_title, company=company),
        )
    return application


@dataclass(frozen=True)
class CardRow:
    """What a card on the board shows, as plain values."""

    id: int
    stage_id: int
    company: str
    position_title: str
    rank: float
    stage_entered_at: dt.datetime
    priority: int
    tags: tuple[str, ...]
    outcome: str | None


def cards_by_stage() -> dict[int, list[CardRow]]:
    """Every live card grouped by stage id, in rank order (one query for the whole board)."""
    grouped: dict[int, list[CardRow]] = {}
    query = live_applications().order_by(JobApplication.stage, JobApplication.rank, JobApplication.id).tuples()
    query = query.select(
        JobApplication.id, JobApplication.stage, JobApplication.company, JobApplication.position_title,
        JobApplication.rank, JobApplication.stage_entered_at, JobApplication.priority, JobApplication.tags,
        JobApplication.outcome,
    )
    for app_id, stage_id, company, title, rank, entered, priority, tags, outcome in query:
        tag_tuple = tuple(t.strip() for t in tags.split(",") if t.strip())
        grouped.setdefault(stage_id, []).append(
            CardRow(app_id, stage_id, company, title, rank, entered, priority, tag_tuple, outcome)
        )
    return grouped
