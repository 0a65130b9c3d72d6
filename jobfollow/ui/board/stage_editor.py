"""The stage editor: add, rename, reorder, collapse and remove stages, each step undoable.

Changes apply at once through the board (and so land on the undo stack); a name that is empty or
already used gets a message under the field and the text typed stays where it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.stages import STAGE_KIND_LABELS, StageKind
from jobfollow.i18n import _
from jobfollow.store.applications import list_stages
from jobfollow.ui.plain_text import plain_label


class StageEditorDialog(QDialog):
    def __init__(self, board, stage_id: int | None = None, adding: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Stages"))
        self.setObjectName("stageEditor")
        self.board = board
        self.stage_list = QListWidget()
        self.stage_list.currentRowChanged.connect(self._current_changed)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.name_edit.setPlaceholderText(_("Stage name"))
        self.kind_combo = QComboBox()
        for kind in StageKind:
            self.kind_combo.addItem(_(STAGE_KIND_LABELS[kind]), kind.value)
        self.kind_combo.setToolTip(_("The kind tells the follow-up advice what step of a process this column is"))
        self.message = plain_label()
        self.message.setObjectName("stageEditorMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.name_edit.textEdited.connect(lambda _text: self.message.hide())

        self.add_button = QPushButton(_("Add as new stage"))
        self.rename_button = QPushButton(_("Rename selected"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        self.collapse_button = QPushButton(_("Collapse"))
        self.remove_button = QPushButton(_("Remove…"))
        self.add_button.clicked.connect(self.add_stage)
        self.rename_button.clicked.connect(self.rename_stage)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.collapse_button.clicked.connect(self._toggle_collapse)
        self.remove_button.clicked.connect(self._remove)

        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.collapse_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.stage_list, 1)
        top.addLayout(side)
        form = QFormLayout()
        form.addRow(_("Name:"), self.name_edit)
        form.addRow(_("Kind of a new stage:"), self.kind_combo)
        edit_buttons = QGridLayout()
        edit_buttons.addWidget(self.add_button, 0, 0)
        edit_buttons.addWidget(self.rename_button, 0, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(edit_buttons)
        layout.addWidget(close)
        self.resize(460, 420)

        board.events.stages_changed.connect(self._refill)
        self._refill(select=stage_id)
        if adding:
            self.name_edit.clear()
            self.name_edit.setFocus()
        else:
            self.name_edit.selectAll()
            self.name_edit.setFocus()

    def done(self, result: int) -> None:
        self.board.events.stages_changed.disconnect(self._refill)
        super().done(result)

    # -- list --------------------------------------------------------------------------------
    def _refill(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_stage_id()
        self.stages = list_stages()
        self.stage_list.blockSignals(True)
        self.stage_list.clear()
        for stage in self.stages:
            kind_label = _(STAGE_KIND_LABELS[stage.kind])
            label = stage.name if stage.name == kind_label else _("{name} — {kind}").format(name=stage.name,
                                                                                          kind=kind_label)
            if stage.collapsed:
                label = _("{stage} (collapsed)").format(stage=label)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, stage.id)
            self.stage_list.addItem(item)
        self.stage_list.blockSignals(False)
        row = next((i for i, stage in enumerate(self.stages) if stage.id == keep), 0)
        self.stage_list.setCurrentRow(row)
        self._current_changed(row)

    def current_stage_id(self) -> int | None:
        item = self.stage_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_changed(self, row: int) -> None:
        stage = self.stages[row] if 0 <= row < len(self.stages) else None
        for button in (self.rename_button, self.collapse_button, self.remove_button):
            button.setEnabled(stage is not None)
        self.up_button.setEnabled(stage is not None and row > 0)
        self.down_button.setEnabled(stage is not None and row < len(self.stages) - 1)
        self.remove_button.setEnabled(stage is not None and len(self.stages) > 1)
        if stage is not None:
            self.name_edit.setText(stage.name)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(stage.kind.value))
            self.collapse_button.setText(_("Expand") if stage.collapsed else _("Collapse"))
        self.message.hide()

    def _show_problem(self, problem: str | None) -> bool:
        if problem:
            self.message.setText("⚠ " + problem)
            self.message.show()
            self.name_edit.setFocus()
            return False
        self.message.hide()
        return True

    # -- actions -----------------------------------------------------------------------------
    def add_stage(self) -> bool:
        row = self.stage_list.currentRow()
        index = row + 1 if row >= 0 else None
        kind = StageKind(self.kind_combo.currentData())
        name = self.name_edit.text()
        if not self._show_problem(self.board.add_stage(name, kind, index)):
            return False
        added = next((s.id for s in list_stages() if s.name == name.strip()), None)
        self._refill(select=added)
        return True

    def rename_stage(self) -> bool:
        stage_id = self.current_stage_id()
        if stage_id is None:
            return False
        return self._show_problem(self.board.rename_stage(stage_id, self.name_edit.text()))

    def _move(self, delta: int) -> None:
        stage_id = self.current_stage_id()
        if stage_id is not None:
            self.board.move_stage(stage_id, delta)
            self._refill(select=stage_id)

    def _toggle_collapse(self) -> None:
        stage_id = self.current_stage_id()
        if stage_id is not None:
            self.board.toggle_collapsed(stage_id)
            self._refill(select=stage_id)

    def _remove(self) -> None:
        stage_id = self.current_stage_id()
        if stage_id is not None:
            self.board.remove_stage(stage_id)
