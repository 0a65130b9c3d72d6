"""The store functions behind the application form: details, people, interviews, timeline (no Qt)."""

import datetime as dt

import pytest

from jobfollow.core.stages import ContactRole
from jobfollow.store.application_details import (
    ApplicationDetails,
    add_application,
    load_details,
    restore_details,
    save_details,
)
from jobfollow.store.applications import list_stages
from jobfollow.store.interviews import (
    InterviewRecord,
    delete_interview,
    get_interview,
    has_interview,
    interviews_of_application,
    save_interview,
)
from jobfollow.store.models import Activity, JobApplication
from jobfollow.store.people import (
    ContactCard,
    applications_of_contact,
    change_role,
    find_contacts,
    link_contact,
    people_of_application,
    save_contact,
    unlink_contact,
)
from jobfollow.store.timeline import add_entry, remove_entry, timeline
from tests.conftest import TODAY


def new_card(company="Contoso", title="Analyst", **extra) -> int:
    return add_application(ApplicationDetails(company=company, position_title=title, **extra))


def test_a_new_application_lands_in_the_first_stage_with_its_details(profile):
    app_id = new_card("  Contoso ", "Data Analyst", location="Lyon", tags="remote, dream job",
                      applied_on=TODAY)
    app = JobApplication.get_by_id(app_id)
    assert app.stage_id == list_stages()[0].id
    assert (app.company, app.location, app.tag_list) == ("Contoso", "Lyon", ["remote", "dream job"])
    assert [e.kind for e in timeline(app_id)] == ["created"]
    with pytest.raises(ValueError):
        new_card("Contoso", "  ")


def test_saving_details_logs_what_changed_and_restoring_takes_it_back(profile):
    app_id = new_card(location="Lyon", applied_on=TODAY)
    before = load_details(app_id)
    after = ApplicationDetails(**{**before.__dict__, "location": "Berlin", "salary_range": "70k-85k EUR"})
    activity_id = save_details(app_id, after)
    assert load_details(app_id).location == "Berlin"
    entry = timeline(app_id)[0]
    assert entry.kind == "edited" and "Location" in entry.summary and "Salary range" in entry.summary
    assert save_details(app_id, after) is None  # nothing changed, nothing logged
    restore_details(app_id, before, activity_id)
    assert load_details(app_id) == before
    assert [e.kind for e in timeline(app_id)] == ["created"]


def test_a_contact_is_shared_between_two_applications(profile):
    first, second = new_card("Contoso"), new_card("Fabrikam")
    recruiter = save_contact(ContactCard(name="Amy Chen", title="Recruiter", organisation="Agency One",
                                         email="amy@agency.example"))
    assert link_contact(first, recruiter.id, ContactRole.RECRUITER)
    # the second card picks the same person rather than typing her again
    found = find_contacts("amy")
    assert [c.id for c in found] == [recruiter.id]
    assert found[0].subtitle == "Recruiter, Agency One"
    assert link_contact(second, found[0].id, ContactRole.RECRUITER)
    assert not link_contact(second, found[0].id, ContactRole.RECRUITER)  # already there
    assert applications_of_contact(recruiter.id) == [first, second]
    # editing her business card shows on both cards
    save_contact(ContactCard(**{**recruiter.__dict__, "phone": "+1 555 0100"}))
    assert [p.contact.phone for p in people_of_application(first)] == ["+1 555 0100"]
    assert [p.contact.phone for p in people_of_application(second)] == ["+1 555 0100"]
    # removing her from one card leaves her on the other
    assert unlink_contact(first, recruiter.id) == 1
    assert people_of_application(first) == []
    assert [p.contact.name for p in people_of_application(second)] == ["Amy Chen"]
    assert "Removed Amy Chen" in timeline(first)[0].summary


def test_find_contacts_searches_title_and_organisation_too(profile):
    save_contact(ContactCard(name="Bob Novak", title="Hiring Manager", organisation="Contoso"))
    save_contact(ContactCard(name="Dana Silva", title="Professor", organisation="Bellows College"))
    assert [c.name for c in find_contacts("contoso")] == ["Bob Novak"]
    assert [c.name for c in find_contacts("PROF")] == ["Dana Silva"]
    assert [c.name for c in find_contacts()] == ["Bob Novak", "Dana Silva"]
    with pytest.raises(ValueError):
        save_contact(ContactCard(name="  "))


