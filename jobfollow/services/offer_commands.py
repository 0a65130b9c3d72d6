"""Undoable offer steps: saving an offer, accepting or declining it. Each is a StoreCommand that keeps what the
store returned, so Undo puts back exactly what was there; they emit events and never touch a widget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from jobfollow.core import negotiation
from jobfollow.services.board_commands import announce_moves
from jobfollow.services.events import AppEvents
from jobfollow.services.undo import StoreCommand
from jobfollow.store import offer_outcomes as outcomes
from jobfollow.store import offers as store


class SaveOfferCommand(StoreCommand):
    """A new or changed offer with its worksheet (and the tax share it uses), one transaction; Undo puts the
    offer back as it was, or takes a new one away, with its timeline entry."""

    def __init__(self, events: AppEvents, text: str, app_id: int, clean: dict, offer_id: int | None,
                 worksheet: negotiation.Worksheet | None, tax_share):
        super().__init__(text)
        self.events, self.app_id, self.clean = events, app_id, clean
        self.existing_id = offer_id
        self.worksheet, self.tax_share = worksheet, tax_share
        self.offer: store.Offer | None = None
        self.before = store.offer_state(offer_id) if offer_id is not None else None
        self.tax_before = store.tax_share()
        self.activity_id = 0

    def do(self) -> None:
        with store.Offer._meta.database.atomic():
            self.offer, self.activity_id = store.write_offer(self.app_id, self.clean, self.existing_id)
            if self.worksheet is not None:
                store.save_worksheet(self.offer.id, self.worksheet)
            if self.tax_share is not None:
                store.set_tax_share(self.tax_share)
        self.events.applications_changed.emit([self.app_id])

    def undo(self) -> None:
        with store.Offer._meta.database.atomic():
            store.put_offer_back(self.offer.id, self.before, self.activity_id)
            if self.tax_share is not None:
                store.set_tax_share(self.tax_before)
        self.events.applications_changed.emit([self.app_id])


class AnswerOfferCommand(StoreCommand):
    """Accept or decline: the offer's answer, the card moved to Accepted or Closed, the timeline entry (and, for
    a decline, the interviewers kept as network), one step. The first time, the letter is asked for."""

    def __init__(self, events: AppEvents, text: str, answer: Callable[[], outcomes.OutcomeResult]):
        super().__init__(text)
        self.events, self.answer = events, answer
        self.result: outcomes.OutcomeResult | None = None

    def do(self) -> None:
        replay = self.result is not None
        self.result = result = self.answer()
        self._announce([(r.app_id, r.before.stage_id, r.after) for r in result.moves], replay)
        if not replay:
            self.events.compose_letter_requested.emit(result.app_id, result.template_key, result.contact_id)

    def undo(self) -> None:
        result = self.result
        outcomes.undo_outcome(result)
        self._announce([(r.app_id, r.after.stage_id, r.before) for r in reversed(result.moves)], True)

    def _announce(self, placed: list, replay: bool) -> None:
        if placed:
            announce_moves(self.events, placed, replay)
        self.events.applications_changed.emit([self.result.app_id])


def accept(offer_id: int, start_date: dt.date | None) -> Callable[[], outcomes.OutcomeResult]:
    return lambda: outcomes.accept_offer(offer_id, start_date)


def decline(offer_id: int, note: str) -> Callable[[], outcomes.OutcomeResult]:
    return lambda: outcomes.decline_offer(offer_id, note)
