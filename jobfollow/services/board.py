"""The board's service: moves, stars, deletes and stage changes, each one undoable step.

Widgets decide *what* to do (which cards, which stage, after asking the user); the service does it through an
undo command on the window's stack and returns the storage error that stopped it, or None.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from jobfollow.core.stages import StageKind
from jobfollow.services.board_commands import (
    AddStageCommand,
    DeleteCardsCommand,
    MoveCardsCommand,
    RemoveStageCommand,
    RenameStageCommand,
    ReorderStagesCommand,
    StarCommand,
)
from jobfollow.services.events import AppEvents
from jobfollow.services.undo import push


class BoardService:
    def __init__(self, events: AppEvents, undo_stack: QUndoStack | None):
        self.events = events
        self.undo_stack = undo_stack

    def move(self, moves: list[tuple[int, int, float]], outcome: str | None, text: str) -> BaseException | None:
        """Move cards ``(app_id, stage_id, rank)``; ``outcome`` for those entering a closed stage."""
        return push(self.undo_stack, MoveCardsCommand(self.events, moves, outcome, text))

    def set_star(self, ids: list[int], starred: bool) -> BaseException | None:
        return push(self.undo_stack, StarCommand(self.events, ids, 1 if starred else 0))

    def delete(self, ids: list[int]) -> BaseException | None:
        return push(self.undo_stack, DeleteCardsCommand(self.events, ids))

    def add_stage(self, name: str, kind: StageKind, index: int | None) -> BaseException | None:
        return push(self.undo_stack, AddStageCommand(self.events, name.strip(), StageKind(kind), index))

    def rename_stage(self, stage_id: int, name: str) -> BaseException | None:
        return push(self.undo_stack, RenameStageCommand(self.events, stage_id, name))

    def reorder_stages(self, order: list[int]) -> BaseException | None:
        return push(self.undo_stack, ReorderStagesCommand(self.events, order))

    def remove_stage(self, stage_id: int, target_id: int | None, name: str) -> BaseException | None:
        return push(self.undo_stack, RemoveStageCommand(self.events, stage_id, target_id, name))