def test_people_are_listed_by_role_then_name_and_a_role_can_change(profile):
    app_id = new_card()
    ref = save_contact(ContactCard(name="Zoe Reference"))
    lead = save_contact(ContactCard(name="Yann Lead"))
    other = save_contact(ContactCard(name="Abe Lead"))
    link_contact(app_id, ref.id, ContactRole.REFERENCE)
    link_contact(app_id, lead.id, ContactRole.INTERVIEWER)
    link_contact(app_id, other.id, ContactRole.INTERVIEWER)
    assert [(p.contact.name, p.role) for p in people_of_application(app_id)] == [
        ("Abe Lead", ContactRole.INTERVIEWER), ("Yann Lead", ContactRole.INTERVIEWER),
        ("Zoe Reference", ContactRole.REFERENCE)]
    change_role(app_id, other.id, ContactRole.INTERVIEWER, ContactRole.HIRING_MANAGER)
    roles = {p.contact.name: p.role for p in people_of_application(app_id)}
    assert roles["Abe Lead"] == ContactRole.HIRING_MANAGER and len(roles) == 3


def test_an_interview_with_three_new_interviewers_puts_them_on_the_card(profile):
    app_id = new_card()
    known = save_contact(ContactCard(name="Pete Recruiter"))
    link_contact(app_id, known.id, ContactRole.RECRUITER)
    record = InterviewRecord(application_id=app_id, starts_at=dt.datetime.combine(TODAY, dt.time(14, 0)),
                             format="on_site", specific_topic="their Nordic expansion",
                             decision_date=TODAY + dt.timedelta(days=7), follow_up_channel="phone",
                             follow_up_interval_days=5, attendee_ids=(known.id,))
    stored = save_interview(record, [ContactCard(name=n, title="Team Lead") for n in ("Ann", "Ben", "Cleo")])
    assert stored.id and len(stored.attendee_ids) == 4
    again = get_interview(stored.id)
    assert again == stored
    people = {(p.contact.name, p.role) for p in people_of_application(app_id)}
    assert people == {("Pete Recruiter", ContactRole.RECRUITER), ("Ann", ContactRole.INTERVIEWER),
                      ("Ben", ContactRole.INTERVIEWER), ("Cleo", ContactRole.INTERVIEWER)}
    summary = interviews_of_application(app_id)[0]
    assert summary.attendees == ("Ann", "Ben", "Cleo", "Pete Recruiter")
    entry = timeline(app_id)[0]
    assert entry.kind == "interview" and "Ann, Ben, Cleo" in entry.summary
    assert entry.data["interview_id"] == stored.id
    assert has_interview(app_id)


def test_editing_an_interview_replaces_its_attendees_and_delete_removes_it(profile):
    app_id = new_card()
    ann, ben = (save_contact(ContactCard(name=n)) for n in ("Ann", "Ben"))
    when = dt.datetime.combine(TODAY, dt.time(10, 0))
    stored = save_interview(InterviewRecord(application_id=app_id, starts_at=when, attendee_ids=(ann.id, ben.id)))
    from dataclasses import replace

    edited = save_interview(replace(stored, attendee_ids=(ben.id,), questions="Why us? - Their mission."))
    assert get_interview(stored.id).attendee_ids == (ben.id,)
    assert get_interview(stored.id).questions == "Why us? - Their mission."
    assert edited.id == stored.id and len(interviews_of_application(app_id)) == 1
    delete_interview(stored.id)
    assert interviews_of_application(app_id) == [] and not has_interview(app_id)
    assert "Deleted" in timeline(app_id)[0].summary
    with pytest.raises(ValueError):
        save_interview(InterviewRecord(application_id=app_id, starts_at=when, format="carrier pigeon"))


def test_timeline_is_newest_first_and_takes_notes_calls_and_replies(profile):
    app_id = new_card()
    base = dt.datetime.combine(TODAY, dt.time(9, 0))
    Activity.update(occurred_at=base).where(Activity.application == app_id).execute()  # "created" at base
    add_entry(app_id, "call", "Called Amy: decision next week", when=base + dt.timedelta(days=1))
    add_entry(app_id, "note", "Remember the portfolio link", when=base + dt.timedelta(days=3))
    reply = add_entry(app_id, "reply", "", when=base + dt.timedelta(days=2))
    entries = timeline(app_id)
    assert [e.kind for e in entries] == ["note", "reply", "call", "created"]
    assert [e.occurred_at.day for e in entries] == [7, 6, 5, 4]
    with pytest.raises(ValueError):
        add_entry(app_id, "note", "   ")
    with pytest.raises(ValueError):
        add_entry(app_id, "moved", "by hand")
    remove_entry(reply.id)
    remove_entry(entries[-1].id)  # program history (created) stays
    assert [e.kind for e in timeline(app_id)] == ["note", "call", "created"]
