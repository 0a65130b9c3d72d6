"""`jobfollow done | snooze | skip | add | reopen`: what a person does to a follow-up, from a shell.

Each goes through the same store calls as the window's Done, Snooze, Skip and "+ Add" (then re-runs the
rules for that card, as the window does), so the window shows the result, and Edit > Undo's counterpart
from a shell is ``jobfollow reopen ID``. A bad id or date is one line on stderr and exit code 2.
"""

from __future__ import annotations

import datetime as dt
import re

from jobfollow.cli import CliError, subcommand
from jobfollow.commands.due import parse_today
from jobfollow.i18n import _
from jobfollow.profile import open_profile

# The command line's words for what happened, and the stored result each stands for.
RESULT_WORDS = {"sent": "sent", "called": "called", "reply": "reply_received", "done": "done"}
_RELATIVE = re.compile(r"^\+(\d{1,4})d$")


def _common(parser) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=_("pretend today is this date"))


def _id_argument(parser) -> None:
    parser.add_argument("followup_id", metavar="ID", help=_("the follow-up's id (the first column of `due --json`)"))


@subcommand("done", _("mark a follow-up done, with what happened"))
def _configure_done(parser) -> None:
    _id_argument(parser)
    parser.add_argument("--result", choices=sorted(RESULT_WORDS), default="done",
                        help=_("what happened: sent, called, reply (they answered) or done"))
    _common(parser)
    parser.set_defaults(handler=run_done)


@subcommand("snooze", _("put a follow-up off until a date (YYYY-MM-DD, or +3d for three days from today)"))
def _configure_snooze(parser) -> None:
    _id_argument(parser)
    parser.add_argument("until", metavar="DATE", help=_("YYYY-MM-DD or +Nd"))
    _common(parser)
    parser.set_defaults(handler=run_snooze)


@subcommand("skip", _("skip a follow-up (a skipped status check stops that series)"))
def _configure_skip(parser) -> None:
    _id_argument(parser)
    _common(parser)
    parser.set_defaults(handler=run_skip)


@subcommand("reopen", _("put a done, snoozed or skipped follow-up back to open (undo)"))
def _configure_reopen(parser) -> None:
    _id_argument(parser)
    _common(parser)
    parser.set_defaults(handler=run_reopen)


@subcommand("add", _("add a follow-up of your own to a card"))
def _configure_add(parser) -> None:
    parser.add_argument("card", metavar="CARD", help=_("the card's id (the card field of `due --json`)"))
    parser.add_argument("title", metavar="TITLE", help=_("what to do"))
    parser.add_argument("due", metavar="DATE", help=_("YYYY-MM-DD or +Nd"))
    _common(parser)
    parser.set_defaults(handler=run_add)


def parse_day(text: str, today: dt.date) -> dt.date:
    """An ISO date, or +Nd counted from ``today``; CliError otherwise."""
    text = text.strip()
    relative = _RELATIVE.match(text)
    if relative:
        return today + dt.timedelta(days=int(relative.group(1)))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(_("{text!r} is not a date: give YYYY-MM-DD or +Nd (e.g. +3d)").format(text=text)) from None


def _number(text: str, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise CliError(_("{what} must be a number, not {text!r}").format(what=what, text=text)) from None
    if value <= 0:
        raise CliError(_("{what} must be a number, not {text!r}").format(what=what, text=text))
    return value


def _pending(followup_id: int, action: str) -> dict:
    """The follow-up's row, if it exists on a live card and is open or snoozed; CliError otherwise."""
    from jobfollow.store.followups import followup_row
    from jobfollow.store.models import JobApplication

    try:
        row = followup_row(followup_id)
    except LookupError:
        raise CliError(_("There is no follow-up {id}; `jobfollow due` lists them.").format(id=followup_id)) from None
    card = JobApplication.get_or_none(JobApplication.id == row["application_id"])
    if card is None or card.deleted_at is not None:
        raise CliError(_("Follow-up {id} belongs to a deleted card.").format(id=followup_id))
    if action and row["state"] not in ("open", "snoozed"):
        raise CliError(_("Follow-up {id} is already {state}; `jobfollow reopen {id}` puts it back first.").format(
            id=followup_id, state=_state_word(row["state"])))
    return row


def _state_word(state: str) -> str:
    return {"done": _("done"), "skipped": _("skipped"), "snoozed": _("snoozed"), "open": _("open")}.get(state, state)


def _settle(application_id: int, today: dt.date) -> None:
    """Re-run the rules for the card, as the window does after each step (a done check may call for the next)."""
    from jobfollow.store.followups import refresh_followups

    refresh_followups([application_id], today=today)


def _say(text: str) -> int:
    print(text)
    return 0


def run_done(args) -> int:
    from jobfollow.store import followups as store

    today = parse_today(args.today)
    followup_id = _number(args.followup_id, "ID")
    with open_profile(args.profile) as profile, profile.db.atomic():
        row = _pending(followup_id, "done")
        when = dt.datetime.combine(today, dt.datetime.now().time()).replace(microsecond=0)
        store.mark_done(followup_id, RESULT_WORDS[args.result], when=when)
        _settle(row["application_id"], today)
    return _say(_("Done: {title}. To undo: jobfollow reopen {id}").format(title=row["title"], id=followup_id))


def run_snooze(args) -> int:
    from jobfollow.store import followups as store

    today = parse_today(args.today)
    followup_id = _number(args.followup_id, "ID")
    until = parse_day(args.until, today)
    if until <= today:
        raise CliError(_("Snooze until a day after today ({today}), not {date}.").format(
            today=today.isoformat(), date=until.isoformat()))
    with open_profile(args.profile):
        row = _pending(followup_id, "snooze")
        store.snooze(followup_id, until)
    return _say(_("Snoozed until {date}: {title}. To undo: jobfollow reopen {id}").format(
        date=until.isoformat(), title=row["title"], id=followup_id))


def run_skip(args) -> int:
    from jobfollow.store import followups as store

    today = parse_today(args.today)
    followup_id = _number(args.followup_id, "ID")
    with open_profile(args.profile) as profile, profile.db.atomic():
        row = _pending(followup_id, "skip")
        store.skip(followup_id)
        _settle(row["application_id"], today)
    return _say(_("Skipped: {title}. To undo: jobfollow reopen {id}").format(title=row["title"], id=followup_id))


def run_reopen(args) -> int:
    from jobfollow.store import followups as store

    today = parse_today(args.today)
    followup_id = _number(args.followup_id, "ID")
    with open_profile(args.profile) as profile, profile.db.atomic():
        row = _pending(followup_id, "")
        if row["state"] == "open":
            return _say(_("Follow-up {id} is already open.").format(id=followup_id))
        store.reopen(followup_id)
        _settle(row["application_id"], today)  # takes back the next check a done one had scheduled
    return _say(_("Open again: {title}").format(title=row["title"]))


def run_add(args) -> int:
    from jobfollow.store import followups as store
    from jobfollow.store.models import JobApplication

    today = parse_today(args.today)
    card_id = _number(args.card, "CARD")
    due = parse_day(args.due, today)
    title = args.title.strip()
    if not title:
        raise CliError(_("A follow-up needs a title."))
    with open_profile(args.profile):
        card = JobApplication.get_or_none(JobApplication.id == card_id)
        if card is None or card.deleted_at is not None:
            raise CliError(_("There is no card {id}; `jobfollow due --json` shows each card's id.").format(
                id=card_id))
        new_id = store.add_custom(card_id, title, due)
    return _say(_("Added follow-up {id} to {company} for {date}: {title}").format(
        id=new_id, company=card.company, date=due.isoformat(), title=title))
