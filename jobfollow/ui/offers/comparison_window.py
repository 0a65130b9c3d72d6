"""Offers side by side: value, deadline and your own ratings; sortable, printable, currencies kept apart."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core import settings_registry as keys
from jobfollow.core.offers import RATED_VALUES, WEIGHT_LABELS, currencies_of
from jobfollow.i18n import _, format_date
from jobfollow.services.offers import OfferService
from jobfollow.store import offers as store
from jobfollow.ui.offers.comparison_model import COLUMN_KEYS, KEY_ROLE, ComparisonModel, ComparisonProxy
from jobfollow.ui.offers.widgets import INFO_STYLE, WARNING_STYLE, banner, qt_locale
from jobfollow.ui.retranslation import Retranslating
from jobfollow.ui.ui_state import UiState


class ComparisonWindow(Retranslating, QDialog):
    """``open_offer(app_id)`` and ``close_offer(offer_id, "accept" | "decline")`` come from the controller."""

    def __init__(self, service: OfferService, open_offer: Callable[[int], None],
                 close_offer: Callable[[int, str], None], edit_current_job: Callable[[], None],
                 parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.service = service
        self.events = events = service.events
        self.open_offer, self.close_offer = open_offer, close_offer
        self.today_override = today
        self.offer_ids: dict[str, int] = {}
        self.currency_banner = banner(WARNING_STYLE)
        self.empty_banner = banner(INFO_STYLE)
        self.model = ComparisonModel(self)
        self.proxy = ComparisonProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        # Long company and position names would push the figures off screen: the name column is capped.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 250)
        # Ratings are single digits: size those columns to their header, not to the sort arrow's reserve.
        for key in (*(f"rating:{k}" for k in RATED_VALUES), "average"):
            column = COLUMN_KEYS.index(key)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, self.fontMetrics().horizontalAdvance(title) + 22)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.sortByColumn(COLUMN_KEYS.index("yearly_value"), Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        self.table.viewport().installEventFilter(self)  # the name column follows the window's width
        layout = QVBoxLayout(self)
        layout.addWidget(self.currency_banner)
        layout.addWidget(self.empty_banner)
        layout.addLayout(self._weights_row(edit_current_job))
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons_row())
        events.applications_changed.connect(self.reload)
        events.card_moved.connect(self.reload)
        events.settings_changed.connect(self.reload)
        events.tick.connect(self.reload)  # the countdown moves on at midnight while the window stays open
        self.retranslate()
        self.resize(self._starting_width(), 480)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Compare offers"))
        self.empty_banner.setText(_("No open offers yet. Open a card in an offer stage, or use Offers > Record an "
                                    "offer…; each offer you record appears here."))
        self.weights_label.setText(_("Count in the yearly value:"))
        self.weights_label.setToolTip(_("1 counts an item at face value, 0 ignores it, 0.5 counts half."))
        for key, text in WEIGHT_LABELS.items():
            self.weight_labels[key].setText(_(text))
        self.include_current.setText(_("Show my current job"))
        self.current_job_button.setText(_("My current job…"))
        for button, text in ((self.open_button, _("Open offer…")), (self.accept_button, _("Accept…")),
                             (self.decline_button, _("Decline…")), (self.print_button, _("Print…")),
                             (self.pdf_button, _("Save as PDF…")), (self.close_button, _("Close"))):
            button.setText(text)
        self.reload()  # headers, banners, deadlines and money in the language of the moment (a model reset)

    def _weights_row(self, edit_current_job) -> QHBoxLayout:
        row = QHBoxLayout()
        self.weights_label = QLabel()
        row.addWidget(self.weights_label)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        self.weight_labels: dict[str, QLabel] = {}
        weights = store.comparison_weights()
        for key in WEIGHT_LABELS:
            spin = QDoubleSpinBox()
            spin.setRange(0, 2)
            spin.setSingleStep(0.25)
            spin.setDecimals(2)
            spin.setValue(float(weights[key]))
            spin.setPrefix("× ")
            spin.setLocale(qt_locale())
            spin.valueChanged.connect(self._save_weights)
            self.weight_spins[key] = spin
            self.weight_labels[key] = QLabel()
            row.addWidget(self.weight_labels[key])
            row.addWidget(spin)
        row.addStretch(1)
        self.include_current = QCheckBox()
        self.ui_state = UiState.of_open_profile()
        self.include_current.setChecked(self.ui_state.read(keys.COMPARE_CURRENT_JOB))
        self.include_current.toggled.connect(self._toggle_current)
        # The current job's controls sit with the buttons below: on one row with the weights, the German and
        # Spanish labels made the window wider than the table and pushed the last columns out of view.
        self.current_job_button = QPushButton()
        self.current_job_button.clicked.connect(edit_current_job)
        return row

    def _buttons_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton()
        self.accept_button = QPushButton()
        self.decline_button = QPushButton()
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.close_button = close = QPushButton()
        self.open_button.clicked.connect(self._open_selected)
        self.accept_button.clicked.connect(lambda: self._close_selected("accept"))
        self.decline_button.clicked.connect(lambda: self._close_selected("decline"))
        self.print_button.clicked.connect(self.print_table)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.close)
        for button in (self.open_button, self.accept_button, self.decline_button):
            row.addWidget(button)
        row.addSpacing(24)
        row.addWidget(self.include_current)
        row.addWidget(self.current_job_button)
        row.addStretch(1)
        for button in (self.print_button, self.pdf_button, close):
            row.addWidget(button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        return row

    @property
    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    # -- data ----------------------------------------------------------------------------------
    def reload(self, *_ignored) -> None:
        rows, self.offer_ids = store.comparison(self.today, self.include_current.isChecked())
        # Ticked with no current job recorded, the box would show nothing and look broken.
        has_job = store.current_job() is not None
        self.include_current.setEnabled(has_job)
        self.include_current.setToolTip("" if has_job else _("Record your current job first with My current job…"))
        self.model.set_rows(rows, self.today)
        currencies = currencies_of(rows)
        self.currency_banner.setText(
            _("These offers are in {count} currencies ({codes}). Amounts are shown in their own currency and are "
              "never added up or ranked across currencies: the rank counts only offers in the same currency, and "
              "sorting keeps each currency together. Convert them yourself before you compare across.").format(
                count=len(currencies), codes=", ".join(currencies)))
        self.currency_banner.setVisible(len(currencies) > 1)
        self.empty_banner.setVisible(not self.offer_ids)
        # A value nobody rated would only be a column of dashes.
        for key in RATED_VALUES:
            rated = any(row.ratings.get(key) for row in rows)
            self.table.setColumnHidden(COLUMN_KEYS.index(f"rating:{key}"), not rated)
        self._update_buttons()
        self.fit_name_column()

    def _starting_width(self) -> int:
        """Wide enough for every figure and a 250 px name (German and Spanish headers are long), within the screen."""
        header = self.table.horizontalHeader()
        header.resizeSections()
        figures = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
        wanted = figures + 250 + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width() + 24
        screen = self.screen().availableGeometry().width() if self.screen() else wanted
        return max(min(1480, screen - 40), min(wanted, screen - 40))

    def fit_name_column(self) -> None:
        """The offer's name takes the width the figures leave free (never under 180 px), so it is not cut short."""
        header = self.table.horizontalHeader()
        header.resizeSections()  # the figures' widths now, not at the next layout pass
        figures = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
        header.resizeSection(0, max(180, self.table.viewport().width() - figures))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_name_column()
        return super().eventFilter(watched, event)

    def _save_weights(self) -> None:
        self.service.set_comparison_weights({key: str(spin.value()) for key, spin in self.weight_spins.items()})

    def _toggle_current(self, checked: bool) -> None:
        self.ui_state.write(keys.COMPARE_CURRENT_JOB, checked)
        self.reload()

    def selected_offer_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.offer_ids.get(indexes[0].data(KEY_ROLE))

    def _update_buttons(self, *_ignored) -> None:
        has_offer = self.selected_offer_id() is not None
        for button in (self.open_button, self.accept_button, self.decline_button):
            button.setEnabled(has_offer)
        has_rows = self.model.rowCount() > 0
        self.print_button.setEnabled(has_rows)
        self.pdf_button.setEnabled(has_rows)

    def _open_selected(self) -> None:
        offer_id = self.selected_offer_id()
        if offer_id is not None:
            self.open_offer(store.get_offer(offer_id).application_id)

    def _close_selected(self, outcome: str) -> None:
        offer_id = self.selected_offer_id()
        if offer_id is not None:
            self.close_offer(offer_id, outcome)

    # -- printing ------------------------------------------------------------------------------
    def to_html(self) -> str:
        """The table as the user sees it (current order, visible columns) with the currency warning, for printing."""
        columns = [c for c in range(self.proxy.columnCount()) if not self.table.isColumnHidden(c)]
        header = "".join(
            "<th{}>{}</th>".format(" width='16%'" if c == 0 else "",
                                   html.escape(str(self.proxy.headerData(c, Qt.Orientation.Horizontal))))
            for c in columns)
        keep_whole = {COLUMN_KEYS.index(key) for key in ("yearly_base", "first_year_cash", "yearly_value", "deadline")}
        body = []
        for row in range(self.proxy.rowCount()):
            cells = []
            for c in columns:
                text = html.escape(str(self.proxy.index(row, c).data() or ""))
                # Fixed shares of the page: Qt's table layout would otherwise starve the name or split amounts.
                style = " width='16%'" if c == 0 else " align='right'"
                if c in keep_whole:
                    style += " width='7%'"
                cells.append(f"<td{style}>{text}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        warning = (f"<p style='color:#7a0010'>{html.escape(self.currency_banner.text())}</p>"
                   if self.currency_banner.isVisibleTo(self) else "")
        weights = ", ".join(f"{_(WEIGHT_LABELS[k])} × {spin.value():g}" for k, spin in self.weight_spins.items())
        return (
            f"<h2>{html.escape(_('Offers side by side'))}</h2>"
            f"<p>{html.escape(_('As of {date}').format(date=format_date(self.today, 'long')))}</p>{warning}"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='4'><tr>{header}</tr>{''.join(body)}</table>"
            f"<p><small>{html.escape(_('Yearly value counts: {weights}.').format(weights=weights))}</small></p>"
        )

    def render_to(self, printer: QPrinter) -> None:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        document = QTextDocument()
        font = document.defaultFont()
        font.setPointSizeF(7)
        document.setDefaultFont(font)
        document.setHtml(self.to_html())
        document.print_(printer)

    def print_table(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.render_to(printer)

    def save_pdf(self, path: str | None = None) -> str | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save the comparison as PDF"), _("offers.pdf"),
                                                        _("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.render_to(printer)
        return path
