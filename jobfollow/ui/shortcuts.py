"""Keyboard: Edit > Find from every pane, and Help > Keyboard shortcuts listing what the keys do.

The list is read from the window's own actions (so it never drifts from what the keys really do), plus the
keys of the board and the agenda that belong to a pane rather than to a menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobfollow.i18n import N_, _

# Keys that act inside one pane (where the pane has focus), in the user's words.
PANE_KEYS = (
    ("Ctrl+Right", N_("Board: move the selected cards to the next stage")),
    ("Ctrl+Left", N_("Board: move the selected cards to the previous stage")),
    ("Return", N_("Board or agenda: open the selected card")),
    ("Delete", N_("Agenda: skip the selected follow-up")),
    ("Ctrl+D", N_("Agenda: mark the selected follow-up done")),
    ("Ctrl+1", N_("Agenda: snooze the selected follow-up one day")),
    ("Ctrl+3", N_("Agenda: snooze the selected follow-up three days")),
    ("Ctrl+L", N_("Agenda: write the letter for the selected follow-up")),
    ("Ctrl+Shift+N", N_("Agenda: add a follow-up of your own")),
    ("{", N_("Letter: list the placeholders and their values")),
    ("Tab", N_("Everywhere: go to the next field or button")),
)


def _keep_text(window: QMainWindow, action: QAction, text: Callable[[], str]) -> None:
    """The action's text now and after every language switch (an action hears no LanguageChange)."""
    action.setText(text())
    window.events.language_changed.connect(lambda: action.setText(text()))


def install_find(window: QMainWindow, board) -> QAction:
    """Edit > Find: Ctrl+F goes to the board's search from the letter, the agenda or anywhere else."""
    action = QAction(window)
    _keep_text(window, action, lambda: _("&Find…"))
    action.setShortcut(QKeySequence.StandardKey.Find)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: (window.pane_actions["board"].setChecked(True), board.focus_search()))
    window.edit_menu.insertAction(window.edit_menu.actions()[-1] if window.edit_menu.actions() else None, action)
    window.addAction(action)
    return action


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu action with a shortcut, then the keys of the panes."""
    rows, seen = [], set()
    for action in _menu_actions(window.menuBar().actions()):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        if not keys or not text or (keys, text) in seen or action.menu() is not None:
            continue
        seen.add((keys, text))
        rows.append((keys, text))
    rows.sort(key=lambda row: row[1].casefold())
    for keys, text in PANE_KEYS:
        rows.append((QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys, _(text)))
    return rows


def _menu_actions(actions) -> list[QAction]:
    found = []
    for action in actions:
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu().actions()))
        else:
            found.append(action)
    return found


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([_("Keys"), _("What they do")])
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 520)


def install_shortcuts_help(window: QMainWindow) -> QAction:
    action = QAction(window)
    _keep_text(window, action, lambda: _("&Keyboard shortcuts"))
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.triggered.connect(lambda: show_shortcuts(window))
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, action)
    return action


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(shortcut_rows(window), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()  # the window is its parent: it lives until closed
    return dialog
