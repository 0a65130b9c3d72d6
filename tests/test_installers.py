"""The installer scripts agree with the program (names, version, mutex) and the icons are real."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

from jobfollow import __version__
from jobfollow.installer_mutex import MUTEX_NAME, announce_running

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def test_inno_setup_waits_for_the_mutex_the_program_holds():
    script = (PACKAGING / "windows" / "jobfollow.iss").read_text("utf-8")
    assert re.search(rf"^AppMutex={re.escape(MUTEX_NAME)}$", script, re.M)
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.M)
    assert re.search(r"^Type: filesandordirs; Name: \"\{app\}\\_internal\"$", script, re.M)
    # the user's data folder is never named in the script, so the uninstaller cannot remove it
    assert "{userappdata}" not in script and "{localappdata}\\jobfollow" not in script


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the mutex is real")
def test_the_mutex_is_a_no_op_elsewhere():
    assert announce_running() is None


def test_desktop_entry_starts_the_program_by_name():
    entry = (PACKAGING / "linux" / "jobfollow.desktop").read_text("utf-8")
    assert "\nExec=jobfollow\n" in entry and "\nIcon=jobfollow\n" in entry and "\nType=Application\n" in entry


def test_spec_takes_the_version_and_languages_from_the_package():
    spec = (PACKAGING / "jobfollow.spec").read_text("utf-8")
    version_pattern = re.search(r"VERSION = re\.search\(r'(.+?)', ", spec)[1]
    init = (ROOT / "jobfollow" / "__init__.py").read_text("utf-8")
    assert re.search(version_pattern, init)[1] == __version__
    assert 'bundle_identifier="org.jobfollow.jobfollow"' in spec and '"NSHighResolutionCapable": True' in spec


def test_icons_hold_every_size_as_png():
    ico = (PACKAGING / "icons" / "jobfollow.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1) and count >= 6
    sizes = set()
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * index)
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and length > 0
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes
    icns = (PACKAGING / "icons" / "jobfollow.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    kinds, offset = set(), 8
    while offset < len(icns):
        kinds.add(icns[offset:offset + 4])
        offset += struct.unpack_from(">I", icns, offset + 4)[0]
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds


def test_the_setup_leaves_start_at_login_to_the_program():
    """Only the program writes the Run value: the setup's box asks it to turn it on, and nothing in an install or
    upgrade can turn it off (uninstalling runs `start-at-login off`, since the program is then gone)."""
    script = (PACKAGING / "windows" / "jobfollow.iss").read_text("utf-8")
    assert "[Registry]" not in script and "deletevalue" not in script
    assert re.search(r'^Filename: "\{app\}\\\{#AppExe\}"; Parameters: "start-at-login on";.*Tasks: startatlogin$',
                     script, re.M)
    assert 'Parameters: "start-at-login off"' in script.split("[UninstallRun]")[1]


def test_the_setup_runs_where_qt_does_in_the_systems_language_with_a_numeric_file_version():
    script = (PACKAGING / "windows" / "jobfollow.iss").read_text("utf-8")
    assert re.search(r"^MinVersion=10\.0\.17763$", script, re.M)  # Windows 10 1809, Qt 6's oldest
    assert re.search(r"^ShowLanguageDialog=no$", script, re.M)
    assert re.search(r"^VersionInfoVersion=\{#FileVersion\}$", script, re.M)
    assert "ISCC.exe" not in script and "Program Files" not in script
