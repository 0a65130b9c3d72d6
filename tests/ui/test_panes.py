"""The calendar and letter panes are dock widgets: what the user arranges comes back after a restart, and View
always brings a pane back, never as a ticked but invisible sliver."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from jobfollow.core import settings_registry as keys
from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.panes import MIN_WIDTH
from jobfollow.ui.ui_state import UiState
from tests.conftest import run_queued_reactions


def open_window(qtbot, profile, events, size=(1200, 760)) -> MainWindow:
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_closed_panes_stay_closed_after_a_restart_and_view_brings_them_back_wide(qtbot, profile, events):
    window = open_window(qtbot, profile, events)
    window.pane_actions["calendar"].setChecked(False)
    window.docks.panes["letters"].dock.close()  # the dock's own close button
    assert not window.pane_actions["letters"].isChecked()
    window.close()
    again = open_window(qtbot, profile, events)
    docks = again.docks.panes
    assert docks["calendar"].dock.isHidden() and docks["letters"].dock.isHidden()
    assert not again.pane_actions["calendar"].isChecked() and not again.pane_actions["letters"].isChecked()
    again.pane_actions["calendar"].setChecked(True)
    again.pane_actions["letters"].trigger()
    for key in ("calendar", "letters"):
        assert docks[key].dock.isVisible() and again.pane_actions[key].isChecked()
        assert docks[key].widget.width() >= MIN_WIDTH and docks[key].widget.height() > 100


def test_the_arrangement_comes_back_after_a_restart(qtbot, profile, events):
    window = open_window(qtbot, profile, events)
    letters = window.docks.panes["letters"].dock
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, letters)  # dragged under the board
    letters.show()
    calendar = window.docks.panes["calendar"].dock
    window.resizeDocks([calendar], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: calendar.width() < 460)
    width = calendar.width()
    window.close()
    again = open_window(qtbot, profile, events)
    assert again.dockWidgetArea(again.docks.panes["letters"].dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert abs(again.docks.panes["calendar"].dock.width() - width) <= 12
    assert again.size().height() == 760


def test_a_layout_saved_by_an_older_version_gives_the_first_run_layout(qtbot, profile, events):
    old = QMainWindow()  # what the splitter layout saved: a state of another version, no docks in it
    qtbot.addWidget(old)
    window = open_window(qtbot, profile, events)
    window.close()
    saved = UiState(profile.folder)
    saved.write(keys.WINDOW_STATE, bytes(old.saveState().toBase64().data()).decode("ascii"))
    saved.sync()
    again = open_window(qtbot, profile, events)
    for pane in again.docks.panes.values():
        assert not pane.dock.isHidden() and pane.action.isChecked()
    assert again.dockWidgetArea(again.docks.panes["calendar"].dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_pane_floating_off_every_screen_comes_back_into_the_window(qtbot, profile, events):
    window = open_window(qtbot, profile, events)
    letters = window.docks.panes["letters"].dock
    letters.setFloating(True)
    letters.move(QPoint(-30_000, -30_000))  # a second monitor that is gone
    window.close()
    again = open_window(qtbot, profile, events)
    letters = again.docks.panes["letters"].dock
    again.docks.bring_up("letters")
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert letters.isVisible()
    assert not letters.isFloating() or screen.intersected(letters.frameGeometry()).width() >= 80


def test_a_damaged_saved_state_is_ignored(qtbot, profile, events):
    window = open_window(qtbot, profile, events)
    window.close()
    saved = UiState(profile.folder)
    saved.write(keys.WINDOW_STATE, bytes(QByteArray(b"not a window state").toBase64().data()).decode("ascii"))
    saved.sync()
    again = open_window(qtbot, profile, events)
    assert all(not pane.dock.isHidden() for pane in again.docks.panes.values())


def test_reset_layout_puts_every_pane_back(qtbot, profile, events):
    window = open_window(qtbot, profile, events)
    window.pane_actions["board"].setChecked(False)
    window.pane_actions["letters"].setChecked(False)
    window.reset_layout_action.trigger()
    assert window.board.isVisible() and all(pane.action.isChecked() for pane in window.docks.panes.values())


def test_pane_titles_follow_a_language_switch(qtbot, profile, events):
    from jobfollow import i18n
    from jobfollow.ui.qt_translations import switch_language

    window = open_window(qtbot, profile, events)
    switch_language("de_DE")
    assert window.docks.panes["calendar"].dock.windowTitle() == i18n._("Calendar and agenda") != "Calendar and agenda"
    assert window.pane_actions["letters"].text() == i18n._("&Letters")


def test_a_tabbed_pane_has_no_title_bar_over_its_tab_and_gets_it_back_alone(qtbot, profile, events):
    window = open_window(qtbot, profile, events)
    calendar, letters = (window.docks.panes[key].dock for key in ("calendar", "letters"))

    def space_above(dock) -> int:  # what the title bar takes above the pane
        return dock.widget().mapTo(dock, QPoint(0, 0)).y()

    run_queued_reactions()
    assert space_above(calendar) <= 2  # tabbed (the first run's layout): the tab names the pane
    # ... and is its handle: a tab dragged out of the group floats its pane (Qt does that only with this option)
    assert window.dockOptions() & QMainWindow.DockOption.GroupedDragging
    letters.setFloating(True)
    run_queued_reactions()
    assert space_above(calendar) > 10  # alone on the right: a bar to drag it by, float and close it
    assert letters.titleBarWidget() is None  # floating: its own bar
    letters.setFloating(False)  # back into the tab group it came from
    run_queued_reactions()
    assert window.tabifiedDockWidgets(calendar) == [letters] and space_above(calendar) <= 2
    window.pane_actions["letters"].setChecked(False)  # its tab closed: the calendar is alone again
    run_queued_reactions()
    assert space_above(calendar) > 10
