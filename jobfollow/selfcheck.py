"""Checks run by ``jobfollow --self-test``: is everything the program needs really there?

Packaging runs the frozen program with ``--self-test``, so a data file missing from a bundle shows
up as a failed check instead of a user's first start. Every check is listed here, in :data:`CHECKS`,
in the order it runs; a feature writes its check as a plain function and adds one line below.
"""

from __future__ import annotations

from collections.abc import Callable

from jobfollow import bundle_checks
from jobfollow.paths import resource_path


def _database(window) -> None:
    from jobfollow.store.db import integrity_problems

    problems = integrity_problems(window.profile.db)
    if problems:
        raise RuntimeError(problems[0])


def _board(window) -> None:
    from jobfollow.store.applications import list_stages

    if len(window.board.columns) != len(list_stages()) or not window.board.columns:
        raise RuntimeError("the board has no columns")


def _resources(window) -> None:
    if not resource_path("icons", "jobfollow.svg").is_file():
        raise RuntimeError(f"missing {resource_path('icons', 'jobfollow.svg')}")


def _letters(window) -> None:
    from jobfollow.store.letters import check_resources

    check_resources()


def _charset_detection(window) -> None:
    from jobfollow.core.csv_mapping import decode_with_warning

    text, _encoding, _warning = decode_with_warning("Société;Müller\n".encode("cp1252"))
    if "Müller" not in text:
        raise RuntimeError(f"a Windows-1252 file was read as {text!r}")


def _application_form(window) -> None:
    from jobfollow.ui.forms.install import check_application_form

    check_application_form(window)


def _followups(window) -> None:
    from jobfollow.ui.calendar.install import check_followups

    check_followups(window)


def _translations(window) -> None:
    from jobfollow.ui.qt_translations import check_catalogs_load

    check_catalogs_load(window)


# (name, function taking the main window and returning None or raising with a readable message)
CHECKS: list[tuple[str, Callable[[object], None]]] = [
    ("database is intact", _database),
    ("board shows every stage", _board),
    ("resources are bundled", _resources),
    ("letter templates and spell-check word lists are found", _letters),
    ("bundled resources match the build manifest", bundle_checks.check_manifest),
    ("letter templates are found", bundle_checks.check_templates),
    ("message catalogs are found", bundle_checks.check_catalogs),
    ("spell-check word lists load", bundle_checks.check_spelling),
    ("application form opens", _application_form),
    ("follow-ups: rules ran and the agenda shows them", _followups),
    ("translations are bundled", _translations),
    ("CSV encoding detection is bundled", _charset_detection),
]


def run_checks(window) -> list[str]:
    """Run every check; returns one line per failure (empty when all pass)."""
    failures = []
    for name, func in CHECKS:
        try:
            func(window)
        except Exception as exc:
            failures.append(f"{name}: {exc}")
    return failures
