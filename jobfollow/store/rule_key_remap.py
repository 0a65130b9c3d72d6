"""A follow-up's rule key names the rows it comes from ("thank_you:APP:INTERVIEW:CONTACT"). When a JSON file is
merged into a profile that already has cards, every row gets a new id, so each key is rewritten with the new
ids: a done thank-you then stays done instead of coming back as a new open one.
"""

from __future__ import annotations

from jobfollow.store.models import Contact, Interview, JobApplication, Offer

# What the parts of a rules engine's key (core/rules*.py) point to, kind by kind; None: kept as it is
# (a counter or a date). An id of 0 means "none" (an application's own status check has no interview).
# A key of another shape is dropped, and the rules make the follow-up anew.
RULE_KEY_PARTS: dict[str, tuple] = {
    "thank_you": (JobApplication, Interview, Contact),
    "reference_alert": (JobApplication, Contact),
    "network_checkin": (JobApplication, Contact),
    "record_interview": (JobApplication,),
    "status_check": (JobApplication, Interview, None),
    "close_suggestion": (JobApplication, Interview),
    "next_round_prep": (JobApplication, None),
    "offer_details": (JobApplication,),
    "offer_response": (JobApplication, Offer),
    "ask_deadline": (JobApplication, Offer),
    "offer_pending": (JobApplication, JobApplication),  # this card; the card whose offer is pending
    "withdraw": (JobApplication, JobApplication),  # the accepted card; 0 when withdrawn on its own
    "give_notice": (JobApplication,),
    "rejection_thanks": (JobApplication, Contact),  # one letter for all has no person
    "lessons": (JobApplication,),
}
SHORTER_KEYS = {"rejection_thanks"}  # kinds whose last part may be missing


def remap_rule_key(key: str, id_maps: dict[type, dict[int, int]]) -> str | None:
    """The key a follow-up from another profile has here, so a done thank-you stays done after a merge."""
    kind, _sep, rest = key.partition(":")
    models = RULE_KEY_PARTS.get(kind)
    if models is None:
        return None
    parts = rest.split(":", len(models) - 1)
    if len(parts) != len(models) and not (kind in SHORTER_KEYS and 0 < len(parts) < len(models)):
        return None
    mapped = [kind]
    for model, part in zip(models, parts, strict=False):
        if model is None or (part == "0" and len(mapped) > 1):
            mapped.append(part)
            continue
        new_id = id_maps.get(model, {}).get(int(part)) if part.isdigit() else None
        if new_id is None:
            return None
        mapped.append(str(new_id))
    return ":".join(mapped)
