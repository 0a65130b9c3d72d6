"""How long a card's follow-ups stay what they are when only the date moves on.

The rules read the date in three places: an interview counts once its day has come (thank-yous, checks,
the network check-in), the next round is prepared until its day has passed, and a reference is alerted
"today" while the card's stage-entry date lies ahead. Everything else they read is the card's facts and the
run's context. So, with the facts and the context unchanged, a card proposes the same follow-ups on every
day from ``today`` up to (not including) :func:`stable_until`; an incremental refresh runs the rules again
only for the cards whose day has come. ``tests/test_rules_properties.py`` checks this against the rules.
"""

from __future__ import annotations

import datetime as dt

from jobfollow.core.followup_facts import ApplicationFacts

DAY = dt.timedelta(days=1)


def stable_until(app: ApplicationFacts, today: dt.date) -> dt.date | None:
    """The first day after ``today`` on which the rules may propose something else for ``app`` with the same facts
    and context, or None when the date alone never changes them."""
    soonest = None
    for interview in app.interviews:
        on = interview.on
        if on >= today:  # becomes past on its day; stops being the upcoming round the day after
            day = on if on > today else today + DAY
            if soonest is None or day < soonest:
                soonest = day
    if app.stage_entered_on > today:  # "due now" follows the date until the stage-entry day
        soonest = today + DAY
    return soonest
