"""One table of texts per follow-up kind: its name, and what to do (with and without the person's first name).

Every place that names a kind reads it here: the agenda and the timeline (``label``), the board's badges
(``action_with_name`` / ``action``) and the calendar file (``action``), so their wording cannot drift apart.
Rendered when shown, in the interface language of the moment.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobfollow.core.followup_facts import Kind
from jobfollow.i18n import N_, _


@dataclass(frozen=True)
class KindTexts:
    label: str  # the kind's name: "Thank-you"
    action: str  # what to do: "Send the thank-you"
    action_with_name: str  # what to do, naming the person: "Thank {name}"


def _same(label: str, action: str) -> KindTexts:
    return KindTexts(label, action, action)


KIND_TEXTS: dict[str, KindTexts] = {
    Kind.THANK_YOU: KindTexts(N_("Thank-you"), N_("Send the thank-you"), N_("Thank {name}")),
    Kind.STATUS_CHECK: KindTexts(N_("Status check"), N_("Ask for news"), N_("Ask {name} for news")),
    Kind.REFERENCE_ALERT: KindTexts(N_("Alert a reference"), N_("Alert your reference"), N_("Alert {name}")),
    Kind.NETWORK_CHECKIN: KindTexts(N_("Network check-in"), N_("Check in"), N_("Check in with {name}")),
    Kind.NEXT_ROUND_PREP: _same(N_("Prepare the next round"), N_("Prepare the next round")),
    Kind.OFFER_RESPONSE: _same(N_("Answer the offer"), N_("Answer the offer")),
    Kind.WITHDRAW: _same(N_("Withdraw"), N_("Withdraw")),
    Kind.GIVE_NOTICE: _same(N_("Give notice"), N_("Give notice")),
    Kind.REJECTION_THANKS: _same(N_("Thanks after a rejection"), N_("Thank them anyway")),
    Kind.LESSONS: _same(N_("Lessons learned"), N_("Note the lessons")),
    Kind.CLOSE_SUGGESTION: _same(N_("Consider closing"), N_("Close as no response?")),
    Kind.RECORD_INTERVIEW: _same(N_("Record the interview"), N_("Record the interview")),
    Kind.ASK_DEADLINE: _same(N_("Ask for the offer's deadline"), N_("Ask for the offer's deadline")),
    Kind.OFFER_DETAILS: _same(N_("Record the offer"), N_("Record the offer")),
    Kind.OFFER_PENDING: _same(N_("Tell them an offer is pending"), N_("Mention your other offer")),
    Kind.CUSTOM: _same(N_("Your own"), N_("Follow up")),
}


def kind_label(kind: str) -> str:
    texts = KIND_TEXTS.get(kind)
    return _(texts.label) if texts else kind


def kind_action(kind: str, name: str = "") -> str:
    """What to do; ``name`` (a first name) when the kind has a wording for it."""
    texts = KIND_TEXTS.get(kind) or KIND_TEXTS[Kind.CUSTOM]
    return _(texts.action_with_name).format(name=name) if name else _(texts.action)
