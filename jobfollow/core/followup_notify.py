"""When to announce follow-ups that fell due: quiet hours and the morning digest.

Pure: the reminder clock asks :func:`plan_announcements` on each tick which of the waiting follow-ups to
announce now. During quiet hours nothing is announced (the items wait, nothing is lost); with the digest on,
what fell due overnight waits for one morning summary at the digest hour, and anything falling due later that
day is announced as it comes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import NamedTuple

from jobfollow.core.settings_registry import NOTIFY_SETTINGS

NOTIFY_SETTINGS_KEY = NOTIFY_SETTINGS.name


@dataclass(frozen=True)
class NotifySettings:
    quiet_hours: bool = False
    quiet_from: int = 21  # hour of the day, 0-23: quiet from this hour ...
    quiet_until: int = 8  # ... until this hour (the span may cross midnight)
    digest: bool = False
    digest_hour: int = 8  # the morning summary, not before this hour

    @classmethod
    def from_dict(cls, data: dict | None) -> NotifySettings:
        values = {}
        for f in fields(cls):
            if not isinstance(data, dict) or f.name not in data:
                continue
            raw = data[f.name]
            if f.type in ("bool", bool):
                values[f.name] = bool(raw)
                continue
            try:
                values[f.name] = min(23, max(0, int(raw)))
            except (TypeError, ValueError):
                continue
        return cls(**values)

    def to_dict(self) -> dict:
        return asdict(self)


def is_quiet(at: dt.datetime | dt.time, settings: NotifySettings) -> bool:
    """Whether ``at`` falls in the quiet hours (from ``quiet_from`` up to, not including, ``quiet_until``)."""
    if not settings.quiet_hours or settings.quiet_from == settings.quiet_until:
        return False
    hour = at.hour
    start, end = settings.quiet_from, settings.quiet_until
    return start <= hour < end if start < end else hour >= start or hour < end


class Plan(NamedTuple):
    """What to announce now: ``ids`` (empty: hold them all), ``digest``: as one summary of several."""

    ids: tuple[int, ...] = ()
    digest: bool = False
    digest_shown_on: dt.date | None = None  # the day to record as "digest shown", when this plan shows it


def plan_announcements(due_ids: Sequence[int], now: dt.datetime, settings: NotifySettings,
                       digest_shown_on: dt.date | None) -> Plan:
    """Which of the waiting, due follow-ups (``due_ids``) to announce at ``now``."""
    if not due_ids or is_quiet(now, settings):
        return Plan()
    if settings.digest and digest_shown_on != now.date():
        if now.hour < settings.digest_hour:
            return Plan()  # the morning summary will carry them
        return Plan(tuple(due_ids), len(due_ids) > 1, now.date())
    return Plan(tuple(due_ids))
