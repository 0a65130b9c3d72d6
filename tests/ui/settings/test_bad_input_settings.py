"""Preferences with odd values: a doubtful e-mail gets an inline warning, and what was typed is saved as typed."""

from __future__ import annotations

from jobfollow.store.settings import get_user_details
from jobfollow.ui.settings.settings_dialog import SettingsDialog, UserDetailsPage


def test_an_email_that_does_not_look_like_one_is_flagged_inline(qtbot, profile):
    page = UserDetailsPage()
    dialog = SettingsDialog([page])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(page.email_edit, "sam at example")
    assert page.email_message.isVisible() and "does not look like an e-mail" in page.email_message.text()
    page.email_edit.setText("sam@example.org")
    assert not page.email_message.isVisible()
    page.email_edit.setText("sam at example")
    dialog.accept()  # a warning, not a refusal: the user's own address is theirs to decide
    assert get_user_details().email == "sam at example"


def test_emoji_and_punctuation_are_kept_as_typed(qtbot, profile):
    page = UserDetailsPage()
    dialog = SettingsDialog([page])
    qtbot.addWidget(dialog)
    page.name_edit.setText("Sam 😀 Rivera")
    page.phone_edit.setText("+1 (555) 0100 ext. 7")
    dialog.accept()
    details = get_user_details()
    assert (details.name, details.phone) == ("Sam 😀 Rivera", "+1 (555) 0100 ext. 7")
