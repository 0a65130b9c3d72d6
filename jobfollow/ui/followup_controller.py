"""Keeps the stored follow-ups in step with the cards and with the calendar.

It listens to card changes and re-runs the rules for those cards at once; one timer tick (every
45 s) compares the wall clock with what it saw last, so a sleeping laptop or a clock change never
loses or doubles a reminder: a new date re-runs the rules, and every pending follow-up that is due
and not yet notified (``FollowUp.notified_at``, kept across restarts) is announced exactly once.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from jobfollow.store import followups as store
from jobfollow.store.followups import AgendaItem
from jobfollow.ui.events import AppEvents

TICK_MS = 45_000
# Settings whose change alters what the rules propose.
RULE_SETTING_PREFIXES = ("followups", "user.details")


class FollowUpController(QObject):
    #: follow-ups that have just fallen due (each announced once, ever)
    fell_due = Signal(list)

    def __init__(self, events: AppEvents, clock: Callable[[], dt.datetime] = dt.datetime.now,
                 parent: QObject | None = None, tick_ms: int = TICK_MS):
        super().__init__(parent)
        self.events = events
        self.clock = clock
        self.items: list[AgendaItem] = []
        self.today: dt.date = clock().date()
        self._waiting: list[tuple[dt.date, int]] = []  # (due, id) not yet notified, soonest first
        self._by_id: dict[int, AgendaItem] = {}
        self._emitting = False
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        events.card_moved.connect(self._on_card_moved)
        events.applications_changed.connect(self._on_applications_changed)
        events.settings_changed.connect(self._on_settings_changed)
        events.followups_changed.connect(self._on_foreign_change)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Refresh every card's follow-ups, announce what is due, and start the tick."""
        self.today = self.clock().date()
        self.refresh(None)
        self.timer.start()
        # Announce once the event loop runs: the tray is installed after the window that starts us.
        QTimer.singleShot(0, self._announce)

    def stop(self) -> None:
        self.timer.stop()

    # -- the rules -------------------------------------------------------------------------------
    def refresh(self, application_ids: list[int] | None = None) -> None:
        store.refresh_followups(application_ids, today=self.today)
        self.reload()

    def reload(self) -> None:
        self.items = store.pending_followups()
        self._by_id = {item.id: item for item in self.items}
        self._waiting = sorted((item.due_on, item.id) for item in self.items if not item.notified)
        self._emitting = True
        try:
            self.events.followups_changed.emit()
        finally:
            self._emitting = False

    def _on_card_moved(self, app_id: int, _from: int, _to: int) -> None:
        self.refresh([app_id])

    def _on_applications_changed(self, ids: list) -> None:
        self.refresh([int(i) for i in ids] if ids else None)

    def _on_settings_changed(self, keys: list) -> None:
        if any(str(key).startswith(RULE_SETTING_PREFIXES) for key in keys):
            self.refresh(None)

    def _on_foreign_change(self) -> None:
        if not self._emitting:  # another pane marked something done: a done check may call for the next
            self.refresh(None)

    # -- the clock -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Compare the wall clock with the last tick: a new day re-runs the rules; then announce."""
        today = self.clock().date()
        if today != self.today:
            self.today = today
            self.refresh(None)
        self.events.tick.emit()
        self._announce()

    def _announce(self) -> None:
        if not self._waiting or self._waiting[0][0] > self.today:
            return  # the usual tick: nothing new, one comparison
        cut = bisect.bisect_right(self._waiting, (self.today, float("inf")))
        due_ids = [fid for _due, fid in self._waiting[:cut]]
        del self._waiting[:cut]
        store.mark_notified(due_ids, self.clock().replace(microsecond=0))
        self.fell_due.emit([self._by_id[fid] for fid in due_ids if fid in self._by_id])

    # -- what a person does (the agenda, the tray, the letter editor may call these) -----------
    def due_count(self) -> int:
        return sum(1 for item in self.items if item.due_on <= self.today)

    def due_today_or_earlier(self) -> list[AgendaItem]:
        return [item for item in self.items if item.due_on <= self.today]

    def mark_done(self, followup_id: int, result: str = "done") -> None:
        app_id = self._app_of(followup_id)
        store.mark_done(followup_id, result, when=self.clock().replace(microsecond=0))
        self.refresh([app_id] if app_id else None)  # a done status check may call for the next one

    def snooze(self, followup_id: int, until: dt.date) -> None:
        store.snooze(followup_id, until)
        self.reload()

    def skip(self, followup_id: int) -> None:
        app_id = self._app_of(followup_id)
        store.skip(followup_id)
        self.refresh([app_id] if app_id else None)

    def add_custom(self, application_id: int, title: str, due_on: dt.date, **fields) -> int:
        new_id = store.add_custom(application_id, title, due_on, **fields)
        self.reload()
        return new_id

    def restore(self, followup_id: int, state: dict) -> None:
        """Put a follow-up back as it was (Undo); the rules then retire what its completion had created."""
        app_id = self._app_of_stored(followup_id)
        store.restore_state(followup_id, state)
        self.refresh([app_id] if app_id else None)

    def _app_of_stored(self, followup_id: int) -> int | None:
        try:
            return store.followup_row(followup_id)["application_id"]
        except LookupError:
            return None

    def _app_of(self, followup_id: int) -> int | None:
        item = self._by_id.get(followup_id)
        return item.application_id if item else None
