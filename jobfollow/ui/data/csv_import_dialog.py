"""CSV import: map the file's columns and status words, check the preview, import all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.csv_mapping import IGNORE, TARGETS, CsvFormatError, guess_mapping
from jobfollow.i18n import N_, _, format_date, format_number, ngettext
from jobfollow.services.data import DataBusyError, DataJob, DataService, Imported
from jobfollow.store.applications import list_stages
from jobfollow.store.io_csv import (
    ImportPlan,
    distinct_statuses,
    guess_status_stages,
    plan_import,
    read_csv_file,
)
from jobfollow.ui.plain_text import plain_label, tip

PREVIEW_ROWS = 200
SEPARATOR_NAMES = {",": N_("commas"), ";": N_("semicolons"), "\t": N_("tabs"), "|": N_("vertical bars")}


class PreviewModel(QAbstractTableModel):
    """The first cards the import would create, as the board would name them, with every other mapped field."""

    COLUMNS = ("row", "company", "position_title", "stage", "applied_on")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._headers = [_("Row"), _("Company"), _("Job title"), _("Stage"), _("Date applied")]
        self.extra: list[str] = []  # the other fields the mapping fills (salary, contact, notes...), in TARGETS order

    def set_rows(self, rows: list[tuple], extra: list[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self.extra = list(extra or [])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS) + len(self.extra)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self._rows[index.row()][index.column()]
        return tip(value) if role == Qt.ItemDataRole.ToolTipRole else value  # cells are text, never markup

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers + [_(TARGETS[name]) for name in self.extra]
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(headers):
            return headers[section]
        return None


class CsvImportDialog(QDialog):
    """The import itself is the data service's: on a worker, all rows or none, with this dialog's bar and Cancel."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, service: DataService):
        super().__init__(parent)
        self.path = path
        self.service = service
        self.setWindowTitle(_("Import {file}").format(file=path.name))
        self.imported: Imported | None = None
        self.load_error = ""
        self.plan = ImportPlan()
        self.job: DataJob | None = None
        try:
            self.table = read_csv_file(path)
        except CsvFormatError as exc:
            self.load_error = str(exc)
            return
        self.stages = list_stages()
        self._build()
        self._fill_columns()
        self.refresh()
        self.resize(1080, 720)

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        rows = len(self.table.rows)
        self.summary_label = plain_label(
            ngettext("{count} row, {encoding}, separated by {separator}.",
                     "{count} rows, {encoding}, separated by {separator}.", rows).format(
                count=format_number(rows), encoding=self.table.encoding.upper(),
                separator=_(SEPARATOR_NAMES.get(self.table.delimiter, self.table.delimiter))))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        if self.table.warning:  # stray bytes or a guessed encoding: said before anything is imported
            self.summary_label.setText(self.summary_label.text() + " " + self.table.warning)

        top = QSplitter(Qt.Orientation.Horizontal)
        columns_box = QGroupBox(_("Columns: what each one holds"))
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setHorizontalHeaderLabels([_("Column in the file"), _("Example"), _("Import as")])
        self._tidy(self.columns_table)
        QVBoxLayout(columns_box).addWidget(self.columns_table)
        status_box = QGroupBox(_("Statuses: which stage each one goes to"))
        self.status_table = QTableWidget(0, 2)
        self.status_table.setHorizontalHeaderLabels([_("Status in the file"), _("Stage")])
        self._tidy(self.status_table)
        self.status_hint = QLabel(_("No status column: every card goes to the first stage."))
        self.status_hint.setWordWrap(True)
        status_layout = QVBoxLayout(status_box)
        status_layout.addWidget(self.status_table)
        status_layout.addWidget(self.status_hint)
        top.addWidget(columns_box)
        top.addWidget(status_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)

        preview_box = QGroupBox(_("Preview"))
        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setAlternatingRowColors(True)
        self.errors_view = QPlainTextEdit()
        self.errors_view.setReadOnly(True)
        self.errors_view.setMaximumHeight(72)
        self.errors_view.setPlaceholderText(_("Rows that cannot be read are listed here."))
        self.skip_bad = QCheckBox(_("Skip the rows that cannot be read and import the others"))
        self.skip_bad.toggled.connect(self._update_buttons)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        preview_layout.addWidget(self.errors_view)
        preview_layout.addWidget(self.skip_bad)

        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(preview_box)
        body.setSizes([260, 420])
        layout.addWidget(body, 1)

        self.result_label = plain_label()
        self.result_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    @staticmethod
    def _tidy(table: QTableWidget) -> None:
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(30)

    def _fill_columns(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        guessed = guess_mapping(self.table.headers)
        self.column_combos: list[QComboBox] = []
        self.columns_table.setRowCount(len(self.table.headers))
        for row, (header, target) in enumerate(zip(self.table.headers, guessed, strict=True)):
            example = next((r[row] for r in self.table.rows if r[row].strip()), "")
            self.columns_table.setItem(row, 0, QTableWidgetItem(header or _("(no name)")))
            example_item = QTableWidgetItem(example[:80])
            example_item.setToolTip(tip(example, limit=500))
            self.columns_table.setItem(row, 1, example_item)
            combo = QComboBox()
            combo.addItem(_("(do not import)"), IGNORE)
            for key, label in TARGETS.items():
                combo.addItem(_(label), key)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            combo.currentIndexChanged.connect(self.refresh)
            self.columns_table.setCellWidget(row, 2, combo)
            self.column_combos.append(combo)

    # -- state ---------------------------------------------------------------------------------
    def mapping(self) -> list[str]:
        return [combo.currentData() for combo in self.column_combos]

    def set_mapping(self, column: int, target: str) -> None:
        combo = self.column_combos[column]
        combo.setCurrentIndex(combo.findData(target))

    def status_stages(self) -> dict[str, int]:
        return {self.status_table.item(row, 0).data(Qt.ItemDataRole.UserRole): combo.currentData()
                for row, combo in enumerate(self.status_combos)}

    def refresh(self, *_ignored) -> None:
        """Re-plan after any change of the mapping: statuses, preview and errors follow."""
        mapping = self.mapping()
        # Every row is re-read (about 0.7 s for 10,000): a busy cursor says the click was heard.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.plan = plan_import(self.table, mapping)
            problem = ""
        except CsvFormatError as exc:
            self.plan, problem = ImportPlan(), str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        self._fill_statuses(distinct_statuses(self.table, mapping))
        self._fill_preview()
        lines = [_("Row {row}: {problem}").format(row=e.row, problem=e.message) for e in self.plan.errors[:500]]
        if len(self.plan.errors) > 500:
            lines.append(_("… and {count} more").format(count=format_number(len(self.plan.errors) - 500)))
        self.errors_view.setPlainText("\n".join(lines))
        self.errors_view.setVisible(bool(lines))
        self.skip_bad.setVisible(bool(self.plan.errors))
        if problem:
            self.result_label.setText(problem)
        elif self.plan.errors:
            self.result_label.setText(ngettext(
                "{good} rows are ready; {bad} row cannot be read (listed above).",
                "{good} rows are ready; {bad} rows cannot be read (listed above).",
                len(self.plan.errors)).format(good=format_number(len(self.plan.cards)),
                                              bad=format_number(len(self.plan.errors))))
        else:
            self.result_label.setText(ngettext("{count} row is ready to import.", "{count} rows are ready to import.",
                                               len(self.plan.cards)).format(count=format_number(len(self.plan.cards))))
        self._update_buttons()

    def _fill_statuses(self, statuses: list[str]) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        previous = self.status_stages() if hasattr(self, "status_combos") else {}
        guessed = guess_status_stages(statuses)
        self.status_combos: list[QComboBox] = []
        self.status_table.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            item = QTableWidgetItem(status or _("(empty)"))
            item.setData(Qt.ItemDataRole.UserRole, status)
            self.status_table.setItem(row, 0, item)
            combo = QComboBox()
            for stage in self.stages:
                combo.addItem(stage.name, stage.id)
            combo.setCurrentIndex(max(0, combo.findData(previous.get(status, guessed.get(status)))))
            combo.currentIndexChanged.connect(self._fill_preview)
            self.status_table.setCellWidget(row, 1, combo)
            self.status_combos.append(combo)
        self.status_table.setVisible(bool(statuses))
        self.status_hint.setVisible(not statuses)

    def _fill_preview(self, *_ignored) -> None:
        names = {stage.id: stage.name for stage in self.stages}
        first = self.stages[0].id if self.stages else 0
        mapping = self.status_stages()
        shown = {"company", "position_title", "status", "applied_on"}
        mapped = set(self.mapping())
        extra = [name for name in TARGETS if name in mapped and name not in shown]
        rows = []
        for card in self.plan.cards[:PREVIEW_ROWS]:
            applied = card.values.get("applied_on")
            others = {"contact_name": card.contact_name, "contact_email": card.contact_email}
            rows.append((str(card.row), card.values["company"], card.values["position_title"],
                         names.get(mapping.get(card.status, first), ""), format_date(applied) if applied else "",
                         *(others.get(name, card.values.get(name, "")) for name in extra)))
        self.preview_model.set_rows(rows, extra)
        self.preview.resizeColumnsToContents()

    def _update_buttons(self, *_ignored) -> None:
        ready = bool(self.plan.cards) and (not self.plan.errors or self.skip_bad.isChecked())
        self.import_button.setEnabled(ready and self.job is None)

    # -- importing -----------------------------------------------------------------------------
    @property
    def imported_ids(self) -> list[int]:
        return self.imported.ids if self.imported is not None else []

    def run_import(self) -> DataJob | None:
        """Start the import on a worker; the dialog closes when it is done, or says why it stopped."""
        if not self.import_button.isEnabled() or self.job is not None:
            return None
        try:
            self.job = self.service.import_csv(self.plan, self.status_stages(), self.path.name)
        except DataBusyError as exc:
            self.result_label.setText(str(exc))
            return None
        self.job.progressed.connect(self._advance)
        self.job.finished.connect(self._imported)
        self.job.failed.connect(self._stopped)
        self.job.cancelled.connect(self._stopped)
        self._update_buttons()
        self.progress.setRange(0, len(self.plan.cards))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.result_label.setText(_("Importing…"))
        return self.job

    def _advance(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _imported(self, imported: Imported) -> None:
        self.job = None
        self.imported = imported
        self.accept()

    def _stopped(self, sentence: str) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.result_label.setText(sentence)
        self._update_buttons()

    def reject(self) -> None:
        if self.job is not None:  # Cancel during an import rolls it back; the dialog stays open
            self.job.cancel()
            self.result_label.setText(_("Cancelling…"))
            return
        super().reject()
