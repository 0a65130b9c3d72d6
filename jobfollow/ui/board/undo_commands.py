"""Undoable board actions: moves, stars, deletes and stage changes, each a QUndoCommand.

A command does its work in ``redo`` (QUndoStack.push calls it at once) and keeps what the store
returned, so ``undo`` puts back exactly what was there. The board is told what changed through
``board.after_moves`` or the program-wide events.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from jobfollow.core.stages import StageKind
from jobfollow.i18n import _, ngettext
from jobfollow.store import board as board_store
from jobfollow.store import board_stages


class MoveCardsCommand(QUndoCommand):
    def __init__(self, board, moves: list[tuple[int, int, float]], outcome: str | None, text: str):
        super().__init__(text)
        self.board = board
        self.moves = moves
        self.outcome = outcome
        self.records: list[board_store.MoveRecord] = []

    def redo(self) -> None:
        replaying = bool(self.records)
        if replaying:
            self.records = board_store.redo_moves(self.records)
        else:
            self.records = board_store.move_cards(self.moves, self.outcome)
        self._announce([(r.app_id, r.before.stage_id, r.after) for r in self.records], replaying)

    def undo(self) -> None:
        board_store.undo_moves(self.records)
        self._announce([(r.app_id, r.after.stage_id, r.before) for r in reversed(self.records)], True)

    def _announce(self, moved, replaying: bool) -> None:
        # Undo and Redo put cards back: listeners see ``board.replaying`` and ask no questions (no offer form).
        self.board.replaying = replaying
        try:
            self.board.after_moves(moved)
        finally:
            self.board.replaying = False


class StarCommand(QUndoCommand):
    def __init__(self, events, ids: list[int], priority: int):
        text = _("Star") if priority else _("Remove star")
        super().__init__(text)
        self.events, self.ids, self.priority = events, ids, priority
        self.previous: dict[int, int] = {}

    def redo(self) -> None:
        self.previous = board_store.set_priority(self.ids, self.priority)
        self.events.applications_changed.emit(list(self.ids))

    def undo(self) -> None:
        board_store.restore_priorities(self.previous)
        self.events.applications_changed.emit(list(self.ids))


class DeleteCardsCommand(QUndoCommand):
    def __init__(self, events, ids: list[int]):
        super().__init__(ngettext("Delete {count} application", "Delete {count} applications",
                                  len(ids)).format(count=len(ids)))
        self.events, self.ids = events, ids

    def redo(self) -> None:
        board_store.delete_applications(self.ids)
        self.events.applications_changed.emit(list(self.ids))

    def undo(self) -> None:
        board_store.restore_applications(self.ids)
        self.events.applications_changed.emit(list(self.ids))


class AddStageCommand(QUndoCommand):
    def __init__(self, events, name: str, kind: StageKind, index: int | None):
        super().__init__(_("Add stage {name}").format(name=name))
        self.events, self.name, self.kind, self.index = events, name, kind, index
        self.stage_id: int | None = None

    def redo(self) -> None:
        self.stage_id = board_stages.add_stage(self.name, self.kind, self.index, stage_id=self.stage_id)
        self.events.stages_changed.emit()

    def undo(self) -> None:
        board_stages.delete_added_stage(self.stage_id)
        self.events.stages_changed.emit()


class RenameStageCommand(QUndoCommand):
    def __init__(self, events, stage_id: int, name: str):
        super().__init__(_("Rename stage to {name}").format(name=name))
        self.events, self.stage_id, self.name = events, stage_id, name.strip()
        self.old_name = ""

    def redo(self) -> None:
        self.old_name = board_stages.rename_stage(self.stage_id, self.name)
        self.events.stages_changed.emit()

    def undo(self) -> None:
        board_stages.rename_stage(self.stage_id, self.old_name)
        self.events.stages_changed.emit()


class ReorderStagesCommand(QUndoCommand):
    def __init__(self, events, new_order: list[int]):
        super().__init__(_("Reorder stages"))
        self.events, self.new_order = events, list(new_order)
        self.old_order: list[int] = []

    def redo(self) -> None:
        self.old_order = board_stages.stage_order()
        board_stages.set_stage_order(self.new_order)
        self.events.stages_changed.emit()

    def undo(self) -> None:
        board_stages.set_stage_order(self.old_order)
        self.events.stages_changed.emit()


class RemoveStageCommand(QUndoCommand):
    def __init__(self, events, stage_id: int, target_id: int | None, name: str):
        super().__init__(_("Remove stage {name}").format(name=name))
        self.events, self.stage_id, self.target_id = events, stage_id, target_id
        self.removed: board_stages.RemovedStage | None = None

    def redo(self) -> None:
        self.removed = board_stages.remove_stage(self.stage_id, self.target_id)
        self.events.stages_changed.emit()
        for app_id in self.removed.live_moved_ids:
            self.events.card_moved.emit(app_id, self.stage_id, self.target_id)

    def undo(self) -> None:
        board_stages.restore_stage(self.removed)
        self.events.stages_changed.emit()
        for app_id in self.removed.live_moved_ids:
            self.events.card_moved.emit(app_id, self.target_id, self.stage_id)
