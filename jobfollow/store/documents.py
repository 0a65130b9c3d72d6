"""Documents attached to a card: what was sent, when and to whom; and the letters sent from jobfollow.

The bytes live in ``blobs`` under the profile's ``documents/`` folder; a row here says which card
holds which file under which name. Several rows may share one blob (the same CV sent to many
employers); a blob goes when no row refers to it any more (``collect_garbage``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jobfollow.core.documents import DocumentKind
from jobfollow.core.timeline_text import TextFact
from jobfollow.i18n import N_, _, format_date
from jobfollow.store import blobs
from jobfollow.store.applications import log_activity
from jobfollow.store.blobs import DocumentError, StoredBlob
from jobfollow.store.models import Attachment, JobApplication, Letter, database_proxy


@dataclass(frozen=True)
class DocumentRow:
    id: int
    application_id: int
    sha256: str
    filename: str
    size: int
    kind: DocumentKind
    sent_on: dt.date | None
    sent_to: str
    letter_id: int | None


def documents_dir(db=None) -> Path:
    """The open profile's documents folder, beside its database file."""
    database = db or database_proxy.obj
    return Path(database.database).resolve().parent / blobs.DOCUMENTS_DIR_NAME


def profile_is_open() -> bool:
    database = database_proxy.obj
    return database is not None and not database.is_closed()


def path_of(sha256: str) -> Path:
    return blobs.blob_path(documents_dir(), sha256)


def _row(row: Attachment) -> DocumentRow:
    return DocumentRow(row.id, row.application_id, row.sha256, row.filename, row.size, DocumentKind(row.kind),
                       row.sent_on, row.sent_to, row.letter_id)


def documents_of(application_id: int) -> list[DocumentRow]:
    query = (Attachment.select().where(Attachment.application == application_id)
             .order_by(Attachment.sent_on.desc(nulls="LAST"), Attachment.id.desc()))
    return [_row(row) for row in query]


def attach_stored(application_id: int, blob: StoredBlob, kind: DocumentKind, *, sent_on: dt.date | None = None,
                  sent_to: str = "", letter_id: int | None = None) -> DocumentRow:
    """Record a blob already copied by ``blobs.store_file`` on the card; refuses a duplicate on the same card."""
    twin = Attachment.get_or_none((Attachment.application == application_id) & (Attachment.sha256 == blob.sha256))
    if twin is not None:
        if twin.filename == blob.filename:
            raise DocumentError(_("{name} is already attached to this card.").format(name=blob.filename))
        raise DocumentError(_("{name} is already attached to this card as {existing}.").format(
            name=blob.filename, existing=twin.filename))
    with database_proxy.obj.atomic():
        row = Attachment.create(application=application_id, sha256=blob.sha256, filename=blob.filename,
                                size=blob.size, kind=DocumentKind(kind).value, sent_on=sent_on, sent_to=sent_to,
                                letter=letter_id)
        log_activity(application_id, "document", TextFact(N_("Attached {name}"), {"name": blob.filename}),
                     {"attachment_id": row.id, "sha256": blob.sha256})
    return _row(row)


def attach_file(application_id: int, source: Path, kind: DocumentKind, **sent) -> DocumentRow:
    """Copy and record in one call (the window copies on a worker, then calls ``attach_stored``)."""
    return attach_stored(application_id, blobs.store_file(Path(source), documents_dir()), kind, **sent)


def update_document(attachment_id: int, *, kind: DocumentKind | None = None, sent_on: dt.date | bool | None = False,
                    sent_to: str | None = None) -> DocumentRow:
    """Change what the list says about a document (``sent_on=False`` leaves the date alone)."""
    changes = {}
    if kind is not None:
        changes["kind"] = DocumentKind(kind).value
    if sent_on is not False:
        changes["sent_on"] = sent_on
    if sent_to is not None:
        changes["sent_to"] = sent_to.strip()
    if changes:
        Attachment.update(**changes).where(Attachment.id == attachment_id).execute()
    return _row(Attachment.get_by_id(attachment_id))


def remove_document(attachment_id: int) -> DocumentRow | None:
    """Take a document off its card; its bytes go at the next garbage collection if nothing else uses them."""
    row = Attachment.get_or_none(Attachment.id == attachment_id)
    if row is None:
        return None
    kept = _row(row)
    with database_proxy.obj.atomic():
        row.delete_instance()
        log_activity(kept.application_id, "document", TextFact(N_("Removed {name}"), {"name": kept.filename}),
                     {"sha256": kept.sha256})
    return kept


def restore_document(document: DocumentRow) -> DocumentRow:
    """Undo of ``remove_document``: the row comes back if its bytes are still there."""
    if not path_of(document.sha256).exists():
        raise DocumentError(_("{name} is no longer in your profile; attach it again.").format(name=document.filename))
    row = Attachment.create(application=document.application_id, sha256=document.sha256,
                            filename=document.filename, size=document.size, kind=document.kind.value,
                            sent_on=document.sent_on, sent_to=document.sent_to, letter=document.letter_id)
    return _row(row)


def keep_sent_letter(letter_id: int) -> DocumentRow | None:
    """File a letter marked as sent on its card, word for word, as a text document."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None or letter.application_id is None or letter.state != "sent":
        return None
    if Attachment.select().where(Attachment.letter == letter_id).exists():
        return None
    recipient = letter.contact.name if letter.contact_id else ""
    text = f"{letter.subject}\n\n{letter.body}" if letter.subject else letter.body
    sha = blobs.store_bytes(text.encode("utf-8"), documents_dir())
    sent = letter.sent_at.date() if letter.sent_at else dt.date.today()
    name = _("Letter {date}").format(date=format_date(sent, "short")).replace("/", "-") + ".txt"
    if letter.subject:
        name = f"{letter.subject[:60]}.txt".replace("/", "-")
    row = Attachment.create(application=letter.application_id, sha256=sha, filename=name,
                            size=len(text.encode("utf-8")), kind=DocumentKind.LETTER.value, sent_on=sent,
                            sent_to=recipient, letter=letter_id)
    return _row(row)


def referenced_hashes(*, deleted_before: dt.datetime | None = None) -> set[str]:
    """Hashes still in use. Cards deleted before ``deleted_before`` (a past session: no Undo can bring
    them back) do not keep their files."""
    query = Attachment.select(Attachment.sha256).join(JobApplication)
    if deleted_before is not None:
        query = query.where(JobApplication.deleted_at.is_null() | (JobApplication.deleted_at >= deleted_before))
    return {row.sha256 for row in query}


def collect_garbage(*, deleted_before: dt.datetime | None = None,
                    min_age: dt.timedelta = dt.timedelta(hours=1)) -> int:
    """Delete the files nothing refers to; returns how many went."""
    return blobs.remove_unreferenced(documents_dir(), referenced_hashes(deleted_before=deleted_before),
                                     min_age=min_age)


def total_documents() -> tuple[int, int]:
    """(attachments, distinct files) in the profile."""
    return (Attachment.select().count(), Attachment.select(Attachment.sha256).distinct().count())
