"""Offer arithmetic in plain Python: pay periods, first-year cash, weighted yearly value, deadlines, comparison.

Money is ``Decimal`` throughout and rounded to cents with ROUND_HALF_UP only when a figure is shown or stored.
Amounts in different currencies are never added or ranked together: every ranking here is *within* one
currency, and ``currency_note`` says so in words the user can read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from jobfollow.i18n import N_

CENT = Decimal("0.01")
WEEKS_PER_YEAR = Decimal(52)
MONTHS_PER_YEAR = Decimal(12)
# Anything above this per year is a typing slip (an extra zero or three), not a salary. Ten billion still
# leaves room for currencies with large units (IDR, VND, KRW) where ordinary salaries run to hundreds of millions.
MAX_YEARLY_AMOUNT = Decimal("10000000000")
MAX_HOURS_PER_WEEK = 100
DECISION_BUSINESS_DAYS = 2  # the guides: answer an offer within about two business days
URGENT_DAYS = 2


class PayPeriod(StrEnum):
    HOUR = "hour"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


PAY_PERIOD_LABELS = {
    PayPeriod.HOUR: N_("per hour"),
    PayPeriod.WEEK: N_("per week"),
    PayPeriod.MONTH: N_("per month"),
    PayPeriod.YEAR: N_("per year"),
}

# Workplace values the user rates 1..5 on each offer (0 or missing = not rated).
RATED_VALUES = ("growth", "commute", "flexibility", "team")
RATED_VALUE_LABELS = {
    "growth": N_("Growth"),
    "commute": N_("Commute"),
    "flexibility": N_("Flexibility"),
    "team": N_("Team"),
}

# How much of each non-cash item counts in the yearly value (1 = at face value, 0 = ignore).
DEFAULT_WEIGHTS = {
    "equity": Decimal("0.5"),  # paper until it vests and can be sold
    "retirement": Decimal("1"),
    "benefits": Decimal("1"),
    "tuition": Decimal("0.5"),  # only worth what you will really use
}
WEIGHT_LABELS = {
    "equity": N_("Equity"),
    "retirement": N_("Retirement match"),
    "benefits": N_("Health and other benefits"),
    "tuition": N_("Tuition reimbursement"),
}


def to_decimal(value) -> Decimal | None:
    """``None`` and "" stay ``None``; anything else becomes a Decimal (ValueError if it is not a number)."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        result = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def yearly_amount(amount: Decimal | None, period: PayPeriod | str, hours_per_week: float | Decimal = 40) -> Decimal:
    """An amount paid per ``period`` expressed per year (52 weeks, 12 months)."""
    if amount is None:
        return Decimal(0)
    period = PayPeriod(period)
    if period == PayPeriod.YEAR:
        return amount
    if period == PayPeriod.MONTH:
        return amount * MONTHS_PER_YEAR
    if period == PayPeriod.WEEK:
        return amount * WEEKS_PER_YEAR
    return amount * Decimal(str(hours_per_week)) * WEEKS_PER_YEAR


def money_problem(value: Decimal | None, *, period: PayPeriod | str = PayPeriod.YEAR,
                  hours_per_week: float | Decimal = 40) -> str | None:
    """Why an amount cannot be right (untranslated message, mark with ``_`` where shown), or None."""
    if value is None:
        return None
    if value < 0:
        return N_("An amount cannot be negative.")
    if yearly_amount(value, period, hours_per_week) >= MAX_YEARLY_AMOUNT:
        return N_("That amount is too large to be real; check for extra zeros.")
    return None


@dataclass(frozen=True)
class OfferTerms:
    """The numbers of one offer (or of the current job) that the comparison works on."""

    currency: str = "USD"
    base_salary: Decimal | None = None
    pay_period: str = PayPeriod.YEAR.value
    hours_per_week: float = 40.0
    bonus_target: Decimal | None = None
    signing_bonus: Decimal | None = None
    equity_value_per_year: Decimal | None = None
    retirement_match: Decimal | None = None
    benefits_value: Decimal | None = None
    relocation: Decimal | None = None
    tuition: Decimal | None = None
    paid_days_off: int | None = None
    commute_minutes: int | None = None
    deadline: dt.date | None = None
    is_written: bool = True
    ratings: Mapping[str, int] = field(default_factory=dict)

    @property
    def yearly_base(self) -> Decimal:
        return yearly_amount(self.base_salary, self.pay_period, self.hours_per_week)


