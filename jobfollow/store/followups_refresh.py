"""Run the follow-up rules and store what changed.

``refresh_followups`` upserts the rules' proposals by ``rule_key``: it never duplicates, and it never undoes
what the user did (done, snoozed, skipped rows keep their state; only the text and date of a pending one follow
the facts). A pending rule follow-up whose facts are gone is *retired*: deleted when the user never touched it
(open, no letter drafted for it), otherwise marked skipped with a note.

Only the difference is written, in one transaction, through prepared statements (``executemany``): peewee
built and converted one query per row, three quarters of a first refresh at 10,000 cards. A
:class:`RefreshMemo` (the follow-up service keeps one) makes the every-card refresh incremental: a card whose
facts hash and context are those of the last run, and whose follow-ups the date alone cannot have changed
(:func:`core.rules_horizon.stable_until`), is neither run nor compared again.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Collection
from dataclasses import dataclass, field

import peewee

from jobfollow import __version__
from jobfollow.core import settings_registry as keys
from jobfollow.core.followup_facts import PENDING_STATES, ApplicationFacts, Kind, Proposal
from jobfollow.core.followup_settings import SETTINGS_KEY, FollowUpSettings
from jobfollow.core.followup_texts import describer
from jobfollow.core.rules import RuleContext, derive_followups
from jobfollow.core.rules_horizon import stable_until
from jobfollow.core.rules_offers import earliest_offers
from jobfollow.core.workdays import Workdays
from jobfollow.i18n import current_language
from jobfollow.store.followup_facts_loader import (
    accepted_applications,
    load_application_facts,
    pending_offer_deadlines,
)
from jobfollow.store.models import FollowUp, now
from jobfollow.store.settings import get_user_details, read, set_setting

RETIRED_NOTE = "retired: no longer applies"
# Follow-ups whose rule looks across cards: refreshing one card must also refresh the others.
CROSS_CARD_KINDS = (Kind.WITHDRAW.value, Kind.OFFER_PENDING.value)
_TABLE = FollowUp._meta.table_name
_INSERT = (f'INSERT INTO "{_TABLE}" (application_id, contact_id, interview_id, kind, rule_key, title, reason, '
           "channel, due_on, state, result, note, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', '', ?, ?)")
# A pending follow-up moved later is announced again when its new day comes (notified_at cleared).
_UPDATE = (f'UPDATE "{_TABLE}" SET title = ?, reason = ?, channel = ?, contact_id = ?, interview_id = ?, '
           "updated_at = ?, notified_at = CASE WHEN ? > due_on THEN NULL ELSE notified_at END, due_on = ? "
           "WHERE id = ?")
_BIG_SCOPE = 2000  # above this many cards, read every stored follow-up and pick in Python (no huge IN list)


@dataclass(frozen=True)
class RefreshReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    #: cards whose stored follow-ups changed (created, updated or retired ones)
    application_ids: frozenset[int] = field(default=frozenset(), repr=False)
    #: follow-ups updated or retired (a created one is known by its card)
    followup_ids: frozenset[int] = field(default=frozenset(), repr=False)
    #: cards the rules ran for (the others were unchanged since the last run of the memo)
    cards_run: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)


@dataclass
class RefreshMemo:
    """What earlier runs in this process stored, per card: the hash of its facts, and the day from which the
    date alone may change its follow-ups (None: never). Valid with the same context only."""

    context: str = ""
    cards: dict[int, tuple[int, dt.date, dt.date | None]] = field(default_factory=dict)

    def is_current(self, app: ApplicationFacts, facts_hash: int, today: dt.date) -> bool:
        seen = self.cards.get(app.id)
        if seen is None or seen[0] != facts_hash:
            return False
        _hash, ran_on, until = seen
        return ran_on <= today and (until is None or today < until)

    def clear(self) -> None:
        self.context, self.cards = "", {}


def followup_settings() -> FollowUpSettings:
    return FollowUpSettings.from_dict(read(keys.FOLLOWUP_SETTINGS))


def save_followup_settings(settings: FollowUpSettings) -> None:
    set_setting(SETTINGS_KEY, settings.to_dict())


def rule_context(today: dt.date | None = None) -> RuleContext:
    user = get_user_details()
    return RuleContext(today=today or dt.date.today(), settings=followup_settings(),
                       workdays=Workdays(user.country), user=user, accepted=accepted_applications(),
                       pending_offers=pending_offer_deadlines())


def context_key(ctx: RuleContext) -> str:
    """Everything a run reads besides the cards' own facts and the date, and what the texts are written in."""
    front = earliest_offers(ctx.pending_offers, ctx.today) if ctx.pending_offers else ()
    return repr((__version__, current_language(), ctx.settings, ctx.user, ctx.workdays.country, ctx.accepted,
                 front))


