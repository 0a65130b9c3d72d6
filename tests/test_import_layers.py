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


# one breach per rule, as someone might write it: at the top, inside a function, as "import x.y"
FAKE_BREACHES = [
    ("core", "def f():\n    from PySide6.QtCore import QObject\n", "PySide6.QtCore"),
    ("core", "import peewee\n", "peewee"),
    ("core", "from jobfollow.store.models import JobApplication\n", "jobfollow.store.models"),
    ("store", "from PySide6.QtGui import QColor\n", "PySide6.QtGui"),
    ("store", "import jobfollow.ui.board.board_widget\n", "jobfollow.ui.board.board_widget"),
    ("services", "from PySide6.QtWidgets import QMessageBox\n", "PySide6.QtWidgets"),
    ("services", "def f():\n    from jobfollow.ui.store_errors import show_store_error\n", "jobfollow.ui.store_errors"),
    ("ui", "from peewee import fn\n", "peewee"),
    ("ui", "def f():\n    from jobfollow.store.models import JobApplication\n", "jobfollow.store.models"),
    ("ui", "import sqlite3\n", "sqlite3"),
]


@pytest.mark.parametrize(("layer", "source", "module"), FAKE_BREACHES)
def test_the_check_sees_a_breach_in_every_layer(tmp_path, monkeypatch, layer, source, module):
    fake = tmp_path / "jobfollow" / layer / "feature"
    fake.mkdir(parents=True)
    (fake / "leaky.py").write_text(source, encoding="utf-8")
    (tmp_path / "jobfollow" / layer / "clean.py").write_text("from jobfollow.core import stages\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "jobfollow")
    assert breaches(layer) == [f"{Path('jobfollow', layer, 'feature', 'leaky.py')} imports {module}"]


def test_every_layer_has_a_fake_breach():
    assert {layer for layer, _source, _module in FAKE_BREACHES} == set(FORBIDDEN)


WINDOW_MODULE = Path("ui", "main_window.py")  # the window sets its own attributes, nobody else does


def _is_window(node: ast.expr) -> bool:
    target = ast.unparse(node)
    return target == "window" or target.endswith(".window")


def window_lookups(root: Path) -> list[str]:
    """getattr/hasattr/setattr on a window (a feature looked up, or an attribute added, by name), and
    ``window.x = ...`` outside the window's own module (an attribute added from outside)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("getattr", "hasattr", "setattr") and node.args and _is_window(node.args[0])):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno} {ast.unparse(node)}")
            elif (isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and relative != WINDOW_MODULE):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for part in ast.walk(target):
                        if isinstance(part, ast.Attribute) and _is_window(part.value):
                            found.append(f"{path.relative_to(root.parent)}:{node.lineno} {ast.unparse(part)} = ...")
    return found


def test_no_feature_is_looked_up_on_the_window_by_name():
    assert window_lookups(PACKAGE) == []


@pytest.mark.parametrize("source", [
    "def install(window):\n    window.tray = object()\n",
    "def install(context):\n    context.window.reminders, x = 1, 2\n",
    "def find(window):\n    return getattr(window, 'offers', None)\n",
    "def find(self):\n    return hasattr(self.window, 'tray')\n",
])
def test_the_window_check_sees_a_feature_hung_on_the_window(tmp_path, source):
    (tmp_path / "jobfollow" / "ui" / "feature").mkdir(parents=True)
    (tmp_path / "jobfollow" / "ui" / "feature" / "install.py").write_text(source, encoding="utf-8")
    (tmp_path / "jobfollow" / "ui" / "main_window.py").write_text("window = None\nself.window.x = 1\n",
                                                                  encoding="utf-8")
    assert [line.split(":")[0] for line in window_lookups(tmp_path / "jobfollow")] == [
        str(Path("jobfollow", "ui", "feature", "install.py"))]


# Features that talk only through events: none imports another (a request on AppEvents instead)
SEPARATE_FEATURES = ("board", "calendar", "letters", "offers", "tray")


def feature_crossings(ui: Path) -> list[str]:
    found = []
    for feature in SEPARATE_FEATURES:
        others = tuple(f"jobfollow.ui.{other}" for other in SEPARATE_FEATURES if other != feature)
        for path in sorted((ui / feature).rglob("*.py")):
            bad = [module for module in sorted(imported_modules(path))
                   if any(module == other or module.startswith(other + ".") for other in others)]
            bad = [module for module in bad if not any(module.startswith(shorter + ".") for shorter in bad)]
            found.extend(f"{path.relative_to(ui.parent.parent)} imports {module}" for module in bad)
    return found


def test_the_panes_and_the_tray_never_import_each_other():
    assert all((PACKAGE / "ui" / feature).is_dir() for feature in SEPARATE_FEATURES)
    assert feature_crossings(PACKAGE / "ui") == []


def test_the_feature_check_sees_a_crossing(tmp_path):
    for feature in SEPARATE_FEATURES:
        (tmp_path / "ui" / feature).mkdir(parents=True)
    (tmp_path / "ui" / "tray" / "reminders.py").write_text(
        "from jobfollow.ui.calendar.calendar_pane import LETTER_KINDS\n", encoding="utf-8")
    assert feature_crossings(tmp_path / "ui") == [
        f"{Path(tmp_path.name, 'ui', 'tray', 'reminders.py')} imports jobfollow.ui.calendar.calendar_pane"]
