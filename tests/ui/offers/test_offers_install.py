"""The Offers menu in the main window and the reactions to card moves: offer dialog, network, reflection, letters."""

import datetime as dt

from jobfollow.core.stages import ContactRole, Outcome, StageKind
from jobfollow.services.offers import OfferService
from jobfollow.store import offers as store
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.lessons import reflection_values
from jobfollow.store.models import ApplicationContact, Contact, Interview, InterviewAttendee, JobApplication
from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.offers.lessons_window import APP_ID_ROLE, summary_html
from jobfollow.ui.offers.offer_dialog import OfferDialog
from jobfollow.ui.offers.outcome_dialogs import LetterPromptDialog
from jobfollow.ui.offers.reflection_dialog import ReflectionDialog
from tests.conftest import run_queued_reactions


def make_window(qtbot, profile, events):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    return window


def card_with_interviewers(company="Northwind", stage_kind=StageKind.NEXT_ROUND):
    app = create_application(company, "Analyst", stage_id=first_stage_of_kind(stage_kind).id)
    interview = Interview.create(application=app, starts_at=dt.datetime(2026, 4, 27, 10),
                                 questions="Why us? - vague", answer_differently="Name their product")
    for name in ("Ann Lee", "Bo Kim"):
        person = Contact.create(name=name)
        ApplicationContact.create(application=app, contact=person, role=ContactRole.INTERVIEWER.value)
        InterviewAttendee.create(interview=interview, contact=person)
    return app


def move(events, app, kind, outcome=None):
    """What the board does: change the stage (and outcome), then announce the move."""
    target = first_stage_of_kind(kind).id
    source = app.stage_id
    JobApplication.update(stage=target, outcome=outcome).where(JobApplication.id == app.id).execute()
    events.card_moved.emit(app.id, source, target, False)


def network_names(app_id):
    links = ApplicationContact.select().where(ApplicationContact.application == app_id,
                                              ApplicationContact.role == ContactRole.NETWORK.value)
    return sorted(link.contact.name for link in links)


def test_offers_menu_sits_before_help_and_every_entry_works(qtbot, demo_profile, events):
    window = make_window(qtbot, demo_profile, events)
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles.index("Offers") == titles.index("Help") - 1
    entries = [a.text().replace("&", "") for a in window.offers.menu.actions() if not a.isSeparator()]
    assert entries == ["Record an offer…", "Compare offers…", "My current job…", "Lessons from closed applications…"]
    window.offers.compare_action.trigger()
    assert window.offers.comparison.model.rowCount() == 2  # the demo's two offers
    window.offers.lessons_action.trigger()
    assert window.offers.lessons.model.rowCount() == 4  # the demo's closed cards
    window.offers.record_action.trigger()
    picker = window.offers.dialog
    assert picker.combo.count() > 0
    picker.accept()
    assert isinstance(window.offers.dialog, OfferDialog)
    window.offers.current_job_action.trigger()
    assert window.offers.dialog.current_job


