"""Load the facts the follow-up rules read from the database, in a handful of bulk queries."""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import defaultdict
from collections.abc import Collection

from peewee import fn

from jobfollow.core.followup_facts import (
    AcceptedFact,
    ApplicationFacts,
    CheckFact,
    ContactFact,
    InterviewFact,
    Kind,
    OfferFact,
    PendingOfferFact,
    role_set,
)
from jobfollow.core.stages import ContactRole, Outcome, StageKind
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Letter,
    Offer,
    Stage,
    Template,
)

# A card that stood in one of these stages got further than its application.
PAST_APPLIED_KINDS = frozenset(StageKind) - {StageKind.APPLIED, StageKind.CLOSED}


def as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):  # raw SQLite: "2026-05-04" or "2026-05-04 14:00:00"
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def raw_rows(query):
    """Run a peewee query and return SQLite's own tuples, skipping peewee's per-value conversion
    (dates stay ISO strings, booleans stay 0/1): several times faster on tens of thousands of rows."""
    sql, params = query.sql()
    return query.model._meta.database.execute_sql(sql, params).fetchall()


def _limit(query, column, ids: Collection[int] | None):
    return query if ids is None else query.where(column.in_(list(ids)))


def accepted_applications() -> tuple[AcceptedFact, ...]:
    query = (
        JobApplication.select(JobApplication.id, JobApplication.company, JobApplication.position_title,
                              JobApplication.stage_entered_at)
        .join(Stage)
        .where(Stage.kind == StageKind.ACCEPTED.value, JobApplication.deleted_at.is_null())
        .tuples()
    )
    return tuple(AcceptedFact(i, c, p, as_date(e)) for i, c, p, e in query)


def pending_offer_deadlines() -> tuple[PendingOfferFact, ...]:
    """Pending offers with a deadline on live cards in an Offer stage (other processes hear about them)."""
    query = (
        Offer.select(JobApplication.id, JobApplication.company, JobApplication.position_title, Offer.id,
                     Offer.offer_date, Offer.created_at, Offer.deadline)
        .join(JobApplication).join(Stage)
        .where(Stage.kind == StageKind.OFFER.value, JobApplication.deleted_at.is_null(),
               Offer.status == "pending", Offer.deadline.is_null(False))
        .order_by(Offer.id)
    )
    return tuple(PendingOfferFact(app_id, company, position, offer_id, as_date(offered) or as_date(created),
                                  as_date(deadline))
                 for app_id, company, position, offer_id, offered, created, deadline in raw_rows(query))


def load_application_facts(ids: Collection[int] | None = None) -> list[ApplicationFacts]:
    """Facts for the live applications in ``ids`` (all live ones when None)."""
    # Only acyclic tuples are built here: pausing the cycle collector saves it rescanning them every few hundred
    # allocations (a third of the time at 10,000 cards, as in the rules).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(ids)
    finally:
        if collecting:
            gc.enable()


