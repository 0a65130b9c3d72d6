"""The Posting tab: the job posting's text kept with the card, and the details it suggests.

Paste the text or drop a saved .html, .txt, .eml or .pdf; a short pause after the last change, the
company, title, location and salary range found in it are shown, and one click fills the empty fields.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.posting import MAX_POSTING_CHARS, PostingSuggestion, detect_language, suggest
from jobfollow.core.posting_files import PostingFileError, posting_text
from jobfollow.core.validation import Problem, Severity
from jobfollow.i18n import LANGUAGE_NAMES, _, current_language
from jobfollow.store.application_details import FIELD_LABELS
from jobfollow.store.postings import KeptPosting, posting_of
from jobfollow.ui.forms.widgets import InlineMessage
from jobfollow.ui.retranslation import Retranslating

SUGGEST_DELAY_MS = 300


class PostingPage(Retranslating, QWidget):
    #: the suggestions changed (a PostingSuggestion, empty when nothing was found)
    suggested = Signal(object)
    #: the user asked to fill the empty detail fields with these suggestions
    fill_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved = KeptPosting("", "")
        self.source_name = ""
        self.suggestion = PostingSuggestion()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.load_button = QPushButton()
        self.load_button.setAutoDefault(False)
        self.source_label = QLabel()
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are user text
        self.source_label.setEnabled(False)
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setObjectName("postingSuggestions")
        self.fill_button = QPushButton()
        self.fill_button.setAutoDefault(False)
        self.language_note = QLabel()
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)  # file names are user text
        self.language_note.setWordWrap(True)
        self.message = InlineMessage()
        top = QHBoxLayout()
        top.addWidget(self.load_button)
        top.addWidget(self.source_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.suggestion_label, 1)
        bottom.addWidget(self.fill_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        layout.addWidget(self.language_note)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SUGGEST_DELAY_MS)
        self.timer.timeout.connect(self.update_suggestions)
        self.text_edit.textChanged.connect(self.timer.start)
        self.load_button.clicked.connect(self.choose_and_load)
        self.fill_button.clicked.connect(self._fill_clicked)
        self._language: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(_("Paste the job posting here, or drop a saved .html, .txt, .eml or .pdf file on the "
                            "form: employers take postings down, this copy stays."))
        self.text_edit.setPlaceholderText(_("The posting's text"))
        self.load_button.setText(_("&Load from file…"))
        self.fill_button.setText(_("&Fill in empty fields"))
        self.fill_button.setToolTip(_("Copies the suggestions into the Details fields you have left empty"))
        self._show_source()
        self._show(self.suggestion, self._language)

    def _fill_clicked(self) -> None:
        self.fill_requested.emit(self.suggestion)

    # -- the card ----------------------------------------------------------------------------------
    def set_application(self, application_id: int) -> None:
        self.saved = posting_of(application_id)
        if self.text() != self.saved.text:  # a new card keeps what was pasted before it was saved
            self.source_name = self.saved.source_name
            self.text_edit.setPlainText(self.saved.text)
        self._show_source()
        self.update_suggestions()

    def reload(self) -> None:
        """The posting changes only here; nothing else reloads it."""

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def has_changes(self) -> bool:
        return self.text() != self.saved.text

    def mark_saved(self, kept: KeptPosting) -> None:
        self.saved = kept

    # -- loading -----------------------------------------------------------------------------------
    def choose_and_load(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Load a saved posting"), "", _("Postings (*.html *.htm *.txt *.eml *.pdf);;All files (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        """Read the posting from a file; on a problem say so and keep the text as it was."""
        try:
            text = posting_text(path)
        except PostingFileError as exc:
            self.message.show_problems([Problem("posting", Severity.ERROR, str(exc))])
            return False
        if not text:
            self.message.show_problems([Problem("posting", Severity.ERROR, _(
                "{name} holds no text; the posting was left as it was.").format(name=path.name))])
            return False
        self.message.show_problems([])
        self.source_name = path.name
        self.text_edit.setPlainText(text)  # one step of the editor's own undo (Ctrl+Z brings the old text back)
        self._show_source()
        self.update_suggestions()
        return True

    def _show_source(self) -> None:
        self.source_label.setText(_("From {name}").format(name=self.source_name) if self.source_name else "")

    # -- suggestions -------------------------------------------------------------------------------
    def update_suggestions(self) -> None:
        self.timer.stop()
        text = self.text_edit.toPlainText()
        if len(text) > MAX_POSTING_CHARS:
            self.message.show_problems([Problem("posting", Severity.WARNING, _(
                "This posting is very long; only its first {count} characters are kept.").format(
                count=MAX_POSTING_CHARS))])
        self._show(suggest(text), detect_language(text))

    def _show(self, suggestion: PostingSuggestion, language: str | None) -> None:
        self.suggestion, self._language = suggestion, language
        found = suggestion.found()
        if found:
            parts = [f"{_(FIELD_LABELS[name])}: <b>{_escape(value)}</b>" for name, value in found.items()]
            self.suggestion_label.setText(_("Suggested from the posting: {details}").format(
                details=" · ".join(parts)))
        elif self.text():
            self.suggestion_label.setText(_escape(_("Nothing to suggest: no company, title, place or pay found.")))
        else:
            self.suggestion_label.setText("")
        self.fill_button.setEnabled(bool(found))
        ui_language = current_language()
        if language and language != ui_language:
            self.language_note.setText(_("This posting reads as {language}; the suggestions understand its "
                                         "labels too, but check them.").format(language=LANGUAGE_NAMES[language]))
        else:
            self.language_note.setText("")
        self.language_note.setVisible(bool(self.language_note.text()))
        self.suggested.emit(suggestion)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
