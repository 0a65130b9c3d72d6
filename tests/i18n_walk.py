"""Helpers for the live language-switch tests: every text a user can see, and the texts of a language that
cannot be right in another one.

A text is *stale* after a switch from ``old`` to ``new`` when it is what ``old``'s catalog says for some
message and no message of ``new`` says it (words spelt alike in both languages, "Name", "Notes", "Status",
are never stale). Sentences made with ``format`` are matched against the old language's patterns too
("3 Tage überfällig"), when the pattern has enough words of its own to tell the languages apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from jobfollow.paths import resource_path

_FIELD = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"<[^>]+>")
MAX_ROWS = 400  # item rows read per view (a demo profile has fewer)


@cache
def catalog_forms(language: str) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """(context, English id) -> the texts ``language`` shows for it (every plural form)."""
    if language == "en":
        path = resource_path("locale", "de", "LC_MESSAGES", "jobfollow.po")  # any catalog lists the ids
    else:
        path = resource_path("locale", language, "LC_MESSAGES", "jobfollow.po")
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    forms = {}
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        key = (message.context, ids[0])
        if language == "en":
            forms[key] = ids
        else:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            forms[key] = tuple(s for s in strings if s) or ids
    return forms


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _pattern(template: str) -> re.Pattern | None:
    literal = _FIELD.sub(" ", template)
    if len(re.findall(r"[^\W\d_]{3,}", literal)) < 1 or sum(c.isalpha() for c in literal) < 6:
        return None  # "{name} ({kind})": nothing to tell the languages apart by
    parts = _FIELD.split(template)
    return re.compile(".+?".join(re.escape(_plain(part)) for part in parts), re.DOTALL)


@dataclass(frozen=True)
class StaleTexts:
    old: str
    new: str
    exact: frozenset[str]
    patterns: tuple[tuple[re.Pattern, tuple[re.Pattern, ...]], ...]
    new_exact: frozenset[str]

    def is_stale(self, text: str) -> bool:
        candidates = {text, *text.split("\n"), *text.split(" · "), _TAG.sub("", text)}
        for candidate in {_plain(c) for c in candidates if c and c.strip()}:
            if candidate in self.exact:
                return True
            if "{" in candidate or candidate in self.new_exact:
                continue
            for old_pattern, new_patterns in self.patterns:
                if old_pattern.fullmatch(candidate) and not any(p.fullmatch(candidate) for p in new_patterns):
                    return True
        return False


@cache
def stale_texts(old: str, new: str) -> StaleTexts:
    old_forms, new_forms = catalog_forms(old), catalog_forms(new)
    new_all = {_plain(text) for texts in new_forms.values() for text in texts}
    exact, patterns = set(), []
    new_patterns = tuple(p for texts in new_forms.values() for t in texts if "{" in t and (p := _pattern(t)))
    for key, texts in old_forms.items():
        for text in texts:
            plain = _plain(text)
            if not plain or plain in new_all or plain in {_plain(t) for t in new_forms.get(key, ())}:
                continue
            if "{" in text:
                pattern = _pattern(text)
                if pattern is not None:
                    patterns.append((pattern, new_patterns))
            elif sum(c.isalpha() for c in plain) >= 3:
                exact.add(plain)
    return StaleTexts(old, new, frozenset(exact), tuple(patterns), frozenset(new_all))


# -- what is shown ---------------------------------------------------------------------------------
def _menu_texts(menu: QMenu, where: str, seen: set[int]) -> list[tuple[str, str]]:
    if id(menu) in seen:
        return []
    seen.add(id(menu))
    found = [(f"{where} menu title", menu.title())]
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found += [(f"{where} > action", action.text()), (f"{where} > action tip", action.toolTip())]
        if action.menu() is not None:
            found += _menu_texts(action.menu(), f"{where} > {_plain(action.text())}", seen)
    return found


def _count(model, parent: QModelIndex, rows: bool) -> int:
    """rowCount/columnCount, also for Qt's own models (QListWidget's), whose counts PySide keeps private."""
    try:
        return model.rowCount(parent) if rows else model.columnCount(parent)
    except TypeError:
        count = 0
        while (model.index(count, 0, parent) if rows else model.index(0, count, parent)).isValid():
            count += 1
        return count


def _model_texts(view: QAbstractItemView, where: str) -> list[tuple[str, str]]:
    model = view.model()
    if model is None:
        return []
    found = []
    for section in range(_count(model, QModelIndex(), rows=False)):
        found.append((f"{where} header {section}", model.headerData(section, Qt.Orientation.Horizontal)))
    rows = 0

    def walk(parent: QModelIndex) -> None:
        nonlocal rows
        for row in range(_count(model, parent, rows=True)):
            if rows >= MAX_ROWS:
                return
            rows += 1
            for column in range(_count(model, parent, rows=False)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        found.append((f"{where} row {row} col {column}", value))
            first = model.index(row, 0, parent)
            if first.isValid() and model.index(0, 0, first).isValid():
                walk(first)

    walk(QModelIndex())
    return found


def widget_texts(widget: QWidget, seen_menus: set[int]) -> list[tuple[str, str]]:
    name = f"{type(widget).__name__}({widget.objectName() or ''})"
    found = [(f"{name} tooltip", widget.toolTip())]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        found.append((f"{name} title", widget.windowTitle()))
    if isinstance(widget, QLabel | QAbstractButton):
        found.append((f"{name} text", widget.text()))
    if isinstance(widget, QGroupBox):
        found.append((f"{name} title", widget.title()))
    if isinstance(widget, QLineEdit):
        found.append((f"{name} placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):
        found += [(f"{name} item {i}", widget.itemText(i)) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        found += [(f"{name} tab {i}", widget.tabText(i)) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        found += [(f"{name} tab {i}", widget.tabText(i)) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox):
        found += _model_texts(widget, name)
    if isinstance(widget, QToolButton) and widget.menu() is not None:
        found += _menu_texts(widget.menu(), name, seen_menus)
    if isinstance(widget, QMenuBar):
        for action in widget.actions():
            if action.menu() is not None:
                found += _menu_texts(action.menu(), name, seen_menus)
    for action in widget.actions():
        if not action.isSeparator():
            found += [(f"{name} action", action.text()), (f"{name} action tip", action.toolTip())]
    return found


def _out_of_sight(widget: QWidget) -> bool:
    """Off its parent, or under a later sibling that covers it whole (QMainWindow keeps old dock tab bars so)."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    if not parent.rect().intersects(widget.geometry()):
        return True
    siblings = [child for child in parent.children() if isinstance(child, QWidget)]
    later = siblings[siblings.index(widget) + 1:]
    return any(other.isVisible() and not other.isWindow() and other.geometry().contains(widget.geometry())
               for other in later)


def shown_texts() -> list[tuple[str, str]]:
    """(where, text) for every text of every visible window and widget of the application."""
    found: list[tuple[str, str]] = []
    seen_menus: set[int] = set()
    for window in QApplication.topLevelWidgets():
        if not window.isVisible() or isinstance(window, QMenu):
            continue
        for widget in (window, *window.findChildren(QWidget)):
            if widget.isVisible() and widget.window() is window and not _out_of_sight(widget):
                found += widget_texts(widget, seen_menus)
    return [(where, text) for where, text in found if isinstance(text, str) and text.strip()]


def stale_shown(old: str, new: str, texts: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """The shown texts still in ``old`` after a switch to ``new``."""
    stale = stale_texts(old, new)
    return [(where, text) for where, text in (shown_texts() if texts is None else texts) if stale.is_stale(text)]
