"""The board as a user meets it: models, drops, keyboard moves, menus, search, undo, banner, palette."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from jobfollow.core.board_search import SortMode
from jobfollow.core.stages import StageKind
from jobfollow.store.applications import create_application
from jobfollow.store.models import Activity, ApplicationContact, Contact, FollowUp, Interview, JobApplication
from jobfollow.ui.board.board_widget import BoardWidget
from jobfollow.ui.board.card_list_model import CARD_ID_ROLE, CARD_MIME_TYPE, HIGHLIGHT_ROLE
from tests.conftest import TODAY


@pytest.fixture
def board(qtbot, profile, events):
    widget = BoardWidget(events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1900, 700)
    widget.show()
    return widget


def drag_event(event_type, position: QPointF, *rest):
    """PySide6 6.12 wants a QPointF here (the QPoint form is deprecated); 6.11 accepts only a QPoint."""
    try:
        return event_type(position, *rest)
    except TypeError:
        return event_type(position.toPoint(), *rest)


def drag_and_drop(view, position: QPointF, mime: QMimeData, action=Qt.DropAction.MoveAction) -> QDropEvent:
    """What a real drag delivers to a view's viewport: enter, move, then the drop."""
    args = (position, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event_type in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), drag_event(event_type, *args))
    drop = QDropEvent(*args)
    QApplication.sendEvent(view.viewport(), drop)
    return drop


def column(board, kind: StageKind):
    return next(c for c in board.columns if c.kind == kind)


def ids_in(board, kind: StageKind) -> list[int]:
    return [card.id for card in column(board, kind).model.cards()]


def add_cards(board, *names, kind=StageKind.APPLIED):
    stage_id = column(board, kind).stage_id
    apps = [create_application(name, "Analyst", stage_id=stage_id) for name in names]
    board.reload()
    return [app.id for app in apps]


def test_every_column_model_passes_the_model_tester(qtmodeltester, qtbot, demo_profile, events):
    widget = BoardWidget(events, QUndoStack())
    qtbot.addWidget(widget)
    assert widget.card_count() == 25
    for col in widget.columns:
        qtmodeltester.check(col.model)
    widget.search_edit.setText("a")
    for col in widget.columns:
        qtmodeltester.check(col.model)


def test_model_level_drag_moves_the_card_and_announces_it(qtbot, board, events):
    first, _second = add_cards(board, "Acme", "Globex")
    source, target = column(board, StageKind.APPLIED), column(board, StageKind.NEXT_ROUND)
    mime = source.model.mimeData([source.model.index(0, 0)])
    assert mime.hasFormat(CARD_MIME_TYPE)
    assert target.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    with qtbot.waitSignal(events.card_moved) as moved:
        assert target.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert moved.args == [first, source.stage_id, target.stage_id, False]  # a move of its own, not a replay
    assert ids_in(board, StageKind.NEXT_ROUND) == [first]
    assert source.model.rowCount() == 1
    data = json.loads(Activity.get(Activity.kind == "moved").data)
    assert (data["from_stage"], data["to_stage"]) == (source.stage_id, target.stage_id)


@pytest.mark.parametrize("kind", ["text", "urls", "garbage", "wrong-types"])
def test_foreign_drops_are_ignored(board, kind):
    add_cards(board, "Acme")
    mime = QMimeData()
    if kind == "text":
        mime.setText("Acme")
    elif kind == "urls":
        mime.setUrls([QUrl.fromLocalFile("/tmp/cv.pdf")])
    elif kind == "garbage":
        mime.setData(CARD_MIME_TYPE, QByteArray(b"\xff not json"))
    else:
        mime.setData(CARD_MIME_TYPE, QByteArray(b'{"ids": ["1", true]}'))
    target = column(board, StageKind.OFFER).model
    assert not target.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not target.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert ids_in(board, StageKind.OFFER) == []
    assert not board.undo_stack.count()


def test_synthetic_drop_event_lands_between_two_cards(qtbot, board):
    a, b, c = add_cards(board, "Acme", "Bluth", "Cyberdyne")
    moving = add_cards(board, "Dunder", kind=StageKind.OFFER)[0]
    target = column(board, StageKind.APPLIED)
    source = column(board, StageKind.OFFER)
    mime = source.model.mimeData([source.model.index(0, 0)])
    second = target.view.visualRect(target.model.index(1, 0))
    position = QPointF(second.center().x(), second.top() + 3)  # upper edge of the second card: above it
    drag_and_drop(target.view, position, mime)
    assert ids_in(board, StageKind.APPLIED) == [a, moving, b, c]
    rank = JobApplication.get_by_id(moving).rank
    assert JobApplication.get_by_id(a).rank < rank < JobApplication.get_by_id(b).rank


