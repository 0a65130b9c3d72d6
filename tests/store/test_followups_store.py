"""Stored follow-ups: refreshes are idempotent and never undo what the user did."""

from __future__ import annotations

import datetime as dt

import pytest

from jobfollow.core.profile import UserDetails
from jobfollow.core.stages import StageKind
from jobfollow.store import followups as fu
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Letter,
)
from jobfollow.store.settings import set_user_details
from tests.conftest import TODAY

D = dt.date
FRIDAY = D(2026, 5, 1)


def stage(kind: StageKind) -> int:
    return first_stage_of_kind(kind).id


def make_card(company="Acme", kind=StageKind.INTERVIEWED, entered=FRIDAY, interview_on=FRIDAY,
              people=("Ana", "Ben")) -> JobApplication:
    app = create_application(company, "Analyst", stage(kind),
                             stage_entered_at=dt.datetime.combine(entered, dt.time(9)))
    if interview_on:
        interview = Interview.create(application=app, starts_at=dt.datetime.combine(interview_on, dt.time(14)))
        for name in people:
            person = Contact.create(name=name)
            ApplicationContact.create(application=app, contact=person, role="interviewer")
            InterviewAttendee.create(interview=interview, contact=person)
    return app


def move(app, kind: StageKind, on=TODAY, outcome=None):
    JobApplication.update(stage=stage(kind), stage_entered_at=dt.datetime.combine(on, dt.time(9)),
                          outcome=outcome).where(JobApplication.id == app.id).execute()


def rows(app=None):
    query = FollowUp.select().order_by(FollowUp.rule_key)
    if app is not None:
        query = query.where(FollowUp.application == app.id)
    return list(query)


def test_refresh_creates_rule_followups_once(profile):
    app = make_card()
    first = fu.refresh_followups(today=TODAY)
    assert first.created == 3  # two thank-yous and a status check
    again = fu.refresh_followups(today=TODAY)
    assert (again.created, again.updated, again.retired) == (0, 0, 0)
    assert sorted(r.kind for r in rows(app)) == ["status_check", "thank_you", "thank_you"]
    assert FollowUp.select().where(FollowUp.rule_key.is_null(False)).count() == 3


