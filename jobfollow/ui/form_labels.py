"""The labels of a QFormLayout's rows, set again in a widget's ``retranslate()``.

``addRow("Name:", field)`` makes a label nobody can reach, and ``addRow("", field)`` makes none; forms add their
rows with an empty label and name them here, by field, whenever the language is set.
"""

from __future__ import annotations

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
