"""Status checks and backing off: after an interview, and for an application still waiting for one.

A sequence belongs to one interview (``status_check:{app}:{interview}:{n}``) or, before any interview is
recorded, to the application itself (interview part ``0``): a card in Applied is checked on a while after
applying, and a card in an interview stage with no interview recorded from the day it entered the stage.
"""

from __future__ import annotations

import datetime as dt

from jobfollow.core.followup_facts import NO_REPLY_RESULTS, PENDING_STATES, ApplicationFacts, InterviewFact, Proposal
from jobfollow.core.rules_common import (
    CLOSE_SUGGESTION,
    EMAIL,
    STATUS_CHECK,
    RuleContext,
    employer_contact,
    new_proposal,
)


def first_check_due(interview: InterviewFact, ctx: RuleContext) -> tuple[dt.date, str]:
    """When the first status check falls due and why: "told" (their own date), "decision" or "no_news"."""
    settings = ctx.settings
    if interview.follow_up_on is not None:
        due, why = interview.follow_up_on, "told"  # exactly the day they named, never earlier
    elif interview.decision_date is not None:
        due, why = ctx.workdays.add(interview.decision_date, settings.after_decision_business_days), "decision"
    else:
        due, why = ctx.workdays.add(interview.on, settings.no_news_business_days), "no_news"
    if interview.follow_up_interval_days:  # "no more often than every N days" holds for the first check too
        allowed = interview.on + dt.timedelta(days=interview.follow_up_interval_days)
        if allowed > due:
            return allowed, "interval"
    return due, why


def application_check_due(app: ApplicationFacts, ctx: RuleContext, applied: bool) -> tuple[dt.date, str]:
    """The first check of a card with no interview recorded: after applying ("applied"), or after it
    entered an interview stage ("stage")."""
    if applied:
        start = app.applied_on or app.stage_entered_on
        return start + dt.timedelta(days=ctx.settings.applied_first_check_days), "applied"
    return ctx.workdays.add(app.stage_entered_on, ctx.settings.no_news_business_days), "stage"


_UNKNOWN = object()


def status_checks(app: ApplicationFacts, interview: InterviewFact | None, ctx: RuleContext, out: list[Proposal],
                  first: tuple[dt.date, str] | None = None, contact=_UNKNOWN) -> None:
    """The next check of the sequence (or the suggestion to close the card); ``interview`` None for the
    application's own sequence, whose first check is ``first``. ``contact``: the employer contact, when the
    caller has already looked it up (see :func:`employer_contact`)."""
    settings = ctx.settings
    prefix = f"status_check:{app.id}:{interview.id if interview else 0}:"
    # Only finished checks decide what comes next; a pending one with the proposed key is simply kept
    # (and any other pending one retired, e.g. the follow-on of a check whose "done" was undone).
    checks = []
    if app.checks:
        cut = len(prefix)
        checks = [(int(c.rule_key[cut:]), c) for c in app.checks
                  if c.state not in PENDING_STATES and c.rule_key.startswith(prefix)]
        if len(checks) > 1:
            checks.sort(key=_number)
    if contact is _UNKNOWN:
        contact = employer_contact(app, interview)
    if interview is not None:
        interval = interview.follow_up_interval_days
        channel = interview.follow_up_channel or (contact and contact.preferred_channel) or \
            settings.status_check_channel
    else:  # nobody has spoken to you yet: a short e-mail, unless the person prefers otherwise
        interval, channel = None, (contact and contact.preferred_channel) or EMAIL
    if not checks:
        due, why = first if first is not None else first_check_due(interview, ctx)
        out.append(new_proposal(Proposal, (prefix + "1", STATUS_CHECK, app, due, channel, contact, interview,
                                           (1, why, 0))))
        return
    number, last = checks[-1]
    if last.state != "done" or last.done_on is None:
        return  # the user skipped the last check: they chose to stop asking
    unanswered = unanswered_streak(checks, app.last_reply_on)
    if unanswered == 0:
        # They answered: start over gently, one short interval after the reply.
        start, weeks = max(app.last_reply_on or last.done_on, last.done_on), settings.backoff_first_weeks
    else:
        start, weeks = last.done_on, settings.backoff_weeks[min(unanswered, 3) - 1]
    gap = weeks * 7
    if interval:  # never more often than they allowed
        gap = max(gap, interval)
    due = start + dt.timedelta(days=gap)
    if unanswered >= settings.max_unanswered_checks:
        out.append(new_proposal(Proposal, (f"close_suggestion:{app.id}:{interview.id if interview else 0}",
                                           CLOSE_SUGGESTION, app, due, "", None, interview, (unanswered,))))
        return
    out.append(new_proposal(Proposal, (f"{prefix}{number + 1}", STATUS_CHECK, app, due, channel, contact, interview,
                                       (number + 1, "backoff" if unanswered else "reply", unanswered))))


def _number(pair: tuple) -> int:
    return pair[0]


def unanswered_streak(checks: list, last_reply_on: dt.date | None) -> int:
    """Done checks since the employer last answered (a reply on or after a check answers it)."""
    streak = 0
    for _number, check in reversed(checks):
        if check.state != "done":
            continue
        if check.result not in NO_REPLY_RESULTS:
            break  # "reply received"
        if last_reply_on is not None and check.done_on is not None and last_reply_on >= check.done_on:
            break
        streak += 1
    return streak
