"""A double-clicked jobfollow that cannot load a system library says so in a message box, not only on stderr.

Linux bundles leave a few libraries to the distribution (OpenGL, the C++ runtime, D-Bus, ...). When one is not
installed, importing Qt raises ``ImportError: libGL.so.1: cannot open shared object file``; a program started from
a menu or a file manager has no terminal, so that line is lost. The frozen program's start-up hook installs
:func:`install_hook`: an uncaught ImportError of that kind becomes a dialog (zenity, kdialog, yad, Xdialog or
xmessage, whichever the desktop has) naming the library and the package that brings it.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import textwrap

from jobfollow.i18n import N_, _

# Package names on Debian/Ubuntu, Fedora and Arch for the libraries a bundle leaves to the system.
PACKAGES = {
    "libGL.so.1": ("libgl1", "mesa-libGL", "libglvnd"),
    "libEGL.so.1": ("libegl1", "mesa-libEGL", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++", "gcc-libs"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc", "gcc-libs"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libexpat.so.1": ("libexpat1", "expat", "expat"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
}
_SHARED_OBJECT = re.compile(r"([\w.+-]+\.so(?:\.[\d.]+)?): cannot open shared object file")

TITLE = N_("jobfollow cannot start")


def missing_library(error: BaseException) -> str | None:
    """The file name of the shared library an ImportError could not find, or None for any other error."""
    if not isinstance(error, ImportError):
        return None
    found = _SHARED_OBJECT.search(str(error))
    return found.group(1) if found else None


def explanation(library: str) -> str:
    """One paragraph for the dialog: what is missing and how to get it."""
    text = _("jobfollow needs the system library {library}, which is not installed on this computer.").format(
        library=library)
    packages = PACKAGES.get(library)
    if packages:
        debian, fedora, arch = packages
        text += " " + _("Install it with your software centre or a terminal: "
                        "sudo apt install {debian} (Debian, Ubuntu, Mint), sudo dnf install {fedora} (Fedora) "
                        "or sudo pacman -S {arch} (Arch), then start jobfollow again.").format(
            debian=debian, fedora=fedora, arch=arch)
    else:
        text += " " + _("Install the package that provides it with your software centre, then start jobfollow "
                        "again.")
    return text


def dialog_command(title: str, text: str, which=shutil.which) -> list[str] | None:
    """The first message-box tool this desktop has, as a command line (None when there is none)."""
    candidates = (
        ("zenity", ["--error", "--no-markup", f"--title={title}", f"--text={text}"]),
        ("kdialog", ["--title", title, "--error", text]),
        ("yad", ["--error", f"--title={title}", f"--text={text}", "--button=OK:0"]),
        ("Xdialog", ["--title", title, "--msgbox", text, "0", "0"]),
        ("xmessage", ["-center", f"{title}\n\n" + textwrap.fill(text, 72)]),  # xmessage never wraps
    )
    for tool, arguments in candidates:
        path = which(tool)
        if path:
            return [path, *arguments]
    return None


def report(library: str, run=subprocess.run, which=shutil.which) -> None:
    """Say it on stderr (for a terminal) and in a dialog (for a double-click)."""
    title, text = _(TITLE), explanation(library)
    print(f"jobfollow: {text}", file=sys.stderr)
    command = dialog_command(title, text, which)
    if command:
        with contextlib.suppress(OSError, subprocess.SubprocessError):  # stderr already has it
            run(command, check=False, timeout=600)


def install_hook() -> None:
    """Wrap sys.excepthook: a missing shared library gets the dialog, everything else the usual traceback."""
    previous = sys.excepthook

    def hook(kind, error, traceback):
        library = missing_library(error)
        if library:
            try:
                import os

                from jobfollow.i18n import set_language

                # the language the program itself would pick (it never got as far as reading its settings)
                set_language(os.environ.get("JOBFOLLOW_LANGUAGE") or None)
            except Exception:  # English is better than nothing
                pass
            report(library)
        else:
            previous(kind, error, traceback)

    sys.excepthook = hook
