"""The interface in another language: the main window, Qt's own buttons, the calendar, switching live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from jobfollow import i18n
from jobfollow.store.applications import list_stages
from jobfollow.store.settings import get_setting, set_setting
from jobfollow.ui import qt_translations
from jobfollow.ui.main_window import MainWindow
from jobfollow.ui.settings.language_page import LanguagePage


def _german(english: str) -> str:
    """The catalog's German for ``english``; fails when the catalog would leave it English."""
    translated = i18n._(english)
    assert translated != english, f"no German for {english!r}"
    return translated


def _menu_titles(window) -> list[str]:
    return [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)]


@pytest.fixture(autouse=True)
def _english_qt_afterwards(qapp):
    yield
    i18n.set_language("en_US")
    qt_translations.install_qt_translations(qapp)


@pytest.fixture
def german_profile(profile_dir):
    """A profile created while the program speaks German (its default stages get German names)."""
    from jobfollow.profile import open_profile_at

    i18n.set_language("de")
    opened = open_profile_at(profile_dir)
    yield opened
    opened.close()


def test_german_main_window_board_calendar_and_status(qtbot, german_profile, events):
    from jobfollow.store.sample_data import fill_sample_data
    from tests.conftest import TODAY

    fill_sample_data(5, seed=3, today=TODAY)
    window = MainWindow(german_profile, events)
    qtbot.addWidget(window)
    window.show()
    assert _menu_titles(window) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert window.quit_action.text() == "&Beenden"
    assert window.status_label.text() == "5 Bewerbungen"
    assert [column.name for column in window.board.columns][:2] == ["Beworben", "Gespräch geplant"]
    assert [s.name for s in list_stages()][-1] == "Abgeschlossen"
    assert window.calendar_pane.filter_label.text() == _german("All open follow-ups")
    calendar = window.calendar_pane.calendar
    assert calendar.locale().language() == QLocale.Language.German
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_qt_own_buttons_are_translated(qtbot, qapp):
    i18n.set_language("fr")
    assert qt_translations.install_qt_translations(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuler"
    i18n.set_language("en_US")
    assert not qt_translations.install_qt_translations(qapp)
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


def test_american_week_starts_on_sunday_in_the_calendar(qtbot, profile, events):
    i18n.set_language("en_US")
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    assert window.calendar_pane.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday


def test_language_page_saves_the_choice_and_the_window_switches_at_once(qtbot, demo_profile, events):
    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    window.show()
    assert _menu_titles(window)[0] == "&File"
    page = next(p for p in window.settings_pages() if isinstance(p, LanguagePage))
    qtbot.addWidget(page)
    page.load()
    assert page.language_combo.currentData() == ""  # follows the system until the user picks
    page.language_combo.setCurrentIndex(page.language_combo.findData("de"))
    assert "2026" in page.sample_label.text() and "€" in page.sample_label.text()
    with qtbot.waitSignal(events.language_changed):
        events.settings_changed.emit(page.save())
    assert get_setting("ui.language") == "de"
    assert _menu_titles(window) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert [a.text() for a in window.view_menu.actions() if a.text()] == [
        "&Pinnwand", "&Kalender", "&Briefe", _german("&Reset the layout"), _german("&Insights…"),
        _german("&Question bank…")]
    assert window.status_label.text() == "25 Bewerbungen"
    assert window.calendar_pane.filter_label.text() == _german("All open follow-ups")
    assert window.letter_pane.hint.text() == _german(
        "Choose a card and a template, or select a follow-up in the agenda and press Letter, to draft a letter.")
    assert window.calendar_pane.calendar.locale().language() == QLocale.Language.German
    assert [c.name for c in window.board.columns][:2] == ["Beworben", "Gespräch geplant"]

    page.language_combo.setCurrentIndex(page.language_combo.findData("es"))
    events.settings_changed.emit(page.save())
    assert _menu_titles(window) == ["&Archivo", "&Editar", "&Ver", "Ay&uda"]
    assert window.status_label.text() == "25 candidaturas"
    assert page.save() == []  # nothing changed: nothing to announce

    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    events.settings_changed.emit(page.save())
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert window.calendar_pane.filter_label.text() == "All open follow-ups"


def test_language_page_warns_when_the_system_language_is_not_translated(qtbot, profile, monkeypatch):
    monkeypatch.setattr(i18n, "system_locale_name", lambda: "sw_KE")
    page = LanguagePage()
    qtbot.addWidget(page)
    page.load()
    assert not page.fallback_label.isHidden()
    assert "Swahili" in page.fallback_label.text()
    page.language_combo.setCurrentIndex(page.language_combo.findData("fr"))
    assert page.fallback_label.isHidden()


def test_saved_language_is_applied_at_start(qtbot, qapp, profile, monkeypatch):
    monkeypatch.delenv(qt_translations.ENV_LANGUAGE, raising=False)
    set_setting("ui.language", "fr")
    assert qt_translations.apply_saved_language(qapp).startswith("fr")
    assert i18n._("&File") == "&Fichier"
    assert qt_translations.apply_saved_language(qapp, override="es").startswith("es")  # --language wins


def test_self_test_fails_when_a_bundle_lost_its_catalogs(tmp_path, monkeypatch):
    from jobfollow import paths

    qt_translations.check_catalogs_load(None)  # the real resources are fine
    monkeypatch.setattr(paths, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(RuntimeError, match="de, fr, es"):
        qt_translations.check_catalogs_load(None)


def test_undo_menu_speaks_the_new_language_after_a_switch(qtbot, profile, events):
    from PySide6.QtGui import QUndoCommand

    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    set_setting("ui.language", "de")
    events.settings_changed.emit(["ui.language"])
    command = QUndoCommand("Karte verschieben")
    window.undo_stack.push(command)
    assert window.undo_action.text() == "&Rückgängig Karte verschieben"
    assert window.undo_action in window.edit_menu.actions()
    assert window.redo_action in window.edit_menu.actions()
    assert len(window.edit_menu.actions()) == 5  # undo, redo, separator, find, preferences: nothing doubled
    assert window.edit_menu.actions()[0] is window.undo_action


def test_the_tray_menu_speaks_german(qtbot, german_profile, events):
    from jobfollow.store.sample_data import fill_sample_data
    from jobfollow.ui.tray.icon import ReminderTray
    from tests.conftest import TODAY

    fill_sample_data(5, seed=3, today=TODAY)
    window = MainWindow(german_profile, events)
    qtbot.addWidget(window)
    tray = ReminderTray(window.followups, window)
    tray.update()
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert _german("Show window") in texts
    assert _german("Quit") in texts


def test_the_board_order_choice_is_not_cut_short_in_german(qtbot, german_profile, events):
    window = MainWindow(german_profile, events)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    combo = window.board.sort_combo
    qtbot.waitUntil(combo.isVisible)
    longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.itemText(0) == _german("Board order")
    assert combo.width() > longest + 20  # the text plus the arrow fits; it was cut to "Reihenfolge auf"
