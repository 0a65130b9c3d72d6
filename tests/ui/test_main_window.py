from jobfollow.store.applications import list_stages
from jobfollow.store.settings import get_user_details
from jobfollow.ui.board.card_list_model import CardListModel
from jobfollow.ui.main_window import FRAME_ALLOWANCE, MainWindow
from tests.conftest import run_queued_reactions


def make_window(qtbot, profile, events):
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    return window


def test_window_shows_every_stage_and_the_demo_cards(qtbot, demo_profile, events):
    window = make_window(qtbot, demo_profile, events)
    window.show()
    assert [c.name for c in window.board.columns] == [s.name for s in list_stages()]
    assert window.board.card_count() == 25
    assert "25 applications" in window.status_label.text()
    assert [m.title().replace("&", "") for m in (window.file_menu, window.edit_menu, window.view_menu,
                                                 window.help_menu)] == ["File", "Edit", "View", "Help"]


def test_card_list_model_is_a_valid_qt_model(qtmodeltester, demo_profile):
    from jobfollow.store.board import card_summaries

    stage = list_stages()[0]
    model = CardListModel(stage.id)
    model.set_cards([card for card in card_summaries() if card.stage_id == stage.id])
    qtmodeltester.check(model)


def test_settings_dialog_keeps_the_users_details(qtbot, profile, events):
    from jobfollow.ui.settings.settings_dialog import SettingsDialog, UserDetailsPage

    page = UserDetailsPage()
    dialog = SettingsDialog([page])
    qtbot.addWidget(dialog)
    page.name_edit.setText("Jane Jobseeker")
    page.email_edit.setText("jane@example.org")
    page.employed_check.setChecked(True)
    dialog.accept()
    details = get_user_details()
    assert (details.name, details.email, details.employed) == ("Jane Jobseeker", "jane@example.org", True)
    assert "user.details" in dialog.changed_keys


def test_asking_for_a_letter_brings_the_hidden_letter_pane_back(qtbot, demo_profile, events):
    window = make_window(qtbot, demo_profile, events)
    window.show()
    window.pane_actions["letters"].setChecked(False)
    assert not window.letter_pane.isVisible()
    from jobfollow.store.board import card_summaries

    events.compose_letter_requested.emit(card_summaries()[0].id, "withdraw", 0)
    assert window.letter_pane.isVisible()
    assert window.pane_actions["letters"].isChecked()


def test_deferred_start_refreshes_follow_ups_only_after_the_board_has_painted(qtbot, profile, events, monkeypatch):
    from jobfollow.services.followups import FollowUpService
    from jobfollow.ui.calendar import install as followups_setup

    started = []
    monkeypatch.setattr(FollowUpService, "start", lambda self: started.append(self))
    monkeypatch.setattr(followups_setup, "STARTUP_DELAY_MS", 0)
    shown = MainWindow(profile, events, defer_startup_work=True)
    qtbot.addWidget(shown)
    run_queued_reactions()  # the delay (0 ms) has passed, but the board has not painted: nothing may run yet
    assert started == []
    shown.show()
    shown.board.grab()  # paints the board (the offscreen platform never exposes a window by itself)
    qtbot.waitUntil(lambda: started == [shown.followups])


def test_deferred_start_still_refreshes_a_window_that_never_paints(qtbot, profile, events, monkeypatch):
    from jobfollow.services.followups import FollowUpService
    from jobfollow.ui import first_paint

    started = []
    monkeypatch.setattr(FollowUpService, "start", lambda self: started.append(self))
    monkeypatch.setattr(first_paint, "UNPAINTED_START_MS", 30)
    hidden = MainWindow(profile, events, defer_startup_work=True)  # started minimized to the tray
    qtbot.addWidget(hidden)
    qtbot.waitUntil(lambda: started == [hidden.followups])


def test_the_first_window_never_reaches_past_a_small_screen(qtbot, profile, events):
    # a first start (no saved layout) on a screen smaller than the roomy default: the room there is, no more
    window = make_window(qtbot, profile, events)
    assert (window.width(), window.height()) == (1400, 860)
    window.fit_to_screen()  # as the program does before the first show
    available = window.screen().availableGeometry()
    assert available.width() < 1440  # the offscreen screen is a small one; a large one keeps 1400x860
    frame = FRAME_ALLOWANCE
    assert window.width() + frame.width() <= available.width()
    assert window.height() + frame.height() <= available.height()
    assert window.width() > available.width() * 0.9  # and it takes the room there is
