"""The follow-up rules engine: facts in, follow-ups out.

Pure and fast: no Qt, no database, no text formatting (``followup_texts`` writes titles and
reasons later). Every proposal carries a ``rule_key`` that names the fact it comes from, so
running the rules again proposes the same keys and the store can upsert without duplicates.

Rule keys (the number after the kind is always the application id):
    thank_you:{app}:{interview}:{contact}          status_check:{app}:{interview}:{n}
    close_suggestion:{app}:{interview}             reference_alert:{app}:{contact}
    network_checkin:{app}:{contact}                next_round_prep:{app}:{entered on}
    offer_response:{app}:{offer}                   withdraw:{app}:{accepted app}
    give_notice:{accepted app}                     rejection_thanks:{app}   lessons:{app}
    withdraw:{app}:0   (closed as "withdrew" with no accepted offer behind it)
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable
from typing import NamedTuple

from jobfollow.core.followup_facts import (
    NO_REPLY_RESULTS,
    PENDING_STATES,
    AcceptedFact,
    ApplicationFacts,
    ContactFact,
    InterviewFact,
    Kind,
    Proposal,
)
from jobfollow.core.followup_settings import FollowUpSettings
from jobfollow.core.profile import UserDetails
from jobfollow.core.stages import Channel, ContactRole, Outcome, StageKind
from jobfollow.core.workdays import Workdays

DAY = dt.timedelta(days=1)
_new = tuple.__new__  # builds a Proposal without NamedTuple's Python-level __new__: 3x faster in the hot loop
EMAIL = Channel.EMAIL.value
# Cards in these kinds are waiting on an employer after an interview: they get status checks.
WAITING_KINDS = frozenset({StageKind.INTERVIEWED.value, StageKind.NEXT_ROUND.value})
THANKING_KINDS = frozenset(
    {StageKind.INTERVIEW_SCHEDULED.value, StageKind.INTERVIEWED.value, StageKind.NEXT_ROUND.value,
     StageKind.OFFER.value}
)
REFERENCE_KINDS = frozenset({StageKind.INTERVIEWED.value, StageKind.NEXT_ROUND.value, StageKind.OFFER.value})
# Whom a status check or a rejection thank-you goes to, in order of preference.
EMPLOYER_ROLES = (ContactRole.HIRING_MANAGER.value, ContactRole.RECRUITER.value, ContactRole.INVITER.value)
EMPLOYER_RANK = {role: rank for rank, role in enumerate(EMPLOYER_ROLES)}

# Plain strings: looking up an enum member's .value costs more than the rest of a rule.
THANK_YOU, STATUS_CHECK, CLOSE_SUGGESTION = Kind.THANK_YOU.value, Kind.STATUS_CHECK.value, Kind.CLOSE_SUGGESTION.value
REFERENCE_ALERT, NETWORK_CHECKIN = Kind.REFERENCE_ALERT.value, Kind.NETWORK_CHECKIN.value
NEXT_ROUND_PREP, OFFER_RESPONSE = Kind.NEXT_ROUND_PREP.value, Kind.OFFER_RESPONSE.value
WITHDRAW, GIVE_NOTICE = Kind.WITHDRAW.value, Kind.GIVE_NOTICE.value
REJECTION_THANKS, LESSONS = Kind.REJECTION_THANKS.value, Kind.LESSONS.value
REFERENCE, NETWORK, INVITER = ContactRole.REFERENCE.value, ContactRole.NETWORK.value, ContactRole.INVITER.value
APPLIED, NEXT_ROUND, OFFER = StageKind.APPLIED.value, StageKind.NEXT_ROUND.value, StageKind.OFFER.value
ACCEPTED, CLOSED, REJECTED = StageKind.ACCEPTED.value, StageKind.CLOSED.value, Outcome.REJECTED.value
WITHDREW = Outcome.WITHDREW.value


class RuleContext(NamedTuple):
    today: dt.date
    settings: FollowUpSettings = FollowUpSettings()
    workdays: Workdays = Workdays()
    user: UserDetails = UserDetails()
    accepted: tuple[AcceptedFact, ...] = ()  # every card in an Accepted stage, for the withdraw rule


def channel_for(contact: ContactFact | None, fallback: str = EMAIL) -> str:
    """The contact's preferred channel, else ``fallback``."""
    if contact is not None and contact.preferred_channel:
        return contact.preferred_channel
    return fallback


