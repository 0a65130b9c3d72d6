import sqlite3
import stat
import sys

import pytest

from jobfollow.store import db as store_db
from jobfollow.store import db_check
from jobfollow.store.migrations import CURRENT_VERSION


def _open(path, **kw):
    database = store_db.open_database(path, **kw)
    return database


def test_new_database_is_marked_ours_and_uses_safe_pragmas(tmp_path):
    path = tmp_path / "j.sqlite3"
    database = _open(path)
    try:
        pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("application_id") == db_check.APPLICATION_ID
        assert pragma("user_version") == CURRENT_VERSION
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        assert pragma("busy_timeout") > 0
        if sys.platform != "win32":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        store_db.close_database(database)


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"my CV notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(db_check.NotJobfollowDatabaseError, match="not a jobfollow database"):
        _open(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(db_check.NotJobfollowDatabaseError, match="another program"):
        _open(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "j.sqlite3"
    store_db.close_database(_open(path))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(db_check.NewerSchemaError, match="newer jobfollow"):
        _open(path)
    assert path.read_bytes() == before


def test_a_truncated_database_is_reported_damaged(tmp_path, profile):
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(60)
    profile.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    profile.close()
    data = profile.db_path.read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(data[: len(data) // 2])
    before = damaged.read_bytes()
    with pytest.raises(db_check.DamagedDatabaseError):
        _open(damaged)
    assert damaged.read_bytes() == before


def test_a_database_locked_by_another_program_is_reported(tmp_path):
    path = tmp_path / "j.sqlite3"
    store_db.close_database(_open(path))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(db_check.DatabaseLockedError, match="locked by another program"):
            _open(path, busy_timeout_s=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_backup_copies_every_row(tmp_path, profile):
    from jobfollow.store.applications import create_application

    for n in range(5):
        create_application(f"Company {n}", "Analyst")
    target = store_db.backup_to(profile.db, tmp_path / "copy.sqlite3")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM job_application").fetchone()[0] == 5
    conn.close()
