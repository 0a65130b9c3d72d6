"""Linux packaging pieces that run on a user's machine or guard the build: the .tar.gz's menu-entry script with
awkward folder names, the desktop entry, and the glibc floor check."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jobfollow.desktop_file import split_exec

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
needs_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a POSIX shell script")
validator = pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")


def _check_glibc():
    spec = importlib.util.spec_from_file_location("check_glibc", LINUX / "check_glibc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _unpacked_archive(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("install-desktop-entry.sh", "jobfollow.desktop"):
        shutil.copy(LINUX / name, folder / name)
    shutil.copy(ROOT / "resources/icons/jobfollow.svg", folder / "jobfollow.svg")
    shutil.copy(ROOT / "packaging/icons/png/jobfollow-256.png", folder / "jobfollow.png")
    return folder


@needs_linux
@pytest.mark.parametrize("name", ["R&D 100%", "a|b c", "it's \"new\" $HOME `x`", "back\\slash"])
def test_the_menu_entry_starts_the_program_in_any_folder(tmp_path, name):
    folder = _unpacked_archive(tmp_path / name / "jobfollow-1.0")
    data = tmp_path / "data"
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)})
    entry = (data / "applications" / "jobfollow.desktop").read_text("utf-8")
    execs = [split_exec(line[5:]) for line in entry.splitlines() if line.startswith("Exec=")]
    assert execs == [[str(folder / "jobfollow")], [str(folder / "jobfollow"), "--minimized"]]
    assert (data / "icons/hicolor/scalable/apps/jobfollow.svg").exists()
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--uninstall"], check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)})
    assert not (data / "applications" / "jobfollow.desktop").exists()


@validator
def test_the_shipped_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "jobfollow.desktop")], capture_output=True,
                            text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


READELF = """
Version symbols section '.gnu.version' contains 3 entries:
 Addr: 0x0000000000000480  Offset: 0x000480  Link: 4 (.dynsym)
  000:   0 (*local*)       2 (GLIBC_2.99)

Version definition section '.gnu.version_d' contains 2 entries:
  0x0000: Rev: 1  Flags: BASE  Index: 1  Cnt: 1  Name: libfoo.so.1
  0x001c: Rev: 1  Flags: none  Index: 2  Cnt: 1  Name: GLIBCXX_3.4.32

Version needs section '.gnu.version_r' contains 2 entries:
 Addr: 0x00000000000004a0  Offset: 0x0004a0  Link: 5 (.dynstr)
  000000: Version: 1  File: libc.so.6  Cnt: 2
  0x0010:   Name: GLIBC_2.36  Flags: none  Version: 3
  0x0020:   Name: GLIBC_2.2.5  Flags: none  Version: 2
  0x0030: Version: 1  File: libstdc++.so.6  Cnt: 1
  0x0040:   Name: GLIBCXX_3.4.30  Flags: none  Version: 4
"""


def test_the_floor_check_reads_needs_not_definitions():
    check = _check_glibc()
    needs = check.version_needs(READELF)
    assert needs == {("GLIBC", (2, 36)), ("GLIBC", (2, 2, 5)), ("GLIBCXX", (3, 4, 30))}
    assert check.too_new(needs) == ["GLIBC_2.36"]  # 3.4.30 is Ubuntu 22.04's own libstdc++


@needs_linux
@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils is not installed")
def test_the_floor_check_flags_a_real_binary_that_needs_more_than_the_floor(tmp_path):
    check = _check_glibc()
    shutil.copy(sys.executable, tmp_path / "python")
    floors = dict(check.FLOORS, GLIBC=(2, 0))  # pretend the oldest distribution had glibc 2.0
    output = subprocess.run(["readelf", "--version-info", "--wide", str(tmp_path / "python")], capture_output=True,
                            text=True, check=True).stdout
    assert check.too_new(check.version_needs(output), floors)
