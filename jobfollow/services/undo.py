"""The one base of every undo command, and the one way a store failure is reported.

A command writes in :meth:`StoreCommand.do` and puts back in :meth:`StoreCommand.undo`. When the very first
``do`` (run by ``QUndoStack.push``) hits a storage error, nothing happened: the command marks itself obsolete,
so ``push`` drops it and nothing that did not happen can be undone, and :func:`push` hands the error back to
the caller, which tells the user in the words of ``ui/store_errors.py``. Commands call the store and emit
events; they never drive a widget.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from jobfollow.services.worker import WritesPausedError, long_write
from jobfollow.store.db import SQL_ERRORS

#: what a write to the profile can raise when the file is locked, read-only or the disk is full, or while
#: an import or a restore runs on a worker (the write is refused, not queued behind SQLite's lock)
STORE_ERRORS = (*SQL_ERRORS, OSError, WritesPausedError)


class StoreCommand(QUndoCommand):
    def __init__(self, text: str):
        super().__init__(text)
        self.error: BaseException | None = None
        self._done_once = False

    def do(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done_once:  # Redo: a failure now reaches the program's store-error hook
            long_write.check()
            self.do()
            return
        try:
            long_write.check()
            self.do()
        except STORE_ERRORS as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self._done_once = True


def push(stack: QUndoStack | None, command: StoreCommand) -> BaseException | None:
    """Do ``command`` (on ``stack`` when there is one); returns the storage error that stopped it, or None."""
    if stack is None:
        command.redo()
    else:
        stack.push(command)
    return command.error
