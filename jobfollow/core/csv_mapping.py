"""Reading a spreadsheet's CSV without knowing where it came from: encoding, separator, header meaning.

Pure functions, no Qt and no database: the CSV import dialog and the command line both call them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from jobfollow.core.stages import StageKind
from jobfollow.i18n import N_, _, ngettext

MAX_CSV_BYTES = 20 * 1024 * 1024  # ~150,000 tracker rows; larger files are refused whole, before reading
MAX_FIELD_CHARS = MAX_CSV_BYTES  # a note may be as long as the file (our export writes them whole)
MAX_SNIFF_BYTES = 256 * 1024  # enough text for charset-normalizer to judge; reading it all costs seconds


class CsvFormatError(Exception):
    """A CSV file that cannot be read; ``str(exc)`` is one sentence for the user."""


# The jobfollow fields a column can feed, with the header words other trackers use for them.
TARGETS: dict[str, str] = {
    "company": N_("Company"),
    "position_title": N_("Job title"),
    "status": N_("Status / stage"),
    "applied_on": N_("Date applied"),
    "posting_url": N_("Posting URL"),
    "location": N_("Location"),
    "salary_range": N_("Salary"),
    "notes": N_("Notes"),
    "source": N_("Source"),
    "tags": N_("Tags"),
    "contact_name": N_("Contact name"),
    "contact_email": N_("Contact e-mail"),
    "follow_up_on": N_("Follow-up date"),
    "stage_on": N_("Date of the current status"),
    "employer_address": N_("Employer address"),
    "employer_website": N_("Employer website"),
    "how_applied": N_("How you applied"),
}
IGNORE = ""

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization", "firm", "business",
                "unternehmen", "firma", "entreprise", "empresa"),
    "position_title": ("job title", "title", "position", "position title", "role", "job", "job name",
                       "job position", "stelle", "poste", "puesto", "jobtitel"),
    "status": ("status", "stage", "state", "application status", "phase", "progress", "statut", "estado"),
    "applied_on": ("date applied", "applied", "applied on", "application date", "date", "applied date",
                   "date of application", "submitted", "beworben am", "datum"),
    "posting_url": ("url", "link", "job url", "posting url", "job link", "posting", "job posting", "website"),
    "location": ("location", "city", "place", "office", "ort", "lieu", "ubicacion"),
    "salary_range": ("salary", "salary range", "pay", "compensation", "wage", "gehalt", "salaire", "salario"),
    "notes": ("notes", "note", "comments", "comment", "description", "remarks", "notizen"),
    "source": ("source", "found via", "found on", "channel", "job board", "referral"),
    "tags": ("tags", "labels", "keywords"),
    "contact_name": ("contact", "contact name", "recruiter", "recruiter name", "hiring manager", "contact person",
                     "ansprechpartner"),
    "contact_email": ("email", "e-mail", "email address", "e-mail address",
                      "contact email", "contact e-mail", "recruiter email", "mail"),
    "follow_up_on": ("follow-up date", "follow up date", "follow-up", "follow up", "followup", "followup date",
                     "next follow-up", "next follow up", "follow up on", "reminder", "reminder date",
                     "next action date", "wiedervorlage", "nachfassen", "relance", "date de relance",
                     "seguimiento", "fecha de seguimiento"),
    "stage_on": ("status date", "stage date", "status since", "status changed", "status updated",
                 "last status change", "date of status", "since", "status seit", "date du statut",
                 "fecha de estado"),
    "employer_address": ("employer address", "company address", "address", "street address", "postal address",
                         "anschrift", "adresse", "adresse de l employeur", "direccion", "direccion de la empresa"),
    "employer_website": ("employer website", "company website", "company url", "company site", "company homepage",
                         "homepage", "webseite", "firmenwebseite", "site web", "site de l entreprise",
                         "sitio web", "web de la empresa"),
    "how_applied": ("how applied", "how you applied", "applied via", "applied by", "application method",
                    "application channel", "method", "bewerbungsart", "art der bewerbung", "bewerbungsweg",
                    "mode de candidature", "moyen de candidature", "forma de postulacion", "medio de postulacion"),
}

# Status words other trackers write, mapped to the stage kind that means the same.
_STATUS_WORDS: dict[StageKind, tuple[str, ...]] = {
    StageKind.APPLIED: ("applied", "application sent", "submitted", "sent", "wishlist", "saved", "bookmarked",
                        "interested", "to apply", "pending", "waiting", "open", "new", "beworben"),
    StageKind.INTERVIEW_SCHEDULED: ("interview scheduled", "scheduled", "phone screen", "screening", "invited",
                                    "interview booked", "upcoming interview"),
    StageKind.INTERVIEWED: ("interviewed", "interview", "interviewing", "in progress", "first interview",
                            "interview done", "assessment"),
    StageKind.NEXT_ROUND: ("next round", "second interview", "second round", "final round", "final interview",
                           "onsite", "on site", "2nd interview", "third interview"),
    StageKind.OFFER: ("offer", "offered", "offer received", "negotiating", "negotiation"),
    StageKind.ACCEPTED: ("accepted", "hired", "offer accepted", "signed", "job"),
    StageKind.CLOSED: ("rejected", "declined", "closed", "withdrawn", "withdrew", "no response", "ghosted",
                       "not selected", "archived", "dead", "turned down", "no", "absage", "refused"),
}


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: how headers and statuses are compared."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9@]+", " ", text).strip()


_HEADER_LOOKUP = {normalise(word): target for target, words in _HEADER_WORDS.items() for word in words}
_STATUS_LOOKUP = {normalise(word): kind for kind, words in _STATUS_WORDS.items() for word in words}


def guess_target(header: str) -> str:
    """The jobfollow field a column header most likely means, or IGNORE."""
    key = normalise(header)
    if not key:
        return IGNORE
    if key in _HEADER_LOOKUP:
        return _HEADER_LOOKUP[key]
    for word, target in sorted(_HEADER_LOOKUP.items(), key=lambda item: -len(item[0])):
        if len(word) > 3 and re.search(rf"\b{re.escape(word)}\b", key):
            return target
    return IGNORE


def guess_mapping(headers: list[str]) -> list[str]:
    """One target per column; a target is given to the first column that claims it only."""
    taken: set[str] = set()
    result = []
    for header in headers:
        target = guess_target(header)
        if target and target in taken:
            target = IGNORE
        taken.add(target)
        result.append(target)
    return result


def guess_stage_kind(status: str) -> StageKind | None:
    key = normalise(status)
    if not key:
        return None
    if key in _STATUS_LOOKUP:
        return _STATUS_LOOKUP[key]
    for word, kind in sorted(_STATUS_LOOKUP.items(), key=lambda item: -len(item[0])):
        if len(word) > 3 and re.search(rf"\b{re.escape(word)}\b", key):
            return kind
    return None


# -- decoding ------------------------------------------------------------------------------------
def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in (see :func:`decode_with_warning`)."""
    text, encoding, _warning = decode_with_warning(raw)
    return text, encoding


