"""Closing a card well: accept or decline an offer, and keep the people you met as network contacts.

These functions change the facts only (offer status, stage, outcome, timeline). The follow-ups those facts
imply (withdraw from the other processes, give notice, thank after a rejection) come from the rules engine,
and the UI emits the signals described by the returned ``OutcomeResult``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobfollow.core.stages import ContactRole, Outcome, StageKind, is_active
from jobfollow.core.timeline_text import TextFact, date_arg
from jobfollow.i18n import N_, _
from jobfollow.store.applications import first_stage_of_kind, live_applications, log_activity, next_rank
from jobfollow.store.board import MoveRecord
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Interview,
    InterviewAttendee,
    JobApplication,
    Offer,
    Stage,
    now,
)

# Who a closing letter goes to, best first.
LETTER_ROLES = (ContactRole.HIRING_MANAGER, ContactRole.RECRUITER, ContactRole.INVITER, ContactRole.INTERVIEWER)


class OutcomeError(ValueError):
    pass


@dataclass(frozen=True)
class OutcomeResult:
    """What the UI must emit: card_moved(app_id, from, to, replay=False) when moved, then compose_letter_requested;
    and what :func:`undo_outcome` needs to put everything back."""

    app_id: int
    from_stage_id: int
    to_stage_id: int
    template_key: str
    contact_id: int  # 0 = no contact on the card
    offer_id: int = 0
    offer_before: tuple = ()  # (status, start_date) before the answer
    moves: tuple[MoveRecord, ...] = ()
    outcome_before: str | None = None  # the card's outcome when it stayed in its stage
    activity_id: int = 0
    network_added: tuple[int, ...] = ()

    @property
    def moved(self) -> bool:
        return self.from_stage_id != self.to_stage_id


def letter_contact_id(app_id: int) -> int:
    """The person a closing letter should go to (hiring manager, then recruiter, ...), 0 if nobody."""
    links = list(ApplicationContact.select().where(ApplicationContact.application == app_id))
    for role in LETTER_ROLES:
        for link in links:
            if link.role == role.value:
                return link.contact_id
    return 0


def _move(app: JobApplication, stage: Stage, outcome: str | None) -> tuple[MoveRecord, ...]:
    """Put the card at the end of ``stage``; writes the "moved" activity; returns the move (none when it stays)."""
    from jobfollow.store.board import move_cards  # the board's own move: one path for every move

    if app.stage_id != stage.id:
        return tuple(move_cards([(app.id, stage.id, next_rank(stage.id))], outcome=outcome))
    if app.outcome != outcome:
        JobApplication.update(outcome=outcome, updated_at=now()).where(JobApplication.id == app.id).execute()
    return ()


def undo_outcome(result: OutcomeResult) -> None:
    """Put back what :func:`accept_offer` or :func:`decline_offer` did, in one transaction: the card's place and
    outcome, the offer's answer, the timeline entry, and the network links the decline added."""
    from jobfollow.store.board import undo_moves

    status, start_date = result.offer_before
    with Offer._meta.database.atomic():
        if result.moves:
            undo_moves(list(result.moves))
        else:
            JobApplication.update(outcome=result.outcome_before).where(JobApplication.id == result.app_id).execute()
        Offer.update(status=status, start_date=start_date, updated_at=now()).where(
            Offer.id == result.offer_id).execute()
        Activity.delete().where(Activity.id == result.activity_id).execute()
        if result.network_added:
            drop_network_links(result.app_id, set(result.network_added))


def closing_stage(kind: StageKind) -> Stage:
    """The stage an accept or decline moves the card to; raises OutcomeError (one sentence) when there is none."""
    return _stage_or_fail(kind)


def _stage_or_fail(kind: StageKind) -> Stage:
    stage = first_stage_of_kind(kind)
    if stage is None:
        raise OutcomeError(_("The board has no stage of kind {kind}; add one first.").format(kind=kind.value))
    return stage


