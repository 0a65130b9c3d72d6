"""Calendar pane and agenda: groups, the day filter, and the actions on a follow-up."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from jobfollow import i18n
from jobfollow.services.followups import FollowUpService
from jobfollow.store.models import FollowUp
from jobfollow.ui.calendar.agenda_model import (
    DUE_TEXT_ROLE,
    ITEM_ROLE,
    OVERDUE_ROLE,
    SUBTITLE_ROLE,
    AgendaModel,
    due_text,
    group_of,
)
from jobfollow.ui.calendar.calendar_pane import CalendarPane
from jobfollow.ui.calendar.month_calendar import DueCalendar, to_qdate
from tests.conftest import TODAY, started_calendar_pane


@pytest.fixture
def pane(qtbot, demo_profile, events):
    pane, _controller = started_calendar_pane(qtbot, events)
    pane.resize(420, 700)
    pane.show()
    return pane


def test_groups_follow_the_locales_week():
    monday = TODAY
    i18n.set_language("de_DE")  # weeks run Monday to Sunday
    assert [group_of(monday + dt.timedelta(days=d), monday) for d in (-1, 0, 1, 6, 7)] == [
        "overdue", "today", "week", "week", "later"]
    i18n.set_language("en_US")  # weeks run Sunday to Saturday
    sunday = monday - dt.timedelta(days=1)
    assert [group_of(sunday + dt.timedelta(days=d), sunday) for d in (1, 6, 7)] == ["week", "week", "later"]
    assert group_of(monday + dt.timedelta(days=6), monday) == "later"
    assert due_text(monday - dt.timedelta(days=3), monday) == "3 days overdue"
    assert due_text(monday + dt.timedelta(days=2), monday) == "in 2 days"


def test_agenda_model_is_a_valid_qt_model(qtmodeltester, demo_profile, events):
    controller = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    controller.start()
    model = AgendaModel()
    model.set_items(controller.items, TODAY)
    qtmodeltester.check(model)
    model.set_items([], TODAY)
    qtmodeltester.check(model)


def test_demo_agenda_has_overdue_and_upcoming_groups(pane):
    model = pane.model
    keys = model.group_keys()
    assert keys[0] == "overdue" and ("later" in keys or "week" in keys)
    first_group = model.index(0, 0)
    assert model.data(first_group).startswith("Overdue (") and model.data(first_group, OVERDUE_ROLE)
    row = model.index(0, 0, first_group)
    item = model.data(row, ITEM_ROLE)
    assert "overdue" in model.data(row, DUE_TEXT_ROLE)
    assert item.company in model.data(row, SUBTITLE_ROLE)
    assert model.item_count() == len(pane.controller.items)
    assert "overdue" in pane.summary_label.text()


def test_calendar_counts_and_overdue_in_red(pane):
    counts = pane.calendar.counts
    assert sum(counts.values()) == len(pane.controller.items)
    past = [day for day in counts if day < TODAY]
    assert past and pane.calendar.tooltip_for(past[0]).endswith("due")


def test_first_day_of_week_follows_the_locale(qtbot):
    i18n.set_language("en_US")
    us = DueCalendar()
    i18n.set_language("de_DE")
    de = DueCalendar()
    qtbot.addWidget(us)
    qtbot.addWidget(de)
    assert us.firstDayOfWeek() == Qt.DayOfWeek.Sunday and de.firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_clicking_a_day_filters_and_highlights_cards(pane, events, qtbot):
    day = next(d for d in sorted(pane.calendar.counts) if d >= TODAY)
    expected = {i.application_id for i in pane.controller.items if i.due_on == day}
    with qtbot.waitSignal(events.highlight_applications) as highlighted:
        pane.calendar.clicked.emit(to_qdate(day))
    assert set(highlighted.args[0]) == expected
    assert pane.model.item_count() == pane.calendar.counts[day]
    assert pane.show_all_button.isVisible()
    with qtbot.waitSignal(events.highlight_applications) as cleared:
        pane.calendar.clicked.emit(to_qdate(day))  # the same day again clears the filter
    assert cleared.args[0] == [] and pane.model.item_count() == len(pane.controller.items)
    pane.set_day_filter(day)
    pane.show_all_button.click()
    assert pane.day_filter is None and not pane.show_all_button.isVisible()


def first_item_index(pane):
    return pane.model.index(0, 0, pane.model.index(0, 0))


def test_done_with_what_happened(pane):
    pane.view.setCurrentIndex(first_item_index(pane))
    item = pane.current_item()
    pane.done_actions["reply_received"].trigger()
    row = FollowUp.get_by_id(item.id)
    assert (row.state, row.result) == ("done", "reply_received")
    assert item.id not in {i.id for i in pane.controller.items}


def test_snooze_skip_and_keyboard(pane, qtbot):
    pane.view.setCurrentIndex(first_item_index(pane))
    item = pane.current_item()
    pane.snooze_three.trigger()
    assert FollowUp.get_by_id(item.id).snoozed_until == TODAY + dt.timedelta(days=3)
    moved = next(i for i in pane.controller.items if i.id == item.id)
    assert moved.due_on == TODAY + dt.timedelta(days=3) and moved.state == "snoozed"
    pane.view.setCurrentIndex(first_item_index(pane))
    other = pane.current_item()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert FollowUp.get_by_id(other.id).state == "skipped"


def test_open_card_and_write_letter_emit_events(pane, events, qtbot):
    index = first_item_index(pane)
    pane.view.setCurrentIndex(index)
    item = pane.current_item()
    with qtbot.waitSignal(events.open_application_requested) as opened:
        pane.view.doubleClicked.emit(index)
    assert opened.args == [item.application_id]
    letter_item = next(i for i in pane.controller.items if i.kind == "thank_you")
    pane.select(letter_item.id)
    assert pane.letter_action.isEnabled()
    with qtbot.waitSignal(events.write_letter_requested) as asked:
        pane.letter_action.trigger()
    assert asked.args == [letter_item.id]
    lessons = next((i for i in pane.controller.items if i.kind in ("lessons", "next_round_prep")), None)
    if lessons is not None:
        pane.select(lessons.id)
        assert not pane.letter_action.isEnabled()


def test_add_your_own_followup(pane, qtbot, monkeypatch):
    from jobfollow.ui.calendar import calendar_pane as module
    from jobfollow.ui.calendar.followup_dialogs import CustomFollowUpDialog

    cards = module.live_cards()
    dialog = CustomFollowUpDialog(cards, TODAY)
    qtbot.addWidget(dialog)
    dialog.accept()  # nothing typed: it says what is missing and stays open
    assert dialog.error_label.isVisibleTo(dialog) and dialog.result() == 0
    dialog.title_edit.setText("Send Amy the portfolio link")
    dialog.accept()
    assert dialog.result() == 1
    values = dialog.values()
    assert values["title"] == "Send Amy the portfolio link" and values["due_on"] == TODAY + dt.timedelta(days=1)

    class Accepting(CustomFollowUpDialog):
        def exec(self):
            self.title_edit.setText("Call Dana about the start date")
            self.accept()
            return 1

    monkeypatch.setattr(module, "CustomFollowUpDialog", Accepting)
    pane.add_action.trigger()
    item = pane.current_item()
    assert item is not None and (item.title, item.kind) == ("Call Dana about the start date", "custom")


def test_own_followup_date_is_written_like_the_other_forms(qtbot, profile):
    from jobfollow.ui.calendar.followup_dialogs import CustomFollowUpDialog

    i18n.set_language("de_DE")
    dialog = CustomFollowUpDialog([(1, "Acme", "Analyst")], TODAY)
    qtbot.addWidget(dialog)
    assert dialog.due_edit.text() == "05.05.2026"  # not the system's 05.05.26 or 5/5/26
    assert dialog.due_edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_own_followup_rows_sit_close_together(qtbot, profile):
    from jobfollow.ui.calendar.followup_dialogs import CustomFollowUpDialog

    dialog = CustomFollowUpDialog([(1, "Acme", "Analyst")], TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    gaps = [below.y() - above.geometry().bottom() for above, below in
            ((dialog.card_combo, dialog.title_edit), (dialog.title_edit, dialog.due_edit),
             (dialog.due_edit, dialog.channel_combo))]
    assert max(gaps) <= 12  # the spare height goes to "Why", not between the rows
    assert dialog.reason_edit.height() >= 70


def test_done_and_skip_can_be_undone(qtbot, demo_profile, events):
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    pane, controller = started_calendar_pane(qtbot, events, stack)
    check = next(i for i in controller.items if i.kind == "status_check" and i.due_on <= TODAY)
    pane.select(check.id)
    pane.done_actions["called"].trigger()
    following = [i for i in controller.items if i.kind == "status_check" and i.application_id == check.application_id]
    assert following and following[0].id != check.id  # the next check, backed off
    assert stack.undoText().startswith("Done: ")
    stack.undo()
    assert FollowUp.get_by_id(check.id).state == "open"
    assert [i.id for i in controller.items if i.kind == "status_check" and i.application_id == check.application_id
            ] == [check.id]  # the next check went away with the undo
    pane.select(check.id)
    pane.skip_action.trigger()
    stack.undo()
    assert FollowUp.get_by_id(check.id).state == "open"
    stack.redo()
    assert FollowUp.get_by_id(check.id).state == "skipped"


def test_before_the_first_refresh_the_agenda_says_it_is_reading_not_that_nothing_is_open(qtbot, demo_profile,
                                                                                      events):
    # At 50,000 cards the first refresh takes seconds on its worker; "0 open in all" meanwhile was simply wrong.
    controller = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    waiting = CalendarPane(events)
    qtbot.addWidget(waiting)
    waiting.set_controller(controller)
    assert waiting.summary_label.text() == "Reading your follow-ups\u2026"
    assert "No follow-ups are open" not in waiting.empty_label.text()
    controller.start()
    assert "open in all" in waiting.summary_label.text() and controller.items


def test_a_first_refresh_that_fails_still_shows_the_follow_ups_stored(qtbot, demo_profile, events, monkeypatch):
    from jobfollow.services import followups as service_module

    controller = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    reported = []
    monkeypatch.setattr(controller, "_report_failure", reported.append)
    stored = service_module.store.pending_followups()
    controller._worker_failed(RuntimeError("attempt to write a readonly database"))
    assert reported and controller.loaded and len(controller.items) == len(stored) > 0
