"""The Details tab of the application form: the facts of one application, with inline problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from jobfollow.core.insights.apply_method import APPLY_METHOD_LABELS
from jobfollow.core.validation import Problem, check_application
from jobfollow.i18n import N_, _
from jobfollow.store.application_details import ApplicationDetails
from jobfollow.ui.forms.widgets import ContactNameEdit, InlineMessage, OptionalDateEdit, with_message
from jobfollow.ui.retranslation import Retranslating, set_row_labels

# Offered in the Source box; the user can type any other.
SOURCES = (N_("Company website"), N_("Job board"), N_("Referral"), N_("Recruiter"), N_("Career fair"),
           N_("Networking event"), "LinkedIn")
_TRANSLATED_SOURCES = frozenset(SOURCES[:-1])  # a brand name stays as it is


class DetailsPage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.company_edit = QLineEdit()
        self.position_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.location_edit = QLineEdit()
        self.salary_edit = QLineEdit()
        self.source_combo = QComboBox()
        self.source_combo.setEditable(True)
        self.source_combo.addItem("")
        self.source_combo.addItems(["" if source in _TRANSLATED_SOURCES else source for source in SOURCES])
        self.source_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.invited_edit = ContactNameEdit()
        self.invited_edit.placeholder = lambda: _("Who invited you to interview")
        self.applied_edit = OptionalDateEdit()
        self.method_combo = QComboBox()
        self.method_combo.addItem("", "")
        for method in APPLY_METHOD_LABELS:
            self.method_combo.addItem("", method.value)
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.website_edit = QLineEdit()
        self.website_edit.setPlaceholderText("https://")
        self.tags_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)

        self.messages = {name: InlineMessage() for name in ("company", "position_title", "posting_url")}
        self.fields = {"company": self.company_edit, "position_title": self.position_edit,
                       "posting_url": self.url_edit}
        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("company", "position_title", "posting_url"):
            form.addRow("", with_message(self.fields[name], self.messages[name]))
        for field in (self.location_edit, self.salary_edit, self.source_combo, self.invited_edit, self.applied_edit,
                      self.method_combo, self.address_edit, self.website_edit, self.tags_edit, self.notes_edit):
            form.addRow("", field)
        self.retranslate()
        # Problems are checked again as the user fixes them, so a red line never outlives its cause.
        for edit in self.fields.values():
            edit.textEdited.connect(self._recheck_shown)

    def retranslate(self) -> None:
        self.company_edit.setPlaceholderText(_("Required"))
        self.position_edit.setPlaceholderText(_("Required"))
        self.location_edit.setPlaceholderText(_("City, or Remote"))
        self.salary_edit.setPlaceholderText(_("e.g. 55,000–65,000 a year"))
        typed = self.source_combo.currentText() if self.source_combo.currentIndex() < 0 else None
        for index, source in enumerate(SOURCES, start=1):
            self.source_combo.setItemText(index, _(source) if source in _TRANSLATED_SOURCES else source)
        if typed is not None:  # the user's own words stay
            self.source_combo.setCurrentText(typed)
        self.method_combo.setItemText(0, _("Not recorded"))
        for index, label in enumerate(APPLY_METHOD_LABELS.values(), start=1):
            self.method_combo.setItemText(index, _(label))
        self.address_edit.setPlaceholderText(_("Street, postcode and town (a job centre's record asks for it)"))
        self.tags_edit.setPlaceholderText(_("Comma-separated, e.g. remote, dream job"))
        self.notes_edit.setPlaceholderText(_("Why this job, the team, what you found out"))
        boxes = {name: self.fields[name].parentWidget() for name in self.fields}
        set_row_labels(self.form, {
            boxes["company"]: _("&Company:"), boxes["position_title"]: _("&Position title:"),
            boxes["posting_url"]: _("Posting &URL:"), self.location_edit: _("&Location:"),
            self.salary_edit: _("&Salary range:"), self.source_combo: _("S&ource:"),
            self.invited_edit: _("&Invited by:"), self.applied_edit: _("&Applied on:"),
            self.method_combo: _("&How you applied:"), self.address_edit: _("Employer a&ddress:"),
            self.website_edit: _("Employer &website:"), self.tags_edit: _("&Tags:"), self.notes_edit: _("&Notes:")})
        for name, box in boxes.items():  # a label's mnemonic goes to the field, not to the box around it
            label = self.form.labelForField(box)
            if label is not None:
                label.setBuddy(self.fields[name])

    def details(self) -> ApplicationDetails:
        return ApplicationDetails(
            company=self.company_edit.text(),
            position_title=self.position_edit.text(),
            posting_url=self.url_edit.text(),
            location=self.location_edit.text(),
            salary_range=self.salary_edit.text(),
            source=self.source_combo.currentText(),
            invited_by=self.invited_edit.text(),
            how_applied=self.method_combo.currentData() or "",
            employer_address=self.address_edit.toPlainText(),
            employer_website=self.website_edit.text(),
            tags=self.tags_edit.text(),
            notes=self.notes_edit.toPlainText(),
            applied_on=self.applied_edit.value(),
        ).cleaned()

    def set_details(self, details: ApplicationDetails) -> None:
        self.company_edit.setText(details.company)
        self.position_edit.setText(details.position_title)
        self.url_edit.setText(details.posting_url)
        self.location_edit.setText(details.location)
        self.salary_edit.setText(details.salary_range)
        self.source_combo.setCurrentText(details.source)
        self.invited_edit.setText(details.invited_by)
        index = self.method_combo.findData(details.how_applied)
        if index < 0 and details.how_applied:  # a value from a hand-edited file: shown, kept
            self.method_combo.addItem(details.how_applied, details.how_applied)
            index = self.method_combo.count() - 1
        self.method_combo.setCurrentIndex(max(index, 0))
        self.address_edit.setPlainText(details.employer_address)
        self.website_edit.setText(details.employer_website)
        self.tags_edit.setText(details.tags)
        self.notes_edit.setPlainText(details.notes)
        self.applied_edit.set_value(details.applied_on)

    def check(self) -> list[Problem]:
        """Show every problem under its field; on an error move the focus to the first one."""
        details = self.details()
        problems = check_application(details.company, details.position_title, details.posting_url)
        for name, message in self.messages.items():
            message.show_problems([p for p in problems if p.field == name])
        errors = [p for p in problems if p.is_error]
        if errors:
            self.fields[errors[0].field].setFocus(Qt.FocusReason.OtherFocusReason)
        return problems

    def _recheck_shown(self) -> None:
        if any(message.isVisible() or message.text() for message in self.messages.values()):
            details = self.details()
            problems = check_application(details.company, details.position_title, details.posting_url)
            for name, message in self.messages.items():
                message.show_problems([p for p in problems if p.field == name])
