"""Stage history: every stage a card passed through stays recorded (moves, undo, migration, imports)."""

from __future__ import annotations

import json
import sqlite3

from jobfollow.core.stages import Outcome, StageKind
from jobfollow.store import io_csv, io_json, migrations
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.board import move_cards, undo_moves
from jobfollow.store.db import close_database, open_database
from jobfollow.store.db_check import APPLICATION_ID
from jobfollow.store.models import JobApplication, StageHistory
from jobfollow.store.stage_history import history_of
from tests.store.test_io_json import fresh_profile


def stage_id(kind: StageKind) -> int:
    return first_stage_of_kind(kind).id


def kinds(app_id: int) -> list[str]:
    return [entry.stage_kind for entry in history_of(app_id)]


def test_a_card_rejected_after_two_rounds_keeps_every_stage_it_reached(profile):
    app = create_application("Acme", "Analyst")
    for kind in (StageKind.INTERVIEW_SCHEDULED, StageKind.INTERVIEWED, StageKind.NEXT_ROUND):
        move_cards([(app.id, stage_id(kind), 1.0)])
    move_cards([(app.id, stage_id(StageKind.CLOSED), 1.0)], Outcome.REJECTED.value)
    history = history_of(app.id)
    assert [e.stage_kind for e in history] == ["applied", "interview_scheduled", "interviewed", "next_round",
                                               "closed"]
    assert history[-1].outcome == "rejected"
    assert all(e.origin == "board" for e in history)
    assert [e.entered_at for e in history] == sorted(e.entered_at for e in history)


def test_a_reorder_writes_no_entry_and_undo_takes_a_move_back_out(profile):
    app = create_application("Acme", "Analyst")
    move_cards([(app.id, stage_id(StageKind.APPLIED), 5.0)])
    assert kinds(app.id) == ["applied"]
    records = move_cards([(app.id, stage_id(StageKind.OFFER), 1.0)])
    assert kinds(app.id) == ["applied", "offer"]
    undo_moves(records)
    assert kinds(app.id) == ["applied"]


def test_renaming_a_stage_later_leaves_the_recorded_name(profile):
    app = create_application("Acme", "Analyst")
    move_cards([(app.id, stage_id(StageKind.OFFER), 1.0)])
    stage = first_stage_of_kind(StageKind.OFFER)
    stage.name = "Got one!"
    stage.save()
    assert history_of(app.id)[-1].stage_name == "Offer"


def _version_2_database(path):
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for migration in migrations.MIGRATIONS[:2]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    for sid, kind in ((1, "applied"), (2, "interviewed"), (3, "closed")):
        conn.execute("INSERT INTO stage (id, name, kind, position, collapsed) VALUES (?, ?, ?, ?, 0)",
                     (sid, kind.title(), kind, sid))
    row = ("'', '', '', '', '', '', '', 0, '2026-05-10 09:00:00', '2026-04-01 09:00:00', '2026-05-10 09:00:00'")
    conn.execute("INSERT INTO job_application (id, company, position_title, stage_id, rank, stage_entered_at, "
                 "posting_url, location, salary_range, source, invited_by, tags, notes, priority, last_activity_at,"
                 f" created_at, updated_at, outcome) VALUES (1, 'Moved', 'Analyst', 3, 1, '2026-05-10 09:00:00', {row},"
                 " 'rejected')")
    conn.execute("INSERT INTO job_application (id, company, position_title, stage_id, rank, stage_entered_at, "
                 "posting_url, location, salary_range, source, invited_by, tags, notes, priority, last_activity_at,"
                 f" created_at, updated_at) VALUES (2, 'Imported', 'Clerk', 2, 1, '2026-05-10 09:00:00', {row})")
    activity = "INSERT INTO activity (application_id, kind, summary, data, occurred_at) VALUES (?, ?, '', ?, ?)"
    conn.execute(activity, (1, "created", "{}", "2026-04-01 09:00:00"))
    conn.execute(activity, (1, "moved", json.dumps({"from_stage": 1, "to_stage": 2}), "2026-04-20 09:00:00"))
    conn.execute(activity, (1, "moved", json.dumps({"from_stage": 2, "to_stage": 3, "outcome": "rejected"}),
                            "2026-05-10 09:00:00"))
    conn.execute(activity, (2, "created", json.dumps({"import": "csv", "row": 1}), "2026-04-01 09:00:00"))
    conn.commit()
    conn.close()


