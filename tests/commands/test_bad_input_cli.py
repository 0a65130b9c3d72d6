"""Bad input on the command line: one readable line on stderr, a non-zero exit, nothing touched."""

from __future__ import annotations

import sqlite3

import pytest

from jobfollow.app import main


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_profile_given_before_the_command_is_the_one_used(tmp_path, profile_dir, capsys):
    chosen = tmp_path / "chosen"
    assert main(["--profile", str(chosen), "check"]) == 0
    assert str(chosen / "jobfollow.sqlite3") in capsys.readouterr().out
    assert (chosen / "jobfollow.sqlite3").exists()
    assert not profile_dir.exists()  # JOBFOLLOW_HOME (standing in for the real profile) was not opened


@pytest.mark.parametrize("command", [["due"], ["check"], ["import", "x.json"], ["backup"]])
def test_profile_that_is_a_file_or_under_a_file(tmp_path, monkeypatch, capsys, command):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.json").write_text("{}")
    for profile in (a_file, a_file / "sub"):
        assert main(["--profile", str(profile), *command]) != 0
        assert str(profile) in _one_error_line(capsys)
    assert a_file.read_text() == "mine"


def test_a_folder_given_as_the_file_to_import_or_restore(tmp_path, profile_dir, capsys):
    folder = tmp_path / "data.json"
    folder.mkdir()
    assert main(["import", str(folder), "--profile", str(profile_dir)]) == 2
    assert "Is a directory" in _one_error_line(capsys)
    backup_folder = tmp_path / "old.sqlite3"
    backup_folder.mkdir()
    assert main(["restore", str(backup_folder), "--profile", str(profile_dir)]) == 2
    assert "Is a directory" in _one_error_line(capsys)


def test_database_locked_by_another_program_during_a_command(profile_dir, monkeypatch, capsys):
    """Another program takes the write lock after the profile opened: one line, exit 2, no traceback."""
    from jobfollow.store import followups

    real_refresh = followups.refresh_followups
    holders = []

    def refresh_while_locked(*args, **kwargs):
        followups.FollowUp._meta.database.execute_sql("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(profile_dir / "jobfollow.sqlite3", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        holders.append(other)
        return real_refresh(*args, **kwargs)

    monkeypatch.setattr(followups, "refresh_followups", refresh_while_locked)
    try:
        assert main(["due", "--profile", str(profile_dir)]) == 2
    finally:
        for other in holders:
            other.close()
    line = _one_error_line(capsys)
    assert "locked by another program" in line and str(profile_dir) in line
