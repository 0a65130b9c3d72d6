import sqlite3

import pytest

from jobfollow.store import migrations
from jobfollow.store.db import close_database, open_database
from jobfollow.store.db_check import APPLICATION_ID
from jobfollow.store.models import ALL_MODELS


def _version_1_database_with_rows(path):
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in migrations.MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO stage (id, name, kind, position, collapsed) VALUES (1, 'Applied', 'applied', 0, 0)")
    for n in range(40):
        conn.execute(
            "INSERT INTO job_application (company, position_title, stage_id, rank, stage_entered_at, posting_url,"
            " location, salary_range, source, invited_by, tags, notes, priority, last_activity_at, created_at,"
            " updated_at) VALUES (?, 'Analyst', 1, ?, '2026-05-01 09:00:00', '', '', '', '', '', '', 'n', 0,"
            " '2026-05-01 09:00:00', '2026-05-01 09:00:00', '2026-05-01 09:00:00')",
            (f"Company {n}", float(n)),
        )
    conn.execute("INSERT INTO setting (key, value) VALUES ('user.details', '{\"name\": \"Jane\"}')")
    conn.commit()
    conn.close()


def test_version_1_upgrades_without_losing_a_row_and_is_backed_up_first(tmp_path):
    path = tmp_path / "jobfollow.sqlite3"
    _version_1_database_with_rows(path)
    database = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert migrations.schema_version(database) == migrations.CURRENT_VERSION
        assert database.execute_sql("SELECT count(*) FROM job_application").fetchone()[0] == 40
        assert database.execute_sql("SELECT value FROM setting").fetchone()[0] == '{"name": "Jane"}'
        assert database.execute_sql("SELECT count(*) FROM offer").fetchone()[0] == 0
    finally:
        close_database(database)
    backups = list((tmp_path / "backups").glob("before-migration-v1-*.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM job_application").fetchone()[0] == 40
    conn.close()


def test_a_failing_migration_rolls_back_entirely(tmp_path, monkeypatch):
    path = tmp_path / "jobfollow.sqlite3"
    _version_1_database_with_rows(path)
    broken = migrations.Migration(2, "broken", ('CREATE TABLE "half_done" ("id" INTEGER)', "THIS IS NOT SQL"))
    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with pytest.raises(Exception, match="Cannot prepare"):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    assert conn.execute("SELECT count(*) FROM job_application").fetchone()[0] == 40
    conn.close()


def test_migrated_schema_matches_the_models(profile):
    for model in ALL_MODELS:
        table = model._meta.table_name
        in_db = {row[1] for row in profile.db.execute_sql(f'PRAGMA table_info("{table}")')}
        in_model = {field.column_name for field in model._meta.sorted_fields}
        assert in_db == in_model, table
        indexes_in_db = {row[1] for row in profile.db.execute_sql(f'PRAGMA index_list("{table}")')
                         if not row[1].startswith("sqlite_")}
        indexes_in_model = {idx._name for idx in model._meta.fields_to_index()}
        assert indexes_in_model <= indexes_in_db, table
