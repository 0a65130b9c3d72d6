"""Check that a built wheel carries every shipped resource (templates, compiled catalogs, icon).

    python tools/check_wheel.py dist/wheel/jobfollow-*.whl

The top-level resources/ folder reaches the wheel only through setup.py's package-dir mapping; this proves
the mapping (and the .po -> .mo build step) worked. Exits 1 naming what is missing.
"""

from __future__ import annotations

import sys
import zipfile

from jobfollow.resource_check import expected_files


def missing_from_wheel(wheel: str) -> list[str]:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = []
    for alternatives in expected_files():
        wanted = [f"jobfollow/resources/{rel}" for rel in alternatives]
        if rel_mo := [w for w in wanted if w.endswith(".mo")]:
            wanted = rel_mo  # a wheel ships compiled catalogs
        if not any(name in names for name in wanted):
            missing.append(wanted[0])
    return missing


if __name__ == "__main__":
    missing = missing_from_wheel(sys.argv[1])
    if missing:
        print(f"check_wheel: {len(missing)} resource(s) missing from {sys.argv[1]}: {', '.join(missing)}",
              file=sys.stderr)
        sys.exit(1)
    print(f"check_wheel: {sys.argv[1]} carries all {len(expected_files())} required resources")
