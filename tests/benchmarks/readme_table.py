"""Write a benchmark run's figures into the README's Performance table, so the two never drift apart.

The table sits between ``<!-- perf-table -->`` and ``<!-- /perf-table -->``; everything else in the README
is left as it is.
"""

from __future__ import annotations

import re

START, END = "<!-- perf-table -->", "<!-- /perf-table -->"
DECIMALS = {"ms": 2, "x": 2, "MiB": 1}


def _value(number: float, unit: str) -> str:
    return f"{number:.{DECIMALS.get(unit, 2)}f} {unit}"


def table(results: dict) -> str:
    """The Markdown table (with a line naming the machine and the run's length) for ``results`` as run.py writes it."""
    lines = [f"Measured on {results['machine']}; the whole run took {results['seconds']:.0f} s.", "",
             "| figure | median | range | goal | met |", "|---|---|---|---|---|"]
    for figure in results["figures"]:
        unit = figure["unit"]
        goal = f"{figure['goal_op']} {figure['goal']:g} {unit}" if figure["goal"] is not None else "reported"
        met = {True: "yes", False: "**no**", None: ""}[figure["met"]]
        lines.append(f"| {figure['name']} | {_value(figure['median'], unit)} | "
                     f"{_value(figure['low'], unit)} – {_value(figure['high'], unit)} | {goal} | {met} |")
    return "\n".join(lines)


def replace_table(readme: str, results: dict) -> str:
    """``readme`` with its marked table replaced; ValueError when the markers are missing."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        raise ValueError(f"the README has no {START} ... {END} block")
    return pattern.sub(lambda _match: f"{START}\n{table(results)}\n{END}", readme, count=1)
