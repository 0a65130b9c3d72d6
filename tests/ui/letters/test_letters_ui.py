"""The letter pane offscreen: completer, spell underline, dictionary, checklist, drafts, sending."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor

from jobfollow.core.letters.template_files import load_template_dir
from jobfollow.core.profile import UserDetails
from jobfollow.core.spelling import WordListEngine
from jobfollow.store import letters as store
from jobfollow.store.applications import create_application
from jobfollow.store.models import ApplicationContact, Contact, FollowUp, Interview, InterviewAttendee, Letter
from jobfollow.store.settings import set_user_details
from jobfollow.ui.letters.highlighter import BLOCK_LIMIT, misspelled_format_ranges
from jobfollow.ui.letters.letter_pane import LetterPane
from jobfollow.ui.letters.placeholder_model import PlaceholderModel
from tests.conftest import TODAY

# The offscreen platform cannot raise a popup or grab the keyboard for it; a real desktop can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")


def fixed_words() -> set[str]:
    """Every word of the shipped templates plus a few: a fixed list, never the machine's dictionary."""
    words = {"really", "enjoyed", "tour", "office", "p", "s"}
    for text in load_template_dir(store.templates_root()):
        if text.language != "en":
            continue
        words |= {w.lower() for w in re.findall(r"[^\W\d_]+", text.subject + " " + text.body)}
    return words


WORDS = fixed_words()


@pytest.fixture
def card(profile):
    set_user_details(UserDetails(name="Sam Rivera", email="sam@example.org", phone="555 0100"))
    app = create_application("Fabrikam", "Data Analyst")
    ana = Contact.create(name="Ana Ruiz", title="Team Lead", email="ana@fabrikam.example")
    bo = Contact.create(name="Bo Chen", title="Analyst", email="")
    for person in (ana, bo):
        ApplicationContact.create(application=app, contact=person, role="interviewer")
    interview = Interview.create(application=app, starts_at=dt.datetime(2026, 5, 4, 14, 0),
                                 specific_topic="the dbt migration", follow_up_on=dt.date(2026, 5, 11))
    for person in (ana, bo):
        InterviewAttendee.create(interview=interview, contact=person)
    followup = FollowUp.create(application=app, contact=ana, interview=interview, kind="thank_you", due_on=TODAY)
    return {"app": app.id, "ana": ana.id, "bo": bo.id, "followup": followup.id}


@pytest.fixture
def pane(qtbot, events, card):
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def type_at_end(qtbot, editor, text):
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)  # keyClicks cannot type a line break
        qtbot.keyClicks(editor, line)


def last_block(editor):
    return editor.document().lastBlock()


def point_of(editor, word):
    """The viewport point in the middle of the last occurrence of ``word``."""
    position = editor.toPlainText().rindex(word) + 1
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


