"""Work around a reference-count bug of PySide6 6.12 on Python 3.11.

Every Qt method that returns nothing (setText, update, QPainter.save, ...) hands Python a ``None``
without taking a reference to it. On Python 3.12+ None is immortal and nothing happens; on 3.11 its
count drifts down by one per call, and a board painting a few hundred cards reaches zero and aborts
("Fatal Python error: none_dealloc"). Giving None a huge head start makes the drift harmless.

Program-wide: it belongs in the composition root; it sits here because the board is what paints most.
"""

from __future__ import annotations

import ctypes
import sys

HEAD_START = 1 << 40  # a trillion calls


def none_drifts() -> bool:
    """Does this PySide6 lose a reference to None on every call that returns nothing?"""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("")
    return sys.getrefcount(None) < before - 25


def keep_none_alive() -> bool:
    """Raise None's reference count once per process when needed; returns whether it was raised."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or getattr(sys, "_jobfollow_none_guard",
                                                                                       False):
        return False
    if not none_drifts():
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    before = sys.getrefcount(None)
    if count.value not in (before - 1, before, before + 1):  # not the layout we expect: leave it alone
        return False
    count.value += HEAD_START
    sys._jobfollow_none_guard = True
    return True
