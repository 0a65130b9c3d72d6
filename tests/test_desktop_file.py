"""Exec lines of desktop entries: any folder name a user can make survives writing and reading back, and the
file passes desktop-file-validate (the check GNOME and KDE menus apply)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobfollow.desktop_file import exec_value, split_exec

AWKWARD = ["/home/a/R&D 100%/jobfollow", "/opt/it's \"quoted\"/job|follow", "/x/$HOME `ls` \\back\\slash/a;b",
           "/tmp/tab\there", "--profile", "/home/b/50% (new)"]


def test_awkward_paths_come_back_unchanged():
    assert split_exec(exec_value(AWKWARD)) == AWKWARD


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1), min_size=1,
                max_size=4))
def test_any_arguments_come_back_unchanged(args):
    assert split_exec(exec_value(args)) == args


def test_plain_arguments_stay_unquoted_and_percent_is_doubled():
    assert exec_value(["/opt/jobfollow/jobfollow", "--minimized"]) == "/opt/jobfollow/jobfollow --minimized"
    assert exec_value(["/a/100%"]) == "/a/100%%"


def test_field_codes_are_not_arguments():
    assert split_exec("jobfollow %U") == ["jobfollow"]


def test_an_unclosed_quote_is_an_error():
    with pytest.raises(ValueError):
        split_exec('"/opt/jobfollow')


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_an_awkward_exec_line_validates(tmp_path):
    entry = tmp_path / "jobfollow.desktop"
    entry.write_text("[Desktop Entry]\nType=Application\nName=jobfollow\nExec=" + exec_value(AWKWARD) + "\n",
                     encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
