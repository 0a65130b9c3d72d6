"""Follow-ups done, skipped and overdue, and how often a status check got a reply."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from jobfollow.core.insights.records import CardRecord, FollowUpRecord

STATUS_CHECK = "status_check"


@dataclass(frozen=True)
class FollowUpStats:
    done: int
    skipped: int
    overdue: int
    upcoming: int
    checks_done: int
    checks_answered: int

    @property
    def answer_rate(self) -> float | None:
        return self.checks_answered / self.checks_done if self.checks_done else None


def followup_stats(followups: list[FollowUpRecord], cards: list[CardRecord], today: dt.date) -> FollowUpStats:
    """A done status check counts as answered when it was marked "reply received", or when a reply or an
    answering move reached the card after it and before the next check."""
    done = skipped = overdue = upcoming = 0
    checks: dict[int, list[dt.date]] = defaultdict(list)
    answered = 0
    for item in followups:
        if item.state == "done":
            done += 1
            if item.kind == STATUS_CHECK and item.done_on is not None:
                if item.result == "reply_received":
                    answered += 1
                else:
                    checks[item.application_id].append(item.done_on)
        elif item.state == "skipped":
            skipped += 1
        elif item.effective_due < today:
            overdue += 1
        else:
            upcoming += 1
    checks_done = answered + sum(len(days) for days in checks.values())
    if checks:
        from jobfollow.core.insights.responses import first_answer_after

        by_id = {card.id: card for card in cards}
        for app_id, days in checks.items():
            card = by_id.get(app_id)
            if card is None:
                continue
            days.sort()
            for index, day in enumerate(days):
                answer = first_answer_after(card, dt.datetime.combine(day, dt.time.min))
                limit = days[index + 1] if index + 1 < len(days) else None
                if answer is not None and (limit is None or answer.date() < limit):
                    answered += 1
    return FollowUpStats(done, skipped, overdue, upcoming, checks_done, answered)
