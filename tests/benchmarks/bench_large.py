"""The large profile: import a 50,000-application JSON export, then start the window on it.

The file is the cards and timelines of the 2,000-card sample profile's export copied 25 times with fresh
ids: the shape of years of spreadsheet history brought over (about 35 MB). People, interviews and
follow-ups are left out, or the file would pass the 64 MB an import accepts; the follow-ups are derived
by `jobfollow due` before the window starts, as the first start would. Both figures are separate
processes, as a user runs them: ``jobfollow import`` (time and peak memory of the whole process) and the
window stopped at its first paint.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.bench_startup import first_paint

ROOT = Path(__file__).resolve().parents[2]
SOURCE_CARDS = 2000
COPIES = 25  # 50,000 applications
SHARED = ("stage", "template", "setting")  # one set per profile: not copied
COPIED = ("job_application", "activity")


def _copied_export(source: dict, copies: int) -> dict:
    """``source`` (an export) with every per-card table copied ``copies`` times under new ids."""
    from peewee import ForeignKeyField

    from jobfollow.store.io_json import TABLE_NAMES
    from jobfollow.store.models import ALL_MODELS

    tables = source["tables"]
    shift = {TABLE_NAMES[model]: max((row["id"] for row in tables[TABLE_NAMES[model]]), default=0)
             for model in ALL_MODELS}
    out = {}
    for model in ALL_MODELS:
        name = TABLE_NAMES[model]
        if name in SHARED:
            out[name] = tables[name]
            continue
        if name not in COPIED:
            out[name] = []
            continue
        links = [(field.column_name, TABLE_NAMES[field.rel_model]) for field in model._meta.sorted_fields
                 if isinstance(field, ForeignKeyField) and TABLE_NAMES[field.rel_model] not in SHARED]
        rows = []
        for copy in range(copies):
            for row in tables[name]:
                row = dict(row, id=row["id"] + copy * shift[name])
                for column, target in links:
                    if row.get(column) is not None:
                        row[column] += copy * shift[target]
                if copy and row.get("rule_key"):
                    row["rule_key"] = f"{row['rule_key']}~{copy}"
                rows.append(row)
        out[name] = rows
    return dict(source, tables=out)


def _write_large_export(folder: Path) -> Path:
    from jobfollow.profile import open_profile_at
    from jobfollow.store.io_json import export_data
    from jobfollow.store.sample_data import fill_sample_data

    profile = open_profile_at(folder / "source")
    fill_sample_data(SOURCE_CARDS, seed=11)
    data = _copied_export(export_data(), COPIES)
    profile.close()
    target = folder / "fifty-thousand.json"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


# ``jobfollow import`` run so that it reports its own peak: Linux keeps a process's high-water mark across
# exec, so the parent's size at the fork (this benchmark holds the 50,000-card export) would show in the child's
# ru_maxrss; /proc/self/status's VmHWM belongs to the new program only.
IMPORT_REPORTING_PEAK = """
import sys
from jobfollow.app import main
code = main(sys.argv[1:])
with open("/proc/self/status", encoding="ascii") as status:
    print("peak-kib", next(line.split()[1] for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""


def _import(source: Path, profile_dir: Path, env: dict) -> tuple[float, float]:
    """Seconds and peak MiB of ``jobfollow import`` into an empty profile."""
    command = [sys.executable, "-c", IMPORT_REPORTING_PEAK, "--profile", str(profile_dir), "import", str(source)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, error = proc.communicate()
    elapsed = time.perf_counter() - started
    if proc.returncode:
        raise RuntimeError(f"import failed (exit {proc.returncode}): {error[-500:]}")
    peak_kib = int(next(line.split()[1] for line in out.splitlines() if line.startswith("peak-kib")))
    return elapsed, peak_kib / 1024


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(bench) -> None:
    work = Path(os.environ["JOBFOLLOW_HOME"])
    source = _write_large_export(work)
    size_mb = source.stat().st_size / 1e6
    env = dict(os.environ, JOBFOLLOW_HOME=str(work))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    seconds, cpu, peaks = [], [], []
    target = work / "large"
    for attempt in range(1 if bench.quick else 2):
        target = work / f"large-{attempt}"
        cpu_before = _children_cpu()  # the children's CPU time adds up: taken as a difference
        elapsed, peak = _import(source, target, env)
        seconds.append(elapsed * 1000)
        cpu.append((_children_cpu() - cpu_before) * 1000)
        peaks.append(peak)
    note = f"{size_mb:.0f} MB file, whole process (read, check, store)"
    bench.record("import a 50,000-application JSON file (process)", seconds, goal=5000, goal_op="<=", note=note)
    bench.record("import a 50,000-application JSON file: CPU time of the process", cpu,
                 note="what the import would take on an idle core (the elapsed time above waits for shared cores)")
    bench.record("import a 50,000-application JSON file: peak memory", peaks, unit="MiB", goal=150, goal_op="<=",
                 note=note)

    start_env = dict(env, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                     JOBFOLLOW_EXIT_AFTER_FIRST_PAINT="1", JOBFOLLOW_HOME=str(target))
    command = [sys.executable, "-m", "jobfollow"]
    subprocess.run([sys.executable, "-m", "jobfollow", "--profile", str(target), "due", "--json"], env=env,
                   check=True, capture_output=True)  # derives the follow-ups, as the first start would
    first_paint(command, start_env)  # the first start of the day backs the profile up: not measured
    times, memory = [], []
    for _ in range(2 if bench.quick else 5):
        elapsed, rss = first_paint(command, start_env)
        times.append(elapsed * 1000)
        memory.append(rss)
    bench.record("window start on a 50,000-application profile: first paint", times, goal=1000, goal_op="<=")
    bench.record("window start on a 50,000-application profile: resident memory", memory, unit="MiB")
