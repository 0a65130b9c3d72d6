"""A missing system library (libGL on a minimal install) is named in a dialog, with the package to install."""

from __future__ import annotations

import sys

from jobfollow import missing_library


def gl_error():
    return ImportError("libGL.so.1: cannot open shared object file: No such file or directory")


def test_the_library_is_read_from_the_import_error():
    assert missing_library.missing_library(gl_error()) == "libGL.so.1"
    assert missing_library.missing_library(ImportError("No module named 'foo'")) is None
    assert missing_library.missing_library(ValueError("libGL.so.1: cannot open shared object file")) is None


def test_the_explanation_names_the_library_and_the_package_of_each_family():
    text = missing_library.explanation("libGL.so.1")
    assert "libGL.so.1" in text and "apt install libgl1" in text and "dnf install mesa-libGL" in text


def test_an_unknown_library_still_gets_a_sentence():
    assert "libfoo.so.3" in missing_library.explanation("libfoo.so.3")


def test_the_first_dialog_tool_the_desktop_has_is_used():
    have = {"kdialog": "/usr/bin/kdialog", "xmessage": "/usr/bin/xmessage"}
    command = missing_library.dialog_command("Title", "Text", which=have.get)
    assert command[0] == "/usr/bin/kdialog" and "Text" in command
    assert missing_library.dialog_command("Title", "Text", which={}.get) is None


def test_the_hook_shows_the_dialog_instead_of_a_traceback(monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(missing_library, "report", shown.append)
    monkeypatch.setattr(sys, "excepthook", lambda *args: shown.append("traceback"))
    missing_library.install_hook()
    sys.excepthook(ImportError, gl_error(), None)
    sys.excepthook(KeyError, KeyError("x"), None)
    assert shown == ["libGL.so.1", "traceback"]


def test_report_prints_and_runs_the_dialog(capsys):
    ran = []
    missing_library.report("libEGL.so.1", run=lambda command, **kw: ran.append(command),
                           which={"zenity": "/usr/bin/zenity"}.get)
    assert "libEGL.so.1" in capsys.readouterr().err
    assert ran and ran[0][0] == "/usr/bin/zenity"
