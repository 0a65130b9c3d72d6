"""The job posting kept with a card, and the cards already on the board at the same company or for the same role."""

from __future__ import annotations

from dataclasses import dataclass

from jobfollow.core.posting import MAX_POSTING_CHARS, company_key, title_key
from jobfollow.store.models import JobApplication, JobPosting, Stage, now


@dataclass(frozen=True)
class KeptPosting:
    text: str
    source_name: str  # the file it came from; "" when pasted


@dataclass(frozen=True)
class SimilarCard:
    id: int
    company: str
    position_title: str
    stage_name: str
    same_role: bool  # same company and the same title: most likely the same job


def posting_of(application_id: int) -> KeptPosting:
    row = JobPosting.get_or_none(JobPosting.application == application_id)
    return KeptPosting(row.text, row.source_name) if row else KeptPosting("", "")


def save_posting(application_id: int, text: str, source_name: str = "") -> None:
    """Keep (or replace, or with an empty text remove) the posting of a card."""
    text = text.strip()[:MAX_POSTING_CHARS]
    if not text:
        JobPosting.delete().where(JobPosting.application == application_id).execute()
        return
    (JobPosting.insert(application=application_id, text=text, source_name=source_name, saved_at=now())
     .on_conflict(conflict_target=[JobPosting.application],
                  update={JobPosting.text: text, JobPosting.source_name: source_name, JobPosting.saved_at: now()})
     .execute())


def similar_cards(company: str, position_title: str, exclude_id: int | None = None) -> list[SimilarCard]:
    """Cards on the board (not deleted) at the same company, the same role first."""
    wanted = company_key(company)
    if not wanted:
        return []
    role = title_key(position_title)
    query = (JobApplication.select(JobApplication.id, JobApplication.company, JobApplication.position_title,
                                   Stage.name.alias("stage_name"))
             .join(Stage).where(JobApplication.deleted_at.is_null()).tuples())
    found = []
    first_word = wanted.split()[0]
    for app_id, name, title, stage_name in query:
        if app_id == exclude_id or first_word not in name.casefold():
            continue  # cheap filter before the full comparison
        if company_key(name) == wanted:
            found.append(SimilarCard(app_id, name, title, stage_name, bool(role) and title_key(title) == role))
    return sorted(found, key=lambda card: (not card.same_role, card.company, card.position_title))
