"""Slow work off the GUI thread: run a function on Qt's thread pool, get its result back on the GUI thread.

The function runs in a pool thread, which Peewee gives its own SQLite connection (its connections are per
thread; the database is in WAL mode, so the window keeps reading while the worker writes); the connection is
closed when the function returns. ``on_done(result)`` or ``on_failed(error)`` then run on the GUI thread,
through a queued signal. A task may take a :class:`Progress` to report how far it got and to see a cancel.

Tasks that write much (an import, a restore, every card's rules) run ``exclusive``: one after the other on a
lane of their own, so a second one waits its turn instead of meeting "database is locked". While such a long
write runs, :data:`long_write` says why, and other writes from the window are refused with that sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

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
_lanes: dict[str, QThreadPool] = {}


def _pool(exclusive: bool) -> QThreadPool:
    if not exclusive:
        return QThreadPool.globalInstance()
    if "exclusive" not in _lanes:
        lane = _lanes["exclusive"] = QThreadPool()
        lane.setMaxThreadCount(1)  # long writes queue up: SQLite has one writer at a time anyway
    return _lanes["exclusive"]


def run_in_worker(fn: Callable[..., Any], on_done: Callable[[Any], None],
                  on_failed: Callable[[BaseException], None], *, with_progress: bool = False,
                  on_progress: Callable[[int, int], None] | None = None, exclusive: bool = False) -> Progress | None:
    """Start ``fn`` (called with a :class:`Progress` when ``with_progress``); returns that Progress.
    ``exclusive`` tasks run one at a time, in the order they were started."""
    relay = _Relay(on_done, on_failed, on_progress)
    _running.add(relay)
    progress = Progress(relay) if with_progress else None
    _pool(exclusive).start(_Task(fn, relay, progress))
    return progress


def workers_idle() -> bool:
    """No task is running or waiting, and no result is still on its way to the GUI thread."""
    return not _running and all(pool.activeThreadCount() == 0 for pool in (_pool(False), *_lanes.values()))


def when_idle(callback: Callable[[], None], poll_ms: int = 20) -> None:
    """Call ``callback`` on the GUI thread once every task has finished, without blocking the event loop."""
    if workers_idle():
        callback()
    else:
        QTimer.singleShot(poll_ms, lambda: when_idle(callback, poll_ms))


def wait_for_workers(timeout_ms: int = 30_000) -> bool:
    """Block until every task has finished (closing the profile, tests)."""
    return all(pool.waitForDone(timeout_ms) for pool in (*_lanes.values(), _pool(False)))


class WritesPausedError(Exception):
    """A write asked for while a long write runs on a worker; ``str(exc)`` says why, in one sentence."""


class LongWrite:
    """Whether a long write (an import, a restore) is running on a worker, and why: the window's other writes
    are refused meanwhile (:meth:`check`), so nobody waits on SQLite's lock or sees "database is locked"."""

    def __init__(self):
        self.reason: str | None = None

    def hold(self, reason: str) -> None:
        self.reason = reason

    def release(self) -> None:
        self.reason = None

    def check(self) -> None:
        if self.reason is not None:
            raise WritesPausedError(self.reason)


#: the program's one long-write flag (one profile is open per process)
long_write = LongWrite()
