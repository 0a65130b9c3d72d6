"""Peewee models for the whole vocabulary of DESIGN.md.

The schema itself is owned by ``migrations.py`` (frozen DDL per version); these classes describe
the newest version, and a test checks that both agree column for column.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DecimalField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _money(**kwargs) -> DecimalField:
    return DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True, **kwargs)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Stage(BaseModel):
    name = CharField()
    kind = CharField(index=True)  # core.stages.StageKind
    position = IntegerField(default=0)
    collapsed = BooleanField(default=False)


class JobApplication(BaseModel):
    company = CharField()
    position_title = CharField()
    stage = ForeignKeyField(Stage, backref="applications", on_delete="RESTRICT")
    rank = FloatField(default=0.0)  # order inside the stage; floats let a drop land between two cards
    stage_entered_at = DateTimeField(default=now)
    posting_url = TextField(default="")
    location = CharField(default="")
    salary_range = CharField(default="")
    source = CharField(default="")
    invited_by = CharField(default="")
    how_applied = CharField(default="")  # core.worksearch.ApplyMethod, "" when not recorded
    employer_address = TextField(default="")  # what a job centre's log asks for
    employer_website = CharField(default="")
    tags = TextField(default="")  # comma-separated, as typed
    notes = TextField(default="")
    priority = IntegerField(default=0)  # 0 none, 1 starred
    outcome = CharField(null=True)  # core.stages.Outcome when closed
    applied_on = DateField(null=True)
    last_activity_at = DateTimeField(default=now)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    deleted_at = DateTimeField(null=True)  # soft delete so Undo can bring a card back whole

    class Meta:
        indexes = ((("stage", "rank"), False),)

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class Contact(BaseModel):
    name = CharField()
    title = CharField(default="")
    organisation = CharField(default="")
    email = CharField(default="")
    phone = CharField(default="")
    preferred_channel = CharField(default="")  # core.stages.Channel, "" for no preference
    notes = TextField(default="")
    created_at = DateTimeField(default=now)


class ApplicationContact(BaseModel):
    """A contact's role on one application (a recruiter or reference appears on many)."""

    application = ForeignKeyField(JobApplication, backref="contact_links", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="application_links", on_delete="CASCADE")
    role = CharField()  # core.stages.ContactRole

    class Meta:
        indexes = ((("application", "contact", "role"), True),)


class Interview(BaseModel):
    application = ForeignKeyField(JobApplication, backref="interviews", on_delete="CASCADE")
    starts_at = DateTimeField()
    format = CharField(default="video")  # core.stages.InterviewFormat
    informational = BooleanField(default=False)
    location = CharField(default="")
    questions = TextField(default="")  # questions asked and how you answered
    answer_differently = TextField(default="")
    observations = TextField(default="")  # the place and its atmosphere
    missed_points = TextField(default="")  # points you meant to make and did not
    specific_topic = TextField(default="")  # something specific to mention in the thank-you
    decision_date = DateField(null=True)  # the date they gave for a decision
    follow_up_on = DateField(null=True)  # when they said you may follow up
    follow_up_channel = CharField(default="")  # how they said to follow up
    follow_up_interval_days = IntegerField(null=True)  # "no more often than every N days"
    notes = TextField(default="")
    created_at = DateTimeField(default=now)


class InterviewAttendee(BaseModel):
    interview = ForeignKeyField(Interview, backref="attendees", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="interviews_attended", on_delete="CASCADE")

    class Meta:
        indexes = ((("interview", "contact"), True),)


class FollowUp(BaseModel):
    application = ForeignKeyField(JobApplication, backref="followups", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    interview = ForeignKeyField(Interview, null=True, on_delete="SET NULL")
    kind = CharField()  # thank_you, status_check, reference_alert, ... or custom
    rule_key = CharField(null=True, unique=True)  # set by the rules engine; None for the user's own
    title = CharField(default="")
    reason = TextField(default="")
    channel = CharField(default="email")
    due_on = DateField()
    state = CharField(default="open")  # open, done, snoozed, skipped
    snoozed_until = DateField(null=True)
    result = CharField(default="")  # sent, called, reply_received
    done_at = DateTimeField(null=True)
    notified_at = DateTimeField(null=True)
    note = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("state", "due_on"), False),)


class Template(BaseModel):
    key = CharField()  # e.g. thank_you_interview; user templates get their own keys
    language = CharField(default="en")
    name = CharField()
    subject = CharField(default="")
    body = TextField(default="")
    builtin = BooleanField(default=False)
    modified = BooleanField(default=False)  # a built-in the user edited is not reseeded over
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("key", "language"), True),)


