"""View > Question bank: every interview question recorded, searchable; the dialog loads when first opened."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from jobfollow.i18n import _
from jobfollow.ui.feature_context import FeatureContext


class QuestionBankOpener(QObject):
    def __init__(self, context: FeatureContext):
        super().__init__(context.parent)
        self.parent_widget = context.parent
        self.action = QAction(context.parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        context.keep_translated(self.retranslate)
        self.action.triggered.connect(self.open)
        context.menus.view.addAction(self.action)
        self.dialog = None

    def retranslate(self) -> None:
        self.action.setText(_("&Question bank…"))
        self.action.setStatusTip(_("Every interview question you recorded, with your answers"))

    def open(self):
        from jobfollow.ui.questions.dialog import QuestionBankDialog

        if self.dialog is None:
            self.dialog = QuestionBankDialog(self.parent_widget)
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install_question_bank(context: FeatureContext) -> QuestionBankOpener:
    return QuestionBankOpener(context)
