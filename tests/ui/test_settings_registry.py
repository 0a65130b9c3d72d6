"""One settings registry: each key declared once; the user's preferences in the profile, the window's state
in ui-state.ini beside it, so an export or a restore carries only the user's data."""

from __future__ import annotations

import pytest

from jobfollow.core import settings_registry as keys
from jobfollow.store import io_json
from jobfollow.store.settings import all_settings, get_setting, read, set_setting, write


def test_every_key_has_one_declaration_with_a_default_of_its_type():
    assert len(keys.KEYS) == len({key.name for key in keys.KEYS.values()})
    for key in keys.KEYS.values():
        assert key.default is None or key.clean(key.default) == key.default, key.name
        assert key.clean(object()) == key.default  # a value of no declared type falls back
    with pytest.raises(ValueError):
        keys.declare(keys.TRAY_ENABLED.name, bool, True)


def test_a_stored_value_of_the_wrong_type_or_range_reads_as_the_default(profile):
    set_setting(keys.TRAY_ENABLED.name, "yes")
    assert read(keys.TRAY_ENABLED) is True
    set_setting(keys.OPEN_LETTER.name, 0)  # below its minimum
    assert read(keys.OPEN_LETTER) is None
    set_setting(keys.OPEN_LETTER.name, True)  # a bool is not an id
    assert read(keys.OPEN_LETTER) is None
    write(keys.TRAY_ENABLED, False)
    assert read(keys.TRAY_ENABLED) is False


def test_ui_state_cannot_be_written_into_the_users_data(profile):
    with pytest.raises(ValueError):
        write(keys.WINDOW_GEOMETRY, "AAAA")


def test_the_window_keeps_its_size_beside_the_profile_not_in_it(qtbot, profile, events):
    from jobfollow.ui.main_window import MainWindow

    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert (profile.folder / "ui-state.ini").is_file()
    assert not [name for name in all_settings() if keys.is_ui_state(name)]
    exported = {row["key"] for row in io_json.export_data()["tables"]["setting"]}
    assert not [name for name in exported if keys.is_ui_state(name)]


def test_old_profiles_hand_their_window_state_over_once(qtbot, profile, events):
    from jobfollow.ui.main_window import MainWindow
    from jobfollow.ui.ui_state import UiState

    set_setting(keys.BOARD_VIEW.name, {"only_active": True, "sort": "board"})  # as stored before
    set_setting(keys.TRAY_ENABLED.name, False)
    window = MainWindow(profile, events)
    qtbot.addWidget(window)
    assert window.board.only_active_check.isChecked()
    assert get_setting(keys.BOARD_VIEW.name) is None  # out of the user's data
    assert UiState(profile.folder).read(keys.BOARD_VIEW)["only_active"] is True
    assert read(keys.TRAY_ENABLED) is False  # a preference stays where it was


def test_an_older_export_with_a_window_size_imports_without_it(profile):
    data = io_json.export_data()
    data["tables"]["setting"].append({"id": 999, "key": keys.WINDOW_GEOMETRY.name, "value": '"AAAA"'})
    for table, rows in data["tables"].items():
        if table not in ("setting", "stage", "template"):
            rows.clear()
    from jobfollow.profile import open_profile_at

    profile.close()
    other = open_profile_at(profile.folder.parent / "other")
    try:
        io_json.import_data(data)
        assert get_setting(keys.WINDOW_GEOMETRY.name) is None
    finally:
        other.close()
