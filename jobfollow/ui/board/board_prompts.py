"""The small questions the board asks: why did it close, really delete, where do the cards go.

Each is a plain function taking the parent widget. Tests answer them by patching Qt's ``exec`` and
``QMessageBox`` (the ``modal`` fixture in tests/conftest.py), not through hooks here.
"""

from __future__ import annotations

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QMenu, QMessageBox, QVBoxLayout, QWidget

from jobfollow.core.stages import OUTCOME_LABELS, STAGE_KIND_LABELS, Outcome
from jobfollow.i18n import _, ngettext
from jobfollow.store.applications import StageRow
from jobfollow.ui.plain_text import Button, ask, plain_label


def build_outcome_menu(parent: QWidget | None, count: int) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName("outcomeMenu")
    title = menu.addAction(ngettext("Why did it close?", "Why did they close?", count))
    title.setEnabled(False)
    menu.addSeparator()
    for outcome in Outcome:
        action = menu.addAction(_(OUTCOME_LABELS[outcome]))
        action.setData(outcome.value)
    return menu


def choose_outcome(parent: QWidget | None, count: int) -> str | None:
    """One click: the outcome chosen from a popup at the mouse, or None when dismissed (no move)."""
    menu = build_outcome_menu(parent, count)
    chosen = menu.exec(QCursor.pos())
    menu.deleteLater()
    return chosen.data() if chosen is not None and chosen.data() else None


def confirm_delete(parent: QWidget | None, count: int) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, _("Delete applications"),
                      ngettext("Delete {count} application?", "Delete {count} applications?", count).format(
                          count=count),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(_("Their interviews, people and letters go with them. Edit > Undo brings them back."))
    box.button(QMessageBox.StandardButton.Yes).setText(_("Delete"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_last_of_kind(parent: QWidget | None, stage: StageRow) -> bool:
    answer = ask(
        parent, _("Remove the last stage of its kind"),
        _("“{name}” is the only stage of kind “{kind}”. The follow-up advice for that step of a process "
          "will have no column to look at. Remove it anyway?").format(name=stage.name,
                                                                       kind=_(STAGE_KIND_LABELS[stage.kind])),
        Button.Yes | Button.Cancel, Button.Cancel, icon=QMessageBox.Icon.Warning)
    return answer == Button.Yes


class DestinationDialog(QDialog):
    """Where should the cards of a stage being removed go?"""

    def __init__(self, stage: StageRow, candidates: list[StageRow], count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Remove stage"))
        self.combo = QComboBox()
        for other in candidates:
            self.combo.addItem(_("{name} ({kind})").format(name=other.name, kind=_(STAGE_KIND_LABELS[other.kind])),
                               other.id)
        same_kind = next((i for i, other in enumerate(candidates) if other.kind == stage.kind), 0)
        self.combo.setCurrentIndex(same_kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Remove stage"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(ngettext("“{name}” holds {count} card. Move it to:",
                                         "“{name}” holds {count} cards. Move them to:", count).format(
            name=stage.name, count=count)))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)


def choose_destination(parent: QWidget | None, stage: StageRow, candidates: list[StageRow], count: int) -> int | None:
    dialog = DestinationDialog(stage, candidates, count, parent)
    try:
        return dialog.combo.currentData() if dialog.exec() else None
    finally:
        dialog.deleteLater()
