"""The rules engine on dated scenarios: facts in, follow-ups (key, kind, due date) out."""

from __future__ import annotations

import datetime as dt

import pytest

from jobfollow.core.followup_facts import (
    AcceptedFact,
    ApplicationFacts,
    CheckFact,
    ContactFact,
    InterviewFact,
    OfferFact,
)
from jobfollow.core.followup_settings import FollowUpSettings
from jobfollow.core.followup_texts import describe
from jobfollow.core.profile import UserDetails
from jobfollow.core.rules import RuleContext, derive_followups
from jobfollow.core.workdays import Workdays

D = dt.date
MON = D(2026, 5, 4)  # tests.conftest.TODAY
FRIDAY = D(2026, 5, 1)
ANA = ContactFact(11, "Ana Interviewer", frozenset({"interviewer"}), "")
BEN = ContactFact(12, "Ben Panel", frozenset({"interviewer"}), "phone")
RITA = ContactFact(13, "Rita Recruiter", frozenset({"recruiter"}), "")
REF = ContactFact(14, "Rob Reference", frozenset({"reference"}), "")
NET = ContactFact(15, "Nina Network", frozenset({"network"}), "")


def card(kind="interviewed", interviews=(), contacts=(ANA, BEN), app_id=1, entered=FRIDAY, **kw):
    return ApplicationFacts(app_id, kw.pop("company", "Acme"), kw.pop("position", "Analyst"), kind, entered,
                            contacts=tuple(contacts), interviews=tuple(interviews), **kw)


def run(apps, today=MON, **kw):
    ctx = RuleContext(today=today, settings=kw.pop("settings", FollowUpSettings()),
                      workdays=Workdays(kw.pop("country", "")), **kw)
    return derive_followups(apps if isinstance(apps, list) else [apps], ctx)


def due_of(proposals, kind):
    return sorted((p.rule_key, p.due_on) for p in proposals if p.kind == kind)


FRIDAY_IV = InterviewFact(5, D(2026, 5, 1), attendee_ids=(11, 12))

