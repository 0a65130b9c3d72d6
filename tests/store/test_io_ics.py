"""The calendar file: parses back, stable UIDs across exports, reminders on interviews, only what is pending."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from jobfollow.store import io_ics
from jobfollow.store.models import FollowUp, Interview, InterviewAttendee, JobApplication, Stage

NOW = dt.datetime(2026, 5, 4, 9, 0)


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def _setup():
    stage = Stage.select().first()
    app = JobApplication.create(stage=stage, company="Fabrikam", position_title="Data Analyst")
    gone = JobApplication.create(stage=stage, company="Deleted Co", position_title="X", deleted_at=NOW)
    interview = Interview.create(application=app, starts_at=dt.datetime(2026, 5, 6, 14, 30), location="Berlin HQ")
    from jobfollow.store.models import Contact

    InterviewAttendee.create(interview=interview, contact=Contact.create(name="Anna Keller"))
    Interview.create(application=app, starts_at=dt.datetime(2026, 4, 20, 10))  # past: not exported
    FollowUp.create(application=app, kind="thank_you", title="Thank Anna", due_on=dt.date(2026, 5, 7))
    FollowUp.create(application=app, kind="status_check", due_on=dt.date(2026, 5, 8), state="snoozed",
                    snoozed_until=dt.date(2026, 5, 12), reason="They said a decision by Friday")
    FollowUp.create(application=app, kind="custom", title="Done already", due_on=dt.date(2026, 5, 1), state="done")
    FollowUp.create(application=gone, kind="custom", title="Ghost", due_on=dt.date(2026, 5, 9))
    return app, interview


def test_export_parses_back_with_pending_followups_and_upcoming_interviews(profile, tmp_path):
    _setup()
    target = tmp_path / "jobfollow.ics"
    assert io_ics.export_ics(target, now=NOW) == 3
    events = _events(target)
    assert set(events) == {"Thank Anna: Fabrikam", "Status check: Fabrikam", "Interview: Data Analyst at Fabrikam"}
    snoozed = events["Status check: Fabrikam"]
    assert snoozed.decoded("dtstart") == dt.date(2026, 5, 12)  # the snoozed date, not the original one
    assert "decision by Friday" in str(snoozed["description"])
    interview = events["Interview: Data Analyst at Fabrikam"]
    assert interview.decoded("dtstart") == dt.datetime(2026, 5, 6, 14, 30).astimezone(dt.UTC)
    assert str(interview["location"]) == "Berlin HQ"
    assert "Anna Keller" in str(interview["description"])
    alarms = interview.walk("VALARM")
    assert sorted(a.decoded("trigger") for a in alarms) == [-dt.timedelta(days=1), -dt.timedelta(hours=1)]
    assert all(str(a["action"]) == "DISPLAY" for a in alarms)


def test_uids_are_stable_across_exports_and_differ_between_profiles(profile, tmp_path):
    _setup()
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    io_ics.export_ics(first, now=NOW)
    FollowUp.update(title="Thank Anna Keller").where(FollowUp.title == "Thank Anna").execute()
    io_ics.export_ics(second, now=NOW)
    uids_a = sorted(str(e["uid"]) for e in _events(first).values())
    uids_b = sorted(str(e["uid"]) for e in _events(second).values())
    assert uids_a == uids_b and len(set(uids_a)) == 3
    from jobfollow.store.settings import set_setting

    set_setting(io_ics.NAMESPACE_KEY, None)  # another profile gets another namespace
    third = tmp_path / "c.ics"
    io_ics.export_ics(third, now=NOW)
    assert not set(uids_a) & {str(e["uid"]) for e in _events(third).values()}


def test_empty_profile_gives_a_valid_empty_calendar(profile, tmp_path):
    target = tmp_path / "empty.ics"
    assert io_ics.export_ics(target, now=NOW) == 0
    cal = Calendar.from_ical(target.read_bytes())
    assert str(cal["version"]) == "2.0" and "jobfollow" in str(cal["prodid"])


def test_interview_times_are_written_in_utc_from_the_users_clock(profile, tmp_path, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")  # summer time: two hours ahead of UTC in May
    time.tzset()
    try:
        _setup()
        target = tmp_path / "jobfollow.ics"
        io_ics.export_ics(target, now=NOW)
        text = target.read_text()
    finally:
        monkeypatch.undo()
        time.tzset()
    # 14:30 in Berlin is 12:30 UTC, never a floating "14:30 wherever you are" (read back through icalendar,
    # not matched as text: how a release folds or spells the property is not the point)
    events = Calendar.from_ical(text).walk("VEVENT")
    interviews = [event for event in events if isinstance(event.decoded("dtstart"), dt.datetime)]
    start, end = interviews[0].decoded("dtstart"), interviews[0].decoded("dtend")
    assert start.utcoffset() == dt.timedelta(0)
    assert start == dt.datetime(2026, 5, 6, 12, 30, tzinfo=dt.UTC)
    assert end - start == dt.timedelta(hours=1)
