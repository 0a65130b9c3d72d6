"""The Qt side of the interface language: Qt's own strings, Qt's locale, and switching while running.

* ``install_qt_translations(app)`` loads ``qtbase_<lang>.qm`` (bundled with PySide6) so the buttons of
  standard dialogs (Cancel, Save, Yes/No) and the file dialog speak the chosen language, and sets the
  default ``QLocale`` so Qt widgets (the calendar's month and day names) match ``jobfollow.i18n``.
* ``apply_saved_language(app, override)`` runs once at start, before the main window is built.
* ``switch_language(choice)`` switches while windows are open: ``jobfollow.i18n`` and Qt's translator change,
  then every window gets ``QEvent.LanguageChange`` and each widget sets its own texts again from ``_()`` in
  its ``retranslate()`` (the Qt way: nothing maps a shown text back to a message).
* ``install_language_switching(context)`` follows the choice made in Preferences and then emits
  ``events.language_changed`` for what is not a widget (the features' menu entries, the tray's menu).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QTranslator

from jobfollow import i18n
from jobfollow.core import settings_registry as keys
from jobfollow.store.stage_labels import relabel_default_stages

if TYPE_CHECKING:
    from jobfollow.ui.feature_context import FeatureContext

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
def announce_language_change(app: QCoreApplication | None = None) -> None:
    """Every widget of every window gets ``QEvent.LanguageChange`` now, and each sets its own texts again
    (``changeEvent`` -> ``retranslate()``). Installing or removing Qt's translator posts the same event; one
    more is posted for a switch that changes no translator (English to English of another country), Qt
    merges them, and both rounds are delivered before this returns so the caller sees the result."""
    app = app or QCoreApplication.instance()
    if app is None:
        return
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendPostedEvents(app, QEvent.Type.LanguageChange)  # the application posts it to each window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def switch_language(language: str | None) -> bool:
    """Switch the running program to ``language`` ("" or None = the system's): text, formats, Qt's own
    strings, the default stage names; then every window retranslates itself. True when stages were renamed."""
    i18n.set_language(i18n.locale_for_choice(language))
    install_qt_translations(QCoreApplication.instance())
    renamed = bool(relabel_default_stages())
    announce_language_change()
    return renamed


def install_language_switching(context: FeatureContext) -> None:
    """Follow ``ui.language`` changes from Preferences. Widgets retranslate themselves on the event; what is
    not a widget (a feature's actions, kept through ``context.keep_translated``) follows ``language_changed``."""
    install_qt_translations(QCoreApplication.instance())
    events = context.events

    def on_settings_changed(keys: list) -> None:
        if LANGUAGE_SETTING in keys:
            if switch_language(saved_language()):
                events.stages_changed.emit()
            events.language_changed.emit()

    events.settings_changed.connect(on_settings_changed)


def check_catalogs_load(window) -> None:
    """A bundle that lost its catalogs would silently speak English: fail the self-test instead."""
    from jobfollow.paths import resource_path

    missing = [lang for lang in i18n.SHIPPED_LANGUAGES
               if lang != "en" and i18n.load_catalog(resource_path("locale"), lang) is None]
    if missing:
        raise RuntimeError(f"no usable catalog for {', '.join(missing)} in {resource_path('locale')}")
