"""The reminder controller and the tray, offscreen, driven by its signals and a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest

from jobfollow.core.stages import StageKind
from jobfollow.services.followups import FollowUpService
from jobfollow.store import followups as store
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.models import Contact, FollowUp, Interview, InterviewAttendee, JobApplication
from jobfollow.ui.tray.icon import ReminderTray, badge_icon
from tests.conftest import TODAY, run_queued_reactions


class FakeClock:
    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture
def clock():
    return FakeClock(dt.datetime.combine(TODAY, dt.time(9, 0)))


def interviewed_card(on=TODAY, company="Acme"):
    app = create_application(company, "Analyst", first_stage_of_kind(StageKind.INTERVIEWED).id,
                             stage_entered_at=dt.datetime.combine(on, dt.time(18)))
    interview = Interview.create(application=app, starts_at=dt.datetime.combine(on, dt.time(14)))
    person = Contact.create(name="Ana")
    InterviewAttendee.create(interview=interview, contact=person)
    return app


def make_controller(events, clock, qtbot=None):
    controller = FollowUpService(events, clock=clock, tick_ms=60_000)
    return controller


def test_a_followup_is_announced_once_when_its_day_comes(profile, events, clock, qtbot):
    interviewed_card()
    controller = make_controller(events, clock)
    announced = []
    controller.fell_due.connect(lambda items: announced.append([i.title for i in items]))
    controller.start()
    assert announced == []  # the thank-you is due tomorrow
    clock.advance(hours=2)
    controller.tick()
    assert announced == []
    clock.advance(days=1)
    with qtbot.waitSignal(events.followups_changed):  # the new day re-runs the rules
        controller.tick()
    assert announced == [["Thank Ana for the interview"]]
    controller.tick()
    clock.advance(minutes=45)
    controller.tick()
    assert len(announced) == 1
    controller.stop()


def test_what_fell_due_while_closed_is_announced_at_start_and_never_twice(profile, events, clock, qtbot):
    interviewed_card(on=TODAY - dt.timedelta(days=3))
    first = make_controller(events, clock)
    seen = []
    first.fell_due.connect(lambda items: seen.append(len(items)))
    with qtbot.waitSignal(first.fell_due):  # announced once the event loop runs (the tray exists by then)
        first.start()
    assert seen == [1]
    first.stop()
    restarted = make_controller(events, clock)  # a restart: notified_at is in the database
    again = []
    restarted.fell_due.connect(lambda items: again.append(len(items)))
    with qtbot.assertNotEmitted(restarted.fell_due):
        restarted.start()
        run_queued_reactions()  # where the first start announced
    assert again == []
    restarted.stop()


def test_a_clock_set_back_does_not_repeat_reminders(profile, events, clock, qtbot):
    interviewed_card(on=TODAY - dt.timedelta(days=3))
    controller = make_controller(events, clock)
    seen = []
    controller.fell_due.connect(lambda items: seen.append(len(items)))
    with qtbot.waitSignal(controller.fell_due):
        controller.start()
    clock.advance(days=-2)
    controller.tick()
    clock.advance(days=2)
    controller.tick()
    assert seen == [1]


def test_moving_a_card_refreshes_its_followups_at_once(profile, events, clock, qtbot):
    app = interviewed_card()
    controller = make_controller(events, clock)
    controller.start()
    assert {i.kind for i in controller.items} == {"thank_you", "status_check"}
    closed = first_stage_of_kind(StageKind.CLOSED).id
    JobApplication.update(stage=closed, outcome="rejected").where(JobApplication.id == app.id).execute()
    with qtbot.waitSignal(events.followups_changed):
        events.card_moved.emit(app.id, first_stage_of_kind(StageKind.INTERVIEWED).id, closed, False)
    assert {i.kind for i in controller.items} == {"rejection_thanks", "lessons"}


def test_a_new_decision_date_moves_the_status_check(profile, events, clock, qtbot):
    app = interviewed_card()
    controller = make_controller(events, clock)
    controller.start()
    Interview.update(decision_date=TODAY + dt.timedelta(days=10)).execute()
    with qtbot.waitSignal(events.followups_changed):
        events.applications_changed.emit([app.id])
    check = next(i for i in controller.items if i.kind == "status_check")
    assert check.due_on == TODAY + dt.timedelta(days=14)  # Thursday 14 May + 2 business days: Monday


def test_done_from_another_pane_is_picked_up(profile, events, clock, qtbot):
    interviewed_card()
    controller = make_controller(events, clock)
    controller.start()
    thanks = next(i for i in controller.items if i.kind == "thank_you")
    store.mark_done(thanks.id, "sent")  # e.g. the letter editor after sending
    events.followups_changed.emit()
    assert thanks.id not in {i.id for i in controller.items}


def test_controller_actions_create_the_next_check(profile, events, clock):
    interviewed_card(on=TODAY - dt.timedelta(days=10))
    controller = make_controller(events, clock)
    controller.start()
    check = next(i for i in controller.items if i.kind == "status_check")
    controller.mark_done(check.id, "called")
    following = next(i for i in controller.items if i.kind == "status_check")
    assert following.id != check.id and following.due_on == TODAY + dt.timedelta(days=7)
    controller.snooze(following.id, TODAY + dt.timedelta(days=9))
    assert next(i for i in controller.items if i.id == following.id).state == "snoozed"
    controller.skip(following.id)
    assert all(i.kind != "status_check" for i in controller.items)


def test_tray_shows_the_count_lists_todays_items_and_notifies(profile, events, clock, qtbot):
    interviewed_card(on=TODAY - dt.timedelta(days=3), company="Acme")
    interviewed_card(on=TODAY - dt.timedelta(days=1), company="Beta")
    window = type("W", (), {"raise_to_front": lambda self: None, "quit_requested": lambda self: None,
                            "isVisible": lambda self: True, "isMinimized": lambda self: False,
                            "hide": lambda self: None})()
    from jobfollow.ui.tray.notifications import Notifier
    from jobfollow.ui.tray.reminders import Reminders

    controller = make_controller(events, clock)
    tray = ReminderTray(controller, window)
    notifier = Notifier(None, tray.icon, None)
    notifier.way = lambda: "tray"
    reminders = Reminders(controller, window, notifier)  # noqa: F841 - kept alive for its connections
    messages = []
    notifier.notified.connect(lambda title, body: messages.append(title))
    with qtbot.waitSignal(notifier.notified):
        controller.start()
    assert tray.count == 2
    assert "2 follow-ups due" in tray.icon.toolTip()
    labels = [a.text() for a in tray.menu.actions() if a.text()]
    assert labels[0] == "2 due now" and "Show window" in labels and "Quit" in labels
    assert any("Acme" in label for label in labels) and any("Beta" in label for label in labels)
    assert messages == ["2 follow-ups are due"]
    cards, agenda, letters = [], [], []
    events.open_application_requested.connect(cards.append)
    events.show_followup_requested.connect(agenda.append)
    events.write_letter_requested.connect(letters.append)
    next(a for a in tray.menu.actions() if "Beta" in a.text()).trigger()
    (beta,) = [i for i in controller.due_today_or_earlier() if i.company == "Beta"]
    # as a click on its reminder: the follow-up in the agenda with its letter ready, not just the card
    assert (agenda, letters, cards) == ([beta.id], [beta.id], [])
    item = controller.items[0]
    controller.mark_done(item.id, "sent")
    assert tray.count == 1 and "1 follow-up due" in tray.icon.toolTip()


def test_a_long_company_is_cut_in_the_tray_menu_and_whole_in_its_tooltip(profile, events, clock, qtbot):
    from PySide6.QtGui import QFontMetrics

    company = "Tallow & Wick International Federation of Candle Makers and Wax Merchants"
    interviewed_card(on=TODAY - dt.timedelta(days=3), company=company)
    window = type("W", (), {"raise_to_front": lambda self: None})()
    controller = make_controller(events, clock)
    tray = ReminderTray(controller, window)
    controller.start()
    (entry,) = [a for a in tray.menu.actions() if "Tallow" in a.text()]
    assert "&&" in entry.text() and "&&&" not in entry.text()  # shown as "&", not as a keyboard mnemonic
    assert company in entry.toolTip() and company not in entry.text().replace("&&", "&")
    metrics = QFontMetrics(tray.menu.font())
    assert metrics.horizontalAdvance(entry.text()) < metrics.horizontalAdvance(entry.toolTip())


def test_badge_icon_paints_the_count(qtbot):
    from PySide6.QtGui import QIcon

    plain = badge_icon(QIcon(), 0).pixmap(64, 64).toImage()
    badged = badge_icon(QIcon(), 3).pixmap(64, 64).toImage()
    assert plain.pixelColor(50, 12) != badged.pixelColor(50, 12)
    assert badged.pixelColor(50, 12).red() > 150  # the red disc in the top right corner


def test_without_a_tray_closing_the_window_quits_and_reminders_still_come(profile, events, qtbot, qapp):
    from PySide6.QtWidgets import QSystemTrayIcon

    from jobfollow.ui.main_window import MainWindow

    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen has none
    qapp.setQuitOnLastWindowClosed(False)
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    feature = window.install_tray(qapp)
    assert window.tray is feature and feature.icon is None and feature.close_to_tray is None
    assert qapp.quitOnLastWindowClosed()
    assert feature.reminders.notifier.way() in ("desktop", "banner")  # no tray messages without a tray


def test_notified_at_is_stored(profile, events, clock, qtbot):
    interviewed_card(on=TODAY - dt.timedelta(days=3))
    controller = make_controller(events, clock)
    with qtbot.waitSignal(controller.fell_due):
        controller.start()
    assert FollowUp.select().where(FollowUp.notified_at.is_null(False)).count() == 1


def test_closing_the_window_hides_it_to_the_tray_and_quit_really_quits(qtbot, profile, events, clock):
    from jobfollow.ui.main_window import MainWindow
    from jobfollow.ui.tray.icon import CloseToTray

    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.show()
    tray = ReminderTray(window.followups, window, window)

    class StubApp:
        quitted = False

        def quit(self):
            StubApp.quitted = True

    close_to_tray = CloseToTray(window, StubApp(), tray)
    window.installEventFilter(close_to_tray)
    window.close()
    assert not window.isVisible() and not StubApp.quitted  # still running, in the tray
    window.show()
    window.quit_requested()
    qtbot.waitUntil(lambda: StubApp.quitted)


def test_clicking_a_reminder_opens_its_follow_up_with_the_letter_or_the_agenda(profile, events, clock, qtbot):
    from jobfollow.ui.tray.notifications import Notifier
    from jobfollow.ui.tray.reminders import Reminders

    interviewed_card(on=TODAY - dt.timedelta(days=3), company="Acme")
    shown = []
    window = type("W", (), {"raise_to_front": lambda self: shown.append(True), "quit_requested": lambda self: None,
                            "isVisible": lambda self: False, "isMinimized": lambda self: False,
                            "hide": lambda self: None})()
    controller = make_controller(events, clock)
    tray = ReminderTray(controller, window)
    notifier = Notifier(None, tray.icon, None)
    notifier.way = lambda: "tray"  # the tray host that offscreen lacks
    reminders = Reminders(controller, window, notifier)  # noqa: F841 - kept alive for its connections
    letters, agenda = [], []
    events.write_letter_requested.connect(letters.append)
    events.show_followup_requested.connect(agenda.append)
    with qtbot.waitSignal(notifier.notified):
        controller.start()
    (due,) = controller.due_today_or_earlier()
    tray.icon.messageClicked.emit()
    assert letters == [due.id] and agenda == [due.id] and shown == [True]  # the thank-you, its letter ready
    tray.icon.messageClicked.emit()  # the same reminder clicked twice opens nothing more
    assert letters == [due.id]
    events.applications_changed.emit([interviewed_card(on=TODAY - dt.timedelta(days=2), company="Beta").id])
    assert len(controller.due_today_or_earlier()) == 2
    with qtbot.waitSignal(notifier.notified) as digest:
        controller.fell_due.emit(controller.due_today_or_earlier())
    assert "2 follow-ups are due" in digest.args[0]
    tray.icon.messageClicked.emit()
    assert letters == [due.id] and agenda == [due.id, 0] and shown == [True, True]  # several: the agenda


def test_start_at_login_hides_the_window_only_behind_a_tray_icon(qtbot, qapp, profile, events, clock, monkeypatch):
    """The tray switched off in Preferences but "start at login" on: the window started hidden, unreachable."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from jobfollow.app import starts_hidden
    from jobfollow.core import settings_registry as keys
    from jobfollow.store.settings import write
    from jobfollow.ui.main_window import MainWindow

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    write(keys.TRAY_ENABLED, False)
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    tray = window.install_tray(qapp).icon
    assert tray is None
    assert not starts_hidden(True, tray)
    assert starts_hidden(True, object()) and not starts_hidden(False, object())
    qapp.setQuitOnLastWindowClosed(True)
