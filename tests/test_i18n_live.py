"""Switching the language while the window is open: every visible text follows, none stays behind."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from jobfollow import i18n
from jobfollow.ui import qt_translations
from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.settings.language_page import LanguagePage
from jobfollow.ui.settings.settings_dialog import SettingsDialog
from tests.i18n_walk import shown_texts, stale_shown, stale_texts


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    i18n.set_language("en_US")
    qt_translations.install_qt_translations(qapp)
    yield
    i18n.set_language("en_US")
    qt_translations.install_qt_translations(qapp)


def test_the_walk_finds_old_words_and_spares_shared_ones():
    german_after_english = stale_texts("de", "en")
    assert german_after_english.is_stale("&Datei")
    assert german_after_english.is_stale("3 Tage überfällig")
    assert not german_after_english.is_stale("Name")  # spelt alike in both
    assert not german_after_english.is_stale("Acme GmbH")
    assert not stale_texts("en", "de").is_stale("Name")


def _open_everything(window, qtbot, app_id):
    """The window with its panes, the Insights window, a card's form and Preferences, all shown."""
    window.resize(1400, 900)
    window.show()
    insights = window.insights.open_insights()
    from jobfollow.ui.forms.application_form import ApplicationFormDialog

    form = ApplicationFormDialog(window.events, window.undo_stack, app_id, window)
    form.setModal(False)
    form.show()
    preferences = window.settings_dialog()
    preferences.setModal(False)
    preferences.show()
    qtbot.waitExposed(preferences)
    return insights, form, preferences


def _choose(preferences: SettingsDialog, language: str) -> None:
    page = next(p for p in preferences.pages if isinstance(p, LanguagePage))
    page.language_combo.setCurrentIndex(page.language_combo.findData(language))
    preferences.buttons.button(QDialogButtonBox.StandardButton.Apply).click()


def _stale_report(old: str, new: str) -> list[str]:
    return [f"{where}: {text!r}" for where, text in stale_shown(old, new)]


def test_every_visible_text_follows_a_live_switch(qtbot, demo_profile, events):
    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    window.followups.start()
    app_id = window.board.columns[1].model.ids()[0]
    _insights, _form, preferences = _open_everything(window, qtbot, app_id)
    assert len(shown_texts()) > 300  # the walk really reads the window
    for old, new in (("en", "de"), ("de", "es"), ("es", "en")):
        _choose(preferences, new)
        qtbot.wait(10)
        assert i18n.current_language() == new
        stale = _stale_report(old, new)
        if stale:
            pytest.fail(f"still in {old} after the switch to {new}:\n" + "\n".join(stale))
