"""Slow work off the GUI thread: run a function on Qt's thread pool, get its result back on the GUI thread.

The function runs in a pool thread, which Peewee gives its own SQLite connection (its connections are per
thread; the database is in WAL mode, so the window keeps reading while the worker writes); the connection is
closed when the function returns. ``on_done(result)`` or ``on_failed(error)`` then run on the GUI thread,
through a queued signal. A task may take a :class:`Progress` to report how far it got and to see a cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from jobfollow.store.db import close_thread_connection


class CancelledError(Exception):
    """The user cancelled the task; nothing it did is kept (its writes run in one transaction)."""


class Progress:
    """Shared between the GUI and a task: the task calls :meth:`advance`; the GUI may call :meth:`cancel`."""

    def __init__(self, relay: _Relay):
        self._relay = relay
        self._cancelled = threading.Event()

    def advance(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise CancelledError
        self._relay.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class _Relay(QObject):
    """Lives on the GUI thread: signals emitted by the pool thread arrive at its slots queued."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, on_done, on_failed, on_progress):
        super().__init__()
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        self.done.connect(self._done)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    def _finish(self) -> None:
        _running.discard(self)
        self.deleteLater()

    def _done(self, result) -> None:
        self._finish()
        self._on_done(result)

    def _failed(self, error) -> None:
        self._finish()
        self._on_failed(error)

    def _progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, progress: Progress | None):
        super().__init__()
        self.fn, self.relay, self.progress = fn, relay, progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress) if self.progress is not None else self.fn()
        except BaseException as exc:  # every failure goes back to the GUI thread, to be shown there
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)
        finally:
            close_thread_connection()


_running: set[_Relay] = set()  # keeps each relay alive until its result has arrived


def run_in_worker(fn: Callable[..., Any], on_done: Callable[[Any], None],
                  on_failed: Callable[[BaseException], None], *, with_progress: bool = False,
                  on_progress: Callable[[int, int], None] | None = None) -> Progress | None:
    """Start ``fn`` (called with a :class:`Progress` when ``with_progress``); returns that Progress."""
    relay = _Relay(on_done, on_failed, on_progress)
    _running.add(relay)
    progress = Progress(relay) if with_progress else None
    QThreadPool.globalInstance().start(_Task(fn, relay, progress))
    return progress


def wait_for_workers(timeout_ms: int = 30_000) -> bool:
    """Block until every task has finished (closing the profile, tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
