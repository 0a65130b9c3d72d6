"""Roles are a set on the stored side: every role a person holds reaches the rules, in any row order, and a
one-card refresh stores exactly what a full refresh does."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobfollow.core.stages import StageKind
from jobfollow.store import followups as fu
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.followup_facts_loader import load_application_facts
from jobfollow.store.models import ApplicationContact, Contact, FollowUp, Interview, InterviewAttendee
from tests.conftest import TODAY

FRIDAY = dt.date(2026, 5, 1)
ROLES = ["interviewer", "recruiter", "hiring_manager", "reference", "network", "inviter"]


def card_with(people_roles, order, kind=StageKind.INTERVIEWED):
    """A card interviewed on Friday; person n holds people_roles[n]; role rows written in ``order``."""
    app = create_application("Acme", "Analyst", first_stage_of_kind(kind).id,
                             stage_entered_at=dt.datetime.combine(FRIDAY, dt.time(9)))
    interview = Interview.create(application=app, starts_at=dt.datetime.combine(FRIDAY, dt.time(14)))
    people = [Contact.create(name=f"Person {n}") for n in range(len(people_roles))]
    InterviewAttendee.create(interview=interview, contact=people[0])
    rows = [(people[n], role) for n, roles in enumerate(people_roles) for role in sorted(roles)]
    for index in order(len(rows)):
        person, role = rows[index]
        ApplicationContact.create(application=app, contact=person, role=role)
    return app, people


def stored(app_id):
    return sorted((f.rule_key, f.kind, f.contact_id, f.due_on, f.channel, f.title, f.state)
                  for f in FollowUp.select().where(FollowUp.application == app_id))


def test_a_recruiter_who_invited_you_is_thanked_in_either_row_order(profile):
    for order in (lambda n: range(n), lambda n: reversed(range(n))):
        app, people = card_with([{"interviewer"}, {"recruiter", "inviter"}], order)
        fu.refresh_followups([app.id], today=TODAY)
        thanked = {f.contact_id for f in FollowUp.select().where(FollowUp.application == app.id,
                                                                  FollowUp.kind == "thank_you")}
        assert thanked == {people[0].id, people[1].id}
        (fact,) = load_application_facts([app.id])
        assert {c.id: c.roles for c in fact.contacts}[people[1].id] == {"recruiter", "inviter"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sets(st.sampled_from(ROLES), min_size=1, max_size=3), min_size=1, max_size=4),
       st.randoms(use_true_random=False), st.sampled_from([StageKind.INTERVIEWED, StageKind.CLOSED]))
def test_one_card_refresh_equals_full_refresh_for_any_order_of_roles(profile, people_roles, rng, kind):
    def shuffled(n):
        order = list(range(n))
        rng.shuffle(order)
        return order

    app, _people = card_with(people_roles, shuffled, kind)
    if kind == StageKind.CLOSED:
        from jobfollow.store.models import JobApplication

        JobApplication.update(outcome="rejected").where(JobApplication.id == app.id).execute()
    fu.refresh_followups([app.id], today=TODAY)
    one_card = stored(app.id)
    fu.refresh_followups(today=TODAY)
    assert stored(app.id) == one_card
    # the same people with their rows written in the opposite order: the same follow-ups
    twin, _twin_people = card_with(people_roles, lambda n: reversed(shuffled(n)), kind)
    if kind == StageKind.CLOSED:
        from jobfollow.store.models import JobApplication

        JobApplication.update(outcome="rejected").where(JobApplication.id == twin.id).execute()
    fu.refresh_followups(today=TODAY)

    def shape(app_id, people):
        index = {p.id: n for n, p in enumerate(people)}
        return sorted((f.kind, index.get(f.contact_id), f.due_on) for f in
                      FollowUp.select().where(FollowUp.application == app_id))

    assert shape(twin.id, _twin_people) == shape(app.id, _people)


def test_a_one_card_change_refreshes_only_that_card(demo_profile, monkeypatch):
    """Even with an accepted card and offers with deadlines about: a plain card's refresh reads that card only."""
    from jobfollow.store import followups_refresh as store
    from jobfollow.store.models import JobApplication

    fu.refresh_followups(today=TODAY)
    scopes = []
    original = store.load_application_facts
    monkeypatch.setattr(store, "load_application_facts", lambda ids=None: scopes.append(ids) or original(ids))
    ctx = store.rule_context(TODAY)
    from jobfollow.core.rules_offers import earliest_offers

    special = {a.id for a in ctx.accepted} | {o.id for o in earliest_offers(ctx.pending_offers, TODAY)}
    plain = next(app.id for app in JobApplication.select() if app.id not in special
                 and not FollowUp.select().where(FollowUp.rule_key.startswith("withdraw:"),
                                                 FollowUp.rule_key.endswith(f":{app.id}")).exists())
    fu.refresh_followups([plain], today=TODAY)
    assert scopes == [{plain}]
    if special:  # a card others' follow-ups name: every card is refreshed
        fu.refresh_followups([next(iter(special))], today=TODAY)
        assert scopes[-1] is None
