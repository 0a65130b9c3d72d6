"""Follow-up timings: defaults, clamped ranges, and the Preferences page that edits them."""

from __future__ import annotations

from jobfollow.core.followup_settings import TIMINGS, FollowUpSettings
from jobfollow.store.followups import followup_settings


def test_defaults_lie_in_their_ranges():
    defaults = FollowUpSettings()
    for timing in TIMINGS:
        assert timing.low <= getattr(defaults, timing.key) == timing.default <= timing.high


def test_out_of_range_and_junk_values_are_clamped_or_ignored():
    settings = FollowUpSettings.from_dict({"no_news_business_days": 30, "max_unanswered_checks": "x",
                                           "status_check_channel": "carrier pigeon", "unknown": 1})
    assert settings.no_news_business_days == 7
    assert settings.max_unanswered_checks == 3 and settings.status_check_channel == "phone"


def test_settings_page_saves_timings_and_start_at_login(qtbot, profile, tmp_path):
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage

    where = {"home": tmp_path, "platform": "linux"}
    page = FollowUpSettingsPage(autostart_where=where)
    qtbot.addWidget(page)
    page.load()
    assert page.spins["no_news_business_days"].value() == 5
    page.spins["no_news_business_days"].setValue(9)  # beyond the range: the box stops at 7
    page.login_check.setChecked(True)
    changed = page.save()
    assert "followups.timings" in changed and "autostart" in changed
    assert followup_settings().no_news_business_days == 7
    entry = (tmp_path / ".config" / "autostart" / "jobfollow.desktop").read_text()
    assert f"--profile {profile.folder} --minimized" in entry  # at login: this profile, not the default one
    assert page.save() == []


def test_units_follow_the_number(qtbot, profile, tmp_path):
    """One week, two weeks: a fixed suffix read "1 weeks" and "1 business days"."""
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage

    page = FollowUpSettingsPage(autostart_where={"home": tmp_path, "platform": "linux"})
    qtbot.addWidget(page)
    page.load()
    weeks, business = page.spins["backoff_first_weeks"], page.spins["withdraw_business_days"]
    assert (weeks.text(), business.text()) == ("1 week", "1 business day")
    weeks.setValue(2)
    business.setValue(3)
    assert (weeks.text(), business.text()) == ("2 weeks", "3 business days")


def test_the_business_day_note_does_not_slide_under_the_row_above_in_french(qtbot, profile, tmp_path):
    from jobfollow import i18n
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage
    from jobfollow.ui.settings.settings_dialog import SettingsDialog

    i18n.set_language("fr_FR")
    page = FollowUpSettingsPage(autostart_where={"home": tmp_path, "platform": "linux"})
    dialog = SettingsDialog([page])
    qtbot.addWidget(dialog)
    dialog.resize(dialog.minimumSizeHint())  # as small as the dialog lets itself be: the note wraps
    dialog.show()
    qtbot.waitExposed(dialog)
    note, combo = page.holidays_label, page.channel_combo
    assert note.heightForWidth(note.width()) > note.fontMetrics().lineSpacing() * 1.5  # two lines at this width
    assert note.y() >= combo.y() + combo.height()  # it started half under the combo box
    assert note.height() >= note.heightForWidth(note.width())


def test_application_timing_and_rejection_choice_are_saved(qtbot, profile, tmp_path):
    from jobfollow.ui.calendar.followup_settings_page import FollowUpSettingsPage

    page = FollowUpSettingsPage(autostart_where={"home": tmp_path, "platform": "linux"})
    qtbot.addWidget(page)
    page.load()
    assert page.spins["applied_first_check_days"].value() == 10
    assert not page.rejection_each_check.isChecked()
    page.spins["applied_first_check_days"].setValue(3)  # below the range: the box stops at 7
    page.rejection_each_check.setChecked(True)
    assert "followups.timings" in page.save()
    saved = followup_settings()
    assert (saved.applied_first_check_days, saved.rejection_thanks_each) == (7, True)
