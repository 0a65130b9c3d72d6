"""Scroll the board sideways while a card is dragged near its left or right edge.

The stages rarely all fit: without this, a card could not be dragged to a column scrolled out of
sight (Offer, Accepted, Closed on a laptop screen). Qt scrolls a list view during a drag, but not
the scroll area that holds the columns, so this watches the drags the columns receive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QScrollArea, QWidget

EDGE_PX = 48  # how close to an edge the pointer must be
STEP_PX = 24  # scrolled per tick
TICK_MS = 30


class DragAutoScroller(QObject):
    def __init__(self, scroll: QScrollArea, parent: QObject | None = None):
        super().__init__(parent)
        self.scroll = scroll
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.step)

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def direction(self) -> int:
        """-1 near the left edge, 1 near the right edge, 0 elsewhere (or outside the board)."""
        viewport = self.scroll.viewport()
        pos = viewport.mapFromGlobal(QCursor.pos())
        if not viewport.rect().contains(pos):
            return 0
        if pos.x() < EDGE_PX:
            return -1
        if pos.x() > viewport.width() - EDGE_PX:
            return 1
        return 0

    def step(self) -> bool:
        """Scroll one step toward the edge the pointer is at; stops when it is at neither (or at the end)."""
        bar = self.scroll.horizontalScrollBar()
        direction = self.direction()
        before = bar.value()
        if direction:
            bar.setValue(before + direction * STEP_PX)
        if bar.value() == before:
            self.timer.stop()
            return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.direction() and not self.timer.isActive():
                self.timer.start()
        elif kind in (QEvent.Type.Drop, QEvent.Type.DragLeave):
            self.timer.stop()
        return False
