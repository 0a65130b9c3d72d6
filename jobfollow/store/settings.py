"""Settings kept in the profile database as JSON values, so they travel with backups and exports.

Every key is declared once in ``core/settings_registry.py`` (type, default, range); :func:`read` and
:func:`write` take those declarations. UI state (window size, splitters, the board's view) is declared there
too but lives in ``ui-state.ini`` (``ui/ui_state.py``), never here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobfollow.core import settings_registry as keys
from jobfollow.core.profile import UserDetails
from jobfollow.core.settings_registry import SettingKey
from jobfollow.store.models import Setting, database_proxy

USER_DETAILS_KEY = keys.USER_DETAILS.name


def read(key: SettingKey) -> Any:
    """The stored value of a declared profile setting, or its default (missing, wrong type, out of range)."""
    return key.clean(get_setting(key.name, None))


def write(key: SettingKey, value: Any) -> None:
    if key.home != keys.PROFILE:
        raise ValueError(f"{key.name} is UI state: it is kept in ui-state.ini, not in the profile")
    set_setting(key.name, value)


def take_settings(names: list[str]) -> dict[str, Any]:
    """Remove these rows and return what they held (moving old UI state out of the user's data)."""
    found = {}
    for row in Setting.select().where(Setting.key.in_(names)):
        try:
            found[row.key] = json.loads(row.value)
        except ValueError:
            continue
    Setting.delete().where(Setting.key.in_(names)).execute()
    return found


def get_setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return default
    try:
        return json.loads(row.value)
    except ValueError:
        return default


def set_setting(key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    (
        Setting.insert(key=key, value=encoded)
        .on_conflict(conflict_target=[Setting.key], update={Setting.value: encoded})
        .execute()
    )


def all_settings() -> dict[str, Any]:
    return {row.key: json.loads(row.value) for row in Setting.select()}


def get_user_details() -> UserDetails:
    return UserDetails.from_dict(read(keys.USER_DETAILS))


def set_user_details(details: UserDetails) -> None:
    set_setting(USER_DETAILS_KEY, details.to_dict())


def profile_folder() -> Path:
    """The folder of the profile whose database is open."""
    return Path(database_proxy.obj.database).parent
