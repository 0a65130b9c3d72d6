"""Translations (gettext catalogs loaded with Babel) and locale-aware formatting.

``_``, ``ngettext`` and ``pgettext`` look up the *current* catalog at call time, so switching language
at run time takes effect for every string built afterwards. ``N_`` only marks a string for extraction.

Catalogs live in ``resources/locale/<lang>/LC_MESSAGES/jobfollow.po``. The build compiles them to
``.mo``; a source checkout has no ``.mo`` (or a stale one), so the ``.po`` is compiled in memory instead.
A damaged catalog never stops the program: it is logged once and the text stays English. This module
imports no Qt (the Qt side is ``jobfollow.ui.qt_translations``).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import io
import locale as _locale
import logging
from decimal import Decimal
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.core import get_global
from babel.support import NullTranslations, Translations

DOMAIN = "jobfollow"
SHIPPED_LANGUAGES = ("en", "de", "fr", "es")
#: Each shipped language named in itself, for the language picker (never translated).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}
_log = logging.getLogger(__name__)

_translations: _gettext.NullTranslations = NullTranslations()
_locale_obj: Locale = Locale.parse("en_US")
_reported_problems: set[str] = set()  # catalog files already logged as broken: log each once
_compiled_cache: dict[tuple[str, float], Translations] = {}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    return message


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``_`` with a context, for one English word that needs two translations (e.g. "Offer" stage vs button)."""
    return _translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _translations.npgettext(context, singular, plural, count)


def system_locale_name() -> str:
    name = _locale.getlocale()[0] or "en_US"
    return name if name not in ("C", "POSIX") else "en_US"


def _report_once(key: str, message: str, *args) -> None:
    if key not in _reported_problems:
        _reported_problems.add(key)
        _log.warning(message, *args)


def _compile_po(po_path: Path) -> Translations:
    """Compile a ``.po`` in memory (fuzzy entries left out, as ``compile`` does), cached by file and mtime."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    key = (str(po_path), po_path.stat().st_mtime)
    if key not in _compiled_cache:
        with po_path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        _compiled_cache[key] = Translations(fp=buffer, domain=DOMAIN)
    return _compiled_cache[key]


def load_catalog(catalog_dir: Path, language: str) -> Translations | None:
    """The catalog of one language folder: the ``.mo`` unless the ``.po`` was edited after it, else the
    ``.po`` compiled in memory. A broken file is logged once and the other one tried; ``None`` when neither works."""
    folder = Path(catalog_dir) / language / "LC_MESSAGES"
    mo_path, po_path = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    candidates = []
    # an installer writes both files at about the same moment: only a clearly newer .po means an edit
    if mo_path.is_file() and (not po_path.is_file() or po_path.stat().st_mtime - mo_path.stat().st_mtime < 2):
        candidates.append(mo_path)
    if po_path.is_file():
        candidates.append(po_path)
    elif mo_path.is_file() and mo_path not in candidates:
        candidates.append(mo_path)
    for path in candidates:
        try:
            if path.suffix == ".po":
                return _compile_po(path)
            with path.open("rb") as handle:
                return Translations(fp=handle, domain=DOMAIN)
        except Exception as exc:  # a damaged catalog must never stop the program
            _report_once(str(path), "Could not read the translation catalog %s (%s); the text stays English",
                         path, exc)
    return None


_catalogs_by_language: dict[str, _gettext.NullTranslations] = {}


def gettext_in(language: str, message: str) -> str:
    """``message`` translated into ``language`` whatever the interface speaks (a German letter checked
    while the window is in English still needs German cue words)."""
    if not language or language == current_language():
        return _(message)
    if language not in _catalogs_by_language:
        from jobfollow.paths import resource_path

        found = None if language == "en" else load_catalog(resource_path("locale"), language)
        _catalogs_by_language[language] = found or NullTranslations()
    return _catalogs_by_language[language].gettext(message)


def locale_of_language(language: str) -> Locale:
    """The Babel locale for a letter's language ("" = the interface's)."""
    if not language or language == current_language():
        return _locale_obj
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return _locale_obj


def with_territory(locale: Locale) -> Locale:
    """A bare language gets its most likely country (de -> de_DE, en -> en_US): the week's first day,
    the currency and a few formats depend on the country."""
    if locale.territory:
        return locale
    likely = get_global("likely_subtags").get(locale.language, "")
    territory = likely.split("_")[-1] if "_" in likely else None
    try:
        return Locale(locale.language, territory=territory, script=locale.script) if territory else locale
    except UnknownLocaleError:
        return locale


def locale_for_choice(language: str | None) -> str | None:
    """The locale for a language picked in Preferences: the system's own locale when it speaks that
    language (a Swiss system keeps de_CH when "Deutsch" is picked), else the language alone.
    ``None`` / ``""`` (follow the system) stays ``None``."""
    if not language:
        return None
    system = system_locale_name()
    return system if system.split("_")[0].lower() == language.lower() else language


def set_language(locale_name: str | None, catalog_dir=None) -> str:
    """Switch text and formats to ``locale_name`` (``None`` or ``""`` follows the system); returns the locale used.

    A locale we ship no catalog for keeps English text but the locale's own date and number formats.
    """
    global _translations, _locale_obj
    name = locale_name or system_locale_name()
    try:
        base = name.replace("-", "_").split(".")[0].split("@")[0]
        _locale_obj = with_territory(Locale.parse("en_US" if base in ("C", "POSIX") else base))
    except (ValueError, TypeError, UnknownLocaleError):
        _report_once(f"locale:{name}", "Unknown locale %r; using en_US", name)
        _locale_obj = Locale.parse("en_US")
    if _locale_obj.language == "en" or _locale_obj.language not in SHIPPED_LANGUAGES:
        _translations = NullTranslations()
        return str(_locale_obj)
    if catalog_dir is None:
        from jobfollow.paths import resource_path

        catalog_dir = resource_path("locale")
    loaded = None
    for folder in dict.fromkeys([str(_locale_obj), _locale_obj.language]):  # de_AT first, then de
        loaded = load_catalog(Path(catalog_dir), folder)
        if loaded is not None:
            break
    _translations = loaded or NullTranslations()
    return str(_locale_obj)


def translation_is_active() -> bool:
    """True when a catalog (not the English fallback) serves the current text."""
    return isinstance(_translations, Translations)


def current_translations() -> _gettext.NullTranslations:
    """The catalog in use (the retranslation hook compares the old and the new one)."""
    return _translations


def current_locale() -> Locale:
    return _locale_obj


def current_language() -> str:
    """The language the text is shown in: ``en`` when the locale's language has no catalog."""
    return _locale_obj.language if translation_is_active() else "en"


