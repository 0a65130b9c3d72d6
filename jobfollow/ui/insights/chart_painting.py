"""The two charts, painted with QPainter onto any device: a widget, an image for print, a PDF page.

QtGui only (no widgets), so ``jobfollow report ... --format pdf`` can draw them under a bare QGuiApplication.
Colours come from a palette: the window's on screen (light or dark), a light one on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from jobfollow.core.insights.formatting import percent as format_percent
from jobfollow.ui.palette_colours import signal_colour


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    text: QColor
    muted: QColor
    bar: QColor
    met: QColor
    goal: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartColours:
        return cls(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text),
                   palette.color(QPalette.ColorRole.PlaceholderText), signal_colour("due", palette),
                   signal_colour("success", palette), signal_colour("caution", palette))

    @classmethod
    def for_paper(cls) -> ChartColours:
        return cls(QColor("#ffffff"), QColor("#000000"), QColor("#555555"), QColor("#1565c0"),
                   QColor("#2e7d32"), QColor("#b35c00"))


@dataclass(frozen=True)
class FunnelBar:
    label: str
    count: int
    conversion: float | None  # from the bar before


@dataclass(frozen=True)
class WeekBar:
    label: str
    count: int
    met: bool | None


def _begin(painter: QPainter, rect: QRectF, colours: ChartColours, font: QFont) -> QFontMetricsF:
    """Every chart starts the same: its own painter state (restored by the caller), smooth edges, its
    background and its font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, colours.background)
    painter.setFont(font)
    return QFontMetricsF(font)


def paint_funnel(painter: QPainter, rect: QRectF, bars: list[FunnelBar], colours: ChartColours,
                 font: QFont) -> None:
    """Horizontal bars, widest at the top; each row says its stage, its count and its share of the row above."""
    metrics = _begin(painter, rect, colours, font)
    if not bars:
        painter.restore()
        return
    label_width = min(rect.width() * 0.35, max(metrics.horizontalAdvance(bar.label) for bar in bars) + 12)
    number_width = metrics.horizontalAdvance("0000  (100 %)") + 12
    bar_left = rect.left() + label_width
    bar_space = max(10.0, rect.width() - label_width - number_width)
    row_height = rect.height() / len(bars)
    top_count = max(bar.count for bar in bars) or 1
    for index, bar in enumerate(bars):
        top = rect.top() + index * row_height
        row = QRectF(rect.left(), top, rect.width(), row_height)
        painter.setPen(colours.text)
        label_rect = QRectF(rect.left(), top, label_width - 8, row_height)
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width()))
        width = bar_space * bar.count / top_count
        inset = min(6.0, row_height * 0.15)
        shape = QRectF(bar_left + (bar_space - width) / 2, top + inset, width, row_height - 2 * inset)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.bar)
        painter.drawRoundedRect(shape, 3, 3)
        text = str(bar.count)
        if bar.conversion is not None:
            text += f"  ({format_percent(bar.conversion)})"
        painter.setPen(colours.text)
        painter.drawText(QRectF(bar_left + bar_space + 8, row.top(), number_width, row_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()


def paint_weeks(painter: QPainter, rect: QRectF, weeks: list[WeekBar], goal: int, colours: ChartColours,
                font: QFont) -> None:
    """Vertical bars, one per week, the count on top; a dashed line at the goal; weeks that met it in green."""
    metrics = _begin(painter, rect, colours, font)
    if not weeks:
        painter.restore()
        return
    label_height = metrics.height() + 4
    plot = rect.adjusted(4, metrics.height() + 4, -4, -label_height)
    highest = max([goal, *(week.count for week in weeks)]) or 1
    slot = plot.width() / len(weeks)
    label_every = max(1, int((metrics.horizontalAdvance("00/00") + 10) // max(slot, 1)) + 1)
    for index, week in enumerate(weeks):
        height = plot.height() * week.count / highest
        left = plot.left() + index * slot
        shape = QRectF(left + slot * 0.15, plot.bottom() - height, slot * 0.7, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.met if week.met else colours.bar)
        painter.drawRect(shape)
        painter.setPen(colours.text)
        if slot >= metrics.horizontalAdvance(str(week.count)) + 2:
            painter.drawText(QRectF(left, shape.top() - metrics.height() - 2, slot, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(week.count))
        if index % label_every == 0:
            painter.setPen(colours.muted)
            label_rect = QRectF(left - slot, plot.bottom() + 2, slot * 3, label_height)
            align = Qt.AlignmentFlag.AlignHCenter
            if label_rect.left() < rect.left():  # the first label starts at the edge instead of being cut
                label_rect.moveLeft(rect.left())
                align = Qt.AlignmentFlag.AlignLeft
            painter.drawText(label_rect, align | Qt.AlignmentFlag.AlignTop, week.label)
    painter.setPen(QPen(colours.muted, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    if goal > 0:
        y = plot.bottom() - plot.height() * goal / highest
        pen = QPen(colours.goal, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(plot.left(), y, plot.right(), y)
    painter.restore()
