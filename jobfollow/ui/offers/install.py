"""The offers feature in the window: the Offers menu and the reactions to card moves.

``install_offers(context)`` is the one call in ``main_window.py``; everything else stays in this package.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QMenu, QMessageBox, QVBoxLayout, QWidget

from jobfollow.core.stages import Outcome, StageKind
from jobfollow.i18n import _
from jobfollow.store.offer_defaults import card_stage_kind_and_company
from jobfollow.store.offer_outcomes import letter_contact_id, outcome_of, stage_kind_of
from jobfollow.ui.feature_context import FeatureContext, Menus

# Stages from which a recorded offer asks to move the card on to Offer.
BEFORE_OFFER_KINDS = frozenset({StageKind.APPLIED, StageKind.INTERVIEW_SCHEDULED, StageKind.INTERVIEWED,
                                StageKind.NEXT_ROUND})

if TYPE_CHECKING:  # the windows and dialogs load when first opened, not while the main window starts
    from jobfollow.ui.offers.comparison_window import ComparisonWindow
    from jobfollow.ui.offers.lessons_window import LessonsWindow


class CardPickerDialog(QDialog):
    """Which card is the offer for? (The board's context menu skips this step.)"""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Record an offer"))
        self.combo = QComboBox()
        from jobfollow.store import offers as store  # imported on first use, not while the window starts

        for app_id, title in store.cards_for_offer_picker():
            self.combo.addItem(title, app_id)
        label = QLabel(_("Which application is the offer for?") if self.combo.count() else
                       _("There is no active application to record an offer on. Add one to the board first."))
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.combo.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)
        self.combo.setVisible(self.combo.count() > 0)
        self.resize(460, 140)

    def app_id(self) -> int | None:
        return self.combo.currentData()


