"""On the People tab: the people you know at this company (from your imported contacts), one click to make
one the network contact who referred you, and the card's people as a vCard file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.contacts_io import write_vcards
from jobfollow.core.stages import ContactRole
from jobfollow.core.validation import Problem, Severity
from jobfollow.i18n import _
from jobfollow.store.application_details import load_details
from jobfollow.store.known_people import PersonThere, people_at_company_of, people_of_card_as_vcard_data
from jobfollow.store.people import link_contact
from jobfollow.ui.forms.widgets import InlineMessage
from jobfollow.ui.retranslation import Retranslating, WhenShown
from jobfollow.ui.store_errors import STORE_ERRORS, store_error_message

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleThereModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[PersonThere] = []

    def set_people(self, people: list[PersonThere]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.people)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        person = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{person.name} · {person.title}" if person.title else person.name
        if role == PERSON_ROLE:
            return person
        return None


class KnownPeopleBox(Retranslating, QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("knownPeople")
        self.application_id: int | None = None
        self.model = PeopleThereModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setMaximumHeight(110)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.refer_button = QPushButton()
        self.export_button = QPushButton()
        for button in (self.refer_button, self.export_button):
            button.setAutoDefault(False)
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.refer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refer_button.clicked.connect(self.refer_selected)
        self.export_button.clicked.connect(self.export_vcard)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.when_shown = WhenShown(self, self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Who you know there"))
        self.empty_label.setText(_("Nobody in your contacts works there. File > Import contacts… reads a LinkedIn "
                                   "connections export or vCards."))
        self.refer_button.setText(_("&Referred me"))
        self.refer_button.setToolTip(_("Adds this person to the card as the network contact who referred you; "
                                       "jobfollow then reminds you to keep them posted"))
        self.export_button.setText(_("E&xport the card's people as vCard…"))
        self.when_shown.request()

    def set_application(self, application_id: int) -> None:
        self.application_id = application_id
        self.reload()

    def reload(self) -> None:
        if self.application_id is None:
            return
        company = load_details(self.application_id).company
        self.setTitle(_("Who you know at {company}").format(company=company))
        self.model.set_people(people_at_company_of(self.application_id))
        self.view.setVisible(self.model.rowCount() > 0)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def selected(self) -> PersonThere | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(PERSON_ROLE) if rows else None

    def _update_buttons(self) -> None:
        self.refer_button.setEnabled(self.selected() is not None)

    def refer_selected(self) -> None:
        person = self.selected()
        if person is None or self.application_id is None:
            return
        try:
            link_contact(self.application_id, person.contact_id, ContactRole.NETWORK)
        except STORE_ERRORS as exc:
            self.message.show_problems([Problem("people", Severity.ERROR, store_error_message(exc))])
            return
        self.message.show_problems([])
        self.reload()
        self.changed.emit()

    def export_vcard(self) -> Path | None:
        if self.application_id is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(self, _("Export people as vCard"), "people.vcf",
                                                    _("vCard files (*.vcf)"))
        if not name:
            return None
        target = Path(name)
        people = people_of_card_as_vcard_data(self.application_id)
        try:
            partial = target.with_name(target.name + ".partial")
            partial.write_text(write_vcards(people), encoding="utf-8", newline="")
            partial.replace(target)
        except OSError as exc:
            self.message.show_problems([Problem("people", Severity.ERROR, _(
                "Cannot write {path}: {error}.").format(path=target, error=exc.strerror or exc))])
            return None
        return target
