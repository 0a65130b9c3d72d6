"""What the frozen Linux program does before anything else (called by packaging/pyi_rth_jobfollow.py).

- Native file and print dialogs: the bundle cannot carry the desktop's GTK or Plasma theme plugin (each must match
  the system's own GTK or KDE libraries), so when an XDG desktop portal can be started on the session bus, Qt is
  asked for its ``xdgdesktopportal`` theme and GNOME, KDE, XFCE, Cinnamon... show their own dialogs. Without a
  portal Qt keeps its own dialog (and prints no D-Bus warnings about a portal that is not there).
- A missing system library (libGL & co.) becomes a message box (:mod:`jobfollow.missing_library`).
- Started as an AppImage, the first start adds the menu entry (:mod:`jobfollow.appimage_integration`).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

PORTAL_SERVICE = os.path.join("dbus-1", "services", "org.freedesktop.portal.Desktop.service")


def portal_available(env: MutableMapping[str, str] = os.environ, exists=os.path.exists) -> bool:
    """A session bus is there, the platform draws on a screen, and some data folder has the portal's D-Bus service."""
    if env.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return False
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    folders = (env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    folders.append(env.get("XDG_DATA_HOME") or os.path.join(env.get("HOME") or os.path.expanduser("~"), ".local",
                                                            "share"))
    return any(exists(os.path.join(folder, PORTAL_SERVICE)) for folder in folders if folder)


def choose_platform_theme(env: MutableMapping[str, str] = os.environ, exists=os.path.exists) -> None:
    """The portal theme, unless the user chose a theme (QT_QPA_PLATFORMTHEME) or there is no portal."""
    if "QT_QPA_PLATFORMTHEME" not in env and portal_available(env, exists):
        env["QT_QPA_PLATFORMTHEME"] = "xdgdesktopportal"


def prepare() -> None:
    choose_platform_theme()

    from jobfollow.missing_library import install_hook

    install_hook()
    if os.environ.get("APPIMAGE"):
        from jobfollow.appimage_integration import integrate

        integrate()
