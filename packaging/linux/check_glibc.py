#!/usr/bin/env python3
"""Fail when a file of the bundle needs a newer C library (or C++ runtime) than the oldest distribution we support.

glibc is never bundled, and neither are libstdc++ and libgcc_s (packaging/jobfollow.spec, SYSTEM_LIBS): every
ELF file in the bundle names the symbol versions it needs from them, and all must exist on the oldest supported
distribution, Ubuntu 22.04 LTS: glibc 2.35, GCC 12's libstdc++ (GLIBCXX_3.4.30, CXXABI_1.3.13) and libgcc_s
(GCC_12.0.0). Debian 12 (glibc 2.36), Fedora 38+ and openSUSE Leap 15.6's newer stacks are all above that floor.

    python3 packaging/linux/check_glibc.py dist/jobfollow      (exit 1 and one line per offender)

Reads the version needs with binutils' readelf.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

OLDEST = "Ubuntu 22.04 LTS"
FLOORS = {"GLIBC": (2, 35), "GLIBCXX": (3, 4, 30), "CXXABI": (1, 3, 13), "GCC": (12, 0, 0)}
_NEED = re.compile(r"Name:\s+(GLIBC|GLIBCXX|CXXABI|GCC)_([\d.]+)\b")


def version_needs(readelf_output: str) -> set[tuple[str, tuple[int, ...]]]:
    """(family, version) pairs from the '.gnu.version_r' part of `readelf --version-info` (what a file needs,
    not what it defines: a library's own definitions are in '.gnu.version_d')."""
    needs, in_needs = set(), False
    for line in readelf_output.splitlines():
        if line.startswith("Version needs section"):
            in_needs = True
        elif line.startswith(("Version definition section", "Version symbols section")):
            in_needs = False
        elif in_needs:
            for family, number in _NEED.findall(line):
                needs.add((family, tuple(int(part) for part in number.split(".") if part)))
    return needs


def too_new(needs, floors=FLOORS) -> list[str]:
    """The needs above the floor, as 'GLIBC_2.36'."""
    return sorted(f"{family}_{'.'.join(map(str, version))}" for family, version in needs
                  if family in floors and version > floors[family])


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def check(folder: Path) -> list[str]:
    problems = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)):
        output = subprocess.run(["readelf", "--version-info", "--wide", str(path)], capture_output=True, text=True,
                                check=True).stdout
        newer = too_new(version_needs(output))
        if newer:
            problems.append(f"{path.relative_to(folder)} needs {', '.join(newer)}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    problems = check(folder)
    floor = ", ".join(f"{family} {'.'.join(map(str, v))}" for family, v in FLOORS.items())
    for problem in problems:
        print(f"check_glibc: {problem}, newer than {OLDEST} has", file=sys.stderr)
    if problems:
        print(f"check_glibc: FAILED: {len(problems)} file(s) would not start on {OLDEST} ({floor})", file=sys.stderr)
        return 1
    print(f"check_glibc: every ELF file in {folder} runs on {OLDEST} ({floor}) and newer")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
