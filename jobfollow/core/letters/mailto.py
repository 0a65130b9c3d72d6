"""mailto: URLs (RFC 6068): every reserved character percent-encoded, line breaks as CRLF, UTF-8."""

from __future__ import annotations

from urllib.parse import quote


def mailto_url(to: str, subject: str, body: str) -> str:
    """A URL the default e-mail program opens with recipient, subject and body filled.

    ``to`` may be empty: the mail program then opens with no recipient.
    """
    recipient = quote(to.strip(), safe="@+")
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{recipient}?{query}"
