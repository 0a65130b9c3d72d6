"""The letter pane when the database refuses the draft: the text stays, the user is told once, nothing
is marked sent or replaced by another letter, and the window does not quit on the first close."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from jobfollow.core.spelling import WordListEngine
from jobfollow.store.applications import create_application
from jobfollow.store.models import Contact, FollowUp, Letter
from jobfollow.ui import store_errors
from jobfollow.ui.letters.letter_pane import LetterPane
from tests.conftest import TODAY
from tests.store.test_bad_input_locked_db import Lock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(store_errors.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def pane(qtbot, profile, events):
    app = create_application("Fabrikam", "Data Analyst")
    ana = Contact.create(name="Ana Ruiz", email="ana@fabrikam.example")
    followup = FollowUp.create(application=app, contact=ana, kind="thank_you", due_on=TODAY)
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine({"thank", "you"}, language))
    qtbot.addWidget(widget)
    widget.show()
    events.write_letter_requested.emit(followup.id)
    widget.followup_id = followup.id
    return widget


def type_text(pane, text):
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)


def test_a_refused_draft_stays_and_is_reported_once(qtbot, pane, events, profile, warnings, monkeypatch):
    from jobfollow.ui.letters import send_check

    monkeypatch.setattr(send_check, "ask_send_anyway", lambda *a: True)  # "{company" is named; sent anyway
    letter_id = pane.letter.id
    with Lock(profile):
        type_text(pane, "\nMy words 😀 {company")
        assert not pane.save_now()
        type_text(pane, " more")
        assert not pane.save_now()
        assert len(warnings) == 1 and "locked" in warnings[0]
        pane.sent_button.click()  # not sent with words that were never stored
        assert Letter.get_by_id(letter_id).state == "draft"
        events.compose_letter_requested.emit(pane.letter.application_id, "withdraw", 0)
        assert pane.letter.id == letter_id  # not replaced by another letter
        assert pane.editor.toPlainText().endswith("My words 😀 {company more")
    assert pane.save_now()
    assert Letter.get_by_id(letter_id).body.endswith("My words 😀 {company more")


def test_closing_the_window_with_a_refused_draft_keeps_it_open_once(qtbot, demo_profile, events, warnings):
    from jobfollow.ui.main_window import MainWindow

    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    window.show()
    followup = FollowUp.select().where(FollowUp.kind == "thank_you").first() or FollowUp.select().first()
    window.letter_pane.open_for_followup(followup.id)
    assert window.letter_pane.letter is not None
    type_text(window.letter_pane, "\nunsaved words")
    with Lock(demo_profile, read_only=True):
        window.close()
        assert window.isVisible() and len(warnings) == 1 and "read-only" in warnings[0]
        window.close()  # told once: a second close goes ahead
    assert not window.isVisible()
