"""The data service: import, export, backup and restore of the open profile, each on a worker.

Every job runs on the worker's exclusive lane (``services.worker``) with its own SQLite connection, reports
how far it got (rows done / total) and can be cancelled; a cancelled or failed import leaves the profile as
it was (one transaction, rolled back). One data job runs at a time. While an import or a restore runs, the
window's other writes are refused with one sentence (``worker.long_write``) and the follow-up clock waits.
When the data changed, the panes reload through the events and the follow-up service settles.
The command line calls the same store functions in place (``commands/data.py``).
"""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from jobfollow.i18n import _
from jobfollow.services.events import AppEvents
from jobfollow.services.worker import CancelledError, Progress, long_write, run_in_worker, when_idle

if TYPE_CHECKING:
    from jobfollow.profile import Profile
    from jobfollow.services.followups import FollowUpService
    from jobfollow.store.io_csv import ImportPlan


class DataBusyError(Exception):
    """Another data job is running; ``str(exc)`` says which, in one sentence."""


@dataclass
class JsonFile:
    """A JSON export read and checked (on a worker), waiting for the user's yes."""

    path: Path
    data: dict
    documents: list = field(default_factory=list)

    @property
    def cards(self) -> int:
        return len(self.data["tables"].get("job_application", []))


@dataclass(frozen=True)
class Imported:
    """What an import added: the new cards, and (CSV) what fell due because of it; whether it changed the stages
    or the settings (a file taken whole into an empty profile), so the panes rebuild only what changed."""

    ids: list[int]
    due_summary: str = ""
    stages_changed: bool = False
    settings_changed: bool = False


