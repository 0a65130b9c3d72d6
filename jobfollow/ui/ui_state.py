"""How the window was left, per profile: ``ui-state.ini`` in the profile folder, through Qt's QSettings.

Window geometry, dock and splitter positions and the board's sort and filter are not the user's data: they stay
out of the database, so a JSON export carries none of them and restoring a backup does not move the window.
The keys are declared in ``core/settings_registry.py`` (home ``UI_STATE``).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from jobfollow.core.settings_registry import UI_STATE, SettingKey, ui_state_keys
from jobfollow.services.undo import STORE_ERRORS
from jobfollow.store.settings import profile_folder, take_settings

FILE_NAME = "ui-state.ini"


class UiState:
    def __init__(self, folder: Path):
        self.path = Path(folder) / FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    @classmethod
    def of_open_profile(cls) -> UiState:
        return cls(profile_folder())

    def read(self, key: SettingKey) -> Any:
        raw = self._settings.value(key.name)
        if not isinstance(raw, str):
            return key.default
        try:
            return key.clean(json.loads(raw))
        except ValueError:
            return key.default

    def write(self, key: SettingKey, value: Any) -> None:
        if key.home != UI_STATE:
            raise ValueError(f"{key.name} is the user's data: it belongs in the profile database")
        self._settings.setValue(key.name, json.dumps(value, ensure_ascii=False))

    def sync(self) -> None:
        self._settings.sync()

    def take_over_old_keys(self) -> None:
        """Profiles from before kept UI state in the database: move it here once, and out of the user's data."""
        with contextlib.suppress(*STORE_ERRORS):  # a read-only profile keeps its old rows; they are ignored
            for name, value in take_settings([key.name for key in ui_state_keys()]).items():
                if self._settings.value(name) is None:
                    self._settings.setValue(name, json.dumps(value, ensure_ascii=False))
        self.sync()
