"""The CSV import dialog and the File menu's data entries, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from jobfollow.core.csv_mapping import IGNORE
from jobfollow.store import backups
from jobfollow.store.applications import create_application
from jobfollow.store.models import JobApplication
from jobfollow.ui import plain_text
from jobfollow.ui.data import csv_import_dialog
from jobfollow.ui.data.csv_import_dialog import CsvImportDialog

CSV = (
    "Company;Job Title;Status;Date Applied;Location;Recruiter;Recruiter Email\n"
    "Fabrikam;Data Analyst;Interviewing;2026-10-02;Berlin;Anna Keller;anna@f.example\n"
    "Litware;Product Manager;Applied;2026-10-05;Remote;;\n"
    "Contoso;BI Developer;Ghosted;next week;Leipzig;;\n"
)


@pytest.fixture
def data_service(qtbot, events, profile):
    from jobfollow.services.data import DataService

    return DataService(events, None, profile)


def jobs_done(qtbot, service, timeout=20_000):
    """Wait until the data service's jobs (and a job started by the one before) have ended."""
    qtbot.waitUntil(lambda: service.job is None, timeout=timeout)


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    return path


def test_dialog_guesses_columns_and_statuses(qtbot, qtmodeltester, profile, csv_file, data_service):
    dialog = CsvImportDialog(csv_file, service=data_service)
    qtbot.addWidget(dialog)
    assert dialog.load_error == ""
    assert dialog.mapping() == ["company", "position_title", "status", "applied_on", "location", "contact_name",
                                "contact_email"]
    stages = {s.id: s.kind for s in dialog.stages}
    assert {k: stages[v] for k, v in dialog.status_stages().items()} == {
        "Interviewing": "interviewed", "Applied": "applied", "Ghosted": "closed"}
    qtmodeltester.check(dialog.preview_model)
    assert dialog.preview_model.rowCount() == 2
    assert "Row 3" in dialog.errors_view.toPlainText()
    assert not dialog.import_button.isEnabled()  # a bad row: all or nothing unless the user says skip
    dialog.set_mapping(3, IGNORE)  # the date column is not needed after all
    assert dialog.preview_model.rowCount() == 3 and dialog.import_button.isEnabled()
    dialog.set_mapping(2, IGNORE)
    assert dialog.status_table.isHidden() and not dialog.status_hint.isHidden()


def test_preview_shows_every_mapped_column_as_it_will_be_imported(qtbot, qtmodeltester, csv_file, data_service):
    dialog = CsvImportDialog(csv_file, service=data_service)
    qtbot.addWidget(dialog)
    model = dialog.preview_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Row", "Company", "Job title", "Stage", "Date applied", "Location", "Contact name",
                       "Contact e-mail"]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[5:] == ["Berlin", "Anna Keller", "anna@f.example"]
    dialog.set_mapping(6, IGNORE)  # no e-mail column after all: its preview column goes
    assert model.columnCount() == 7 and model.headerData(6, Qt.Orientation.Horizontal) == "Contact name"
    qtmodeltester.check(model)


def test_dialog_imports_all_rows_with_progress(qtbot, profile, csv_file, data_service):
    dialog = CsvImportDialog(csv_file, service=data_service)
    qtbot.addWidget(dialog)
    dialog.skip_bad.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.import_button.click()
    assert len(dialog.imported_ids) == 2
    assert dialog.progress.value() == 2
    assert JobApplication.select().count() == 2


def test_cancel_during_import_rolls_everything_back(qtbot, profile, tmp_path, monkeypatch, data_service):
    import threading

    from jobfollow.store import io_csv

    path = tmp_path / "long.csv"
    path.write_text("Company,Title\n" + "".join(f"C{i},Job {i}\n" for i in range(2000)), encoding="utf-8")
    dialog = CsvImportDialog(path, service=data_service)
    qtbot.addWidget(dialog)
    real_apply = io_csv.apply_import
    pressed = threading.Event()

    def apply_waiting_for_cancel(plan, stages, *, source_name, progress):
        def wrapped(done, total):
            if done >= 1000:
                pressed.wait(10)  # half the rows are written when the user presses Cancel
            return progress(done, total)

        return real_apply(plan, stages, source_name=source_name, progress=wrapped)

    def press_cancel(done, total):
        if done >= 1000 and not pressed.is_set():
            dialog.reject()
            pressed.set()

    monkeypatch.setattr(io_csv, "apply_import", apply_waiting_for_cancel)
    job = dialog.run_import()
    job.progressed.connect(press_cancel)
    with qtbot.waitSignal(job.cancelled, timeout=20_000):
        pass
    assert JobApplication.select().count() == 0
    assert "cancelled" in dialog.result_label.text()
    assert dialog.isEnabled() and dialog.import_button.isEnabled()
    assert dialog.isVisible() or not dialog.result()  # still open to try again, not accepted


def test_unreadable_file_reports_instead_of_opening(qtbot, profile, tmp_path, data_service):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    dialog = CsvImportDialog(path, service=data_service)
    qtbot.addWidget(dialog)
    assert "binary" in dialog.load_error


@pytest.fixture
def window(qtbot, profile, events):
    from jobfollow.ui.main_window import MainWindow

    win = MainWindow(profile, events)
    qtbot.addWidget(win)
    return win


def test_file_menu_has_the_data_entries_above_quit(window):
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    data_entries = ["&Import…", "&Export…", "Export &calendar (.ics)…", "&Back up now", "&Restore…"]
    assert [t for t in texts if t in data_entries] == data_entries
    assert texts[-1] == "&Quit"
    assert texts.index("&Restore…") == len(texts) - 2


