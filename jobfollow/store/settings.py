"""Settings kept in the profile database as JSON values, so they travel with backups and exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobfollow.core.profile import UserDetails
from jobfollow.store.models import Setting, database_proxy

USER_DETAILS_KEY = "user.details"


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
    return UserDetails.from_dict(get_setting(USER_DETAILS_KEY, {}) or {})


def set_user_details(details: UserDetails) -> None:
    set_setting(USER_DETAILS_KEY, details.to_dict())


def profile_folder() -> Path:
    """The folder of the profile whose database is open."""
    return Path(database_proxy.obj.database).parent