def _widen_scope(ids: set[int], ctx: RuleContext) -> set[int] | None:
    """None (every card) when a changed card is, or was, the accepted one others withdraw for, or holds an
    offer the other processes hear about (one of the two with the nearest deadlines)."""
    if any(a.id in ids for a in ctx.accepted) or any(
            o.id in ids for o in earliest_offers(ctx.pending_offers, ctx.today)):
        return None
    db = FollowUp._meta.database
    for kind in CROSS_CARD_KINDS:
        # The cards that pending follow-ups of this kind name in their key's last part (the accepted card, the
        # card holding the offer): a range on the unique rule_key index ("withdraw:" <= key < "withdraw;"),
        # reduced in SQLite to the few distinct names; "+state" keeps SQLite off the much wider state index.
        named = db.execute_sql(
            "SELECT DISTINCT substr(rule_key, length(rtrim(rule_key, '0123456789')) + 1) FROM "
            f'"{_TABLE}" WHERE rule_key >= ? AND rule_key < ? AND +state IN (?, ?)',
            (f"{kind}:", f"{kind};", *PENDING_STATES)).fetchall()
        if any(value.isdigit() and int(value) in ids for (value,) in named):
            return None
    return ids


def refresh_followups(application_ids: Collection[int] | None = None, today: dt.date | None = None, *,
                      memo: RefreshMemo | None = None) -> RefreshReport:
    """Run the rules for these cards (every live card when None) and store the difference. With a ``memo``,
    cards unchanged since its last run are skipped (the cards named in ``application_ids`` never are)."""
    ctx = rule_context(today)
    scope = None if application_ids is None else _widen_scope(set(application_ids), ctx)
    db = FollowUp._meta.database
    # Take the write lock before reading: the window and `jobfollow due` may refresh at the same moment,
    # and a reader that later wants to write could find its snapshot stale.
    try:
        with db.atomic() if db.in_transaction() else db.atomic("IMMEDIATE"):
            facts = load_application_facts(scope)
            if memo is not None:
                facts = _changed_only(facts, ctx, memo, set(application_ids or ()))
            proposals = derive_followups(facts, ctx)
            whole = scope is None and memo is None
            return _store(proposals, None if whole else [f.id for f in facts], len(facts))
    except BaseException:
        if memo is not None:
            memo.clear()  # nothing of this run was kept: the next one starts from scratch
        raise


def _changed_only(facts: list[ApplicationFacts], ctx: RuleContext, memo: RefreshMemo,
                  forced: set[int]) -> list[ApplicationFacts]:
    """The cards whose follow-ups may differ from what the memo's runs stored; the memo learns this run."""
    key = context_key(ctx)
    if key != memo.context:
        memo.clear()
        memo.context = key
    today, cards, changed = ctx.today, memo.cards, []
    for app in facts:
        facts_hash = hash(app)
        if app.id in forced or not memo.is_current(app, facts_hash, today):
            changed.append(app)
            cards[app.id] = (facts_hash, today, stable_until(app, today))
    return changed


