"""What the user does on the board: move cards (drag, menu, keys), star, delete, and change stages.

Mixed into BoardWidget. The widget decides what to do (asking the user where needed); every change goes
through the board service (``self.service``), one undoable step each, and the board repaints when the
service's events say where the cards now are.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from jobfollow.core.board_search import SortMode, ranks_between
from jobfollow.core.stages import StageKind
from jobfollow.i18n import _, ngettext
from jobfollow.store import board_stages
from jobfollow.store.applications import list_stages
from jobfollow.store.board import CardPlace
from jobfollow.ui.board import board_prompts, interview_prompts
from jobfollow.ui.board.card_list_model import CARD_ID_ROLE
from jobfollow.ui.plain_text import inform
from jobfollow.ui.store_errors import show_store_error, store_error_message


class BoardActions:

    def install_card_actions(self, host: QWidget) -> None:
        """Keyboard actions that work while a card list has focus (not while typing a search)."""

        def action(text: str, shortcut, slot) -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            host.addAction(act)
            return act

        self.next_stage_action = action("", "Ctrl+Right", lambda: self.move_selected_by(1))
        self.previous_stage_action = action("", "Ctrl+Left", lambda: self.move_selected_by(-1))
        self.delete_action = action("", QKeySequence.StandardKey.Delete, lambda: self.delete_cards(self.selected_ids()))
        self.star_action = action("", None, lambda: self.toggle_star(self.selected_ids()))
        self.retranslate_card_actions()

    def retranslate_card_actions(self) -> None:
        self.next_stage_action.setText(_("Move to next stage"))
        self.previous_stage_action.setText(_("Move to previous stage"))
        self.delete_action.setText(_("Delete…"))
        self.star_action.setText(_("Star"))  # "Remove star" when the menu opens on starred cards

    # -- selection ---------------------------------------------------------------------------
    def selected_ids(self, column=None) -> list[int]:
        columns = [column] if column is not None else self.columns
        ids = []
        for col in columns:
            rows = sorted(index.row() for index in col.view.selectionModel().selectedIndexes())
            ids.extend(col.model.key(row).id for row in rows if row < col.model.rowCount())
        return ids

    def select_cards(self, ids: list[int], focus: bool = True) -> None:
        """Select these cards in the columns that hold them (other columns keep their selection)."""
        stage_ids = {self._cards[app_id].stage_id for app_id in ids if app_id in self._cards}
        for column in self.columns:
            if column.stage_id in stage_ids:
                first = self.select_in_column(column, ids)
                if first is not None and focus and column.view.isVisible():
                    column.view.setFocus()

    def select_in_column(self, column, ids: list[int]):
        wanted = set(ids)
        selection = QItemSelection()
        first = None
        for row, card_id in enumerate(column.model.ids()):
            if card_id in wanted:
                index = column.model.index(row, 0)
                selection.select(index, index)
                if first is None:
                    first = index
        if first is not None:
            column.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            column.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            column.view.scrollTo(first)
        return first

    def _selection_moved_to(self, column) -> None:
        """A plain click in one column starts a new selection; Ctrl/Shift extends across columns."""
        if not column.view.selectionModel().hasSelection():
            return
        if QApplication.keyboardModifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return
        for other in self.columns:
            if other is not column and other.view.selectionModel().hasSelection():
                other.view.selectionModel().clearSelection()

    # -- moving ------------------------------------------------------------------------------
    def _stage_kinds(self) -> dict[int, StageKind]:
        return {column.stage_id: column.kind for column in self.columns}

    def _in_board_order(self, ids: list[int]) -> list[int]:
        position = {column.stage_id: i for i, column in enumerate(self.columns)}
        known = [app_id for app_id in dict.fromkeys(ids) if app_id in self._cards]
        return sorted(known, key=lambda i: (position.get(self._cards[i].stage_id, 0), self._cards[i].rank))

    def handle_drop(self, ids: list[int], stage_id: int, row: int) -> bool:
        """A drop of cards on a column at visible ``row`` (-1 = the end)."""
        column = self.column_for(stage_id)
        ids = [app_id for app_id in ids if app_id in self._cards]
        if column is None or not ids:
            return False
        if column.model.sort_mode != SortMode.BOARD and all(self._cards[i].stage_id == stage_id for i in ids):
            return False  # sorted by date: there is no "place" inside the column to drop on
        if row < 0:
            row = column.model.rowCount()
        before, after = column.model.neighbour_ranks(row, set(ids))
        ranks = ranks_between(before, after, len(ids))
        moves = list(zip(ids, [stage_id] * len(ids), ranks, strict=True))
        if self._stage_kinds().get(stage_id) == StageKind.CLOSED and self._changes_stage(moves):
            # Ask for the outcome once the drag has finished, not inside the drop event.
            QTimer.singleShot(0, lambda: self.request_moves(moves))
            return True
        return self.request_moves(moves)

    def _changes_stage(self, moves) -> list[tuple[int, int, float]]:
        return [move for move in moves if self._cards[move[0]].stage_id != move[1]]

    def request_moves(self, moves: list[tuple[int, int, float]], outcome: str | None = None) -> bool:
        """Push one undoable move of several cards; asks for an outcome when any enter a closed stage
        (unless ``outcome`` is given)."""
        moves = [move for move in moves if move[0] in self._cards]
        if not moves:
            return False
        kinds = self._stage_kinds()
        changing = self._changes_stage(moves)
        closing = [move for move in changing if kinds.get(move[1]) == StageKind.CLOSED]
        if not closing:
            outcome = None
        elif outcome is None:
            outcome = board_prompts.choose_outcome(self, len(closing))
            if not outcome:
                return False
        names = {column.stage_id: column.name for column in self.columns}
        targets = {move[1] for move in moves}
        target_name = names.get(next(iter(targets)), "") if len(targets) == 1 else _("several stages")
        text = ngettext("Move {count} card to {stage}", "Move {count} cards to {stage}", len(moves)).format(
            count=len(moves), stage=target_name)
        failure = self.service.move(moves, outcome, text)
        if failure is not None:  # the cards stay where they were
            show_store_error(self, failure)
            return False
        for app_id, stage_id, _rank in changing:
            if kinds.get(stage_id) in (StageKind.INTERVIEW_SCHEDULED, StageKind.INTERVIEWED):
                interview_prompts.after_move(self, self.events, app_id, kinds[stage_id])
        return True

    def show_placed_cards(self, placed: list[tuple[int, int, CardPlace]]) -> None:
        """The board service placed cards (a move, its undo or redo): repaint them where they now are.

        The cards' other facts did not change, so no query is needed to show them in their new place.
        """
        placed = [(app_id, source, place) for app_id, source, place in placed if app_id in self._cards]
        if not placed:
            return
        touched = set()
        for app_id, source, place in placed:
            card = self._cards[app_id]
            last = card.last_activity_at
            moved_at = str(place.stage_entered_at)  # as stored: ISO text that sorts as the times do
            if source != place.stage_id and (last is None or moved_at > last):
                last = moved_at  # a move is the newest thing that happened to the card
            self._cards[app_id] = replace(card, stage_id=place.stage_id, rank=place.rank, last_activity_at=last)
            touched.update((source, place.stage_id))
        self.context.forget([app_id for app_id, _source, _place in placed])  # read again as they are painted
        self._fill(touched, keep_selection=False)  # the moved cards become the selection below
        focus = QApplication.focusWidget()
        # Keyboard moves: focus follows the cards, so Ctrl+Right can be pressed again right away.
        self.select_cards([app_id for app_id, _source, _place in placed],
                          focus=focus is not None and self.scroll.isAncestorOf(focus))

    def move_ids_to_stage(self, ids: list[int], stage_id: int, outcome: str | None = None) -> bool:
        ids = self._in_board_order(ids)
        column = self.column_for(stage_id)
        if column is None or not ids:
            return False
        top = max((card.rank for card in column.model._all if card.id not in ids), default=None)
        ranks = ranks_between(top, None, len(ids))
        return self.request_moves([(app_id, stage_id, rank) for app_id, rank in zip(ids, ranks, strict=True)],
                                  outcome)

    def move_to_stage_kind(self, app_id: int, kind: str) -> bool:
        """Move one card to the first stage of ``kind`` (asked for from elsewhere, e.g. after recording an offer)."""
        kinds = self._stage_kinds()
        target = next((column.stage_id for column in self.columns if kinds.get(column.stage_id) == kind), None)
        card = self._cards.get(app_id)
        if target is None or card is None or card.stage_id == target:
            return False
        return self.move_ids_to_stage([app_id], target)

    def close_with_outcome(self, app_id: int, outcome: str) -> bool:
        """Move one card to the first Closed stage with ``outcome``, undoably (asked for from elsewhere)."""
        kinds = self._stage_kinds()
        closed = next((column.stage_id for column in self.columns if kinds.get(column.stage_id) == StageKind.CLOSED),
                      None)
        card = self._cards.get(app_id)
        if closed is None or card is None or kinds.get(card.stage_id) == StageKind.CLOSED:
            return False
        return self.move_ids_to_stage([app_id], closed, outcome)

    def move_selected_by(self, delta: int) -> bool:
        """Ctrl+Right / Ctrl+Left: each selected card to the next / previous shown stage."""
        shown = [column for column in self.columns if not column.isHidden()]
        order = [column.stage_id for column in shown]
        moves, ends = [], {}
        for app_id in self._in_board_order(self.selected_ids()):
            here = self._cards[app_id].stage_id
            if here not in order:
                continue
            there = order.index(here) + delta
            if not 0 <= there < len(order):
                continue
            target = shown[there]
            if target.stage_id not in ends:
                ends[target.stage_id] = max((card.rank for card in target.model._all), default=0.0)
            ends[target.stage_id] += 1.0
            moves.append((app_id, target.stage_id, ends[target.stage_id]))
        return self.request_moves(moves) if moves else False

    # -- stars and deletes -------------------------------------------------------------------
    def toggle_star(self, ids: list[int]) -> None:
        ids = [app_id for app_id in ids if app_id in self._cards]
        if ids:
            starred = all(self._cards[app_id].priority for app_id in ids)
            failure = self.service.set_star(ids, not starred)
            if failure is not None:
                show_store_error(self, failure)

    def delete_cards(self, ids: list[int]) -> bool:
        ids = [app_id for app_id in ids if app_id in self._cards]
        if not ids or not board_prompts.confirm_delete(self, len(ids)):
            return False
        failure = self.service.delete(ids)
        if failure is not None:
            show_store_error(self, failure)
        return failure is None

    # -- the card menu -----------------------------------------------------------------------
    def build_card_menu(self, column) -> QMenu | None:
        ids = self.selected_ids()
        index = column.view.currentIndex()
        if not ids and index.isValid():
            ids = [index.data(CARD_ID_ROLE)]
        if not ids:
            return None
        first = ids[0]
        menu = QMenu(self)
        menu.addAction(_("Open…"), lambda: self.open_requested.emit(first)).setEnabled(len(ids) == 1)
        move_menu = menu.addMenu(_("Move to"))
        for other in self.columns:
            act = move_menu.addAction(other.name, lambda s=other.stage_id: self.move_ids_to_stage(ids, s))
            act.setEnabled(any(self._cards[i].stage_id != other.stage_id for i in ids if i in self._cards))
        menu.addAction(self.next_stage_action)
        menu.addAction(self.previous_stage_action)
        menu.addSeparator()
        single = len(ids) == 1
        menu.addAction(_("Record interview…"), lambda: self.events.record_interview_requested.emit(first)
                       ).setEnabled(single)
        menu.addAction(_("Offer…"), lambda: self.events.offer_requested.emit(first)).setEnabled(single)
        starred = all(self._cards[i].priority for i in ids if i in self._cards)
        self.star_action.setText(_("Remove star") if starred else _("Star"))
        menu.addAction(self.star_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def show_card_menu(self, column, global_pos) -> None:
        menu = self.build_card_menu(column)
        if menu is not None:
            menu.exec(global_pos)
            menu.deleteLater()

    # -- stages ------------------------------------------------------------------------------
    def _stage_row(self, stage_id: int):
        return next((stage for stage in list_stages() if stage.id == stage_id), None)

    def show_stage_menu(self, stage_id: int, global_pos) -> None:
        column = self.column_for(stage_id)
        if column is None:
            return
        position = self.columns.index(column)
        menu = QMenu(self)
        menu.addAction(_("Rename…"), lambda: self.open_stage_editor(stage_id))
        menu.addAction(_("Expand") if column.collapsed else _("Collapse"), lambda: self.toggle_collapsed(stage_id))
        menu.addAction(_("Move left"), lambda: self.move_stage(stage_id, -1)).setEnabled(position > 0)
        menu.addAction(_("Move right"), lambda: self.move_stage(stage_id, 1)).setEnabled(
            position < len(self.columns) - 1)
        menu.addSeparator()
        menu.addAction(_("Add a stage…"), lambda: self.open_stage_editor(stage_id, adding=True))
        menu.addAction(_("Remove stage…"), lambda: self.remove_stage(stage_id)).setEnabled(len(self.columns) > 1)
        menu.exec(global_pos)
        menu.deleteLater()

    def toggle_collapsed(self, stage_id: int) -> None:
        column = self.column_for(stage_id)
        if column is not None:
            collapsed = not column.collapsed
            board_stages.set_stage_collapsed(stage_id, collapsed)
            column.set_collapsed(collapsed)

    def move_stage(self, stage_id: int, delta: int) -> None:
        order = [column.stage_id for column in self.columns]
        here = order.index(stage_id)
        there = here + delta
        if 0 <= there < len(order):
            order.insert(there, order.pop(here))
            failure = self.service.reorder_stages(order)
            if failure is not None:
                show_store_error(self, failure)

    def add_stage(self, name: str, kind: StageKind, index: int | None = None) -> str | None:
        """Returns a message for the user when the name cannot be used."""
        problem = board_stages.stage_name_problem(name)
        if problem:
            return problem
        failure = self.service.add_stage(name, kind, index)
        return store_error_message(failure) if failure is not None else None

    def rename_stage(self, stage_id: int, name: str) -> str | None:
        problem = board_stages.stage_name_problem(name, exclude_id=stage_id)
        if problem:
            return problem
        column = self.column_for(stage_id)
        if column is not None and column.name != name.strip():
            failure = self.service.rename_stage(stage_id, name)
            if failure is not None:
                return store_error_message(failure)
        return None

    def remove_stage(self, stage_id: int) -> bool:
        """Asks where the cards go (and warns for the last stage of a kind); returns whether it was removed."""
        stages = list_stages()
        stage = next((s for s in stages if s.id == stage_id), None)
        if stage is None:
            return False
        if len(stages) == 1:
            inform(self, _("Remove stage"), _("The board needs at least one stage."))
            return False
        if board_stages.is_last_of_kind(stage_id) and not board_prompts.confirm_last_of_kind(self, stage):
            return False
        others = [s for s in stages if s.id != stage_id]
        live = board_stages.live_card_count(stage_id)
        if live:
            target = board_prompts.choose_destination(self, stage, others, live)
            if target is None:
                return False
        else:  # only deleted cards (kept for undo) may remain; they follow to a stage of the same kind
            target = next((s.id for s in others if s.kind == stage.kind), others[0].id)
        failure = self.service.remove_stage(stage_id, target, stage.name)
        if failure is not None:
            show_store_error(self, failure)
        return failure is None

    def open_stage_editor(self, stage_id: int | None = None, adding: bool = False):
        from jobfollow.ui.board.stage_editor import StageEditorDialog

        dialog = StageEditorDialog(self, stage_id, adding, parent=self)
        dialog.open()
        return dialog
