"""Opening the profile database safely.

Before anything writes to an existing file we look at it read-only: is it SQLite at all, is it
ours (``PRAGMA application_id``), is it from a newer jobfollow, is it intact, is it locked. Any
doubt becomes a :class:`DatabaseOpenError` whose message is one sentence for the user, and the
file is left exactly as it was. Before a migration the file is copied with SQLite's backup API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from jobfollow.i18n import _
from jobfollow.store import migrations
from jobfollow.store.db_check import (
    APPLICATION_ID,
    DatabaseOpenError,
    ReadOnlyDatabaseError,
    check_writable,
    inspect_file,
    locked_error,
)
from jobfollow.store.models import database_proxy
from jobfollow.store.safe_write import DiskWriteError, restrict, write_atomically

BUSY_TIMEOUT_S = 5.0
# peewee re-raises sqlite3's errors as its own classes; catch both families.
SQL_ERRORS = (sqlite3.DatabaseError, peewee.DatabaseError)
OPERATIONAL_ERRORS = (sqlite3.OperationalError, peewee.OperationalError)
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", 2),  # FULL: a committed follow-up survives a power cut
    ("busy_timeout", int(BUSY_TIMEOUT_S * 1000)),
)


def backup_to(db: SqliteDatabase, target: Path, *, standalone: bool = False) -> Path:
    """Copy the live database to ``target`` with SQLite's online backup API (consistent, WAL-safe).

    ``standalone`` switches the copy from WAL to a rollback journal: one self-contained file that reading
    never adds -wal/-shm files beside. Raises DiskWriteError (naming ``target``) when the copy cannot be
    written; nothing half-written stays behind.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from jobfollow.store.safe_write import write_error

        raise write_error(target, exc) from exc
    source = db.connection()

    def copy(partial: Path) -> None:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            if standalone:
                dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()

    write_atomically(target, copy)
    return target


def _connect(path: Path, busy_timeout_s: float) -> SqliteDatabase:
    pragmas = [(k, v) for k, v in PRAGMAS if k != "busy_timeout"]
    pragmas.append(("busy_timeout", int(busy_timeout_s * 1000)))
    db = SqliteDatabase(str(path), pragmas=pragmas, timeout=busy_timeout_s)
    try:
        db.connect()
    except OPERATIONAL_ERRORS as exc:
        db.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise locked_error(path) from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise ReadOnlyDatabaseError(str(exc), path) from exc
        raise DatabaseOpenError(_("Cannot open {path}: {error}.").format(path=path, error=exc), path) from exc
    return db


def _check_not_locked(db: SqliteDatabase, path: Path) -> None:
    try:
        db.execute_sql("BEGIN IMMEDIATE")
        db.execute_sql("ROLLBACK")
    except OPERATIONAL_ERRORS as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise locked_error(path) from exc
        raise


def open_database(
    path: Path,
    *,
    backup_dir: Path | None = None,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
    full_check: bool = True,
) -> SqliteDatabase:
    """Open (creating or migrating as needed) the database at ``path`` and bind the models to it.

    Every failure is a DatabaseOpenError with one sentence; a file that is damaged, foreign, newer,
    read-only or locked is left exactly as it was. Without ``full_check`` (the window's start) the pages are
    checked later by ``db_check.check_contents``, and :func:`refuse_writes` stops every write if it fails.
    """
    report = inspect_file(path, full=full_check)
    check_writable(path)
    db = _connect(path, busy_timeout_s)
    try:
        _check_not_locked(db, path)
        if report.empty:
            db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        elif migrations.pending(db) and backup_dir is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(
                db,
                backup_dir
                / f"before-migration-v{report.user_version}-to-v{migrations.CURRENT_VERSION}-{stamp}.sqlite3",
            )
        migrations.migrate(db)
    except DatabaseOpenError:
        db.close()
        raise
    except DiskWriteError as exc:
        db.close()
        raise DatabaseOpenError(str(exc), path) from exc
    except SQL_ERRORS as exc:
        db.close()
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise ReadOnlyDatabaseError(
                _("{path} cannot be written (its folder or file is read-only); make it writable and start "
                  "jobfollow again.").format(path=path), path) from exc
        raise DatabaseOpenError(
            _("Cannot prepare {path}: {error}; the file was left as it was.").format(path=path, error=exc),
            path) from exc
    restrict(path)
    database_proxy.initialize(db)
    _refusal.clear()  # a file that passed the check: whatever was refused before was another file
    return db


# Why writes are refused, once a check made after opening found the open file damaged (else empty).
_refusal: list[str] = []


def refuse_writes(db: SqliteDatabase, reason: str) -> None:
    """From now on every write to ``db`` fails, on this connection and on every one opened later (workers):
    SQLite's own ``query_only``, so no path around Peewee writes either. ``reason`` is what the user is told."""
    _refusal[:] = [reason]
    db.pragma("query_only", 1, permanent=True)


def write_refusal(exc: BaseException | None = None) -> str | None:
    """The sentence for a write refused by :func:`refuse_writes` (``exc``: the error it caused), else None."""
    if not _refusal:
        return None
    text = str(exc).lower() if exc is not None else "readonly"
    return _refusal[0] if "readonly" in text or "read-only" in text else None


def close_thread_connection() -> None:
    """Close this thread's connection (Peewee opens one per thread: a worker's ends with its task)."""
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


def close_database(db: SqliteDatabase | None) -> None:
    if db is not None and not db.is_closed():
        db.close()


def integrity_problems(db: SqliteDatabase, *, full: bool = False) -> list[str]:
    """[] when the file is sound; otherwise SQLite's own descriptions of what is wrong."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [row[0] for row in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


@contextlib.contextmanager
def all_or_nothing(db: SqliteDatabase):
    """``db.atomic()``, but the error that stopped the work is the one raised.

    When SQLite gives up on a transaction by itself (a full disk), peewee's ROLLBACK then fails with
    "cannot rollback - no transaction is active", which would hide the reason; this re-raises the reason.
    """
    failure: list[BaseException] = []
    try:
        with db.atomic() as transaction:
            try:
                yield transaction
            except BaseException as exc:
                failure.append(exc)
                raise
    except OPERATIONAL_ERRORS as exc:
        if "no transaction is active" in str(exc) and failure:
            raise failure[0] from None
        raise


@contextlib.contextmanager
def storing(db: SqliteDatabase, error: type[Exception]):
    """An all-or-nothing import: a storage failure becomes ``error`` with one sentence (nothing was added)."""
    try:
        with all_or_nothing(db) as transaction:
            yield transaction
    except SQL_ERRORS as exc:
        raise error(_("Nothing was imported because {problem}.").format(problem=storage_problem(exc))) from exc


def storage_problem(exc: BaseException) -> str:
    """The reason a write to the open database failed, in words ("the disk is full")."""
    text = str(exc).lower()
    refused = write_refusal(exc)
    if refused:
        return refused
    if "disk is full" in text:
        return _("the disk is full")
    if "locked" in text or "busy" in text:
        return _("another program has locked the database")
    if "readonly" in text or "read-only" in text:
        return _("the database is read-only")
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
