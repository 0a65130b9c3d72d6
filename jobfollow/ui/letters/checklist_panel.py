"""The letter checklist beside the text: each item ticked or not, with why it matters."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from jobfollow.i18n import _
from jobfollow.ui.palette_colours import muted_text, signal_colour

if TYPE_CHECKING:  # the checklist rules load with the first letter, not at start-up
    from jobfollow.core.letters.checklist import CheckItem


class ChecklistPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterChecklist")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setContentsMargins(6, 6, 6, 6)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(holder)
        self.items: list[CheckItem] = []

    def set_items(self, items: list[CheckItem]) -> None:
        self.items = list(items)
        if not items:
            self.label.setText(_("Open a letter to see its checklist."))
            return
        done = sum(item.passed for item in items)
        summary = html.escape(_("{done} of {total} done").format(done=done, total=len(items)))
        rows = [f"<p style='margin:0 0 6px 0'><b>{summary}</b></p>"]
        muted = muted_text().name()
        for item in items:
            if item.passed:
                mark, colour = "\u2714", signal_colour("success").name()
            elif item.warning:
                mark, colour = "\u26a0", signal_colour("caution").name()
            else:
                mark, colour = "\u2718", signal_colour("danger").name()
            detail = ""
            if item.detail and not item.passed:
                detail = "<br><span style='color:{c}'>{d}</span>".format(
                    c=colour, d=html.escape(item.detail).replace("\n", "<br>"))
            label, why = html.escape(item.label), html.escape(item.why)
            rows.append(f"<p style='margin:0 0 7px 0'><span style='color:{colour}; font-weight:bold'>{mark}</span> "
                        f"{label}<br><span style='color:{muted}'>{why}</span>{detail}</p>")
        self.label.setText("".join(rows))

    def item(self, key: str) -> CheckItem | None:
        return next((i for i in self.items if i.key == key), None)
