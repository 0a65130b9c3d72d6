"""The negotiation worksheet of one offer: budget, market range, selling points, counter, fallbacks, practice."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core import negotiation
from jobfollow.core.negotiation import LIKELY_EMPLOYER_ANSWERS, TYPICAL_FALLBACK_ASKS, Worksheet
from jobfollow.i18n import _, format_money
from jobfollow.ui.offers.widgets import WARNING_STYLE, MoneyField, banner, error_style, qt_locale


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class WorksheetWidget(QScrollArea):
    """Edits a ``Worksheet``; the owning dialog supplies the offered yearly salary and currency."""

    letter_requested = Signal(str)  # template key: counter_offer or counter_offer_call

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.currency = "USD"
        self.offered_yearly: Decimal | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.verbal_banner = banner(WARNING_STYLE)
        self.verbal_banner.setText(_("This offer is only verbal so far. Ask for it in writing before you "
                                     "negotiate: a written offer is the firm ground to argue from."))
        layout.addWidget(self.verbal_banner)
        layout.addWidget(self._budget_group())
        layout.addWidget(self._market_group())
        layout.addWidget(self._points_group())
        layout.addWidget(self._counter_group())
        layout.addWidget(self._practice_group())
        layout.addStretch(1)
        self.setWidget(body)

    # -- building ------------------------------------------------------------------------------
    def _budget_group(self) -> QGroupBox:
        box = QGroupBox(_("What you need"))
        form = QFormLayout(box)
        self.budget = MoneyField(_("what you must have each month, after tax"))
        self.tax_share = QDoubleSpinBox()
        self.tax_share.setRange(0, 80)
        self.tax_share.setSuffix(" %")
        self.tax_share.setDecimals(0)
        self.tax_share.setLocale(qt_locale())
        self.tax_share.setToolTip(_("An estimate: the worksheet assumes tax and contributions take this flat share "
                                    "of gross pay. Real tax depends on where you live; adjust it to match."))
        self.needed = QLabel()
        self.needed.setWordWrap(True)
        form.addRow(_("Monthly budget:"), self.budget)
        form.addRow(_("Tax and contributions (estimate):"), self.tax_share)
        form.addRow(_("Salary you need:"), self.needed)
        self.budget.changed.connect(self.refresh)
        self.tax_share.valueChanged.connect(self.refresh)
        return box

    def _market_group(self) -> QGroupBox:
        box = QGroupBox(_("What the market pays (yearly)"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.market_low = MoneyField(_("low"))
        self.market_typical = MoneyField(_("typical"))
        self.market_high = MoneyField(_("high"))
        for field in (self.market_low, self.market_typical, self.market_high):
            row.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
            field.changed.connect(self.refresh)
        self.market_source = QLineEdit()
        self.market_source.setPlaceholderText(_("e.g. a salary survey, a professional association, job listings"))
        self.market_error = QLabel()
        self.market_error.setStyleSheet(error_style())
        self.market_error.setWordWrap(True)
        self.market_error.setVisible(False)
        form.addRow(_("Low / typical / high:"), row)
        form.addRow("", self.market_error)
        form.addRow(_("Where you found it:"), self.market_source)
        return box

    def _points_group(self) -> QGroupBox:
        box = QGroupBox(_("Why you are worth more (one point per line)"))
        layout = QVBoxLayout(box)
        self.selling_points = QPlainTextEdit()
        self.selling_points.setPlaceholderText(
            _("A degree beyond what was required\nCertifications that took time and money\n"
              "Skills the posting listed as preferred\nCommute or relocation costs"))
        self.selling_points.setFixedHeight(96)
        layout.addWidget(self.selling_points)
        return box

    def _counter_group(self) -> QGroupBox:
        box = QGroupBox(_("Your counter"))
        form = QFormLayout(box)
        counter_row = QHBoxLayout()
        self.counter = MoneyField(_("yearly salary you will ask for"))
        self.suggest_button = QPushButton(_("Suggest"))
        self.suggest_button.setToolTip(_("A counter inside the market range you found"))
        self.suggest_button.clicked.connect(self.suggest)
        counter_row.addWidget(self.counter, 1, Qt.AlignmentFlag.AlignTop)
        counter_row.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignTop)
        self.suggest_reason = QLabel()
        self.suggest_reason.setWordWrap(True)
        self.fallback_asks = QPlainTextEdit()
        self.fallback_asks.setPlaceholderText(_("What to ask for if the salary cannot move (one per line)"))
        self.fallback_asks.setFixedHeight(96)
        add_asks = QPushButton(_("Add the usual asks"))
        add_asks.clicked.connect(self.add_usual_asks)
        asks_row = QHBoxLayout()
        asks_row.addWidget(add_asks)
        asks_row.addStretch(1)
        letters = QHBoxLayout()
        self.letter_button = QPushButton(_("Write the counter-offer letter…"))
        self.script_button = QPushButton(_("Phone script…"))
        self.letter_button.clicked.connect(lambda: self.letter_requested.emit("counter_offer"))
        self.script_button.clicked.connect(lambda: self.letter_requested.emit("counter_offer_call"))
        letters.addWidget(self.letter_button)
        letters.addWidget(self.script_button)
        letters.addStretch(1)
        form.addRow(_("Counter:"), counter_row)
        form.addRow("", self.suggest_reason)
        form.addRow(_("Fallback asks:"), self.fallback_asks)
        form.addRow("", asks_row)
        form.addRow("", letters)
        return box

    def _practice_group(self) -> QGroupBox:
        box = QGroupBox(_("Practise the conversation"))
        layout = QVBoxLayout(box)
        hint = QLabel(_("Imagine how they may answer, and write what you will say so the conversation keeps going."))
        hint.setWordWrap(True)
        self.practice = QTableWidget(0, 2)
        self.practice.setHorizontalHeaderLabels([_("They say"), _("You say")])
        self.practice.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.practice.verticalHeader().setVisible(False)
        self.practice.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.practice.setWordWrap(True)
        self.practice.setMinimumHeight(190)
        buttons = QHBoxLayout()
        add_row = QPushButton(_("Add a line"))
        add_likely = QPushButton(_("Add likely answers"))
        remove = QPushButton(_("Remove line"))
        add_row.clicked.connect(lambda: self.add_practice("", ""))
        add_likely.clicked.connect(self.add_likely_answers)
        remove.clicked.connect(self.remove_practice_line)
        for button in (add_row, add_likely, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(hint)
        layout.addWidget(self.practice)
        layout.addLayout(buttons)
        return box

    # -- values --------------------------------------------------------------------------------
    def set_context(self, currency: str, offered_yearly: Decimal | None, is_written: bool) -> None:
        self.currency = currency or "USD"
        self.offered_yearly = offered_yearly
        self.verbal_banner.setVisible(not is_written)
        self.refresh()

    def load(self, sheet: Worksheet, tax_share: Decimal) -> None:
        self.budget.set_value(sheet.budget_monthly)
        self.tax_share.setValue(float(tax_share * 100))
        self.market_low.set_value(sheet.market_low)
        self.market_typical.set_value(sheet.market_typical)
        self.market_high.set_value(sheet.market_high)
        self.market_source.setText(sheet.market_source)
        self.selling_points.setPlainText("\n".join(sheet.selling_points))
        self.counter.set_value(sheet.counter_amount)
        self.fallback_asks.setPlainText("\n".join(sheet.fallback_asks))
        self.practice.setRowCount(0)
        for line in sheet.practice:
            self.add_practice(line["they_say"], line["i_say"])
        self.refresh()

    def tax_share_value(self) -> Decimal:
        return (Decimal(str(self.tax_share.value())) / 100).quantize(Decimal("0.01"))

    def worksheet(self) -> Worksheet:
        """The worksheet as typed; raises ValueError (and shows where) when a figure cannot be right."""
        fields = (self.budget, self.market_low, self.market_typical, self.market_high, self.counter)
        bad = [field for field in fields if not field.check()]
        if bad:
            bad[0].edit.setFocus()
            raise ValueError(bad[0].error.text())
        sheet = Worksheet(
            budget_monthly=self.budget.safe_value(),
            market_low=self.market_low.safe_value(),
            market_typical=self.market_typical.safe_value(),
            market_high=self.market_high.safe_value(),
            market_source=self.market_source.text().strip(),
            selling_points=_lines(self.selling_points),
            counter_amount=self.counter.safe_value(),
            fallback_asks=_lines(self.fallback_asks),
            practice=self._practice_lines(),
        )
        sheet.needed_salary = negotiation.salary_needed(sheet.budget_monthly, self.tax_share_value())
        problems = sheet.problems()
        if problems:
            raise ValueError(" ".join(_(p) for p in problems))
        return sheet

    def _practice_lines(self) -> list[dict[str, str]]:
        lines = []
        for row in range(self.practice.rowCount()):
            cells = [self.practice.item(row, column) for column in (0, 1)]
            they, me = ((cell.text().strip() if cell else "") for cell in cells)
            if they or me:
                lines.append({"they_say": they, "i_say": me})
        return lines

    # -- actions -------------------------------------------------------------------------------
    def refresh(self) -> None:
        needed = negotiation.salary_needed(self.budget.safe_value(), self.tax_share_value())
        self.needed.setText(
            _("about {amount} a year before tax").format(amount=format_money(needed, self.currency))
            if needed is not None else _("enter a monthly budget"))
        if needed is not None and self.offered_yearly is not None and needed > self.offered_yearly:
            self.needed.setText(self.needed.text() + " — " + _("more than this offer pays"))
        problems = negotiation.market_problems(self.market_low.safe_value(), self.market_typical.safe_value(),
                                               self.market_high.safe_value())
        self.market_error.setText(" ".join(_(p) for p in problems))
        self.market_error.setVisible(bool(problems))

    def suggest(self) -> None:
        needed = negotiation.salary_needed(self.budget.safe_value(), self.tax_share_value())
        suggestion = negotiation.suggest_counter(self.offered_yearly, self.market_low.safe_value(),
                                                 self.market_typical.safe_value(), self.market_high.safe_value(),
                                                 needed)
        if suggestion.amount is not None:
            self.counter.set_value(suggestion.amount)
        self.suggest_reason.setText(_(suggestion.reason))

    def add_usual_asks(self) -> None:
        present = set(_lines(self.fallback_asks))
        missing = [_(ask) for ask in TYPICAL_FALLBACK_ASKS if _(ask) not in present]
        self.fallback_asks.setPlainText("\n".join([*_lines(self.fallback_asks), *missing]))

    def add_practice(self, they_say: str, i_say: str) -> None:
        row = self.practice.rowCount()
        self.practice.insertRow(row)
        self.practice.setItem(row, 0, QTableWidgetItem(they_say))
        self.practice.setItem(row, 1, QTableWidgetItem(i_say))

    def add_likely_answers(self) -> None:
        present = {line["they_say"] for line in self._practice_lines()}
        for answer in LIKELY_EMPLOYER_ANSWERS:
            if _(answer) not in present:
                self.add_practice(_(answer), "")

    def remove_practice_line(self) -> None:
        row = self.practice.currentRow()
        if row >= 0:
            self.practice.removeRow(row)
