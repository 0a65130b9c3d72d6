import os
import stat
import sys

import pytest

from jobfollow import paths


def test_explicit_profile_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("JOBFOLLOW_HOME", str(tmp_path / "env"))
    assert paths.resolve_profile_dir(str(tmp_path / "cli")) == (tmp_path / "cli").resolve()
    assert paths.resolve_profile_dir() == (tmp_path / "env").resolve()


def test_resolving_the_real_profile_fails_loudly_under_test(monkeypatch):
    monkeypatch.delenv("JOBFOLLOW_HOME")
    with pytest.raises(paths.RealProfileForbiddenError):
        paths.resolve_profile_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_profile_folder_is_private(tmp_path):
    folder = paths.ensure_profile_dir(tmp_path / "a" / "profile")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_unusable_profile_folder_gives_a_sentence(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(paths.ProfileError, match="Cannot create the profile folder"):
        paths.ensure_profile_dir(blocker / "profile")


def test_resources_are_found():
    assert paths.resource_path("icons", "jobfollow.svg").is_file()
    assert os.path.isabs(paths.resource_path())
