"""One small QObject for program-wide events, passed to every service and pane.

Services emit the news (something changed) after their store call; panes emit requests (the user asked for
something) and listen to the news. Nobody imports a pane to reach another; signals carry ids and plain values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class FollowUpNews:
    """What changed among the pending follow-ups, so a pane updates only that."""

    #: cards whose pending follow-ups changed; None when any may have (every one was read again)
    application_ids: frozenset[int] | None
    today: dt.date
    #: follow-ups created, changed, done, snoozed or retired (with ``application_ids`` not None)
    followup_ids: frozenset[int] = field(default=frozenset())
    #: the date moved on: every "in 2 days" and every agenda group may read differently
    new_day: bool = False


class AppEvents(QObject):
    #: application ids whose card data changed (edited, created, deleted, restored)
    applications_changed = Signal(list)
    #: application id, from stage id, to stage id, replay: True when Undo/Redo puts a card back (listeners
    #: then put back what they did, and ask nothing: no offer form, no "record the interview")
    card_moved = Signal(int, int, int, bool)
    #: every card a move command placed, stage change or reorder: [(application id, from stage id, CardPlace)];
    #: emitted before card_moved, so the board shows the new places before anyone reacts to them
    cards_placed = Signal(list)
    #: stages were added, renamed, reordered or removed
    stages_changed = Signal()
    #: follow-ups were created, completed, snoozed or skipped
    followups_changed = Signal()
    #: the follow-up service's news (a FollowUpNews), emitted just before followups_changed: what changed
    followups_refreshed = Signal(object)
    #: a letter was marked as sent (True) or put back to a draft by Undo (False): letter id, application id
    letter_sent = Signal(int, int, bool)
    #: the user asked to open a card's form
    open_application_requested = Signal(int)
    #: the user asked for a new application (File > New, the board's "add" banner)
    new_application_requested = Signal()
    #: record an interview on this application (e.g. after a move to Interviewed with none recorded)
    record_interview_requested = Signal(int)
    #: move this application to Closed with this outcome (e.g. the agenda's "close as no response")
    close_application_requested = Signal(int, str)
    #: move this application to the first stage of this kind (a StageKind value), undoably
    move_to_stage_kind_requested = Signal(int, str)
    #: open the offer record of this application (creating one if none)
    offer_requested = Signal(int)
    #: the user asked to write the letter for a follow-up (follow-up id)
    write_letter_requested = Signal(int)
    #: compose a letter from a template: application id, template key, contact id (0 = none chosen)
    compose_letter_requested = Signal(int, str, int)
    #: select this card on the board and bring it into view (e.g. a card just created)
    select_application_requested = Signal(int)
    #: show this follow-up in the agenda (0: the agenda itself), e.g. after a click on a reminder
    show_followup_requested = Signal(int)
    #: highlight these cards on the board (e.g. the calendar's selected day); [] clears
    highlight_applications = Signal(list)
    #: settings were saved (the key prefixes that changed)
    settings_changed = Signal(list)
    #: the interface language changed
    language_changed = Signal()
    #: one wall-clock tick for reminders and "days in stage" texts
    tick = Signal()
