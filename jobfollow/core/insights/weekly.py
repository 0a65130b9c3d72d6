"""Applications per week against the user's weekly goal, and the streak of weeks that met it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

GOAL_RANGE = (0, 50)  # 0 = no goal; more than 50 a week is not a goal anyone keeps
DEFAULT_GOAL = 5


@dataclass(frozen=True)
class Week:
    start: dt.date
    applications: int
    met: bool | None  # None when there is no goal, or for the current week while it has not been met yet


@dataclass(frozen=True)
class WeeklyPace:
    weeks: tuple[Week, ...]
    goal: int
    streak: int  # weeks in a row meeting the goal, up to now (the running week counts once it is met)
    best_streak: int
    average: float


def week_start(day: dt.date, first_weekday: int) -> dt.date:
    """The first day of ``day``'s week; ``first_weekday`` 0 = Monday ... 6 = Sunday (the locale's)."""
    return day - dt.timedelta(days=(day.weekday() - first_weekday) % 7)


def weekly_pace(applied: Iterable[dt.date], start: dt.date, end: dt.date, today: dt.date, goal: int,
                first_weekday: int = 0) -> WeeklyPace:
    counts = Counter(week_start(day, first_weekday) for day in applied if start <= day <= end)
    first, last = week_start(start, first_weekday), week_start(end, first_weekday)
    this_week = week_start(today, first_weekday)
    weeks = []
    day = first
    while day <= last:
        count = counts.get(day, 0)
        if goal <= 0:
            met = None
        elif count >= goal:
            met = True
        else:
            met = None if day >= this_week else False  # a week still running has not failed yet
        weeks.append(Week(day, count, met))
        day += dt.timedelta(days=7)
    streak = best = run = 0
    for week in weeks:
        if week.met:
            run += 1
            best = max(best, run)
        elif week.met is False:
            run = 0
    for week in reversed(weeks):
        if week.met is None and week.start >= this_week:
            continue  # the running week neither adds nor breaks
        if not week.met:
            break
        streak += 1
    average = sum(w.applications for w in weeks) / len(weeks) if weeks else 0.0
    return WeeklyPace(tuple(weeks), goal, streak, best, average)


def clamp_goal(value: object) -> int:
    """A stored goal, whatever the settings file holds, as a whole number inside GOAL_RANGE."""
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_GOAL
    return max(GOAL_RANGE[0], min(GOAL_RANGE[1], number))
