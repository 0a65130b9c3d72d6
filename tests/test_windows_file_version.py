"""Windows file versions (four 16-bit numbers) from PEP 440 versions, in release order."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("file_version", ROOT / "packaging/windows/file_version.py")
file_version = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(file_version)
convert = file_version.windows_file_version


def as_tuple(version):
    return tuple(int(n) for n in convert(version).split("."))


def test_a_plain_release():
    assert convert("1.2.3") == "1.2.3.40000"
    assert convert("2.0") == "2.0.0.40000"


def test_prereleases_and_dev_builds_that_broke_the_installer():
    assert convert("1.0.0rc1") == "1.0.0.30100"
    assert convert("1.0.0b2") == "1.0.0.20200"
    assert convert("0.1.0.dev3") == "0.1.0.3"


ORDERED = ["1.0.dev1", "1.0.dev2", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1.dev4", "1.0rc1", "1.0rc2",
           "1.0", "1.0.post1.dev1", "1.0.post1", "1.0.post2", "1.0.1.dev1", "1.0.1"]


def test_windows_sorts_them_as_pip_does():
    assert [as_tuple(v) for v in ORDERED] == sorted(as_tuple(v) for v in ORDERED)
    assert len({as_tuple(v) for v in ORDERED}) == len(ORDERED)


def test_epoch_and_local_labels_are_left_out():
    assert convert("1!2.0+ubuntu.1") == "2.0.0.40000"


@pytest.mark.parametrize("bad", ["", "banana", "1.0-beta-x", "70000.0"])
def test_what_cannot_be_a_file_version_is_refused(bad):
    with pytest.raises(ValueError):
        convert(bad)


@given(st.lists(st.integers(0, 999), min_size=1, max_size=4), st.sampled_from(["", "a", "b", "rc", ".post", ".dev"]),
       st.integers(0, 99))
def test_every_part_fits_in_sixteen_bits(release, suffix, number):
    version = ".".join(map(str, release)) + (f"{suffix}{number}" if suffix else "")
    parts = convert(version).split(".")
    assert len(parts) == 4 and all(0 <= int(p) <= 65535 for p in parts)
