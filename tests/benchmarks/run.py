"""Run every benchmark module and print a table; the same figures go to a JSON file.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.run [--quick] [--only NAME] [--json FILE] [--readme]

``--readme`` also writes the figures into README.md's Performance table (a full run only).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.harness import Bench
from tests.benchmarks.readme_table import replace_table

HERE = Path(__file__).parent


def machine() -> str:
    cores = os.cpu_count()
    return f"{platform.system()} {platform.machine()}, {cores} cores, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--only", help="run only bench_<ONLY>.py")
    parser.add_argument("--json", default="benchmark-results.json")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md's table")
    args = parser.parse_args()
    if args.readme and (args.quick or args.only):
        parser.error("--readme takes a full run: drop --quick and --only")
    bench = Bench(quick=args.quick)
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.only:
        modules = [m for m in modules if m == f"bench_{args.only}"]
    started = time.perf_counter()
    for name in modules:
        with tempfile.TemporaryDirectory(prefix=f"jf-{name}-") as home:
            os.environ["JOBFOLLOW_HOME"] = home
            print(f"running {name} ...", file=sys.stderr, flush=True)
            importlib.import_module(f"tests.benchmarks.{name}").run(bench)
    elapsed = time.perf_counter() - started
    print(f"\n{'figure':<58} {'median':>10} {'min':>9} {'max':>9}  {'goal':>10}  ok")
    for f in bench.figures:
        goal = f"{f.goal_op} {f.goal:g} {f.unit}" if f.goal is not None else ""
        ok = {True: "yes", False: "NO", None: ""}[f.met]
        print(f"{f.name:<58} {f.median:>8.2f}{f.unit:>2} {f.low:>9.2f} {f.high:>9.2f}  {goal:>10}  {ok}")
    print(f"\n{machine()}; {elapsed:.0f} s in all")
    results = {"machine": machine(), "seconds": round(elapsed, 1), "figures": [f.to_dict() for f in bench.figures]}
    Path(args.json).write_text(json.dumps(results, indent=2))
    if args.readme:
        readme = HERE.parent.parent / "README.md"
        readme.write_text(replace_table(readme.read_text(encoding="utf-8"), results), encoding="utf-8")
        print(f"wrote the table into {readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
