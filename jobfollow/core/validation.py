"""Pure checks for what the user types in the forms (or imports as text).

Every check returns a list of ``Problem``: an *error* stops saving, a *warning* is shown inline and
saving goes on (a real interview can be logged before the card's application date, say, after a
mistyped date elsewhere; the user decides). Nothing here imports Qt or Peewee.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from jobfollow.i18n import _, format_date


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str  # the form field it belongs to, so the form can show it there and move focus
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.is_error for problem in problems)


def first_error(problems: list[Problem]) -> Problem | None:
    return next((problem for problem in problems if problem.is_error), None)


def _error(field: str, message: str) -> Problem:
    return Problem(field, Severity.ERROR, message)


def _warning(field: str, message: str) -> Problem:
    return Problem(field, Severity.WARNING, message)


# -- application details ---------------------------------------------------------------------------

def check_application(company: str, position_title: str, posting_url: str = "") -> list[Problem]:
    problems = []
    if not company.strip():
        problems.append(_error("company", _("Enter the company you applied to.")))
    if not position_title.strip():
        problems.append(_error("position_title", _("Enter the position title.")))
    url = posting_url.strip()
    if url and not looks_like_web_address(url):
        problems.append(_warning("posting_url", _("This does not look like a web address (https://…).")))
    return problems


def looks_like_web_address(text: str) -> bool:
    return re.fullmatch(r"(https?://)?[^\s/@]+\.[^\s/@]{2,}(/\S*)?", text.strip(), re.IGNORECASE) is not None


# -- people ---------------------------------------------------------------------------------------

_EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}")


def looks_like_email(text: str) -> bool:
    return _EMAIL.fullmatch(text.strip()) is not None


def check_contact(name: str, email: str) -> list[Problem]:
    problems = []
    if not name.strip():
        problems.append(_error("name", _("Enter the person's name.")))
    if email.strip() and not looks_like_email(email):
        message = _("“{email}” does not look like an e-mail address.").format(email=email.strip())
        problems.append(_warning("email", message))
    return problems


# -- interviews -----------------------------------------------------------------------------------

def check_interview(
    starts_at: dt.datetime,
    applied_on: dt.date | None,
    decision_date: dt.date | None = None,
    follow_up_on: dt.date | None = None,
) -> list[Problem]:
    """Dates that contradict each other; all warnings (the user may know better)."""
    problems = []
    day = starts_at.date()
    if applied_on is not None and day < applied_on:
        problems.append(_warning(
            "starts_at",
            _("The interview is on {interview}, before you applied ({applied}).").format(
                interview=format_date(day), applied=format_date(applied_on)),
        ))
    if decision_date is not None and decision_date < day:
        problems.append(_warning(
            "decision_date",
            _("The decision date ({decision}) is before the interview ({interview}).").format(
                decision=format_date(decision_date), interview=format_date(day)),
        ))
    if follow_up_on is not None and follow_up_on < day:
        problems.append(_warning(
            "follow_up_on",
            _("The follow-up date ({follow_up}) is before the interview ({interview}).").format(
                follow_up=format_date(follow_up_on), interview=format_date(day)),
        ))
    return problems


# -- dates typed or imported as text ----------------------------------------------------------------

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def parse_date(text: str, field: str = "date") -> tuple[dt.date | None, Problem | None]:
    """An ISO date (2026-05-04) from text; ``(None, None)`` for blank, ``(None, error)`` for a date that cannot be."""
    if not text.strip():
        return None, None
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        return None, _error(field, _("“{text}” is not a date; write it as YYYY-MM-DD.").format(text=text.strip()))
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return None, _error(field, _("“{text}” has no month {month}.").format(text=text.strip(), month=month))
    if year < 1:
        return None, _error(field, _("“{text}” is not a date.").format(text=text.strip()))
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        return None, _error(
            field,
            _("“{text}” cannot be: that month has {days} days.").format(text=text.strip(), days=last_day),
        )
    return dt.date(year, month, day), None
