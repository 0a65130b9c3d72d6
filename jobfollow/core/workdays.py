"""Business-day arithmetic: weekends never count, and a country's public holidays count too.

The ``holidays`` package is imported only when a country is set, and each year's holidays are
looked up once, so adding business days stays cheap enough to run for thousands of cards.
"""

from __future__ import annotations

import datetime as dt
import logging

_log = logging.getLogger(__name__)
WEEKEND = frozenset({5, 6})  # Saturday, Sunday


def _holidays_of(country: str, year: int) -> frozenset[dt.date]:
    if not country:
        return frozenset()
    try:
        import holidays

        return frozenset(holidays.country_holidays(country, years=[year]).keys())
    except (ImportError, NotImplementedError, KeyError) as exc:
        # An unknown code must not stop the rules: fall back to weekends only, once per year asked.
        _log.warning("No public holidays known for %r (%s); counting weekends only", country, exc)
        return frozenset()


class Workdays:
    """Which days are business days for one country ("" = weekends only)."""

    def __init__(self, country: str = ""):
        self.country = (country or "").upper()
        self._years: dict[int, frozenset[dt.date]] = {}
        self._added: dict[tuple[dt.date, int], dt.date] = {}

    def holidays_in(self, year: int) -> frozenset[dt.date]:
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = _holidays_of(self.country, year)
        return found

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() not in WEEKEND and day not in self.holidays_in(day.year)

    def holiday_name(self, day: dt.date) -> str:
        """The holiday's name ("" when ``day`` is no public holiday here)."""
        if not self.country or day not in self.holidays_in(day.year):
            return ""
        import holidays

        return holidays.country_holidays(self.country, years=[day.year]).get(day, "")

    def add(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th business day after ``start`` (``start`` itself never counts; 0 gives the
        first business day on or after ``start``)."""
        key = (start, days)
        found = self._added.get(key)
        if found is not None:
            return found
        day = start
        if days <= 0:
            while not self.is_business_day(day):
                day += dt.timedelta(days=1)
        else:
            left = days
            while left:
                day += dt.timedelta(days=1)
                if self.is_business_day(day):
                    left -= 1
        self._added[key] = day
        return day

    def next_business_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a business day, else the first one after it."""
        return self.add(day, 0)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Business days after ``start`` up to and including ``end`` (negative when end is earlier)."""
        if end < start:
            return -self.between(end, start)
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_business_day(day):
                count += 1
        return count
