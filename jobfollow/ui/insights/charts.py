"""The funnel and weekly-bars widgets: thin shells around ``chart_painting`` that repaint with the palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from jobfollow.ui.insights.chart_painting import ChartColours, FunnelBar, WeekBar, paint_funnel, paint_weeks


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(280)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()
        super().changeEvent(event)


class FunnelChart(_Chart):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[FunnelBar] = []

    def set_bars(self, bars: list[FunnelBar]) -> None:
        self.bars = bars
        self.setAccessibleDescription("; ".join(f"{bar.label}: {bar.count}" for bar in bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(1, len(self.bars)) * (self.fontMetrics().height() + 14))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        paint_funnel(painter, QRectF(self.rect()), self.bars, ChartColours.from_palette(self.palette()), self.font())


class WeeklyChart(_Chart):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.weeks: list[WeekBar] = []
        self.goal = 0

    def set_weeks(self, weeks: list[WeekBar], goal: int) -> None:
        self.weeks, self.goal = weeks, goal
        self.setAccessibleDescription("; ".join(f"{week.label}: {week.count}" for week in weeks))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.fontMetrics().height() * 9)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        paint_weeks(painter, QRectF(self.rect()), self.weeks, self.goal, ChartColours.from_palette(self.palette()),
                    self.font())
