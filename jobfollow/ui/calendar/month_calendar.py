"""A month calendar that shows on each day how many follow-ups fall due (red when overdue, blue otherwise), a
violet dot on days with an interview, and a ring around today; weekends are not coloured (red means overdue)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from jobfollow.i18n import current_locale, first_day_of_week, format_number, ngettext
from jobfollow.ui.palette_colours import signal_colour

OVERDUE_COLOUR = QColor("#c62828")
DUE_COLOUR = QColor("#1565c0")
INTERVIEW_COLOUR = QColor("#7b1fa2")


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DueCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.follow_locale()
        self.counts: dict[dt.date, int] = {}
        self.interviews: dict[dt.date, int] = {}
        self.today = dt.date.today()
        self._plain_weekends()

    def _plain_weekends(self) -> None:
        """Weekends in the ordinary text colour: red on a calendar of follow-ups reads as "overdue"."""
        plain = QTextCharFormat()
        plain.setForeground(self.palette().color(QPalette.ColorRole.Text))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)

    def follow_locale(self) -> None:
        """Month and day names of the current locale, the week starting on its first day; the selected day
        and the month in view stay as they were (en_US starts on Sunday, de on Monday)."""
        selected, page = self.selectedDate(), (self.yearShown(), self.monthShown())
        self.setLocale(QLocale(str(current_locale())))
        self.setFirstDayOfWeek(Qt.DayOfWeek(first_day_of_week() + 1))  # Babel 0 = Monday, Qt 1 = Monday
        self.setSelectedDate(selected)
        self.setCurrentPage(*page)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._plain_weekends()
        elif event.type() == QEvent.Type.LanguageChange:
            self.follow_locale()

    def set_counts(self, counts: dict[dt.date, int], today: dt.date, interviews: dict[dt.date, int] | None = None
                   ) -> None:
        if today != self.today and to_date(self.selectedDate()) == self.today:
            self.setSelectedDate(to_qdate(today))  # a new day: the selection that marked today moves with it
        self.counts, self.today = counts, today
        if interviews is not None:
            self.interviews = interviews
        self.updateCells()

    def count_on(self, day: dt.date) -> int:
        return self.counts.get(day, 0)

    def tooltip_for(self, day: dt.date) -> str:
        count, interviews = self.count_on(day), self.interviews.get(day, 0)
        lines = []
        if count:
            lines.append(ngettext("{count} follow-up due", "{count} follow-ups due", count).format(
                count=format_number(count)))
        if interviews:
            lines.append(ngettext("{count} interview", "{count} interviews", interviews).format(
                count=format_number(interviews)))
        return "\n".join(lines)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:  # noqa: N802 - Qt override
        super().paintCell(painter, rect, date)
        day = to_date(date)
        if day == self.today:  # today stays marked whichever day is selected
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(signal_colour("due", self.palette()), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(2, 2, -2, -2), 4, 4)
            painter.restore()
        if self.interviews.get(day):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INTERVIEW_COLOUR)
            size = max(5, rect.height() // 4)  # a dot at the left of the day, clear of the number and the badge
            painter.drawEllipse(QRectF(rect.left() + 3, rect.center().y() - size / 2, size, size))
            painter.restore()
        count = self.counts.get(day, 0)
        if not count:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        overdue = to_date(date) < self.today
        colour = OVERDUE_COLOUR if overdue else DUE_COLOUR
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.75))
        font.setBold(True)
        painter.setFont(font)
        text = str(count) if count < 100 else "99+"
        metrics = painter.fontMetrics()
        height = min(metrics.height(), rect.height() - 2)
        width = max(height, metrics.horizontalAdvance(text) + 4)
        # Hug the top-right corner: the day number is centred, so the badge stays clear of it.
        badge = QRect(rect.right() - width - 2, rect.top() + 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
