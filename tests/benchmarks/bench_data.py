"""Data figures: import a 10,000-row CSV, export 2,000 cards as JSON, back up a 50 MB database."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from jobfollow.profile import open_profile_at
from jobfollow.store import backups, io_csv, io_json
from jobfollow.store.sample_data import fill_sample_data

STATUSES = ["Applied", "Interviewing", "Rejected", "Offer", "Phone screen", "Ghosted", "Second interview"]


def _tracker_csv(path: Path, rows: int) -> None:
    rng = random.Random(4)
    lines = ["Company;Job Title;Status;Date Applied;Job URL;Location;Salary;Notes;Recruiter;Recruiter Email"]
    for i in range(rows):
        lines.append(f"Company {i};Analyst {i % 40};{rng.choice(STATUSES)};2026-{1 + i % 12:02d}-{1 + i % 28:02d};"
                     f"https://jobs.example/{i};City {i % 50};{50 + i % 40}k EUR;Note about row {i};"
                     f"Person {i};person{i}@example.org")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(bench) -> None:
    work = Path(tempfile.mkdtemp(prefix="jobfollow-bench-data-"))
    try:
        source = work / "tracker.csv"
        _tracker_csv(source, 10_000)
        state = {}

        def fresh_profile():
            if "profile" in state:
                state["profile"].close()
            shutil.rmtree(work / "csv", ignore_errors=True)
            state["profile"] = open_profile_at(work / "csv")

        def import_csv():
            ids, _errors = io_csv.import_csv(source)
            assert len(ids) == 10_000

        bench.time("import a 10,000-row CSV (read, guess, store)", import_csv, setup=fresh_profile, repeat=5,
                   warmup=1, goal=3000, goal_op="<=")
        state.pop("profile").close()

        profile = open_profile_at(work / "json")
        fill_sample_data(2000, seed=3)
        bench.time("JSON export of 2,000 cards", lambda: io_json.export_json(work / "all.json"), repeat=10,
                   goal=1000, goal_op="<=")
        profile.close()

        profile = open_profile_at(work / "big")
        with profile.db.atomic():
            blob = "letter text " * 800  # ~10 KB per row, like long letters and notes
            profile.db.execute_sql("CREATE TABLE IF NOT EXISTS bench_filler (body TEXT)")
            for _n in range(5200):
                profile.db.execute_sql("INSERT INTO bench_filler (body) VALUES (?)", (blob,))
        size_mb = profile.db_path.stat().st_size / 1e6
        counter = iter(range(1000))
        bench.time(f"backup of a {size_mb:.0f} MB database", lambda: backups.back_up(
            profile.db, work / "backups", target=work / "backups" / f"b{next(counter)}.sqlite3"), repeat=10,
            goal=1000, goal_op="<=")
        profile.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
