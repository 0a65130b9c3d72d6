"""The agenda and the board follow what a refresh changed, in place: one follow-up done changes one row, a new day
changes the texts; a long group shows a page at a time. No reset, no reload of every row."""

from __future__ import annotations

import datetime as dt

from jobfollow.core.card_texts import due_phrase
from jobfollow.services.followups import FollowUpService
from jobfollow.store import followups as followups_store
from jobfollow.store.applications import create_application
from jobfollow.store.models import FollowUp
from jobfollow.ui.board.board_widget import BoardWidget
from jobfollow.ui.calendar.agenda_model import DUE_TEXT_ROLE, MORE_ROLE, PAGE, AgendaModel, due_text, group_of
from jobfollow.ui.calendar.month_calendar import to_qdate
from tests.conftest import TODAY, started_calendar_pane


def _rows(model):
    """(group key, follow-up id or None) of every row under the groups, in order."""
    out = []
    for number, key in enumerate(model.group_keys()):
        parent = model.index(number, 0)
        for row in range(model.rowCount(parent)):
            entry = model.entry_at(model.index(row, 0, parent))
            out.append((key, entry.id if entry is not None else None))
    return out


def test_one_follow_up_done_removes_only_its_row(qtbot, qtmodeltester, demo_profile, events):
    pane, service = started_calendar_pane(qtbot, events)
    model = pane.model
    qtmodeltester.check(model)  # the tester stays attached: every row change below is checked as it happens
    before = _rows(model)
    done = next(item for item in service.items if item.kind == "thank_you")  # completing it schedules nothing
    state = followups_store.saved_state(done.id)
    news = []
    events.followups_refreshed.connect(news.append)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved) as removed:
        assert service.mark_done(done.id, "sent") is None
    assert removed.args[1:] == [removed.args[1], removed.args[1]]  # one row
    assert _rows(model) == [row for row in before if row[1] != done.id]
    assert news[-1].application_ids == {done.application_id} and done.id in news[-1].followup_ids

    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        service.restore(done.id, state)  # what Undo does
    assert _rows(model) == before


def test_a_new_day_moves_the_texts_of_agenda_and_badges(qtbot, demo_profile, events):
    pane, service = started_calendar_pane(qtbot, events)
    board = BoardWidget(events)
    qtbot.addWidget(board)
    model = pane.model
    tomorrow = TODAY + dt.timedelta(days=1)
    service.clock = lambda: dt.datetime.combine(tomorrow, dt.time(9))
    with qtbot.waitSignal(events.followups_changed, timeout=10_000):
        service.tick()
    qtbot.waitUntil(lambda: model.today == tomorrow)
    assert service.today == tomorrow and board.delegate.today == tomorrow
    assert pane.calendar.selectedDate() == to_qdate(tomorrow)  # the selection that marked today moved with it
    for number in range(len(model.group_keys())):
        parent = model.index(number, 0)
        for row in range(min(3, model.rowCount(parent))):
            index = model.index(row, 0, parent)
            item = model.item_at(index)
            if item is not None:
                assert index.data(DUE_TEXT_ROLE) == due_text(item.due_on, tomorrow)
    card = next(board.card(i) for i in board._cards if board.card(i).next_due is not None)
    assert board.delegate._card_texts(card).timing == due_phrase(card.next_due, tomorrow)


def test_a_long_group_shows_a_page_and_the_rest_on_request(qtbot, qtmodeltester, profile, events):
    app = create_application("Acme", "Analyst")
    later = TODAY + dt.timedelta(days=30)
    for number in range(PAGE + 30):
        FollowUp.create(application=app.id, kind="custom", title=f"Call {number}", due_on=later, state="open")
    service = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    service.start()
    model = AgendaModel()
    qtmodeltester.check(model)
    model.set_items(service.items, TODAY)
    in_group = sum(1 for item in service.items if group_of(item.due_on, TODAY) == "later")  # 230 and the rules'
    later_group = model.index(model.group_keys().index("later"), 0)
    assert model.rowCount(later_group) == PAGE + 1
    more = model.index(PAGE, 0, later_group)
    assert model.is_more_row(more) and more.data(MORE_ROLE) and str(in_group - PAGE) in more.data()
    assert model.item_count() == len(service.items)  # held, though not all shown

    with qtbot.waitSignal(model.rowsInserted):
        model.show_more(later_group.row())
    assert model.rowCount(later_group) == in_group and not model.is_more_row(model.index(in_group - 1, 0, later_group))

    # The list changes again (one follow-up gone): the page stays as long as the user made it.
    gone = next(item for item in service.items if group_of(item.due_on, TODAY) == "later")
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_items([item for item in service.items if item is not gone], TODAY)
    assert model.rowCount(later_group) == in_group - 1


def test_the_board_reads_again_only_the_cards_whose_follow_ups_changed(qtbot, demo_profile, events):
    board = BoardWidget(events)
    qtbot.addWidget(board)
    board.resize(1200, 800)
    board.show()
    _pane, service = started_calendar_pane(qtbot, events)
    ids = list(board._cards)
    for app_id in ids:
        board.card(app_id)  # every card read once
    read = []
    real = board.context.load_cards
    board.context.load_cards = lambda wanted: read.extend(wanted) or real(wanted)
    item = service.items[0]
    assert service.mark_done(item.id, "sent") is None
    for app_id in ids:
        board.card(app_id)
    assert read and set(read) == {item.application_id}
