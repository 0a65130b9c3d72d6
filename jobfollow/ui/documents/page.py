"""The Documents tab: what the employer has from you, attached by button or by dropping files on the form.

Files are copied on a worker (``FileCopier``); the row is written when the copy is complete, so a file
that vanishes or is too large leaves nothing behind. Removing a document is one step of Edit > Undo.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.documents import KIND_LABELS, DocumentKind, guess_kind
from jobfollow.core.validation import Problem, Severity
from jobfollow.i18n import _, format_date
from jobfollow.store.application_details import load_details
from jobfollow.store.blobs import DocumentError
from jobfollow.store.documents import (
    DocumentRow,
    attach_stored,
    documents_dir,
    documents_of,
    path_of,
    remove_document,
    restore_document,
)
from jobfollow.store.replies import log_reply_from_email
from jobfollow.ui.documents.copier import FileCopier
from jobfollow.ui.documents.model import KIND, NAME, ROW_ROLE, DocumentsModel
from jobfollow.ui.forms.widgets import InlineMessage, record_table
from jobfollow.ui.retranslation import Retranslating, WhenShown
from jobfollow.ui.store_errors import STORE_ERRORS, store_error_message


def local_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def what_they_have(rows: list[DocumentRow]) -> str:
    """One line for before an interview: what was sent, and when."""
    sent = [row for row in rows if row.kind not in (DocumentKind.EMAIL, DocumentKind.POSTING)]
    if not sent:
        return _("What they have from you: nothing recorded yet. Attach the CV and letter you sent.")
    parts = [_("{name} ({date})").format(name=row.filename, date=format_date(row.sent_on, "medium"))
             if row.sent_on else row.filename for row in sent]
    return _("What they have from you: {documents}").format(documents=", ".join(parts))


class _KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind, label in KIND_LABELS.items():
            combo.addItem(_(label), kind.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData())


class _RemoveDocument(QUndoCommand):
    def __init__(self, page: DocumentsPage, row: DocumentRow):
        super().__init__(_("Remove {name}").format(name=row.filename))
        self.page, self.row = page, row

    def redo(self) -> None:
        remove_document(self.row.id)
        self.page.reload()
        self.page.changed.emit()

    def undo(self) -> None:
        try:
            self.row = restore_document(self.row)
        except DocumentError as exc:
            self.page.message.show_problems([Problem("documents", Severity.WARNING, str(exc))])
        self.page.reload()
        self.page.changed.emit()


class DocumentsPage(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.application_id: int | None = None
        self.company = ""
        self.undo_stack = undo_stack or QUndoStack(self)
        self.copier = FileCopier(self)
        self.copier.finished.connect(self._copied)
        self._sources: dict[int, Path] = {}
        self.model = DocumentsModel(self)
        self.view = record_table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setItemDelegateForColumn(KIND, _KindDelegate(self.view))
        self.view.doubleClicked.connect(self._double_clicked)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # file names are user text
        self.summary.setWordWrap(True)
        self.summary.setObjectName("whatTheyHave")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.attach_button = QPushButton()
        self.open_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.attach_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)  # file names are user text
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.when_shown = WhenShown(self, self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(_("Drop files on this form to attach them. The same file on many cards is stored once."))
        self.attach_button.setText(_("&Attach files…"))
        self.open_button.setText(_("&Open"))
        self.remove_button.setText(_("&Remove"))
        self.when_shown.request()  # the kinds, dates and "what they have from you" in the language of the moment

    def _double_clicked(self, index) -> None:
        if index.column() == NAME:
            self.open_selected()

    # -- the card ----------------------------------------------------------------------------------
    def set_application(self, application_id: int) -> None:
        self.application_id = application_id
        self.company = load_details(application_id).company
        self.reload()

    def reload(self) -> None:
        rows = documents_of(self.application_id) if self.application_id else []
        self.model.set_rows(rows)
        self.summary.setText(what_they_have(rows))
        self.view.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> DocumentRow | None:
        indexes = self.view.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- attaching ---------------------------------------------------------------------------------
    def choose_and_attach(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Attach files"))
        self.attach_paths([Path(name) for name in names])

    def attach_paths(self, paths: list[Path]) -> None:
        if self.application_id is None or not paths:
            return
        self.message.show_problems([])
        for path in paths:
            self._sources[self.copier.copy(path, documents_dir())] = path
        self._show_progress()

    def _show_progress(self) -> None:
        names = [self._sources[i].name for i in sorted(self.copier.pending) if i in self._sources]
        self.progress.setText(_("Copying {names}…").format(names=", ".join(names)) if names else "")

    def _copied(self, request_id: int, stored, error: str) -> None:
        self._sources.pop(request_id, None)
        self._show_progress()
        if stored is None:
            self._problem(error)
            return
        kind = guess_kind(stored.filename)
        try:
            row = attach_stored(self.application_id, stored, kind, sent_on=dt.date.today(),
                                sent_to="" if kind is DocumentKind.EMAIL else self.company)
        except DocumentError as exc:
            self._problem(str(exc))
            return
        except STORE_ERRORS as exc:
            self._problem(store_error_message(exc))
            return
        if kind is DocumentKind.EMAIL:
            self._maybe_reply(row)
        self.reload()
        self.changed.emit()

    def _maybe_reply(self, row: DocumentRow) -> None:
        """An e-mail from a person on the card after a status check is their reply: logged on the timeline."""
        try:
            logged = log_reply_from_email(self.application_id, row.sha256)
        except STORE_ERRORS as exc:
            self._problem(store_error_message(exc))
            return
        if logged is not None:
            self.progress.setText(_("Logged as the reply of {name}: the follow-ups start again from it.").format(
                name=logged.name))

    def _problem(self, sentence: str) -> None:
        shown = [p.message for p in getattr(self, "_problems", [])] if not self.message.isHidden() else []
        self._problems = [Problem("documents", Severity.ERROR, text) for text in [*shown, sentence]]
        self.message.show_problems(self._problems)

    # -- open and remove ---------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        # The viewer gets a copy under the file's own name (the stored blob has no extension, and
        # an editor must not change what was sent).
        folder = Path(tempfile.gettempdir()) / "jobfollow-open" / row.sha256[:16]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / Path(row.filename).name
            if not target.exists():
                shutil.copyfile(path_of(row.sha256), target)
        except OSError as exc:
            self._problem(_("{name} cannot be opened: {error}.").format(name=row.filename, error=exc.strerror))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self._problem(_("No program is set up to open {name}.").format(name=row.filename))

    def remove_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.undo_stack.push(_RemoveDocument(self, row))
