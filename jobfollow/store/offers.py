"""Offers on cards: saving them with Decimal money, their worksheet and ratings JSON, comparison settings.

Outcome flows (accept, decline, keeping interviewers as network) live in ``offer_outcomes.py``;
reflections and the lessons query in ``lessons.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from jobfollow.core import negotiation
from jobfollow.core import settings_registry as keys
from jobfollow.core.offers import RATED_VALUES, OfferTerms, PayPeriod, compare, money_problem, to_decimal
from jobfollow.core.stages import StageKind
from jobfollow.core.timeline_text import TextFact
from jobfollow.i18n import N_, _, format_date, format_money
from jobfollow.store.applications import live_applications, log_activity
from jobfollow.store.models import Activity, Interview, JobApplication, Offer, Stage, now
from jobfollow.store.settings import get_setting, read, set_setting

WEIGHTS_KEY = keys.OFFER_WEIGHTS.name
CURRENT_JOB_KEY = keys.CURRENT_JOB.name
TAX_SHARE_KEY = keys.TAX_SHARE.name
OPEN_STATUSES = ("pending", "countered")
STATUSES = ("pending", "countered", "accepted", "declined")

MONEY_FIELDS = ("base_salary", "bonus_target", "signing_bonus", "equity_value_per_year", "retirement_match",
                "benefits_value", "relocation", "tuition")
TEXT_FIELDS = ("currency", "pay_period", "equity", "vesting", "health_benefits", "remote_terms", "notes", "status")
DATE_FIELDS = ("start_date", "offer_date", "deadline")
OTHER_FIELDS = ("hours_per_week", "paid_days_off", "commute_minutes", "is_written")
EDITABLE_FIELDS = MONEY_FIELDS + TEXT_FIELDS + DATE_FIELDS + OTHER_FIELDS


class OfferInputError(ValueError):
    """Values the user typed that cannot be saved; ``problems`` maps field name -> message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


def offer_problems(values: dict) -> dict[str, str]:
    """Field -> translated message for every value that cannot be right."""
    problems: dict[str, str] = {}
    period = values.get("pay_period") or PayPeriod.YEAR.value
    hours = values.get("hours_per_week")
    hours = 40 if hours is None else hours
    if period not in {p.value for p in PayPeriod}:
        problems["pay_period"] = _("Unknown pay period.")
        period = PayPeriod.YEAR.value
    if not 0 < float(hours) <= 100:
        problems["hours_per_week"] = _("Hours per week must be between 1 and 100.")
        hours = 40
    for name in MONEY_FIELDS:
        amount = values.get(name)
        problem = money_problem(amount, period=period, hours_per_week=hours) if name == "base_salary" \
            else money_problem(amount)
        if problem:
            problems[name] = _(problem)
    currency = (values.get("currency") or "").strip()
    if len(currency) != 3 or not currency.isalpha():
        problems["currency"] = _("Use a three-letter currency code such as USD or EUR.")
    for name in ("paid_days_off", "commute_minutes"):
        number = values.get(name)
        if number is not None and not 0 <= int(number) <= 1000:
            problems[name] = _("That number is out of range.")
    if values.get("status", "pending") not in STATUSES:
        problems["status"] = _("Unknown status.")
    return problems


def offer_for_application(app_id: int) -> Offer | None:
    """The card's newest offer (a card usually has one; a revised offer replaces the figures)."""
    return Offer.select().where(Offer.application == app_id).order_by(Offer.id.desc()).first()


def get_offer(offer_id: int) -> Offer:
    """One offer with its application loaded (no further query when the UI reads ``offer.application``)."""
    return Offer.select(Offer, JobApplication).join(JobApplication).where(Offer.id == offer_id).get()


def offer_values(offer: Offer) -> dict:
    return {name: getattr(offer, name) for name in EDITABLE_FIELDS}


def has_interview(app_id: int) -> bool:
    return Interview.select().where(Interview.application == app_id).exists()


def clean_offer_values(values: dict, ratings: dict | None = None) -> dict:
    """The values as stored; raises OfferInputError (nothing saved) when a value cannot be right."""
    clean = {name: values[name] for name in EDITABLE_FIELDS if name in values}
    for name in MONEY_FIELDS:
        if name in clean:
            clean[name] = to_decimal(clean[name])
    if "currency" in clean:
        clean["currency"] = (clean["currency"] or "").strip().upper()
    problems = offer_problems({"currency": "USD", **clean})
    if problems:
        raise OfferInputError(problems)
    if ratings is not None:
        clean["ratings"] = json.dumps({k: int(v) for k, v in ratings.items() if k in RATED_VALUES and 1 <= int(v) <= 5})
    return clean


