"""The self-test's checks are listed in one place (selfcheck.CHECKS): nothing registers itself by being imported,
and a check a feature writes for the window is on that list."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import jobfollow
from jobfollow import selfcheck

PACKAGE = Path(jobfollow.__file__).resolve().parent


def window_checks(root: Path) -> set[str]:
    """Every ``def check_...(window)`` in the package: a self-check written for the window."""
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.FunctionDef) and node.name.startswith("check_")
                    and [arg.arg for arg in node.args.args] == ["window"]):
                found.add(node.name)
    return found


def names_in_selfcheck() -> set[str]:
    tree = ast.parse((PACKAGE / "selfcheck.py").read_text(encoding="utf-8"))
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}


def test_every_window_check_is_on_the_list():
    checks = window_checks(PACKAGE)
    assert {"check_application_form", "check_followups", "check_manifest"} <= checks  # the scan finds them
    assert checks - names_in_selfcheck() == set()


def test_importing_the_whole_program_registers_no_check(qapp):
    listed = list(selfcheck.CHECKS)
    for module in pkgutil.walk_packages([str(PACKAGE)], "jobfollow."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    assert listed == selfcheck.CHECKS


def test_a_failing_check_is_one_line_with_its_name(monkeypatch):
    def broken(_window):
        raise RuntimeError("the icon is missing")

    monkeypatch.setattr(selfcheck, "CHECKS", [("resources are bundled", broken), ("fine", lambda _window: None)])
    assert selfcheck.run_checks(object()) == ["resources are bundled: the icon is missing"]
