"""The follow-ups feature in the window: the agenda fed by the follow-up service, its first refresh after the
first paint, and the Follow-ups page of Preferences (the tray and the reminders: ``ui/tray/install.py``).

``MainWindow.__init__`` calls :func:`install_followups`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from jobfollow.services.followups import FollowUpService
from jobfollow.ui.feature_context import FeatureContext
from jobfollow.ui.first_paint import AfterFirstPaint

if TYPE_CHECKING:  # the pane is built after the window's first paint (MainWindow.ensure_panes)
    from jobfollow.ui.calendar.calendar_pane import CalendarPane

STARTUP_DELAY_MS = 150  # after the first paint of the window


def install_followups(context: FeatureContext, calendar_pane: CalendarPane, first_painted: QWidget, *,
                      deferred: bool = False) -> FollowUpService:
    """Feed the calendar pane from the follow-up service, and refresh every card's follow-ups.

    ``deferred`` (the program's own start) runs the first refresh just after ``first_painted`` (the board) has
    painted: it already shows the follow-ups stored last time, so nobody waits for the rules to see it."""
    service = context.services.followups
    calendar_pane.set_controller(service)
    if deferred:
        AfterFirstPaint(first_painted, service.start, STARTUP_DELAY_MS)
    else:
        service.start()
    return service


def followup_settings_pages() -> list:
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage

    return [FollowUpSettingsPage()]


def check_followups(window) -> None:
    """Self-test: the rules ran and the agenda shows what they made."""
    controller = window.followups
    if controller.items and window.calendar_pane.model.item_count() == 0:
        raise RuntimeError("follow-ups are open but the agenda is empty")
