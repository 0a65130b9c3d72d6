"""Damaged databases: every door into the data refuses them with one sentence, or proves them intact.

Copies of a real demo database are damaged the way disks and copies fail (bit flips, truncation, a zeroed
page, another program's SQLite file). The reliability benchmark runs the same check on 200 files.
"""

from __future__ import annotations

import random
import shutil
import stat
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobfollow.store import db_check
from tests.reliability_helpers import DAMAGE_KINDS, damage, integrity_ok, make_demo_database, run_cli

COMMANDS = (("check",), ("due", "--today", "2026-05-04"), ("export", "out.json"))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return make_demo_database(tmp_path_factory.mktemp("demo") / "profile")


def _profile_with(tmp_path, data: bytes):
    folder = tmp_path / "profile"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "jobfollow.sqlite3").write_bytes(data)
    return folder


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(DAMAGE_KINDS), seed=st.integers(0, 2**32 - 1))
def test_a_damaged_database_is_refused_in_one_sentence_or_proven_intact(demo_db, tmp_path, kind, seed):
    data = damage(demo_db.read_bytes(), kind, random.Random(seed))
    folder = _profile_with(tmp_path, data)
    for command in COMMANDS:
        argv = [*command[:1], "--profile", str(folder), *command[1:]]
        if command[0] == "export":
            target = tmp_path / "out.json"
            target.unlink(missing_ok=True)
            argv[-1] = str(target)
        outcome = run_cli(*argv)
        assert not outcome.traceback, outcome.stderr
        assert outcome.lines <= 1, outcome.stderr
        if outcome.code == 0:  # used: then SQLite itself must call the file intact
            assert integrity_ok(folder / "jobfollow.sqlite3"), f"{kind} damage used silently by {command[0]}"
        else:
            assert outcome.stderr.startswith("jobfollow: ")
        assert not list(tmp_path.glob("*.partial"))
    # whatever happened, the damaged file is still exactly as it was
    assert (folder / "jobfollow.sqlite3").read_bytes() == data or integrity_ok(folder / "jobfollow.sqlite3")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(DAMAGE_KINDS), seed=st.integers(0, 2**32 - 1))
def test_restore_brings_back_a_damaged_profile_and_keeps_the_damaged_file(demo_db, tmp_path, kind, seed):
    data = damage(demo_db.read_bytes(), kind, random.Random(seed))
    folder = _profile_with(tmp_path, data)
    outcome = run_cli("restore", "--profile", str(folder), str(demo_db))
    assert outcome.code == 0, outcome.stderr
    assert run_cli("check", "--profile", str(folder)).code == 0
    kept = [p for p in folder.rglob("*.sqlite3") if p.name != "jobfollow.sqlite3"]
    assert any(p.read_bytes() == data for p in kept), "the replaced file must be kept, never deleted"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(DAMAGE_KINDS), seed=st.integers(0, 2**32 - 1))
def test_a_damaged_backup_is_refused_and_the_profile_left_alone(demo_db, tmp_path, kind, seed):
    data = damage(demo_db.read_bytes(), kind, random.Random(seed))
    backup = tmp_path / "backup.sqlite3"
    backup.write_bytes(data)
    folder = _profile_with(tmp_path, demo_db.read_bytes())
    outcome = run_cli("restore", "--profile", str(folder), str(backup))
    assert not outcome.traceback and outcome.lines <= 1, outcome.stderr
    if outcome.code != 0:
        assert (folder / "jobfollow.sqlite3").read_bytes() == demo_db.read_bytes()
    else:
        assert integrity_ok(backup)


@pytest.mark.parametrize("state", ["damaged", "missing", "empty"])
def test_restore_from_the_command_line_whatever_the_database_is(demo_db, tmp_path, state):
    folder = tmp_path / "profile"
    folder.mkdir()
    db_path = folder / "jobfollow.sqlite3"
    if state == "damaged":
        db_path.write_bytes(demo_db.read_bytes()[:50000])
    elif state == "empty":
        db_path.write_bytes(b"")
    before = db_path.read_bytes() if db_path.exists() else None
    refused = run_cli("due", "--profile", str(folder))
    if state != "missing":
        assert refused.code == 2 and refused.lines == 1
        assert "jobfollow restore" in refused.stderr  # the way forward is named
    outcome = run_cli("restore", "--profile", str(folder), str(demo_db))
    assert outcome.code == 0, outcome.stderr
    assert "Restored" in outcome.stdout
    assert run_cli("check", "--profile", str(folder)).stdout.count("25 applications") == 1
    if before is not None:
        assert [p for p in folder.glob("jobfollow.damaged-*.sqlite3") if p.read_bytes() == before]


