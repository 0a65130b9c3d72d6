"""Reliability benchmark: damaged databases and mutated imports in the numbers the README reports.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.reliability [--damaged 200] [--imports 1000]
        [--self-test-every 10] [--json reliability-results.json]

Damaged databases: copies of a demo database with bit flips, truncation, a zeroed page or another program's
SQLite file go through `check`, `due`, `export`, `restore` (the damaged profile brought back from a good
backup, and the damaged file offered as a backup) and the window's start (`--self-test`, a real process).
Counted: tracebacks, messages longer than one line, files refused with the recovery choice, files used and
proven intact by SQLite's integrity check, files used although SQLite calls them damaged ("used silently").

Mutated imports: real JSON and CSV exports of the demo data, mutated (see tests/reliability_helpers.py),
imported into an empty and into a filled profile. Counted: tracebacks, partial imports (a refused import
that changed the profile), and accepted imports after which a later command fails: `due`, `due --json`,
`check`, every export, the window with every card's form and offer dialog and the offer comparison, the
self-test checks (in the window's process), and every Nth one a real `--self-test` process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.reliability_helpers import (
    DAMAGE_KINDS,
    damage,
    integrity_ok,
    later_commands_fail,
    make_demo_database,
    mutate_bytes,
    mutate_csv_cells,
    mutate_json,
    run_cli,
    table_counts,
)


def self_test_process(folder: Path) -> tuple[int, str]:
    """A real `jobfollow --self-test`; a start that hangs counts as a failure (exit code -1), not a crash here."""
    try:
        found = subprocess.run([sys.executable, "-m", "jobfollow", "--self-test", "--profile", str(folder)],
                               capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        return -1, "jobfollow: the window's start hung for 120 s"
    return found.returncode, found.stderr


QT_PLATFORM_NOISE = "This plugin does not support"  # the offscreen platform's own notes, not jobfollow's


def _one_line(stderr: str) -> bool:
    return len([line for line in stderr.strip().splitlines() if QT_PLATFORM_NOISE not in line]) <= 1


# -- damaged databases -----------------------------------------------------------------------------
def damaged_databases(count: int, work: Path, demo_db: Path) -> dict:
    from jobfollow.store.db_check import (
        DamagedDatabaseError,
        DatabaseOpenError,
        NotJobfollowDatabaseError,
        inspect_file,
    )

    original = demo_db.read_bytes()
    tally: Counter = Counter()
    problems: list[str] = []
    for number in range(count):
        kind = DAMAGE_KINDS[number % len(DAMAGE_KINDS)]
        data = damage(original, kind, random.Random(number))
        folder = work / "damaged"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        db_path = folder / "jobfollow.sqlite3"
        db_path.write_bytes(data)
        intact = integrity_ok(db_path)
        try:
            inspect_file(db_path)
            verdict = "used"
        except (DamagedDatabaseError, NotJobfollowDatabaseError):
            verdict = "refused with the recovery choice"
        except DatabaseOpenError:
            verdict = "refused otherwise"
        tally[verdict] += 1
        if verdict == "used":
            tally["used and proven intact" if intact else "used silently"] += 1
        runs = {
            "check": run_cli("check", "--profile", str(folder)),
            "due": run_cli("due", "--profile", str(folder), "--today", "2026-05-04"),
            "export": run_cli("export", "--profile", str(folder), str(work / f"out-{number}.json")),
            "restore a damaged backup": run_cli("restore", "--profile", str(work / "good"), str(db_path)),
        }
        code, stderr = self_test_process(folder)
        runs["window start"] = type("Run", (), {"code": code, "stderr": stderr,
                                                "traceback": "Traceback" in stderr})()
        runs["restore the damaged profile"] = run_cli("restore", "--profile", str(folder), str(demo_db))
        if code == -1:
            tally["window starts that hung"] += 1
            problems.append(f"{kind} #{number}: the window's start hung")
        for name, outcome in runs.items():
            tally["runs"] += 1
            if outcome.traceback:
                tally["tracebacks"] += 1
                problems.append(f"{kind} #{number} {name}: traceback {outcome.stderr.strip().splitlines()[-1]}")
            elif not _one_line(outcome.stderr):
                tally["multi-line messages"] += 1
                problems.append(f"{kind} #{number} {name}: {outcome.stderr.strip()!r}")
            if outcome.code == 0 and name in ("check", "due", "export", "window start") and not intact:
                tally["used silently by a command"] += 1
                problems.append(f"{kind} #{number} {name}: used although SQLite calls it damaged")
        if runs["restore the damaged profile"].code != 0:
            tally["restore failed"] += 1
            problems.append(f"{kind} #{number} restore: {runs['restore the damaged profile'].stderr.strip()}")
        kept = [p for p in folder.rglob("*.sqlite3") if p.name != "jobfollow.sqlite3" and p.read_bytes() == data]
        if verdict == "used":  # an intact file (which `due` may have changed since) is kept as a backup
            kept += list((folder / "backups").glob("*before-restore*.sqlite3"))
        if not kept:
            tally["replaced file not kept"] += 1
        for leftover in folder.rglob("*.partial"):
            tally["partial files left"] += 1
            problems.append(f"{kind} #{number}: left {leftover.name}")
        (work / f"out-{number}.json").unlink(missing_ok=True)
    return {"files": count, "tally": dict(tally), "problems": problems[:40]}


# -- mutated imports -------------------------------------------------------------------------------
class WindowCheck:
    """The window on a profile, every card's form, every offer and the comparison, and the self-test checks."""

    def __init__(self):
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([])
        self.errors: list[str] = []
        previous = sys.excepthook

        def hook(kind, value, tb):  # an exception inside a Qt slot
            self.errors.append(f"{kind.__name__}: {value}")

        self.previous_hook = previous
        sys.excepthook = hook
        self.boxes: list[str] = []
        self._answer_boxes_without_waiting()

    def _answer_boxes_without_waiting(self) -> None:
        """A box nobody can answer here would hang the run: each is recorded and answered "Cancel"."""
        from PySide6.QtWidgets import QDialog, QMessageBox

        from jobfollow.ui import plain_text

        def record(text: str, answer):
            self.boxes.append(text.splitlines()[0][:200] if text else "(a dialog)")
            return answer

        cancel = QMessageBox.StandardButton.Cancel
        for name in ("question", "warning", "information", "critical"):
            setattr(QMessageBox, name, staticmethod(lambda *args, **kwargs: record(str(args[2]) if len(args) > 2
                                                                                   else "", cancel)))
        plain_text.run = lambda box: record(box.text(), cancel)
        QDialog.exec = lambda dialog: record(dialog.windowTitle(), 0)

    @staticmethod
    def _open_form(window, app_id: int):
        """The card's form, left open for the check (its exec() returns at once): not a question asked."""
        from PySide6.QtWidgets import QDialog

        asking = QDialog.exec
        QDialog.exec = lambda dialog: 0
        try:
            return window.forms.open_application(app_id)
        finally:
            QDialog.exec = asking

    def failures(self, folder: Path) -> list[str]:
        from jobfollow.profile import open_profile_at
        from jobfollow.selfcheck import run_checks
        from jobfollow.services.events import AppEvents
        from jobfollow.store.models import JobApplication, Offer
        from jobfollow.ui.main_window import MainWindow

        self.errors.clear()
        self.boxes.clear()
        profile = open_profile_at(folder)
        window = None
        try:
            window = MainWindow(profile, AppEvents())
            window.show()
            self.app.processEvents()
            for app_id in [a.id for a in JobApplication.select(JobApplication.id)]:
                dialog = self._open_form(window, app_id)
                if dialog is not None:
                    for tab in range(dialog.tabs.count()) if hasattr(dialog, "tabs") else ():
                        dialog.tabs.setCurrentIndex(tab)
                    self.app.processEvents()
                    dialog.reject()
                    dialog.deleteLater()
            for offer in Offer.select(Offer.application):
                dialog = window.offers.open_offer(offer.application_id)
                self.app.processEvents()
                dialog.reject()
            window.offers.open_comparison()
            self.app.processEvents()
            failures = [f"self-test: {line}" for line in run_checks(window)]
        except Exception as exc:
            failures = [f"window: {type(exc).__name__}: {exc}"]
        finally:
            if window is not None:
                window.letter_pane.save_now = lambda always_report=False: True
                window.close()
                window.deleteLater()
                self.app.processEvents()
            profile.close()
        return failures + [f"slot: {error}" for error in self.errors] + [f"a box asked: {box}" for box in self.boxes]


