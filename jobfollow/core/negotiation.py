"""The negotiation worksheet: what salary a budget needs, a counter inside the market range, sanity checks.

Gross-up assumption (a setting, ``offers.tax_share``, default 30 %): the monthly budget is what must be left
*after* income tax and social contributions, and those take a flat ``tax_share`` of gross pay. So the yearly
gross needed is ``budget * 12 / (1 - tax_share)``, rounded up to the next 100. Real tax is progressive and
local; the worksheet says the figure is an estimate and lets the user change the share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from jobfollow.core.offers import MAX_YEARLY_AMOUNT, to_decimal
from jobfollow.i18n import N_

DEFAULT_TAX_SHARE = Decimal("0.30")
MAX_TAX_SHARE = Decimal("0.80")
SALARY_STEP = Decimal(100)  # the needed salary is rounded up to this
COUNTER_STEP = Decimal(500)  # a counter reads better as a round number
MONEY_KEYS = ("budget_monthly", "needed_salary", "market_low", "market_typical", "market_high", "counter_amount")


def _round_up(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def _round_near(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_HALF_UP) * step


def clamp_tax_share(share) -> Decimal:
    value = to_decimal(share)
    if value is None:
        return DEFAULT_TAX_SHARE
    return min(max(value, Decimal(0)), MAX_TAX_SHARE)


def salary_needed(budget_monthly: Decimal | None, tax_share=DEFAULT_TAX_SHARE) -> Decimal | None:
    """Yearly gross salary that leaves ``budget_monthly`` after tax (see the module note), or None."""
    if budget_monthly is None or budget_monthly <= 0:
        return None
    share = clamp_tax_share(tax_share)
    gross = budget_monthly * 12 / (Decimal(1) - share)
    return _round_up(gross, SALARY_STEP)


@dataclass(frozen=True)
class CounterSuggestion:
    amount: Decimal | None
    reason: str  # untranslated, mark with _() where shown


def suggest_counter(offered_yearly: Decimal | None, low: Decimal | None, typical: Decimal | None,
                    high: Decimal | None, needed: Decimal | None = None) -> CounterSuggestion:
    """A counter the user can defend: halfway between typical and high (or what the budget needs, if more),
    never above the top of the market they found and never below what is already on the table."""
    if typical is None or high is None:
        return CounterSuggestion(None, N_("Enter the typical and high ends of the market range first."))
    if offered_yearly is not None and offered_yearly >= high:
        return CounterSuggestion(None, N_("The offer is already at or above the top of the market range; "
                                          "ask for non-salary items instead."))
    target = typical + (high - typical) / 2
    reason = N_("Halfway between the typical and the high end of the market range.")
    if needed is not None and needed > target:
        target = needed
        reason = N_("What your budget needs, which is above the middle of the upper range.")
    if target > high:
        target = high
        reason = N_("The top of the market range: your budget needs more than the market pays.")
    rounded = _round_near(target, COUNTER_STEP)
    if rounded > high:
        rounded = high
    if offered_yearly is not None and rounded <= offered_yearly:
        return CounterSuggestion(None, N_("The offer already meets the range you could argue for; "
                                          "ask for non-salary items instead."))
    if low is not None and rounded < low:
        rounded = low
    return CounterSuggestion(rounded, reason)


def market_problems(low: Decimal | None, typical: Decimal | None, high: Decimal | None) -> list[str]:
    """What is wrong with a market range as typed (untranslated messages)."""
    problems: list[str] = []
    values = [v for v in (low, typical, high) if v is not None]
    if any(v < 0 for v in values):
        problems.append(N_("Market figures cannot be negative."))
    if any(v >= MAX_YEARLY_AMOUNT for v in values):
        problems.append(N_("A market figure is too large to be real; check for extra zeros."))
    ordered = [v for v in (low, typical, high) if v is not None]
    if ordered != sorted(ordered):
        problems.append(N_("The range should run low ≤ typical ≤ high."))
    return problems


@dataclass
class Worksheet:
    """Offer.worksheet as the BRIEF contract names its keys; money kept as Decimal, stored as strings."""

    budget_monthly: Decimal | None = None
    needed_salary: Decimal | None = None
    market_low: Decimal | None = None
    market_typical: Decimal | None = None
    market_high: Decimal | None = None
    market_source: str = ""
    selling_points: list[str] = field(default_factory=list)
    counter_amount: Decimal | None = None
    fallback_asks: list[str] = field(default_factory=list)
    practice: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict | None) -> Worksheet:
        data = data or {}
        sheet = cls()
        for key in MONEY_KEYS:
            try:
                setattr(sheet, key, to_decimal(data.get(key)))
            except ValueError:
                setattr(sheet, key, None)  # a hand-edited file must not stop the dialog from opening
        sheet.market_source = str(data.get("market_source") or "")
        sheet.selling_points = [str(s) for s in data.get("selling_points") or [] if str(s).strip()]
        sheet.fallback_asks = [str(s) for s in data.get("fallback_asks") or [] if str(s).strip()]
        sheet.practice = [
            {"they_say": str(p.get("they_say", "")), "i_say": str(p.get("i_say", ""))}
            for p in data.get("practice") or []
            if isinstance(p, dict) and (p.get("they_say") or p.get("i_say"))
        ]
        return sheet

    def to_dict(self) -> dict:
        data: dict = {key: (str(getattr(self, key)) if getattr(self, key) is not None else None) for key in MONEY_KEYS}
        data.update(
            market_source=self.market_source,
            selling_points=list(self.selling_points),
            fallback_asks=list(self.fallback_asks),
            practice=[dict(p) for p in self.practice],
        )
        return data

    def problems(self) -> list[str]:
        found = market_problems(self.market_low, self.market_typical, self.market_high)
        for value in (self.budget_monthly, self.counter_amount):
            if value is not None and value < 0:
                found.append(N_("An amount cannot be negative."))
                break
        if self.counter_amount is not None and self.counter_amount >= MAX_YEARLY_AMOUNT:
            found.append(N_("The counter is too large to be real; check for extra zeros."))
        if self.budget_monthly is not None and self.budget_monthly * 12 >= MAX_YEARLY_AMOUNT:
            found.append(N_("The monthly budget is too large to be real; check for extra zeros."))
        return found


# Things to ask for when the base salary cannot move (the guides' list, in our words).
TYPICAL_FALLBACK_ASKS = (
    N_("A signing bonus"),
    N_("Relocation costs covered"),
    N_("Tuition or training reimbursement"),
    N_("A later start date"),
    N_("A salary review after six months"),
    N_("Extra paid days off"),
)

# Answers an employer often gives, for the practice section (the user writes their replies).
LIKELY_EMPLOYER_ANSWERS = (
    N_("That is already the top of the band for this role."),
    N_("What number did you have in mind?"),
    N_("We cannot move on salary, but we may have some room elsewhere."),
    N_("Other candidates accepted this package."),
    N_("We need your answer by the end of the week."),
)
