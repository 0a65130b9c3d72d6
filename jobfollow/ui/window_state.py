"""Window geometry and splitter sizes, remembered per profile (in its Setting table)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from jobfollow.store.settings import get_setting, set_setting
from jobfollow.ui.store_errors import STORE_ERRORS

GEOMETRY_KEY = "ui.window.geometry"
STATE_KEY = "ui.window.state"
SPLITTERS_KEY = "ui.window.splitters"


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def save_window_state(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    # A locked or read-only database must not stop the window from closing over its size.
    with contextlib.suppress(*STORE_ERRORS):
        set_setting(GEOMETRY_KEY, _encode(window.saveGeometry()))
        set_setting(STATE_KEY, _encode(window.saveState()))
        set_setting(SPLITTERS_KEY, {name: splitter.sizes() for name, splitter in splitters.items()})


def restore_window_state(window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    """True when a saved geometry was applied (otherwise the caller picks a first-run size)."""
    geometry = get_setting(GEOMETRY_KEY)
    state = get_setting(STATE_KEY)
    sizes = get_setting(SPLITTERS_KEY, {}) or {}
    for name, splitter in splitters.items():
        saved = sizes.get(name)
        if isinstance(saved, list) and len(saved) == splitter.count() and all(isinstance(v, int) for v in saved):
            splitter.setSizes(saved)
    if state:
        window.restoreState(_decode(state))
    return bool(geometry) and window.restoreGeometry(_decode(geometry))
