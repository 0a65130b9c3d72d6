"""What a reminder says and what a click on it opens; the Notifier decides how it reaches the user.

One follow-up falling due is one reminder naming it; several at once (a start after a weekend) make one digest.
Nothing pops up at night: what falls due between 21:00 and 08:00 (at midnight, mostly) waits and comes as one
morning digest at 08:00. A click opens the follow-up in the agenda with its letter ready (or the
card, for a follow-up that has no letter); a digest opens the agenda.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, QTimer

from jobfollow.core import settings_registry as keys
from jobfollow.i18n import _, ngettext
from jobfollow.services.followups import FollowUpService
from jobfollow.store.settings import read
from jobfollow.ui.calendar.calendar_pane import LETTER_KINDS
from jobfollow.ui.notifications import Notifier, ReminderBanner, session_notifications

DIGEST_LINES = 5
MORNING_HOUR = 8
EVENING_HOUR = 21


def ms_until_morning(now: dt.datetime) -> int:
    morning = now.replace(hour=MORNING_HOUR, minute=0, second=0, microsecond=0)
    if now >= morning:
        morning += dt.timedelta(days=1)
    return max(0, int((morning - now).total_seconds() * 1000))


def reminder_text(items: list) -> tuple[str, str]:
    """(title, body) of the reminder for these follow-ups: one names it, several make a digest."""
    if len(items) == 1:
        item = items[0]
        return (_("Follow-up due: {title}").format(title=item.title),
                _("{company}, {position}").format(company=item.company, position=item.position))
    title = ngettext("{count} follow-up is due", "{count} follow-ups are due", len(items)).format(count=len(items))
    lines = [f"• {item.title}" for item in items[:DIGEST_LINES]]
    if len(items) > DIGEST_LINES:
        lines.append(_("…and {count} more in the window").format(count=len(items) - DIGEST_LINES))
    return title, "\n".join(lines)


class Reminders(QObject):
    def __init__(self, controller: FollowUpService, window, notifier: Notifier, parent: QObject | None = None):
        super().__init__(parent)
        self.controller, self.window, self.notifier = controller, window, notifier
        self.events = controller.events
        self.held: list = []  # what fell due at night, for the morning digest
        self.morning = QTimer(self, singleShot=True)
        self.morning.timeout.connect(self.release_held)
        controller.fell_due.connect(self.announce)
        notifier.activated.connect(self.open)

    def announce(self, items: list) -> str:
        """Show the reminder; returns how it was shown ("desktop", "tray", "banner"), "held" at night, or ""."""
        if not items or not read(keys.TRAY_NOTIFY):
            return ""
        now = self.controller.clock()
        if now.hour < MORNING_HOUR or now.hour >= EVENING_HOUR:
            self.held.extend(items)
            self.morning.start(ms_until_morning(now))
            return "held"
        title, body = reminder_text(items)
        return self.notifier.notify(title, body, items)

    def release_held(self) -> str:
        """The morning digest: everything that fell due during the night, in one reminder."""
        items, self.held = self.held, []
        if not items:
            return ""
        title, body = reminder_text(items)
        return self.notifier.notify(title, body, items)

    def open(self, items: list) -> None:
        if not items:
            return
        self.window.raise_to_front()
        if len(items) > 1:
            self.events.show_followup_requested.emit(0)
            return
        item = items[0]
        self.events.show_followup_requested.emit(item.id)
        if item.kind in LETTER_KINDS:
            self.events.write_letter_requested.emit(item.id)
        else:
            self.events.open_application_requested.emit(item.application_id)


def install_notifications(window, controller: FollowUpService, tray) -> Reminders:
    """Reminders through the desktop's notifications, else the tray's messages, else a banner in the window."""
    banner = ReminderBanner(window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    banner.hide()
    notifier = Notifier(session_notifications(window), tray.icon if tray is not None else None, banner, window)
    return Reminders(controller, window, notifier, window)
