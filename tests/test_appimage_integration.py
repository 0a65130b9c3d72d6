"""The AppImage adds itself to the application menu on its first start, for this user only."""

from __future__ import annotations

from pathlib import Path

from jobfollow.appimage_integration import integrate
from jobfollow.desktop_file import split_exec

ROOT = Path(__file__).resolve().parent.parent


def appimage_env(tmp_path, appimage_name="jobfollow-x86_64.AppImage"):
    appdir = tmp_path / "mount"
    appdir.mkdir(exist_ok=True)
    (appdir / "jobfollow.desktop").write_text((ROOT / "packaging/linux/jobfollow.desktop").read_text("utf-8"))
    (appdir / "jobfollow.svg").write_text("<svg/>")
    (appdir / "jobfollow.png").write_bytes(b"png")
    folder = tmp_path / "R&D 100% \"apps\""
    return {"APPIMAGE": str(folder / appimage_name), "APPDIR": str(appdir), "HOME": str(tmp_path / "home")}


def exec_lines(entry: Path):
    return [split_exec(line[5:]) for line in entry.read_text("utf-8").splitlines() if line.startswith("Exec=")]


def test_first_start_adds_a_menu_entry_that_starts_the_appimage(tmp_path):
    env = appimage_env(tmp_path)
    entry = integrate(env)
    assert entry == tmp_path / "home/.local/share/applications/jobfollow.desktop"
    assert exec_lines(entry) == [[env["APPIMAGE"]], [env["APPIMAGE"], "--minimized"]]
    assert (tmp_path / "home/.local/share/icons/hicolor/scalable/apps/jobfollow.svg").exists()
    assert integrate(env) is None  # second start: nothing to do


def test_a_moved_appimage_updates_its_entry(tmp_path):
    integrate(appimage_env(tmp_path))
    env = appimage_env(tmp_path, "jobfollow-2.0-x86_64.AppImage")
    entry = integrate(env)
    assert exec_lines(entry)[0] == [env["APPIMAGE"]]


def test_someone_elses_entry_and_an_opt_out_are_respected(tmp_path):
    env = appimage_env(tmp_path)
    applications = tmp_path / "home/.local/share/applications"
    applications.mkdir(parents=True)
    (applications / "jobfollow.desktop").write_text("[Desktop Entry]\nExec=/opt/jobfollow/jobfollow\n")
    assert integrate(env) is None
    assert "/opt/jobfollow/jobfollow" in (applications / "jobfollow.desktop").read_text()
    (applications / "jobfollow.desktop").unlink()
    opt_out = tmp_path / "home/.local/share/appimagekit/no_desktopintegration"
    opt_out.parent.mkdir(parents=True)
    opt_out.touch()
    assert integrate(env) is None and not (applications / "jobfollow.desktop").exists()


def test_outside_an_appimage_nothing_happens(tmp_path):
    assert integrate({"HOME": str(tmp_path)}) is None
