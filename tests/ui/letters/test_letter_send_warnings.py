"""A letter does not leave with a forgotten placeholder or a misspelling unless the user says "Send anyway"
(asked once for the same text); with no e-mail program the user is told and offered a copy."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from jobfollow.store.models import FollowUp
from jobfollow.ui.letters import send_check
from jobfollow.ui.letters.letter_pane import LetterPane
from jobfollow.ui.letters.send_check import send_problems
from tests.ui.letters.test_letters_ui import WORDS, WordListEngine, card  # noqa: F401 - the fixture is used by name


@pytest.fixture
def pane(qtbot, events, card):  # noqa: F811 - the shared card fixture
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


@pytest.fixture
def answers(monkeypatch):
    """Each question the pane asks, and the answer given (True: send anyway)."""
    asked: list[list[str]] = []
    reply = {"send": False}
    monkeypatch.setattr(send_check, "ask_send_anyway", lambda _p, _t, sentences: asked.append(sentences)
                        or reply["send"])
    return asked, reply


def clean_letter(pane) -> None:
    pane.subject_edit.setText("Thank you")
    pane.editor.setPlainText("Dear Ana,\n\nthank you for the interview at {company}.\n\nSam")


def test_problems_name_each_unfilled_placeholder_and_each_misspelling():
    sentences = send_problems("Hi", "At {company} I {forgotten_point} it", {"company": "Fabrikam"}, ("teh", "thier"))
    assert len(sentences) == 2
    assert "{forgotten_point}" in sentences[0] and "{company}" not in sentences[0]
    assert "teh" in sentences[1] and "thier" in sentences[1]
    assert send_problems("Hi", "At {company}.", {"company": "Fabrikam"}, ()) == []


def test_mark_as_sent_warns_once_then_sends_anyway(qtbot, pane, events, card, answers):  # noqa: F811
    asked, reply = answers
    events.write_letter_requested.emit(card["followup"])
    pane.editor.setPlainText(pane.editor.toPlainText() + "\nI realy enjoyed it.")
    pane.sent_button.click()
    assert len(asked) == 1 and any("realy" in sentence for sentence in asked[0])
    assert FollowUp.get_by_id(card["followup"]).state == "open" and pane.letter is not None  # kept editing
    reply["send"] = True
    with qtbot.waitSignal(events.followups_changed):
        pane.sent_button.click()
    assert len(asked) == 2 and FollowUp.get_by_id(card["followup"]).state == "done"


def test_the_same_text_is_not_questioned_twice(qtbot, pane, events, card, answers, modal):  # noqa: F811
    asked, reply = answers
    events.write_letter_requested.emit(card["followup"])
    reply["send"] = True
    assert pane.email_letter() and len(asked) == 1
    assert pane.email_letter() and len(asked) == 1  # said "send anyway" to this very text
    pane.editor.setPlainText(pane.editor.toPlainText() + " {forgotten_point}")
    assert pane.email_letter() and len(asked) == 2  # a changed text is looked at again


def test_a_clean_letter_leaves_without_a_question(qtbot, pane, events, card, answers):  # noqa: F811
    asked, _reply = answers
    events.write_letter_requested.emit(card["followup"])
    clean_letter(pane)
    with qtbot.waitSignal(events.followups_changed):
        pane.sent_button.click()
    assert asked == []


def test_no_mail_program_says_so_and_copies_the_letter(qtbot, pane, events, card, answers, monkeypatch,  # noqa: F811
                                                       modal):
    offered = []
    monkeypatch.setattr(send_check, "offer_to_copy", lambda parent: offered.append(True) or True)
    events.write_letter_requested.emit(card["followup"])
    clean_letter(pane)
    modal.url_opens = False  # nothing answered the mailto: link
    QGuiApplication.clipboard().clear()
    assert not pane.email_letter()
    assert offered == [True]
    assert "thank you for the interview at Fabrikam" in QGuiApplication.clipboard().text()


def test_filled_in_shows_the_values_while_editing_goes_on(qtbot, pane, events, card):  # noqa: F811
    events.write_letter_requested.emit(card["followup"])
    clean_letter(pane)
    pane.filled_button.click()
    assert pane.text_stack.currentWidget() is pane.filled_view
    shown = pane.filled_view.toPlainText()
    assert "interview at Fabrikam" in shown and "{company}" not in shown
    pane.editor.setPlainText("At {company}, with {interviewer_name}.")  # typing goes on (e.g. from a paste)
    pane.refresh_checklist()
    assert "At Fabrikam, with Ana Ruiz." in pane.filled_view.toPlainText()
    pane.filled_button.click()
    assert pane.text_stack.currentWidget() is pane.editor
