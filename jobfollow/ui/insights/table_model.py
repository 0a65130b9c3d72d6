"""A read-only table of text rows (an insights table): headers, rows, numbers aligned right."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.insights.tables import Table
from jobfollow.ui.plain_text import tip

_Index = QModelIndex | QPersistentModelIndex


class TextTableModel(QAbstractTableModel):
    """``figures``: the columns after the first hold numbers (aligned right); otherwise every column is text."""

    def __init__(self, parent=None, *, figures: bool = True):
        super().__init__(parent)
        self._figures = figures
        self._headers: list[str] = []
        self._rows: list[list[str]] = []

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self._headers = list(table.headers)
        self._rows = [list(row) for row in table.rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole cell when a column is too narrow; never as markup
            return tip(self._rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == 0 or not self._figures:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