def test_done_and_snooze_survive_a_rerun(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    thanks = [r for r in rows(app) if r.kind == "thank_you"]
    fu.mark_done(thanks[0].id, "sent")
    fu.snooze(thanks[1].id, D(2026, 5, 6))
    fu.refresh_followups(today=TODAY)
    fu.refresh_followups(today=D(2026, 5, 7))
    after = {r.id: r for r in rows(app)}
    assert (after[thanks[0].id].state, after[thanks[0].id].result) == ("done", "sent")
    assert (after[thanks[1].id].state, after[thanks[1].id].snoozed_until) == ("snoozed", D(2026, 5, 6))
    assert len(after) == 3
    pending = {item.id: item.due_on for item in fu.pending_followups()}
    assert pending[thanks[1].id] == D(2026, 5, 6)  # effective due date is the snooze date
    assert thanks[0].id not in pending


def test_skipped_stays_skipped(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    check = next(r for r in rows(app) if r.kind == "status_check")
    fu.skip(check.id)
    fu.refresh_followups(today=TODAY)
    assert FollowUp.get_by_id(check.id).state == "skipped"
    assert not [r for r in rows(app) if r.kind == "status_check" and r.state == "open"]


def test_changed_facts_update_the_open_followup(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    Interview.update(decision_date=D(2026, 5, 10)).execute()  # a Sunday
    report = fu.refresh_followups([app.id], today=TODAY)
    check = next(r for r in rows(app) if r.kind == "status_check")
    assert report.updated == 1 and check.due_on == D(2026, 5, 12)
    assert "decide by" in check.reason


def test_closing_retires_open_followups_and_keeps_touched_ones(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    thanks = [r for r in rows(app) if r.kind == "thank_you"]
    fu.snooze(thanks[0].id, D(2026, 5, 8))
    Letter.create(application=app, followup=thanks[1].id, body="Dear Ben")
    move(app, StageKind.CLOSED, outcome="rejected")
    report = fu.refresh_followups([app.id], today=TODAY)
    kinds = {r.kind: r.state for r in rows(app)}
    assert "status_check" not in kinds  # untouched: deleted
    assert report.retired == 3
    assert {FollowUp.get_by_id(t.id).state for t in thanks} == {"skipped"}  # snoozed / has a letter: kept, skipped
    assert kinds["rejection_thanks"] == "open" and kinds["lessons"] == "open"


def test_third_unanswered_check_suggests_closing_and_a_reply_resets(profile):
    app = make_card(people=("Ana",))
    day = TODAY
    for _n in range(3):
        fu.refresh_followups([app.id], today=day)
        check = next(r for r in rows(app) if r.kind == "status_check" and r.state == "open")
        day = check.due_on
        fu.mark_done(check.id, "sent", when=dt.datetime.combine(day, dt.time(10)))
    fu.refresh_followups([app.id], today=day)
    assert [r.kind for r in rows(app) if r.state == "open"] == ["close_suggestion", "thank_you"]
    fu.mark_done(next(r for r in rows(app) if r.kind == "thank_you").id, "reply_received",
                 when=dt.datetime.combine(day + dt.timedelta(days=1), dt.time(9)))
    fu.refresh_followups([app.id], today=day + dt.timedelta(days=2))
    assert [r.kind for r in rows(app) if r.state == "open"] == ["status_check"]  # the suggestion retired
    assert Activity.select().where(Activity.kind == "reply").count() == 1


def test_accepting_one_card_asks_to_withdraw_from_the_others(profile):
    set_user_details(UserDetails(employed=True))
    accepted = make_card("Acme", StageKind.OFFER)
    others = [make_card(name, kind) for name, kind in (("Beta", StageKind.APPLIED), ("Gamma", StageKind.INTERVIEWED),
                                                       ("Delta", StageKind.NEXT_ROUND))]
    fu.refresh_followups(today=TODAY)
    move(accepted, StageKind.ACCEPTED)
    fu.refresh_followups([accepted.id], today=TODAY)  # one card changed; the others follow
    withdraws = sorted(r.application_id for r in FollowUp.select().where(FollowUp.kind == "withdraw"))
    assert withdraws == sorted(o.id for o in others)
    assert FollowUp.select().where(FollowUp.kind == "give_notice").count() == 1
    move(accepted, StageKind.OFFER)  # a mistake, moved back: the withdraws go away
    fu.refresh_followups([accepted.id], today=TODAY)
    assert FollowUp.select().where(FollowUp.kind == "withdraw").count() == 0


def test_custom_followups_are_never_retired(profile):
    app = make_card(interview_on=None, kind=StageKind.APPLIED)
    fid = fu.add_custom(app.id, "  Send the portfolio  ", D(2026, 5, 6), channel="email")
    fu.refresh_followups(today=TODAY)
    assert [(i.id, i.title) for i in fu.pending_followups() if i.kind == "custom"] == [(fid, "Send the portfolio")]
    with pytest.raises(ValueError):
        fu.add_custom(app.id, "  ", TODAY)


def test_pending_list_hides_deleted_cards_and_sorts_overdue_first(demo_profile):
    fu.refresh_followups(today=TODAY)
    items = fu.pending_followups()
    assert items == sorted(items, key=lambda i: (i.due_on, i.id))
    assert any(i.due_on < TODAY for i in items) and any(i.due_on > TODAY for i in items)
    JobApplication.update(deleted_at=dt.datetime(2026, 5, 4)).where(JobApplication.id == items[0].application_id
                                                                    ).execute()
    assert items[0].application_id not in {i.application_id for i in fu.pending_followups()}


def test_mark_done_rejects_an_unknown_result(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    with pytest.raises(ValueError):
        fu.mark_done(rows(app)[0].id, "maybe")
    with pytest.raises(LookupError):
        fu.skip(99999)


def test_notified_once_and_again_after_a_snooze(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    first = rows(app)[0]
    fu.mark_notified([first.id])
    assert next(i for i in fu.pending_followups() if i.id == first.id).notified
    fu.snooze(first.id, D(2026, 5, 9))
    assert not next(i for i in fu.pending_followups() if i.id == first.id).notified


def test_a_deleted_card_keeps_its_followups_for_undo(profile):
    app = make_card()
    fu.refresh_followups(today=TODAY)
    snoozed = rows(app)[0]
    fu.snooze(snoozed.id, D(2026, 5, 9))
    JobApplication.update(deleted_at=dt.datetime(2026, 5, 4, 10)).where(JobApplication.id == app.id).execute()
    fu.refresh_followups(today=TODAY)
    assert len(rows(app)) == 3 and FollowUp.get_by_id(snoozed.id).state == "snoozed"
    assert fu.pending_followups() == []
    JobApplication.update(deleted_at=None).where(JobApplication.id == app.id).execute()  # Undo
    assert fu.refresh_followups(today=TODAY).created == 0
    assert len(fu.pending_followups()) == 3


def close(app, outcome):
    from jobfollow.store.board import move_cards

    move_cards([(app.id, stage(StageKind.CLOSED), 1.0)], outcome=outcome)


def test_a_withdrawn_card_is_reminded_until_its_letter_is_sent(profile):
    from jobfollow.store.letters import mark_sent, open_letter

    app = make_card("Acme", StageKind.INTERVIEWED)
    recruiter = Contact.create(name="Rita")
    ApplicationContact.create(application=app, contact=recruiter, role="recruiter")
    close(app, "withdrew")  # the letter prompt dismissed
    fu.refresh_followups([app.id], today=TODAY)
    [withdraw] = [r for r in rows(app) if r.kind == "withdraw"]
    assert (withdraw.state, withdraw.contact_id, withdraw.rule_key) == ("open", recruiter.id, f"withdraw:{app.id}:0")
    mark_sent(open_letter(app.id, "withdraw", recruiter.id).id)
    fu.refresh_followups([app.id], today=TODAY)
    fu.refresh_followups([app.id], today=TODAY)
    assert [(r.id, r.state, r.result) for r in rows(app) if r.kind == "withdraw"] == [(withdraw.id, "done", "sent")]


def test_a_letter_sent_before_closing_means_no_reminder(profile):
    from jobfollow.store.letters import mark_sent, open_letter

    app = make_card("Acme", StageKind.APPLIED, interview_on=None)
    mark_sent(open_letter(app.id, "withdraw").id)
    close(app, "withdrew")
    fu.refresh_followups([app.id], today=TODAY)
    assert [r.kind for r in rows(app)] == []


def test_withdrawing_after_accepting_elsewhere_keeps_the_one_withdraw(profile):
    accepted = make_card("Acme", StageKind.OFFER)
    other = make_card("Beta", StageKind.INTERVIEWED)
    fu.refresh_followups(today=TODAY)
    move(accepted, StageKind.ACCEPTED)
    fu.refresh_followups([accepted.id], today=TODAY)
    [asked] = [r for r in rows(other) if r.kind == "withdraw"]
    close(other, "withdrew")
    fu.refresh_followups([other.id], today=TODAY)
    assert [(r.id, r.state) for r in rows(other) if r.kind == "withdraw"] == [(asked.id, "open")]


def test_rejection_without_a_recorded_interview(profile):
    from jobfollow.store.board import move_cards

    screened = make_card("Acme", StageKind.APPLIED, interview_on=None)
    move_cards([(screened.id, stage(StageKind.INTERVIEW_SCHEDULED), 1.0)])  # got a call, never recorded one
    form_letter = make_card("Beta", StageKind.APPLIED, interview_on=None)
    close(screened, "rejected")
    close(form_letter, "rejected")
    fu.refresh_followups(today=TODAY)
    assert sorted(r.kind for r in rows(screened)) == ["lessons", "rejection_thanks"]
    assert rows(form_letter) == []  # straight from Applied, nobody to thank
    fu.refresh_followups(today=TODAY)
    assert len(rows(screened)) == 2
