"""Preferences > Language: follow the system, or pick one of the languages jobfollow ships.

The choice is stored as Setting ``ui.language`` ("" = follow the system, else "en", "de", "fr", "es").
Saving only stores it; ``qt_translations.install_language_switching`` applies it to every open window.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from jobfollow import i18n
from jobfollow.core import settings_registry as keys
from jobfollow.core.template_language import language_name
from jobfollow.i18n import N_, _
from jobfollow.store.settings import read, set_setting
from jobfollow.ui.qt_translations import LANGUAGE_SETTING
from jobfollow.ui.retranslation import set_row_labels
from jobfollow.ui.settings.settings_dialog import SettingsPage

SAMPLE_DATE = dt.date(2026, 3, 27)
SAMPLE_AMOUNT = 1234.5


def _locale_of(choice: str) -> Locale:
    name = i18n.locale_for_choice(choice) or i18n.system_locale_name()
    try:
        locale = Locale.parse(name.replace("-", "_").split(".")[0])
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse("en_US")
    return i18n.with_territory(locale)


def format_sample(choice: str) -> str:
    """How a date, a number and an amount look under a choice, written in that locale."""
    locale = _locale_of(choice)
    currency = (babel_numbers.get_territory_currencies(locale.territory) or ["EUR"])[0] if locale.territory else "EUR"
    return "{date} · {number} · {money}".format(
        date=babel_dates.format_date(SAMPLE_DATE, format="full", locale=locale),
        number=babel_numbers.format_decimal(SAMPLE_AMOUNT, locale=locale),
        money=babel_numbers.format_currency(SAMPLE_AMOUNT, currency, locale=locale),
    )


class LanguagePage(SettingsPage):
    title = N_("Language")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        self.language_combo = QComboBox()
        self.language_combo.addItem("", "")
        for code in i18n.SHIPPED_LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.sample_label = QLabel()
        self.sample_label.setWordWrap(True)
        self.fallback_label = QLabel()
        self.fallback_label.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.letters_note = QLabel()
        self.letters_note.setWordWrap(True)
        form.addRow("", self.language_combo)
        form.addRow("", self.sample_label)
        form.addRow(self.fallback_label)
        form.addRow(self.note)
        form.addRow(self.letters_note)
        self.language_combo.currentIndexChanged.connect(self._show_sample)
        self._loaded = ""
        self.retranslate()

    def retranslate(self) -> None:
        system = _locale_of("")
        system_name = system.get_display_name(system) or str(system)
        self.language_combo.setItemText(0, _("Follow the system: {language}").format(language=system_name))
        self.note.setText(_("Everything in the window changes as soon as you press OK or Apply, open windows "
                            "included; Qt's own buttons and file dialogs follow too."))
        self.letters_note.setText(_("New letters start from the templates in this language. A template that "
                                    "does not exist in it yet is taken in English, and the letter editor tells "
                                    "you so."))
        set_row_labels(self.form, {self.language_combo: _("Language:"), self.sample_label: _("Dates and amounts:")})
        self._show_sample()

    def _show_sample(self) -> None:
        choice = self.language_combo.currentData() or ""
        self.sample_label.setText(format_sample(choice))
        locale = _locale_of(choice)
        shipped = locale.language in i18n.SHIPPED_LANGUAGES
        self.fallback_label.setVisible(not shipped)
        if not shipped:
            self.fallback_label.setText(
                _("jobfollow is not translated into {language} yet: the text stays in English, while dates "
                  "and numbers follow {language}.").format(language=language_name(locale.language)))

    def load(self) -> None:
        value = read(keys.LANGUAGE)
        self._loaded = value if isinstance(value, str) and value in i18n.SHIPPED_LANGUAGES else ""
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._loaded)))
        self._show_sample()

    def save(self) -> list[str]:
        choice = self.language_combo.currentData() or ""
        if choice == self._loaded:
            return []
        set_setting(LANGUAGE_SETTING, choice)
        self._loaded = choice
        return [LANGUAGE_SETTING]
