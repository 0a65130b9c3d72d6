"""Undoable board actions: moves, stars, deletes and stage changes, each a StoreCommand.

A command does its work in ``do`` (QUndoStack.push calls it at once) and keeps what the store
returned, so ``undo`` puts back exactly what was there. Everyone, the board included, learns what
changed from the program-wide events; a command never touches a widget.
"""

from __future__ import annotations

from jobfollow.core.stages import StageKind
from jobfollow.i18n import _, ngettext
from jobfollow.services.undo import StoreCommand
from jobfollow.store import board as board_store
from jobfollow.store import board_stages


class MoveCardsCommand(StoreCommand):
    def __init__(self, events, moves: list[tuple[int, int, float]], outcome: str | None, text: str):
        super().__init__(text)
        self.events = events
        self.moves = moves
        self.outcome = outcome
        self.records: list[board_store.MoveRecord] = []

    def do(self) -> None:
        replay = bool(self.records)
        if replay:
            self.records = board_store.redo_moves(self.records)
        else:
            self.records = board_store.move_cards(self.moves, self.outcome)
        announce_moves(self.events, [(r.app_id, r.before.stage_id, r.after) for r in self.records], replay)

    def undo(self) -> None:
        board_store.undo_moves(self.records)
        announce_moves(self.events, [(r.app_id, r.after.stage_id, r.before) for r in reversed(self.records)], True)


def announce_moves(events, placed: list[tuple[int, int, board_store.CardPlace]], replay: bool) -> None:
    """Where each card now sits (the board repaints), then each change of stage with whether it is a replay."""
    events.cards_placed.emit(placed)
    for app_id, source, place in placed:
        if source != place.stage_id:
            events.card_moved.emit(app_id, source, place.stage_id, replay)


class StarCommand(StoreCommand):
    def __init__(self, events, ids: list[int], priority: int):
        text = _("Star") if priority else _("Remove star")
        super().__init__(text)
        self.events, self.ids, self.priority = events, ids, priority
        self.previous: dict[int, int] = {}

    def do(self) -> None:
        self.previous = board_store.set_priority(self.ids, self.priority)
        self.events.applications_changed.emit(list(self.ids))

    def undo(self) -> None:
        board_store.restore_priorities(self.previous)
        self.events.applications_changed.emit(list(self.ids))


class DeleteCardsCommand(StoreCommand):
    def __init__(self, events, ids: list[int]):
        super().__init__(ngettext("Delete {count} application", "Delete {count} applications",
                                  len(ids)).format(count=len(ids)))
        self.events, self.ids = events, ids

    def do(self) -> None:
        board_store.delete_applications(self.ids)
        self.events.applications_changed.emit(list(self.ids))

    def undo(self) -> None:
        board_store.restore_applications(self.ids)
        self.events.applications_changed.emit(list(self.ids))


class AddStageCommand(StoreCommand):
    def __init__(self, events, name: str, kind: StageKind, index: int | None):
        super().__init__(_("Add stage {name}").format(name=name))
        self.events, self.name, self.kind, self.index = events, name, kind, index
        self.stage_id: int | None = None

    def do(self) -> None:
        self.stage_id = board_stages.add_stage(self.name, self.kind, self.index, stage_id=self.stage_id)
        self.events.stages_changed.emit()

    def undo(self) -> None:
        board_stages.delete_added_stage(self.stage_id)
        self.events.stages_changed.emit()


class RenameStageCommand(StoreCommand):
    def __init__(self, events, stage_id: int, name: str):
        super().__init__(_("Rename stage to {name}").format(name=name))
        self.events, self.stage_id, self.name = events, stage_id, name.strip()
        self.old_name = ""

    def do(self) -> None:
        self.old_name = board_stages.rename_stage(self.stage_id, self.name)
        self.events.stages_changed.emit()

    def undo(self) -> None:
        board_stages.rename_stage(self.stage_id, self.old_name)
        self.events.stages_changed.emit()


class ReorderStagesCommand(StoreCommand):
    def __init__(self, events, new_order: list[int]):
        super().__init__(_("Reorder stages"))
        self.events, self.new_order = events, list(new_order)
        self.old_order: list[int] = []

    def do(self) -> None:
        self.old_order = board_stages.stage_order()
        board_stages.set_stage_order(self.new_order)
        self.events.stages_changed.emit()

    def undo(self) -> None:
        board_stages.set_stage_order(self.old_order)
        self.events.stages_changed.emit()


class RemoveStageCommand(StoreCommand):
    def __init__(self, events, stage_id: int, target_id: int | None, name: str):
        super().__init__(_("Remove stage {name}").format(name=name))
        self.events, self.stage_id, self.target_id = events, stage_id, target_id
        self.removed: board_stages.RemovedStage | None = None

    def do(self) -> None:
        replay = self.removed is not None
        self.removed = board_stages.remove_stage(self.stage_id, self.target_id)
        self.events.stages_changed.emit()
        for app_id in self.removed.live_moved_ids:
            self.events.card_moved.emit(app_id, self.stage_id, self.target_id, replay)

    def undo(self) -> None:
        board_stages.restore_stage(self.removed)
        self.events.stages_changed.emit()
        for app_id in self.removed.live_moved_ids:
            self.events.card_moved.emit(app_id, self.target_id, self.stage_id, True)
