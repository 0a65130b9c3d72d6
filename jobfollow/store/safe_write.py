"""Writing a file the user asked for (export, backup) so that it is whole or absent, and private.

The data goes to ``NAME.partial`` created 0600 (an export holds the same private data as the database),
then replaces ``NAME`` in one rename. Any failure (disk full, read-only folder) removes the partial
file and becomes a :class:`DiskWriteError` that names the file being written, never the database.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from jobfollow.i18n import _

T = TypeVar("T")
PRIVATE = 0o600
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
_DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)


class DiskWriteError(Exception):
    """A file could not be written; ``str(exc)`` is one sentence naming it and the way forward."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in _FULL
    return "disk is full" in str(exc)


def write_error(path: Path, exc: BaseException) -> DiskWriteError:
    """The one sentence for a write of ``path`` that failed with ``exc``."""
    if is_disk_full(exc):
        message = _("{path} was not written because the disk is full; free some space or choose another "
                    "folder, then try again.")
    elif isinstance(exc, OSError) and exc.errno in _DENIED:
        message = _("{path} was not written because its folder is read-only or not yours; choose another "
                    "folder.")
    else:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return DiskWriteError(_("{path} was not written ({error}); choose another folder and try again.").format(
            path=path, error=reason), path)
    return DiskWriteError(message.format(path=path), path)


def private_file(path: Path) -> None:
    """Create ``path`` empty and readable by its owner only (before any data goes in)."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    os.close(descriptor)


def restrict(path: Path) -> None:
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            path.chmod(PRIVATE)


def write_atomically(target: Path, write: Callable[[Path], T]) -> T:
    """Call ``write(partial_path)``, then move the finished file to ``target``; all or nothing."""
    partial = target.with_name(target.name + ".partial")
    try:
        private_file(partial)
        result = write(partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise write_error(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    restrict(target)
    return result