def save_offer(app_id: int, values: dict, offer_id: int | None = None, ratings: dict | None = None) -> Offer:
    """Create or update an offer; raises OfferInputError (nothing saved) when a value cannot be right."""
    return write_offer(app_id, clean_offer_values(values, ratings), offer_id)[0]


def write_offer(app_id: int, clean: dict, offer_id: int | None = None) -> tuple[Offer, int]:
    """Store values already cleaned (:func:`clean_offer_values`); returns the offer and its timeline entry's id."""
    clean = dict(clean)
    with Offer._meta.database.atomic():
        if offer_id is None:
            offer = Offer.create(application=app_id, **clean)
            summary = TextFact(N_("Offer recorded"))
        else:
            clean["updated_at"] = now()
            Offer.update(**clean).where(Offer.id == offer_id).execute()
            offer = Offer.get_by_id(offer_id)
            summary = TextFact(N_("Offer updated"))
        activity = log_activity(app_id, "offer", summary, {"offer": offer.id})
    return offer, activity.id


def offer_state(offer_id: int) -> dict:
    """Every stored value of an offer but its id and card: what Undo puts back."""
    row = Offer.select().where(Offer.id == offer_id).dicts().get()
    return {key: value for key, value in row.items() if key not in ("id", "application")}


def put_offer_back(offer_id: int, state: dict | None, activity_id: int = 0) -> None:
    """Undo of a save: the offer as it was (``state``), or gone when the save created it; its timeline entry
    goes too."""
    with Offer._meta.database.atomic():
        if state is None:
            Offer.delete().where(Offer.id == offer_id).execute()
        else:
            Offer.update(**state).where(Offer.id == offer_id).execute()
        if activity_id:
            Activity.delete().where(Activity.id == activity_id).execute()


def delete_offer(offer_id: int) -> None:
    offer = Offer.get_or_none(Offer.id == offer_id)
    if offer is not None:
        with Offer._meta.database.atomic():
            app_id = offer.application_id
            offer.delete_instance()
            log_activity(app_id, "offer", TextFact(N_("Offer removed")), {"offer": offer_id})


def ratings_of(offer: Offer) -> dict[str, int]:
    try:
        data = json.loads(offer.ratings or "{}")
    except ValueError:
        return {}
    return {k: int(v) for k, v in data.items() if k in RATED_VALUES and isinstance(v, int | float)}


def worksheet_of(offer: Offer) -> negotiation.Worksheet:
    try:
        data = json.loads(offer.worksheet or "{}")
    except ValueError:
        data = {}
    return negotiation.Worksheet.from_dict(data if isinstance(data, dict) else {})


def save_worksheet(offer_id: int, sheet: negotiation.Worksheet) -> None:
    """Store the worksheet; raises OfferInputError when its figures cannot be right."""
    problems = sheet.problems()
    if problems:
        raise OfferInputError({"worksheet": " ".join(_(p) for p in problems)})
    Offer.update(worksheet=json.dumps(sheet.to_dict(), ensure_ascii=False), updated_at=now()).where(
        Offer.id == offer_id).execute()


def terms_of(offer: Offer) -> OfferTerms:
    return OfferTerms(
        currency=offer.currency, base_salary=offer.base_salary, pay_period=offer.pay_period,
        hours_per_week=offer.hours_per_week, bonus_target=offer.bonus_target, signing_bonus=offer.signing_bonus,
        equity_value_per_year=offer.equity_value_per_year, retirement_match=offer.retirement_match,
        benefits_value=offer.benefits_value, relocation=offer.relocation, tuition=offer.tuition,
        paid_days_off=offer.paid_days_off, commute_minutes=offer.commute_minutes, deadline=offer.deadline,
        is_written=offer.is_written, ratings=ratings_of(offer),
    )


def current_offers() -> list[tuple[Offer, JobApplication]]:
    """Open offers (pending or countered) on live cards that are not closed or accepted."""
    open_kinds = [StageKind.OFFER.value, StageKind.NEXT_ROUND.value, StageKind.INTERVIEWED.value,
                  StageKind.INTERVIEW_SCHEDULED.value, StageKind.APPLIED.value]
    query = (
        Offer.select(Offer, JobApplication)
        .join(JobApplication)
        .join(Stage)
        .where(JobApplication.deleted_at.is_null(), Offer.status.in_(OPEN_STATUSES), Stage.kind.in_(open_kinds))
        .order_by(Offer.deadline.is_null(), Offer.deadline, JobApplication.company)
    )
    return [(offer, offer.application) for offer in query]


# -- settings: weights, current job, tax share --------------------------------------------------------

def comparison_weights() -> dict[str, Decimal]:
    from jobfollow.core.offers import merged_weights

    return merged_weights(read(keys.OFFER_WEIGHTS))


def set_comparison_weights(weights: dict) -> None:
    from jobfollow.core.offers import merged_weights

    set_setting(WEIGHTS_KEY, {k: str(v) for k, v in merged_weights(weights).items()})


