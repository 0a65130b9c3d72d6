"""A damaged or foreign database at start: the dialog offers a backup or a fresh profile and keeps the file."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer

from jobfollow import paths
from jobfollow.profile import open_profile_at
from jobfollow.store import backups
from jobfollow.store.applications import create_application
from jobfollow.store.db_check import DamagedDatabaseError, NotJobfollowDatabaseError
from jobfollow.store.models import JobApplication
from jobfollow.ui.data import recovery_dialog
from jobfollow.ui.data.recovery_dialog import RecoveryDialog, open_profile_or_recover


@pytest.fixture
def damaged(profile_dir):
    """A profile with one good backup (holding "Saved Co") whose database was then truncated."""
    opened = open_profile_at(profile_dir)
    create_application("Saved Co", "Analyst")
    for _n in range(30):
        create_application("Later Co", "Analyst", notes="x" * 2000)
    backups.back_up(opened.db, opened.backup_dir)
    opened.close()
    db_path = paths.database_path(profile_dir)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    return db_path, db_path.read_bytes()


def _aside(db_path):
    return sorted(db_path.parent.glob("jobfollow.damaged-*.sqlite3"))


def test_truncated_database_raises_before_the_dialog(damaged, profile_dir):
    with pytest.raises(DamagedDatabaseError):
        open_profile_at(profile_dir)


def test_restore_newest_backup_keeps_the_damaged_file(qtbot, damaged, profile_dir):
    db_path, original = damaged
    backup = backups.newest_good_backup(paths.backup_dir(profile_dir))
    dialog = RecoveryDialog(db_path, "damaged", backup)
    qtbot.addWidget(dialog)
    assert dialog.restore_choice.isEnabled() and dialog.restore_choice.isChecked()
    dialog.continue_button.click()
    assert dialog.result() == RecoveryDialog.DialogCode.Accepted
    [moved] = _aside(db_path)
    assert moved.read_bytes() == original
    profile = open_profile_at(profile_dir)
    assert JobApplication.select().where(JobApplication.company == "Saved Co").count() == 1
    profile.close()


def test_fresh_profile_when_there_is_no_backup(qtbot, profile_dir):
    profile_dir.mkdir(parents=True)
    db_path = paths.database_path(profile_dir)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE photos (id INTEGER)")  # someone else's SQLite file
    conn.commit()
    conn.close()
    original = db_path.read_bytes()
    with pytest.raises(NotJobfollowDatabaseError):
        open_profile_at(profile_dir)
    dialog = RecoveryDialog(db_path, "foreign", None)
    qtbot.addWidget(dialog)
    assert not dialog.restore_choice.isEnabled() and dialog.fresh_choice.isChecked()
    dialog.continue_button.click()
    assert _aside(db_path)[0].read_bytes() == original
    profile = open_profile_at(profile_dir)
    assert JobApplication.select().count() == 0
    profile.close()


def test_quit_changes_nothing(qtbot, damaged, profile_dir):
    db_path, original = damaged

    def press_quit():
        dialog = next(w for w in qtbot_widgets() if isinstance(w, RecoveryDialog))
        dialog.quit_button.click()

    def qtbot_widgets():
        from PySide6.QtWidgets import QApplication

        return QApplication.topLevelWidgets()

    QTimer.singleShot(0, press_quit)
    with pytest.raises(DamagedDatabaseError):
        open_profile_or_recover(profile_dir)
    assert db_path.read_bytes() == original and not _aside(db_path)


def test_open_profile_or_recover_reopens_after_the_choice(qtbot, damaged, profile_dir, monkeypatch):
    db_path, _original = damaged
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: (self.accept(), self.result())[1])
    profile = open_profile_or_recover(profile_dir)
    assert JobApplication.select().where(JobApplication.company == "Saved Co").count() == 1
    profile.close()
    assert len(_aside(db_path)) == 1


def test_self_test_never_asks(damaged, profile_dir, monkeypatch):
    monkeypatch.setattr(recovery_dialog.RecoveryDialog, "exec", lambda self: pytest.fail("asked"))
    with pytest.raises(DamagedDatabaseError):
        open_profile_or_recover(profile_dir, ask=False)
