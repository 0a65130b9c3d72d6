"""Checks run by ``jobfollow --self-test``: is everything the program needs really there?

Packaging runs the frozen program with ``--self-test``, so a data file missing from a bundle shows
up as a failed check instead of a user's first start. Features register their own checks.
"""

from __future__ import annotations

from collections.abc import Callable

# (name, function returning None or raising with a readable message)
CHECKS: list[tuple[str, Callable[[object], None]]] = []


def check(name: str):
    def register(func: Callable[[object], None]):
        CHECKS.append((name, func))
        return func

    return register


@check("database is intact")
def _database(window) -> None:
    from jobfollow.store.db import integrity_problems

    problems = integrity_problems(window.profile.db)
    if problems:
        raise RuntimeError(problems[0])


@check("board shows every stage")
def _board(window) -> None:
    from jobfollow.store.applications import list_stages

    if len(window.board.columns) != len(list_stages()) or not window.board.columns:
        raise RuntimeError("the board has no columns")


@check("resources are bundled")
def _resources(window) -> None:
    from jobfollow.resource_check import incomplete_install_message

    problem = incomplete_install_message()
    if problem:
        raise RuntimeError(problem)


@check("letter templates and spell-check word lists are found")
def _letters(window) -> None:
    from jobfollow.store.letters import check_resources

    check_resources()


@check("CSV encoding detection is bundled")
def _charset_detection(window) -> None:
    from jobfollow.core.csv_mapping import decode_with_warning

    text, _encoding, _warning = decode_with_warning("Société;Müller\n".encode("cp1252"))
    if "Müller" not in text:
        raise RuntimeError(f"a Windows-1252 file was read as {text!r}")


from jobfollow import bundle_checks  # noqa: E402, F401 - registers the packaging checks (templates, catalogs, spelling)


def run_checks(window) -> list[str]:
    """Run every check; returns one line per failure (empty when all pass)."""
    failures = []
    for name, func in CHECKS:
        try:
            func(window)
        except Exception as exc:
            failures.append(f"{name}: {exc}")
    return failures
