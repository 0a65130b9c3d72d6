"""A full disk, a read-only folder and a stale lock: one sentence each, a way forward, nothing half-written."""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
import subprocess
import sys

import pytest

from jobfollow.store import db as store_db
from jobfollow.store.applications import live_applications
from jobfollow.ui.single_instance import SingleInstance
from tests.reliability_helpers import run_cli


def _no_partials(*folders) -> bool:
    return not [p for folder in folders for p in folder.rglob("*") if p.name.endswith((".partial", ".restoring"))]


def _full_disk_json_dump(obj, handle, **kwargs):
    handle.write('{"format": "jobfollow", ')
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_export_on_a_full_disk_says_so_and_leaves_nothing(profile, tmp_path, monkeypatch):
    from jobfollow.store import io_json

    profile.close()
    monkeypatch.setattr(io_json.json, "dump", _full_disk_json_dump)
    target = tmp_path / "out.json"
    outcome = run_cli("export", "--profile", str(profile.folder), str(target))
    assert outcome.code == 2 and outcome.lines == 1
    assert "disk is full" in outcome.stderr and str(target) in outcome.stderr
    assert "free some space" in outcome.stderr
    assert not target.exists() and _no_partials(tmp_path)


def test_backup_on_a_full_disk_blames_the_backup_not_the_database(profile, tmp_path, monkeypatch):
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(10)
    profile.close()
    real_connect = sqlite3.connect

    def small_disk(path, *args, **kwargs):
        conn = real_connect(path, *args, **kwargs)
        if str(path).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 3")  # SQLite's own "database or disk is full"
        return conn

    monkeypatch.setattr(store_db.sqlite3, "connect", small_disk)
    target = tmp_path / "copy.sqlite3"
    outcome = run_cli("backup", "--profile", str(profile.folder), str(target))
    assert outcome.code == 2 and outcome.lines == 1, outcome.stderr
    assert str(target) in outcome.stderr and "disk is full" in outcome.stderr
    assert "jobfollow.sqlite3" not in outcome.stderr
    assert not target.exists() and _no_partials(tmp_path)


def test_import_on_a_full_disk_names_the_disk_and_adds_nothing(profile, tmp_path):
    from jobfollow.store.io_json import DataImportError, export_json, import_data, read_json_file
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(30)
    export_json(tmp_path / "all.json")
    data = read_json_file(tmp_path / "all.json")
    before = live_applications().count()
    pages = profile.db.execute_sql("PRAGMA page_count").fetchone()[0]
    profile.db.execute_sql(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DataImportError) as caught:
        import_data(data)
    assert str(caught.value) == "Nothing was imported because the disk is full."
    profile.db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert live_applications().count() == before


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_into_a_read_only_folder(profile, tmp_path):
    profile.close()
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        outcome = run_cli("export", "--profile", str(profile.folder), str(folder / "out.csv"))
    finally:
        folder.chmod(0o700)
    assert outcome.code == 2 and outcome.lines == 1
    assert "read-only" in outcome.stderr and "choose another folder" in outcome.stderr
    assert _no_partials(folder)


def _stale_lock(profile_dir, pid: int) -> None:
    """A lock file as QLockFile writes it, left by a jobfollow whose process id now belongs to ``pid``."""
    profile_dir.mkdir(parents=True, exist_ok=True)
    (profile_dir / "jobfollow.lock").write_text(f"{pid}\n{os.path.basename(sys.executable)}\n{socket.gethostname()}\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_stale_lock_whose_process_id_went_to_another_program_is_reclaimed(qapp, profile_dir):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _stale_lock(profile_dir, other.pid)
        instance = SingleInstance(profile_dir)
        assert instance.acquire()
        instance.release()
    finally:
        other.kill()
        other.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_restore_is_not_blocked_by_a_stale_lock(profile, tmp_path):
    from jobfollow.store.backups import back_up

    copy = back_up(profile.db, tmp_path, target=tmp_path / "copy.sqlite3")
    profile.close()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _stale_lock(profile.folder, other.pid)
        outcome = run_cli("restore", "--profile", str(profile.folder), str(copy))
    finally:
        other.kill()
        other.wait()
    assert outcome.code == 0, outcome.stderr


def test_a_lock_held_by_a_running_jobfollow_still_blocks_with_its_process_named(qapp, profile_dir):
    first = SingleInstance(profile_dir.parent / profile_dir.name)
    profile_dir.mkdir(parents=True, exist_ok=True)
    assert first.acquire()
    try:
        outcome = run_cli("restore", "--profile", str(profile_dir), str(profile_dir / "nothing.sqlite3"))
        assert outcome.code == 2  # the backup is checked first: it does not exist
        second = SingleInstance(profile_dir)
        assert not second.acquire()
        assert second.owner() == os.getpid()
    finally:
        first.release()
