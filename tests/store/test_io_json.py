"""JSON export/import: everything comes back the same, newer formats are refused, bad files change nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobfollow.core.stages import Outcome
from jobfollow.profile import open_profile_at
from jobfollow.store import io_json
from jobfollow.store.io_json import FORMAT_VERSION, DataImportError
from jobfollow.store.models import (
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Letter,
    Offer,
    Reflection,
    Stage,
    Template,
)
from jobfollow.store.settings import set_setting


@contextlib.contextmanager
def fresh_profile():
    with tempfile.TemporaryDirectory() as folder:
        profile = open_profile_at(Path(folder) / "p")
        try:
            yield profile
        finally:
            profile.close()


def _comparable(data: dict) -> dict:
    return {**data, "exported_at": None}


def _row_counts() -> dict[str, int]:
    return {name: len(rows) for name, rows in io_json.export_data()["tables"].items()}


def test_demo_profile_round_trips_into_an_empty_profile(demo_profile, tmp_path):
    set_setting("user.details", {"name": "Ana Ruiz", "email": "ana@example.org"})
    Template.create(key="my_own_thanks", name="My own thank-you", subject="Thanks, {interviewer_name}", body="Hi")
    app = JobApplication.select().first()
    Letter.create(application=app, subject="Thanks", body="Dear Jo,\nthank you.", state="sent",
                  sent_at=dt.datetime(2026, 5, 2, 10, 30))
    Reflection.create(application=app, feedback="More numbers", went_well="Rapport")
    before = io_json.export_data()
    target = tmp_path / "all.json"
    assert io_json.export_json(target) == 25
    demo_profile.close()

    with fresh_profile():
        counts = io_json.import_json(target)
        assert counts["job_application"] == 25
        after = io_json.export_data()
    assert _comparable(after) == _comparable(before)
    assert before["tables"]["letter"] and before["tables"]["reflection"] and before["tables"]["setting"]


def test_format_is_documented_and_versioned(demo_profile, tmp_path):
    target = tmp_path / "all.json"
    io_json.export_json(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "jobfollow"
    assert data["format_version"] == FORMAT_VERSION
    assert set(data["tables"]) >= {"stage", "job_application", "contact", "application_contact", "interview",
                                   "interview_attendee", "follow_up", "template", "letter", "offer",
                                   "reflection", "activity", "setting"}
    assert "format_version" in (Path(__file__).parents[2] / "docs" / "data-format.md").read_text(encoding="utf-8")


def test_newer_format_is_refused_with_a_clear_message(profile, tmp_path):
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "jobfollow", "format_version": FORMAT_VERSION + 1, "tables": {}}))
    before = _row_counts()
    with pytest.raises(DataImportError, match="newer jobfollow"):
        io_json.import_json(newer)
    assert _row_counts() == before


@pytest.mark.parametrize("content", [b"", b"   ", b"\xff\xfe\x00garbage", b"[1, 2]", b'{"format": "other"}',
                                     b'{"format": "jobfollow", "format_version": 1}',
                                     b'{"format": "jobfollow", "format_version": "1", "tables": {}}'])
def test_files_that_are_not_exports_are_refused(profile, tmp_path, content):
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    with pytest.raises(DataImportError):
        io_json.import_json(source)


def test_a_broken_row_late_in_the_file_imports_nothing(demo_profile, tmp_path):
    data = io_json.export_data()
    data["tables"]["activity"][-1]["occurred_at"] = "yesterday-ish"
    demo_profile.close()
    with fresh_profile():
        before = _row_counts()
        with pytest.raises(DataImportError, match="occurred_at"):
            io_json.import_data(data)
        assert _row_counts() == before


def test_import_into_a_profile_with_cards_adds_beside_them(demo_profile):
    data = io_json.export_data()
    stages_before = Stage.select().count()
    io_json.import_data(data)
    assert JobApplication.select().count() == 50
    assert Stage.select().count() == stages_before  # matched by name and kind, not duplicated
    copies = JobApplication.select().where(JobApplication.company == "Northwind Traders")
    assert {len(a.contact_links) for a in copies} == {len(copies[0].contact_links)}


def test_file_above_the_size_limit_is_refused_without_reading(profile, tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB, sparse: costs no disk
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the big file was read"))
    with pytest.raises(DataImportError, match="larger than"):
        io_json.import_json(big)


# -- property tests ------------------------------------------------------------------------------
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
dates = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
datetimes = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0))
money = st.none() | st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)

card = st.fixed_dictionaries({
    "company": text.filter(str.strip), "position_title": text.filter(str.strip), "notes": text,
    "location": text, "tags": text, "priority": st.integers(0, 1), "applied_on": st.none() | dates,
    "stage_entered_at": datetimes, "deleted_at": st.none() | datetimes,
    "outcome": st.none() | st.sampled_from([o.value for o in Outcome]),
})
contact = st.fixed_dictionaries({"name": text, "email": text, "phone": text, "notes": text})
followup = st.fixed_dictionaries({
    "kind": st.sampled_from(["thank_you", "status_check", "custom"]), "due_on": dates,
    "state": st.sampled_from(["open", "done", "snoozed", "skipped"]), "snoozed_until": st.none() | dates,
    "result": st.sampled_from(["", "sent", "called", "reply_received", "done"]), "reason": text,
})
offer = st.fixed_dictionaries({"base_salary": money, "bonus_target": money, "currency": st.sampled_from(["EUR", "USD"]),
                               "worksheet": st.dictionaries(text, text, max_size=2).map(json.dumps),
                               "paid_days_off": st.none() | st.integers(0, 60),
                               "hours_per_week": st.floats(1, 80, allow_nan=False)})


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cards=st.lists(card, min_size=1, max_size=4), contacts=st.lists(contact, max_size=3),
       followups=st.lists(followup, max_size=4), offers=st.lists(offer, max_size=2),
       settings_=st.dictionaries(st.text(min_size=1, max_size=10), st.integers() | text, max_size=3))
def test_any_profile_round_trips(cards, contacts, followups, offers, settings_):
    with fresh_profile():
        stage = Stage.select().first()
        apps = [JobApplication.create(stage=stage, **values) for values in cards]
        people = [Contact.create(**values) for values in contacts]
        for i, person in enumerate(people):
            ApplicationContact.create(application=apps[i % len(apps)], contact=person, role="interviewer")
        interview = Interview.create(application=apps[0], starts_at=dt.datetime(2026, 5, 1, 10))
        if people:
            InterviewAttendee.create(interview=interview, contact=people[0])
        for i, values in enumerate(followups):
            FollowUp.create(application=apps[i % len(apps)], interview=interview, **values)
        for values in offers:
            Offer.create(application=apps[-1], **values)
        for key, value in settings_.items():
            set_setting(key, value)
        exported = json.loads(json.dumps(io_json.export_data()))  # through real JSON text
    with fresh_profile():
        io_json.import_data(exported)
        again = io_json.export_data()
        stored = [o.base_salary for o in Offer.select().order_by(Offer.id)]
    assert _comparable(again) == _comparable(exported)
    assert stored == [Decimal(str(v["base_salary"])) if v["base_salary"] is not None else None for v in offers]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_fuzzed_bytes_give_only_our_error(raw):
    try:
        io_json.parse_json_bytes(raw)
    except DataImportError:
        return


_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
                            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                            max_leaves=8)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.sampled_from(["stage", "job_application", "contact", "follow_up", "offer", "setting", "activity"]),
       column=st.sampled_from(["id", "name", "company", "stage_id", "due_on", "base_salary", "application_id",
                               "value", "key", "kind", "position", "bogus"]),
       value=_json_values)
def test_fuzzed_rows_import_whole_or_not_at_all(table, column, value):
    with fresh_profile():
        stage = Stage.select().first()
        app = JobApplication.create(stage=stage, company="Acme", position_title="Analyst")
        FollowUp.create(application=app, kind="custom", due_on=dt.date(2026, 5, 5))
        Offer.create(application=app, base_salary=Decimal("50000"))
        set_setting("user.details", {"name": "A"})
        data = json.loads(json.dumps(io_json.export_data()))
    rows = data["tables"][table]
    if rows:
        rows[-1][column] = value
    else:
        rows.append({column: value})
    with fresh_profile():
        before = io_json.export_data()
        try:
            io_json.import_data(data)
        except DataImportError:
            assert _comparable(io_json.export_data()) == _comparable(before)
            return
        assert JobApplication.select().count() == 1
        from jobfollow.store.applications import list_stages
        from jobfollow.store.board import card_summaries

        assert list_stages() and card_summaries()  # what was imported, the board can show


def test_progress_reaches_the_end_and_cancel_leaves_the_profile_as_it_was(demo_profile, tmp_path):
    data = io_json.export_data()
    total = sum(len(rows) for rows in data["tables"].values())
    heard = []
    demo_profile.close()
    with fresh_profile():
        io_json.import_data(data, progress=lambda done, of: heard.append((done, of)))
        assert heard[-1] == (total, total)
        assert JobApplication.select().count() == 25
    with fresh_profile():
        before = _row_counts()
        with pytest.raises(io_json.ImportCancelledError, match="nothing was added"):
            io_json.import_data(data, progress=lambda done, of: done < total // 2)
        assert _row_counts() == before


def test_a_refused_row_inside_a_batch_is_named(demo_profile):
    data = io_json.export_data()
    links = data["tables"]["application_contact"]
    links.append(dict(links[3], id=max(link["id"] for link in links) + 1))  # the same person twice in one role
    demo_profile.close()
    with fresh_profile():
        before = _row_counts()
        with pytest.raises(DataImportError, match=f"application_contact, row {len(links)} cannot be stored"):
            io_json.import_data(data)
        assert _row_counts() == before