def accept_offer(offer_id: int, start_date: dt.date | None) -> OutcomeResult:
    """Offer accepted, start date agreed, card moved to the first "accepted" stage."""
    offer = Offer.get_by_id(offer_id)
    app = offer.application
    stage = _stage_or_fail(StageKind.ACCEPTED)
    with Offer._meta.database.atomic():
        Offer.update(status="accepted", start_date=start_date, updated_at=now()).where(Offer.id == offer_id).execute()
        moves = _move(app, stage, None)
        summary = TextFact(N_("Accepted the offer; starting {date}"), {"date": date_arg(start_date, "long")}) \
            if start_date else TextFact(N_("Accepted the offer"))
        activity = log_activity(app.id, "offer", summary, {
            "offer": offer_id, "status": "accepted", "start_date": start_date.isoformat() if start_date else None})
    return OutcomeResult(app.id, app.stage_id, stage.id, "accept_offer", letter_contact_id(app.id), offer_id,
                         (offer.status, offer.start_date), moves, app.outcome, activity.id)


def decline_offer(offer_id: int, note: str = "") -> OutcomeResult:
    """Offer declined; the card closes with outcome "declined the offer" and keeps its interviewers."""
    offer = Offer.get_by_id(offer_id)
    app = offer.application
    stage = _stage_or_fail(StageKind.CLOSED)
    with Offer._meta.database.atomic():
        Offer.update(status="declined", updated_at=now()).where(Offer.id == offer_id).execute()
        moves = _move(app, stage, Outcome.DECLINED_OFFER.value)
        activity = log_activity(app.id, "outcome", TextFact(N_("Declined the offer")),
                                {"offer": offer_id, "outcome": Outcome.DECLINED_OFFER.value, "note": note})
        network_before = network_contact_ids(app.id)
        keep_interviewers_as_network(app.id)
        added = tuple(sorted(network_contact_ids(app.id) - network_before))
    return OutcomeResult(app.id, app.stage_id, stage.id, "decline_offer", letter_contact_id(app.id), offer_id,
                         (offer.status, offer.start_date), moves, app.outcome, activity.id, added)


def keep_interviewers_as_network(app_id: int) -> int:
    """Everyone who interviewed you on this card also becomes a network contact; returns how many were added."""
    interviewer_ids = {
        link.contact_id
        for link in ApplicationContact.select().where(
            ApplicationContact.application == app_id, ApplicationContact.role == ContactRole.INTERVIEWER.value)
    }
    interviewer_ids |= {
        row.contact_id
        for row in InterviewAttendee.select(InterviewAttendee.contact).join(Interview).where(
            Interview.application == app_id)
    }
    already = {
        link.contact_id
        for link in ApplicationContact.select().where(
            ApplicationContact.application == app_id, ApplicationContact.role == ContactRole.NETWORK.value)
    }
    added = sorted(interviewer_ids - already)
    for contact_id in added:
        ApplicationContact.create(application=app_id, contact=contact_id, role=ContactRole.NETWORK.value)
    return len(added)


def network_contact_ids(app_id: int) -> set[int]:
    return {link.contact_id for link in ApplicationContact.select().where(
        ApplicationContact.application == app_id, ApplicationContact.role == ContactRole.NETWORK.value)}


def drop_network_links(app_id: int, contact_ids: set[int]) -> int:
    """Undo of a close: these people are no longer network contacts of the card (they stay its interviewers)."""
    return ApplicationContact.delete().where(
        ApplicationContact.application == app_id, ApplicationContact.role == ContactRole.NETWORK.value,
        ApplicationContact.contact.in_(sorted(contact_ids))).execute()


def other_active_cards(app_id: int) -> list[JobApplication]:
    """The processes still running elsewhere (to withdraw from after accepting)."""
    query = live_applications().join(Stage).where(JobApplication.id != app_id).order_by(JobApplication.company)
    return [app for app in query if is_active(app.stage.kind)]


def stage_kind_of(stage_id: int) -> StageKind | None:
    stage = Stage.get_or_none(Stage.id == stage_id)
    return StageKind(stage.kind) if stage else None


def outcome_of(app_id: int) -> str | None:
    app = JobApplication.get_or_none(JobApplication.id == app_id)
    return app.outcome if app else None


def settle_open_offer(app_id: int, status: str) -> bool:
    """A card closed on the board while its offer was still open: record how the offer ended."""
    updated = Offer.update(status=status, updated_at=now()).where(
        Offer.application == app_id, Offer.status.in_(("pending", "countered"))).execute()
    return bool(updated)
