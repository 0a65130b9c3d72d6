"""The one way to show text that came from the user or a file: as text, never as markup.

Qt guesses that a label, tooltip or message box holds rich text when it finds something tag-like in it,
so a company named ``<img src=x width=8000 height=8000>`` would paint a 500 MiB tooltip and an import
file could put a clickable link in an error dialog. Everything that may hold a name, a note, a cell of a
file or an error about one goes through these helpers.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

TIP_LIMIT = 2000  # characters; a tooltip is a glance, and a pasted novel must not fill the screen
Button = QMessageBox.StandardButton


def escaped(text: object) -> str:
    """``text`` as rich text that shows exactly these characters (line breaks kept)."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def tip(text: object, limit: int = TIP_LIMIT) -> str:
    """A tooltip that shows ``text`` literally; empty text gives no tooltip. Long text is cut with "…"."""
    text = str(text or "")
    if not text:
        return ""
    if len(text) > limit:
        text = text[:limit] + "…"
    # Rich text on purpose: it wraps long lines, and escaping makes every "<" a character, not a tag.
    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"


def plain(label: QLabel, text: str | None = None) -> QLabel:
    """Make ``label`` plain text for good (and set its text); returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    if text is not None:
        label.setText(text)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return plain(QLabel(parent), text)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    """A QMessageBox whose text is plain (its static helpers guess, and turn links on)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def run(box: QMessageBox) -> Button:
    """Show the box and wait for the answer (the box goes afterwards)."""
    try:
        return Button(box.exec())
    finally:
        box.deleteLater()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    run(message_box(parent, QMessageBox.Icon.Warning, title, text))


def inform(parent: QWidget | None, title: str, text: str) -> None:
    run(message_box(parent, QMessageBox.Icon.Information, title, text))


def ask(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Yes | Button.No,
        default: Button = Button.NoButton, icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> Button:
    """Like QMessageBox.question, with the text shown as text; returns the button pressed."""
    return run(message_box(parent, icon, title, text, buttons, default))
