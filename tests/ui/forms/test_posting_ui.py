"""Adding a card from a posting: paste or drop it, take the suggestions, and see the card already on the board."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from jobfollow.store.application_details import ApplicationDetails, add_application, load_details
from jobfollow.store.models import JobApplication
from jobfollow.store.postings import posting_of
from jobfollow.ui.forms.application_form import DETAILS_TAB, POSTING_TAB, ApplicationFormDialog
from tests.core.test_posting import ENGLISH, GERMAN, write_pdf
from tests.ui.documents.test_documents_ui import drop_files


def make_form(qtbot, events, app_id=None):
    dialog = ApplicationFormDialog(events, QUndoStack(), app_id)
    qtbot.addWidget(dialog)
    dialog.confirm_discard = lambda: True  # closing at the end of a test must not wait on a question
    dialog.show()
    return dialog


def test_a_pasted_posting_suggests_company_and_title_and_warns_of_the_card_already_there(qtbot, profile, events):
    existing = add_application(ApplicationDetails(company="Contoso", position_title="Data Analyst"))
    dialog = make_form(qtbot, events)
    assert dialog.tabs.isTabEnabled(POSTING_TAB)
    dialog.tabs.setCurrentIndex(POSTING_TAB)
    page = dialog.posting_page
    page.text_edit.setFocus()
    page.text_edit.insertPlainText(ENGLISH)  # what a paste does
    qtbot.waitUntil(lambda: page.fill_button.isEnabled())
    assert "Contoso Ltd" in page.suggestion_label.text() and "Data Analyst" in page.suggestion_label.text()
    assert page.language_note.isHidden()  # English posting, English interface

    qtbot.keyClicks(dialog.details_page.location_edit, "Remote")  # typed by hand: the suggestion must not replace it
    page.fill_button.click()
    details = dialog.details_page
    assert dialog.tabs.currentIndex() == DETAILS_TAB
    assert (details.company_edit.text(), details.position_edit.text(), details.location_edit.text()) == (
        "Contoso Ltd", "Data Analyst", "Remote")
    assert details.salary_edit.text().startswith("€55,000")
    warning = dialog.duplicates
    assert warning.isVisible() and "already on the board" in warning.text()
    assert f'href="card:{existing}"' in warning.text()
    with qtbot.waitSignal(events.open_application_requested) as opened:
        warning.linkActivated.emit(f"card:{existing}")
    assert opened.args == [existing]

    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    new = JobApplication.select().where(JobApplication.id != existing).get()
    assert load_details(new.id).company == "Contoso Ltd"
    assert posting_of(new.id).text == ENGLISH.strip()


def test_a_dropped_pdf_posting_fills_the_posting_of_a_new_card(qtbot, profile, events, tmp_path):
    pdf = tmp_path / "Backend job.pdf"
    write_pdf(pdf, GERMAN)
    dialog = make_form(qtbot, events)
    drop_files(dialog.details_page.company_edit, [pdf])
    page = dialog.posting_page
    assert dialog.tabs.currentIndex() == POSTING_TAB
    assert "Fabrikam GmbH" in page.text() and page.source_label.text() == "From Backend job.pdf"
    assert "Fabrikam GmbH" in page.suggestion_label.text()
    assert not page.language_note.isHidden() and "Deutsch" in page.language_note.text()
    assert dialog.details_page.company_edit.text() == ""  # the path was not pasted into the field


def test_a_broken_posting_file_says_so_and_keeps_the_text_already_there(qtbot, profile, events, tmp_path):
    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    dialog = make_form(qtbot, events, app)
    dialog.tabs.setCurrentIndex(POSTING_TAB)
    page = dialog.posting_page
    page.text_edit.setPlainText("What I pasted earlier")
    broken = tmp_path / "posting.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing else")
    drop_files(page.text_edit, [broken])
    assert page.message.isVisible() and "posting.pdf" in page.message.text()
    assert page.text() == "What I pasted earlier"
    assert dialog.has_unsaved_details()
    dialog.apply()
    assert posting_of(app).text == "What I pasted earlier"
    assert not dialog.has_unsaved_details()


def test_a_form_closed_while_typing_looks_up_no_duplicates(qtbot, profile, events, monkeypatch):
    # the check waits a quarter second after the last key; a form closed by then has nothing to warn about
    from jobfollow.ui.posting import duplicates

    looked_up = []
    monkeypatch.setattr(duplicates, "similar_cards", lambda *args: looked_up.append(args) or [])
    dialog = make_form(qtbot, events)
    qtbot.keyClicks(dialog.details_page.company_edit, "Contoso")
    assert dialog.duplicates.timer.isActive()
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.duplicates.timer.isActive())
    assert looked_up == []
