"""What a reminder says: one names its follow-up and card, several make one digest (never a pop-up each)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal

from jobfollow.ui.tray.notifications import Notifier, ReminderBanner
from jobfollow.ui.tray.reminders import Reminders, reminder_text
from tests.ui.tray.test_notifications import item


def test_one_reminder_names_the_follow_up_and_several_make_one_digest(qtbot, profile, events):
    class Controller(QObject):
        fell_due = Signal(list)

        def __init__(self):
            super().__init__()
            self.events = events

    controller = Controller()
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    notifier = Notifier(None, None, banner)
    window = type("W", (), {"raise_to_front": lambda self: None})()
    reminders = Reminders(controller, window, notifier)  # noqa: F841 - kept alive for its connections
    shown = []
    notifier.notified.connect(lambda title, body: shown.append((title, body)))
    controller.fell_due.emit([item(1)])
    controller.fell_due.emit([item(n) for n in range(2, 9)])
    assert shown[0][0] == "Follow-up due: Thank Marco for the interview" and "Contoso" in shown[0][1]
    assert shown[1][0] == "7 follow-ups are due" and len(shown) == 2
    assert "2 more" in shown[1][1]  # five named, the rest counted


def test_digest_text_counts_what_it_does_not_list():
    title, body = reminder_text([item(n) for n in range(6)])
    assert title == "6 follow-ups are due" and body.count("•") == 5 and "1 more" in body


@pytest.mark.parametrize("language", ["en", "de"])
def test_large_counts_are_grouped_as_the_language_writes_them(language):
    # "29491 follow-ups are due" was hard to read at a glance; the locale's own grouping (29,491 / 29.491)
    from babel.numbers import get_group_symbol

    from jobfollow import i18n

    i18n.set_language(language)
    title, body = reminder_text([item(n) for n in range(2500)])
    group = get_group_symbol(i18n.current_locale())
    assert f"2{group}500" in title and f"2{group}495" in body
