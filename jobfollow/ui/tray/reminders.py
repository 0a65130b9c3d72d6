"""What a reminder says and what a click on it opens; the Notifier decides how it reaches the user.

One follow-up falling due is one reminder naming it; several at once (a start after a weekend, or the morning
digest that ``core.followup_notify`` plans when the user asked for quiet hours) make one digest. A click opens
the follow-up in the agenda with its letter ready (or the card, for a follow-up that has no letter); a digest
opens the agenda.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from jobfollow.core import settings_registry as keys
from jobfollow.core.letters.template_files import FOLLOWUP_TEMPLATES
from jobfollow.i18n import _, format_number, ngettext
from jobfollow.services.events import AppEvents
from jobfollow.services.followups import FollowUpService
from jobfollow.store.settings import read
from jobfollow.ui.tray.notifications import Notifier

DIGEST_LINES = 5


def reminder_text(items: list) -> tuple[str, str]:
    """(title, body) of the reminder for these follow-ups: one names it, several make a digest."""
    if len(items) == 1:
        item = items[0]
        return (_("Follow-up due: {title}").format(title=item.title),
                _("{company}, {position}").format(company=item.company, position=item.position))
    title = ngettext("{count} follow-up is due", "{count} follow-ups are due", len(items)).format(
        count=format_number(len(items)))
    lines = [f"• {item.title}" for item in items[:DIGEST_LINES]]
    if len(items) > DIGEST_LINES:
        lines.append(_("…and {count} more in the window").format(count=format_number(len(items) - DIGEST_LINES)))
    return title, "\n".join(lines)


class Raisable(Protocol):
    def raise_to_front(self) -> None: ...


def open_followups(window: Raisable, events: AppEvents, items: list) -> None:
    """What a click on a reminder (or on a follow-up in the tray's menu) opens: one follow-up selected in the
    agenda with its letter ready, or its card when it has no letter; several, the agenda."""
    if not items:
        return
    window.raise_to_front()
    if len(items) > 1:
        events.show_followup_requested.emit(0)
        return
    item = items[0]
    events.show_followup_requested.emit(item.id)
    if item.kind in FOLLOWUP_TEMPLATES:  # a kind with a letter
        events.write_letter_requested.emit(item.id)
    else:
        events.open_application_requested.emit(item.application_id)


class Reminders(QObject):
    def __init__(self, controller: FollowUpService, window: Raisable, notifier: Notifier,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.controller, self.window, self.notifier = controller, window, notifier
        self.events = controller.events
        controller.fell_due.connect(self.announce)
        notifier.activated.connect(self.open)

    def announce(self, items: list) -> str:
        """Show the reminder; returns how it was shown ("desktop", "tray", "banner"), or "" when not."""
        if not items or not read(keys.TRAY_NOTIFY):
            return ""
        title, body = reminder_text(items)
        return self.notifier.notify(title, body, items)

    def open(self, items: list) -> None:
        open_followups(self.window, self.events, items)

