"""The incremental refresh (a memo of each card's facts, as the follow-up service keeps) stores exactly what a
full refresh stores, day after day and after every kind of edit, and reports the cards and rows it changed."""

from __future__ import annotations

import datetime as dt

from jobfollow.core.stages import StageKind
from jobfollow.store import followups as fu
from jobfollow.store.applications import first_stage_of_kind
from jobfollow.store.models import FollowUp, Interview, InterviewAttendee, JobApplication
from tests.conftest import TODAY


def _state():
    return sorted(FollowUp.select(FollowUp.rule_key, FollowUp.state, FollowUp.due_on, FollowUp.title,
                                  FollowUp.reason, FollowUp.channel, FollowUp.contact, FollowUp.interview)
                  .where(FollowUp.rule_key.is_null(False)).tuples())


def _agrees_with_a_full_run(day):
    before = _state()
    report = fu.refresh_followups(today=day)  # no memo: every card run and compared
    assert not report.changed, report
    assert _state() == before


def test_incremental_runs_store_what_full_runs_store(demo_profile):
    memo = fu.RefreshMemo()
    first = fu.refresh_followups(today=TODAY, memo=memo)
    assert first.cards_run == JobApplication.select().where(JobApplication.deleted_at.is_null()).count()
    _agrees_with_a_full_run(TODAY)

    # The cards whose status checks the first run stored see those checks among their facts once; then nothing
    # is new and no card is run again.
    settled = fu.refresh_followups(today=TODAY, memo=memo)
    assert not settled.changed and settled.cards_run < first.cards_run
    again = fu.refresh_followups(today=TODAY, memo=memo)
    assert again.cards_run == 0 and not again.changed

    runs = []
    for days in range(1, 12):  # the days go by: only cards whose day came are run, and the result is whole
        day = TODAY + dt.timedelta(days=days)
        runs.append(fu.refresh_followups(today=day, memo=memo).cards_run)
        _agrees_with_a_full_run(day)
    # (an offer's deadline passing changes what every other process hears: all cards run on that day)
    assert sum(runs) < len(runs) * first.cards_run / 2, runs


def test_edits_are_seen_without_naming_the_card(demo_profile):
    memo = fu.RefreshMemo()
    fu.refresh_followups(today=TODAY, memo=memo)
    fu.refresh_followups(today=TODAY, memo=memo)  # the status checks just stored are facts of their cards
    app = JobApplication.select().join_from(JobApplication, Interview).where(
        JobApplication.deleted_at.is_null()).first()
    # a new interview yesterday with one of the card's people: thank-yous are due
    person = InterviewAttendee.select().join(Interview).where(Interview.application == app.id).first().contact
    interview = Interview.create(application=app, starts_at=dt.datetime.combine(TODAY - dt.timedelta(days=1),
                                                                                 dt.time(10)))
    InterviewAttendee.create(interview=interview, contact=person)
    report = fu.refresh_followups(today=TODAY, memo=memo)
    assert report.cards_run == 1 and app.id in report.application_ids and report.created
    _agrees_with_a_full_run(TODAY)

    # a status check marked done: the next one is scheduled
    check = FollowUp.select().where(FollowUp.kind == "status_check", FollowUp.state == "open").first()
    fu.mark_done(check.id, "sent", when=dt.datetime.combine(TODAY, dt.time(12)))
    report = fu.refresh_followups(today=TODAY, memo=memo)
    assert check.application_id in report.application_ids
    _agrees_with_a_full_run(TODAY)

    # a card moved to Closed as rejected: its pending follow-ups retire, the thanks and lessons come
    moved = JobApplication.select().where(JobApplication.deleted_at.is_null(), JobApplication.id != app.id).first()
    JobApplication.update(stage=first_stage_of_kind(StageKind.CLOSED).id, outcome="rejected").where(
        JobApplication.id == moved.id).execute()
    report = fu.refresh_followups(today=TODAY, memo=memo)
    assert moved.id in report.application_ids
    _agrees_with_a_full_run(TODAY)


def test_the_report_names_exactly_the_changed_rows(demo_profile):
    fu.refresh_followups(today=TODAY)
    check = (FollowUp.select().join(Interview)  # a first check counted from the interview (no day named)
             .where(FollowUp.kind == "status_check", FollowUp.state == "open", FollowUp.rule_key.endswith(":1"),
                    Interview.follow_up_on.is_null(), Interview.follow_up_interval_days.is_null()).first())
    Interview.update(decision_date=TODAY + dt.timedelta(days=9)).where(Interview.id == check.interview).execute()
    report = fu.refresh_followups([check.application_id], today=TODAY)
    assert report.updated == 1 and report.followup_ids == {check.id}
    assert report.application_ids == {check.application_id}
    assert FollowUp.get_by_id(check.id).due_on > check.due_on


def test_a_failed_run_forgets_the_memo(demo_profile, monkeypatch):
    import pytest

    from jobfollow.store import followups_refresh

    memo = fu.RefreshMemo()
    fu.refresh_followups(today=TODAY, memo=memo)
    monkeypatch.setattr(followups_refresh, "_store", lambda *args: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        fu.refresh_followups(today=TODAY + dt.timedelta(days=1), memo=memo)
    assert memo.cards == {}


def test_one_runs_texts_are_the_texts_of_each_follow_up(profile):
    """The texts written once per refresh (shared reasons) are exactly what each follow-up would be given alone."""
    from jobfollow.core.followup_texts import describe, describer
    from jobfollow.core.rules import derive_followups
    from jobfollow.store.followup_facts_loader import load_application_facts
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(200, seed=3, today=TODAY)
    proposals = derive_followups(load_application_facts(), fu.rule_context(TODAY))
    shared = describer()
    assert len({p.kind for p in proposals}) > 5
    assert [shared(p) for p in proposals] == [describe(p) for p in proposals]
