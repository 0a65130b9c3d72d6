"""The text of a saved posting: a .txt, a web page saved as .html, an e-mail (.eml) or a PDF.

Plain standard library for the first three, pypdf (pure Python) for PDFs. Each failure is one
sentence in ``PostingFileError``; nothing is half-read.
"""

from __future__ import annotations

import email
import email.policy
import html
import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from jobfollow.core.posting import MAX_POSTING_BYTES, MAX_POSTING_CHARS
from jobfollow.i18n import _

POSTING_SUFFIXES = (".txt", ".html", ".htm", ".eml", ".pdf")


class PostingFileError(Exception):
    """A posting file that cannot be read; ``str(exc)`` is one sentence for the user."""


_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
           "header", "footer", "table", "dt", "dd", "title"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    body = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in html.unescape(body).splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text or parser.title.strip()


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def eml_to_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    content = ""
    if body is not None:
        try:
            content = body.get_content()
        except (LookupError, UnicodeError):
            content = decode_text(body.get_payload(decode=True) or b"")
        if body.get_content_type() == "text/html":
            content = html_to_text(content)
    subject = str(message.get("subject", "") or "")
    return f"{subject}\n\n{content}".strip() if subject else content.strip()


def pdf_to_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PostingFileError(_("{name} is a protected PDF; copy its text and paste it instead.").format(
                name=name))
        text = "\n".join(page.extract_text() or "" for page in reader.pages[:30])
    except PdfReadError as exc:
        raise PostingFileError(_("{name} is not a readable PDF ({error}).").format(name=name, error=exc)) from exc
    except (ValueError, KeyError, TypeError, IndexError) as exc:  # pypdf on a malformed file
        raise PostingFileError(_("{name} is not a readable PDF ({error}).").format(name=name, error=exc)) from exc
    # PDF writers space words with tabs and set ligatures ("ﬂ"): read it as typed text
    text = unicodedata.normalize("NFKC", text)
    text = "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    if not text.strip():
        raise PostingFileError(_("{name} holds no text (a scanned image?); paste the posting's text instead.")
                               .format(name=name))
    return text


def posting_text(path: Path) -> str:
    """The readable text of a saved posting; raises PostingFileError with one sentence."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in POSTING_SUFFIXES:
        raise PostingFileError(_("{name} is not a posting jobfollow can read; use a .txt, .html, .eml or .pdf "
                                 "file, or paste the text.").format(name=name))
    try:
        if path.stat().st_size > MAX_POSTING_BYTES:
            raise PostingFileError(_("{name} is too large for a job posting ({size} MB); paste the text "
                                     "instead.").format(name=name, size=path.stat().st_size // (1024 * 1024)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise PostingFileError(_("{name} is no longer there (moved or deleted?).").format(name=name)) from None
    except OSError as exc:
        raise PostingFileError(_("{name} cannot be read: {error}.").format(name=name, error=exc.strerror)) from exc
    if suffix == ".pdf":
        text = pdf_to_text(data, name)
    elif suffix == ".eml":
        text = eml_to_text(data)
    elif suffix in (".html", ".htm"):
        text = html_to_text(decode_text(data))
    else:
        text = decode_text(data)
    return text.strip()[:MAX_POSTING_CHARS]