class DataJob(QObject):
    """One job, for the window to follow. ``ended`` comes first, then exactly one of the other three."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)
    ended = Signal()

    def __init__(self, kind: str, writes: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.kind = kind  # import, read, export, backup, restore
        self.writes = writes
        self.progress: Progress | None = None
        self.running = True

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()


# What each kind of job says when it is stopped or fails outside the store's own sentences.
_CANCELLED = {
    "import": lambda: _("The import was cancelled; nothing was added."),
    "read": lambda: _("The import was cancelled; nothing was added."),
    "export": lambda: _("The export was cancelled; no file was written."),
    "backup": lambda: _("The backup was cancelled; no file was written."),
    "restore": lambda: _("The restore was cancelled; your data was not changed."),
}
_RUNNING = {
    "import": lambda: _("An import is still running; try again when it has finished."),
    "read": lambda: _("An import is still running; try again when it has finished."),
    "export": lambda: _("An export is still running; try again when it has finished."),
    "backup": lambda: _("A backup is still running; try again when it has finished."),
    "restore": lambda: _("A restore is still running; try again when it has finished."),
}


class DataService(QObject):
    def __init__(self, events: AppEvents, undo_stack: QUndoStack | None, profile: Profile | None,
                 followups: FollowUpService | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.events = events
        self.undo_stack = undo_stack
        self.profile = profile
        self.followups = followups
        self.job: DataJob | None = None  # the one running
        self._clock_paused = False
        application = QCoreApplication.instance()
        if application is not None:  # quitting mid-import: it is rolled back, not finished while the window waits
            application.aboutToQuit.connect(self.cancel_running)

    def cancel_running(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # -- what the window asks for -----------------------------------------------------------------
    def busy_reason(self) -> str | None:
        return _RUNNING[self.job.kind]() if self.job is not None else None

    def export(self, target: Path) -> DataJob:
        """.json (everything), .csv (the cards) or .ics (follow-ups and interviews); the result is the count."""
        suffix = target.suffix.lower()

        def work(progress: Progress) -> int:
            if suffix == ".csv":
                from jobfollow.store.io_csv import export_csv

                return export_csv(target, progress=progress.advance)
            if suffix == ".ics":
                from jobfollow.store.io_ics import export_ics

                return export_ics(target)
            from jobfollow.store.io_json import export_json

            return export_json(target, progress=progress.advance)

        return self._start("export", work, writes=False)

    def read_json(self, source: Path) -> DataJob:
        """Read and check an export file (nothing is written); the result is a :class:`JsonFile`."""
        def work(progress: Progress) -> JsonFile:
            from jobfollow.store.io_documents import DocumentsArchiveError, check_documents
            from jobfollow.store.io_json import DataImportError, read_json_file

            data = read_json_file(source)
            progress.advance(1, 2)  # the file is read: a cancel now stops before the documents are checked
            attachments = data["tables"].get("attachment", [])
            try:
                documents = check_documents(source, attachments if isinstance(attachments, list) else [])
            except DocumentsArchiveError as exc:
                raise DataImportError(str(exc)) from exc
            return JsonFile(source, data, documents)

        return self._start("read", work, writes=False)

    def import_json(self, chosen: JsonFile) -> DataJob:
        """Add the file's rows, all or nothing; the result is :class:`Imported`."""
        def work(progress: Progress) -> Imported:
            from jobfollow.store.io_documents import store_documents
            from jobfollow.store.io_json import import_data

            before, stages, settings = _card_ids(), _stages(), _settings()
            store_documents(chosen.documents)  # files first: a failed import leaves only unused files (collected)
            try:
                import_data(chosen.data, progress=progress.advance)
            finally:
                _free_gradually(chosen.data)
            return Imported(sorted(_card_ids() - before), stages_changed=_stages() != stages,
                            settings_changed=_settings() != settings)

        return self._start("import", work, writes=True, on_done=self._after_import)

    def forget(self, chosen: JsonFile) -> None:
        """The user did not want the file read by :meth:`read_json`: let go of its rows."""
        _free_gradually(chosen.data)
        _thaw()

    def import_csv(self, plan: ImportPlan, status_stages: dict[str, int], source_name: str) -> DataJob:
        """Store the planned cards, all or nothing; then run their rules and say what fell due."""
        def work(progress: Progress) -> Imported:
            from jobfollow.store.import_followups import due_after_import, due_summary
            from jobfollow.store.io_csv import apply_import

            ids = apply_import(plan, status_stages, source_name=source_name, progress=progress.advance)
            return Imported(ids, due_summary(due_after_import(ids)))

        return self._start("import", work, writes=True, on_done=self._after_import)

    def back_up(self, kind: str = "manual") -> DataJob:
        """A copy of the database in the backups folder (``auto``: only when the daily one is due, then the
        old ones are pruned); the result is the new file, or None when none was due."""
        profile = self._open_profile()
        db, folder = profile.db, profile.backup_dir

        def work() -> Path | None:
            from jobfollow.store import backups

            if kind == "auto":
                return backups.automatic_backup(db, folder)
            return backups.back_up(db, folder, kind=kind)

        return self._start("backup", work, writes=False, with_progress=False)

    def restore(self, source: Path) -> DataJob:
        """Replace the open database with the backup ``source``: checked and copied on the worker, the current
        data kept as a backup; then the window's connection is closed, the file swapped and opened again, and
        every pane reloads. The result is the kept backup."""
        profile = self._open_profile()
        db = profile.db

        def work(progress: Progress) -> Any:
            from jobfollow.store.backups import prepare_restore

            return prepare_restore(source, db, profile.db_path, profile.backup_dir, progress=progress.advance)

        return self._start("restore", work, writes=True, on_done=self._swap_in)

    # -- running a job ----------------------------------------------------------------------------
    def _open_profile(self) -> Profile:
        if self.profile is None:
            raise RuntimeError("the data service needs the open profile")
        return self.profile

    def _start(self, kind: str, work: Callable, *, writes: bool, with_progress: bool = True,
               on_done: Callable[[DataJob, Any], None] | None = None) -> DataJob:
        if self.job is not None:
            raise DataBusyError(self.busy_reason())
        job = self.job = DataJob(kind, writes, self)
        if writes:
            long_write.hold(_RUNNING[kind]())
            self._pause_clock()
        finish = on_done or (lambda done_job, result: self._end(done_job, "finished", result))
        job.progress = run_in_worker(_without_gc(work), lambda result: finish(job, result),
                                     lambda error: self._failed(job, error), with_progress=with_progress,
                                     on_progress=job.progressed.emit, exclusive=True)
        return job

    def _end(self, job: DataJob, outcome: str, value: Any) -> None:
        if self.job is job:
            self.job = None
        if not (job.kind == "read" and outcome == "finished"):  # a file read waits, frozen, for its import
            _thaw()
        if job.writes:
            long_write.release()
            self._resume_clock()
        job.running = False
        job.ended.emit()
        getattr(job, outcome).emit(value)
        job.deleteLater()

    def _failed(self, job: DataJob, error: BaseException) -> None:
        from jobfollow.store.io_json import ImportCancelledError

        if isinstance(error, CancelledError | ImportCancelledError):
            self._end(job, "cancelled", _CANCELLED[job.kind]())
        else:
            self._end(job, "failed", _sentence(job.kind, error))

    def _pause_clock(self) -> None:
        """The reminder clock writes (a reminder marked as shown): it waits until the long write is done."""
        if self.followups is not None and self.followups.timer.isActive():
            self.followups.timer.stop()
            self._clock_paused = True

    def _resume_clock(self) -> None:
        if self._clock_paused and self.followups is not None:
            self.followups.timer.start()
        self._clock_paused = False

    # -- after the data changed -------------------------------------------------------------------
    def _after_import(self, job: DataJob, imported: Imported) -> None:
        long_write.release()  # the panes read and the rules write as they reload
        self.reload_everything(imported.ids, stages=imported.stages_changed, settings=imported.settings_changed,
                               then=lambda: self._end(job, "finished", imported))

    def _swap_in(self, job: DataJob, prepared: Any) -> None:
        """The backup is ready beside the database: once no other task holds a connection, close the window's
        own, swap the file in and open it again (the previous data goes back in place when that fails)."""
        def swap() -> None:
            from jobfollow.profile import open_profile_at
            from jobfollow.store.backups import finish_restore
            from jobfollow.store.db_check import DatabaseOpenError

            profile = self._open_profile()
            # Both files passed SQLite's full check moments ago (the backup on the worker, the open one at its
            # start): reopening checks only what is cheap (the full check took 1.2 s on the GUI at 10,000 cards).
            reopen = lambda: open_profile_at(profile.folder, full_check=False).db  # noqa: E731
            profile.db.close()
            try:
                kept = finish_restore(prepared, profile.db_path)
            except OSError as exc:
                profile.db = reopen()
                self._end(job, "failed", _sentence("restore", exc))
                return
            try:
                profile.db = reopen()  # the same Profile: whoever holds it sees it
            except DatabaseOpenError as exc:  # the check passed, so this is rare: put the previous data back
                from jobfollow.store.backups import restore_file

                restore_file(kept, profile.db_path, profile.backup_dir)
                profile.db = reopen()
                self._end(job, "failed", str(exc))
                return
            long_write.release()
            self.reload_everything(None, stages=True, settings=True, then=lambda: self._end(job, "finished", kept))

        when_idle(swap)

    def reload_everything(self, ids: list[int] | None, *, stages: bool, settings: bool,
                          then: Callable[[], None] | None = None) -> None:
        """The data changed under the panes: the undo history no longer applies, every pane reads again and
        the follow-up service re-runs the rules (on its worker, for many cards). One event per turn of the event
        loop, so the window paints between the panes' reloads; ``then`` runs after the last."""
        from jobfollow.store.settings import all_settings

        if self.undo_stack is not None:
            self.undo_stack.clear()
        steps = [self.events.stages_changed.emit] if stages else []
        steps.append(lambda: self.events.applications_changed.emit(list(ids or [])))
        if settings:
            steps.append(lambda: self.events.settings_changed.emit(sorted(all_settings())))
        if then is not None:
            steps.append(then)
        _one_per_turn(steps)


