"""Queries about applications and stages that the board and the command line call."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from jobfollow.core.stages import StageKind
from jobfollow.core.timeline_text import TEXT_KEY, TextFact
from jobfollow.i18n import N_
from jobfollow.store.models import Activity, JobApplication, Stage, now
from jobfollow.store.stage_history import record_start


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


def next_rank(stage_id: int) -> float:
    from peewee import fn

    top = live_applications().select(fn.MAX(JobApplication.rank)).where(JobApplication.stage == stage_id).scalar()
    return (top or 0.0) + 1.0


def log_activity(
    application_id: int, kind: str, summary: str | TextFact, data: dict | None = None,
    when: dt.datetime | None = None,
) -> Activity:
    """A timeline entry. Given as a ``TextFact``, its text is kept as facts and shown in the language of the
    moment (``core.timeline_text``); a plain string (what the user typed) is kept as it is."""
    moment = when or now()
    if isinstance(summary, TextFact):
        data = {**(data or {}), TEXT_KEY: summary.as_data()}
        summary = summary.render()
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
        record_start(application.id, stage_id, application.created_at)
        log_activity(application.id, "created",
                     TextFact(N_("Added {position} at {company}"), {"position": position_title, "company": company}))
    return application

