"""The posting kept with a card: text from saved files, and the details it suggests."""

from email.message import EmailMessage

import pytest

from jobfollow.core.posting import company_key, detect_language, suggest
from jobfollow.core.posting_files import PostingFileError, posting_text
from jobfollow.store.applications import create_application
from jobfollow.store.postings import posting_of, save_posting, similar_cards

ENGLISH = """Data Analyst at Contoso Ltd
Location: Lyon, France
We are looking for a data analyst to join our team. You will work with the finance team and our partners.
Salary: €55,000 – €65,000 per year
"""

GERMAN = """Senior Backend Engineer
Fabrikam GmbH sucht einen Senior Backend Engineer (m/w/d)
Standort: Berlin
Gehalt: 70.000 – 85.000 EUR pro Jahr
Wir bieten Ihnen eine spannende Aufgabe und ein Team mit flachen Hierarchien und der Möglichkeit, mit uns zu wachsen.
"""

FRENCH = """Chargé de communication
Entreprise : Northwind SAS
Lieu : Nantes
Rémunération : 38 000 € - 42 000 € par an
Vous rejoindrez une équipe de cinq personnes et vous serez responsable de la communication pour nos clients.
"""


def test_labelled_lines_and_the_first_line_suggest_the_details():
    found = suggest(ENGLISH)
    assert (found.company, found.position_title, found.location) == ("Contoso Ltd", "Data Analyst", "Lyon, France")
    assert found.salary_range.startswith("€55,000") and "65,000" in found.salary_range


def test_postings_in_other_languages_are_read_with_their_own_labels():
    german = suggest(GERMAN)
    assert (german.company, german.position_title, german.location) == (
        "Fabrikam GmbH", "Senior Backend Engineer", "Berlin")
    assert "70.000" in german.salary_range and "85.000" in german.salary_range
    french = suggest(FRENCH)
    assert (french.company, french.position_title, french.location) == (
        "Northwind SAS", "Chargé de communication", "Nantes")
    assert "38 000" in french.salary_range
    assert [detect_language(t) for t in (ENGLISH, GERMAN, FRENCH)] == ["en", "de", "fr"]


def test_a_hiring_sentence_and_an_about_heading_name_the_company():
    found = suggest("Northwind Traders is hiring a Marketing Coordinator!\nFully remote\nPay range: $48k - $60k\n")
    assert (found.company, found.position_title, found.location) == (
        "Northwind Traders", "Marketing Coordinator", "Fully remote")
    assert found.salary_range == "$48k - $60k"
    assert suggest("Office Manager\nWhat you will do...\nAbout Tailspin Toys\nWe make toys.").company == "Tailspin Toys"


def test_text_without_clues_suggests_nothing_rather_than_guessing():
    assert suggest("Hello, please find attached my CV. Kind regards.").found() == {}


def test_company_names_compare_without_case_punctuation_or_legal_form():
    assert company_key("Contoso Ltd.") == company_key("contoso") == company_key("CONTOSO, Inc")
    assert company_key("Fabrikam GmbH") != company_key("Contoso")


def test_saved_html_eml_txt_and_pdf_postings_give_their_text(tmp_path, qtbot):
    page = tmp_path / "posting.html"
    page.write_text("<html><head><title>Jobs</title><style>p{}</style><script>var x=1;</script></head><body>"
                    "<h1>Data Analyst at Contoso</h1><p>Location: Lyon &amp; remote</p></body></html>", "utf-8")
    lines = [line for line in posting_text(page).splitlines() if line]
    assert lines == ["Data Analyst at Contoso", "Location: Lyon & remote"]

    message = EmailMessage()
    message["Subject"] = "Job alert: Data Analyst at Contoso"
    message["From"] = "alerts@jobs.example"
    message.set_content("Location: Lyon\nSalary: €55,000 – €65,000\n")
    mail = tmp_path / "alert.eml"
    mail.write_bytes(message.as_bytes())
    from_mail = suggest(posting_text(mail))
    assert (from_mail.position_title, from_mail.company, from_mail.location) == ("Data Analyst", "Contoso", "Lyon")

    text = tmp_path / "posting.txt"
    text.write_bytes(GERMAN.encode("cp1252", errors="replace"))
    assert suggest(posting_text(text)).location == "Berlin"

    pdf = tmp_path / "posting.pdf"
    write_pdf(pdf, ENGLISH)
    assert suggest(posting_text(pdf)).company == "Contoso Ltd"


def write_pdf(path, text):
    """A real PDF with a text layer, written by Qt."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText(text)
    document.print_(writer)
    del writer


def test_unreadable_postings_get_one_sentence(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(PostingFileError, match=r"broken\.pdf"):
        posting_text(broken)
    with pytest.raises(PostingFileError, match="no longer there"):
        posting_text(tmp_path / "gone.html")
    word = tmp_path / "posting.docx"
    word.write_bytes(b"PK")
    with pytest.raises(PostingFileError, match=r"\.txt, \.html, \.eml or \.pdf"):
        posting_text(word)


def test_the_posting_is_kept_with_the_card_and_similar_cards_are_found(profile):
    app = create_application("Contoso Ltd", "Data Analyst").id
    other = create_application("Contoso", "Office Manager").id
    create_application("Fabrikam", "Data Analyst")
    save_posting(app, ENGLISH, "posting.html")
    assert posting_of(app).text == ENGLISH.strip() and posting_of(app).source_name == "posting.html"
    save_posting(app, "")
    assert posting_of(app).text == ""
    found = similar_cards("contoso", "Data analyst")
    assert [(c.id, c.same_role) for c in found] == [(app, True), (other, False)]
    assert similar_cards("Contoso", "Data Analyst", exclude_id=app)[0].id == other
