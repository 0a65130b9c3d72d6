"""People from a LinkedIn connections export (CSV) or vCard files, and people written out as vCard 3.0.

Both readers check the whole file before returning anything: a malformed file raises ContactsFileError
with one sentence and yields no person at all, so an import is never half done.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from jobfollow.i18n import _

MAX_CONTACTS_BYTES = 20 * 1024 * 1024


class ContactsFileError(Exception):
    """A contacts file that cannot be read; ``str(exc)`` is one sentence for the user."""


@dataclass(frozen=True)
class KnownPerson:
    name: str
    organisation: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""


# LinkedIn's export has a few lines of notes above the header; the header names differ a little over the years.
_HEADER_KEYS = {
    "first name": "first", "last name": "last", "email address": "email", "email": "email", "company": "company",
    "position": "title", "connected on": "connected", "url": "url", "phone": "phone",
}


def read_linkedin_csv(text: str, name: str = "the file") -> list[KnownPerson]:
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines[:50])
                  if "first name" in line.casefold() and "last name" in line.casefold()), None)
    if start is None:
        raise ContactsFileError(_("{name} is not a LinkedIn connections export (no First Name and Last Name "
                                  "columns).").format(name=name))
    reader = csv.reader(io.StringIO("\n".join(lines[start:])))
    try:
        header = [_HEADER_KEYS.get(cell.strip().casefold(), "") for cell in next(reader)]
        people = []
        for number, cells in enumerate(reader, start=start + 2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                raise ContactsFileError(_("Line {line} of {name} has more columns than its header; nothing was "
                                          "imported.").format(line=number, name=name))
            row = {key: cell.strip() for key, cell in zip(header, cells, strict=False) if key}
            full = " ".join(part for part in (row.get("first", ""), row.get("last", "")) if part)
            if not full:
                continue  # LinkedIn leaves names out for members who hide them
            notes = _("LinkedIn: {url}").format(url=row["url"]) if row.get("url") else ""
            people.append(KnownPerson(full, row.get("company", ""), row.get("title", ""), row.get("email", ""),
                                      row.get("phone", ""), notes))
    except csv.Error as exc:
        raise ContactsFileError(_("{name} is not a readable CSV file ({error}); nothing was imported.").format(
            name=name, error=exc)) from exc
    return people


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    return lines


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _split_unescaped(value: str, separator: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            current.append(value[i:i + 2])
            i += 2
            continue
        if value[i] == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(value[i])
        i += 1
    parts.append("".join(current))
    return parts


def read_vcards(text: str, name: str = "the file") -> list[KnownPerson]:
    people: list[KnownPerson] = []
    card: dict[str, str] | None = None
    for number, line in enumerate(_unfold(text), start=1):
        if ":" not in line:
            raise ContactsFileError(_("Line {line} of {name} is not a vCard line; nothing was imported.").format(
                line=number, name=name))
        key_part, value = line.split(":", 1)
        key = key_part.split(";", 1)[0].split(".")[-1].upper()  # "item1.EMAIL;TYPE=work" -> EMAIL
        if key == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                raise ContactsFileError(_("{name} starts a card inside another (a missing END:VCARD); nothing was "
                                          "imported.").format(name=name))
            card = {}
        elif key == "END" and value.strip().upper() == "VCARD":
            if card is None:
                raise ContactsFileError(_("{name} ends a card it never began; nothing was imported.").format(
                    name=name))
            people.append(_person_of(card, name))
            card = None
        elif card is not None and key not in card:
            card[key] = value
    if card is not None:
        raise ContactsFileError(_("{name} ends in the middle of a card (no END:VCARD); nothing was imported.")
                                .format(name=name))
    if not people:
        raise ContactsFileError(_("{name} holds no vCard (BEGIN:VCARD … END:VCARD).").format(name=name))
    return people


def _person_of(card: dict[str, str], name: str) -> KnownPerson:
    full = _unescape(card.get("FN", "")).strip()
    if not full and "N" in card:
        family, given, *_rest = [*_split_unescaped(card["N"], ";"), "", ""]
        full = " ".join(p for p in (_unescape(given).strip(), _unescape(family).strip()) if p)
    if not full:
        raise ContactsFileError(_("A card in {name} has no name (FN or N); nothing was imported.").format(name=name))
    organisation = _unescape(_split_unescaped(card.get("ORG", ""), ";")[0]).strip()
    return KnownPerson(full, organisation, _unescape(card.get("TITLE", "")).strip(),
                       _unescape(card.get("EMAIL", "")).strip(), _unescape(card.get("TEL", "")).strip(),
                       _unescape(card.get("NOTE", "")).strip())


def read_contacts_file(data: bytes, filename: str) -> list[KnownPerson]:
    """A .csv (LinkedIn) or .vcf/.vcard file's people; raises ContactsFileError with one sentence."""
    if len(data) > MAX_CONTACTS_BYTES:
        raise ContactsFileError(_("{name} is too large for a contacts file.").format(name=filename))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if filename.lower().endswith((".vcf", ".vcard")) or text.lstrip().upper().startswith("BEGIN:VCARD"):
        return read_vcards(text, filename)
    return read_linkedin_csv(text, filename)


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 6350 3.2), never splitting a character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def write_vcards(people: list[KnownPerson]) -> str:
    cards = []
    for person in people:
        given, _space, family = person.name.rpartition(" ")
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(person.name)}",
                 f"N:{_escape(family or person.name)};{_escape(given)};;;"]
        if person.organisation:
            lines.append(f"ORG:{_escape(person.organisation)}")
        if person.title:
            lines.append(f"TITLE:{_escape(person.title)}")
        if person.email:
            lines.append(f"EMAIL;TYPE=INTERNET:{_escape(person.email)}")
        if person.phone:
            lines.append(f"TEL:{_escape(person.phone)}")
        if person.notes:
            lines.append(f"NOTE:{_escape(person.notes)}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(_fold(line) for line in lines))
    return "\r\n".join(cards) + "\r\n"
