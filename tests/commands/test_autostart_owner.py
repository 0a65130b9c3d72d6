"""Start at login has one owner: the app's switch. The installer's box runs `jobfollow start-at-login on`, which
keeps the profile chosen in the app, and no install or upgrade turns the entry off. Each platform's real
mechanism is exercised: a fake HKCU Run key, a LaunchAgents folder and an XDG autostart folder in a temp home."""

from __future__ import annotations

import argparse
import plistlib
import sys

import pytest

from jobfollow import autostart
from jobfollow.commands.start_at_login import run_start_at_login

PLATFORMS = ("win32", "darwin", "linux")


class FakeRun:
    """HKCU\\...\\Run as a dict, with the same three calls as the real one."""

    def __init__(self):
        self.values = {}

    def set(self, name, value):
        self.values[name] = value

    def get(self, name):
        return self.values.get(name)

    def delete(self, name):
        self.values.pop(name, None)


@pytest.fixture(params=PLATFORMS)
def where(request, tmp_path):
    if request.param == "win32":
        return {"platform": "win32", "registry": FakeRun()}
    return {"platform": request.param, "home": tmp_path / "home"}


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """A frozen jobfollow at an install path with a space in it; returns a function that 'upgrades' it."""
    def install_at(folder_name):
        exe = tmp_path / folder_name / "jobfollow.exe"
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(exe))
        return str(exe)

    monkeypatch.delenv("APPIMAGE", raising=False)
    return install_at


def installer_box(ticked: bool, where) -> None:
    """What the setup does with its 'start at login' task: run `start-at-login on` when ticked, nothing else."""
    if ticked:
        assert run_start_at_login(argparse.Namespace(state="on", profile=None), **where) == 0


def in_app_switch(on: bool, profile, where) -> None:
    """What Preferences > Start at login does when saved (followup_settings_page.save)."""
    autostart.set_enabled(on, profile=profile, **where)


def test_a_fresh_install_with_the_box_ticked_starts_the_installed_program_minimised(where, installed):
    exe = installed("Program Files/jobfollow")
    installer_box(True, where)
    assert autostart.current_command(**where) == [exe, "--minimized"]


def test_a_fresh_install_with_the_box_unticked_adds_nothing(where, installed):
    installed("Program Files/jobfollow")
    installer_box(False, where)
    assert not autostart.is_enabled(**where)


def test_an_upgrade_with_the_box_unticked_keeps_what_the_user_turned_on_in_the_app(where, installed, tmp_path):
    exe = installed("Program Files/jobfollow")
    in_app_switch(True, tmp_path / "Job hunt 2026", where)
    installer_box(False, where)
    assert autostart.current_command(**where) == [exe, "--profile", str(tmp_path / "Job hunt 2026"), "--minimized"]


def test_an_upgrade_with_the_box_ticked_keeps_the_profile_and_points_at_the_new_copy(where, installed, tmp_path):
    installed("old place/jobfollow")
    in_app_switch(True, tmp_path / "R&D 100% jobs", where)
    new_exe = installed("new place/jobfollow")
    installer_box(True, where)
    assert autostart.current_command(**where) == [new_exe, "--profile", str(tmp_path / "R&D 100% jobs"),
                                                  "--minimized"]


def test_an_upgrade_does_not_bring_back_what_the_user_switched_off(where, installed, tmp_path):
    installed("Program Files/jobfollow")
    installer_box(True, where)
    in_app_switch(False, None, where)
    installer_box(False, where)  # UsePreviousTasks remembers the box; the user unticked it, or left it
    assert not autostart.is_enabled(**where)


def test_the_in_app_switch_replaces_the_installers_entry_with_its_own_profile(where, installed, tmp_path):
    exe = installed("Program Files/jobfollow")
    installer_box(True, where)
    in_app_switch(True, tmp_path / "second profile", where)
    assert autostart.entry_profile(autostart.current_command(**where)) == tmp_path / "second profile"
    assert autostart.current_command(**where)[0] == exe


def test_the_command_line_switch_reports_and_turns_off(where, installed, capsys):
    installed("Program Files/jobfollow")
    assert run_start_at_login(argparse.Namespace(state="status", profile=None), **where) == 0
    assert capsys.readouterr().out.strip() == "Start at login: off"
    installer_box(True, where)
    assert run_start_at_login(argparse.Namespace(state="off", profile=None), **where) == 0
    assert not autostart.is_enabled(**where)


def test_inside_an_appimage_the_entry_starts_the_appimage_file(monkeypatch, tmp_path):
    """sys.executable is inside a mount that disappears at exit; the AppImage file itself stays."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/tmp/.mount_jobfoXYZ/jobfollow")
    monkeypatch.setenv("APPIMAGE", str(tmp_path / "Apps" / "jobfollow-1.0-x86_64.AppImage"))
    assert autostart.launch_command()[0] == str(tmp_path / "Apps" / "jobfollow-1.0-x86_64.AppImage")


def test_the_run_value_and_launch_agent_are_in_the_form_windows_and_macos_read(tmp_path, installed):
    exe = installed("Program Files/jobfollow")
    run = FakeRun()
    profile = tmp_path / "my jobs"
    autostart.set_enabled(True, profile=profile, platform="win32", registry=run)
    assert run.values["jobfollow"] == f'"{exe}" --profile "{profile}" --minimized'
    autostart.set_enabled(True, profile=None, platform="darwin", home=tmp_path)
    agent = plistlib.loads((tmp_path / "Library" / "LaunchAgents" / "org.jobfollow.plist").read_bytes())
    assert agent["ProgramArguments"] == [exe, "--minimized"] and agent["RunAtLoad"] is True


def test_turned_on_from_the_console_companion_the_entry_starts_the_windowed_program(monkeypatch, tmp_path):
    """jobfollow-cli.exe in cmd.exe: at login it would open a console window; jobfollow.exe beside it does not."""
    folder = tmp_path / "jobfollow"
    folder.mkdir()
    (folder / "jobfollow.exe").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "jobfollow-cli.exe"))
    run = FakeRun()
    assert run_start_at_login(argparse.Namespace(state="on", profile=None), platform="win32", registry=run) == 0
    assert autostart.current_command(platform="win32", registry=run) == [str(folder / "jobfollow.exe"), "--minimized"]
