"""Benchmark probe: with JOBFOLLOW_EXIT_AFTER_FIRST_PAINT=1 the program quits right after the board's
first paint and prints how long that took and its resident memory, so the start-up benchmark measures
the real program (interpreter, imports, database, window, paint) and not a stand-in.

With JOBFOLLOW_LIST_MODULES=1 as well it also prints, as one JSON line, the modules imported and the Babel
locales loaded at that paint: tests/test_startup_imports.py keeps the heavy ones off the start path."""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_FLAG = "JOBFOLLOW_EXIT_AFTER_FIRST_PAINT"
MODULES_FLAG = "JOBFOLLOW_LIST_MODULES"


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


def loaded_at_paint() -> dict:
    """What the process holds at its first paint: module names and the Babel locales read so far."""
    localedata = sys.modules.get("babel.localedata")
    locales = sorted(getattr(localedata, "_cache", {})) if localedata else []
    return {"modules": sorted(sys.modules), "babel_locales": locales}


class _FirstPaint(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.loaded: dict | None = None

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if os.environ.get(MODULES_FLAG):  # taken now: work queued to run after the paint must not count
                self.loaded = loaded_at_paint()
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        if self.loaded is not None:
            print(f"loaded {json.dumps(self.loaded)}", flush=True)
        # CPU time of the process so far: unlike the wall clock, hardly moved by other programs on shared cores
        print(f"first-paint cpu-ms={time.process_time() * 1000:.0f} rss-kib={resident_kib()}", flush=True)
        QApplication.instance().exit(0)


def install_if_requested(widget: QWidget) -> None:
    if os.environ.get(ENV_FLAG):
        probe = _FirstPaint(widget)
        widget.installEventFilter(probe)
