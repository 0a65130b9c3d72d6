"""Cold start to the first painted board and resident memory, each against a bare PySide6 window.

Both are separate processes started the same way and stopped at their first paint, alternated so
that machine noise hits both alike; the ratio is taken per pair.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
CARDS = 2000


def _make_profile(folder: Path) -> None:
    from jobfollow.profile import open_profile_at
    from jobfollow.store.sample_data import fill_sample_data

    profile = open_profile_at(folder)
    fill_sample_data(CARDS, seed=11)
    profile.close()


def first_paint(command: list[str], env: dict) -> tuple[float, float]:
    """Seconds from spawn to first paint, and resident MiB at that moment."""
    elapsed, rss, _cpu = first_paint_with_cpu(command, env)
    return elapsed, rss


def first_paint_with_cpu(command: list[str], env: dict) -> tuple[float, float, float]:
    """Seconds from spawn to first paint, resident MiB and the process's CPU milliseconds at that moment."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = ""
    for line in proc.stdout:
        if line.startswith("first-paint"):
            break
    elapsed = time.perf_counter() - started
    proc.stdout.close()
    proc.wait(timeout=60)
    if not line.startswith("first-paint"):
        raise RuntimeError(f"{command} never painted (exit {proc.returncode})")
    rss_kib = int(line.split("rss-kib=")[1])
    cpu_ms = float(line.split("cpu-ms=")[1].split()[0]) if "cpu-ms=" in line else 0.0
    return elapsed, rss_kib / 1024, cpu_ms


def run(bench) -> None:
    folder = Path(os.environ["JOBFOLLOW_HOME"]) / "startup-profile"
    _make_profile(folder)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               JOBFOLLOW_EXIT_AFTER_FIRST_PAINT="1", JOBFOLLOW_HOME=str(folder))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program starts from cached bytecode
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent.parent), env.get("PYTHONPATH", "")]))
    app_cmd = [sys.executable, "-m", "jobfollow"]
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    rounds = 3 if bench.quick else 9
    first_paint(app_cmd, env)  # warm the file cache for both, as a second start would find it
    first_paint(bare_cmd, env)
    app_times, bare_times, app_mem, bare_mem, app_cpu, bare_cpu = [], [], [], [], [], []
    for _ in range(rounds):
        t, m, c = first_paint_with_cpu(bare_cmd, env)
        bare_times.append(t * 1000)
        bare_mem.append(m)
        bare_cpu.append(c)
        t, m, c = first_paint_with_cpu(app_cmd, env)
        app_times.append(t * 1000)
        app_mem.append(m)
        app_cpu.append(c)
    ref_time = bench.record("bare PySide6 window: start to first paint", bare_times)
    bench.record(f"jobfollow start to first painted board, {CARDS} cards", app_times)
    bench.record(f"cold start ratio to bare window, {CARDS} cards",
                 [a / b for a, b in zip(app_times, bare_times, strict=True)], unit="x", goal=1.5, goal_op="<=",
                 reference=ref_time.median)
    # CPU time to the paint: what the start costs, whatever else the shared cores are doing meanwhile
    bench.record(f"CPU time to first paint, ratio to bare window, {CARDS} cards",
                 [a / b for a, b in zip(app_cpu, bare_cpu, strict=True)], unit="x",
                 note=f"{statistics.median(app_cpu):.0f} ms vs {statistics.median(bare_cpu):.0f} ms")
    ref_mem = bench.record("bare PySide6 window: resident memory", bare_mem, unit="MiB")
    bench.record(f"jobfollow resident memory after start, {CARDS} cards", app_mem, unit="MiB")
    bench.record(f"memory ratio to bare window, {CARDS} cards",
                 [a / b for a, b in zip(app_mem, bare_mem, strict=True)], unit="x", goal=1.4, goal_op="<=",
                 reference=ref_mem.median)
