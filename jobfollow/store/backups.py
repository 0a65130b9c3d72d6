"""Rolling backups of the profile database, and restoring one.

Backups are whole database files copied with SQLite's online backup API (``db.backup_to``), named
``jobfollow-YYYYmmdd-HHMMSS[-kind].sqlite3`` in the profile's ``backups`` folder. Retention keeps the
newest backup of each of the last 7 days that have one and the newest of each of the last 4 ISO weeks;
manual backups and the copies made before a restore or a migration are never pruned automatically.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from jobfollow.i18n import _
from jobfollow.store.blobs import DOCUMENTS_DIR_NAME, copy_missing, stored_hashes
from jobfollow.store.db import SQL_ERRORS, backup_to
from jobfollow.store.db_check import DatabaseOpenError, inspect_file
from jobfollow.store.safe_write import DiskWriteError, write_atomically, write_error

KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTO_INTERVAL = dt.timedelta(days=1)
_NAME = re.compile(r"^jobfollow-(\d{8}-\d{6})(?:-(auto|manual|before-restore))?\.sqlite3$")


class BackupError(Exception):
    """A backup or restore that cannot be done; ``str(exc)`` is one sentence for the user."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    kind: str  # auto, manual, before-restore, other (a migration's copy or a file the user put there)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def list_backups(folder: Path) -> list[BackupFile]:
    """Every backup in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, match.group(2) or "auto"))
        else:
            taken = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
            found.append(BackupFile(path, taken, "other"))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _free_name(folder: Path, moment: dt.datetime, kind: str) -> Path:
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    path = folder / f"jobfollow-{stamp}-{kind}.sqlite3"
    while path.exists():  # two backups in one second: step the clock forward, keep names sortable
        moment += dt.timedelta(seconds=1)
        path = folder / f"jobfollow-{moment.strftime('%Y%m%d-%H%M%S')}-{kind}.sqlite3"
    return path


def back_up(db: SqliteDatabase, folder: Path, *, kind: str = "manual", now: dt.datetime | None = None,
            target: Path | None = None) -> Path:
    """Copy the open database into ``folder`` (or to ``target``); returns the new file."""
    moment = (now or dt.datetime.now()).replace(microsecond=0)
    destination = target if target is not None else _free_name(folder, moment, kind)
    try:
        # Standalone: the live database goes back to WAL when it is opened after a restore.
        path = backup_to(db, destination, standalone=True)
    except DiskWriteError as exc:  # names the backup file, not the database it was copied from
        raise BackupError(str(exc)) from exc
    try:
        _copy_documents(Path(db.database).resolve().parent / DOCUMENTS_DIR_NAME,
                        documents_beside(path, rolling=target is None))
    except OSError as exc:
        raise BackupError(_("Cannot copy the attached documents beside the backup {path}: {error}.").format(
            path=path, error=exc.strerror or exc)) from exc
    return path


def documents_beside(backup: Path, *, rolling: bool) -> Path:
    """Where a backup's attached files go: one shared ``documents/`` folder among the rolling backups
    (files are stored by content, so each is copied once), ``NAME.documents/`` beside a chosen file."""
    return backup.parent / DOCUMENTS_DIR_NAME if rolling else backup.with_name(backup.name + ".documents")


def _copy_documents(live: Path, target: Path) -> int:
    if not stored_hashes(live):
        return 0
    return copy_missing(live, target)


def restore_documents(source: Path, profile_documents: Path) -> int:
    """Bring back the files a restored backup refers to (those the profile lacks); returns how many."""
    copied = 0
    for candidate in (documents_beside(source, rolling=False), documents_beside(source, rolling=True)):
        if candidate.is_dir():
            copied += copy_missing(candidate, profile_documents)
    return copied


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def prune(folder: Path, *, now: dt.datetime | None = None, keep_daily: int = KEEP_DAILY,
          keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Delete automatic backups no longer needed; returns what was deleted."""
    autos = [b for b in list_backups(folder) if b.kind == "auto"]
    keep: set[Path] = set()
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for backup in autos:  # newest first: the first one seen for a day or week is the one kept
        day = backup.taken_at.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append(week)
            keep.add(backup.path)
    removed = []
    for backup in autos:
        if backup.path not in keep:
            _remove_with_journals(backup.path)
            removed.append(backup.path)
    return removed


def auto_backup_due(folder: Path, *, now: dt.datetime | None = None) -> bool:
    now = now or dt.datetime.now()
    newest = next((b for b in list_backups(folder) if b.kind in ("auto", "manual")), None)
    return newest is None or now - newest.taken_at >= AUTO_INTERVAL


def automatic_backup(db: SqliteDatabase, folder: Path, *, now: dt.datetime | None = None) -> Path | None:
    """The daily backup at start: made when the newest is a day old, then old ones are pruned."""
    now = now or dt.datetime.now()
    if not auto_backup_due(folder, now=now):
        return None
    path = back_up(db, folder, kind="auto", now=now)
    prune(folder, now=now)
    return path


def newest_good_backup(folder: Path) -> BackupFile | None:
    """The newest backup that is an intact jobfollow database this version can open."""
    for backup in list_backups(folder):
        try:
            report = inspect_file(backup.path)
        except DatabaseOpenError:
            continue
        if not report.empty and report.table_count:
            return backup
    return None


