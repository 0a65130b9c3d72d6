"""Calendar file: pending follow-ups and upcoming interviews as an iCalendar (.ics) file.

UIDs are derived from the row ids and a namespace made once per profile (kept in the settings), so
importing a newer export into Google Calendar, Outlook or Apple Calendar updates the events instead of
adding copies, and two profiles never collide. Times are floating local times, which every calendar shows
in the user's own zone. Interviews carry two reminders (a day before and an hour before).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from jobfollow import __version__
from jobfollow.core import settings_registry as keys
from jobfollow.core.followup_kinds import kind_label
from jobfollow.core.stages import FORMAT_LABELS, InterviewFormat
from jobfollow.i18n import _
from jobfollow.store.models import FollowUp, Interview, JobApplication
from jobfollow.store.safe_write import write_atomically
from jobfollow.store.settings import get_setting, set_setting

NAMESPACE_KEY = keys.ICS_NAMESPACE.name
INTERVIEW_LENGTH = dt.timedelta(hours=1)


def profile_namespace() -> uuid.UUID:
    """This profile's UID namespace, created on first use and kept with the data."""
    stored = get_setting(NAMESPACE_KEY)
    try:
        return uuid.UUID(str(stored))
    except ValueError:
        namespace = uuid.uuid4()
        set_setting(NAMESPACE_KEY, str(namespace))
        return namespace


def event_uid(namespace: uuid.UUID, kind: str, row_id: int) -> str:
    return f"{uuid.uuid5(namespace, f'{kind}-{row_id}')}@jobfollow"


def _sequence(moment: dt.datetime | None) -> int:
    """Grows with every change of the row, so calendars take the newer copy."""
    return int(moment.timestamp() // 60) if moment else 0


def build_calendar(*, now: dt.datetime | None = None) -> Calendar:
    now = now or dt.datetime.now().replace(microsecond=0)
    namespace = profile_namespace()
    cal = Calendar()
    cal.add("prodid", f"-//jobfollow//jobfollow {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("jobfollow follow-ups"))
    stamp = now.astimezone(dt.UTC)
    followups = (FollowUp.select(FollowUp, JobApplication).join(JobApplication)
                 .where(FollowUp.state.in_(("open", "snoozed")) & JobApplication.deleted_at.is_null())
                 .order_by(FollowUp.due_on, FollowUp.id))
    for followup in followups:
        app = followup.application
        due = followup.snoozed_until if followup.state == "snoozed" and followup.snoozed_until else followup.due_on
        title = followup.title or kind_label(followup.kind)  # as the agenda names it
        event = Event()
        event.add("uid", event_uid(namespace, "followup", followup.id))
        event.add("dtstamp", stamp)
        event.add("last-modified", followup.updated_at.astimezone(dt.UTC))
        event.add("sequence", _sequence(followup.updated_at))
        event.add("summary", _("{title}: {company}").format(title=title, company=app.company))
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        description = [_("{position} at {company}").format(position=app.position_title, company=app.company)]
        if followup.reason:
            description.append(followup.reason)
        event.add("description", "\n".join(description))
        event.add("categories", ["jobfollow"])
        cal.add_component(event)
    interviews = (Interview.select(Interview, JobApplication).join(JobApplication)
                  .where((Interview.starts_at >= now - INTERVIEW_LENGTH) & JobApplication.deleted_at.is_null())
                  .order_by(Interview.starts_at, Interview.id))
    for interview in interviews:
        app = interview.application
        event = Event()
        event.add("uid", event_uid(namespace, "interview", interview.id))
        event.add("dtstamp", stamp)
        event.add("sequence", _sequence(interview.created_at))
        try:
            format_label = _(FORMAT_LABELS[InterviewFormat(interview.format)])
        except ValueError:
            format_label = interview.format
        event.add("summary", _("Interview: {position} at {company}").format(
            position=app.position_title, company=app.company))
        # Stored as the user's wall-clock time; written in UTC so a calendar set to another zone still
        # shows the interview at the right moment (a floating time would move with the calendar's zone).
        starts = interview.starts_at.astimezone(dt.UTC)
        event.add("dtstart", starts)
        event.add("dtend", starts + INTERVIEW_LENGTH)
        if interview.location:
            event.add("location", interview.location)
        people = [a.contact.name for a in interview.attendees]
        description = [_("Format: {format}").format(format=format_label)]
        if people:
            description.append(_("With: {people}").format(people=", ".join(people)))
        if interview.notes:
            description.append(interview.notes)
        event.add("description", "\n".join(description))
        event.add("categories", ["jobfollow"])
        for before, text in ((dt.timedelta(days=1), _("Interview tomorrow")), (dt.timedelta(hours=1),
                                                                               _("Interview in one hour"))):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{text}: {app.company}")
            alarm.add("trigger", -before)
            event.add_component(alarm)
        cal.add_component(event)
    return cal


def export_ics(target: Path, *, now: dt.datetime | None = None) -> int:
    """Write the calendar file; returns the number of events."""
    cal = build_calendar(now=now)
    data = cal.to_ical()
    write_atomically(target, lambda partial: partial.write_bytes(data))
    return len(cal.subcomponents)
