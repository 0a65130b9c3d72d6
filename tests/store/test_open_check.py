"""The window's start opens a database after the cheap checks; the pages are checked afterwards, and a file
found damaged then takes no more writes, on any connection, each refused with the sentence the user sees."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from jobfollow import paths
from jobfollow.profile import open_profile_at
from jobfollow.store import db as store_db
from jobfollow.store import db_check
from jobfollow.store.applications import create_application
from jobfollow.store.models import JobApplication


@pytest.fixture
def text_damaged(profile_dir):
    """A profile whose file SQLite calls intact but which holds a value that is not text (a flipped bit in a
    card's notes): only the page-by-page text pass sees it."""
    opened = open_profile_at(profile_dir)
    create_application("Kept Co", "Analyst", notes="fine")
    opened.close()
    db_path = paths.database_path(profile_dir)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE job_application SET notes = x'00ff'")
    conn.commit()
    conn.close()
    return db_path


def test_the_cheap_open_leaves_the_damage_to_the_page_check(text_damaged, profile_dir):
    with pytest.raises(db_check.DamagedDatabaseError):
        open_profile_at(profile_dir)  # every other door: the whole check at once
    profile = open_profile_at(profile_dir, full_check=False)
    try:
        assert JobApplication.select().count() == 1
        with pytest.raises(db_check.DamagedDatabaseError, match="text cannot be read"):
            db_check.check_contents(text_damaged)
    finally:
        profile.close()


def test_a_sound_file_passes_the_page_check(profile):
    create_application("Kept Co", "Analyst")
    db_check.check_contents(profile.db_path)  # also while the window holds it open


def test_refused_writes_fail_everywhere_with_one_sentence_and_reads_go_on(profile):
    create_application("Kept Co", "Analyst")
    store_db.refuse_writes(profile.db, "Nothing more can be saved.")
    with pytest.raises(store_db.SQL_ERRORS) as refused:
        create_application("Lost Co", "Analyst")
    assert store_db.storage_problem(refused.value) == "Nothing more can be saved."
    raw = profile.db.connection()  # no way around Peewee either
    with pytest.raises(sqlite3.OperationalError):
        raw.execute("DELETE FROM job_application")

    errors: list[BaseException] = []

    def worker_write() -> None:  # a worker thread opens its own connection
        try:
            create_application("Worker Co", "Analyst")
        except store_db.SQL_ERRORS as exc:
            errors.append(exc)
        finally:
            store_db.close_thread_connection()

    thread = threading.Thread(target=worker_write)
    thread.start()
    thread.join()
    assert len(errors) == 1 and store_db.write_refusal(errors[0]) == "Nothing more can be saved."
    assert [row.company for row in JobApplication.select()] == ["Kept Co"]


def test_a_newly_opened_file_takes_writes_again(profile, profile_dir):
    store_db.refuse_writes(profile.db, "Nothing more can be saved.")
    profile.close()
    reopened = open_profile_at(profile_dir)
    try:
        create_application("New Co", "Analyst")
        assert store_db.write_refusal() is None
    finally:
        reopened.close()


def test_a_file_due_for_a_migration_gets_the_whole_check_at_the_door(tmp_path):
    """A migration writes: the window's cheap open must not let it write into a file whose text is damaged."""
    from tests.store.test_migrations import _version_1_database_with_rows

    path = tmp_path / "jobfollow.sqlite3"
    _version_1_database_with_rows(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE job_application SET notes = x'00ff' WHERE id = 1")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(db_check.DamagedDatabaseError, match="text cannot be read"):
        store_db.open_database(path, full_check=False)
    assert path.read_bytes() == before
