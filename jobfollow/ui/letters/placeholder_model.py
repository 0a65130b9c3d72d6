"""The completer's list: each placeholder with the value it would take now."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.letters.placeholders import PLACEHOLDERS
from jobfollow.i18n import _
from jobfollow.ui.palette_colours import signal_colour

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class PlaceholderModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._names = list(PLACEHOLDERS)
        self._values: dict[str, str] = {}

    def set_values(self, values: dict[str, str]) -> None:
        self._values = dict(values)
        if self._names:
            self.dataChanged.emit(self.index(0), self.index(len(self._names) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._names):
            return None
        name = self._names[index.row()]
        value = self._values.get(name, "")
        if role == Qt.ItemDataRole.DisplayRole:
            shown = value if len(value) <= 48 else value[:47] + "\u2026"
            return "{" + name + "}  \u2192  " + (shown or _("no value yet"))
        if role in (Qt.ItemDataRole.EditRole, NAME_ROLE):
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(PLACEHOLDERS[name])
        if role == Qt.ItemDataRole.ForegroundRole and not value:
            return signal_colour("warning")
        return None