def mutated_imports(count: int, work: Path, exports: Path, self_test_every: int) -> dict:
    tally: Counter = Counter()
    problems: list[str] = []
    window_check = WindowCheck()
    data = json.loads((exports / "all.json").read_text("utf-8"))
    csv_raw = (exports / "cards.csv").read_bytes()
    accepted = 0
    for number in range(count):
        rng = random.Random(10_000 + number)
        fmt = "json" if number % 2 == 0 else "csv"
        source = work / f"mutated.{fmt}"
        if fmt == "json":
            if rng.random() < 0.8:
                text = json.dumps(mutate_json(data, rng), ensure_ascii=rng.random() < 0.5)
                source.write_bytes(text.encode("utf-8", "surrogatepass"))
            else:
                source.write_bytes(mutate_bytes((exports / "all.json").read_bytes(), rng))
        elif rng.random() < 0.5:
            source.write_bytes(mutate_csv_cells(csv_raw.decode("utf-8-sig"), rng).encode("utf-8", "surrogatepass"))
        else:
            source.write_bytes(mutate_bytes(csv_raw, rng))
        into = "empty" if (number // 2) % 2 == 0 else "demo"
        folder = work / "target"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(exports / into, folder)
        before = table_counts(folder / "jobfollow.sqlite3")
        outcome = run_cli("import", "--profile", str(folder), str(source))
        tally[f"{fmt} imports"] += 1
        if outcome.traceback:
            tally["tracebacks"] += 1
            problems.append(f"{fmt} #{number}: traceback {outcome.stderr.strip().splitlines()[-1]}")
            continue
        if outcome.code != 0:
            tally[f"{fmt} refused"] += 1
            if not _one_line(outcome.stderr):
                tally["multi-line messages"] += 1
                problems.append(f"{fmt} #{number}: {outcome.stderr.strip()!r}")
            if table_counts(folder / "jobfollow.sqlite3") != before:
                tally["partial imports"] += 1
                problems.append(f"{fmt} #{number}: refused but the profile changed")
            continue
        tally[f"{fmt} accepted"] += 1
        accepted += 1
        failures = later_commands_fail(folder, work) + window_check.failures(folder)
        if self_test_every and accepted % self_test_every == 0:
            tally["--self-test processes"] += 1
            code, stderr = self_test_process(folder)
            if code != 0:
                failures.append(f"--self-test: {stderr.strip()[:300]}")
        if failures:
            tally["accepted imports after which something failed"] += 1
            problems.append(f"{fmt} #{number} into {into}: {failures[0]}")
    return {"imports": count, "tally": dict(tally), "problems": problems[:40]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--damaged", type=int, default=200)
    parser.add_argument("--imports", type=int, default=1000)
    parser.add_argument("--self-test-every", type=int, default=10, help="a real --self-test every Nth accepted import")
    parser.add_argument("--json", default="reliability-results.json")
    args = parser.parse_args()
    started = time.perf_counter()
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="jobfollow-reliability-") as temp:
        work = Path(temp)
        os.environ["JOBFOLLOW_HOME"] = str(work / "home")
        demo_db = make_demo_database(work / "demo")
        shutil.copytree(work / "demo", work / "good")
        for name in ("all.json", "cards.csv"):
            assert run_cli("export", "--profile", str(work / "demo"), str(work / name)).code == 0
        assert run_cli("check", "--profile", str(work / "empty")).code == 0
        if args.damaged:
            print(f"damaging {args.damaged} databases ...", file=sys.stderr, flush=True)
            results["damaged databases"] = damaged_databases(args.damaged, work, demo_db)
        if args.imports:
            print(f"importing {args.imports} mutated exports ...", file=sys.stderr, flush=True)
            results["mutated imports"] = mutated_imports(args.imports, work, work, args.self_test_every)
    results["seconds"] = round(time.perf_counter() - started, 1)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    Path(args.json).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
