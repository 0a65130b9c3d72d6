"""Hook Insights and the work-search log into the main window: View > Insights, File > Work-search log.

``install_insights(context)`` is the one call in ``main_window.py``; the windows load when first opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from jobfollow.i18n import _
from jobfollow.ui.feature_context import FeatureContext, Menus

if TYPE_CHECKING:
    from jobfollow.ui.insights.insights_window import InsightsWindow
    from jobfollow.ui.insights.worksearch_dialog import WorkSearchDialog


class InsightsController(QObject):
    def __init__(self, context: FeatureContext, today: Callable[[], dt.date] = dt.date.today):
        super().__init__(context.parent)
        self.parent_widget = context.parent
        self.events = context.events
        self.today = today
        self.insights: InsightsWindow | None = None
        self.log_dialog: WorkSearchDialog | None = None
        self.insights_action = QAction(context.parent)
        self.insights_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.insights_action.triggered.connect(self.open_insights)
        self.log_action = QAction(context.parent)
        self.log_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.log_action.triggered.connect(lambda: self.open_work_search_log())
        context.menus.view.addSeparator()
        context.menus.view.addAction(self.insights_action)
        _add_above_data_entries(context.menus, self.log_action)
        for signal in (self.events.applications_changed, self.events.card_moved, self.events.followups_changed):
            signal.connect(self._data_changed)
        context.keep_translated(self.retranslate)
        self.events.settings_changed.connect(self._settings_changed)

    def open_insights(self) -> InsightsWindow:
        if self.insights is None:
            from jobfollow.ui.insights.insights_window import InsightsWindow

            self.insights = InsightsWindow(self.parent_widget, today=self.today)
            self.insights.work_search_log_requested.connect(self.open_work_search_log)
        already_open = self.insights.isVisible()
        self.insights.show()
        if already_open:
            self.insights.raise_()
            self.insights.activateWindow()
        return self.insights

    def open_work_search_log(self, start: dt.date | None = None, end: dt.date | None = None) -> WorkSearchDialog:
        from jobfollow.ui.insights.worksearch_dialog import WorkSearchDialog

        parent = self.insights if self.insights is not None and self.insights.isVisible() else self.parent_widget
        if self.log_dialog is not None:
            self.log_dialog.close()
        self.log_dialog = WorkSearchDialog(self.today(), parent, start=start, end=end)
        self.log_dialog.open_card_requested.connect(self.events.open_application_requested)
        self.log_dialog.show()
        return self.log_dialog

    def _data_changed(self, *_args) -> None:
        for view in (self.insights, self.log_dialog):
            if view is not None and view.isVisible():
                view.refresh()

    def _settings_changed(self, keys: list) -> None:
        from jobfollow.core.settings_registry import WEEKLY_GOAL

        if WEEKLY_GOAL.name in keys and self.insights is not None:
            self.insights.reload_goal()

    def retranslate(self) -> None:
        self.insights_action.setText(_("&Insights…"))
        self.log_action.setText(_("Work-search &log…"))


def _add_above_data_entries(menus: Menus, action: QAction) -> None:
    """File menu: after "New application" and its separator, above Import, Export and the backups."""
    entries = menus.file.actions()
    separators = [index for index, entry in enumerate(entries) if entry.isSeparator()]
    before = entries[separators[0] + 1] if separators and separators[0] + 1 < len(entries) else menus.quit_action
    menus.file.insertAction(before, action)
    menus.file.insertSeparator(before)


def install_insights(context: FeatureContext, today: Callable[[], dt.date] = dt.date.today) -> InsightsController:
    """View > Insights and File > Work-search log; the windows load when first opened."""
    return InsightsController(context, today)
