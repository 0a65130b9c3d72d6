"""The cards of one stage as a Qt list model (one model per column, no widget per card).

The model holds every card of its stage as a CardKey (id, place, sort facts) and shows the ones the
search lets through, in the chosen order. What a card paints (CardSummary) is read only for the rows
a view asks for, a page at a time, and kept in a cache the columns share. Drag and drop speak a
private MIME type carrying card ids; anything else is refused.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.board_search import SortMode, matches, order_by_activity, order_by_due
from jobfollow.i18n import _, format_date, ngettext
from jobfollow.ui.plain_text import tip

CARD_MIME_TYPE = "application/x-jobfollow-card-ids"
CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 3

_NO_PARENT = QModelIndex()
PAGE_ROWS = 60  # cards read at once when a view asks for a row not read yet (a tall screen shows ~15)
CACHE_LIMIT = 3000  # whole cards kept; past it the cache starts again (a repaint reads what it shows)


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
    """State every column shares: the highlighted cards, who handles a drop, and the cards read whole."""

    def __init__(self, load_cards=None):
        self.highlighted: frozenset[int] = frozenset()
        #: called as handler(card_ids, stage_id, row) -> bool; None refuses every drop
        self.drop_handler = None
        #: load_cards(ids) -> iterable of CardSummary: what the rows in view paint
        self.load_cards = load_cards
        self.summaries: dict[int, object] = {}
        #: card id -> folded search text, read when the first search needs it (None until then)
        self.search_texts: dict[int, str] | None = None

    def summary(self, card_id: int, then: list[int]):
        """The whole card for ``card_id``, reading ``then`` (ids near it, not read yet) in the same query."""
        found = self.summaries.get(card_id)
        if found is None and self.load_cards is not None:
            if len(self.summaries) + len(then) > CACHE_LIMIT:
                self.summaries.clear()
            for card in self.load_cards([card_id, *then]):
                self.summaries[card.id] = card
            found = self.summaries.get(card_id)
        return found

    def forget(self, ids=None) -> None:
        """Drop cached whole cards (``ids``, or all): they changed."""
        if ids is None:
            self.summaries.clear()
        else:
            for card_id in ids:
                self.summaries.pop(card_id, None)


class CardListModel(QAbstractListModel):
    def __init__(self, stage_id: int, parent=None, context: BoardContext | None = None):
        super().__init__(parent)
        self.stage_id = stage_id
        self.context = context or BoardContext()
        self._all: list = []  # every card of the stage (CardKey) in board order
        self._visible: list = []
        self._terms: list[str] = []
        self._sort = SortMode.BOARD

    # -- contents ----------------------------------------------------------------------------
    def set_cards(self, cards) -> None:
        self.beginResetModel()
        self._all = sorted(cards, key=lambda card: (card.rank, card.id))
        self._visible = self._filtered()
        self.endResetModel()

    def refilter(self) -> None:
        """The search texts arrived: apply the search again (nothing to do when not searching)."""
        if self._terms:
            self.beginResetModel()
            self._visible = self._filtered()
            self.endResetModel()

    def set_view(self, terms: list[str], sort: SortMode) -> None:
        if terms == self._terms and sort == self._sort:
            return
        self.beginResetModel()
        self._terms, self._sort = list(terms), SortMode(sort)
        self._visible = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list:
        texts = self.context.search_texts
        if self._terms and texts is not None:
            cards = [c for c in self._all if matches(texts.get(c.id, ""), self._terms)]
        else:
            cards = list(self._all)
        if self._sort == SortMode.DUE:
            order_by_due(cards)
        elif self._sort == SortMode.ACTIVITY:
            order_by_activity(cards)
        return cards

    @property
    def sort_mode(self) -> SortMode:
        return self._sort

    def key(self, row: int):
        """The CardKey at ``row`` (id, place, sort facts)."""
        return self._visible[row]

    def card(self, row: int):
        """The whole card at ``row`` (CardSummary), read with the rows after it when not read yet."""
        key = self._visible[row]
        cached = self.context.summaries
        if key.id in cached:
            return cached[key.id]
        following = [k.id for k in self._visible[row + 1:row + PAGE_ROWS] if k.id not in cached]
        return self.context.summary(key.id, following)

    def ids(self) -> list[int]:
        return [key.id for key in self._visible]

    def cards(self) -> list:
        """Every shown card whole (reads them all: for tests and small columns, not for painting)."""
        return [self.card(row) for row in range(len(self._visible))]

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
        key = self._visible[index.row()]
        if role == CARD_ID_ROLE:
            return key.id
        if role == HIGHLIGHT_ROLE:
            return key.id in self.context.highlighted
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, CARD_ROLE):
            return None
        card = self.card(index.row())
        if card is None:  # deleted since the last reload
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.company} — {card.position_title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self._tooltip(card))  # names and tags are text, never markup
        return card

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
