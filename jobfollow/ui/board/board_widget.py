"""The kanban board: a search bar, a "keep applying" banner, and one column per stage.

Cards are read once per reload (``store.board.card_summaries``) and handed to each column's model;
a move or an edit re-reads only the cards it touched. What the user can do to cards and stages
(menus, moves, deletes, the stage editor) lives in ``board_actions.py``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core import settings_registry as keys
from jobfollow.core.board_search import SORT_LABELS, SortMode, query_terms
from jobfollow.core.stages import is_active
from jobfollow.i18n import _
from jobfollow.services.board import BoardService
from jobfollow.services.events import AppEvents
from jobfollow.store.applications import list_stages
from jobfollow.store.board import CardKey, CardSummary, card_keys, card_summaries, count_active, search_texts
from jobfollow.ui.board.board_actions import BoardActions
from jobfollow.ui.board.card_delegate import CardDelegate
from jobfollow.ui.board.card_list_model import CARD_ID_ROLE, BoardContext
from jobfollow.ui.board.drag_autoscroll import DragAutoScroller
from jobfollow.ui.board.keep_applying import KeepApplyingBanner
from jobfollow.ui.board.stage_column import StageColumn
from jobfollow.ui.ui_state import UiState

PARTIAL_RELOAD_LIMIT = 200  # above this many changed ids a full reload is cheaper


class BoardWidget(BoardActions, QWidget):
    open_requested = Signal(int)

    def __init__(self, events: AppEvents, undo_stack: QUndoStack | None = None, parent: QWidget | None = None, *,
                 service: BoardService | None = None, ui_state: UiState | None = None):
        super().__init__(parent)
        self.setObjectName("board")
        self.events = events
        if service is None:
            service = BoardService(events, undo_stack if undo_stack is not None else QUndoStack(self))
        self.service = service
        self.undo_stack = service.undo_stack
        self.ui_state = ui_state if ui_state is not None else UiState.of_open_profile()
        self.columns: list[StageColumn] = []
        # Every card's place and sort facts; what a card paints is read for the rows in view only
        # (the columns' shared cache), and the search texts (people, notes) when a search first needs them.
        self._cards: dict[int, CardKey] = {}
        self._followups_today: dt.date | None = None
        self._sort_facts = False  # whether _cards carry the due dates and activity the other orders sort by
        self.context = BoardContext(load_cards=lambda ids: card_summaries(ids, with_search_text=False))
        self.context.drop_handler = self.handle_drop
        self.delegate = CardDelegate(self)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("boardSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(80)
        self.search_edit.textChanged.connect(self.apply_view)
        self.only_active_check = QCheckBox()
        self.sort_combo = QComboBox()
        for mode in SORT_LABELS:
            self.sort_combo.addItem("", mode.value)
        # As wide as its longest choice: German "Reihenfolge auf der Pinnwand" was cut to "Reihenfolge auf".
        self.sort_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stages_button = QToolButton()
        self.stages_button.clicked.connect(lambda: self.open_stage_editor())
        self.retranslate()
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.only_active_check)
        bar.addWidget(self.sort_combo)
        bar.addWidget(self.stages_button)

        self.banner = KeepApplyingBanner()
        self.banner.add_requested.connect(self.events.new_application_requested)

        self._row = QHBoxLayout()
        self._row.setContentsMargins(6, 6, 6, 6)
        self._row.setSpacing(6)
        holder = QWidget()
        holder.setLayout(self._row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(holder)
        self.drag_scroller = DragAutoScroller(self.scroll, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

        saved = self.ui_state.read(keys.BOARD_VIEW)
        self.only_active_check.setChecked(bool(saved.get("only_active", False)))
        index = self.sort_combo.findData(saved.get("sort", SortMode.BOARD.value))
        self.sort_combo.setCurrentIndex(max(0, index))
        self.only_active_check.toggled.connect(self._view_options_changed)
        self.sort_combo.currentIndexChanged.connect(self._view_options_changed)
        # Edit > Find (Ctrl+F) lives in the window, so it works from every pane; this is what it does.
        self.install_card_actions(self.scroll)

        events.applications_changed.connect(self.reload)
        events.cards_placed.connect(self.show_placed_cards)
        # Follow-ups change in bursts (a move, then the rules catching up): one reload per burst when the cards
        # are ordered by their due dates; otherwise only the changed cards in view are painted again.
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload)
        self._to_repaint: list[StageColumn] = []
        self._repaint_timer = QTimer(self, interval=0)
        self._repaint_timer.timeout.connect(self._repaint_next)
        events.followups_refreshed.connect(self._followups_refreshed)
        events.followups_changed.connect(self._followups_changed)
        self._news_seen = False
        events.stages_changed.connect(self.rebuild)
        events.highlight_applications.connect(self.set_highlighted)
        events.close_application_requested.connect(self.close_with_outcome)
        events.move_to_stage_kind_requested.connect(self.move_to_stage_kind)
        events.select_application_requested.connect(self.show_new_card)
        events.tick.connect(self._tick)
        self.rebuild()

    def retranslate(self) -> None:
        self.search_edit.setAccessibleName(_("Search the board"))
        self.search_edit.setPlaceholderText(_("Search company, position, person, tag or note"))
        self.only_active_check.setText(_("Only active"))
        self.only_active_check.setToolTip(_("Hide accepted and closed applications"))
        for index, label in enumerate(SORT_LABELS.values()):
            self.sort_combo.setItemText(index, _(label))
        # measured again: QComboBox keeps its minimum size (the widest words it ever had, German) until a style
        # change, and so would hold the search field narrow in the next language
        QApplication.sendEvent(self.sort_combo, QEvent(QEvent.Type.StyleChange))
        self.sort_combo.setToolTip(_("Order of the cards inside each stage"))
        self.stages_button.setText(_("Stages…"))
        self.stages_button.setToolTip(_("Add, rename, reorder, collapse or remove stages"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.retranslate_card_actions()
            self.delegate.forget_texts()  # the badges ("Thank Marco · 2 days overdue") are painted again
            for column in self.columns:
                column.view.viewport().update()
        super().changeEvent(event)

    # -- building ----------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Columns from the stages table (after a stage change), then every card."""
        self._to_repaint = []
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        while self._row.count():
            self._row.takeAt(0)
        for stage in list_stages():
            column = StageColumn(stage, self.context, self.delegate)
            column.view.activated.connect(lambda index: self.open_requested.emit(index.data(CARD_ID_ROLE)))
            column.view.customContextMenuRequested.connect(
                lambda pos, c=column: self.show_card_menu(c, c.view.viewport().mapToGlobal(pos)))
            column.view.selectionModel().selectionChanged.connect(lambda *_a, c=column: self._selection_moved_to(c))
            column.header_menu_requested.connect(self.show_stage_menu)
            column.collapse_toggled.connect(self.toggle_collapsed)
            column.strip.cards_dropped.connect(lambda ids, c=column: self.handle_drop(ids, c.stage_id, -1))
            self.drag_scroller.watch(column.view.viewport(), column.strip)
            self.columns.append(column)
            self._row.addWidget(column)
        self._row.addStretch(1)
        self.reload()

    def show_new_card(self, app_id: int) -> None:
        if app_id not in self._cards:
            self.reload([app_id])
        self.select_cards([app_id])

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def reload(self, ids: list[int] | None = None) -> None:
        """Re-read cards: only ``ids`` when given (an edit, a move), else the whole board."""
        texts = self.context.search_texts
        if ids and len(ids) <= PARTIAL_RELOAD_LIMIT and self._cards:
            affected = {self._cards.pop(app_id).stage_id for app_id in ids if app_id in self._cards}
            for key in card_keys(ids, with_sort_facts=self._sort_facts):
                self._cards[key.id] = key
                affected.add(key.stage_id)
            self.context.forget(ids)
            if texts is not None:
                for app_id in ids:
                    texts.pop(app_id, None)
                texts.update(search_texts(ids))
        else:
            self._sort_facts = self._view_state()[1] != SortMode.BOARD
            self._cards = {key.id: key for key in card_keys(with_sort_facts=self._sort_facts)}
            self.context.forget()
            self.context.search_texts = None  # read again when a search needs them
            affected = None
        self._fill(affected)

    def ensure_search_texts(self) -> None:
        """Read every card's search text, once: the first search waits for it (about 1 s at 50,000 cards)."""
        if self.context.search_texts is not None:
            return
        self.context.search_texts = search_texts()
        for column in self.columns:
            column.model.refilter()

    def _fill(self, stage_ids: set[int] | None, keep_selection: bool = True) -> None:
        grouped: dict[int, list[CardKey]] = {}
        for card in self._cards.values():
            if stage_ids is None or card.stage_id in stage_ids:
                grouped.setdefault(card.stage_id, []).append(card)
        if stage_ids is None:
            self.delegate.forget_texts()
        self.delegate.set_today(self._today())
        terms, sort = self._view_state()
        if terms:
            self.ensure_search_texts()
        for column in self.columns:
            if stage_ids is None or column.stage_id in stage_ids:
                kept = self.selected_ids(column) if keep_selection else []
                column.model.set_view(terms, sort)
                column.set_cards(grouped.get(column.stage_id, []))
                if kept:
                    self.select_in_column(column, kept)
        self._update_banner()

    def _view_state(self) -> tuple[list[str], SortMode]:
        return query_terms(self.search_edit.text()), SortMode(self.sort_combo.currentData() or SortMode.BOARD)

    def apply_view(self, *_ignored) -> None:
        """Apply the search text, the sort and "only active" to every column (live, on each keystroke)."""
        terms, sort = self._view_state()
        if sort != SortMode.BOARD and not self._sort_facts:
            self.reload()  # the first change of order reads the due dates and activity it sorts by
            return self.apply_view()
        if terms:
            self.ensure_search_texts()
        only_active = self.only_active_check.isChecked()
        for column in self.columns:
            column.model.set_view(terms, sort)
            column.update_header()
            column.setVisible(not only_active or is_active(column.kind))

    def _view_options_changed(self, *_ignored) -> None:
        self.ui_state.write(keys.BOARD_VIEW, {"only_active": self.only_active_check.isChecked(),
                                              "sort": self.sort_combo.currentData()})
        self.apply_view()

    def _update_banner(self) -> None:
        active = {column.stage_id for column in self.columns if is_active(column.kind)}
        self.banner.show_for(count_active(self._cards.values(), active, enough=2))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.apply_view()

    # -- queries used by the window, the self-check and the tests ----------------------------
    def card_count(self) -> int:
        return len(self._cards)

    def card(self, app_id: int) -> CardSummary | None:
        """The whole card as the board paints it (read when not in view)."""
        return self.context.summary(app_id, []) if app_id in self._cards else None

    def column_for(self, stage_id: int) -> StageColumn | None:
        return next((column for column in self.columns if column.stage_id == stage_id), None)

    def set_highlighted(self, ids: list[int]) -> None:
        self.context.highlighted = frozenset(ids)
        for column in self.columns:
            column.view.viewport().update()
        for column in self.columns:
            for app_id in ids:
                row = column.model.row_of(app_id)
                if row >= 0:
                    column.view.scrollTo(column.model.index(row, 0))
                    break

    def _followups_refreshed(self, news) -> None:
        """A card's badge names its next follow-up and how far off it is: the cards whose follow-ups changed are
        read again when painted (only those in view are), and a new day repaints every timing."""
        if news is not None:
            self._news_seen = True
            self._followups_today = news.today
        self.delegate.set_today(self._today())
        changed = news.application_ids if news is not None else None  # None: every card
        if self._sort_facts and changed != frozenset():
            self._reload_timer.start()  # the order itself may have changed
            return
        self.context.forget(changed)
        self._repaint_in_turns()

    def _repaint_in_turns(self) -> None:
        """Repaint the columns one per turn of the event loop: on a new day every card in view is drawn again
        (about a millisecond a card), and the window answers in between."""
        self._to_repaint = [column for column in self.columns if column.isVisible()]
        self._repaint_timer.start()

    def _repaint_next(self) -> None:
        while self._to_repaint:
            column = self._to_repaint.pop(0)
            if column.isVisible():  # (a column rebuilt meanwhile is gone, or hidden by "only active")
                column.view.viewport().repaint()
                return
        self._repaint_timer.stop()

    def _followups_changed(self) -> None:
        """Follow-ups changed without the service's news (none runs, e.g. a pane tested alone): all may have."""
        if self._news_seen:  # the news just before said what changed
            self._news_seen = False
            return
        self._followups_refreshed(None)

    def _today(self) -> dt.date:
        """The follow-up service's day once it has spoken (its clock decides when a new day starts)."""
        return self._followups_today or dt.date.today()

    def _tick(self) -> None:
        if self.delegate.today != self._today():
            self.delegate.set_today(self._today())
            for column in self.columns:
                column.view.viewport().update()
