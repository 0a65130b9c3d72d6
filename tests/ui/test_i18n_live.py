"""Switching the language while the window is open: every visible text follows, none stays behind."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

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
    # the windows that stay open beside the main window (no modal dialog can be open while Preferences is)
    window.offers.open_comparison()
    window.offers.open_lessons()
    window.question_bank.open()
    window.insights.open_work_search_log()
    window.letter_pane.compose(app_id, "thank_you_interview")  # a letter open in the pane, its checklist filled
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
    from jobfollow.store.models import Contact, FollowUp, Template

    typed = {title for (title,) in Contact.select(Contact.title).tuples()}  # the demo's people have job titles
    own = FollowUp.select(FollowUp.title, FollowUp.reason).where(FollowUp.kind == "custom").tuples()
    typed |= {text for row in own for text in row}  # the user's own follow-ups: written once, as typed
    typed |= {name for (name,) in Template.select(Template.name).tuples()}  # an open letter keeps its language
    return [f"{where}: {text!r}" for where, text in stale_shown(old, new)
            if text not in typed and not any(f">{title}<" in text for title in typed)]


def test_every_visible_text_follows_a_live_switch(qtbot, demo_profile, events):
    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    window.followups.start()
    app_id = window.board.columns[1].model.ids()[0]
    _insights, form, preferences = _open_everything(window, qtbot, app_id)
    assert len(shown_texts()) > 300  # the walk really reads the window
    for old, new in (("en", "de"), ("de", "es"), ("es", "en")):
        _choose(preferences, new)
        QApplication.processEvents()  # the dock tabs take their titles when the layout runs
        assert i18n.current_language() == new
        stale = []
        for tab in range(form.tabs.count()):  # every tab of the open form, and every page of Preferences
            form.tabs.setCurrentIndex(tab)
            preferences.page_list.setCurrentRow(min(tab, preferences.page_list.count() - 1))
            stale += [text for text in _stale_report(old, new) if text not in stale]
        if stale:
            pytest.fail(f"still in {old} after the switch to {new}:\n" + "\n".join(stale))


def _switch(events, language: str) -> None:
    """What Preferences > Language does: the choice stored, then announced."""
    from jobfollow.store.settings import set_setting

    set_setting("ui.language", language)
    events.settings_changed.emit(["ui.language"])


def _badge_texts(window, app_id: int) -> tuple[str, ...]:
    card = window.board.card(app_id)
    texts = window.board.delegate._card_texts(card)
    return (texts.action, texts.timing, *texts.info)


def test_declined_and_rejected_stay_apart_through_spanish_round_trips(qtbot, profile, events):
    """Spanish says "Rechazada" for both: a switch never guesses which one a shown text was."""
    from jobfollow.services.offers import OfferService
    from jobfollow.store.offer_outcomes import decline_offer
    from jobfollow.ui.board.board_widget import BoardWidget
    from jobfollow.ui.offers.offer_dialog import OfferDialog
    from tests.ui.offers.test_offers_ui import offer_card

    declined_app, offer = offer_card("Alpha")
    decline_offer(offer.id)
    rejected_app, _offer = offer_card("Beta")
    board = BoardWidget(events)
    qtbot.addWidget(board)
    board.close_with_outcome(rejected_app.id, "rejected")
    dialog = OfferDialog(declined_app.id, OfferService(events, None))
    qtbot.addWidget(dialog)
    qt_translations.install_language_switching(_context_of(events))
    assert i18n.gettext_in("es", "Declined") == i18n.gettext_in("es", "Rejected")  # the trap is real
    for language in ("es", "en", "es", "en"):
        _switch(events, language)
        status = dialog.status.currentText()
        closed = board.delegate._card_texts(board.card(rejected_app.id)).info[0]
        assert status == i18n._("Declined")
        assert closed == i18n._("Closed: {outcome}").format(outcome=i18n._("Rejected"))
    assert (status, closed) == ("Declined", "Closed: Rejected")
    after_spanish = stale_texts("es", "en")
    assert after_spanish.is_stale("Rechazada") and not after_spanish.is_stale(status)


def _context_of(events):
    from types import SimpleNamespace

    return SimpleNamespace(events=events)


def test_the_calendar_keeps_its_day_when_the_week_starts_on_another_day(qtbot, profile, events):
    import datetime as dt

    from PySide6.QtCore import QDate, Qt

    from jobfollow.ui.calendar.calendar_pane import CalendarPane

    pane = CalendarPane(events)
    qtbot.addWidget(pane)
    qt_translations.install_language_switching(_context_of(events))
    calendar = pane.calendar
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday  # en_US
    chosen = QDate(2026, 3, 1)  # a Sunday: the first cell of its row in the US, the last in Germany
    calendar.setCurrentPage(2026, 3)
    calendar.setSelectedDate(chosen)
    _switch(events, "de")
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert calendar.selectedDate() == chosen
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)
    _switch(events, "en")
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday and calendar.selectedDate() == chosen
    assert dt.date(2026, 3, 1).weekday() == 6


def test_a_timeline_entry_written_in_english_reads_in_german_after_the_switch(qtbot, profile, events):
    from jobfollow.core.stages import StageKind
    from jobfollow.store.applications import create_application, first_stage_of_kind
    from jobfollow.store.board import move_cards
    from jobfollow.store.models import Activity
    from jobfollow.store.timeline import timeline
    from jobfollow.ui.forms.timeline_page import TimelinePage

    app = create_application("Acme", "Analyst")
    target = first_stage_of_kind(StageKind.INTERVIEWED)
    move_cards([(app.id, target.id, 1.0)])
    Activity.create(application=app.id, kind="note", summary="Written before entries kept their facts",
                    data="{}")
    page = TimelinePage()
    qtbot.addWidget(page)
    page.set_application(app.id)
    page.show()
    qt_translations.install_language_switching(_context_of(events))
    english = [entry.summary for entry in timeline(app.id)]
    assert "Moved from Applied to Interviewed" in english and "Added Analyst at Acme" in english
    _switch(events, "de")
    german = [entry.summary for entry in timeline(app.id)]
    moved = i18n._("Moved from {source} to {target}").format(source=i18n._("Applied"), target=i18n._("Interviewed"))
    assert moved != "Moved from Applied to Interviewed" and moved in german
    assert i18n._("Added {position} at {company}").format(position="Analyst", company="Acme") in german
    assert "Written before entries kept their facts" in german  # an old entry keeps the text it was written with
    shown = [page.model.index(row, 2).data() for row in range(page.model.rowCount())]
    assert moved in shown  # the open form shows it too


def test_a_user_named_stage_stays_as_typed_on_the_timeline(qtbot, profile, events):
    from jobfollow.store.applications import create_application, list_stages
    from jobfollow.store.board import move_cards
    from jobfollow.store.models import Stage
    from jobfollow.store.timeline import timeline

    app = create_application("Acme", "Analyst")
    second = list_stages()[1]
    Stage.update(name="Phone screen").where(Stage.id == second.id).execute()
    move_cards([(app.id, second.id, 1.0)])
    i18n.set_language("de")
    assert timeline(app.id)[0].summary == i18n._("Moved from {source} to {target}").format(
        source=i18n._("Applied"), target="Phone screen")


def test_the_tray_menu_follows_a_switch(qtbot, demo_profile, events):
    from jobfollow.ui.tray.icon import ReminderTray

    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    tray = ReminderTray(window.followups, window)
    _switch(events, "fr")
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert i18n._("Show window") in texts and i18n._("Show window") != "Show window"
    assert not [text for text in texts if stale_texts("en", "fr").is_stale(text)]


def test_the_board_order_choice_is_as_wide_as_its_words_after_a_switch(qtbot, profile, events):
    """German words are longer: after a switch from German the choice gives the room back to the search field."""
    from jobfollow.ui.board.board_widget import BoardWidget

    def shown_board() -> BoardWidget:
        board = BoardWidget(events)
        qtbot.addWidget(board)
        board.resize(1000, 600)
        board.show()
        QApplication.processEvents()  # the layout runs
        return board

    english = shown_board().sort_combo.width()
    qt_translations.switch_language("de")
    board = shown_board()  # started in German, as after a restart
    assert board.sort_combo.width() > english
    qt_translations.switch_language("en")
    QApplication.processEvents()
    assert board.sort_combo.width() == english
