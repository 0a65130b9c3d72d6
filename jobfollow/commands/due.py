"""`jobfollow due`: the open follow-ups, overdue first, from the same rules and store as the window.

Kept free of Qt so it starts fast enough for a shell prompt or a cron job.
"""

from __future__ import annotations

import datetime as dt
import json

from jobfollow.cli import CliError, subcommand
from jobfollow.core.validation import parse_date
from jobfollow.i18n import _
from jobfollow.profile import open_profile


@subcommand("due", _("list the open follow-ups, overdue first (runs the follow-up rules first)"))
def _configure_due(parser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print a JSON list (fields in docs/followups.md)"))
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=_("pretend today is this date"))
    parser.set_defaults(handler=run_due)


def parse_today(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    day, problem = parse_date(text)
    if day is None or problem is not None:
        raise CliError(_("--today wants a date like 2026-05-04, not {text!r}").format(text=text))
    return day


def run_due(args) -> int:
    today = parse_today(args.today)
    from jobfollow.store.followups import latest_acceptable, pending_followups, refresh_followups

    with open_profile(args.profile):
        refresh_followups(today=today)
        items = pending_followups()
        latest = latest_acceptable(items) if args.json else {}
    if args.json:
        # One object a line: readable, and the C encoder stays in use (indent= falls back to pure Python).
        rows = ",\n ".join(json.dumps(item.to_json(latest.get(item.id)), ensure_ascii=False) for item in items)
        return _emit(f"[{rows}]" if not rows else f"[\n {rows}\n]")
    return _emit(format_listing(items, today))


def _emit(text: str) -> int:
    """Print, and stay quiet when the reader went away early (``jobfollow due | head``)."""
    import os
    import sys

    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def format_listing(items, today: dt.date) -> str:
    from jobfollow.core.followup_texts import channel_label, short_date
    from jobfollow.i18n import format_relative_days

    if not items:
        return _("Nothing is due. Well done.")
    lines, heading = [], None
    for item in items:
        group = _("Overdue") if item.due_on < today else _("Today") if item.due_on == today else _("Coming up")
        if group != heading:
            if lines:
                lines.append("")
            lines.append(group)
            heading = group
        when = _("{date} ({relative})").format(date=short_date(item.due_on),
                                               relative=format_relative_days(item.due_on, today))
        how = channel_label(item.channel)
        card = _("{company}, {position}").format(company=item.company, position=item.position)
        lines.append(f"  {when}  {item.title}" + (f" ({how})" if how else ""))
        lines.append(f"      {card}")
        if item.reason:
            lines.append(f"      {item.reason}")
    return "\n".join(lines)