# (scenario, facts, kind, expected due dates in key order, options)
SCENARIOS = [
    ("Friday interview: thank-you the next day, one per interviewer",
     card(interviews=[FRIDAY_IV]), "thank_you", [D(2026, 5, 2), D(2026, 5, 2)], {}),
    ("Friday interview: thank-yous on a business day when asked",
     card(interviews=[FRIDAY_IV]), "thank_you", [D(2026, 5, 4), D(2026, 5, 4)],
     {"settings": FollowUpSettings(thank_you_on_business_day=True)}),
    ("Friday interview, nothing said: status check 5 business days later",
     card(interviews=[FRIDAY_IV]), "status_check", [D(2026, 5, 8)], {}),
    ("no-news wait is a setting (4 to 7)",
     card(interviews=[FRIDAY_IV]), "status_check", [D(2026, 5, 12)],
     {"settings": FollowUpSettings(no_news_business_days=7)}),
    ("decision date on a Sunday: 2 business days later is Tuesday",
     card(interviews=[FRIDAY_IV._replace(decision_date=D(2026, 5, 10))]), "status_check", [D(2026, 5, 12)], {}),
    ("they said to follow up on a date: exactly that date",
     card(interviews=[FRIDAY_IV._replace(decision_date=D(2026, 5, 10), follow_up_on=D(2026, 5, 20))]),
     "status_check", [D(2026, 5, 20)], {}),
    ("a public holiday does not count (US Memorial Day 25 May 2026)",
     card(interviews=[InterviewFact(6, D(2026, 5, 20), attendee_ids=(11,))]), "status_check", [D(2026, 5, 28)],
     {"country": "US", "today": D(2026, 5, 21)}),
    ("without a country the holiday is a working day",
     card(interviews=[InterviewFact(6, D(2026, 5, 20), attendee_ids=(11,))]), "status_check", [D(2026, 5, 27)],
     {"today": D(2026, 5, 21)}),
    ("an interview tomorrow has no thank-you yet",
     card(kind="interview_scheduled", interviews=[InterviewFact(7, D(2026, 5, 5), attendee_ids=(11,))]),
     "thank_you", [], {}),
    ("references are alerted when the card reaches Interviewed, due that day",
     card(interviews=[FRIDAY_IV], contacts=(ANA, REF)), "reference_alert", [D(2026, 5, 1)], {}),
    ("no reference alerts while only applied",
     card(kind="applied", contacts=(REF,)), "reference_alert", [], {}),
    ("a network contact gets a check-in the business day after the first interview",
     card(interviews=[FRIDAY_IV], contacts=(ANA, BEN, NET)), "network_checkin", [D(2026, 5, 4)], {}),
    ("next round without a date: prepare within 2 days",
     card(kind="next_round", interviews=[InterviewFact(5, D(2026, 4, 28), attendee_ids=(11,))]),
     "next_round_prep", [D(2026, 5, 3)], {}),
    ("next round with a date: prepare the day before",
     card(kind="next_round", interviews=[InterviewFact(5, D(2026, 4, 28), attendee_ids=(11,)),
                                         InterviewFact(8, D(2026, 5, 7), attendee_ids=(12,))]),
     "next_round_prep", [D(2026, 5, 6)], {}),
    ("next round already held: nothing left to prepare",
     card(kind="next_round", interviews=[InterviewFact(5, D(2026, 4, 20), attendee_ids=(11,)),
                                         InterviewFact(8, D(2026, 5, 1), attendee_ids=(12,))],
          entered=D(2026, 4, 22)),
     "next_round_prep", [], {}),
    ("next round with two dates: prepare for the one still to come",
     card(kind="next_round", interviews=[InterviewFact(5, D(2026, 4, 20), attendee_ids=(11,)),
                                         InterviewFact(8, D(2026, 5, 1), attendee_ids=(12,)),
                                         InterviewFact(9, D(2026, 5, 8), attendee_ids=(12,))],
          entered=D(2026, 4, 22)),
     "next_round_prep", [D(2026, 5, 7)], {}),
    ("offer with a deadline: due at the deadline",
     card(kind="offer", offers=[OfferFact(3, D(2026, 5, 1), D(2026, 5, 8), True)]), "offer_response",
     [D(2026, 5, 8)], {}),
    ("offer without a deadline: 2 business days after it (Fri -> Tue)",
     card(kind="offer", offers=[OfferFact(3, D(2026, 5, 1))]), "offer_response", [D(2026, 5, 5)], {}),
    ("a rejection: thanks and lessons within 2 business days of closing",
     card(kind="closed", outcome="rejected", interviews=[FRIDAY_IV], entered=D(2026, 5, 1)), "rejection_thanks",
     [D(2026, 5, 5)], {}),
    ("closed for another reason: no rejection thanks",
     card(kind="closed", outcome="withdrew", interviews=[FRIDAY_IV]), "rejection_thanks", [], {}),
    ("closed cards get no status checks",
     card(kind="closed", outcome="rejected", interviews=[FRIDAY_IV]), "status_check", [], {}),
]


@pytest.mark.parametrize(("facts", "kind", "expected", "options"), [s[1:] for s in SCENARIOS],
                         ids=[s[0] for s in SCENARIOS])
def test_scenario(facts, kind, expected, options):
    assert [due for _key, due in due_of(run(facts, **options), kind)] == expected


def test_thank_you_names_the_interview_and_uses_the_preferred_channel():
    proposals = [p for p in run(card(interviews=[FRIDAY_IV])) if p.kind == "thank_you"]
    channels = {p.contact.name: p.channel for p in proposals}
    assert channels == {"Ana Interviewer": "email", "Ben Panel": "phone"}
    _title, reason = describe(proposals[0])
    assert "Fri, May 1" in reason and "within a day" in reason
    assert "Tue, May 5" in reason  # 2 business days: the latest it may be sent


def test_informational_interviews_are_thanked_too():
    interview = InterviewFact(9, D(2026, 5, 1), informational=True, attendee_ids=(11,))
    [thanks] = [p for p in run(card(interviews=[interview], contacts=(ANA,))) if p.kind == "thank_you"]
    assert "informational" in describe(thanks)[1].lower()


