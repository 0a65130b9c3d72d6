"""Services: one per feature, between the widgets and the store.

A service owns its feature's store calls, its undo commands and the events it emits, so every action has one
path: widget -> service -> store -> core, and back through :class:`~jobfollow.services.events.AppEvents`.
Services import Qt's core and undo classes, never a widget (tests/test_import_layers.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from jobfollow.services.board import BoardService
from jobfollow.services.data import DataService
from jobfollow.services.events import AppEvents
from jobfollow.services.followups import FollowUpService
from jobfollow.services.letters import LetterService
from jobfollow.services.offers import OfferService

if TYPE_CHECKING:
    from jobfollow.profile import Profile


@dataclass(frozen=True)
class Services:
    """Every service of one window, built once by :func:`build_services` and handed to the features."""

    events: AppEvents
    undo_stack: QUndoStack
    board: BoardService
    followups: FollowUpService
    letters: LetterService
    offers: OfferService
    data: DataService


def build_services(events: AppEvents, undo_stack: QUndoStack, parent: QObject | None = None,
                   profile: Profile | None = None) -> Services:
    """``profile``: the open one, for backups and restore (services tested alone may leave it out)."""
    followups = FollowUpService(events, parent=parent, undo_stack=undo_stack)
    return Services(events=events, undo_stack=undo_stack, board=BoardService(events, undo_stack),
                    followups=followups, letters=LetterService(events, undo_stack, followups),
                    offers=OfferService(events, undo_stack),
                    data=DataService(events, undo_stack, profile, followups, parent=parent))
