"""Signal colours (errors, warnings, done marks) that stay readable on a dark palette as on a light one.

Plain text takes its colour from the palette; a signal colour cannot, so each has a light-theme shade and a
brighter shade for dark themes, chosen from the palette the text is drawn on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# name: (on a light background, on a dark background)
SIGNALS = {
    "error": ("#b00020", "#ff8a80"),
    "danger": ("#c62828", "#ff8a80"),
    "warning": ("#8a4b00", "#ffcc80"),
    "caution": ("#b35c00", "#ffb74d"),
    "success": ("#2e7d32", "#a5d6a7"),
    "due": ("#1565c0", "#90caf9"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    """True when text is drawn on a dark background (a dark desktop theme)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def signal_colour(name: str, palette: QPalette | None = None) -> QColor:
    light, dark = SIGNALS[name]
    return QColor(dark if is_dark(palette) else light)


def muted_text(palette: QPalette | None = None) -> QColor:
    """Secondary text (explanations under a line): the palette's own dimmed text colour."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.PlaceholderText)
