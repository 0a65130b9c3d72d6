"""What a feature receives when it installs itself into the window: a small typed context, not the window.

Each feature has ``ui/<feature>/install.py`` with one ``install_...(context)`` function that adds its menu
entries and connects its reactions to the events, and returns the one object the window keeps of it.
A feature never looks another one up: it emits a request on ``events`` and whoever owns the answer listens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from jobfollow.profile import Profile
from jobfollow.services import Services
from jobfollow.services.events import AppEvents


@dataclass(frozen=True)
class Menus:
    bar: QMenuBar
    file: QMenu
    edit: QMenu
    view: QMenu
    help: QMenu
    #: File > Quit: the data entries go above it
    quit_action: QAction

    def add_before_help(self, title: str) -> QMenu:
        """A feature's own menu, placed just before Help."""
        menu = QMenu(title, self.bar)
        self.bar.insertMenu(self.help.menuAction(), menu)
        return menu


@dataclass(frozen=True)
class FeatureContext:
    #: the parent of the feature's actions, dialogs and windows (the main window)
    parent: QWidget
    profile: Profile
    events: AppEvents
    services: Services
    undo_stack: QUndoStack
    menus: Menus
    #: a short message in the status bar
    show_status: Callable[[str], None]

    def keep_translated(self, apply: Callable[[], None]) -> None:
        """``apply`` sets the texts of the feature's own actions and menus from ``_()``: it runs now and again
        after every language switch. (Widgets retranslate themselves on ``QEvent.LanguageChange``; an action
        is no widget and hears no such event.)"""
        apply()
        self.events.language_changed.connect(apply)
