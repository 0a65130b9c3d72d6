"""Documents on cards: stored once by content, never half-copied, listed, removed without orphans."""

import datetime as dt
import os

import pytest

from jobfollow.core.documents import DocumentKind, guess_kind
from jobfollow.store import blobs
from jobfollow.store.applications import create_application
from jobfollow.store.blobs import DocumentError
from jobfollow.store.board import delete_applications
from jobfollow.store.documents import (
    attach_file,
    collect_garbage,
    documents_dir,
    documents_of,
    path_of,
    remove_document,
    total_documents,
)
from jobfollow.store.letters import mark_sent, open_letter
from jobfollow.store.models import JobApplication
from jobfollow.store.people import ContactCard, link_contact, save_contact


@pytest.fixture
def cv(tmp_path):
    path = tmp_path / "Jane Doe CV.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(50_000))
    return path


def _all_blobs():
    return blobs.stored_hashes(documents_dir())


def test_one_cv_sent_to_two_employers_is_stored_once(profile, cv):
    first = create_application("Contoso", "Analyst").id
    second = create_application("Fabrikam", "Analyst").id
    a = attach_file(first, cv, guess_kind(cv.name), sent_on=dt.date(2026, 5, 1), sent_to="Contoso HR")
    b = attach_file(second, cv, DocumentKind.CV)
    assert a.sha256 == b.sha256 and a.kind is DocumentKind.CV
    assert list(_all_blobs()) == [a.sha256]
    assert path_of(a.sha256).read_bytes() == cv.read_bytes()
    assert total_documents() == (2, 1)
    assert [(d.filename, d.sent_on, d.sent_to) for d in documents_of(first)] == [
        ("Jane Doe CV.pdf", dt.date(2026, 5, 1), "Contoso HR")]


def test_the_same_file_twice_on_one_card_is_refused_in_one_sentence(profile, cv, tmp_path):
    app = create_application("Contoso", "Analyst").id
    attach_file(app, cv, DocumentKind.CV)
    renamed = tmp_path / "copy.pdf"
    renamed.write_bytes(cv.read_bytes())
    with pytest.raises(DocumentError, match=r"already attached to this card as Jane Doe CV\.pdf"):
        attach_file(app, renamed, DocumentKind.CV)
    assert len(documents_of(app)) == 1


def test_too_large_and_vanished_files_leave_nothing_behind(profile, tmp_path):
    app = create_application("Contoso", "Analyst").id
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(DocumentError, match=r"video\.mp4 is 0 MB; files up to 0 MB"):
        blobs.store_file(big, documents_dir(), limit=1024)
    with pytest.raises(DocumentError, match="no longer there"):
        attach_file(app, tmp_path / "gone.pdf", DocumentKind.CV)
    assert documents_of(app) == []
    assert _all_blobs() == {}
    assert list((documents_dir() / "tmp").glob("*")) == []


