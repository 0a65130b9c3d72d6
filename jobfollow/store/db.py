"""Opening the profile database safely.

Before anything writes to an existing file we look at it read-only: is it SQLite at all, is it
ours (``PRAGMA application_id``), is it from a newer jobfollow, is it intact, is it locked. Any
doubt becomes a :class:`DatabaseOpenError` whose message is one sentence for the user, and the
file is left exactly as it was. Before a migration the file is copied with SQLite's backup API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from jobfollow.i18n import _
from jobfollow.store import migrations
from jobfollow.store.models import database_proxy

APPLICATION_ID = 0x4A4F4246  # "JOBF": marks the file as a jobfollow database
SQLITE_HEADER = b"SQLite format 3\x00"
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


class DatabaseOpenError(Exception):
    """The database cannot be opened; ``str(exc)`` is one sentence for the user."""


class NewerSchemaError(DatabaseOpenError):
    pass


class NotJobfollowDatabaseError(DatabaseOpenError):
    pass


class DamagedDatabaseError(DatabaseOpenError):
    pass


class DatabaseLockedError(DatabaseOpenError):
    pass


@dataclass(frozen=True)
class FileReport:
    """What a read-only look at a database file found."""

    exists: bool
    empty: bool
    application_id: int = 0
    user_version: int = 0
    table_count: int = 0


def _ro_connect(path: Path) -> sqlite3.Connection:
    uri = f"file:{path.as_posix()}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=1.0)


def inspect_file(path: Path) -> FileReport:
    """Classify ``path`` without writing to it; raises DatabaseOpenError for files we must not touch."""
    if not path.exists():
        return FileReport(exists=False, empty=True)
    size = path.stat().st_size
    if size == 0:
        return FileReport(exists=True, empty=True)
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotJobfollowDatabaseError(
            f"{path} is not a jobfollow database (it is not an SQLite file); it was left untouched."
        )
    try:
        conn = _ro_connect(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            if app_id == APPLICATION_ID:
                problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
                if problems != ["ok"]:
                    raise DamagedDatabaseError(
                        _("{path} is damaged ({problem}); it was left untouched. "
                          "Restore a backup or start a fresh profile.").format(path=path, problem=problems[0])
                    )
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseLockedError(
                _("{path} is locked by another program; close it and start jobfollow again.").format(path=path)
            ) from exc
        raise DamagedDatabaseError(
            _("{path} cannot be read ({error}); it was left untouched.").format(path=path, error=exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            _("{path} is damaged ({problem}); it was left untouched. "
              "Restore a backup or start a fresh profile.").format(path=path, problem=exc)
        ) from exc
    if app_id != APPLICATION_ID and (tables or version):
        raise NotJobfollowDatabaseError(
            _("{path} is an SQLite file from another program, not a jobfollow database; "
              "it was left untouched.").format(path=path)
        )
    if version > migrations.CURRENT_VERSION:
        raise NewerSchemaError(
            _("{path} was written by a newer jobfollow (schema {version}, this version knows "
              "{known}); update jobfollow to open it. The file was left untouched.").format(
                path=path, version=version, known=migrations.CURRENT_VERSION)
        )
    return FileReport(exists=True, empty=False, application_id=app_id, user_version=version, table_count=tables)


def backup_to(db: SqliteDatabase, target: Path) -> Path:
    """Copy the live database to ``target`` with SQLite's online backup API (consistent, WAL-safe)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    dest = sqlite3.connect(partial)
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    os.replace(partial, target)
    _restrict(target)
    return target


def _restrict(path: Path) -> None:
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            path.chmod(0o600)


def _check_not_locked(db: SqliteDatabase, path: Path) -> None:
    try:
        db.execute_sql("BEGIN IMMEDIATE")
        db.execute_sql("ROLLBACK")
    except OPERATIONAL_ERRORS as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(
                _("{path} is locked by another program; close it and start jobfollow again.").format(path=path)
            ) from exc
        raise


def open_database(
    path: Path,
    *,
    backup_dir: Path | None = None,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> SqliteDatabase:
    """Open (creating or migrating as needed) the database at ``path`` and bind the models to it."""
    report = inspect_file(path)
    pragmas = [(k, v) for k, v in PRAGMAS if k != "busy_timeout"]
    pragmas.append(("busy_timeout", int(busy_timeout_s * 1000)))
    db = SqliteDatabase(str(path), pragmas=pragmas, timeout=busy_timeout_s)
    try:
        db.connect()
    except OPERATIONAL_ERRORS as exc:
        db.close()
        if "locked" in str(exc):
            raise DatabaseLockedError(
                _("{path} is locked by another program; close it and start jobfollow again.").format(path=path)
            ) from exc
        raise DatabaseOpenError(_("Cannot open {path}: {error}.").format(path=path, error=exc)) from exc
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
    except SQL_ERRORS as exc:
        db.close()
        raise DatabaseOpenError(
            _("Cannot prepare {path}: {error}; the file was left as it was.").format(path=path, error=exc)) from exc
    _restrict(path)
    database_proxy.initialize(db)
    return db


def close_database(db: SqliteDatabase | None) -> None:
    if db is not None and not db.is_closed():
        db.close()


def integrity_problems(db: SqliteDatabase, *, full: bool = False) -> list[str]:
    """[] when the file is sound; otherwise SQLite's own descriptions of what is wrong."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [row[0] for row in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows
