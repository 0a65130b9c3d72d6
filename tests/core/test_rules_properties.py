"""Properties of the rules on generated facts: keys never collide, re-runs agree, nothing lands before its fact."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from jobfollow.core.followup_facts import AcceptedFact, ApplicationFacts, ContactFact, InterviewFact, OfferFact
from jobfollow.core.rules import RuleContext, derive_followups
from jobfollow.core.stages import StageKind
from jobfollow.core.workdays import Workdays

TODAY = dt.date(2026, 5, 4)
days = st.integers(min_value=-40, max_value=20).map(lambda n: TODAY + dt.timedelta(days=n))
roles = st.sampled_from(["interviewer", "recruiter", "hiring_manager", "reference", "network", "inviter"])


@st.composite
def applications(draw, app_id):
    contacts = tuple(ContactFact(app_id * 100 + n, f"P{n}", frozenset(draw(st.sets(roles, min_size=1, max_size=3))),
                                 draw(st.sampled_from(["", "phone"])))
                     for n in range(draw(st.integers(0, 4))))
    interviews = tuple(sorted(
        (InterviewFact(app_id * 100 + n, draw(days), draw(st.booleans()), draw(st.none() | days),
                       draw(st.none() | days), "", draw(st.none() | st.integers(1, 30)),
                       tuple(c.id for c in contacts[: draw(st.integers(0, len(contacts)))]))
         for n in range(draw(st.integers(0, 3)))), key=lambda iv: iv.on))
    offers = tuple(OfferFact(app_id * 100 + n, draw(days), draw(st.none() | days), draw(st.booleans()))
                   for n in range(draw(st.integers(0, 2))))
    return ApplicationFacts(app_id, f"Co{app_id}", "Role", draw(st.sampled_from(list(StageKind))).value, draw(days),
                            draw(st.sampled_from([None, "rejected", "withdrew"])), contacts, interviews, offers)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=8, unique=True).flatmap(
    lambda ids: st.tuples(*[applications(i) for i in ids])), st.booleans())
def test_keys_are_unique_and_stable(apps, someone_accepted):
    accepted = tuple(AcceptedFact(a.id, a.company, a.position, TODAY) for a in apps
                     if a.stage_kind == StageKind.ACCEPTED.value) if someone_accepted else ()
    ctx = RuleContext(TODAY, workdays=Workdays(), accepted=accepted)
    first = derive_followups(list(apps), ctx)
    keys = [p.rule_key for p in first]
    assert len(keys) == len(set(keys))
    assert keys == [p.rule_key for p in derive_followups(list(apps), ctx)]
    for p in first:
        if p.kind == "thank_you":
            assert p.due_on == p.interview.on + dt.timedelta(days=1) and p.interview.on <= TODAY
        if p.kind == "status_check" and p.interview is not None:
            # never sooner than "no more often than every N days" allows, the first check included
            interval = p.interview.follow_up_interval_days
            allowed = p.interview.on + dt.timedelta(days=interval) if interval else dt.date.min
            assert p.due_on >= allowed
            if p.interview.follow_up_on is not None:
                assert p.due_on == max(p.interview.follow_up_on, allowed)  # the day they named, unless too soon


def _by_card(proposals):
    return sorted((p.app.id, p.rule_key, p.due_on, p.contact_id, p.channel) for p in proposals)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=6, unique=True).flatmap(
    lambda ids: st.tuples(*[applications(i) for i in ids])), st.randoms(use_true_random=False))
def test_one_card_agrees_with_all_cards_in_any_order(apps, rng):
    """The people on a card may come in any order, and a card may be run alone or with all the others:
    what it is due never changes."""
    ctx = RuleContext(TODAY, workdays=Workdays())
    together = _by_card(derive_followups(list(apps), ctx))
    shuffled = []
    for app in apps:
        people = list(app.contacts)
        rng.shuffle(people)
        shuffled.append(app._replace(contacts=tuple(people)))
    rng.shuffle(shuffled)
    alone = _by_card(p for app in shuffled for p in derive_followups([app], ctx))
    assert alone == together


def _whole(proposals):
    """Everything a stored follow-up is made of, per card (the facts object itself aside)."""
    return sorted((p.app.id, p.rule_key, p.kind, p.due_on, p.channel, p.contact, p.interview, p.detail)
                  for p in proposals)


@settings(max_examples=120, deadline=None)
@given(st.integers(1, 40).flatmap(applications), st.integers(0, 40))
def test_a_card_proposes_the_same_until_its_day_comes(app, days_later):
    """The incremental refresh skips a card whose facts did not change until ``stable_until``: on every day
    before it the rules must propose exactly what they proposed on the day it was run."""
    from jobfollow.core.rules_horizon import stable_until

    ctx = RuleContext(TODAY, workdays=Workdays())
    until = stable_until(app, TODAY)
    later = TODAY + dt.timedelta(days=days_later)
    if until is None or later < until:
        assert _whole(derive_followups([app], ctx._replace(today=later))) == _whole(derive_followups([app], ctx))
    else:
        assert until > TODAY  # the day it may change always lies ahead