def decode_with_warning(raw: bytes) -> tuple[str, str, str]:
    """Text, the encoding it was in, and a sentence when some of it could not be read.

    BOMs first, then strict UTF-8. A UTF-8 file with a few stray bytes stays UTF-8 (the stray bytes show
    as "�" and the warning says how many) instead of turning every accent into "Ã©"; anything else goes
    to charset-normalizer, which weighs the candidate encodings against real languages.
    """
    if not raw.strip():
        raise CsvFormatError(_("The file is empty."))
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                raise CsvFormatError(_("The file says it is {encoding} but is not.").format(encoding=name)) from None
            return _checked_text(text), name, ""
    if b"\x00" in raw:
        raise CsvFormatError(_("This is not a CSV file (it contains binary data)."))
    try:
        return _checked_text(raw.decode("utf-8")), "utf-8", ""
    except UnicodeDecodeError:
        pass
    stray = _stray_utf8_bytes(raw)
    if stray is not None:
        warning = ngettext("{count} byte is not valid UTF-8 and shows as “�”; check those cells after importing.",
                           "{count} bytes are not valid UTF-8 and show as “�”; check those cells after importing.",
                           stray).format(count=stray)
        return _checked_text(raw.decode("utf-8", errors="replace")), "utf-8", warning
    return _detected(raw)


