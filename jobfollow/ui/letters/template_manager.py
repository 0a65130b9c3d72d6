"""Templates dialog: list, edit, new, duplicate, restore a built-in, delete one of your own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.letters.placeholders import PLACEHOLDERS
from jobfollow.i18n import _
from jobfollow.store import letters as store
from jobfollow.ui.letters.letter_editor import LetterEditor

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateManagerDialog(QDialog):
    def __init__(self, language: str = "en", parent: QWidget | None = None, checker=None):
        super().__init__(parent)
        self.setWindowTitle(_("Letter templates"))
        self.language = language
        self.current_id: int | None = None
        self.changed = False
        self._reloading = False
        self.model = QStandardItemModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.name_edit = QLineEdit()
        self.subject_edit = QLineEdit()
        self.body_edit = LetterEditor()
        self.body_edit.set_checker(checker)
        # A template has no values yet: every known placeholder is fine here, and the completer explains each.
        self.body_edit.set_values({name: _(meaning) for name, meaning in PLACEHOLDERS.items()})
        self.new_button = QPushButton(_("&New"))
        self.duplicate_button = QPushButton(_("D&uplicate"))
        self.restore_button = QPushButton(_("&Restore original"))
        self.delete_button = QPushButton(_("&Delete"))
        self.save_button = QPushButton(_("&Save"))

        form = QFormLayout()
        form.addRow(_("Name:"), self.name_edit)
        form.addRow(_("Subject:"), self.subject_edit)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.body_edit, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.restore_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right_layout.addLayout(row)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(self.list_view)
        splitter.addWidget(right)
        splitter.setSizes([320, 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(960, 600)

        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.restore_button.clicked.connect(self.restore)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.reload()
        # The list is as wide as its longest name (French and German names are long); the text gets the rest.
        list_width = min(self.list_view.sizeHintForColumn(0) + 2 * self.list_view.frameWidth() + 24, 480)
        self.resize(max(960, list_width + 640), 600)
        splitter.setSizes([list_width, self.width() - list_width])

    def reload(self, select_id: int | None = None) -> None:
        self._reloading = True  # the list is rebuilt: the fields are not the user's edits to keep
        try:
            self._fill(select_id)
        finally:
            self._reloading = False
        if self.current_id is None or self.list_view.currentIndex().data(ID_ROLE) != self.current_id:
            self._show(self.list_view.currentIndex().data(ID_ROLE))

    def _fill(self, select_id: int | None) -> None:
        self.model.clear()
        for row in store.list_templates(self.language):
            label = row.name + (" " + _("(edited)") if row.modified else "") + ("" if row.builtin else " \u2605")
            item = QStandardItem(label)
            item.setData(row.id, ID_ROLE)
            item.setToolTip(_("Built-in template") if row.builtin else _("Your own template"))
            self.model.appendRow(item)
        target = select_id or self.current_id
        for r in range(self.model.rowCount()):
            if self.model.item(r).data(ID_ROLE) == target or (target is None and r == 0):
                self.list_view.setCurrentIndex(self.model.index(r, 0))
                break

    def _current_changed(self, current, _previous) -> None:
        if not self._reloading:
            self.save_if_edited()
        self._show(current.data(ID_ROLE))

    def save_if_edited(self) -> None:
        """Moving to another template or closing keeps what was typed (nothing is lost)."""
        row = store.template_by_id(self.current_id) if self.current_id else None
        typed = (self.name_edit.text().strip(), self.subject_edit.text(), self.body_edit.toPlainText())
        if row is not None and typed[0] and typed != (row.name, row.subject, row.body):
            store.save_template(row.id, *typed)
            self.changed = True

    def close_dialog(self) -> None:
        self.save_if_edited()
        self.accept()

    def _show(self, template_id: int | None) -> None:
        row = store.template_by_id(template_id) if template_id else None
        self.current_id = row.id if row else None
        self.name_edit.setText(row.name if row else "")
        self.subject_edit.setText(row.subject if row else "")
        self.body_edit.setPlainText(row.body if row else "")
        self.restore_button.setEnabled(bool(row and row.builtin and row.modified))
        self.delete_button.setEnabled(bool(row and not row.builtin))
        self.duplicate_button.setEnabled(row is not None)

    def save(self) -> None:
        if self.current_id is None:
            return
        try:
            store.save_template(self.current_id, self.name_edit.text(), self.subject_edit.text(),
                                self.body_edit.toPlainText())
        except ValueError as exc:
            QMessageBox.warning(self, _("Letter templates"), str(exc))
            return
        self.changed = True
        self.reload(self.current_id)

    def new_template(self) -> None:
        self.save_if_edited()
        body = _("Dear {interviewer_name},\n\n\n\nKind regards,\n{my_name}\n")
        row = store.create_template(_("New template"), "", body, self.language)
        self.changed = True
        self.reload(row.id)

    def duplicate(self) -> None:
        self.save_if_edited()
        if self.current_id is not None:
            row = store.duplicate_template(self.current_id)
            self.changed = True
            self.reload(row.id)

    def restore(self) -> None:
        if self.current_id is None:
            return
        answer = QMessageBox.question(self, _("Restore original"),
                                      _("Put this template back as shipped? Your changes to it are lost."))
        if answer == QMessageBox.StandardButton.Yes:
            store.restore_builtin(self.current_id)
            self.changed = True
            self.reload(self.current_id)

    def delete(self) -> None:
        if self.current_id is None:
            return
        answer = QMessageBox.question(self, _("Delete template"), _("Delete this template? Letters already "
                                                                     "written from it are kept."))
        if answer == QMessageBox.StandardButton.Yes:
            store.delete_template(self.current_id)
            self.current_id = None
            self.changed = True
            self.reload()
