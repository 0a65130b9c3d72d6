"""Worksheet maths: the salary a budget needs, a defensible counter, and ranges that cannot be right."""

from decimal import Decimal

from jobfollow.core.negotiation import (
    Worksheet,
    clamp_tax_share,
    market_problems,
    salary_needed,
    suggest_counter,
)

D = Decimal


def test_salary_needed_grosses_up_the_budget_and_rounds_up():
    # 3500 a month after 30 % tax: 3500 * 12 / 0.7 = 60000
    assert salary_needed(D("3500"), D("0.30")) == D("60000")
    # 3000 * 12 / 0.75 = 48000 exactly; 3001 rounds up to the next hundred
    assert salary_needed(D("3000"), "0.25") == D("48000")
    assert salary_needed(D("3001"), "0.25") == D("48100")
    assert salary_needed(None) is None
    assert salary_needed(D("0")) is None


def test_tax_share_is_kept_sane():
    assert clamp_tax_share("0.95") == D("0.80")
    assert clamp_tax_share(-1) == D(0)
    assert clamp_tax_share(None) == D("0.30")


def test_counter_sits_in_the_upper_half_of_the_market_range():
    suggestion = suggest_counter(D("70000"), D("65000"), D("75000"), D("85000"))
    assert suggestion.amount == D("80000")
    assert "Halfway" in suggestion.reason


def test_counter_follows_the_budget_but_never_passes_the_top_of_the_market():
    assert suggest_counter(D("70000"), D("65000"), D("75000"), D("85000"), needed=D("82300")).amount == D("82500")
    capped = suggest_counter(D("70000"), D("65000"), D("75000"), D("85000"), needed=D("99000"))
    assert capped.amount == D("85000")
    assert "top of the market" in capped.reason


def test_no_salary_counter_when_the_offer_already_tops_the_range():
    assert suggest_counter(D("90000"), D("65000"), D("75000"), D("85000")).amount is None
    assert suggest_counter(D("82000"), D("65000"), D("75000"), D("85000")).amount is None
    assert suggest_counter(D("70000"), None, None, D("85000")).amount is None


def test_market_range_problems():
    assert market_problems(D("60000"), D("70000"), D("80000")) == []
    assert market_problems(D("80000"), D("70000"), D("60000")) == ["The range should run low ≤ typical ≤ high."]
    assert "Market figures cannot be negative." in market_problems(D("-5"), None, D("10"))
    assert any("too large" in p for p in market_problems(None, None, D("1e12")))


def test_worksheet_round_trips_the_contract_keys():
    sheet = Worksheet(budget_monthly=D("3500"), needed_salary=D("60000"), market_low=D("65000"),
                      market_typical=D("72000.50"), market_high=D("80000"), market_source="Salary survey 2026",
                      selling_points=["MSc in statistics", "PMP certification"], counter_amount=D("78000"),
                      fallback_asks=["A signing bonus"], practice=[{"they_say": "No room", "i_say": "Start date?"}])
    data = sheet.to_dict()
    assert set(data) == {"budget_monthly", "needed_salary", "market_low", "market_typical", "market_high",
                         "market_source", "selling_points", "counter_amount", "fallback_asks", "practice"}
    assert data["market_typical"] == "72000.50"
    assert Worksheet.from_dict(data) == sheet
    assert Worksheet.from_dict({"market_low": "lots", "practice": [{"they_say": ""}, "x"]}) == Worksheet()


def test_worksheet_problems_catch_negative_and_absurd_figures():
    assert Worksheet(counter_amount=D("-1")).problems() == ["An amount cannot be negative."]
    assert Worksheet(budget_monthly=D("1e12")).problems()
    assert Worksheet(market_low=D("1"), market_high=D("2")).problems() == []
