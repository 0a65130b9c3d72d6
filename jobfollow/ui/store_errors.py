"""When the database refuses a write while the window is open.

Another program may lock the file, it may become read-only, or the disk may fill up. A save must then
say so in one sentence and leave the dialog open with everything typed, never crash or close silently.
Dialogs call :func:`saved_or_reported` around their write; an undo command's first failure comes back from
``services.undo.push`` and is shown with :func:`show_store_error`; :func:`install_store_error_hook` is the safety
net for every other write (a Redo, a timer): the message instead of a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from jobfollow.i18n import _
from jobfollow.services.undo import STORE_ERRORS
from jobfollow.services.worker import WritesPausedError
from jobfollow.store.db import write_refusal

__all__ = ["STORE_ERRORS", "install_store_error_hook", "saved_or_reported", "show_store_error", "store_error_message"]
T = TypeVar("T")


def store_error_message(exc: BaseException) -> str:
    if isinstance(exc, WritesPausedError):  # an import or a restore is running: its own sentence
        return _("{reason} What you typed is still here.").format(reason=exc)
    refused = write_refusal(exc)  # the open file was found damaged after the start
    if refused:
        return refused
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return _("Another program has locked the database, so this was not saved. "
                 "Close that program and try again; what you typed is still here.")
    if "readonly" in text or "read-only" in text:
        return _("The database has become read-only, so this was not saved; what you typed is still here.")
    return _("This was not saved ({error}); what you typed is still here.").format(error=exc)


def show_store_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, _("Not saved"), store_error_message(exc))


def saved_or_reported(parent: QWidget | None, write: Callable[[], T]) -> tuple[bool, T | None]:
    """Run ``write``; on a storage error show the message and return (False, None)."""
    try:
        return True, write()
    except STORE_ERRORS as exc:
        show_store_error(parent, exc)
        return False, None


# What escaped a slot while nobody could be asked (--self-test): one line each; the self-test fails on them.
UNATTENDED_ERRORS: list[str] = []


def install_store_error_hook(*, interactive: bool = True) -> None:
    """Storage errors that escape a Qt slot become the message box and one line on stderr.

    Not ``interactive`` (--self-test): no modal box that nobody would close; every exception escaping a slot
    is one line on stderr and in UNATTENDED_ERRORS instead.
    """
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        if not interactive:
            line = f"{kind.__name__}: {str(value).splitlines()[0] if str(value) else ''}"
            UNATTENDED_ERRORS.append(line)
            print(f"jobfollow: {line}", file=sys.stderr)
            return
        if not isinstance(value, STORE_ERRORS):
            previous(kind, value, tb)
            return
        if write_refusal(value):  # background work on a file found damaged: the recovery choice is up already
            print(f"jobfollow: {write_refusal(value)}", file=sys.stderr)
            return
        print(f"jobfollow: {value}", file=sys.stderr)
        show_store_error(QApplication.activeModalWidget() or QApplication.activeWindow(), value)

    sys.excepthook = hook
