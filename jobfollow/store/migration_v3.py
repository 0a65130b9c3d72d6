"""Migration 3, frozen: the stage history table, filled from what the timeline already recorded.

Kept apart from ``migrations.py`` because the backfill is code, not one statement; like every released
migration it must never change. It reads only tables as they were at version 2.
"""

from __future__ import annotations

import json

from peewee import SqliteDatabase

STATEMENTS = (
    'CREATE TABLE "stage_history" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"stage_id" INTEGER, "stage_kind" VARCHAR(255) NOT NULL, "stage_name" VARCHAR(255) NOT NULL, '
    '"outcome" VARCHAR(255), "entered_at" DATETIME NOT NULL, "origin" VARCHAR(255) NOT NULL, '
    '"activity_id" INTEGER, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("stage_id") REFERENCES "stage" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("activity_id") REFERENCES "activity" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "stage_history_application_id" ON "stage_history" ("application_id")',
    'CREATE INDEX "stage_history_stage_id" ON "stage_history" ("stage_id")',
    'CREATE INDEX "stage_history_activity_id" ON "stage_history" ("activity_id")',
    # What a job centre's work-search log asks for and a card did not hold.
    'ALTER TABLE "job_application" ADD COLUMN "how_applied" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "job_application" ADD COLUMN "employer_address" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "job_application" ADD COLUMN "employer_website" VARCHAR(255) NOT NULL DEFAULT \'\'',
)


def _data(text) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def backfill(db: SqliteDatabase) -> None:
    """Every card's stages from its "moved" entries; its first stage from the first move (or where it is now)."""
    stages = {sid: (kind, name) for sid, kind, name in db.execute_sql('SELECT id, kind, name FROM "stage"')}
    moves: dict[int, list[tuple[str, dict, int]]] = {}
    imported: set[int] = set()
    for app_id, kind, data, occurred_at, activity_id in db.execute_sql(
            'SELECT application_id, kind, data, occurred_at, id FROM "activity" '
            "WHERE kind IN ('moved', 'created') ORDER BY occurred_at, id"):
        details = _data(data)
        if kind == "created":
            if "import" in details:
                imported.add(app_id)
            continue
        moves.setdefault(app_id, []).append((occurred_at, details, activity_id))
    rows = []
    for app_id, stage_id, outcome, created_at, entered_at in db.execute_sql(
            'SELECT id, stage_id, outcome, created_at, stage_entered_at FROM "job_application"').fetchall():
        card_moves = moves.get(app_id, [])
        first_stage = card_moves[0][1].get("from_stage", stage_id) if card_moves else stage_id
        entries = [(first_stage, None, created_at, "import" if app_id in imported else "timeline", None)]
        for occurred_at, details, activity_id in card_moves:
            entries.append((details.get("to_stage"), details.get("outcome"), occurred_at, "timeline", activity_id))
        if entries[-1][0] != stage_id:  # a move the timeline lost (a removed stage's cards were moved, say)
            entries.append((stage_id, outcome, entered_at, "timeline", None))
        for sid, entry_outcome, when, origin, activity_id in entries:
            if sid not in stages:
                continue  # a stage removed since: its kind is unknown, so the entry cannot be placed
            kind, name = stages[sid]
            rows.append((app_id, sid, kind, name, entry_outcome, when, origin, activity_id))
    db.cursor().executemany(
        'INSERT INTO "stage_history" (application_id, stage_id, stage_kind, stage_name, outcome, entered_at, '
        "origin, activity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
