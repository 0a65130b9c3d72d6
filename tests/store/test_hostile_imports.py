"""Imports that once stored values which broke later: refused with one sentence, or stored so they work."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jobfollow.core import validation
from jobfollow.store import io_json
from jobfollow.store.io_json import DataImportError
from jobfollow.store.models import FollowUp, Interview, JobApplication
from jobfollow.store.rule_key_remap import remap_rule_key
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
    refresh_followups(today=today)  # a done status check calls for the next one: let the originals settle too
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
    assert remap_rule_key("thank_you:3:5:7", maps) == "thank_you:30:50:70"
    assert remap_rule_key("status_check:3:5:2", maps) == "status_check:30:50:2"  # a counter stays
    assert remap_rule_key("withdraw:3:0", maps) == "withdraw:30:0"
    assert remap_rule_key("offer_response:3:2", maps) == "offer_response:30:20"
    assert remap_rule_key("thank_you:3:9:7", maps) is None  # an interview not in the file
    assert remap_rule_key("something_new:3", maps) is None
    # an application's own status check has no interview (0), and the kinds rules round 2 added
    assert remap_rule_key("status_check:3:0:1", maps) == "status_check:30:0:1"
    assert remap_rule_key("close_suggestion:3:0", maps) == "close_suggestion:30:0"
    assert remap_rule_key("record_interview:3", maps) == "record_interview:30"
    assert remap_rule_key("ask_deadline:3:2", maps) == "ask_deadline:30:20"
    assert remap_rule_key("rejection_thanks:3:7", maps) == "rejection_thanks:30:70"
    assert remap_rule_key("rejection_thanks:3", maps) == "rejection_thanks:30"
    assert remap_rule_key("thank_you:3:5", maps) is None  # a thank-you names its person


def test_every_key_the_rules_make_survives_a_merge(profile):
    """A rule key kind the import does not know would turn a done follow-up into a new open one after a merge."""
    from jobfollow.store.followups import refresh_followups
    from jobfollow.store.models import Contact, Offer

    fill_sample_data(25)
    refresh_followups(today=dt.date(2026, 5, 4))
    same = {model: {row.id: row.id for row in model.select()} for model in (JobApplication, Interview, Contact, Offer)}
    keys = [f.rule_key for f in FollowUp.select().where(FollowUp.rule_key.is_null(False))]
    assert len({key.split(":")[0] for key in keys}) >= 5
    assert [key for key in keys if remap_rule_key(key, same) != key] == []


def test_the_forms_and_the_import_share_their_limits(qapp):
    from jobfollow.ui.forms.widgets import SANE_DATE_RANGE

    first, last = SANE_DATE_RANGE
    assert (first.year(), last.year()) == (validation.DATE_MIN.year, validation.DATE_MAX.year)
    assert validation.stored_value_problem("interview", "follow_up_interval_days", validation.INTERVAL_DAYS[1]) is None
    assert validation.stored_value_problem("interview", "follow_up_interval_days", validation.INTERVAL_DAYS[1] + 1)


# -- CSV -------------------------------------------------------------------------------------------
def test_a_utf8_file_with_one_stray_byte_stays_utf8_and_says_so():
    from jobfollow.core.csv_mapping import parse_csv_bytes

    raw = "Company;Title\nSociété Générale;Analyste\nCrème Brûlée SA;Pâtissière\n".encode() + b"Bad\xff Co;Dev\n"
    table = parse_csv_bytes(raw)
    assert table.encoding == "utf-8"
    assert table.rows[0][0] == "Société Générale"  # not "SociÃ©tÃ©"
    assert table.rows[2][0] == "Bad\ufffd Co"
    assert "1 byte" in table.warning and "\n" not in table.warning


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "cp1250", "mac_roman"])
def test_other_encodings_are_detected_not_guessed(encoding):
    from jobfollow.core.csv_mapping import parse_csv_bytes

    text = ("Company;Title;Notes\nMünchener Rück;Prüfer;Größere Aufgaben übernehmen, später Führung\n"
            "Société Générale;Analyste;Intéressé, réponse espérée sous deux semaines\n")
    table = parse_csv_bytes(text.encode(encoding))
    assert table.rows[0][0] == "Münchener Rück" and table.rows[1][0] == "Société Générale"


def test_the_cli_warns_about_stray_bytes(profile, tmp_path):
    from tests.reliability_helpers import run_cli

    profile.close()
    source = tmp_path / "cards.csv"
    source.write_bytes("Company,Title\nSociété,Analyste\n".encode() + b"Caf\xe9 Bar,Waiter\n")
    outcome = run_cli("import", "--profile", str(profile.folder), str(source))
    assert outcome.code == 0
    assert "Imported 2 applications" in outcome.stdout
    assert "not valid UTF-8" in outcome.stderr and outcome.lines == 1


def test_a_note_over_100000_characters_survives_a_csv_round_trip(profile, tmp_path):
    from jobfollow.store import io_csv
    from jobfollow.store.models import Stage

    note = ("Long preparation notes. " * 6000)[:150_000]
    JobApplication.create(stage=Stage.select().first(), company="Acme", position_title="Analyst", notes=note)
    io_csv.export_csv(tmp_path / "cards.csv")
    JobApplication.delete().execute()
    ids, errors = io_csv.import_csv(tmp_path / "cards.csv")
    assert errors == [] and JobApplication.get_by_id(ids[0]).notes == note.strip()


@pytest.mark.parametrize("separator", [",", ";", "\t", "|", "\n"])
@pytest.mark.parametrize("formula", ["=1+1", "+1", "-1", "@SUM(A1)", " =cmd|' /C calc'!A0"])
def test_no_cell_position_a_spreadsheet_could_split_off_starts_a_formula(profile, tmp_path, separator, formula):
    import csv
    import re

    from jobfollow.store import io_csv
    from jobfollow.store.models import Stage

    company = f"x{separator}{formula}"
    JobApplication.create(stage=Stage.select().first(), company=company, position_title="Role", notes=formula)
    io_csv.export_csv(tmp_path / "cards.csv")
    text = (tmp_path / "cards.csv").read_text("utf-8-sig")
    for split_on in (",", ";", "\t", "|"):  # however a spreadsheet splits the line, no piece is a formula
        for line in re.split(r"\r?\n", text):
            for piece in line.split(split_on):
                assert not piece.strip(' "').startswith(("=", "+", "-", "@")), (split_on, piece)
    JobApplication.delete().execute()
    ids, _errors = io_csv.import_csv(tmp_path / "cards.csv")
    card = JobApplication.get_by_id(ids[0])
    assert (card.company, card.notes.strip()) == (company.strip(), formula.strip())
    with open(tmp_path / "cards.csv", encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 2


def test_a_csv_date_in_year_9999_is_a_row_error(profile):
    from jobfollow.core.csv_mapping import parse_csv_bytes
    from jobfollow.store import io_csv

    plan = io_csv.plan_import(parse_csv_bytes(b"Company,Title,Date applied\nAcme,Dev,9999-12-31\nBeta,QA,2026-05-04\n"))
    assert [e.row for e in plan.errors] == [1] and len(plan.cards) == 1
