"""Amounts typed into the offer forms: a typo is refused with the usual message, never read as another sum."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jobfollow import i18n
from jobfollow.ui.offers.widgets import parse_money


@pytest.mark.parametrize("text", ["1e5", "5m", "0x10", "5 mil", "72.000,50", "12,34,56", "€", "5000 USD/year"])
def test_letters_and_misplaced_separators_are_refused_in_english(text):
    with pytest.raises(ValueError, match="Type an amount such as 72,000"):
        parse_money(text)


@pytest.mark.parametrize(("language", "text", "amount"), [
    ("en_US", "72,000.50", "72000.50"), ("en_US", "$ 72k", "72000"), ("en_US", "USD 5,000", "5000"),
    ("en_US", "72k €", "72000"), ("de_DE", "72.000,50 EUR", "72000.50"), ("fr_FR", "72\u202f000,50 €", "72000.50"),
    ("sv_SE", "45 000 kr", "45000"),
])
def test_amounts_with_a_currency_still_read(language, text, amount):
    i18n.set_language(language)
    assert parse_money(text) == Decimal(amount)


def test_a_swedish_krona_is_not_read_as_thousands():
    i18n.set_language("sv_SE")
    assert parse_money("5000 kr") == Decimal(5000)  # the "k" of "kr" once multiplied it by 1,000


def test_a_german_decimal_point_is_not_read_as_a_thousands_separator():
    i18n.set_language("de_DE")
    with pytest.raises(ValueError):
        parse_money("0.5")  # was read as 5
