"""Offers and accepting one: answer it, ask for its deadline or its details, tell the other processes,
withdraw from them, give notice."""

from __future__ import annotations

from jobfollow.core.followup_facts import ApplicationFacts, ContactFact, PendingOfferFact, Proposal
from jobfollow.core.rules_common import (
    ASK_DEADLINE,
    EMAIL,
    GIVE_NOTICE,
    OFFER_DETAILS,
    OFFER_PENDING,
    OFFER_RESPONSE,
    WITHDRAW,
    RuleContext,
    channel_for,
    employer_contact,
    new_proposal,
)

LIVE_OFFER = ("pending", "countered")


def offer_responses(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    if not app.offers:
        # In the Offer stage with no offer recorded (moved there, or imported so): ask for its details,
        # without which nothing can remind you to answer it.
        contact = employer_contact(app, None)
        out.append(new_proposal(Proposal, (f"offer_details:{app.id}", OFFER_DETAILS, app, app.stage_entered_on,
                                           "", contact, None, ())))
        return
    for offer in app.offers:
        if offer.status not in LIVE_OFFER:
            continue
        due = offer.deadline or ctx.workdays.add(offer.offer_date, ctx.settings.offer_response_business_days)
        contact = employer_contact(app, None)
        channel = channel_for(contact)
        out.append(new_proposal(Proposal, (f"offer_response:{app.id}:{offer.id}", OFFER_RESPONSE, app, due,
                                           channel, contact, None, (offer,))))
        if offer.deadline is None and offer.status == "pending":
            # Thank them and ask by when they need to know, before weighing it up (guide 000).
            out.append(new_proposal(Proposal, (f"ask_deadline:{app.id}:{offer.id}", ASK_DEADLINE, app,
                                               offer.offer_date, channel, contact, None, (offer,))))


def earliest_offers(pending: tuple[PendingOfferFact, ...], today) -> tuple[PendingOfferFact, ...]:
    """The two pending offers whose deadlines come first (still to come), by (deadline, card): every note
    names the first, except on its own card, which names the second."""
    live = sorted((o for o in pending if o.deadline >= today), key=lambda o: (o.deadline, o.id))
    return tuple(live[:1] + [o for o in live[1:] if o.id != live[0].id][:1])


def offer_pending_note(app: ApplicationFacts, front: tuple[PendingOfferFact, ...], out: list[Proposal],
                       contact: ContactFact | None) -> None:
    """An active process elsewhere while an offer with a deadline waits: propose a short note saying an offer
    is pending and asking about their timeline. One per card, for the offer whose deadline comes first
    (``front``: see :func:`earliest_offers`); ``contact``: the card's employer contact (:func:`employer_contact`
    with its last interview)."""
    earliest = front[0] if front[0].id != app.id else (front[1] if len(front) > 1 else None)
    if earliest is None:
        return
    entered = app.stage_entered_on
    out.append(new_proposal(Proposal, (
        f"offer_pending:{app.id}:{earliest.id}", OFFER_PENDING, app,
        earliest.offer_date if earliest.offer_date > entered else entered,
        (contact.preferred_channel or EMAIL) if contact is not None else EMAIL, contact, None, (earliest,))))


def withdraw(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    if app.withdrawal_sent:
        return  # the withdrawal letter already went out
    for accepted in ctx.accepted:
        if accepted.id == app.id:
            continue
        due = ctx.workdays.add(accepted.accepted_on, ctx.settings.withdraw_business_days)
        contact = employer_contact(app, app.interviews[-1] if app.interviews else None)
        out.append(new_proposal(Proposal, (f"withdraw:{app.id}:{accepted.id}", WITHDRAW, app, due,
                                           channel_for(contact), contact, None, (accepted,))))


def give_notice(app: ApplicationFacts, ctx: RuleContext, out: list[Proposal]) -> None:
    if ctx.user.employed:
        due = ctx.workdays.add(app.stage_entered_on, ctx.settings.withdraw_business_days)
        out.append(new_proposal(Proposal, (f"give_notice:{app.id}", GIVE_NOTICE, app, due, EMAIL, None, None, ())))
