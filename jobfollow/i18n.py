"""Translations (gettext catalogs loaded with Babel) and locale-aware formatting.

``_`` and ``ngettext`` look up the *current* catalog at call time, so switching language at run
time takes effect for every string built afterwards. ``N_`` only marks a string for extraction.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import locale as _locale
import logging
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.support import NullTranslations, Translations

DOMAIN = "jobfollow"
SHIPPED_LANGUAGES = ("en", "de", "fr", "es")
_log = logging.getLogger(__name__)

_translations: _gettext.NullTranslations = NullTranslations()
_locale_obj: Locale = Locale.parse("en_US")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    return message


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def system_locale_name() -> str:
    name = _locale.getlocale()[0] or "en_US"
    return name if name not in ("C", "POSIX") else "en_US"


def set_language(locale_name: str | None, catalog_dir=None) -> str:
    """Switch text and formats to ``locale_name`` (``None`` follows the system); returns the locale used.

    A locale we ship no catalog for keeps English text but the locale's own date and number formats.
    """
    global _translations, _locale_obj
    name = locale_name or system_locale_name()
    try:
        _locale_obj = Locale.parse(name.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        _log.warning("Unknown locale %r; using en_US", name)
        _locale_obj = Locale.parse("en_US")
    if catalog_dir is None:
        from jobfollow.paths import resource_path

        catalog_dir = resource_path("locale")
    loaded = NullTranslations()
    if _locale_obj.language != "en":
        try:
            found = Translations.load(str(catalog_dir), [str(_locale_obj), _locale_obj.language], DOMAIN)
            if isinstance(found, Translations):
                loaded = found
        except Exception as exc:  # a damaged .mo must never stop the program
            _log.warning("Could not load the %s catalog (%s); falling back to English", _locale_obj, exc)
    _translations = loaded
    return str(_locale_obj)


def current_locale() -> Locale:
    return _locale_obj


def current_language() -> str:
    return _locale_obj.language


def format_date(value: dt.date, format: str = "medium") -> str:
    return babel_dates.format_date(value, format=format, locale=_locale_obj)


def format_datetime(value: dt.datetime, format: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=format, locale=_locale_obj)


def format_time(value: dt.time | dt.datetime, format: str = "short") -> str:
    return babel_dates.format_time(value, format=format, locale=_locale_obj)


def format_relative_days(due: dt.date, today: dt.date) -> str:
    """"today", "tomorrow", "in 3 days", "2 days ago" in the current locale."""
    days = (due - today).days
    if days == 0:
        return _("today")
    return babel_dates.format_timedelta(
        dt.timedelta(days=days), granularity="day", threshold=7, add_direction=True, locale=_locale_obj
    )


def format_money(amount: Decimal | float | int, currency: str) -> str:
    return babel_numbers.format_currency(amount, currency, locale=_locale_obj)


def format_number(value: float | int | Decimal) -> str:
    return babel_numbers.format_decimal(value, locale=_locale_obj)


def first_day_of_week() -> int:
    """0 = Monday ... 6 = Sunday, as the locale has it."""
    return _locale_obj.first_week_day
