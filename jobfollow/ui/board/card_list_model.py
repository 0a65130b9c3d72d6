"""The cards of one stage as a Qt list model (one model per column, no widget per card)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.store.applications import CardRow

CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2


class CardListModel(QAbstractListModel):
    def __init__(self, stage_id: int, parent=None):
        super().__init__(parent)
        self.stage_id = stage_id
        self._cards: list[CardRow] = []

    def set_cards(self, cards: list[CardRow]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> CardRow:
        return self._cards[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.company}\n{card.position_title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.company}\n{card.position_title}"
        if role == CARD_ID_ROLE:
            return card.id
        if role == CARD_ROLE:
            return card
        return None
