"""A quiet banner above the board when one active application or none is left.

The guides' advice: keep applying until an offer is signed. Interviews stall, positions are left
unfilled or go to an internal candidate, so a single open process is a fragile plan.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from jobfollow.i18n import _
from jobfollow.ui.plain_text import plain_label
from jobfollow.ui.retranslation import Retranslating


class KeepApplyingBanner(Retranslating, QFrame):
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keepApplyingBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.add_button = QPushButton()
        self._active = 0
        self.add_button.clicked.connect(self.add_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.add_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.add_button.setText(_("Add an application…"))
        self._set_text()

    def show_for(self, active_count: int) -> None:
        """Show when at most one application is still in play; hide otherwise."""
        self._active = active_count
        self._set_text()
        self.setVisible(active_count <= 1)

    def _set_text(self) -> None:
        if self._active == 0:
            text = _("No application is in progress. Every search moves faster with a few processes "
                     "running side by side, so this is a good moment to send the next one.")
        else:
            text = _("Only one application is still in progress. Keep applying while you wait: some "
                     "openings are never filled, and a second process is your best insurance.")
        self.message.setText(text)
