"""Quiet hours and the morning digest: which due follow-ups the reminder clock announces, and when."""

from __future__ import annotations

import datetime as dt

import pytest

from jobfollow.core.followup_notify import NotifySettings, is_quiet, plan_announcements
from tests.conftest import TODAY

QUIET = NotifySettings(quiet_hours=True, quiet_from=21, quiet_until=8)
DIGEST = NotifySettings(digest=True, digest_hour=9)


def at(hour, minute=0, day=TODAY):
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.mark.parametrize(("hour", "quiet"), [(20, False), (21, True), (23, True), (0, True), (7, True), (8, False)])
def test_quiet_hours_may_cross_midnight(hour, quiet):
    assert is_quiet(at(hour), QUIET) is quiet


def test_quiet_hours_inside_one_day_and_switched_off():
    lunch = NotifySettings(quiet_hours=True, quiet_from=12, quiet_until=14)
    assert [is_quiet(at(h), lunch) for h in (11, 12, 13, 14)] == [False, True, True, False]
    assert not is_quiet(at(23), NotifySettings(quiet_from=21, quiet_until=8))  # off unless ticked
    assert not is_quiet(at(23), NotifySettings(quiet_hours=True, quiet_from=8, quiet_until=8))  # an empty span


def test_nothing_is_announced_in_quiet_hours_and_everything_after():
    assert plan_announcements([1, 2], at(23), QUIET, None).ids == ()
    assert plan_announcements([1, 2], at(8, 1), QUIET, None).ids == (1, 2)


def test_the_digest_holds_the_night_for_one_morning_summary_then_announces_as_they_come():
    assert plan_announcements([1, 2, 3], at(0, 1), DIGEST, None).ids == ()
    assert plan_announcements([1, 2, 3], at(8, 59), DIGEST, None).ids == ()
    morning = plan_announcements([1, 2, 3], at(9), DIGEST, None)
    assert (morning.ids, morning.digest, morning.digest_shown_on) == ((1, 2, 3), True, TODAY)
    later = plan_announcements([4], at(15), DIGEST, TODAY)
    assert (later.ids, later.digest, later.digest_shown_on) == ((4,), False, None)
    assert not plan_announcements([5], at(9), DIGEST, None).digest  # one item is not a summary


def test_quiet_hours_win_over_a_digest_hour_inside_them():
    both = NotifySettings(quiet_hours=True, quiet_from=21, quiet_until=10, digest=True, digest_hour=8)
    assert plan_announcements([1, 2], at(9), both, None).ids == ()
    assert plan_announcements([1, 2], at(10), both, None).digest


def test_settings_from_a_damaged_profile_are_clamped_or_ignored():
    settings = NotifySettings.from_dict({"quiet_hours": 1, "quiet_from": 30, "quiet_until": "x", "digest_hour": -2})
    assert settings == NotifySettings(quiet_hours=True, quiet_from=23, quiet_until=8, digest_hour=0)
    assert NotifySettings.from_dict("junk") == NotifySettings()


def test_the_reminder_clock_keeps_due_items_waiting_in_quiet_hours(qtbot, demo_profile, events):
    from jobfollow.services.followups import FollowUpService
    from jobfollow.store.followup_notify import save_notify_settings

    save_notify_settings(NotifySettings(quiet_hours=True, quiet_from=21, quiet_until=8, digest=True,
                                        digest_hour=8))
    clock = [at(23)]
    service = FollowUpService(events, clock=lambda: clock[0])
    announced = []
    service.fell_due.connect(announced.append)
    try:
        service.today = TODAY
        service.refresh(None)
        service._announce()
        assert announced == []  # 23:00: quiet
        clock[0] = at(8, 30)
        service.tick()
        assert len(announced) == 1 and len(announced[0]) > 1  # one morning summary of everything due
        service.tick()
        assert len(announced) == 1  # never twice
    finally:
        service.stop()


def test_preferences_save_quiet_hours_and_the_digest(qtbot, profile, tmp_path):
    from jobfollow.store.followup_notify import notify_settings
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage

    page = FollowUpSettingsPage(autostart_where={"home": tmp_path, "platform": "linux"})
    qtbot.addWidget(page)
    page.load()
    box = page.quiet_box
    assert not box.quiet_check.isChecked() and not box.quiet_from.isEnabled()
    box.quiet_check.setChecked(True)
    assert box.quiet_from.isEnabled()
    box.quiet_from.setValue(22)
    box.quiet_until.setValue(7)
    box.digest_check.setChecked(True)
    box.digest_hour.setValue(9)
    assert "notifications.quiet_and_digest" in page.save()
    assert notify_settings() == NotifySettings(True, 22, 7, True, 9)
    assert page.save() == []
