"""A broken install (resources missing or half-copied) is named in one sentence, never a traceback."""

from __future__ import annotations

import shutil

from jobfollow import app, resource_check
from jobfollow.paths import resources_dir


def _copy_of_resources(tmp_path):
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    return copy


def test_the_shipped_resources_are_complete():
    assert resource_check.missing_resources() == []
    assert resource_check.incomplete_install_message() is None


def test_a_missing_template_and_a_truncated_catalog_are_named(tmp_path):
    root = _copy_of_resources(tmp_path)
    (root / "templates" / "en" / "withdraw.txt").unlink()
    (root / "locale" / "fr" / "LC_MESSAGES" / "jobfollow.po").write_bytes(b"")  # half-copied: 0 bytes
    message = resource_check.incomplete_install_message(root)
    assert "templates/en/withdraw.txt" in message
    assert "locale/fr/LC_MESSAGES/jobfollow.po" in message
    assert str(root) in message and "reinstall" in message
    assert "\n" not in message


def test_a_missing_resources_folder_is_one_sentence(tmp_path):
    message = resource_check.incomplete_install_message(tmp_path / "nowhere")
    assert message.count("missing from") == 1 and "more" in message and "\n" not in message


def test_a_normal_start_says_what_is_missing(tmp_path, monkeypatch, capsys):
    root = _copy_of_resources(tmp_path)
    shutil.rmtree(root / "icons")
    monkeypatch.setattr(resource_check, "resources_dir", lambda: root)
    app._warn_if_incomplete_install(window=None)  # offscreen: the sentence goes to stderr, no dialog
    err = capsys.readouterr().err
    assert "icons/jobfollow.svg" in err and err.count("\n") == 1
