"""The services layer: one path per action, one undo step each, one way a storage failure comes back."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtGui import QUndoStack

from jobfollow.services import build_services
from jobfollow.services.undo import StoreCommand, push
from jobfollow.store import followups as followups_store
from jobfollow.store import letters as letters_store
from jobfollow.store.applications import create_application
from jobfollow.store.models import Activity, ApplicationContact, Contact, FollowUp, Interview, InterviewAttendee, Letter
from tests.conftest import TODAY


@pytest.fixture
def thank_you(profile):
    """A card with one interviewer, the thank-you follow-up the rules made for them, and its draft letter."""
    app = create_application("Fabrikam", "Data Analyst")
    ana = Contact.create(name="Ana Ruiz", email="ana@fabrikam.example")
    ApplicationContact.create(application=app, contact=ana, role="interviewer")
    interview = Interview.create(application=app, starts_at=dt.datetime.combine(TODAY, dt.time(10)))
    InterviewAttendee.create(interview=interview, contact=ana)
    followup = FollowUp.create(application=app, contact=ana, interview=interview, kind="thank_you", due_on=TODAY)
    letter = letters_store.open_letter_for_followup(followup.id, "en")
    return app.id, followup.id, letter.id


@pytest.fixture
def services(qtbot, events):
    stack = QUndoStack()
    built = build_services(events, stack)
    built.followups.clock = lambda: dt.datetime.combine(TODAY, dt.time(9))
    yield built
    built.followups.stop()  # its reminder clock must not tick into later tests' profiles


def letter_entries(app_id):
    return Activity.select().where((Activity.application == app_id) & (Activity.kind == "letter")).count()


def test_mark_as_sent_completes_the_followup_in_one_undoable_step(qtbot, services, events, thank_you, monkeypatch):
    app_id, followup_id, letter_id = thank_you
    services.followups.start()
    draft_body = Letter.get_by_id(letter_id).body
    scopes = []
    real_refresh = followups_store.refresh_followups
    monkeypatch.setattr(followups_store, "refresh_followups",
                        lambda ids=None, today=None, **kw: scopes.append(ids) or real_refresh(ids, today, **kw))

    with qtbot.waitSignal(events.letter_sent) as sent:
        assert services.letters.mark_sent(letter_id, "email") is None
    assert sent.args == [letter_id, app_id, True]
    assert (FollowUp.get_by_id(followup_id).state, FollowUp.get_by_id(followup_id).result) == ("done", "sent")
    assert Letter.get_by_id(letter_id).state == "sent" and letter_entries(app_id) == 1
    assert followup_id not in {item.id for item in services.followups.items}
    assert scopes == [[app_id]]  # the rules re-ran for this card only, not the whole board
    assert services.undo_stack.count() == 1

    with qtbot.waitSignal(events.letter_sent) as unsent:
        services.undo_stack.undo()
    assert unsent.args == [letter_id, app_id, False]
    assert FollowUp.get_by_id(followup_id).state == "open"
    assert Letter.get_by_id(letter_id).state == "draft" and Letter.get_by_id(letter_id).body == draft_body
    assert letter_entries(app_id) == 0
    assert followup_id in {item.id for item in services.followups.items}

    services.undo_stack.redo()
    assert FollowUp.get_by_id(followup_id).state == "done" and Letter.get_by_id(letter_id).state == "sent"


def test_a_locked_database_leaves_the_letter_a_draft_and_nothing_to_undo(qtbot, services, events, thank_you,
                                                                          monkeypatch):
    _app_id, followup_id, letter_id = thank_you

    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(letters_store, "record_sent", locked)
    with qtbot.assertNotEmitted(events.letter_sent), qtbot.assertNotEmitted(events.followups_changed):
        failure = services.letters.mark_sent(letter_id)
    assert "locked" in str(failure)
    assert services.undo_stack.count() == 0
    assert Letter.get_by_id(letter_id).state == "draft" and FollowUp.get_by_id(followup_id).state == "open"


class _Failing(StoreCommand):
    def __init__(self, fail_on_redo: bool):
        super().__init__("test step")
        self.fail = fail_on_redo
        self.done = 0

    def do(self):
        if self.fail:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        self.done += 1

    def undo(self):
        self.done -= 1


def test_every_command_reports_a_first_failure_the_same_way(qtbot):
    stack = QUndoStack()
    assert "readonly" in str(push(stack, _Failing(True)))
    assert stack.count() == 0  # what did not happen cannot be undone
    worked = _Failing(False)
    assert push(stack, worked) is None and worked.done == 1 and stack.count() == 1
    assert "readonly" in str(push(None, _Failing(True)))  # without an undo stack (tests, the command line)


def test_snooze_from_the_followup_service_is_undoable(qtbot, services, events, thank_you):
    _app_id, followup_id, _letter_id = thank_you
    services.followups.start()
    with qtbot.waitSignal(events.followups_changed):
        assert services.followups.snooze(followup_id, TODAY + dt.timedelta(days=3)) is None
    assert FollowUp.get_by_id(followup_id).state == "snoozed"
    assert services.undo_stack.undoText() == "Snooze: " + services.followups._by_id[followup_id].title
    services.undo_stack.undo()
    assert FollowUp.get_by_id(followup_id).state == "open"
