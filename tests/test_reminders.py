"""What a reminder says and when: one names its follow-up, several make a digest, and what falls due at night
waits for one morning digest."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from jobfollow.ui.notifications import Notifier, ReminderBanner
from tests.test_notifications import item


def test_what_falls_due_at_night_comes_as_one_morning_digest(qtbot, profile, events):
    from jobfollow.ui.reminders import Reminders, ms_until_morning

    now = {"at": dt.datetime(2026, 5, 5, 0, 0, 30)}  # just after midnight: the new day's follow-ups fall due

    class Controller(QObject):
        fell_due = Signal(list)

        def __init__(self):
            super().__init__()
            self.events = events
            self.clock = lambda: now["at"]

    controller = Controller()
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    notifier = Notifier(None, None, banner)
    window = type("W", (), {"raise_to_front": lambda self: None})()
    reminders = Reminders(controller, window, notifier)
    shown = []
    notifier.notified.connect(lambda title, body: shown.append(title))
    assert reminders.announce([item(1)]) == "held"
    assert reminders.announce([item(2), item(3)]) == "held"
    assert shown == [] and reminders.morning.isActive()
    assert ms_until_morning(now["at"]) == (8 * 3600 - 30) * 1000
    now["at"] = dt.datetime(2026, 5, 5, 8, 0)
    reminders.morning.timeout.emit()
    assert shown == ["3 follow-ups are due"]  # one digest, not three pop-ups at midnight
    assert reminders.announce([item(4)]) == "banner"  # in the day, at once
