"""Every item model of the forms passes Qt's model tester and shows what the user expects."""

import datetime as dt

from PySide6.QtCore import Qt

from jobfollow.i18n import format_date, format_time
from jobfollow.store.applications import live_applications
from jobfollow.store.interviews import interviews_of_application
from jobfollow.store.people import ContactCard, find_contacts, people_of_application
from jobfollow.store.timeline import timeline
from jobfollow.ui.forms.people_models import CONTACT_ID_ROLE, AttendeeModel, ContactChoicesModel, PeopleModel
from jobfollow.ui.forms.record_models import InterviewListModel, TimelineModel


def a_card_with_interviews() -> int:
    return next(app.id for app in live_applications() if app.interviews.count())


def test_people_model(qtmodeltester, demo_profile):
    model = PeopleModel()
    app_id = a_card_with_interviews()
    model.set_people(people_of_application(app_id))
    qtmodeltester.check(model)
    assert model.rowCount() >= 2
    roles = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert "Interviewer" in roles and "Recruiter / HR" in roles
    assert model.headerData(4, Qt.Orientation.Horizontal) == "E-mail"
    assert "@" in model.index(0, 4).data()


def test_contact_choices_model_completes_on_the_name_and_shows_title_and_organisation(qtmodeltester, profile):
    from jobfollow.store.people import save_contact

    save_contact(ContactCard(name="Amy Chen", title="Recruiter", organisation="Agency One"))
    model = ContactChoicesModel()
    model.set_contacts(find_contacts())
    qtmodeltester.check(model)
    index = model.index(0)
    assert index.data(Qt.ItemDataRole.EditRole) == "Amy Chen"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Amy Chen (Recruiter, Agency One)"


def test_attendee_model_ticks_and_takes_new_people(qtmodeltester, profile):
    model = AttendeeModel()
    model.set_candidates([ContactCard(id=4, name="Ann"), ContactCard(id=9, name="Ben")], {9})
    qtmodeltester.check(model)
    assert model.checked_ids() == (9,)
    assert model.setData(model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.add_person(ContactCard(name="Cleo"))
    model.add_person(ContactCard(name="cleo"))  # the same new person typed twice is one row
    assert model.rowCount() == 3
    assert model.setData(model.index(0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    model.add_person(ContactCard(name=" ann "))  # typing someone already on the card ticks them
    assert model.rowCount() == 3
    assert model.checked_ids() == (4, 9)
    assert [c.name for c in model.checked_new_people()] == ["Cleo"]
    assert model.index(2).data() == "Cleo (new)"
    assert model.index(2).data(CONTACT_ID_ROLE) == 0
    qtmodeltester.check(model)


def test_interview_list_model(qtmodeltester, demo_profile):
    model = InterviewListModel()
    model.set_rows(interviews_of_application(a_card_with_interviews()))
    qtmodeltester.check(model)
    row = model.row_item(0)
    assert model.index(0, 2).data() == ", ".join(row.attendees)
    assert str(row.starts_at.year) in model.index(0, 0).data()


def test_timeline_model_shows_locale_dates_newest_first(qtmodeltester, demo_profile):
    from jobfollow.store.timeline import add_entry

    app_id = a_card_with_interviews()
    add_entry(app_id, "reply", "Amy wrote back", when=dt.datetime(2030, 1, 2, 9, 30))
    model = TimelineModel()
    model.set_rows(timeline(app_id))
    qtmodeltester.check(model)
    shown = [model.index(0, c).data() for c in range(3)]
    assert shown[1:] == ["Reply received", "Amy wrote back"]
    moment = dt.datetime(2030, 1, 2, 9, 30)
    assert shown[0] == f"{format_date(moment.date())}, {format_time(moment)}"  # the locale's own formats
