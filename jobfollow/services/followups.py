"""The follow-up service: keeps the stored follow-ups in step with the cards and the calendar, and does
what a person does to one (done, snooze, skip), each one undoable step. Every completion in the window goes
through here: the agenda, the tray and the letter service ("Mark as sent").

It listens to card changes and re-runs the rules for those cards at once; one timer tick (every
45 s) compares the wall clock with what it saw last, so a sleeping laptop or a clock change never
loses or doubles a reminder: a new date re-runs the rules, and every pending follow-up that is due
and not yet notified (``FollowUp.notified_at``, kept across restarts) is announced exactly once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from jobfollow.i18n import _
from jobfollow.services.events import AppEvents
from jobfollow.services.undo import StoreCommand, push
from jobfollow.services.worker import run_in_worker
from jobfollow.store import followups as store
from jobfollow.store.followup_notify import announcements_now
from jobfollow.store.followups import AgendaItem

TICK_MS = 45_000
IN_PLACE_LIMIT = 200  # above this many cards a refresh goes to the worker (when ``background``)
# Settings whose change alters what the rules propose.
RULE_SETTING_PREFIXES = ("followups", "user.details")


class FollowUpService(QObject):
    #: follow-ups that have just fallen due (each announced once, ever)
    fell_due = Signal(list)

    def __init__(self, events: AppEvents, clock: Callable[[], dt.datetime] = dt.datetime.now,
                 parent: QObject | None = None, tick_ms: int = TICK_MS, *, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.events = events
        self.undo_stack = undo_stack
        self.clock = clock
        self.items: list[AgendaItem] = []
        self.today: dt.date = clock().date()
        self._waiting: list[tuple[dt.date, int]] = []  # (due, id) not yet notified, soonest first
        self._by_id: dict[int, AgendaItem] = {}
        self._emitting = False
        #: the program's own window runs large refreshes on a worker thread; tests and the CLI in place
        self.background = False
        self._worker_busy = False
        self._worker_again = False
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
        # Announce once the event loop runs (or the worker is done): the tray is installed after the window.
        QTimer.singleShot(0, self._announce)

    def stop(self) -> None:
        self.timer.stop()

    # -- the rules -------------------------------------------------------------------------------
    def refresh(self, application_ids: list[int] | None = None) -> None:
        if self.background and (application_ids is None or len(application_ids) > IN_PLACE_LIMIT):
            self._refresh_on_worker()
            return
        store.refresh_followups(application_ids, today=self.today)
        self.reload()

    def _refresh_on_worker(self) -> None:
        """Every card's rules on a worker thread (2 s at 10,000 cards); the agenda follows when they are done.
        A request while one runs is run once more after it (a date change during an import)."""
        if self._worker_busy:
            self._worker_again = True
            return
        self._worker_busy = True
        today = self.today

        def work() -> list[AgendaItem]:
            store.refresh_followups(None, today=today)
            return store.pending_followups()

        run_in_worker(work, self._worker_done, self._worker_failed)

    def _worker_done(self, items: list[AgendaItem]) -> None:
        self._worker_busy = False
        if self._worker_again:
            self._worker_again = False
            self._refresh_on_worker()
        self.reload(items)
        self._announce()

    def _worker_failed(self, error: BaseException) -> None:
        self._worker_busy = False
        sys.excepthook(type(error), error, error.__traceback__)  # the store-error hook says it in a sentence

    def reload(self, items: list[AgendaItem] | None = None) -> None:
        self.items = store.pending_followups() if items is None else items
        self._by_id = {item.id: item for item in self.items}
        self._waiting = sorted((item.due_on, item.id) for item in self.items if not item.notified)
        self._emitting = True
        try:
            self.events.followups_changed.emit()
        finally:
            self._emitting = False

    def _on_card_moved(self, app_id: int, _from: int, _to: int, _replay: bool = False) -> None:
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
        if not announcements_now(due_ids, self.clock()).ids:
            return  # quiet hours, or kept for the morning digest: they stay waiting, nothing is lost
        del self._waiting[:cut]
        store.mark_notified(due_ids, self.clock().replace(microsecond=0))
        self.fell_due.emit([self._by_id[fid] for fid in due_ids if fid in self._by_id])

    # -- what a person does (the agenda, the tray, the letter service call these) ------------------
    def due_count(self) -> int:
        return sum(1 for item in self.items if item.due_on <= self.today)

    def due_today_or_earlier(self) -> list[AgendaItem]:
        return [item for item in self.items if item.due_on <= self.today]

    def mark_done(self, followup_id: int, result: str = "done") -> BaseException | None:
        """Done, with what happened; one undoable step. Returns the storage error that stopped it, or None."""
        when = self.clock().replace(microsecond=0)
        return self._push(followup_id, _("Done: {title}"),
                          lambda: store.mark_done(followup_id, result, when=when), refresh=True)

    def snooze(self, followup_id: int, until: dt.date) -> BaseException | None:
        return self._push(followup_id, _("Snooze: {title}"), lambda: store.snooze(followup_id, until), refresh=False)

    def skip(self, followup_id: int) -> BaseException | None:
        return self._push(followup_id, _("Skip: {title}"), lambda: store.skip(followup_id), refresh=True)

    def add_custom(self, application_id: int, title: str, due_on: dt.date, **fields) -> int:
        new_id = store.add_custom(application_id, title, due_on, **fields)
        self.reload()
        return new_id

    def settle(self, application_ids: list[int]) -> None:
        """After a step that used :func:`complete_quietly` on these cards: re-run their rules, tell everyone."""
        self.refresh(application_ids or None)

    def restore(self, followup_id: int, state: dict) -> None:
        """Put a follow-up back as it was (Undo); the rules then retire what its completion had created."""
        app_id = self._app_of_stored(followup_id)
        store.restore_state(followup_id, state)
        self.refresh([app_id] if app_id else None)

    def _push(self, followup_id: int, text: str, action: Callable[[], None], *, refresh: bool) -> BaseException | None:
        item = self._by_id.get(followup_id)
        title = item.title if item is not None else ""
        return push(self.undo_stack, FollowUpCommand(self, followup_id, text.format(title=title), action, refresh))

    def _after(self, followup_id: int, refresh: bool) -> None:
        if refresh:  # a done status check may call for the next one
            app_id = self._app_of_stored(followup_id)
            self.refresh([app_id] if app_id else None)
        else:
            self.reload()

    def _app_of_stored(self, followup_id: int) -> int | None:
        try:
            return store.followup_row(followup_id)["application_id"]
        except LookupError:
            return None



def complete_quietly(followup_id: int, result: str, when: dt.datetime) -> dict:
    """Part of a larger step that writes its own timeline entry (a letter marked as sent): the follow-up is done,
    without news yet; returns its state before, for :func:`restore_quietly`. The caller's transaction holds it,
    and the caller then calls :meth:`FollowUpService.settle`."""
    before = store.saved_state(followup_id)
    store.complete(followup_id, result, when)
    return before


def restore_quietly(followup_id: int, state: dict) -> None:
    store.restore_state(followup_id, state)


class FollowUpCommand(StoreCommand):
    """Runs ``action`` on do; undo puts the follow-up's state back as it was before."""

    def __init__(self, service: FollowUpService, followup_id: int, text: str, action: Callable[[], None],
                 refresh: bool):
        super().__init__(text)
        self.service = service
        self.followup_id = followup_id
        self.action = action
        self.refresh = refresh
        self.before = store.saved_state(followup_id)

    def do(self) -> None:
        self.action()
        self.service._after(self.followup_id, self.refresh)

    def undo(self) -> None:
        self.service.restore(self.followup_id, self.before)