def _stray_utf8_bytes(raw: bytes) -> int | None:
    """How many bytes break an otherwise UTF-8 file, or None when it is not mostly UTF-8."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return broken if good and broken <= max(2, good // 20) else None


def _detected(raw: bytes) -> tuple[str, str, str]:
    from charset_normalizer import from_bytes  # only files that are neither UTF-8 nor marked need it

    results = from_bytes(raw[:MAX_SNIFF_BYTES])
    best = results.best()
    if best is not None and best.encoding:
        # A few accents fit many code pages equally well; among the calmest readings prefer Windows-1252,
        # what spreadsheet programs write most (a Polish or Cyrillic file does not read calmly as 1252).
        calm = [match for match in results if match.chaos <= best.chaos]
        encoding = "cp1252" if any("cp1252" in match.could_be_from_charset for match in calm) else best.encoding
        try:
            return _checked_text(raw.decode(encoding)), encoding.replace("_", "-"), ""
        except (UnicodeDecodeError, LookupError):
            pass
    text = raw.decode("cp1252", errors="replace")
    return _checked_text(text), "cp1252", _("The encoding could not be recognised; it was read as Windows-1252, "
                                            "so check accented letters after importing.")


def _checked_text(text: str) -> str:
    sample = text[:20000]
    control = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t") or ch == "\ufffd")
    if "\x00" in text or control > max(3, len(sample) // 100):
        raise CsvFormatError(_("This is not a CSV file (it contains binary data)."))
    if not text.strip():
        raise CsvFormatError(_("The file is empty."))
    return text


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first rows (quotes respected) into the same number of cells most often."""
    sample = text[:65536]
    best, best_score = ",", -1.0
    for delimiter in (",", ";", "\t", "|"):
        try:
            rows = [row for _n, row in zip(range(30), csv.reader(io.StringIO(sample, newline=""),
                                                                  delimiter=delimiter), strict=False) if row]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for row in rows if len(row) == width) / len(rows)
        score = consistent * 10 + min(width, 9) / 10
        if score > best_score:
            best, best_score = delimiter, score
    return best


@dataclass
class CsvTable:
    headers: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str
    ragged_rows: list[int] = field(default_factory=list)  # 1-based data row numbers with a different width
    warning: str = ""  # a sentence when part of the file could not be read as text


def parse_csv_bytes(raw: bytes) -> CsvTable:
    """Decode and split a CSV file; raises CsvFormatError for anything that is not a readable table."""
    if len(raw) > MAX_CSV_BYTES:
        raise CsvFormatError(_("The file is larger than {limit} MB; split it into smaller files.").format(
            limit=MAX_CSV_BYTES // (1024 * 1024)))
    text, encoding, warning = decode_with_warning(raw)
    delimiter = sniff_delimiter(text)
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        all_rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise CsvFormatError(_("The file cannot be read as CSV ({error}).").format(error=exc)) from None
    if not all_rows:
        raise CsvFormatError(_("The file is empty."))
    headers = [cell.strip() for cell in all_rows[0]]
    if len(all_rows) < 2:
        raise CsvFormatError(_("The file has a header line but no rows."))
    width = len(headers)
    ragged = []
    rows = []
    for number, row in enumerate(all_rows[1:], start=1):
        if len(row) != width:
            ragged.append(number)
            row = (row + [""] * width)[:width] if len(row) < width else row
        rows.append(row)
    extra = max(len(r) for r in rows)
    if extra > width:  # a ragged row wider than the header: give its extra cells a column name
        headers += [_("Column {number}").format(number=i + 1) for i in range(width, extra)]
        rows = [(r + [""] * extra)[:extra] for r in rows]
    return CsvTable(headers, rows, encoding, delimiter, ragged, warning)
