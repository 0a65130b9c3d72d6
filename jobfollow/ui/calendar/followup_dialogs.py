"""Small dialogs of the agenda: pick a snooze date, add a follow-up of your own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.stages import CHANNEL_LABELS
from jobfollow.i18n import _, first_day_of_week
from jobfollow.ui.calendar.month_calendar import to_date, to_qdate
from jobfollow.ui.forms.widgets import localize_date_edit
from jobfollow.ui.palette_colours import signal_colour
from jobfollow.ui.plain_text import plain_label


class SnoozeDateDialog(QDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Snooze until"))
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(_qt_day(first_day_of_week()))
        self.calendar.setMinimumDate(to_qdate(today + dt.timedelta(days=1)))
        self.calendar.setSelectedDate(to_qdate(today + dt.timedelta(days=7)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.calendar.activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Remind me again on:")))
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date:
        return to_date(self.calendar.selectedDate())


def _qt_day(babel_day: int):
    from PySide6.QtCore import Qt

    return Qt.DayOfWeek(babel_day + 1)


class CustomFollowUpDialog(QDialog):
    """What, for which card, when and how: a follow-up the rules do not know about."""

    def __init__(self, cards: list[tuple[int, str, str]], today: dt.date, preselect: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add a follow-up"))
        self.card_combo = QComboBox()
        for card_id, company, position in cards:
            self.card_combo.addItem(_("{company}, {position}").format(company=company, position=position), card_id)
        if preselect is not None and self.card_combo.findData(preselect) >= 0:
            self.card_combo.setCurrentIndex(self.card_combo.findData(preselect))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("e.g. Send Amy the portfolio link"))
        self.due_edit = QDateEdit(to_qdate(today + dt.timedelta(days=1)))
        self.due_edit.setCalendarPopup(True)
        localize_date_edit(self.due_edit)  # the year in full and the locale's order, as in the other forms
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(_("No message (a task)"), "")
        for channel, label in CHANNEL_LABELS.items():
            self.channel_combo.addItem(_(label), channel.value)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(_("Why (optional): what you promised, what they asked for"))
        self.reason_edit.setMinimumHeight(70)  # takes the spare height, so the rows above keep their spacing
        self.error_label = plain_label()
        self.error_label.setStyleSheet(f"color: {signal_colour('danger').name()}")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(_("Card:"), self.card_combo)
        form.addRow(_("What:"), self.title_edit)
        form.addRow(_("Due:"), self.due_edit)
        form.addRow(_("How:"), self.channel_combo)
        form.addRow(_("Why:"), self.reason_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(460, 300)

    def accept(self) -> None:
        if self.card_combo.currentData() is None:
            return self._complain(_("Add a card first: a follow-up belongs to an application."))
        if not self.title_edit.text().strip():
            self.title_edit.setFocus()
            return self._complain(_("Say what to do, e.g. \u201cCall Amy about the start date\u201d."))
        super().accept()
        return None

    def _complain(self, message: str) -> None:
        self.error_label.setText(message)  # the dialog stays open: nothing typed is lost
        self.error_label.show()

    def values(self) -> dict:
        return {"application_id": self.card_combo.currentData(), "title": self.title_edit.text().strip(),
                "due_on": to_date(self.due_edit.date()), "channel": self.channel_combo.currentData() or "",
                "reason": self.reason_edit.toPlainText().strip()}
