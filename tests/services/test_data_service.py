"""The data service: imports, exports, backups and restores run on a worker, say how far they are, can be
cancelled with nothing changed, tell a failure in one sentence, and keep other writes from colliding."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack

from jobfollow.services import build_services
from jobfollow.services.data import DataBusyError
from jobfollow.services.worker import WritesPausedError, long_write
from jobfollow.store import io_json
from jobfollow.store.models import ALL_MODELS, JobApplication
from jobfollow.store.sample_data import fill_sample_data
from tests.conftest import TODAY


@pytest.fixture
def services(qtbot, events, profile):
    built = build_services(events, QUndoStack(), profile=profile)
    built.followups.clock = lambda: dt.datetime.combine(TODAY, dt.time(9))
    yield built
    qtbot.waitUntil(lambda: built.data.job is None, timeout=30_000)
    built.followups.stop()


@pytest.fixture
def export_file(profile, tmp_path) -> Path:
    """A JSON export of 120 sample cards; the profile is then emptied down to one card of its own."""
    fill_sample_data(120, seed=3, today=TODAY)
    target = tmp_path / "sample.json"
    io_json.export_json(target)
    for model in reversed(ALL_MODELS):
        if model.__name__ not in ("Stage", "Template", "Setting"):
            model.delete().execute()
    from jobfollow.store.applications import create_application

    create_application("Own card", "Analyst")
    return target


def fingerprint() -> tuple[dict[str, int], str]:
    """How many rows each table holds, and a checksum of every row."""
    digest = hashlib.sha256()
    counts = {}
    for model in ALL_MODELS:
        rows = list(model.select().order_by(model._meta.primary_key).tuples())
        counts[model._meta.table_name] = len(rows)
        digest.update(repr(rows).encode())
    return counts, digest.hexdigest()


def read(qtbot, service, path):
    job = service.read_json(path)
    with qtbot.waitSignal(job.finished, timeout=30_000) as read_done:
        pass
    return read_done.args[0]


def hold_rows_at(monkeypatch, fraction: float) -> tuple[threading.Event, threading.Event]:
    """The import stops (on its worker) when ``fraction`` of the rows are written, until ``go`` is set."""
    reached, go = threading.Event(), threading.Event()
    real = io_json._Meter.advance

    def advance(meter, rows):
        real(meter, rows)
        if meter.done >= meter.total * fraction and not reached.is_set():
            reached.set()
            go.wait(20)

    monkeypatch.setattr(io_json._Meter, "advance", advance)
    return reached, go


def test_an_import_reports_progress_and_reloads_the_panes(qtbot, services, events, export_file):
    chosen = read(qtbot, services.data, export_file)
    assert chosen.cards == 120
    reports, changed = [], []
    events.applications_changed.connect(changed.append)
    job = services.data.import_json(chosen)
    job.progressed.connect(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=30_000) as finished:
        pass
    assert len(finished.args[0].ids) == 120
    assert JobApplication.select().count() == 121
    assert len(reports) > 10 and reports == sorted(reports)
    assert reports[-1][0] == reports[-1][1]  # the last report says: all rows
    assert sorted(changed[-1]) == sorted(finished.args[0].ids)  # the panes reload the new cards


def test_cancel_leaves_the_database_exactly_as_it_was(qtbot, services, export_file, monkeypatch):
    chosen = read(qtbot, services.data, export_file)
    before = fingerprint()
    reached, go = hold_rows_at(monkeypatch, 0.5)
    job = services.data.import_json(chosen)
    qtbot.waitUntil(reached.is_set, timeout=30_000)  # half the rows are written, in the open transaction
    job.cancel()
    go.set()
    with qtbot.waitSignal(job.cancelled, timeout=30_000) as cancelled:
        pass
    assert "cancelled" in cancelled.args[0] and "nothing was added" in cancelled.args[0]
    assert fingerprint() == before
    assert long_write.reason is None and services.data.job is None


def test_the_event_loop_keeps_running_while_an_import_writes(qtbot, services, export_file, monkeypatch):
    chosen = read(qtbot, services.data, export_file)
    reached, go = hold_rows_at(monkeypatch, 0.3)
    ticks = []
    timer = QTimer(interval=1)
    timer.timeout.connect(lambda: ticks.append(1) if reached.is_set() else None)
    timer.timeout.connect(lambda: go.set() if len(ticks) >= 5 else None)  # the worker waits for five ticks
    timer.start()
    job = services.data.import_json(chosen)
    with qtbot.waitSignal(job.finished, timeout=30_000):
        assert job.running
    timer.stop()
    assert len(ticks) >= 5  # the GUI thread's timer fired while the rows were being written


def test_a_failure_on_the_worker_is_one_sentence_and_changes_nothing(qtbot, services, export_file, monkeypatch):
    chosen = read(qtbot, services.data, export_file)
    before = fingerprint()
    real = io_json._Meter.advance

    def locked_half_way(meter, rows):
        real(meter, rows)
        if meter.done >= meter.total // 2:
            raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(io_json._Meter, "advance", locked_half_way)
    job = services.data.import_json(chosen)
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        pass
    sentence = failed.args[0]
    assert "locked" in sentence and "\n" not in sentence and "Traceback" not in sentence
    assert fingerprint() == before


def test_a_full_disk_during_an_export_leaves_no_file(qtbot, services, profile, tmp_path, monkeypatch):
    fill_sample_data(30, seed=3, today=TODAY)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "all.json"

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(io_json, "_dump_in_pieces", full)
    job = services.data.export(target)
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        pass
    assert "disk is full" in failed.args[0] and str(target) in failed.args[0]
    assert list(target.parent.iterdir()) == []


def test_an_export_can_be_cancelled_and_writes_no_file(qtbot, services, profile, tmp_path):
    fill_sample_data(60, seed=3, today=TODAY)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "all.json"
    job = services.data.export(target)
    job.progressed.connect(lambda *_: job.cancel())
    with qtbot.waitSignal(job.cancelled, timeout=30_000) as cancelled:
        pass
    assert "no file was written" in cancelled.args[0]
    assert list(target.parent.iterdir()) == []


def test_two_writes_at_once_the_second_is_refused_in_one_sentence(qtbot, services, export_file, monkeypatch):
    chosen = read(qtbot, services.data, export_file)
    own = JobApplication.get(JobApplication.company == "Own card")
    reached, go = hold_rows_at(monkeypatch, 0.3)
    job = services.data.import_json(chosen)
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    with pytest.raises(DataBusyError, match="import is still running"):
        services.data.export(export_file.with_name("again.json"))
    error = services.board.set_star([own.id], True)  # a click on the board while rows are written
    assert isinstance(error, WritesPausedError) and "import is still running" in str(error)
    assert services.undo_stack.count() == 0  # nothing that did not happen can be undone
    go.set()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert services.board.set_star([own.id], True) is None  # afterwards the same click works
    assert JobApplication.get_by_id(own.id).priority == 1


def test_a_restore_swaps_the_database_and_keeps_the_replaced_one(qtbot, services, events, profile, tmp_path):
    from jobfollow.store import backups
    from jobfollow.store.applications import create_application

    create_application("Kept", "Analyst")
    job = services.data.back_up()
    with qtbot.waitSignal(job.finished, timeout=30_000) as backed_up:
        pass
    snapshot = backed_up.args[0]
    create_application("Replaced", "Analyst")
    old_db = profile.db
    job = services.data.restore(snapshot)
    results = []
    job.finished.connect(results.append)
    with qtbot.waitSignals([events.stages_changed, job.finished], timeout=30_000, order="strict"):
        pass
    assert old_db.is_closed() and profile.db is not old_db and not profile.db.is_closed()
    assert [a.company for a in JobApplication.select()] == ["Kept"]  # the panes reloaded from the new file
    [kept] = [b for b in backups.list_backups(profile.backup_dir) if b.kind == "before-restore"]
    assert results == [kept.path]  # the replaced data, kept aside
    assert not profile.db_path.with_name(profile.db_path.name + ".restoring").exists()


def test_quitting_during_an_import_rolls_it_back(qtbot, services, export_file, monkeypatch):
    chosen = read(qtbot, services.data, export_file)
    before = fingerprint()
    reached, go = hold_rows_at(monkeypatch, 0.5)
    job = services.data.import_json(chosen)
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    services.data.cancel_running()  # what the application's aboutToQuit runs (File > Quit, the tray's Quit)
    go.set()
    with qtbot.waitSignal(job.cancelled, timeout=30_000):
        pass
    assert fingerprint() == before
