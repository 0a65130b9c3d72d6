"""The Timeline tab: everything that happened on this application, newest first, and a line to log more."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.insights.stage_path import stage_path_text
from jobfollow.core.validation import Problem, Severity
from jobfollow.i18n import _
from jobfollow.store.stage_history import history_for_display
from jobfollow.store.timeline import MANUAL_KINDS, TimelineEntry, add_entry, remove_entry, timeline
from jobfollow.ui.forms.record_models import TimelineModel
from jobfollow.ui.forms.widgets import InlineMessage, keep_enter, localize_date_edit, record_table
from jobfollow.ui.plain_text import Button, ask, plain_label
from jobfollow.ui.retranslation import Retranslating, WhenShown


class TimelinePage(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.application_id: int | None = None
        self.stages_label = plain_label()  # the card's way through the stages, kept after it closes
        self.stages_label.setWordWrap(True)
        self.model = TimelineModel(self)
        self.view = record_table(self.model, single_selection=False, word_wrap=True)

        self.kind_combo = QComboBox()
        for kind in ("note", "call", "reply"):
            self.kind_combo.addItem("", kind)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setCalendarPopup(True)
        localize_date_edit(self.when_edit, with_time=True)
        self.text_edit = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton()
        self.remove_button.setAutoDefault(False)
        self.message = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(self.kind_combo)
        row.addWidget(self.when_edit)
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stages_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_from_fields)
        keep_enter(self.text_edit)
        self.text_edit.returnPressed.connect(self.add_from_fields)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reset_when()
        self._update_buttons()
        self.when_shown = WhenShown(self, self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in enumerate((_("Note"), _("Logged call"), _("Reply received"))):
            self.kind_combo.setItemText(index, text)
        self.text_edit.setPlaceholderText(_("What happened (e.g. Amy called: decision moved to Friday)"))
        self.add_button.setText(_("&Log it"))
        self.remove_button.setText(_("&Delete entry"))
        self.remove_button.setToolTip(_("Entries you logged by hand can be deleted; the program's history stays."))
        localize_date_edit(self.when_edit, with_time=True)
        self.when_shown.request()  # each entry is written from its facts in the language of the moment

    def selected_entry(self) -> TimelineEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.remove_button.setEnabled(entry is not None and entry.kind in MANUAL_KINDS)

    def confirm_remove(self, entry: TimelineEntry) -> bool:
        answer = ask(  # the entry is the user's own text: shown as text
            self, _("Delete entry"), _("Delete this entry from the timeline?\n\n{text}").format(text=entry.summary),
            Button.Yes | Button.No, Button.No)
        return answer == Button.Yes

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind not in MANUAL_KINDS or not self.confirm_remove(entry):
            return
        remove_entry(entry.id)
        self.reload()
        self.changed.emit()

    def reset_when(self) -> None:
        self._default_when = dt.datetime.now().replace(second=0, microsecond=0)
        self.when_edit.setDateTime(QDateTime(self._default_when))

    def set_application(self, application_id: int) -> None:
        self.application_id = application_id
        self.reload()

    def reload(self) -> None:
        if self.application_id is None:
            return
        self.model.set_rows(timeline(self.application_id))
        self.stages_label.setText(stage_path_text(history_for_display(self.application_id)))
        self.view.resizeColumnToContents(0)
        self.view.resizeColumnToContents(1)
        self._update_buttons()

    def add_from_fields(self) -> bool:
        if self.application_id is None:
            return False
        kind = self.kind_combo.currentData()
        text = self.text_edit.text().strip()
        if kind == "note" and not text:
            self.message.show_problems([Problem("text", Severity.ERROR, _("Write the note first."))])
            self.text_edit.setFocus()
            return False
        when = self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)
        if when == self._default_when:
            when = None  # left at "now": log the exact moment so it sorts above what came just before
        if not text:
            text = _("Logged call") if kind == "call" else _("The employer replied")
        add_entry(self.application_id, kind, text, when=when)
        self.message.show_problems([])
        self.text_edit.clear()
        self.reset_when()
        self.reload()
        self.changed.emit()
        return True
