"""Start jobfollow at login, minimised to the tray, using each platform's own mechanism.

- Windows: a value in ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``;
- macOS: ``~/Library/LaunchAgents/org.jobfollow.plist`` (RunAtLoad);
- Linux and other XDG desktops: ``~/.config/autostart/jobfollow.desktop`` (or ``$XDG_CONFIG_HOME``).

One owner: the app's Preferences switch and ``jobfollow start-at-login on|off`` (which the Windows installer's
"start at login" box runs) both come through here. Turning it on keeps the profile of an entry already there, so
an installer or an upgrade never drops the ``--profile`` the user chose in the app, and nothing but the user's own
switch (or uninstalling the program) turns it off.

Pure Python and no Qt: every function takes ``home`` and ``platform`` so tests point it at a
temporary folder; the Windows registry is reached through a small object that tests can replace.
"""

from __future__ import annotations

import os
import plistlib
import re
import sys
from pathlib import Path

from jobfollow.desktop_file import exec_value, split_exec

APP_ID = "jobfollow"
LAUNCH_AGENT_LABEL = "org.jobfollow"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
MINIMIZED = "--minimized"


def launch_command(profile: Path | None = None) -> list[str]:
    """How to start this jobfollow: the frozen executable, else this Python running the package; on the
    profile given (the one open when the entry was written), minimised."""
    where = ["--profile", str(profile)] if profile is not None else []
    if getattr(sys, "frozen", False):
        # Inside an AppImage sys.executable lives in a mount that is gone after exit: start the AppImage file.
        return [os.environ.get("APPIMAGE") or _windowed(Path(sys.executable)), *where, MINIMIZED]
    python = Path(sys.executable)
    windowless = python.with_name("pythonw.exe")
    if python.name.lower() == "python.exe" and windowless.exists():
        python = windowless  # python.exe would open a console window at every login
    return [str(python), "-m", "jobfollow", *where, MINIMIZED]


def _windowed(executable: Path) -> str:
    """Windows' console companion (jobfollow-cli.exe, which `start-at-login on` may run from a terminal) would
    open a console window at every login: the entry starts the windowed jobfollow.exe beside it."""
    if executable.stem.lower() == "jobfollow-cli":
        windowed = executable.with_name("jobfollow" + executable.suffix)
        if windowed.exists():
            return str(windowed)
    return str(executable)


def _platform(platform: str | None) -> str:
    name = platform or sys.platform
    if name.startswith("win"):
        return "windows"
    if name == "darwin":
        return "macos"
    return "linux"


def entry_path(home: Path | None = None, platform: str | None = None) -> Path | None:
    """The file that makes jobfollow start at login (None on Windows, where it is a registry value)."""
    home = home or Path.home()
    kind = _platform(platform)
    if kind == "macos":
        return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    if kind == "linux":
        config = os.environ.get("XDG_CONFIG_HOME") if home == Path.home() else None
        return Path(config or home / ".config") / "autostart" / f"{APP_ID}.desktop"
    return None


def desktop_entry(command: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=jobfollow",
        "Comment=Follow-up reminders after job interviews",
        "Exec=" + exec_value(command),
        "Icon=jobfollow",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def launch_agent(command: list[str]) -> bytes:
    return plistlib.dumps({"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": command, "RunAtLoad": True,
                           "ProcessType": "Interactive"})


class _WindowsRun:
    """The HKCU Run key through winreg (only imported on Windows)."""

    def set(self, name: str, value: str) -> None:
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def get(self, name: str) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return winreg.QueryValueEx(key, name)[0]
        except OSError:
            return None

    def delete(self, name: str) -> None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except OSError:
            pass


def _windows_command(command: list[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


def _split_windows_command(value: str) -> list[str]:
    """The reverse of _windows_command (a Run value holds no escaped quotes: Windows paths cannot contain one)."""
    return [quoted or bare for quoted, bare in re.findall(r'"([^"]*)"|(\S+)', value)]


def enable(home: Path | None = None, platform: str | None = None, command: list[str] | None = None,
           registry=None, profile: Path | None = None) -> None:
    """Write the login entry (replacing an older one, e.g. after the program moved)."""
    command = command or launch_command(profile)
    kind = _platform(platform)
    if kind == "windows":
        (registry or _WindowsRun()).set(APP_ID, _windows_command(command))
        return
    path = entry_path(home, platform)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    if kind == "macos":
        partial.write_bytes(launch_agent(command))
    else:
        partial.write_text(desktop_entry(command), encoding="utf-8")
    os.replace(partial, path)


def disable(home: Path | None = None, platform: str | None = None, registry=None) -> None:
    if _platform(platform) == "windows":
        (registry or _WindowsRun()).delete(APP_ID)
        return
    path = entry_path(home, platform)
    if path.exists():
        path.unlink()


def is_enabled(home: Path | None = None, platform: str | None = None, registry=None) -> bool:
    if _platform(platform) == "windows":
        return bool((registry or _WindowsRun()).get(APP_ID))
    return entry_path(home, platform).exists()


def set_enabled(on: bool, profile: Path | None = None, **where) -> None:
    if on:
        enable(profile=profile, **where)
    else:
        disable(**where)


def current_command(home: Path | None = None, platform: str | None = None, registry=None) -> list[str] | None:
    """The command the login entry runs now, or None when there is no (readable) entry."""
    kind = _platform(platform)
    if kind == "windows":
        value = (registry or _WindowsRun()).get(APP_ID)
        return _split_windows_command(value) if value else None
    path = entry_path(home, platform)
    try:
        if kind == "macos":
            arguments = plistlib.loads(path.read_bytes()).get("ProgramArguments")
            return [str(part) for part in arguments] if isinstance(arguments, list) else None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("Exec="):
                return split_exec(line[len("Exec="):])
    except (OSError, ValueError, plistlib.InvalidFileException):
        return None
    return None


def entry_profile(command: list[str] | None) -> Path | None:
    """The --profile an entry opens (None: the default profile)."""
    if command and "--profile" in command[:-1]:
        return Path(command[command.index("--profile") + 1])
    return None


def turn_on_keeping_choice(home: Path | None = None, platform: str | None = None, registry=None,
                           profile: Path | None = None) -> list[str]:
    """What an installer's "start at login" box does: on, for this copy of the program, on the profile given or
    else on the profile of the entry already there (the one chosen in the app). Returns the command written."""
    where = {"home": home, "platform": platform, "registry": registry}
    if profile is None:
        profile = entry_profile(current_command(**where))
    command = launch_command(profile)
    enable(command=command, **where)
    return command
