"""Getting a letter out: clipboard, the default e-mail program, the printer or a PDF file."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QWidget

from jobfollow.core.letters.mailto import mailto_url
from jobfollow.core.letters.placeholders import TokenKind, tokens
from jobfollow.i18n import _, format_number


def copy_text(subject: str, body: str) -> None:
    QGuiApplication.clipboard().setText(body)


def open_in_mail_program(to: str, subject: str, body: str) -> bool:
    """Open the default e-mail program with the letter; False when the system has none for mailto: links."""
    url = QUrl.fromEncoded(mailto_url(to, subject, body).encode("ascii"))
    return bool(QDesktopServices.openUrl(url))


def letter_document(subject: str, body: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(body)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, subject)
    return doc


def print_letter(subject: str, body: str, parent: QWidget) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(subject)
    dialog = QPrintDialog(printer, parent)
    if not dialog.exec():
        return False
    letter_document(subject, body).print_(printer)
    return True


def save_pdf(subject: str, body: str, path: str) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setDocName(subject)
    letter_document(subject, body).print_(printer)


PREVIEW_LIMIT = 50_000


def preview_html(subject: str, body: str, values: dict[str, str]) -> str:
    """The letter as it will be sent; placeholders still open are marked so they stand out."""

    def fill(text: str) -> str:
        out, last = [], 0
        for token in tokens(text):
            out.append(html.escape(text[last:token.start]))
            piece = text[token.start:token.end]
            if token.kind is TokenKind.LITERAL:
                out.append(html.escape(piece[0]))
            elif token.kind is TokenKind.PLACEHOLDER and values.get(token.name):
                out.append(html.escape(values[token.name]))
            else:
                out.append(f"<span style='background:#ffe2b8; color:#8a4b00'>{html.escape(piece)}</span>")
            last = token.end
        out.append(html.escape(text[last:]))
        return "".join(out)

    more = ""
    if len(body) > PREVIEW_LIMIT:
        more = "<p><i>" + html.escape(_("The preview shows the first {count} characters.").format(
            count=format_number(PREVIEW_LIMIT))) + "</i></p>"
    return (f"<p><b>{fill(subject)}</b></p><hr>"
            f"<div style='white-space:pre-wrap'>{fill(body[:PREVIEW_LIMIT])}</div>{more}")
