"""The question bank window: every interview question, searchable; and "prepare the next round" for one card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobfollow.i18n import _, format_date, ngettext
from jobfollow.store.question_bank import bank_questions, earlier_rounds
from jobfollow.ui.questions.model import ANSWER, COMPANY, DIFFERENTLY, QUESTION, STAR, QuestionBankModel, QuestionFilter
from jobfollow.ui.retranslation import Retranslating


class QuestionBankDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("questionBank")
        self.resize(1000, 600)
        self.model = QuestionBankModel(self)
        self.proxy = QuestionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.starred_box = QCheckBox()
        self.company_box = QCheckBox()
        self.company_box.hide()
        self.count_label = QLabel()
        self.preparation = QLabel()
        self.preparation.setObjectName("preparation")
        self.preparation.setTextFormat(Qt.TextFormat.PlainText)  # the user's own notes
        self.preparation.setWordWrap(True)
        self.preparation.hide()
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)  # one line a question (full text in the tooltip): repaints stay cheap
        # No ResizeToContents: it measures all rows on every keystroke (80 ms at 5,000 questions).
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (QUESTION, ANSWER, DIFFERENTLY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(STAR, 32)
        header.resizeSection(COMPANY, 160)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.starred_box)
        top.addWidget(self.company_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preparation)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.search_edit.textChanged.connect(self._search)
        self.starred_box.toggled.connect(self._starred)
        self.company_box.toggled.connect(self._company_toggled)
        self.prepared_company = ""
        self.prepared_rounds: list | None = None  # the earlier rounds shown by "Prepare the next round"
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(_("Search questions, answers, companies and tags"))
        self.starred_box.setText(_("&Starred only"))
        self.model.retranslate()
        self._count()
        if self.prepared_rounds is None:
            self.setWindowTitle(_("Question bank"))
            return
        company = self.prepared_company
        self.setWindowTitle(_("Prepare the next round at {company}").format(company=company))
        self.company_box.setText(_("Only {company}").format(company=company))
        lines = []
        for number, round_ in enumerate(self.prepared_rounds, start=1):
            if round_.missed_points:
                lines.append(_("Round {number} ({date}), points you did not make: {points}").format(
                    number=number, date=format_date(round_.starts_at.date(), "medium"),
                    points="; ".join(round_.missed_points)))
        if not self.prepared_rounds:
            lines.append(_("No earlier round at {company} is recorded yet.").format(company=company))
        elif not lines:
            lines.append(_("You noted no points you did not make in the earlier rounds."))
        self.preparation.setText("\n".join(lines))

    def reload(self) -> None:
        self.model.set_rows(bank_questions())
        self._count()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._count()

    def _starred(self, on: bool) -> None:
        self.proxy.set_starred_only(on)
        self._count()

    def _company_toggled(self, on: bool) -> None:
        self.proxy.set_company(self.prepared_company if on else "")
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total()
        self.count_label.setText(ngettext("{shown} of {total} question", "{shown} of {total} questions", total)
                                 .format(shown=shown, total=total))

    def prepare_next_round(self, application_id: int) -> None:
        """This company's questions from earlier rounds, and the points you did not make."""
        self.prepared_company, self.prepared_rounds = earlier_rounds(application_id)
        self.retranslate()
        self.company_box.show()
        self.company_box.setChecked(True)
        self.preparation.show()
        self._count()
