"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

Each migration is frozen SQL (or a function) for the schema *as it was* at that version, so that
changing a model later never changes what an old migration does. Each runs in one transaction
together with the bump of ``user_version``: a failing migration leaves the file as it was.
Add a migration by appending to ``MIGRATIONS``; never edit a released one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peewee import SqliteDatabase

from jobfollow.store import migration_v3, migration_v4


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...] = ()
    apply: Callable[[SqliteDatabase], None] | None = None


V1_CORE = (
    'CREATE TABLE "stage" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"kind" VARCHAR(255) NOT NULL, "position" INTEGER NOT NULL, "collapsed" INTEGER NOT NULL)',
    'CREATE INDEX "stage_kind" ON "stage" ("kind")',
    'CREATE TABLE "job_application" ("id" INTEGER NOT NULL PRIMARY KEY, "company" VARCHAR(255) NOT NULL, '
    '"position_title" VARCHAR(255) NOT NULL, "stage_id" INTEGER NOT NULL, "rank" REAL NOT NULL, '
    '"stage_entered_at" DATETIME NOT NULL, "posting_url" TEXT NOT NULL, "location" VARCHAR(255) NOT NULL, '
    '"salary_range" VARCHAR(255) NOT NULL, "source" VARCHAR(255) NOT NULL, "invited_by" VARCHAR(255) NOT NULL, '
    '"tags" TEXT NOT NULL, "notes" TEXT NOT NULL, "priority" INTEGER NOT NULL, "outcome" VARCHAR(255), '
    '"applied_on" DATE, "last_activity_at" DATETIME NOT NULL, "created_at" DATETIME NOT NULL, '
    '"updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, '
    'FOREIGN KEY ("stage_id") REFERENCES "stage" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "job_application_stage_id" ON "job_application" ("stage_id")',
    'CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"title" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, '
    '"phone" VARCHAR(255) NOT NULL, "preferred_channel" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL)',
    'CREATE TABLE "application_contact" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"application_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, "role" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "application_contact_application_id" ON "application_contact" ("application_id")',
    'CREATE INDEX "application_contact_contact_id" ON "application_contact" ("contact_id")',
    'CREATE UNIQUE INDEX "application_contact_application_id_contact_id_role" '
    'ON "application_contact" ("application_id", "contact_id", "role")',
    'CREATE TABLE "interview" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"starts_at" DATETIME NOT NULL, "format" VARCHAR(255) NOT NULL, "informational" INTEGER NOT NULL, '
    '"location" VARCHAR(255) NOT NULL, "questions" TEXT NOT NULL, "answer_differently" TEXT NOT NULL, '
    '"observations" TEXT NOT NULL, "missed_points" TEXT NOT NULL, "specific_topic" TEXT NOT NULL, '
    '"decision_date" DATE, "follow_up_on" DATE, "follow_up_channel" VARCHAR(255) NOT NULL, '
    '"follow_up_interval_days" INTEGER, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "interview_application_id" ON "interview" ("application_id")',
    'CREATE TABLE "interview_attendee" ("id" INTEGER NOT NULL PRIMARY KEY, "interview_id" INTEGER NOT NULL, '
    '"contact_id" INTEGER NOT NULL, '
    'FOREIGN KEY ("interview_id") REFERENCES "interview" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "interview_attendee_interview_id" ON "interview_attendee" ("interview_id")',
    'CREATE INDEX "interview_attendee_contact_id" ON "interview_attendee" ("contact_id")',
    'CREATE UNIQUE INDEX "interview_attendee_interview_id_contact_id" '
    'ON "interview_attendee" ("interview_id", "contact_id")',
    'CREATE TABLE "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"contact_id" INTEGER, "interview_id" INTEGER, "kind" VARCHAR(255) NOT NULL, "rule_key" VARCHAR(255), '
    '"title" VARCHAR(255) NOT NULL, "reason" TEXT NOT NULL, "channel" VARCHAR(255) NOT NULL, '
    '"due_on" DATE NOT NULL, "state" VARCHAR(255) NOT NULL, "snoozed_until" DATE, '
    '"result" VARCHAR(255) NOT NULL, "done_at" DATETIME, "notified_at" DATETIME, "note" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("interview_id") REFERENCES "interview" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "follow_up_application_id" ON "follow_up" ("application_id")',
    'CREATE INDEX "follow_up_contact_id" ON "follow_up" ("contact_id")',
    'CREATE INDEX "follow_up_interview_id" ON "follow_up" ("interview_id")',
    'CREATE UNIQUE INDEX "follow_up_rule_key" ON "follow_up" ("rule_key")',
    'CREATE TABLE "activity" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"kind" VARCHAR(255) NOT NULL, "summary" TEXT NOT NULL, "data" TEXT NOT NULL, '
    '"occurred_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "activity_application_id" ON "activity" ("application_id")',
    'CREATE INDEX "activity_occurred_at" ON "activity" ("occurred_at")',
    'CREATE TABLE "setting" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, '
    '"value" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "setting_key" ON "setting" ("key")',
)

