"""Reflections on closed cards and the lessons view across all of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jobfollow.core.stages import StageKind
from jobfollow.core.timeline_text import TextFact
from jobfollow.i18n import N_
from jobfollow.store.applications import live_applications, log_activity
from jobfollow.store.models import Interview, JobApplication, Reflection, Stage, now

REFLECTION_FIELDS = ("feedback", "went_well", "prepare_differently", "answers_to_rewrite")


@dataclass(frozen=True)
class InterviewNotes:
    starts_at: dt.datetime
    questions: str
    answer_differently: str


@dataclass(frozen=True)
class Lesson:
    app_id: int
    company: str
    position_title: str
    outcome: str | None
    closed_at: dt.datetime
    feedback: str = ""
    went_well: str = ""
    prepare_differently: str = ""
    answers_to_rewrite: str = ""
    interviews: tuple[InterviewNotes, ...] = field(default_factory=tuple)

    @property
    def has_reflection(self) -> bool:
        return any((self.feedback, self.went_well, self.prepare_differently, self.answers_to_rewrite))


def reflection_values(app_id: int) -> dict[str, str]:
    row = Reflection.get_or_none(Reflection.application == app_id)
    return {name: (getattr(row, name) if row else "") for name in REFLECTION_FIELDS}


def save_reflection(app_id: int, values: dict[str, str]) -> None:
    clean = {name: (values.get(name) or "").strip() for name in REFLECTION_FIELDS}
    with Reflection._meta.database.atomic():
        updated = Reflection.update(**clean, updated_at=now()).where(Reflection.application == app_id).execute()
        if not updated:
            Reflection.create(application=app_id, **clean)
        log_activity(app_id, "note", TextFact(N_("Reflection saved")), {"reflection": True})


def interview_notes(app_id: int) -> list[InterviewNotes]:
    query = Interview.select().where(Interview.application == app_id).order_by(Interview.starts_at)
    return [InterviewNotes(i.starts_at, i.questions, i.answer_differently) for i in query]


def lessons() -> list[Lesson]:
    """Every live closed card, most recently closed first, with its reflection and interview questions."""
    apps = list(
        live_applications().join(Stage).where(Stage.kind == StageKind.CLOSED.value)
        .order_by(JobApplication.stage_entered_at.desc(), JobApplication.id.desc())
    )
    ids = [app.id for app in apps]
    reflections = {r.application_id: r for r in Reflection.select().where(Reflection.application.in_(ids))}
    notes: dict[int, list[InterviewNotes]] = {}
    for interview in Interview.select().where(Interview.application.in_(ids)).order_by(Interview.starts_at):
        notes.setdefault(interview.application_id, []).append(
            InterviewNotes(interview.starts_at, interview.questions, interview.answer_differently))
    result = []
    for app in apps:
        reflection = reflections.get(app.id)
        texts = {name: (getattr(reflection, name) if reflection else "") for name in REFLECTION_FIELDS}
        result.append(Lesson(app.id, app.company, app.position_title, app.outcome, app.stage_entered_at,
                             interviews=tuple(notes.get(app.id, ())), **texts))
    return result
