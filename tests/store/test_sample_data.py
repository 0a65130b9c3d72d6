from jobfollow.core.stages import StageKind
from jobfollow.store.models import FollowUp, Interview, InterviewAttendee, JobApplication, Offer, Stage
from tests.conftest import TODAY


def test_demo_data_covers_every_active_stage_with_people_and_an_offer(demo_profile):
    kinds = {StageKind(app.stage.kind) for app in JobApplication.select().join(Stage)}
    assert {StageKind.APPLIED, StageKind.INTERVIEW_SCHEDULED, StageKind.INTERVIEWED, StageKind.NEXT_ROUND,
            StageKind.OFFER, StageKind.CLOSED} <= kinds
    assert JobApplication.select().count() == 25
    assert Offer.select().count() >= 1
    assert InterviewAttendee.select().count() >= 10
    assert Interview.select().where(Interview.questions != "").count() >= 5
    assert FollowUp.select().where(FollowUp.due_on < TODAY).count() >= 1
    assert FollowUp.select().where(FollowUp.due_on > TODAY).count() >= 1
    assert max(len(app.company) for app in JobApplication.select()) > 60  # a long name to test eliding


def test_same_seed_gives_the_same_data(profile):
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(30, seed=3, today=TODAY)
    first = [(a.company, a.position_title, a.stage_id) for a in JobApplication.select().order_by(JobApplication.id)]
    JobApplication.delete().execute()
    fill_sample_data(30, seed=3, today=TODAY)
    second = [(a.company, a.position_title, a.stage_id) for a in JobApplication.select().order_by(JobApplication.id)]
    assert first == second


def test_the_demo_looks_a_few_weeks_in_with_a_handful_overdue(demo_profile):
    from jobfollow.store.followups import pending_followups
    from jobfollow.store.sample_data import settle_demo_history
    from jobfollow.store.settings import get_user_details

    settled = settle_demo_history(today=TODAY)
    pending = pending_followups()
    overdue = [item for item in pending if item.due_on < TODAY]
    assert settled > 0
    assert 0 < len(overdue) < len(pending)
    assert all(item.due_on >= TODAY.fromordinal(TODAY.toordinal() - 3) for item in overdue if item.kind != "custom")
    assert get_user_details().name


def test_demo_interviews_are_on_weekdays_after_applying_and_next_rounds_are_still_to_come(demo_profile):
    from jobfollow.store.followups import pending_followups, refresh_followups

    for interview in Interview.select().join(JobApplication):
        assert interview.starts_at.weekday() < 5, interview.starts_at
        assert interview.starts_at.date() > interview.application.applied_on
    next_round = [app for app in JobApplication.select().join(Stage) if app.stage.kind == StageKind.NEXT_ROUND]
    assert next_round
    for app in next_round:
        assert max(i.starts_at.date() for i in app.interviews) > TODAY  # the round they wait for
    refresh_followups(today=TODAY)
    preps = {item.application_id for item in pending_followups() if item.kind == "next_round_prep"}
    assert preps == {app.id for app in next_round}
