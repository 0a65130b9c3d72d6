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
HEAVY_LIBRARIES = {
    "spellchecker": "pyspellchecker's word lists (loaded when a letter is checked)",
    "holidays": "public holidays (business-day follow-ups, computed after the paint)",
    "icalendar": "calendar export",
    "charset_normalizer": "CSV encoding detection",
    "PySide6.QtPrintSupport": "printing",
    "jobfollow.core.offers": "offers",
    "jobfollow.store.offers": "offers",
    "PySide6.QtDBus": "desktop notifications (the session bus is looked at when the first reminder is due)",
    "jobfollow.commands": "the command line's subcommands (the window's own options are parsed without them)",
    "jobfollow.core.insights": "insights",
    "jobfollow.core.worklog": "the work-search log",
    "jobfollow.ui.insights.insights_window": "insights",
    "jobfollow.ui.calendar.calendar_pane": "the calendar pane (built right after the board has painted)",
    "jobfollow.ui.letters.letter_pane": "the letter pane (built right after the board has painted)",
    "jobfollow.ui.settings": "Preferences",
}
# jobfollow's own, by module name wherever the module lives in the package.
HEAVY_MODULES = {
    "checklist": "the letter checklist",
    "sending": "copy, e-mail, print a letter",
    "template_manager": "the template manager",
    "io_json": "JSON import and export",
    "io_csv": "CSV import",
    "io_ics": "calendar export",
    "csv_mapping": "CSV import",
    "csv_import_dialog": "CSV import",
    "negotiation": "offer negotiation",
    "offer_dialog": "offers",
    "comparison_window": "offer comparison",
    "lessons_window": "lessons",
    "application_form": "the card form",
    "interview_form": "the interview form",
    "stage_editor": "the stage editor",
    "sample_data": "demo data",
    "recovery_dialog": "the recovery choice (a damaged database only)",
    "backups": "backups (the daily one runs after the open check)",
    "letter_editor": "the letter editor",
    "highlighter": "spell-check highlighting",
    "month_calendar": "the month calendar",
    "agenda_view": "the agenda",
    "contacts_io": "contacts import",
    "known_people": "contacts import",
    "worksearch_dialog": "the work-search log",
}
PACKAGE = ROOT / "jobfollow"


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
    early = {name: why for name, why in HEAVY_LIBRARIES.items()
             if name in modules or any(m.startswith(name + ".") for m in modules)}
    early |= {name: why for name, why in HEAVY_MODULES.items()
              if any(m.startswith("jobfollow.") and m.rsplit(".", 1)[1] == name for m in modules)}
    assert early == {}, f"imported before the first paint: {early}"


def test_every_guarded_module_still_exists():
    """A renamed module would slip past the guard above: the list follows the package."""
    names = {path.stem for path in PACKAGE.rglob("*.py")}
    assert set(HEAVY_MODULES) - names == set()
    ours = [name for name in HEAVY_LIBRARIES if name.startswith("jobfollow.")]
    missing = [name for name in ours if not (ROOT / name.replace(".", "/")).is_dir()
               and not (ROOT / (name.replace(".", "/") + ".py")).is_file()]
    assert missing == []


def test_first_paint_reads_only_the_interface_language(sample_profile):
    """Babel's data for another language is never read at start (the board paints before any date is
    formatted; the panes after it read the interface language's)."""
    loaded = _start_and_list(sample_profile, "--language", "de")
    assert "jobfollow.ui.main_window" in loaded["modules"]
    others = [name for name in loaded["babel_locales"] if name != "root" and not name.startswith("de")]
    assert others == []