def test_synthetic_text_drop_on_a_column_changes_nothing(board):
    add_cards(board, "Acme")
    target = column(board, StageKind.APPLIED)
    mime = QMimeData()
    mime.setText("hello")
    drop = drag_and_drop(target.view, QPointF(20, 20), mime, Qt.DropAction.CopyAction)
    assert not drop.isAccepted()
    assert target.model.rowCount() == 1
    assert board.undo_stack.count() == 0


def test_reorder_within_a_stage_and_undo_redo(qtbot, board, events):
    a, b, c = add_cards(board, "Acme", "Bluth", "Cyberdyne")
    applied = column(board, StageKind.APPLIED)
    mime = applied.model.mimeData([applied.model.index(2, 0)])
    with qtbot.assertNotEmitted(events.card_moved):
        assert applied.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert ids_in(board, StageKind.APPLIED) == [c, a, b]
    board.undo_stack.undo()
    assert ids_in(board, StageKind.APPLIED) == [a, b, c]
    board.undo_stack.redo()
    assert ids_in(board, StageKind.APPLIED) == [c, a, b]


def test_undo_of_a_move_restores_stage_and_announces_it_again(qtbot, board, events):
    [app_id] = add_cards(board, "Acme")
    applied, offer = column(board, StageKind.APPLIED), column(board, StageKind.OFFER)
    board.move_ids_to_stage([app_id], offer.stage_id)
    with qtbot.waitSignal(events.card_moved) as moved:
        board.undo_stack.undo()
    assert moved.args == [app_id, offer.stage_id, applied.stage_id, True]  # a replay: listeners ask nothing
    assert ids_in(board, StageKind.APPLIED) == [app_id]
    assert not Activity.select().where(Activity.kind == "moved").exists()
    with qtbot.waitSignal(events.card_moved) as moved:
        board.undo_stack.redo()
    assert moved.args == [app_id, applied.stage_id, offer.stage_id, True]
    assert ids_in(board, StageKind.OFFER) == [app_id]


def test_drop_on_closed_asks_the_outcome_and_stores_it(qtbot, board, modal):
    [app_id] = add_cards(board, "Acme")
    modal.menu_choice = "hired_elsewhere"
    source, closed = column(board, StageKind.APPLIED), column(board, StageKind.CLOSED)
    mime = source.model.mimeData([source.model.index(0, 0)])
    closed.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: ids_in(board, StageKind.CLOSED) == [app_id])
    assert modal.asked == ["outcomeMenu"]
    assert JobApplication.get_by_id(app_id).outcome == "hired_elsewhere"
    board.undo_stack.undo()
    assert JobApplication.get_by_id(app_id).outcome is None


def test_dismissing_the_outcome_menu_cancels_the_move(board, modal):
    [app_id] = add_cards(board, "Acme")
    modal.menu_choice = None
    assert not board.move_ids_to_stage([app_id], column(board, StageKind.CLOSED).stage_id)
    assert ids_in(board, StageKind.APPLIED) == [app_id]
    assert board.undo_stack.count() == 0


def test_outcome_menu_offers_the_six_outcomes():
    from jobfollow.ui.board.board_prompts import build_outcome_menu

    menu = build_outcome_menu(None, 1)
    values = [a.data() for a in menu.actions() if a.data()]
    assert values == ["rejected", "withdrew", "declined_offer", "no_response", "position_filled", "hired_elsewhere"]


def test_moving_to_interviewed_without_interview_requests_one(qtbot, board, events):
    without, with_interview = add_cards(board, "Acme", "Bluth")
    Interview.create(application=with_interview, starts_at=dt.datetime(2026, 5, 1, 10))
    interviewed = column(board, StageKind.INTERVIEWED).stage_id
    with qtbot.waitSignal(events.record_interview_requested) as asked:
        board.move_ids_to_stage([without], interviewed)
    assert asked.args == [without]
    with qtbot.assertNotEmitted(events.record_interview_requested):
        board.move_ids_to_stage([with_interview], interviewed)


