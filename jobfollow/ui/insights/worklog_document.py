"""The work-search log as a printed page: the layout's title, whose search, the range, then one table.

QtGui only, shared by the log dialog and ``jobfollow report log --format pdf``.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtGui import QTextDocument

from jobfollow.core.worklog.entries import LogEntry
from jobfollow.core.worklog.presets import Preset, headers, rows
from jobfollow.i18n import _, format_date


def worklog_html(preset: Preset, entries: list[LogEntry], start: dt.date, end: dt.date, person: str,
                 today: dt.date) -> str:
    head = "".join(f"<th align='left'>{html.escape(text)}</th>" for text in headers(preset))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(value)}</td>" for value in row) + "</tr>"
                   for row in rows(preset, entries))
    if not entries:
        nothing = html.escape(_("No applications or contacts in this range."))
        body = f"<tr><td colspan='{len(preset.columns)}'>{nothing}</td></tr>"
    who = html.escape(person) if person else "&nbsp;" * 40
    title, name_label = html.escape(_(preset.title)), html.escape(_("Name:"))
    made = html.escape(_("Made with jobfollow on {date}.").format(date=format_date(today)))
    signature = html.escape(_("Date and signature:"))
    return (
        "<html><body style='font-size: 9pt'>"
        f"<h2>{title}</h2>"
        f"<p>{name_label} <b>{who}</b><br>"
        + html.escape(_("From {start} to {end}").format(start=format_date(start), end=format_date(end)))
        + "<br>" + html.escape(_("Entries: {count}").format(count=len(entries)))
        + f"</p><table border='1' cellspacing='0' cellpadding='3' width='100%'><thead><tr>{head}</tr></thead>"
        f"{body}</table>"
        f"<p><br>{made}</p>"
        f"<p><br><br>{signature} ____________________________</p>"
        "</body></html>"
    )


def worklog_document(preset: Preset, entries: list[LogEntry], start: dt.date, end: dt.date, person: str,
                     today: dt.date) -> QTextDocument:
    document = QTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, _(preset.title))
    document.setHtml(worklog_html(preset, entries, start, end, person, today))
    return document
