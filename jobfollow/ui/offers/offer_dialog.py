"""The offer record of one card (or the user's current job): every term, its value, and the worksheet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.negotiation import Worksheet
from jobfollow.core.offers import (
    DECISION_BUSINESS_DAYS,
    PAY_PERIOD_LABELS,
    RATED_VALUE_LABELS,
    RATED_VALUES,
    OfferTerms,
    PayPeriod,
    add_business_days,
    first_year_cash,
    money_problem,
    to_decimal,
    yearly_value,
)
from jobfollow.core.validation import COMMUTE_MINUTES, HOURS_PER_WEEK, PAID_DAYS_OFF
from jobfollow.i18n import N_, _, format_date, format_money, format_relative_days
from jobfollow.services.offers import OfferService
from jobfollow.store import offers as store
from jobfollow.store.offer_defaults import default_currency
from jobfollow.store.offer_outcomes import letter_contact_id
from jobfollow.ui.offers.widgets import (
    COMMON_CURRENCIES,
    DANGER_STYLE,
    INFO_STYLE,
    WARNING_STYLE,
    MoneyField,
    OptionalDateEdit,
    banner,
    qt_locale,
)
from jobfollow.ui.offers.worksheet_widget import WorksheetWidget
from jobfollow.ui.retranslation import Retranslating
from jobfollow.ui.store_errors import STORE_ERRORS, store_error_message

MONEY_LABELS = {
    "base_salary": N_("Base salary:"),
    "bonus_target": N_("Bonus target (yearly):"),
    "signing_bonus": N_("Signing bonus:"),
    "equity_value_per_year": N_("Equity, yearly value:"),
    "retirement_match": N_("Retirement match (yearly):"),
    "benefits_value": N_("Benefits, yearly value:"),
    "relocation": N_("Relocation:"),
    "tuition": N_("Tuition (yearly):"),
}


STATUS_LABELS = {"pending": N_("Considering"), "countered": N_("Countered, waiting for an answer"),
                 "accepted": N_("Accepted"), "declined": N_("Declined")}


class OfferDialog(Retranslating, QDialog):
    saved = Signal(int)  # application id

    def __init__(self, app_id: int, service: OfferService, parent: QWidget | None = None, *,
                 today: dt.date | None = None, current_job: bool = False):
        super().__init__(parent)
        self.app_id, self.service, self.current_job = app_id, service, current_job
        self.events = service.events
        self.today = today or dt.date.today()
        self.offer = None if current_job else store.offer_for_application(app_id)
        self.money: dict[str, MoneyField] = {}
        self.no_interview = banner(INFO_STYLE)
        self.deadline_banner = banner(WARNING_STYLE)
        self.tabs = QTabWidget()
        self.tab_titles = [(self._pay_tab(), N_("Pay")), (self._benefits_tab(), N_("Benefits and terms"))]
        if not current_job:
            self.tab_titles.append((self._dates_tab(), N_("Dates and status")))
        self.tab_titles.append((self._ratings_tab(), N_("Ratings and notes")))
        self.worksheet = WorksheetWidget()
        if not current_job:
            self.tab_titles.append((self.worksheet, N_("Negotiation")))
        for page, _title in self.tab_titles:
            self.tabs.addTab(page, "")
        if not current_job:
            self.worksheet.letter_requested.connect(self.write_letter)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = banner(DANGER_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.accept_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.decline_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_button.clicked.connect(lambda: self.close_with("accept"))
        self.decline_button.clicked.connect(lambda: self.close_with("decline"))
        self.accept_button.setVisible(not current_job)
        self.decline_button.setVisible(not current_job)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_interview)
        layout.addWidget(self.deadline_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()
        self.resize(780, 720)

    def retranslate(self) -> None:
        """The title, tabs, buttons, status and the texts made from the figures (the rows keep their labels)."""
        self.setWindowTitle(_("My current job") if self.current_job else _("Offer: {card}").format(
            card=store.card_title(self.app_id)))
        for index, (_page, title) in enumerate(self.tab_titles):
            self.tabs.setTabText(index, _(title))
        self.accept_button.setText(_("Accept…"))
        self.decline_button.setText(_("Decline…"))
        if not self.current_job:
            for index in range(self.status.count()):
                self.status.setItemText(index, _(STATUS_LABELS[self.status.itemData(index)]))
        self.refresh()

    # -- tabs ----------------------------------------------------------------------------------
    def _money_row(self, form: QFormLayout, name: str) -> MoneyField:
        field = MoneyField()
        field.changed.connect(self.refresh)
        self.money[name] = field
        form.addRow(_(MONEY_LABELS[name]), field)
        return field

    def _pay_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        if self.current_job:
            self.label_edit = QLineEdit()
            self.label_edit.setPlaceholderText(_("e.g. Current job at Contoso"))
            form.addRow(_("Name in the comparison:"), self.label_edit)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.currentTextChanged.connect(self.refresh)
        form.addRow(_("Currency:"), self.currency)
        self._money_row(form, "base_salary").extra_check = self._salary_problem
        period_row = QHBoxLayout()
        self.pay_period = QComboBox()
        for period in PayPeriod:
            self.pay_period.addItem(_(PAY_PERIOD_LABELS[period]), period.value)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(*HOURS_PER_WEEK)
        self.hours.setDecimals(1)
        self.hours.setLocale(qt_locale())
        self.hours.setSuffix(" " + _("h/week"))
        period_row.addWidget(self.pay_period)
        period_row.addWidget(QLabel(_("hours per week:")))
        period_row.addWidget(self.hours)
        period_row.addStretch(1)
        self.pay_period.currentIndexChanged.connect(self.refresh)
        self.hours.valueChanged.connect(self.refresh)
        form.addRow(_("Paid:"), period_row)
        for name in ("bonus_target", "signing_bonus"):
            self._money_row(form, name)
        self.equity = QLineEdit()
        self.equity.setPlaceholderText(_("e.g. 2,000 options at 4.10"))
        form.addRow(_("Equity:"), self.equity)
        self._money_row(form, "equity_value_per_year")
        self.vesting = QLineEdit()
        self.vesting.setPlaceholderText(_("e.g. 4 years, 1-year cliff"))
        form.addRow(_("Vesting:"), self.vesting)
        for name in ("retirement_match", "relocation", "tuition"):
            self._money_row(form, name)
        if self.current_job:
            for name in ("signing_bonus", "relocation", "tuition"):
                form.setRowVisible(self.money[name], False)
            form.setRowVisible(self.vesting, False)
        return page

    def _benefits_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.health = QPlainTextEdit()
        self.health.setPlaceholderText(_("Health, dental, vision, insurance, childcare…"))
        self.health.setFixedHeight(80)
        form.addRow(_("Health and other benefits:"), self.health)
        self._money_row(form, "benefits_value")
        self.days_off = QSpinBox()
        self.days_off.setRange(PAID_DAYS_OFF[0] - 1, PAID_DAYS_OFF[1])  # one below: "not known"
        self.days_off.setSpecialValueText(_("not known"))
        form.addRow(_("Paid days off a year:"), self.days_off)
        self.remote = QLineEdit()
        self.remote.setPlaceholderText(_("e.g. two days a week from home, core hours 10-15"))
        form.addRow(_("Remote and flexible terms:"), self.remote)
        self.commute = QSpinBox()
        self.commute.setRange(COMMUTE_MINUTES[0] - 1, COMMUTE_MINUTES[1])
        self.commute.setSuffix(" " + _("min"))
        self.commute.setSpecialValueText(_("not known"))
        form.addRow(_("Commute, one way:"), self.commute)
        if self.current_job:
            form.setRowVisible(self.health, False)
            form.setRowVisible(self.remote, False)
        return page

    def _dates_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.offer_date = OptionalDateEdit(N_("known"))
        self.deadline = OptionalDateEdit(N_("known"))
        self.start_date = OptionalDateEdit(N_("agreed"))
        self.deadline.changed.connect(self.refresh)
        self.offer_date.changed.connect(self.refresh)
        self.written = QCheckBox(_("I have it in writing (letter or e-mail)"))
        self.written.toggled.connect(self.refresh)
        self.status = QComboBox()
        # Accepting and declining go through their own dialogs (they move the card and write the letter).
        for status in ("pending", "countered"):
            self.status.addItem(_(STATUS_LABELS[status]), status)
        form.addRow(_("Offer made on:"), self.offer_date)
        form.addRow(_("Answer needed by:"), self.deadline)
        form.addRow(_("Start date:"), self.start_date)
        written_hint = QLabel(_("A spoken offer is not final yet: wait for it in writing before you negotiate."))
        written_hint.setWordWrap(True)
        written_hint.setEnabled(False)  # greyed: a hint, not a field
        form.addRow("", self.written)
        form.addRow("", written_hint)
        form.addRow(_("Status:"), self.status)
        return page

    def _ratings_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        intro = QLabel(_("How well does this job fit what matters to you? 1 = poorly, 5 = very well."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.ratings: dict[str, QSpinBox] = {}
        for key in RATED_VALUES:
            spin = QSpinBox()
            spin.setRange(0, 5)
            spin.setSpecialValueText(_("not rated"))
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # a digit needs no full row
            self.ratings[key] = spin
            # TRANSLATORS: a form label made from a name; French puts a space before the colon.
            form.addRow(_("{value}:").format(value=_(RATED_VALUE_LABELS[key])), spin)
        self.notes = QPlainTextEdit()
        form.addRow(_("Notes:"), self.notes)
        return page

    def _salary_problem(self, value):
        return money_problem(value, period=self.pay_period.currentData(), hours_per_week=self.hours.value())

    # -- values --------------------------------------------------------------------------------
    def load(self) -> None:
        if self.current_job:
            values = store.current_job() or {"currency": "USD"}
            values = {**values, **{k: to_decimal(values.get(k)) for k in store.MONEY_FIELDS}}
            self.label_edit.setText(values.get("label", ""))
            ratings = values.get("ratings") or {}
        else:
            values = store.offer_values(self.offer) if self.offer else {
                "currency": default_currency(self.app_id), "offer_date": self.today}
            ratings = store.ratings_of(self.offer) if self.offer else {}
            self.no_interview.setText(_("No interview is recorded on this card. You can still record the offer; "
                                        "add the interviews later so your thank-you notes and lessons are complete."))
            self.no_interview.setVisible(not store.has_interview(self.app_id))
            self.offer_date.set_value(values.get("offer_date"), self.today)
            self.deadline.set_value(values.get("deadline"), add_business_days(self.today, DECISION_BUSINESS_DAYS))
            self.start_date.set_value(values.get("start_date"), self.today + dt.timedelta(days=21))
            self.written.setChecked(bool(values.get("is_written")))
            status = values.get("status") or "pending"
            if status in ("accepted", "declined"):
                self.status.addItem(_(STATUS_LABELS[status]), status)
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
            sheet = store.worksheet_of(self.offer) if self.offer else Worksheet()
            self.worksheet.load(sheet, store.tax_share())
        self.currency.setCurrentText(values.get("currency") or "USD")
        for name, field in self.money.items():
            field.set_value(values.get(name))
        self.pay_period.setCurrentIndex(max(0, self.pay_period.findData(values.get("pay_period") or "year")))
        self.hours.setValue(float(values.get("hours_per_week") or 40))
        self.equity.setText(values.get("equity") or "")
        self.vesting.setText(values.get("vesting") or "")
        self.health.setPlainText(values.get("health_benefits") or "")
        self.remote.setText(values.get("remote_terms") or "")
        self.days_off.setValue(-1 if values.get("paid_days_off") is None else int(values["paid_days_off"]))
        self.commute.setValue(-1 if values.get("commute_minutes") is None else int(values["commute_minutes"]))
        for key, spin in self.ratings.items():
            spin.setValue(int(ratings.get(key, 0)))
        self.notes.setPlainText(values.get("notes") or "")
        self.refresh()

    def values(self) -> dict:
        """Everything typed, money as Decimal; raises ValueError after marking the first bad field."""
        bad = [name for name, field in self.money.items() if not field.check()]
        if bad:
            field = self.money[bad[0]]
            self.tabs.setCurrentWidget(self._tab_of(field))
            field.edit.setFocus()
            raise ValueError(field.error.text())
        values = {name: field.safe_value() for name, field in self.money.items()}
        values.update(
            currency=self.currency.currentText().strip().upper(), pay_period=self.pay_period.currentData(),
            hours_per_week=self.hours.value(), equity=self.equity.text().strip(), vesting=self.vesting.text().strip(),
            health_benefits=self.health.toPlainText().strip(), remote_terms=self.remote.text().strip(),
            paid_days_off=None if self.days_off.value() < 0 else self.days_off.value(),
            commute_minutes=None if self.commute.value() < 0 else self.commute.value(),
            notes=self.notes.toPlainText().strip(),
        )
        if not self.current_job:
            values.update(offer_date=self.offer_date.value(), deadline=self.deadline.value(),
                          start_date=self.start_date.value(), is_written=self.written.isChecked(),
                          status=self.status.currentData())
        return values

    def _tab_of(self, widget: QWidget) -> QWidget:
        while widget.parentWidget() is not None and self.tabs.indexOf(widget) < 0:
            widget = widget.parentWidget()
        return widget

    def rating_values(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.ratings.items() if spin.value() > 0}

    def terms(self) -> OfferTerms:
        return OfferTerms(
            currency=self.currency.currentText().strip().upper() or "USD",
            base_salary=self.money["base_salary"].safe_value(), pay_period=self.pay_period.currentData(),
            hours_per_week=self.hours.value(),
            **{name: self.money[name].safe_value() for name in store.MONEY_FIELDS if name != "base_salary"},
        )

    # -- reactions -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.hours.setEnabled(self.pay_period.currentData() == PayPeriod.HOUR.value)
        terms = self.terms()
        currency_ok = len(terms.currency) == 3 and terms.currency.isalpha()
        if currency_ok:
            self.summary.setText(_("First-year cash: {cash}   ·   Yearly value with your weights: {value}").format(
                cash=format_money(first_year_cash(terms), terms.currency),
                value=format_money(yearly_value(terms, store.comparison_weights()), terms.currency)))
        else:
            self.summary.setText(_("Use a three-letter currency code such as USD or EUR."))
        if self.current_job:
            return
        self.worksheet.set_context(terms.currency if currency_ok else "USD", terms.yearly_base or None,
                                   self.written.isChecked())
        deadline = self.deadline.value()
        if deadline is not None and deadline < self.today:
            self.deadline_banner.setStyleSheet(DANGER_STYLE)
            self.deadline_banner.setText(_("The answer deadline ({date}, {relative}) has passed. Call them before "
                                           "anything else: ask whether the offer still stands.").format(
                date=format_date(deadline), relative=format_relative_days(deadline, self.today)))
        elif deadline is None:
            self.deadline_banner.setStyleSheet(WARNING_STYLE)
            self.deadline_banner.setText(_("No deadline yet. Thank them, say you are glad, and ask by when they need "
                                           "your answer. Without one, plan to answer by {date}.").format(
                date=format_date(add_business_days(self.offer_date.value() or self.today, DECISION_BUSINESS_DAYS))))
        else:
            self.deadline_banner.setStyleSheet(INFO_STYLE)
            self.deadline_banner.setText(_("Answer needed by {date} ({relative}). Take the time to weigh the whole "
                                           "package; you do not have to say yes on the spot.").format(
                date=format_date(deadline), relative=format_relative_days(deadline, self.today)))
        self.deadline_banner.setVisible(True)

    def save(self) -> bool:
        """Store what was typed; on a problem show it, keep every field as typed, and return False."""
        try:
            values = self.values()
            if self.current_job:
                self.service.set_current_job({**values, "label": self.label_edit.text().strip(),
                                              "ratings": self.rating_values()})
            else:
                sheet = self.worksheet.worksheet() if self.tabs.indexOf(self.worksheet) >= 0 else None
                self.offer = self.service.save_offer(
                    self.app_id, values, self.offer.id if self.offer else None, ratings=self.rating_values(),
                    worksheet=sheet, tax_share=self.worksheet.tax_share_value() if sheet is not None else None)
        except store.OfferInputError as exc:
            for name, message in exc.problems.items():
                if name in self.money:
                    self.money[name].show_problem(message)
            self.show_error(" ".join(exc.problems.values()))
            return False
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        except STORE_ERRORS as exc:  # locked or read-only database: say so, keep every field
            self.show_error(store_error_message(exc))
            return False
        self.error.setVisible(False)
        self.saved.emit(self.app_id)
        return True

    def show_error(self, message: str) -> None:
        self.error.setText(_("Not saved: {problem}").format(problem=message))
        self.error.setVisible(True)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def write_letter(self, template_key: str) -> None:
        if self.save():
            self.events.compose_letter_requested.emit(self.app_id, template_key, letter_contact_id(self.app_id))

    def close_with(self, outcome: str) -> None:
        """Save, then open the accept or decline dialog for this offer."""
        if not self.save():
            return
        from jobfollow.ui.offers.outcome_dialogs import AcceptDialog, DeclineDialog

        dialog_class = AcceptDialog if outcome == "accept" else DeclineDialog
        self.outcome_dialog = dialog_class(self.offer.id, self.service, self.parentWidget(), today=self.today)
        super().accept()
        self.outcome_dialog.open()
