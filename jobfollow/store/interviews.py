"""Interviews of an application: the round's facts, its notes, and who attended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace

from jobfollow.core.stages import ContactRole, InterviewFormat
from jobfollow.core.timeline_text import TextFact, datetime_arg
from jobfollow.i18n import N_
from jobfollow.store.applications import log_activity
from jobfollow.store.models import ApplicationContact, Contact, Interview, InterviewAttendee
from jobfollow.store.people import ContactCard, save_contact


@dataclass(frozen=True)
class InterviewRecord:
    application_id: int
    starts_at: dt.datetime
    id: int = 0  # 0 until saved
    format: str = InterviewFormat.VIDEO.value
    informational: bool = False
    location: str = ""
    questions: str = ""  # the questions asked and how you answered
    answer_differently: str = ""
    observations: str = ""  # the place and its atmosphere
    missed_points: str = ""  # points you meant to make and did not
    specific_topic: str = ""  # something specific to mention in the thank-you
    decision_date: dt.date | None = None
    follow_up_on: dt.date | None = None
    follow_up_channel: str = ""
    follow_up_interval_days: int | None = None  # "no more often than every N days"
    notes: str = ""
    attendee_ids: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class InterviewSummary:
    id: int
    starts_at: dt.datetime
    format: InterviewFormat
    informational: bool
    attendees: tuple[str, ...]
    decision_date: dt.date | None
    follow_up_on: dt.date | None


_COLUMNS = [f.name for f in fields(InterviewRecord) if f.name not in ("id", "application_id", "attendee_ids")]


def _attendee_ids(interview_id: int) -> tuple[int, ...]:
    query = InterviewAttendee.select(InterviewAttendee.contact).where(InterviewAttendee.interview == interview_id)
    return tuple(sorted(row.contact_id for row in query))


def get_interview(interview_id: int) -> InterviewRecord:
    row = Interview.get_by_id(interview_id)
    return InterviewRecord(
        application_id=row.application_id, id=row.id, attendee_ids=_attendee_ids(row.id),
        **{name: getattr(row, name) for name in _COLUMNS},
    )


def has_interview(application_id: int) -> bool:
    return Interview.select().where(Interview.application == application_id).exists()


def save_interview(record: InterviewRecord, new_people: list[ContactCard] = ()) -> InterviewRecord:
    """Create or update the interview, its attendees, and its "interview" timeline entry.

    ``new_people`` are interviewers typed into the form: they are created (or updated, if they carry
    an id) and join the attendees. Every attendee gets the interviewer role on the card unless they
    already hold a role there. Returns the stored record.
    """
    InterviewFormat(record.format)  # refuse an unknown format before writing anything
    db = Interview._meta.database
    with db.atomic():
        attendees = list(record.attendee_ids)
        for person in new_people:
            stored = save_contact(person)
            if stored.id not in attendees:
                attendees.append(stored.id)
        values = {name: getattr(record, name) for name in _COLUMNS}
        if record.id:
            Interview.update(**values).where(Interview.id == record.id).execute()
            interview_id = record.id
        else:
            interview_id = Interview.create(application=record.application_id, **values).id
        InterviewAttendee.delete().where(InterviewAttendee.interview == interview_id).execute()
        for contact_id in attendees:
            InterviewAttendee.create(interview=interview_id, contact=contact_id)
            has_role = ApplicationContact.select().where(
                (ApplicationContact.application == record.application_id) & (ApplicationContact.contact == contact_id)
            ).exists()
            if not has_role:
                ApplicationContact.create(application=record.application_id, contact=contact_id,
                                          role=ContactRole.INTERVIEWER.value)
        names = [c.name for c in Contact.select(Contact.name).where(Contact.id.in_(attendees)).order_by(Contact.name)]
        when = datetime_arg(record.starts_at)
        if record.id:
            summary = TextFact(N_("Updated the notes of the interview on {when}"), {"when": when})
        elif names:
            summary = TextFact(N_("Interview on {when} with {people}"), {"when": when, "people": ", ".join(names)})
        else:
            summary = TextFact(N_("Interview on {when}"), {"when": when})
        log_activity(record.application_id, "interview", summary,
                     {"interview_id": interview_id, "starts_at": record.starts_at.isoformat(),
                      "updated": bool(record.id)})
    return replace(record, id=interview_id, attendee_ids=tuple(sorted(attendees)))


def delete_interview(interview_id: int) -> None:
    row = Interview.get_or_none(Interview.id == interview_id)
    if row is None:
        return
    db = Interview._meta.database
    with db.atomic():
        when = datetime_arg(row.starts_at)
        application_id = row.application_id
        row.delete_instance()
        log_activity(application_id, "interview", TextFact(N_("Deleted the interview on {when}"), {"when": when}),
                     {"interview_id": interview_id, "deleted": True})


def interviews_of_application(application_id: int) -> list[InterviewSummary]:
    """The card's rounds, latest first, with the names of who attended."""
    rows = list(Interview.select().where(Interview.application == application_id)
                .order_by(Interview.starts_at.desc(), Interview.id.desc()))
    names: dict[int, list[str]] = {row.id: [] for row in rows}
    if rows:
        query = (InterviewAttendee.select(InterviewAttendee.interview, Contact.name).join(Contact)
                 .where(InterviewAttendee.interview.in_(list(names))).order_by(Contact.name).tuples())
        for interview_id, name in query:
            names[interview_id].append(name)
    return [
        InterviewSummary(row.id, row.starts_at, InterviewFormat(row.format), row.informational,
                         tuple(names[row.id]), row.decision_date, row.follow_up_on)
        for row in rows
    ]