def test_back_up_now_and_restore_reload_the_window(qtbot, window, profile, tmp_path, monkeypatch):
    create_application("Before", "Analyst")
    window.data_actions.back_up_now()
    jobs_done(qtbot, window.services.data)
    [snapshot] = backups.list_backups(profile.backup_dir)
    create_application("After", "Analyst")
    window.events.applications_changed.emit([])
    assert window.board.card_count() == 2
    job = window.data_actions.restore(str(snapshot.path), confirm=False)
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert window.board.card_count() == 1
    assert [a.company for a in JobApplication.select()] == ["Before"]
    assert any(b.kind == "before-restore" for b in backups.list_backups(profile.backup_dir))
    assert not profile.db.is_closed()
    assert "previous data was kept" in window.statusBar().currentMessage()


def test_a_window_left_open_for_days_still_backs_up_once_a_day(qtbot, window, profile):
    import datetime as dt

    assert backups.list_backups(profile.backup_dir) == []
    window.events.tick.emit()  # the follow-up clock's tick: the window has been open a while
    jobs_done(qtbot, window.services.data)
    [first] = backups.list_backups(profile.backup_dir)
    assert first.kind == "auto"
    window.data_actions._next_backup_check = 0.0
    assert window.data_actions.back_up_when_due()
    jobs_done(qtbot, window.services.data)
    assert len(backups.list_backups(profile.backup_dir)) == 1  # the newest is fresh: nothing more today
    two_days_ago = first.taken_at - dt.timedelta(days=2)
    first.path.rename(first.path.with_name(f"jobfollow-{two_days_ago:%Y%m%d-%H%M%S}-auto.sqlite3"))
    assert backups.list_backups(profile.backup_dir)[0].taken_at < dt.datetime.now() - dt.timedelta(days=1)
    window.data_actions._next_backup_check = 0.0
    assert window.data_actions.back_up_when_due()
    jobs_done(qtbot, window.services.data)
    assert [b.kind for b in backups.list_backups(profile.backup_dir)] == ["auto", "auto"]
    assert not window.data_actions.back_up_when_due()  # asked again within the hour: not even a look


def test_restore_refuses_a_foreign_file(qtbot, window, profile, tmp_path, modal):
    warnings = modal.asked  # what the message boxes said
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 1000)
    job = window.data_actions.restore(str(junk), confirm=False)
    with qtbot.waitSignal(job.failed, timeout=20_000):
        pass
    assert "not a jobfollow database" in warnings[0]
    assert not profile.db.is_closed()
    assert not any(b.kind == "before-restore" for b in backups.list_backups(profile.backup_dir))


def test_export_and_import_json_through_the_menu(qtbot, window, profile, tmp_path, modal):
    create_application("Fabrikam", "Analyst")
    target = tmp_path / "all"
    window.data_actions.export_file(str(target))
    jobs_done(qtbot, window.services.data)
    assert (tmp_path / "all.json").exists()
    modal.button = plain_text.Button.Yes  # "Add 1 application…?"
    window.data_actions.import_file(str(tmp_path / "all.json"))
    qtbot.waitUntil(lambda: window.board.card_count() == 2, timeout=20_000)
    jobs_done(qtbot, window.services.data)
    assert "Imported 1 application" in window.statusBar().currentMessage()
    window.data_actions.export_calendar(str(tmp_path / "cal"))
    jobs_done(qtbot, window.services.data)
    assert (tmp_path / "cal.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_cancelled_json_import_adds_nothing_and_says_so(qtbot, window, profile, tmp_path, monkeypatch, modal):
    from jobfollow.services import data

    create_application("Fabrikam", "Analyst")
    window.data_actions.export_file(str(tmp_path / "all.json"))
    jobs_done(qtbot, window.services.data)
    modal.button = plain_text.Button.Yes  # "Add 1 application…?"
    real_import = data.DataService.import_json
    started = []

    def import_then_cancel(service, chosen):  # the user presses Cancel before the first row is written
        job = real_import(service, chosen)
        job.cancel()
        started.append(job)
        return job

    monkeypatch.setattr(data.DataService, "import_json", import_then_cancel)
    window.data_actions.import_file(str(tmp_path / "all.json"))
    qtbot.waitUntil(lambda: bool(started), timeout=20_000)
    jobs_done(qtbot, window.services.data)
    assert JobApplication.select().count() == 1
    assert "cancelled" in window.statusBar().currentMessage()


def test_import_menu_opens_the_csv_dialog_and_reloads_the_board(qtbot, window, csv_file, monkeypatch):
    def accept_all(dialog):
        dialog.skip_bad.setChecked(True)
        with qtbot.waitSignal(dialog.accepted, timeout=20_000):
            dialog.run_import()
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", accept_all)
    window.data_actions.import_file(str(csv_file))
    assert window.board.card_count() == 2
    assert "Imported 2 applications" in window.statusBar().currentMessage()
    # moving in: what the import made due now is said in a box that does not block
    summary = window.data_actions.import_summary
    assert summary.isVisible() and "due now because of the import" in summary.text()
    summary.close()


def test_a_mapping_change_shows_a_busy_cursor_while_every_row_is_reread(qtbot, profile, csv_file, monkeypatch):
    from PySide6.QtWidgets import QApplication

    dialog = CsvImportDialog(csv_file, service=data_service)
    qtbot.addWidget(dialog)
    cursors = []
    real_plan = csv_import_dialog.plan_import

    def watched_plan(table, mapping):
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor else None)
        return real_plan(table, mapping)

    monkeypatch.setattr(csv_import_dialog, "plan_import", watched_plan)
    dialog.set_mapping(3, IGNORE)
    assert cursors == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None  # and it is given back afterwards
