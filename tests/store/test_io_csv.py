"""CSV import from other trackers and spreadsheets, and CSV export that spreadsheets cannot turn into formulas."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobfollow.core.csv_mapping import (
    CsvFormatError,
    guess_mapping,
    guess_stage_kind,
    parse_csv_bytes,
)
from jobfollow.core.stages import StageKind
from jobfollow.store import io_csv
from jobfollow.store.models import Activity, Contact, JobApplication, Stage

TRACKER = (
    "Company;Job Title;Status;Date Applied;Job URL;Location;Salary;Notes;Recruiter;Recruiter Email\n"
    "Fabrikam;Data Analyst;Interviewing;2026-10-02;https://f.example/1;Berlin;65k EUR;Panel;Anna Keller;"
    "anna@f.example\n"
    "Litware;Product Manager;Applied;10/05/2026;;Remote;;;;\n"
    "Adventure Works;UX Researcher;Rejected;20.09.2026;;München;;Thank-you sent;;\n"
    "Woodgrove;Analyst;Offer;Sep 12, 2026;;Frankfurt;70,000 EUR;;Mira;mira@w.example\n"
)


def _count() -> int:
    return JobApplication.select().count()


def test_headers_of_common_trackers_are_guessed():
    headers = ["Company Name", "Position", "Application Status", "Date Applied", "Job Link", "City",
               "Salary Range", "Comments", "Contact Person", "Contact Email", "Favourite colour"]
    assert guess_mapping(headers) == ["company", "position_title", "status", "applied_on", "posting_url",
                                      "location", "salary_range", "notes", "contact_name", "contact_email", ""]
    assert guess_mapping(["Role", "Employer", "Stage"]) == ["position_title", "company", "status"]
    assert guess_mapping(["Title", "Job title"])[1] == ""  # one column per field


@pytest.mark.parametrize(("word", "kind"), [("Interviewing", StageKind.INTERVIEWED), ("Rejected", StageKind.CLOSED),
                                            ("Phone screen", StageKind.INTERVIEW_SCHEDULED),
                                            ("Offer received", StageKind.OFFER), ("wishlist", StageKind.APPLIED),
                                            ("Second interview", StageKind.NEXT_ROUND), ("Quux", None)])
def test_status_words_map_to_stage_kinds(word, kind):
    assert guess_stage_kind(word) == kind


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_are_recognised(encoding):
    table = parse_csv_bytes(TRACKER.encode(encoding))
    assert table.headers[0] == "Company"
    assert table.delimiter == ";"
    assert table.rows[2][5] == "München"


def test_tracker_file_imports_with_stages_contacts_and_dates(profile, tmp_path):
    source = tmp_path / "tracker.csv"
    source.write_text(TRACKER, encoding="cp1252")
    ids, errors = io_csv.import_csv(source)
    assert errors == [] and len(ids) == 4
    cards = {a.company: a for a in JobApplication.select().where(JobApplication.id.in_(ids))}
    assert cards["Fabrikam"].stage.kind == "interviewed"
    assert cards["Adventure Works"].stage.kind == "closed" and cards["Adventure Works"].outcome == "rejected"
    assert cards["Litware"].applied_on == dt.date(2026, 10, 5)
    assert cards["Adventure Works"].applied_on == dt.date(2026, 9, 20)
    assert cards["Woodgrove"].salary_range == "70,000 EUR"
    assert [c.contact.email for c in cards["Fabrikam"].contact_links] == ["anna@f.example"]
    assert Activity.select().where(Activity.application.in_(ids), Activity.kind == "created").count() == 4


def test_ragged_rows_are_padded_and_reported(profile):
    table = parse_csv_bytes(b"Company,Title,Notes\nAcme,Analyst\nBeta,Dev,note,extra\n")
    assert table.ragged_rows == [1, 2]
    assert table.headers[-1] == "Column 4"
    plan = io_csv.plan_import(table)
    assert [c.values["company"] for c in plan.cards] == ["Acme", "Beta"]


def test_a_bad_row_refuses_the_whole_file(profile, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("Company,Title,Date applied\nAcme,Analyst,2026-01-02\nBeta,Dev,someday\n", encoding="utf-8")
    with pytest.raises(CsvFormatError, match="Row 2"):
        io_csv.import_csv(source)
    assert _count() == 0
    ids, errors = io_csv.import_csv(source, skip_bad_rows=True)
    assert len(ids) == 1 and errors[0].row == 2


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"Company,Title\n", b"\x00\x01\x02\x03PK\x03\x04" * 50,
                                     bytes(range(256)) * 20])
def test_empty_and_binary_files_get_a_clear_message(profile, tmp_path, content):
    source = tmp_path / "data.csv"
    source.write_bytes(content)
    with pytest.raises(CsvFormatError):
        io_csv.import_csv(source)
    assert _count() == 0


def test_huge_file_is_refused_before_reading(profile, tmp_path, monkeypatch):
    from pathlib import Path

    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the big file was read"))
    with pytest.raises(CsvFormatError, match="larger than"):
        io_csv.read_csv_file(big)


def test_cancelled_import_leaves_nothing(profile):
    rows = "".join(f"Company {i},Job {i}\n" for i in range(1200))
    plan = io_csv.plan_import(parse_csv_bytes(("Company,Title\n" + rows).encode()))
    calls = []

    def progress(done, total):
        calls.append(done)
        return len(calls) < 2  # cancel after the second chunk was written

    with pytest.raises(CsvFormatError, match="cancelled"):
        io_csv.apply_import(plan, progress=progress)
    assert _count() == 0 and Contact.select().count() == 0
    assert calls == [500, 1000]


def test_export_neutralises_formulas_and_reimports(profile, tmp_path):
    stage = Stage.select().first()
    dangerous = ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR"]
    for i, text in enumerate(dangerous):
        JobApplication.create(stage=stage, company=text, position_title=f"Role {i}", notes=text)
    target = tmp_path / "cards.csv"
    assert io_csv.export_csv(target) == len(dangerous)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[1][0] == "'" + dangerous[0]
    JobApplication.delete().execute()
    ids, _errors = io_csv.import_csv(target)
    assert sorted(JobApplication.get_by_id(i).company for i in ids) == sorted(dangerous)


# -- fuzzing -------------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_fuzzed_files_fail_cleanly_or_import_whole(profile, raw):
    before = _count()
    try:
        table = parse_csv_bytes(raw)
        plan = io_csv.plan_import(table)
        io_csv.apply_import(plan)
    except CsvFormatError:
        assert _count() == before
        return
    assert _count() == before + len(plan.cards)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=5), min_size=1, max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_fuzzed_tables_fail_cleanly_or_import_whole(profile, rows, delimiter):
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([["Company", "Title", "Status", "Date applied"], *rows])
    before = _count()
    try:
        plan = io_csv.plan_import(parse_csv_bytes(buffer.getvalue().encode("utf-8")))
        ids = io_csv.apply_import(plan, io_csv.guess_status_stages([c.status for c in plan.cards]))
    except CsvFormatError:
        assert _count() == before
        return
    assert _count() == before + len(ids) == before + len(plan.cards)


cell_text = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=30).map(str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(cards=st.lists(st.tuples(cell_text.filter(bool), cell_text.filter(bool), cell_text, cell_text),
                      min_size=1, max_size=6))
def test_csv_export_then_import_gives_the_cards_back(profile, tmp_path, cards):
    JobApplication.delete().execute()
    stage = Stage.select().order_by(Stage.position).first()
    for company, title, location, notes in cards:
        JobApplication.create(stage=stage, company=company, position_title=title, location=location, notes=notes)
    target = tmp_path / "cards.csv"
    io_csv.export_csv(target)
    JobApplication.delete().execute()
    ids, errors = io_csv.import_csv(target)
    assert errors == []
    back = sorted((a.company, a.position_title, a.location, a.notes, a.stage_id)
                  for a in JobApplication.select().where(JobApplication.id.in_(ids)))
    assert back == sorted((*card, stage.id) for card in cards)


def test_history_imported_as_closed_asks_for_no_letters(profile, tmp_path):
    from jobfollow.store.followups import refresh_followups
    from jobfollow.store.models import FollowUp

    source = tmp_path / "history.csv"
    source.write_text("Company,Job Title,Status,Recruiter,Recruiter Email\n"
                      "Adventure Works,UX Researcher,Rejected,Rita Diaz,rita@aw.example\n"
                      "Tailspin,Analyst,Withdrawn,Omar Haddad,omar@t.example\n", encoding="utf-8")
    ids, errors = io_csv.import_csv(source)
    assert errors == [] and {a.outcome for a in JobApplication.select()} == {"rejected", "withdrew"}
    refresh_followups()
    # a spreadsheet's old rejections and withdrawals are history: no thank-you, lesson or withdrawal due today
    assert [f.kind for f in FollowUp.select().where(FollowUp.application.in_(ids))] == []


@given(st.text(st.sampled_from("'= @;,+-a\t"), max_size=12))
def test_the_formula_guard_gives_back_exactly_what_was_typed(text):
    """Whatever the cell held (even apostrophes before a formula character), export then import returns it."""
    from jobfollow.store.io_csv import _unneutralise, neutralise

    guarded = neutralise(text)
    assert _unneutralise(guarded) == text
    assert not guarded.lstrip(" ").startswith(("=", "+", "-", "@"))  # a spreadsheet never runs it


def test_the_paperwork_fields_are_guessed_from_other_trackers_headers():
    headers = ["Company", "Company Website", "Employer address", "Applied via", "E-mail address", "Website"]
    assert guess_mapping(headers) == ["company", "employer_website", "employer_address", "how_applied",
                                      "contact_email", "posting_url"]


def test_address_website_and_method_come_in_and_an_unknown_method_is_kept_in_the_notes(profile, tmp_path):
    source = tmp_path / "log.csv"
    source.write_text("Firma;Anschrift;Webseite;Bewerbungsart;Notizen\n"
                      "Fabrikam;\"Hauptstr. 1\n10115 Berlin\";https://fabrikam.example;per E-Mail;\n"
                      "Litware;;;Online-Formular;\n"
                      "Woodgrove;;;Carrier pigeon;Sent on a Friday\n", encoding="utf-8")
    ids, errors = io_csv.import_csv(source)
    assert errors == []
    cards = {a.company: a for a in JobApplication.select().where(JobApplication.id.in_(ids))}
    assert cards["Fabrikam"].employer_address == "Hauptstr. 1\n10115 Berlin"
    assert cards["Fabrikam"].employer_website == "https://fabrikam.example"
    assert [cards[name].how_applied for name in ("Fabrikam", "Litware", "Woodgrove")] == ["email", "online", ""]
    assert cards["Woodgrove"].notes.startswith("Sent on a Friday") and "Carrier pigeon" in cards["Woodgrove"].notes


def test_our_export_brings_the_paperwork_fields_back(profile, tmp_path):
    JobApplication.delete().execute()
    stage = Stage.select().order_by(Stage.position).first()
    for method in ("online", "email", "post", "in_person", "phone", ""):
        JobApplication.create(stage=stage, company=f"Co {method or 'none'}", position_title="Analyst",
                              how_applied=method,
                              employer_address="Rue 1\n75001 Paris", employer_website="https://co.example")
    target = tmp_path / "cards.csv"
    io_csv.export_csv(target)
    JobApplication.delete().execute()
    ids, errors = io_csv.import_csv(target)
    assert errors == []
    back = {(a.company, a.how_applied, a.employer_address, a.employer_website)
            for a in JobApplication.select().where(JobApplication.id.in_(ids))}
    assert back == {(f"Co {method or 'none'}", method, "Rue 1\n75001 Paris", "https://co.example")
                    for method in ("online", "email", "post", "in_person", "phone", "")}
