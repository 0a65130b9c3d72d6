"""The short texts a board card shows: the next action and its timing, an interview, an offer, an outcome.

Rendered when painted (never stored), so they follow the interface language of the moment. The action
and its timing are separate strings: the card may shorten the action to fit, never the timing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jobfollow.core.followup_facts import Kind
from jobfollow.core.followup_kinds import KIND_TEXTS, kind_action
from jobfollow.core.followup_texts import short_date
from jobfollow.core.stages import FORMAT_LABELS, OUTCOME_LABELS, InterviewFormat, Outcome
from jobfollow.i18n import _, format_money_whole, format_number, format_relative_days, format_time, ngettext


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""


def badge_action(kind: str, title: str, contact_name: str = "") -> str:
    """"Thank Marco", "Answer the offer" (core/followup_kinds.py); the user's own follow-ups keep their title."""
    if kind not in KIND_TEXTS or kind == Kind.CUSTOM:
        return title or _("Follow-up")
    return kind_action(kind, first_name(contact_name))


def due_phrase(due: dt.date, today: dt.date) -> str:
    """"2 days overdue", "due today", "tomorrow", "in 5 days", or the date when it is more than a week away."""
    days = (due - today).days
    if days < 0:
        return ngettext("{count} day overdue", "{count} days overdue", -days).format(count=format_number(-days))
    if days == 0:
        return _("due today")
    if days <= 7:
        return format_relative_days(due, today)
    return short_date(due)


def interview_lines(starts_at: dt.datetime, interview_format: str, today: dt.date) -> tuple[str, ...]:
    """"Interview Thu 14 May 10:00 · Video", then shorter forms for a narrow card ("today" on the day)."""
    day = _("today") if starts_at.date() == today else short_date(starts_at.date())
    text = _("Interview {day} {time}").format(day=day, time=format_time(starts_at))
    try:
        label = _(FORMAT_LABELS[InterviewFormat(interview_format)])
    except (ValueError, KeyError):
        return (text,)
    return _("{interview} · {format}").format(interview=text, format=label), text


def offer_lines(amount: Decimal | float | None, currency: str, deadline: dt.date | None) -> tuple[str, ...]:
    """"Offer €85,000 · answer by Fri 12 Jun", then shorter forms for a narrow card."""
    offer = _("Offer {amount}").format(amount=format_money_whole(amount, currency)) if amount else _(
        "Offer received")
    if deadline is None:
        return (offer,)
    by = _("answer by {date}").format(date=short_date(deadline))
    return (_("{offer} · {deadline}").format(offer=offer, deadline=by),
            _("Answer the offer by {date}").format(date=short_date(deadline)), offer)


def outcome_line(outcome: str | None) -> str:
    """"Closed: Rejected"; "" for a card that is not closed."""
    if not outcome:
        return ""
    try:
        label = _(OUTCOME_LABELS[Outcome(outcome)])
    except (ValueError, KeyError):
        label = outcome
    return _("Closed: {outcome}").format(outcome=label)


def days_here(days: int) -> str:
    return _("Since today") if days <= 0 else ngettext("{count} day here", "{count} days here", days).format(
        count=days)
