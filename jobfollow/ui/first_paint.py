"""Work that waits for the window to be seen: a callback run once, right after a widget's first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

UNPAINTED_START_MS = 2000  # a window started hidden (in the tray) never paints: run anyway


class AfterFirstPaint(QObject):
    """Calls ``callback`` once, ``delay_ms`` after ``widget`` first paints (or after ``fallback_ms`` unpainted).

    Counting from the paint, not from construction: on a slow machine the window may take longer than a
    fixed delay to appear, and work queued behind it must not hold up what the user sees first."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], delay_ms: int = 0,
                 fallback_ms: int | None = None):
        super().__init__(widget)
        self._widget, self._callback, self._delay_ms = widget, callback, delay_ms
        self._done = False
        fallback_ms = UNPAINTED_START_MS if fallback_ms is None else fallback_ms  # read now: tests shorten it
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms, timeout=self._fire)
        self._fallback.start()
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._fallback.stop()
            QTimer.singleShot(self._delay_ms, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._widget.removeEventFilter(self)
            self._callback()
