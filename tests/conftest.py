"""Test harness: offscreen Qt, a temporary profile for every test, and a guard on the real one."""

from __future__ import annotations

import os

# Set before anything imports Qt; subprocesses started by tests inherit these too.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["JOBFOLLOW_FORBID_DEFAULT_PROFILE"] = "1"
os.environ.pop("JOBFOLLOW_HOME", None)
os.environ.pop("JOBFOLLOW_LANGUAGE", None)

import contextlib
import datetime as dt

# -- no network: jobfollow is offline, so any connection beyond this machine fails the test ----------
import ipaddress
import socket
import sys

import pytest

from jobfollow import i18n


class NetworkBlockedError(AssertionError):
    """A test (or the code under test) tried to reach the network."""


def _is_local(address) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX paths (QLocalServer) and abstract sockets
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guard(original, name):
    def guarded(*args, **kwargs):
        target = args[1] if name in ("connect", "connect_ex", "sendto") else args[0]
        if name == "sendto":
            target = args[-1]
        if name == "getaddrinfo":
            target = (target,)  # a host name, not an AF_UNIX path
        if not _is_local(target):
            raise NetworkBlockedError(f"jobfollow must not open network connections ({name} to {target!r})")
        return original(*args, **kwargs)

    return guarded


socket.socket.connect = _guard(socket.socket.connect, "connect")
socket.socket.connect_ex = _guard(socket.socket.connect_ex, "connect_ex")
socket.socket.sendto = _guard(socket.socket.sendto, "sendto")
socket.create_connection = _guard(socket.create_connection, "create_connection")
socket.getaddrinfo = _guard(socket.getaddrinfo, "getaddrinfo")

TODAY = dt.date(2026, 5, 4)  # a Monday: rule scenarios read best from a fixed week


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path, monkeypatch):
    """Every test gets its own JOBFOLLOW_HOME; resolving the platform profile fails loudly."""
    home = tmp_path / "profile"
    monkeypatch.setenv("JOBFOLLOW_HOME", str(home))
    i18n.set_language("en_US")
    yield home
    i18n.set_language("en_US")
    translations = sys.modules.get("jobfollow.ui.qt_translations")
    if translations is not None:  # a test that switched languages leaves Qt's own strings English too
        translations.install_qt_translations()


@pytest.fixture(autouse=True)
def _reminder_clocks_stop_with_the_test(monkeypatch):
    """A follow-up service a test left running keeps ticking into later tests, whose profile is another
    folder: its next tick writes to a database that no longer exists. Stop every clock a test started."""
    from jobfollow.services.followups import FollowUpService

    started = []
    original_init = FollowUpService.__init__

    def tracking_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(FollowUpService, "__init__", tracking_init)
    yield
    for service in started:
        with contextlib.suppress(RuntimeError):  # its C++ side was already deleted with its parent
            service.stop()


@pytest.fixture(autouse=True)
def _no_unanswered_questions(monkeypatch):
    """A question nobody answers would hang a test in its modal loop. Letters leave as before ("send anyway")
    unless a test answers otherwise; the interview-move question fails the test that did not expect it."""
    from PySide6.QtWidgets import QInputDialog

    from jobfollow.ui.letters import send_check

    def unexpected(*_args, **_kwargs):
        raise AssertionError("a question was asked that this test does not answer")

    monkeypatch.setattr(send_check, "ask_send_anyway", lambda *_args: True)
    monkeypatch.setattr(send_check, "offer_to_copy", lambda *_args: False)
    monkeypatch.setattr(QInputDialog, "getItem", unexpected)


@pytest.fixture
def profile_dir(_isolated_profile):
    return _isolated_profile


@pytest.fixture
def profile(profile_dir):
    """An open profile (database migrated, default stages seeded) in a temporary folder."""
    from jobfollow.profile import open_profile_at

    opened = open_profile_at(profile_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_profile(profile):
    """The open profile filled with the 25-card demo data, dated around TODAY."""
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(25, seed=7, today=TODAY)
    return profile


class ModalAnswers:
    """Answers the program's modal questions in a test by patching Qt's ``exec``, ``QMessageBox``, the file
    dialogs and the system's opener of files and links, so the production code keeps no test hooks. ``asked``
    lists what was asked, in order: a menu's object name, a message box's text, a dialog's class name, a file
    dialog's caption."""

    def __init__(self, monkeypatch):
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

        from jobfollow.ui.board import board_prompts

        answers = self

        class AnsweredMenu(QMenu):  # QMenu.exec cannot be patched on the class (PySide binds it per object)
            def exec(self, *args):
                return answers._menu(self, *args)

        self.asked: list[str] = []
        self.boxes: list[QMessageBox] = []  # every message box shown (not the static helpers), in order
        self.menu_choice = None  # the data of the menu entry to pick; None dismisses the menu
        self.button = QMessageBox.StandardButton.Yes  # what every message box answers
        self.on_dialog = lambda dialog: QDialog.DialogCode.Rejected  # runs instead of each QDialog.exec()
        monkeypatch.setattr(board_prompts, "QMenu", AnsweredMenu)
        monkeypatch.setattr(QDialog, "exec", lambda dialog: self._dialog(dialog))
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._box(box))
        for name in ("question", "warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, name, staticmethod(self._static_box))
        self.files: list[str] = []  # what a file dialog picks (an open or save dialog takes the first); [] cancels
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
            lambda _parent=None, caption="", *_args, **_kwargs: (self._picked(caption), "")))
        for name in ("getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(
                lambda _parent=None, caption="", *_args, **_kwargs: ((self._picked(caption) or [""])[0], "")))
        self.opened_urls: list = []  # what was handed to the system (mail program, file viewer), in order
        self.url_opens = True  # whether the system found a program for it
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(self._open_url))

    def _picked(self, caption: str) -> list[str]:
        self.asked.append(caption)
        return [str(name) for name in self.files]

    def _open_url(self, url) -> bool:
        self.opened_urls.append(url)
        return self.url_opens

    def _menu(self, menu, *_args):
        self.asked.append(menu.objectName())
        return next((a for a in menu.actions() if self.menu_choice is not None and a.data() == self.menu_choice),
                    None)

    def _dialog(self, dialog):
        self.asked.append(type(dialog).__name__)
        return self.on_dialog(dialog)

    def _box(self, box):
        self.asked.append(box.text())
        self.boxes.append(box)
        return self.button

    def _static_box(self, _parent, _title, text, *_args, **_kwargs):
        self.asked.append(text)
        return self.button


def run_queued_reactions() -> None:
    """Run every reaction waiting in the event loop (zero-delay timers, queued signals), and what those queue in
    turn: "nothing happened" is then asserted after everything that could happen has run, with no fixed wait."""
    from PySide6.QtCore import QCoreApplication

    for _round in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


@pytest.fixture
def modal(monkeypatch):
    return ModalAnswers(monkeypatch)


@pytest.fixture
def events(qtbot):
    from jobfollow.services.events import AppEvents

    return AppEvents()


def started_calendar_pane(qtbot, events, undo_stack=None):
    """A calendar pane on the open profile with its follow-up service started at 09:00 on TODAY."""
    from jobfollow.services.followups import FollowUpService
    from jobfollow.ui.calendar.calendar_pane import CalendarPane

    controller = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)),
                                 undo_stack=undo_stack)
    pane = CalendarPane(events)
    qtbot.addWidget(pane)
    pane.set_controller(controller)
    controller.start()
    return pane, controller
