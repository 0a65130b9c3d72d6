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

CHUNK = 40
# Share of the page width per column: dates are short, employers and activities long.
_WEIGHTS = {"date": 7, "activity": 14, "employer": 14, "employer_address": 18, "employer_reach": 18, "contact": 12,
            "contact_reach": 16, "position": 15, "method": 9, "found": 9, "result": 11}


def _column_widths(preset: Preset) -> list[int]:
    weights = [_WEIGHTS[column] for column in preset.columns]
    total = sum(weights)
    return [round(100 * weight / total) for weight in weights]


def worklog_html(preset: Preset, entries: list[LogEntry], start: dt.date, end: dt.date, person: str,
                 today: dt.date) -> str:
    widths = _column_widths(preset)
    head = "".join(f"<th align='left' width='{width}%'>{html.escape(text)}</th>"
                   for text, width in zip(headers(preset), widths, strict=True))
    lines = ["<tr>" + "".join(f"<td width='{width}%'>{html.escape(value)}</td>"
                              for value, width in zip(row, widths, strict=True)) + "</tr>"
             for row in rows(preset, entries)]
    # Tables of a few dozen rows: Qt lays out one long table in time that grows faster than its length.
    table = f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><thead><tr>{head}</tr></thead>"
    if not lines:
        nothing = html.escape(_("No applications or contacts in this range."))
        lines = [f"<tr><td colspan='{len(preset.columns)}'>{nothing}</td></tr>"]
    tables = "".join(table + "".join(lines[start:start + CHUNK]) + "</table>" for start in range(0, len(lines), CHUNK))
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
        + f"</p>{tables}"
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
