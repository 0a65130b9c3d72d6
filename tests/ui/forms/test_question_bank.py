"""The question bank: every question from every round, searchable, starred and tagged; preparing the next round."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from jobfollow.core.question_bank import bullet_points, parse_questions
from jobfollow.store.application_details import ApplicationDetails, add_application
from jobfollow.store.interviews import InterviewRecord, save_interview
from jobfollow.store.question_bank import bank_questions, mark_question
from jobfollow.ui.forms.application_form import ApplicationFormDialog
from jobfollow.ui.questions.dialog import QuestionBankDialog
from jobfollow.ui.questions.model import STAR, TAGS, QuestionBankModel


def test_questions_are_read_one_a_line_with_the_answer_after_a_dash_or_on_an_a_line():
    text = ("Why this company? - Their community programme.\n"
            "- Tell me about a failure – the venue cancellation\n"
            "Q: Salary expectations?\nA: Deferred until an offer.\n\n"
            "What would your first 90 days look like?")
    assert parse_questions(text) == [
        ("Why this company?", "Their community programme."),
        ("Tell me about a failure", "the venue cancellation"),
        ("Salary expectations?", "Deferred until an offer."),
        ("What would your first 90 days look like?", ""),
    ]
    assert bullet_points("my PMP certification; the audit\n- budgets") == [
        "my PMP certification", "the audit", "budgets"]


def _card_with_round(company, questions, missed="", when=dt.datetime(2026, 4, 20, 10)):
    app = add_application(ApplicationDetails(company=company, position_title="Analyst"))
    save_interview(InterviewRecord(application_id=app, starts_at=when, questions=questions, missed_points=missed,
                                   answer_differently="Shorter stories."))
    return app


def test_the_bank_lists_every_round_and_keeps_stars_and_tags(qtbot, qtmodeltester, profile):
    _card_with_round("Contoso", "Why us? - The programme.\nSalary expectations? - Deferred.")
    _card_with_round("Fabrikam", "Tell me about yourself. - Two minutes.")
    rows = bank_questions()
    assert sorted(r.question for r in rows) == ["Salary expectations?", "Tell me about yourself.", "Why us?"]
    salary = next(r for r in rows if r.question == "Salary expectations?")
    assert (salary.company, salary.answer, salary.differently) == ("Contoso", "Deferred.", "Shorter stories.")
    model = QuestionBankModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    row = rows.index(salary)
    assert model.setData(model.index(row, STAR), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(row, TAGS), "money,  negotiation ")
    again = next(r for r in bank_questions() if r.question == "Salary expectations?")
    assert again.starred and again.tags == "money, negotiation"
    mark_question(again.interview_id, again.question, starred=False)
    assert not next(r for r in bank_questions() if r.question == "Salary expectations?").starred


def test_search_and_starred_filter_narrow_the_list(qtbot, profile):
    _card_with_round("Contoso", "Why us? - The programme.\nSalary expectations? - Deferred.")
    _card_with_round("Fabrikam", "Tell me about yourself. - Two minutes.")
    dialog = QuestionBankDialog()
    qtbot.addWidget(dialog)
    assert dialog.proxy.rowCount() == 3
    qtbot.keyClicks(dialog.search_edit, "SALARY contoso")
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, 1).data() == "Salary expectations?"
    assert "1 of 3" in dialog.count_label.text()
    dialog.search_edit.clear()
    dialog.starred_box.setChecked(True)
    assert dialog.proxy.rowCount() == 0


def test_prepare_the_next_round_shows_this_companys_earlier_questions_and_missed_points(qtbot, profile, events,
                                                                                       modal):
    app = _card_with_round("Contoso Ltd", "What salary do you expect? - Deferred.\nWhy us? - The programme.",
                           missed="my PMP certification; the accessibility audit")
    _card_with_round("Contoso", "Walk me through a budget. - The 40 budgets.", when=dt.datetime(2026, 3, 2, 9))
    _card_with_round("Fabrikam", "Tell me about yourself. - Two minutes.")
    form = ApplicationFormDialog(events, QUndoStack(), app)
    qtbot.addWidget(form)
    shown = []
    modal.on_dialog = lambda dialog: shown.append(dialog) or 0
    form.prepare_button.click()
    (dialog,) = shown  # a child of the form: closed with it
    assert "Contoso Ltd" in dialog.windowTitle()
    assert "my PMP certification; the accessibility audit" in dialog.preparation.text()
    questions = {dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())}
    assert questions == {"What salary do you expect?", "Why us?", "Walk me through a budget."}  # both Contoso cards
    qtbot.keyClicks(dialog.search_edit, "salary")
    assert dialog.proxy.rowCount() == 1
    dialog.company_box.setChecked(False)
    dialog.search_edit.clear()
    assert dialog.proxy.rowCount() == 4
