"""The application form at 2,000 applications: opening a card's form, and the store queries behind it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path


def run(bench) -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from jobfollow.profile import open_profile_at
    from jobfollow.services.events import AppEvents
    from jobfollow.store.applications import live_applications
    from jobfollow.store.people import find_contacts, people_of_application
    from jobfollow.store.sample_data import fill_sample_data
    from jobfollow.store.timeline import timeline
    from jobfollow.ui.forms.application_form import ApplicationFormDialog

    app = QApplication.instance() or QApplication([])
    profile = open_profile_at(Path(os.environ["JOBFOLLOW_HOME"]))
    try:
        fill_sample_data(2000, seed=7, today=dt.date(2026, 5, 4))
        card = next(a.id for a in live_applications() if a.interviews.count() >= 2)
        events, stack = AppEvents(), QUndoStack()

        def open_form():
            dialog = ApplicationFormDialog(events, stack, card)
            dialog.deleteLater()
            app.processEvents()

        bench.time("forms: open a card's form (4 tabs filled), 2,000 cards", open_form, repeat=20, goal=100)
        bench.time("forms: people of one card", lambda: people_of_application(card), goal=5)
        bench.time("forms: timeline of one card", lambda: timeline(card), goal=5)
        bench.time("forms: completer query over the address book", lambda: find_contacts("an", limit=30), goal=10)
    finally:
        profile.close()
