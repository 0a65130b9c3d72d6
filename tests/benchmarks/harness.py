"""Benchmark harness: repeat a measurement, keep every sample, report median and spread.

A benchmark module is ``tests/benchmarks/bench_<topic>.py`` with a function ``run(bench)``;
``bench`` is a :class:`Bench`. Use ``bench.time(name, fn, goal=..., repeat=...)`` for an in-process
timing, or ``bench.record(name, samples, ...)`` for samples measured another way (a subprocess,
memory). Ratios pass ``reference=`` samples measured in the same run.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    name: str
    unit: str
    median: float
    low: float
    high: float
    samples: int
    goal: float | None = None
    goal_op: str = "<"
    reference: float | None = None  # median of the reference in the same run, for ratios
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        return self.median < self.goal if self.goal_op == "<" else self.median <= self.goal

    def to_dict(self) -> dict:
        data = asdict(self)
        data["met"] = self.met
        return data


@dataclass
class Bench:
    figures: list[Figure] = field(default_factory=list)
    quick: bool = False  # fewer repeats, for a smoke run

    def record(self, name: str, samples: list[float], *, unit: str = "ms", goal: float | None = None,
               goal_op: str = "<", reference: float | None = None, note: str = "") -> Figure:
        ordered = sorted(samples)
        figure = Figure(name, unit, statistics.median(ordered), ordered[0], ordered[-1], len(ordered),
                        goal, goal_op, reference, note)
        self.figures.append(figure)
        return figure

    def time(self, name: str, fn: Callable[[], object], *, repeat: int = 30, warmup: int = 2,
             goal: float | None = None, goal_op: str = "<", setup: Callable[[], object] | None = None,
             note: str = "") -> Figure:
        """Time ``fn`` in milliseconds; ``setup`` (untimed) runs before each call."""
        repeat = max(3, repeat // 5) if self.quick else repeat
        for _ in range(warmup):
            if setup:
                setup()
            fn()
        samples = []
        for _ in range(repeat):
            if setup:
                setup()
            gc.collect()
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000.0)
        return self.record(name, samples, goal=goal, goal_op=goal_op, note=note)
