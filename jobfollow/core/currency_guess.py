"""Which currency a new offer is probably in, from what the card already says.

A salary range typed on the card ("€55k–65k", "CHF 120 000", "60.000 EUR") names it; otherwise the caller
falls back to the user's other offers and then to the currency of the user's country.
"""

from __future__ import annotations

import re

# Symbols that name one currency; "$" is left to the caller (it means USD, CAD, AUD... by country).
SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS",
           "zł": "PLN", "kr": "SEK", "Fr.": "CHF"}
_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")


def currency_in_text(text: str, known_codes: set[str], dollar: str = "USD") -> str | None:
    """The currency a short money text names: an ISO code, a symbol, or ``dollar`` for "$"; None when none."""
    for match in _CODE.finditer(text or ""):
        if match.group(1) in known_codes:
            return match.group(1)
    for symbol, code in SYMBOLS.items():
        if symbol in (text or ""):
            return code
    if "$" in (text or ""):
        return dollar
    return None
