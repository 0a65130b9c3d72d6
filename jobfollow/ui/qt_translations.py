"""The Qt side of the interface language: Qt's own strings, Qt's locale, and switching while running.

* ``install_qt_translations(app)`` loads ``qtbase_<lang>.qm`` (bundled with PySide6) so the buttons of
  standard dialogs (Cancel, Save, Yes/No) and the file dialog speak the chosen language, and sets the
  default ``QLocale`` so Qt widgets (the calendar's month and day names) match ``jobfollow.i18n``.
* ``apply_saved_language(app, override)`` runs once at start, before the main window is built.
* ``install_language_switching(window)`` makes the open window follow a change made in Preferences:
  menus, labels, buttons and titles are retranslated in place, ``events.language_changed`` is emitted
  so panes can rebuild texts made from data, and the status line is recomputed.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from jobfollow import i18n
from jobfollow.core import settings_registry as keys
from jobfollow.store.stage_labels import relabel_default_stages

if TYPE_CHECKING:
    from jobfollow.ui.main_window import MainWindow

LANGUAGE_SETTING = keys.LANGUAGE.name
ENV_LANGUAGE = "JOBFOLLOW_LANGUAGE"
_log = logging.getLogger(__name__)
_installed: dict[str, object] = {"translator": None, "language": None}


def qt_day_of_week(first_day: int) -> Qt.DayOfWeek:
    """Babel's 0 = Monday ... 6 = Sunday as Qt's day of week (Monday = 1 ... Sunday = 7)."""
    return Qt.DayOfWeek(first_day + 1)


def install_qt_translations(app: QCoreApplication | None = None) -> bool:
    """Load Qt's own catalog for the current language (replacing the previous one); True when loaded.

    Also makes the current locale Qt's default. Idempotent: calling it again for the same language does nothing.
    """
    app = app or QCoreApplication.instance()
    locale = i18n.current_locale()
    QLocale.setDefault(QLocale(str(locale)))
    language = i18n.current_language()
    if app is None or _installed["language"] == language:
        return _installed["translator"] is not None
    if _installed["translator"] is not None:
        app.removeTranslator(_installed["translator"])
        _installed["translator"] = None
    _installed["language"] = language
    if language == "en":
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        _log.info("Qt's own %s translations were not found in %s; Qt's dialogs stay English", language, folder)
        return False
    app.installTranslator(translator)
    _installed["translator"] = translator
    return True


def saved_language() -> str:
    """The language chosen in Preferences ("" follows the system); needs an open profile."""
    from jobfollow.store.settings import read

    value = read(keys.LANGUAGE)
    return value if isinstance(value, str) else ""


def apply_saved_language(app: QCoreApplication | None = None, override: str | None = None) -> str:
    """At start, before the window exists: ``--language`` or ``JOBFOLLOW_LANGUAGE`` win over the saved choice."""
    chosen = override or os.environ.get(ENV_LANGUAGE) or i18n.locale_for_choice(saved_language())
    used = i18n.set_language(chosen or None)
    install_qt_translations(app)
    relabel_default_stages()
    return used


# -- switching while the window is open ---------------------------------------------------------------
def _reverse_catalog(translations) -> dict[str, str]:
    """translated text -> English message id, for the plain (non-plural) messages of a catalog."""
    reverse: dict[str, str] = {}
    for key, text in getattr(translations, "_catalog", {}).items():
        if isinstance(key, str) and key and text and text not in reverse:
            reverse[text] = key
    return reverse


class _Retranslator:
    """Maps a text shown under the old catalog back to its English id, then through the new catalog.

    Text that is not a known message (names, companies, numbers, sentences built with ``format``) is left
    alone; the panes rebuild those on ``language_changed``.
    """

    def __init__(self, old_translations, new_translations):
        self.to_english = _reverse_catalog(old_translations)
        self.new = new_translations
        self.known = set(getattr(new_translations, "_catalog", {})) | set(self.to_english.values())

    def __call__(self, text: str) -> str | None:
        english = self.to_english.get(text, text)
        if english not in self.known and english == text:
            return None
        translated = self.new.gettext(english)
        return translated if translated != text else None


def retranslate_widget_tree(root: QWidget, old_translations, new_translations) -> int:
    """Retranslate the fixed texts under ``root`` in place; returns how many texts changed."""
    convert = _Retranslator(old_translations, new_translations)
    changed = 0

    def apply(getter, setter) -> None:
        nonlocal changed
        text = getter()
        new_text = convert(text) if text else None
        if new_text is not None:
            setter(new_text)
            changed += 1

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget.isWindow() or isinstance(widget, QDockWidget):
            apply(widget.windowTitle, widget.setWindowTitle)
        if isinstance(widget, QMenu):
            apply(widget.title, widget.setTitle)
        if isinstance(widget, QLabel | QAbstractButton):
            apply(widget.text, widget.setText)
        if isinstance(widget, QGroupBox):
            apply(widget.title, widget.setTitle)
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                apply(lambda i=index, w=widget: w.tabText(i), lambda t, i=index, w=widget: w.setTabText(i, t))
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            apply(widget.placeholderText, widget.setPlaceholderText)
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                apply(lambda i=index, w=widget: w.itemText(i), lambda t, i=index, w=widget: w.setItemText(i, t))
        apply(widget.toolTip, widget.setToolTip)
        apply(widget.statusTip, widget.setStatusTip)
    seen = set()
    for widget in widgets:
        for action in widget.actions():
            if id(action) in seen:
                continue
            seen.add(id(action))
            apply(action.text, action.setText)
            apply(action.toolTip, action.setToolTip)
            apply(action.statusTip, action.setStatusTip)
    return changed


def align_calendars(root: QWidget) -> None:
    """Month and day names in the current locale; the week starts on the locale's first day."""
    for calendar in root.findChildren(QCalendarWidget):
        calendar.setLocale(QLocale())
        calendar.setFirstDayOfWeek(qt_day_of_week(i18n.first_day_of_week()))


