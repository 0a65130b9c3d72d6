"""Question bank: one keystroke in the search over 5,000 questions (filter and repaint of the visible table)."""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path


def run(bench) -> None:
    from PySide6.QtWidgets import QApplication

    from jobfollow.profile import open_profile_at
    from jobfollow.store.question_bank import BankQuestion
    from jobfollow.ui.questions.dialog import QuestionBankDialog

    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    words = ["budget", "team", "conflict", "salary", "project", "failure", "deadline", "client", "data", "lead",
             "design", "stakeholder", "migration", "strength", "weakness", "career", "goal", "remote", "travel"]
    companies = [f"Company {n}" for n in range(300)]
    first_day = dt.date(2026, 1, 1)
    rows = [BankQuestion(n // 3, n // 9, rng.choice(companies), "Analyst", first_day + dt.timedelta(n % 300),
                         " ".join(rng.choices(words, k=8)).capitalize() + "?",
                         " ".join(rng.choices(words, k=15)), " ".join(rng.choices(words, k=6)), n % 11 == 0,
                         rng.choice(("", "behavioural", "money")))
            for n in range(5000)]
    profile = open_profile_at(Path(os.environ["JOBFOLLOW_HOME"]) / "questions-bench")
    dialog = QuestionBankDialog()  # an empty profile's bank, then 5,000 questions put in
    dialog.model.set_rows(rows)
    dialog.resize(1200, 700)
    dialog.show()
    app.processEvents()
    texts = ["b", "bu", "bud", "budg", "budge", "budget", "budget t", "budget te", "budget tea", "budget team"]
    step = [0]

    def keystroke():
        step[0] = (step[0] + 1) % len(texts)
        dialog.search_edit.setText(texts[step[0]])
        dialog.view.viewport().repaint()

    bench.time("question bank: one search keystroke over 5,000 questions (filter + repaint)", keystroke,
               repeat=40, goal=16)

    def filter_only():
        step[0] = (step[0] + 1) % len(texts)
        dialog.proxy.set_text(texts[step[0]])

    bench.time("question bank: narrowing 5,000 questions to a search (no paint)", filter_only, repeat=40, goal=16)
    dialog.close()
    dialog.deleteLater()
    app.processEvents()
    profile.close()
