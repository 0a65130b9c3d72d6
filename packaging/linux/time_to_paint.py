#!/usr/bin/env python3
"""Milliseconds from starting a frozen jobfollow (the AppImage, or the bundle's executable) to its first painted
window, on a real X server (a private Xvfb when one is installed, else offscreen). Prints the best of three warm
starts, as a user's second double-click would find the file cache; exits 1 when the program never paints.

    python3 packaging/linux/time_to_paint.py dist/jobfollow-1.0.0-x86_64.AppImage
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time

ROUNDS = 3


def start_xvfb() -> tuple[subprocess.Popen | None, str | None]:
    if not shutil.which("Xvfb"):
        return None, None
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    return server, f":{display}" if display else None


def paint_ms(app: str, env: dict, arguments: list[str]) -> int:
    started = time.perf_counter()
    proc = subprocess.Popen([app, *arguments], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    painted = any(line.startswith("first-paint") for line in proc.stdout)
    elapsed = int((time.perf_counter() - started) * 1000)
    proc.wait(timeout=60)
    if not painted:
        raise SystemExit(f"time_to_paint: {app} exited ({proc.returncode}) without painting a window")
    return elapsed


def main(app: str) -> int:
    server, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="jobfollow-paint-") as tmp:
            env = dict(os.environ, JOBFOLLOW_EXIT_AFTER_FIRST_PAINT="1", JOBFOLLOW_FORBID_DEFAULT_PROFILE="1",
                       XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"))
            if display:
                env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
            else:
                env["QT_QPA_PLATFORM"] = "offscreen"
            profile = os.path.join(tmp, "profile")
            paint_ms(app, env, ["--demo", "--profile", profile])  # fills the profile and warms the file cache
            print(min(paint_ms(app, env, ["--profile", profile]) for _ in range(ROUNDS)))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
