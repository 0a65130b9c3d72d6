"""The side-by-side table of offers as a Qt model, and a sort proxy that never mixes currencies."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont

from jobfollow.core.offers import RATED_VALUE_LABELS, RATED_VALUES, ComparisonRow
from jobfollow.i18n import N_, _, format_money, format_number, format_relative_days, ngettext
from jobfollow.ui.palette_colours import signal_colour

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CURRENCY_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3

MONEY_COLUMNS = ("yearly_base", "first_year_cash", "yearly_value")
COLUMNS = (
    ("label", N_("Offer")),
    ("currency", N_("Currency")),
    ("yearly_base", N_("Base per year")),
    ("first_year_cash", N_("First-year cash")),
    ("yearly_value", N_("Yearly value")),
    ("rank", N_("Rank")),
    ("deadline", N_("Answer by")),
    ("written", N_("Written")),
    ("days_off", N_("Days off")),
    ("commute", N_("Travel")),
    *((f"rating:{key}", RATED_VALUE_LABELS[key]) for key in RATED_VALUES),
    ("average", N_("Average")),
)
COLUMN_KEYS = [key for key, _label in COLUMNS]
HEADER_TIPS = {
    "first_year_cash": N_("Base, bonus target, signing bonus and relocation: the money of the first year."),
    "yearly_value": N_("Base and bonus plus equity, retirement match, benefits and tuition times your weights."),
    "commute": N_("Travel time to work, one way."),
    "rank": N_("1 = the highest yearly value among offers in the same currency. Offers in different currencies "
               "are never ranked against each other."),
}


class ComparisonModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ComparisonRow] = []
        self.today = None

    def set_rows(self, rows: list[ComparisonRow], today) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key, label = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(label)
        if role == Qt.ItemDataRole.ToolTipRole and key.startswith("rating:"):
            return _("Your own rating, 1 (poor) to 5 (very good)")
        if role == Qt.ItemDataRole.ToolTipRole and key in HEADER_TIPS:
            return _(HEADER_TIPS[key])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row = self.rows[index.row()]
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._sort_value(row, key)
        if role == CURRENCY_ROLE:
            return row.currency
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "label":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "deadline":
            if row.countdown.is_past:
                return QBrush(signal_colour("error"))
            if row.countdown.is_urgent:
                return QBrush(signal_colour("caution"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if row.is_current_job:
                font.setItalic(True)
            if key == "deadline" and row.countdown.is_past:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "label":
            return row.label
        if role == Qt.ItemDataRole.ToolTipRole and key == "deadline" and row.countdown.is_past:
            return _("The deadline has passed: ask them whether the offer still stands.")
        return None

    def _display(self, row: ComparisonRow, key: str) -> str:
        if key == "label":
            return row.label
        if key == "currency":
            return row.currency
        if key in MONEY_COLUMNS:
            return format_money(getattr(row, key), row.currency)
        if key == "rank":
            return format_number(row.rank_in_currency)
        if key == "deadline":
            return self._deadline_text(row)
        if key == "written":
            return "" if row.is_current_job else (_("yes") if row.is_written else _("verbal only"))
        if key == "days_off":
            return format_number(row.paid_days_off) if row.paid_days_off is not None else "–"
        if key == "commute":
            return _("{minutes} min").format(minutes=format_number(row.commute_minutes)) \
                if row.commute_minutes is not None else "–"
        if key == "average":
            return format_number(row.average_rating) if row.average_rating is not None else "–"
        value = row.ratings.get(key.split(":", 1)[1])
        return format_number(value) if value else "–"

    def _deadline_text(self, row: ComparisonRow) -> str:
        countdown = row.countdown
        if row.is_current_job:
            return ""
        if countdown.days_left is None:
            return _("ask for one")
        if countdown.is_past:
            late = -countdown.days_left
            return ngettext("passed {count} day ago", "passed {count} days ago", late).format(count=late)
        return format_relative_days(self.today + dt.timedelta(days=countdown.days_left), self.today)

    def _sort_value(self, row: ComparisonRow, key: str):
        if key in MONEY_COLUMNS:
            return float(getattr(row, key))
        if key == "rank":
            return row.rank_in_currency
        if key == "deadline":
            return row.countdown.days_left if row.countdown.days_left is not None else 10**6
        if key == "written":
            return int(row.is_written)
        if key == "days_off":
            return row.paid_days_off if row.paid_days_off is not None else -1
        if key == "commute":
            return row.commute_minutes if row.commute_minutes is not None else 10**6
        if key == "average":
            return row.average_rating or 0.0
        if key.startswith("rating:"):
            return row.ratings.get(key.split(":", 1)[1], 0)
        return self._display(row, key).casefold()


class ComparisonProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; money and rank columns sort inside each currency so currencies stay apart."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        key = COLUMN_KEYS[left.column()]
        if key in (*MONEY_COLUMNS, "rank"):
            left_currency, right_currency = left.data(CURRENCY_ROLE), right.data(CURRENCY_ROLE)
            if left_currency != right_currency:
                # Keep each currency together whichever way the column is sorted.
                ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
                return (left_currency < right_currency) == ascending
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)
