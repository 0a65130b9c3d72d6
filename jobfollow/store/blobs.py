"""Content-addressed file storage: every attached file is kept once, named by its sha256.

``documents/ab/abcdef…`` holds the bytes of a file whose sha256 starts with ``ab``. A copy is written
to ``documents/tmp/`` while it is hashed, flushed to disk, then renamed into place in one step, so a
crash or a full disk never leaves a half-copied file under a real name. The functions here touch only
files (no database), so a worker thread may call ``store_file``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from jobfollow.core.documents import MAX_DOCUMENT_BYTES
from jobfollow.i18n import _

DOCUMENTS_DIR_NAME = "documents"
_TMP = "tmp"
_CHUNK = 1024 * 1024


class DocumentError(Exception):
    """A file that cannot be attached; ``str(exc)`` is one sentence for the user. Nothing was kept."""


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    filename: str  # the source's name, for the attachment row
    already_stored: bool  # the same bytes were in the profile before (one CV sent to twenty employers)


def blob_path(folder: Path, sha256: str) -> Path:
    return folder / sha256[:2] / sha256


def _size_sentence(name: str, size: int, limit: int) -> str:
    return _("{name} is {size} MB; files up to {limit} MB can be attached.").format(
        name=name, size=round(size / 1024 / 1024), limit=limit // 1024 // 1024)


def store_file(source: Path, folder: Path, *, limit: int = MAX_DOCUMENT_BYTES) -> StoredBlob:
    """Copy ``source`` into ``folder`` under its sha256; raises DocumentError with one sentence."""
    name = source.name
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise DocumentError(_("{name} is no longer there (moved or deleted?); nothing was attached.").format(
            name=name)) from None
    except OSError as exc:
        raise DocumentError(_("{name} cannot be read: {error}.").format(name=name, error=exc.strerror)) from exc
    if not source.is_file():
        raise DocumentError(_("{name} is not a file; attach files one by one.").format(name=name))
    if size > limit:
        raise DocumentError(_size_sentence(name, size, limit))
    tmp_dir = folder / _TMP
    tmp_dir.mkdir(parents=True, exist_ok=True)
    temp = tmp_dir / f"{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    copied = 0
    try:
        with source.open("rb") as reader, temp.open("wb") as writer:
            while chunk := reader.read(_CHUNK):
                copied += len(chunk)
                if copied > limit:  # the file grew while we copied it
                    raise DocumentError(_size_sentence(name, copied, limit))
                digest.update(chunk)
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        sha = digest.hexdigest()
        final = blob_path(folder, sha)
        if final.exists() and final.stat().st_size == copied:
            temp.unlink()
            return StoredBlob(sha, copied, name, already_stored=True)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, final)  # atomic: the real name holds all of the bytes or none of them
        return StoredBlob(sha, copied, name, already_stored=False)
    except FileNotFoundError:
        raise DocumentError(_("{name} disappeared while it was being copied; nothing was attached.").format(
            name=name)) from None
    except OSError as exc:
        raise DocumentError(_("{name} could not be copied into your profile: {error}.").format(
            name=name, error=exc.strerror or exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def store_bytes(data: bytes, folder: Path) -> str:
    """Keep ``data`` (a letter's text, an e-mail) under its sha256; returns the hash."""
    sha = hashlib.sha256(data).hexdigest()
    final = blob_path(folder, sha)
    if final.exists():
        return sha
    tmp_dir = folder / _TMP
    tmp_dir.mkdir(parents=True, exist_ok=True)
    temp = tmp_dir / f"{uuid.uuid4().hex}.part"
    try:
        with temp.open("wb") as writer:
            writer.write(data)
            writer.flush()
            os.fsync(writer.fileno())
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, final)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return sha


def stored_hashes(folder: Path) -> dict[str, Path]:
    """Every blob in ``folder`` by hash (leftover temporary copies are not blobs)."""
    found = {}
    if not folder.is_dir():
        return found
    for sub in folder.iterdir():
        if sub.is_dir() and sub.name != _TMP and len(sub.name) == 2:
            for path in sub.iterdir():
                if path.is_file() and path.name.startswith(sub.name):
                    found[path.name] = path
    return found


def remove_unreferenced(folder: Path, referenced: set[str], *, min_age: dt.timedelta = dt.timedelta(hours=1),
                        now: float | None = None) -> int:
    """Delete blobs no attachment refers to, and stale temporary copies; returns how many blobs went.

    A blob younger than ``min_age`` is kept: a worker may have just renamed it into place and the
    attachment row that refers to it is about to be written.
    """
    moment = time.time() if now is None else now
    removed = 0
    for sha, path in stored_hashes(folder).items():
        if sha in referenced:
            continue
        try:
            if moment - path.stat().st_mtime < min_age.total_seconds():
                continue
            path.unlink()
            removed += 1
        except OSError:
            continue  # locked by a viewer on Windows: try again next time
    tmp_dir = folder / _TMP
    if tmp_dir.is_dir():
        for temp in tmp_dir.glob("*.part"):
            with contextlib.suppress(OSError):
                if moment - temp.stat().st_mtime > dt.timedelta(days=1).total_seconds():
                    temp.unlink()
    return removed


def copy_missing(source: Path, target: Path) -> int:
    """Copy the blobs of ``source`` that ``target`` lacks (backups and restores); returns how many."""
    have = stored_hashes(target)
    copied = 0
    for sha, path in stored_hashes(source).items():
        if sha in have:
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            continue  # a damaged copy is not spread further
        store_bytes(data, target)
        copied += 1
    return copied