class OffersController(QObject):
    def __init__(self, context: FeatureContext, today: dt.date | None = None):
        super().__init__(context.parent)
        self.dialog_parent = context.parent  # the parent of the offer dialogs and windows
        self.events = context.events
        self.service = context.services.offers
        self.today_override = today  # tests and screenshots pin the date; otherwise it is read when needed
        self.comparison: ComparisonWindow | None = None
        self.lessons: LessonsWindow | None = None
        self.dialog: QDialog | None = None  # the last dialog opened (tests and screenshots reach it here)
        self._asked_to_move: set[int] = set()  # cards already asked about moving to Offer
        self.menu = self._build_menu(context.menus)
        context.keep_translated(self.retranslate)
        self.events.offer_requested.connect(self.open_offer)
        self.events.card_moved.connect(self.on_card_moved)

    def _build_menu(self, menus: Menus) -> QMenu:
        menu = menus.add_before_help("")
        self.record_action = QAction(self.dialog_parent)
        self.compare_action = QAction(self.dialog_parent)
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.current_job_action = QAction(self.dialog_parent)
        self.lessons_action = QAction(self.dialog_parent)
        self.record_action.triggered.connect(self.pick_card_for_offer)
        self.compare_action.triggered.connect(self.open_comparison)
        self.current_job_action.triggered.connect(self.edit_current_job)
        self.lessons_action.triggered.connect(self.open_lessons)
        for action in (self.record_action, self.compare_action, self.current_job_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.lessons_action)
        return menu

    def retranslate(self) -> None:
        self.menu.setTitle(_("&Offers"))
        self.record_action.setText(_("&Record an offer…"))
        self.compare_action.setText(_("&Compare offers…"))
        self.current_job_action.setText(_("My current &job…"))
        self.lessons_action.setText(_("&Lessons from closed applications…"))

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    @staticmethod
    def _bring_up(window: QWidget) -> None:
        already_open = window.isVisible()
        window.show()
        if already_open:  # only a window hidden behind others needs raising
            window.raise_()
            window.activateWindow()

    # -- opening things ------------------------------------------------------------------------
    def open_offer(self, app_id: int) -> QDialog:
        from jobfollow.store import offers as store
        from jobfollow.ui.offers.offer_dialog import OfferDialog

        dialog = OfferDialog(app_id, self.service, self.dialog_parent, today=self.today())
        if store.offer_for_application(app_id) is None:  # a first offer: maybe the card is not in Offer yet
            dialog.saved.connect(self.offer_to_move, Qt.ConnectionType.QueuedConnection)
        return self._show(dialog)

    def offer_to_move(self, app_id: int) -> bool:
        """An offer recorded on a card before it reached Offer: ask once to move it there (its follow-up to
        answer the offer is made either way). True when the move was asked for."""
        kind, company = card_stage_kind_and_company(app_id)
        if app_id in self._asked_to_move or kind not in BEFORE_OFFER_KINDS:
            return False
        self._asked_to_move.add(app_id)
        answer = QMessageBox.question(
            self.dialog_parent, _("Record an offer"),
            _("You recorded an offer from {company}. Move the card to the Offer stage?").format(
                company=company))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.events.move_to_stage_kind_requested.emit(app_id, StageKind.OFFER.value)
        return True

    def pick_card_for_offer(self) -> None:
        picker = CardPickerDialog(self.dialog_parent)
        picker.accepted.connect(lambda: picker.app_id() and self.open_offer(picker.app_id()))
        self._show(picker)

    def edit_current_job(self) -> QDialog:
        from jobfollow.ui.offers.offer_dialog import OfferDialog

        return self._show(OfferDialog(0, self.service, self.dialog_parent, today=self.today(), current_job=True))

    def open_comparison(self) -> ComparisonWindow:
        if self.comparison is None:
            from jobfollow.ui.offers.comparison_window import ComparisonWindow

            self.comparison = ComparisonWindow(self.service, self.open_offer, self.close_offer, self.edit_current_job,
                                               self.dialog_parent, today=self.today_override)
        self._bring_up(self.comparison)
        return self.comparison

    def open_lessons(self) -> LessonsWindow:
        if self.lessons is None:
            from jobfollow.ui.offers.lessons_window import LessonsWindow

            self.lessons = LessonsWindow(self.events, self.reflect, self.dialog_parent)
        self._bring_up(self.lessons)
        return self.lessons

    def reflect(self, app_id: int, rejected: bool | None = None) -> QDialog:
        if rejected is None:
            rejected = outcome_of(app_id) == Outcome.REJECTED.value
        from jobfollow.ui.offers.reflection_dialog import ReflectionDialog

        return self._show(ReflectionDialog(app_id, self.service, self.dialog_parent, rejected=rejected))

    def close_offer(self, offer_id: int, outcome: str) -> QDialog:
        from jobfollow.ui.offers.outcome_dialogs import AcceptDialog, DeclineDialog

        dialog_class = AcceptDialog if outcome == "accept" else DeclineDialog
        return self._show(dialog_class(offer_id, self.service, self.dialog_parent, today=self.today()))

    # -- reacting to moves on the board --------------------------------------------------------
    def on_card_moved(self, app_id: int, from_stage: int, to_stage: int, replay: bool = False) -> None:
        if replay:  # Undo/Redo: put back the network, ask nothing
            self.after_replayed_move(app_id, from_stage, to_stage)
            return
        # Let the board finish (it records the outcome of a close) before looking at the card.
        QTimer.singleShot(0, lambda: self.after_move(app_id, to_stage))

    def after_replayed_move(self, app_id: int, from_stage: int, to_stage: int) -> None:
        if stage_kind_of(to_stage) == StageKind.CLOSED:
            self.service.keep_network_on_close(app_id)
        elif stage_kind_of(from_stage) == StageKind.CLOSED:
            self.service.put_back_network(app_id)

    def after_move(self, app_id: int, to_stage: int) -> None:
        from jobfollow.store import offers as store

        kind = stage_kind_of(to_stage)
        offer = store.offer_for_application(app_id)
        if kind == StageKind.OFFER and offer is None:
            self.open_offer(app_id)
        elif kind == StageKind.ACCEPTED and offer is not None and offer.status in store.OPEN_STATUSES:
            # Dragged to Accepted on the board: still confirm the start date and send the acceptance letter.
            self.close_offer(offer.id, "accept")
        elif kind == StageKind.CLOSED:
            self.service.keep_network_on_close(app_id)
            self._offer_closing_step(app_id)

    def _offer_closing_step(self, app_id: int) -> None:
        from jobfollow.ui.offers.outcome_dialogs import LetterPromptDialog

        outcome = outcome_of(app_id)
        contact = letter_contact_id(app_id)
        if outcome == Outcome.REJECTED.value:
            self.reflect(app_id, rejected=True)
        elif outcome == Outcome.WITHDREW.value:
            self._show(LetterPromptDialog(
                app_id, self.events, "withdraw", contact, _("Withdraw politely"),
                _("Let them know you are withdrawing, thank them for their time, and ask them to keep your details "
                  "on file: a courteous goodbye keeps the door open."), _("Write the withdrawal letter"),
                self.dialog_parent))
        elif outcome == Outcome.DECLINED_OFFER.value and self.service.settle_open_offer(app_id, "declined"):
            # Closed on the board rather than through Decline…: the letter has not been offered yet.
            self._show(LetterPromptDialog(
                app_id, self.events, "decline_offer", contact, _("Decline the offer"),
                _("Thank them for the offer and decline it kindly; the people you met stay in your network."),
                _("Write the decline letter"), self.dialog_parent))


def install_offers(context: FeatureContext) -> OffersController:
    """Add the Offers menu and the offer reactions."""
    return OffersController(context)
