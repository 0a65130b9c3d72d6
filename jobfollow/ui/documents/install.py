"""Hook documents into the main window: clear out files nothing refers to, shortly after start."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QTimer

from jobfollow.i18n import _
from jobfollow.store.documents import collect_garbage, profile_is_open
from jobfollow.ui.feature_context import FeatureContext
from jobfollow.ui.store_errors import STORE_ERRORS

GC_DELAY_MS = 5000  # after the first paint and the follow-up refresh


def collect_now(session_start: dt.datetime) -> int:
    """Files of removed documents, and of cards deleted before this session (no Undo reaches them)."""
    if not profile_is_open():  # the window outlived its profile (closed, or tests)
        return 0
    try:
        return collect_garbage(deleted_before=session_start)
    except STORE_ERRORS as exc:  # a locked database or a busy disk: try again next start
        print(_("jobfollow: unused documents were not cleared: {error}").format(error=exc), file=sys.stderr)
        return 0


def install_documents(context: FeatureContext) -> QTimer:
    """Returns the timer of the clean-up (the window keeps it)."""
    session_start = dt.datetime.now()
    timer = QTimer(context.parent)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: collect_now(session_start))
    timer.start(GC_DELAY_MS)
    return timer