def test_whoever_invited_you_is_thanked_too_even_if_not_in_the_room():
    ivy = ContactFact(16, "Ivy Inviter", frozenset({"inviter"}), "phone")
    interview = InterviewFact(5, FRIDAY, attendee_ids=(11, 16))  # present once, absent the next time
    later = InterviewFact(6, D(2026, 5, 4), attendee_ids=(11,))
    proposals = [p for p in run(card(interviews=[interview, later], contacts=(ANA, ivy))) if p.kind == "thank_you"]
    assert sorted(p.rule_key for p in proposals) == [
        "thank_you:1:5:11", "thank_you:1:5:16", "thank_you:1:6:11", "thank_you:1:6:16"]
    [absent] = [p for p in proposals if p.rule_key == "thank_you:1:6:16"]
    assert (absent.due_on, absent.channel) == (D(2026, 5, 5), "phone")
    assert "invited you" in describe(absent)[1]
    [present] = [p for p in proposals if p.rule_key == "thank_you:1:5:16"]
    assert "invited you" not in describe(present)[1]
    assert not [p for p in run(card(interviews=[interview], contacts=(ANA, RITA))) if p.contact == RITA
                and p.kind == "thank_you"]  # a recruiter who did not attend is not thanked automatically


def test_told_channel_wins_and_is_named():
    interview = FRIDAY_IV._replace(follow_up_on=D(2026, 5, 13), follow_up_channel="email")
    [check] = [p for p in run(card(interviews=[interview], contacts=(ANA, RITA))) if p.kind == "status_check"]
    assert (check.channel, check.contact.name) == ("email", "Rita Recruiter")
    assert "May 13" in describe(check)[1] and "e-mail" in describe(check)[1]


def test_status_check_falls_back_to_a_call():
    [check] = [p for p in run(card(interviews=[FRIDAY_IV], contacts=(ANA,))) if p.kind == "status_check"]
    assert check.channel == "phone"


def done_check(key, on, result="sent"):
    return CheckFact(key, "done", result, on)


def test_back_off_one_two_then_suggest_closing_after_the_third_unanswered_check():
    key = "status_check:1:5:{}".format
    history = [done_check(key(1), D(2026, 5, 8))]
    assert due_of(run(card(interviews=[FRIDAY_IV], checks=tuple(history)), D(2026, 5, 9)), "status_check") == [
        (key(2), D(2026, 5, 15))]
    history.append(done_check(key(2), D(2026, 5, 15), "called"))
    assert due_of(run(card(interviews=[FRIDAY_IV], checks=tuple(history)), D(2026, 5, 16)), "status_check") == [
        (key(3), D(2026, 5, 29))]
    history.append(done_check(key(3), D(2026, 5, 29)))
    proposals = run(card(interviews=[FRIDAY_IV], checks=tuple(history)), D(2026, 5, 30))
    assert due_of(proposals, "status_check") == []
    [close] = [p for p in proposals if p.kind == "close_suggestion"]
    assert close.due_on == D(2026, 6, 26)
    assert "3 status checks went unanswered" in describe(close)[1]


def test_a_logged_reply_resets_the_back_off():
    key = "status_check:1:5:{}".format
    history = (done_check(key(1), D(2026, 5, 8)), done_check(key(2), D(2026, 5, 15)),
               done_check(key(3), D(2026, 5, 29)))
    proposals = run(card(interviews=[FRIDAY_IV], checks=history, last_reply_on=D(2026, 6, 1)), D(2026, 6, 2))
    assert due_of(proposals, "close_suggestion") == []
    assert due_of(proposals, "status_check") == [(key(4), D(2026, 6, 8))]
    replied = (done_check(key(1), D(2026, 5, 8), "reply_received"),)
    assert due_of(run(card(interviews=[FRIDAY_IV], checks=replied), D(2026, 5, 9)), "status_check") == [
        (key(2), D(2026, 5, 15))]


def test_never_more_often_than_the_interviewer_allowed():
    interview = FRIDAY_IV._replace(follow_up_interval_days=10)
    history = (done_check("status_check:1:5:1", D(2026, 5, 8)),)
    assert due_of(run(card(interviews=[interview], checks=history)), "status_check") == [
        ("status_check:1:5:2", D(2026, 5, 18))]


