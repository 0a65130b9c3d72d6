"""The data feature: File menu entries for the user's data: import, export, calendar file, back up now, restore.

``install_data_menu(context)`` is the one call in ``main_window.py``."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from jobfollow.i18n import _, format_datetime, ngettext
from jobfollow.store.safe_write import DiskWriteError
from jobfollow.ui.feature_context import FeatureContext
from jobfollow.ui.plain_text import Button, ask, message_box, warn

BACKUP_CHECK_S = 3600  # how often an open window asks whether the daily backup is due


class DataActions:
    """The actions and their handlers; the window keeps them as ``window.data_actions``."""

    def __init__(self, context: FeatureContext):
        self._progress: QProgressDialog | None = None  # shown while a JSON import runs
        self.context = context
        self.dialog_parent = context.parent  # the parent of the file and message dialogs
        self.profile = context.profile
        self.import_action = QAction(_("&Import…"), self.dialog_parent)
        self.export_action = QAction(_("&Export…"), self.dialog_parent)
        self.ics_action = QAction(_("Export &calendar (.ics)…"), self.dialog_parent)
        self.backup_action = QAction(_("&Back up now"), self.dialog_parent)
        self.restore_action = QAction(_("&Restore…"), self.dialog_parent)
        self.import_action.setStatusTip(_("Add cards from a spreadsheet (.csv) or a jobfollow export (.json)"))
        self.export_action.setStatusTip(_("Save everything (.json) or the cards as a spreadsheet (.csv)"))
        self.ics_action.setStatusTip(_("Save open follow-ups and upcoming interviews for your calendar program"))
        self.backup_action.setStatusTip(_("Copy the database into the backups folder now"))
        self.restore_action.setStatusTip(_("Replace the data with a backup; the current data is kept as a backup"))
        self.import_action.triggered.connect(self.import_file)
        self.export_action.triggered.connect(self.export_file)
        self.ics_action.triggered.connect(self.export_calendar)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action.triggered.connect(self.restore)
        self._next_backup_check = 0.0
        context.events.tick.connect(self.back_up_when_due)

    def back_up_when_due(self) -> bool:
        """The daily backup for a window left open for days (the one at start only covers each start)."""
        from jobfollow.store.backups import back_up_at_start

        moment = time.monotonic()
        if moment < self._next_backup_check:
            return False
        self._next_backup_check = moment + BACKUP_CHECK_S
        return back_up_at_start(self.profile.db, self.profile.backup_dir) is not None

    def _status(self, text: str) -> None:
        self.context.show_status(text)

    # -- import / export -------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self.dialog_parent, _("Import"), str(Path.home()),
                _("Spreadsheets and jobfollow exports (*.csv *.json);;CSV files (*.csv);;jobfollow exports (*.json)"))
        if not path:
            return
        if path.lower().endswith(".json"):
            self._import_json(Path(path))
        else:
            from jobfollow.ui.data.csv_import_dialog import CsvImportDialog

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large file takes a moment to read
            try:
                dialog = CsvImportDialog(Path(path), self.dialog_parent)
            finally:
                QApplication.restoreOverrideCursor()
            if dialog.load_error:
                warn(self.dialog_parent, _("Cannot import"), dialog.load_error)
                dialog.deleteLater()
                return
            if dialog.exec() and dialog.imported_ids:
                from jobfollow.store.import_followups import due_after_import, due_summary

                due = due_summary(due_after_import(dialog.imported_ids))
                reload_window(self.context)
                count = len(dialog.imported_ids)
                done = ngettext("Imported {count} application.", "Imported {count} applications.",
                                count).format(count=count)
                if due:  # moving in: say what needs doing now, where it cannot be missed (without blocking)
                    self.import_summary = message_box(self.dialog_parent, QMessageBox.Icon.Information, _("Import"),
                                                      f"{done}\n\n{due}")
                    self.import_summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                    self.import_summary.open()
                self._status(" ".join(filter(None, (done, due))))
            dialog.deleteLater()

    def _import_json(self, path: Path) -> None:
        from jobfollow.store.io_json import DataImportError, ImportCancelledError, import_data, read_json_file

        try:
            data = read_json_file(path)
            cards = len(data["tables"].get("job_application", []))
            answer = ask(
                self.dialog_parent, _("Import"),
                ngettext("Add {count} application and everything that belongs to it from {file}?",
                         "Add {count} applications and everything that belongs to them from {file}?",
                         cards).format(count=cards, file=path.name))
            if answer != Button.Yes:
                return
            counts = import_data(data, progress=self._import_progress(path))
        except ImportCancelledError as exc:
            self._status(str(exc))
            return
        except DataImportError as exc:
            warn(self.dialog_parent, _("Cannot import"), str(exc))
            return
        finally:
            self._close_progress()
        reload_window(self.context)
        count = counts.get("job_application", 0)
        self._status(ngettext("Imported {count} application", "Imported {count} applications", count).format(
            count=count))

    def _import_progress(self, path: Path):
        """A progress dialog with Cancel for a JSON import (shown only when the import takes a while)."""
        dialog = self._progress = QProgressDialog(_("Importing {file}\u2026").format(file=path.name), _("Cancel"),
                                                  0, 100, self.dialog_parent)
        dialog.setWindowTitle(_("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(max(1, total))
            dialog.setValue(min(done, total))
            QApplication.processEvents()  # paints the bar and hears Cancel: the import runs on this thread
            return not dialog.wasCanceled()

        return progress

    def _close_progress(self) -> None:
        dialog, self._progress = self._progress, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def export_file(self, path: str | None = None) -> None:
        json_filter, csv_filter = _("Everything (*.json)"), _("Cards as a spreadsheet (*.csv)")
        chosen = json_filter
        if not path:
            path, chosen = QFileDialog.getSaveFileName(
                self.dialog_parent, _("Export"), str(Path.home() / "jobfollow-export.json"),
                f"{json_filter};;{csv_filter}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".json", ".csv"):
            target = target.with_suffix(".csv" if chosen == csv_filter else ".json")
        try:
            if target.suffix.lower() == ".csv":
                from jobfollow.store.io_csv import export_csv

                count = export_csv(target)
            else:
                from jobfollow.store.io_json import export_json

                count = export_json(target)
        except DiskWriteError as exc:
            warn(self.dialog_parent, _("Cannot export"), str(exc))
            return
        self._status(ngettext("Exported {count} application to {path}", "Exported {count} applications to {path}",
                              count).format(count=count, path=target))

    def export_calendar(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self.dialog_parent, _("Export calendar"), str(Path.home() / "jobfollow.ics"),
                _("Calendar files (*.ics)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        from jobfollow.store.io_ics import export_ics

        try:
            count = export_ics(target)
        except DiskWriteError as exc:
            warn(self.dialog_parent, _("Cannot export"), str(exc))
            return
        self._status(ngettext("Exported {count} calendar event to {path}", "Exported {count} calendar events to {path}",
                              count).format(count=count, path=target))

    # -- backups ---------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        from jobfollow.store.backups import BackupError, back_up

        try:
            path = back_up(self.profile.db, self.profile.backup_dir, kind="manual")
        except BackupError as exc:
            warn(self.dialog_parent, _("Cannot back up"), str(exc))
            return
        self._status(_("Backed up to {path}").format(path=path))

    def restore(self, path: str | None = None, *, confirm: bool = True) -> bool:
        from jobfollow.store.backups import BackupError, check_backup_file, list_backups

        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self.dialog_parent, _("Restore a backup"), str(self.profile.backup_dir),
                _("jobfollow backups (*.sqlite3);;All files (*)"))
        if not path:
            return False
        source = Path(path)
        try:
            check_backup_file(source)
        except BackupError as exc:
            warn(self.dialog_parent, _("Cannot restore"), str(exc))
            return False
        if source.resolve() == self.profile.db_path.resolve():
            warn(self.dialog_parent, _("Cannot restore"), _("That is the database in use."))
            return False
        taken = next((b.taken_at for b in list_backups(source.parent) if b.path == source), None)
        if confirm:
            when = format_datetime(taken, "short") if taken else source.name
            answer = ask(
                self.dialog_parent, _("Restore a backup"),
                _("Replace all current data with the backup from {when}?\n\nThe current data is kept as a "
                  "backup first, so this can be undone with another restore.").format(when=when))
            if answer != Button.Yes:
                return False
        return self._swap_in(source)

    def _swap_in(self, source: Path) -> bool:
        from jobfollow.profile import open_profile_at
        from jobfollow.services.worker import wait_for_workers
        from jobfollow.store.backups import BackupError, restore_file
        from jobfollow.store.db import DatabaseOpenError

        wait_for_workers()  # a rules refresh still writing to the old file finishes first
        profile = self.profile
        try:
            kept = restore_file(source, profile.db_path, profile.backup_dir, current_db=profile.db)
        except (BackupError, OSError) as exc:
            warn(self.dialog_parent, _("Cannot restore"), str(exc))
            if profile.db.is_closed():
                self._reopen(open_profile_at)
            return False
        try:
            self._reopen(open_profile_at)
        except DatabaseOpenError as exc:  # the check passed, so this is rare: put the old data back
            restore_file(kept, profile.db_path, profile.backup_dir)
            self._reopen(open_profile_at)
            warn(self.dialog_parent, _("Cannot restore"), str(exc))
            return False
        reload_window(self.context)
        self._status(_("Restored the backup; the previous data was kept as {path}").format(path=kept.name))
        return True

    def _reopen(self, open_profile_at) -> None:
        reopened = open_profile_at(self.profile.folder)
        self.profile.db = reopened.db  # the same Profile object, so whoever holds it sees the new database


def reload_window(context: FeatureContext) -> None:
    """After the data changed under the panes: drop the undo history and let every pane reload."""
    from jobfollow.store.applications import live_applications
    from jobfollow.store.settings import all_settings

    context.undo_stack.clear()
    events = context.events
    events.stages_changed.emit()
    events.applications_changed.emit([row.id for row in live_applications()])
    events.followups_changed.emit()
    events.settings_changed.emit(sorted(all_settings()))
    QApplication.processEvents()


def install_data_menu(context: FeatureContext) -> DataActions:
    """Add the data entries to the File menu, above Quit."""
    actions = DataActions(context)
    menu = context.menus.file
    before = context.menus.quit_action
    for action in (actions.import_action, actions.export_action, actions.ics_action):
        menu.insertAction(before, action)
    menu.insertSeparator(before)
    menu.insertAction(before, actions.backup_action)
    menu.insertAction(before, actions.restore_action)
    menu.insertSeparator(before)
    return actions
