"""Who you know there: contacts from a LinkedIn export or vCards, shown on the card of their company."""

import pytest

from jobfollow.core.contacts_io import ContactsFileError, KnownPerson, read_contacts_file, write_vcards
from jobfollow.core.stages import ContactRole
from jobfollow.store.application_details import ApplicationDetails, add_application
from jobfollow.store.known_people import import_people, people_at_company_of
from jobfollow.store.models import Contact
from jobfollow.store.people import people_of_application

LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Ruiz,https://www.linkedin.com/in/anaruiz,ana@contoso.example,Contoso Ltd,Data Lead,12 Mar 2024\n"
    '"Bo","Chen",https://www.linkedin.com/in/bochen,,"Fabrikam, Inc.",Designer,01 Feb 2023\n'
    ",,https://www.linkedin.com/in/hidden,,Contoso,,01 Jan 2022\n"
)

VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jörg;;;\r\nORG:Contoso;Finance\r\nTITLE:Controller\r\n"
    "EMAIL;TYPE=INTERNET:joerg@contoso.example\r\nNOTE:Met at the fair\\, 2025\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Chloé Martin\r\nitem1.EMAIL:chloe@example.org\r\nORG:Northwind\r\n"
    "END:VCARD\r\n"
)


def test_a_linkedin_export_gives_names_companies_and_titles():
    people = read_contacts_file(LINKEDIN.encode(), "Connections.csv")
    assert [(p.name, p.organisation, p.title, p.email) for p in people] == [
        ("Ana Ruiz", "Contoso Ltd", "Data Lead", "ana@contoso.example"),
        ("Bo Chen", "Fabrikam, Inc.", "Designer", ""),
    ]


def test_vcards_are_read_and_written_back_the_same():
    people = read_contacts_file(VCARDS.encode(), "contacts.vcf")
    assert people == [
        KnownPerson("Jörg Müller", "Contoso", "Controller", "joerg@contoso.example", "", "Met at the fair, 2025"),
        KnownPerson("Chloé Martin", "Northwind", "", "chloe@example.org"),
    ]
    long_note = KnownPerson("Ana Ruiz", "Contoso; Ltd", notes="é" * 100 + "\nsecond line")
    text = write_vcards([*people, long_note])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert read_contacts_file(text.encode(), "again.vcf") == [*people, long_note]


@pytest.mark.parametrize(("name", "content", "sentence"), [
    ("people.csv", "Name;Mail\nAna;a@b\n", "not a LinkedIn connections export"),
    ("Connections.csv", "First Name,Last Name\nAna,Ruiz,extra,more\n", "Line 2 of Connections.csv has more columns"),
    ("broken.vcf", "BEGIN:VCARD\nFN:Ana\n", "no END:VCARD"),
    ("nested.vcf", "BEGIN:VCARD\nFN:Ana\nBEGIN:VCARD\nFN:Bo\nEND:VCARD\n", "missing END:VCARD"),
    ("noname.vcf", "BEGIN:VCARD\nORG:Contoso\nEND:VCARD\n", "has no name"),
    ("garbage.vcf", "BEGIN:VCARD\nthis is not a vcard line\nEND:VCARD\n", "Line 2 of garbage.vcf"),
])
def test_malformed_files_get_one_sentence(name, content, sentence):
    with pytest.raises(ContactsFileError, match=sentence):
        read_contacts_file(content.encode(), name)


def test_import_adds_once_and_the_card_shows_who_works_there(profile):
    people = read_contacts_file(LINKEDIN.encode(), "Connections.csv")
    assert import_people(people).added == 2
    again = import_people(people)
    assert (again.added, again.updated) == (0, 0) and Contact.select().count() == 2
    app = add_application(ApplicationDetails(company="CONTOSO", position_title="Analyst"))
    add_application(ApplicationDetails(company="Northwind", position_title="Analyst"))
    (ana,) = people_at_company_of(app)
    assert (ana.name, ana.title) == ("Ana Ruiz", "Data Lead")
    assert people_of_application(app) == []


def test_the_people_box_makes_one_the_referrer_and_exports_the_card_as_vcard(qtbot, profile, tmp_path, modal):
    from jobfollow.ui.contacts.known_box import KnownPeopleBox

    import_people(read_contacts_file(LINKEDIN.encode(), "Connections.csv"))
    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    box = KnownPeopleBox()
    qtbot.addWidget(box)
    box.set_application(app)
    assert box.model.rowCount() == 1 and box.model.index(0).data() == "Ana Ruiz · Data Lead"
    box.view.setCurrentIndex(box.model.index(0))
    with qtbot.waitSignal(box.changed):
        box.refer_button.click()
    assert [(p.contact.name, p.role) for p in people_of_application(app)] == [("Ana Ruiz", ContactRole.NETWORK)]
    assert box.model.rowCount() == 0  # on the card now
    modal.files = [tmp_path / "contoso.vcf"]  # picked in the save dialog
    written = box.export_vcard()
    assert read_contacts_file(written.read_bytes(), written.name)[0].email == "ana@contoso.example"


def test_file_import_contacts_shows_a_known_person_on_the_card_and_a_bad_file_imports_nothing(
        qtbot, profile, events, tmp_path, modal):
    from types import SimpleNamespace

    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu

    from jobfollow.ui.contacts.install import install_contacts
    from jobfollow.ui.forms.application_form import PEOPLE_TAB, ApplicationFormDialog

    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = QMenu(window)
    quit_action = QAction("Quit", window)
    file_menu.addAction(quit_action)
    statuses = []
    context = SimpleNamespace(parent=window, events=events, show_status=statuses.append,
                              menus=SimpleNamespace(file=file_menu, quit_action=quit_action),
                              keep_translated=lambda apply: apply())
    importer = install_contacts(context)
    assert file_menu.actions()[0] is importer.action
    warnings = modal.asked  # the message boxes' texts

    good = tmp_path / "Connections.csv"
    good.write_text(LINKEDIN, encoding="utf-8")
    bad = tmp_path / "contacts.vcf"
    bad.write_text("BEGIN:VCARD\nFN:Zoe\n", encoding="utf-8")
    assert importer.import_files([good, bad]) is None  # one bad file: nobody from either is imported
    assert "no END:VCARD" in warnings[0] and Contact.select().count() == 0

    assert importer.import_files([good]).added == 2
    assert "2 people added" in statuses[-1]
    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    form = ApplicationFormDialog(events, QUndoStack(), app)
    qtbot.addWidget(form)
    form.show_tab(PEOPLE_TAB)
    assert form.known_people.model.rowCount() == 1
    assert "Contoso" in form.known_people.title()