def _renew_undo_actions(window: MainWindow) -> None:
    """QUndoStack's actions keep the prefix they were made with ("&Undo" + command text): make new ones
    with the new language's prefix and put them where the old ones were (menus, toolbars)."""
    stack = window.undo_stack
    window.undo_action = _renewed(window, window.undo_action, stack.createUndoAction(window, i18n._("&Undo")))
    window.redo_action = _renewed(window, window.redo_action, stack.createRedoAction(window, i18n._("&Redo")))


def _renewed(window: MainWindow, old: QAction, new: QAction) -> QAction:
    new.setShortcuts(old.shortcuts())
    for holder in old.associatedObjects():
        if isinstance(holder, QWidget) and holder is not window:
            holder.insertAction(old, new)
            holder.removeAction(old)
    old.deleteLater()
    return new


def switch_language(window: MainWindow, language: str | None) -> str:
    """Switch the running program to ``language`` ("" or None = the system's) and retranslate ``window``."""
    old = i18n.current_translations()
    used = i18n.set_language(i18n.locale_for_choice(language))
    install_qt_translations(QApplication.instance())
    retranslate_widget_tree(window, old, i18n.current_translations())
    _renew_undo_actions(window)
    align_calendars(window)
    if relabel_default_stages():
        window.events.stages_changed.emit()
    window.events.language_changed.emit()
    return used


def install_language_switching(window: MainWindow) -> None:
    """Hook for MainWindow: follow ``ui.language`` changes from Preferences; align Qt with the current language."""
    install_qt_translations(QApplication.instance())
    align_calendars(window)

    def on_settings_changed(keys: list) -> None:
        if LANGUAGE_SETTING in keys:
            switch_language(window, saved_language())

    window.events.settings_changed.connect(on_settings_changed)
    window.events.language_changed.connect(window.update_status)


def check_catalogs_load(window) -> None:
    """A bundle that lost its catalogs would silently speak English: fail the self-test instead."""
    from jobfollow.paths import resource_path

    missing = [lang for lang in i18n.SHIPPED_LANGUAGES
               if lang != "en" and i18n.load_catalog(resource_path("locale"), lang) is None]
    if missing:
        raise RuntimeError(f"no usable catalog for {', '.join(missing)} in {resource_path('locale')}")
