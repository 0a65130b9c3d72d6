"""The start path stays light: what the window's first paint does not need is imported when first used.

The real program starts in a subprocess (offscreen, on a small sample profile) and reports, at the board's
first paint, every module it has imported and every Babel locale it has read (ui/startup_probe.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each of these costs start-up time or memory and serves a feature the user opens later.
HEAVY = {
    "spellchecker": "pyspellchecker's word lists (loaded when a letter is checked)",
    "holidays": "public holidays (business-day follow-ups, computed after the paint)",
    "icalendar": "calendar export",
    "jobfollow.core.letters.checklist": "the letter checklist",
    "jobfollow.ui.letters.sending": "copy, e-mail, print a letter",
    "jobfollow.ui.letters.template_manager": "the template manager",
    "PySide6.QtPrintSupport": "printing",
    "jobfollow.store.io_json": "JSON import and export",
    "jobfollow.store.io_csv": "CSV import",
    "jobfollow.store.io_ics": "calendar export",
    "jobfollow.core.csv_mapping": "CSV import",
    "jobfollow.ui.dialogs.csv_import_dialog": "CSV import",
    "jobfollow.core.offers": "offers",
    "jobfollow.core.negotiation": "offer negotiation",
    "jobfollow.ui.offers.offer_dialog": "offers",
    "jobfollow.ui.offers.comparison_window": "offer comparison",
    "jobfollow.ui.offers.lessons_window": "lessons",
    "jobfollow.ui.dialogs.application_form": "the card form",
    "jobfollow.ui.dialogs.interview_form": "the interview form",
    "jobfollow.ui.board.stage_editor": "the stage editor",
    "jobfollow.store.sample_data": "demo data",
}


def _start_and_list(profile_dir: Path, *extra: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JOBFOLLOW_EXIT_AFTER_FIRST_PAINT="1",
               JOBFOLLOW_LIST_MODULES="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-m", "jobfollow", "--profile", str(profile_dir), *extra],
                          env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("loaded ")]
    assert lines, f"the window never painted (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(lines[0].removeprefix("loaded "))


@pytest.fixture(scope="module")
def sample_profile(tmp_path_factory):
    from jobfollow.profile import open_profile_at
    from jobfollow.store.sample_data import fill_sample_data

    folder = tmp_path_factory.mktemp("start") / "profile"
    profile = open_profile_at(folder)
    fill_sample_data(40, seed=5)
    profile.close()
    return folder


def test_first_paint_imports_nothing_heavy(sample_profile):
    loaded = _start_and_list(sample_profile)
    modules = set(loaded["modules"])
    assert "jobfollow.ui.main_window" in modules  # the probe saw the real window
    early = {name: why for name, why in HEAVY.items()
             if name in modules or any(m.startswith(name + ".") for m in modules)}
    assert early == {}, f"imported before the first paint: {early}"


def test_first_paint_reads_only_the_interface_language(sample_profile):
    loaded = _start_and_list(sample_profile, "--language", "de")
    assert "de" in loaded["babel_locales"]
    others = [name for name in loaded["babel_locales"] if name != "root" and not name.startswith("de")]
    assert others == []
