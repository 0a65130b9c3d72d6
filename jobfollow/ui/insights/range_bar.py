"""The date range both insights and the work-search log use: two dates and a few ready ranges."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from jobfollow.i18n import N_, _, current_locale
from jobfollow.ui.retranslation import Retranslating

PRESETS = (
    ("4w", N_("Last 4 weeks")),
    ("3m", N_("Last 3 months")),
    ("12m", N_("Last 12 months")),
    ("year", N_("This year")),
    ("all", N_("Everything")),
    ("custom", N_("Chosen dates")),
)


def preset_range(key: str, today: dt.date, first: dt.date | None) -> tuple[dt.date, dt.date]:
    if key == "4w":
        return today - dt.timedelta(days=27), today
    if key == "12m":
        return today - dt.timedelta(days=364), today
    if key == "year":
        return dt.date(today.year, 1, 1), today
    if key == "all":
        return min(first or today, today), today
    return today - dt.timedelta(days=90), today


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class RangeBar(Retranslating, QWidget):
    """Emits ``changed(start, end)``; start after end is passed on as it is (the reader says why it is wrong)."""

    changed = Signal(object, object)

    def __init__(self, today: dt.date, first: dt.date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.today, self.first = today, first
        self.preset_combo = QComboBox()
        for key, _label in PRESETS:
            self.preset_combo.addItem("", key)
        self.start_edit = QDateEdit(calendarPopup=True)
        self.end_edit = QDateEdit(calendarPopup=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.range_label = QLabel()
        self.range_label.setBuddy(self.preset_combo)
        self.from_label = QLabel()
        self.from_label.setBuddy(self.start_edit)
        self.to_label = QLabel()
        self.to_label.setBuddy(self.end_edit)
        for widget in (self.range_label, self.preset_combo, self.from_label, self.start_edit, self.to_label,
                       self.end_edit):
            layout.addWidget(widget)
        self.retranslate()
        self._quiet = False
        self.preset_combo.setCurrentIndex(1)
        self._apply_preset()
        self.preset_combo.currentIndexChanged.connect(self._apply_preset)
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)

    def retranslate(self) -> None:
        for index, (_key, label) in enumerate(PRESETS):
            self.preset_combo.setItemText(index, _(label))
        self.range_label.setText(_("&Range:"))
        self.from_label.setText(_("&From:"))
        self.to_label.setText(_("t&o:"))
        locale = QLocale(str(current_locale()))
        for edit in (self.start_edit, self.end_edit):  # the dates as the locale writes them, with the century
            edit.setLocale(locale)
            shown = locale.dateFormat(QLocale.FormatType.ShortFormat)
            edit.setDisplayFormat(shown if "yyyy" in shown else shown.replace("yy", "yyyy"))

    def range(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("custom"))
        self._quiet = True
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))
        self._quiet = False
        self.changed.emit(start, end)

    def _apply_preset(self) -> None:
        key = self.preset_combo.currentData()
        if key == "custom":
            return
        start, end = preset_range(key, self.today, self.first)
        self._quiet = True
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))
        self._quiet = False
        self.changed.emit(start, end)

    def _dates_edited(self) -> None:
        if self._quiet:
            return
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("custom"))
        self.preset_combo.blockSignals(False)
        self.changed.emit(*self.range())
