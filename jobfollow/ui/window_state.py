"""Window geometry and the arrangement of its panes, remembered per profile in its ``ui-state.ini`` (never in the
user's data: see ``ui/ui_state.py``)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from jobfollow.core import settings_registry as keys
from jobfollow.ui.panes import PaneDocks
from jobfollow.ui.ui_state import UiState


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def save_window_state(window: QMainWindow, docks: PaneDocks, state: UiState) -> None:
    state.write(keys.WINDOW_GEOMETRY, _encode(window.saveGeometry()))
    state.write(keys.WINDOW_STATE, _encode(docks.save()))
    state.sync()


def restore_window_state(window: QMainWindow, docks: PaneDocks, state: UiState) -> bool:
    """True when a saved geometry was applied (otherwise the caller picks a first-run size). The panes come back
    as they were left, or in their first-run places when the saved arrangement is from an older layout."""
    geometry = state.read(keys.WINDOW_GEOMETRY)
    dock_state = state.read(keys.WINDOW_STATE)
    restored = bool(geometry) and window.restoreGeometry(_decode(geometry))
    if restored and not docks.restore(_decode(dock_state) if isinstance(dock_state, str) and dock_state else None):
        docks.default_layout()
    return restored


def resize_within_screen(window, width: int, height: int) -> None:
    """Open ``window`` at ``width`` x ``height``, or smaller on a screen that has not that much room."""
    available = window.screen().availableGeometry() if window.screen() else None
    window.resize(min(width, available.width() - 40) if available else width,
                  min(height, available.height() - 60) if available else height)
