"""Undo for what a person does in the agenda: done, snooze and skip go on the window's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from jobfollow.store import followups as store
from jobfollow.ui.store_errors import STORE_ERRORS, show_store_error


class FollowUpCommand(QUndoCommand):
    """Runs ``action`` on redo; undo puts the follow-up's state back as it was before."""

    def __init__(self, controller, followup_id: int, text: str, action: Callable[[], None]):
        super().__init__(text)
        self.controller = controller
        self.followup_id = followup_id
        self.action = action
        self.before = store.saved_state(followup_id)

    def redo(self) -> None:
        try:
            self.action()
        except STORE_ERRORS as exc:  # not done, so nothing to undo: push() drops an obsolete command
            self.setObsolete(True)
            show_store_error(QApplication.activeWindow(), exc)

    def undo(self) -> None:
        self.controller.restore(self.followup_id, self.before)


def run_undoable(stack: QUndoStack | None, controller, followup_id: int, text: str,
                 action: Callable[[], None]) -> None:
    if stack is None:
        action()
    else:
        stack.push(FollowUpCommand(controller, followup_id, text, action))
