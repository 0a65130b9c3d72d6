"""Start at login: each platform's own entry, written into a temporary home."""

from __future__ import annotations

import plistlib

from jobfollow import autostart

COMMAND = ["/opt/jobfollow/jobfollow", "--minimized"]


def test_linux_desktop_file(tmp_path):
    where = {"home": tmp_path, "platform": "linux"}
    assert not autostart.is_enabled(**where)
    autostart.enable(command=COMMAND, **where)
    entry = tmp_path / ".config" / "autostart" / "jobfollow.desktop"
    text = entry.read_text()
    assert "Exec=/opt/jobfollow/jobfollow --minimized" in text and text.startswith("[Desktop Entry]")
    assert autostart.is_enabled(**where)
    autostart.disable(**where)
    assert not entry.exists() and not autostart.is_enabled(**where)
    autostart.disable(**where)  # twice is fine


def test_macos_launch_agent(tmp_path):
    where = {"home": tmp_path, "platform": "darwin"}
    autostart.set_enabled(True, command=COMMAND, **where)
    plist = plistlib.loads((tmp_path / "Library" / "LaunchAgents" / "org.jobfollow.plist").read_bytes())
    assert plist["ProgramArguments"] == COMMAND and plist["RunAtLoad"] is True
    autostart.set_enabled(False, **where)
    assert not autostart.is_enabled(**where)


class FakeRun:
    def __init__(self):
        self.values = {}

    def set(self, name, value):
        self.values[name] = value

    def get(self, name):
        return self.values.get(name)

    def delete(self, name):
        self.values.pop(name, None)


def test_windows_run_key():
    run = FakeRun()
    autostart.enable(platform="win32", command=[r"C:\Program Files\jobfollow\jobfollow.exe", "--minimized"],
                     registry=run)
    assert run.values == {"jobfollow": r'"C:\Program Files\jobfollow\jobfollow.exe" --minimized'}
    assert autostart.is_enabled(platform="win32", registry=run)
    autostart.disable(platform="win32", registry=run)
    assert not autostart.is_enabled(platform="win32", registry=run)


def test_the_entry_starts_minimised():
    assert autostart.launch_command()[-1] == "--minimized"


def test_the_entry_opens_the_profile_it_was_written_from(tmp_path):
    command = autostart.launch_command(tmp_path / "my profile")
    assert command[-3:] == ["--profile", str(tmp_path / "my profile"), "--minimized"]


def test_windows_starts_python_without_a_console_window(tmp_path, monkeypatch):
    for name in ("python.exe", "pythonw.exe"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(autostart.sys, "executable", str(tmp_path / "python.exe"))
    assert autostart.launch_command()[0] == str(tmp_path / "pythonw.exe")
    (tmp_path / "pythonw.exe").unlink()  # none next to it: keep what runs now
    assert autostart.launch_command()[0] == str(tmp_path / "python.exe")


def test_desktop_exec_quotes_the_way_the_spec_wants(tmp_path):
    """Double quotes around a path with a space (a shell's single quotes are not in the spec), % doubled."""
    where = {"home": tmp_path, "platform": "linux"}
    autostart.enable(command=["/opt/job follow/python3", "-m", "jobfollow", "--profile", "/home/a/My 100% jobs",
                              "--minimized"], **where)
    text = (tmp_path / ".config" / "autostart" / "jobfollow.desktop").read_text()
    assert ('Exec="/opt/job follow/python3" -m jobfollow --profile "/home/a/My 100%% jobs" --minimized\n'
            in text)
