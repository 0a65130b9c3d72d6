"""Edit > Undo and Redo in a new language: ``QUndoStack.createUndoAction`` bakes its prefix ("&Undo") into the
action, so a language switch makes new actions and puts them exactly where the old ones were."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def renewed_action(owner: QWidget, old: QAction, new: QAction) -> QAction:
    """``new`` takes ``old``'s shortcuts and places (menus, tool bars); ``old`` goes."""
    new.setShortcuts(old.shortcuts())
    for holder in old.associatedObjects():
        if isinstance(holder, QWidget) and holder is not owner:
            holder.insertAction(old, new)
            holder.removeAction(old)
    old.deleteLater()
    return new
