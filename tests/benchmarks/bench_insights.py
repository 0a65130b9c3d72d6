"""Insights and the work-search log: the figures for 10,000 applications, a 500-application log as PDF."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

TODAY = dt.date(2026, 5, 4)
START = TODAY - dt.timedelta(days=365)
_KEEP: list = []


def _calibration() -> None:
    """The same plain Python work as bench_rules: a slow figure here means a busy machine, not slow code."""
    [(i, str(i)) for i in range(200_000)]


def run(bench) -> None:
    bench.time("insights run: calibration, 200,000 tuples and str()", _calibration, repeat=10,
               note="about 30 ms on an idle 2-core machine")
    from jobfollow.core.insights.report import compute_insights
    from jobfollow.profile import open_profile_at
    from jobfollow.store.insights_loader import load_card_records, load_followup_records
    from jobfollow.store.sample_data import fill_sample_data

    with tempfile.TemporaryDirectory(prefix="jf-insights-") as home:
        profile = open_profile_at(Path(home) / "big")
        fill_sample_data(10_000, seed=7, today=TODAY)
        cards, followups = load_card_records(), load_followup_records()
        result = compute_insights(cards, followups, START, TODAY, TODAY, 5)
        bench.time("insights: 10,000 applications (pure, records loaded)",
                   lambda: compute_insights(cards, followups, START, TODAY, TODAY, 5), goal=200, repeat=10,
                   note=f"{result.applications} applications, {len(followups)} follow-ups")
        bench.time("insights: load 10,000 applications' histories from the DB",
                   lambda: (load_card_records(), load_followup_records()), repeat=5)
        profile.close()

        from PySide6.QtGui import QGuiApplication

        _KEEP.append(QGuiApplication.instance() or QGuiApplication([]))
        from jobfollow.core.worklog.presets import preset_by_key
        from jobfollow.store.worklog_loader import log_for
        from jobfollow.ui.insights.report_document import write_pdf
        from jobfollow.ui.insights.worklog_document import worklog_document

        profile = open_profile_at(Path(home) / "log")
        fill_sample_data(500, seed=7, today=TODAY)
        entries = log_for(START, TODAY)
        applications = sum(1 for entry in entries if entry.kind == "application")
        preset = preset_by_key("de")
        target = Path(home) / "log.pdf"

        def render() -> None:
            write_pdf(worklog_document(preset, entries, START, TODAY, "Alex Morgan", TODAY), target,
                      landscape=True)

        bench.time("work-search log: 500 applications to PDF (German layout)", render, goal=2000, repeat=3,
                   note=f"{applications} applications, {len(entries)} lines with their contacts")
        profile.close()
