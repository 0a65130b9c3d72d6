"""The documents of one card as a table: name, kind, when sent, to whom, size (kind, date and recipient editable)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.documents import KIND_LABELS, DocumentKind
from jobfollow.i18n import _, format_date, format_number
from jobfollow.store.documents import DocumentRow, update_document

NAME, KIND, SENT_ON, SENT_TO, SIZE = range(5)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return _("{size} KB").format(size=format_number(max(1, round(size / 1024))))
    return _("{size} MB").format(size=format_number(round(size / 1024 / 1024, 1)))


class DocumentsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DocumentRow] = []

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Document"), _("Kind"), _("Sent on"), _("Sent to"), _("Size"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (KIND, SENT_ON, SENT_TO):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return row.filename
            if column == KIND:
                return _(KIND_LABELS[row.kind])
            if column == SENT_ON:
                return format_date(row.sent_on, "medium") if row.sent_on else ""
            if column == SENT_TO:
                return row.sent_to
            return size_text(row.size)
        if role == Qt.ItemDataRole.EditRole:
            if column == KIND:
                return row.kind.value
            if column == SENT_ON:
                day = row.sent_on or dt.date.today()
                return QDate(day.year, day.month, day.day)
            if column == SENT_TO:
                return row.sent_to
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return _("Double-click to open it with your usual program")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        editable = index.isValid() and bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        if role != Qt.ItemDataRole.EditRole or not editable:
            return False
        row = self.rows[index.row()]
        if index.column() == KIND:
            updated = update_document(row.id, kind=DocumentKind(value))
        elif index.column() == SENT_ON:
            updated = update_document(row.id, sent_on=dt.date(value.year(), value.month(), value.day())
                                      if isinstance(value, QDate) and value.isValid() else None)
        else:
            updated = update_document(row.id, sent_to=str(value))
        self.rows[index.row()] = updated
        self.dataChanged.emit(index, index)
        return True
