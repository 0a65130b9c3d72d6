"""A month calendar that shows on each day how many follow-ups fall due (red when overdue)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

from jobfollow.i18n import first_day_of_week, ngettext

OVERDUE_COLOUR = QColor("#c62828")
DUE_COLOUR = QColor("#1565c0")


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DueCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek(first_day_of_week() + 1))  # Babel 0 = Monday, Qt 1 = Monday
        self.counts: dict[dt.date, int] = {}
        self.today = dt.date.today()

    def set_counts(self, counts: dict[dt.date, int], today: dt.date) -> None:
        self.counts, self.today = counts, today
        self.updateCells()

    def count_on(self, day: dt.date) -> int:
        return self.counts.get(day, 0)

    def tooltip_for(self, day: dt.date) -> str:
        count = self.count_on(day)
        return ngettext("{count} follow-up due", "{count} follow-ups due", count).format(count=count) if count else ""

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:  # noqa: N802 - Qt override
        super().paintCell(painter, rect, date)
        count = self.counts.get(to_date(date), 0)
        if not count:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        overdue = to_date(date) < self.today
        colour = OVERDUE_COLOUR if overdue else DUE_COLOUR
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.66))
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
