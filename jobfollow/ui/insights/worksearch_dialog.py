"""The work-search log: choose the layout and the range, see what is missing, save it as PDF or CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.insights.report import RangeError, check_range
from jobfollow.core.insights.tables import Table
from jobfollow.core.settings_registry import WORKLOG_PRESET
from jobfollow.core.worklog.presets import PRESETS, headers, missing_facts, preset_by_key, rows
from jobfollow.i18n import _, ngettext
from jobfollow.store import insights_loader, worklog_loader
from jobfollow.store.settings import get_user_details, read, write
from jobfollow.ui.insights.range_bar import RangeBar
from jobfollow.ui.insights.report_document import write_pdf
from jobfollow.ui.insights.table_model import TextTableModel
from jobfollow.ui.insights.worklog_document import worklog_document
from jobfollow.ui.palette_colours import signal_colour
from jobfollow.ui.plain_text import plain_label
from jobfollow.ui.retranslation import WhenShown
from jobfollow.ui.window_state import resize_within_screen


def _view(model: TextTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(view.fontMetrics().horizontalAdvance("M") * 22)  # long names elide, not sprawl
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


class WorkSearchDialog(QDialog):
    open_card_requested = Signal(int)

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, start: dt.date | None = None,
                 end: dt.date | None = None):
        super().__init__(parent)
        self.today = today
        self.entries = []
        self.missing = []
        self.preset_combo = QComboBox()
        for preset in PRESETS:
            self.preset_combo.addItem("", preset.key)
        saved = self.preset_combo.findData(read(WORKLOG_PRESET))
        self.preset_combo.setCurrentIndex(max(saved, 0))
        self.preset_label = preset_label = QLabel()
        preset_label.setBuddy(self.preset_combo)
        self.range_bar = RangeBar(today, insights_loader.first_application_date())
        if start is not None and end is not None:
            self.range_bar.set_range(start, end)
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)
        self.log_model = TextTableModel(self, figures=False)
        self.log_view = _view(self.log_model)
        self.missing_label = plain_label()
        self.missing_label.setWordWrap(True)
        self.missing_model = TextTableModel(self, figures=False)
        self.missing_view = _view(self.missing_model)
        self.missing_view.setMaximumHeight(self.fontMetrics().height() * 9)
        self.open_button = QPushButton()
        self.open_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)

        top = QHBoxLayout()
        top.addWidget(preset_label)
        top.addWidget(self.preset_combo)
        top.addSpacing(12)
        top.addWidget(self.range_bar)
        top.addStretch(1)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_label, 1)
        missing_row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.log_view, 1)
        layout.addLayout(missing_row)
        layout.addWidget(self.missing_view)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1100, 640)

        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.range_bar.changed.connect(self.refresh)
        self.buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.open_button.clicked.connect(self._open_selected)
        self.missing_view.doubleClicked.connect(lambda _index: self._open_selected())
        self.missing_view.selectionModel().selectionChanged.connect(
            lambda *_args: self.open_button.setEnabled(self.missing_view.selectionModel().hasSelection()))
        self.when_shown = WhenShown(self, self.refresh)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.when_shown.request()  # the log's lines and what is missing, in the language of the moment
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Work-search log"))
        for index, preset in enumerate(PRESETS):
            self.preset_combo.setItemText(index, _(preset.name))
        self.preset_label.setText(_("&Layout:"))
        self.open_button.setText(_("&Open the card"))
        self.pdf_button.setText(_("Save as P&DF…"))
        self.csv_button.setText(_("Save as &CSV…"))

    def preset(self):
        return preset_by_key(self.preset_combo.currentData())

    def _preset_changed(self) -> None:
        write(WORKLOG_PRESET, self.preset_combo.currentData())
        self.refresh()

    def refresh(self, *_ignored) -> None:
        start, end = self.range_bar.range()
        preset = self.preset()
        try:
            check_range(start, end)
        except RangeError as exc:
            self.entries, self.missing = [], []
            self._say(str(exc), "error")
            self.log_model.set_table(Table("", headers(preset), []))
            self.missing_model.set_table(Table("", [], []))
            self.missing_label.setText("")
            self._enable_saving(False)
            return
        self.entries = worklog_loader.log_for(start, end)
        self.missing = missing_facts(preset, self.entries)
        self.log_model.set_table(Table("", headers(preset), rows(preset, self.entries)))
        if not self.entries:
            self._say(_("No applications or contacts in this range: the log would be empty. Choose a wider "
                        "range."), "warning")
        else:
            self._say(ngettext("{count} entry.", "{count} entries.", len(self.entries)).format(
                count=len(self.entries)), "")
        self.missing_model.set_table(Table("", [_("Employer"), _("Position"), _("Missing")],
                                           [[m.card.company, m.card.position, m.text] for m in self.missing]))
        if self.missing:
            self.missing_label.setText(ngettext(
                "{count} application lacks what this layout asks for. Open the card to fill it in (Details tab); "
                "the log can be saved as it is, with the cells empty.",
                "{count} applications lack what this layout asks for. Open a card to fill it in (Details tab); "
                "the log can be saved as it is, with the cells empty.", len(self.missing)).format(
                count=len(self.missing)))
        else:
            self.missing_label.setText(_("Every application has what this layout asks for.") if self.entries
                                       else "")
        self.missing_view.setVisible(bool(self.missing))
        self.open_button.setVisible(bool(self.missing))
        self.open_button.setEnabled(self.missing_view.selectionModel().hasSelection())
        self._enable_saving(bool(self.entries))

    def _say(self, text: str, signal: str) -> None:
        self.status_label.setText(text)
        colour = signal_colour(signal, self.palette()).name() if signal else ""
        self.status_label.setStyleSheet(f"color: {colour}" if colour else "")

    def _enable_saving(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.csv_button.setEnabled(enabled)

    def _open_selected(self) -> None:
        selected = self.missing_view.selectionModel().selectedRows()
        if selected and selected[0].row() < len(self.missing):
            self.open_card_requested.emit(self.missing[selected[0].row()].card.id)

    def _file_name(self, suffix: str) -> str:
        start, end = self.range_bar.range()
        stem = _("work-search-log")
        return f"{stem}-{start.isoformat()}-{end.isoformat()}.{suffix}"

    def save_pdf(self, path: str | None = None) -> str | None:
        if not self.entries:
            return None
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save the log as PDF"), self._file_name("pdf"),
                                                        _("PDF files (*.pdf)"))
        if not path:
            return None
        start, end = self.range_bar.range()
        preset = self.preset()
        document = worklog_document(preset, self.entries, start, end, get_user_details().name, self.today)
        try:
            write_pdf(document, Path(path), landscape=preset.landscape)
        except OSError as exc:
            self._say(_("Cannot write {path}: {error}.").format(path=path, error=exc.strerror or exc), "error")
            return None
        self._say(_("Saved {path}.").format(path=path), "success")
        return path

    def save_csv(self, path: str | None = None) -> str | None:
        if not self.entries:
            return None
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save the log as CSV"), self._file_name("csv"),
                                                        _("CSV files (*.csv)"))
        if not path:
            return None
        preset = self.preset()
        try:
            worklog_loader.write_csv(Path(path), headers(preset), rows(preset, self.entries))
        except OSError as exc:
            self._say(_("Cannot write {path}: {error}.").format(path=path, error=exc.strerror or exc), "error")
            return None
        self._say(_("Saved {path}.").format(path=path), "success")
        return path
