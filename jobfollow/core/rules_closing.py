"""Closed cards: the withdrawal you still owe, thanks and lessons after a rejection.

A card imported as already closed is history (its letters were dealt with long ago); only closing it in
jobfollow, or a recorded interview, asks for them.
"""

from __future__ import annotations

from jobfollow.core.followup_facts import ApplicationFacts, Proposal
from jobfollow.core.rules_common import (
    INVITER,
    LESSONS,
    REJECTION_THANKS,
    WITHDRAW,
    RuleContext,
    channel_for,
    employer_contact,
    new_proposal,
)
from jobfollow.core.rules_offers import withdraw


def after_withdrawing(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
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
                withdraw(app, ctx._replace(accepted=(accepted,)), out)
    if len(out) > before:
        return
    own_key = f"withdraw:{app.id}:0"
    if not (app.closed_here or app.interviews or own_key in stored):
        return  # imported as already withdrawn: history
    due = ctx.workdays.add(app.stage_entered_on, ctx.settings.withdraw_business_days)
    contact = employer_contact(app, app.interviews[-1] if app.interviews else None)
    out.append(new_proposal(Proposal, (own_key, WITHDRAW, app, due, channel_for(contact), contact, None, ())))


def people_to_thank(app: ApplicationFacts) -> list:
    """Everyone you met (each interview's attendees) and whoever invited you, by id, each once."""
    ids = {i for interview in app.interviews for i in interview.attendee_ids}
    return sorted((c for c in app.contacts if c.id in ids or INVITER in c.roles), key=lambda c: c.id)


def after_rejection(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    interviews = app.interviews
    contact = employer_contact(app, interviews[-1] if interviews else None)
    if not interviews and (not app.closed_here or (not app.past_applied and contact is None)):
        # Turned down straight from Applied and nobody's name on the card: there is no one to thank and
        # no interview to learn from (closing the card already offers a place for notes), and a task for
        # every form rejection would bury the follow-ups that matter. A card imported as already rejected
        # is history: its thanks were due long ago.
        return
    due = ctx.workdays.add(app.stage_entered_on, ctx.settings.rejection_thanks_business_days)
    thanked = people_to_thank(app)
    if ctx.settings.rejection_thanks_each and thanked:
        for person in thanked:  # one note to each person you met (guide 002: contact your interviewers)
            out.append(new_proposal(Proposal, (f"rejection_thanks:{app.id}:{person.id}", REJECTION_THANKS, app,
                                               due, channel_for(person), person, None, ())))
    else:  # one letter, which may ask its reader to thank the others (guide 001)
        if contact is None and thanked:
            contact = thanked[0]
        others = tuple(p.name for p in thanked if contact is None or p.id != contact.id)
        out.append(new_proposal(Proposal, (f"rejection_thanks:{app.id}", REJECTION_THANKS, app, due,
                                           channel_for(contact), contact, None, others)))
    out.append(new_proposal(Proposal, (f"lessons:{app.id}", LESSONS, app, due, "", None, None, (bool(interviews),))))
