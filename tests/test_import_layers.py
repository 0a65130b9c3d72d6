"""The layers, enforced: core without Qt or Peewee, store without Qt, services without widgets, widgets without
queries. Every import counts, including those inside functions (imported on first use)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jobfollow"

# layer -> module prefixes it must never import
FORBIDDEN = {
    "core": ("PySide6", "peewee", "sqlite3", "jobfollow.store", "jobfollow.services", "jobfollow.ui",
             "jobfollow.app"),
    "store": ("PySide6", "jobfollow.services", "jobfollow.ui", "jobfollow.app"),
    "services": ("PySide6.QtWidgets", "jobfollow.ui", "jobfollow.app"),
    # a widget calls the store's functions: it never builds a query or opens the database itself
    "ui": ("peewee", "sqlite3", "jobfollow.store.models", "jobfollow.store.migrations"),
}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def breaches(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        bad = [m for m in sorted(imported_modules(path))
               if any(m == prefix or m.startswith(prefix + ".") for prefix in FORBIDDEN[layer])]
        # "from PySide6.QtCore import QObject" is one breach, not two
        bad = [m for m in bad if not any(m.startswith(other + ".") for other in bad)]
        found.extend(f"{path.relative_to(PACKAGE.parent)} imports {module}" for module in bad)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_is_below_it(layer):
    assert (PACKAGE / layer).is_dir()
    assert breaches(layer) == []


def test_the_check_sees_a_breach(tmp_path, monkeypatch):
    fake = tmp_path / "jobfollow" / "core"
    fake.mkdir(parents=True)
    (fake / "leaky.py").write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "jobfollow")
    assert breaches("core") == [str(Path("jobfollow/core/leaky.py")) + " imports PySide6.QtCore"]


def window_lookups(root: Path) -> list[str]:
    """getattr/hasattr/setattr on a window: a feature looked up, or an attribute added, by name."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("getattr", "hasattr", "setattr") and node.args):
                target = ast.unparse(node.args[0])
                if target == "window" or target.endswith(".window"):
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_feature_is_looked_up_on_the_window_by_name():
    assert window_lookups(PACKAGE) == []
