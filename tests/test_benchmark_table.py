"""The README's Performance table is written from a benchmark run's JSON, leaving the rest of the README alone."""

from __future__ import annotations

import pytest

from tests.benchmarks.readme_table import replace_table

RESULTS = {"machine": "Linux x86_64, 2 cores, Python 3.11.7", "seconds": 151.4, "figures": [
    {"name": "board: drop move", "unit": "ms", "median": 6.661, "low": 5.77, "high": 9.634, "goal": 8,
     "goal_op": "<", "met": True},
    {"name": "memory ratio to bare window", "unit": "x", "median": 1.881, "low": 1.879, "high": 1.9, "goal": 1.5,
     "goal_op": "<=", "met": False},
    {"name": "bare window: resident memory", "unit": "MiB", "median": 57.08, "low": 57.0, "high": 57.1,
     "goal": None, "goal_op": "<", "met": None},
]}
README = "# jobfollow\n\nIntro.\n\n<!-- perf-table -->\nold table\n<!-- /perf-table -->\n\nRerun: ...\n"


def test_the_table_replaces_the_old_one_and_nothing_else():
    text = replace_table(README, RESULTS)
    assert "old table" not in text
    assert text.startswith("# jobfollow\n\nIntro.\n\n<!-- perf-table -->\nMeasured on Linux x86_64, 2 cores")
    assert text.endswith("<!-- /perf-table -->\n\nRerun: ...\n")
    assert "| board: drop move | 6.66 ms | 5.77 ms – 9.63 ms | < 8 ms | yes |" in text
    assert "| memory ratio to bare window | 1.88 x | 1.88 x – 1.90 x | <= 1.5 x | **no** |" in text
    assert "| bare window: resident memory | 57.1 MiB | 57.0 MiB – 57.1 MiB | reported |  |" in text
    assert "took 151 s" in text


def test_a_readme_without_the_markers_is_refused():
    with pytest.raises(ValueError, match="perf-table"):
        replace_table("# jobfollow\n", RESULTS)
