"""Reminders without a tray: the desktop's notification service (a fake one on a private session bus that the
test starts), and the in-window banner when there is no service either."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import subprocess
import sys

import pytest
from PySide6.QtDBus import QDBusConnection

from jobfollow.store.followups import AgendaItem
from jobfollow.ui.tray.notifications import DesktopNotifications, Notifier, ReminderBanner

pytestmark = pytest.mark.skipif(not (shutil.which("dbus-daemon") and shutil.which("notify-send")),
                                reason="needs dbus-daemon and notify-send (the dbus-daemon and libnotify-bin packages)")
_names = itertools.count()


def item(followup_id=5, kind="thank_you") -> AgendaItem:
    return AgendaItem(followup_id, 3, "Contoso", "Analyst", kind, "Thank Marco for the interview", "", "email", None,
                      "Marco", dt.date(2026, 5, 4), "open", False, None)


@pytest.fixture
def private_bus():
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    name = f"test-bus-{next(_names)}"
    bus = QDBusConnection.connectToBus(address, name)
    yield address, bus
    QDBusConnection.disconnectFromBus(name)
    daemon.terminate()
    daemon.wait(5)
    daemon.stdout.close()


@pytest.fixture
def fake_service(private_bus):
    address, _bus = private_bus
    service = subprocess.Popen([sys.executable, "-m", "tests.fakes.notification_service", address],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert service.stdout.readline().strip() == "READY"
    yield service
    service.terminate()
    service.wait(5)
    service.stdout.close()


def test_reminder_goes_to_the_desktop_service_and_its_click_opens_the_follow_up(qtbot, private_bus, fake_service):
    address, bus = private_bus
    desktop = DesktopNotifications(bus, address)
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    notifier = Notifier(desktop, None, banner)
    assert notifier.way() == "desktop"
    due = item()
    with qtbot.waitSignal(notifier.activated, timeout=10_000) as clicked:
        assert notifier.notify("Follow-up due [click]", "Contoso, Analyst", [due]) == "desktop"
    assert clicked.args == [[due]]
    sent = json.loads(fake_service.stdout.readline().split(" ", 1)[1])
    assert sent["signature"] == "susssasa{sv}i"  # replaces_id really is a uint32
    assert sent["summary"] == "Follow-up due [click]" and sent["body"] == "Contoso, Analyst"
    assert sent["actions"][0] == "default"
    assert banner.isHidden()


def test_a_notification_nobody_clicks_opens_nothing(qtbot, private_bus, fake_service):
    address, bus = private_bus
    desktop = DesktopNotifications(bus, address)
    notifier = Notifier(desktop, None, None)
    with qtbot.assertNotEmitted(notifier.activated, wait=0):
        notifier.notify("Quiet one", "no click", [item()])
        qtbot.waitUntil(lambda: not desktop._processes, timeout=10_000)  # notify-send saw it closed
    assert json.loads(fake_service.stdout.readline().split(" ", 1)[1])["summary"] == "Quiet one"


def test_without_tray_or_service_the_reminder_is_a_banner_in_the_window(qtbot, private_bus):
    address, bus = private_bus  # a session bus where no notification service runs
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.hide()
    notifier = Notifier(DesktopNotifications(bus, address), None, banner)
    assert notifier.way() == "banner"
    due = item()
    notifier.notify("Follow-up due: Thank Marco", "Contoso, Analyst", [due])
    assert banner.isVisible()
    assert "Thank Marco" in banner.label.text()
    with qtbot.waitSignal(notifier.activated) as clicked:
        banner.open_button.click()
    assert clicked.args == [[due]]
    assert banner.isHidden()

