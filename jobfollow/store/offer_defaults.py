"""Defaults for a new offer that come from what is already known about the card and the user."""

from __future__ import annotations

import datetime as dt

from babel.numbers import get_territory_currencies, list_currencies

from jobfollow.core.currency_guess import currency_in_text
from jobfollow.core.stages import StageKind
from jobfollow.i18n import current_locale
from jobfollow.store.models import JobApplication, Offer


def home_currency() -> str:
    """The currency of the user's country (from the locale), USD when the locale names no country."""
    territory = current_locale().territory
    found = get_territory_currencies(territory, dt.date.today()) if territory else []
    return found[0] if found else "USD"


def default_currency(app_id: int) -> str:
    """The card's salary range names it; else the user's latest offer elsewhere; else the home currency."""
    home = home_currency()
    card = JobApplication.get_or_none(JobApplication.id == app_id)
    dollar = home if home in ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN") else "USD"
    named = currency_in_text(card.salary_range if card else "", set(list_currencies()), dollar)
    if named:
        return named
    latest = Offer.select(Offer.currency).order_by(Offer.id.desc()).first()
    return latest.currency if latest is not None else home


def card_stage_kind_and_company(app_id: int) -> tuple[StageKind | None, str]:
    card = JobApplication.get_or_none(JobApplication.id == app_id)
    if card is None:
        return None, ""
    try:
        return StageKind(card.stage.kind), card.company
    except ValueError:
        return None, card.company
