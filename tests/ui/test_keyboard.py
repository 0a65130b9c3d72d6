"""Keyboard: Ctrl+F finds from any pane, Help > Keyboard shortcuts lists the keys, and a card with keyboard focus
is drawn differently from a selected or a highlighted one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.shortcuts import shortcut_rows, show_shortcuts


def open_window(qtbot, profile, events) -> MainWindow:
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_ctrl_f_goes_to_the_board_search_from_the_letter_editor(qtbot, demo_profile, events):
    window = open_window(qtbot, demo_profile, events)
    window.docks.bring_up("letters")
    editor = window.letter_pane.editor
    editor.setEnabled(True)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    before = editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.board.search_edit
    assert editor.toPlainText() == before  # nothing typed into the letter


def test_help_lists_the_keyboard_shortcuts(qtbot, demo_profile, events):
    window = open_window(qtbot, demo_profile, events)
    rows = dict((text, keys) for keys, text in shortcut_rows(window))
    find = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Find"] == find
    assert "Undo" in rows and "New application" in rows and "Compare offers" in rows  # Quit's key is per platform
    assert any(text.startswith("Board: move the selected cards") for text in rows)
    dialog = show_shortcuts(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)
    assert window.shortcuts_action in window.help_menu.actions()


def test_every_search_box_and_view_has_a_name_for_screen_readers(qtbot, demo_profile, events):
    window = open_window(qtbot, demo_profile, events)
    assert window.board.search_edit.accessibleName()
    assert window.calendar_pane.view.accessibleName()


def test_symbol_buttons_and_card_lists_are_named_for_screen_readers(qtbot, demo_profile, events):
    window = open_window(qtbot, demo_profile, events)
    for column in window.board.columns:
        assert column.name in column.view.accessibleName()
        assert column.name in column.menu_button.accessibleName()
        assert column.collapse_button.accessibleName()
    assert window.letter_pane.editor.accessibleName() and window.calendar_pane.calendar.accessibleName()
