"""The stages each card passed through, with dates: written by every move, kept after the card closes.

``store.board.move_cards`` (the one move path) calls :func:`record_moves`; a new card gets its first entry from
:func:`record_start`. Imports bring their own rows (JSON) or get one entry for the stage the file gave (CSV).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from jobfollow.store.models import Activity, JobApplication, Stage, StageHistory, database_proxy, now

BOARD, TIMELINE, IMPORT = "board", "timeline", "import"


@dataclass(frozen=True)
class HistoryEntry:
    stage_kind: str
    stage_name: str
    outcome: str | None
    entered_at: dt.datetime
    origin: str


def record_start(app_id: int, stage_id: int, when: dt.datetime | None = None, origin: str = BOARD) -> None:
    """A new card's first stage."""
    stage = Stage.get_by_id(stage_id)
    StageHistory.insert(application=app_id, stage=stage_id, stage_kind=stage.kind, stage_name=stage.name,
                        entered_at=when or now(), origin=origin).execute()


def record_moves(moves: Iterable[tuple[int, int, str | None, dt.datetime, int]]) -> None:
    """Moves ``(app_id, stage_id, outcome, when, activity_id)`` already written to the cards."""
    stages = {sid: (kind, name) for sid, kind, name in Stage.select(Stage.id, Stage.kind, Stage.name).tuples()}
    rows = [{"application": app_id, "stage": stage_id, "stage_kind": stages[stage_id][0],
             "stage_name": stages[stage_id][1], "outcome": outcome, "entered_at": when, "origin": BOARD,
             "activity": activity_id or None}
            for app_id, stage_id, outcome, when, activity_id in moves]
    if rows:
        StageHistory.insert_many(rows).execute()


def forget_moves(activity_ids: Iterable[int]) -> None:
    """Undo of moves: their entries go with their timeline entries."""
    ids = [i for i in activity_ids if i]
    if ids:
        StageHistory.delete().where(StageHistory.activity.in_(ids)).execute()


def history_of(app_id: int) -> list[HistoryEntry]:
    """One card's stages, oldest first."""
    query = (StageHistory.select(StageHistory.stage_kind, StageHistory.stage_name, StageHistory.outcome,
                                 StageHistory.entered_at, StageHistory.origin)
             .where(StageHistory.application == app_id).order_by(StageHistory.entered_at, StageHistory.id).tuples())
    return [HistoryEntry(*row) for row in query]


def history_for_display(app_id: int) -> list[HistoryEntry]:
    """``history_of`` with default stage names blanked (shown as the kind's name in today's language); a name
    the user chose stays as it was recorded."""
    from jobfollow.core.stages import StageKind
    from jobfollow.store.stage_labels import default_names_of

    defaults: dict[str, set[str]] = {}
    shown = []
    for entry in history_of(app_id):
        try:
            names = defaults.setdefault(entry.stage_kind, default_names_of(StageKind(entry.stage_kind)))
        except ValueError:
            names = set()
        name = "" if entry.stage_name in names else entry.stage_name
        shown.append(HistoryEntry(entry.stage_kind, name, entry.outcome, entry.entered_at, entry.origin))
    return shown


def _moved_details(text: str) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def rebuild_missing(app_ids: Iterable[int]) -> int:
    """Give imported cards that arrived without history (a file from before it was kept) the history their
    timeline tells: the first stage, then every move, marked as imported. Returns how many cards got one."""
    wanted = set(app_ids)
    if not wanted:
        return 0
    have = {row[0] for row in StageHistory.select(StageHistory.application)
            .where(StageHistory.application.in_(list(wanted))).distinct().tuples()}
    missing = sorted(wanted - have)
    if not missing:
        return 0
    stages = {sid: (kind, name) for sid, kind, name in Stage.select(Stage.id, Stage.kind, Stage.name).tuples()}
    moves: dict[int, list[tuple[dt.datetime, dict, int]]] = {}
    for app_id, occurred_at, data, activity_id in (
            Activity.select(Activity.application, Activity.occurred_at, Activity.data, Activity.id)
            .where((Activity.kind == "moved") & Activity.application.in_(missing))
            .order_by(Activity.occurred_at, Activity.id).tuples()):
        moves.setdefault(app_id, []).append((occurred_at, _moved_details(data), activity_id))
    rows = []
    for app_id, stage_id, outcome, created_at, entered_at in (
            JobApplication.select(JobApplication.id, JobApplication.stage, JobApplication.outcome,
                                  JobApplication.created_at, JobApplication.stage_entered_at)
            .where(JobApplication.id.in_(missing)).tuples()):
        card_moves = moves.get(app_id, [])
        first = card_moves[0][1].get("from_stage", stage_id) if card_moves else stage_id
        entries = [(first, None, created_at, None)]
        entries += [(details.get("to_stage"), details.get("outcome"), when, activity_id)
                    for when, details, activity_id in card_moves]
        if entries[-1][0] != stage_id:
            entries.append((stage_id, outcome, entered_at, None))
        for sid, entry_outcome, when, activity_id in entries:
            if sid in stages:
                rows.append({"application": app_id, "stage": sid, "stage_kind": stages[sid][0],
                             "stage_name": stages[sid][1], "outcome": entry_outcome, "entered_at": when,
                             "origin": IMPORT, "activity": activity_id})
    with database_proxy.obj.atomic():
        for start in range(0, len(rows), 500):
            StageHistory.insert_many(rows[start:start + 500]).execute()
    return len(missing)
