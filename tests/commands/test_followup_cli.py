"""`jobfollow done | snooze | skip | add | reopen` and the script fields of `due --json`."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobfollow.app import main
from jobfollow.store.models import Activity, FollowUp
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def due_json(profile, capsys, today=TODAY):
    assert main(["due", "--json", "--today", today.isoformat(), "--profile", str(profile.folder)]) == 0
    return json.loads(capsys.readouterr().out)


def run(profile, capsys, *args):
    try:
        code = main([*args, "--today", TODAY.isoformat(), "--profile", str(profile.folder)])
    except SystemExit as refused:  # argparse's own refusal (an unknown --result)
        code = refused.code
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


def test_thank_yous_carry_what_a_script_needs(demo_profile, capsys):
    items = due_json(demo_profile, capsys)
    thanks = [i for i in items if i["kind"] == "thank_you"]
    assert thanks
    for item in thanks:
        assert item["rule_key"].startswith(f"thank_you:{item['card']}:{item['interview_id']}:{item['contact_id']}")
        assert item["interview_date"] < item["due"] <= item["latest"]
        assert "@" in item["contact_email"]
        assert item["original_due"] is None


def test_ids_stay_the_same_across_refreshes(demo_profile, capsys):
    first = {i["rule_key"]: i["id"] for i in due_json(demo_profile, capsys) if i["rule_key"]}
    second = {i["rule_key"]: i["id"] for i in due_json(demo_profile, capsys, TODAY + dt.timedelta(days=1))}
    assert {key: second[key] for key in first if key in second} == {key: first[key] for key in first
                                                                      if key in second}
    assert len(set(first) & set(second)) > len(first) // 2


def test_done_with_a_reply_is_logged_and_reopen_undoes_it(demo_profile, capsys):
    item = next(i for i in due_json(demo_profile, capsys) if i["kind"] == "status_check")
    code, out, _err = run(demo_profile, capsys, "done", str(item["id"]), "--result", "reply")
    assert code == 0 and item["title"] in out and f"reopen {item['id']}" in out
    row = FollowUp.get_by_id(item["id"])
    assert (row.state, row.result) == ("done", "reply_received")
    assert Activity.select().where(Activity.application == item["card"], Activity.kind == "reply").exists()
    assert item["id"] not in {i["id"] for i in due_json(demo_profile, capsys)}
    # a done check schedules the next one; reopening takes it back, as Undo does in the window
    next_key = item["rule_key"].rsplit(":", 1)[0] + ":" + str(int(item["rule_key"].rsplit(":", 1)[1]) + 1)
    assert FollowUp.select().where(FollowUp.rule_key == next_key).exists()
    assert run(demo_profile, capsys, "reopen", str(item["id"]))[0] == 0
    assert FollowUp.get_by_id(item["id"]).state == "open"
    assert not FollowUp.select().where(FollowUp.rule_key == next_key).exists()


def test_snooze_keeps_the_original_date_and_skip_drops_it(demo_profile, capsys):
    items = due_json(demo_profile, capsys)
    first, second = items[0], items[1]
    assert run(demo_profile, capsys, "snooze", str(first["id"]), "+3d")[0] == 0
    snoozed = next(i for i in due_json(demo_profile, capsys) if i["id"] == first["id"])
    assert (snoozed["state"], snoozed["due"]) == ("snoozed", (TODAY + dt.timedelta(days=3)).isoformat())
    assert snoozed["original_due"] == first["due"]
    assert run(demo_profile, capsys, "snooze", str(first["id"]), "2026-06-01")[0] == 0
    assert run(demo_profile, capsys, "skip", str(second["id"]))[0] == 0
    assert second["id"] not in {i["id"] for i in due_json(demo_profile, capsys)}


def test_add_puts_a_follow_up_of_your_own_on_a_card(demo_profile, capsys):
    card = due_json(demo_profile, capsys)[0]["card"]
    code, out, _err = run(demo_profile, capsys, "add", str(card), "Send the portfolio", "2026-05-08")
    assert code == 0
    new = [i for i in due_json(demo_profile, capsys) if i["title"] == "Send the portfolio"]
    assert [(i["card"], i["kind"], i["due"], i["rule_key"]) for i in new] == [(card, "custom", "2026-05-08", None)]
    assert str(new[0]["id"]) in out


@pytest.mark.parametrize("args", [
    ("done", "99999"), ("done", "abc"), ("skip", "0"), ("snooze", "1", "2026-02-30"), ("snooze", "1", "tomorrow"),
    ("snooze", "1", "2026-05-01"), ("add", "99999", "Call", "2026-05-08"), ("add", "1", "Call", "05/08/2026"),
    ("add", "1", "  ", "2026-05-08"), ("done", "1", "--result", "maybe"),
])
def test_a_bad_id_or_date_is_one_line_and_exit_2(demo_profile, capsys, args):
    code, _out, err = run(demo_profile, capsys, *args)
    assert code == 2
    lines = err.splitlines()
    if lines[0].startswith("usage:"):  # argparse's refusal: its usage, then one line
        lines = [line for line in lines if not line.startswith(" ")][1:]
    assert len(lines) == 1


def test_a_finished_follow_up_is_refused_with_the_way_back(demo_profile, capsys):
    item = due_json(demo_profile, capsys)[0]
    assert run(demo_profile, capsys, "skip", str(item["id"]))[0] == 0
    code, _out, err = run(demo_profile, capsys, "done", str(item["id"]))
    assert code == 2 and "reopen" in err and len(err.splitlines()) == 1


@pytest.mark.slow
def test_todays_thank_yous_from_a_shell_on_a_fresh_profile(tmp_path):
    """The worked example of docs/followups.md, on a fresh profile filled by `--demo`."""
    folder = tmp_path / "fresh"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("QT_QPA_PLATFORM", None)
    from jobfollow.profile import open_profile_at
    from jobfollow.store.sample_data import fill_sample_data

    opened = open_profile_at(folder)
    fill_sample_data(25, seed=7, today=dt.date.today())
    opened.close()
    jobfollow = f"{sys.executable} -m jobfollow"
    script = (f"{jobfollow} due --json --profile {folder} | {sys.executable} -c \"import json,sys,datetime; "
              "t=datetime.date.today().isoformat(); "
              "[print(i['id'], i['contact_email'], i['title']) for i in json.load(sys.stdin) "
              "if i['kind']=='thank_you' and i['due']<=t]\"")
    result = subprocess.run(script, shell=True, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all("@" in line.split()[1] for line in lines)
    first_id = lines[0].split()[0]
    done = subprocess.run([sys.executable, "-m", "jobfollow", "done", first_id, "--result", "sent", "--profile",
                           str(folder)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