def tax_share() -> Decimal:
    return negotiation.clamp_tax_share(get_setting(TAX_SHARE_KEY, None))


def set_tax_share(share) -> None:
    set_setting(TAX_SHARE_KEY, str(negotiation.clamp_tax_share(share)))


CURRENT_JOB_FIELDS = ("label", "currency", "base_salary", "pay_period", "hours_per_week", "bonus_target",
                      "equity_value_per_year", "retirement_match", "benefits_value", "paid_days_off",
                      "commute_minutes", "ratings")


def current_job() -> dict | None:
    """The user's current job as a comparison row (same terms as an offer), or None when not entered."""
    data = get_setting(CURRENT_JOB_KEY, None)
    return data if isinstance(data, dict) and data.get("currency") else None


def set_current_job(values: dict | None) -> None:
    """Save the current job (money as strings) or forget it with None; raises OfferInputError."""
    if values is None:
        set_setting(CURRENT_JOB_KEY, None)
        return
    clean = {k: values.get(k) for k in CURRENT_JOB_FIELDS if k in values}
    problems = offer_problems({name: to_decimal(clean.get(name)) if name in MONEY_FIELDS else clean.get(name)
                               for name in clean})
    if problems:
        raise OfferInputError(problems)
    for name in MONEY_FIELDS:
        if clean.get(name) is not None:
            clean[name] = str(to_decimal(clean[name]))
    clean["currency"] = str(clean.get("currency", "")).upper()
    set_setting(CURRENT_JOB_KEY, clean)


def current_job_terms(data: dict) -> OfferTerms:
    return OfferTerms(
        currency=data["currency"], base_salary=to_decimal(data.get("base_salary")),
        pay_period=data.get("pay_period") or "year", hours_per_week=float(data.get("hours_per_week") or 40),
        bonus_target=to_decimal(data.get("bonus_target")),
        equity_value_per_year=to_decimal(data.get("equity_value_per_year")),
        retirement_match=to_decimal(data.get("retirement_match")),
        benefits_value=to_decimal(data.get("benefits_value")), paid_days_off=data.get("paid_days_off"),
        commute_minutes=data.get("commute_minutes"), ratings=data.get("ratings") or {},
    )


def comparison(today: dt.date, include_current_job: bool = True):
    """(rows, offer id by row key): every open offer, plus the current job when entered and wanted."""
    entries = []
    ids: dict[str, int] = {}
    for offer, app in current_offers():
        key = f"offer:{offer.id}"
        ids[key] = offer.id
        entries.append((key, f"{app.company} · {app.position_title}", terms_of(offer)))
    job = current_job() if include_current_job else None
    if job is not None:
        entries.append(("current", job.get("label") or _("Current job"), current_job_terms(job)))
    return compare(entries, comparison_weights(), today), ids


# -- for letters: the worksheet's placeholders --------------------------------------------------------

def letter_placeholders(app_id: int) -> dict[str, str]:
    """{market_range}, {counter_amount}, {selling_points}, {start_date}, {offer_deadline} for this card's
    newest offer, formatted in the user's locale; empty strings when not known."""
    offer = offer_for_application(app_id)
    result = dict.fromkeys(("market_range", "counter_amount", "selling_points", "start_date", "offer_deadline"), "")
    if offer is None:
        return result
    sheet = worksheet_of(offer)
    money = lambda v: format_money(v, offer.currency) if v is not None else ""  # noqa: E731
    if sheet.market_low is not None and sheet.market_high is not None:
        result["market_range"] = _("{low} to {high}").format(low=money(sheet.market_low), high=money(sheet.market_high))
    elif sheet.market_typical is not None:
        result["market_range"] = money(sheet.market_typical)
    result["counter_amount"] = money(sheet.counter_amount)
    result["selling_points"] = "\n".join(f"- {point}" for point in sheet.selling_points)
    result["start_date"] = format_date(offer.start_date, "long") if offer.start_date else ""
    result["offer_deadline"] = format_date(offer.deadline, "long") if offer.deadline else ""
    return result


def card_title(app_id: int) -> str:
    app = live_applications().where(JobApplication.id == app_id).first()
    return f"{app.company} · {app.position_title}" if app else ""


def cards_for_offer_picker() -> list[tuple[int, str]]:
    """(id, "company · position") of live, still active cards; cards in an offer stage first."""
    from jobfollow.core.stages import is_active

    query = live_applications().join(Stage).order_by(JobApplication.company, JobApplication.position_title)
    cards = [(app.stage.kind != StageKind.OFFER.value, app.id, f"{app.company} · {app.position_title}")
             for app in query if is_active(app.stage.kind)]
    return [(app_id, title) for _later, app_id, title in sorted(cards, key=lambda c: (c[0], c[2].casefold()))]
