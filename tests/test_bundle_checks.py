"""The self-test's packaging checks: what a frozen bundle must hold, and what a source tree may still lack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from jobfollow import bundle_checks
from jobfollow.bundle_checks import (
    catalog_problems,
    manifest_problems,
    read_manifest,
    spelling_problems,
    template_problems,
)
from jobfollow.selfcheck import CHECKS


def _template(root: Path, lang: str, key: str = "thank_you_interview") -> None:
    (root / lang).mkdir(parents=True, exist_ok=True)
    (root / lang / f"{key}.txt").write_text("Dear {contact_name},\n", "utf-8")


def _mo(root: Path, lang: str) -> Path:
    folder = root / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale=lang, domain="jobfollow")
    catalog.add("Due {date}", "Fällig {date}")
    path = folder / "jobfollow.mo"
    with path.open("wb") as out:
        write_mo(out, catalog)
    return path


MANIFEST_WITH_DATA = {"version": "0", "resources": ["resources/templates/en/withdraw.txt",
                                                    "resources/locale/de/LC_MESSAGES/jobfollow.mo"]}
MANIFEST_WITHOUT = {"version": "0", "resources": ["resources/icons/jobfollow.svg"]}


def test_the_packaging_checks_are_part_of_the_self_test():
    names = {name for name, _func in CHECKS}
    assert {"letter templates are found", "message catalogs are found", "spell-check word lists load",
            "bundled resources match the build manifest"} <= names


def test_source_tree_without_templates_is_fine_but_a_frozen_bundle_is_not(tmp_path):
    missing = tmp_path / "templates"
    assert template_problems(missing, frozen=False, manifest=None) == []
    assert "is missing" in template_problems(missing, frozen=True, manifest=MANIFEST_WITH_DATA)[0]
    assert "is missing" in template_problems(missing, frozen=True, manifest=None)[0]
    # a bundle built from a tree that had no templates yet says nothing about them
    assert template_problems(missing, frozen=True, manifest=MANIFEST_WITHOUT) == []


def test_every_language_folder_needs_a_template_and_english_is_required(tmp_path):
    root = tmp_path / "templates"
    _template(root, "en")
    _template(root, "de")
    assert template_problems(root, frozen=True, manifest=MANIFEST_WITH_DATA) == []
    (root / "fr").mkdir()
    problems = template_problems(root, frozen=False, manifest=None)
    assert len(problems) == 1 and "fr" in problems[0]
    (root / "fr" / "withdraw.txt").write_text("x", "utf-8")
    for child in (root / "en").iterdir():
        child.unlink()
    (root / "en").rmdir()
    assert any("English" in p for p in template_problems(root, frozen=False, manifest=None))


def test_catalogs_source_needs_po_or_mo_frozen_needs_mo(tmp_path):
    locale = tmp_path / "locale"
    assert catalog_problems(locale, frozen=False, manifest=None) == []
    assert catalog_problems(locale, frozen=True, manifest=MANIFEST_WITH_DATA)
    for lang in ("de", "fr"):
        _mo(locale, lang)
    es = locale / "es" / "LC_MESSAGES"
    es.mkdir(parents=True)
    (es / "jobfollow.po").write_text('msgid ""\nmsgstr ""\n', "utf-8")
    assert catalog_problems(locale, frozen=False, manifest=None) == []
    frozen = catalog_problems(locale, frozen=True, manifest=MANIFEST_WITH_DATA)
    assert len(frozen) == 1 and "es" in frozen[0] and "jobfollow.mo" in frozen[0]
    (es / "jobfollow.po").unlink()
    assert "no catalog for es" in catalog_problems(locale, frozen=False, manifest=None)[0]


def test_a_damaged_catalog_is_reported(tmp_path):
    locale = tmp_path / "locale"
    for lang in ("de", "fr", "es"):
        _mo(locale, lang)
    assert catalog_problems(locale, frozen=True, manifest=None) == []
    (locale / "fr" / "LC_MESSAGES" / "jobfollow.mo").write_bytes(b"not a catalog")
    problems = catalog_problems(locale, frozen=True, manifest=None)
    assert len(problems) == 1 and "cannot be read" in problems[0]


def test_manifest_lists_files_that_must_exist(tmp_path):
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / bundle_checks.MANIFEST_NAME).write_text(json.dumps(MANIFEST_WITHOUT), "utf-8")
    manifest = read_manifest(tmp_path)
    assert manifest_problems(tmp_path, manifest, frozen=True) == ["1 bundled file(s) missing, first "
                                                                  f"{tmp_path / 'resources/icons/jobfollow.svg'}"]
    (tmp_path / "resources" / "icons" / "jobfollow.svg").write_text("<svg/>", "utf-8")
    assert manifest_problems(tmp_path, manifest, frozen=True) == []
    assert manifest_problems(tmp_path / "elsewhere", None, frozen=False) == []
    assert manifest_problems(tmp_path / "elsewhere", None, frozen=True)


def test_the_shipped_word_lists_load():
    assert spelling_problems() == []


def test_a_missing_word_list_is_named():
    problems = spelling_problems(languages=("en", "xx"))
    assert problems == [problems[0]] and "no xx word list" in problems[0]


@pytest.mark.parametrize("frozen", [False, True])
def test_the_real_resources_pass_when_present(frozen, monkeypatch):
    # The checks as the self-test runs them, on this source tree: pass from source; a frozen run
    # without a manifest (the spec always writes one) must fail.
    monkeypatch.setattr(bundle_checks, "is_frozen", lambda: frozen)
    failures = []
    for name, func in CHECKS:
        if func.__module__ == bundle_checks.__name__ and name != "spell-check word lists load":
            try:
                func(None)
            except RuntimeError as exc:
                failures.append(str(exc))
    assert bool(failures) == frozen
