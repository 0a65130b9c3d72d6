"""A move to Interview scheduled asks for the interview's date; a move to Interviewed while interviews are still
planned asks which one took place; a new card is selected once saved."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QInputDialog

from jobfollow.core.stages import StageKind
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.models import Contact, Interview, InterviewAttendee
from jobfollow.ui.board import interview_prompts
from jobfollow.ui.board.board_widget import BoardWidget


@pytest.fixture
def board(qtbot, profile, events):
    from PySide6.QtGui import QUndoStack

    widget = BoardWidget(events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1900, 700)
    widget.show()
    return widget


def move_to(board, app_id, kind):
    board.move_ids_to_stage([app_id], first_stage_of_kind(kind).id)


def test_moving_to_interview_scheduled_asks_for_the_interview(qtbot, board, events):
    app = create_application("Contoso", "Analyst")
    board.reload()
    with qtbot.waitSignal(events.record_interview_requested) as asked:
        move_to(board, app.id, StageKind.INTERVIEW_SCHEDULED)
    assert asked.args == [app.id]


def test_no_question_when_the_interview_is_already_planned(qtbot, board, events):
    app = create_application("Contoso", "Analyst")
    Interview.create(application=app, starts_at=dt.datetime.now() + dt.timedelta(days=3))
    board.reload()
    with qtbot.assertNotEmitted(events.record_interview_requested):
        move_to(board, app.id, StageKind.INTERVIEW_SCHEDULED)


def test_moving_to_interviewed_asks_which_planned_interview_took_place(qtbot, board, events, monkeypatch):
    app = create_application("Fabrikam", "Designer", stage_id=first_stage_of_kind(StageKind.INTERVIEW_SCHEDULED).id)
    first = Interview.create(application=app, starts_at=dt.datetime.now() + dt.timedelta(days=2), format="phone")
    InterviewAttendee.create(interview=first, contact=Contact.create(name="Ana Ruiz"))
    Interview.create(application=app, starts_at=dt.datetime.now() + dt.timedelta(days=9))
    board.reload()
    offered = []

    def pick_first(_parent, _title, label, items, *_rest):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_first)
    with qtbot.waitSignal(events.applications_changed):
        move_to(board, app.id, StageKind.INTERVIEWED)
    assert len(offered) == 3 and "Ana Ruiz" in offered[0] and "Phone" in offered[0]
    held = Interview.get_by_id(first.id).starts_at
    assert held.date() == dt.date.today() and held <= dt.datetime.now()  # it took place: its thank-you is due


def test_another_interview_opens_the_form_and_cancel_asks_nothing_more(qtbot, board, events, monkeypatch):
    app = create_application("Northwind", "Analyst")
    Interview.create(application=app, starts_at=dt.datetime.now() + dt.timedelta(days=2))
    board.reload()
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_r: (items[-1], True))
    with qtbot.waitSignal(events.record_interview_requested):
        move_to(board, app.id, StageKind.INTERVIEWED)
    other = create_application("Litware", "Analyst")
    Interview.create(application=other, starts_at=dt.datetime.now() + dt.timedelta(days=2))
    board.reload()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("", False))
    with qtbot.assertNotEmitted(events.record_interview_requested), \
            qtbot.assertNotEmitted(events.applications_changed):
        move_to(board, other.id, StageKind.INTERVIEWED)


def test_entry_label_names_day_time_format_and_people(profile):
    from jobfollow.store.interview_entries import upcoming_interviews

    app = create_application("Contoso", "Analyst")
    row = Interview.create(application=app, starts_at=dt.datetime.now() + dt.timedelta(days=1), format="video")
    InterviewAttendee.create(interview=row, contact=Contact.create(name="Bo Chen"))
    (entry,) = upcoming_interviews(dt.date.today())
    label = interview_prompts.entry_label(entry)
    assert "Video" in label and "Bo Chen" in label


def test_a_new_card_is_selected_after_saving(qtbot, demo_profile, events, modal):
    from jobfollow.ui.main_window import MainWindow

    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    window.show()

    def fill_and_save(dialog):
        dialog.details_page.company_edit.setText("Brand New Ltd")
        dialog.details_page.position_edit.setText("Planner")
        dialog.accept()
        return 1

    modal.on_dialog = fill_and_save
    dialog = window.forms.new_application()
    assert dialog.application_id is not None
    assert window.board.selected_ids() == [dialog.application_id]
