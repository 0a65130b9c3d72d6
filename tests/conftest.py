"""Test harness: offscreen Qt, a temporary profile for every test, and a guard on the real one."""

from __future__ import annotations

import os

# Set before anything imports Qt; subprocesses started by tests inherit these too.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["JOBFOLLOW_FORBID_DEFAULT_PROFILE"] = "1"
os.environ.pop("JOBFOLLOW_HOME", None)
os.environ.pop("JOBFOLLOW_LANGUAGE", None)

import datetime as dt

import pytest

from jobfollow import i18n

TODAY = dt.date(2026, 5, 4)  # a Monday: rule scenarios read best from a fixed week


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path, monkeypatch):
    """Every test gets its own JOBFOLLOW_HOME; resolving the platform profile fails loudly."""
    home = tmp_path / "profile"
    monkeypatch.setenv("JOBFOLLOW_HOME", str(home))
    i18n.set_language("en_US")
    yield home
    i18n.set_language("en_US")


@pytest.fixture
def profile_dir(_isolated_profile):
    return _isolated_profile


@pytest.fixture
def profile(profile_dir):
    """An open profile (database migrated, default stages seeded) in a temporary folder."""
    from jobfollow.profile import open_profile_at

    opened = open_profile_at(profile_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_profile(profile):
    """The open profile filled with the 25-card demo data, dated around TODAY."""
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(25, seed=7, today=TODAY)
    return profile


@pytest.fixture
def events(qtbot):
    from jobfollow.ui.events import AppEvents

    return AppEvents()
