"""The letters service: "Mark as sent" as one undoable step.

The letter is kept as sent and noted on the card's timeline (``store.letters``), and the follow-up it answers is
completed by the follow-up service, in the same transaction; the rules then re-run for that one card only.
Undo puts the draft back and reopens the follow-up.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from jobfollow.i18n import _
from jobfollow.services.events import AppEvents
from jobfollow.services.followups import FollowUpService, complete_quietly, restore_quietly
from jobfollow.services.undo import StoreCommand, push
from jobfollow.store import letters as store


class LetterService:
    def __init__(self, events: AppEvents, undo_stack: QUndoStack | None, followups: FollowUpService | None):
        self.events = events
        self.undo_stack = undo_stack
        self.followups = followups  # None only in a pane tested alone: the store then completes the follow-up

    def mark_sent(self, letter_id: int, channel: str | None = None) -> BaseException | None:
        """Returns the storage error that stopped it, or None."""
        return push(self.undo_stack, MarkSentCommand(self, letter_id, channel))

    def _settled(self, application_id: int | None) -> None:
        if self.followups is not None:
            self.followups.settle([application_id] if application_id else [])
        else:
            self.events.followups_changed.emit()


class MarkSentCommand(StoreCommand):
    def __init__(self, service: LetterService, letter_id: int, channel: str | None):
        super().__init__(_("Mark the letter as sent"))
        self.service = service
        self.letter_id = letter_id
        self.channel = channel
        self.sent: store.SentLetter | None = None
        self.followup_before: dict | None = None

    def do(self) -> None:
        when = self.sent.when if self.sent is not None else None  # Redo keeps the first send's time
        with store.transaction():
            self.sent = store.record_sent(self.letter_id, self.channel, when)
            if self.sent.followup_id:
                self.followup_before = complete_quietly(self.sent.followup_id, self.sent.followup_result,
                                                        self.sent.when)
        self.service.events.letter_sent.emit(self.letter_id, self.sent.application_id or 0, True)
        self.service._settled(self.sent.application_id)

    def undo(self) -> None:
        sent = self.sent
        with store.transaction():
            store.unrecord_sent(sent)
            if sent.followup_id and self.followup_before is not None:
                restore_quietly(sent.followup_id, self.followup_before)
        self.service.events.letter_sent.emit(self.letter_id, sent.application_id or 0, False)
        self.service._settled(sent.application_id)
