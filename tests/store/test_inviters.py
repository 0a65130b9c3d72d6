""""Who invited you" is a person with that role: migrated from the old free text, kept in step with the field."""

from __future__ import annotations

import datetime as dt
import sqlite3

from jobfollow.core.stages import StageKind
from jobfollow.store import followups as fu
from jobfollow.store import migrations
from jobfollow.store.application_details import load_details, restore_details, save_details
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.db import close_database, open_database
from jobfollow.store.db_check import APPLICATION_ID
from jobfollow.store.models import ApplicationContact, Contact, FollowUp, Interview, InterviewAttendee
from tests.conftest import TODAY

FRIDAY = dt.date(2026, 5, 1)


def inviters(app_id):
    return sorted(name for (name,) in Contact.select(Contact.name).join(ApplicationContact).where(
        ApplicationContact.application == app_id, ApplicationContact.role == "inviter").tuples())


def interviewed_card():
    app = create_application("Acme", "Analyst", first_stage_of_kind(StageKind.INTERVIEWED).id,
                             stage_entered_at=dt.datetime.combine(FRIDAY, dt.time(9)))
    interview = Interview.create(application=app, starts_at=dt.datetime.combine(FRIDAY, dt.time(14)))
    ana = Contact.create(name="Ana")
    ApplicationContact.create(application=app, contact=ana, role="interviewer")
    InterviewAttendee.create(interview=interview, contact=ana)
    return app


def test_typing_who_invited_you_makes_a_person_who_is_thanked(profile):
    app = interviewed_card()
    before = load_details(app.id)
    activity = save_details(app.id, before.__class__(**{**before.__dict__, "invited_by": "Ivy Inviter"}))
    assert inviters(app.id) == ["Ivy Inviter"]
    fu.refresh_followups([app.id], today=TODAY)
    thanked = {f.contact.name for f in FollowUp.select().where(FollowUp.kind == "thank_you")}
    assert thanked == {"Ana", "Ivy Inviter"}
    # a person already on the card is given the role rather than duplicated; Undo gives it back
    changed = load_details(app.id)
    save_details(app.id, changed.__class__(**{**changed.__dict__, "invited_by": "ana"}))
    assert inviters(app.id) == ["Ana"] and Contact.select().where(Contact.name == "Ana").count() == 1
    restore_details(app.id, changed, None)
    assert inviters(app.id) == ["Ivy Inviter"]
    restore_details(app.id, before, activity)
    assert inviters(app.id) == []


def test_version_3_free_text_becomes_a_person_with_the_role(tmp_path):
    path = tmp_path / "jobfollow.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for migration in migrations.MIGRATIONS[:3]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO stage (id, name, kind, position, collapsed) VALUES (1, 'Interviewed', 'interviewed', 0,"
                 " 0)")
    for n, invited in enumerate(["Rita Recruiter", "", "  Bob  "]):
        conn.execute(
            "INSERT INTO job_application (id, company, position_title, stage_id, rank, stage_entered_at, posting_url,"
            " location, salary_range, source, invited_by, tags, notes, priority, last_activity_at, created_at,"
            " updated_at) VALUES (?, ?, 'Analyst', 1, 0, '2026-05-01 09:00:00', '', '', '', '', ?, '', '', 0,"
            " '2026-05-01 09:00:00', '2026-05-01 09:00:00', '2026-05-01 09:00:00')", (n + 1, f"Co{n}", invited))
    # Rita is already on card 1 as the recruiter: she gains the role, no second Rita
    conn.execute("INSERT INTO contact (id, name, title, organisation, email, phone, preferred_channel, notes, "
                 "created_at) VALUES (7, 'Rita Recruiter', '', 'Co0', '', '', '', '', '2026-05-01 09:00:00')")
    conn.execute("INSERT INTO application_contact (application_id, contact_id, role) VALUES (1, 7, 'recruiter')")
    conn.commit()
    conn.close()
    database = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert migrations.schema_version(database) == migrations.CURRENT_VERSION
        rows = database.execute_sql(
            "SELECT l.application_id, c.id, c.name, c.organisation FROM application_contact l JOIN contact c "
            "ON c.id = l.contact_id WHERE l.role = 'inviter' ORDER BY l.application_id").fetchall()
        assert [(card, name) for card, _id, name, _org in rows] == [(1, "Rita Recruiter"), (3, "Bob")]
        assert rows[0][1] == 7 and rows[1][3] == "Co2"
        assert database.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 2
    finally:
        close_database(database)
