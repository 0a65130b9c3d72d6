"""Quiet hours and the morning digest, as stored in the profile: what the reminder clock calls on each tick."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from jobfollow.core import settings_registry as keys
from jobfollow.core.followup_notify import NotifySettings, Plan, plan_announcements
from jobfollow.store.settings import read, write


def notify_settings() -> NotifySettings:
    return NotifySettings.from_dict(read(keys.NOTIFY_SETTINGS))


def save_notify_settings(settings: NotifySettings) -> None:
    write(keys.NOTIFY_SETTINGS, settings.to_dict())


def _digest_shown_on() -> dt.date | None:
    value = read(keys.DIGEST_SHOWN_ON)
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def announcements_now(due_ids: Sequence[int], now: dt.datetime) -> Plan:
    """Which of these due, not yet announced follow-ups to announce at ``now`` (quiet hours and digest
    applied); remembers the day a digest was shown, so there is one summary a day, across restarts."""
    if not due_ids:
        return Plan()
    plan = plan_announcements(due_ids, now, notify_settings(), _digest_shown_on())
    if plan.digest_shown_on is not None:
        write(keys.DIGEST_SHOWN_ON, plan.digest_shown_on.isoformat())
    return plan
