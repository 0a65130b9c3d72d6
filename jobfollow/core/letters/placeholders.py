"""Placeholders in letter text: ``{company}`` is filled in, ``{{`` and ``}}`` stand for literal braces.

Parsing never fails: a ``{`` without a closing ``}`` on the same line is reported as *unclosed* and kept
as typed; a name we do not know is reported as *unknown* and kept as typed, so the writer sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from jobfollow.i18n import N_


class TokenKind(StrEnum):
    PLACEHOLDER = "placeholder"  # {known_name}
    UNKNOWN = "unknown"  # {something} we cannot fill
    LITERAL = "literal"  # {{ or }}: renders as one brace
    UNCLOSED = "unclosed"  # { with no } before the end of the line


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    start: int
    end: int  # exclusive
    name: str = ""


# What each placeholder means, shown in the completer and the docs. The order is the completer's order.
PLACEHOLDERS: dict[str, str] = {
    "interviewer_name": N_("Name of the person you write to"),
    "interviewer_title": N_("Their job title"),
    "recipient_name": N_("Name of the person you write to (same as interviewer_name)"),
    "company": N_("Company on the card"),
    "position": N_("Position title on the card"),
    "interview_date": N_("Date of the interview"),
    "people_met": N_("Others you met at that interview"),
    "specific_topic": N_("Something specific from the conversation"),
    "forgotten_point": N_("A point you meant to make and did not"),
    "my_name": N_("Your name (Preferences)"),
    "my_email": N_("Your e-mail address (Preferences)"),
    "my_phone": N_("Your phone number (Preferences)"),
    "follow_up_date": N_("When you will follow up"),
    "decision_date": N_("When they expect to decide"),
    "offer_deadline": N_("Deadline to answer the offer"),
    "start_date": N_("Start date in the offer"),
    "market_range": N_("Typical pay range you researched"),
    "counter_amount": N_("The amount you ask for"),
    "selling_points": N_("Your reasons for a higher offer"),
    "last_day": N_("Your last working day (type it in)"),
}

# A candidate is '{' + up to 60 characters without braces or line breaks + '}'.
_SCAN = re.compile(r"\{\{|\}\}|\{([^{}\n\r\u2029]{0,60})\}|\{")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def tokens(text: str, known: set[str] | dict | None = None) -> list[Token]:
    """Every brace construct in ``text`` in order (plain text between them is not listed)."""
    names = PLACEHOLDERS if known is None else known
    found: list[Token] = []
    for match in _SCAN.finditer(text):
        piece = match.group(0)
        start, end = match.span()
        if piece in ("{{", "}}"):
            found.append(Token(TokenKind.LITERAL, start, end))
        elif piece == "{":
            found.append(Token(TokenKind.UNCLOSED, start, end))
        else:
            name = match.group(1).strip()
            is_known = bool(_NAME.match(name)) and name in names
            found.append(Token(TokenKind.PLACEHOLDER if is_known else TokenKind.UNKNOWN, start, end, name))
    return found


def render(text: str, values: dict[str, str], known: set[str] | dict | None = None) -> str:
    """Fill known placeholders that have a value; everything else stays exactly as typed (braces unescaped)."""
    out: list[str] = []
    last = 0
    for token in tokens(text, known):
        out.append(text[last:token.start])
        if token.kind is TokenKind.LITERAL:
            out.append(text[token.start])
        elif token.kind is TokenKind.PLACEHOLDER and values.get(token.name):
            out.append(values[token.name])
        else:
            out.append(text[token.start:token.end])
        last = token.end
    out.append(text[last:])
    return "".join(out)


@dataclass(frozen=True)
class PlaceholderProblems:
    unknown: tuple[str, ...] = ()  # names we cannot fill
    missing: tuple[str, ...] = ()  # known names with no value yet
    unclosed: int = 0  # '{' never closed

    @property
    def ok(self) -> bool:
        return not (self.unknown or self.missing or self.unclosed)


def problems(text: str, values: dict[str, str], known: set[str] | dict | None = None) -> PlaceholderProblems:
    unknown: list[str] = []
    missing: list[str] = []
    unclosed = 0
    for token in tokens(text, known):
        if token.kind is TokenKind.UNKNOWN and token.name not in unknown:
            unknown.append(token.name)
        elif token.kind is TokenKind.PLACEHOLDER and not values.get(token.name) and token.name not in missing:
            missing.append(token.name)
        elif token.kind is TokenKind.UNCLOSED:
            unclosed += 1
    return PlaceholderProblems(tuple(unknown), tuple(missing), unclosed)


def token_at(text: str, position: int, known: set[str] | dict | None = None) -> Token | None:
    """The brace construct under ``position`` (for tooltips), if any."""
    for token in tokens(text, known):
        if token.start <= position < token.end:
            return token
    return None


def closest_name(name: str, known: set[str] | dict | None = None) -> str | None:
    """A known placeholder the writer probably meant ({compnay} -> company), for the hint."""
    import difflib

    names = list(PLACEHOLDERS if known is None else known)
    match = difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.6)
    return match[0] if match else None