def test_keyboard_moves_several_selected_cards_together(qtbot, board):
    a, b, c = add_cards(board, "Acme", "Bluth", "Cyberdyne")
    board.select_cards([a, c])
    view = column(board, StageKind.APPLIED).view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert ids_in(board, StageKind.INTERVIEW_SCHEDULED) == [a, c]
    assert ids_in(board, StageKind.APPLIED) == [b]
    assert board.undo_stack.count() == 1
    focused = QApplication.focusWidget()
    assert focused is column(board, StageKind.INTERVIEW_SCHEDULED).view
    qtbot.keyClick(focused, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert set(ids_in(board, StageKind.APPLIED)) == {a, b, c}


def test_card_menu_lists_every_stage_and_opens(qtbot, board, events):
    [app_id] = add_cards(board, "Acme")
    board.select_cards([app_id])
    menu = board.build_card_menu(column(board, StageKind.APPLIED))
    texts = [a.text() for a in menu.actions() if a.text()]
    for expected in ("Open…", "Move to", "Record interview…", "Offer…", "Star", "Delete…"):
        assert expected in texts
    move_menu = next(a.menu() for a in menu.actions() if a.text() == "Move to")
    assert [a.text() for a in move_menu.actions()] == [c.name for c in board.columns]
    offer = next(a for a in move_menu.actions() if a.text() == "Offer")
    offer.trigger()
    assert ids_in(board, StageKind.OFFER) == [app_id]
    with qtbot.waitSignal(board.open_requested) as opened:
        next(a for a in menu.actions() if a.text() == "Open…").trigger()
    assert opened.args == [app_id]
    with qtbot.waitSignal(events.offer_requested):
        next(a for a in menu.actions() if a.text() == "Offer…").trigger()


def test_search_finds_a_card_by_interviewer_name_and_by_tag(board):
    a, b = add_cards(board, "Acme", "Bluth")
    person = Contact.create(name="Ingrid Bergström")
    ApplicationContact.create(application=b, contact=person, role="interviewer")
    JobApplication.update(tags="fintech, remote").where(JobApplication.id == a).execute()
    board.reload()
    board.search_edit.setText("bergstrom")
    assert ids_in(board, StageKind.APPLIED) == [b]
    assert column(board, StageKind.APPLIED).count_label.text() == "1 of 2"
    board.search_edit.setText("fintech")
    assert ids_in(board, StageKind.APPLIED) == [a]
    board.search_edit.clear()
    assert ids_in(board, StageKind.APPLIED) == [a, b]


def test_people_and_notes_are_read_when_the_first_search_needs_them(qtbot, profile, events):
    app = create_application("Acme", "Analyst")
    ApplicationContact.create(application=app, contact=Contact.create(name="Ingrid Bergström"), role="interviewer")
    board = BoardWidget(events, QUndoStack())
    qtbot.addWidget(board)
    board.show()
    board.grab()
    assert board.context.search_texts is None  # painted without them
    board.search_edit.setText("bergstrom")
    assert ids_in(board, StageKind.APPLIED) == [app.id]
    ApplicationContact.delete().execute()
    events.applications_changed.emit([app.id])  # an edit re-reads the card's search text too
    assert ids_in(board, StageKind.APPLIED) == []


def test_only_the_cards_in_view_are_read_whole(qtbot, profile, events):
    for n in range(400):
        create_application(f"Company {n}", "Analyst")
    board = BoardWidget(events, QUndoStack())
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.show()
    board.grab()
    applied = column(board, StageKind.APPLIED)
    assert applied.model.rowCount() == 400
    assert 0 < len(board.context.summaries) < 200
    applied.view.scrollToBottom()
    applied.view.grab()
    assert applied.model.key(399).id in board.context.summaries  # read as it scrolled into view
    assert {applied.model.card(row).company for row in range(400)} == {f"Company {n}" for n in range(400)}


def test_only_active_hides_accepted_and_closed_and_is_remembered(qtbot, board, events):
    board.only_active_check.setChecked(True)
    hidden = {c.kind for c in board.columns if c.isHidden()}
    assert hidden == {StageKind.ACCEPTED, StageKind.CLOSED}
    again = BoardWidget(events, QUndoStack())
    qtbot.addWidget(again)
    assert again.only_active_check.isChecked()


def test_sort_by_due_date_and_by_last_activity(board):
    a, b, c = add_cards(board, "Acme", "Bluth", "Cyberdyne")
    FollowUp.create(application=c, kind="status_check", due_on=TODAY)
    FollowUp.create(application=b, kind="status_check", due_on=TODAY + dt.timedelta(days=3))
    JobApplication.update(last_activity_at=dt.datetime(2026, 1, 1)).execute()
    JobApplication.update(last_activity_at=dt.datetime(2026, 5, 1)).where(JobApplication.id == b).execute()
    board.reload()
    board.sort_combo.setCurrentIndex(board.sort_combo.findData(SortMode.DUE.value))
    assert ids_in(board, StageKind.APPLIED) == [c, b, a]
    board.sort_combo.setCurrentIndex(board.sort_combo.findData(SortMode.ACTIVITY.value))
    assert ids_in(board, StageKind.APPLIED)[0] == b


def test_delete_asks_once_and_undo_brings_cards_back(board, modal):
    a, b, c = add_cards(board, "Acme", "Bluth", "Cyberdyne")
    modal.button = QMessageBox.StandardButton.Cancel
    assert not board.delete_cards([a, b])
    assert board.card_count() == 3
    modal.button = QMessageBox.StandardButton.Yes
    assert board.delete_cards([a, b])
    assert modal.asked == ["Delete 2 applications?"] * 2
    assert ids_in(board, StageKind.APPLIED) == [c]
    assert JobApplication.get_by_id(a).deleted_at is not None
    board.undo_stack.undo()
    assert ids_in(board, StageKind.APPLIED) == [a, b, c]
    assert JobApplication.get_by_id(a).deleted_at is None


def test_star_toggles_and_undoes(board):
    [app_id] = add_cards(board, "Acme")
    board.toggle_star([app_id])
    assert board.card(app_id).priority == 1
    board.toggle_star([app_id])
    assert board.card(app_id).priority == 0
    board.undo_stack.undo()
    assert board.card(app_id).priority == 1


def test_keep_applying_banner_shows_for_one_active_application(qtbot, board, events):
    assert board.banner.isVisible()
    assert "No application" in board.banner.message.text()
    add_cards(board, "Acme")
    assert "Only one" in board.banner.message.text()
    add_cards(board, "Closed one", kind=StageKind.CLOSED)
    assert board.banner.isVisible()
    add_cards(board, "Bluth")
    assert not board.banner.isVisible()
    with qtbot.waitSignal(events.new_application_requested):
        board.banner.add_button.click()


def test_highlight_marks_cards(board, events):
    _a, b = add_cards(board, "Acme", "Bluth")
    events.highlight_applications.emit([b])
    model = column(board, StageKind.APPLIED).model
    assert [model.index(r, 0).data(HIGHLIGHT_ROLE) for r in range(2)] == [False, True]


def test_long_names_are_in_the_tooltip(board):
    long_name = "International Federation of Municipal Water and Wastewater Engineering Associations"
    [app_id] = add_cards(board, long_name)
    index = column(board, StageKind.APPLIED).model.index(0, 0)
    assert index.data(CARD_ID_ROLE) == app_id
    assert long_name in index.data(Qt.ItemDataRole.ToolTipRole)


def test_cards_use_the_palette_base_colour_in_a_dark_theme(qtbot, board):
    add_cards(board, "Acme")
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.WindowText, "#eeeeee"),
                         (QPalette.ColorRole.Mid, "#555555")):
        dark.setColor(role, QColor(colour))
    board.setPalette(dark)
    view = column(board, StageKind.APPLIED).view
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(0, 0))
    sample = image.pixelColor(rect.left() + 8, rect.bottom() - 6)
    assert sample.lightness() < 60


