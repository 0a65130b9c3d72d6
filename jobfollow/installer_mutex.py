"""Tell the Windows installer that jobfollow is running.

Inno Setup's ``AppMutex`` (packaging/windows/jobfollow.iss) looks for a named mutex: while one exists,
setup and the uninstaller ask the user to close jobfollow before they replace or remove its files.
The mutex lives as long as the process; Windows removes it when jobfollow exits, even after a crash.
"""

from __future__ import annotations

import sys

MUTEX_NAME = "jobfollow.running"


def announce_running() -> int | None:
    """Create the mutex on Windows (returns its handle); a no-op returning None elsewhere."""
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    handle = kernel32.CreateMutexW(None, False, MUTEX_NAME)
    return handle or None  # without the mutex the installer can still close us through the Restart Manager
