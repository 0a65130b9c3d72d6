"""Benchmark probe: with JOBFOLLOW_EXIT_AFTER_FIRST_PAINT=1 the program quits right after the board's
first paint and prints how long that took and its resident memory, so the start-up benchmark measures
the real program (interpreter, imports, database, window, paint) and not a stand-in."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_FLAG = "JOBFOLLOW_EXIT_AFTER_FIRST_PAINT"


def resident_kib() -> int:
    """Current resident set size in KiB (Linux /proc; 0 where it is not available)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _FirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint rss-kib={resident_kib()}", flush=True)
        QApplication.instance().exit(0)


def install_if_requested(widget: QWidget) -> None:
    if os.environ.get(ENV_FLAG):
        probe = _FirstPaint(widget)
        widget.installEventFilter(probe)
