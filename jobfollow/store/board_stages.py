"""Stage changes the board's stage editor makes: add, rename, reorder, collapse, remove (and undo them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobfollow.core.stages import StageKind
from jobfollow.core.timeline_text import TextFact, stage_arg
from jobfollow.i18n import N_, _
from jobfollow.store.applications import log_activity
from jobfollow.store.models import Activity, JobApplication, Stage

MAX_STAGE_NAME = 40


def stage_name_problem(name: str, exclude_id: int | None = None) -> str | None:
    """Why a stage name cannot be used, in words for the user (None when it is fine)."""
    cleaned = name.strip()
    if not cleaned:
        return _("A stage needs a name.")
    if len(cleaned) > MAX_STAGE_NAME:
        return _("Keep the name under {count} characters.").format(count=MAX_STAGE_NAME)
    for stage_id, existing in Stage.select(Stage.id, Stage.name).tuples():
        if stage_id != exclude_id and existing.strip().casefold() == cleaned.casefold():
            return _("There is already a stage called “{name}”.").format(name=existing)
    return None


def stage_order() -> list[int]:
    return [sid for (sid,) in Stage.select(Stage.id).order_by(Stage.position, Stage.id).tuples()]


def set_stage_order(ids: list[int]) -> None:
    with Stage._meta.database.atomic():
        for position, stage_id in enumerate(ids):
            Stage.update(position=position).where(Stage.id == stage_id).execute()


def add_stage(name: str, kind: StageKind, index: int | None = None, stage_id: int | None = None) -> int:
    """Insert a stage at ``index`` in the board order (the end when None); returns its id."""
    problem = stage_name_problem(name)
    if problem:
        raise ValueError(problem)
    order = stage_order()
    with Stage._meta.database.atomic():
        fields = {"name": name.strip(), "kind": StageKind(kind).value, "position": len(order), "collapsed": False}
        if stage_id is not None:
            fields["id"] = stage_id
        new_id = Stage.insert(**fields).execute()
        order.insert(len(order) if index is None else max(0, min(index, len(order))), new_id)
        set_stage_order(order)
    return new_id


def delete_added_stage(stage_id: int) -> None:
    """Take back an added stage (undo of add). Cards that reached it some other way (a new application
    saved into it) go to another stage of the same kind, or the first stage, so nothing is lost."""
    stage = Stage.get_by_id(stage_id)
    others = [sid for sid in stage_order() if sid != stage_id]
    with Stage._meta.database.atomic():
        if JobApplication.select().where(JobApplication.stage == stage_id).exists():
            same_kind = Stage.select(Stage.id).where(Stage.kind == stage.kind, Stage.id != stage_id).order_by(
                Stage.position).scalar()
            JobApplication.update(stage=same_kind or others[0]).where(JobApplication.stage == stage_id).execute()
        Stage.delete().where(Stage.id == stage_id).execute()
        set_stage_order(others)


def rename_stage(stage_id: int, name: str) -> str:
    """Rename; returns the old name."""
    problem = stage_name_problem(name, exclude_id=stage_id)
    if problem:
        raise ValueError(problem)
    stage = Stage.get_by_id(stage_id)
    old = stage.name
    Stage.update(name=name.strip()).where(Stage.id == stage_id).execute()
    return old


def set_stage_collapsed(stage_id: int, collapsed: bool) -> None:
    Stage.update(collapsed=collapsed).where(Stage.id == stage_id).execute()


def is_last_of_kind(stage_id: int) -> bool:
    kind = Stage.get_by_id(stage_id).kind
    return Stage.select().where(Stage.kind == kind).count() == 1


def live_card_count(stage_id: int) -> int:
    return (JobApplication.select().where(JobApplication.stage == stage_id, JobApplication.deleted_at.is_null())
            .count())


@dataclass(frozen=True)
class RemovedStage:
    """Everything needed to bring a removed stage back with its cards where they were."""

    stage_id: int
    name: str
    kind: str
    collapsed: bool
    order: list[int]
    target_id: int
    cards: list[tuple[int, float, dt.datetime, str | None, int]]  # id, rank, entered, outcome, activity id

    @property
    def live_moved_ids(self) -> list[int]:
        return [card[0] for card in self.cards if card[4]]


def remove_stage(stage_id: int, target_id: int | None) -> RemovedStage:
    """Remove a stage, moving its cards (deleted ones too) to the end of ``target_id``."""
    stage = Stage.get_by_id(stage_id)
    order = stage_order()
    cards = list(JobApplication.select(JobApplication.id, JobApplication.rank, JobApplication.stage_entered_at,
                                       JobApplication.outcome, JobApplication.deleted_at)
                 .where(JobApplication.stage == stage_id).order_by(JobApplication.rank).tuples())
    if cards and (target_id is None or target_id == stage_id):
        raise ValueError("cards need another stage to go to")
    moved: list[tuple[int, float, dt.datetime, str | None, int]] = []
    with Stage._meta.database.atomic():
        if cards:
            target = Stage.get_by_id(target_id)
            from peewee import fn

            top = (JobApplication.select(fn.MAX(JobApplication.rank))
                   .where(JobApplication.stage == target_id).scalar()) or 0.0
            keeps_outcome = target.kind == StageKind.CLOSED.value
            for offset, (app_id, rank, entered, outcome, deleted_at) in enumerate(cards, start=1):
                JobApplication.update(stage=target_id, rank=top + offset,
                                      outcome=outcome if keeps_outcome else None).where(
                    JobApplication.id == app_id).execute()
                activity_id = 0
                if deleted_at is None:
                    activity_id = log_activity(
                        app_id, "moved",
                        TextFact(N_("Moved from {source} to {target} (stage removed)"),
                                 {"source": stage_arg(stage.kind, stage.name),
                                  "target": stage_arg(target.kind, target.name)}),
                        {"from_stage": stage_id, "to_stage": target_id}).id
                moved.append((app_id, rank, entered, outcome, activity_id))
        Stage.delete().where(Stage.id == stage_id).execute()
        set_stage_order([sid for sid in order if sid != stage_id])
    return RemovedStage(stage_id, stage.name, stage.kind, stage.collapsed, order, target_id or 0, moved)


def restore_stage(removed: RemovedStage) -> None:
    """Undo a removal: the stage comes back with its id, place, and every card it had."""
    with Stage._meta.database.atomic():
        Stage.insert(id=removed.stage_id, name=removed.name, kind=removed.kind, position=0,
                     collapsed=removed.collapsed).execute()
        for app_id, rank, entered, outcome, activity_id in removed.cards:
            JobApplication.update(stage=removed.stage_id, rank=rank, stage_entered_at=entered, outcome=outcome).where(
                JobApplication.id == app_id).execute()
            if activity_id:
                Activity.delete().where(Activity.id == activity_id).execute()
        set_stage_order([sid for sid in removed.order if Stage.get_or_none(Stage.id == sid)])
