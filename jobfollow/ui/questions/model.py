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
    """All questions, of which ``visible`` (indices into ``all_rows``) are shown.

    The search narrows ``visible`` in one list comprehension over texts built once, then resets the model:
    a proxy calling a Python filter per row cost 30 ms a keystroke at 5,000 questions; this costs about 2.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.all_rows: list[BankQuestion] = []
        self.search_texts: list[str] = []  # lower-case text of each row, built once: a keystroke only compares
        self.company_keys: list[str] = []
        self.visible: list[int] = []

    @property
    def rows(self) -> list[BankQuestion]:
        return [self.all_rows[i] for i in self.visible]

    def set_rows(self, rows: list[BankQuestion]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.search_texts = [_search_text(r) for r in self.all_rows]
        keys: dict[str, str] = {}
        self.company_keys = [keys.setdefault(r.company, company_key(r.company)) for r in self.all_rows]
        self.visible = list(range(len(self.all_rows)))
        self.endResetModel()

    def show_matching(self, words: list[str], starred_only: bool, company: str) -> None:
        rows, texts, keys = self.all_rows, self.search_texts, self.company_keys
        found = [i for i in range(len(rows))
                 if (not starred_only or rows[i].starred) and (not company or keys[i] == company)
                 and all(word in texts[i] for word in words)]
        if found != self.visible:
            self.beginResetModel()
            self.visible = found
            self.endResetModel()

    def total(self) -> int:
        return len(self.all_rows)

    def retranslate(self) -> None:
        """Headers and dates are made in the language of the moment: the views read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.visible) - 1, self.columnCount() - 1))

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.visible)

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
        if not index.isValid() or not 0 <= index.row() < len(self.visible):
            return None
        row = self.all_rows[self.visible[index.row()]]
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
        if not index.isValid() or not 0 <= index.row() < len(self.visible):
            return False
        position = self.visible[index.row()]
        row = self.all_rows[position]
        if index.column() == STAR and role == Qt.ItemDataRole.CheckStateRole:
            starred = Qt.CheckState(value) == Qt.CheckState.Checked
            mark_question(row.interview_id, row.question, starred=starred)
            self.all_rows[position] = _replace(row, starred=starred)
        elif index.column() == TAGS and role == Qt.ItemDataRole.EditRole:
            mark_question(row.interview_id, row.question, tags=str(value))
            tags = ", ".join(t.strip() for t in str(value).split(",") if t.strip())
            self.all_rows[position] = _replace(row, tags=tags)
            self.search_texts[position] = _search_text(self.all_rows[position])
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


def _search_text(row: BankQuestion) -> str:
    return " ".join((row.question, row.answer, row.differently, row.company, row.position_title, row.tags)).casefold()


def _replace(row: BankQuestion, **changes) -> BankQuestion:
    from dataclasses import replace

    return replace(row, **changes)


class QuestionFilter(QSortFilterProxyModel):
    """Sorting by any column; the search, starred-only and company filters narrow the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.starred_only = False
        self.company = ""
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def _apply(self) -> None:
        self.sourceModel().show_matching(self.words, self.starred_only, self.company)

    def set_text(self, text: str) -> None:
        self.words = text.casefold().split()
        self._apply()

    def set_starred_only(self, on: bool) -> None:
        self.starred_only = on
        self._apply()

    def set_company(self, company: str) -> None:
        self.company = company_key(company)
        self._apply()