def check_backup_file(source: Path) -> None:
    """Raise BackupError unless ``source`` is an intact jobfollow database this version can open."""
    if source.is_dir():
        raise BackupError(_("Cannot read {path}: {error}.").format(path=source, error=os.strerror(errno.EISDIR)))
    if not source.is_file():
        raise BackupError(_("{path} does not exist.").format(path=source))
    try:
        report = inspect_file(source)
    except DatabaseOpenError as exc:
        raise BackupError(str(exc)) from exc
    if report.empty or not report.table_count:
        raise BackupError(_("{path} is empty; it holds no jobfollow data.").format(path=source))


def restore_file(source: Path, db_path: Path, folder: Path, *, current_db: SqliteDatabase | None = None,
                 now: dt.datetime | None = None) -> Path | None:
    """Put the backup ``source`` in place of ``db_path``; the database must be closed by the caller after
    this returns, or be passed as ``current_db`` so it is copied first. Returns the copy of the old database.

    The chosen file is checked before anything changes; the current database is kept as a backup.
    """
    check_backup_file(source)
    moment = (now or dt.datetime.now()).replace(microsecond=0)
    kept: Path | None = None
    if current_db is not None and not current_db.is_closed():
        kept = back_up(current_db, folder, kind="before-restore", now=moment)
        current_db.close()
    elif db_path.exists():
        kept = _free_name(folder, moment, "before-restore")
        _copy_whole(db_path, kept)
        wal = Path(str(db_path) + "-wal")
        if wal.exists():  # commits not yet checkpointed live here: keep them with the copy
            _copy_whole(wal, Path(str(kept) + "-wal"))
    _put_in_place(source, db_path)
    return kept


@dataclass(frozen=True)
class PreparedRestore:
    """A restore made ready while the database stays open: the backup checked and copied beside the database,
    the current data kept as a backup. :func:`finish_restore` swaps it in once the database is closed."""

    source: Path
    staged: Path
    kept: Path


def prepare_restore(source: Path, db: SqliteDatabase, db_path: Path, folder: Path, *,
                    now: dt.datetime | None = None,
                    progress: Callable[[int, int], object] | None = None) -> PreparedRestore:
    """The slow part of a restore, safe on a worker with its own connection: check ``source``, keep the
    current data as a before-restore backup, copy ``source`` beside the database. Nothing is replaced yet.
    ``progress(step, 3)`` is told between the steps; an exception it raises stops there."""
    check_backup_file(source)
    if progress is not None:
        progress(1, 3)
    moment = (now or dt.datetime.now()).replace(microsecond=0)
    kept = back_up(db, folder, kind="before-restore", now=moment)
    if progress is not None:
        progress(2, 3)
    staged = db_path.with_name(db_path.name + ".restoring")
    _copy_whole(source, staged)
    return PreparedRestore(source, staged, kept)


def finish_restore(prepared: PreparedRestore, db_path: Path) -> Path:
    """Swap the prepared copy in (every connection to ``db_path`` closed first); returns the kept backup."""
    _swap_staged(prepared.staged, db_path)
    restore_documents(prepared.source, db_path.parent / DOCUMENTS_DIR_NAME)
    return prepared.kept


def _copy_whole(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (private, via a partial file): whole, or not at all."""
    def copy(partial: Path) -> None:
        shutil.copyfile(source, partial)

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, copy)
    except DiskWriteError as exc:
        raise BackupError(str(write_error(target.with_name(target.name.removesuffix(".restoring")),
                                          exc.__cause__ or exc))) from exc
    except OSError as exc:
        raise BackupError(str(write_error(target, exc))) from exc


def _put_in_place(source: Path, db_path: Path) -> None:
    """Copy ``source`` over ``db_path`` whole, or leave ``db_path`` as it was."""
    staged = db_path.with_name(db_path.name + ".restoring")
    _copy_whole(source, staged)
    _swap_staged(staged, db_path)
    restore_documents(source, db_path.parent / DOCUMENTS_DIR_NAME)


def _swap_staged(staged: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):  # a stale journal beside the new file would be replayed into it
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(staged, db_path)


def move_aside(db_path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its journal files) out of the way with a timestamp; never delete it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    counter = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}.damaged-{stamp}-{counter}{db_path.suffix}")
        counter += 1
    if db_path.exists():
        os.replace(db_path, target)
    for suffix in ("-wal", "-shm"):
        journal = Path(str(db_path) + suffix)
        if journal.exists():
            os.replace(journal, Path(str(target) + suffix))
    return target


def recover_damaged(db_path: Path, backup: Path | None, *, now: dt.datetime | None = None) -> Path:
    """Move the damaged database aside, then put ``backup`` in its place (or nothing, for a fresh profile).

    The backup is checked before the damaged file is touched; returns where the damaged file went.
    """
    if backup is not None:
        check_backup_file(backup)
    moved = move_aside(db_path, now=now)
    if backup is not None:
        _put_in_place(backup, db_path)
    return moved


def back_up_at_start(db: SqliteDatabase, folder: Path) -> Path | None:
    """The automatic daily backup at start; a failure is reported on stderr but never stops the program."""
    try:
        return automatic_backup(db, folder)
    except (BackupError, OSError, *SQL_ERRORS) as exc:
        print(_("jobfollow: the automatic backup failed: {error}").format(error=exc), file=sys.stderr)
        return None
