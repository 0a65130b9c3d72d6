"""Small tools for widgets that set their texts again in ``retranslate()`` (on ``QEvent.LanguageChange``).

* ``set_row_labels(form, {field: text})``: ``addRow("Name:", field)`` makes a label nobody can reach and
  ``addRow("", field)`` makes none; forms add rows with an empty label and name them here.
* ``WhenShown``: texts made from data (a timeline, a table of figures) are read again at once when the widget
  is in view, else the next time it is shown: a hidden form kept by its window reads nothing it may not need
  (its card may be gone by then).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def set_row_labels(form: QFormLayout, labels: dict[QWidget | QLayout, str]) -> None:
    """Each field's row label is ``text`` (made, with the field as its buddy, when the row has none)."""
    for field, text in labels.items():
        label = form.labelForField(field)
        if isinstance(label, QLabel):
            label.setText(text)
            continue
        if isinstance(field, QLayout):
            row, _role = form.getLayoutPosition(field)
        else:
            row, _role = form.getWidgetPosition(field)
        if row < 0:
            continue
        label = QLabel(text)
        if isinstance(field, QWidget):
            label.setBuddy(field)
        form.setWidget(row, QFormLayout.ItemRole.LabelRole, label)


class WhenShown(QObject):
    """``WhenShown(widget, reload).request()`` runs ``reload`` now if ``widget`` is visible, else at its next show."""

    def __init__(self, widget: QWidget, reload: Callable[[], None]):
        super().__init__(widget)
        self.widget, self.reload, self.pending = widget, reload, False
        widget.installEventFilter(self)

    def request(self) -> None:
        if self.widget.isVisible():
            self.pending = False
            self.reload()
        else:
            self.pending = True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            self.reload()
        return False


class Retranslating:
    """Mixin for a widget with a ``retranslate()``: Qt's ``QEvent.LanguageChange`` calls it.

    Put it before the Qt class (``class Page(Retranslating, QWidget)``) so its ``changeEvent`` is the one Qt
    calls; the widget calls ``self.retranslate()`` once itself when built."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
