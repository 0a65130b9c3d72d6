"""The bundled template files: a header of ``name:`` and ``subject:`` lines, a blank line, then the body.

The format is kept this plain so a translator can copy a file and rewrite it in another language.
Lines starting with ``#`` in the header are comments for translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Every key the rest of the program may ask for (BRIEF contracts).
TEMPLATE_KEYS = (
    "thank_you_interview",
    "thank_you_informational",
    "status_check_email",
    "status_check_call",
    "reference_heads_up",
    "network_checkin",
    "offer_response",
    "counter_offer",
    "counter_offer_call",
    "accept_offer",
    "decline_offer",
    "withdraw",
    "rejection_thanks",
    "resignation",
    "offer_pending",
)

# Phone scripts are read aloud, not sent: the editor offers "Mark as called" for them.
PHONE_SCRIPTS = frozenset({"status_check_call", "counter_offer_call"})

# Follow-up kind -> template key (status_check depends on the channel; see template_for_followup).
FOLLOWUP_TEMPLATES = {
    "thank_you": "thank_you_interview",
    "status_check": "status_check_email",
    "reference_alert": "reference_heads_up",
    "network_checkin": "network_checkin",
    "offer_response": "offer_response",
    "withdraw": "withdraw",
    "give_notice": "resignation",
    "rejection_thanks": "rejection_thanks",
    "ask_deadline": "offer_response",  # thanks, and is there a deadline?
    "offer_pending": "offer_pending",
}


def template_for_followup(kind: str, channel: str = "email", informational: bool = False) -> str | None:
    if kind == "thank_you" and informational:
        return "thank_you_informational"
    if kind == "status_check" and channel == "phone":
        return "status_check_call"
    return FOLLOWUP_TEMPLATES.get(kind)


def followup_kind_for_template(key: str) -> str | None:
    """The follow-up a letter from this template completes (the reverse of the mapping above)."""
    special = {"thank_you_informational": "thank_you", "status_check_call": "status_check",
               "offer_response": "offer_response",
               "counter_offer": "offer_response", "counter_offer_call": "offer_response",
               "accept_offer": "offer_response", "decline_offer": "offer_response"}
    if key in special:
        return special[key]
    for kind, template in FOLLOWUP_TEMPLATES.items():
        if template == key:
            return kind
    return None


@dataclass(frozen=True)
class TemplateText:
    key: str
    language: str
    name: str
    subject: str
    body: str


class TemplateFormatError(ValueError):
    pass


def parse_template(text: str, key: str, language: str) -> TemplateText:
    header, sep, body = text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        raise TemplateFormatError(f"{language}/{key}: no blank line after the header")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        field, colon, value = line.partition(":")
        if not colon:
            raise TemplateFormatError(f"{language}/{key}: header line without a colon: {line!r}")
        fields[field.strip().lower()] = value.strip()
    if not fields.get("name"):
        raise TemplateFormatError(f"{language}/{key}: the header has no name")
    return TemplateText(key, language, fields["name"], fields.get("subject", ""), body.strip("\n") + "\n")


def load_template_dir(root: Path) -> list[TemplateText]:
    """Every ``<root>/<language>/<key>.txt``; raises TemplateFormatError on a damaged file."""
    found: list[TemplateText] = []
    if not root.is_dir():
        return found
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(lang_dir.glob("*.txt")):
            found.append(parse_template(path.read_text(encoding="utf-8"), path.stem, lang_dir.name))
    return found
