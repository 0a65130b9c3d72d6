"""One table of texts per follow-up kind, and one date parser."""

from __future__ import annotations

import datetime as dt

import pytest

from jobfollow.core.card_texts import badge_action
from jobfollow.core.followup_facts import Kind
from jobfollow.core.followup_kinds import KIND_TEXTS, kind_action, kind_label
from jobfollow.core.validation import parse_date
from jobfollow.i18n import set_language
from jobfollow.store import io_csv


def test_every_kind_is_named_once_for_the_agenda_the_badge_and_the_calendar():
    assert set(KIND_TEXTS) == set(Kind)
    for texts in KIND_TEXTS.values():
        assert texts.label and texts.action and "{name}" not in texts.action
        assert texts.action_with_name == texts.action or "{name}" in texts.action_with_name


def test_the_badge_says_what_the_table_says_in_the_language_of_the_moment():
    assert badge_action("thank_you", "", "Marco Rossi") == kind_action("thank_you", "Marco") == "Thank Marco"
    assert badge_action("status_check", "", "") == kind_action("status_check")
    assert badge_action("custom", "Call the agency", "") == "Call the agency"  # the user's own title
    set_language("de_DE")
    assert badge_action("thank_you", "", "Marco Rossi") == kind_action("thank_you", "Marco") != "Thank Marco"
    assert kind_label("status_check") != "Status check"


def test_the_calendar_file_names_an_untitled_follow_up_as_the_agenda_does(profile, tmp_path):
    from icalendar import Calendar

    from jobfollow.store import io_ics
    from jobfollow.store.models import FollowUp, JobApplication, Stage

    app = JobApplication.create(stage=Stage.select().first(), company="Fabrikam", position_title="Analyst")
    FollowUp.create(application=app, kind="network_checkin", due_on=dt.date(2026, 5, 7))
    io_ics.export_ics(tmp_path / "f.ics", now=dt.datetime(2026, 5, 4, 9))
    [event] = Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == f"{kind_label('network_checkin')}: Fabrikam"


@pytest.mark.parametrize("text", ["04.05.2026", "5/4/2026", "May 4, 2026", "2026/05/04", "2026-05-04 10:30"])
def test_one_parser_reads_what_spreadsheets_write_but_forms_ask_for_iso(text):
    assert io_csv.parse_date(text) == parse_date(text, spreadsheet=True)[0] == dt.date(2026, 5, 4)
    value, problem = parse_date(text)
    assert value is None and problem is not None
    assert parse_date("2026-05-04") == (dt.date(2026, 5, 4), None)
