"""Offer arithmetic: pay periods, first-year cash, weighted yearly value, deadlines, currencies kept apart."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobfollow.core.offers import (
    OfferTerms,
    PayPeriod,
    add_business_days,
    compare,
    currencies_of,
    deadline_countdown,
    first_year_cash,
    merged_weights,
    money_problem,
    yearly_amount,
    yearly_value,
)
from tests.conftest import TODAY

D = Decimal


@pytest.mark.parametrize(
    ("amount", "period", "hours", "expected"),
    [
        (D("60000"), PayPeriod.YEAR, 40, D("60000")),
        (D("5000"), PayPeriod.MONTH, 40, D("60000")),
        (D("1000"), PayPeriod.WEEK, 40, D("52000")),
        (D("25"), PayPeriod.HOUR, 40, D("52000")),
        (D("25"), PayPeriod.HOUR, 30, D("39000")),
        (D("19.99"), PayPeriod.HOUR, 37.5, D("38980.5")),
    ],
)
def test_pay_periods_become_yearly_amounts(amount, period, hours, expected):
    assert yearly_amount(amount, period, hours) == expected


def test_first_year_cash_counts_one_off_sums_but_yearly_value_does_not():
    terms = OfferTerms(base_salary=D("5000"), pay_period="month", bonus_target=D("3000"), signing_bonus=D("2500"),
                       relocation=D("4000"), retirement_match=D("1800"), benefits_value=D("6000"))
    assert first_year_cash(terms) == D("69500.00")
    # 60000 + 3000 + 1800 + 6000 with default weights (retirement 1, benefits 1)
    assert yearly_value(terms) == D("70800.00")


def test_user_weights_scale_non_cash_items_and_are_clamped():
    terms = OfferTerms(base_salary=D("50000"), equity_value_per_year=D("10000"), tuition=D("2000"),
                       benefits_value=D("4000"))
    assert yearly_value(terms, {"equity": "0", "tuition": "1", "benefits": "0.25"}) == D("53000.00")
    assert yearly_value(terms, {"equity": 1}) == D("50000") + D("10000") + D("1000") + D("4000")
    # a weight of 50 is a slip: clamped to 2; a weight that is not a number is ignored
    assert merged_weights({"equity": 50, "benefits": "lots"})["equity"] == D(2)
    assert merged_weights({"benefits": "lots"})["benefits"] == D(1)


def test_rounding_is_half_up_to_cents():
    terms = OfferTerms(base_salary=D("0.005"), pay_period="year")
    assert first_year_cash(terms) == D("0.01")
    terms = OfferTerms(base_salary=D("10.333"), pay_period="hour", hours_per_week=1)
    assert first_year_cash(terms) == D("537.32")  # 10.333 * 52 = 537.316


def test_absurd_and_negative_amounts_are_refused():
    assert money_problem(D("-1")) == "An amount cannot be negative."
    assert "too large" in money_problem(D("1000000000000"))
    assert money_problem(D("95000")) is None
    # an hourly rate is judged by what it comes to in a year
    assert money_problem(D("5000000"), period="hour", hours_per_week=40) is not None
    assert money_problem(D("80"), period="hour", hours_per_week=40) is None


def test_deadline_countdown_marks_past_and_urgent():
    assert deadline_countdown(None, TODAY).days_left is None
    past = deadline_countdown(TODAY - dt.timedelta(days=3), TODAY)
    assert (past.days_left, past.is_past, past.is_urgent) == (-3, True, False)
    soon = deadline_countdown(TODAY + dt.timedelta(days=2), TODAY)
    assert (soon.is_past, soon.is_urgent) == (False, True)
    assert not deadline_countdown(TODAY + dt.timedelta(days=9), TODAY).is_urgent


def test_two_business_days_skip_the_weekend():
    friday = dt.date(2026, 5, 8)
    assert add_business_days(friday, 2) == dt.date(2026, 5, 12)
    assert add_business_days(TODAY, 2) == dt.date(2026, 5, 6)


def test_comparison_ranks_only_within_one_currency():
    entries = [
        ("a", "Alpha", OfferTerms(currency="USD", base_salary=D("90000"))),
        ("b", "Beta", OfferTerms(currency="EUR", base_salary=D("70000"))),
        ("c", "Gamma", OfferTerms(currency="USD", base_salary=D("95000"))),
        ("current", "Now", OfferTerms(currency="EUR", base_salary=D("80000"))),
    ]
    rows = {row.key: row for row in compare(entries, None, TODAY)}
    assert (rows["c"].rank_in_currency, rows["a"].rank_in_currency) == (1, 2)
    # EUR rows are ranked among themselves, the 70,000 EUR offer is not "third" behind two USD ones
    assert (rows["current"].rank_in_currency, rows["b"].rank_in_currency) == (1, 2)
    assert rows["current"].is_current_job and not rows["a"].is_current_job
    assert currencies_of(rows.values()) == ["EUR", "USD"]


def test_ratings_average_ignores_unrated_values():
    rows = compare([("a", "A", OfferTerms(ratings={"growth": 4, "commute": 0, "flexibility": 5}))], None, TODAY)
    assert rows[0].average_rating == 4.5


amounts = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=2))


@given(base=amounts, bonus=amounts, signing=amounts, relocation=amounts, equity=amounts, benefits=amounts,
       weight=st.decimals(min_value=0, max_value=2, places=2))
def test_value_arithmetic_holds_for_any_amounts(base, bonus, signing, relocation, equity, benefits, weight):
    terms = OfferTerms(base_salary=base, bonus_target=bonus, signing_bonus=signing, relocation=relocation,
                       equity_value_per_year=equity, benefits_value=benefits)
    cash_part = D(base or 0) + D(bonus or 0)
    # one-off sums belong to the first year only
    assert first_year_cash(terms) == (cash_part + (signing or 0) + (relocation or 0)).quantize(D("0.01"))
    nothing = {"equity": 0, "retirement": 0, "benefits": 0, "tuition": 0}
    assert yearly_value(terms, nothing) == cash_part.quantize(D("0.01"))
    # a heavier weight never lowers the value
    assert yearly_value(terms, {"equity": weight}) <= yearly_value(terms, {"equity": 2})


@given(st.lists(st.tuples(st.sampled_from(["USD", "EUR", "JPY"]), st.integers(0, 200000)), min_size=1, max_size=8))
def test_ranks_are_one_to_n_inside_each_currency(offers):
    entries = [(str(i), str(i), OfferTerms(currency=c, base_salary=D(v))) for i, (c, v) in enumerate(offers)]
    rows = compare(entries, None, TODAY)
    for currency in {c for c, _v in offers}:
        ranks = sorted(row.rank_in_currency for row in rows if row.currency == currency)
        assert ranks == list(range(1, len(ranks) + 1))
