"""Calendar pane: the month view of due follow-ups (filled in by the follow-up rules feature)."""

from __future__ import annotations

from PySide6.QtWidgets import QCalendarWidget, QLabel, QVBoxLayout, QWidget

from jobfollow.i18n import _
from jobfollow.ui.events import AppEvents


class CalendarPane(QWidget):
    def __init__(self, events: AppEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.events = events
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.agenda_label = QLabel(_("No follow-ups are due."))
        self.agenda_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(self.agenda_label, 1)
