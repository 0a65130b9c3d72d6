"""The program's own start paints the board first and builds the calendar and letter panes right after:
the docks are there from the start at their restored size, so nothing moves when the panes fill in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from jobfollow.services.events import AppEvents
from jobfollow.ui.calendar.calendar_pane import CalendarPane
from jobfollow.ui.letters.letter_pane import LetterPane
from jobfollow.ui.main_window import MainWindow
from tests.conftest import run_queued_reactions


def _geometries(window: MainWindow) -> dict:
    shown = {key: (pane.dock.isVisible(), pane.dock.geometry()) for key, pane in window.docks.panes.items()}
    return {"board": window.board.geometry(), **shown}


def _arranged_and_closed(qtbot, profile) -> None:
    """A window whose calendar the user moved to the left, 420 px wide, and the letters floating: saved on close."""
    first = MainWindow(profile, AppEvents())
    qtbot.addWidget(first)
    first.resize(1300, 800)
    first.show()
    calendar = first.docks.panes["calendar"].dock
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, calendar)
    first.resizeDocks([calendar], [420], Qt.Orientation.Horizontal)
    first.docks.panes["letters"].dock.setFloating(True)
    first.close()


@pytest.mark.parametrize("arranged", [False, True], ids=["first start", "restored arrangement"])
def test_the_panes_fill_their_docks_after_the_paint_without_moving_anything(qtbot, profile, arranged):
    if arranged:
        _arranged_and_closed(qtbot, profile)
    window = MainWindow(profile, AppEvents(), defer_startup_work=True, panes_after_paint=True)
    qtbot.addWidget(window)
    window.show()
    before = _geometries(window)
    assert not isinstance(window.docks.panes["calendar"].widget, CalendarPane)  # nothing built before the paint
    window.board.grab()  # the board's first paint (the offscreen platform never exposes a window by itself)
    qtbot.waitUntil(lambda: isinstance(window.docks.panes["letters"].widget, LetterPane))
    assert window.docks.panes["calendar"].widget is window.calendar_pane
    run_queued_reactions()  # a layout request the new widgets post would move the docks now
    assert _geometries(window) == before
    if arranged:
        assert window.dockWidgetArea(window.docks.panes["calendar"].dock) == Qt.DockWidgetArea.LeftDockWidgetArea
        assert window.docks.panes["letters"].dock.isFloating()


def test_a_window_closed_before_its_panes_were_built_quits_cleanly(qtbot, profile):
    window = MainWindow(profile, AppEvents(), defer_startup_work=True, panes_after_paint=True)
    qtbot.addWidget(window)
    assert window.quit_requested()


def test_asking_for_a_follow_up_before_the_panes_exist_builds_them(qtbot, profile):
    window = MainWindow(profile, AppEvents(), defer_startup_work=True, panes_after_paint=True)
    qtbot.addWidget(window)
    window.show()
    window.show_followup(0)
    assert isinstance(window.calendar_pane, CalendarPane) and window.docks.panes["calendar"].dock.isVisible()