def test_enter_opens_and_delete_key_asks_to_delete(qtbot, board, modal):
    [app_id] = add_cards(board, "Acme")
    board.select_cards([app_id])
    view = column(board, StageKind.APPLIED).view
    with qtbot.waitSignal(board.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [app_id]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert modal.asked == ["Delete 1 application?"] and board.card_count() == 0


def test_cards_dropped_on_a_collapsed_stage_land_at_its_end(board):
    _a, b = add_cards(board, "Acme", "Bluth")
    offer = column(board, StageKind.OFFER)
    board.toggle_collapsed(offer.stage_id)
    source = column(board, StageKind.APPLIED)
    mime = source.model.mimeData([source.model.index(1, 0)])
    args = (QPointF(10, 50), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(offer.strip, drag_event(QDragEnterEvent, *args))
    drop = QDropEvent(*args)
    QApplication.sendEvent(offer.strip, drop)
    assert drop.isAccepted()
    assert ids_in(board, StageKind.OFFER) == [b]
    assert offer.strip.text.startswith("Offer")


def test_edits_and_new_cards_elsewhere_refresh_only_those_cards(qtbot, board, events):
    [app_id] = add_cards(board, "Acme")
    JobApplication.update(company="Acme Corp").where(JobApplication.id == app_id).execute()
    fresh = create_application("Newco", "Designer")
    events.applications_changed.emit([app_id, fresh.id])
    assert [c.company for c in column(board, StageKind.APPLIED).model.cards()] == ["Acme Corp", "Newco"]
    FollowUp.create(application=fresh.id, kind="thank_you", due_on=TODAY)
    events.followups_changed.emit()
    qtbot.waitUntil(lambda: board.card(fresh.id).pending_count == 1)


def test_reordering_is_refused_while_sorted_by_date(board):
    a, b = add_cards(board, "Acme", "Bluth")
    board.sort_combo.setCurrentIndex(board.sort_combo.findData(SortMode.DUE.value))
    applied = column(board, StageKind.APPLIED)
    mime = applied.model.mimeData([applied.model.index(1, 0)])
    assert not applied.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    board.sort_combo.setCurrentIndex(board.sort_combo.findData(SortMode.BOARD.value))
    assert ids_in(board, StageKind.APPLIED) == [a, b]
    assert board.undo_stack.count() == 0