class Letter(BaseModel):
    application = ForeignKeyField(JobApplication, backref="letters", null=True, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    template = ForeignKeyField(Template, null=True, on_delete="SET NULL")
    followup = ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")
    interview = ForeignKeyField(Interview, null=True, on_delete="SET NULL")
    language = CharField(default="en")
    subject = CharField(default="")
    body = TextField(default="")
    state = CharField(default="draft")  # draft, sent
    channel = CharField(default="email")
    sent_at = DateTimeField(null=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class Offer(BaseModel):
    application = ForeignKeyField(JobApplication, backref="offers", on_delete="CASCADE")
    currency = CharField(default="USD")
    base_salary = _money()
    pay_period = CharField(default="year")  # year, month, week, hour
    hours_per_week = FloatField(default=40.0)
    bonus_target = _money()
    signing_bonus = _money()
    equity = TextField(default="")
    equity_value_per_year = _money()
    vesting = CharField(default="")
    retirement_match = _money()  # yearly value of the employer's contribution
    health_benefits = TextField(default="")
    benefits_value = _money()  # yearly value the user puts on health and other benefits
    paid_days_off = IntegerField(null=True)
    relocation = _money()
    tuition = _money()
    remote_terms = TextField(default="")
    commute_minutes = IntegerField(null=True)
    start_date = DateField(null=True)
    offer_date = DateField(null=True)
    deadline = DateField(null=True)
    is_written = BooleanField(default=False)
    status = CharField(default="pending")  # pending, countered, accepted, declined
    ratings = TextField(default="{}")  # JSON: workplace values rated 1-5 (growth, commute, flexibility, ...)
    worksheet = TextField(default="{}")  # JSON: negotiation worksheet
    notes = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class Reflection(BaseModel):
    """What a closed application taught: feedback received and the user's own review."""

    application = ForeignKeyField(JobApplication, backref="reflections", unique=True, on_delete="CASCADE")
    feedback = TextField(default="")
    went_well = TextField(default="")
    prepare_differently = TextField(default="")
    answers_to_rewrite = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class Activity(BaseModel):
    application = ForeignKeyField(JobApplication, backref="activities", on_delete="CASCADE")
    kind = CharField()  # created, moved, edited, letter, call, note, interview, followup, offer
    summary = TextField(default="")
    data = TextField(default="{}")  # JSON details (ids, from/to stage, ...)
    occurred_at = DateTimeField(default=now, index=True)


class StageHistory(BaseModel):
    """One stage a card entered, kept for good: closing, renaming or removing the stage never loses it.

    Kind and name are copied at the moment of the move, so a later rename or removal leaves the record true.
    ``origin`` says where the entry came from: "board" (recorded in jobfollow as it happened), "timeline"
    (rebuilt from the timeline when this table was added), "import" (the stage a file gave; nothing before it
    is known).
    """

    application = ForeignKeyField(JobApplication, backref="stage_history", on_delete="CASCADE")
    stage = ForeignKeyField(Stage, null=True, on_delete="SET NULL")
    stage_kind = CharField()  # core.stages.StageKind
    stage_name = CharField(default="")
    outcome = CharField(null=True)
    entered_at = DateTimeField(default=now)
    origin = CharField(default="board")
    activity = ForeignKeyField(Activity, null=True, on_delete="SET NULL")  # the "moved" entry, for undo


class Attachment(BaseModel):
    """A file sent to (or received from) the employer; its bytes are stored once under their sha256."""

    application = ForeignKeyField(JobApplication, backref="attachments", on_delete="CASCADE")
    sha256 = CharField(index=True)
    filename = CharField()  # the name it had when attached
    size = IntegerField()
    kind = CharField()  # core.documents.DocumentKind
    sent_on = DateField(null=True)
    sent_to = CharField(default="")
    letter = ForeignKeyField(Letter, null=True, on_delete="SET NULL")  # a letter written here, kept as sent
    created_at = DateTimeField(default=now)


class JobPosting(BaseModel):
    application = ForeignKeyField(JobApplication, backref="postings", unique=True, on_delete="CASCADE")
    text = TextField(default="")
    source_name = CharField(default="")  # the file it came from, "" when pasted
    saved_at = DateTimeField(default=now)


class QuestionMark(BaseModel):
    """A star and tags on one question of one interview."""

    interview = ForeignKeyField(Interview, backref="question_marks", on_delete="CASCADE")
    question = TextField()
    starred = BooleanField(default=False)
    tags = TextField(default="")

    class Meta:
        indexes = ((("interview", "question"), True),)


class Setting(BaseModel):
    key = CharField(unique=True)
    value = TextField(default="null")  # JSON


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Stage,
    JobApplication,
    Contact,
    ApplicationContact,
    Interview,
    InterviewAttendee,
    FollowUp,
    Template,
    Letter,
    Offer,
    Reflection,
    Activity,
    Attachment,
    JobPosting,
    QuestionMark,
    Setting,
    StageHistory,
)
