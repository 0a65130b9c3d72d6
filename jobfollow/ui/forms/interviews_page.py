"""The Interviews tab: every round of this application, newest first; record, edit, delete."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.i18n import _, format_datetime
from jobfollow.store.interviews import delete_interview, interviews_of_application
from jobfollow.ui.forms.interview_form import InterviewFormDialog
from jobfollow.ui.forms.record_models import InterviewListModel
from jobfollow.ui.forms.widgets import fit_columns, keep_enter, record_table
from jobfollow.ui.retranslation import Retranslating


class InterviewsPage(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.application_id: int | None = None
        self.model = InterviewListModel(self)
        self.view = record_table(self.model, word_wrap=True)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.record_interview())
        self.edit_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        keep_enter(self.view)
        self.view.activated.connect(lambda _index: self.open_selected())  # double-click or Enter
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(_("&Record interview…"))
        self.edit_button.setText(_("&Open…"))
        self.delete_button.setText(_("&Delete"))
        self.model.retranslate()  # the format names and dates of each round

    def set_application(self, application_id: int) -> None:
        self.application_id = application_id
        self.reload()

    def reload(self) -> None:
        if self.application_id is None:
            return
        self.model.set_rows(interviews_of_application(self.application_id))
        fit_columns(self.view, widest=320)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _run(self, dialog: InterviewFormDialog) -> None:
        dialog.saved.connect(lambda _app_id: self.changed.emit())
        if dialog.exec():
            self.reload()

    def record_interview(self, default_start: dt.datetime | None = None) -> None:
        if self.application_id is not None:
            self._run(InterviewFormDialog(self.application_id, default_start=default_start, parent=self))

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None and self.application_id is not None:
            self._run(InterviewFormDialog(self.application_id, self.model.row_item(row).id, parent=self))

    def confirm_delete(self, when: str) -> bool:
        answer = QMessageBox.question(
            self, _("Delete interview"),
            _("Delete the interview on {when} and its notes?").format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        item = self.model.row_item(row)
        if self.confirm_delete(format_datetime(item.starts_at, "short")):
            delete_interview(item.id)
            self.reload()
            self.changed.emit()