def test_pending_check_keeps_its_key_and_a_skipped_one_stops_the_sequence():
    pending = (CheckFact("status_check:1:5:1", "snoozed"),)
    assert due_of(run(card(interviews=[FRIDAY_IV], checks=pending)), "status_check") == [
        ("status_check:1:5:1", D(2026, 5, 8))]
    skipped = (CheckFact("status_check:1:5:1", "skipped"),)
    assert due_of(run(card(interviews=[FRIDAY_IV], checks=skipped)), "status_check") == []


def test_a_new_interview_starts_a_new_sequence():
    second = InterviewFact(8, D(2026, 5, 6), attendee_ids=(12,))
    history = (done_check("status_check:1:5:1", D(2026, 5, 8)),)
    keys = due_of(run(card(kind="next_round", interviews=[FRIDAY_IV, second], checks=history), D(2026, 5, 9)),
                  "status_check")
    assert keys == [("status_check:1:8:1", D(2026, 5, 13))]


def test_accepted_offer_with_three_other_active_cards():
    accepted = AcceptedFact(1, "Acme", "Analyst", D(2026, 5, 4))
    apps = [card(kind="accepted", app_id=1, entered=D(2026, 5, 4)),
            card(kind="applied", app_id=2, company="Beta", contacts=(RITA,)),
            card(kind="interviewed", app_id=3, company="Gamma", interviews=[FRIDAY_IV]),
            card(kind="offer", app_id=4, company="Delta", offers=[OfferFact(9, D(2026, 5, 1))]),
            card(kind="closed", app_id=5, company="Closed Co", outcome="withdrew", withdrawal_sent=True)]
    proposals = run(apps, accepted=(accepted,), user=UserDetails(employed=True))
    assert due_of(proposals, "withdraw") == [("withdraw:2:1", D(2026, 5, 5)), ("withdraw:3:1", D(2026, 5, 5)),
                                             ("withdraw:4:1", D(2026, 5, 5))]
    assert due_of(proposals, "give_notice") == [("give_notice:1", D(2026, 5, 5))]
    withdraw = next(p for p in proposals if p.rule_key == "withdraw:2:1")
    assert withdraw.contact == RITA and "Acme" in describe(withdraw)[1]
    assert due_of(run(apps, accepted=(accepted,), user=UserDetails(employed=False)), "give_notice") == []


def test_first_check_waits_the_interval_they_allowed():
    # Friday interview, nothing said: 5 business days is Fri 8 May, but "not more often than every 10 days"
    interview = FRIDAY_IV._replace(follow_up_interval_days=10)
    [check] = [p for p in run(card(interviews=[interview])) if p.kind == "status_check"]
    assert (check.rule_key, check.due_on) == ("status_check:1:5:1", D(2026, 5, 11))
    assert "10 days" in describe(check)[1] and "between follow-ups" in describe(check)[1]
    # their own date still wins when it is later than the interval ...
    told = interview._replace(follow_up_on=D(2026, 5, 20))
    assert due_of(run(card(interviews=[told])), "status_check") == [("status_check:1:5:1", D(2026, 5, 20))]
    # ... and a date sooner than the interval gives way to it
    early = interview._replace(follow_up_on=D(2026, 5, 6))
    assert due_of(run(card(interviews=[early])), "status_check") == [("status_check:1:5:1", D(2026, 5, 11))]
    # a short interval changes nothing
    short = FRIDAY_IV._replace(follow_up_interval_days=3)
    [check] = [p for p in run(card(interviews=[short])) if p.kind == "status_check"]
    assert check.due_on == D(2026, 5, 8) and "between follow-ups" not in describe(check)[1]


