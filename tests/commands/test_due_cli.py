"""`jobfollow due`: the same engine and store, as text or JSON, overdue first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobfollow.app import main
from jobfollow.store.models import FollowUp
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def test_json_lists_open_followups_overdue_first(demo_profile, capsys):
    code = main(["due", "--json", "--today", TODAY.isoformat(), "--profile", str(demo_profile.folder)])
    assert code == 0
    items = json.loads(capsys.readouterr().out)
    assert items and set(items[0]) == {"id", "card", "company", "position", "kind", "title", "contact", "channel",
                                       "due", "state", "reason", "rule_key", "interview_id", "interview_date",
                                       "contact_id", "contact_email", "latest", "original_due"}
    dues = [item["due"] for item in items]
    assert dues == sorted(dues) and dues[0] < TODAY.isoformat() < dues[-1]
    assert {item["state"] for item in items} <= {"open", "snoozed"}
    assert "thank_you" in {item["kind"] for item in items}
    assert FollowUp.select().where(FollowUp.rule_key.is_null(False)).count() > 0


def test_running_twice_changes_nothing(demo_profile, capsys):
    args = ["due", "--json", "--today", TODAY.isoformat(), "--profile", str(demo_profile.folder)]
    main(args)
    first = capsys.readouterr().out
    main(args)
    assert capsys.readouterr().out == first


def test_text_listing_groups_by_overdue_today_and_coming_up(demo_profile, capsys):
    assert main(["due", "--today", TODAY.isoformat(), "--profile", str(demo_profile.folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Overdue\n") and "Coming up" in out and "days ago" in out


def test_a_bad_date_is_one_line_and_exit_2(profile, capsys):
    assert main(["due", "--today", "2026-02-30", "--profile", str(profile.folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "2026-02-30" in err


def test_nothing_due_says_so(profile, capsys):
    assert main(["due", "--today", TODAY.isoformat(), "--profile", str(profile.folder)]) == 0
    assert "Nothing is due" in capsys.readouterr().out


@pytest.mark.slow
def test_due_as_a_process_imports_no_qt(demo_profile):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = ("import sys, runpy; sys.argv=['jobfollow','due','--json','--profile',sys.argv[1]];"
            "from jobfollow.app import main; rc=main(sys.argv[1:]);"
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported';"
            "raise SystemExit(rc)")
    result = subprocess.run([sys.executable, "-c", code, str(demo_profile.folder)], env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
