"""An offer recorded on a card that has not reached the Offer stage: the follow-up to answer it is made all the
same, the user is asked (once) whether to move the card, and the currency starts as the card's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QMessageBox

from jobfollow import i18n
from jobfollow.core.stages import StageKind
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.followups import refresh_followups
from jobfollow.store.models import FollowUp, JobApplication, Offer
from jobfollow.store.offer_defaults import default_currency
from jobfollow.ui.board.board_widget import BoardWidget
from jobfollow.ui.main_window import MainWindow
from tests.conftest import TODAY


def card_in(kind: StageKind, company="Northwind", salary_range="") -> JobApplication:
    return create_application(company, "Analyst", stage_id=first_stage_of_kind(kind).id, salary_range=salary_range)


def test_an_offer_on_an_interviewed_card_makes_the_follow_up_to_answer_it(profile):
    app = card_in(StageKind.INTERVIEWED)
    Offer.create(application=app, currency="EUR", base_salary=Decimal("70000"), offer_date=TODAY,
                 deadline=TODAY + dt.timedelta(days=4))
    refresh_followups([app.id], today=TODAY)
    answer = FollowUp.get_or_none(FollowUp.application == app.id, FollowUp.kind == "offer_response")
    assert answer is not None and answer.due_on == TODAY + dt.timedelta(days=4)


def test_a_declined_offer_asks_for_no_answer(profile):
    app = card_in(StageKind.NEXT_ROUND)
    Offer.create(application=app, currency="EUR", offer_date=TODAY, status="declined")
    refresh_followups([app.id], today=TODAY)
    assert not FollowUp.select().where(FollowUp.application == app.id, FollowUp.kind == "offer_response").exists()


def test_currency_comes_from_the_card_then_other_offers_then_the_country(profile):
    i18n.set_language("de_DE")
    assert default_currency(card_in(StageKind.INTERVIEWED, "Euro GmbH", "€55k–65k").id) == "EUR"
    assert default_currency(card_in(StageKind.INTERVIEWED, "Zurich AG", "CHF 120 000").id) == "CHF"
    plain = card_in(StageKind.INTERVIEWED, "Plain")
    assert default_currency(plain.id) == "EUR"  # Germany's currency: no offer yet, nothing on the card
    Offer.create(application=card_in(StageKind.OFFER, "London Ltd"), currency="GBP", offer_date=TODAY)
    assert default_currency(plain.id) == "GBP"  # the user's latest offer
    i18n.set_language("en_US")
    assert default_currency(card_in(StageKind.INTERVIEWED, "Acme", "$90k").id) == "USD"


def test_recording_an_offer_asks_once_to_move_the_card_to_offer(qtbot, profile, events, monkeypatch):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    app = card_in(StageKind.INTERVIEWED, "Contoso", "€60k")
    window.board.reload()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    dialog = window.offers.open_offer(app.id)
    assert dialog.currency.currentText() == "EUR"
    with qtbot.waitSignal(events.card_moved, timeout=3000):
        assert dialog.save()
    assert len(asked) == 1 and "Contoso" in asked[0]
    stage = JobApplication.get_by_id(app.id).stage
    assert stage.kind == StageKind.OFFER.value
    window.undo_stack.undo()  # the move is one step of Edit > Undo
    assert JobApplication.get_by_id(app.id).stage.kind == StageKind.INTERVIEWED.value
    assert window.offers.offer_to_move(app.id) is False and len(asked) == 1  # asked once per card


def test_saying_no_keeps_the_card_where_it_is(qtbot, profile, events, monkeypatch):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    app = card_in(StageKind.NEXT_ROUND, "Fabrikam")
    window.board.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    with qtbot.assertNotEmitted(events.card_moved):
        assert window.offers.offer_to_move(app.id) is False
    assert JobApplication.get_by_id(app.id).stage.kind == StageKind.NEXT_ROUND.value


def test_board_moves_a_card_to_a_stage_kind_on_request(qtbot, profile, events):
    from PySide6.QtGui import QUndoStack

    board = BoardWidget(events, QUndoStack())
    qtbot.addWidget(board)
    app = card_in(StageKind.APPLIED)
    board.reload()
    with qtbot.waitSignal(events.card_moved):
        events.move_to_stage_kind_requested.emit(app.id, StageKind.OFFER.value)
    assert JobApplication.get_by_id(app.id).stage.kind == StageKind.OFFER.value
