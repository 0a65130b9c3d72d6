"""Small widgets the forms share: an optional date, an inline problem message, a contact-name completer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.validation import DATE_MAX, DATE_MIN, Problem
from jobfollow.i18n import _, ngettext
from jobfollow.store.people import ContactCard, find_contacts
from jobfollow.ui.forms.people_models import ContactChoicesModel
from jobfollow.ui.plain_text import plain
from jobfollow.ui.retranslation import Retranslating


def unit_text(unit: str, count: int) -> str:
    """The unit after a number, singular or plural as the language wants ("1 week", "2 weeks")."""
    if unit == "business days":
        return ngettext("business day", "business days", count)
    if unit == "days":
        return ngettext("day", "days", count)
    if unit == "weeks":
        return ngettext("week", "weeks", count)
    return ngettext("check", "checks", count)


def count_suffix(spin: QSpinBox, unit: str) -> None:
    """Keep the spin box's unit in step with its value (a fixed suffix read "1 weeks")."""
    def update(value: int) -> None:
        spin.setSuffix(" " + unit_text(unit, value))

    spin.valueChanged.connect(update)
    update(spin.value())


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(Retranslating, QWidget):
    """A date that may be left unset: a check box turns the (always valid) date editor on."""

    changed = Signal()

    def __init__(self, label: str = "", default: dt.date | None = None, parent: QWidget | None = None):
        """``label``: the check box's message, untranslated (``N_("known")``); it follows the language."""
        super().__init__(parent)
        self.label = label
        self.check = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.retranslate()
        self.edit.setDate(qdate(default or dt.date.today()))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def retranslate(self) -> None:
        self.check.setText(_(self.label) if self.label else "")
        self.check.setToolTip(_("Tick to give a date; untick when there is none"))
        localize_date_edit(self.edit)

    def value(self) -> dt.date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


class InlineMessage(QLabel):
    """A problem shown under its field: red for an error (saving waits), amber for a warning."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        plain(self)  # a problem quotes what was typed
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        if not problems:
            self.clear()
            self.hide()
            return
        error = any(p.is_error for p in problems)
        # Colours readable on light and dark palettes alike; an error is bold too (not colour alone).
        self.setStyleSheet("color: #d13438; font-weight: bold;" if error else "color: #b86e00;")
        self.setText("\n".join(("" if p.is_error else "⚠ ") + p.message for p in problems))
        self.setAccessibleDescription(self.text())
        self.show()


MATCHES_SHOWN = 30


class ContactNameEdit(QLineEdit):
    """A name field that offers people already in the address book (name, title and organisation shown).

    ``picked`` carries the chosen contact; typing a different name afterwards forgets the pick, so a
    new person never overwrites someone else's card.
    """

    picked = Signal(object)  # ContactCard

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choices = ContactChoicesModel(self)
        # The store does the matching (name, title or organisation), so an address book of thousands
        # never sits in memory; the completer shows whatever the last query found.
        completer = QCompleter(self.choices, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        completer.setMaxVisibleItems(10)
        completer.activated[QModelIndex].connect(self._activated)
        self.setCompleter(completer)
        #: the hint shown while empty, in the language of the moment (a form may give its own)
        self.placeholder: Callable[[], str] = lambda: _("Type a name; people you already know are offered")
        self.setPlaceholderText(self.placeholder())
        self.picked_contact: ContactCard | None = None
        self.textEdited.connect(self._forget_pick_if_renamed)
        self.textEdited.connect(self.offer_matches)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setPlaceholderText(self.placeholder())
        super().changeEvent(event)

    def offer_matches(self, text: str) -> None:
        needle = text.strip()
        self.choices.set_contacts(find_contacts(needle, limit=MATCHES_SHOWN) if needle else [])
        if self.choices.rowCount() and self.completer() is not None:
            self.completer().complete()
        elif self.completer() is not None:
            self.completer().popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        popup_model = self.completer().completionModel()
        source = popup_model.mapToSource(index) if hasattr(popup_model, "mapToSource") else index
        self.pick(self.choices.contact(source.row()))

    def pick(self, card: ContactCard) -> None:
        self.picked_contact = card
        self.setText(card.name)
        self.picked.emit(card)

    def _forget_pick_if_renamed(self, text: str) -> None:
        if self.picked_contact is not None and text.strip() != self.picked_contact.name:
            self.picked_contact = None


def _qt_pattern(babel_pattern: str) -> str:
    """A CLDR date/time pattern as a Qt display format (years in full, am/pm as Qt writes it)."""
    out, index = [], 0
    while index < len(babel_pattern):
        char = babel_pattern[index]
        run = 1
        while index + run < len(babel_pattern) and babel_pattern[index + run] == char:
            run += 1
        piece = char * run
        if char == "'":
            end = babel_pattern.find("'", index + 1)
            end = len(babel_pattern) - 1 if end == -1 else end
            piece, run = babel_pattern[index:end + 1], end + 1 - index
        elif char == "y":
            piece = "yyyy"
        elif char == "a":
            piece = "AP"
        elif char == "L":
            piece = "M" * run
        out.append(piece)
        index += run
    return "".join(out)


# Qt allows 1752-9999; a slip of the keyboard to year 9999 would overflow the rules' date arithmetic.
# The range is shared with the import (core.validation), so a file cannot bring in what a form refuses.
SANE_DATE_RANGE = tuple(QDate(day.year, day.month, day.day) for day in (DATE_MIN, DATE_MAX))


def localize_date_edit(edit: QDateEdit | QDateTimeEdit, with_time: bool = False) -> None:
    """Show the date (and time) the way the user's locale writes it, with the year in full."""
    from babel.dates import get_date_format, get_time_format

    from jobfollow.i18n import current_locale, first_day_of_week

    locale = current_locale()
    text = _qt_pattern(get_date_format("short", locale=locale).pattern)
    if with_time:
        text += " " + _qt_pattern(get_time_format("short", locale=locale).pattern)
    edit.setDisplayFormat(text)
    edit.setLocale(QLocale(str(locale)))  # month and day names in the calendar popup
    edit.setDateRange(*SANE_DATE_RANGE)
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setFirstDayOfWeek(Qt.DayOfWeek(first_day_of_week() + 1))  # Babel 0 = Monday, Qt 1 = Monday


def keep_enter(widget: QWidget) -> None:
    """Mark a widget whose Return acts on its own (adds or opens a row) so the dialog does not also press Save."""
    widget.setProperty("keepsEnter", True)


def is_kept_enter(dialog: QWidget, event: QKeyEvent) -> bool:
    focused = dialog.focusWidget()
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focused is not None
            and bool(focused.property("keepsEnter")))


def with_message(field: QWidget, message: InlineMessage) -> QWidget:
    """A field with its inline message right below it, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    box.setFocusProxy(field)
    return box


def fit_columns(view: QTableView, widest: int = 220) -> None:
    """Columns as wide as their text but no wider than ``widest`` (long text elides; the tooltip has it all)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


def record_table(model, *, single_selection: bool = True, word_wrap: bool = False) -> QTableView:
    """A read-only table of records (people, interviews, timeline): whole rows, no row numbers."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(word_wrap)
    return view
