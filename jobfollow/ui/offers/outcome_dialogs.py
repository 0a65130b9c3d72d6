"""Closing a card: accept or decline an offer, or write the letter a withdrawal or a decline needs."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jobfollow.i18n import _, format_date, ngettext
from jobfollow.services.events import AppEvents
from jobfollow.services.offers import OfferService
from jobfollow.store.offer_outcomes import OutcomeError, other_active_cards
from jobfollow.store.offers import get_offer
from jobfollow.store.settings import get_user_details
from jobfollow.ui.forms.widgets import SANE_DATE_RANGE
from jobfollow.ui.offers.widgets import DANGER_STYLE, INFO_STYLE, WARNING_STYLE, banner, qt_date_format
from jobfollow.ui.store_errors import store_error_message

NOTICE_DAYS = 14  # two weeks' notice
REST_DAYS = 3  # a few days off between two jobs


def suggested_start(today: dt.date, employed: bool) -> dt.date:
    """The first Monday after notice (if employed) and a few days of rest."""
    earliest = today + dt.timedelta(days=(NOTICE_DAYS if employed else 0) + REST_DAYS)
    return earliest + dt.timedelta(days=(7 - earliest.weekday()) % 7)


class AcceptDialog(QDialog):
    def __init__(self, offer_id: int, service: OfferService, parent: QWidget | None = None, *,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.offer = get_offer(offer_id)
        self.service = service
        self.today = today or dt.date.today()
        self.employed = get_user_details().employed
        app = self.offer.application
        self.setWindowTitle(_("Accept the offer from {company}").format(company=app.company))
        intro = QLabel(_("Say yes only when you are ready to keep your word: backing out later hurts your name "
                         "more than a polite no today."))
        intro.setWordWrap(True)
        self.verbal = banner(WARNING_STYLE)
        self.verbal.setText(_("You only have this offer by word of mouth. Ask for it in writing before you "
                              "accept."))
        self.verbal.setVisible(not self.offer.is_written)
        start = self.offer.start_date or suggested_start(self.today, self.employed)
        self.start_date = QDateEdit(QDate(start.year, start.month, start.day))
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat(qt_date_format())
        self.start_date.setDateRange(*SANE_DATE_RANGE)
        self.start_date.dateChanged.connect(self.check_start)
        self.start_hint = QLabel()
        self.start_hint.setWordWrap(True)
        self.start_warning = banner(DANGER_STYLE)
        self.checklist = QLabel(self._checklist_html())
        self.checklist.setWordWrap(True)
        self.checklist.setStyleSheet(INFO_STYLE)
        self.error = banner(DANGER_STYLE)
        form = QFormLayout()
        form.addRow(_("First day at work:"), self.start_date)
        form.addRow("", self.start_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(_("Accept and write the letter"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.verbal):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.start_warning, self.checklist, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.check_start()
        self.resize(580, self.sizeHint().height())

    def _checklist_html(self) -> str:
        others = other_active_cards(self.offer.application_id)
        items = []
        if others:
            names = ", ".join(html.escape(app.company) for app in others[:6]) + ("…" if len(others) > 6 else "")
            items.append(ngettext(
                "Withdraw politely from your other active application ({names}); a follow-up with the letter "
                "ready will appear.",
                "Withdraw politely from your {count} other active applications ({names}); a follow-up with the "
                "letter ready will appear for each.", len(others)).format(count=len(others), names=names))
        if self.employed:
            items.append(_("Give your current employer two weeks' notice in writing; a follow-up will remind you."))
        items.append(_("Send the acceptance letter confirming the start date (it opens next)."))
        return "<b>{title}</b><ul>{items}</ul>".format(
            title=html.escape(_("After you accept")), items="".join(f"<li>{item}</li>" for item in items))

    def start_value(self) -> dt.date:
        date = self.start_date.date()
        return dt.date(date.year(), date.month(), date.day())

    def check_start(self) -> None:
        start = self.start_value()
        suggestion = suggested_start(self.today, self.employed)
        self.start_hint.setText(_("Suggested: {date}, leaving room for notice and a few days of rest.").format(
            date=format_date(suggestion, "full")) if self.employed else
            _("Suggested: {date}, after a few days of rest.").format(date=format_date(suggestion, "full")))
        notice_end = self.today + dt.timedelta(days=NOTICE_DAYS)
        if start < self.today:
            message = _("This start date is in the past.")
        elif self.employed and start <= notice_end:
            message = _("Two weeks' notice from today runs until {date}; starting sooner leaves no rest between "
                        "the jobs.").format(date=format_date(notice_end))
        else:
            message = ""
        self.start_warning.setText(message)
        self.start_warning.setVisible(bool(message))

    def accept(self) -> None:
        if answered(self.error, lambda: self.service.accept(self.offer.id, self.start_value())):
            super().accept()


class DeclineDialog(QDialog):
    def __init__(self, offer_id: int, service: OfferService, parent: QWidget | None = None, *,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.offer = get_offer(offer_id)
        self.service = service
        app = self.offer.application
        self.setWindowTitle(_("Decline the offer from {company}").format(company=app.company))
        intro = QLabel(_("Thank them warmly and keep the door open: the people you met stay in your network, and "
                         "you may meet them again."))
        intro.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("Why you decline (for yourself; it is not sent)"))
        self.error = banner(DANGER_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(_("Decline and write the letter"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.note, self.error, buttons):
            layout.addWidget(widget)
        self.resize(520, 300)

    def accept(self) -> None:
        if answered(self.error, lambda: self.service.decline(self.offer.id, self.note.toPlainText().strip())):
            super().accept()


def answered(error_banner: QLabel, answer: Callable[[], BaseException | None]) -> bool:
    """Run the service's accept or decline; on a problem say it in the dialog's banner (nothing changed)."""
    try:
        failure = answer()
    except OutcomeError as exc:  # the board has no stage of that kind
        failure = exc
    if failure is None:
        return True
    error_banner.setText(str(failure) if isinstance(failure, OutcomeError) else store_error_message(failure))
    error_banner.setVisible(True)
    return False


class LetterPromptDialog(QDialog):
    """After a card closed on the board: offer the one letter that outcome calls for."""

    def __init__(self, app_id: int, events: AppEvents, template_key: str, contact_id: int, title: str, text: str,
                 button_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app_id, self.events, self.template_key, self.contact_id = app_id, events, template_key, contact_id
        self.setWindowTitle(title)
        label = QLabel(text)
        label.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton(button_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.resize(480, 180)

    def accept(self) -> None:
        self.events.compose_letter_requested.emit(self.app_id, self.template_key, self.contact_id)
        super().accept()
