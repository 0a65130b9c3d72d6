"""Reminders that reach the user on every desktop.

Three ways, the first that exists wins:

* the desktop's own notifications (freedesktop ``org.freedesktop.Notifications`` on the session bus: GNOME,
  KDE, dunst, mako...), whether or not there is a tray. PySide6 cannot marshal the ``uint32`` that ``Notify``
  takes (every Python int leaves as a 16- or 32-bit signed value), so the call goes through ``gdbus call``, which
  reads the types from the service's introspection; finding the service and hearing the click
  (``ActionInvoked``) use QtDBus;
* the tray icon's native messages (Windows and macOS notification centres, or a Linux tray without a service);
* a banner across the top of the window, when neither exists.

A click opens what the reminder was about: one follow-up is shown in the agenda with its letter ready, several
open the agenda.
"""

from __future__ import annotations

import re
import shutil
import sys

from PySide6.QtCore import SLOT, QObject, QProcess, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QToolBar, QWidget

from jobfollow.i18n import _

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
EXPIRE_MS = 15_000
_REPLY_ID = re.compile(r"(\d+)")


class DesktopNotifications(QObject):
    """freedesktop notifications on one bus (the session bus, or a private one in the tests)."""

    #: the id of a notification of ours that the user clicked
    clicked = Signal(int)
    #: a notification was shown with this id
    shown = Signal(int)

    def __init__(self, bus: QDBusConnection, address: str | None = None, gdbus: str | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.bus, self.address = bus, address
        self.gdbus = gdbus or shutil.which("gdbus") or ""
        self.ours: set[int] = set()
        self._processes: list[QProcess] = []
        self.listening = bus.connect(SERVICE, PATH, SERVICE, "ActionInvoked", self,
                                     SLOT("on_action(QDBusMessage)"))

    @staticmethod
    def service_running(bus: QDBusConnection) -> bool:
        if not bus.isConnected():
            return False
        reply = bus.interface().isServiceRegistered(SERVICE)
        return bool(reply.isValid() and reply.value())

    def usable(self) -> bool:
        return bool(self.gdbus) and self.service_running(self.bus)

    def show(self, title: str, body: str, action_label: str) -> None:
        """Ask the service to show a notification with a default action (a click on its body)."""
        bus_option = ["--address", self.address] if self.address else ["--session"]
        process = QProcess(self)
        process.setProgram(self.gdbus)
        process.setArguments(["call", *bus_option, "--dest", SERVICE, "--object-path", PATH,
                              "--method", f"{SERVICE}.Notify", "jobfollow", "0", "jobfollow", title, body,
                              f"['default', {_gvariant_text(action_label)}]", "{}", str(EXPIRE_MS)])
        process.finished.connect(lambda *_args, p=process: self._finished(p))
        self._processes.append(process)
        process.start()

    def _finished(self, process: QProcess) -> None:
        self._processes.remove(process)
        match = _REPLY_ID.search(bytes(process.readAllStandardOutput().data()).decode(errors="replace"))
        if process.exitCode() == 0 and match:
            notification_id = int(match.group(1))
            self.ours.add(notification_id)
            self.shown.emit(notification_id)
        process.deleteLater()

    @Slot(QDBusMessage)
    def on_action(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if len(arguments) >= 2 and arguments[0] in self.ours:
            self.ours.discard(arguments[0])
            self.clicked.emit(int(arguments[0]))


def _gvariant_text(text: str) -> str:
    """A GVariant string literal: gdbus parses its arguments in that syntax."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class ReminderBanner(QToolBar):
    """The reminder as a strip across the top of the window, for desktops with neither tray nor service."""

    open_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(_("Open"))
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(_("Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.addWidget(body)
        self.hide()

    def show_reminder(self, title: str, body: str) -> None:
        first_line = body.splitlines()[0].removeprefix("• ") if body else ""
        self.label.setText(f"{title} — {first_line}" if first_line else title)
        self.setAccessibleName(title)
        self.show()

    def _open(self) -> None:
        self.hide()
        self.open_clicked.emit()


class Notifier(QObject):
    """Shows reminders the best way this desktop allows, and reports which one the user clicked."""

    #: the follow-ups (AgendaItem) of the reminder the user clicked
    activated = Signal(list)
    #: (title, body) of every reminder shown, whichever way
    notified = Signal(str, str)

    def __init__(self, desktop: DesktopNotifications | None, tray_icon: QSystemTrayIcon | None,
                 banner: ReminderBanner | None, parent: QObject | None = None):
        super().__init__(parent)
        self.desktop, self.tray_icon, self.banner = desktop, tray_icon, banner
        self._by_id: dict[int, list] = {}
        self._waiting: list = []  # items of the notification whose id is still to come
        self.last_items: list = []  # what the tray message or the banner is about
        if desktop is not None:
            desktop.shown.connect(self._shown)
            desktop.clicked.connect(lambda notification_id: self.activated.emit(self._by_id.pop(notification_id,
                                                                                                 [])))
        if tray_icon is not None:
            tray_icon.messageClicked.connect(self._tray_clicked)
        if banner is not None:
            banner.open_clicked.connect(lambda: self.activated.emit(list(self.last_items)))

    def way(self) -> str:
        """"desktop", "tray", "banner" or "none": how the next reminder will be shown."""
        if self.desktop is not None and self.desktop.usable():
            return "desktop"
        if self.tray_icon is not None and self.tray_icon.isVisible() and QSystemTrayIcon.supportsMessages():
            return "tray"
        return "banner" if self.banner is not None else "none"

    def notify(self, title: str, body: str, items: list) -> str:
        way = self.way()
        if way == "desktop":
            self._waiting.append(list(items))
            self.desktop.show(title, body, _("Open"))
        elif way == "tray":
            self.last_items = list(items)
            self.tray_icon.showMessage(title, body, self.tray_icon.icon(), EXPIRE_MS)
        elif way == "banner":
            self.last_items = list(items)
            self.banner.show_reminder(title, body)
        self.notified.emit(title, body)
        return way

    def _shown(self, notification_id: int) -> None:
        if self._waiting:
            self._by_id[notification_id] = self._waiting.pop(0)

    def _tray_clicked(self) -> None:
        items, self.last_items = self.last_items, []
        self.activated.emit(items)


def session_notifications(parent: QObject | None = None) -> DesktopNotifications | None:
    """The desktop's notification service where one can exist (Linux and the BSDs); None elsewhere."""
    if sys.platform in ("win32", "darwin"):
        return None
    bus = QDBusConnection.sessionBus()
    return DesktopNotifications(bus, parent=parent) if bus.isConnected() else None
