"""The profile's lock file: one jobfollow per profile, and no lock left to block a start for ever.

QLockFile reclaims a lock whose process is gone. After a restart the process id in an old lock may
belong to another program by then (QLockFile only compares the executable's name, and every Python
program is "python3"); such a lock is reclaimed too, because no jobfollow owns it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from jobfollow.paths import lock_path

TRY_MS = 200


class LockHeldError(Exception):
    """Another jobfollow holds the profile; ``pid`` is its process id (0 when unknown)."""

    def __init__(self, pid: int, lock_file: Path):
        super().__init__(f"{lock_file} is held by process {pid}")
        self.pid = pid
        self.lock_file = lock_file


def _command_line(pid: int) -> str | None:
    """The process's command line, or None when this platform cannot tell."""
    proc = Path(f"/proc/{pid}/cmdline")
    if proc.parent.is_dir():
        try:
            return proc.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            return ""  # the process is gone (or not ours to read)
    if sys.platform == "darwin":
        try:
            found = subprocess.run(["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True,
                                   timeout=2, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return found.stdout
    return None


def owned_by_jobfollow(pid: int) -> bool:
    """False only when we can see that ``pid`` is not a jobfollow (a reused process id)."""
    if pid == os.getpid():
        return True
    command = _command_line(pid)
    return command is None or "jobfollow" in command.lower()


class ProfileLock:
    def __init__(self, profile_dir: Path):
        self.path = lock_path(profile_dir)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # never stale by age: only when no jobfollow owns it

    def owner(self) -> int:
        info = self._lock.getLockInfo()  # (pid, hostname, appname), or no tuple when there is no lock file
        try:
            return int(info[0])
        except (TypeError, ValueError, IndexError):
            return 0

    def try_acquire(self) -> bool:
        if self._lock.tryLock(TRY_MS):
            return True
        pid = self.owner()
        if pid and not owned_by_jobfollow(pid) and self._lock.removeStaleLockFile():
            return self._lock.tryLock(TRY_MS)
        return False

    def acquire(self) -> None:
        if not self.try_acquire():
            raise LockHeldError(self.owner(), self.path)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def is_locked(self) -> bool:
        return self._lock.isLocked()
