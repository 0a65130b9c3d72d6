"""Rolling backups, restore, and the data commands of the command line."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from jobfollow.app import main
from jobfollow.profile import open_profile_at
from jobfollow.store import backups
from jobfollow.store.applications import create_application
from jobfollow.store.backups import BackupError
from jobfollow.store.models import JobApplication

START = dt.datetime(2026, 5, 4, 9, 0)


def _names(folder):
    return sorted(b.path.name for b in backups.list_backups(folder))


def test_automatic_backup_once_a_day(profile):
    folder = profile.backup_dir
    assert backups.automatic_backup(profile.db, folder, now=START) is not None
    assert backups.automatic_backup(profile.db, folder, now=START + dt.timedelta(hours=23)) is None
    assert backups.automatic_backup(profile.db, folder, now=START + dt.timedelta(days=1)) is not None
    assert len(backups.list_backups(folder)) == 2


def test_retention_keeps_seven_daily_and_four_weekly(profile):
    folder = profile.backup_dir
    for day in range(60):  # two months of daily starts
        backups.automatic_backup(profile.db, folder, now=START + dt.timedelta(days=day))
    backups.back_up(profile.db, folder, kind="manual", now=START)  # manual copies are never pruned
    kept = backups.list_backups(folder)
    autos = [b.taken_at.date() for b in kept if b.kind == "auto"]
    last = (START + dt.timedelta(days=59)).date()
    assert autos[:7] == [last - dt.timedelta(days=i) for i in range(7)]
    weeks = {tuple(d.isocalendar())[:2] for d in autos}
    assert len(weeks) == 4 and len(autos) <= 7 + 4
    assert any(b.kind == "manual" for b in kept)


def test_backup_is_a_consistent_copy(profile):
    create_application("Fabrikam", "Analyst")
    path = backups.back_up(profile.db, profile.backup_dir)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT company FROM job_application").fetchall() == [("Fabrikam",)]
    conn.close()


def test_restore_checks_the_file_and_keeps_the_current_database(profile, tmp_path):
    create_application("Before", "Analyst")
    snapshot = backups.back_up(profile.db, profile.backup_dir)
    create_application("After", "Analyst")
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for bad in (foreign, tmp_path / "missing.sqlite3"):
        with pytest.raises(BackupError):
            backups.restore_file(bad, profile.db_path, profile.backup_dir, current_db=profile.db)
        assert not profile.db.is_closed() and JobApplication.select().count() == 2

    kept = backups.restore_file(snapshot, profile.db_path, profile.backup_dir, current_db=profile.db)
    reopened = open_profile_at(profile.folder)
    assert [a.company for a in JobApplication.select()] == ["Before"]
    reopened.close()
    conn = sqlite3.connect(kept)
    assert len(conn.execute("SELECT id FROM job_application").fetchall()) == 2
    conn.close()


def test_newest_good_backup_skips_damaged_ones(profile):
    good = backups.back_up(profile.db, profile.backup_dir, now=START)
    damaged = profile.backup_dir / "jobfollow-20260505-090000-auto.sqlite3"
    damaged.write_bytes(good.read_bytes()[:3000])
    assert backups.newest_good_backup(profile.backup_dir).path == good


# -- command line ----------------------------------------------------------------------------------
def _cli(*args) -> int:
    return main(list(args))


def test_cli_export_import_round_trip(profile_dir, tmp_path, capsys):
    source = open_profile_at(profile_dir)
    create_application("Fabrikam", "Analyst", notes="=1+1")
    source.close()
    for name in ("all.json", "cards.csv", "cal.ics"):
        assert _cli("export", "--profile", str(profile_dir), str(tmp_path / name)) == 0
    other = tmp_path / "other"
    assert _cli("import", "--profile", str(other), str(tmp_path / "all.json")) == 0
    assert _cli("import", "--profile", str(other), str(tmp_path / "cards.csv")) == 0
    assert "Imported 1 application" in capsys.readouterr().out
    assert _cli("check", "--profile", str(other)) == 0
    assert "2 applications" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["x.txt", "x.ics", "missing.json"])
def test_cli_import_errors_are_one_line_and_write_nothing(profile_dir, tmp_path, capsys, name):
    if name == "x.ics":
        (tmp_path / name).write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    assert _cli("import", "--profile", str(profile_dir), str(tmp_path / name)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("jobfollow: ") and "\n" not in err


def test_cli_export_refuses_to_overwrite(profile_dir, tmp_path, capsys):
    target = tmp_path / "all.json"
    target.write_text("keep me")
    assert _cli("export", "--profile", str(profile_dir), str(target)) == 2
    assert target.read_text() == "keep me"
    assert "--force" in capsys.readouterr().err


def test_cli_backup_and_restore(profile_dir, tmp_path, capsys):
    opened = open_profile_at(profile_dir)
    create_application("Before", "Analyst")
    opened.close()
    copy = tmp_path / "copy.sqlite3"
    assert _cli("backup", "--profile", str(profile_dir), str(copy)) == 0
    assert _cli("backup", "--profile", str(profile_dir), str(copy)) == 2  # never overwrites
    opened = open_profile_at(profile_dir)
    create_application("After", "Analyst")
    opened.close()
    assert _cli("restore", "--profile", str(profile_dir), str(copy)) == 0
    opened = open_profile_at(profile_dir)
    assert [a.company for a in JobApplication.select()] == ["Before"]
    kept = [b for b in backups.list_backups(opened.backup_dir) if b.kind == "before-restore"]
    opened.close()
    assert len(kept) == 1
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    capsys.readouterr()
    assert _cli("restore", "--profile", str(profile_dir), str(junk)) == 2
    assert "not a jobfollow database" in capsys.readouterr().err


def test_backups_are_single_files_that_reading_leaves_alone(profile):
    path = backups.back_up(profile.db, profile.backup_dir)
    assert backups.newest_good_backup(profile.backup_dir).path == path
    assert sorted(p.name for p in profile.backup_dir.iterdir()) == [path.name]


def test_cli_export_of_a_missing_profile_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "nobody"
    assert _cli("export", "--profile", str(missing), str(tmp_path / "all.json")) == 2
    assert _cli("backup", "--profile", str(missing)) == 2
    assert not missing.exists() and not (tmp_path / "all.json").exists()
    assert "no jobfollow profile" in capsys.readouterr().err


# -- start-up hooks (the whole program, in a subprocess) -----------------------------------------
def _start(folder):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "jobfollow", "--profile", str(folder), "--self-test"],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.slow
def test_start_makes_the_daily_backup_once(tmp_path):
    folder = tmp_path / "p"
    assert _start(folder).returncode == 0
    assert _start(folder).returncode == 0
    assert [b.kind for b in backups.list_backups(folder / "backups")] == ["auto"]


@pytest.mark.slow
def test_start_on_a_damaged_database_without_a_dialog_leaves_it_untouched(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    damaged = folder / "jobfollow.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    result = _start(folder)
    assert result.returncode == 1 and "damaged" in result.stderr
    assert damaged.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite3") == ["jobfollow.sqlite3"]