def test_offer_requested_opens_the_offer_dialog(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers()
    events.offer_requested.emit(app.id)
    assert isinstance(window.offers.dialog, OfferDialog) and window.offers.dialog.app_id == app.id


def test_a_card_moved_to_offer_without_one_opens_the_offer_dialog(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers()
    move(events, app, StageKind.OFFER)
    qtbot.waitUntil(lambda: isinstance(window.offers.dialog, OfferDialog))
    assert window.offers.dialog.app_id == app.id


def test_no_dialog_when_the_card_already_has_an_offer(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers()
    store.save_offer(app.id, {"currency": "USD"})
    move(events, app, StageKind.OFFER)
    run_queued_reactions()
    assert window.offers.dialog is None


def test_rejected_keeps_the_network_and_offers_reflection_and_thanks(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers()
    move(events, app, StageKind.CLOSED, Outcome.REJECTED.value)
    qtbot.waitUntil(lambda: isinstance(window.offers.dialog, ReflectionDialog))
    assert network_names(app.id) == ["Ann Lee", "Bo Kim"]
    dialog = window.offers.dialog
    dialog.edits["feedback"].setPlainText("They hired someone with more SQL")
    dialog.edits["answers_to_rewrite"].setPlainText("Why us")
    with qtbot.waitSignal(events.compose_letter_requested) as blocker:
        dialog.letter_button.click()
    assert blocker.args[:2] == [app.id, "rejection_thanks"]
    assert reflection_values(app.id)["feedback"] == "They hired someone with more SQL"  # kept before the letter
    lessons = window.offers.open_lessons()
    assert "Why us" in summary_html(lessons.model.lessons)


def test_withdrew_offers_the_withdrawal_letter(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers()
    move(events, app, StageKind.CLOSED, Outcome.WITHDREW.value)
    qtbot.waitUntil(lambda: isinstance(window.offers.dialog, LetterPromptDialog))
    with qtbot.waitSignal(events.compose_letter_requested) as blocker:
        window.offers.dialog.accept()
    assert blocker.args[:2] == [app.id, "withdraw"]
    assert network_names(app.id) == ["Ann Lee", "Bo Kim"]


def test_declining_on_the_board_settles_the_offer_and_offers_the_letter(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers(stage_kind=StageKind.OFFER)
    offer = store.save_offer(app.id, {"currency": "USD"})
    move(events, app, StageKind.CLOSED, Outcome.DECLINED_OFFER.value)
    qtbot.waitUntil(lambda: isinstance(window.offers.dialog, LetterPromptDialog))
    assert window.offers.dialog.template_key == "decline_offer"
    assert store.Offer.get_by_id(offer.id).status == "declined"


def test_decline_through_the_comparison_does_not_ask_twice(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers(stage_kind=StageKind.OFFER)
    offer = store.save_offer(app.id, {"currency": "USD"})
    comparison = window.offers.open_comparison()
    comparison.table.selectRow(0)
    comparison.decline_button.click()
    decline = window.offers.dialog
    letters = []
    events.compose_letter_requested.connect(lambda *args: letters.append(args[1]))
    decline.accept()
    run_queued_reactions()
    assert letters == ["decline_offer"]
    assert window.offers.dialog is decline
    assert comparison.model.rowCount() == 0
    assert store.Offer.get_by_id(offer.id).status == "declined"


def test_the_lessons_window_filters_and_shows_a_card(qtbot, demo_profile, events):
    window = make_window(qtbot, demo_profile, events)
    lessons = window.offers.open_lessons()
    total = lessons.proxy.rowCount()
    closed = {lesson.app_id: lesson.closed_at for lesson in lessons.model.lessons}
    shown = [closed[lessons.proxy.index(row, 0).data(APP_ID_ROLE)] for row in range(total)]
    assert shown == sorted(shown, reverse=True)  # most recently closed first
    lessons.search.setText(lessons.model.lessons[0].company)
    assert 1 <= lessons.proxy.rowCount() < total
    lessons.table.selectRow(0)
    assert lessons.model.lessons[0].company in lessons.details.toHtml()
    lessons.reflect_button.click()
    assert isinstance(window.offers.dialog, ReflectionDialog)


def test_lessons_model_is_a_valid_qt_model(qtmodeltester, demo_profile):
    from jobfollow.store.lessons import lessons
    from jobfollow.ui.offers.lessons_window import LessonsModel

    model = LessonsModel()
    model.set_lessons(lessons())
    qtmodeltester.check(model)


def test_dragging_to_accepted_asks_for_the_start_date_once(qtbot, profile, events):
    from jobfollow.ui.offers.outcome_dialogs import AcceptDialog

    window = make_window(qtbot, profile, events)
    app = card_with_interviewers(stage_kind=StageKind.OFFER)
    offer = store.save_offer(app.id, {"currency": "USD"})
    move(events, app, StageKind.ACCEPTED)
    qtbot.waitUntil(lambda: isinstance(window.offers.dialog, AcceptDialog))
    dialog = window.offers.dialog
    # already in the accepted stage: no second move
    with qtbot.assertNotEmitted(events.card_moved), qtbot.waitSignal(events.compose_letter_requested) as blocker:
        dialog.accept()
    assert blocker.args[:2] == [app.id, "accept_offer"]
    assert store.Offer.get_by_id(offer.id).status == "accepted"
    run_queued_reactions()
    assert window.offers.dialog is dialog


def test_accept_from_the_offer_dialog_saves_first_then_confirms(qtbot, profile, events):
    from jobfollow.ui.offers.outcome_dialogs import AcceptDialog

    window = make_window(qtbot, profile, events)
    app = card_with_interviewers(stage_kind=StageKind.OFFER)
    dialog = window.offers.open_offer(app.id)
    dialog.money["base_salary"].edit.setText("81,000")
    dialog.accept_button.click()
    assert store.offer_for_application(app.id).base_salary == 81000
    assert isinstance(dialog.outcome_dialog, AcceptDialog)


def test_the_current_job_is_saved_from_its_dialog_and_joins_the_comparison(qtbot, profile, events):
    window = make_window(qtbot, profile, events)
    app = card_with_interviewers(stage_kind=StageKind.OFFER)
    store.save_offer(app.id, {"currency": "USD", "base_salary": 90000})
    comparison = window.offers.open_comparison()
    assert comparison.model.rowCount() == 1
    assert not comparison.include_current.isEnabled()  # nothing to show yet: greyed, with a hint
    assert "My current job" in comparison.include_current.toolTip()
    dialog = window.offers.edit_current_job()
    dialog.label_edit.setText("Today at Contoso")
    dialog.money["base_salary"].edit.setText("5,500")
    dialog.pay_period.setCurrentIndex(dialog.pay_period.findData("month"))
    dialog.ratings["growth"].setValue(2)
    with qtbot.waitSignal(events.settings_changed):
        dialog.accept()
    rows = {row.label: row for row in comparison.model.rows}
    assert rows["Today at Contoso"].yearly_base == 66000
    assert rows["Today at Contoso"].ratings == {"growth": 2}
    assert comparison.include_current.isEnabled() and not comparison.include_current.toolTip()
    comparison.include_current.setChecked(False)
    assert comparison.model.rowCount() == 1


def test_status_choices_leave_accepting_and_declining_to_their_dialogs(qtbot, profile, events):
    app = card_with_interviewers(stage_kind=StageKind.OFFER)
    dialog = OfferDialog(app.id, OfferService(events, None))
    qtbot.addWidget(dialog)
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["pending", "countered"]
