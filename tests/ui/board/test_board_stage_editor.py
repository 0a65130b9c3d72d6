"""The stage editor and the column header: add, rename, reorder, collapse, remove, each undoable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox

from jobfollow.core.stages import StageKind
from jobfollow.store.applications import create_application, list_stages
from jobfollow.ui.board.board_widget import BoardWidget
from jobfollow.ui.board.stage_editor import StageEditorDialog


@pytest.fixture
def board(qtbot, profile, events):
    widget = BoardWidget(events, QUndoStack())
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def editor(qtbot, board):
    dialog = StageEditorDialog(board)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def names(board) -> list[str]:
    return [column.name for column in board.columns]


def test_empty_or_duplicate_name_gets_an_inline_message_and_keeps_the_text(editor, board):
    editor.name_edit.setText("   ")
    assert not editor.add_stage()
    assert editor.message.isVisible() and "needs a name" in editor.message.text()
    editor.name_edit.setText("interviewed")
    assert not editor.add_stage()
    assert "already a stage" in editor.message.text()
    assert editor.name_edit.text() == "interviewed"
    assert len(board.columns) == 7
    assert board.undo_stack.count() == 0


def test_add_a_stage_after_the_selected_one_with_its_kind_and_undo(editor, board):
    editor.stage_list.setCurrentRow(0)
    editor.name_edit.setText("Phone screen")
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(StageKind.INTERVIEW_SCHEDULED.value))
    assert editor.add_stage()
    assert names(board)[:3] == ["Applied", "Phone screen", "Interview scheduled"]
    assert board.columns[1].kind == StageKind.INTERVIEW_SCHEDULED
    assert editor.stage_list.count() == 8
    assert editor.current_stage_id() == board.columns[1].stage_id
    board.undo_stack.undo()
    assert len(board.columns) == 7 and editor.stage_list.count() == 7
    board.undo_stack.redo()
    assert names(board)[1] == "Phone screen"


def test_rename_keeps_the_kind_and_undoes(editor, board):
    editor.stage_list.setCurrentRow(2)
    editor.name_edit.setText("Waiting to hear")
    assert editor.rename_stage()
    assert board.columns[2].name == "Waiting to hear"
    assert board.columns[2].kind == StageKind.INTERVIEWED
    board.undo_stack.undo()
    assert board.columns[2].name == "Interviewed"


def test_reorder_with_the_buttons_and_undo(editor, board):
    editor.stage_list.setCurrentRow(1)
    editor.down_button.click()
    assert names(board)[1:3] == ["Interviewed", "Interview scheduled"]
    assert editor.stage_list.currentRow() == 2
    board.undo_stack.undo()
    assert names(board)[1:3] == ["Interview scheduled", "Interviewed"]


def test_collapse_narrows_the_column_and_is_stored(editor, board, qtbot, events):
    editor.stage_list.setCurrentRow(6)
    editor.collapse_button.click()
    closed = board.columns[6]
    assert closed.collapsed and closed.width() < 60
    assert list_stages()[6].collapsed
    again = BoardWidget(events, QUndoStack())
    qtbot.addWidget(again)
    assert again.columns[6].collapsed
    board.toggle_collapsed(closed.stage_id)
    assert not board.columns[6].collapsed


def test_removing_a_stage_with_cards_asks_where_they_go_and_undo_brings_all_back(board, modal):
    board.add_stage("Second offer", StageKind.OFFER)
    extra = board.columns[-1]
    app = create_application("Acme", "Analyst", stage_id=extra.stage_id)
    board.reload()
    offer = next(c for c in board.columns if c.name == "Offer")
    offered = []

    def choose(dialog):
        offered.append([dialog.combo.itemText(i) for i in range(dialog.combo.count())])
        dialog.combo.setCurrentIndex(dialog.combo.findData(offer.stage_id))
        return QDialog.DialogCode.Accepted

    modal.on_dialog = choose
    assert board.remove_stage(extra.stage_id)
    assert modal.asked == ["DestinationDialog"]
    assert len(offered[0]) == len(names(board)) and offered[0][0].startswith("Applied")
    assert "Second offer" not in names(board)
    assert [c.id for c in board.column_for(offer.stage_id).model.cards()] == [app.id]
    board.undo_stack.undo()
    assert names(board)[-1] == "Second offer"
    restored = board.columns[-1]
    assert [c.id for c in restored.model.cards()] == [app.id]


def test_cancelling_the_destination_keeps_the_stage(board, modal):
    applied = board.columns[0]
    board.add_stage("Applied again", StageKind.APPLIED)
    create_application("Acme", "Analyst", stage_id=applied.stage_id)
    board.reload()
    modal.on_dialog = lambda dialog: QDialog.DialogCode.Rejected
    assert not board.remove_stage(board.columns[0].stage_id)
    assert names(board)[0] == "Applied"


def test_removing_the_last_stage_of_a_kind_warns(board, modal):
    modal.button = QMessageBox.StandardButton.Cancel
    accepted = next(c for c in board.columns if c.kind == StageKind.ACCEPTED)
    assert not board.remove_stage(accepted.stage_id)
    assert len(modal.asked) == 1 and "Accepted" in modal.asked[0]
    modal.button = QMessageBox.StandardButton.Yes
    assert board.remove_stage(accepted.stage_id)
    assert StageKind.ACCEPTED not in {c.kind for c in board.columns}
    board.undo_stack.undo()
    assert StageKind.ACCEPTED in {c.kind for c in board.columns}


def test_header_moves_a_stage_left(board):
    offer = next(c for c in board.columns if c.name == "Offer")
    board.move_stage(offer.stage_id, -1)
    assert names(board)[3:5] == ["Offer", "Next round"]
