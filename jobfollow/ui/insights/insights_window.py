"""The Insights window: the funnel, answers, time in stage, weekly pace and follow-ups for a date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.insights import tables
from jobfollow.core.insights.report import Insights, RangeError, compute_insights
from jobfollow.core.insights.weekly import GOAL_RANGE
from jobfollow.i18n import _, first_day_of_week
from jobfollow.store import insights_loader
from jobfollow.ui.insights.charts import FunnelChart, WeeklyChart
from jobfollow.ui.insights.figure_table import FigureTable
from jobfollow.ui.insights.range_bar import RangeBar
from jobfollow.ui.insights.report_document import funnel_bars, insights_document, week_bars, write_pdf
from jobfollow.ui.insights.table_model import TextTableModel
from jobfollow.ui.palette_colours import signal_colour
from jobfollow.ui.plain_text import plain_label
from jobfollow.ui.retranslation import WhenShown
from jobfollow.ui.window_state import resize_within_screen


class InsightsWindow(QMainWindow):
    work_search_log_requested = Signal(object, object)  # start, end

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.setObjectName("insightsWindow")
        self._today = today
        self.insights: Insights | None = None

        self.range_bar = RangeBar(today(), insights_loader.first_application_date())
        self.goal_spin = QSpinBox()
        self.goal_spin.setRange(*GOAL_RANGE)
        self.goal_spin.setValue(insights_loader.weekly_goal())
        self.goal_label = goal_label = QLabel()
        goal_label.setBuddy(self.goal_spin)
        self.log_button = QPushButton()
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.range_bar)
        top.addSpacing(12)
        top.addWidget(goal_label)
        top.addWidget(self.goal_spin)
        top.addStretch(1)
        bottom = QHBoxLayout()  # below, so the range and goal fit a 1024-pixel screen in every language
        bottom.addStretch(1)
        for button in (self.log_button, self.print_button, self.pdf_button):
            bottom.addWidget(button)

        self.summary_label = plain_label()
        self.summary_label.setWordWrap(True)
        self.notes_label = plain_label()
        self.notes_label.setWordWrap(True)

        self.funnel_chart = FunnelChart()
        self.funnel_model = TextTableModel(self)
        self.closed_model = TextTableModel(self)
        self.weekly_chart = WeeklyChart()
        self.pace_label = plain_label()
        self.pace_label.setWordWrap(True)
        self.weekly_model = TextTableModel(self)
        self.grouping_combo = QComboBox()
        for key in tables.GROUPINGS:
            self.grouping_combo.addItem("", key)
        self.answers_model = TextTableModel(self)
        self.times_model = TextTableModel(self)
        self.followups_model = TextTableModel(self)
        self.views = {name: FigureTable(model) for name, model in (
            ("funnel", self.funnel_model), ("closed", self.closed_model), ("weekly", self.weekly_model),
            ("answers", self.answers_model), ("times", self.times_model), ("followups", self.followups_model))}
        self.views["weekly"].setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.views["weekly"].setMaximumHeight(self.fontMetrics().height() * 14)

        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.summary_label, 0, 0, 1, 2)
        grid.addWidget(self.notes_label, 1, 0, 1, 2)
        self.sections = {
            "funnel": self._section(self.funnel_chart, self.views["funnel"], self.views["closed"]),
            "weekly": self._section(self.weekly_chart, self.pace_label, self.views["weekly"])}
        grid.addWidget(self.sections["funnel"], 2, 0)
        grid.addWidget(self.sections["weekly"], 2, 1)
        answers_head = QHBoxLayout()
        self.group_label = QLabel()
        self.group_label.setBuddy(self.grouping_combo)
        answers_head.addWidget(self.group_label)
        answers_head.addWidget(self.grouping_combo)
        answers_head.addStretch(1)
        self.sections["answers"] = self._section(answers_head, self.views["answers"])
        self.sections["times"] = self._section(self.views["times"])
        self.sections["followups"] = self._section(self.views["followups"])
        grid.addWidget(self.sections["answers"], 3, 0)
        grid.addWidget(self.sections["times"], 3, 1)
        grid.addWidget(self.sections["followups"], 4, 0)
        grid.setRowStretch(5, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addLayout(top)
        outer.addWidget(scroll, 1)
        outer.addLayout(bottom)
        self.setCentralWidget(central)
        resize_within_screen(self, 1180, 820)

        self.range_bar.changed.connect(self.refresh)
        self.goal_spin.valueChanged.connect(self._goal_changed)
        self.grouping_combo.currentIndexChanged.connect(self._show_answers)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.log_button.clicked.connect(lambda: self.work_search_log_requested.emit(*self.range_bar.range()))
        self.close_action = self.addAction("")
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        self.when_shown = WhenShown(self, self.refresh)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.when_shown.request()  # tables, charts and figures are made in the language of the moment
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Insights – jobfollow"))
        self.goal_spin.setSpecialValueText(_("no goal"))
        self.goal_spin.setToolTip(_("How many applications you mean to send each week (0 for no goal)"))
        self.goal_label.setText(_("Weekly &goal:"))
        self.log_button.setText(_("Work-search &log…"))
        self.print_button.setText(_("&Print…"))
        self.pdf_button.setText(_("Save as P&DF…"))
        for index, label in enumerate(tables.GROUPINGS.values()):
            self.grouping_combo.setItemText(index, _(label))
        self.group_label.setText(_("&Show:"))
        for key, title in (("funnel", _("How far applications got")), ("weekly", _("Applications per week")),
                           ("answers", _("Answers from employers")), ("times", _("Time in each stage")),
                           ("followups", _("Follow-ups"))):
            self.sections[key].setTitle(title)
        self.close_action.setText(_("Close"))

    @staticmethod
    def _section(*parts) -> QGroupBox:
        box = QGroupBox()
        layout = QVBoxLayout(box)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        layout.addStretch(1)  # a short section stays at the top of a tall grid cell
        return box

    # -- data -----------------------------------------------------------------------------------
    def refresh(self, *_ignored) -> None:
        start, end = self.range_bar.range()
        try:
            insights = compute_insights(insights_loader.load_card_records(), insights_loader.load_followup_records(),
                                        start, end, self._today(), self.goal_spin.value(), first_day_of_week())
        except RangeError as exc:
            self.insights = None
            self._show_statement(str(exc))
            return
        self.insights = insights
        self.summary_label.setText(_("Applications sent from {start} to {end}: {count}").format(
            start=tables.format_date(start), end=tables.format_date(end), count=insights.applications))
        self.notes_label.setText("\n".join(insights.notes))
        self.notes_label.setStyleSheet(f"color: {signal_colour('warning', self.palette()).name()}")
        self.notes_label.setVisible(bool(insights.notes))
        self.funnel_chart.set_bars(funnel_bars(insights) if insights.applications else [])
        self.funnel_chart.setVisible(bool(insights.applications))
        self.funnel_model.set_table(tables.funnel_table(insights))
        self.closed_model.set_table(tables.closed_table(insights))
        self.weekly_chart.set_weeks(week_bars(insights), insights.pace.goal)
        self.weekly_chart.setVisible(bool(insights.applications))
        self.pace_label.setText(tables.pace_summary(insights))
        self.weekly_model.set_table(tables.weekly_table(insights))
        self.times_model.set_table(tables.stage_times_table(insights))
        self.followups_model.set_table(tables.followups_table(insights))
        self._show_answers()
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(True)

    def _show_statement(self, text: str) -> None:
        """A range that cannot be read: say why, and show no figures that would belong to another range."""
        self.summary_label.setText("")
        self.notes_label.setText(text)
        self.notes_label.setStyleSheet(f"color: {signal_colour('error', self.palette()).name()}")
        self.notes_label.setVisible(True)
        empty = tables.Table("", [], [])
        for model in (self.funnel_model, self.closed_model, self.weekly_model, self.answers_model,
                      self.times_model, self.followups_model):
            model.set_table(empty)
        self.funnel_chart.setVisible(False)
        self.weekly_chart.setVisible(False)
        self.pace_label.setText("")
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(False)

    def _show_answers(self) -> None:
        if self.insights is not None:
            self.answers_model.set_table(tables.answers_table(self.insights, self.grouping_combo.currentData()))

    def reload_goal(self) -> None:
        """The goal was changed in Preferences: show it (and the figures it moves)."""
        stored = insights_loader.weekly_goal()
        if stored != self.goal_spin.value():
            self.goal_spin.setValue(stored)

    def _goal_changed(self, value: int) -> None:
        insights_loader.set_weekly_goal(value)
        self.refresh()

    # -- paper ----------------------------------------------------------------------------------
    def print_report(self) -> None:
        if self.insights is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            insights_document(self.insights).print_(printer)

    def save_pdf(self, path: str | None = None) -> str | None:
        if self.insights is None:
            return None
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save insights as PDF"), "insights.pdf",
                                                        _("PDF files (*.pdf)"))
        if not path:
            return None
        from pathlib import Path

        try:
            write_pdf(insights_document(self.insights), Path(path))
        except OSError as exc:
            QMessageBox.warning(self, _("Insights"), _("Cannot write {path}: {error}.").format(
                path=path, error=exc.strerror or exc))
            return None
        return path
