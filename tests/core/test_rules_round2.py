"""Rules round 2: roles as a set, application checks, the next step known, offers, rejection thanks."""

from __future__ import annotations

import datetime as dt

from jobfollow.core.followup_facts import CheckFact, ContactFact, InterviewFact, OfferFact, PendingOfferFact
from jobfollow.core.followup_settings import FollowUpSettings
from jobfollow.core.followup_texts import describe
from tests.core.test_rules import ANA, BEN, FRIDAY, FRIDAY_IV, MON, RITA, card, run

D = dt.date


def keys(proposals, kind=None):
    return sorted(p.rule_key for p in proposals if kind is None or p.kind == kind)


def person(pid, name, *roles, channel=""):
    return ContactFact(pid, name, frozenset(roles), channel)


# -- 1. roles are a set ------------------------------------------------------------------------------
def test_a_recruiter_who_invited_you_gets_a_thank_you():
    rita = person(13, "Rita", "recruiter", "inviter")
    out = run(card(interviews=[FRIDAY_IV], contacts=(ANA, BEN, rita)))
    assert "thank_you:1:5:13" in keys(out, "thank_you")
    check = next(p for p in out if p.kind == "status_check")
    assert check.contact.id == 13  # the recruiter is still the one to ask


def test_a_hiring_manager_who_interviewed_you_is_thanked_and_asked():
    boss = person(20, "Bea Boss", "hiring_manager", "interviewer")
    iv = FRIDAY_IV._replace(attendee_ids=(11, 20))
    out = run(card(interviews=[iv], contacts=(ANA, boss)))
    assert keys(out, "thank_you") == ["thank_you:1:5:11", "thank_you:1:5:20"]
    assert next(p for p in out if p.kind == "status_check").contact.id == 20


def test_a_reference_who_is_also_your_network_contact_gets_both():
    friend = person(30, "Finn", "reference", "network")
    out = run(card(interviews=[FRIDAY_IV], contacts=(ANA, BEN, friend)))
    assert keys(out, "reference_alert") == ["reference_alert:1:30"]
    assert keys(out, "network_checkin") == ["network_checkin:1:30"]


def test_two_recruiters_the_lower_id_is_asked_whatever_the_order():
    first, second = person(40, "Ola", "recruiter"), person(41, "Per", "recruiter")
    for people in ((first, second), (second, first)):
        out = run(card(interviews=[FRIDAY_IV], contacts=people))
        assert next(p for p in out if p.kind == "status_check").contact.id == 40


# -- 2. application follow-ups ---------------------------------------------------------------------
def test_an_application_is_checked_on_after_the_set_days_then_backs_off():
    applied = card(kind="applied", contacts=(RITA,), applied_on=D(2026, 4, 20), entered=D(2026, 4, 20))
    (check,) = [p for p in run(applied) if p.kind == "status_check"]
    assert (check.rule_key, check.due_on) == ("status_check:1:0:1", D(2026, 4, 30))
    assert check.contact == RITA and check.channel == "email"
    assert "applied" in describe(check)[1]
    later = run(applied, settings=FollowUpSettings(applied_first_check_days=14))
    assert [p.due_on for p in later if p.kind == "status_check"] == [D(2026, 5, 4)]
    # done without an answer: the next one waits a week, then two
    done = applied._replace(checks=(CheckFact("status_check:1:0:1", "done", "sent", D(2026, 4, 30)),))
    assert [(p.rule_key, p.due_on) for p in run(done) if p.kind == "status_check"] == [
        ("status_check:1:0:2", D(2026, 5, 7))]


def test_an_application_left_unanswered_three_times_suggests_closing():
    checks = tuple(CheckFact(f"status_check:1:0:{n}", "done", "sent", D(2026, 3, n * 7)) for n in (1, 2, 3))
    out = run(card(kind="applied", contacts=(), applied_on=D(2026, 2, 20), checks=checks))
    assert [(p.rule_key, p.due_on) for p in out] == [("close_suggestion:1:0", D(2026, 3, 21) + dt.timedelta(28))]


def test_an_application_without_a_date_counts_from_the_day_it_entered_applied():
    out = run(card(kind="applied", contacts=(), entered=D(2026, 5, 1)))
    assert [p.due_on for p in out if p.kind == "status_check"] == [D(2026, 5, 11)]


def test_closed_cards_get_no_application_checks():
    out = run(card(kind="closed", outcome="no_response", contacts=(RITA,), applied_on=D(2026, 3, 1)))
    assert out == []


# -- 3. the next step known wins -------------------------------------------------------------------
def test_a_booked_next_round_retires_the_status_check():
    later_round = InterviewFact(6, D(2026, 5, 12), attendee_ids=(11,))
    waiting = card(kind="next_round", interviews=[FRIDAY_IV], entered=MON)
    assert keys(run(waiting), "status_check") == ["status_check:1:5:1"]
    booked = card(kind="next_round", interviews=[FRIDAY_IV, later_round], entered=MON)
    out = run(booked)
    assert keys(out, "status_check") == []
    assert keys(out, "next_round_prep") == ["next_round_prep:1:2026-05-04"]
    assert keys(run(card(interviews=[FRIDAY_IV, later_round])), "status_check") == []  # in Interviewed too


