"""The side panes as dock widgets: moved, floated (their own window), closed, and always brought back by View.

The board is the window's central widget and keeps the width; the calendar with its agenda and the letter
editor are docks, by default side by side as tabs on the right so each gets the full height. Whatever the user
arranges is saved with the window (``QMainWindow.saveState``) and comes back after a restart. A pane can never
come back invisible: each has a minimum size, a restored pane narrower than that is widened, and a floating pane
left on a screen that is gone returns to the window.

A pane tabbed with another shows no title bar of its own: its tab already names it, and the bar would repeat it
above every tab (about 20 px of the pane's height). Its tab is the handle then (dragged out, it floats); alone or
floating, the pane gets its title bar back, to be dragged, floated and closed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

STATE_VERSION = 2  # 0/1: the splitter layout of earlier versions, which restoreState must not apply
MIN_WIDTH = 300
MIN_HEIGHT = 220
DEFAULT_WIDTH = 500  # the agenda's rows and a letter with its checklist beneath need about this much


class CollapsedTitleBar(QWidget):
    """A dock's title bar while its tab names it: nothing, no height."""

    def sizeHint(self) -> QSize:
        return QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, 0)


@dataclass
class Pane:
    key: str
    title: Callable[[], str]  # the dock's title; both are called again when the language changes
    menu_text: Callable[[], str]  # its entry under View
    widget: QWidget
    dock: QDockWidget | None = None
    action: QAction | None = None


class PaneDocks:
    def __init__(self, window: QMainWindow, panes: list[Pane]):
        self.window = window
        self.panes = {pane.key: pane for pane in panes}
        self._fit_pending = False
        window.setDockNestingEnabled(True)
        # GroupedDragging: a tab dragged out of its group floats that pane (without it only a title bar can, and a
        # tabbed pane shows none); a title bar then moves its whole group
        window.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                              | QMainWindow.DockOption.AllowNestedDocks | QMainWindow.DockOption.GroupedDragging)
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        for pane in panes:
            dock = QDockWidget(pane.title(), window)
            dock.setObjectName(f"{pane.key}Dock")
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable)
            pane.widget.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
            dock.setWidget(pane.widget)
            pane.dock = dock
            action = QAction(pane.menu_text(), window, checkable=True, checked=True)
            action.toggled.connect(lambda on, key=pane.key: self.set_shown(key, on))
            dock.visibilityChanged.connect(lambda _visible, key=pane.key: self._sync_action(key))
            for signal in (dock.visibilityChanged, dock.topLevelChanged, dock.dockLocationChanged):
                signal.connect(self._title_bars_later)
            pane.action = action
        self.default_layout()

    def put(self, key: str, widget: QWidget) -> None:
        """Put the built pane into its dock in place of the placeholder; the dock keeps its size and place."""
        pane = self.panes[key]
        placeholder = pane.dock.widget()
        widget.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        pane.dock.setWidget(widget)
        pane.widget = widget
        if placeholder is not None and placeholder is not widget:
            placeholder.deleteLater()

    # -- layout ------------------------------------------------------------------------------------
    def default_layout(self) -> None:
        """Calendar and letters as tabs on the right, the calendar in front."""
        docks = [pane.dock for pane in self.panes.values()]
        for dock in docks:
            dock.setFloating(False)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.show()
        for dock in docks[1:]:
            self.window.tabifyDockWidget(docks[0], dock)
        docks[0].raise_()
        self.window.resizeDocks(docks[:1], [self.default_width()], Qt.Orientation.Horizontal)
        self.fit_title_bars()

    def default_width(self) -> int:
        """About a third of the window, so a small screen keeps two or three stages of the board in view."""
        return max(MIN_WIDTH + 40, min(DEFAULT_WIDTH, int(self.window.width() * 0.36)))

    def restore(self, state) -> bool:
        """Apply a saved arrangement; False (and the default kept) when it is from another layout or broken."""
        if not state or not self.window.restoreState(state, STATE_VERSION):
            return False
        self.repair()
        return True

    def save(self):
        return self.window.saveState(STATE_VERSION)

    def repair(self) -> None:
        """No pane too narrow to see, none floating where no screen is; View's ticks match what is shown."""
        for pane in self.panes.values():
            self._make_reachable(pane.dock)
            self._sync_action(pane.key)
        self.fit_title_bars()

    # -- title bars ------------------------------------------------------------------------------------
    def is_tabbed(self, dock: QDockWidget) -> bool:
        """Docked in a tab group with another pane that is shown (its tab then names it)."""
        return not dock.isFloating() and not dock.isHidden() and any(
            not other.isHidden() and not other.isFloating() for other in self.window.tabifiedDockWidgets(dock))

    def fit_title_bars(self) -> None:
        for pane in self.panes.values():
            dock = pane.dock
            collapsed = isinstance(dock.titleBarWidget(), CollapsedTitleBar)
            if self.is_tabbed(dock) and not collapsed:
                dock.setTitleBarWidget(CollapsedTitleBar(dock))
            elif not self.is_tabbed(dock) and collapsed:
                old = dock.titleBarWidget()
                dock.setTitleBarWidget(None)  # Qt's own bar: drag, float, close
                old.deleteLater()

    def _title_bars_later(self, *_args) -> None:
        # after a drag, a float or a tab switch Qt settles the groups first; one check for them all
        if not self._fit_pending and shiboken6.isValid(self.window):  # not while the window is torn down
            self._fit_pending = True
            QTimer.singleShot(0, self.window, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        self.fit_title_bars()

    def _make_reachable(self, dock: QDockWidget) -> None:
        if dock.isFloating():
            screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
            frame = dock.frameGeometry()
            if not any(area.intersects(frame) and area.intersected(frame).width() >= 80 for area in screens):
                dock.setFloating(False)
        if dock.isFloating() or dock.isHidden():
            return
        area = self.window.dockWidgetArea(dock)
        vertical = area in (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
        if vertical and dock.height() < MIN_HEIGHT:
            self.window.resizeDocks([dock], [MIN_HEIGHT * 2], Qt.Orientation.Vertical)
        elif not vertical and dock.width() < MIN_WIDTH:
            self.window.resizeDocks([dock], [self.default_width()], Qt.Orientation.Horizontal)

    # -- showing and hiding ----------------------------------------------------------------------------
    def set_shown(self, key: str, on: bool) -> None:
        dock = self.panes[key].dock
        if on:
            self.bring_up(key)
        else:
            dock.hide()

    def bring_up(self, key: str) -> None:
        """Show the pane in front of any pane tabbed with it, reachable and wide enough to use."""
        dock = self.panes[key].dock
        dock.show()
        dock.raise_()
        self._make_reachable(dock)
        if dock.isFloating():
            dock.activateWindow()
        self._sync_action(key)

    def _sync_action(self, key: str) -> None:
        pane = self.panes[key]
        shown = not pane.dock.isHidden()
        if pane.action.isChecked() != shown:
            pane.action.blockSignals(True)
            pane.action.setChecked(shown)
            pane.action.blockSignals(False)

    def retranslate(self) -> None:
        for pane in self.panes.values():
            pane.dock.setWindowTitle(pane.title())
            pane.action.setText(pane.menu_text())

