"""The cards of one stage as a Qt list model (one model per column, no widget per card).

The model holds every card of its stage and shows the ones the search lets through, in the chosen
order. Drag and drop speak a private MIME type carrying card ids; anything else is refused.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.board_search import SortMode, activity_key, due_key, matches
from jobfollow.i18n import _, format_date, ngettext

CARD_MIME_TYPE = "application/x-jobfollow-card-ids"
CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 3

_NO_PARENT = QModelIndex()


def encode_card_ids(ids: list[int], stage_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(CARD_MIME_TYPE, QByteArray(json.dumps({"ids": ids, "from": stage_id}).encode()))
    return mime


def decode_card_ids(mime: QMimeData | None) -> list[int]:
    """The card ids in a drop, or [] for anything that is not ours (text, files, garbage)."""
    if mime is None or not mime.hasFormat(CARD_MIME_TYPE):
        return []
    try:
        payload = json.loads(bytes(mime.data(CARD_MIME_TYPE).data()).decode())
        ids = payload["ids"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return []
    return ids


class BoardContext:
    """State every column shares: the highlighted cards and who handles a drop."""

    def __init__(self):
        self.highlighted: frozenset[int] = frozenset()
        #: called as handler(card_ids, stage_id, row) -> bool; None refuses every drop
        self.drop_handler = None


class CardListModel(QAbstractListModel):
    def __init__(self, stage_id: int, parent=None, context: BoardContext | None = None):
        super().__init__(parent)
        self.stage_id = stage_id
        self.context = context or BoardContext()
        self._all: list = []  # every card of the stage in board order
        self._visible: list = []
        self._terms: list[str] = []
        self._sort = SortMode.BOARD

    # -- contents ----------------------------------------------------------------------------
    def set_cards(self, cards) -> None:
        self.beginResetModel()
        self._all = sorted(cards, key=lambda card: (card.rank, card.id))
        self._visible = self._filtered()
        self.endResetModel()

    def replace_cards(self, cards) -> None:
        """The same cards with new contents that nothing paints (their search text): refilter only when searching."""
        by_id = {card.id: card for card in cards}
        self._all = [by_id.get(card.id, card) for card in self._all]
        if self._terms:
            self.beginResetModel()
            self._visible = self._filtered()
            self.endResetModel()
        else:
            self._visible = [by_id.get(card.id, card) for card in self._visible]

    def set_view(self, terms: list[str], sort: SortMode) -> None:
        if terms == self._terms and sort == self._sort:
            return
        self.beginResetModel()
        self._terms, self._sort = list(terms), SortMode(sort)
        self._visible = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list:
        cards = [c for c in self._all if matches(c.search_text, self._terms)] if self._terms else list(self._all)
        if self._sort == SortMode.DUE:
            cards.sort(key=lambda c: due_key(c.next_due, c.rank))
        elif self._sort == SortMode.ACTIVITY:
            cards.sort(key=lambda c: activity_key(c.last_activity_at, c.rank))
        return cards

    @property
    def sort_mode(self) -> SortMode:
        return self._sort

    def card(self, row: int):
        return self._visible[row]

    def cards(self) -> list:
        return list(self._visible)

    def total_count(self) -> int:
        return len(self._all)

    def row_of(self, card_id: int) -> int:
        for row, card in enumerate(self._visible):
            if card.id == card_id:
                return row
        return -1

    def neighbour_ranks(self, row: int, moving: set[int]) -> tuple[float | None, float | None]:
        """Ranks of the cards a drop at visible ``row`` lands between (ignoring the cards being moved)."""
        if self._sort != SortMode.BOARD:
            return (max((c.rank for c in self._all if c.id not in moving), default=None), None)
        row = len(self._visible) if row < 0 else min(row, len(self._visible))
        before = next((c.rank for c in reversed(self._visible[:row]) if c.id not in moving), None)
        after = next((c.rank for c in self._visible[row:] if c.id not in moving), None)
        return before, after

    # -- Qt model interface --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        card = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.company} — {card.position_title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(card)
        if role == CARD_ID_ROLE:
            return card.id
        if role == CARD_ROLE:
            return card
        if role == HIGHLIGHT_ROLE:
            return card.id in self.context.highlighted
        return None

    @staticmethod
    def _tooltip(card) -> str:
        lines = [card.company, card.position_title]
        if card.tags:
            lines.append(_("Tags: {tags}").format(tags=", ".join(card.tags)))
        if card.next_due is not None:
            lines.append(_("Next: {title}, due {date}").format(title=card.next_title or card.next_kind,
                                                              date=format_date(card.next_due)))
        if card.pending_count:
            lines.append(ngettext("{count} follow-up pending", "{count} follow-ups pending",
                                  card.pending_count).format(count=card.pending_count))
        return "\n".join(lines)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return encode_card_ids([self._visible[row].id for row in rows], self.stage_id)

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return (self.context.drop_handler is not None and action in (Qt.DropAction.MoveAction,
                                                                      Qt.DropAction.CopyAction)
                and bool(decode_card_ids(data)))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._visible)
        return bool(self.context.drop_handler(decode_card_ids(data), self.stage_id, row))

    def removeRows(self, row: int, count: int, parent=_NO_PARENT) -> bool:
        return False  # the board reloads both columns itself after a move
