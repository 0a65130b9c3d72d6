"""`jobfollow report funnel|log`: the same figures and log as the window, as text, CSV, JSON or PDF."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobfollow.app import main
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def report(profile, *args: str) -> list[str]:
    return ["report", *args, "--today", TODAY.isoformat(), "--profile", str(profile.folder)]


def test_funnel_json_counts_the_demo_applications(demo_profile, capsys):
    assert main(report(demo_profile, "funnel", "--from", "2026-01-01", "--to", TODAY.isoformat(),
                       "--format", "json")) == 0
    data = json.loads(capsys.readouterr().out)
    reached = [step["reached"] for step in data["funnel"]]
    assert data["applications"] == reached[0] == 25
    assert reached == sorted(reached, reverse=True)
    assert data["funnel"][0]["conversion"] is None


def test_the_log_as_csv_in_the_uk_layout_and_what_cards_lack_on_stderr(demo_profile, capsys):
    assert main(report(demo_profile, "log", "--from", "2026-01-01", "--to", TODAY.isoformat(), "--format", "csv",
                       "--preset", "uk")) == 0
    captured = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(captured.out)))
    assert rows[0] == ["Date", "Activity", "Employer", "Position", "How", "Where you found it", "Result so far"]
    assert sum(1 for row in rows[1:] if row[1] == "Application sent") == 25
    assert "missing" in captured.err


def test_an_empty_range_says_so(demo_profile, capsys):
    assert main(report(demo_profile, "log", "--from", "2020-01-01", "--to", "2020-01-31")) == 0
    assert "No applications or contacts" in capsys.readouterr().err
    assert main(report(demo_profile, "funnel", "--from", "2020-01-01", "--to", "2020-01-31")) == 0
    assert "No applications were sent" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (("funnel", "--from", "2026-05-10", "--to", "2026-05-01"), "after its last day"),
    (("funnel", "--from", "10/05/2026"), "--from wants a date"),
    (("log", "--format", "pdf"), "needs --output"),
])
def test_bad_input_is_one_line_and_exit_2(profile, capsys, args, message):
    assert main(report(profile, *args)) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


@pytest.mark.slow
def test_a_german_log_as_pdf_from_the_command_line(demo_profile, tmp_path):
    target = tmp_path / "nachweis.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # the command sets the offscreen platform itself
    done = subprocess.run([sys.executable, "-m", "jobfollow", "--language", "de", *report(
        demo_profile, "log", "--from", "2026-01-01", "--to", TODAY.isoformat(), "--preset", "de", "--format", "pdf",
        "--output", str(target))], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")
    assert "missing" not in done.stderr  # what cards lack is listed in German too
