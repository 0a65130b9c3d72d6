"""The database refuses a write while a dialog is open (another program locked it, or it became
read-only): the user is told in one sentence, the dialog stays open with the text, and a retry saves."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from jobfollow.services.offers import OfferService
from jobfollow.store.application_details import ApplicationDetails, add_application, load_details
from jobfollow.store.interviews import interviews_of_application
from jobfollow.store.models import database_proxy
from jobfollow.store.people import people_of_application
from jobfollow.ui import store_errors
from jobfollow.ui.forms.application_form import ApplicationFormDialog
from jobfollow.ui.forms.contact_editor import ContactEditorDialog
from jobfollow.ui.forms.interview_form import InterviewFormDialog
from tests.conftest import TODAY, started_calendar_pane


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(store_errors.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


class Lock:
    """Another program holding the write lock (or, with ``read_only``, a file that became read-only)."""

    def __init__(self, profile, read_only=False):
        self.profile, self.read_only, self.other = profile, read_only, None

    def __enter__(self):
        db = database_proxy.obj
        if self.read_only:
            db.execute_sql("PRAGMA query_only = 1")
        else:
            db.execute_sql("PRAGMA busy_timeout = 50")
            self.other = sqlite3.connect(self.profile.db_path, isolation_level=None)
            self.other.execute("BEGIN EXCLUSIVE")
        return self

    def __exit__(self, *exc):
        if self.other is not None:
            self.other.close()
        database_proxy.obj.execute_sql("PRAGMA query_only = 0")


@pytest.mark.parametrize("read_only", [False, True])
def test_application_form_edit_is_kept_and_not_put_on_the_undo_stack(qtbot, profile, events, warnings, read_only):
    app_id = add_application(ApplicationDetails(company="Contoso", position_title="Analyst", location="Lyon"))
    stack = QUndoStack()
    dialog = ApplicationFormDialog(events, stack, app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.details_page.location_edit.setText("Berlin")
    with Lock(profile, read_only):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.details_page.location_edit.text() == "Berlin"
    assert stack.count() == 0 and load_details(app_id).location == "Lyon"
    assert len(warnings) == 1
    assert ("read-only" if read_only else "locked") in warnings[0] and "still here" in warnings[0]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # the other program let go
    assert dialog.result() == QDialog.DialogCode.Accepted and load_details(app_id).location == "Berlin"
    assert stack.count() == 1


def test_a_new_application_that_cannot_be_written_keeps_the_form(qtbot, profile, events, warnings):
    dialog = ApplicationFormDialog(events, QUndoStack(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.details_page.company_edit.setText("Fabrikam")
    dialog.details_page.position_edit.setText("Designer")
    with Lock(profile):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.application_id is None and len(warnings) == 1
    assert dialog.details_page.company_edit.text() == "Fabrikam"


def test_contact_editor_stays_open_with_the_person(qtbot, profile, warnings):
    app_id = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    dialog = ContactEditorDialog(app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "Dana Silva")
    with Lock(profile):
        dialog.accept()
    assert dialog.isVisible() and dialog.name_edit.text() == "Dana Silva" and len(warnings) == 1
    assert people_of_application(app_id) == []
    dialog.accept()
    assert [p.contact.name for p in people_of_application(app_id)] == ["Dana Silva"]


def test_interview_form_stays_open_with_its_notes(qtbot, profile, warnings):
    app_id = add_application(ApplicationDetails(company="Contoso", position_title="Analyst", applied_on=TODAY))
    dialog = InterviewFormDialog(app_id, default_start=dt.datetime.combine(TODAY, dt.time(10)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.topic_edit.setText("their Nordic expansion")
    with Lock(profile, read_only=True):
        dialog.accept()
    assert dialog.isVisible() and dialog.topic_edit.text() == "their Nordic expansion" and len(warnings) == 1
    assert interviews_of_application(app_id) == []
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert len(interviews_of_application(app_id)) == 1


def test_store_error_hook_turns_a_stray_database_error_into_the_message(qapp, monkeypatch, warnings, capsys):
    passed_on = []
    monkeypatch.setattr("sys.excepthook", lambda *info: passed_on.append(info[1]))
    store_errors.install_store_error_hook()
    import sys

    sys.excepthook(sqlite3.OperationalError, sqlite3.OperationalError("database is locked"), None)
    other = ValueError("a bug")
    sys.excepthook(ValueError, other, None)
    assert len(warnings) == 1 and "locked" in warnings[0]
    assert passed_on == [other]  # other errors still reach the usual handler
    assert capsys.readouterr().err.count("\n") == 1


def test_offer_dialog_says_why_inline_and_keeps_the_figures(qtbot, profile, events, warnings):
    from jobfollow.store.applications import create_application
    from jobfollow.store.models import Offer
    from jobfollow.ui.offers.offer_dialog import OfferDialog

    app = create_application("Contoso", "Analyst")
    dialog = OfferDialog(app.id, OfferService(events, None), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.money["base_salary"].edit.setText("70,000")
    with Lock(profile):
        assert not dialog.save()
    assert dialog.error.isVisible() and "locked" in dialog.error.text()
    assert dialog.money["base_salary"].edit.text() == "70,000" and Offer.select().count() == 0
    assert dialog.save() and Offer.select().count() == 1


def test_own_followup_reopens_with_its_text_when_it_cannot_be_stored(qtbot, demo_profile, events, warnings,
                                                                      monkeypatch):
    from jobfollow.ui.calendar import calendar_pane as module
    from jobfollow.ui.calendar.followup_dialogs import CustomFollowUpDialog

    pane, _controller = started_calendar_pane(qtbot, events)
    seen = []
    lock = Lock(demo_profile)

    class Typing(CustomFollowUpDialog):
        def exec(self):
            seen.append(self.title_edit.text())
            if not seen[-1]:
                self.title_edit.setText("Call Dana about the start date")
                lock.__enter__()  # the database is locked when OK is pressed the first time
            else:
                lock.__exit__()
            self.accept()
            return 1

    monkeypatch.setattr(module, "CustomFollowUpDialog", Typing)
    pane.add_action.trigger()
    assert seen == ["", "Call Dana about the start date"]  # reopened with what was typed
    assert len(warnings) == 1
    assert pane.current_item().title == "Call Dana about the start date"


def test_a_snooze_that_cannot_be_written_is_not_put_on_the_undo_stack(qtbot, demo_profile, events, warnings):
    from jobfollow.store.models import FollowUp
    stack = QUndoStack()
    pane, controller = started_calendar_pane(qtbot, events, stack)
    item = controller.items[0]
    pane.select(item.id)
    before = FollowUp.get_by_id(item.id)
    with Lock(demo_profile):
        pane.snooze_days(3)
    assert stack.count() == 0 and len(warnings) == 1
    after = FollowUp.get_by_id(item.id)
    assert (after.state, after.snoozed_until) == (before.state, before.snoozed_until)
    pane.snooze_days(3)
    assert stack.count() == 1 and FollowUp.get_by_id(item.id).state == "snoozed"


def test_stage_editor_shows_the_refusal_inline_and_keeps_the_name(qtbot, profile, events):
    from jobfollow.ui.board.board_widget import BoardWidget
    from jobfollow.ui.board.stage_editor import StageEditorDialog

    board = BoardWidget(events, QUndoStack())
    qtbot.addWidget(board)
    editor = StageEditorDialog(board)
    qtbot.addWidget(editor)
    editor.show()
    editor.name_edit.setText("Phone screen")
    with Lock(profile):
        assert not editor.add_stage()
    assert editor.message.isVisible() and "locked" in editor.message.text()
    assert editor.name_edit.text() == "Phone screen"
    assert board.undo_stack.count() == 0 and len(board.columns) == 7
    assert editor.add_stage() and len(board.columns) == 8 and board.undo_stack.count() == 1


def test_a_move_that_cannot_be_written_leaves_the_card_and_the_undo_stack(qtbot, profile, events, warnings):
    from jobfollow.core.stages import StageKind
    from jobfollow.store.applications import create_application, first_stage_of_kind
    from jobfollow.store.models import JobApplication
    from jobfollow.ui.board.board_widget import BoardWidget

    app = create_application("Acme", "Analyst")
    board = BoardWidget(events, QUndoStack())
    qtbot.addWidget(board)
    offer = first_stage_of_kind(StageKind.OFFER)
    with Lock(profile, read_only=True):
        board.move_ids_to_stage([app.id], offer.id)
    assert len(warnings) == 1 and "read-only" in warnings[0]
    assert board.undo_stack.count() == 0
    assert JobApplication.get_by_id(app.id).stage_id != offer.id
    board.move_ids_to_stage([app.id], offer.id)
    assert board.undo_stack.count() == 1 and JobApplication.get_by_id(app.id).stage_id == offer.id


def test_preferences_stay_open_with_the_values_when_they_cannot_be_saved(qtbot, profile, warnings):
    from jobfollow.store.settings import get_user_details
    from jobfollow.ui.settings.settings_dialog import SettingsDialog, UserDetailsPage

    page = UserDetailsPage()
    dialog = SettingsDialog([page])
    qtbot.addWidget(dialog)
    dialog.show()
    page.name_edit.setText("Jane Jobseeker")
    with Lock(profile):
        dialog.accept()
    assert dialog.isVisible() and page.name_edit.text() == "Jane Jobseeker" and len(warnings) == 1
    assert dialog.changed_keys == [] and get_user_details().name == ""
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and get_user_details().name == "Jane Jobseeker"


def test_a_removal_the_database_refuses_keeps_the_person_and_no_undo_step(qtbot, profile, events, warnings):
    from jobfollow.core.stages import ContactRole
    from jobfollow.store.people import ContactCard, link_contact, save_contact

    app_id = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    link_contact(app_id, save_contact(ContactCard(name="Ben Rossi")).id, ContactRole.RECRUITER)
    stack = QUndoStack()
    dialog = ApplicationFormDialog(events, stack, app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.people_page
    page.view.selectRow(0)
    with Lock(profile):
        page.remove_button.click()
    assert len(warnings) == 1 and stack.count() == 0
    assert [p.contact.name for p in people_of_application(app_id)] == ["Ben Rossi"]
    assert page.model.rowCount() == 1
