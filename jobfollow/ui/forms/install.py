"""The forms feature in the window: File > New application…, and the events that open the forms.

``install_forms(context)`` is the only thing main_window.py calls; everything else stays in this package.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from jobfollow.i18n import _
from jobfollow.store.application_details import application_exists
from jobfollow.ui.feature_context import FeatureContext

if TYPE_CHECKING:  # the dialogs load when first opened, not while the window starts
    from jobfollow.ui.forms.application_form import ApplicationFormDialog
    from jobfollow.ui.forms.interview_form import InterviewFormDialog


class FormOpener:
    """Opens the forms for the window (tests answer them through the ``modal`` fixture)."""

    def __init__(self, context: FeatureContext):
        self.parent = context.parent
        self.events = context.events
        self.undo_stack = context.undo_stack
        self.new_application_action = QAction(context.parent)
        context.keep_translated(self.retranslate)

    def retranslate(self) -> None:
        self.new_application_action.setText(_("&New application…"))
        self.new_application_action.setStatusTip(_("Add a job application to the first stage of the board"))

    def open_application(self, application_id: int, tab: int = 0) -> ApplicationFormDialog | None:
        if not application_exists(application_id):  # deleted since the request was sent
            return None
        from jobfollow.ui.forms.application_form import ApplicationFormDialog

        dialog = ApplicationFormDialog(self.events, self.undo_stack, application_id, self.parent)
        dialog.show_tab(tab)
        dialog.exec()
        return dialog

    def new_application(self) -> ApplicationFormDialog:
        from jobfollow.ui.forms.application_form import ApplicationFormDialog

        dialog = ApplicationFormDialog(self.events, self.undo_stack, None, self.parent)
        dialog.exec()
        if dialog.application_id is not None:  # saved: the new card is selected, in sight, ready for the keys
            self.events.select_application_requested.emit(dialog.application_id)
        return dialog

    def record_interview(self, application_id: int) -> InterviewFormDialog | None:
        """After a move to Interviewed with none recorded: the form, dated today."""
        if not application_exists(application_id):  # deleted since the request was sent
            return None
        from jobfollow.ui.forms.interview_form import InterviewFormDialog

        start = dt.datetime.now().replace(minute=0, second=0, microsecond=0)
        dialog = InterviewFormDialog(application_id, default_start=start, parent=self.parent)
        dialog.saved.connect(lambda app_id: self.events.applications_changed.emit([app_id]))
        dialog.exec()
        return dialog


def install_forms(context: FeatureContext) -> FormOpener:
    opener = FormOpener(context)
    action = opener.new_application_action
    action.setShortcut(QKeySequence.StandardKey.New)
    action.triggered.connect(context.events.new_application_requested)
    file_menu = context.menus.file
    first = file_menu.actions()[0] if file_menu.actions() else None
    file_menu.insertAction(first, action)
    if first is not None:
        file_menu.insertSeparator(first)
    context.events.new_application_requested.connect(opener.new_application)
    context.events.open_application_requested.connect(opener.open_application)
    context.events.record_interview_requested.connect(opener.record_interview)
    return opener


def check_application_form(window) -> None:
    """Build (not show) the form of the first card, or a blank one, with every tab filled."""
    from jobfollow.store.board import card_summaries
    from jobfollow.ui.forms.application_form import ApplicationFormDialog

    first = next(iter(card_summaries()), None)
    dialog = ApplicationFormDialog(window.events, window.undo_stack, first.id if first else None, window)
    try:
        if first is not None and dialog.timeline_page.model.rowCount() == 0:
            raise RuntimeError("the timeline of the first card is empty")
    finally:
        dialog.deleteLater()


__all__ = ["FormOpener", "check_application_form", "install_forms"]
