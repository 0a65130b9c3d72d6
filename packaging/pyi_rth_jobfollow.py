# PyInstaller runtime hook: runs in the frozen program before jobfollow/__main__.py (only Linux needs it).
import os
import sys


def _portal_available() -> bool:
    """An XDG desktop portal can be started on this session bus (GNOME, KDE, XFCE, Cinnamon... install one)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    data_dirs = (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    data_dirs.append(os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"))
    return any(os.path.exists(os.path.join(folder, "dbus-1", "services", "org.freedesktop.portal.Desktop.service"))
               for folder in data_dirs if folder)


if sys.platform.startswith("linux"):
    # Native file and print dialogs: the bundle cannot carry the desktop's own GTK or Plasma theme plugin (they
    # must match the system's GTK/KDE libraries), so Qt asks the XDG desktop portal, which each desktop answers
    # with its own dialogs. Without a portal Qt keeps its own dialog (and prints no D-Bus warnings).
    if "QT_QPA_PLATFORMTHEME" not in os.environ and _portal_available():
        os.environ["QT_QPA_PLATFORMTHEME"] = "xdgdesktopportal"

    from jobfollow.missing_library import install_hook

    install_hook()  # a missing libGL & co. becomes a message box, not a silent line on stderr

    if os.environ.get("APPIMAGE"):
        from jobfollow.appimage_integration import integrate

        integrate()  # first start of the AppImage: add it to the application menu
