"""The application form: a card's details, its people, its interviews and its timeline, in four tabs.

Details are saved with Save/Apply as one undoable step on the window's undo stack; people, interviews
and timeline entries are written as soon as they are added (each announces itself on ``events``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.validation import has_errors
from jobfollow.i18n import _
from jobfollow.services.card_commands import EditDetailsCommand
from jobfollow.services.events import AppEvents
from jobfollow.services.undo import push
from jobfollow.store.application_details import ApplicationDetails, add_application, load_details
from jobfollow.store.postings import KeptPosting, save_posting
from jobfollow.ui.contacts.known_box import KnownPeopleBox
from jobfollow.ui.documents.drop import FileDropFilter
from jobfollow.ui.documents.page import DocumentsPage
from jobfollow.ui.forms.details_page import DetailsPage
from jobfollow.ui.forms.interviews_page import InterviewsPage
from jobfollow.ui.forms.people_page import PeoplePage
from jobfollow.ui.forms.timeline_page import TimelinePage
from jobfollow.ui.forms.widgets import is_kept_enter
from jobfollow.ui.posting.duplicates import DuplicateWarning
from jobfollow.ui.posting.page import PostingPage
from jobfollow.ui.retranslation import Retranslating
from jobfollow.ui.store_errors import saved_or_reported, show_store_error

DETAILS_TAB, POSTING_TAB, PEOPLE_TAB, INTERVIEWS_TAB, DOCUMENTS_TAB, TIMELINE_TAB = range(6)


class ApplicationFormDialog(Retranslating, QDialog):
    def __init__(self, events: AppEvents, undo_stack: QUndoStack, application_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.events = events
        self.undo_stack = undo_stack
        self.application_id = application_id
        self.setObjectName("applicationForm")
        self.resize(900, 640)

        self.details_page = DetailsPage()
        self.posting_page = PostingPage()
        self.duplicates = DuplicateWarning()
        self.duplicates.exclude_id = application_id
        self.details_page.layout().insertRow(2, "", self.duplicates)
        self.people_page = PeoplePage(events=events, undo_stack=undo_stack)
        self.interviews_page = InterviewsPage()
        self.documents_page = DocumentsPage(undo_stack)
        self.timeline_page = TimelinePage()
        self.tabs = QTabWidget()
        for page in (self.details_page, self.posting_page, self.people_page, self.interviews_page,
                     self.documents_page, self.timeline_page):
            self.tabs.addTab(page, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        for page in self._record_pages():
            page.changed.connect(self._records_changed)
        self.known_people = KnownPeopleBox()
        self.people_page.layout().addWidget(self.known_people)
        self.known_people.changed.connect(self._records_changed)
        self.prepare_button = QPushButton()
        self.prepare_button.setAutoDefault(False)
        self.prepare_button.clicked.connect(self.prepare_next_round)
        self.interviews_page.layout().addWidget(self.prepare_button)
        self.file_drops = FileDropFilter(self)
        self.file_drops.dropped.connect(self.files_dropped)
        self.posting_page.fill_requested.connect(self.fill_from_posting)
        self.duplicates.open_requested.connect(self.events.open_application_requested)
        # bound methods, not lambdas: a lambda holding the form keeps it alive after it is closed
        for edit in (self.details_page.company_edit, self.details_page.position_edit):
            edit.textChanged.connect(self._company_or_title_typed)

        self.saved_details = load_details(application_id) if application_id else ApplicationDetails(
            applied_on=dt.date.today())
        self.details_page.set_details(self.saved_details)
        self.shown_details = self.details_page.details()
        self._enter_mode()
        self.retranslate()
        self.details_page.company_edit.setFocus()  # not the tab bar: typing right away fills the first field

    def _enter_mode(self) -> None:
        """New card: only Details until the card exists. Existing card: every tab, filled from the store."""
        existing = self.application_id is not None
        for tab in (PEOPLE_TAB, INTERVIEWS_TAB, DOCUMENTS_TAB, TIMELINE_TAB):
            self.tabs.setTabEnabled(tab, existing)
        if existing:
            for page in self._record_pages():
                page.set_application(self.application_id)
            self.posting_page.set_application(self.application_id)
            self.known_people.set_application(self.application_id)
        self._set_title()

    def retranslate(self) -> None:
        """The form's own texts; each tab sets its own."""
        for tab, text in ((DETAILS_TAB, _("&Details")), (POSTING_TAB, _("Po&sting")), (PEOPLE_TAB, _("&People")),
                          (INTERVIEWS_TAB, _("&Interviews")), (DOCUMENTS_TAB, _("D&ocuments")),
                          (TIMELINE_TAB, _("&Timeline"))):
            self.tabs.setTabText(tab, text)
            if tab not in (DETAILS_TAB, POSTING_TAB):
                self.tabs.setTabToolTip(tab, "" if self.application_id is not None else _(
                    "Save the details first (Apply keeps this open)."))
        self.prepare_button.setText(_("&Prepare the next round…"))
        self.prepare_button.setToolTip(_("The questions from this company's earlier rounds, and the points you did "
                                         "not make"))
        self._set_title()

    def _set_title(self) -> None:
        if self.application_id is not None:
            self.setWindowTitle(_("{position} at {company}").format(
                position=self.saved_details.position_title, company=self.saved_details.company))
        else:
            self.setWindowTitle(_("New application"))

    # -- saving ------------------------------------------------------------------------------------
    def apply(self) -> bool:
        """Save the details; on a problem say which field, keep everything typed, return False."""
        if has_errors(self.details_page.check()):
            self.tabs.setCurrentIndex(DETAILS_TAB)
            self.details_page.check()  # focus moves once the tab is visible
            return False
        details = self.details_page.details()
        if self.application_id is None:
            ok, new_id = saved_or_reported(self, lambda: add_application(details))
            if not ok:
                return False
            self.application_id = new_id
            self.duplicates.exclude_id = new_id
            self._save_posting()
            self.saved_details = load_details(self.application_id)
            self.shown_details = self.details_page.details()
            self.events.applications_changed.emit([self.application_id])
            self._enter_mode()
            return True
        if self.posting_page.has_changes() and not self._save_posting():
            return False
        edited = self.edited_fields()
        if edited:
            # only what the user changed is written: a value the widgets cannot show whole (a 200,000-character
            # company name from an imported file, cut at a line edit's limit) stays as it is stored
            details = replace(self.saved_details, **{name: getattr(details, name) for name in edited})
            failure = push(self.undo_stack,
                           EditDetailsCommand(self.events, self.application_id, self.saved_details, details))
            if failure is not None:  # not written, so not on the undo stack either
                show_store_error(self, failure)
                return False
            self.saved_details = load_details(self.application_id)
            self.shown_details = self.details_page.details()
            self._enter_mode()
            self.timeline_page.reload()
        return True

    def _save_posting(self) -> bool:
        text, source = self.posting_page.text(), self.posting_page.source_name
        ok, _none = saved_or_reported(self, lambda: save_posting(self.application_id, text, source))
        if ok:
            self.posting_page.mark_saved(KeptPosting(text, source))
        return ok

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_kept_enter(self, event):
            event.accept()  # Return in the timeline's line logs the entry, it does not close the form
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def edited_fields(self) -> list[str]:
        """The details the user changed: compared with what the fields showed when the card was loaded, not
        with the stored values, which a field may show differently (cut at its length, blanks trimmed)."""
        return self.details_page.details().changed_fields(self.shown_details)

    def has_unsaved_details(self) -> bool:
        return bool(self.edited_fields()) or self.posting_page.has_changes()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, _("Discard changes?"), _("The details you changed are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.has_unsaved_details() and not self.confirm_discard():
            return
        super().reject()

    # -- records written by the other tabs --------------------------------------------------------
    def _record_pages(self) -> tuple[QWidget, ...]:
        return (self.people_page, self.interviews_page, self.documents_page, self.timeline_page)

    def files_dropped(self, paths) -> None:
        """Files dropped on the Posting tab (or on a card not saved yet) are read as the posting; anywhere
        else on the form they are attached to the card."""
        if self.application_id is None or self.tabs.currentIndex() == POSTING_TAB:
            self.tabs.setCurrentIndex(POSTING_TAB)
            self.posting_page.load_file(paths[0])
            return
        self.tabs.setCurrentIndex(DOCUMENTS_TAB)
        self.documents_page.attach_paths(paths)

    def _company_or_title_typed(self) -> None:
        self.duplicates.check_later(self.details_page.company_edit.text(), self.details_page.position_edit.text())

    def prepare_next_round(self):
        from jobfollow.ui.questions.dialog import QuestionBankDialog

        dialog = QuestionBankDialog(self)
        dialog.prepare_next_round(self.application_id)
        dialog.exec()  # modal over the form
        return dialog

    def fill_from_posting(self, suggestion) -> None:
        """The posting's suggestions go into the Details fields left empty; what was typed stays."""
        page = self.details_page
        edits = {"company": page.company_edit, "position_title": page.position_edit,
                 "location": page.location_edit, "salary_range": page.salary_edit}
        for name, value in suggestion.found().items():
            if not edits[name].text().strip():
                edits[name].setText(value)
        self.tabs.setCurrentIndex(DETAILS_TAB)
        self.duplicates.check_now(page.company_edit.text(), page.position_edit.text())

    def _records_changed(self) -> None:
        for page in self._record_pages():
            page.reload()
        self.known_people.reload()
        self.events.applications_changed.emit([self.application_id])

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
