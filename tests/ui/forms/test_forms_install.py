"""The forms inside the real main window: the menu entry, the events that open them, and the "Done when" path."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from jobfollow.store.application_details import ApplicationDetails, add_application
from jobfollow.store.applications import list_stages
from jobfollow.store.models import JobApplication
from jobfollow.store.people import people_of_application
from jobfollow.ui.forms.application_form import INTERVIEWS_TAB, PEOPLE_TAB, ApplicationFormDialog
from jobfollow.ui.forms.interview_form import InterviewFormDialog
from jobfollow.ui.main_window import MainWindow


def make_window(qtbot, profile, events, modal):
    """The window; each form it runs is kept open for the test."""
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    opened = []

    def record(dialog):
        qtbot.addWidget(dialog)
        opened.append(dialog)
        return 0

    modal.on_dialog = record
    return window, opened


def test_file_menu_offers_new_application_with_the_standard_shortcut(qtbot, profile, events, modal):
    window, opened = make_window(qtbot, profile, events, modal)
    action = window.forms.new_application_action
    assert window.file_menu.actions()[0] is action
    assert action.text().replace("&", "") == "New application…"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    action.trigger()
    assert len(opened) == 1 and isinstance(opened[0], ApplicationFormDialog)
    assert opened[0].application_id is None


def test_events_open_the_form_of_a_card_and_the_interview_form(qtbot, profile, events, modal):
    _window, opened = make_window(qtbot, profile, events, modal)
    app_id = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    events.open_application_requested.emit(app_id)
    assert opened[-1].application_id == app_id
    assert opened[-1].details_page.company_edit.text() == "Contoso"
    events.record_interview_requested.emit(app_id)
    form = opened[-1]
    assert isinstance(form, InterviewFormDialog)
    assert form.starts_at().date() == dt.date.today()
    with qtbot.waitSignal(events.applications_changed) as changed:
        form.accept()
    assert changed.args == [[app_id]]
    # a card deleted meanwhile opens nothing
    JobApplication.update(deleted_at=dt.datetime.now()).where(JobApplication.id == app_id).execute()
    count = len(opened)
    events.open_application_requested.emit(app_id)
    events.record_interview_requested.emit(app_id)
    assert len(opened) == count


def test_done_when_add_an_application_record_three_interviewers_find_them_on_the_card(qtbot, profile, events, modal):
    window, opened = make_window(qtbot, profile, events, modal)
    before = window.board.card_count()
    seen = {}

    def fill_interview(form: InterviewFormDialog) -> bool:
        for name in ("Ann Okafor", "Ben Rossi", "Cleo Novak"):
            qtbot.keyClicks(form.new_name_edit, name)
            qtbot.keyClick(form.new_name_edit, Qt.Key.Key_Return)
        form.questions_edit.setPlainText("Why us? - Their community programme.")
        form.accept()
        return True

    def drive(dialog: ApplicationFormDialog) -> None:
        dialog.show()
        qtbot.keyClicks(dialog.details_page.company_edit, "Northwind Traders")
        qtbot.keyClicks(dialog.details_page.position_edit, "Event Planner")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
        dialog.show_tab(INTERVIEWS_TAB)
        dialog.interviews_page.add_button.click()  # the interview form: answered by fill_interview
        dialog.show_tab(PEOPLE_TAB)
        model = dialog.people_page.model
        seen["people"] = {model.index(row, 0).data() for row in range(model.rowCount())}
        seen["interviews"] = dialog.interviews_page.model.rowCount()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    def answer(dialog) -> int:
        if isinstance(dialog, InterviewFormDialog):
            return fill_interview(dialog)
        qtbot.addWidget(dialog)
        opened.append(dialog)
        drive(dialog)
        return 0

    modal.on_dialog = answer
    window.forms.new_application_action.trigger()  # File > New application… (Ctrl+N)
    assert len(opened) == 1
    assert seen["people"] == {"Ann Okafor", "Ben Rossi", "Cleo Novak"}
    assert seen["interviews"] == 1
    app = JobApplication.get(JobApplication.company == "Northwind Traders")
    assert app.stage_id == list_stages()[0].id
    assert {p.contact.name for p in people_of_application(app.id)} == seen["people"]
    assert window.board.card_count() == before + 1


def test_self_test_builds_the_form_of_a_card(qtbot, demo_profile, events, modal):
    from jobfollow.selfcheck import CHECKS, run_checks

    window, _opened = make_window(qtbot, demo_profile, events, modal)
    assert "application form opens" in [name for name, _func in CHECKS]
    assert run_checks(window) == []