def format_date(value: dt.date, format: str = "medium") -> str:
    return babel_dates.format_date(value, format=format, locale=_locale_obj)


def format_datetime(value: dt.datetime, format: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=format, locale=_locale_obj)


def format_time(value: dt.time | dt.datetime, format: str = "short") -> str:
    return babel_dates.format_time(value, format=format, locale=_locale_obj)


def format_relative_days(due: dt.date, today: dt.date) -> str:
    """"today", "in 3 days", "2 days ago" in the language of the text.

    The words join sentences built with ``_``, so a locale without a catalog gets English words here.
    """
    days = (due - today).days
    if days == 0:
        return _("today")
    text_locale = _locale_obj if _locale_obj.language in SHIPPED_LANGUAGES else Locale.parse("en")
    return babel_dates.format_timedelta(
        dt.timedelta(days=days), granularity="day", threshold=7, add_direction=True, locale=text_locale
    )


def format_money(amount: Decimal | float | int, currency: str) -> str:
    return babel_numbers.format_currency(amount, currency, locale=_locale_obj)


def format_money_whole(amount: Decimal | float | int, currency: str) -> str:
    """Money without cents when it has none ("€85,000", "85.000 €"), for tight places such as a card."""
    if amount != int(amount):
        return format_money(amount, currency)
    pattern = _locale_obj.currency_formats["standard"].pattern.replace(".00", "").replace(".##", "")
    return babel_numbers.format_currency(int(amount), currency, format=pattern, locale=_locale_obj,
                                         currency_digits=False)


def format_number(value: float | int | Decimal) -> str:
    return babel_numbers.format_decimal(value, locale=_locale_obj)


def first_day_of_week() -> int:
    """0 = Monday ... 6 = Sunday, as the locale has it."""
    return _locale_obj.first_week_day
