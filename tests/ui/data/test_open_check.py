"""Damage found after the window's first paint: writes stop at once, and the recovery choice is offered."""

from __future__ import annotations

import sqlite3

import pytest

from jobfollow import paths
from jobfollow.profile import open_profile_at
from jobfollow.store import backups
from jobfollow.store.applications import create_application
from jobfollow.store.db import SQL_ERRORS
from jobfollow.ui.data.open_check import install_open_check, refusal_sentence
from jobfollow.ui.data.recovery_dialog import RecoveryDialog
from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.store_errors import store_error_message


@pytest.fixture
def damaged_after_backup(profile_dir):
    """One good backup holding "Saved Co"; then a card whose notes are not text (SQLite calls the file intact)."""
    opened = open_profile_at(profile_dir)
    create_application("Saved Co", "Analyst")
    backups.back_up(opened.db, opened.backup_dir)
    create_application("Later Co", "Analyst")
    opened.close()
    db_path = paths.database_path(profile_dir)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE job_application SET notes = x'00ff' WHERE company = 'Later Co'")
    conn.commit()
    conn.close()
    return db_path


def _started_window(qtbot, profile_dir, events, **kwargs):
    profile = open_profile_at(profile_dir, full_check=False)
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    check = install_open_check(window, profile, **kwargs)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: check.verdict is not None, timeout=10_000)
    return window, profile, check


def test_quitting_the_choice_leaves_the_file_and_refuses_every_write(qtbot, damaged_after_backup, profile_dir,
                                                                     events, modal):
    quit_asked = []
    window, profile, check = _started_window(qtbot, profile_dir, events, on_quit=lambda: quit_asked.append(1))
    try:
        assert check.verdict == "damaged"
        assert modal.asked == ["RecoveryDialog"] and quit_asked == [1]
        assert window.board.card_count() == 2  # what could be read is still shown
        with pytest.raises(SQL_ERRORS) as refused:
            create_application("Lost Co", "Analyst")
        assert store_error_message(refused.value) == refusal_sentence()
        assert damaged_after_backup.exists() and not list(profile_dir.glob("jobfollow.damaged-*"))
    finally:
        profile.close()


def test_choosing_the_backup_brings_it_into_the_open_window(qtbot, damaged_after_backup, profile_dir, events,
                                                            modal):
    def choose_backup(dialog):
        assert isinstance(dialog, RecoveryDialog) and dialog.restore_choice.isChecked()
        dialog.accept()
        return dialog.result()

    modal.on_dialog = choose_backup
    window, profile, check = _started_window(qtbot, profile_dir, events)
    try:
        assert check.verdict == "damaged"
        assert window.board.card_count() == 1  # the backup's one card
        create_application("New Co", "Analyst")  # writes go to the restored file again
        assert len(list(profile_dir.glob("jobfollow.damaged-*.sqlite3"))) == 1
    finally:
        profile.close()


def test_a_sound_file_is_backed_up_after_its_check(qtbot, profile_dir, events, modal):
    opened = open_profile_at(profile_dir)
    create_application("Saved Co", "Analyst")
    opened.close()
    _window, profile, check = _started_window(qtbot, profile_dir, events)
    try:
        assert check.verdict == "passed" and modal.asked == []
        qtbot.waitUntil(lambda: bool(backups.list_backups(profile.backup_dir)), timeout=10_000)
    finally:
        profile.close()


def test_background_work_refused_after_the_damage_adds_no_second_box(profile, monkeypatch):
    import sys

    from jobfollow.store.db import refuse_writes
    from jobfollow.ui import store_errors

    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(store_errors, "show_store_error", lambda *args: shown.append(args))
    store_errors.install_store_error_hook()
    refuse_writes(profile.db, refusal_sentence())
    with pytest.raises(SQL_ERRORS) as refused:
        create_application("Lost Co", "Analyst")
    sys.excepthook(type(refused.value), refused.value, None)  # e.g. the follow-up refresh on its worker
    assert shown == []
