import datetime as dt

import pytest

from jobfollow.core.validation import (
    Severity,
    check_application,
    check_contact,
    check_interview,
    first_error,
    has_errors,
    looks_like_email,
    parse_date,
)
from tests.conftest import TODAY


def test_missing_company_and_position_are_errors_naming_their_fields():
    problems = check_application("  ", "")
    assert [(p.field, p.severity) for p in problems] == [
        ("company", Severity.ERROR), ("position_title", Severity.ERROR)]
    assert first_error(problems).field == "company"
    assert not has_errors(check_application("Contoso", "Analyst"))


def test_a_posting_url_that_is_no_web_address_only_warns():
    problems = check_application("Contoso", "Analyst", "see email from Amy")
    assert [(p.field, p.is_error) for p in problems] == [("posting_url", False)]
    assert check_application("Contoso", "Analyst", "https://jobs.contoso.example/1234") == []
    assert check_application("Contoso", "Analyst", "contoso.example/jobs") == []


@pytest.mark.parametrize(("text", "ok"), [
    ("amy.chen@contoso.example", True), ("a@b.co", True), (" amy@x.org ", True),
    ("amy.chen", False), ("amy@contoso", False), ("amy @x.org", False), ("a@b@c.org", False), ("@x.org", False),
])
def test_email_shapes(text, ok):
    assert looks_like_email(text) is ok


def test_a_contact_needs_a_name_and_a_strange_email_only_warns():
    assert [(p.field, p.is_error) for p in check_contact("", "")] == [("name", True)]
    problems = check_contact("Amy Chen", "amy.chen at contoso")
    assert [(p.field, p.is_error) for p in problems] == [("email", False)]
    assert "amy.chen at contoso" in problems[0].message
    assert check_contact("Amy Chen", "") == []


def test_interview_dates_that_contradict_each_other_warn():
    applied = TODAY - dt.timedelta(days=10)
    interview = dt.datetime.combine(TODAY, dt.time(14, 0))
    assert check_interview(interview, applied, TODAY + dt.timedelta(days=7), TODAY + dt.timedelta(days=9)) == []
    # the same day as the interview is fine for a decision or a follow-up
    assert check_interview(interview, applied, TODAY, TODAY) == []
    early = dt.datetime.combine(applied - dt.timedelta(days=1), dt.time(9, 0))
    problems = check_interview(early, applied)
    assert [(p.field, p.severity) for p in problems] == [("starts_at", Severity.WARNING)]
    assert "Apr 23, 2026" in problems[0].message and "Apr 24, 2026" in problems[0].message
    problems = check_interview(interview, applied, TODAY - dt.timedelta(days=1), TODAY - dt.timedelta(days=2))
    assert [p.field for p in problems] == ["decision_date", "follow_up_on"]
    assert not has_errors(problems)


def test_no_application_date_means_no_check_against_it():
    assert check_interview(dt.datetime(2020, 1, 1, 9, 0), None) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-05-04", dt.date(2026, 5, 4)), (" 2024-2-29 ", dt.date(2024, 2, 29)), ("", None), ("   ", None),
])
def test_parse_date_accepts_real_dates_and_blank(text, expected):
    assert parse_date(text) == (expected, None)


@pytest.mark.parametrize(("text", "says"), [
    ("2026-02-30", "28 days"), ("2025-02-29", "28 days"), ("2026-04-31", "30 days"), ("2026-13-01", "month 13"),
    ("04/05/2026", "YYYY-MM-DD"), ("next week", "YYYY-MM-DD"), ("0000-01-01", "not a date"),
])
def test_parse_date_names_what_is_wrong_with_a_date_that_cannot_be(text, says):
    value, problem = parse_date(text, field="decision_date")
    assert value is None
    assert problem.is_error and problem.field == "decision_date"
    assert says in problem.message
