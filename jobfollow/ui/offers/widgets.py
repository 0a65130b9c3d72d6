"""Small input widgets for the offer dialogs: money typed in the user's locale, optional dates, warnings."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, list_currencies, parse_decimal
from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from jobfollow.core.offers import money_problem
from jobfollow.i18n import _, current_locale, format_number
from jobfollow.ui.forms.widgets import SANE_DATE_RANGE
from jobfollow.ui.palette_colours import signal_colour
from jobfollow.ui.plain_text import plain_label

WARNING_STYLE = "background: #fff4ce; color: #4a3b00; border: 1px solid #e0c060; border-radius: 4px; padding: 6px;"


def error_style() -> str:
    """An error line's colour, readable on the current palette (light or dark)."""
    return f"color: {signal_colour('error').name()};"


DANGER_STYLE = "background: #fde7e9; color: #7a0010; border: 1px solid #e08a94; border-radius: 4px; padding: 6px;"
INFO_STYLE = "background: #e8f1fb; color: #0b3a66; border: 1px solid #9cc0e6; border-radius: 4px; padding: 6px;"

COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR", "BRL", "MXN")


def parse_money(text: str) -> Decimal | None:
    """Money as the user types it in their locale ("72,000.50", "72.000,50" in German, "72k"); None if empty.

    A currency ("$", "EUR", "kr") may come along; other letters ("1e5", "5m") and separators in the wrong
    places for the locale ("72.000,50" in English) are refused rather than read as some other amount.
    """
    if not text.strip():
        return None
    problem = ValueError(_("Type an amount such as {example}.").format(example=format_number(Decimal("72000"))))
    cleaned = _without_currency(text).strip()
    factor = Decimal(1)
    if cleaned[-1:] in ("k", "K"):
        factor, cleaned = Decimal(1000), cleaned[:-1].strip()
    if not cleaned or not any(ch.isdigit() for ch in cleaned) or re.search(r"[^\d.,\-' \u00a0\u202f]", cleaned):
        raise problem
    try:
        value = parse_decimal(re.sub(r"[ \u00a0\u202f]", "", cleaned), locale=current_locale(), strict=True)
    except NumberFormatError as exc:
        raise problem from exc
    return value * factor


def _without_currency(text: str) -> str:
    """``text`` without currency signs ("$", "€") and currency words ("USD", "kr") of the current locale."""
    symbols = {symbol.upper() for symbol in current_locale().currency_symbols.values()} | _ISO_CODES
    text = "".join(" " if unicodedata.category(ch) == "Sc" else ch for ch in text)
    return re.sub(r"[^\W\d_]{2,}", lambda word: " " if word.group(0).upper() in symbols else word.group(0), text)


_ISO_CODES = frozenset(list_currencies())


def format_amount(value: Decimal) -> str:
    """An amount for editing: grouped in the user's locale, cents only when there are some."""
    if value == value.to_integral_value():
        return format_number(value.to_integral_value())
    return format_decimal(value, format="#,##0.00", locale=current_locale())


def qt_locale() -> QLocale:
    """The locale jobfollow formats with, for Qt number and date widgets."""
    return QLocale(str(current_locale()))


def qt_date_format() -> str:
    """The user's locale date pattern (Babel, medium) in Qt's notation for QDateEdit.

    Qt's own default follows the system locale, not the language chosen in jobfollow.
    """
    pattern = current_locale().date_formats["medium"].pattern
    return re.sub(r"y+", "yyyy", pattern)


def banner(style: str) -> QLabel:
    label = plain_label()  # banners repeat names and amounts the user typed
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setVisible(False)
    return label


class MoneyField(QWidget):
    """A line edit for an amount with its own inline error; what was typed is never thrown away."""

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None,
                 extra_check: Callable[[Decimal], str | None] | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.error = plain_label()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        # A long message wraps under the field instead of widening it.
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.extra_check = extra_check
        # As tall as the field (and its error when shown), never stretched by a form with room to spare.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self.check)

    def set_value(self, value: Decimal | None) -> None:
        self.edit.setText(format_amount(value) if value is not None else "")
        self.show_problem(None)

    def value(self) -> Decimal | None:
        """The amount, or raises ValueError with a message for the user."""
        value = parse_money(self.edit.text())
        problem = money_problem(value)
        if problem is None and value is not None and self.extra_check is not None:
            problem = self.extra_check(value)
        if problem:
            raise ValueError(_(problem))
        return value

    def safe_value(self) -> Decimal | None:
        try:
            return self.value()
        except ValueError:
            return None

    def check(self) -> bool:
        try:
            self.value()
        except ValueError as exc:
            self.show_problem(str(exc))
            return False
        self.show_problem(None)
        return True

    def show_problem(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.edit.setStyleSheet(f"border: 1px solid {signal_colour('error').name()};" if message else "")


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box turns the date on."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(qt_date_format())
        self.edit.setDateRange(*SANE_DATE_RANGE)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def set_value(self, value: dt.date | None, fallback: dt.date | None = None) -> None:
        shown = value or fallback or dt.date.today()
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.check.setChecked(value is not None)

    def value(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        date = self.edit.date()
        return dt.date(date.year(), date.month(), date.day())
