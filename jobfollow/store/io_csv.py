"""CSV import (cards from a spreadsheet or another tracker) and CSV export of the cards.

Import is two steps so the dialog can show a preview: :func:`plan_import` turns the table and the
user's column mapping into card plans plus a per-row error list (no database writes), and
:func:`apply_import` stores the plans in one transaction: all of them or none.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jobfollow.core import validation
from jobfollow.core.csv_mapping import (
    IGNORE,
    MAX_CSV_BYTES,
    CsvFormatError,
    CsvTable,
    guess_mapping,
    guess_stage_kind,
    parse_csv_bytes,
)
from jobfollow.core.insights.apply_method import parse_apply_method
from jobfollow.core.stages import StageKind
from jobfollow.core.validation import date_in_range
from jobfollow.i18n import _
from jobfollow.store.db import storing
from jobfollow.store.import_followups import imported_followup, imported_stage_entered
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    JobApplication,
    Stage,
    StageHistory,
    database_proxy,
    now,
)
from jobfollow.store.safe_write import write_atomically
from jobfollow.store.stage_history import IMPORT

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet that splits on another separator (";" where "," was meant, tabs, bars, line breaks) starts
# a new cell after it: a formula character there runs too. Our export guards every such position with "'".
# A text that already starts with apostrophes before a formula character gets one more, so that taking one
# away on import gives back exactly what the user typed ("'@" is exported as "''@").
_AFTER_SEPARATOR = re.compile(r"([,;\t|\r\n][ ]*)('*[=+\-@])")
_GUARDED = re.compile(r"([,;\t|\r\n][ ]*)'('*[=+\-@])")
CARD_FIELDS = ("company", "position_title", "applied_on", "posting_url", "location", "salary_range", "notes",
               "source", "tags", "employer_address", "employer_website")
CHUNK_ROWS = 500


@dataclass
class RowError:
    row: int  # 1-based data row (the header is row 0)
    message: str


@dataclass
class CardPlan:
    row: int
    values: dict
    status: str = ""
    contact_name: str = ""
    contact_email: str = ""
    follow_up_on: dt.date | None = None  # the file's follow-up date: a follow-up on that day
    stage_on: dt.date | None = None  # since when the card has been in its status, when the file says


@dataclass
class ImportPlan:
    cards: list[CardPlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def read_csv_file(path: Path) -> CsvTable:
    """Read and split ``path``; raises CsvFormatError (a sentence for the user) when it cannot be."""
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise CsvFormatError(_("{path} is larger than {limit} MB; split it into smaller files.").format(
                path=path.name, limit=MAX_CSV_BYTES // (1024 * 1024)))
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvFormatError(_("Cannot read {path}: {error}.").format(path=path, error=exc.strerror or exc)) from exc
    return parse_csv_bytes(raw)


def parse_date(text: str) -> dt.date | None:
    """A date as spreadsheets write it (core.validation's parser); None for an empty cell; ValueError when
    unreadable."""
    value, problem = validation.parse_date(text, spreadsheet=True)
    if problem is not None:
        raise ValueError(text)
    return value


def _unneutralise(text: str) -> str:
    """Undo our own export's formula guard (an apostrophe before = + - @ at the start or after a separator)."""
    if len(text) > 1 and text[0] == "'" and _starts_like_a_formula(text[1:]):
        text = text[1:]
    return _GUARDED.sub(r"\1\2", text) if "'" in text else text


def distinct_statuses(table: CsvTable, mapping: list[str]) -> list[str]:
    if "status" not in mapping:
        return []
    index = mapping.index("status")
    seen: dict[str, None] = {}
    for row in table.rows:
        seen.setdefault(row[index].strip(), None)
    return list(seen)


def guess_status_stages(statuses: list[str]) -> dict[str, int]:
    """status text -> stage id, by the stage kind the word means (first stage for anything unknown)."""
    stages = list(Stage.select().order_by(Stage.position, Stage.id))
    if not stages:
        return {}
    by_kind: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for stage in stages:
        by_kind.setdefault(stage.kind, stage.id)
        by_name.setdefault(stage.name.casefold(), stage.id)
    result = {}
    for status in statuses:
        if status.casefold() in by_name:
            result[status] = by_name[status.casefold()]
            continue
        kind = guess_stage_kind(status)
        result[status] = by_kind.get(kind.value if kind else "", stages[0].id)
    return result


def plan_import(table: CsvTable, mapping: list[str] | None = None) -> ImportPlan:
    """Turn rows into card plans and collect what is wrong with each unreadable row."""
    mapping = mapping if mapping is not None else guess_mapping(table.headers)
    columns = {target: index for index, target in enumerate(mapping) if target != IGNORE}
    plan = ImportPlan()
    if "company" not in columns and "position_title" not in columns:
        raise CsvFormatError(_("Choose which column holds the company or the job title."))
    for number, row in enumerate(table.rows, start=1):
        cells = {target: _unneutralise(row[index].strip()) for target, index in columns.items()}
        company, title = cells.get("company", ""), cells.get("position_title", "")
        if not company and not title:
            plan.errors.append(RowError(number, _("no company and no job title")))
            continue
        problems = []
        values = {name: cells.get(name, "") for name in CARD_FIELDS if name in cells}
        values["company"] = company or _("(unknown company)")
        values["position_title"] = title or _("(unknown position)")
        if cells.get("how_applied"):
            values["how_applied"] = parse_apply_method(cells["how_applied"])
            if not values["how_applied"]:  # a method jobfollow does not know: kept in the notes, not dropped
                kept = _("How you applied: {method}").format(method=cells["how_applied"])
                values["notes"] = "\n\n".join(part for part in (values.get("notes", ""), kept) if part)
        try:
            values["applied_on"] = parse_date(cells.get("applied_on", ""))
            if values["applied_on"] is not None and not date_in_range(values["applied_on"]):
                raise ValueError(cells["applied_on"])  # the same limits as the forms and the JSON import
        except ValueError:
            problems.append(_("the date “{date}” cannot be read").format(date=cells["applied_on"][:40]))
        dates = {}
        for name in ("follow_up_on", "stage_on"):
            try:
                dates[name] = parse_date(cells.get(name, ""))
                if dates[name] is not None and not date_in_range(dates[name]):
                    raise ValueError(cells[name])
            except ValueError:
                problems.append(_("the date “{date}” cannot be read").format(date=cells[name][:40]))
        email = cells.get("contact_email", "").split(";")[0].strip()  # our export joins several with "; "
        cells["contact_name"] = cells.get("contact_name", "").split(";")[0].strip()
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+", email):
            problems.append(_("“{email}” is not an e-mail address").format(email=email[:60]))
        if problems:
            plan.errors.append(RowError(number, "; ".join(problems)))
            continue
        plan.cards.append(CardPlan(number, values, cells.get("status", ""), cells.get("contact_name", ""), email,
                                   dates["follow_up_on"], dates["stage_on"]))
    return plan


def apply_import(
    plan: ImportPlan,
    status_stages: dict[str, int] | None = None,
    *,
    source_name: str = "",
    progress: Callable[[int, int], bool] | None = None,
) -> list[int]:
    """Store every planned card in one transaction; returns the new ids.

    ``progress(done, total)`` is called between chunks; returning False cancels (nothing is kept).
    Raises CsvFormatError when the plan is empty or cancelled.
    """
    if not plan.cards:
        raise CsvFormatError(_("There are no rows to import."))
    status_stages = dict(status_stages or {})
    first_stage = Stage.select(Stage.id).order_by(Stage.position, Stage.id).scalar()
    valid_stages = {s.id: s.kind for s in Stage.select(Stage.id, Stage.kind)}
    stage_names = {s.id: s.name for s in Stage.select(Stage.id, Stage.name)}
    moment = now()
    summary = _("Imported from {file}").format(file=source_name) if source_name else _("Imported from a CSV file")
    db = database_proxy.obj
    total = len(plan.cards)
    new_ids: list[int] = []
    with storing(db, CsvFormatError) as transaction:
        next_id = (JobApplication.select(JobApplication.id).order_by(JobApplication.id.desc()).scalar() or 0) + 1
        next_contact = (Contact.select(Contact.id).order_by(Contact.id.desc()).scalar() or 0) + 1
        ranks: dict[int, float] = {}
        for start in range(0, total, CHUNK_ROWS):
            chunk = plan.cards[start:start + CHUNK_ROWS]
            apps, activities, contacts, links, history, followups = [], [], [], [], [], []
            for card in chunk:
                stage_id = status_stages.get(card.status, first_stage)
                if stage_id not in valid_stages:
                    stage_id = first_stage
                if stage_id not in ranks:
                    top = JobApplication.select(JobApplication.rank).where(
                        JobApplication.stage == stage_id).order_by(JobApplication.rank.desc()).scalar()
                    ranks[stage_id] = top or 0.0
                ranks[stage_id] += 1.0
                created = dt.datetime.combine(card.values["applied_on"], dt.time(9)) \
                    if card.values.get("applied_on") else moment
                outcome = _closed_outcome(card.status) if valid_stages[stage_id] == StageKind.CLOSED else None
                apps.append({**card.values, "id": next_id, "stage": stage_id, "rank": ranks[stage_id],
                             "stage_entered_at": imported_stage_entered(card, moment),
                             "last_activity_at": moment, "created_at": created,
                             "updated_at": moment, "outcome": outcome})
                # The file tells the stage, not how the card got there: one entry, marked as imported.
                history.append({"application": next_id, "stage": stage_id, "stage_kind": valid_stages[stage_id],
                                "stage_name": stage_names[stage_id], "outcome": outcome, "entered_at": created,
                                "origin": IMPORT})
                activities.append({"application": next_id, "kind": "created", "summary": summary,
                                   "data": json.dumps({"import": "csv", "row": card.row}), "occurred_at": moment})
                contact_id = None
                if card.contact_name or card.contact_email:
                    contact_id = next_contact
                    contacts.append({"id": next_contact, "name": card.contact_name or card.contact_email,
                                     "email": card.contact_email, "organisation": card.values["company"],
                                     "created_at": moment})
                    links.append({"application": next_id, "contact": next_contact, "role": "recruiter"})
                    next_contact += 1
                if card.follow_up_on is not None and outcome is None and valid_stages[stage_id] != StageKind.CLOSED:
                    followups.append(imported_followup(next_id, contact_id, card.values["company"], card.follow_up_on,
                                                       moment))
                new_ids.append(next_id)
                next_id += 1
            _bulk_insert(JobApplication, apps)
            _bulk_insert(Activity, activities)
            _bulk_insert(StageHistory, history)
            _bulk_insert(Contact, contacts)
            _bulk_insert(ApplicationContact, links)
            _bulk_insert(FollowUp, followups)
            if progress is not None and progress(min(start + CHUNK_ROWS, total), total) is False:
                transaction.rollback()
                raise CsvFormatError(_("The import was cancelled; nothing was added."))
    return new_ids


def _bulk_insert(model, rows: list[dict]) -> None:
    """executemany with the fields' own conversions: peewee's insert_many builds SQL too slowly for 10,000 rows."""
    if not rows:
        return
    # Every column: the schema's DDL has no SQL defaults (peewee fills them in Python), so we do too.
    fields = [f for f in model._meta.sorted_fields if not (f.primary_key and f.name not in rows[0])]
    defaults = [f.default() if callable(f.default) else f.default for f in fields]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    values = [tuple(f.db_value(row.get(f.name, default)) for f, default in zip(fields, defaults, strict=True))
              for row in rows]
    cursor = database_proxy.obj.cursor()
    cursor.executemany(sql, values)


def _closed_outcome(status: str) -> str | None:
    text = status.casefold()
    for words, outcome in ((("withdr",), "withdrew"), (("declin", "turned down"), "declined_offer"),
                           (("ghost", "no response"), "no_response"), (("filled",), "position_filled"),
                           (("reject", "not selected", "absage", "refus"), "rejected")):
        if any(word in text for word in words):
            return outcome
    return None


def import_csv(path: Path, *, skip_bad_rows: bool = False,
               warnings: list[str] | None = None) -> tuple[list[int], list[RowError]]:
    """Command-line import with the guessed mapping; refuses the file when a row is bad (unless told).

    A sentence about text that could not be read (stray bytes) is appended to ``warnings``.
    """
    table = read_csv_file(path)
    if table.warning and warnings is not None:
        warnings.append(table.warning)
    plan = plan_import(table)
    if plan.errors and not skip_bad_rows:
        first = plan.errors[0]
        raise CsvFormatError(_("Row {row} cannot be read ({problem}); {count} bad rows in all, nothing was "
                               "imported.").format(row=first.row, problem=first.message, count=len(plan.errors)))
    statuses = distinct_statuses(table, guess_mapping(table.headers))
    return apply_import(plan, guess_status_stages(statuses), source_name=path.name), plan.errors


# -- export --------------------------------------------------------------------------------------
EXPORT_HEADERS = ("Company", "Job title", "Stage", "Outcome", "Date applied", "Posting URL", "Location", "Salary",
                  "Source", "Tags", "Notes", "Contact name", "Contact e-mail", "Priority", "Created",
                  "Last activity", "Employer address", "Employer website", "How applied")


def neutralise(value: object) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    text = _AFTER_SEPARATOR.sub(r"\1'\2", text)
    return "'" + text if _starts_like_a_formula(text) else text


def _starts_like_a_formula(text: str) -> bool:
    """A formula character at the start (after spaces), or after apostrophes our guard may have put there."""
    while True:
        if text.lstrip(" ").startswith(FORMULA_STARTS):
            return True
        if not text.startswith("'"):
            return False
        text = text[1:]


def export_csv(target: Path, progress: Callable[[int, int], object] | None = None) -> int:
    """Write every live card to ``target`` (UTF-8 with BOM so spreadsheets pick the encoding); returns the count.
    ``progress(cards_done, cards_total)`` hears how far it got; an exception it raises stops it (no file)."""
    stages = {s.id: s.name for s in Stage.select()}
    contacts: dict[int, list[tuple[str, str]]] = {}
    query = (ApplicationContact.select(ApplicationContact.application, Contact.name, Contact.email)
             .join(Contact).order_by(ApplicationContact.id).tuples())
    for app_id, name, email in query:
        contacts.setdefault(app_id, []).append((name, email))
    apps = (JobApplication.select().where(JobApplication.deleted_at.is_null())
            .order_by(JobApplication.stage, JobApplication.rank, JobApplication.id))

    total = apps.count() if progress is not None else 0
    step = max(1, min(1000, total // 100))

    def write(partial: Path) -> int:
        count = 0
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_HEADERS)
            for app in apps:
                people = contacts.get(app.id, [])
                writer.writerow([neutralise(v) for v in (
                    app.company, app.position_title, stages.get(app.stage_id, ""), app.outcome or "",
                    app.applied_on.isoformat() if app.applied_on else "", app.posting_url, app.location,
                    app.salary_range, app.source, app.tags, app.notes,
                    "; ".join(n for n, _e in people), "; ".join(e for _n, e in people if e),
                    app.priority, app.created_at.isoformat(sep=" "), app.last_activity_at.isoformat(sep=" "),
                    app.employer_address, app.employer_website, app.how_applied,
                )])
                count += 1
                if progress is not None and count % step == 0:
                    progress(count, total)
        return count

    return write_atomically(target, write)
