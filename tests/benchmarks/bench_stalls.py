"""Event-loop stalls at 10,000 applications: the longest time the GUI thread did not answer.

A 1 ms timer records the gap between its timeouts while the real window starts (deferred rules refresh on a
worker), while the date changes (every card's rules again) and while a JSON export and a JSON import of
10,000 applications run. Goal: the longest gap under 100 ms.

Export and import go the user's way: File > Export / File > Import (the file dialogs answered), the data
service's job on a worker, the progress dialog, and for the import the panes reloaded and the rules settled
(until the agenda has its new follow-ups). The same run also times the store calls on the GUI thread, the
way the window ran them before the data service, so before and after come from one run.
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
        #: the longest gap that began after ``mark`` (set by the caller, e.g. at the window's first paint)
        self.longest_after_mark = 0.0
        self.mark: float | None = None
        self._last = time.perf_counter()
        self.timer = QTimer(interval=1, timeout=self._tick)

    def _tick(self) -> None:
        moment = time.perf_counter()
        gap = (moment - self._last) * 1000
        self.longest = max(self.longest, gap)
        if self.mark is not None and self._last >= self.mark:
            self.longest_after_mark = max(self.longest_after_mark, gap)
        self._last = moment

    def run(self, action, until, timeout_s: float = 120) -> float:
        from PySide6.QtWidgets import QApplication

        self.longest, self.longest_after_mark, self.mark = 0.0, 0.0, None
        self._last = time.perf_counter()
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


def _first_paint_marker(recorder):
    """An event filter that marks the recorder at the first paint of the widget it watches."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and recorder.mark is None:
                recorder.mark = time.perf_counter()
            return False

    return FirstPaint()


def _settle(wait_for_workers) -> None:
    """Let the work queued by the last step finish, so the next one is measured alone."""
    from PySide6.QtWidgets import QApplication

    wait_for_workers()
    for _turn in range(50):
        QApplication.processEvents()


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

        painted = _first_paint_marker(recorder)

        def start() -> None:
            window = MainWindow(profile, events, defer_startup_work=True)
            window.followups.clock = lambda: dt.datetime.combine(TODAY, dt.time(9))
            window.board.installEventFilter(painted)
            window.show()
            holder["window"] = window

        gap = recorder.run(start, lambda: bool(changed))
        bench.record("longest event-loop stall: start, 10,000 applications", [gap], goal=GOAL_MS,
                     note="window built and shown (before its first paint too), rules refresh on a worker")
        bench.record("longest event-loop stall: start after the first paint, 10,000 applications",
                     [recorder.longest_after_mark], goal=GOAL_MS,
                     note="the first rules refresh (every follow-up created) reaching the board and the agenda")
        window = holder["window"]
        service = window.followups
        _settle(wait_for_workers)

        changed.clear()
        service.clock = lambda: dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9))
        gap = recorder.run(service.tick, lambda: bool(changed))
        bench.record("longest event-loop stall: date change, 10,000 applications", [gap], goal=GOAL_MS,
                     note="every card's rules on a worker; the agenda follows; the new day's first tick also starts "
                          "the daily backup")
        _settle(wait_for_workers)

        changed.clear()
        service.clock = lambda: dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(9))
        gap = recorder.run(service.tick, lambda: bool(changed))
        bench.record("longest event-loop stall: date change, follow-ups only (backup made), 10,000 applications",
                     [gap], goal=GOAL_MS, note="the rules on a worker, the board and the agenda from what changed")

        from unittest import mock

        from PySide6.QtWidgets import QFileDialog

        from jobfollow.store import io_json
        from jobfollow.ui import plain_text

        before_target = Path(home) / "before.json"
        gap = recorder.run(lambda: io_json.export_json(before_target), lambda: True)
        bench.record("longest event-loop stall: JSON export, 10,000 applications, store call on the GUI thread "
                     "(before)", [gap], note="the window's path before the data service")
        target = Path(home) / "all.json"
        data = window.services.data
        with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(target), "")):
            gap = recorder.run(window.data_actions.export_action.trigger,
                               lambda: data.job is None and target.exists())
        bench.record("longest event-loop stall: JSON export, 10,000 applications", [gap], goal=GOAL_MS,
                     note="File > Export: the data service on a worker, with its progress dialog")
        wait_for_workers()
        window.close()
        window.deleteLater()
        QApplication.processEvents()

        old_way = open_profile_at(Path(home) / "old-way")
        gap = recorder.run(lambda: io_json.import_json(target), lambda: True)
        bench.record("longest event-loop stall: JSON import of 10,000 applications, store call on the GUI thread "
                     "(before)", [gap], note="the window's path before the data service, without the reload")
        old_way.close()

        fresh = open_profile_at(Path(home) / "fresh")
        events = AppEvents()
        window = MainWindow(fresh, events, defer_startup_work=True)
        window.followups.clock = lambda: dt.datetime.combine(TODAY, dt.time(9))
        window.show()
        while window.followups._worker_busy or not window.isVisible():
            QApplication.processEvents()
        data = window.services.data
        imported, settled = [], []
        # The import is done when the panes got its 10,000 new cards; settled when the rules ran for them.
        events.applications_changed.connect(lambda ids: imported.append(1) if len(ids) >= 10_000 else None)
        events.followups_changed.connect(lambda: settled.append(1) if imported else None)
        with mock.patch.object(QFileDialog, "getOpenFileName", return_value=(str(target), "")), \
                mock.patch.object(plain_text, "run", return_value=plain_text.Button.Yes):
            gap = recorder.run(window.data_actions.import_action.trigger,
                               lambda: bool(imported) and data.job is None)
            cards = window.board.card_count()
            settling = recorder.run(lambda: None, lambda: bool(settled) and not window.followups._worker_busy)
        bench.record("longest event-loop stall: JSON import of 10,000 applications", [gap], goal=GOAL_MS,
                     note=f"File > Import into an empty profile: read and import on a worker, then the board "
                          f"({cards:,} cards) and the calendar reloaded")
        bench.record("longest event-loop stall: after that import, the rules settle (agenda of 10,000 cards)",
                     [settling], goal=GOAL_MS, note="the rules on a worker, then the agenda's full reload")
        wait_for_workers()
        window.close()
        fresh.close()
        profile.close()