def test_a_file_that_vanishes_mid_copy_leaves_no_half_copy(profile, tmp_path, monkeypatch):
    source = tmp_path / "cv.pdf"
    source.write_bytes(b"a" * (3 * 1024 * 1024))
    real_open = type(source).open

    class Vanishing:
        def __init__(self, handle):
            self.handle, self.reads = handle, 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def read(self, n):
            self.reads += 1
            if self.reads == 2:
                raise FileNotFoundError("gone")
            return self.handle.read(n)

    def opener(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        return Vanishing(handle) if path == source else handle

    monkeypatch.setattr(type(source), "open", opener)
    with pytest.raises(DocumentError, match="disappeared while it was being copied"):
        blobs.store_file(source, documents_dir())
    assert _all_blobs() == {}
    assert list((documents_dir() / "tmp").glob("*")) == []


def test_removing_the_last_reference_lets_garbage_collection_delete_the_file(profile, cv):
    first = create_application("Contoso", "Analyst").id
    second = create_application("Fabrikam", "Analyst").id
    a = attach_file(first, cv, DocumentKind.CV)
    b = attach_file(second, cv, DocumentKind.CV)
    remove_document(a.id)
    assert collect_garbage(min_age=dt.timedelta(0)) == 0  # the other card still uses it
    remove_document(b.id)
    assert collect_garbage(min_age=dt.timedelta(hours=1)) == 0  # just written: a worker may be mid-attach
    assert collect_garbage(min_age=dt.timedelta(0)) == 1
    assert _all_blobs() == {}


def test_a_card_deleted_in_an_earlier_session_keeps_no_files(profile, cv):
    app = create_application("Contoso", "Analyst").id
    attach_file(app, cv, DocumentKind.CV)
    delete_applications([app])
    session_start = dt.datetime.now() - dt.timedelta(hours=2)
    assert collect_garbage(deleted_before=session_start, min_age=dt.timedelta(0)) == 0  # undo may still want it
    assert collect_garbage(deleted_before=dt.datetime.now() + dt.timedelta(seconds=2), min_age=dt.timedelta(0)) == 1


def test_a_letter_marked_as_sent_is_kept_word_for_word_among_the_documents(profile):
    app = create_application("Contoso", "Analyst").id
    person = save_contact(ContactCard(name="Ana Ruiz", email="ana@contoso.example"))
    link_contact(app, person.id, "interviewer")
    letter = open_letter(app, "thank_you_interview", contact_id=person.id)
    mark_sent(letter.id, when=dt.datetime(2026, 5, 4, 10, 0))
    (kept,) = documents_of(app)
    assert kept.kind is DocumentKind.LETTER and kept.sent_to == "Ana Ruiz"
    assert kept.sent_on == dt.date(2026, 5, 4)
    text = path_of(kept.sha256).read_text("utf-8")
    assert "Ana Ruiz" in text or "Ana" in text


def test_a_json_export_carries_the_files_and_imports_them_into_another_profile(profile, cv, tmp_path):
    from jobfollow.profile import open_profile_at
    from jobfollow.store.db import close_database
    from jobfollow.store.io_documents import archive_beside
    from jobfollow.store.io_json import DataImportError, export_json, import_json

    app = create_application("Contoso", "Analyst").id
    attach_file(app, cv, DocumentKind.CV, sent_to="Amy")
    target = tmp_path / "export" / "all.json"
    target.parent.mkdir()
    export_json(target)
    assert archive_beside(target).is_file()
    profile.close()

    other = open_profile_at(tmp_path / "other")
    try:
        moved = tmp_path / "alone.json"
        moved.write_bytes(target.read_bytes())  # the archive stayed behind: nothing is imported
        with pytest.raises(DataImportError, match=r"alone\.documents\.zip is not beside it"):
            import_json(moved)
        assert total_documents() == (0, 0)
        import_json(target)
        (imported,) = JobApplication.select()
        (doc,) = documents_of(imported.id)
        assert doc.sent_to == "Amy" and path_of(doc.sha256).read_bytes() == cv.read_bytes()
    finally:
        close_database(other.db)


def test_backups_carry_the_files_and_a_restore_brings_them_back(profile, cv, tmp_path):
    from jobfollow.store.backups import back_up, restore_file

    app = create_application("Contoso", "Analyst").id
    doc = attach_file(app, cv, DocumentKind.CV)
    backup = back_up(profile.db, profile.backup_dir)
    assert (profile.backup_dir / "documents" / doc.sha256[:2] / doc.sha256).read_bytes() == cv.read_bytes()
    chosen = back_up(profile.db, profile.backup_dir, target=tmp_path / "mine.sqlite3")
    assert (tmp_path / "mine.sqlite3.documents" / doc.sha256[:2] / doc.sha256).is_file()
    path_of(doc.sha256).unlink()  # lost from the profile
    profile.close()
    restore_file(backup, profile.db_path, profile.backup_dir)
    assert (profile.folder / "documents" / doc.sha256[:2] / doc.sha256).is_file()
    assert chosen.exists()
