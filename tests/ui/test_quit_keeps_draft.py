"""Quitting (File > Quit or the tray's Quit) never loses a letter draft that could not be saved."""

from __future__ import annotations

from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.tray import icon as tray_module
from jobfollow.ui.tray.icon import CloseToTray, ReminderTray
from tests.conftest import run_queued_reactions


class StubApp:
    def __init__(self):
        self.quitted = False

    def quit(self):
        self.quitted = True


def _window_in_tray(request, qtbot, profile, events, monkeypatch, saves: list[bool]):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.show()
    request.addfinalizer(window.followups.stop)  # no reminder tick into a later test's profile
    monkeypatch.setattr(window.letter_pane, "save_now", lambda always_report=False: saves.pop(0))
    tray = ReminderTray(window.followups, window, window)
    app = StubApp()
    window.installEventFilter(CloseToTray(window, app, tray))  # the window is its parent: kept alive
    monkeypatch.setattr(tray_module, "QApplication", type("Stub", (), {"instance": staticmethod(lambda: app)}))
    return window, tray, app


def test_tray_quit_does_not_quit_while_the_draft_cannot_be_saved(request, qtbot, profile, events, monkeypatch):
    window, tray, app = _window_in_tray(request, qtbot, profile, events, monkeypatch, saves=[False, False])
    raised = []
    monkeypatch.setattr(window, "raise_to_front", lambda: raised.append(True))  # offscreen cannot raise
    tray.quit()
    run_queued_reactions()
    assert not app.quitted and window.isVisible() and raised  # told once; the draft is there to copy
    tray.quit()  # asked again: the user has seen the message, so this quits
    qtbot.waitUntil(lambda: app.quitted)


def test_tray_quit_quits_when_the_draft_is_saved(request, qtbot, profile, events, monkeypatch):
    _window, tray, app = _window_in_tray(request, qtbot, profile, events, monkeypatch, saves=[True])
    tray.quit()
    qtbot.waitUntil(lambda: app.quitted)


def test_file_quit_reports_whether_the_window_closed(request, qtbot, profile, events, monkeypatch):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.show()
    request.addfinalizer(window.followups.stop)
    saves = [False]
    monkeypatch.setattr(window.letter_pane, "save_now", lambda always_report=False: saves.pop(0) if saves else True)
    assert window.quit_requested() is False and window.isVisible()
    assert window.quit_requested() is True and not window.isVisible()
