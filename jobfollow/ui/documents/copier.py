"""Copy files into the profile on a worker thread, so a 20 MB PDF never freezes the window.

The worker only hashes and copies (``blobs.store_file``: no database); the attachment row is written
on the GUI thread when ``finished`` arrives, so SQLite stays on one thread.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from jobfollow.store import blobs


class _Relay(QObject):
    finished = Signal(int, object, str)  # request id, StoredBlob or None, the error sentence


class _CopyJob(QRunnable):
    def __init__(self, request_id: int, source: Path, folder: Path, relay: _Relay):
        super().__init__()
        self.request_id, self.source, self.folder, self.relay = request_id, source, folder, relay

    def run(self) -> None:
        try:
            stored = blobs.store_file(self.source, self.folder)
        except blobs.DocumentError as exc:
            self.relay.finished.emit(self.request_id, None, str(exc))
        except Exception as exc:  # a worker must always answer, or the page waits forever
            self.relay.finished.emit(self.request_id, None, str(exc))
        else:
            self.relay.finished.emit(self.request_id, stored, "")


class FileCopier(QObject):
    """``copy(path)`` returns a request id; ``finished(id, StoredBlob | None, error)`` follows on the GUI thread."""

    finished = Signal(int, object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._done)
        self._ids = itertools.count(1)
        self.pending: set[int] = set()
        self.pool = QThreadPool.globalInstance()

    def copy(self, source: Path, folder: Path) -> int:
        request_id = next(self._ids)
        self.pending.add(request_id)
        self.pool.start(_CopyJob(request_id, Path(source), folder, self._relay))
        return request_id

    def _done(self, request_id: int, stored, error: str) -> None:
        self.pending.discard(request_id)
        self.finished.emit(request_id, stored, error)

    def busy(self) -> bool:
        return bool(self.pending)
