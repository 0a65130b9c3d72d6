"""A job posting as text, and the card details it suggests: company, job title, location, salary range.

Everything is parsed here, on this computer: labelled lines first ("Company: …", "Standort: …",
"Salaire : …", in the four languages jobfollow speaks), then the usual shapes of a posting's first
lines ("Data Analyst at Contoso", "Contoso is hiring a Data Analyst", "About Contoso"), and money
ranges anywhere. A suggestion is only ever offered; the user decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

# Posting files larger than this are not postings (a posting is a few pages).
MAX_POSTING_BYTES = 10 * 1024 * 1024
MAX_POSTING_CHARS = 200_000


@dataclass(frozen=True)
class PostingSuggestion:
    company: str = ""
    position_title: str = ""
    location: str = ""
    salary_range: str = ""

    def found(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


_LABELS = {
    "company": ("company", "employer", "organisation", "organization", "hiring company", "company name",
                "unternehmen", "firma", "arbeitgeber", "entreprise", "société", "societe", "employeur",
                "empresa", "compañía", "compania", "empleador"),
    "position_title": ("job title", "position", "role", "title", "job", "position title", "stelle",
                       "stellenbezeichnung", "jobtitel", "poste", "intitulé du poste", "titre du poste",
                       "intitulé", "puesto", "cargo", "título del puesto", "vacante"),
    "location": ("location", "based in", "place of work", "workplace", "work location", "office", "standort",
                 "arbeitsort", "einsatzort", "dienstort", "ort", "lieu", "localisation", "lieu de travail",
                 "ubicación", "ubicacion", "lugar de trabajo", "localidad"),
    "salary_range": ("salary", "salary range", "pay", "pay range", "compensation", "base salary", "gehalt",
                     "vergütung", "verguetung", "jahresgehalt", "gehaltsspanne", "salaire", "rémunération",
                     "remuneration", "fourchette de salaire", "salario", "sueldo", "remuneración",
                     "rango salarial"),
}
_LABEL_TO_FIELD = {label: name for name, labels in _LABELS.items() for label in labels}
_LABELLED = re.compile(
    r"^\s*[*•\-]?\s*(?P<label>" + "|".join(sorted((re.escape(k) for k in _LABEL_TO_FIELD), key=len, reverse=True))
    + r")\s*[:：]\s*(?P<value>.+?)\s*$", re.IGNORECASE | re.MULTILINE)

_CURRENCY = r"(?:[$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|SEK|NOK|DKK|PLN)"
_AMOUNT = r"\d{1,3}(?:[.,' \u00a0\u202f]\d{3})*(?:[.,]\d+)?\s?(?:k|K|tsd\.?|Tsd\.?)?"
_SALARY = re.compile(
    rf"(?:{_CURRENCY}\s?)?{_AMOUNT}(?:\s?{_CURRENCY})?\s*(?:-|–|—|to|bis|à|a|hasta)\s*"
    rf"(?:{_CURRENCY}\s?)?{_AMOUNT}(?:\s?{_CURRENCY})?"
    r"(?:\s*(?:per|a|/|pro|par|al|por)\s*(?:year|annum|month|hour|jahr|monat|stunde|an|mois|heure|año|mes|hora))?",
    re.IGNORECASE)
_HAS_CURRENCY = re.compile(rf"{_CURRENCY}|\bk\b|\d\s?k\b", re.IGNORECASE)

_AT = re.compile(r"^(?P<title>[^\n]{3,80}?)\s+(?:at|@|bei|chez)\s+(?P<company>[^\n,|–—(]{2,60})", re.IGNORECASE)
_HIRING = re.compile(
    r"^(?P<company>[A-Z0-9][^\n]{1,50}?)\s+(?:is hiring|is looking for|seeks|sucht|recrute|recherche|busca|"
    r"contrata)\s+(?:an?|eine[nr]?|un|une|una|a)?\s*(?P<title>[^\n.,!(]{3,80})", re.IGNORECASE | re.MULTILINE)
_ABOUT = re.compile(r"^\s*(?:about|über|ueber|à propos de|a propos de|acerca de|sobre)\s+(?P<company>[^\n:.!]{2,60}?)"
                    r"\s*[:.!]?\s*$", re.IGNORECASE | re.MULTILINE)
_ABOUT_GENERIC = re.compile(r"^(?:the|this|us|the role|the job|you|la|le|el|uns|die|der)\b", re.IGNORECASE)
_REMOTE = re.compile(r"\b(fully remote|remote|hybrid|homeoffice|home office|télétravail|teletrabajo|en remoto)\b",
                     re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(engineer|developer|analyst|manager|designer|coordinator|specialist|consultant|assistant|director|"
    r"lead|scientist|administrator|architect|officer|intern|associate|technician|accountant|writer|editor|"
    r"entwickler|ingenieur|berater|leiter|referent|sachbearbeiter|mitarbeiter|ingénieur|développeur|chargé|"
    r"responsable|chef|ingeniero|desarrollador|analista|gerente|coordinador|técnico|jefe)\w*",
    re.IGNORECASE)
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(inc|inc\.|llc|ltd|ltd\.|limited|plc|corp|corp\.|corporation|co|co\.|company|group|gmbh|ag|kg|se|"
    r"sa|s\.a\.|sas|sarl|sl|s\.l\.|srl|bv|b\.v\.|nv|oy|ab|as)$", re.IGNORECASE)


def _clean(value: str, limit: int = 80) -> str:
    value = re.sub(r"\s+", " ", value).strip(" \t-–—|:*•")
    return value[:limit].rstrip()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 10 and len(line) <= 80 and not line.endswith((".", "!", "?", ":")) and bool(
        _TITLE_WORDS.search(line))


def suggest(text: str) -> PostingSuggestion:
    """What the posting says about the company, title, place and pay ("" where it does not say)."""
    text = text[:MAX_POSTING_CHARS]
    found: dict[str, str] = {}
    for match in _LABELLED.finditer(text):
        name = _LABEL_TO_FIELD[match.group("label").lower()]
        found.setdefault(name, _clean(match.group("value")))
    head = _lines(text)[:15]
    if "position_title" not in found or "company" not in found:
        for line in head:
            at = _AT.match(line)
            if at and _looks_like_title(at.group("title")):
                # "Job alert: Data Analyst at Contoso", "Fwd: …": the title follows the last colon
                found.setdefault("position_title", _clean(at.group("title").rsplit(":", 1)[-1]))
                found.setdefault("company", _clean(at.group("company")))
                break
    if "position_title" not in found or "company" not in found:
        hiring = _HIRING.search("\n".join(head))
        if hiring:
            found.setdefault("company", _clean(hiring.group("company")))
            found.setdefault("position_title", _clean(hiring.group("title")))
    if "company" not in found:
        for about in _ABOUT.finditer(text):
            name = _clean(about.group("company"))
            if not _ABOUT_GENERIC.match(name):
                found["company"] = name
                break
    if "position_title" not in found:
        title = next((line for line in head if _looks_like_title(line)), "")
        if title:
            found["position_title"] = _clean(title)
    if "salary_range" not in found:
        for match in _SALARY.finditer(text):
            if _HAS_CURRENCY.search(match.group(0)):
                found["salary_range"] = _clean(match.group(0))
                break
    if "location" not in found:
        remote = _REMOTE.search("\n".join(head)) or _REMOTE.search(text)
        if remote:
            found["location"] = remote.group(1).capitalize()
    return PostingSuggestion(**found)


def company_key(name: str) -> str:
    """A company name as compared for duplicates: case, punctuation and legal form ignored."""
    key = name.casefold().strip()
    previous = None
    while previous != key:
        previous = key
        key = _LEGAL_SUFFIX.sub("", key).strip()
    return re.sub(r"[^\w]+", " ", key).strip()


def title_key(title: str) -> str:
    return re.sub(r"[^\w]+", " ", title.casefold()).strip()


# A few very common words per language: enough to tell which of the four a posting is written in.
_STOPWORDS = {
    "en": {"the", "and", "you", "with", "for", "our", "will", "are", "your", "we", "of", "to", "in", "is"},
    "de": {"und", "der", "die", "das", "mit", "für", "sie", "wir", "ihre", "eine", "ist", "von", "zu", "auf"},
    "fr": {"et", "les", "des", "vous", "avec", "pour", "une", "nous", "est", "dans", "le", "la", "du", "sur"},
    "es": {"y", "los", "las", "con", "para", "una", "nuestro", "es", "en", "el", "la", "del", "por", "que"},
}


def detect_language(text: str) -> str | None:
    """"en", "de", "fr" or "es" when the posting clearly reads as one of them; None when unsure."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].casefold())
    if len(words) < 8:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 3 or ranked[0] < 1.5 * ranked[1]:
        return None
    return best
