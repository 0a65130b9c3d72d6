"""What kind of document a file is, guessed from its name; the kinds a user can pick."""

from __future__ import annotations

import re
from enum import StrEnum

from jobfollow.i18n import N_


class DocumentKind(StrEnum):
    CV = "cv"
    COVER_LETTER = "cover_letter"
    PORTFOLIO = "portfolio"
    OFFER_LETTER = "offer_letter"
    LETTER = "letter"  # written and sent from jobfollow
    EMAIL = "email"  # a saved e-mail (.eml), usually their reply
    POSTING = "posting"
    OTHER = "other"


KIND_LABELS = {
    DocumentKind.CV: N_("CV"),
    DocumentKind.COVER_LETTER: N_("Cover letter"),
    DocumentKind.PORTFOLIO: N_("Portfolio"),
    DocumentKind.OFFER_LETTER: N_("Offer letter"),
    DocumentKind.LETTER: N_("Letter sent from jobfollow"),
    DocumentKind.EMAIL: N_("E-mail"),
    DocumentKind.POSTING: N_("Job posting"),
    DocumentKind.OTHER: N_("Other"),
}

# Words in a file name that say what it is, in the four languages jobfollow speaks.
_NAME_HINTS: tuple[tuple[DocumentKind, re.Pattern[str]], ...] = (
    (DocumentKind.COVER_LETTER, re.compile(r"cover|anschreiben|motivation|lettre|carta", re.I)),
    (DocumentKind.OFFER_LETTER, re.compile(r"offer|angebot|vertrag|contract|offre|oferta", re.I)),
    (DocumentKind.CV, re.compile(r"\bcv\b|(?<![a-z])cv|resume|résumé|lebenslauf|curriculum", re.I)),
    (DocumentKind.PORTFOLIO, re.compile(r"portfolio|work.?samples|arbeitsproben", re.I)),
    (DocumentKind.POSTING, re.compile(r"posting|job.?ad|stellenanzeige|annonce|oferta.de.empleo", re.I)),
)

# Refuse bigger files: a CV or a portfolio is a few MB; a video or a disk image does not belong in the profile.
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


def guess_kind(filename: str) -> DocumentKind:
    if filename.lower().endswith(".eml"):
        return DocumentKind.EMAIL
    for kind, pattern in _NAME_HINTS:
        if pattern.search(filename):
            return kind
    return DocumentKind.OTHER