def _amount(value: Decimal | None) -> Decimal:
    return value if value is not None else Decimal(0)


def first_year_cash(terms: OfferTerms) -> Decimal:
    """Money in the bank in year one: yearly base, the bonus target, and the one-off signing and relocation sums."""
    total = terms.yearly_base + _amount(terms.bonus_target) + _amount(terms.signing_bonus) + _amount(terms.relocation)
    return cents(total)


def merged_weights(weights: Mapping[str, object] | None) -> dict[str, Decimal]:
    """The user's weights over the defaults; weights are clamped to 0..2 so a slip cannot dominate."""
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key in merged:
            try:
                number = to_decimal(value)
            except ValueError:
                continue
            if number is not None:
                merged[key] = min(max(number, Decimal(0)), Decimal(2))
    return merged


def yearly_value(terms: OfferTerms, weights: Mapping[str, object] | None = None) -> Decimal:
    """What a typical year is worth: base and bonus in full, non-cash items times the user's weights.

    One-off sums (signing bonus, relocation) are left out: they belong to the first year, not to every year.
    """
    w = merged_weights(weights)
    total = terms.yearly_base + _amount(terms.bonus_target)
    total += w["equity"] * _amount(terms.equity_value_per_year)
    total += w["retirement"] * _amount(terms.retirement_match)
    total += w["benefits"] * _amount(terms.benefits_value)
    total += w["tuition"] * _amount(terms.tuition)
    return cents(total)


def average_rating(ratings: Mapping[str, int]) -> float | None:
    rated = [int(v) for v in ratings.values() if isinstance(v, int | float) and 1 <= int(v) <= 5]
    return round(sum(rated) / len(rated), 1) if rated else None


def add_business_days(start: dt.date, days: int) -> dt.date:
    """``start`` plus ``days`` weekdays (weekends skipped; holidays are the rules engine's business)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


@dataclass(frozen=True)
class Countdown:
    days_left: int | None  # None: no deadline given
    is_past: bool
    is_urgent: bool  # due within URGENT_DAYS (or today)


def deadline_countdown(deadline: dt.date | None, today: dt.date) -> Countdown:
    if deadline is None:
        return Countdown(None, False, False)
    days = (deadline - today).days
    return Countdown(days, days < 0, 0 <= days <= URGENT_DAYS)


@dataclass(frozen=True)
class ComparisonRow:
    key: str  # "offer:<id>" or "current"
    label: str
    currency: str
    yearly_base: Decimal
    first_year_cash: Decimal
    yearly_value: Decimal
    countdown: Countdown
    is_written: bool
    paid_days_off: int | None
    commute_minutes: int | None
    ratings: Mapping[str, int]
    average_rating: float | None
    rank_in_currency: int  # 1 = highest yearly value among rows of the same currency
    is_current_job: bool = False


def compare(entries: Iterable[tuple[str, str, OfferTerms]], weights: Mapping[str, object] | None,
            today: dt.date, current_key: str = "current") -> list[ComparisonRow]:
    """One row per (key, label, terms); ranks count only rows of the same currency."""
    entries = list(entries)
    values = {key: yearly_value(terms, weights) for key, _label, terms in entries}
    by_currency: dict[str, list[str]] = {}
    for key, _label, terms in entries:
        by_currency.setdefault(terms.currency, []).append(key)
    ranks: dict[str, int] = {}
    for keys in by_currency.values():
        for position, key in enumerate(sorted(keys, key=lambda k: values[k], reverse=True), start=1):
            ranks[key] = position
    return [
        ComparisonRow(
            key=key,
            label=label,
            currency=terms.currency,
            yearly_base=cents(terms.yearly_base),
            first_year_cash=first_year_cash(terms),
            yearly_value=values[key],
            countdown=deadline_countdown(terms.deadline, today),
            is_written=terms.is_written,
            paid_days_off=terms.paid_days_off,
            commute_minutes=terms.commute_minutes,
            ratings=dict(terms.ratings),
            average_rating=average_rating(terms.ratings),
            rank_in_currency=ranks[key],
            is_current_job=key == current_key,
        )
        for key, label, terms in entries
    ]


def currencies_of(rows: Iterable[ComparisonRow]) -> list[str]:
    return sorted({row.currency for row in rows})

