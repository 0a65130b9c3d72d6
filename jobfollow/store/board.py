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

from jobfollow.core.board_search import fold
from jobfollow.core.stages import STAGE_KIND_LABELS, StageKind
from jobfollow.i18n import _
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
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
            f"last_activity_at FROM {JobApplication._meta.table_name} WHERE deleted_at IS NULL", "id", chunk))
    pending: dict[int, list[tuple]] = defaultdict(list)
    followups = FollowUp._meta.table_name
    for chunk in chunks:
        for app_id, state, due_on, snoozed_until, title, kind in _raw_rows(
                f"SELECT application_id, state, due_on, snoozed_until, title, kind FROM {followups} "
                f"WHERE state IN ('open', 'snoozed')", "application_id", chunk):
            effective = snoozed_until if state == "snoozed" and snoozed_until else due_on
            pending[app_id].append((effective, title, kind))  # ISO text: sorts as the dates do
    texts = search_texts(wanted) if with_search_text else {}
    cards = []
    for app_id, stage_id, company, title, rank, entered, priority, tags, outcome, last in rows:
        entered, last = _datetime(entered), _datetime(last)
        tag_tuple = tuple(t.strip() for t in tags.split(",") if t.strip())
        due_list = pending.get(app_id, ())
        first = min(due_list, key=_first_item) if due_list else (None, "", "")
        cards.append(CardSummary(app_id, stage_id, company, title, rank, entered, priority, tag_tuple, outcome,
                                 last, _date(first[0]), first[1], first[2], len(due_list), texts.get(app_id, "")))
    cards.sort(key=lambda c: (c.stage_id, c.rank, c.id))
    return cards


def with_search_text(card: CardSummary, text: str) -> CardSummary:
    """``card`` with its search text filled in (spelled out: dataclasses.replace costs 8x more)."""
    return CardSummary(card.id, card.stage_id, card.company, card.position_title, card.rank, card.stage_entered_at,
                       card.priority, card.tags, card.outcome, card.last_activity_at, card.next_due, card.next_title,
                       card.next_kind, card.pending_count, text)


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
    A change of stage writes an Activity "moved"; a new place in the same stage does not.
    """
    stages = {sid: (StageKind(kind), name) for sid, kind, name in Stage.select(Stage.id, Stage.kind, Stage.name)
              .tuples()}
    app = JobApplication
    places = {row[0]: CardPlace(*row[1:]) for row in app.select(
        app.id, app.stage, app.rank, app.outcome, app.stage_entered_at).where(
        app.id.in_([move[0] for move in moves])).tuples()}
    records = []
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
            summary = _("Moved from {source} to {target}").format(
                source=stages.get(before.stage_id, (None, "?"))[1], target=stages[to_stage][1])
            data = json.dumps({"from_stage": before.stage_id, "to_stage": to_stage, "outcome": new_outcome})
            activity_id = Activity.insert(application=app_id, kind="moved", summary=summary, data=data,
                                          occurred_at=moment).execute()
            records.append(MoveRecord(app_id, before, after, activity_id))
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
