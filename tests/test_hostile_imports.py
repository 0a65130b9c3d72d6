"""Imports that once stored values which broke later: refused with one sentence, or stored so they work."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jobfollow.core import validation
from jobfollow.store import io_json
from jobfollow.store.io_json import DataImportError
from jobfollow.store.models import FollowUp, Interview, JobApplication
from jobfollow.store.sample_data import fill_sample_data


@pytest.fixture
def exported(profile, tmp_path):
    """A real export of the demo data (with follow-ups made by the rules), as parsed JSON."""
    from jobfollow.store.followups import refresh_followups

    fill_sample_data()
    refresh_followups(today=dt.date(2026, 5, 4))
    io_json.export_json(tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text("utf-8"))
    for model in (JobApplication,):  # an empty profile to import into
        model.delete().execute()
    return data


def _first(data, table, **where):
    return next(row for row in data["tables"][table] if all(row[k] == v for k, v in where.items()))


@pytest.mark.parametrize(("table", "column", "value", "phrase"), [
    ("interview", "decision_date", "9999-12-31", "between 1900 and 2199"),
    ("job_application", "applied_on", "0001-01-01", "between 1900 and 2199"),
    ("interview", "starts_at", "9999-12-31 23:59:59+14:00", "cannot be read"),
    ("interview", "follow_up_interval_days", 10**12, "between 0 and 90"),
    ("application_contact", "role", "supervillain", "not one of the values"),
    ("offer", "pay_period", "fortnight", "not one of the values"),
    ("offer", "base_salary", "1e30", "between"),
    ("offer", "hours_per_week", 1e308, "between"),
    ("offer", "worksheet", "[1, 2]", "not the data"),
    ("contact", "name", "Ana \ud800 Ruiz", "not valid Unicode"),
])
def test_values_that_would_break_later_are_refused_with_one_sentence(exported, table, column, value, phrase):
    row = exported["tables"][table][0]
    row[column] = value
    before = JobApplication.select().count()
    with pytest.raises(DataImportError) as caught:
        io_json.import_data(exported)
    message = str(caught.value)
    assert phrase in message and column in message and "\n" not in message
    assert JobApplication.select().count() == before  # all or nothing


def test_times_with_a_zone_are_stored_as_local_wall_clock_time(exported):
    row = exported["tables"]["interview"][0]
    row["starts_at"] = "2026-05-04T14:00:00Z"
    io_json.import_data(exported)
    stored = Interview.get_by_id(row["id"]).starts_at
    expected = dt.datetime(2026, 5, 4, 14, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert stored == expected and stored.tzinfo is None


def test_a_merge_keeps_done_follow_ups_done(profile, tmp_path):
    """Importing into a profile that already has cards once brought done follow-ups back as open."""
    from jobfollow.store.followups import pending_followups, refresh_followups

    today = dt.date(2026, 5, 4)
    fill_sample_data(12)
    refresh_followups(today=today)
    done = [f for f in FollowUp.select().where(FollowUp.rule_key.is_null(False))][:6]
    for followup in done:
        followup.state = "done"
        followup.save()
    io_json.export_json(tmp_path / "all.json")
    open_before = len(pending_followups())
    io_json.import_json(tmp_path / "all.json")  # the profile has cards: a merge, every id new
    refresh_followups(today=today)
    assert len(pending_followups()) == 2 * open_before  # the copies' done follow-ups did not come back
    copies_done = FollowUp.select().where((FollowUp.state == "done") & FollowUp.rule_key.is_null(False)).count()
    assert copies_done == 2 * len(done)


def test_remapped_rule_keys_point_at_the_new_rows():
    maps = {JobApplication: {3: 30}, Interview: {5: 50}}
    from jobfollow.store.models import Contact, Offer

    maps[Contact] = {7: 70}
    maps[Offer] = {2: 20}
    assert io_json.remap_rule_key("thank_you:3:5:7", maps) == "thank_you:30:50:70"
    assert io_json.remap_rule_key("status_check:3:5:2", maps) == "status_check:30:50:2"  # a counter stays
    assert io_json.remap_rule_key("withdraw:3:0", maps) == "withdraw:30:0"
    assert io_json.remap_rule_key("offer_response:3:2", maps) == "offer_response:30:20"
    assert io_json.remap_rule_key("thank_you:3:9:7", maps) is None  # an interview not in the file
    assert io_json.remap_rule_key("something_new:3", maps) is None


def test_the_forms_and_the_import_share_their_limits(qapp):
    from jobfollow.ui.forms.widgets import SANE_DATE_RANGE

    first, last = SANE_DATE_RANGE
    assert (first.year(), last.year()) == (validation.DATE_MIN.year, validation.DATE_MAX.year)
    assert validation.stored_value_problem("interview", "follow_up_interval_days", validation.INTERVAL_DAYS[1]) is None
    assert validation.stored_value_problem("interview", "follow_up_interval_days", validation.INTERVAL_DAYS[1] + 1)
