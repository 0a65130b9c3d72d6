"""Every setting, declared once: its name, type, default, range, and where it lives.

Two homes, kept apart on purpose:

* ``PROFILE``: the user's preferences and data (their details, the follow-up timings, the language they chose,
  their personal dictionary). They live in the profile database, so they travel with a JSON export, a backup
  and a restore.
* ``UI_STATE``: how the window was left (size, dock and splitter positions, the board's sort and filter). It lives
  in ``ui-state.ini`` in the profile folder (``ui/ui_state.py``, Qt's QSettings), never in the database: an export
  carries none of it and a restored backup does not move the window.

Read and write with :func:`jobfollow.store.settings.read` / ``write`` (profile) or ``UiState.read`` / ``write``
(UI state); both return the default for a missing value and :meth:`SettingKey.clean` a value of the wrong type or
out of range, so a hand-edited file or an old export never breaks a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PROFILE = "profile"
UI_STATE = "ui_state"


@dataclass(frozen=True)
class SettingKey:
    name: str
    kind: type | tuple[type, ...]
    default: Any
    home: str = PROFILE
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple = field(default=())

    def clean(self, value: Any) -> Any:
        """``value`` when it has the declared type and range, else the default."""
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        if value is None or not isinstance(value, kinds):
            return self.default
        if isinstance(value, bool) and bool not in kinds:  # True is an int to Python, not to a setting
            return self.default
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value


KEYS: dict[str, SettingKey] = {}


def declare(name: str, kind, default, home: str = PROFILE, **limits) -> SettingKey:
    if name in KEYS:
        raise ValueError(f"setting {name!r} is declared twice")
    key = SettingKey(name, kind, default, home, **limits)
    KEYS[name] = key
    return key


# -- the user's preferences and data (profile database) ---------------------------------------------------
USER_DETAILS = declare("user.details", dict, {})
LANGUAGE = declare("ui.language", str, "")  # "" = the system's language
FOLLOWUP_SETTINGS = declare("followups.timings", dict, {})  # core.followup_settings clamps each timing to its range
TRAY_ENABLED = declare("tray.enabled", bool, True)
TRAY_NOTIFY = declare("tray.notify", bool, True)
SPELLING_LANGUAGE = declare("spelling.language", str, "en")
PERSONAL_WORDS = declare("spelling.personal_words", list, [])
OPEN_LETTER = declare("letters.open_letter_id", int, None, minimum=1)
OFFER_WEIGHTS = declare("offers.weights", dict, {})
CURRENT_JOB = declare("offers.current_job", dict, None)
TAX_SHARE = declare("offers.tax_share", str, None)
STAGE_LABELS_LANGUAGE = declare("ui.stage_labels_language", str, "")
ICS_NAMESPACE = declare("data.ics_namespace", str, "")
WEEKLY_GOAL = declare("insights.weekly_goal", int, 5, minimum=0, maximum=50)  # applications a week; 0 = none
WORKLOG_PRESET = declare("insights.worklog_preset", str, "plain", choices=("de", "us", "uk", "fr", "plain"))
NOTIFY_SETTINGS = declare("notifications.quiet_and_digest", dict, {})  # core.followup_notify.NotifySettings
DIGEST_SHOWN_ON = declare("notifications.digest_shown_on", str, "")  # ISO day of the last morning digest

# -- how the window was left (ui-state.ini in the profile folder) ------------------------------------------
WINDOW_GEOMETRY = declare("ui.window.geometry", str, "", UI_STATE)  # base64 of QWidget.saveGeometry
WINDOW_STATE = declare("ui.window.state", str, "", UI_STATE)  # base64 of QMainWindow.saveState (docks)
WINDOW_SPLITTERS = declare("ui.window.splitters", dict, {}, UI_STATE)
BOARD_VIEW = declare("board.view", dict, {}, UI_STATE)  # only_active, sort
COMPARE_CURRENT_JOB = declare("offers.compare_current_job", bool, True, UI_STATE)


def ui_state_keys() -> list[SettingKey]:
    return [key for key in KEYS.values() if key.home == UI_STATE]


def is_ui_state(name: str) -> bool:
    key = KEYS.get(name)
    return key is not None and key.home == UI_STATE