def test_closing_as_withdrew_reminds_to_send_the_withdrawal():
    withdrew = card(kind="closed", outcome="withdrew", contacts=(ANA, RITA), interviews=[FRIDAY_IV],
                    entered=D(2026, 5, 4))
    [withdraw] = [p for p in run(withdrew) if p.kind == "withdraw"]
    assert (withdraw.rule_key, withdraw.due_on, withdraw.contact) == ("withdraw:1:0", D(2026, 5, 5), RITA)
    assert "Acme" in describe(withdraw)[0] and "withdrawn" in describe(withdraw)[1]
    # a withdrawal letter already marked sent: nothing left to remind
    assert due_of(run(withdrew._replace(withdrawal_sent=True)), "withdraw") == []


def test_a_withdrawal_the_accept_flow_asked_for_is_not_doubled():
    accepted = AcceptedFact(2, "Beta", "Lead", D(2026, 5, 4))
    withdrew = card(kind="closed", outcome="withdrew", contacts=(RITA,), entered=D(2026, 5, 5),
                    withdraw_keys=("withdraw:1:2",))
    assert due_of(run(withdrew, accepted=(accepted,)), "withdraw") == [("withdraw:1:2", D(2026, 5, 5))]
    # withdrawn before anything was accepted elsewhere: its own reminder, even after an acceptance
    own = withdrew._replace(withdraw_keys=("withdraw:1:0",))
    assert due_of(run(own, accepted=(accepted,)), "withdraw") == [("withdraw:1:0", D(2026, 5, 6))]


def test_rejection_without_an_interview():
    rejected = card(kind="closed", outcome="rejected", contacts=(), entered=D(2026, 5, 1), closed_here=True)
    # straight from Applied, nobody on the card: nothing to thank anyone for
    assert [p.kind for p in run(rejected)] == []
    # a recruiter on the card: thank them, and note the lessons (about the CV, not an interview)
    with_recruiter = run(rejected._replace(contacts=(RITA,)))
    assert sorted((p.rule_key, p.due_on) for p in with_recruiter) == [
        ("lessons:1", D(2026, 5, 5)), ("rejection_thanks:1", D(2026, 5, 5))]
    thanks = next(p for p in with_recruiter if p.kind == "rejection_thanks")
    lessons = next(p for p in with_recruiter if p.kind == "lessons")
    assert thanks.contact == RITA and "CV" in describe(lessons)[1]
    # got past Applied (an interview scheduled, never recorded): thanks to the company and lessons
    past = run(rejected._replace(past_applied=True))
    assert sorted(p.kind for p in past) == ["lessons", "rejection_thanks"]
    assert next(p for p in past if p.kind == "rejection_thanks").contact is None
    # imported from a tracker as already rejected, recruiter and all: history, not a task
    assert run(rejected._replace(contacts=(RITA,), past_applied=True, closed_here=False)) == []


def test_cards_imported_as_withdrawn_get_no_reminder():
    imported = card(kind="closed", outcome="withdrew", contacts=(RITA,), entered=D(2026, 5, 4))
    assert due_of(run(imported), "withdraw") == []
    assert due_of(run(imported._replace(closed_here=True)), "withdraw") == [("withdraw:1:0", D(2026, 5, 5))]


def test_verbal_offer_says_to_wait_for_writing():
    verbal = card(kind="offer", offers=[OfferFact(3, D(2026, 5, 1), is_written=False)])
    written = card(kind="offer", offers=[OfferFact(3, D(2026, 5, 1), is_written=True)])
    assert "in writing" in describe(run(verbal)[0])[1]
    assert "in writing" not in describe(run(written)[0])[1]


def test_answered_offers_need_no_response():
    assert due_of(run(card(kind="offer", offers=[OfferFact(3, D(2026, 5, 1), status="declined")])),
                  "offer_response") == []


def test_reference_alert_names_job_and_company():
    [alert] = [p for p in run(card(interviews=[FRIDAY_IV], contacts=(REF,), company="Northwind",
                                   position="Event Planner")) if p.kind == "reference_alert"]
    assert "Event Planner at Northwind" in describe(alert)[1]


def test_same_facts_give_the_same_keys():
    apps = [card(interviews=[FRIDAY_IV], contacts=(ANA, BEN, REF, NET))]
    first, second = run(apps), run(apps)
    assert [p.rule_key for p in first] == [p.rule_key for p in second]
    assert len({p.rule_key for p in first}) == len(first)
