"""Killing jobfollow while it writes loses nothing committed and never leaves a damaged database.

A child process opens the profile as the program does (WAL, synchronous=FULL) and adds cards, one
transaction each, printing the id after every commit. The test kills it with SIGKILL at a random moment
(sometimes while it is still opening or migrating), then checks that every printed id is in the file and
that SQLite's integrity_check is clean. A hundred kills, one database that grows across them.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

WRITER = r"""
import sys
from pathlib import Path
from jobfollow.profile import open_profile_at
from jobfollow.store.models import Activity, JobApplication, Stage

profile = open_profile_at(Path(sys.argv[1]))
stage = Stage.select().first()
print("ready", flush=True)
n = 0
while True:
    n += 1
    with profile.db.atomic():
        app = JobApplication.create(stage=stage, company=f"Company {n}", position_title="Analyst",
                                    notes="x" * (n % 7) * 500)
        Activity.create(application=app, kind="created", summary="crash test")
    print(app.id, flush=True)
"""

KILLS = 100


@pytest.mark.slow
@pytest.mark.timeout(180)
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_loses_no_committed_row(tmp_path):
    rng = random.Random(20260504)
    folder = tmp_path / "profile"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    committed: set[int] = set()
    for run in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=env, text=True)
        lines_before_kill = rng.choice([0, 0, 1, 2, 5, 10, 25, 60])
        seen = 0
        if lines_before_kill:
            for line in child.stdout:
                if line.strip().isdigit():
                    committed.add(int(line))
                seen += 1
                if seen >= lines_before_kill:
                    break
        child.send_signal(signal.SIGKILL)
        rest, _err = child.communicate()
        committed.update(int(line) for line in rest.split() if line.isdigit())
        _check(folder / "jobfollow.sqlite3", committed, run)
    assert len(committed) > KILLS  # the writer really got to write, many times


def _check(db_path: Path, committed: set[int], run: int) -> None:
    if not db_path.exists():
        assert not committed
        return
    conn = sqlite3.connect(db_path)  # opening replays the WAL, as the next start of jobfollow would
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"damaged after kill {run}"
        stored = {row[0] for row in conn.execute("SELECT id FROM job_application")}
        orphans = conn.execute(
            "SELECT count(*) FROM activity WHERE application_id NOT IN (SELECT id FROM job_application)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert committed <= stored, f"kill {run} lost committed ids {sorted(committed - stored)[:5]}"
    assert orphans == 0
