"""The frozen Linux program asks Qt for the desktop portal's native dialogs only where a portal can answer."""

from __future__ import annotations

from jobfollow.frozen_start import PORTAL_SERVICE, choose_platform_theme

DESKTOP = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus", "XDG_DATA_DIRS": "/usr/share",
           "HOME": "/home/a"}


def has_portal(path):
    return path == "/usr/share/" + PORTAL_SERVICE


def test_a_desktop_with_a_portal_gets_native_dialogs():
    env = dict(DESKTOP)
    choose_platform_theme(env, exists=has_portal)
    assert env["QT_QPA_PLATFORMTHEME"] == "xdgdesktopportal"


def test_a_portal_installed_for_the_user_counts_too():
    env = dict(DESKTOP)
    choose_platform_theme(env, exists=lambda path: path == "/home/a/.local/share/" + PORTAL_SERVICE)
    assert env["QT_QPA_PLATFORMTHEME"] == "xdgdesktopportal"


def test_the_users_own_theme_choice_stands():
    env = dict(DESKTOP, QT_QPA_PLATFORMTHEME="qt6ct")
    choose_platform_theme(env, exists=has_portal)
    assert env["QT_QPA_PLATFORMTHEME"] == "qt6ct"


def test_without_a_portal_qt_keeps_its_own_dialogs():
    env = dict(DESKTOP)
    choose_platform_theme(env, exists=lambda path: False)
    assert "QT_QPA_PLATFORMTHEME" not in env


def test_without_a_session_bus_or_a_screen_nothing_is_asked():
    no_bus = {key: value for key, value in DESKTOP.items() if key != "DBUS_SESSION_BUS_ADDRESS"}
    offscreen = dict(DESKTOP, QT_QPA_PLATFORM="offscreen")
    for env in (no_bus, offscreen):
        choose_platform_theme(env, exists=has_portal)
        assert "QT_QPA_PLATFORMTHEME" not in env
