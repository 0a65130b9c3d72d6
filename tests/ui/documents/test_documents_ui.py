"""The Documents tab, driven as a user would: attach by button and by dropping files on the form."""

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from jobfollow.core.documents import DocumentKind
from jobfollow.store import blobs
from jobfollow.store.application_details import ApplicationDetails, add_application
from jobfollow.store.documents import documents_dir, documents_of
from jobfollow.ui.documents.model import DocumentsModel
from jobfollow.ui.forms.application_form import DOCUMENTS_TAB, ApplicationFormDialog


def make_form(qtbot, events, app_id, stack=None):
    dialog = ApplicationFormDialog(events, stack or QUndoStack(), app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def write_cv(folder: Path, name="Jane Doe - CV.pdf", size=200_000) -> Path:
    path = folder / name
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(size))
    return path


def drop_files(widget, paths):
    """What a file manager's drag delivers: enter, move, then the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(widget, enter)
    QApplication.sendEvent(widget, QDragMoveEvent(*args))
    event = QDropEvent(QPointF(5, 5), *args[1:])
    QApplication.sendEvent(widget, event)
    return enter


def attached(qtbot, page, count):
    qtbot.waitUntil(lambda: page.model.rowCount() == count and not page.copier.busy())


def test_one_cv_attached_to_two_cards_by_button_and_by_drop_is_stored_once(qtbot, profile, events, tmp_path, modal):
    cv = write_cv(tmp_path)
    first = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    second = add_application(ApplicationDetails(company="Fabrikam", position_title="Analyst"))

    form = make_form(qtbot, events, first)
    page = form.documents_page
    modal.files = [cv]  # picked in the file dialog
    with qtbot.waitSignal(events.applications_changed):
        page.attach_button.click()
    attached(qtbot, page, 1)
    assert page.model.index(0, 0).data() == "Jane Doe - CV.pdf"
    assert page.model.index(0, 1).data() == "CV" and page.model.index(0, 3).data() == "Contoso"
    assert "Jane Doe - CV.pdf" in page.summary.text()

    other = make_form(qtbot, events, second)
    drop_files(other.details_page.company_edit, [cv])  # a line edit must not paste the path
    assert other.tabs.currentIndex() == DOCUMENTS_TAB
    attached(qtbot, other.documents_page, 1)
    assert other.details_page.company_edit.text() == "Fabrikam"
    assert len(blobs.stored_hashes(documents_dir())) == 1
    assert [d.kind for d in documents_of(second)] == [DocumentKind.CV]


def test_a_duplicate_or_vanished_file_gets_one_sentence_and_nothing_else(qtbot, profile, events, tmp_path):
    cv = write_cv(tmp_path)
    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    form = make_form(qtbot, events, app)
    page = form.documents_page
    page.attach_paths([cv])
    attached(qtbot, page, 1)
    page.attach_paths([cv, tmp_path / "moved away.pdf"])
    qtbot.waitUntil(lambda: not page.copier.busy())
    assert page.model.rowCount() == 1
    text = page.message.text()
    assert "already attached to this card" in text and "moved away.pdf is no longer there" in text


def test_open_hands_a_named_copy_to_the_system_viewer_and_remove_is_undoable(qtbot, profile, events, tmp_path,
                                                                             modal):
    cv = write_cv(tmp_path, "Portfolio.pdf")
    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    stack = QUndoStack()
    form = make_form(qtbot, events, app, stack)
    page = form.documents_page
    page.attach_paths([cv])
    attached(qtbot, page, 1)
    page.view.selectRow(0)
    page.open_button.click()
    opened = [Path(url.toLocalFile()) for url in modal.opened_urls]
    assert opened[0].name == "Portfolio.pdf" and opened[0].read_bytes() == cv.read_bytes()
    page.remove_button.click()
    assert page.model.rowCount() == 0 and documents_of(app) == []
    stack.undo()
    assert [d.filename for d in documents_of(app)] == ["Portfolio.pdf"]
    assert page.model.rowCount() == 1


def test_a_new_card_reads_a_dropped_file_as_its_posting_and_attaches_nothing(qtbot, profile, events, tmp_path):
    form = make_form(qtbot, events, None)
    drop_files(form.details_page.company_edit, [write_cv(tmp_path)])  # random bytes, not a readable PDF
    page = form.posting_page
    assert page.message.isVisible() and "Jane Doe - CV.pdf" in page.message.text()
    assert not form.documents_page.copier.busy() and blobs.stored_hashes(documents_dir()) == {}


def test_documents_model_passes_the_model_tester(qtmodeltester, qtbot, profile, tmp_path):
    from jobfollow.store.documents import attach_file

    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    attach_file(app, write_cv(tmp_path), DocumentKind.CV)
    attach_file(app, write_cv(tmp_path, "Cover letter.pdf"), DocumentKind.COVER_LETTER)
    model = DocumentsModel()
    model.set_rows(documents_of(app))
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 3), "Amy Chen")
    assert {d.sent_to for d in documents_of(app)} >= {"Amy Chen"}
