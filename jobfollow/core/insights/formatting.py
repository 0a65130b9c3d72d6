"""Figures as the user reads them: percentages and day counts in the locale, a dash where there is none."""

from __future__ import annotations

from babel import numbers as babel_numbers

from jobfollow.i18n import current_locale, ngettext

NONE = "–"  # shown where a figure does not exist (a rate of zero cases), never 0 % or a division error


def percent(value: float | None) -> str:
    if value is None:
        return NONE
    return babel_numbers.format_percent(value, format="#,##0 %", locale=current_locale())


def days(value: float | None) -> str:
    """"3 days", "1.5 days" (one decimal at most, as the locale writes it)."""
    if value is None:
        return NONE
    rounded = round(value, 1)
    shown = babel_numbers.format_decimal(rounded, format="#,##0.#", locale=current_locale())
    count = int(rounded) if rounded == int(rounded) else 2  # a fraction reads as plural: "1.5 days"
    return ngettext("{days} day", "{days} days", count).format(days=shown)


def number(value: int) -> str:
    return babel_numbers.format_decimal(value, locale=current_locale())


def decimal(value: float) -> str:
    """One decimal at most: "3.5", "4"."""
    return babel_numbers.format_decimal(round(value, 1), format="#,##0.#", locale=current_locale())
