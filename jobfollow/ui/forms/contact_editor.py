"""Add a person to an application (new, or someone already in the address book) or edit their business card."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.stages import CHANNEL_LABELS, ROLE_LABELS, Channel, ContactRole
from jobfollow.core.validation import check_contact, first_error
from jobfollow.i18n import _, ngettext
from jobfollow.store.people import (
    ContactCard,
    PersonOnCard,
    applications_of_contact,
    change_role,
    link_contact,
    save_contact,
)
from jobfollow.ui.forms.widgets import ContactNameEdit, InlineMessage, with_message
from jobfollow.ui.plain_text import plain_label
from jobfollow.ui.store_errors import saved_or_reported


class ContactEditorDialog(QDialog):
    def __init__(self, application_id: int, person: PersonOnCard | None = None,
                 default_role: ContactRole = ContactRole.INTERVIEWER, parent: QWidget | None = None):
        super().__init__(parent)
        self.application_id = application_id
        self.person = person
        self.saved: PersonOnCard | None = None
        self.setWindowTitle(_("Edit person") if person else _("Add a person"))
        self.setMinimumWidth(480)

        self.role_combo = QComboBox()
        for role in ContactRole:
            self.role_combo.addItem(_(ROLE_LABELS[role]), role.value)
        self.name_edit = ContactNameEdit()
        self.name_message = InlineMessage()
        self.title_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.email_message = InlineMessage()
        self.phone_edit = QLineEdit()
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(_("No preference"), "")
        for channel in Channel:
            self.channel_combo.addItem(_(CHANNEL_LABELS[channel]), channel.value)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(_("What you talked about, how you met, anything from their business card"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(90)
        self.shared_note = plain_label()
        self.shared_note.setWordWrap(True)
        self.shared_note.hide()

        form = QFormLayout()
        form.addRow(_("&Role:"), self.role_combo)
        form.addRow(_("&Name:"), with_message(self.name_edit, self.name_message))
        form.addRow(_("&Title:"), self.title_edit)
        form.addRow(_("&Organisation:"), self.organisation_edit)
        form.addRow(_("&E-mail:"), with_message(self.email_edit, self.email_message))
        form.addRow(_("&Phone:"), self.phone_edit)
        form.addRow(_("Prefers to be reached by:"), self.channel_combo)
        form.addRow(_("N&otes:"), self.notes_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.shared_note)
        layout.addWidget(buttons)

        self.email_edit.textChanged.connect(self._check_email)
        self.name_edit.picked.connect(self._fill_from)
        if person is not None:
            self._fill_from(person.contact)
            self.role_combo.setCurrentIndex(self.role_combo.findData(person.role.value))
            self.name_edit.setCompleter(None)  # editing this person: renaming must not switch to someone else
        else:
            self.role_combo.setCurrentIndex(self.role_combo.findData(ContactRole(default_role).value))

    def _fill_from(self, card: ContactCard) -> None:
        self.name_edit.setText(card.name)
        self.title_edit.setText(card.title)
        self.organisation_edit.setText(card.organisation)
        self.email_edit.setText(card.email)
        self.phone_edit.setText(card.phone)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(card.preferred_channel)))
        self.notes_edit.setPlainText(card.notes)
        others = [a for a in applications_of_contact(card.id) if a != self.application_id]
        if others:
            self.shared_note.setText(ngettext(
                "{name} is also on {count} other application; changes to this card show there too.",
                "{name} is also on {count} other applications; changes to this card show there too.",
                len(others)).format(name=card.name, count=len(others)))
            self.shared_note.show()

    def _check_email(self) -> None:
        self.email_message.show_problems([p for p in check_contact("x", self.email_edit.text()) if p.field == "email"])

    def card(self) -> ContactCard:
        if self.person is not None:
            contact_id = self.person.contact.id
        else:
            picked = self.name_edit.picked_contact
            contact_id = picked.id if picked is not None else 0
        return ContactCard(
            id=contact_id,
            name=self.name_edit.text().strip(),
            title=self.title_edit.text(),
            organisation=self.organisation_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            preferred_channel=self.channel_combo.currentData() or "",
            notes=self.notes_edit.toPlainText(),
        )

    def role(self) -> ContactRole:
        return ContactRole(self.role_combo.currentData())

    def _store(self, card: ContactCard) -> ContactCard:
        stored = save_contact(card)
        if self.person is None:
            link_contact(self.application_id, stored.id, self.role())
        else:
            change_role(self.application_id, stored.id, self.person.role, self.role())
        return stored

    def accept(self) -> None:
        card = self.card()
        problems = check_contact(card.name, card.email)
        self.name_message.show_problems([p for p in problems if p.field == "name"])
        if first_error(problems) is not None:
            self.name_edit.setFocus()
            return
        ok, stored = saved_or_reported(self, lambda: self._store(card))
        if not ok:
            return
        self.saved = PersonOnCard(stored, self.role())
        super().accept()
