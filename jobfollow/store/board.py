"""What the board reads and writes about cards: summaries, moves with ranks, stars, deletes.

Every function returns plain values; the undo commands in ``ui/board`` keep what they return so
that an undo can put things back exactly (stage, rank, outcome, the day the card entered its stage).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from jobfollow.core.board_search import fold
from jobfollow.core.stages import STAGE_KIND_LABELS, StageKind
from jobfollow.core.timeline_text import TEXT_KEY, TextFact, stage_arg
from jobfollow.i18n import N_, _
from jobfollow.store import stage_history
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Offer,
    Stage,
    now,
)

PENDING_STATES = ("open", "snoozed")


@dataclass(frozen=True, slots=True)
class CardSummary:
    """Everything a card paints, computed once per reload (never per paint)."""

    id: int
    stage_id: int
    company: str
    position_title: str
    rank: float
    stage_entered_at: dt.datetime
    priority: int
    tags: tuple[str, ...]
    outcome: str | None
    last_activity_at: dt.datetime | None
    next_due: dt.date | None  # effective due date of the soonest pending follow-up
    next_title: str  # its title (or its kind when it has none)
    next_kind: str
    pending_count: int
    search_text: str  # folded: company, position, people, tags, notes
    next_contact: str = ""  # the person the next follow-up is for
    here_since: dt.date | None = None  # the day the card came to its stage (its applied date if never moved)
    interview_at: dt.datetime | None = None  # the next interview still to come
    interview_format: str = ""
    offer_amount: Decimal | None = None  # the open (pending or countered) offer, if any
    offer_currency: str = ""
    offer_deadline: dt.date | None = None


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _raw_rows(sql: str, column: str, chunk: list[int] | None) -> list[tuple]:
    """Plain SQL for the wide, read-only lookups (peewee's per-value conversion costs more than the query)."""
    if chunk is not None:
        joiner = " AND " if " WHERE " in sql else " WHERE "
        sql = f"{sql}{joiner}{column} IN ({', '.join('?' * len(chunk))})"
    return JobApplication._meta.database.execute_sql(sql, chunk or ()).fetchall()


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _first_item(item: tuple) -> str:
    return str(item[0])


def card_summaries(ids: Iterable[int] | None = None, with_search_text: bool = True) -> list[CardSummary]:
    """Live cards (all, or only ``ids``) in stage and rank order, with their follow-ups.

    Two queries for the whole board, whatever its size; ``with_search_text`` adds the three that read
    people and notes (``search_texts``), which only a search needs: without it ``search_text`` is "".
    """
    wanted = None if ids is None else sorted(set(ids))
    if wanted is not None and not wanted:
        return []
    chunks = [None] if wanted is None else list(_chunks(wanted))
    rows = []
    for chunk in chunks:
        rows.extend(_raw_rows(
            "SELECT id, stage_id, company, position_title, rank, stage_entered_at, priority, tags, outcome, "
            f"last_activity_at, applied_on, created_at FROM {JobApplication._meta.table_name} "
            "WHERE deleted_at IS NULL", "id", chunk))
    pending: dict[int, list[tuple]] = defaultdict(list)
    followups, contacts = FollowUp._meta.table_name, Contact._meta.table_name
    for chunk in chunks:
        for app_id, state, due_on, snoozed_until, title, kind, contact in _raw_rows(
                f"SELECT f.application_id, f.state, f.due_on, f.snoozed_until, f.title, f.kind, c.name "
                f"FROM {followups} f LEFT JOIN {contacts} c ON c.id = f.contact_id "
                # "+f.state": look the cards up by their ids, not every pending follow-up by its state
                # (SQLite picked the state index: 100 ms for a page of 60 cards out of 50,000)
                f"WHERE +f.state IN ('open', 'snoozed')", "f.application_id", chunk):
            effective = snoozed_until if state == "snoozed" and snoozed_until else due_on
            pending[app_id].append((effective, title, kind, contact or ""))  # ISO text: sorts as the dates do
    interviews, offers = _next_interviews(chunks), _open_offers(chunks)
    texts = search_texts(wanted) if with_search_text else {}
    cards = []
    for app_id, stage_id, company, title, rank, entered, priority, tags, outcome, last, applied, created in rows:
        entered, last = _datetime(entered), _datetime(last)
        tag_tuple = tuple(t.strip() for t in tags.split(",") if t.strip())
        due_list = pending.get(app_id, ())
        first = min(due_list, key=_first_item) if due_list else (None, "", "", "")
        interview = interviews.get(app_id, (None, ""))
        offer = offers.get(app_id, (None, "", None))
        cards.append(CardSummary(app_id, stage_id, company, title, rank, entered, priority, tag_tuple, outcome,
                                 last, _date(first[0]), first[1], first[2], len(due_list), texts.get(app_id, ""),
                                 first[3], here_since(entered, _date(applied), _datetime(created)),
                                 interview[0], interview[1], *offer))
    cards.sort(key=lambda c: (c.stage_id, c.rank, c.id))
    return cards


def here_since(entered: dt.datetime, applied: dt.date | None, created: dt.datetime | None) -> dt.date:
    """The day a card came to its stage; a card never moved since it was created (typed in or imported from a
    spreadsheet) has been waiting since its applied date."""
    day = entered.date()
    if applied is not None and applied < day and (created is None or created.date() >= day):
        return applied
    return day


def _next_interviews(chunks: list) -> dict[int, tuple[dt.datetime, str]]:
    """Each card's soonest interview from the start of today on."""
    start = dt.datetime.combine(dt.date.today(), dt.time()).isoformat(sep=" ")
    found: dict[int, tuple[dt.datetime, str]] = {}
    database = JobApplication._meta.database
    for chunk in chunks:
        sql = f"SELECT application_id, starts_at, format FROM {Interview._meta.table_name} WHERE starts_at >= ?"
        if chunk is not None:
            sql += f" AND application_id IN ({', '.join('?' * len(chunk))})"
        for app_id, starts_at, interview_format in database.execute_sql(
                sql + " ORDER BY starts_at DESC", (start, *(chunk or ()))).fetchall():
            found[app_id] = (_datetime(starts_at), interview_format)  # the soonest comes last and stays
    return found


def _open_offers(chunks: list) -> dict[int, tuple[Decimal | None, str, dt.date | None]]:
    """Each card's latest offer still to answer: (base salary, currency, deadline)."""
    found: dict[int, tuple[Decimal | None, str, dt.date | None]] = {}
    for chunk in chunks:
        for app_id, amount, currency, deadline in _raw_rows(
                f"SELECT application_id, base_salary, currency, deadline FROM {Offer._meta.table_name} "
                "WHERE status IN ('pending', 'countered') ORDER BY id", "application_id", chunk):
            found[app_id] = (Decimal(str(amount)) if amount is not None else None, currency, _date(deadline))
    return found


@dataclass(frozen=True, slots=True)
class CardKey:
    """What the board keeps of every card: where it sits and how it sorts. Only the cards in view are read
    whole (CardSummary); at 50,000 cards the whole set took a second and most of the memory."""

    id: int
    stage_id: int
    rank: float
    priority: int
    next_due: str | None  # ISO date of the soonest pending follow-up (ISO text sorts as the dates do)
    last_activity_at: str | None  # ISO date and time, as stored


def card_keys(ids: Iterable[int] | None = None, with_sort_facts: bool = False) -> list[CardKey]:
    """Live cards (all, or only ``ids``) as CardKey, in stage and rank order: one narrow query.

    ``with_sort_facts`` adds the next due date and the last activity, which only the other sort orders
    read (without it both are None).
    """
    wanted = None if ids is None else sorted(set(ids))
    if wanted is not None and not wanted:
        return []
    apps, followups = JobApplication._meta.table_name, FollowUp._meta.table_name
    facts = (f"(SELECT MIN(substr(CASE WHEN f.state = 'snoozed' AND f.snoozed_until IS NOT NULL "
             f"THEN f.snoozed_until ELSE f.due_on END, 1, 10)) FROM {followups} f "
             f"WHERE f.application_id = a.id AND f.state IN ('open', 'snoozed')), a.last_activity_at"
             if with_sort_facts else "NULL, NULL")
    sql = f"SELECT a.id, a.stage_id, a.rank, a.priority, {facts} FROM {apps} a WHERE a.deleted_at IS NULL"
    rows = []
    for chunk in [None] if wanted is None else _chunks(wanted):
        rows.extend(_raw_rows(sql, "a.id", chunk))
    keys = [CardKey(app_id, stage_id, rank, priority, None if due is None else str(due),
                    None if last is None else str(last))
            for app_id, stage_id, rank, priority, due, last in rows]
    keys.sort(key=lambda k: (k.stage_id, k.rank, k.id))
    return keys


def with_search_text(card: CardSummary, text: str) -> CardSummary:
    """``card`` with its search text filled in (spelled out: dataclasses.replace costs 8x more)."""
    return CardSummary(card.id, card.stage_id, card.company, card.position_title, card.rank, card.stage_entered_at,
                       card.priority, card.tags, card.outcome, card.last_activity_at, card.next_due, card.next_title,
                       card.next_kind, card.pending_count, text, card.next_contact, card.here_since,
                       card.interview_at, card.interview_format, card.offer_amount, card.offer_currency,
                       card.offer_deadline)


def search_texts(ids: Iterable[int] | None = None) -> dict[int, str]:
    """Each live card's folded search text: company, position, tags, notes, its people and attendees."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted is not None and not wanted:
        return {}
    chunks = [None] if wanted is None else list(_chunks(wanted))
    parts: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks:
        for app_id, company, title, tags, notes in _raw_rows(
                f"SELECT id, company, position_title, tags, notes FROM {JobApplication._meta.table_name} "
                "WHERE deleted_at IS NULL", "id", chunk):
            parts[app_id].extend((company, title, *(t.strip() for t in tags.split(",")), notes))
    live = set(parts)  # people of deleted cards are read too, and dropped at the end
    links, contacts = ApplicationContact._meta.table_name, Contact._meta.table_name
    attendees, interviews = InterviewAttendee._meta.table_name, Interview._meta.table_name
    activities = Activity._meta.table_name
    for chunk in chunks:
        for app_id, name, title in _raw_rows(
                f"SELECT l.application_id, c.name, c.title FROM {links} l JOIN {contacts} c ON c.id = l.contact_id",
                "l.application_id", chunk):
            parts[app_id].append(f"{name} {title}")
        for app_id, name in _raw_rows(
                f"SELECT i.application_id, c.name FROM {attendees} a JOIN {interviews} i ON i.id = a.interview_id "
                f"JOIN {contacts} c ON c.id = a.contact_id", "i.application_id", chunk):
            parts[app_id].append(name)
        for app_id, summary in _raw_rows(
                f"SELECT application_id, summary FROM {activities} WHERE kind IN ('note', 'call')",
                "application_id", chunk):
            parts[app_id].append(summary)
    return {app_id: " ".join(fold(part) for part in card_parts if part) for app_id, card_parts in parts.items()
            if app_id in live}


# -- moves --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardPlace:
    stage_id: int
    rank: float
    outcome: str | None
    stage_entered_at: dt.datetime


@dataclass(frozen=True)
class MoveRecord:
    """One card's move: where it was, where it went, and the timeline entry written (0 for a reorder)."""

    app_id: int
    before: CardPlace
    after: CardPlace
    activity_id: int

    @property
    def changed_stage(self) -> bool:
        return self.before.stage_id != self.after.stage_id


def card_place(app_id: int) -> CardPlace:
    row = JobApplication.get_by_id(app_id)
    return CardPlace(row.stage_id, row.rank, row.outcome, row.stage_entered_at)


def stage_kinds() -> dict[int, StageKind]:
    return {sid: StageKind(kind) for sid, kind in Stage.select(Stage.id, Stage.kind).tuples()}


def stage_label(stage: Stage) -> str:
    return stage.name or _(STAGE_KIND_LABELS[StageKind(stage.kind)])


def move_cards(moves: list[tuple[int, int, float]], outcome: str | None = None) -> list[MoveRecord]:
    """Move cards ``(app_id, to_stage_id, rank)`` in one transaction.

    A card entering a closed stage takes ``outcome``; a card leaving a closed stage loses its outcome.
    A change of stage writes an Activity "moved" and a stage-history entry; a new place in the same stage does not.
    """
    stages = {sid: (StageKind(kind), name) for sid, kind, name in Stage.select(Stage.id, Stage.kind, Stage.name)
              .tuples()}
    app = JobApplication
    places = {row[0]: CardPlace(*row[1:]) for row in app.select(
        app.id, app.stage, app.rank, app.outcome, app.stage_entered_at).where(
        app.id.in_([move[0] for move in moves])).tuples()}
    records = []
    history = []
    with app._meta.database.atomic():
        for app_id, to_stage, rank in moves:
            before = places[app_id]
            if to_stage == before.stage_id:
                after = CardPlace(to_stage, rank, before.outcome, before.stage_entered_at)
                app.update(rank=rank).where(app.id == app_id).execute()
                records.append(MoveRecord(app_id, before, after, 0))
                continue
            moment = now()
            new_outcome = before.outcome
            if stages[to_stage][0] == StageKind.CLOSED:
                new_outcome = outcome
            elif stages.get(before.stage_id, (None,))[0] == StageKind.CLOSED:
                new_outcome = None
            after = CardPlace(to_stage, rank, new_outcome, moment)
            app.update(stage=to_stage, rank=rank, outcome=new_outcome, stage_entered_at=moment, updated_at=moment,
                       last_activity_at=moment).where(app.id == app_id).execute()
            fact = TextFact(N_("Moved from {source} to {target}"), {
                "source": stage_arg(*stages.get(before.stage_id, ("", "?"))), "target": stage_arg(*stages[to_stage])})
            summary = fact.render()
            data = json.dumps({"from_stage": before.stage_id, "to_stage": to_stage, "outcome": new_outcome,
                               TEXT_KEY: fact.as_data()}, ensure_ascii=False)
            activity_id = Activity.insert(application=app_id, kind="moved", summary=summary, data=data,
                                          occurred_at=moment).execute()
            records.append(MoveRecord(app_id, before, after, activity_id))
            history.append((app_id, to_stage, new_outcome, moment, activity_id))
        stage_history.record_moves(history)  # kept for good: insights read where each card has been
    return records


def undo_moves(records: list[MoveRecord]) -> None:
    """Put every card back where it was and take the moves off their timelines."""
    with JobApplication._meta.database.atomic():
        for record in reversed(records):
            place = record.before
            JobApplication.update(stage=place.stage_id, rank=place.rank, outcome=place.outcome,
                                  stage_entered_at=place.stage_entered_at).where(
                JobApplication.id == record.app_id).execute()
            if record.activity_id:
                stage_history.forget_moves([record.activity_id])
                Activity.delete().where(Activity.id == record.activity_id).execute()


def redo_moves(records: list[MoveRecord]) -> list[MoveRecord]:
    """Apply the same moves again (after an undo); returns the fresh records."""
    fresh = []
    for record in records:
        fresh.extend(move_cards([(record.app_id, record.after.stage_id, record.after.rank)], record.after.outcome))
    return fresh


def has_interview(app_id: int) -> bool:
    return Interview.select().where(Interview.application == app_id).exists()


# -- stars and deletes ----------------------------------------------------------------------------


def set_priority(ids: list[int], priority: int) -> dict[int, int]:
    """Set the star on cards; returns each card's previous priority (for undo)."""
    previous = dict(JobApplication.select(JobApplication.id, JobApplication.priority)
                    .where(JobApplication.id.in_(ids)).tuples())
    JobApplication.update(priority=priority).where(JobApplication.id.in_(ids)).execute()
    return previous


def restore_priorities(previous: dict[int, int]) -> None:
    with JobApplication._meta.database.atomic():
        for app_id, priority in previous.items():
            JobApplication.update(priority=priority).where(JobApplication.id == app_id).execute()


def delete_applications(ids: list[int]) -> dt.datetime:
    """Soft delete: the rows stay, so a restore brings back every interview, letter and note."""
    moment = now()
    JobApplication.update(deleted_at=moment).where(JobApplication.id.in_(ids)).execute()
    return moment


def restore_applications(ids: list[int]) -> None:
    JobApplication.update(deleted_at=None).where(JobApplication.id.in_(ids)).execute()


def count_active(cards: Iterable[CardSummary], active_stage_ids: set[int], enough: int | None = None) -> int:
    """Applications still in play (in a stage of an active kind); stops counting at ``enough``."""
    count = 0
    for card in cards:
        if card.stage_id in active_stage_ids:
            count += 1
            if enough is not None and count >= enough:
                break
    return count