def _load(ids: Collection[int] | None) -> list[ApplicationFacts]:
    apps = raw_rows(_limit(
        JobApplication.select(JobApplication.id, JobApplication.company, JobApplication.position_title,
                              Stage.kind, JobApplication.stage_entered_at, JobApplication.outcome,
                              JobApplication.applied_on)
        .join(Stage)
        .where(JobApplication.deleted_at.is_null()),
        JobApplication.id, ids,
    ))
    rows = list(apps)
    if not rows:
        return []
    scope = None if ids is None else [r[0] for r in rows]

    # Every role a person holds on a card, whatever order the rows come in (a recruiter may also have invited
    # you, a hiring manager may have interviewed you): the rules see them all.
    people: dict[int, dict[int, list]] = {}  # card -> person -> [name, channel, roles (a tuple)]
    links = raw_rows(_limit(
        ApplicationContact.select(ApplicationContact.application, Contact.id, Contact.name, ApplicationContact.role,
                                  Contact.preferred_channel).join(Contact),
        ApplicationContact.application, scope,
    ))
    for app_id, contact_id, name, role, channel in links:
        found = people.get(app_id)
        if found is None:
            found = people[app_id] = {}
        known = found.get(contact_id)
        if known is None:
            found[contact_id] = [name, channel, (role,)]
        elif role not in known[2]:
            known[2] += (role,)

    attendees: dict[int, list[int]] = defaultdict(list)
    attendee_rows = raw_rows(_limit(
        InterviewAttendee.select(Interview.application, InterviewAttendee.interview, InterviewAttendee.contact)
        .join(Interview).order_by(InterviewAttendee.id),
        Interview.application, scope,
    ))
    only_interviewer = (ContactRole.INTERVIEWER.value,)
    unlinked: dict[int, list] = {}  # people in the room who are not on the card: named by one more query
    for app_id, interview_id, contact_id in attendee_rows:
        attendees[interview_id].append(contact_id)
        found = people.get(app_id)
        if found is None:
            found = people[app_id] = {}
        if contact_id not in found:
            found[contact_id] = entry = ["", "", only_interviewer]
            unlinked.setdefault(contact_id, []).append(entry)
    if unlinked:
        named = list(unlinked)
        for start in range(0, len(named), 500):
            for contact_id, name, channel in raw_rows(
                    Contact.select(Contact.id, Contact.name, Contact.preferred_channel)
                    .where(Contact.id.in_(named[start:start + 500]))):
                for entry in unlinked[contact_id]:
                    entry[0], entry[1] = name, channel
    # Plain tuples built without NamedTuple's Python-level __new__, and one frozenset per combination of roles
    # (see role_set): tens of thousands of people at 10,000 cards.
    new, shared_roles = tuple.__new__, {}
    contacts = {}
    for app_id, found in people.items():
        facts = []
        for contact_id in sorted(found):
            name, channel, roles = found[contact_id]
            role_fact = shared_roles.get(roles)
            if role_fact is None:
                role_fact = shared_roles[roles] = role_set(*roles)
            facts.append(new(ContactFact, (contact_id, name, role_fact, channel)))
        contacts[app_id] = tuple(facts)

    interviews: dict[int, list[InterviewFact]] = defaultdict(list)
    interview_rows = raw_rows(_limit(
        Interview.select(Interview.application, Interview.id, Interview.starts_at, Interview.informational,
                         Interview.decision_date, Interview.follow_up_on, Interview.follow_up_channel,
                         Interview.follow_up_interval_days).order_by(Interview.starts_at, Interview.id),
        Interview.application, scope,
    ))
    day = _day_reader()
    for app_id, iv_id, starts, informational, decision, follow_on, follow_channel, interval in interview_rows:
        interviews[app_id].append(new(InterviewFact, (
            iv_id, day(starts), bool(informational), day(decision), day(follow_on),
            follow_channel or "", interval, tuple(attendees[iv_id]) if iv_id in attendees else ())))

    offers: dict[int, list[OfferFact]] = defaultdict(list)
    offer_rows = raw_rows(_limit(
        Offer.select(Offer.application, Offer.id, Offer.offer_date, Offer.created_at, Offer.deadline,
                     Offer.is_written, Offer.status).order_by(Offer.id),
        Offer.application, scope,
    ))
    for app_id, offer_id, offered, created, deadline, written, status in offer_rows:
        offers[app_id].append(OfferFact(offer_id, as_date(offered) or as_date(created), as_date(deadline),
                                        bool(written), status))

    checks: dict[int, list[CheckFact]] = defaultdict(list)
    withdraw_keys: dict[int, list[str]] = defaultdict(list)
    check_rows = raw_rows(_limit(
        FollowUp.select(FollowUp.application, FollowUp.kind, FollowUp.rule_key, FollowUp.state, FollowUp.result,
                        FollowUp.done_at)
        .where(FollowUp.kind.in_((Kind.STATUS_CHECK.value, Kind.WITHDRAW.value)), FollowUp.rule_key.is_null(False)),
        FollowUp.application, scope,
    ))
    for app_id, kind, key, state, result, done_at in check_rows:
        if kind == Kind.WITHDRAW.value:
            withdraw_keys[app_id].append(key)
        else:
            checks[app_id].append(CheckFact(key, state, result or "", as_date(done_at)))

    withdrawal_sent = {app_id for (app_id,) in raw_rows(_limit(
        Letter.select(Letter.application).join(Template)
        .where(Template.key == "withdraw", Letter.state == "sent"),
        Letter.application, scope,
    ))}
    past_applied, closed_here = _move_history([r[0] for r in rows if r[3] == StageKind.CLOSED.value
                                               and r[5] in (Outcome.REJECTED.value, Outcome.WITHDREW.value)])

    replies = dict(raw_rows(
        _limit(
            Activity.select(Activity.application, fn.MAX(Activity.occurred_at))
            .where(Activity.kind == "reply").group_by(Activity.application),
            Activity.application, scope,
        )
    ))

    return [
        new(ApplicationFacts, (
            app_id, company, position, kind, day(entered), outcome,
            contacts.get(app_id, ()),
            tuple(interviews[app_id]) if app_id in interviews else (),
            tuple(offers[app_id]) if app_id in offers else (),
            tuple(checks[app_id]) if app_id in checks else (),
            as_date(replies.get(app_id)),
            tuple(withdraw_keys[app_id]) if app_id in withdraw_keys else (),
            app_id in withdrawal_sent,
            app_id in past_applied,
            app_id in closed_here,
            day(applied),
        ))
        for app_id, company, position, kind, entered, outcome, applied in rows
    ]


def _day_reader():
    """:func:`as_date` remembering what it read: a few hundred distinct days among tens of thousands of values."""
    seen: dict = {None: None}

    def day(value):
        found = seen.get(value, seen)
        if found is seen:
            found = seen[value] = as_date(value)
        return found

    return day


def _move_history(app_ids: list[int]) -> tuple[set[int], set[int]]:
    """Of ``app_ids`` (closed as rejected or withdrew): those whose moves show them in a stage after Applied at
    some point, and those moved to Closed in jobfollow (a card imported as already closed has no such move)."""
    if not app_ids:
        return set(), set()
    kinds = dict(Stage.select(Stage.id, Stage.kind).tuples())
    found, closed_here = set(), set()
    for app_id, data in raw_rows(Activity.select(Activity.application, Activity.data).where(
            Activity.kind == "moved", Activity.application.in_(app_ids))):
        try:
            moved = json.loads(data) if isinstance(data, str) else (data or {})
        except ValueError:
            continue
        if not isinstance(moved, dict):
            continue
        if any(kinds.get(moved.get(end)) in PAST_APPLIED_KINDS for end in ("from_stage", "to_stage")):
            found.add(app_id)
        if kinds.get(moved.get("to_stage")) == StageKind.CLOSED.value:
            closed_here.add(app_id)
    return found, closed_here