def test_a_zero_byte_database_is_not_replaced_by_an_empty_profile(tmp_path):
    from jobfollow.profile import open_profile_at

    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "jobfollow.sqlite3").write_bytes(b"")
    with pytest.raises(db_check.DamagedDatabaseError, match="0 bytes"):
        open_profile_at(folder)
    assert (folder / "jobfollow.sqlite3").stat().st_size == 0


def test_undecodable_schema_text_is_refused_not_a_traceback(demo_db, tmp_path):
    """The schema text of a damaged file can be bytes that are not UTF-8 (a UnicodeDecodeError once)."""
    data = bytearray(demo_db.read_bytes())
    at = data.find(b"CREATE TABLE")
    data[at + 13] = 0xAC
    folder = _profile_with(tmp_path, bytes(data))
    outcome = run_cli("check", "--profile", str(folder))
    assert outcome.code == 2 and outcome.lines == 1 and not outcome.traceback
    assert "damaged" in outcome.stderr


def test_tables_renamed_by_damage_are_refused_even_when_sqlite_calls_the_file_intact(demo_db, tmp_path):
    data = bytearray(demo_db.read_bytes())
    at = data.find(b'"company" VARCHAR')
    data[at:at + 9] = b'"compbny"'  # a column renamed, same length: SQLite's integrity check cannot see it
    folder = _profile_with(tmp_path, bytes(data))
    assert integrity_ok(folder / "jobfollow.sqlite3")
    with pytest.raises(db_check.DamagedDatabaseError, match="tables"):
        db_check.inspect_file(folder / "jobfollow.sqlite3")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_database_is_refused_and_not_made_writable(demo_db, tmp_path):
    folder = _profile_with(tmp_path, demo_db.read_bytes())
    db_path = folder / "jobfollow.sqlite3"
    db_path.chmod(0o400)
    before = db_path.read_bytes()
    outcome = run_cli("due", "--profile", str(folder))
    assert outcome.code == 2 and outcome.lines == 1
    assert "read-only" in outcome.stderr and "chmod" in outcome.stderr
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o400
    assert db_path.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_exports_are_private_like_the_database(profile, tmp_path):
    from jobfollow.store.io_csv import export_csv
    from jobfollow.store.io_ics import export_ics
    from jobfollow.store.io_json import export_json

    for name, export in (("a.json", export_json), ("a.csv", export_csv), ("a.ics", export_ics)):
        export(tmp_path / name)
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


@pytest.mark.parametrize("value", ["CAST(x'45737469c3a9c3' AS TEXT)", "x'00ff'"])
def test_text_that_cannot_be_read_is_refused_though_sqlite_calls_the_file_intact(demo_db, tmp_path, value):
    """A flipped bit inside a letter template once passed every check and hung the window's start."""
    import sqlite3

    folder = _profile_with(tmp_path, demo_db.read_bytes())
    conn = sqlite3.connect(folder / "jobfollow.sqlite3")
    conn.execute(f"UPDATE template SET body = {value} WHERE id = (SELECT min(id) FROM template)")
    conn.commit()
    conn.close()
    assert integrity_ok(folder / "jobfollow.sqlite3")
    outcome = run_cli("due", "--profile", str(folder))
    assert outcome.code == 2 and outcome.lines == 1 and "text cannot be read" in outcome.stderr


def test_the_self_test_fails_instead_of_waiting_for_a_message_box(monkeypatch):
    import sys

    from jobfollow.ui import store_errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(store_errors, "UNATTENDED_ERRORS", [])
    monkeypatch.setattr(store_errors, "show_store_error", lambda *a: pytest.fail("a modal box in --self-test"))
    store_errors.install_store_error_hook(interactive=False)
    error = sqlite3_error = __import__("sqlite3").OperationalError("Could not decode to UTF-8 column 'body'")
    sys.excepthook(type(error), sqlite3_error, None)
    assert store_errors.UNATTENDED_ERRORS == ["OperationalError: Could not decode to UTF-8 column 'body'"]
