"""The offers service: saving and answering an offer are one undo step each, with their events; a value that
cannot be right or a write that cannot be stored leaves nothing to undo."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtGui import QUndoStack

from jobfollow.core.stages import ContactRole, StageKind
from jobfollow.services.offers import OfferService
from jobfollow.services.worker import WritesPausedError, long_write
from jobfollow.store import offers as store
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    Interview,
    InterviewAttendee,
    JobApplication,
    Offer,
)


@pytest.fixture
def service(qtbot, events, profile):
    return OfferService(events, QUndoStack())


@pytest.fixture
def card(profile):
    """A card in the Offer stage with two interviewers."""
    app = create_application("Northwind", "Analyst", stage_id=first_stage_of_kind(StageKind.OFFER).id)
    interview = Interview.create(application=app, starts_at=dt.datetime(2026, 4, 27, 10))
    for name in ("Ann Lee", "Bo Kim"):
        person = Contact.create(name=name)
        ApplicationContact.create(application=app, contact=person, role=ContactRole.INTERVIEWER.value)
        InterviewAttendee.create(interview=interview, contact=person)
    return app


def timeline(app_id):
    return [a.summary for a in Activity.select().where(Activity.application == app_id).order_by(Activity.id)]


def network(app_id):
    return ApplicationContact.select().where(ApplicationContact.application == app_id,
                                             ApplicationContact.role == ContactRole.NETWORK.value).count()


def stage_kind(app_id):
    return JobApplication.get_by_id(app_id).stage.kind


def test_recording_an_offer_is_one_step_that_undo_takes_back_whole(qtbot, service, events, card):
    before = timeline(card.id)
    with qtbot.waitSignal(events.applications_changed) as changed:
        offer = service.save_offer(card.id, {"currency": "EUR", "base_salary": "60000"})
    assert changed.args == [[card.id]]
    assert Offer.get_by_id(offer.id).base_salary == 60000 and len(timeline(card.id)) == len(before) + 1
    assert service.undo_stack.undoText() == "Record the offer"
    with qtbot.waitSignal(events.applications_changed):
        service.undo_stack.undo()
    assert Offer.select().count() == 0 and timeline(card.id) == before  # no offer, no "Offer recorded"
    service.undo_stack.redo()
    assert store.offer_for_application(card.id).base_salary == 60000


def test_changing_an_offer_undoes_to_the_figures_before(service, card):
    offer = service.save_offer(card.id, {"currency": "EUR", "base_salary": "60000"})
    service.save_offer(card.id, {"currency": "EUR", "base_salary": "65000"}, offer.id)
    assert Offer.get_by_id(offer.id).base_salary == 65000
    service.undo_stack.undo()
    assert Offer.get_by_id(offer.id).base_salary == 60000


def test_a_value_that_cannot_be_right_saves_nothing_and_leaves_nothing_to_undo(service, card):
    with pytest.raises(store.OfferInputError):
        service.save_offer(card.id, {"currency": "EUR", "base_salary": "-5"})
    assert Offer.select().count() == 0 and service.undo_stack.count() == 0


def test_a_locked_database_or_a_running_import_refuses_the_save(service, card, monkeypatch):
    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "write_offer", locked)
    with pytest.raises(sqlite3.OperationalError):
        service.save_offer(card.id, {"currency": "EUR"})
    monkeypatch.undo()
    long_write.hold("An import is still running; try again when it has finished.")
    try:
        with pytest.raises(WritesPausedError):
            service.save_offer(card.id, {"currency": "EUR"})
        with pytest.raises(WritesPausedError):  # the comparison window stays open beside the import's progress
            service.set_comparison_weights({"bonus_target": "0.5"})
        with pytest.raises(WritesPausedError):
            service.set_current_job({"currency": "EUR", "base_salary": "50000"})
    finally:
        long_write.release()
    assert store.current_job() is None
    assert Offer.select().count() == 0 and service.undo_stack.count() == 0


def test_accepting_moves_the_card_and_undo_puts_card_and_offer_back(qtbot, service, events, card):
    offer = service.save_offer(card.id, {"currency": "EUR"})
    before = timeline(card.id)
    moves, letters = [], []
    events.card_moved.connect(lambda *args: moves.append(args))
    events.compose_letter_requested.connect(lambda *args: letters.append(args))
    assert service.accept(offer.id, dt.date(2026, 6, 1)) is None
    assert stage_kind(card.id) == StageKind.ACCEPTED and Offer.get_by_id(offer.id).status == "accepted"
    assert [m[3] for m in moves] == [False] and [letter[1] for letter in letters] == ["accept_offer"]
    service.undo_stack.undo()
    assert stage_kind(card.id) == StageKind.OFFER
    assert Offer.get_by_id(offer.id).status == "pending" and Offer.get_by_id(offer.id).start_date is None
    assert timeline(card.id) == before and moves[-1][3] is True  # a replay: nobody asks anything
    service.undo_stack.redo()
    assert stage_kind(card.id) == StageKind.ACCEPTED and moves[-1][3] is True
    assert len(letters) == 1  # the letter is asked for once, not again on Redo


def test_declining_keeps_the_interviewers_as_network_and_undo_takes_them_back(service, card):
    offer = service.save_offer(card.id, {"currency": "EUR"})
    assert service.decline(offer.id, "too far") is None
    assert stage_kind(card.id) == StageKind.CLOSED and JobApplication.get_by_id(card.id).outcome == "declined_offer"
    assert network(card.id) == 2
    service.undo_stack.undo()
    assert network(card.id) == 0 and stage_kind(card.id) == StageKind.OFFER
    assert JobApplication.get_by_id(card.id).outcome is None and Offer.get_by_id(offer.id).status == "pending"


def test_a_close_on_the_board_keeps_the_network_and_its_undo_puts_it_back(qtbot, service, events, card):
    with qtbot.waitSignal(events.applications_changed):
        assert service.keep_network_on_close(card.id)
    assert network(card.id) == 2
    assert not service.keep_network_on_close(card.id)  # nobody new
    assert service.put_back_network(card.id) and network(card.id) == 0
    assert not service.put_back_network(card.id)