def test_the_migration_rebuilds_history_from_the_timeline(tmp_path):
    path = tmp_path / "jobfollow.sqlite3"
    _version_2_database(path)
    database = open_database(path, backup_dir=tmp_path / "backups")
    try:
        rows = database.execute_sql("SELECT application_id, stage_kind, outcome, entered_at, origin "
                                    "FROM stage_history ORDER BY application_id, entered_at").fetchall()
        columns = [r[1] for r in database.execute_sql('PRAGMA table_info("job_application")')]
    finally:
        close_database(database)
    assert rows == [
        (1, "applied", None, "2026-04-01 09:00:00", "timeline"),
        (1, "interviewed", None, "2026-04-20 09:00:00", "timeline"),
        (1, "closed", "rejected", "2026-05-10 09:00:00", "timeline"),
        (2, "interviewed", None, "2026-04-01 09:00:00", "import"),  # the file said where it was, not how
    ]
    assert {"how_applied", "employer_address", "employer_website"} <= set(columns)


def test_a_csv_import_records_the_stage_the_file_gave_as_imported(profile, tmp_path):
    source = tmp_path / "tracker.csv"
    source.write_text("Company,Title,Status,Date applied\nAcme,Analyst,Interviewed,2026-03-02\n", encoding="utf-8")
    [app_id], _errors = io_csv.import_csv(source)
    [entry] = history_of(app_id)
    assert (entry.stage_kind, entry.origin, entry.entered_at.date().isoformat()) == ("interviewed", "import",
                                                                                       "2026-03-02")


def test_a_json_export_carries_history_and_an_old_file_gets_it_rebuilt_from_its_timeline(profile):
    app = create_application("Acme", "Analyst")
    move_cards([(app.id, stage_id(StageKind.INTERVIEWED), 1.0)])
    exported = json.loads(json.dumps(io_json.export_data()))
    old_file = json.loads(json.dumps(exported))
    del old_file["tables"]["stage_history"]
    with fresh_profile():
        io_json.import_data(exported)
        new_id = JobApplication.get(JobApplication.company == "Acme").id
        assert [(e.stage_kind, e.origin) for e in history_of(new_id)] == [("applied", "board"),
                                                                          ("interviewed", "board")]
    with fresh_profile():
        io_json.import_data(old_file)
        new_id = JobApplication.get(JobApplication.company == "Acme").id
        assert [(e.stage_kind, e.origin) for e in history_of(new_id)] == [("applied", "import"),
                                                                          ("interviewed", "import")]
        assert StageHistory.select().count() == 2


def test_an_imported_history_row_with_an_unknown_stage_kind_or_method_is_refused(profile):
    from jobfollow.store.io_json import DataImportError

    app = create_application("Acme", "Analyst")
    exported = json.loads(json.dumps(io_json.export_data()))
    bad_kind = json.loads(json.dumps(exported))
    bad_kind["tables"]["stage_history"][0]["stage_kind"] = "dreaming"
    bad_method = json.loads(json.dumps(exported))
    bad_method["tables"]["job_application"][0]["how_applied"] = "carrier pigeon"
    with fresh_profile():
        for damaged in (bad_kind, bad_method):
            try:
                io_json.import_data(damaged)
            except DataImportError as exc:
                assert "not one of the values jobfollow knows" in str(exc)
            else:
                raise AssertionError("a damaged file was imported")
            assert JobApplication.select().count() == 0
    assert app.id


def test_the_timeline_tab_tells_the_way_through_the_stages_and_an_import(qtbot, profile, tmp_path):
    from jobfollow.ui.forms.timeline_page import TimelinePage

    app = create_application("Acme", "Analyst")
    move_cards([(app.id, stage_id(StageKind.CLOSED), 1.0)], Outcome.REJECTED.value)
    page = TimelinePage()
    qtbot.addWidget(page)
    page.set_application(app.id)
    text = page.stages_label.text()
    assert text.startswith("Stages: Applied (") and "→ Closed, Rejected (" in text
    source = tmp_path / "tracker.csv"
    source.write_text("Company,Title,Status\nBeta,Clerk,Interviewed\n", encoding="utf-8")
    [imported], _errors = io_csv.import_csv(source)
    page.set_application(imported)
    assert "imported file" in page.stages_label.text()