def derive_followups(applications: Iterable[ApplicationFacts], ctx: RuleContext) -> list[Proposal]:
    """Every follow-up the facts call for today, across ``applications``.

    The frequent rules (thank-yous, references, the network) are written inline with everything they
    read hoisted into locals: this loop runs for every card on every refresh.
    """
    out: list[Proposal] = []
    append = out.append
    today, settings, accepted = ctx.today, ctx.settings, ctx.accepted
    add_days = ctx.workdays.add
    thank_memo: dict[dt.date, tuple] = {}  # interview day -> (due, (latest,))
    # The rules build only acyclic tuples; pausing the cycle collector saves it from rescanning every fact
    # each few hundred allocations (a third of the time on 10,000 cards).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for app in applications:
            kind = app.stage_kind
            if kind in (APPLIED, CLOSED):  # the quiet cases first
                if kind == APPLIED:
                    if accepted:
                        _withdraw(app, ctx, out)
                elif app.outcome == REJECTED:
                    _after_rejection(app, ctx, out)
                elif app.outcome == WITHDREW:
                    _after_withdrawing(app, ctx, out)
                continue
            app_id, contacts, interviews = app.id, app.contacts, app.interviews
            if interviews and interviews[-1].on <= today:
                past = interviews
            else:
                past = [iv for iv in interviews if iv.on <= today]
            thanking = kind in THANKING_KINDS
            # 1. a thank-you per interviewer, the day after each interview
            if past and thanking:
                by_id = None
                # ... and to whoever invited you, present or not (the guides address the note to them first)
                inviters = [c.id for c in contacts if c.role == INVITER] if contacts else ()
                for interview in past:
                    attendees = interview.attendee_ids
                    if inviters:
                        attendees = attendees + tuple(i for i in inviters if i not in attendees)
                    if not attendees:
                        continue
                    if by_id is None:
                        by_id = {c.id: c for c in contacts}
                    on = interview.on
                    timing = thank_memo.get(on)
                    if timing is None:
                        latest = add_days(on, settings.thank_you_latest_business_days)
                        due = on + DAY
                        if settings.thank_you_on_business_day:
                            due = min(ctx.workdays.next_business_day(due), latest)
                        timing = thank_memo[on] = (due, (latest,))
                    due, detail = timing
                    prefix = f"thank_you:{app_id}:{interview.id}:"
                    for contact_id in attendees:
                        contact = by_id.get(contact_id)
                        if contact is not None:
                            append(_new(Proposal, (prefix + str(contact_id), THANK_YOU, app, due,
                                                   contact.preferred_channel or EMAIL, contact, interview, detail)))
            # 4. alert references once the card got this far; 5. check in with the network after the interview
            alerting = kind in REFERENCE_KINDS
            if contacts and thanking and (alerting or past):
                for contact in contacts:
                    role = contact.role
                    if role == REFERENCE:
                        if alerting:
                            append(_new(Proposal, (
                                f"reference_alert:{app_id}:{contact.id}", REFERENCE_ALERT, app,
                                min(app.stage_entered_on, today),  # due now: the day the card got this far
                                contact.preferred_channel or EMAIL, contact, None, ())))
                    elif role == NETWORK and past:
                        append(_new(Proposal, (
                            f"network_checkin:{app_id}:{contact.id}", NETWORK_CHECKIN, app, add_days(past[0].on, 1),
                            contact.preferred_channel or EMAIL, contact, past[0], ())))
            if past and kind in WAITING_KINDS:
                _status_checks(app, past[-1], ctx, out)
            if kind == NEXT_ROUND:
                _next_round_prep(app, ctx, out)
            elif kind == OFFER:
                _offer_responses(app, ctx, out)
            if kind == ACCEPTED:
                _give_notice(app, ctx, out)
            elif accepted:
                _withdraw(app, ctx, out)
    finally:
        if collecting:
            gc.enable()
    return out


