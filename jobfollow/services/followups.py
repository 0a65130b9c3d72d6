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
import heapq
import itertools
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from jobfollow.i18n import _
from jobfollow.services.events import AppEvents, FollowUpNews
from jobfollow.services.undo import StoreCommand, push
from jobfollow.services.worker import run_in_worker
from jobfollow.store import followups as store
from jobfollow.store.followup_notify import announcements_now
from jobfollow.store.followups import AgendaItem, RefreshMemo

TICK_MS = 45_000
IN_PLACE_LIMIT = 200  # above this many cards a refresh goes to the worker (when ``background``)
WHOLE_READ_LIMIT = 2000  # above this many changed cards the worker reads every pending follow-up
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
        #: False until the first refresh has read the follow-ups: an empty list before then means "not read yet"
        self.loaded = False
        self.today: dt.date = clock().date()
        self._waiting: list[tuple[dt.date, int]] = []  # (due, id) not yet notified, soonest first
        self._by_id_cache: dict[int, AgendaItem] | None = {}
        self._emitting = False
        #: the program's own window runs large refreshes on a worker thread; tests and the CLI in place
        self.background = False
        self._worker_busy = False
        self._worker_again = self._again_whole = False
        self._again_cards: frozenset[int] = frozenset()
        #: what the last runs saw per card: a refresh runs the rules only for the cards that changed since
        self.memo = RefreshMemo()
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        events.card_moved.connect(self._on_card_moved)
        events.applications_changed.connect(self._on_applications_changed)
        events.settings_changed.connect(self._on_settings_changed)
        events.followups_changed.connect(self._on_foreign_change)
        # titles and reasons of the rules' follow-ups are written in the language of the day: write them again
        events.language_changed.connect(lambda: self.refresh(None))

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Refresh every card's follow-ups, announce what is due, and start the tick."""
        self.today = self.clock().date()
        self.refresh(None, whole=True)  # every pending follow-up read: those the rules leave as they are too
        self.timer.start()
        # Announce once the event loop runs (or the worker is done): the tray is installed after the window.
        QTimer.singleShot(0, self._announce)

    def stop(self) -> None:
        self.timer.stop()

    # -- the rules -------------------------------------------------------------------------------
    def refresh(self, application_ids: list[int] | None = None, *, whole: bool = False,
                touched: frozenset[int] = frozenset()) -> None:
        """Run the rules for these cards (every card when None) and tell the panes what changed. ``whole``: the
        follow-ups may have changed outside the rules too (an import, another pane): every one is read again.
        ``touched``: follow-ups of these cards a person just changed (done, put back), for the news."""
        if self.background and (application_ids is None or len(application_ids) > IN_PLACE_LIMIT):
            self._refresh_on_worker(whole, frozenset(application_ids or ()))
            return
        report = store.refresh_followups(application_ids, today=self.today, memo=self.memo)
        if application_ids is None or whole:
            self.reload()
        else:  # the cards asked about (a follow-up of theirs was done or put back) and those the rules changed
            cards = report.application_ids | frozenset(application_ids)
            self._merge(cards, store.pending_followups(cards), report.followup_ids | touched)

    def _refresh_on_worker(self, whole: bool = False, cards: frozenset[int] = frozenset()) -> None:
        """Every card's rules on a worker thread; the agenda and the board follow when they are done, from the
        cards that changed. A request while one runs is run once more after it (a date change during an import).
        ``cards``: cards that changed (deleted ones among them), whose follow-ups are read again whatever the rules
        did."""
        if self._worker_busy:
            self._worker_again = True
            self._again_whole = self._again_whole or whole
            self._again_cards |= cards
            return
        self._worker_busy = True
        today, memo = self.today, self.memo

        def work():
            report = store.refresh_followups(None, today=today, memo=memo)
            changed = report.application_ids | cards
            if whole or len(changed) > WHOLE_READ_LIMIT:
                return report, changed, store.pending_followups(), True
            return report, changed, store.pending_followups(changed), False

        # exclusive: after an import, not beside it
        run_in_worker(work, lambda result: self._worker_done(*result, foreign=whole), self._worker_failed,
                      exclusive=True)

    def _worker_done(self, report: store.RefreshReport, changed: frozenset[int], items: list[AgendaItem],
                     whole: bool, *, foreign: bool) -> None:
        self._worker_busy = False
        if self._worker_again:
            again = (self._again_whole, self._again_cards)
            self._worker_again, self._again_whole, self._again_cards = False, False, frozenset()
            self._refresh_on_worker(*again)
        # Three turns of the event loop, so the window answers in between: the list, the panes, the reminders.
        if whole:  # every follow-up read again: after a foreign change any card may have changed, else the report's
            news = self._set_items(items, FollowUpNews(None if foreign else changed, self.today, report.followup_ids),
                                   tell=False)
        else:
            news = self._merge(changed, items, report.followup_ids, tell=False)
        QTimer.singleShot(0, lambda: self._tell_then_announce(news))

    def _tell_then_announce(self, news: FollowUpNews) -> None:
        self._tell(news)
        QTimer.singleShot(0, self._announce)  # queued from here: a turn of its own

    def _worker_failed(self, error: BaseException) -> None:
        self._worker_busy = False
        self.memo.clear()
        self._report_failure(error)
        if not self.loaded:  # the rules could not run (a damaged or read-only file): show what is stored
            try:
                self.reload()
            except Exception:  # the same trouble, already reported in one sentence above
                self.loaded = True

    def _report_failure(self, error: BaseException) -> None:
        sys.excepthook(type(error), error, error.__traceback__)  # the store-error hook says it in a sentence

    def reload(self, items: list[AgendaItem] | None = None) -> None:
        """Every pending follow-up read again (``items`` when the worker has read them)."""
        self._set_items(store.pending_followups() if items is None else items, FollowUpNews(None, self.today))

    def _merge(self, cards: frozenset[int], fresh: list[AgendaItem], followup_ids: frozenset[int], *,
               tell: bool = True) -> FollowUpNews:
        """The pending follow-ups of ``cards`` replaced by ``fresh`` (read for those cards); the rest stay."""
        if cards:
            items = [item for item in self.items if item.application_id not in cards]
            if len(fresh) < 500:
                for item in fresh:  # a few: each into its place (the list stays in the agenda's order)
                    bisect.insort(items, item, key=_order)
            else:
                items = list(heapq.merge(items, sorted(fresh, key=_order), key=_order))
        else:
            items = self.items
        changed = followup_ids | {item.id for item in fresh}
        return self._set_items(items, FollowUpNews(cards, self.today, changed), tell=tell)

    def _set_items(self, items: list[AgendaItem], news: FollowUpNews, *, tell: bool = True) -> FollowUpNews:
        self.items = items
        self.loaded = True
        self._by_id_cache = None
        self._waiting = [(item.due_on, item.id) for item in items if not item.notified]  # items are in this order
        if tell:
            self._tell(news)
        return news

    @property
    def _by_id(self) -> dict[int, AgendaItem]:
        """Follow-up id -> item, built when first needed after a change (30,000 items at 10,000 cards)."""
        if self._by_id_cache is None:
            self._by_id_cache = {item.id: item for item in self.items}
        return self._by_id_cache

    def _tell(self, news: FollowUpNews) -> None:
        self._emitting = True
        try:
            self.events.followups_refreshed.emit(news)
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
        if not self._emitting:  # another pane or an import changed follow-ups: read them all again
            self.refresh(None, whole=True)

    # -- the clock -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Compare the wall clock with the last tick: a new day re-runs the rules; then announce."""
        today = self.clock().date()
        if today != self.today:
            self.today = today
            # "in 2 days" and the agenda's groups move on (in a turn of their own); what the rules change follows
            news = FollowUpNews(frozenset(), today, new_day=True)
            QTimer.singleShot(0, lambda: self.events.followups_refreshed.emit(news))
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
        when = self.clock().replace(microsecond=0)
        if self.background and len(due_ids) > IN_PLACE_LIMIT:  # thousands at once after a long holiday
            run_in_worker(lambda: store.mark_notified(due_ids, when), lambda _none: None, self._report_failure)
        else:
            store.mark_notified(due_ids, when)
        due = set(due_ids)  # the items are in due order: only the head of the list is read
        self.fell_due.emit([item for item in itertools.takewhile(lambda item: item.due_on <= self.today, self.items)
                            if item.id in due])

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
        self._merge(frozenset({application_id}), store.pending_followups([application_id]), frozenset())
        return new_id

    def settle(self, application_ids: list[int]) -> None:
        """After a step that used :func:`complete_quietly` on these cards: re-run their rules, tell everyone."""
        self.refresh(application_ids or None)

    def restore(self, followup_id: int, state: dict) -> None:
        """Put a follow-up back as it was (Undo); the rules then retire what its completion had created."""
        app_id = self._app_of_stored(followup_id)
        store.restore_state(followup_id, state)
        self.refresh([app_id] if app_id else None, touched=frozenset({followup_id}))

    def _push(self, followup_id: int, text: str, action: Callable[[], None], *, refresh: bool) -> BaseException | None:
        item = self._by_id.get(followup_id)
        title = item.title if item is not None else ""
        return push(self.undo_stack, FollowUpCommand(self, followup_id, text.format(title=title), action, refresh))

    def _after(self, followup_id: int, refresh: bool) -> None:
        app_id = self._app_of_stored(followup_id)
        if refresh:  # a done status check may call for the next one
            self.refresh([app_id] if app_id else None, touched=frozenset({followup_id}))
        elif app_id:  # snoozed: only its card's follow-ups are read again
            self._merge(frozenset({app_id}), store.pending_followups([app_id]), frozenset({followup_id}))
        else:
            self.reload()

    def _app_of_stored(self, followup_id: int) -> int | None:
        try:
            return store.followup_row(followup_id)["application_id"]
        except LookupError:
            return None



def _order(item: AgendaItem) -> tuple:
    return item.due_on, item.id  # the agenda's order (store.pending_followups)


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
