"""Reminders that reach the user on every desktop.

Three ways, the first that exists wins:

* the desktop's own notifications (freedesktop ``org.freedesktop.Notifications`` on the session bus: GNOME,
  KDE, dunst, mako...), whether or not there is a tray. QtDBus finds the service; ``notify-send`` sends the
  notification and hears its click (see :class:`DesktopNotifications` for why);
* the tray icon's native messages (Windows and macOS notification centres, or a Linux tray without a service);
* a banner across the top of the window, when neither exists.

A click opens what the reminder was about: one follow-up is shown in the agenda with its letter ready, several
open the agenda.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QToolBar, QWidget

from jobfollow.i18n import _
from jobfollow.ui.retranslation import Retranslating

if TYPE_CHECKING:  # QtDBus loads when the first reminder is shown, not at start
    from PySide6.QtDBus import QDBusConnection

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
EXPIRE_MS = 15_000


class DesktopNotifications(QObject):
    """freedesktop notifications on one bus (the session bus, or a private one in the tests).

    The notification is sent by ``notify-send --action`` (libnotify), which waits on its own bus connection for
    the click and prints the action: servers such as dunst and GNOME Shell send ``ActionInvoked`` only to the
    connection that asked, and PySide6 cannot send the ``uint32`` that ``Notify`` takes from ours. Without
    notify-send, ``gdbus call`` shows it (no click then)."""

    #: the token of a notification of ours that the user clicked
    clicked = Signal(int)
    #: a notification was handed to the service, with this token
    shown = Signal(int)

    def __init__(self, bus: QDBusConnection, address: str | None = None, notify_send: str | None = None,
                 gdbus: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.bus, self.address = bus, address
        self.notify_send = shutil.which("notify-send") if notify_send is None else notify_send
        self.gdbus = shutil.which("gdbus") if gdbus is None else gdbus
        self._tokens = itertools.count(1)
        self._processes: dict[int, QProcess] = {}

    @staticmethod
    def service_running(bus: QDBusConnection) -> bool:
        if not bus.isConnected():
            return False
        reply = bus.interface().isServiceRegistered(SERVICE)
        return bool(reply.isValid() and reply.value())

    def usable(self) -> bool:
        return bool(self.notify_send or self.gdbus) and self.service_running(self.bus)

    def show(self, title: str, body: str, action_label: str) -> int:
        """Hand a notification to the service, clickable (its default action); returns its token."""
        token = next(self._tokens)
        process = QProcess(self)
        if self.address:
            environment = QProcessEnvironment.systemEnvironment()
            environment.insert("DBUS_SESSION_BUS_ADDRESS", self.address)
            process.setProcessEnvironment(environment)
        if self.notify_send:
            process.setProgram(self.notify_send)
            process.setArguments(["--app-name=jobfollow", "--icon=jobfollow", f"--expire-time={EXPIRE_MS}",
                                  f"--action=default={action_label}", title, body])
            process.readyReadStandardOutput.connect(lambda t=token, p=process: self._output(t, p))
        else:
            bus_option = ["--address", self.address] if self.address else ["--session"]
            process.setProgram(self.gdbus)
            process.setArguments(["call", *bus_option, "--dest", SERVICE, "--object-path", PATH,
                                  "--method", f"{SERVICE}.Notify", "jobfollow", "0", "jobfollow", title, body,
                                  "[]", "{}", str(EXPIRE_MS)])
        process.finished.connect(lambda *_args, t=token: self._finished(t))
        self._processes[token] = process
        process.start()
        self.shown.emit(token)
        return token

    def _output(self, token: int, process: QProcess) -> None:
        if "default" in bytes(process.readAllStandardOutput().data()).decode(errors="replace").split():
            self.clicked.emit(token)

    def close_all(self) -> None:
        """Stop waiting for clicks (the program quits): the notifications stay on the desktop."""
        for process in list(self._processes.values()):
            process.kill()
            process.waitForFinished(1000)
        self._processes.clear()

    def _finished(self, token: int) -> None:
        process = self._processes.pop(token, None)
        if process is not None:
            process.deleteLater()


class ReminderBanner(Retranslating, QToolBar):
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
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.addWidget(body)
        self.items: list = []  # what the reminder is about: its words are made again after a language switch
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.open_button.setText(_("Open"))
        self.dismiss_button.setText(_("Dismiss"))
        if self.items and not self.isHidden():
            from jobfollow.ui.tray.reminders import reminder_text  # it imports this module

            self.show_reminder(*reminder_text(self.items), self.items)

    def show_reminder(self, title: str, body: str, items: list | None = None) -> None:
        self.items = list(items or [])
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

    def __init__(self, desktop: DesktopNotifications | Callable[[], DesktopNotifications | None] | None,
                 tray_icon: QSystemTrayIcon | None, banner: ReminderBanner | None, parent: QObject | None = None):
        """``desktop`` may be a function that finds the service: it is called when the first reminder is due."""
        super().__init__(parent)
        self.tray_icon, self.banner = tray_icon, banner
        self._desktop, self._find_desktop = (None, desktop) if callable(desktop) else (desktop, None)
        self._by_id: dict[int, list] = {}  # what each desktop notification is about, by its token
        self.last_items: list = []  # what the tray message or the banner is about
        if self._desktop is not None:
            self._listen(self._desktop)
        if tray_icon is not None:
            tray_icon.messageClicked.connect(self._tray_clicked)
        if banner is not None:
            banner.open_clicked.connect(lambda: self.activated.emit(list(self.last_items)))

    @property
    def desktop(self) -> DesktopNotifications | None:
        if self._find_desktop is not None:
            find, self._find_desktop = self._find_desktop, None
            self._desktop = find()
            if self._desktop is not None:
                self._listen(self._desktop)
        return self._desktop

    def _listen(self, desktop: DesktopNotifications) -> None:
        desktop.clicked.connect(lambda token: self.activated.emit(self._by_id.pop(token, [])))

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
            self._by_id[self.desktop.show(title, body, _("Open"))] = list(items)
        elif way == "tray":
            self.last_items = list(items)
            self.tray_icon.showMessage(title, body, self.tray_icon.icon(), EXPIRE_MS)
        elif way == "banner":
            self.last_items = list(items)
            self.banner.show_reminder(title, body, items)
        self.notified.emit(title, body)
        return way

    def _tray_clicked(self) -> None:
        items, self.last_items = self.last_items, []
        self.activated.emit(items)


def session_notifications(parent: QObject | None = None) -> DesktopNotifications | None:
    """The desktop's notification service where one can exist (Linux and the BSDs); None elsewhere."""
    if sys.platform in ("win32", "darwin"):
        return None
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    desktop = DesktopNotifications(bus, parent=parent)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(desktop.close_all)
    return desktop