# -- 2 and 3. status checks and backing off --------------------------------------------------------
def first_check_due(interview: InterviewFact, ctx: RuleContext) -> tuple[dt.date, str]:
    """When the first status check falls due and why: "told" (their own date), "decision" or "no_news"."""
    settings = ctx.settings
    if interview.follow_up_on is not None:
        due, why = interview.follow_up_on, "told"  # exactly the day they named, never earlier
    elif interview.decision_date is not None:
        due, why = ctx.workdays.add(interview.decision_date, settings.after_decision_business_days), "decision"
    else:
        due, why = ctx.workdays.add(interview.on, settings.no_news_business_days), "no_news"
    if interview.follow_up_interval_days:  # "no more often than every N days" holds for the first check too
        allowed = interview.on + dt.timedelta(days=interview.follow_up_interval_days)
        if allowed > due:
            return allowed, "interval"
    return due, why


def _employer_contact(app: ApplicationFacts, interview: InterviewFact | None) -> ContactFact | None:
    """The hiring manager, else the recruiter, else whoever invited you, else the first interviewer."""
    best, best_rank = None, len(EMPLOYER_ROLES)
    for contact in app.contacts:
        rank = EMPLOYER_RANK.get(contact.role, best_rank)
        if rank < best_rank:
            best, best_rank = contact, rank
            if rank == 0:
                break
    if best is None and interview is not None and interview.attendee_ids:
        first = interview.attendee_ids[0]
        for contact in app.contacts:
            if contact.id == first:
                return contact
    return best


def _status_checks(app: ApplicationFacts, interview: InterviewFact, ctx: RuleContext, out: list[Proposal]) -> None:
    settings = ctx.settings
    prefix = f"status_check:{app.id}:{interview.id}:"
    checks = sorted(
        ((int(c.rule_key[len(prefix):]), c) for c in app.checks if c.rule_key.startswith(prefix)),
        key=lambda pair: pair[0],
    ) if app.checks else ()
    contact = _employer_contact(app, interview)
    channel = interview.follow_up_channel or (contact and contact.preferred_channel) or settings.status_check_channel
    # Only finished checks decide what comes next; a pending one with the proposed key is simply kept
    # (and any other pending one retired, e.g. the follow-on of a check whose "done" was undone).
    checks = [pair for pair in checks if pair[1].state not in PENDING_STATES]
    if not checks:
        due, why = first_check_due(interview, ctx)
        out.append(_new(Proposal, (prefix + "1", STATUS_CHECK, app, due, channel, contact, interview, (1, why, 0))))
        return
    number, last = checks[-1]
    if last.state != "done" or last.done_on is None:
        return  # the user skipped the last check: they chose to stop asking
    unanswered = _unanswered_streak(checks, app.last_reply_on)
    if unanswered == 0:
        # They answered: start over gently, one short interval after the reply.
        start, weeks = max(app.last_reply_on or last.done_on, last.done_on), settings.backoff_first_weeks
    else:
        start, weeks = last.done_on, settings.backoff_weeks[min(unanswered, 3) - 1]
    gap = weeks * 7
    if interview.follow_up_interval_days:  # never more often than they allowed
        gap = max(gap, interview.follow_up_interval_days)
    due = start + dt.timedelta(days=gap)
    if unanswered >= settings.max_unanswered_checks:
        out.append(_new(Proposal, (f"close_suggestion:{app.id}:{interview.id}", CLOSE_SUGGESTION, app, due,
                            "", None, interview, (unanswered,))))
        return
    out.append(_new(Proposal, (f"{prefix}{number + 1}", STATUS_CHECK, app, due, channel, contact, interview,
                        (number + 1, "backoff" if unanswered else "reply", unanswered))))


def _unanswered_streak(checks: list, last_reply_on: dt.date | None) -> int:
    """Done checks since the employer last answered (a reply on or after a check answers it)."""
    streak = 0
    for _number, check in reversed(checks):
        if check.state != "done":
            continue
        if check.result not in NO_REPLY_RESULTS:
            break  # "reply received"
        if last_reply_on is not None and check.done_on is not None and last_reply_on >= check.done_on:
            break
        streak += 1
    return streak


