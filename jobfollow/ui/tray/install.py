"""The tray feature in the window: the icon and close-to-tray where the desktop has a tray and the user wants
it, and the reminders (desktop notifications, else the tray's messages, else a banner across the window).

``MainWindow.install_tray(app)`` calls :func:`install_tray` once the program's own window exists (tests build
windows without it: no tray, no notification service, no banner).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QToolBar

from jobfollow.core import settings_registry as keys
from jobfollow.store.settings import read
from jobfollow.ui.feature_context import FeatureContext
from jobfollow.ui.tray.icon import CloseToTray, ReminderTray, TrayWindow
from jobfollow.ui.tray.notifications import Notifier, ReminderBanner, session_notifications
from jobfollow.ui.tray.reminders import Reminders


class TrayHost(TrayWindow, Protocol):
    """The window the tray belongs to: it can take the banner and watch the window's close."""

    def addToolBar(self, area: Qt.ToolBarArea, toolbar: QToolBar) -> None: ...  # noqa: N802 - Qt's name
    def installEventFilter(self, watched) -> None: ...  # noqa: N802


@dataclass(frozen=True)
class TrayFeature:
    """What the window keeps of the tray feature."""

    #: the tray icon, or None where the desktop has no tray or the user switched it off
    icon: ReminderTray | None
    #: hides the window instead of closing it while the icon is there
    close_to_tray: CloseToTray | None
    reminders: Reminders


def install_tray(context: FeatureContext, window: TrayHost, app: QApplication) -> TrayFeature:
    followups = context.services.followups
    icon = close_to_tray = None
    if QSystemTrayIcon.isSystemTrayAvailable() and read(keys.TRAY_ENABLED):
        icon = ReminderTray(followups, window, context.parent)
        icon.show()
        app.setQuitOnLastWindowClosed(False)
        close_to_tray = CloseToTray(window, app, icon)
        window.installEventFilter(close_to_tray)
    else:
        app.setQuitOnLastWindowClosed(True)  # nothing would be left to bring the window back
    banner = ReminderBanner(context.parent)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    banner.hide()
    # the session bus is looked at when the first reminder is due: QtDBus stays out of the start
    notifier = Notifier(lambda: session_notifications(context.parent), icon.icon if icon is not None else None, banner,
                        context.parent)
    return TrayFeature(icon, close_to_tray, Reminders(followups, window, notifier, context.parent))
