#!/usr/bin/env python3
"""The four numbers Windows wants for a file version (VERSIONINFO, Inno Setup's VersionInfoVersion), from any
PEP 440 version, keeping the order of releases: 1.0.dev1 < 1.0a1 < 1.0b2 < 1.0rc1 < 1.0 < 1.0.post1.

    python packaging/windows/file_version.py 1.0.0rc1      -> 1.0.0.30100

major.minor.micro come from the release segment (missing parts are 0, a fourth and later part is dropped); the
fourth number says where in the release cycle the build is: dev-only builds 0-9999, alpha 10000+, beta 20000+,
release candidates 30000+, the release itself 40000, post releases 40000 + 100 per post number. The pre- or post-
release number counts in hundreds, a .devN of it in ones just below. Epochs and local labels (+abc) cannot be
shown in four numbers and are left out; each number must fit Windows' 16 bits.
"""

from __future__ import annotations

import re
import sys

_PEP440 = re.compile(
    r"""^\s*v?(?:(?P<epoch>\d+)!)?(?P<release>\d+(?:\.\d+)*)
    (?:[-_.]?(?P<pre_l>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?P<pre_n>\d+)?)?
    (?:-(?P<post_n1>\d+)|[-_.]?(?P<post_l>post|rev|r)[-_.]?(?P<post_n2>\d+)?)?
    (?:[-_.]?(?P<dev_l>dev)[-_.]?(?P<dev_n>\d+)?)?
    (?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_PHASES = {"a": 10000, "alpha": 10000, "b": 20000, "beta": 20000, "c": 30000, "rc": 30000, "pre": 30000,
           "preview": 30000}
FINAL = 40000


def windows_file_version(version: str) -> str:
    """'1.2.3.40000' for '1.2.3'; raises ValueError for a string that is not a PEP 440 version."""
    match = _PEP440.match(version)
    if not match:
        raise ValueError(f"{version!r} is not a PEP 440 version")
    release = [int(part) for part in match["release"].split(".")][:3]
    release += [0] * (3 - len(release))
    dev = match["dev_l"] is not None
    dev_n = min(int(match["dev_n"] or 0), 99)
    if match["pre_l"]:
        build = _PHASES[match["pre_l"].lower()] + min(int(match["pre_n"] or 0), 99) * 100
    elif match["post_n1"] or match["post_l"]:
        build = FINAL + min(int(match["post_n1"] or match["post_n2"] or 0), 99) * 100 + 100
    else:
        build = FINAL
    if dev and build == FINAL:
        build = min(int(match["dev_n"] or 0), 9999)  # 1.0.dev5: before any alpha of 1.0
    elif dev:
        build = build - 100 + dev_n  # 1.0rc1.dev2: just before 1.0rc1
    numbers = [*release, build]
    if any(n > 65535 for n in numbers):
        raise ValueError(f"{version!r} has a part above 65535, which a Windows file version cannot hold")
    return ".".join(str(n) for n in numbers)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: file_version.py PEP440_VERSION")
    try:
        print(windows_file_version(sys.argv[1]))
    except ValueError as exc:
        sys.exit(f"file_version: {exc}")
