"""The data feature: File menu entries for the user's data: import, export, calendar file, back up now, restore.

``install_data_menu(context)`` is the one call in ``main_window.py``."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from jobfollow.i18n import _, format_datetime, format_number, ngettext
from jobfollow.services.data import DataBusyError, DataJob, DataService, Imported, JsonFile
from jobfollow.ui.data.progress import JobProgressDialog
from jobfollow.ui.feature_context import FeatureContext
from jobfollow.ui.plain_text import Button, ask, message_box, warn

BACKUP_CHECK_S = 3600  # how often an open window asks whether the daily backup is due


class DataActions:
    """The actions and their handlers; the window keeps them as ``window.data_actions``. The work itself is the
    data service's (on a worker); this shows its progress dialog, its questions and its one-sentence answers."""

    def __init__(self, context: FeatureContext):
        self.context = context
        self.service: DataService = context.services.data
        self.dialog_parent = context.parent  # the parent of the file and message dialogs
        self.profile = context.profile
        self.progress: JobProgressDialog | None = None  # the dialog of the running job
        self.import_summary: QMessageBox | None = None
        self.import_action = QAction(self.dialog_parent)
        self.export_action = QAction(self.dialog_parent)
        self.ics_action = QAction(self.dialog_parent)
        self.backup_action = QAction(self.dialog_parent)
        self.restore_action = QAction(self.dialog_parent)
        context.keep_translated(self.retranslate)
        self.import_action.triggered.connect(lambda: self.import_file())
        self.export_action.triggered.connect(lambda: self.export_file())
        self.ics_action.triggered.connect(lambda: self.export_calendar())
        self.backup_action.triggered.connect(lambda: self.back_up_now())
        self.restore_action.triggered.connect(lambda: self.restore())
        self._next_backup_check = 0.0
        context.events.tick.connect(self.back_up_when_due)

    def retranslate(self) -> None:
        self.import_action.setText(_("&Import…"))
        self.export_action.setText(_("&Export…"))
        self.ics_action.setText(_("Export &calendar (.ics)…"))
        self.backup_action.setText(_("&Back up now"))
        self.restore_action.setText(_("&Restore…"))
        self.import_action.setStatusTip(_("Add cards from a spreadsheet (.csv) or a jobfollow export (.json)"))
        self.export_action.setStatusTip(_("Save everything (.json) or the cards as a spreadsheet (.csv)"))
        self.ics_action.setStatusTip(_("Save open follow-ups and upcoming interviews for your calendar program"))
        self.backup_action.setStatusTip(_("Copy the database into the backups folder now"))
        self.restore_action.setStatusTip(_("Replace the data with a backup; the current data is kept as a backup"))

    def back_up_when_due(self) -> bool:
        """The daily backup for a window left open for days (the one at start only covers each start), on a
        worker; True when one was started (it is made only when the newest is a day old)."""
        moment = time.monotonic()
        if moment < self._next_backup_check or self.service.busy_reason():
            return False
        self._next_backup_check = moment + BACKUP_CHECK_S
        job = self.service.back_up(kind="auto")
        job.failed.connect(lambda text: print(_("jobfollow: the automatic backup failed: {error}").format(
            error=text), file=sys.stderr))  # never a box for what nobody asked for
        return True

    def _status(self, text: str) -> None:
        self.context.show_status(text)

    def _follow(self, start: Callable[[], DataJob], title: str, text: str, *, modal: bool,
                on_finished: Callable[[object], None], failure_title: str, rows: bool = False) -> DataJob | None:
        """Start a job and show its progress; a job already running is said in one sentence instead."""
        try:
            job = start()
        except DataBusyError as exc:
            warn(self.dialog_parent, title, str(exc))
            return None
        self.progress = JobProgressDialog(job, title, text, self.dialog_parent, modal=modal, rows=rows)
        job.finished.connect(on_finished)
        job.failed.connect(lambda sentence: warn(self.dialog_parent, failure_title, sentence))
        job.cancelled.connect(self._status)
        job.ended.connect(self._forget_progress)
        return job

    def _forget_progress(self) -> None:
        self.progress = None

    # -- import / export -------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self.dialog_parent, _("Import"), str(Path.home()),
                _("Spreadsheets and jobfollow exports (*.csv *.json);;CSV files (*.csv);;jobfollow exports (*.json)"))
        if not path:
            return
        if self.service.busy_reason():
            warn(self.dialog_parent, _("Import"), self.service.busy_reason())
            return
        if path.lower().endswith(".json"):
            self._follow(lambda: self.service.read_json(Path(path)), _("Import"),
                         _("Reading {file}…").format(file=Path(path).name), modal=True,
                         on_finished=self._confirm_json, failure_title=_("Cannot import"))
        else:
            self._import_csv(Path(path))

    def _import_csv(self, path: Path) -> None:
        from jobfollow.ui.data.csv_import_dialog import CsvImportDialog

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large file takes a moment to read
        try:
            dialog = CsvImportDialog(path, self.dialog_parent, service=self.service)
        finally:
            QApplication.restoreOverrideCursor()
        if dialog.load_error:
            warn(self.dialog_parent, _("Cannot import"), dialog.load_error)
            dialog.deleteLater()
            return
        if dialog.exec() and dialog.imported is not None:
            count = len(dialog.imported.ids)
            done = ngettext("Imported {count} application.", "Imported {count} applications.",
                            count).format(count=format_number(count))
            due = dialog.imported.due_summary
            if due:  # moving in: say what needs doing now, where it cannot be missed (without blocking)
                self.import_summary = message_box(self.dialog_parent, QMessageBox.Icon.Information, _("Import"),
                                                  f"{done}\n\n{due}")
                self.import_summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.import_summary.open()
            self._status(" ".join(filter(None, (done, due))))
        dialog.deleteLater()

    def _confirm_json(self, chosen: JsonFile) -> None:
        cards = chosen.cards
        answer = ask(
            self.dialog_parent, _("Import"),
            ngettext("Add {count} application and everything that belongs to it from {file}?",
                     "Add {count} applications and everything that belongs to them from {file}?",
                     cards).format(count=format_number(cards), file=chosen.path.name))
        if answer != Button.Yes:
            self.service.forget(chosen)
            return
        self._follow(lambda: self.service.import_json(chosen), _("Import"),
                     _("Importing {file}…").format(file=chosen.path.name), modal=True,
                     on_finished=self._imported, failure_title=_("Cannot import"), rows=True)

    def _imported(self, imported: Imported) -> None:
        count = len(imported.ids)
        self._status(ngettext("Imported {count} application", "Imported {count} applications", count).format(
            count=format_number(count)))

    def export_file(self, path: str | None = None) -> DataJob | None:
        json_filter, csv_filter = _("Everything (*.json)"), _("Cards as a spreadsheet (*.csv)")
        chosen = json_filter
        if not path:
            path, chosen = QFileDialog.getSaveFileName(
                self.dialog_parent, _("Export"), str(Path.home() / "jobfollow-export.json"),
                f"{json_filter};;{csv_filter}")
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".json", ".csv"):
            target = target.with_suffix(".csv" if chosen == csv_filter else ".json")

        def exported(count: object) -> None:
            self._status(ngettext("Exported {count} application to {path}",
                                  "Exported {count} applications to {path}", count).format(
                count=format_number(count), path=target))

        return self._follow(lambda: self.service.export(target), _("Export"),
                            _("Exporting to {file}…").format(file=target.name), modal=False,
                            on_finished=exported, failure_title=_("Cannot export"))

    def export_calendar(self, path: str | None = None) -> DataJob | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self.dialog_parent, _("Export calendar"), str(Path.home() / "jobfollow.ics"),
                _("Calendar files (*.ics)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")

        def exported(count: object) -> None:
            self._status(ngettext("Exported {count} calendar event to {path}",
                                  "Exported {count} calendar events to {path}", count).format(
                count=format_number(count), path=target))

        return self._follow(lambda: self.service.export(target), _("Export calendar"),
                            _("Exporting to {file}…").format(file=target.name), modal=False,
                            on_finished=exported, failure_title=_("Cannot export"))

    # -- backups ---------------------------------------------------------------------------------
    def back_up_now(self) -> DataJob | None:
        return self._follow(lambda: self.service.back_up(), _("Back up now"), _("Copying the database…"),
                            modal=False, on_finished=lambda path: self._status(
                                _("Backed up to {path}").format(path=path)), failure_title=_("Cannot back up"))

    def restore(self, path: str | None = None, *, confirm: bool = True) -> DataJob | None:
        """Ask, then restore on a worker; the window reloads when it is done. None when nothing was started."""
        from jobfollow.store.backups import list_backups

        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self.dialog_parent, _("Restore a backup"), str(self.profile.backup_dir),
                _("jobfollow backups (*.sqlite3);;All files (*)"))
        if not path:
            return None
        source = Path(path)
        if source.resolve() == self.profile.db_path.resolve():
            warn(self.dialog_parent, _("Cannot restore"), _("That is the database in use."))
            return None
        if confirm:
            taken = next((b.taken_at for b in list_backups(source.parent) if b.path == source), None)
            when = format_datetime(taken, "short") if taken else source.name
            answer = ask(
                self.dialog_parent, _("Restore a backup"),
                _("Replace all current data with the backup from {when}?\n\nThe current data is kept as a "
                  "backup first, so this can be undone with another restore.").format(when=when))
            if answer != Button.Yes:
                return None

        def restored(kept: object) -> None:
            self._status(_("Restored the backup; the previous data was kept as {path}").format(
                path=Path(str(kept)).name))

        return self._follow(lambda: self.service.restore(source), _("Restore a backup"),
                            _("Checking and restoring {file}…").format(file=source.name), modal=True,
                            on_finished=restored, failure_title=_("Cannot restore"))


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
