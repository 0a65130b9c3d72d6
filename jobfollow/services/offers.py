"""The offers service: every write of the offers feature, with its undo step and its events.

Saving an offer (with its worksheet) and answering it (accept, decline) are undoable steps on the window's
stack; the current job, the comparison weights and a reflection are preferences and notes, saved at once.
After a card closes on the board, the people who interviewed you become network contacts of the card; the Undo
of that move takes back exactly those links (the move's signal says it is a replay).
Widgets read offers from the store themselves (``ui -> store`` for reads) and write only through here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from jobfollow.core.stages import StageKind
from jobfollow.i18n import _
from jobfollow.services.events import AppEvents
from jobfollow.services.undo import push
from jobfollow.services.worker import long_write

if TYPE_CHECKING:
    from jobfollow.core import negotiation
    from jobfollow.store.models import Offer

# The offers' store and core modules load when the feature is first used, not while the window starts.


class OfferService:
    def __init__(self, events: AppEvents, undo_stack: QUndoStack | None):
        self.events = events
        self.undo_stack = undo_stack
        self._kept_on_close: dict[int, set[int]] = {}  # network links a close on the board added

    # -- offers ----------------------------------------------------------------------------------
    def save_offer(self, app_id: int, values: dict, offer_id: int | None = None, *, ratings: dict | None = None,
                   worksheet: negotiation.Worksheet | None = None, tax_share=None) -> Offer:
        """One undoable step. Raises OfferInputError (a value that cannot be right; nothing saved) or the
        storage error that stopped it (locked, read-only, an import running)."""
        from jobfollow.services import offer_commands as commands
        from jobfollow.store import offers as store

        clean = store.clean_offer_values(values, ratings)
        if worksheet is not None and worksheet.problems():
            raise store.OfferInputError({"worksheet": " ".join(_(p) for p in worksheet.problems())})
        text = _("Record the offer") if offer_id is None else _("Change the offer")
        command = commands.SaveOfferCommand(self.events, text, app_id, clean, offer_id, worksheet, tax_share)
        error = push(self.undo_stack, command)
        if error is not None:
            raise error
        return command.offer

    def accept(self, offer_id: int, start_date: dt.date | None) -> BaseException | None:
        """Accept, move the card to Accepted and ask for the acceptance letter; one undoable step. Raises
        OutcomeError when the board has no Accepted stage; returns the storage error that stopped it."""
        from jobfollow.services import offer_commands as commands
        from jobfollow.store import offer_outcomes as outcomes

        outcomes.closing_stage(StageKind.ACCEPTED)
        return push(self.undo_stack, commands.AnswerOfferCommand(
            self.events, _("Accept the offer"), commands.accept(offer_id, start_date)))

    def decline(self, offer_id: int, note: str = "") -> BaseException | None:
        """Decline, close the card, keep the interviewers as network, ask for the letter; one undoable step."""
        from jobfollow.services import offer_commands as commands
        from jobfollow.store import offer_outcomes as outcomes

        outcomes.closing_stage(StageKind.CLOSED)
        return push(self.undo_stack, commands.AnswerOfferCommand(
            self.events, _("Decline the offer"), commands.decline(offer_id, note)))

    def settle_open_offer(self, app_id: int, status: str) -> bool:
        """A card closed on the board while its offer was open: record how the offer ended."""
        from jobfollow.store import offer_outcomes as outcomes

        settled = outcomes.settle_open_offer(app_id, status)
        if settled:
            self.events.applications_changed.emit([app_id])
        return settled

    # -- preferences and notes -------------------------------------------------------------------
    def set_current_job(self, values: dict | None) -> None:
        """Raises OfferInputError when a value cannot be right (or WritesPausedError during an import)."""
        from jobfollow.store import offers as store

        long_write.check()
        store.set_current_job(values)
        self.events.settings_changed.emit([store.CURRENT_JOB_KEY])

    def set_comparison_weights(self, weights: dict) -> None:
        from jobfollow.store import offers as store

        long_write.check()  # the comparison stays usable beside an import's progress: say why it waits
        store.set_comparison_weights(weights)
        self.events.settings_changed.emit([store.WEIGHTS_KEY])

    def save_reflection(self, app_id: int, values: dict[str, str]) -> None:
        from jobfollow.store import lessons

        long_write.check()
        lessons.save_reflection(app_id, values)
        self.events.applications_changed.emit([app_id])

    # -- after a card closed on the board --------------------------------------------------------
    def keep_network_on_close(self, app_id: int) -> bool:
        """Everyone who interviewed you there becomes a network contact of the card; True when anyone was added."""
        from jobfollow.store import offer_outcomes as outcomes

        before = outcomes.network_contact_ids(app_id)
        if not outcomes.keep_interviewers_as_network(app_id):
            return False
        self._kept_on_close[app_id] = outcomes.network_contact_ids(app_id) - before
        self.events.applications_changed.emit([app_id])
        return True

    def put_back_network(self, app_id: int) -> bool:
        """The close was undone: the links it added go (the people stay the card's interviewers)."""
        from jobfollow.store import offer_outcomes as outcomes

        added = self._kept_on_close.pop(app_id, set())
        if not added:
            return False
        outcomes.drop_network_links(app_id, added)
        self.events.applications_changed.emit([app_id])
        return True
