"""Window geometry, dock state and splitter sizes, remembered per profile in its ``ui-state.ini`` (never in the
user's data: see ``ui/ui_state.py``)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from jobfollow.core import settings_registry as keys
from jobfollow.ui.ui_state import UiState


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def save_window_state(window: QMainWindow, splitters: dict[str, QSplitter], state: UiState) -> None:
    state.write(keys.WINDOW_GEOMETRY, _encode(window.saveGeometry()))
    state.write(keys.WINDOW_STATE, _encode(window.saveState()))
    state.write(keys.WINDOW_SPLITTERS, {name: splitter.sizes() for name, splitter in splitters.items()})
    state.sync()


def restore_window_state(window: QMainWindow, splitters: dict[str, QSplitter], state: UiState) -> bool:
    """True when a saved geometry was applied (otherwise the caller picks a first-run size)."""
    geometry = state.read(keys.WINDOW_GEOMETRY)
    dock_state = state.read(keys.WINDOW_STATE)
    sizes = state.read(keys.WINDOW_SPLITTERS)
    for name, splitter in splitters.items():
        saved = sizes.get(name)
        if isinstance(saved, list) and len(saved) == splitter.count() and all(isinstance(v, int) for v in saved):
            splitter.setSizes(saved)
    if dock_state:
        window.restoreState(_decode(dock_state))
    return bool(geometry) and window.restoreGeometry(_decode(geometry))
