"""Read what the work-search log lists: the live cards with their employer facts, and every contact made."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

from jobfollow.core.stages import ContactRole
from jobfollow.core.worklog.entries import CALL, FOLLOW_UP, INTERVIEW, REPLY, CardFacts, Contact, result_words
from jobfollow.store.io_csv import neutralise
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Stage,
    database_proxy,
)
from jobfollow.store.models import Contact as Person

# Whom a log names as the contact when the card does not say who invited the user, best first.
_ROLE_ORDER = (ContactRole.INVITER, ContactRole.HIRING_MANAGER, ContactRole.RECRUITER, ContactRole.INTERVIEWER)


def _rows(sql: str) -> list[tuple]:
    return database_proxy.obj.execute_sql(sql).fetchall()


def _date(value) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_card_facts() -> list[CardFacts]:
    people: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    rank = {role.value: index for index, role in enumerate(_ROLE_ORDER)}
    for app_id, role, name, email, phone in _rows(
            f"SELECT l.application_id, l.role, c.name, c.email, c.phone FROM {ApplicationContact._meta.table_name} l "
            f"JOIN {Person._meta.table_name} c ON c.id = l.contact_id ORDER BY l.id"):
        if role in rank:
            people[app_id].append((rank[role], name, email or phone or ""))
    kinds = {sid: kind for sid, kind in _rows(f"SELECT id, kind FROM {Stage._meta.table_name}")}
    facts = []
    for (app_id, company, title, applied_on, created_at, address, website, how, source, invited, stage_id,
         outcome) in _rows(
            "SELECT id, company, position_title, applied_on, created_at, employer_address, employer_website, "
            f"how_applied, source, invited_by, stage_id, outcome FROM {JobApplication._meta.table_name} "
            "WHERE deleted_at IS NULL"):
        applied = _date(applied_on) or _date(created_at)
        if applied is None:
            continue
        best = sorted(people.get(app_id, []), key=lambda person: person[0])
        contact, reach = (invited.strip(), "") if invited and invited.strip() else (best[0][1:] if best else ("", ""))
        if contact and not reach:
            reach = next((r for _rank, name, r in best if name == contact and r), "")
        facts.append(CardFacts(app_id, company, title, applied, address or "", website or "", how or "",
                               source or "", contact, reach, result_words(kinds.get(stage_id, ""), outcome)))
    return facts


def load_contacts() -> list[Contact]:
    attendees: dict[int, list[str]] = defaultdict(list)
    for interview_id, name in _rows(
            f"SELECT a.interview_id, c.name FROM {InterviewAttendee._meta.table_name} a "
            f"JOIN {Person._meta.table_name} c ON c.id = a.contact_id ORDER BY a.id"):
        attendees[interview_id].append(name)
    contacts = []
    for interview_id, app_id, starts_at, fmt in _rows(
            f"SELECT id, application_id, starts_at, format FROM {Interview._meta.table_name}"):
        day = _date(starts_at)
        if day is not None:
            contacts.append(Contact(app_id, day, INTERVIEW, fmt, ", ".join(attendees.get(interview_id, []))))
    for app_id, done_at, channel, title, person in _rows(
            f"SELECT f.application_id, f.done_at, f.channel, f.title, c.name FROM {FollowUp._meta.table_name} f "
            f"LEFT JOIN {Person._meta.table_name} c ON c.id = f.contact_id "
            "WHERE f.state = 'done' AND f.done_at IS NOT NULL"):
        day = _date(done_at)
        if day is not None:
            contacts.append(Contact(app_id, day, FOLLOW_UP, channel or "", person or "", title or ""))
    for app_id, kind, occurred_at, summary in _rows(
            f"SELECT application_id, kind, occurred_at, summary FROM {Activity._meta.table_name} "
            "WHERE kind IN ('call', 'reply')"):
        day = _date(occurred_at)
        if day is not None:
            contacts.append(Contact(app_id, day, CALL if kind == "call" else REPLY,
                                    "phone" if kind == "call" else "", "", (summary or "")[:120]))
    return contacts


def write_csv(target: Path, headers: list[str], rows: list[list[str]]) -> None:
    """UTF-8 with a BOM (spreadsheets pick the encoding), no cell a spreadsheet would run as a formula."""
    partial = target.with_name(target.name + ".partial")
    with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([neutralise(value) for value in row] for row in rows)
    partial.replace(target)


def log_for(start: dt.date, end: dt.date):
    """Every log entry in the range (core.worklog.entries.LogEntry), read from the open profile."""
    from jobfollow.core.worklog.entries import log_entries

    return log_entries(load_card_facts(), load_contacts(), start, end)
