"""What a move to an interview stage asks: the date of the interview to come, or which planned one took place.

Moving a card to Interview scheduled without an interview ahead opens the interview form (its first field is the
date). Moving a card to Interviewed while interviews are still planned asks which one took place (it is then
dated today, so the thank-you falls due now), or offers to record another; without any interview it opens the
form, as before.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QInputDialog, QWidget

from jobfollow.core.followup_texts import short_date
from jobfollow.core.stages import FORMAT_LABELS, InterviewFormat, StageKind
from jobfollow.i18n import _, format_time
from jobfollow.store.board import has_interview
from jobfollow.store.interview_entries import InterviewEntry, interviews_to_come, mark_interview_held


def entry_label(entry: InterviewEntry) -> str:
    try:
        kind = _(FORMAT_LABELS[InterviewFormat(entry.format)])
    except (ValueError, KeyError):
        kind = ""
    when = f"{short_date(entry.on)} {format_time(entry.starts_at)}"
    people = ", ".join(entry.people)
    return " · ".join(part for part in (when, kind, people) if part)


def ask_which_took_place(parent: QWidget | None, company: str, entries: list[InterviewEntry]) -> int | None:
    """The id of the interview the user says took place; 0 for "another one"; None when they cancel."""
    labels = [entry_label(entry) for entry in entries] + [_("Another interview (record it)")]
    choice, ok = QInputDialog.getItem(parent, _("Which interview took place?"),
                                      _("{company} has interviews planned. Which one took place?").format(
                                          company=company), labels, 0, False)
    if not ok:
        return None
    index = labels.index(choice) if choice in labels else len(entries)
    return entries[index].id if index < len(entries) else 0


def after_move(parent: QWidget | None, events, app_id: int, kind: StageKind, now: dt.datetime | None = None) -> None:
    now = now or dt.datetime.now()
    if kind == StageKind.INTERVIEW_SCHEDULED:
        if not interviews_to_come(app_id, now):
            events.record_interview_requested.emit(app_id)
    elif kind == StageKind.INTERVIEWED:
        planned = interviews_to_come(app_id, now)
        if planned:
            chosen = ask_which_took_place(parent, planned[0].company, planned)
            if chosen:
                mark_interview_held(chosen, now)
                events.applications_changed.emit([app_id])
            elif chosen == 0:
                events.record_interview_requested.emit(app_id)
        elif not has_interview(app_id):
            events.record_interview_requested.emit(app_id)
