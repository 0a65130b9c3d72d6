"""The question bank as a table (star, question, answer, say differently, company, date, tags) and its filter."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from jobfollow.core.posting import company_key
from jobfollow.i18n import _, format_date
from jobfollow.store.question_bank import BankQuestion, mark_question

STAR, QUESTION, ANSWER, DIFFERENTLY, COMPANY, ASKED, TAGS = range(7)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


class QuestionBankModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[BankQuestion] = []
        self.search_texts: list[str] = []  # lower-case text of each row, built once: a keystroke only compares
        self.company_keys: list[str] = []

    def set_rows(self, rows: list[BankQuestion]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.search_texts = [" ".join((r.question, r.answer, r.differently, r.company, r.position_title, r.tags))
                             .casefold() for r in self.rows]
        keys: dict[str, str] = {}
        self.company_keys = [keys.setdefault(r.company, company_key(r.company)) for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("★", _("Question"), _("Your answer"), _("Say differently"), _("Company"), _("Asked on"),
                    _("Tags"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == STAR:
            return _("Starred")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == STAR:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == TAGS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and column == STAR:
            return Qt.CheckState.Checked if row.starred else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == QUESTION:
                return row.question
            if column == ANSWER:
                return row.answer
            if column == DIFFERENTLY:
                return row.differently
            if column == COMPANY:
                return row.company
            if column == ASKED:
                return format_date(row.asked_on, "medium") if role == Qt.ItemDataRole.DisplayRole else (
                    row.asked_on.isoformat())
            if column == TAGS:
                return row.tags
        if role == Qt.ItemDataRole.ToolTipRole and column in (QUESTION, ANSWER, DIFFERENTLY):
            return self.data(index).replace("&", "&amp;").replace("<", "&lt;")[:2000] or None
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        if index.column() == STAR and role == Qt.ItemDataRole.CheckStateRole:
            starred = Qt.CheckState(value) == Qt.CheckState.Checked
            mark_question(row.interview_id, row.question, starred=starred)
            self.rows[index.row()] = _replace(row, starred=starred)
        elif index.column() == TAGS and role == Qt.ItemDataRole.EditRole:
            mark_question(row.interview_id, row.question, tags=str(value))
            tags = ", ".join(t.strip() for t in str(value).split(",") if t.strip())
            self.rows[index.row()] = _replace(row, tags=tags)
            self.search_texts[index.row()] = " ".join(
                (row.question, row.answer, row.differently, row.company, row.position_title, tags)).casefold()
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


def _replace(row: BankQuestion, **changes) -> BankQuestion:
    from dataclasses import replace

    return replace(row, **changes)


class QuestionFilter(QSortFilterProxyModel):
    """Words typed (all must appear, any column), starred only, one company only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.starred_only = False
        self.company = ""
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def _change(self, **values) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair; 6.8 and 6.9 have only the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.__dict__.update(values)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.__dict__.update(values)
            self.invalidateRowsFilter()

    def set_text(self, text: str) -> None:
        self._change(words=text.casefold().split())

    def set_starred_only(self, on: bool) -> None:
        self._change(starred_only=on)

    def set_company(self, company: str) -> None:
        self._change(company=company_key(company))

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        row = model.rows[source_row]
        if self.starred_only and not row.starred:
            return False
        if self.company and model.company_keys[source_row] != self.company:
            return False
        text = model.search_texts[source_row]
        return all(word in text for word in self.words)