def test_write_action_opens_the_right_template_and_recipient(pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    assert pane.letter.template_key == "thank_you_interview"
    assert pane.recipient_combo.currentData() == card["ana"]
    assert pane.editor.toPlainText().startswith("Dear {interviewer_name},")
    assert "Dear Ana Ruiz," in pane.preview.toPlainText()


def test_a_subject_wider_than_its_field_shows_its_start(pane, events, card):
    pane.resize(500, 700)  # the pane as narrow as a small screen leaves it: the subject does not fit
    events.write_letter_requested.emit(card["followup"])
    assert pane.subject_edit.text().startswith("Thank you")
    assert pane.subject_edit.cursorPosition() == 0  # "Thank you for…", not "…{position} role"


def test_compose_request_without_followup(pane, events, card):
    events.compose_letter_requested.emit(card["app"], "withdraw", card["bo"])
    assert pane.letter.template_key == "withdraw" and pane.letter.followup_id is None
    assert pane.template_combo.currentData() == "withdraw"


def test_typing_brace_shows_completer_with_values_and_inserts(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    editor = pane.editor
    editor.setFocus()
    type_at_end(qtbot, editor, "\nSee you at {")
    popup = editor.completer.popup()
    assert popup.isVisible()
    assert editor.completer.completionCount() == editor.placeholder_model.rowCount()
    shown = [editor.completer.completionModel().index(r, 0).data() for r in range(5)]
    assert any("Fabrikam" in s for s in shown)
    qtbot.keyClicks(editor, "compa")
    assert editor.completer.completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.toPlainText().endswith("See you at {company}")
    assert not popup.isVisible()


def test_double_brace_does_not_open_completer(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    type_at_end(qtbot, pane.editor, "\n{{")
    assert not pane.editor.completer.popup().isVisible()


def test_misspelled_word_gets_the_spell_format_and_add_to_dictionary_clears_it(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    editor = pane.editor
    type_at_end(qtbot, editor, "\nI really enjoyed the tuor")
    assert misspelled_format_ranges(last_block(editor)) == [(len("I really enjoyed the "), 4)]
    menu = editor.spelling_menu(point_of(editor, "tuor"))
    texts = [a.text() for a in menu.actions()]
    assert "tour" in texts
    add = next(a for a in menu.actions() if a.objectName() == "addToDictionary")
    add.trigger()
    assert misspelled_format_ranges(last_block(editor)) == []
    assert "tuor" in store.personal_words()
    menu.deleteLater()


def test_suggestions_two_edits_away_arrive_from_a_worker(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    editor = pane.editor
    type_at_end(qtbot, editor, "\nthe ofize")  # 'office' is two edits away
    menu = editor.spelling_menu(point_of(editor, "ofize"))
    first = menu.actions()[0]
    assert first.text().startswith("Looking for")
    qtbot.waitUntil(lambda: first.isEnabled(), timeout=5000)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["file", "office"]  # best first, and nothing added below Add to dictionary
    menu.actions()[1].trigger()
    assert editor.toPlainText().endswith("the office")
    menu.deleteLater()


def test_names_and_placeholders_are_not_flagged(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    type_at_end(qtbot, pane.editor, "\nAna Fabrikam {company} ana@x.example https://fabrikam.example/jobs")
    assert misspelled_format_ranges(last_block(pane.editor)) == []


def test_unknown_placeholder_hint_and_checklist(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    type_at_end(qtbot, pane.editor, "\nAt {compnay} I")
    hint = pane.editor.hint_at(point_of(pane.editor, "compnay"))
    assert "Unknown placeholder {compnay}" in hint and "{company}" in hint
    pane.refresh_checklist()
    item = pane.checklist.item("placeholders")
    assert not item.passed and "{compnay}" in item.detail
    assert "{compnay}" in pane.checklist.label.text()


def test_checklist_updates_live(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    assert pane.checklist.item("follow_up_date").passed
    cursor = pane.editor.document().find("{follow_up_date}")
    cursor.insertText("soon")
    qtbot.waitUntil(lambda: not pane.checklist.item("follow_up_date").passed)


def test_drafts_save_as_you_type_and_reopen(qtbot, events, pane, card):
    events.write_letter_requested.emit(card["followup"])
    type_at_end(qtbot, pane.editor, "\nDraft words")
    letter_id = pane.letter.id
    qtbot.waitUntil(lambda: Letter.get_by_id(letter_id).body.endswith("Draft words"))
    again = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.letter is not None)
    assert again.letter.id == letter_id and again.editor.toPlainText().endswith("Draft words")


def test_email_opens_mailto_and_missing_address_is_flagged(qtbot, pane, events, card, monkeypatch, modal):
    from jobfollow.ui.letters import send_check

    events.compose_letter_requested.emit(card["app"], "thank_you_interview", card["bo"])
    opened: list[QUrl] = modal.opened_urls
    asked: list[list[str]] = []
    monkeypatch.setattr(send_check, "ask_send_anyway", lambda _p, _t, sentences: asked.append(sentences) or False)
    assert not pane.email_letter() and not opened  # {forgotten_point} is still open: the user kept editing
    assert "{forgotten_point}" in asked[0][0]
    monkeypatch.setattr(send_check, "ask_send_anyway", lambda *a: True)
    assert pane.email_letter()
    url = bytes(opened[0].toEncoded()).decode()
    assert url.startswith("mailto:?subject=Thank%20you")
    assert "Dear%20Bo%20Chen%2C%0D%0A" in url
    assert not pane.checklist.item("email").passed
    events.compose_letter_requested.emit(card["app"], "thank_you_interview", card["ana"])
    pane.email_letter()
    assert bytes(opened[1].toEncoded()).decode().startswith("mailto:ana@fabrikam.example?subject=")


def test_similar_thank_yous_warn(qtbot, pane, events, card):
    events.compose_letter_requested.emit(card["app"], "thank_you_interview", card["bo"])
    events.write_letter_requested.emit(card["followup"])
    item = pane.checklist.item("similarity")
    assert item is not None and not item.passed and "Bo Chen" in item.detail


def test_mark_as_sent_completes_the_followup(qtbot, pane, events, card, monkeypatch):
    from jobfollow.ui.letters import send_check

    monkeypatch.setattr(send_check, "ask_send_anyway", lambda *a: True)  # the template's open points: sent anyway
    events.write_letter_requested.emit(card["followup"])
    letter_id = pane.letter.id
    with qtbot.waitSignal(events.followups_changed):
        pane.sent_button.click()
    followup = FollowUp.get_by_id(card["followup"])
    assert (followup.state, followup.result) == ("done", "sent") and followup.done_at is not None
    assert Letter.get_by_id(letter_id).state == "sent"
    assert pane.letter is None and not pane.editor.isEnabled()


def test_a_megabyte_paste_is_accepted_and_spelling_pauses(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    calls = []
    real = pane.checker.is_known
    pane.checker.is_known = lambda word: calls.append(word) or real(word)
    pane.editor.insertPlainText(("lorem ipsum dolor {company} sit amet\n" * 30_000)[:1_000_000])
    assert len(pane.editor.toPlainText()) > 1_000_000
    assert calls == []  # spell-check paused: rehighlight cost does not grow with the paste
    pane.refresh_checklist()
    assert pane.notice.text() and not pane.checklist.item("spelling").passed
    assert "first 50,000 characters" in pane.preview.toPlainText()
    pane.editor.moveCursor(QTextCursor.MoveOperation.End)
    pane.editor.insertPlainText(" {zzz}")
    pane.refresh_checklist()
    # Placeholders are checked over the whole text: the unknown one at the very end is found.
    assert pane.checklist.item("placeholders").detail == "no value yet: {forgotten_point}; unknown: {zzz}"


def test_a_very_long_paragraph_is_checked_only_up_to_the_block_limit(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    calls = []
    real = pane.checker.is_known
    pane.checker.is_known = lambda word: calls.append(word) or real(word)
    pane.editor.insertPlainText("zz " * 40_000)
    assert 0 < len(calls) <= BLOCK_LIMIT // 3 + 1


def test_non_latin_text_and_emoji(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    type_at_end(qtbot, pane.editor, "\n")
    pane.editor.insertPlainText("Спасибо 谢谢 🙂")  # QTest can only type ASCII
    assert misspelled_format_ranges(last_block(pane.editor)) == []


def test_placeholder_model(qtmodeltester):
    model = PlaceholderModel()
    model.set_values({"company": "Fabrikam"})
    qtmodeltester.check(model)
    row = next(r for r in range(model.rowCount()) if model.index(r).data(Qt.ItemDataRole.EditRole) == "company")
    assert "Fabrikam" in model.index(row).data()


def test_template_manager_edit_and_restore(qtbot, pane, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from jobfollow.ui.letters.template_manager import TemplateManagerDialog

    dialog = TemplateManagerDialog("en")
    qtbot.addWidget(dialog)
    dialog.body_edit.setPlainText("Changed body {company}")
    dialog.save()
    edited = store.template_by_id(dialog.current_id)
    assert edited.modified and edited.body == "Changed body {company}"
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.restore()
    assert not store.template_by_id(edited.id).modified
    dialog.new_template()
    assert not store.template_by_id(dialog.current_id).builtin
    assert dialog.delete_button.isEnabled()


def test_template_manager_shows_each_french_name_whole(qtbot, pane):
    from jobfollow.ui.letters.template_manager import TemplateManagerDialog

    dialog = TemplateManagerDialog("fr")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list_view
    from jobfollow.core.letters.template_files import TEMPLATE_KEYS

    assert view.model().rowCount() == len(TEMPLATE_KEYS)
    assert view.viewport().width() >= view.sizeHintForColumn(0)  # no name cut off behind a sideways scroll
    assert not view.horizontalScrollBar().isVisible()


def test_unused_point_helper_is_safe(pane):
    assert pane.editor.hint_at(QPoint(1, 1)) == ""


def test_copy_and_save_as_pdf(qtbot, pane, events, card, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QFileDialog

    events.write_letter_requested.emit(card["followup"])
    pane.copy_letter()
    assert QGuiApplication.clipboard().text().startswith("Dear Ana Ruiz,")
    target = tmp_path / "thanks.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    pane.save_pdf()
    assert target.read_bytes().startswith(b"%PDF")


def test_editor_works_without_word_lists(qtbot, events, card):
    def broken(language):
        raise OSError("no word list")

    widget = LetterPane(events, engine_factory=broken)
    qtbot.addWidget(widget)
    events.write_letter_requested.emit(card["followup"])
    assert widget.checker is None and "unavailable" in widget.notice.text()
    assert widget.editor.toPlainText().startswith("Dear")


def test_template_manager_keeps_edits_when_moving_on(qtbot, pane):
    from jobfollow.ui.letters.template_manager import TemplateManagerDialog

    dialog = TemplateManagerDialog("en")
    qtbot.addWidget(dialog)
    first_id = dialog.current_id
    dialog.body_edit.setPlainText("Edited, never saved by hand")
    dialog.list_view.setCurrentIndex(dialog.model.index(3, 0))
    assert store.template_by_id(first_id).body == "Edited, never saved by hand"
    dialog.subject_edit.setText("Another subject")
    dialog.close_dialog()
    assert store.template_by_id(dialog.current_id).subject == "Another subject" and dialog.changed


def test_card_changes_refresh_the_values(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    Contact.update(name="Ana Ruiz-Torres").where(Contact.id == card["ana"]).execute()
    events.applications_changed.emit([card["app"]])
    assert pane.context.values["interviewer_name"] == "Ana Ruiz-Torres"
    assert "Dear Ana Ruiz-Torres," in pane.preview.toPlainText()


def test_language_chooser_lists_shipped_languages_and_is_kept(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    codes = [pane.language_combo.itemData(i) for i in range(pane.language_combo.count())]
    assert {"en", "de", "fr", "es"} <= set(codes)
    pane.language_combo.setCurrentIndex(codes.index("de"))
    pane.language_combo.activated.emit(codes.index("de"))
    assert pane.checker.language == "de" and store.spelling_language() == "de"


def test_subject_spelling_counts_in_the_checklist(qtbot, pane, events, card):
    events.write_letter_requested.emit(card["followup"])
    pane.subject_edit.setText("Thank you for the tuor")
    pane.refresh_checklist()
    assert "tuor" in pane.checklist.item("spelling").detail


def test_letters_open_in_the_interface_language_and_say_when_they_fall_back(qtbot, events, card):
    from jobfollow import i18n

    i18n.set_language("de_DE")
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(widget)
    widget.show()
    events.compose_letter_requested.emit(card["app"], "withdraw", card["bo"])
    assert widget.letter.language == "de"
    assert widget.editor.toPlainText() == store.get_template("withdraw", "de").body
    assert not widget.notice.isVisible()

    # Choosing Spanish on a draft nobody has typed into starts it over from the Spanish template.
    index = widget.language_combo.findData("es")
    widget.language_combo.setCurrentIndex(index)
    widget.language_combo.activated.emit(index)
    assert widget.letter.language == "es"
    assert widget.editor.toPlainText() == store.get_template("withdraw", "es").body

    # Italian has a word list but no templates: the English one opens, and the editor says so.
    i18n.set_language("en_US")
    store.set_spelling_language("it")
    events.compose_letter_requested.emit(card["app"], "decline_offer", card["bo"])
    assert widget.letter.language == "en"
    assert widget.notice.isVisible() and "English" in widget.notice.text()


def test_card_combo_lists_the_cards_when_the_user_reaches_for_it(qtbot, events, card):
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(widget)
    widget.show()
    widget.grab()  # painted: still only the prompt (listing 50,000 cards at start would cost a second)
    assert widget.app_combo.findData(card["app"]) == -1
    qtbot.keyClick(widget.app_combo, Qt.Key.Key_Down)
    assert widget.app_combo.itemText(0) == "Choose a card\u2026"
    assert widget.app_combo.findData(card["app"]) > 0
    assert widget.app_combo.currentIndex() == 1  # the key press itself chose the first card


def test_an_open_letter_shows_its_card_before_the_list_is_read(qtbot, events, card):
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(widget)
    events.compose_letter_requested.emit(card["app"], "thank_you_interview", card["bo"])
    assert widget.app_combo.count() == 2
    assert widget.app_combo.currentData() == card["app"]
    events.applications_changed.emit([card["app"]])  # a change elsewhere keeps the card shown
    assert widget.app_combo.currentData() == card["app"]


@pytest.mark.parametrize("language", ["en_US", "fr_FR", "de_DE"])
def test_both_side_tabs_stay_in_view_in_a_narrow_pane(qtbot, events, card, language):
    from jobfollow import i18n

    i18n.set_language(language)
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language))
    qtbot.addWidget(widget)
    widget.resize(470, 600)  # the letter pane beside the board on a 1280-pixel screen
    widget.show()
    qtbot.waitExposed(widget)
    bar = widget.side_tabs.tabBar()
    assert bar.tabRect(1).right() <= bar.width()  # "Aperçu" was pushed behind scroll arrows
    assert widget.editor.width() >= 200


def test_undo_of_mark_as_sent_reopens_the_draft_and_its_followup(qtbot, events, card):
    from PySide6.QtGui import QUndoStack

    from jobfollow.services import build_services

    services = build_services(events, QUndoStack())
    widget = LetterPane(events, engine_factory=lambda language: WordListEngine(WORDS, language),
                        service=services.letters)
    qtbot.addWidget(widget)
    events.write_letter_requested.emit(card["followup"])
    letter_id = widget.letter.id
    widget.sent_button.click()
    assert widget.letter is None and FollowUp.get_by_id(card["followup"]).state == "done"
    assert services.undo_stack.undoText() == "Mark the letter as sent"
    services.undo_stack.undo()
    assert widget.letter is not None and widget.letter.id == letter_id and widget.editor.isEnabled()
    assert widget.letter.state == "draft"
    assert FollowUp.get_by_id(card["followup"]).state == "open"
