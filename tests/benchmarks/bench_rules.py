"""Follow-up figures: the rules on 10,000 cards, the store refresh, the tray tick, `jobfollow due`."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 5, 4)
_KEEP: list = []


def _open(folder: Path, count: int):
    from jobfollow.profile import open_profile_at
    from jobfollow.store.sample_data import fill_sample_data

    profile = open_profile_at(folder)
    fill_sample_data(count, seed=7, today=TODAY)
    return profile


def _calibration() -> None:
    """A fixed amount of plain Python work, to judge how busy the machine was during the run."""
    [(i, str(i)) for i in range(200_000)]


def run(bench) -> None:
    bench.time("calibration: 200,000 tuples and str() (machine speed)", _calibration, repeat=10,
               note="the same work in every run: a slow figure here means a busy machine")
    from jobfollow.core.rules import derive_followups
    from jobfollow.store.followup_facts_loader import load_application_facts
    from jobfollow.store.followups import pending_followups, refresh_followups, rule_context

    with tempfile.TemporaryDirectory(prefix="jf-rules-") as home:
        profile = _open(Path(home) / "big", 10_000)
        facts = load_application_facts()
        ctx = rule_context(TODAY)
        proposals = derive_followups(facts, ctx)
        from collections import Counter

        kinds = Counter(p.kind for p in proposals)
        round2 = sum(kinds[k] for k in ("offer_pending", "ask_deadline", "offer_details", "record_interview"))
        applied_checks = sum(1 for p in proposals if p.kind == "status_check" and p.interview is None)
        bench.time("rules: 10,000 applications (pure, prebuilt facts)", lambda: derive_followups(facts, ctx),
                   goal=50, repeat=30,
                   note=f"{len(proposals)} follow-ups proposed, {applied_checks} application checks and {round2} "
                        "offer/interview asks and offer-pending notes among them")
        bench.time("rules: load facts of 10,000 applications from the DB", load_application_facts, repeat=5)
        with profile.db.atomic():
            started = time.perf_counter()
            report = refresh_followups(today=TODAY)
            first = (time.perf_counter() - started) * 1000
        bench.record("first follow-up refresh, 10,000 applications", [first], goal=500, goal_op="<=",
                     note=f"created {report.created}; one run (a second would find nothing new)")
        bench.time("store refresh, re-run with nothing new (10,000 applications)",
                   lambda: refresh_followups(today=TODAY), repeat=5)
        from jobfollow.store.followups import RefreshMemo

        memo = RefreshMemo()
        refresh_followups(today=TODAY, memo=memo)
        refresh_followups(today=TODAY, memo=memo)  # the checks just stored are facts of their cards
        bench.time("store refresh, incremental: nothing new since the last run (10,000 applications)",
                   lambda: refresh_followups(today=TODAY, memo=memo), repeat=5,
                   note="facts read and hashed; no card run or compared")
        bench.time("store refresh of one card", lambda: refresh_followups([facts[17].id], today=TODAY), repeat=30)
        # A one-card change reads and writes only that card (unless it holds an accepted offer or one of the
        # two nearest offer deadlines, which other cards' follow-ups name).
        import jobfollow.store.followups_refresh as followups_store

        loaded: list = []
        original = followups_store.load_application_facts
        followups_store.load_application_facts = lambda scope=None: loaded.append(scope) or original(scope)
        try:
            one = next(f.id for f in facts if f.stage_kind == "interviewed")
            refresh_followups([one], today=TODAY)
            read = len(loaded[-1]) if loaded[-1] is not None else len(facts)
            bench.time("store refresh after a one-card change (an Interviewed card)",
                       lambda: refresh_followups([one], today=TODAY), repeat=30,
                       note=f"cards read per refresh: {read}")
        finally:
            followups_store.load_application_facts = original

        from PySide6.QtWidgets import QApplication

        from jobfollow.services.events import AppEvents
        from jobfollow.services.followups import FollowUpService

        _KEEP.append(QApplication.instance() or QApplication([]))  # lives until the process ends
        clock_now = [dt.datetime.combine(TODAY, dt.time(9))]
        controller = FollowUpService(AppEvents(), clock=lambda: clock_now[0])
        controller.today = TODAY
        from jobfollow.ui.tray.icon import ReminderTray

        window = type("Window", (), {"raise_to_front": lambda self: None, "quit_requested": lambda self: None})()
        tray = ReminderTray(controller, window)  # the tray listens to the tick too (no tray shown offscreen)
        controller.reload()
        controller._announce()
        pending = len(pending_followups())

        def tick():
            clock_now[0] += dt.timedelta(seconds=45)
            controller.tick()

        bench.time("tray tick with 10,000+ pending follow-ups", tick, goal=5, repeat=200,
                   note=f"{pending} pending follow-ups")
        controller.stop()
        tray.deleteLater()
        profile.close()

        folder = Path(home) / "two-thousand"
        _open(folder, 2_000).close()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop("QT_QPA_PLATFORM", None)
        command = [sys.executable, "-m", "jobfollow", "due", "--json", "--profile", str(folder),
                   "--today", TODAY.isoformat()]
        subprocess.run(command, env=env, check=True, capture_output=True)  # first run creates the follow-ups
        samples = []
        for _n in range(3 if bench.quick else 7):
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            samples.append((time.perf_counter() - started) * 1000)
        bench.record("`jobfollow due --json`, 2,000 applications (process)", samples, goal=1000)
