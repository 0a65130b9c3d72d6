"""The attached files of a JSON export: ``NAME.documents.zip`` beside ``NAME.json``.

The JSON keeps the ``attachment`` rows (which card, what name, sent when and to whom); the archive
holds each file once, named by its sha256. Importing checks every file against its name before
anything is written, so a damaged or missing archive imports nothing.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Mapping
from pathlib import Path

from jobfollow.i18n import _
from jobfollow.store import blobs
from jobfollow.store.documents import documents_dir, path_of
from jobfollow.store.models import Attachment


class DocumentsArchiveError(Exception):
    """The archive cannot be used; one sentence for the user."""


def archive_beside(json_path: Path) -> Path:
    return json_path.with_name(json_path.stem + ".documents.zip")


def export_documents(json_path: Path) -> int:
    """Write the archive of every attached file (none attached: no archive); returns how many files."""
    hashes = sorted({row.sha256 for row in Attachment.select(Attachment.sha256)})
    target = archive_beside(json_path)
    if not hashes:
        target.unlink(missing_ok=True)  # an old archive would no longer match the JSON
        return 0
    partial = target.with_name(target.name + ".partial")
    written = 0
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
        for sha in hashes:
            source = path_of(sha)
            if source.exists():
                archive.write(source, arcname=sha)
                written += 1
    partial.replace(target)
    return written


def check_documents(json_path: Path, rows: list[dict]) -> dict[str, bytes]:
    """The files the rows need, read and verified from the archive; raises before anything is written."""
    needed = {str(row.get("sha256", "")) for row in rows if isinstance(row, Mapping)}
    needed.discard("")
    have_already = set(blobs.stored_hashes(documents_dir()))
    missing_locally = needed - have_already
    if not missing_locally:
        return {}
    archive_path = archive_beside(json_path)
    if not archive_path.is_file():
        raise DocumentsArchiveError(_("The file lists attached documents, but {archive} is not beside it; "
                                      "put it there and import again.").format(archive=archive_path.name))
    found: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(archive_path) as archive:
            names = set(archive.namelist())
            for sha in sorted(missing_locally):
                if sha not in names:
                    raise DocumentsArchiveError(_("{archive} lacks a document the file lists; nothing was "
                                                  "imported.").format(archive=archive_path.name))
                data = archive.read(sha)
                if hashlib.sha256(data).hexdigest() != sha:
                    raise DocumentsArchiveError(_("{archive} holds a damaged document; nothing was imported.")
                                                .format(archive=archive_path.name))
                found[sha] = data
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentsArchiveError(_("{archive} cannot be read ({error}); nothing was imported.").format(
            archive=archive_path.name, error=exc)) from exc
    return found


def store_documents(found: dict[str, bytes]) -> None:
    folder = documents_dir()
    for data in found.values():
        blobs.store_bytes(data, folder)
