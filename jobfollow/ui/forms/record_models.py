"""Table models for an application's interviews and its timeline."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.stages import FORMAT_LABELS
from jobfollow.i18n import N_, _, format_date, format_time
from jobfollow.store.interviews import InterviewSummary
from jobfollow.store.timeline import KIND_LABELS, TimelineEntry
from jobfollow.ui.plain_text import tip

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def when_text(moment) -> str:
    """Date and time without seconds, in the user's locale."""
    return _("{date}, {time}").format(date=format_date(moment.date()), time=format_time(moment))


class _RowsModel(QAbstractTableModel):
    """A read-only table of frozen rows; subclasses say what each column shows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and cells are made in the language of the moment: the views read them again."""
        if self.HEADERS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    def row_item(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.HEADERS):
            return _(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.cell(item, index.column()))
        if role == ROW_ID_ROLE:
            return item.id
        return None

    def cell(self, item, column: int) -> str:
        raise NotImplementedError


class InterviewListModel(_RowsModel):
    HEADERS = (N_("When"), N_("Format"), N_("Attended"), N_("Decision by"), N_("Follow up on"))

    def cell(self, item: InterviewSummary, column: int) -> str:
        if column == 0:
            return when_text(item.starts_at)
        if column == 1:
            label = _(FORMAT_LABELS[item.format])
            return _("{format}, informational").format(format=label) if item.informational else label
        if column == 2:
            return ", ".join(item.attendees)
        day = item.decision_date if column == 3 else item.follow_up_on
        return format_date(day) if day else ""


class TimelineModel(_RowsModel):
    HEADERS = (N_("When"), N_("What"), N_("Details"))

    def cell(self, item: TimelineEntry, column: int) -> str:
        if column == 0:
            return when_text(item.occurred_at)
        if column == 1:
            label = KIND_LABELS.get(item.kind)
            return _(label) if label else item.kind
        return item.summary