def _one_per_turn(steps: list[Callable[[], None]]) -> None:
    if steps:
        steps[0]()
        if steps[1:]:
            QTimer.singleShot(0, lambda: _one_per_turn(steps[1:]))


def _free_gradually(data: dict, piece: int = 2000) -> None:
    """Let go of a read file's rows a few thousand at a time: freeing 150,000 rows at once holds the GIL (and
    so the window) for a few hundred milliseconds; in pieces the window gets its turn in between."""
    for rows in data.get("tables", {}).values():
        while rows:
            del rows[-piece:]
    data.clear()


def _without_gc(work: Callable) -> Callable:
    """A garbage collection over the rows a job holds takes the GIL for 50-200 ms, and the window with it: none
    runs while the job does, and what it leaves is frozen (set aside, not scanned) rather than collected at once
    when collecting resumes; the service thaws it when no job holds rows any more (:func:`_thaw`)."""
    def run(*args):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return work(*args)
        finally:
            gc.freeze()  # moves the tracked objects aside in one step: no scan
            if was_enabled:
                gc.enable()
    return run


def _thaw() -> None:
    """The frozen objects go back to the oldest generation (one step, no scan): cycles among them can be
    collected again, by a later full collection."""
    gc.unfreeze()


def _card_ids() -> set[int]:
    from jobfollow.store.models import JobApplication

    return {row[0] for row in JobApplication.select(JobApplication.id).tuples()}


def _stages() -> list[tuple]:
    from jobfollow.store.models import Stage

    return list(Stage.select().order_by(Stage.id).tuples())


def _settings() -> list[tuple]:
    from jobfollow.store.models import Setting

    return list(Setting.select(Setting.key, Setting.value).order_by(Setting.key).tuples())


def _sentence(kind: str, error: BaseException) -> str:
    """One sentence for the user; the store's own errors already are one."""
    from jobfollow.core.csv_mapping import CsvFormatError
    from jobfollow.store.backups import BackupError
    from jobfollow.store.db import SQL_ERRORS, storage_problem
    from jobfollow.store.db_check import DatabaseOpenError
    from jobfollow.store.io_json import DataImportError
    from jobfollow.store.safe_write import DiskWriteError

    if isinstance(error, DataImportError | CsvFormatError | DiskWriteError | BackupError | DatabaseOpenError):
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    if isinstance(error, SQL_ERRORS):
        return _("It stopped because {problem}; nothing was changed.").format(problem=storage_problem(error))
    if isinstance(error, OSError):
        return _("It stopped because a file could not be read or written ({error}); nothing was changed.").format(
            error=error.strerror or error)
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)  # a bug: keep the trace
    return _("It stopped because of an unexpected error ({error}); nothing was changed.").format(
        error=f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}".rstrip(": "))
