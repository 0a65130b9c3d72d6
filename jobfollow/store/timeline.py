"""The timeline of an application: every Activity, newest first, and the entries the user adds by hand."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from jobfollow.core.timeline_text import render
from jobfollow.i18n import N_
from jobfollow.store.applications import log_activity
from jobfollow.store.models import Activity

# What the user can log by hand: a note, a call they made or took, and a reply from the employer
# (a reply resets the follow-up back-off, so the rules engine reads it).
MANUAL_KINDS = ("note", "call", "reply")

KIND_LABELS = {
    "created": N_("Added"),
    "moved": N_("Moved"),
    "edited": N_("Edited"),
    "interview": N_("Interview"),
    "letter": N_("Letter"),
    "call": N_("Call"),
    "note": N_("Note"),
    "reply": N_("Reply received"),
    "followup": N_("Follow-up"),
    "offer": N_("Offer"),
    "outcome": N_("Outcome"),
}


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    kind: str
    summary: str  # in the language of the moment when the entry keeps its facts (core.timeline_text)
    occurred_at: dt.datetime
    data: dict


def timeline(application_id: int) -> list[TimelineEntry]:
    query = (Activity.select().where(Activity.application == application_id)
             .order_by(Activity.occurred_at.desc(), Activity.id.desc()))
    entries = []
    for row in query:
        try:
            data = json.loads(row.data or "{}")
        except ValueError:  # a damaged detail must not hide the entry
            data = {}
        entries.append(TimelineEntry(row.id, row.kind, render(row.summary, data), row.occurred_at, data))
    return entries


def add_entry(application_id: int, kind: str, text: str, when: dt.datetime | None = None) -> TimelineEntry:
    """Log a note, a call or a reply received; a note needs text, a call or reply may be bare."""
    if kind not in MANUAL_KINDS:
        raise ValueError(f"cannot add a {kind!r} entry by hand")
    text = text.strip()
    if kind == "note" and not text:
        raise ValueError("a note needs some text")
    activity = log_activity(application_id, kind, text, {"manual": True}, when=when)
    return TimelineEntry(activity.id, kind, text, activity.occurred_at, {"manual": True})


def remove_entry(activity_id: int) -> None:
    """Take out an entry the user added by hand (history written by the program stays)."""
    Activity.delete().where((Activity.id == activity_id) & Activity.kind.in_(MANUAL_KINDS)).execute()
