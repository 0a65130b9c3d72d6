"""Every interview question recorded, across all cards, with its star and tags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobfollow.core.question_bank import bullet_points, parse_questions
from jobfollow.store.models import Interview, JobApplication, QuestionMark


@dataclass(frozen=True)
class BankQuestion:
    interview_id: int
    application_id: int
    company: str
    position_title: str
    asked_on: dt.date
    question: str
    answer: str
    differently: str  # what you would say differently (the round's note)
    starred: bool
    tags: str


def bank_questions() -> list[BankQuestion]:
    """All questions of all interviews of cards on the board, newest round first."""
    marks = {(m.interview_id, m.question): (m.starred, m.tags) for m in QuestionMark.select()}
    query = (Interview.select(Interview.id, Interview.application, Interview.starts_at, Interview.questions,
                              Interview.answer_differently, JobApplication.company, JobApplication.position_title)
             .join(JobApplication)
             .where(JobApplication.deleted_at.is_null() & (Interview.questions != ""))
             .order_by(Interview.starts_at.desc())
             .tuples())
    found = []
    for interview_id, app_id, starts_at, text, differently, company, title in query:
        day = starts_at.date() if isinstance(starts_at, dt.datetime) else starts_at
        for question, answer in parse_questions(text):
            starred, tags = marks.get((interview_id, question), (False, ""))
            found.append(BankQuestion(interview_id, app_id, company, title, day, question, answer, differently,
                                      starred, tags))
    return found


def mark_question(interview_id: int, question: str, *, starred: bool | None = None, tags: str | None = None) -> None:
    row, _created = QuestionMark.get_or_create(interview=interview_id, question=question)
    if starred is not None:
        row.starred = starred
    if tags is not None:
        row.tags = ", ".join(t.strip() for t in tags.split(",") if t.strip())
    row.save()


@dataclass(frozen=True)
class EarlierRound:
    interview_id: int
    starts_at: dt.datetime
    missed_points: list[str]


def earlier_rounds(application_id: int) -> tuple[str, list[EarlierRound]]:
    """The card's company and its rounds so far, with the points you did not make in each."""
    company = JobApplication.get_by_id(application_id).company
    rounds = [EarlierRound(row.id, row.starts_at, bullet_points(row.missed_points))
              for row in Interview.select().where(Interview.application == application_id)
              .order_by(Interview.starts_at)]
    return company, rounds
