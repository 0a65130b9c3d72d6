"""The one-line hooks that wire follow-ups into the window and the program.

``MainWindow.__init__`` calls :func:`install_followups`; ``app.run_gui`` calls :func:`install_reminders`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from jobfollow.services.followups import FollowUpService

STARTUP_DELAY_MS = 150  # after the first paint of the window
UNPAINTED_START_MS = 2000  # a window started hidden (in the tray) never paints: start anyway


class _AfterFirstPaint(QObject):
    """Calls ``callback`` once, ``delay_ms`` after ``widget`` first paints (or after ``fallback_ms`` unpainted).

    Counting from the paint, not from construction: on a slow machine the window may take longer than
    the delay to appear, and the refresh must not run before the user sees the board."""

    def __init__(self, widget, callback, delay_ms: int, fallback_ms: int):
        super().__init__(widget)
        self._widget, self._callback, self._delay_ms = widget, callback, delay_ms
        self._done = False
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms, timeout=self._fire)
        self._fallback.start()
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._fallback.stop()
            QTimer.singleShot(self._delay_ms, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._widget.removeEventFilter(self)
            self._callback()


def install_followups(window, *, deferred: bool = False) -> FollowUpService:
    """Feed the calendar pane from the window's follow-up service, and refresh every card's follow-ups.

    ``deferred`` (the program's own start) runs the first refresh just after the window has painted:
    the board already shows the follow-ups stored last time, so nobody waits for the rules to see it."""
    controller = window.followups
    window.calendar_pane.set_controller(controller)
    if deferred:
        _AfterFirstPaint(window.board, controller.start, STARTUP_DELAY_MS, UNPAINTED_START_MS)
    else:
        controller.start()
    return controller


def install_reminders(window, app):
    """The tray icon and close-to-tray, where the desktop has a tray; returns the tray or None."""
    from jobfollow.ui.tray import install_tray

    window.tray = install_tray(window, app, window.followups)
    return window.tray


def followup_settings_pages() -> list:
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage

    return [FollowUpSettingsPage()]


def _register_self_check() -> None:
    from jobfollow.selfcheck import check

    @check("follow-ups: rules ran and the agenda shows them")
    def _followups(window) -> None:
        controller = getattr(window, "followups", None)
        if controller is None:
            raise RuntimeError("the follow-up controller is not installed")
        if controller.items and window.calendar_pane.model.item_count() == 0:
            raise RuntimeError("follow-ups are open but the agenda is empty")


_register_self_check()
