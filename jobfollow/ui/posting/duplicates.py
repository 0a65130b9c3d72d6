"""A warning under the Details fields when the board already holds a card at this company, or this very role."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from jobfollow.i18n import _, ngettext
from jobfollow.store.postings import SimilarCard, similar_cards

CHECK_DELAY_MS = 250
SHOWN = 3


def _link(card: SimilarCard) -> str:
    label = _("{position} at {company} ({stage})").format(
        position=card.position_title, company=card.company, stage=card.stage_name)
    safe = html.escape(label, quote=True)
    return f'<a href="card:{card.id}">{safe}</a>'


class DuplicateWarning(QLabel):
    #: the user clicked a card named in the warning (its id)
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setStyleSheet("color: #b86e00;")
        self.linkActivated.connect(self._clicked)
        self.exclude_id: int | None = None
        self.cards: list[SimilarCard] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self._pending = ("", "")
        self.timer.timeout.connect(self._check_pending)
        self.hide()

    def _check_pending(self) -> None:
        if not self.window().isVisible():  # the form was closed while the user typed: nothing to warn about
            return
        self.check_now(*self._pending)

    def check_later(self, company: str, position_title: str) -> None:
        self._pending = (company, position_title)
        self.timer.start()

    def check_now(self, company: str, position_title: str) -> None:
        self.timer.stop()
        self.cards = similar_cards(company, position_title, self.exclude_id)
        if not self.cards:
            self.clear()
            self.hide()
            return
        links = ", ".join(_link(card) for card in self.cards[:SHOWN])
        more = len(self.cards) - SHOWN
        if more > 0:
            links += " " + ngettext("and {count} more", "and {count} more", more).format(count=more)
        if self.cards[0].same_role:
            text = _("⚠ This role is already on the board: {cards}").format(cards=links)
        elif len(self.cards) == 1:
            text = _("⚠ You already have a card at this company: {cards}").format(cards=links)
        else:
            text = ngettext("⚠ You already have {count} card at this company: {cards}",
                            "⚠ You already have {count} cards at this company: {cards}",
                            len(self.cards)).format(count=len(self.cards), cards=links)
        self.setText(text)
        self.show()

    def _clicked(self, href: str) -> None:
        if href.startswith("card:"):
            self.open_requested.emit(int(href.split(":", 1)[1]))
