"""Record one interview round: when, how, who was there, your notes, and what they said comes next."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.stages import CHANNEL_LABELS, FORMAT_LABELS, Channel, InterviewFormat
from jobfollow.core.validation import INTERVAL_DAYS, check_interview
from jobfollow.i18n import N_, _
from jobfollow.store.application_details import application_date, load_details
from jobfollow.store.interviews import InterviewRecord, get_interview, save_interview
from jobfollow.store.people import ContactCard, people_of_application
from jobfollow.ui.forms.people_models import AttendeeModel
from jobfollow.ui.forms.widgets import (
    ContactNameEdit,
    InlineMessage,
    OptionalDateEdit,
    count_suffix,
    is_kept_enter,
    keep_enter,
    localize_date_edit,
)
from jobfollow.ui.store_errors import saved_or_reported


def _notes_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class InterviewFormDialog(QDialog):
    #: the application id, after the interview was written to the store
    saved = Signal(int)

    def __init__(self, application_id: int, interview_id: int | None = None,
                 default_start: dt.datetime | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.application_id = application_id
        self.applied_on = application_date(application_id)
        if interview_id:
            self.record = get_interview(interview_id)
        else:
            start = default_start or dt.datetime.now().replace(minute=0, second=0, microsecond=0)
            self.record = InterviewRecord(application_id=application_id, starts_at=start)
        self.saved_record: InterviewRecord | None = None
        details = load_details(application_id)
        self.company = details.company
        self.setWindowTitle(_("Interview: {position} at {company}").format(
            position=details.position_title, company=details.company))
        self.resize(640, 600)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_round_tab(), _("&Round and people"))
        self.tabs.addTab(self._build_notes_tab(), _("Your &notes"))
        self.tabs.addTab(self._build_next_tab(), _("What comes ne&xt"))
        self.warnings = InlineMessage()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)

        self._load(self.record)
        for signal in (self.starts_edit.dateTimeChanged, self.decision_edit.changed, self.follow_up_edit.changed):
            signal.connect(self.update_warnings)
        self.update_warnings()
        self.starts_edit.setFocus()  # not the tab bar: typing right away goes to the first field

    # -- building ----------------------------------------------------------------------------------
    def _build_round_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.starts_edit = QDateTimeEdit()
        self.starts_edit.setCalendarPopup(True)
        localize_date_edit(self.starts_edit, with_time=True)
        self.format_combo = QComboBox()
        for value in InterviewFormat:
            self.format_combo.addItem(_(FORMAT_LABELS[value]), value.value)
        self.informational_check = QCheckBox(_("Informational interview (no open position discussed)"))
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(_("Address, room, or video link"))
        form.addRow(_("&Date and time:"), self.starts_edit)
        form.addRow(_("&Format:"), self.format_combo)
        form.addRow("", self.informational_check)
        form.addRow(_("&Location:"), self.location_edit)

        self.attendees = AttendeeModel(self)
        self.attendee_view = QListView()
        self.attendee_view.setModel(self.attendees)
        self.attendee_view.setMinimumHeight(140)
        form.addRow(QLabel(_("Who was there (tick them; everyone gets a thank-you):")))
        form.addRow(self.attendee_view)
        self.new_name_edit = ContactNameEdit()
        self.new_name_edit.setPlaceholderText(_("Name of another interviewer"))
        self.new_title_edit = QLineEdit()
        self.new_title_edit.setPlaceholderText(_("Their title"))
        self.add_person_button = QPushButton(_("&Add interviewer"))
        self.add_person_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.new_name_edit, 3)
        row.addWidget(self.new_title_edit, 2)
        row.addWidget(self.add_person_button)
        form.addRow(row)
        keep_enter(self.new_name_edit)
        keep_enter(self.new_title_edit)
        self.new_name_edit.returnPressed.connect(self.add_typed_person)
        self.new_title_edit.returnPressed.connect(self.add_typed_person)
        self.add_person_button.clicked.connect(self.add_typed_person)
        self.new_name_edit.picked.connect(lambda card: self.new_title_edit.setText(card.title))
        return page

    def _build_notes_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.questions_edit = _notes_box(_("Each question they asked, and how you answered"))
        self.differently_edit = _notes_box(_("Answers you would give differently next time"))
        self.observations_edit = _notes_box(_("The place, the people, the atmosphere"))
        self.missed_edit = _notes_box(_("Qualifications you meant to mention and did not"))
        self.topic_edit = QLineEdit()
        self.topic_edit.setPlaceholderText(_("e.g. their plan to open an office in Lyon"))
        form.addRow(_("&Questions and answers:"), self.questions_edit)
        form.addRow(_("Answer &differently:"), self.differently_edit)
        form.addRow(_("&Observations:"), self.observations_edit)
        form.addRow(_("&Points not made:"), self.missed_edit)
        form.addRow(_("Mention in the &thank-you:"), self.topic_edit)
        return page

    def _build_next_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.decision_edit = OptionalDateEdit(N_("They gave a date"))
        self.follow_up_edit = OptionalDateEdit(N_("They named a date"))
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(_("They did not say"), "")
        for channel in Channel:
            self.channel_combo.addItem(_(CHANNEL_LABELS[channel]), channel.value)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(*INTERVAL_DAYS)
        self.interval_spin.setSpecialValueText(_("no limit given"))
        count_suffix(self.interval_spin, "days")
        self.notes_edit = _notes_box(_("Anything else: next steps, names to remember, what to prepare"))
        hint = QLabel(_("Ask at the end of an interview when you may hear from them; jobfollow plans the "
                        "status check a day or two after that date."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form.addRow(_("Decision &by:"), self.decision_edit)
        form.addRow(_("You may follow up &on:"), self.follow_up_edit)
        form.addRow(_("Follow up &by:"), self.channel_combo)
        form.addRow(_("No more often than &every:"), self.interval_spin)
        form.addRow(_("Other &notes:"), self.notes_edit)
        form.addRow(hint)
        return page

    # -- values ------------------------------------------------------------------------------------
    def _load(self, record: InterviewRecord) -> None:
        self.starts_edit.setDateTime(QDateTime(record.starts_at))
        self.format_combo.setCurrentIndex(self.format_combo.findData(record.format))
        self.informational_check.setChecked(record.informational)
        self.location_edit.setText(record.location)
        candidates = [p.contact for p in people_of_application(self.application_id)]
        unique: dict[int, ContactCard] = {card.id: card for card in candidates}
        self.attendees.set_candidates(list(unique.values()), set(record.attendee_ids))
        self.questions_edit.setPlainText(record.questions)
        self.differently_edit.setPlainText(record.answer_differently)
        self.observations_edit.setPlainText(record.observations)
        self.missed_edit.setPlainText(record.missed_points)
        self.topic_edit.setText(record.specific_topic)
        self.decision_edit.set_value(record.decision_date)
        self.follow_up_edit.set_value(record.follow_up_on)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(record.follow_up_channel)))
        self.interval_spin.setValue(record.follow_up_interval_days or 0)
        self.notes_edit.setPlainText(record.notes)

    def starts_at(self) -> dt.datetime:
        return self.starts_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def current_record(self) -> InterviewRecord:
        return replace(
            self.record,
            starts_at=self.starts_at(),
            format=self.format_combo.currentData(),
            informational=self.informational_check.isChecked(),
            location=self.location_edit.text().strip(),
            questions=self.questions_edit.toPlainText(),
            answer_differently=self.differently_edit.toPlainText(),
            observations=self.observations_edit.toPlainText(),
            missed_points=self.missed_edit.toPlainText(),
            specific_topic=self.topic_edit.text().strip(),
            decision_date=self.decision_edit.value(),
            follow_up_on=self.follow_up_edit.value(),
            follow_up_channel=self.channel_combo.currentData() or "",
            follow_up_interval_days=self.interval_spin.value() or None,
            notes=self.notes_edit.toPlainText(),
            attendee_ids=self.attendees.checked_ids(),
        )

    def add_typed_person(self) -> bool:
        """Put the interviewer typed below the list on it, ticked, and clear the fields for the next one."""
        name = self.new_name_edit.text().strip()
        if not name:
            self.new_name_edit.setFocus()
            return False
        picked = self.new_name_edit.picked_contact
        card = picked if picked is not None else ContactCard(name=name, title=self.new_title_edit.text().strip())
        row = self.attendees.add_person(card)
        self.attendee_view.scrollTo(self.attendees.index(row))
        self.new_name_edit.clear()
        self.new_name_edit.picked_contact = None
        self.new_title_edit.clear()
        self.new_name_edit.setFocus()
        return True

    def update_warnings(self) -> None:
        problems = check_interview(self.starts_at(), self.applied_on, self.decision_edit.value(),
                                   self.follow_up_edit.value())
        self.warnings.show_problems(problems)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_kept_enter(self, event):
            event.accept()  # the line edit already added the person
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self.new_name_edit.text().strip():  # typed but not added yet: keep it rather than lose it
            self.add_typed_person()
        record = self.current_record()
        # Interviewers typed here work for the company unless the user said otherwise.
        new_people = [person if person.organisation else replace(person, organisation=self.company)
                      for person in self.attendees.checked_new_people()]
        ok, saved_record = saved_or_reported(self, lambda: save_interview(record, new_people))
        if not ok:
            return
        self.saved_record = saved_record
        self.saved.emit(self.application_id)
        super().accept()

