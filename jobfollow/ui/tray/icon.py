"""The system-tray icon: how many follow-ups are due and a short menu (reminders themselves: reminders.py),
and close-to-tray while the icon is there. ``install.py`` puts them in only where the desktop has a tray."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from jobfollow import paths
from jobfollow.i18n import _, format_number, ngettext
from jobfollow.services.followups import FollowUpService
from jobfollow.ui.tray.reminders import open_followups

MENU_ITEMS = 10  # today's items listed in the menu; the rest are one click away in the window
TITLE_CHARS, COMPANY_CHARS = 56, 28  # about how much of each a menu entry shows
BADGE_SIZE = 64


def badge_icon(base: QIcon, count: int) -> QIcon:
    """The program icon with the number of due follow-ups in a red disc (no disc at zero)."""
    pixmap = base.pixmap(BADGE_SIZE, BADGE_SIZE)
    if pixmap.isNull():
        pixmap = QPixmap(BADGE_SIZE, BADGE_SIZE)
        pixmap.fill(QColor("#37474f"))
    if count <= 0:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = str(count) if count < 100 else "99+"
    disc = QRect(BADGE_SIZE // 3, 0, BADGE_SIZE * 2 // 3, BADGE_SIZE * 2 // 3) if len(text) < 3 else QRect(
        0, 0, BADGE_SIZE, BADGE_SIZE * 2 // 3)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    if len(text) < 3:
        painter.drawEllipse(disc)
    else:
        painter.drawRoundedRect(disc, 20, 20)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(disc.height() * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class TrayWindow(Protocol):
    """What the tray asks of the main window (MainWindow has all of it)."""

    really_quit: bool

    def raise_to_front(self) -> None: ...
    def quit_requested(self) -> bool: ...
    def save_state(self) -> None: ...
    def isVisible(self) -> bool: ...  # noqa: N802 - Qt's names
    def isMinimized(self) -> bool: ...  # noqa: N802
    def hide(self) -> None: ...


class ReminderTray(QObject):
    """Shows the controller's state in the tray; works (without showing) where no tray exists."""

    def __init__(self, controller: FollowUpService, window: TrayWindow, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.window = window
        self.base_icon = QIcon(str(paths.resource_path("icons", "jobfollow.svg")))
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.menu.setToolTipsVisible(True)  # an entry cut short is whole in its tooltip
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.count = -1
        controller.events.followups_changed.connect(self.update)
        controller.events.tick.connect(self._on_tick)
        controller.events.language_changed.connect(self.update)  # the menu is no widget of a window
        self._day = controller.today
        self.update()

    def show(self) -> None:
        self.icon.show()

    def _on_tick(self) -> None:
        if self._day != self.controller.today:  # most ticks change nothing the tray shows
            self.update()

    def update(self) -> None:
        self._day = self.controller.today
        due = self.controller.due_today_or_earlier()
        if len(due) != self.count:
            self.count = len(due)
            self.icon.setIcon(badge_icon(self.base_icon, self.count))
        tip = ngettext("jobfollow: {count} follow-up due", "jobfollow: {count} follow-ups due", self.count).format(
            count=self.count) if self.count else _("jobfollow: nothing due today")
        self.icon.setToolTip(tip)
        self._build_menu(due)

    def _build_menu(self, due) -> None:
        self.menu.clear()
        if due:
            header = self.menu.addAction(ngettext("{count} due now", "{count} due now", len(due)).format(
                count=len(due)))
            header.setEnabled(False)
            for item in due[:MENU_ITEMS]:
                action = self.menu.addAction(self.menu_label(item))
                action.setToolTip(item.title if item.company in item.title else _("{title} ({company})").format(
                    title=item.title, company=item.company))
                action.triggered.connect(lambda _c=False, item=item: self.open_followup(item))
            if len(due) > MENU_ITEMS:
                more = self.menu.addAction(_("…and {count} more in the window").format(
                    count=format_number(len(due) - MENU_ITEMS)))
                more.triggered.connect(self.show_window)
            self.menu.addSeparator()
        self.show_action = QAction(_("Show window"), self.menu)
        self.show_action.triggered.connect(self.show_window)
        self.quit_action = QAction(_("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quit)
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.quit_action)

    def menu_label(self, item) -> str:
        """The follow-up and its company, each cut to a reading width (a company of 80 characters would stretch
        the menu across the screen); an "&" stays an "&", not a keyboard mnemonic."""
        metrics = QFontMetrics(self.menu.font())
        title = metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, metrics.averageCharWidth() * TITLE_CHARS)
        if item.company not in item.title:
            company = metrics.elidedText(item.company, Qt.TextElideMode.ElideRight,
                                         metrics.averageCharWidth() * COMPANY_CHARS)
            title = _("{title} ({company})").format(title=title, company=company)
        return title.replace("&", "&&")

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            if self.window.isVisible() and not self.window.isMinimized():
                self.window.hide()
            else:
                self.show_window()

    def show_window(self) -> None:
        self.window.raise_to_front()

    def open_followup(self, item) -> None:
        """As a click on its reminder: the follow-up in the agenda with its letter ready (or its card)."""
        open_followups(self.window, self.controller.events, [item])

    def quit(self) -> None:
        if not self.window.quit_requested():  # a letter draft could not be saved: the window stays, and so do we
            self.show_window()
            return
        app = QApplication.instance()
        if app is not None:  # a hidden window may get no close event; quit all the same
            QTimer.singleShot(0, app.quit)


class CloseToTray(QObject):
    """Closing the window hides it while a tray icon is in use; Quit (File menu or tray) really quits."""

    def __init__(self, window: TrayWindow, app: QApplication, tray: ReminderTray):
        super().__init__(window)
        self.window, self.app, self.tray = window, app, tray
        self._told = False

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self.window.really_quit:
                QTimer.singleShot(0, self.app.quit)  # the app no longer quits on its last window
                return False
            self.window.save_state()
            event.ignore()
            self.window.hide()
            if not self._told:
                self._told = True
                self.tray.icon.showMessage(_("jobfollow keeps running"),
                                           _("Reminders keep coming. Quit from the tray icon's menu."),
                                           self.tray.icon.icon(), 5_000)
            return True
        return False

