"""Moving in from another tracker: the dates a file gives become the rules' dates, its follow-up dates become
follow-ups, and the import says what is due now because of it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection

from jobfollow.core.followup_facts import Kind
from jobfollow.core.followup_texts import kind_label
from jobfollow.i18n import _, ngettext


def imported_stage_entered(card, moment: dt.datetime) -> dt.datetime:
    """Since when an imported card stands in its stage: the file's status date, else its applied date, else
    now. The rules then follow an active card from its own dates (a check weeks after applying is due now)."""
    day = card.stage_on or card.values.get("applied_on")
    if day is None:
        return moment
    return min(dt.datetime.combine(day, dt.time(9)), moment)


def imported_followup(card_id: int, contact_id: int | None, company: str, due: dt.date,
                      moment: dt.datetime) -> dict:
    """A follow-up row (one of your own) for the follow-up date a file gave."""
    return {"application": card_id, "contact": contact_id, "interview": None, "kind": Kind.CUSTOM.value,
            "rule_key": None, "title": _("Follow up with {company}").format(company=company),
            "reason": _("The imported file set this follow-up date."), "channel": "email", "due_on": due,
            "state": "open", "result": "", "note": "", "created_at": moment, "updated_at": moment}


def due_after_import(card_ids: Collection[int], today: dt.date | None = None) -> list:
    """Run the rules for the imported cards; their pending follow-ups due today or earlier."""
    from jobfollow.store.followups import pending_followups, refresh_followups

    today = today or dt.date.today()
    if not card_ids:
        return []
    refresh_followups(list(card_ids), today=today)
    return [item for item in pending_followups(card_ids) if item.due_on <= today]


def due_summary(items: list) -> str:
    """One sentence: how many follow-ups the import made due now, and of which kinds ("" when none)."""
    if not items:
        return ""
    kinds = Counter(item.kind for item in items)
    parts = ", ".join(f"{count} × {kind_label(kind)}" for kind, count in kinds.most_common())
    return ngettext("{count} follow-up is due now because of the import ({kinds}).",
                    "{count} follow-ups are due now because of the import ({kinds}).", len(items)).format(
        count=len(items), kinds=parts)
