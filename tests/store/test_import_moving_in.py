"""Moving in from another tracker: the file's dates drive the rules, its follow-up dates become follow-ups, and
the import says what is due now because of it."""

from __future__ import annotations

import datetime as dt

from jobfollow.app import main
from jobfollow.core.csv_mapping import guess_mapping
from jobfollow.store.followups import pending_followups
from jobfollow.store.import_followups import due_after_import, due_summary
from jobfollow.store.io_csv import import_csv, plan_import, read_csv_file
from jobfollow.store.models import FollowUp, JobApplication

TRACKER = (
    "Company,Job Title,Status,Date Applied,Follow-Up Date,Contact Name,Contact Email\n"
    "Fabrikam,Data Analyst,Applied,{applied},{follow_up},Anna Keller,anna@fabrikam.example\n"
    "Litware,Product Manager,Interviewing,{applied},,,\n"
    "Contoso,BI Developer,Offer,{applied},,Carl Offer,carl@contoso.example\n"
    "Northwind,Analyst,Rejected,{applied},{follow_up},,\n"
    "Tailspin,Engineer,Ghosted,{applied},,,\n"
)


def tracker_file(tmp_path, today):
    path = tmp_path / "tracker.csv"
    path.write_text(TRACKER.format(applied=(today - dt.timedelta(days=30)).isoformat(),
                                   follow_up=(today + dt.timedelta(days=2)).isoformat()), encoding="utf-8")
    return path


def by_company():
    return {app.company: app for app in JobApplication.select()}


def test_the_usual_columns_are_recognised():
    headers = ["Company", "Job Title", "Status", "Date Applied", "Follow-Up Date", "Contact Name", "Contact Email",
               "Status Date"]
    assert guess_mapping(headers) == ["company", "position_title", "status", "applied_on", "follow_up_on",
                                      "contact_name", "contact_email", "stage_on"]


def test_a_spreadsheet_moves_in_with_its_follow_ups_due(profile, tmp_path):
    today = dt.date.today()
    ids, errors = import_csv(tracker_file(tmp_path, today))
    assert not errors and len(ids) == 5
    due = due_after_import(ids, today)
    cards = by_company()
    company_of = {app.id: company for company, app in cards.items()}
    kinds = {(company_of[item.application_id], item.kind) for item in due}
    # followed from their own dates: an application a month old is due a check; the interview stage asks for
    # the interview; the Offer card asks for the offer's details
    assert ("Fabrikam", "status_check") in kinds
    assert ("Litware", "record_interview") in kinds and ("Litware", "status_check") in kinds
    assert ("Contoso", "offer_details") in kinds
    # closed cards are history
    assert not {company for company, _kind in kinds} & {"Northwind", "Tailspin"}
    # the Follow-Up Date column: a follow-up on that day, to the card's contact; none for a closed card
    own = [(f.application.company, f.due_on, f.contact.name if f.contact else None)
           for f in FollowUp.select().where(FollowUp.kind == "custom")]
    assert own == [("Fabrikam", today + dt.timedelta(days=2), "Anna Keller")]
    # an active card stands in its stage since the file's date, not since the import
    assert cards["Litware"].stage_entered_at.date() == today - dt.timedelta(days=30)
    summary = due_summary(due)
    assert str(len(due)) in summary and "because of the import" in summary


def test_a_status_date_column_sets_the_day_the_card_entered_its_stage(profile, tmp_path):
    today = dt.date.today()
    path = tmp_path / "dates.csv"
    path.write_text(f"Company,Status,Date Applied,Status Date\nLitware,Interviewing,{today - dt.timedelta(40)},"
                    f"{today - dt.timedelta(3)}\n", encoding="utf-8")
    ids, _errors = import_csv(path)
    assert JobApplication.get_by_id(ids[0]).stage_entered_at.date() == today - dt.timedelta(days=3)
    due_after_import(ids, today)
    checks = [i for i in pending_followups() if i.kind == "status_check"]
    assert checks and all(i.due_on > today for i in checks)  # five business days from the status date


def test_a_bad_follow_up_date_is_a_row_error(profile, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Company,Follow-Up Date\nFabrikam,31/31/2026\nLitware,2026-06-01\n", encoding="utf-8")
    plan = plan_import(read_csv_file(path))
    assert [card.follow_up_on for card in plan.cards] == [dt.date(2026, 6, 1)]
    assert [(e.row, "31/31/2026" in e.message) for e in plan.errors] == [(1, True)]


def test_the_command_line_import_says_what_is_due_now(profile, tmp_path, capsys):
    path = tracker_file(tmp_path, dt.date.today())
    profile.close()
    assert main(["import", str(path), "--profile", str(profile.folder)]) == 0
    out = capsys.readouterr().out
    assert "Imported 5 applications" in out and "due now because of the import" in out
