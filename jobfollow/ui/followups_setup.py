"""The one-line hooks that wire follow-ups into the window and the program.

``MainWindow.__init__`` calls :func:`install_followups`; ``app.run_gui`` calls :func:`install_reminders`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from jobfollow.ui.followup_controller import FollowUpController

STARTUP_DELAY_MS = 150  # after the first paint of the window


def install_followups(window, *, deferred: bool = False) -> FollowUpController:
    """Create the controller, feed the calendar pane, and refresh every card's follow-ups.

    ``deferred`` (the program's own start) runs the first refresh just after the window has painted:
    the board already shows the follow-ups stored last time, so nobody waits for the rules to see it."""
    controller = FollowUpController(window.events, parent=window)
    window.followups = controller
    window.calendar_pane.set_controller(controller, getattr(window, "undo_stack", None))
    if deferred:
        QTimer.singleShot(STARTUP_DELAY_MS, controller.start)
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
