"""Read and write the facts of one application as the form shows them (plain values in, plain values out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

from jobfollow.core.timeline_text import TextFact, labels
from jobfollow.i18n import N_
from jobfollow.store.applications import create_application, log_activity
from jobfollow.store.inviters import sync_inviter
from jobfollow.store.models import Activity, JobApplication, now


@dataclass(frozen=True)
class ApplicationDetails:
    company: str = ""
    position_title: str = ""
    posting_url: str = ""
    location: str = ""
    salary_range: str = ""
    source: str = ""
    invited_by: str = ""
    how_applied: str = ""
    employer_address: str = ""
    employer_website: str = ""
    tags: str = ""
    notes: str = ""
    applied_on: dt.date | None = None

    def changed_fields(self, other: ApplicationDetails) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]

    def cleaned(self) -> ApplicationDetails:
        """Surrounding blanks removed from one-line fields; notes keep their layout."""
        values = {
            name: value.strip() if isinstance(value, str) and name not in ("notes", "employer_address") else value
            for name, value in asdict(self).items()
        }
        return ApplicationDetails(**values)


FIELD_LABELS = {
    "company": N_("Company"),
    "position_title": N_("Position title"),
    "posting_url": N_("Posting URL"),
    "location": N_("Location"),
    "salary_range": N_("Salary range"),
    "source": N_("Source"),
    "invited_by": N_("Who invited you"),
    "how_applied": N_("How you applied"),
    "employer_address": N_("Employer address"),
    "employer_website": N_("Employer website"),
    "tags": N_("Tags"),
    "notes": N_("Notes"),
    "applied_on": N_("Applied on"),
}


def load_details(application_id: int) -> ApplicationDetails:
    app = JobApplication.get_by_id(application_id)
    return ApplicationDetails(**{f.name: getattr(app, f.name) for f in fields(ApplicationDetails)})


def application_exists(application_id: int) -> bool:
    """True for a live card (not deleted, or deleted and brought back by Undo)."""
    return JobApplication.select().where(
        (JobApplication.id == application_id) & JobApplication.deleted_at.is_null()).exists()


def application_date(application_id: int) -> dt.date:
    """The day the user applied: the date they gave, else the day the card was added."""
    app = JobApplication.get_by_id(application_id)
    return app.applied_on or app.created_at.date()


def add_application(details: ApplicationDetails) -> int:
    """A new card in the first stage; returns its id (ValueError when company or position is blank)."""
    details = details.cleaned()
    values = asdict(details)
    company, title = values.pop("company"), values.pop("position_title")
    if values["applied_on"] is None:
        values["applied_on"] = dt.date.today()
    db = JobApplication._meta.database
    with db.atomic():
        new_id = create_application(company, title, **values).id
        sync_inviter(new_id, "", details.invited_by)  # a person with the role, so the rules can thank them
    return new_id


def save_details(application_id: int, details: ApplicationDetails) -> int | None:
    """Write the details; logs an "edited" activity naming the changed fields and returns its id.

    Returns None when nothing changed. The activity id lets Undo take the entry back out.
    """
    details = details.cleaned()
    if not details.company or not details.position_title:
        raise ValueError("company and position title are required")
    before = load_details(application_id)
    changed = before.changed_fields(details)
    if not changed:
        return None
    db = JobApplication._meta.database
    with db.atomic():
        JobApplication.update(updated_at=now(), **{name: getattr(details, name) for name in changed}).where(
            JobApplication.id == application_id
        ).execute()
        if "invited_by" in changed:
            sync_inviter(application_id, before.invited_by, details.invited_by)
        names = labels([FIELD_LABELS[name] for name in changed])
        activity = log_activity(application_id, "edited", TextFact(N_("Edited {fields}"), {"fields": names}),
                                {"fields": changed})
    return activity.id


def restore_details(application_id: int, details: ApplicationDetails, activity_id: int | None) -> None:
    """Undo of ``save_details``: put the old values back and take its timeline entry out."""
    db = JobApplication._meta.database
    with db.atomic():
        current = load_details(application_id)
        JobApplication.update(updated_at=now(), **asdict(details)).where(
            JobApplication.id == application_id
        ).execute()
        sync_inviter(application_id, current.invited_by, details.invited_by)
        if activity_id is not None:
            Activity.delete().where(Activity.id == activity_id).execute()
