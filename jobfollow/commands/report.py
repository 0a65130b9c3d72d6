"""`jobfollow report funnel|log`: the insights or the work-search log for a date range, as text, CSV, JSON or PDF.

Only the PDF needs Qt (a bare QGuiApplication on the offscreen platform); the rest starts as fast as `due`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

from jobfollow.cli import CliError, subcommand
from jobfollow.i18n import _, ngettext
from jobfollow.profile import open_profile

FORMATS = ("text", "csv", "json", "pdf")


@subcommand("report", _("the insights (funnel) or the work-search log (log) for a date range"))
def _configure_report(parser) -> None:
    from jobfollow.core.worklog.presets import PRESET_KEYS

    parser.add_argument("what", choices=("funnel", "log"), help=_("funnel: the insights; log: the work-search log"))
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help=_("first day of the range (default: 90 days before the last)"))
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day of the range (default: today)"))
    parser.add_argument("--format", choices=FORMATS, default="text", help=_("output format (default: text)"))
    parser.add_argument("--preset", choices=PRESET_KEYS, default="plain",
                        help=_("layout of the log: de, us, uk, fr or plain (default: plain)"))
    parser.add_argument("--output", metavar="FILE", help=_("write to FILE instead of the screen (needed for pdf)"))
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=_("pretend today is this date"))
    parser.set_defaults(handler=run_report)


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(_("{option} wants a date like 2026-05-04, not {text!r}").format(option=option, text=text)) \
            from None


def run_report(args) -> int:
    from jobfollow.core.insights.report import RangeError, check_range

    today = _date(args.today, "--today") or dt.date.today()
    end = _date(args.end, "--to") or today
    start = _date(args.start, "--from") or end - dt.timedelta(days=90)
    try:
        check_range(start, end)
    except RangeError as exc:
        raise CliError(str(exc)) from None
    if args.format == "pdf" and not args.output:
        raise CliError(_("--format pdf needs --output FILE"))
    with open_profile(args.profile):
        if args.what == "funnel":
            output = _funnel(args, start, end, today)
        else:
            output = _log(args, start, end, today)
    if output is not None:
        _emit(output, args.output)
    return 0


def _funnel(args, start: dt.date, end: dt.date, today: dt.date) -> str | None:
    from jobfollow.core.insights.export import insights_json
    from jobfollow.core.insights.report import compute_insights
    from jobfollow.core.insights.tables import all_tables, pace_summary
    from jobfollow.i18n import first_day_of_week
    from jobfollow.store import insights_loader

    insights = compute_insights(insights_loader.load_card_records(), insights_loader.load_followup_records(),
                                start, end, today, insights_loader.weekly_goal(), first_day_of_week())
    if args.format == "json":
        return json.dumps(insights_json(insights), ensure_ascii=False, indent=1)
    if args.format == "pdf":
        def build():
            from jobfollow.ui.insights.report_document import insights_document

            return insights_document(insights)

        _pdf(build, Path(args.output), landscape=False)
        return None
    tables = all_tables(insights)
    if args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for table in tables:
            writer.writerow([table.title])
            writer.writerow(table.headers)
            writer.writerows(table.rows)
            writer.writerow([])
        return buffer.getvalue().rstrip("\n")
    lines = [_("Applications sent from {start} to {end}: {count}").format(
        start=start.isoformat(), end=end.isoformat(), count=insights.applications), *insights.notes]
    for table in tables:
        lines += ["", table.title, *_text_table(table.headers, table.rows)]
        if table is tables[7]:
            lines.append(pace_summary(insights))
    return "\n".join(lines)


def _log(args, start: dt.date, end: dt.date, today: dt.date) -> str | None:
    from jobfollow.core.insights.export import log_json
    from jobfollow.core.worklog.presets import headers, missing_facts, preset_by_key, rows
    from jobfollow.store import worklog_loader
    from jobfollow.store.settings import get_user_details

    preset = preset_by_key(args.preset)
    entries = worklog_loader.log_for(start, end)
    if not entries:
        print(_("No applications or contacts between {start} and {end}.").format(
            start=start.isoformat(), end=end.isoformat()), file=sys.stderr)
    lacking = missing_facts(preset, entries)
    if lacking:
        print(ngettext("{count} application lacks what this layout asks for (fill it in on the card's Details tab):",
                       "{count} applications lack what this layout asks for (fill it in on the cards' Details tab):",
                       len(lacking)).format(count=len(lacking)), file=sys.stderr)
    for missing in lacking:
        print(_("{employer}, {position}: missing {facts}").format(
            employer=missing.card.company, position=missing.card.position, facts=missing.text), file=sys.stderr)
    if args.format == "json":
        return json.dumps(log_json(entries), ensure_ascii=False, indent=1)
    if args.format == "pdf":
        person = get_user_details().name

        def build():
            from jobfollow.ui.insights.worklog_document import worklog_document

            return worklog_document(preset, entries, start, end, person, today)

        _pdf(build, Path(args.output), landscape=preset.landscape)
        return None
    if args.format == "csv":
        if args.output:
            worklog_loader.write_csv(Path(args.output), headers(preset), rows(preset, entries))
            return None
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headers(preset))
        writer.writerows(rows(preset, entries))
        return buffer.getvalue().rstrip("\n")
    return "\n".join(_text_table(headers(preset), rows(preset, entries)))


def _text_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]
    widths = [min(width, 40) for width in widths]

    def line(cells: list[str]) -> str:
        return "  ".join(cell[:width].ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    return [line(headers), line(["-" * width for width in widths]), *(line(row) for row in rows)]


def _pdf(build_document, target: Path, *, landscape: bool) -> None:
    """Print through Qt without a window: a bare QGuiApplication on the offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["jobfollow"])  # noqa: F841 - fonts need it alive
    from jobfollow.ui.insights.report_document import write_pdf

    try:
        write_pdf(build_document(), target, landscape=landscape)
    except OSError as exc:
        raise CliError(_("Cannot write {path}: {error}.").format(path=target, error=exc.strerror or exc)) from None


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise CliError(_("Cannot write {path}: {error}.").format(path=output, error=exc.strerror or exc)) \
                from None
        return
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