# -- 6. next round ---------------------------------------------------------------------------------
def _next_round_prep(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    entered, today = app.stage_entered_on, ctx.today
    rounds = [iv for iv in app.interviews if iv.on > entered]
    upcoming = next((iv for iv in rounds if iv.on >= today), None)
    if upcoming is not None:
        due = upcoming.on - DAY
    elif rounds:
        return  # the next round has taken place: nothing left to prepare for it
    else:
        due = entered + dt.timedelta(days=ctx.settings.next_round_prep_days)
    out.append(_new(Proposal, (f"next_round_prep:{app.id}:{entered.isoformat()}", NEXT_ROUND_PREP, app, due,
                               "", None, upcoming, ())))


# -- 7. offers, accepting one ----------------------------------------------------------------------
def _offer_responses(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    for offer in app.offers:
        if offer.status not in ("pending", "countered"):
            continue
        due = offer.deadline or ctx.workdays.add(offer.offer_date, ctx.settings.offer_response_business_days)
        contact = _employer_contact(app, None)
        out.append(_new(Proposal, (f"offer_response:{app.id}:{offer.id}", OFFER_RESPONSE, app, due,
                                   channel_for(contact), contact, None, (offer,))))


def _withdraw(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    if app.withdrawal_sent:
        return  # the withdrawal letter already went out
    for accepted in ctx.accepted:
        if accepted.id == app.id:
            continue
        due = ctx.workdays.add(accepted.accepted_on, ctx.settings.withdraw_business_days)
        contact = _employer_contact(app, app.interviews[-1] if app.interviews else None)
        out.append(_new(Proposal, (f"withdraw:{app.id}:{accepted.id}", WITHDRAW, app, due,
                                   channel_for(contact), contact, None, (accepted,))))


def _give_notice(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    if ctx.user.employed:
        due = ctx.workdays.add(app.stage_entered_on, ctx.settings.withdraw_business_days)
        out.append(_new(Proposal, (f"give_notice:{app.id}", GIVE_NOTICE, app, due, EMAIL, None, None, ())))


def _after_withdrawing(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    """Closed as "withdrew": a reminder to send the withdrawal, in case the letter prompt was dismissed."""
    if app.withdrawal_sent:
        return
    # Accepting another offer may already have asked for this withdrawal: keep that one (whatever its
    # state) rather than add a second.
    stored = app.withdraw_keys
    before = len(out)
    if stored:
        for accepted in ctx.accepted:
            if f"withdraw:{app.id}:{accepted.id}" in stored:
                _withdraw(app, ctx._replace(accepted=(accepted,)), out)
    if len(out) > before:
        return
    own_key = f"withdraw:{app.id}:0"
    if not (app.closed_here or app.interviews or own_key in stored):
        # Imported as already withdrawn (a tracker's history): that letter was dealt with long ago.
        return
    due = ctx.workdays.add(app.stage_entered_on, ctx.settings.withdraw_business_days)
    contact = _employer_contact(app, app.interviews[-1] if app.interviews else None)
    out.append(_new(Proposal, (own_key, WITHDRAW, app, due, channel_for(contact), contact, None,
                               ())))


# -- 8. rejection ----------------------------------------------------------------------------------
def _after_rejection(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    interviews = app.interviews
    contact = _employer_contact(app, interviews[-1] if interviews else None)
    if not interviews and (not app.closed_here or (not app.past_applied and contact is None)):
        # Turned down straight from Applied and nobody's name on the card: there is no one to thank and
        # no interview to learn from (closing the card already offers a place for notes), and a task for
        # every form rejection would bury the follow-ups that matter. A card imported as already rejected
        # is history: its thanks were due long ago.
        return
    due = ctx.workdays.add(app.stage_entered_on, ctx.settings.rejection_thanks_business_days)
    out.append(_new(Proposal, (f"rejection_thanks:{app.id}", REJECTION_THANKS, app, due,
                               channel_for(contact), contact, None, ())))
    out.append(_new(Proposal, (f"lessons:{app.id}", LESSONS, app, due, "", None, None, (bool(interviews),))))
