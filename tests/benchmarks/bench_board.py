"""Board figures at 2,000 applications: build and paint, a drop move, a filter keystroke."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from jobfollow.core.stages import StageKind
from jobfollow.profile import open_profile_at
from jobfollow.services.events import AppEvents
from jobfollow.store.models import FollowUp, JobApplication
from jobfollow.store.sample_data import fill_sample_data
from jobfollow.ui.board.board_widget import BoardWidget

COUNT = 2000
TODAY = dt.date(2026, 5, 4)


def _add_rule_like_followups() -> None:
    """The rules engine would add a thank-you and a status check to most cards; imitate that load."""
    rows = []
    for (app_id,) in JobApplication.select(JobApplication.id).tuples():
        rows.append({"application": app_id, "kind": "thank_you", "title": "", "due_on": TODAY + dt.timedelta(
            days=app_id % 9 - 4)})
        rows.append({"application": app_id, "kind": "status_check", "title": "", "due_on": TODAY + dt.timedelta(
            days=app_id % 15)})
    with JobApplication._meta.database.atomic():
        for start in range(0, len(rows), 200):
            FollowUp.insert_many(rows[start:start + 200]).execute()


def run(bench) -> None:
    app = QApplication.instance() or QApplication([])
    profile = open_profile_at(Path(os.environ["JOBFOLLOW_HOME"]))
    fill_sample_data(COUNT, seed=7, today=TODAY)
    _add_rule_like_followups()
    events = AppEvents()
    boards: list[BoardWidget] = []

    def dispose() -> None:
        while boards:
            board = boards.pop()
            board.close()
            board.deleteLater()
        app.processEvents()

    def build_and_paint() -> None:
        board = BoardWidget(events, QUndoStack())
        boards.append(board)
        board.resize(1400, 800)
        board.show()
        board.grab()

    bench.time("board: build and paint, 2,000 cards", build_and_paint, setup=dispose, repeat=15,
               goal=200, note="construct + show + grab")
    dispose()

    board = BoardWidget(events, QUndoStack())
    board.resize(1400, 800)
    board.show()
    board.grab()
    applied = next(c for c in board.columns if c.kind == StageKind.APPLIED)
    next_round = next(c for c in board.columns if c.kind == StageKind.NEXT_ROUND)
    pairs = itertools.cycle([(applied, next_round), (next_round, applied)])

    def drop_move() -> None:
        source, target = next(pairs)
        mime = source.model.mimeData([source.model.index(0, 0)])
        target.model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
        # grab() really paints (repaint() is a no-op on the offscreen platform, whose windows are never exposed)
        source.view.viewport().grab()
        target.view.viewport().grab()

    bench.time("board: drop move (write + repaint both columns)", drop_move, repeat=60, goal=8)

    typed = itertools.cycle(["m", "ma", "mar", "marc", "marco", "marc", "mar", "ma", "m", ""])

    def keystroke() -> None:
        board.search_edit.setText(next(typed))
        board.scroll.viewport().grab()  # paints every column in view

    bench.time("board: filter keystroke (visible columns painted)", keystroke, repeat=60, goal=16)
    board.close()
    board.deleteLater()
    app.processEvents()
    profile.close()
