"""The kanban board: one column per stage, each a list view over its own card model."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListView, QScrollArea, QVBoxLayout, QWidget

from jobfollow.store.applications import cards_by_stage, list_stages
from jobfollow.ui.board.card_list_model import CARD_ID_ROLE, CardListModel
from jobfollow.ui.events import AppEvents

COLUMN_WIDTH = 230


class StageColumn(QFrame):
    def __init__(self, stage_id: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        self.name = name
        self.header = QLabel()
        self.header.setObjectName("stageHeader")
        self.model = CardListModel(stage_id, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def set_cards(self, cards) -> None:
        self.model.set_cards(cards)
        self.header.setText(f"<b>{html.escape(self.name)}</b> ({len(cards)})")


class BoardWidget(QWidget):
    open_requested = Signal(int)

    def __init__(self, events: AppEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.events = events
        self.columns: list[StageColumn] = []
        self._row = QHBoxLayout()
        self._row.setContentsMargins(6, 6, 6, 6)
        self._row.setSpacing(6)
        holder = QWidget()
        holder.setLayout(self._row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        events.applications_changed.connect(self.reload)
        events.stages_changed.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        while self._row.count():
            self._row.takeAt(0)
        for stage in list_stages():
            column = StageColumn(stage.id, stage.name)
            column.view.doubleClicked.connect(lambda index: self.open_requested.emit(index.data(CARD_ID_ROLE)))
            self.columns.append(column)
            self._row.addWidget(column)
        self._row.addStretch(1)
        self.reload()

    def reload(self, *_ignored) -> None:
        grouped = cards_by_stage()
        for column in self.columns:
            column.set_cards(grouped.get(column.model.stage_id, []))

    def card_count(self) -> int:
        return sum(column.model.rowCount() for column in self.columns)
