"""Insights from hand-made card histories: funnel counts, answers, stage times, weekly pace, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from jobfollow.core.insights.followup_stats import followup_stats
from jobfollow.core.insights.funnel import funnel
from jobfollow.core.insights.records import CardRecord, FollowUpRecord, Visit
from jobfollow.core.insights.report import RangeError, compute_insights
from jobfollow.core.insights.responses import after_applying, after_interviews, by_group, title_keywords
from jobfollow.core.insights.weekly import clamp_goal, weekly_pace

TODAY = dt.date(2026, 5, 4)  # a Monday


def at(day: int, month: int = 4, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour)


def card(card_id: int, path: list[tuple[str, dt.datetime] | tuple[str, dt.datetime, str]], *, applied=None,
         interviews=(), replies=(), source="", tags=(), title="Analyst", imported=False) -> CardRecord:
    visits = tuple(Visit(*step) for step in path)
    return CardRecord(card_id, f"Company {card_id}", title, applied or visits[0].entered.date(), source, tuple(tags),
                      visits, tuple(interviews), tuple(replies), imported)


# Ten hand-made histories. Furthest stages: 4 applied only, 2 scheduled, 1 interviewed (rejected after it),
# 1 next round (rejected after two rounds), 1 offer (declined), 1 accepted.
HISTORIES = [
    card(1, [("applied", at(1))]),
    card(2, [("applied", at(1))]),
    card(3, [("applied", at(2)), ("closed", at(20), "no_response")]),
    card(4, [("applied", at(2)), ("closed", at(9), "rejected")], replies=[at(9)]),
    card(5, [("applied", at(3)), ("interview_scheduled", at(8))], interviews=[at(10, 5)]),
    card(6, [("applied", at(3)), ("interview_scheduled", at(6)), ("closed", at(7), "withdrew")]),
    card(7, [("applied", at(6)), ("interview_scheduled", at(10)), ("interviewed", at(14)),
             ("closed", at(24), "rejected")], interviews=[at(14)]),
    card(8, [("applied", at(6)), ("interview_scheduled", at(9)), ("interviewed", at(13)), ("next_round", at(16)),
             ("interviewed", at(21)), ("closed", at(28), "rejected")], interviews=[at(13), at(21)]),
    card(9, [("applied", at(7)), ("interview_scheduled", at(9)), ("interviewed", at(13)), ("offer", at(20)),
             ("closed", at(23), "declined_offer")], interviews=[at(13)]),
    card(10, [("applied", at(8)), ("interview_scheduled", at(10)), ("interviewed", at(15)), ("next_round", at(17)),
              ("offer", at(24)), ("accepted", at(27))], interviews=[at(15), at(22)]),
]


def test_funnel_counts_each_card_at_the_furthest_stage_it_reached_even_after_closing():
    result = funnel(HISTORIES, TODAY)
    reached = {step.kind: step.reached for step in result.steps}
    # Card 9 went from Interviewed straight to an offer: reaching Offer counts as getting past Next round too.
    assert reached == {"applied": 10, "interview_scheduled": 6, "interviewed": 4, "next_round": 3, "offer": 2,
                       "accepted": 1}
    conversions = {step.kind: step.conversion for step in result.steps}
    assert conversions["applied"] is None
    assert conversions["interview_scheduled"] == pytest.approx(6 / 10)
    assert conversions["offer"] == pytest.approx(2 / 3)
    assert conversions["accepted"] == pytest.approx(1 / 2)
    assert result.closed == {"no_response": 1, "rejected": 3, "withdrew": 1, "declined_offer": 1}
    # Card 8 was rejected after its second round: the door closed at Next round, not at Applied.
    assert result.stopped_at == {"applied": 2, "interview_scheduled": 1, "interviewed": 1, "next_round": 1,
                                 "offer": 1}


def test_recorded_interviews_count_when_the_history_is_thin():
    imported = card(1, [("closed", at(20), "rejected")], applied=dt.date(2026, 4, 1),
                    interviews=[at(10), at(15)], imported=True)
    reached = {step.kind: step.reached for step in funnel([imported], TODAY).steps}
    assert reached["next_round"] == 1 and reached["offer"] == 0


def test_an_empty_funnel_has_no_conversions_and_no_division_by_zero():
    result = funnel([], TODAY)
    assert [step.reached for step in result.steps] == [0] * 6
    assert all(step.conversion is None and step.share is None for step in result.steps)
    only_applied = funnel([card(1, [("applied", at(1))])], TODAY)
    assert only_applied.steps[2].conversion is None  # 0 of 0: no rate, not a crash


def test_answers_after_applying_count_invitations_rejections_and_replies_not_silence():
    stat = after_applying(HISTORIES, "all")
    # Answered: 4 (rejected + reply on day 9), 5..10 (invited). Not 1, 2 (waiting) nor 3 (no response).
    assert (stat.cases, stat.answered) == (10, 7)
    assert stat.rate == pytest.approx(0.7)
    delays = sorted([7, 5, 3, 4, 2, 2, 2])  # days from applying to the first answer, per answered card
    assert stat.median_days == delays[len(delays) // 2]


def test_answers_after_each_interview_round():
    rounds = after_interviews(HISTORIES, TODAY, lambda n: f"round {n}")
    first, second = rounds
    # Round 1 held by cards 7, 8, 9, 10: every one heard back (rejection, next round, offer, next round).
    assert (first.label, first.cases, first.answered) == ("round 1", 4, 4)
    assert (second.cases, second.answered) == (2, 2)  # card 8 rejected, card 10 offered
    assert second.median_days == pytest.approx((7 + 2) / 2)


def test_groups_by_source_keyword_and_tag():
    cards = [card(1, [("applied", at(1)), ("interview_scheduled", at(3))], source="Referral",
                  title="Senior Data Analyst", tags=["remote"]),
             card(2, [("applied", at(1))], source="Job board", title="Data Engineer", tags=["remote"]),
             card(3, [("applied", at(1))], source="Job board", title="Marketing Coordinator")]
    sources = {s.label: (s.cases, s.answered) for s in by_group(cards, lambda c: [c.source])}
    assert sources == {"Job board": (2, 0), "Referral": (1, 1)}
    keywords = {s.label: s.cases for s in by_group(cards, lambda c: title_keywords(c.position_title), at_least=2)}
    assert keywords == {"data": 2}
    assert title_keywords("Chef de projet pour la région") == {"chef", "projet", "région"}


def test_stage_times_leave_out_cards_with_dates_out_of_order():
    broken = card(11, [("applied", at(10)), ("interview_scheduled", at(5))])
    result = compute_insights([*HISTORIES, broken], [], dt.date(2026, 3, 1), dt.date(2026, 5, 31), TODAY, 3)
    assert result.stage_times.out_of_order == 1
    assert any("out of order" in note for note in result.notes)
    applied = next(row for row in result.stage_times.rows if row.kind == "applied")
    assert applied.stays == 8 and applied.longest_days == pytest.approx(18)  # card 3: 2 to 20 April


def test_weekly_pace_and_streak_leave_the_running_week_open():
    monday = dt.date(2026, 4, 6)
    days = [monday + dt.timedelta(days=d) for d in (0, 1, 2, 7, 8, 9, 15, 21)] + [TODAY]
    pace = weekly_pace(days, dt.date(2026, 4, 6), TODAY, TODAY, goal=3)
    assert [w.applications for w in pace.weeks] == [3, 3, 1, 1, 1]
    assert [w.met for w in pace.weeks] == [True, True, False, False, None]
    assert (pace.streak, pace.best_streak) == (0, 2)
    met_now = weekly_pace([*days, TODAY, TODAY], dt.date(2026, 4, 6), TODAY, TODAY, goal=3)
    assert met_now.weeks[-1].met is True and met_now.streak == 1
    sunday_weeks = weekly_pace([dt.date(2026, 4, 5)], dt.date(2026, 4, 5), dt.date(2026, 4, 5), TODAY, 1, 6)
    assert sunday_weeks.weeks[0].start == dt.date(2026, 4, 5)
    assert weekly_pace([], TODAY, TODAY, TODAY, goal=0).weeks[0].met is None
    assert (clamp_goal("x"), clamp_goal(-4), clamp_goal(10**9), clamp_goal(7)) == (5, 0, 50, 7)


def test_followups_done_skipped_overdue_and_answered_status_checks():
    cards = [card(1, [("applied", at(1)), ("interview_scheduled", at(20))]), card(2, [("applied", at(1))])]
    items = [
        FollowUpRecord(1, "status_check", "done", dt.date(2026, 4, 10), done_on=dt.date(2026, 4, 10)),
        FollowUpRecord(2, "status_check", "done", dt.date(2026, 4, 10), done_on=dt.date(2026, 4, 10)),
        FollowUpRecord(2, "status_check", "done", dt.date(2026, 4, 20), result="reply_received",
                       done_on=dt.date(2026, 4, 20)),
        FollowUpRecord(1, "thank_you", "skipped", dt.date(2026, 4, 12)),
        FollowUpRecord(1, "custom", "open", dt.date(2026, 5, 1)),
        FollowUpRecord(2, "custom", "snoozed", dt.date(2026, 4, 1), snoozed_until=dt.date(2026, 5, 9)),
    ]
    stats = followup_stats(items, cards, TODAY)
    assert (stats.done, stats.skipped, stats.overdue, stats.upcoming) == (3, 1, 1, 1)
    # Card 1's check was followed by an invitation; card 2's first check got nothing until the second.
    assert (stats.checks_done, stats.checks_answered) == (3, 2)
    assert stats.answer_rate == pytest.approx(2 / 3)


def test_a_range_with_no_applications_says_so_and_a_reversed_range_is_refused():
    empty = compute_insights(HISTORIES, [], dt.date(2025, 1, 1), dt.date(2025, 1, 31), TODAY, 5)
    assert empty.applications == 0 and empty.after_applying.rate is None
    assert "No applications were sent" in empty.notes[0]
    with pytest.raises(RangeError, match="after its last day"):
        compute_insights(HISTORIES, [], dt.date(2026, 5, 1), dt.date(2026, 4, 1), TODAY, 5)


def test_imported_cards_without_history_are_named_in_a_note():
    bare = card(1, [("interviewed", at(3))], imported=True)
    result = compute_insights([bare], [], dt.date(2026, 4, 1), dt.date(2026, 4, 30), TODAY, 5)
    assert result.imported_without_history == 1
    assert "imported file without its history" in result.notes[0]
