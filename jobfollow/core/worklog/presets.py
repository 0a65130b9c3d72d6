"""The layouts job centres ask for, and which facts each one needs from a card.

The columns follow what each office's form asks (in our own words): the German *Bewerbungsnachweis*, a US
state unemployment office's work-search log, the UK Universal Credit journal, the France Travail journal,
and a plain log with every column.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobfollow.core.worklog.entries import APPLICATION, CardFacts, LogEntry
from jobfollow.i18n import N_, _, format_date

# Columns: key -> header.
COLUMNS = {
    "date": N_("Date"),
    "activity": N_("Activity"),
    "employer": N_("Employer"),
    "employer_address": N_("Employer and address"),
    "employer_reach": N_("Employer, address or website"),
    "contact": N_("Contact person"),
    "contact_reach": N_("Contact person and how to reach them"),
    "position": N_("Position"),
    "method": N_("How"),
    "found": N_("Where you found it"),
    "result": N_("Result so far"),
}

# Card facts a layout may require: key -> label shown in the list of what is missing.
FACTS = {
    "address": N_("Employer address"),
    "address_or_website": N_("Employer address or website"),
    "contact": N_("Contact person"),
    "how_applied": N_("How you applied"),
    "source": N_("Where you found it"),
}


@dataclass(frozen=True)
class Preset:
    key: str
    name: str  # marked with N_, translated where shown
    title: str  # the heading printed on the log
    columns: tuple[str, ...]
    requires: tuple[str, ...]
    landscape: bool = True


PRESETS: tuple[Preset, ...] = (
    Preset("de", N_("Germany: Bewerbungsnachweis (job centre)"), N_("Record of applications (Bewerbungsnachweis)"),
           ("date", "activity", "employer_address", "contact", "position", "method", "found", "result"),
           ("address", "contact", "how_applied")),
    Preset("us", N_("USA: state work-search log"), N_("Work search log"),
           ("date", "employer_reach", "contact_reach", "position", "activity", "method", "result"),
           ("address_or_website", "contact", "how_applied")),
    Preset("uk", N_("UK: Universal Credit journal"), N_("Job search journal (Universal Credit)"),
           ("date", "activity", "employer", "position", "method", "found", "result"),
           ("how_applied", "source")),
    Preset("fr", N_("France: France Travail journal"), N_("Job search record (France Travail)"),
           ("date", "activity", "employer", "position", "method", "contact", "result"),
           ("how_applied",)),
    Preset("plain", N_("Plain log"), N_("Job search log"),
           ("date", "activity", "employer", "employer_reach", "contact_reach", "position", "method", "found",
            "result"),
           ()),
)
PRESET_KEYS = tuple(preset.key for preset in PRESETS)


def preset_by_key(key: str) -> Preset:
    for preset in PRESETS:
        if preset.key == key:
            return preset
    raise KeyError(key)


def _joined(*parts: str) -> str:
    return ", ".join(part.replace("\n", ", ").strip(" ,") for part in parts if part and part.strip())


def cell(entry: LogEntry, column: str) -> str:
    card = entry.card
    if column == "date":
        return format_date(entry.when, "short")
    if column == "activity":
        return entry.activity
    if column == "employer":
        return card.company
    if column == "employer_address":
        return _joined(card.company, card.address)
    if column == "employer_reach":
        return _joined(card.company, card.address or card.website)
    if column == "contact":
        return entry.person
    if column == "contact_reach":
        return _joined(entry.person, card.contact_reach if entry.person == card.contact else "")
    if column == "position":
        return card.position
    if column == "method":
        return entry.method
    if column == "found":
        return card.source
    if column == "result":
        return card.result
    raise KeyError(column)


def headers(preset: Preset) -> list[str]:
    return [_(COLUMNS[column]) for column in preset.columns]


def rows(preset: Preset, entries: list[LogEntry]) -> list[list[str]]:
    return [[cell(entry, column) for column in preset.columns] for entry in entries]


def _lacks(card: CardFacts, fact: str) -> bool:
    if fact == "address":
        return not card.address.strip()
    if fact == "address_or_website":
        return not (card.address.strip() or card.website.strip())
    if fact == "contact":
        return not card.contact.strip()
    if fact == "how_applied":
        return not card.how_applied
    if fact == "source":
        return not card.source.strip()
    raise KeyError(fact)


@dataclass(frozen=True)
class MissingFacts:
    card: CardFacts
    facts: tuple[str, ...]  # translated labels

    @property
    def text(self) -> str:
        return ", ".join(self.facts)


def missing_facts(preset: Preset, entries: list[LogEntry]) -> list[MissingFacts]:
    """Each card with an application in the log that lacks something the layout asks for (once per card)."""
    seen: set[int] = set()
    result = []
    for entry in entries:
        if entry.kind != APPLICATION or entry.card.id in seen:
            continue
        seen.add(entry.card.id)
        lacking = tuple(_(FACTS[fact]) for fact in preset.requires if _lacks(entry.card, fact))
        if lacking:
            result.append(MissingFacts(entry.card, lacking))
    return result
