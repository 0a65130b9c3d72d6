"""The facts a job centre's work-search log asks for: how you applied, the employer's address and website."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from jobfollow.store.application_details import ApplicationDetails, add_application, load_details
from jobfollow.ui.forms.application_form import ApplicationFormDialog


def test_the_details_tab_keeps_how_you_applied_and_the_employer_address(qtbot, profile, events):
    app_id = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    dialog = ApplicationFormDialog(events, QUndoStack(), app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.details_page
    assert page.method_combo.currentData() == ""  # not recorded yet
    page.method_combo.setCurrentIndex(page.method_combo.findData("post"))
    page.address_edit.setPlainText("Hauptstraße 5\n10115 Berlin")
    page.website_edit.setText("https://contoso.example")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = load_details(app_id)
    assert (saved.how_applied, saved.employer_address, saved.employer_website) == (
        "post", "Hauptstraße 5\n10115 Berlin", "https://contoso.example")

    again = ApplicationFormDialog(events, QUndoStack(), app_id)
    qtbot.addWidget(again)
    assert again.details_page.method_combo.currentData() == "post"
    assert again.details_page.address_edit.toPlainText() == "Hauptstraße 5\n10115 Berlin"
