"""The follow-up rules engine: facts in, follow-ups out.

Pure and fast: no Qt, no database, no text formatting (``followup_texts`` writes titles and
reasons later). Every proposal carries a ``rule_key`` that names the fact it comes from, so
running the rules again proposes the same keys and the store can upsert without duplicates.
The rules are split by topic: ``rules_checks`` (status checks, backing off), ``rules_offers``
(offers, accepting one) and ``rules_closing`` (closed cards); docs/followups.md lists them all.

Rule keys (the number after the kind is always the application id):
    thank_you:{app}:{interview}:{contact}          status_check:{app}:{interview}:{n}
    close_suggestion:{app}:{interview}             reference_alert:{app}:{contact}
    network_checkin:{app}:{contact}                next_round_prep:{app}:{entered on}
    offer_response:{app}:{offer}                   withdraw:{app}:{accepted app}
    give_notice:{accepted app}                     rejection_thanks:{app}   lessons:{app}
    withdraw:{app}:0   (closed as "withdrew" with no accepted offer behind it)
    status_check:{app}:0:{n}, close_suggestion:{app}:0   (no interview recorded: the application's own checks)
    record_interview:{app}                         ask_deadline:{app}:{offer}
    offer_details:{app}                            offer_pending:{app}:{card holding the offer}
    rejection_thanks:{app}:{contact}   (when the user thanks each person after a rejection)
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable

from jobfollow.core.followup_facts import ONLY_INTERVIEWER, ApplicationFacts, Proposal
from jobfollow.core.rules_checks import application_check_due, first_check_due, status_checks
from jobfollow.core.rules_closing import after_rejection, after_withdrawing
from jobfollow.core.rules_common import (
    ACCEPTED,
    APPLIED,
    CLOSED,
    DAY,
    EMAIL,
    INTERVIEW_KINDS,
    INTERVIEW_SCHEDULED,
    INVITER,
    NETWORK,
    NETWORK_CHECKIN,
    NEXT_ROUND,
    NEXT_ROUND_PREP,
    OFFER,
    RECORD_INTERVIEW,
    REFERENCE,
    REFERENCE_ALERT,
    REJECTED,
    THANK_YOU,
    WITHDREW,
    RuleContext,
    channel_for,
    employer_contact,
    new_proposal,
)
from jobfollow.core.rules_offers import earliest_offers, give_notice, offer_pending_note, offer_responses, withdraw

_new = new_proposal
# Cards in these kinds are waiting on an employer after an interview: they get status checks.
WAITING_KINDS = INTERVIEW_KINDS - {INTERVIEW_SCHEDULED}
THANKING_KINDS = INTERVIEW_KINDS | {OFFER}
REFERENCE_KINDS = frozenset(WAITING_KINDS | {OFFER})
# Every stage where an offer may arrive and wait for an answer (it can come before the card reaches Offer).
ANSWERING_KINDS = frozenset(INTERVIEW_KINDS | {APPLIED, OFFER})

__all__ = ["RuleContext", "channel_for", "derive_followups", "employer_contact", "first_check_due"]


def derive_followups(applications: Iterable[ApplicationFacts], ctx: RuleContext) -> list[Proposal]:
    """Every follow-up the facts call for today, across ``applications``.

    The frequent rules (thank-yous, references, the network) are written inline with everything they
    read hoisted into locals: this loop runs for every card on every refresh.
    """
    out: list[Proposal] = []
    append = out.append
    today, settings, accepted = ctx.today, ctx.settings, ctx.accepted
    offers_elsewhere = earliest_offers(ctx.pending_offers, today) if ctx.pending_offers else ()
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
                    # 2. follow the application up until someone answers (guide 003: every application)
                    status_checks(app, None, ctx, out, application_check_due(app, ctx, True))
                    if accepted:
                        withdraw(app, ctx, out)
                elif app.outcome == REJECTED:
                    after_rejection(app, ctx, out)
                elif app.outcome == WITHDREW:
                    after_withdrawing(app, ctx, out)
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
                inviters = [c.id for c in contacts if c.roles is not ONLY_INTERVIEWER and INVITER in c.roles] \
                    if contacts else ()
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
                    roles = contact.roles
                    if roles is ONLY_INTERVIEWER:  # the common case, by identity (see role_set)
                        continue
                    if alerting and REFERENCE in roles:
                        append(_new(Proposal, (
                            f"reference_alert:{app_id}:{contact.id}", REFERENCE_ALERT, app,
                            min(app.stage_entered_on, today),  # due now: the day the card got this far
                            contact.preferred_channel or EMAIL, contact, None, ())))
                    if past and NETWORK in roles:
                        append(_new(Proposal, (
                            f"network_checkin:{app_id}:{contact.id}", NETWORK_CHECKIN, app, add_days(past[0].on, 1),
                            contact.preferred_channel or EMAIL, contact, past[0], ())))
            if kind in INTERVIEW_KINDS:
                boss = None  # whom to ask: looked up once, only when a check or a note needs it
                if not interviews:
                    # 3. an interview stage with no interview recorded: ask for it, and until then follow up
                    # from the day the card entered the stage
                    append(_new(Proposal, (f"record_interview:{app_id}", RECORD_INTERVIEW, app,
                                           app.stage_entered_on, "", None, None, ())))
                    boss = employer_contact(app, None)
                    status_checks(app, None, ctx, out, application_check_due(app, ctx, False), boss)
                elif past and kind != INTERVIEW_SCHEDULED and interviews[-1].on <= today:
                    # 2 and 3. status checks after the last round; a round still to come is the next step
                    # known, and asking for news before it would be noise
                    boss = employer_contact(app, past[-1])
                    status_checks(app, past[-1], ctx, out, None, boss)
                if offers_elsewhere:
                    if boss is None:
                        boss = employer_contact(app, interviews[-1] if interviews else None)
                    offer_pending_note(app, offers_elsewhere, out, boss)
            if kind == NEXT_ROUND:
                _next_round_prep(app, ctx, out)
            if kind == OFFER or (app.offers and kind in ANSWERING_KINDS):  # an offer may come before Offer
                offer_responses(app, ctx, out)
            if kind == ACCEPTED:
                give_notice(app, ctx, out)
            elif accepted:
                withdraw(app, ctx, out)
    finally:
        if collecting:
            gc.enable()
    return out


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
