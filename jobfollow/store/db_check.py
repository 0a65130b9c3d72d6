"""Looking at a database file read-only before anything writes to it.

One verdict for every door into the data (the window's start, every command, a backup chosen for restore):
the file is SQLite, is ours (``PRAGMA application_id``), is not from a newer jobfollow, passes SQLite's full
integrity check, and its tables are exactly the ones our migrations make. Whatever goes wrong, including
damage that makes SQLite hand back bytes that are not text, becomes one :class:`DatabaseOpenError` whose
message is one sentence; the file is never changed here.

The window's own start looks only at what is cheap (header, length, owner, version, tables: about a
millisecond at any size) and leaves the rest, SQLite's integrity check and the text pass that read every
page (3 s on a large profile), to :func:`check_contents` on a worker after the first paint; see
``ui/data/open_check.py``. Every other door, and a file that needs a migration, gets the whole check at once.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jobfollow.i18n import _
from jobfollow.store import migrations

APPLICATION_ID = 0x4A4F4246  # "JOBF": marks the file as a jobfollow database
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_BYTES = 100


class DatabaseOpenError(Exception):
    """The database cannot be opened; ``str(exc)`` is one sentence for the user."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.path = path


class NewerSchemaError(DatabaseOpenError):
    pass


class NotJobfollowDatabaseError(DatabaseOpenError):
    pass


class DamagedDatabaseError(DatabaseOpenError):
    pass


class DatabaseLockedError(DatabaseOpenError):
    pass


class ReadOnlyDatabaseError(DatabaseOpenError):
    pass


@dataclass(frozen=True)
class FileReport:
    """What a read-only look at a database file found."""

    exists: bool
    empty: bool
    application_id: int = 0
    user_version: int = 0
    table_count: int = 0


def locked_error(path: Path) -> DatabaseLockedError:
    return DatabaseLockedError(
        _("{path} is locked by another program; close it and start jobfollow again.").format(path=path), path)


def damaged_error(path: Path, reason: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        _("{path} is damaged ({reason}); it was left untouched.").format(path=path, reason=reason), path)


def read_only_error(path: Path) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(
        _("{path} is read-only, so jobfollow could not save anything in it; make the file writable "
          "(for example chmod u+w) and start jobfollow again.").format(path=path), path)


def _ro_connect(path: Path) -> sqlite3.Connection:
    # Without a -wal beside it the file is all there is: "immutable" reads it without creating -wal/-shm
    # files next to a backup the user picked. With one, SQLite must read the journal too.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    uri = f"file:{quote(path.as_posix())}?mode=ro{immutable}"
    conn = sqlite3.connect(uri, uri=True, timeout=1.0)
    conn.text_factory = bytes  # damaged text must not raise while we look: we decode it ourselves
    return conn


def _header(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEADER_BYTES)


def _looks_cut_short(header: bytes, size: int) -> bool:
    """The header names the page size and, when valid, the page count: a shorter file lost its end."""
    if len(header) < HEADER_BYTES:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return False  # a damaged header: the integrity check will say more
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    return size < page_size or size % page_size != 0 or (counter_valid and pages > 0 and size < pages * page_size)


@functools.cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str]]:
    """The (type, name, sql) rows our migrations make up to ``version``, from a scratch in-memory database."""
    from peewee import SqliteDatabase

    scratch = SqliteDatabase(":memory:")
    scratch.connect()
    try:
        migrations.migrate(scratch, up_to=version)
        rows = scratch.execute_sql("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        return frozenset((kind, name, sql or "") for kind, name, sql in rows.fetchall())
    finally:
        scratch.close()


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value or "")


def _schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    return frozenset((_text(kind), _text(name), _text(sql)) for kind, name, sql in rows)


