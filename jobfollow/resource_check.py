"""Is the installation complete? The shipped files the program reads at run time, and one sentence when not.

A half-copied install (an interrupted copy, a package manager that dropped a folder, a hand-made bundle)
would otherwise show up as letters with no templates or a window in the wrong language, with no word on why.
``--self-test`` fails on it and a normal start says it in one message (the program still runs).
"""

from __future__ import annotations

from pathlib import Path

from jobfollow.core.letters.template_files import TEMPLATE_KEYS
from jobfollow.i18n import DOMAIN, SHIPPED_LANGUAGES, _
from jobfollow.paths import resources_dir


def expected_files() -> list[tuple[str, ...]]:
    """Each entry lists alternatives (relative to the resources folder); one of them must be a non-empty file."""
    expected = [("icons/jobfollow.svg",)]
    expected += [(f"templates/en/{key}.txt",) for key in TEMPLATE_KEYS]
    for language in SHIPPED_LANGUAGES:
        if language != "en":  # English is the source language: no catalog
            base = f"locale/{language}/LC_MESSAGES/{DOMAIN}"
            expected.append((f"{base}.mo", f"{base}.po"))
    return expected


def missing_resources(root: Path | None = None) -> list[str]:
    """Relative paths of the shipped files that are missing or empty (the first alternative names each)."""
    root = resources_dir() if root is None else root
    missing = []
    for alternatives in expected_files():
        if not any((root / rel).is_file() and (root / rel).stat().st_size > 0 for rel in alternatives):
            missing.append(alternatives[-1])
    return missing


def incomplete_install_message(root: Path | None = None) -> str | None:
    """One sentence naming what is missing, or None when the installation is complete."""
    root = resources_dir() if root is None else root
    missing = missing_resources(root)
    if not missing:
        return None
    shown = ", ".join(missing[:3])
    if len(missing) > 3:
        shown = _("{files} and {count} more").format(files=shown, count=len(missing) - 3)
    return _("jobfollow is not completely installed: {files} missing from {folder}; reinstall jobfollow.").format(
        files=shown, folder=root)
