"""The shipped catalogs: complete, not fuzzy, placeholders intact, and up to date with the source.

When a test here fails after new strings were added, run ``python tools/i18n.py update``, translate the
empty entries in resources/locale/<lang>/LC_MESSAGES/jobfollow.po, and ``python tools/i18n.py check``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "fr", "es")


def _load_tool():
    if "jobfollow_i18n_tool" not in sys.modules:
        spec = importlib.util.spec_from_file_location("jobfollow_i18n_tool", ROOT / "tools" / "i18n.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["jobfollow_i18n_tool"] = module
        spec.loader.exec_module(module)
    return sys.modules["jobfollow_i18n_tool"]


tool = _load_tool()


@pytest.fixture(scope="module")
def source_template() -> Catalog:
    return tool.extract_template()


def test_languages_match_what_the_program_offers():
    from jobfollow.i18n import SHIPPED_LANGUAGES

    assert set(tool.LANGUAGES) == set(SHIPPED_LANGUAGES) - {"en"}
    for language in tool.LANGUAGES:
        assert tool.catalog_path(language).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_catalog_is_complete_and_keeps_placeholders(language):
    catalog = tool.read_catalog(tool.catalog_path(language))
    report = tool.check_catalog(catalog, language)
    assert report.messages > 90
    assert report.untranslated == [], f"{language}: untranslated (fill them in the .po): {report.untranslated}"
    assert report.fuzzy == [], f"{language}: fuzzy (review, then remove the flag): {report.fuzzy}"
    assert report.bad_markers == [], f"{language}: placeholders/markup differ from English: {report.bad_markers}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_code_is_in_the_catalog(language, source_template):
    catalog = tool.read_catalog(tool.catalog_path(language))
    report = tool.check_catalog(catalog, language, tool.source_message_ids(source_template))
    assert report.missing == [], (
        f"{language}: strings in the code but not in the catalog; run `python tools/i18n.py update` "
        f"and translate them: {report.missing}"
    )


def test_template_in_the_repository_matches_the_code(source_template):
    on_disk = tool.read_catalog(tool.TEMPLATE)
    assert tool.source_message_ids(on_disk) == tool.source_message_ids(source_template), (
        "jobfollow.pot is stale: run `python tools/i18n.py update`"
    )


def test_extraction_sees_every_kind_of_marker(source_template):
    ids = tool.source_message_ids(source_template)
    assert (None, "&File") in ids  # _()
    assert (None, "Applied") in ids  # N_() in core.stages
    assert (None, ("{count} application", "{count} applications")) in ids  # ngettext


def _catalog_with(message_id, string, locale="de", fuzzy=False) -> Catalog:
    catalog = Catalog(locale=locale)
    catalog.add(message_id, string, flags=("fuzzy",) if fuzzy else ())
    return catalog


@pytest.mark.parametrize(
    ("message_id", "string", "problem"),
    [
        ("Due {date}", "Fällig {datum}", "bad_markers"),
        ("Due {date}", "Fällig", "bad_markers"),
        ("%(count)d days", "%(anzahl)d Tage", "bad_markers"),
        ("<b>{name}</b>", "{name}", "bad_markers"),
        ("&File", "Datei", "bad_markers"),
        ("Due {date}", "", "untranslated"),
        (("{count} day", "{count} days"), ("{count} Tag", ""), "untranslated"),
        (("{count} day", "{count} days"), ("{count} Tag", "{n} Tage"), "bad_markers"),
    ],
)
def test_checker_catches_what_would_break_at_run_time(message_id, string, problem):
    report = tool.check_catalog(_catalog_with(message_id, string), "de")
    assert getattr(report, problem), report


def test_checker_catches_a_french_plural_form_without_its_count():
    # French uses the first form for 0 and 1, so a first form without {count} would say "un jour" for 0.
    # How many forms French has depends on the CLDR release Babel ships (2 before Babel 2.15, 3 since):
    # fill every other form correctly, so the only fault left is the missing {count}.
    empty = Catalog(locale="fr")
    forms = ("un jour", *["{count} jours"] * (empty.num_plurals - 1))
    report = tool.check_catalog(_catalog_with(("{count} day", "{count} days"), forms, "fr"), "fr")
    assert report.bad_markers, report
    assert not report.untranslated, report


def test_checker_catches_fuzzy_and_accepts_a_good_translation():
    assert tool.check_catalog(_catalog_with("Due {date}", "Fällig am {date}", fuzzy=True), "de").fuzzy
    good = tool.check_catalog(_catalog_with(("{count} day", "{count} days"), ("{count} Tag", "{count} Tage")), "de")
    assert good.ok, good
    french = tool.check_catalog(_catalog_with("Save 50% now", "Économisez 50 % maintenant", "fr"), "fr")
    assert french.ok, french


def test_compile_writes_loadable_mo_files(tmp_path):
    from babel.support import Translations

    tool.compile_catalogs(target_dir=tmp_path)
    for language in LANGUAGES:
        mo = tmp_path / language / "LC_MESSAGES" / "jobfollow.mo"
        with mo.open("rb") as handle:
            translations = Translations(fp=handle)
        assert translations.gettext("&File") != "&File"
