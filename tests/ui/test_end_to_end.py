"""The path a person takes through the real window: add a card, record an interview with three interviewers,
thank each of them from the agenda, drag the card to Closed, undo, search by a name, and accept an offer.

Dialogs are driven through their public methods (offscreen has no modal loops); moves go through the
board's own move API, the same path a drop or Ctrl+Right takes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QDragMoveEvent
from PySide6.QtWidgets import QApplication

from jobfollow.core.stages import ContactRole, StageKind
from jobfollow.store.applications import first_stage_of_kind
from jobfollow.store.models import ApplicationContact, FollowUp, JobApplication
from jobfollow.ui.main_window import MainWindow
from tests.conftest import run_queued_reactions

pytestmark = pytest.mark.slow

INTERVIEWERS = ("Ada Moreau", "Björn Kaspersen", "Chiara Lombardi")


@pytest.fixture
def forms(modal) -> list:
    """Every form the window opens, kept open for the test to fill in (the last one opened is at the end)."""
    opened = []
    modal.on_dialog = lambda dialog: opened.append(dialog) or 0
    return opened


@pytest.fixture
def window(qtbot, profile, events, forms):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def stage(kind: StageKind) -> int:
    return first_stage_of_kind(kind).id


def add_application(window, forms, company: str, position: str) -> int:
    window.forms.new_application_action.trigger()
    form = forms.pop()
    form.details_page.company_edit.setText(company)
    form.details_page.position_edit.setText(position)
    form.accept()
    return form.application_id


def agenda_items(window) -> list:
    """Every follow-up row the agenda shows, under its group headings (interviews are rows too, not follow-ups)."""
    model = window.calendar_pane.model
    items = [model.item_at(model.index(row, 0, model.index(group, 0)))
             for group in range(model.rowCount()) for row in range(model.rowCount(model.index(group, 0)))]
    return [item for item in items if item is not None]


def agenda_rows(window) -> list[tuple[str, int]]:
    """(kind, application id) of every follow-up the agenda lists."""
    return sorted((item.kind, item.application_id) for item in agenda_items(window))


def agenda_thank_yous(window, app_id: int) -> list[str]:
    return sorted(item.title for item in agenda_items(window)
                  if item.kind == "thank_you" and item.application_id == app_id)


def network_names(app_id: int) -> list[str]:
    links = ApplicationContact.select().where(ApplicationContact.application == app_id,
                                              ApplicationContact.role == ContactRole.NETWORK.value)
    return sorted(link.contact.name for link in links)


def pending_of(window, app_id: int) -> int:
    return sum(1 for _kind, owner in agenda_rows(window) if owner == app_id)


def visible_card_ids(window) -> set[int]:
    return {column.model.card(row).id for column in window.board.columns if column.isVisible()
            for row in range(column.model.rowCount())}


def record_interview(window, forms, qtbot, app_id: int) -> None:
    """Move the card to Interviewed: the interview form opens, three interviewers are typed and saved."""
    assert window.board.move_ids_to_stage([app_id], stage(StageKind.INTERVIEWED))
    form = forms.pop()
    for name in INTERVIEWERS[:-1]:
        form.new_name_edit.setText(name)
        form.new_title_edit.setText("Engineering lead")
        assert form.add_typed_person()
    form.new_name_edit.setText(INTERVIEWERS[-1])  # typed but not added: Save keeps it
    form.topic_edit.setText("their plan to open an office in Lyon")
    with qtbot.waitSignal(window.events.followups_changed):
        form.accept()


def test_add_interview_thank_move_close_undo_and_find(qtbot, window, forms, monkeypatch, modal):
    from jobfollow.ui.letters import send_check

    asked = []  # the template's open points ({forgotten_point}...) are named before it leaves; sent anyway
    monkeypatch.setattr(send_check, "ask_send_anyway", lambda _p, _t, sentences: asked.append(sentences) or True)
    board, agenda = window.board, window.calendar_pane
    app_id = add_application(window, forms, "Larkspur Robotics", "Firmware engineer")
    assert board.card(app_id).stage_id == stage(StageKind.APPLIED)
    assert window.status_label.text() == "1 application"

    record_interview(window, forms, qtbot, app_id)
    titles = agenda_thank_yous(window, app_id)
    assert len(titles) == 3 and all(any(name in title for title in titles) for name in INTERVIEWERS)
    assert pending_of(window, app_id) == 4  # three thank-yous and the status check
    qtbot.waitUntil(lambda: board.card(app_id).pending_count == 4)

    # Thank the first interviewer from the agenda's Letter button, then mark the letter sent.
    first = next(item for item in agenda_items(window) if item.kind == "thank_you" and INTERVIEWERS[0] in item.title)
    assert agenda.select(first.id)
    assert agenda.letter_action.isEnabled()
    agenda.letter_button.click()
    letter = window.letter_pane.letter
    assert letter is not None and letter.application_id == app_id
    _subject, body = window.letter_pane.rendered()  # placeholders filled from the card
    assert INTERVIEWERS[0] in body and "Lyon" in body
    window.letter_pane.sent_button.click()
    assert asked and FollowUp.get_by_id(first.id).state == "done"
    remaining = agenda_thank_yous(window, app_id)
    assert len(remaining) == 2 and not any(INTERVIEWERS[0] in title for title in remaining)
    qtbot.waitUntil(lambda: board.card(app_id).pending_count == 3)

    # Through the stages to Closed, with an outcome.
    modal.menu_choice = "withdrew"
    for kind in (StageKind.NEXT_ROUND, StageKind.OFFER):
        assert board.move_ids_to_stage([app_id], stage(kind))
        assert board.card(app_id).stage_id == stage(kind)
    qtbot.waitUntil(lambda: window.offers.dialog is not None)
    offer_dialog = window.offers.dialog
    offer_dialog.reject()
    assert board.move_ids_to_stage([app_id], stage(StageKind.CLOSED))
    card = board.card(app_id)
    assert card.stage_id == stage(StageKind.CLOSED) and card.outcome == "withdrew"
    assert JobApplication.get_by_id(app_id).outcome == "withdrew"
    qtbot.waitUntil(lambda: window.offers.dialog is not offer_dialog)  # the withdrawal letter is offered
    assert len(network_names(app_id)) == 3  # whatever the outcome, the interviewers stay in your network
    window.offers.dialog.reject()
    # The letter prompt dismissed: the withdrawal is all a closed card still asks for, as a follow-up.
    assert [kind for kind, owner in agenda_rows(window) if owner == app_id] == ["withdraw"]
    assert board.card(app_id).pending_count == 1

    # Undo the last two moves: back in Next round with no outcome, and its follow-ups back in the agenda.
    last_dialog = window.offers.dialog
    window.undo_action.trigger()
    window.undo_action.trigger()
    run_queued_reactions()  # every reaction to the moves has run
    assert window.offers.dialog is last_dialog  # putting the card back into Offer does not ask for the offer again
    assert network_names(app_id) == []  # the close made them network contacts; its undo takes that back
    assert not any(kind == "network_checkin" for kind, _owner in agenda_rows(window))
    card = board.card(app_id)
    assert card.stage_id == stage(StageKind.NEXT_ROUND) and card.outcome is None
    assert JobApplication.get_by_id(app_id).stage_id == stage(StageKind.NEXT_ROUND)
    assert board.column_for(stage(StageKind.CLOSED)).model.rowCount() == 0
    assert board.column_for(stage(StageKind.NEXT_ROUND)).model.row_of(app_id) >= 0
    assert len(agenda_thank_yous(window, app_id)) == 2
    qtbot.waitUntil(lambda: board.card(app_id).pending_count == pending_of(window, app_id))
    assert window.undo_action.text() == "&Undo Move 1 card to Next round"

    # Redo the close: the network comes back, and no question is asked again.
    window.redo_action.trigger()
    window.redo_action.trigger()
    run_queued_reactions()
    assert board.card(app_id).stage_id == stage(StageKind.CLOSED) and window.offers.dialog is last_dialog
    assert len(network_names(app_id)) == 3
    window.undo_action.trigger()
    window.undo_action.trigger()

    # Find it again by an interviewer's name (folded: no accent or case needed).
    other = add_application(window, forms, "Quayside Foods", "Buyer")
    board.search_edit.setText("bjorn")
    assert visible_card_ids(window) == {app_id}
    board.search_edit.setText("")
    assert visible_card_ids(window) == {app_id, other}


def test_accepting_an_offer_asks_to_withdraw_from_the_other_active_cards(qtbot, window, forms, modal):
    board = window.board
    chosen = add_application(window, forms, "Larkspur Robotics", "Firmware engineer")
    others = [add_application(window, forms, "Quayside Foods", "Buyer"),
              add_application(window, forms, "Tallow & Wick", "Analyst")]
    closed = add_application(window, forms, "Old Mill Bakery", "Baker")
    modal.menu_choice = "rejected"
    assert board.move_ids_to_stage([closed], stage(StageKind.CLOSED))
    qtbot.waitUntil(lambda: window.offers.dialog is not None)  # the lessons of a rejection
    window.offers.dialog.reject()

    assert board.move_ids_to_stage([chosen], stage(StageKind.OFFER))
    qtbot.waitUntil(lambda: window.offers.dialog is not None and getattr(window.offers.dialog, "app_id", 0) == chosen)
    offer = window.offers.dialog
    offer.money["base_salary"].edit.setText("72000")
    offer.written.setChecked(True)
    offer.close_with("accept")
    accept = offer.outcome_dialog
    assert "Quayside Foods" in accept.checklist.text() and "Old Mill" not in accept.checklist.text()
    with qtbot.waitSignal(window.events.compose_letter_requested):
        accept.accept_button.click()

    assert board.card(chosen).stage_id == stage(StageKind.ACCEPTED)
    withdraws = {owner for kind, owner in agenda_rows(window) if kind == "withdraw"}
    assert withdraws == set(others)
    qtbot.waitUntil(lambda: all(board.card(o).next_kind == "withdraw" for o in others))
    letter = window.letter_pane.letter  # the acceptance letter opens next
    assert letter is not None and letter.application_id == chosen and letter.template_key == "accept_offer"


def test_forms_open_with_the_cursor_in_the_first_field_so_typing_is_not_lost(qtbot, window, forms):
    window.forms.new_application_action.trigger()
    form = forms.pop()
    form.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    assert QApplication.focusWidget() is form.details_page.company_edit  # not the tab bar
    qtbot.keyClicks(QApplication.focusWidget(), "Larkspur Robotics")
    assert form.details_page.company_edit.text() == "Larkspur Robotics"
    form.details_page.position_edit.setText("Firmware engineer")
    form.accept()

    assert window.board.move_ids_to_stage([form.application_id], stage(StageKind.INTERVIEWED))
    interview = forms.pop()
    interview.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is interview.starts_edit)
    interview.reject()


def test_a_drag_near_the_board_edge_scrolls_to_the_stages_out_of_sight(qtbot, window, forms):
    window.resize(1000, 700)
    board = window.board
    app_id = add_application(window, forms, "Larkspur Robotics", "Firmware engineer")
    closed = board.column_for(stage(StageKind.CLOSED))
    viewport = board.scroll.viewport()
    bar = board.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the stages do not all fit
    assert bar.value() == 0 and closed.visibleRegion().isEmpty()

    source = board.column_for(stage(StageKind.APPLIED)).view.viewport()
    mime = board.column_for(stage(StageKind.APPLIED)).model.mimeData(
        [board.column_for(stage(StageKind.APPLIED)).model.index(0, 0)])
    edge = QPoint(viewport.width() - 10, viewport.height() // 2)
    QCursor.setPos(viewport.mapToGlobal(edge))
    qtbot.waitUntil(lambda: viewport.mapFromGlobal(QCursor.pos()) == edge)
    event = QDragMoveEvent(source.mapFrom(viewport, edge), Qt.DropAction.MoveAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    board.drag_scroller.eventFilter(source, event)  # offscreen Qt delivers no drag events outside a real drag
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())  # held at the edge, it scrolls to the end
    assert not closed.visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: not board.drag_scroller.timer.isActive())  # at the end it stops by itself

    QCursor.setPos(viewport.mapToGlobal(viewport.rect().center()))  # away from the edges nothing moves
    qtbot.waitUntil(lambda: board.drag_scroller.direction() == 0)
    assert not board.drag_scroller.step() and bar.value() == bar.maximum()
    assert board.card(app_id).stage_id == stage(StageKind.APPLIED)


def test_after_three_unanswered_checks_the_agenda_closes_the_card_as_no_response(qtbot, window):
    import datetime as dt

    from jobfollow.store import followups as fu
    from jobfollow.store.applications import create_application
    from jobfollow.store.models import Contact, Interview, InterviewAttendee

    today = window.calendar_pane.today
    day = today - dt.timedelta(days=120)
    app = create_application("Silent Ltd", "Analyst", stage(StageKind.INTERVIEWED),
                             stage_entered_at=dt.datetime.combine(day, dt.time(18)))
    interview = Interview.create(application=app, starts_at=dt.datetime.combine(day, dt.time(14)))
    InterviewAttendee.create(interview=interview, contact=Contact.create(name="Quiet Quinn"))
    for _n in range(3):  # three status checks sent, none answered
        fu.refresh_followups([app.id], today=day)
        check = FollowUp.get((FollowUp.application == app.id) & (FollowUp.kind == "status_check")
                             & (FollowUp.state == "open"))
        day = check.due_on
        fu.mark_done(check.id, "sent", when=dt.datetime.combine(day, dt.time(10)))
    with qtbot.waitSignal(window.events.followups_changed):
        window.events.applications_changed.emit([app.id])
    pane = window.calendar_pane
    [suggestion] = [item for item in agenda_items(window) if item.kind == "close_suggestion"]
    pane.select(suggestion.id)
    assert pane.close_card_action.isVisible() and pane.close_card_action.isEnabled()
    assert "No response" in pane.close_card_action.text()
    with qtbot.waitSignal(window.events.followups_changed):
        pane.close_card_action.trigger()  # no outcome menu: the outcome is the one suggested
    closed = JobApplication.get_by_id(app.id)
    assert (closed.stage_id, closed.outcome) == (stage(StageKind.CLOSED), "no_response")
    assert ("close_suggestion", app.id) not in agenda_rows(window)
    with qtbot.waitSignal(window.events.followups_changed):
        window.undo_stack.undo()
    assert JobApplication.get_by_id(app.id).stage_id == stage(StageKind.INTERVIEWED)
    assert ("close_suggestion", app.id) in agenda_rows(window)
    pane.select(next(item.id for item in agenda_items(window) if item.kind == "thank_you"))
    assert not pane.close_card_action.isVisible()  # only offered where the rules suggest closing
