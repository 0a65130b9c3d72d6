"""Letter editor figures: full rehighlight of a 1,000-word letter, one keystroke, opening a template.

Uses the real English dictionary (pyspellchecker): the figures are about what a user feels.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

SENTENCE = ("thank you for the conversation about the role and the team I enjoyed hearing how your analysts "
         "work with sales each week my experience with reporting and forecasting fits what you described "
         "I remain very interested and will call you next week to hear about the next step")
WORDS = SENTENCE.split(" ")
PLACEHOLDERS = ["{company}", "{position}", "{interviewer_name}", "{interview_date}", "{specific_topic}"]


def letter_text(words: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    out, paragraph = [], []
    for n in range(words):
        if n % 37 == 5:
            paragraph.append(rng.choice(PLACEHOLDERS))
        elif n % 53 == 7:
            paragraph.append("realy")  # a misspelling now and then
        else:
            paragraph.append(rng.choice(WORDS))
        if len(paragraph) >= 90:
            out.append(" ".join(paragraph) + ".")
            paragraph = []
    out.append(" ".join(paragraph))
    return "\n\n".join(out)


def run(bench) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from jobfollow.core.spelling import PySpellEngine, SpellChecker
    from jobfollow.profile import open_profile_at
    from jobfollow.services.events import AppEvents
    from jobfollow.store import letters as store
    from jobfollow.store.applications import create_application
    from jobfollow.store.models import ApplicationContact, Contact, Interview, InterviewAttendee, Template
    from jobfollow.ui.letters.letter_editor import LetterEditor
    from jobfollow.ui.letters.letter_pane import LetterPane

    app = QApplication.instance() or QApplication([])
    engine = PySpellEngine("en")
    checker = SpellChecker(engine)

    editor = LetterEditor()
    editor.resize(900, 700)
    editor.set_values({"company": "Fabrikam", "position": "Analyst"})
    editor.set_checker(checker)
    editor.setPlainText(letter_text(1000))
    editor.show()
    app.processEvents()
    highlighter = editor.highlighter
    bench.time("letters: full rehighlight, 1,000-word letter", highlighter.rehighlight, goal=16, goal_op="<=",
               repeat=30)

    cursor = QTextCursor(editor.document())
    middle = editor.document().findBlockByNumber(4)

    def remove_last() -> None:
        c = QTextCursor(middle)
        c.setPosition(middle.position() + 40)
        c.setPosition(middle.position() + 41, QTextCursor.MoveMode.KeepAnchor)
        c.removeSelectedText()

    def keystroke() -> None:
        cursor.setPosition(middle.position() + 40)
        cursor.insertText("x")

    bench.time("letters: one keystroke (highlight + layout)", keystroke, setup=remove_last, goal=2, goal_op="<=",
               repeat=60)

    # Opening a template with 20 placeholders, all filled, into the full pane.
    profile = open_profile_at(Path(os.environ["JOBFOLLOW_HOME"]) / "bench")
    application = create_application("Fabrikam", "Data Analyst")
    ana = Contact.create(name="Ana Ruiz", title="Team Lead", email="ana@fabrikam.example")
    ApplicationContact.create(application=application, contact=ana, role="interviewer")
    interview = Interview.create(application=application, starts_at=dt.datetime(2026, 5, 4, 14),
                                 specific_topic="the dbt migration", missed_points="BI rollout",
                                 decision_date=dt.date(2026, 5, 15), follow_up_on=dt.date(2026, 5, 11))
    InterviewAttendee.create(interview=interview, contact=ana)
    sentence = "We spoke on {interview_date} about {position} at {company} and {specific_topic}."
    body = "Dear {interviewer_name},\n" + " ".join([sentence] * 5) + "\nKind regards,\n{my_name}\n"
    Template.create(key="bench", language="en", name="Bench", subject="{position}", body=body)
    pane = LetterPane(AppEvents(), engine_factory=lambda language: engine)
    pane.resize(1000, 700)
    pane.show()
    row = store.open_letter(application.id, "bench", ana.id)
    bench.time("letters: open a template with 20 placeholders filled", lambda: pane.load_letter(row), goal=30,
               goal_op="<=", repeat=30)
    pane.close()
    profile.close()
