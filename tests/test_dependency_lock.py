"""The lock (requirements/lock.txt) that release builds install from still satisfies pyproject.toml.

A range changed in pyproject.toml without running tools/lock.sh would build installers from versions the
project no longer allows (or miss a new dependency altogether).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"


def _locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text("utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if match:
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    declared = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    for extra in project["project"]["optional-dependencies"].values():
        declared.extend(extra)
    return [Requirement(text) for text in declared]


@pytest.mark.parametrize("requirement", _declared(), ids=str)
def test_every_declared_dependency_is_locked_within_its_range(requirement):
    locked = _locked()
    name = canonicalize_name(requirement.name)
    assert name in locked, f"{requirement.name} is not in requirements/lock.txt: run tools/lock.sh"
    assert requirement.specifier.contains(locked[name], prereleases=True), (
        f"the lock pins {requirement.name}=={locked[name]}, outside {requirement.specifier}: run tools/lock.sh")


def test_every_pin_carries_a_hash():
    text = LOCK.read_text("utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [block.split()[0] for block in blocks if "==" in block and "--hash=sha256:" not in block]
    assert unhashed == [], f"pins without hashes (pip --require-hashes refuses the lock): {unhashed}"
