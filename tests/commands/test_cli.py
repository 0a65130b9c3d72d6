import os
import subprocess
import sys

import pytest

from jobfollow import __version__
from jobfollow.app import main


def run_cli(*args, env_home=None):
    env = dict(os.environ)
    if env_home:
        env["JOBFOLLOW_HOME"] = str(env_home)
    return subprocess.run([sys.executable, "-m", "jobfollow", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "--self-test" in capsys.readouterr().out


def test_unknown_argument_prints_usage_and_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--frobnicate"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: jobfollow")
    assert "unrecognized arguments: --frobnicate" in err


def test_check_reports_a_fresh_profile(profile_dir, capsys):
    assert main(["check", "--profile", str(profile_dir)]) == 0
    assert "0 applications, intact" in capsys.readouterr().out


def test_check_on_a_foreign_file_is_one_line_and_nonzero(profile_dir, capsys):
    profile_dir.mkdir(parents=True)
    (profile_dir / "jobfollow.sqlite3").write_text("hello")
    assert main(["check"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a jobfollow database" in err[0]


@pytest.mark.slow
def test_self_test_starts_the_whole_program(tmp_path):
    result = run_cli("--self-test", env_home=tmp_path / "p")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


@pytest.mark.slow
def test_demo_fills_an_empty_profile_and_refuses_a_used_one(tmp_path):
    folder = tmp_path / "demo"
    result = run_cli("--demo", "--profile", str(folder), "--self-test")
    assert result.returncode == 0, result.stderr
    check = run_cli("check", "--profile", str(folder))
    assert "25 applications" in check.stdout
    again = run_cli("--demo", "--profile", str(folder), "--self-test")
    assert again.returncode == 2
    assert "already holds a jobfollow database" in again.stderr


@pytest.mark.slow
def test_self_test_on_a_newer_database_fails_with_one_sentence(tmp_path):
    import sqlite3

    folder = tmp_path / "p"
    assert run_cli("check", "--profile", str(folder)).returncode == 0
    conn = sqlite3.connect(folder / "jobfollow.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    result = run_cli("--self-test", "--profile", str(folder))
    assert result.returncode == 1
    assert "newer jobfollow" in result.stderr


def test_language_works_before_and_after_a_command(profile_dir, capsys):
    assert main(["check", "--profile", str(profile_dir), "--language", "de"]) == 0
    after = capsys.readouterr().out
    assert main(["--language", "de", "check", "--profile", str(profile_dir)]) == 0
    before = capsys.readouterr().out
    assert after == before
    assert "intact" not in after  # German, not the English sentence


@pytest.mark.slow
def test_self_test_exits_even_when_its_reader_stopped_listening(tmp_path):
    """`jobfollow --self-test | grep -q passed`: the closed pipe hung the program on its last line."""
    env = dict(os.environ, JOBFOLLOW_HOME=str(tmp_path / "p"))
    with subprocess.Popen([sys.executable, "-m", "jobfollow", "--self-test"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env) as process:
        process.stdout.close()  # the reader is gone before the verdict is printed
        try:
            code = process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        errors = process.stderr.read().decode()
    assert code == 0, errors
    assert "Traceback" not in errors
