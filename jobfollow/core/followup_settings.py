"""The timings the follow-up rules use: each has a default, and where the guides give a range,
the range the settings page allows.

Stored in the profile as one JSON object under ``followups.timings``; unknown keys are ignored
and out-of-range values are clamped, so a hand-edited or older profile can never break the rules.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from jobfollow.core.settings_registry import FOLLOWUP_SETTINGS
from jobfollow.core.stages import Channel
from jobfollow.i18n import N_

SETTINGS_KEY = FOLLOWUP_SETTINGS.name


@dataclass(frozen=True)
class Timing:
    key: str
    label: str  # N_-marked; shown with _()
    default: int
    low: int
    high: int
    unit: str  # "business days", "days", "weeks", "checks"


# Where each number comes from is in docs/followups.md.
TIMINGS: tuple[Timing, ...] = (
    Timing("applied_first_check_days", N_("Application: days after applying before the first check"), 10, 7, 14,
           "days"),
    Timing("thank_you_latest_business_days", N_("Thank-you: latest, in business days after the interview"), 2, 1, 2,
           "business days"),
    Timing("after_decision_business_days", N_("Status check: business days after the decision date they gave"),
           2, 1, 2, "business days"),
    Timing("no_news_business_days", N_("Status check: business days after the interview when no date was given"),
           5, 4, 7, "business days"),
    Timing("backoff_first_weeks", N_("Back-off: weeks before the second check"), 1, 1, 2, "weeks"),
    Timing("backoff_second_weeks", N_("Back-off: weeks before the third check"), 2, 2, 3, "weeks"),
    Timing("backoff_third_weeks", N_("Back-off: weeks before suggesting to close"), 4, 3, 6, "weeks"),
    Timing("max_unanswered_checks", N_("Unanswered status checks before suggesting to close the card"), 3, 2, 3,
           "checks"),
    Timing("offer_response_business_days", N_("Offer: business days to answer when they set no deadline"), 2, 1, 5,
           "business days"),
    Timing("rejection_thanks_business_days", N_("Rejection: business days to thank them and ask for feedback"),
           2, 1, 5, "business days"),
    Timing("withdraw_business_days", N_("Withdrawals and notice: business days to send them"),
           1, 0, 3, "business days"),
    Timing("next_round_prep_days", N_("Next round without a date: days to prepare"), 2, 1, 7, "days"),
)
TIMINGS_BY_KEY = {t.key: t for t in TIMINGS}


@dataclass(frozen=True)
class FollowUpSettings:
    applied_first_check_days: int = 10
    thank_you_latest_business_days: int = 2
    thank_you_on_business_day: bool = False  # move a thank-you falling on a weekend or holiday to the next workday
    after_decision_business_days: int = 2
    no_news_business_days: int = 5
    backoff_first_weeks: int = 1
    backoff_second_weeks: int = 2
    backoff_third_weeks: int = 4
    max_unanswered_checks: int = 3
    offer_response_business_days: int = 2
    rejection_thanks_business_days: int = 2
    withdraw_business_days: int = 1
    next_round_prep_days: int = 2
    status_check_channel: str = Channel.PHONE.value  # the guides favour a call unless they said otherwise
    # After a rejection: one thank-you per interviewer, or one letter asking its reader to pass thanks on.
    rejection_thanks_each: bool = False

    @property
    def backoff_weeks(self) -> tuple[int, int, int]:
        return (self.backoff_first_weeks, self.backoff_second_weeks, self.backoff_third_weeks)

    @classmethod
    def from_dict(cls, data: dict | None) -> FollowUpSettings:
        values = {}
        for f in fields(cls):
            if not data or f.name not in data:
                continue
            raw = data[f.name]
            timing = TIMINGS_BY_KEY.get(f.name)
            if timing is not None:
                try:
                    values[f.name] = min(timing.high, max(timing.low, int(raw)))
                except (TypeError, ValueError):
                    continue
            elif f.name in ("thank_you_on_business_day", "rejection_thanks_each"):
                values[f.name] = bool(raw)
            elif f.name == "status_check_channel" and raw in {c.value for c in Channel}:
                values[f.name] = raw
        return cls(**values)

    def to_dict(self) -> dict:
        return asdict(self)
