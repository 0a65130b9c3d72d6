"""The insights as a printable document: the charts as pictures, every table beside them, statements first.

QtGui only, shared by the window's Print and Save as PDF and by ``jobfollow report funnel --format pdf``.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from jobfollow.core.insights.report import Insights
from jobfollow.core.insights.tables import Table, all_tables, pace_summary, stage_label
from jobfollow.i18n import _, format_date
from jobfollow.ui.insights.chart_painting import ChartColours, FunnelBar, WeekBar, paint_funnel, paint_weeks


def funnel_bars(insights: Insights) -> list[FunnelBar]:
    return [FunnelBar(stage_label(step.kind), step.reached, step.conversion) for step in insights.funnel.steps]


def week_bars(insights: Insights) -> list[WeekBar]:
    return [WeekBar(_week_label(week.start), week.applications, week.met) for week in insights.pace.weeks]


def _week_label(day) -> str:
    from babel.dates import format_skeleton

    from jobfollow.i18n import current_locale

    return format_skeleton("MMMd", day, locale=current_locale())


def table_html(table: Table, *, titled: bool = True) -> str:
    head = "".join(f"<th align='{'left' if i == 0 else 'right'}'>{html.escape(h)}</th>"
                   for i, h in enumerate(table.headers))
    body = "".join("<tr>" + "".join(f"<td align='{'left' if i == 0 else 'right'}'>{html.escape(cell)}</td>"
                                    for i, cell in enumerate(row)) + "</tr>" for row in table.rows)
    if not table.rows:
        nothing = html.escape(_("Nothing to show in this range."))
        body = f"<tr><td colspan='{len(table.headers)}'>{nothing}</td></tr>"
    title = f"<h3>{html.escape(table.title)}</h3>" if titled else ""
    return (f"{title}<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr>{head}</tr>{body}</table>")


def _chart_image(paint, width: int, height: int) -> QImage:
    image = QImage(width * 2, height * 2, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    font = QFont()
    font.setPointSizeF(9)
    paint(painter, QRectF(0, 0, width, height), font)
    painter.end()
    return image


def insights_document(insights: Insights, title: str | None = None) -> QTextDocument:
    document = QTextDocument()
    paper = ChartColours.for_paper()
    funnel = funnel_bars(insights)
    weeks = week_bars(insights)
    heading = html.escape(title or _("Insights"))
    parts = [f"<h2>{heading}</h2>",
             "<p>" + html.escape(_("Applications sent from {start} to {end}: {count}").format(
                 start=format_date(insights.start), end=format_date(insights.end), count=insights.applications))
             + "</p>"]
    parts += [f"<p><i>{html.escape(note)}</i></p>" for note in insights.notes]
    tables = all_tables(insights)
    parts.append(f"<h3>{html.escape(tables[0].title)}</h3>")
    if insights.applications:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://funnel"), _chart_image(
            lambda p, r, f: paint_funnel(p, r, funnel, paper, f), 560, 22 * len(funnel)))
        parts.append("<p><img src='chart://funnel'></p>")
    parts.append(table_html(tables[0], titled=False))
    parts += [table_html(table) for table in tables[1:7]]
    if insights.pace.weeks:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://weeks"), _chart_image(
            lambda p, r, f: paint_weeks(p, r, weeks, insights.pace.goal, paper, f), 560, 150))
        weekly_title = html.escape(_("Applications per week"))
        parts.append(f"<h3>{weekly_title}</h3>"
                     f"<p>{html.escape(pace_summary(insights))}</p><p><img src='chart://weeks'></p>")
    parts.append(table_html(tables[7], titled=not insights.pace.weeks))  # under the chart's own heading
    parts += [table_html(table) for table in tables[8:]]
    document.setHtml("".join(parts))
    return document


def write_pdf(document: QTextDocument, target: Path, *, landscape: bool = False) -> None:
    """Print ``document`` to a PDF file through Qt (A4, or Letter in the US and Canada), "page / pages" below.

    The document is laid out once, in pages of the paper's size, and each page is drawn scaled to the writer:
    QTextDocument.print_ would copy the document and lay it out again, which doubles the time of a long log.
    """
    from jobfollow.i18n import current_locale

    with open(target, "ab"):  # QPdfWriter fails silently on a folder it cannot write to: find out first
        pass
    writer = QPdfWriter(str(target))
    size = QPageSize.PageSizeId.Letter if current_locale().territory in ("US", "CA") else QPageSize.PageSizeId.A4
    writer.setPageSize(QPageSize(size))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(15, 12, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle) or "jobfollow")
    writer.setCreator("jobfollow")
    paper = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    footer_height = _LAYOUT_DPI * 0.3  # a line for the page number
    page = QSizeF(paper.width() * _LAYOUT_DPI, paper.height() * _LAYOUT_DPI - footer_height)
    document.setPageSize(page)
    pages = max(1, document.pageCount())
    scale = writer.resolution() / _LAYOUT_DPI
    painter = QPainter(writer)
    painter.scale(scale, scale)
    footer_font = QFont(document.defaultFont())
    footer_font.setPixelSize(round(8 * _LAYOUT_DPI / 72))  # 8 pt in layout units (the painter scales them)
    painter.setFont(footer_font)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * page.height())
        document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
        painter.restore()
        painter.drawText(QRectF(0, page.height(), page.width(), footer_height),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"{number + 1} / {pages}")
    painter.end()


# The document is laid out in these units (Qt's default logical DPI) and scaled to the writer's resolution.
_LAYOUT_DPI = 96.0
