"""Stored follow-ups: what the agenda, the tray and the command line read, and the actions a person takes.

Running the rules and storing their result is ``followups_refresh`` (re-exported here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import peewee
from peewee import JOIN

from jobfollow.core.card_texts import first_name
from jobfollow.core.followup_facts import PENDING_STATES, RESULTS, Kind
from jobfollow.core.followup_kinds import KIND_TEXTS, kind_label
from jobfollow.core.stages import StageKind
from jobfollow.core.timeline_text import TextFact, action_arg
from jobfollow.i18n import N_
from jobfollow.store.applications import log_activity
from jobfollow.store.followup_facts_loader import as_date
from jobfollow.store.followups_refresh import (  # noqa: F401  (the refresh's names, where callers look)
    CROSS_CARD_KINDS,
    RETIRED_NOTE,
    RefreshMemo,
    RefreshReport,
    followup_settings,
    refresh_followups,
    rule_context,
    save_followup_settings,
)
from jobfollow.store.models import Contact, FollowUp, Interview, JobApplication, Stage, now


# -- what the agenda, the tray and the command line read ---------------------------------------------
@dataclass(frozen=True)
class AgendaItem:
    id: int
    application_id: int
    company: str
    position: str
    kind: str
    title: str
    reason: str
    channel: str
    contact_id: int | None
    contact_name: str
    due_on: dt.date  # effective: the snooze date when snoozed
    state: str
    notified: bool
    rule_key: str | None
    interview_id: int | None = None
    interview_on: dt.date | None = None
    contact_email: str = ""
    original_due: dt.date | None = None  # the rules' own date, when a snooze moved it

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    def to_json(self, latest: dt.date | None = None) -> dict:
        """The ``jobfollow due --json`` object (documented in docs/followups.md); ``latest`` is the latest
        acceptable date where a rule has one (see :func:`latest_acceptable`)."""
        def iso(day):
            return day.isoformat() if day else None

        return {"id": self.id, "card": self.application_id, "company": self.company, "position": self.position,
                "kind": self.kind, "title": self.title, "contact": self.contact_name or None,
                "channel": self.channel or None, "due": self.due_on.isoformat(), "state": self.state,
                "reason": self.reason, "rule_key": self.rule_key, "interview_id": self.interview_id,
                "interview_date": iso(self.interview_on), "contact_id": self.contact_id,
                "contact_email": self.contact_email or None, "latest": iso(latest),
                "original_due": iso(self.original_due)}


def latest_acceptable(items: list[AgendaItem]) -> dict[int, dt.date]:
    """Follow-up id -> the latest acceptable date, where a rule has one: a thank-you is late after the set
    number of business days from its interview."""
    thanks = [item for item in items if item.kind == Kind.THANK_YOU.value and item.interview_on is not None]
    if not thanks:
        return {}
    ctx = rule_context()
    days = ctx.settings.thank_you_latest_business_days
    return {item.id: ctx.workdays.add(item.interview_on, days) for item in thanks}


def _effective(due_on, snoozed_until, state) -> dt.date:
    value = snoozed_until if state == "snoozed" and snoozed_until else due_on
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def pending_followups(application_ids: Collection[int] | None = None) -> list[AgendaItem]:
    """Open and snoozed follow-ups of live cards, soonest first (overdue ones lead)."""
    query = (
        FollowUp.select(FollowUp.id, FollowUp.application, JobApplication.company, JobApplication.position_title,
                        FollowUp.kind, FollowUp.title, FollowUp.reason, FollowUp.channel, FollowUp.contact,
                        Contact.name, FollowUp.due_on, FollowUp.snoozed_until, FollowUp.state, FollowUp.notified_at,
                        FollowUp.rule_key, FollowUp.interview, Interview.starts_at, Contact.email)
        .join(JobApplication).switch(FollowUp)
        .join(Contact, join_type=JOIN.LEFT_OUTER, on=(FollowUp.contact == Contact.id)).switch(FollowUp)
        .join(Interview, join_type=JOIN.LEFT_OUTER, on=(FollowUp.interview == Interview.id))
        .where(FollowUp.state.in_(PENDING_STATES), JobApplication.deleted_at.is_null())
    )
    if application_ids is not None:
        query = query.where(FollowUp.application.in_(list(application_ids)))
    items = [
        AgendaItem(fid, app_id, company, position, kind, title, reason, channel or "", contact_id, name or "",
                   _effective(due, snoozed, state), state, notified is not None, key, interview_id,
                   as_date(starts), email or "", as_date(due) if state == "snoozed" and snoozed else None)
        for (fid, app_id, company, position, kind, title, reason, channel, contact_id, name, due, snoozed, state,
             notified, key, interview_id, starts, email) in FollowUp._meta.database.execute(query)  # raw rows
    ]
    items.sort(key=lambda item: (item.due_on, item.id))
    return items


def mark_notified(ids: Collection[int], when: dt.datetime | None = None) -> None:
    """Announced: never again (thousands at once after a long break, hence one prepared statement)."""
    if ids:
        stamp = str(when or now())
        with FollowUp._meta.database.atomic(), peewee.__exception_wrapper__:
            FollowUp._meta.database.cursor().executemany(
                f'UPDATE "{FollowUp._meta.table_name}" SET notified_at = ? WHERE id = ?', [(stamp, i) for i in ids])


# -- what a person does ------------------------------------------------------------------------------
def _get(followup_id: int) -> FollowUp:
    row = FollowUp.get_or_none(FollowUp.id == followup_id)
    if row is None:
        raise LookupError(f"no follow-up {followup_id}")
    return row


def mark_done(followup_id: int, result: str = "done", when: dt.datetime | None = None) -> None:
    """Done, with what happened (sent, called, reply_received, done); noted on the card's timeline.

    "reply_received" also logs the employer's reply (Activity "reply"), which resets the back-off."""
    if result not in RESULTS:
        raise ValueError(f"result must be one of {', '.join(RESULTS)}")
    row = _get(followup_id)
    moment = when or now()
    with FollowUp._meta.database.atomic():
        FollowUp.update(state="done", result=result, done_at=moment, snoozed_until=None, updated_at=moment).where(
            FollowUp.id == followup_id).execute()
        if row.kind in KIND_TEXTS and row.kind != Kind.CUSTOM:  # the rules' wording follows the language
            name = first_name(row.contact.name) if row.contact_id else ""
            title = action_arg(row.kind, name)
        else:
            title = row.title or kind_label(row.kind)
        summary = TextFact(N_("Done: {title}"), {"title": title})
        log_activity(row.application_id, "reply" if result == "reply_received" else "followup", summary,
                     {"followup": followup_id, "result": result}, when=moment)


