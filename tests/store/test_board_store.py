"""Board storage without Qt: summaries, moves and their undo, stars, deletes, stage changes, search helpers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from jobfollow.core.board_search import activity_key, due_key, fold, matches, query_terms, rank_between, ranks_between
from jobfollow.core.stages import Outcome, StageKind
from jobfollow.store import board_stages
from jobfollow.store.applications import create_application, first_stage_of_kind, list_stages
from jobfollow.store.board import (
    card_summaries,
    delete_applications,
    move_cards,
    redo_moves,
    restore_applications,
    search_texts,
    set_priority,
    undo_moves,
    with_search_text,
)
from jobfollow.store.models import Activity, ApplicationContact, Contact, FollowUp, Interview, InterviewAttendee
from tests.conftest import TODAY


def stage_id(kind: StageKind) -> int:
    return first_stage_of_kind(kind).id


def test_summary_carries_next_pending_followup_with_snooze_as_effective_date(profile):
    app = create_application("Acme", "Analyst", tags="remote, dream job")
    FollowUp.create(application=app, kind="status_check", title="Ask for news", due_on=TODAY + dt.timedelta(days=5))
    FollowUp.create(application=app, kind="thank_you", title="Thank Ann", due_on=TODAY - dt.timedelta(days=9),
                    state="snoozed", snoozed_until=TODAY + dt.timedelta(days=2))
    FollowUp.create(application=app, kind="thank_you", title="Done already", due_on=TODAY - dt.timedelta(days=20),
                    state="done")
    FollowUp.create(application=app, kind="custom", title="Skipped", due_on=TODAY - dt.timedelta(days=20),
                    state="skipped")
    [card] = card_summaries()
    assert card.tags == ("remote", "dream job")
    assert card.pending_count == 2
    assert (card.next_due, card.next_title) == (TODAY + dt.timedelta(days=2), "Thank Ann")


def test_search_text_holds_people_attendees_tags_and_notes(profile):
    app = create_application("Acme", "Analyst", tags="fintech", notes="Met them at the fair")
    recruiter = Contact.create(name="Rita Recruiter")
    ApplicationContact.create(application=app, contact=recruiter, role="recruiter")
    interview = Interview.create(application=app, starts_at=dt.datetime(2026, 5, 1, 10))
    InterviewAttendee.create(interview=interview, contact=Contact.create(name="Zoë Ångström"))
    [card] = card_summaries()
    for query in ("rita", "zoe angstrom", "FINTECH", "fair", "acme analyst"):
        assert matches(card.search_text, query_terms(query)), query
    assert not matches(card.search_text, query_terms("rita nobody"))


def test_summaries_without_search_text_skip_it_and_search_texts_supplies_it(profile):
    app = create_application("Acme", "Analyst", notes="Met them at the fair")
    ApplicationContact.create(application=app, contact=Contact.create(name="Rita"), role="recruiter")
    gone = create_application("Gone", "Two")
    ApplicationContact.create(application=gone, contact=Contact.create(name="Otto"), role="recruiter")
    delete_applications([gone.id])
    [bare] = card_summaries(with_search_text=False)
    assert bare.search_text == "" and bare.company == "Acme"
    assert search_texts() == {app.id: card_summaries()[0].search_text}
    assert with_search_text(bare, "rita") == dataclasses.replace(bare, search_text="rita")
    assert matches(search_texts([app.id])[app.id], query_terms("rita fair"))


def test_deleted_cards_leave_the_board_and_restore_whole(profile):
    keep = create_application("Keep", "One")
    gone = create_application("Gone", "Two")
    delete_applications([gone.id])
    assert [c.id for c in card_summaries()] == [keep.id]
    restore_applications([gone.id])
    assert {c.id for c in card_summaries()} == {keep.id, gone.id}


def test_move_writes_activity_and_undo_takes_it_back(profile):
    app = create_application("Acme", "Analyst")
    applied, interviewed = stage_id(StageKind.APPLIED), stage_id(StageKind.INTERVIEWED)
    records = move_cards([(app.id, interviewed, 7.5)])
    [card] = card_summaries()
    assert (card.stage_id, card.rank) == (interviewed, 7.5)
    moved = Activity.get(Activity.kind == "moved")
    assert json.loads(moved.data)["from_stage"] == applied and json.loads(moved.data)["to_stage"] == interviewed
    undo_moves(records)
    [card] = card_summaries()
    assert (card.stage_id, card.rank) == (applied, app.rank)
    assert not Activity.select().where(Activity.kind == "moved").exists()
    redo_moves(records)
    assert card_summaries()[0].stage_id == interviewed


def test_closing_stores_outcome_and_reopening_clears_it(profile):
    app = create_application("Acme", "Analyst")
    closed, applied = stage_id(StageKind.CLOSED), stage_id(StageKind.APPLIED)
    records = move_cards([(app.id, closed, 1.0)], Outcome.POSITION_FILLED.value)
    assert card_summaries()[0].outcome == "position_filled"
    reopen = move_cards([(app.id, applied, 1.0)])
    assert card_summaries()[0].outcome is None
    undo_moves(reopen)
    assert card_summaries()[0].outcome == "position_filled"
    undo_moves(records)
    assert card_summaries()[0].outcome is None


def test_reorder_inside_a_stage_writes_no_activity(profile):
    first = create_application("A", "x")
    create_application("B", "y")
    move_cards([(first.id, first.stage_id, 5.0)])
    assert [c.company for c in card_summaries()] == ["B", "A"]
    assert not Activity.select().where(Activity.kind == "moved").exists()


def test_stars_are_set_and_restored(profile):
    a, b = create_application("A", "x"), create_application("B", "y", priority=1)
    previous = set_priority([a.id, b.id], 0)
    assert previous == {a.id: 0, b.id: 1}


def test_stage_names_must_be_present_and_unique(profile):
    assert board_stages.stage_name_problem("  ") == "A stage needs a name."
    assert "already a stage" in board_stages.stage_name_problem("applied")
    applied = stage_id(StageKind.APPLIED)
    assert board_stages.stage_name_problem("Applied", exclude_id=applied) is None
    with pytest.raises(ValueError):
        board_stages.add_stage("Offer", StageKind.OFFER)


def test_add_rename_reorder_and_remove_a_stage_with_its_cards(profile):
    new_id = board_stages.add_stage("Phone screen", StageKind.INTERVIEW_SCHEDULED, index=1)
    assert [s.name for s in list_stages()][:3] == ["Applied", "Phone screen", "Interview scheduled"]
    assert board_stages.rename_stage(new_id, "Screening call") == "Phone screen"
    app = create_application("Acme", "Analyst", stage_id=new_id)
    deleted = create_application("Gone", "Old", stage_id=new_id)
    delete_applications([deleted.id])
    target = next(s.id for s in list_stages() if s.name == "Interview scheduled")
    with pytest.raises(ValueError):
        board_stages.remove_stage(new_id, new_id)
    removed = board_stages.remove_stage(new_id, target)
    assert new_id not in [s.id for s in list_stages()]
    assert {c.id: c.stage_id for c in card_summaries()} == {app.id: target}
    assert removed.live_moved_ids == [app.id]
    board_stages.restore_stage(removed)
    stages = list_stages()
    assert [s.name for s in stages][:2] == ["Applied", "Screening call"]
    assert stages[1].kind == StageKind.INTERVIEW_SCHEDULED
    assert card_summaries()[0].stage_id == new_id
    restore_applications([deleted.id])
    assert {c.stage_id for c in card_summaries()} == {new_id}


def test_last_stage_of_a_kind_is_known(profile):
    assert board_stages.is_last_of_kind(stage_id(StageKind.OFFER))
    board_stages.add_stage("Second offer", StageKind.OFFER)
    assert not board_stages.is_last_of_kind(stage_id(StageKind.OFFER))


def test_ranks_land_between_neighbours():
    assert rank_between(1.0, 2.0) == 1.5
    assert rank_between(None, 2.0) == 1.0
    assert rank_between(3.0, None) == 4.0
    assert ranks_between(1.0, 2.0, 3) == [1.25, 1.5, 1.75]
    assert ranks_between(None, None, 2) == [1.0, 2.0]
    assert ranks_between(None, 5.0, 2) == [3.0, 4.0]


def test_sort_keys_and_folding():
    assert fold("García Müller") == "garcia muller"
    later, sooner = dt.date(2026, 5, 9), dt.date(2026, 5, 5)
    assert sorted([due_key(None, 1), due_key(later, 2), due_key(sooner, 3)]) == [
        due_key(sooner, 3), due_key(later, 2), due_key(None, 1)]
    old, new = dt.datetime(2026, 5, 1), dt.datetime(2026, 5, 3)
    assert activity_key(new, 5) < activity_key(old, 1)


def test_undoing_an_added_stage_keeps_cards_that_arrived_there(profile):
    new_id = board_stages.add_stage("Second look", StageKind.APPLIED)
    app = create_application("Acme", "Analyst", stage_id=new_id)
    board_stages.delete_added_stage(new_id)
    assert new_id not in [s.id for s in list_stages()]
    assert card_summaries()[0].id == app.id
    assert card_summaries()[0].stage_id == stage_id(StageKind.APPLIED)