V2_LETTERS_OFFERS = (
    'CREATE TABLE "template" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, '
    '"language" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "subject" VARCHAR(255) NOT NULL, '
    '"body" TEXT NOT NULL, "builtin" INTEGER NOT NULL, "modified" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "template_key_language" ON "template" ("key", "language")',
    'CREATE TABLE "letter" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER, '
    '"contact_id" INTEGER, "template_id" INTEGER, "followup_id" INTEGER, "interview_id" INTEGER, '
    '"language" VARCHAR(255) NOT NULL, "subject" VARCHAR(255) NOT NULL, "body" TEXT NOT NULL, '
    '"state" VARCHAR(255) NOT NULL, "channel" VARCHAR(255) NOT NULL, "sent_at" DATETIME, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("template_id") REFERENCES "template" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("followup_id") REFERENCES "follow_up" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("interview_id") REFERENCES "interview" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "letter_application_id" ON "letter" ("application_id")',
    'CREATE INDEX "letter_contact_id" ON "letter" ("contact_id")',
    'CREATE INDEX "letter_template_id" ON "letter" ("template_id")',
    'CREATE INDEX "letter_followup_id" ON "letter" ("followup_id")',
    'CREATE INDEX "letter_interview_id" ON "letter" ("interview_id")',
    'CREATE TABLE "offer" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"currency" VARCHAR(255) NOT NULL, "base_salary" DECIMAL(14, 2), "pay_period" VARCHAR(255) NOT NULL, '
    '"hours_per_week" REAL NOT NULL, "bonus_target" DECIMAL(14, 2), "signing_bonus" DECIMAL(14, 2), '
    '"equity" TEXT NOT NULL, "equity_value_per_year" DECIMAL(14, 2), "vesting" VARCHAR(255) NOT NULL, '
    '"retirement_match" DECIMAL(14, 2), "health_benefits" TEXT NOT NULL, "benefits_value" DECIMAL(14, 2), '
    '"paid_days_off" INTEGER, "relocation" DECIMAL(14, 2), "tuition" DECIMAL(14, 2), '
    '"remote_terms" TEXT NOT NULL, "commute_minutes" INTEGER, "start_date" DATE, "offer_date" DATE, '
    '"deadline" DATE, "is_written" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, '
    '"ratings" TEXT NOT NULL, "worksheet" TEXT NOT NULL, "notes" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "offer_application_id" ON "offer" ("application_id")',
    'CREATE TABLE "reflection" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"feedback" TEXT NOT NULL, "went_well" TEXT NOT NULL, "prepare_differently" TEXT NOT NULL, '
    '"answers_to_rewrite" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "reflection_application_id" ON "reflection" ("application_id")',
    # The board reads a stage's cards in rank order; the agenda reads open follow-ups by due date.
    'CREATE INDEX "job_application_stage_id_rank" ON "job_application" ("stage_id", "rank")',
    'CREATE INDEX "follow_up_state_due_on" ON "follow_up" ("state", "due_on")',
)

V5_DOCUMENTS = (
    # Files attached to a card; the bytes live in the profile's documents/ folder under their sha256.
    'CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"sha256" VARCHAR(255) NOT NULL, "filename" VARCHAR(255) NOT NULL, "size" INTEGER NOT NULL, '
    '"kind" VARCHAR(255) NOT NULL, "sent_on" DATE, "sent_to" VARCHAR(255) NOT NULL, "letter_id" INTEGER, '
    '"created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("letter_id") REFERENCES "letter" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "attachment_application_id" ON "attachment" ("application_id")',
    'CREATE INDEX "attachment_sha256" ON "attachment" ("sha256")',
    'CREATE INDEX "attachment_letter_id" ON "attachment" ("letter_id")',
    # The job posting's text, kept because employers take postings down.
    'CREATE TABLE "job_posting" ("id" INTEGER NOT NULL PRIMARY KEY, "application_id" INTEGER NOT NULL, '
    '"text" TEXT NOT NULL, "source_name" VARCHAR(255) NOT NULL, "saved_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("application_id") REFERENCES "job_application" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "job_posting_application_id" ON "job_posting" ("application_id")',
    # A star and tags on one question of one interview (the questions themselves stay in the interview's text).
    'CREATE TABLE "question_mark" ("id" INTEGER NOT NULL PRIMARY KEY, "interview_id" INTEGER NOT NULL, '
    '"question" TEXT NOT NULL, "starred" INTEGER NOT NULL, "tags" TEXT NOT NULL, '
    'FOREIGN KEY ("interview_id") REFERENCES "interview" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "question_mark_interview_id" ON "question_mark" ("interview_id")',
    'CREATE UNIQUE INDEX "question_mark_interview_id_question" ON "question_mark" ("interview_id", "question")',
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables: stages, applications, contacts, interviews, follow-ups", V1_CORE),
    Migration(2, "letters, templates, offers, reflections; board and agenda indexes", V2_LETTERS_OFFERS),
    Migration(3, "stage history (filled from the timeline); how you applied, employer address and website",
              migration_v3.STATEMENTS, migration_v3.backfill),
    Migration(4, '"who invited you" becomes a person on the card with that role', (),
              migration_v4.link_inviters),
    Migration(5, "attachments, kept job postings, starred and tagged interview questions", V5_DOCUMENTS),
)

CURRENT_VERSION = MIGRATIONS[-1].version


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def pending(db: SqliteDatabase) -> list[Migration]:
    current = schema_version(db)
    return [m for m in MIGRATIONS if m.version > current]


def migrate(db: SqliteDatabase, up_to: int = CURRENT_VERSION) -> list[int]:
    """Apply every pending migration up to ``up_to``; returns the versions applied."""
    applied = []
    for migration in pending(db):
        if migration.version > up_to:
            break
        with db.atomic():
            for statement in migration.statements:
                db.execute_sql(statement)
            if migration.apply is not None:
                migration.apply(db)
            # PRAGMA takes no bound parameters; the version is our own integer.
            db.execute_sql(f"PRAGMA user_version = {int(migration.version)}")
        applied.append(migration.version)
    return applied