def complete(followup_id: int, result: str, when: dt.datetime) -> None:
    """Done as part of something larger that writes its own timeline entry (a letter marked as sent)."""
    FollowUp.update(state="done", result=result, done_at=when, snoozed_until=None, updated_at=when).where(
        FollowUp.id == followup_id).execute()


def snooze(followup_id: int, until: dt.date) -> None:
    row = _get(followup_id)
    FollowUp.update(state="snoozed", snoozed_until=until, notified_at=None, updated_at=now()).where(
        FollowUp.id == row.id).execute()


def skip(followup_id: int) -> None:
    row = _get(followup_id)
    FollowUp.update(state="skipped", snoozed_until=None, updated_at=now()).where(FollowUp.id == row.id).execute()


def reopen(followup_id: int) -> None:
    """Back to open (Undo of done, snooze or skip)."""
    restore_state(followup_id, {"state": "open", "result": "", "done_at": None, "snoozed_until": None})


def saved_state(followup_id: int) -> dict:
    """What a person can change on a follow-up, to put back with :func:`restore_state` (Undo)."""
    row = _get(followup_id)
    return {"state": row.state, "result": row.result, "done_at": row.done_at, "snoozed_until": row.snoozed_until}


def restore_state(followup_id: int, state: dict) -> None:
    row = _get(followup_id)
    FollowUp.update(state=state["state"], result=state["result"], done_at=state["done_at"],
                    snoozed_until=state["snoozed_until"], updated_at=now()).where(FollowUp.id == row.id).execute()


def add_custom(application_id: int, title: str, due_on: dt.date, *, channel: str = "", reason: str = "",
               contact_id: int | None = None) -> int:
    """The user's own follow-up on a card; returns its id."""
    title = title.strip()
    if not title:
        raise ValueError("a follow-up needs a title")
    stamp = now()
    row = FollowUp.create(application=application_id, contact=contact_id, kind=Kind.CUSTOM.value, rule_key=None,
                          title=title, reason=reason.strip(), channel=channel, due_on=due_on, state="open",
                          created_at=stamp, updated_at=stamp)
    return row.id


def followup_row(followup_id: int) -> dict:
    """One follow-up as plain values (for the letter editor: kind, card, contact, interview)."""
    row = _get(followup_id)
    return {"id": row.id, "application_id": row.application_id, "contact_id": row.contact_id,
            "interview_id": row.interview_id, "kind": row.kind, "title": row.title, "reason": row.reason,
            "channel": row.channel, "due_on": row.due_on, "state": row.state, "result": row.result,
            "rule_key": row.rule_key, "note": row.note}


def card_contacts(application_id: int) -> list[tuple[int, str]]:
    """(contact id, name) of the people on a card, for the "add a follow-up" form."""
    from jobfollow.store.models import ApplicationContact

    query = (Contact.select(Contact.id, Contact.name).join(ApplicationContact)
             .where(ApplicationContact.application == application_id).distinct().order_by(Contact.name).tuples())
    return list(query)


def live_cards() -> list[tuple[int, str, str]]:
    """(id, company, position) of every live card, for choosing where a follow-up of your own goes."""
    query = (JobApplication.select(JobApplication.id, JobApplication.company, JobApplication.position_title)
             .join(Stage).where(JobApplication.deleted_at.is_null(), Stage.kind != StageKind.CLOSED.value)
             .order_by(JobApplication.company).tuples())
    return list(query)
