"""Event-loop stalls at 10,000 applications: the longest time the GUI thread did not answer.

A 1 ms timer records the gap between its timeouts while the real window starts (deferred rules refresh on a
worker), while the date changes (every card's rules again) and while a JSON export and a JSON import of
10,000 rows run. Goal: the longest gap under 100 ms. Import and export still run on the GUI thread (issue #16
leaves them for the next step), so their rows show how far they are from it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 5, 4)
GOAL_MS = 100


class GapRecorder:
    """The longest pause between two ticks of a 1 ms timer, while ``until()`` is false."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer(interval=1, timeout=self._tick)

    def _tick(self) -> None:
        moment = time.perf_counter()
        self.longest = max(self.longest, (moment - self._last) * 1000)
        self._last = moment

    def run(self, action, until, timeout_s: float = 120) -> float:
        from PySide6.QtWidgets import QApplication

        self.longest, self._last = 0.0, time.perf_counter()
        self.timer.start()
        action()  # synchronous work counts: the loop could not tick meanwhile
        deadline = time.perf_counter() + timeout_s
        while not until() and time.perf_counter() < deadline:
            QApplication.processEvents()
            time.sleep(0.0005)
        QApplication.processEvents()
        self._tick()
        self.timer.stop()
        return self.longest


def run(bench) -> None:
    from PySide6.QtWidgets import QApplication

    from jobfollow.profile import open_profile_at
    from jobfollow.services.events import AppEvents
    from jobfollow.services.worker import wait_for_workers
    from jobfollow.store.sample_data import fill_sample_data
    from jobfollow.ui.main_window import MainWindow

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="jf-stalls-") as home:
        profile = open_profile_at(Path(home) / "big")
        fill_sample_data(10_000, seed=7, today=TODAY)
        recorder = GapRecorder()
        changed = []
        events = AppEvents()
        events.followups_changed.connect(lambda: changed.append(1))
        holder = {}

        def start() -> None:
            window = MainWindow(profile, events, defer_startup_work=True)
            window.followups.clock = lambda: dt.datetime.combine(TODAY, dt.time(9))
            window.show()
            holder["window"] = window

        gap = recorder.run(start, lambda: bool(changed))
        bench.record("longest event-loop stall: start, 10,000 applications", [gap], goal=GOAL_MS,
                     note="window built and shown, rules refresh on a worker")
        window = holder["window"]
        service = window.followups

        changed.clear()
        service.clock = lambda: dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9))
        gap = recorder.run(service.tick, lambda: bool(changed))
        bench.record("longest event-loop stall: date change, 10,000 applications", [gap], goal=GOAL_MS,
                     note="every card's rules on a worker; the agenda follows")

        target = Path(home) / "all.json"
        gap = recorder.run(lambda: window.data_actions.export_file(str(target)), lambda: target.exists())
        bench.record("longest event-loop stall: JSON export, 10,000 applications", [gap], goal=GOAL_MS,
                     note="still on the GUI thread")

        fresh = open_profile_at(Path(home) / "fresh")
        from jobfollow.store import io_json

        gap = recorder.run(lambda: io_json.import_json(target), lambda: True)
        bench.record("longest event-loop stall: JSON import of 10,000 applications", [gap], goal=GOAL_MS,
                     note="still on the GUI thread")
        wait_for_workers()
        window.close()
        fresh.close()
        profile.close()