def _text_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [_text(row[0]) for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {table: [_text(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')
                    if _text(row[2]).upper().startswith(("VARCHAR", "TEXT", "DATE", "CHAR"))]
            for table in tables}


def _text_is_readable(conn: sqlite3.Connection) -> bool:
    """Every text value is UTF-8 and none became a blob: damage the integrity check cannot see (it checks
    the b-trees, not what is in the cells), and which would break the first screen that shows the value.
    One row per table (each column's values concatenated by SQLite), decoded at once: about 15 ms for
    2,000 cards."""
    for table, columns in _text_columns(conn).items():
        if not columns:
            continue
        texts = ", ".join(f'group_concat("{column}", x\'0a\')' for column in columns)
        blobs = " + ".join(f'(typeof("{column}") = \'blob\')' for column in columns)
        *values, blob_count = conn.execute(f'SELECT {texts}, sum({blobs}) FROM "{table}"').fetchone()
        if blob_count:
            return False
        try:
            for value in values:
                if isinstance(value, bytes):
                    value.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def inspect_file(path: Path, *, full: bool = True) -> FileReport:
    """Classify ``path`` without writing to it; raises DatabaseOpenError for files we must not use.

    Not ``full``: the page-by-page checks are left to :func:`check_contents` (unless a migration is due)."""
    try:
        if not path.exists():
            return FileReport(exists=False, empty=True)
        size = path.stat().st_size
        if size == 0:
            raise damaged_error(path, _("the file is empty: 0 bytes"))
        header = _header(path)
    except OSError as exc:
        raise DatabaseOpenError(_("{path} cannot be read ({error}); it was left untouched.").format(
            path=path, error=exc.strerror or exc), path) from exc
    if not header.startswith(SQLITE_HEADER):
        raise NotJobfollowDatabaseError(
            _("{path} is not a jobfollow database (it is not an SQLite file); it was left untouched.").format(
                path=path), path)
    if _looks_cut_short(header, size) and not Path(f"{path}-wal").exists():
        raise damaged_error(path, _("the file is cut short"))
    return _classify_errors(path, lambda: _inspect_contents(path, full))


def check_contents(path: Path) -> None:
    """The page-by-page half of :func:`inspect_file` on a file that passed the quick half (it may be open):
    SQLite's full integrity check and every text value read. Raises DamagedDatabaseError (one sentence)."""
    def check() -> None:
        conn = _ro_connect(path)
        try:
            _check_pages(conn, path)
        finally:
            conn.close()

    _classify_errors(path, check)


def _classify_errors(path: Path, look):
    try:
        return look()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise locked_error(path) from exc
        raise damaged_error(path, _("SQLite cannot read it")) from exc
    except DatabaseOpenError:
        raise
    except (sqlite3.Error, ValueError, OverflowError, MemoryError) as exc:  # ValueError: undecodable bytes
        raise damaged_error(path, _("SQLite cannot read it")) from exc


def _check_pages(conn: sqlite3.Connection, path: Path) -> None:
    _check_integrity(conn, path)
    _check_text(conn, path)


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    problems = [_text(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise damaged_error(path, _("SQLite's integrity check found problems"))


def _check_text(conn: sqlite3.Connection, path: Path) -> None:
    if not _text_is_readable(conn):
        raise damaged_error(path, _("some of its text cannot be read"))


def _inspect_contents(path: Path, full: bool) -> FileReport:
    conn = _ro_connect(path)
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = int(conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
        if app_id != APPLICATION_ID:
            if tables or version:
                raise NotJobfollowDatabaseError(
                    _("{path} is an SQLite file from another program, not a jobfollow database; "
                      "it was left untouched.").format(path=path), path)
            return FileReport(exists=True, empty=True)  # a blank SQLite file: nothing in it to lose
        if version > migrations.CURRENT_VERSION:
            raise NewerSchemaError(
                _("{path} was written by a newer jobfollow (schema {version}, this version knows "
                  "{known}); update jobfollow to open it. The file was left untouched.").format(
                    path=path, version=version, known=migrations.CURRENT_VERSION), path)
        full = full or version < migrations.CURRENT_VERSION  # a migration writes: only to a file proven sound
        if full:
            _check_integrity(conn, path)
        if _schema_of(conn) != expected_schema(version):
            raise damaged_error(path, _("its tables are not the ones jobfollow made"))
        if full:
            _check_text(conn, path)
    finally:
        conn.close()
    return FileReport(exists=True, empty=False, application_id=app_id, user_version=version, table_count=tables)


def check_writable(path: Path) -> None:
    """A file we may not write is refused rather than made writable behind the user's back."""
    if not path.exists():
        return
    owner_may_write = sys.platform == "win32" or path.stat().st_mode & stat.S_IWUSR  # root ignores the bits
    if not owner_may_write or not os.access(path, os.W_OK):
        raise read_only_error(path)
