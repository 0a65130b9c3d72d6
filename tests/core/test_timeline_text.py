"""Timeline text kept as facts: written in the language of the moment, the old text when there are none."""

import datetime as dt

from jobfollow import i18n
from jobfollow.core.timeline_text import TextFact, action_arg, date_arg, label, labels, render, stage_arg


def test_facts_are_written_in_the_language_shown_now():
    fact = TextFact("Moved from {source} to {target}", {"source": label("Applied"), "target": "Phone screen"})
    data = {"text": fact.as_data()}
    assert render("stored words", data) == "Moved from Applied to Phone screen"
    i18n.set_language("de")
    assert render("stored words", data) == i18n._("Moved from {source} to {target}").format(
        source=i18n._("Applied"), target="Phone screen")
    assert "Phone screen" in render("stored words", data)  # a name the user chose is never translated


def test_dates_labels_and_actions_follow_the_locale():
    fact = TextFact("Accepted the offer; starting {date}", {"date": date_arg(dt.date(2026, 6, 1), "long")})
    edited = TextFact("Edited {fields}", {"fields": labels(["Company", "Notes"])})
    done = TextFact("Done: {title}", {"title": action_arg("thank_you", "Marco")})
    i18n.set_language("fr")
    assert i18n.format_date(dt.date(2026, 6, 1), "long") in fact.render()
    assert edited.render() == i18n._("Edited {fields}").format(fields=f"{i18n._('Company')}, {i18n._('Notes')}")
    assert "Marco" in done.render() and done.render() != "Done: Thank Marco"


def test_an_entry_without_facts_or_with_unreadable_ones_keeps_its_text():
    assert render("Written long ago", {}) == "Written long ago"
    assert render("Kept", {"text": {"message": "Hello {who}", "args": {}}}) == "Kept"  # a missing argument
    assert render("Kept", {"text": {"message": 3}}) == "Kept"
    assert render("Kept", {"text": {"message": "{x}", "args": {"x": {"unknown": 1}}}}) == "Kept"
    assert render("Kept", []) == "Kept"  # data that is not an object


def test_a_built_in_stage_name_follows_the_language_and_a_chosen_one_stays():
    assert stage_arg("applied", "Applied") == label("Applied")
    assert stage_arg("applied", "Phone screen") == "Phone screen"
    i18n.set_language("de")
    assert stage_arg("applied", i18n._("Applied")) == label("Applied")  # named in German when it was made
    assert stage_arg("nonsense", "Applied") == "Applied"
