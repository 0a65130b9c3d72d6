"""The People tab: everyone with a role on this application, their business cards, add/edit/remove."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from jobfollow.core.stages import ContactRole
from jobfollow.i18n import _
from jobfollow.store.people import people_of_application, unlink_contact
from jobfollow.ui.forms.contact_editor import ContactEditorDialog
from jobfollow.ui.forms.people_models import PeopleModel
from jobfollow.ui.forms.widgets import fit_columns, keep_enter, record_table
from jobfollow.ui.retranslation import Retranslating
from jobfollow.ui.store_errors import show_store_error


class PeoplePage(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, events=None, undo_stack=None):
        super().__init__(parent)
        self.application_id: int | None = None
        self.events = events  # with an undo stack, a removal is one step of Edit > Undo
        self.undo_stack = undo_stack
        self.model = PeopleModel(self)
        self.view = record_table(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        keep_enter(self.view)
        self.view.activated.connect(lambda _index: self.edit_selected())  # double-click or Enter
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(_("&Add person…"))
        self.edit_button.setText(_("&Edit…"))
        self.remove_button.setText(_("&Remove from this application"))
        self.model.retranslate()

    def set_application(self, application_id: int) -> None:
        self.application_id = application_id
        self.reload()

    def reload(self) -> None:
        if self.application_id is None:
            return
        self.model.set_people(people_of_application(self.application_id))
        fit_columns(self.view)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def add_person(self) -> None:
        if self.application_id is None:
            return
        if ContactEditorDialog(self.application_id, parent=self).exec():
            self.reload()
            self.changed.emit()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.application_id is None:
            return
        if ContactEditorDialog(self.application_id, self.model.person(row), parent=self).exec():
            self.reload()
            self.changed.emit()

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.application_id is None:
            return
        person = self.model.person(row)
        if self.undo_stack is None:
            unlink_contact(self.application_id, person.contact.id, person.role)
        else:
            from jobfollow.services.card_commands import RemovePersonCommand
            from jobfollow.services.undo import push

            failure = push(self.undo_stack, RemovePersonCommand(self.events, self.application_id, person.contact.id,
                                                                ContactRole(person.role).value, person.contact.name))
            if failure is not None:  # the database refused: nothing changed, nothing to undo
                show_store_error(self, failure)
                return
        self.reload()
        self.changed.emit()
