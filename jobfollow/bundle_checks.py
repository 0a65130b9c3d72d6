"""Self-test checks that the data files the program reads at run time are really there.

They matter most in a frozen (PyInstaller) build, where a file the spec forgot is missing only on a
user's computer. The spec writes ``bundle-manifest.json`` (every file under ``jobfollow/resources`` of
the source tree it was built from); a frozen program demands every listed file, and demands templates
and message catalogs whenever the source had them. Run from source, a folder that exists must be
complete, and a folder that no feature has created yet is not an error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jobfollow.i18n import DOMAIN, SHIPPED_LANGUAGES
from jobfollow.paths import resource_path

MANIFEST_NAME = "bundle-manifest.json"
SPELLING_PROBE = ("en", "interview")  # a language we ship and a word any job seeker's letter contains


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def read_manifest(package_dir: Path) -> dict | None:
    """The manifest the spec bundled, or None (running from source, or a bundle built without it)."""
    path = package_dir / MANIFEST_NAME
    if not path.is_file():
        return None
    return json.loads(path.read_text("utf-8"))


def _manifest_has(manifest: dict | None, folder: str) -> bool:
    return bool(manifest) and any(rel.startswith(f"resources/{folder}/") for rel in manifest["resources"])


def manifest_problems(package_dir: Path, manifest: dict | None, frozen: bool) -> list[str]:
    if manifest is None:
        return [f"{package_dir / MANIFEST_NAME} is missing from the bundle"] if frozen else []
    missing = [rel for rel in manifest["resources"] if not (package_dir / rel).is_file()]
    return [f"{len(missing)} bundled file(s) missing, first {package_dir / missing[0]}"] if missing else []


def template_problems(templates_dir: Path, frozen: bool, manifest: dict | None) -> list[str]:
    """Each language folder of resources/templates holds at least one template; English is there."""
    if not templates_dir.is_dir():
        if frozen and (manifest is None or _manifest_has(manifest, "templates")):
            return [f"the letter templates folder {templates_dir} is missing"]
        return []
    languages = sorted(d for d in templates_dir.iterdir() if d.is_dir() and d.name != "__pycache__")
    if not languages:
        return [f"{templates_dir} holds no language folder"]
    problems = [f"{d} holds no template (.txt)" for d in languages if not any(d.glob("*.txt"))]
    if "en" not in {d.name for d in languages}:
        problems.append(f"{templates_dir} has no English templates (en), the fallback for every language")
    return problems


def catalog_problems(
    locale_dir: Path, frozen: bool, manifest: dict | None, languages: tuple[str, ...] = SHIPPED_LANGUAGES
) -> list[str]:
    """Every shipped language but English (the source language) has its catalog; a frozen build needs the .mo."""
    if not locale_dir.is_dir():
        if frozen and (manifest is None or _manifest_has(manifest, "locale")):
            return [f"the message catalogs folder {locale_dir} is missing"]
        return []
    from babel.support import Translations

    problems = []
    for language in languages:
        if language == "en":
            continue
        folder = locale_dir / language / "LC_MESSAGES"
        mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
        if mo.is_file():
            try:
                with mo.open("rb") as handle:
                    Translations(handle, domain=DOMAIN)
            except Exception as exc:
                problems.append(f"{mo} cannot be read: {exc}")
        elif frozen:
            problems.append(f"{mo} is missing: the {language} interface would be English")
        elif not po.is_file():
            problems.append(f"no catalog for {language}: neither {po} nor {mo}")
    return problems


def spelling_problems(languages: tuple[str, ...] = SHIPPED_LANGUAGES) -> list[str]:
    """The word lists of every shipped language are there, and the English one unpacks and holds a common word.

    Read as bytes, not loaded: building pyspellchecker's dictionary takes 0.4-0.7 s, and the letters check
    (store.letters.check_resources) already loads the English one through the real spelling engine.
    """
    import gzip
    from importlib.resources import files

    word_lists = files("spellchecker") / "resources"
    problems = [f"no {lang} word list in {word_lists}" for lang in languages
                if not (word_lists / f"{lang}.json.gz").is_file()]
    language, word = SPELLING_PROBE
    try:
        text = gzip.decompress((word_lists / f"{language}.json.gz").read_bytes())
    except (OSError, EOFError) as exc:  # missing, truncated or not gzip
        return [*problems, f"the {language} word list does not load: {exc}"]
    if f'"{word}":'.encode() not in text:
        problems.append(f"the {language} word list does not know {word!r}")
    return problems


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise RuntimeError("; ".join(problems))


def check_manifest(window) -> None:
    package_dir = resource_path().parent
    _raise_if(manifest_problems(package_dir, read_manifest(package_dir), is_frozen()))


def check_templates(window) -> None:
    _raise_if(template_problems(resource_path("templates"), is_frozen(), read_manifest(resource_path().parent)))


def check_catalogs(window) -> None:
    _raise_if(catalog_problems(resource_path("locale"), is_frozen(), read_manifest(resource_path().parent)))


def check_spelling(window) -> None:
    _raise_if(spelling_problems())
