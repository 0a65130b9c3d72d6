"""Letter pane: where letters are written (filled in by the letter editor feature)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from jobfollow.i18n import _
from jobfollow.ui.events import AppEvents


class LetterPane(QWidget):
    def __init__(self, events: AppEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.events = events
        self.hint = QLabel(_("Choose a follow-up and press Write to draft its letter here."))
        self.hint.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
