"""Print the versions this environment actually installed next to the lock, so upstream drift shows in CI's log.

    .venv/bin/python tools/dependency_report.py [requirements/lock.txt]

A fresh install from the ranges in pyproject.toml takes the newest releases they allow; the lock holds what the
release builds use. A line marked ``newer`` or ``older`` is a package a new user gets in another version than
the one the bundle ships: when a test then fails, that line names the suspect. Exits 0 (it informs, it does
not judge); tests/test_dependency_lock.py checks that the lock itself still satisfies pyproject.toml.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
# The build backend is locked too but lives in pip's build environment, not in the venv that runs the program.
BUILD_ONLY = {"setuptools", "wheel"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def read_lock(path: Path) -> dict[str, str]:
    """{normalised name: version} of the pins that apply to this platform."""
    pins = {}
    for line in path.read_text("utf-8").splitlines():
        match = PIN.match(line.strip())
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        pins[canonicalize_name(name)] = version
    return pins


def installed_versions() -> dict[str, str]:
    return {canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()
            if dist.metadata["Name"]}


def compare(locked: dict[str, str], installed: dict[str, str]) -> list[tuple[str, str, str, str]]:
    rows = []
    for name in sorted(set(locked) | (set(installed) - {"pip", "jobfollow", "uv"})):
        want, have = locked.get(name, "-"), installed.get(name, "-")
        if name in BUILD_ONLY:
            verdict = ""
        elif want == "-":
            verdict = "not in lock"
        elif have == "-":
            verdict = "not installed"
        elif Version(have) == Version(want):
            verdict = ""
        else:
            verdict = "newer" if Version(have) > Version(want) else "older"
        rows.append((name, want, have, verdict))
    return rows


def main(argv: list[str]) -> int:
    lock = Path(argv[0]) if argv else ROOT / "requirements" / "lock.txt"
    rows = compare(read_lock(lock), installed_versions())
    width = max(len(row[0]) for row in rows)
    print(f"{'package':<{width}}  {'lock':<14}{'installed':<14}")
    for name, want, have, verdict in rows:
        print(f"{name:<{width}}  {want:<14}{have:<14}{verdict}")
    # "not installed" is an extra this install did not ask for (the README's test install has no build extra)
    drift = [row for row in rows if row[3] in ("newer", "older", "not in lock")]
    print(f"dependency drift: {len(drift)} of {len(rows)} packages differ from {lock.relative_to(ROOT)}"
          + (": " + ", ".join(f"{n} {w} -> {h}" for n, w, h, _ in drift) if drift else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
