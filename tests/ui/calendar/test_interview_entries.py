"""Interviews to come are entries in the agenda and the calendar (with time, format and who), not follow-ups."""

from __future__ import annotations

import datetime as dt

from jobfollow.store.applications import create_application
from jobfollow.store.interview_entries import upcoming_interviews
from jobfollow.store.models import Contact, Interview, InterviewAttendee, JobApplication
from jobfollow.ui.calendar.agenda_model import INTERVIEW_ROLE, SUBTITLE_ROLE, AgendaModel
from tests.conftest import TODAY, started_calendar_pane

SOON = dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(10, 30))


def interview(company="Contoso", when=SOON, people=("Ana Ruiz", "Bo Chen"), interview_format="video") -> Interview:
    app = create_application(company, "Analyst")
    row = Interview.create(application=app, starts_at=when, format=interview_format, location="Lyon")
    for name in people:
        InterviewAttendee.create(interview=row, contact=Contact.create(name=name))
    return row


def test_upcoming_interviews_come_soonest_first_with_their_people(profile):
    later = interview("Later", dt.datetime.combine(TODAY + dt.timedelta(days=9), dt.time(9)))
    soon = interview("Soon")
    interview("Past", dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(9)))
    gone = interview("Deleted card")
    JobApplication.update(deleted_at=dt.datetime(2026, 5, 1)).where(JobApplication.id == gone.application_id).execute()
    entries = upcoming_interviews(TODAY)
    assert [entry.id for entry in entries] == [soon.id, later.id]
    assert entries[0].people == ("Ana Ruiz", "Bo Chen") and entries[0].company == "Soon"


def test_an_interview_is_an_agenda_row_with_time_format_and_people_but_no_follow_up(qtmodeltester, profile):
    interview()
    model = AgendaModel()
    model.set_items([], TODAY, upcoming_interviews(TODAY))
    qtmodeltester.check(model)
    group = model.index(0, 0)
    row = model.index(0, 0, group)
    assert row.data() == "Interview at Contoso"
    subtitle = row.data(SUBTITLE_ROLE)
    assert "10:30" in subtitle and "Video" in subtitle and "Ana Ruiz, Bo Chen" in subtitle
    assert row.data(INTERVIEW_ROLE) is not None and model.item_at(row) is None  # nothing to mark done
    assert model.interview_count() == 1 and model.item_count() == 0


def test_the_calendar_pane_shows_interviews_and_opens_their_card(qtbot, profile, events):
    row = interview()
    pane, _controller = started_calendar_pane(qtbot, events)
    assert pane.model.interview_count() == 1
    assert pane.calendar.interviews == {row.starts_at.date(): 1}
    assert "1 interview" in pane.calendar.tooltip_for(row.starts_at.date())
    group = pane.model.index(0, 0)
    pane.view.setCurrentIndex(pane.model.index(0, 0, group))
    assert not pane.done_button.isEnabled() and pane.open_action.isEnabled()
    opened = []
    events.open_application_requested.connect(opened.append)
    pane.open_card()
    assert opened == [row.application_id]


def test_a_new_interview_appears_without_a_restart(qtbot, profile, events):
    pane, _controller = started_calendar_pane(qtbot, events)
    assert pane.model.interview_count() == 0
    row = interview("Fabrikam")
    events.applications_changed.emit([row.application_id])
    assert pane.model.interview_count() == 1
