"""Run-time language behaviour: catalogs load from .po or .mo, damage falls back, formats follow the locale."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_currency as babel_format_currency

from jobfollow import i18n
from jobfollow.i18n import _, format_date, format_money, format_relative_days, ngettext
from jobfollow.paths import resource_path
from tests.conftest import TODAY


def _catalog_dir_with(tmp_path, language: str, *, po: bytes | None = None, mo: bytes | None = None):
    folder = tmp_path / "locale" / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    if po is not None:
        (folder / "jobfollow.po").write_bytes(po)
    if mo is not None:
        (folder / "jobfollow.mo").write_bytes(mo)
    return tmp_path / "locale"


def _shipped_po(language: str) -> bytes:
    return resource_path("locale", language, "LC_MESSAGES", "jobfollow.po").read_bytes()


@pytest.mark.parametrize(("language", "file_menu"), [("de", "&Datei"), ("fr", "&Fichier"), ("es", "&Archivo")])
def test_source_checkout_translates_without_a_compiled_catalog(language, file_menu):
    assert i18n.set_language(language).startswith(language)
    assert _("&File") == file_menu
    assert i18n.current_language() == language


def test_plural_forms_follow_the_language():
    i18n.set_language("de")
    assert ngettext("{count} application", "{count} applications", 1).format(count=1) == "1 Bewerbung"
    assert ngettext("{count} application", "{count} applications", 3).format(count=3) == "3 Bewerbungen"
    i18n.set_language("fr")  # French uses the singular for 0
    assert ngettext("{count} application", "{count} applications", 0).format(count=0) == "0 candidature"


def test_regional_locale_uses_the_language_catalog_and_regional_formats():
    assert i18n.set_language("de_CH") == "de_CH"
    assert _("&Quit") == "&Beenden"
    # Swiss grouping, whatever glyph the installed CLDR release uses for it (’ before Babel 2.19, ' since)
    swiss, german = Locale.parse("de_CH").number_symbols["latn"], Locale.parse("de_DE").number_symbols["latn"]
    shown = format_money(Decimal("1234.50"), "CHF")
    assert shown == babel_format_currency(Decimal("1234.50"), "CHF", locale="de_CH")
    assert f"1{swiss['group']}234{swiss['decimal']}50" in shown
    assert swiss["decimal"] != german["decimal"]  # so the assertion above tells Swiss from German formats


def test_a_compiled_mo_is_preferred_when_it_is_current(tmp_path):
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(_shipped_po("de")))
    catalog.get("&Quit").string = "&Schließen"  # tell the two apart
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    locale_dir = _catalog_dir_with(tmp_path, "de", po=_shipped_po("de"), mo=buffer.getvalue())
    i18n.set_language("de", catalog_dir=locale_dir)
    assert _("&Quit") == "&Schließen"


def test_broken_mo_falls_back_to_english_and_logs_once(tmp_path, caplog):
    locale_dir = _catalog_dir_with(tmp_path, "de", mo=b"this is not a gettext catalog")
    with caplog.at_level(logging.WARNING, logger="jobfollow.i18n"):
        i18n.set_language("de", catalog_dir=locale_dir)
        assert _("&File") == "&File"
        i18n.set_language("en_US")
        i18n.set_language("de", catalog_dir=locale_dir)
    assert _("&File") == "&File"
    assert not i18n.translation_is_active()
    messages = [r.getMessage() for r in caplog.records if "jobfollow.mo" in r.getMessage()]
    assert len(messages) == 1, messages
    assert "stays English" in messages[0]
    assert format_date(TODAY) == "04.05.2026"  # the dates still follow the locale


def test_broken_mo_next_to_a_good_po_uses_the_po(tmp_path, caplog):
    locale_dir = _catalog_dir_with(tmp_path, "fr", po=_shipped_po("fr"), mo=b"\x95\x04\x12\xde garbage")
    po = locale_dir / "fr" / "LC_MESSAGES" / "jobfollow.po"
    mo = po.with_suffix(".mo")
    shutil.copystat(po, mo)  # same age: the .mo would be tried first
    with caplog.at_level(logging.WARNING, logger="jobfollow.i18n"):
        i18n.set_language("fr", catalog_dir=locale_dir)
    assert _("&File") == "&Fichier"
    assert any("jobfollow.mo" in r.getMessage() for r in caplog.records)


def test_broken_po_falls_back_to_english(tmp_path, caplog):
    locale_dir = _catalog_dir_with(tmp_path, "es", po=b'msgid "&File"\nmsgstr "&Archivo\n\nmsgid broken')
    with caplog.at_level(logging.WARNING, logger="jobfollow.i18n"):
        i18n.set_language("es", catalog_dir=locale_dir)
    assert _("&File") == "&File"
    assert len([r for r in caplog.records if "jobfollow.po" in r.getMessage()]) == 1


def test_unknown_locale_keeps_english_text_with_its_own_dates():
    assert i18n.set_language("sw_KE") == "sw_KE"
    assert _("&File") == "&File"
    assert i18n.current_language() == "en"
    assert format_date(TODAY, format="long") == "4 Mei 2026"
    assert format_date(TODAY) != "May 4, 2026"
    assert i18n.first_day_of_week() == 6  # Kenya starts the week on Sunday
    # relative days join English sentences, so they stay English too
    assert format_relative_days(TODAY + dt.timedelta(days=3), TODAY) == "in 3 days"


def test_nonsense_locale_is_english_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="jobfollow.i18n"):
        assert i18n.set_language("xx_NOWHERE") == "en_US"
    assert _("&File") == "&File"
    assert any("xx_NOWHERE" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("language", "today"), [("de", "heute"), ("fr", "aujourd’hui"), ("es", "hoy"), ("en", "today")])
def test_relative_days_in_each_language(language, today):
    # "today" is our catalog's word; "in 3 days" and "2 days ago" are CLDR's, so they are derived from Babel
    from babel.dates import format_timedelta

    i18n.set_language(language)
    locale = Locale.parse(language)
    assert format_relative_days(TODAY, TODAY) == today
    future, past = format_relative_days(TODAY + dt.timedelta(days=3), TODAY), format_relative_days(
        TODAY - dt.timedelta(days=2), TODAY)
    assert future == format_timedelta(dt.timedelta(days=3), add_direction=True, locale=locale)
    assert past == format_timedelta(dt.timedelta(days=-2), add_direction=True, locale=locale)
    assert "3" in future and "2" in past and future.replace("3", "") != past.replace("2", "")


def test_relative_days_differ_between_languages():
    words = set()
    for language in ("de", "fr", "es", "en"):
        i18n.set_language(language)
        words.add(format_relative_days(TODAY + dt.timedelta(days=3), TODAY))
    assert len(words) == 4


@pytest.mark.parametrize(("language", "region"), [("de", "de_DE"), ("fr", "fr_FR"), ("es", "es_ES"), ("en", "en_US")])
def test_dates_money_and_week_start_follow_the_language(language, region):
    # The expected text comes from the installed Babel (CLDR's glyphs change between releases); what is tested
    # is that picking a language gives that language's main region, with its month names and decimal mark.
    from babel.dates import format_date as babel_format_date

    i18n.set_language(language)
    locale = Locale.parse(region)
    assert format_date(TODAY) == babel_format_date(TODAY, "medium", locale=locale)
    assert format_money(52000, "EUR") == babel_format_currency(52000, "EUR", locale=locale)
    assert i18n.first_day_of_week() == locale.first_week_day
    assert f"52{locale.number_symbols['latn']['group']}000" in format_money(52000, "EUR")
    assert f"{locale.number_symbols['latn']['decimal']}00" in format_money(52000, "EUR")


def test_each_language_writes_dates_and_money_its_own_way():
    shown = set()
    for language in ("de", "fr", "es", "en"):
        i18n.set_language(language)
        shown.add((format_date(TODAY), format_money(52000, "EUR")))
    assert len(shown) == 4
    i18n.set_language("de")
    assert i18n.first_day_of_week() == 0  # a German week starts on Monday, an American one on Sunday
    i18n.set_language("en")
    assert i18n.first_day_of_week() == 6


def test_choice_in_preferences_keeps_the_systems_region(monkeypatch):
    monkeypatch.setattr(i18n, "system_locale_name", lambda: "de_AT")
    assert i18n.locale_for_choice("de") == "de_AT"
    assert i18n.locale_for_choice("fr") == "fr"
    assert i18n.locale_for_choice("") is None
    assert i18n.set_language(i18n.locale_for_choice("")) == "de_AT"


def test_a_stale_mo_gives_way_to_an_edited_po(tmp_path):
    import os

    locale_dir = _catalog_dir_with(tmp_path, "es", po=_shipped_po("es"), mo=b"old compiled catalog, never read")
    po = locale_dir / "es" / "LC_MESSAGES" / "jobfollow.po"
    stamp = po.stat().st_mtime
    os.utime(po.with_suffix(".mo"), (stamp - 600, stamp - 600))  # the translator edited the .po since
    i18n.set_language("es", catalog_dir=locale_dir)
    assert _("&File") == "&Archivo"
