"""Mutated copies of real JSON and CSV exports: refused whole in one sentence, or imported so that every
later command still works. The reliability benchmark runs 1,000 of them; the suite runs a bounded sample."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability_helpers import (
    later_commands_fail,
    make_demo_database,
    mutate_bytes,
    mutate_csv_cells,
    mutate_json,
    run_cli,
    table_counts,
)


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """A demo profile, its JSON and CSV exports, and an empty profile to import into."""
    root = tmp_path_factory.mktemp("exports")
    demo = root / "demo"
    make_demo_database(demo)
    for name in ("all.json", "cards.csv"):
        outcome = run_cli("export", "--profile", str(demo), str(root / name))
        assert outcome.code == 0, outcome.stderr
    empty = root / "empty"
    assert run_cli("check", "--profile", str(empty)).code == 0  # creates it, stages and templates seeded
    return root


def _import_and_check(exports, tmp_path, source, into: str) -> None:
    folder = tmp_path / "profile"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(exports / into, folder)
    before = table_counts(folder / "jobfollow.sqlite3")
    outcome = run_cli("import", "--profile", str(folder), str(source))
    assert not outcome.traceback, outcome.stderr
    if outcome.code != 0:
        assert outcome.lines == 1, outcome.stderr
        assert table_counts(folder / "jobfollow.sqlite3") == before, "a refused import changed the profile"
        return
    assert outcome.lines <= 1, outcome.stderr  # at most a warning about unreadable bytes
    assert later_commands_fail(folder, tmp_path) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), into=st.sampled_from(["empty", "demo"]))
def test_a_mutated_json_export_is_refused_whole_or_works_afterwards(exports, tmp_path, seed, into):
    rng = random.Random(seed)
    data = json.loads((exports / "all.json").read_text("utf-8"))
    source = tmp_path / "mutated.json"
    if rng.random() < 0.8:
        text = json.dumps(mutate_json(data, rng), ensure_ascii=rng.random() < 0.5)
        source.write_bytes(text.encode("utf-8", "surrogatepass"))
    else:
        source.write_bytes(mutate_bytes((exports / "all.json").read_bytes(), rng))
    _import_and_check(exports, tmp_path, source, into)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), into=st.sampled_from(["empty", "demo"]))
def test_a_mutated_csv_export_is_refused_whole_or_works_afterwards(exports, tmp_path, seed, into):
    rng = random.Random(seed)
    raw = (exports / "cards.csv").read_bytes()
    if rng.random() < 0.5:
        raw = mutate_csv_cells(raw.decode("utf-8-sig"), rng).encode("utf-8", "surrogatepass")
    else:
        raw = mutate_bytes(raw, rng)
    source = tmp_path / "mutated.csv"
    source.write_bytes(raw)
    _import_and_check(exports, tmp_path, source, into)
