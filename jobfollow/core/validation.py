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
from functools import lru_cache

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
# How spreadsheets write dates, tried after ISO when ``spreadsheet`` is set (a CSV import).
SPREADSHEET_FORMATS = ("%Y/%m/%d", "%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%d/%m/%Y", "%m/%d/%y", "%b %d, %Y",
                       "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def parse_date(text: str, field: str = "date", *, spreadsheet: bool = False) -> tuple[dt.date | None, Problem | None]:
    """The one date parser: an ISO date (2026-05-04) from text, or with ``spreadsheet`` also the ways
    spreadsheets write one; ``(None, None)`` for blank, ``(None, error)`` for a date that cannot be."""
    if not text.strip():
        return None, None
    match = _ISO_DATE.fullmatch(text)
    if match is None and spreadsheet:
        for fmt in SPREADSHEET_FORMATS:
            try:
                return dt.datetime.strptime(text.strip(), fmt).date(), None
            except ValueError:
                continue
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


# -- limits shared by the forms and the import ------------------------------------------------------
# A form's widgets take their ranges from here and an import refuses values outside them, so nothing can
# be stored that a later screen, rule or export cannot handle (a year 9999 overflows date arithmetic).
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
INTERVAL_DAYS = (0, 90)  # "no more often than every N days" (interview form)
HOURS_PER_WEEK = (1, 100)
PAID_DAYS_OFF = (0, 365)
COMMUTE_MINUTES = (0, 600)
RATING = (0, 5)
MONEY_MAX = 10**12  # any salary, bonus or value in any currency stays below this
PLAIN_INT_MAX = 2**53  # positions, ids, priorities: far beyond real use, and exact in every number type

# column -> (low, high) for numbers, per table (the import checks these; the forms use the same constants)
NUMBER_LIMITS: dict[tuple[str, str], tuple[float, float]] = {
    ("interview", "follow_up_interval_days"): INTERVAL_DAYS,
    ("offer", "hours_per_week"): HOURS_PER_WEEK,
    ("offer", "paid_days_off"): PAID_DAYS_OFF,
    ("offer", "commute_minutes"): COMMUTE_MINUTES,
    ("job_application", "priority"): (0, 1),
}


@lru_cache(maxsize=1)  # asked for every text cell of an import: built once
def _choices() -> dict[tuple[str, str], frozenset[str]]:
    from jobfollow.core.insights.apply_method import ApplyMethod
    from jobfollow.core.offers import PayPeriod
    from jobfollow.core.stages import ContactRole, InterviewFormat, Outcome, StageKind

    return {
        ("stage", "kind"): frozenset(StageKind),
        ("job_application", "outcome"): frozenset(Outcome),
        ("application_contact", "role"): frozenset(ContactRole),
        ("interview", "format"): frozenset(InterviewFormat),
        ("offer", "pay_period"): frozenset(PayPeriod),
        ("follow_up", "state"): frozenset(("open", "done", "snoozed", "skipped")),
        ("letter", "state"): frozenset(("draft", "sent")),
        ("job_application", "how_applied"): frozenset(ApplyMethod) | {""},
        ("stage_history", "stage_kind"): frozenset(StageKind),
        ("stage_history", "outcome"): frozenset(Outcome) | {""},
        ("stage_history", "origin"): frozenset(("board", "timeline", "import")),
    }


JSON_OBJECT_COLUMNS = frozenset({("offer", "ratings"), ("offer", "worksheet"), ("activity", "data")})


def date_in_range(value: dt.date) -> bool:
    day = value.date() if isinstance(value, dt.datetime) else value
    return DATE_MIN <= day <= DATE_MAX


def has_lone_surrogate(text: str) -> bool:
    """Text that cannot be written as UTF-8 (half of a UTF-16 pair, e.g. from a broken "\\ud83d" escape)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def local_time(value: dt.datetime) -> dt.datetime:
    """A time with a zone (…Z, …-07:00) as the user's wall-clock time, which is how times are stored."""
    if value.tzinfo is None:
        return value
    return value.astimezone().replace(tzinfo=None)


def stored_value_problem(table: str, column: str, value) -> str | None:
    """Why ``value`` may not be stored in ``table.column`` (one phrase), or None when it may.

    The import of a JSON export asks this for every cell; None values are the caller's business.
    """
    import json
    import math
    from decimal import Decimal

    if isinstance(value, str):
        if has_lone_surrogate(value):
            return _("it holds text that is not valid Unicode")
        choices = _choices().get((table, column))
        if choices is not None and value not in choices:
            return _("“{value}” is not one of the values jobfollow knows").format(value=value[:40])
        if (table, column) in JSON_OBJECT_COLUMNS:
            try:
                parsed = json.loads(value or "{}")
            except ValueError:
                parsed = None
            if not isinstance(parsed, dict):
                return _("it is not the data jobfollow wrote there")
        return None
    if isinstance(value, dt.date):
        if not date_in_range(value):
            return _("the date is not between {first} and {last}").format(
                first=DATE_MIN.year, last=DATE_MAX.year)
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float | Decimal) and not math.isfinite(value):
            return _("it is not a number")
        low, high = NUMBER_LIMITS.get((table, column), (-PLAIN_INT_MAX, PLAIN_INT_MAX))
        if isinstance(value, Decimal):
            low, high = -MONEY_MAX, MONEY_MAX
        if not low <= value <= high:
            return _("{value} is not between {low} and {high}").format(value=value, low=low, high=high)
    return None
