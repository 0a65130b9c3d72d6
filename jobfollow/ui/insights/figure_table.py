"""A read-only table of one label column and several figure columns, sized for a narrow pane.

The figure columns are as wide as their figures (or their header's longest word), and their header text wraps
onto a second line instead of widening the column; the label column takes the rest of the room. Sizing every
column to its header instead made "From the stage before" push the stage names down to "Intervie…" on a 1024 px
screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from jobfollow.ui.insights.table_model import TextTableModel

CELL_PADDING = 16  # both sides of a cell's text, as the style draws them


def two_line_width(title: str, metrics) -> int:
    """The narrowest width at which the title wraps onto at most two lines (split at the best word)."""
    words = title.split()
    if len(words) < 2:
        return metrics.horizontalAdvance(title)
    return min(max(metrics.horizontalAdvance(" ".join(words[:split])),
                   metrics.horizontalAdvance(" ".join(words[split:]))) for split in range(1, len(words))) + 2


class FigureTable(QTableView):
    def __init__(self, model: TextTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setStretchLastSection(False)
        model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self, *_ignored) -> None:
        model, header = self.model(), self.horizontalHeader()
        if not model.columnCount():
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        titles = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                  for column in range(model.columnCount())]
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(self.sizeHintForColumn(column),
                                             two_line_width(titles[column], metrics) + CELL_PADDING))
        # A wrapped header needs the height of its tallest title at the width just given (the label column
        # stretches, so its title stays on one line).
        tallest = max(metrics.boundingRect(0, 0, header.sectionSize(column) - CELL_PADDING, 1000,
                                           int(Qt.TextFlag.TextWordWrap), titles[column]).height()
                      for column in range(1, model.columnCount())) if model.columnCount() > 1 else 0
        header.setFixedHeight(max(tallest, metrics.height()) + CELL_PADDING // 2)