def test_an_interview_stage_without_an_interview_asks_for_one_and_follows_up_from_entering():
    out = run(card(kind="interviewed", interviews=(), contacts=(RITA,), entered=D(2026, 4, 20)))
    record = next(p for p in out if p.kind == "record_interview")
    assert (record.rule_key, record.due_on) == ("record_interview:1", D(2026, 4, 20))
    check = next(p for p in out if p.kind == "status_check")
    assert (check.rule_key, check.due_on) == ("status_check:1:0:1", D(2026, 4, 27))  # 5 business days
    assert "no interview recorded" in describe(check)[1]


# -- 4. offers -------------------------------------------------------------------------------------
def test_an_offer_without_a_deadline_asks_whether_there_is_one():
    offer = OfferFact(9, D(2026, 5, 1))
    out = run(card(kind="offer", interviews=[FRIDAY_IV], offers=[offer], contacts=(ANA, RITA)))
    ask = next(p for p in out if p.kind == "ask_deadline")
    assert (ask.rule_key, ask.due_on, ask.contact) == ("ask_deadline:1:9", D(2026, 5, 1), RITA)
    with_deadline = card(kind="offer", interviews=[FRIDAY_IV], offers=[offer._replace(deadline=D(2026, 5, 8))])
    assert keys(run(with_deadline), "ask_deadline") == []


def test_an_offer_card_without_an_offer_asks_for_its_details():
    out = run(card(kind="offer", interviews=[FRIDAY_IV], entered=D(2026, 4, 28)))
    assert [(p.rule_key, p.due_on) for p in out if p.kind == "offer_details"] == [("offer_details:1", D(2026, 4, 28))]


def test_an_offer_with_a_deadline_proposes_a_note_to_every_other_active_process():
    pending = (PendingOfferFact(7, "Globex", "Lead", 70, D(2026, 5, 1), D(2026, 5, 8)),
               PendingOfferFact(8, "Initech", "Lead", 80, D(2026, 5, 2), D(2026, 5, 6)))
    apps = [card(app_id=1, interviews=[FRIDAY_IV], contacts=(ANA, RITA)),
            card(app_id=2, kind="interview_scheduled", interviews=[InterviewFact(3, D(2026, 5, 9))]),
            card(app_id=3, kind="applied", contacts=()),
            card(app_id=8, kind="offer", interviews=[FRIDAY_IV], offers=[OfferFact(80, D(2026, 5, 2))])]
    out = run(apps, pending_offers=pending)
    notes = [p for p in out if p.kind == "offer_pending"]
    # one note per active process, naming the offer whose deadline comes first; none to the offer's own card
    assert [(p.rule_key, p.due_on) for p in notes] == [("offer_pending:1:8", D(2026, 5, 2)),
                                                       ("offer_pending:2:8", D(2026, 5, 2))]
    assert notes[0].contact == RITA
    assert "Initech" in describe(notes[0])[1]
    # a deadline gone by: nothing to announce
    assert not [p for p in run(apps, today=D(2026, 5, 9), pending_offers=pending) if p.kind == "offer_pending"]


def test_rejection_thanks_one_letter_or_one_per_person():
    rita = person(13, "Rita", "recruiter")
    rejected = card(kind="closed", outcome="rejected", interviews=[FRIDAY_IV], contacts=(ANA, BEN, rita),
                    entered=MON, closed_here=True)
    (one,) = [p for p in run(rejected) if p.kind == "rejection_thanks"]
    assert one.contact == rita
    assert "Ana Interviewer" in describe(one)[1] and "Ben Panel" in describe(one)[1]
    each = [p for p in run(rejected, settings=FollowUpSettings(rejection_thanks_each=True))
            if p.kind == "rejection_thanks"]
    assert [(p.rule_key, p.contact.name) for p in each] == [
        ("rejection_thanks:1:11", "Ana Interviewer"), ("rejection_thanks:1:12", "Ben Panel")]
    assert all(describe(p)[0] for p in each)


def test_every_new_kind_has_a_title_and_reason():
    pending = (PendingOfferFact(7, "Globex", "Lead", 70, FRIDAY, D(2026, 5, 8)),)
    apps = [card(kind="interviewed", interviews=(), app_id=2),
            card(kind="offer", interviews=[FRIDAY_IV], offers=[OfferFact(9, FRIDAY)], app_id=3),
            card(kind="offer", interviews=[FRIDAY_IV], app_id=4),
            card(kind="applied", contacts=(), app_id=5)]
    for p in run(apps, pending_offers=pending):
        title, reason = describe(p)
        assert title and reason, p.kind
