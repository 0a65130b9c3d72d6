"""Slow work off the GUI thread: the rules refresh on a worker with its own connection, results on the GUI."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from jobfollow.services.followups import FollowUpService
from jobfollow.services.worker import CancelledError, run_in_worker, wait_for_workers
from jobfollow.store import followups as store
from jobfollow.store.sample_data import fill_sample_data
from tests.conftest import TODAY


def test_a_task_runs_on_another_thread_and_answers_on_the_gui_thread(qtbot, profile):
    from jobfollow.store.applications import list_stages

    gui = threading.get_ident()
    seen = {}

    def work():
        seen["thread"] = threading.get_ident()
        return len(list_stages())  # its own SQLite connection: the GUI thread's is not shared

    with qtbot.waitCallback() as done:
        run_in_worker(work, done, pytest.fail)
    assert seen["thread"] != gui
    assert done.args == [len(list_stages())]


def test_a_failure_and_a_cancel_come_back_to_the_gui_thread(qtbot, profile):
    with qtbot.waitCallback() as failed:
        run_in_worker(lambda: 1 / 0, pytest.fail, failed)
    assert isinstance(failed.args[0], ZeroDivisionError)

    started = threading.Event()

    def slow(progress):
        started.set()
        for step in range(1000):
            progress.advance(step, 1000)
            threading.Event().wait(0.01)

    with qtbot.waitCallback() as cancelled:
        progress = run_in_worker(slow, pytest.fail, cancelled, with_progress=True)
        started.wait(5)
        progress.cancel()
    assert isinstance(cancelled.args[0], CancelledError)


def test_the_window_start_runs_the_rules_on_a_worker(qtbot, profile, events, monkeypatch):
    fill_sample_data(25, seed=7, today=TODAY)
    threads = []
    real = store.refresh_followups
    monkeypatch.setattr(store, "refresh_followups", lambda ids=None, today=None, **kw: threads.append(
        threading.get_ident()) or real(ids, today, **kw))
    service = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    service.background = True
    with qtbot.waitSignal(events.followups_changed, timeout=20_000):
        service.start()
        assert service.items == []  # start returned before the rules ran
    assert threads and threads[0] != threading.get_ident()
    assert service.items and [i.id for i in service.items] == [i.id for i in store.pending_followups()]

    # A new day re-runs every card's rules on the worker too; a card's own change stays in place (quick).
    threads.clear()
    service.clock = lambda: dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9))
    with qtbot.waitSignal(events.followups_changed, timeout=20_000):
        service.tick()
    assert threads[0] != threading.get_ident()
    threads.clear()
    service.refresh([service.items[0].application_id])
    assert threads == [threading.get_ident()]
    service.stop()
    assert wait_for_workers()


def test_cards_deleted_in_bulk_leave_the_agenda_through_the_worker(qtbot, profile, events, monkeypatch):
    """A change of many cards goes to the worker; the cards named (deleted ones too) are read again, whatever the
    rules did, and the news names them."""
    import jobfollow.services.followups as followups_service
    from jobfollow.store.models import JobApplication, now

    fill_sample_data(25, seed=7, today=TODAY)
    monkeypatch.setattr(followups_service, "IN_PLACE_LIMIT", 1)
    service = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    service.background = True
    with qtbot.waitSignal(events.followups_changed, timeout=20_000):
        service.start()
    gone = sorted({item.application_id for item in service.items})[:3]
    JobApplication.update(deleted_at=now()).where(JobApplication.id.in_(gone)).execute()
    with qtbot.waitSignal(events.followups_refreshed, timeout=20_000) as news:
        events.applications_changed.emit(gone)
    assert set(gone) <= news.args[0].application_ids
    assert not {item.application_id for item in service.items} & set(gone)
    assert [i.id for i in service.items] == [i.id for i in store.pending_followups()]
    assert wait_for_workers()


def test_a_start_on_a_worker_shows_follow_ups_the_rules_leave_as_they_are(qtbot, profile, events):
    """The profile's rules ran last time: the first refresh changes nothing, and the agenda still lists them all."""
    fill_sample_data(25, seed=7, today=TODAY)
    store.refresh_followups(None, today=TODAY)
    service = FollowUpService(events, clock=lambda: dt.datetime.combine(TODAY, dt.time(9)))
    service.background = True
    with qtbot.waitSignal(events.followups_changed, timeout=20_000):
        service.start()
    service.stop()
    assert service.items and [i.id for i in service.items] == [i.id for i in store.pending_followups()]
    assert wait_for_workers()