def _existing(scope: list[int] | None) -> dict[str, tuple]:
    """Stored rule follow-ups by rule key, as SQLite's own tuples (dates stay ISO text)."""
    db = FollowUp._meta.database
    columns = ("SELECT f.id, f.rule_key, f.state, f.due_on, f.title, f.reason, f.channel, f.contact_id, "
               f'f.interview_id, f.application_id FROM "{_TABLE}" AS f ')
    if scope is None:  # a deleted card keeps its follow-ups as they were, so Undo brings them back whole
        rows = db.execute_sql(columns + "JOIN job_application AS a ON a.id = f.application_id "
                              "WHERE f.rule_key IS NOT NULL AND a.deleted_at IS NULL").fetchall()
    elif not scope:
        rows = []
    elif len(scope) > _BIG_SCOPE:
        wanted = set(scope)
        rows = [row for row in db.execute_sql(columns + "WHERE f.rule_key IS NOT NULL").fetchall()
                if row[9] in wanted]
    else:
        marks = ", ".join("?" * len(scope))
        rows = db.execute_sql(columns + f"WHERE f.application_id IN ({marks}) AND f.rule_key IS NOT NULL",
                              scope).fetchall()
    return {row[1]: row for row in rows}


def _store(proposals: list[Proposal], scope: list[int] | None, cards_run: int) -> RefreshReport:
    collecting = gc.isenabled()
    gc.disable()  # only acyclic tuples are made here; see load_application_facts
    try:
        return _write(proposals, scope, cards_run)
    finally:
        if collecting:
            gc.enable()


def _write(proposals: list[Proposal], scope: list[int] | None, cards_run: int) -> RefreshReport:
    existing = _existing(scope)
    describe = describer()
    stamp = str(now())
    inserts, updates, touched_cards, touched_rows = [], [], set(), set()
    iso: dict[dt.date, str] = {}  # a few hundred distinct days among tens of thousands of follow-ups
    pop, append = existing.pop, inserts.append
    for p in proposals:
        key, kind, app, due_on_day, channel_now, contact, interview, _detail = p
        row = pop(key, None)
        contact_id = contact.id if contact is not None else None
        interview_id = interview.id if interview is not None else None
        due = iso.get(due_on_day)
        if due is None:
            due = iso[due_on_day] = due_on_day.isoformat()
        if row is None:
            title, reason = describe(p)
            append((app.id, contact_id, interview_id, kind, key, title, reason, channel_now, due, stamp, stamp))
            continue
        row_id, _key, state, due_on, old_title, old_reason, channel, old_contact, old_interview, app_id = row
        if state not in PENDING_STATES:
            continue  # done or skipped: what the user did stands
        title, reason = describe(p)
        if (due_on, old_title, old_reason, channel, old_contact, old_interview) == (
                due, title, reason, channel_now, contact_id, interview_id):
            continue
        updates.append((title, reason, channel_now, contact_id, interview_id, stamp, due, due, row_id))
        touched_cards.add(app_id)
        touched_rows.add(row_id)
    touched_cards.update(row[0] for row in inserts)
    with peewee.__exception_wrapper__:  # SQLite's errors arrive as peewee's, as from any other query
        cursor = FollowUp._meta.database.cursor()
        if inserts:
            cursor.executemany(_INSERT, inserts)
        if updates:
            cursor.executemany(_UPDATE, updates)
    gone = [row for row in existing.values() if row[2] in PENDING_STATES]
    retired = _retire(gone, stamp)
    touched_cards.update(row[9] for row in gone)
    touched_rows.update(row[0] for row in gone)
    return RefreshReport(len(inserts), len(updates), retired, frozenset(touched_cards), frozenset(touched_rows),
                         cards_run)


def _retire(rows: list[tuple], stamp: str) -> int:
    if not rows:
        return 0
    db = FollowUp._meta.database
    ids = [row[0] for row in rows]
    with_letters = set()
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        with_letters.update(fid for (fid,) in db.execute_sql(
            f"SELECT followup_id FROM letter WHERE followup_id IN ({marks})", part).fetchall())
    untouched = [(row[0],) for row in rows if row[2] == "open" and row[0] not in with_letters]
    kept = [(RETIRED_NOTE, stamp, row[0]) for row in rows if row[2] != "open" or row[0] in with_letters]
    with peewee.__exception_wrapper__:
        cursor = db.cursor()
        if untouched:
            cursor.executemany(f'DELETE FROM "{_TABLE}" WHERE id = ?', untouched)
        if kept:
            cursor.executemany(f"UPDATE \"{_TABLE}\" SET state = 'skipped', note = ?, updated_at = ? WHERE id = ?",
                               kept)
    return len(ids)
