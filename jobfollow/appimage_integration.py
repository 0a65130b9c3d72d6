"""First start of the AppImage: put jobfollow in the desktop's application menu, for this user, without root.

The AppImage runtime sets ``APPIMAGE`` (the file the user double-clicked) and ``APPDIR`` (where its contents are
mounted). We copy the AppDir's desktop entry into ``~/.local/share/applications`` with Exec pointing at the
AppImage file, and its icons into the user's hicolor theme. A later start rewrites the entry only when the
AppImage moved (or a newer one was started); an entry not written here (the .tar.gz's install script, a distro
package) is left alone, and so is everything when the user has opted out of desktop integration the way
AppImage tools agree on: the file ``~/.local/share/appimagekit/no_desktopintegration``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from jobfollow.desktop_file import exec_value

MARKER = "X-jobfollow-AppImage"
ENTRY_NAME = "jobfollow.desktop"


def data_home(env=os.environ) -> Path:
    return Path(env.get("XDG_DATA_HOME") or Path(env.get("HOME") or Path.home()) / ".local" / "share")


def opted_out(env=os.environ) -> bool:
    return (data_home(env) / "appimagekit" / "no_desktopintegration").exists()


def menu_entry(template: str, appimage: str) -> str:
    """The AppDir's desktop entry with every Exec starting the AppImage file, marked as ours."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            _program, _space, rest = line[len("Exec="):].partition(" ")
            line = "Exec=" + exec_value([appimage]) + (" " + rest if rest else "")
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
        if line == "[Desktop Entry]":
            lines.append(f"{MARKER}=true")
    return "\n".join(lines) + "\n"


def integrate(env=os.environ) -> Path | None:
    """Add or refresh the menu entry for the running AppImage; returns the entry written, None when nothing was."""
    appimage, appdir = env.get("APPIMAGE"), env.get("APPDIR")
    if not appimage or not appdir or opted_out(env):
        return None
    template = Path(appdir) / ENTRY_NAME
    entry = data_home(env) / "applications" / ENTRY_NAME
    try:
        wanted = menu_entry(template.read_text(encoding="utf-8"), appimage)
        if entry.exists():
            current = entry.read_text(encoding="utf-8")
            if current == wanted or f"{MARKER}=true" not in current:
                return None  # up to date, or someone else's entry
        _copy_icons(Path(appdir), data_home(env) / "icons" / "hicolor")
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(ENTRY_NAME + ".partial")
        partial.write_text(wanted, encoding="utf-8")
        os.replace(partial, entry)
    except OSError:
        return None  # a read-only home or a full disk: the program itself must still start
    return entry


def _copy_icons(appdir: Path, hicolor: Path) -> None:
    for source, target in ((appdir / "jobfollow.svg", hicolor / "scalable" / "apps" / "jobfollow.svg"),
                           (appdir / "jobfollow.png", hicolor / "256x256" / "apps" / "jobfollow.png")):
        if source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
