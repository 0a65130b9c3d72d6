"""Signal colours stay readable on a dark desktop palette as on a light one (contrast of text on the view's base)."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from jobfollow.core.letters.checklist import CheckItem
from jobfollow.ui.letters.checklist_panel import ChecklistPanel
from jobfollow.ui.letters.placeholder_model import PlaceholderModel
from jobfollow.ui.palette_colours import SIGNALS, is_dark, muted_text, signal_colour


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.AlternateBase, "#323232"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.WindowText, "#e6e6e6"), (QPalette.ColorRole.PlaceholderText, "#8c8c8c")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark_desktop(qapp):
    before = QGuiApplication.palette()
    QApplication.setPalette(dark_palette())
    yield QGuiApplication.palette()
    QApplication.setPalette(before)


def test_every_signal_colour_reads_on_light_and_dark_views():
    light, dark = QPalette(QColor("#efefef")), dark_palette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    for name in SIGNALS:
        assert contrast(signal_colour(name, light), light.color(QPalette.ColorRole.Base)) >= 4.5, name
        assert contrast(signal_colour(name, dark), dark.color(QPalette.ColorRole.Base)) >= 4.5, name
        assert contrast(signal_colour(name, dark), dark.color(QPalette.ColorRole.AlternateBase)) >= 4.5, name


def test_an_unfilled_placeholder_is_readable_on_a_dark_desktop(dark_desktop):
    assert is_dark()
    model = PlaceholderModel()
    model.set_values({"company": ""})
    row = next(r for r in range(model.rowCount()) if model.index(r).data().startswith("{company}"))
    colour = model.index(row).data(Qt.ItemDataRole.ForegroundRole)
    assert contrast(colour, dark_desktop.color(QPalette.ColorRole.Base)) >= 4.5  # was #8a4b00: brown on black


def test_checklist_marks_and_reasons_are_readable_on_a_dark_desktop(qtbot, dark_desktop):
    panel = ChecklistPanel()
    qtbot.addWidget(panel)
    panel.set_items([CheckItem("a", True, "Thanks them", "It shows you listened"),
                     CheckItem("b", False, "Names the role", "Recruiters juggle many", detail="No position")])
    base = dark_desktop.color(QPalette.ColorRole.Base)
    colours = [QColor(c) for c in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", panel.label.text())]
    assert len(colours) >= 4 and all(contrast(c, base) >= 4.5 for c in colours)
    assert muted_text() == dark_desktop.color(QPalette.ColorRole.PlaceholderText)  # not a fixed #666666 grey
    assert muted_text().name() in panel.label.text()


def test_agenda_due_texts_and_headings_switch_to_bright_shades_on_a_dark_view(qtbot, demo_profile, events):
    from tests.conftest import started_calendar_pane

    pane, _controller = started_calendar_pane(qtbot, events)
    pane.setPalette(dark_palette())
    pane.resize(520, 900)
    pane.show()
    qtbot.waitExposed(pane)
    image = pane.view.viewport().grab().toImage()
    seen = {image.pixelColor(x, y).name() for x in range(0, image.width(), 1) for y in range(0, image.height(), 2)}
    light_shades = {SIGNALS[name][0] for name in ("danger", "due")}
    dark_shades = {SIGNALS[name][1] for name in ("danger", "due")}
    assert not seen & light_shades  # dark red and dark blue would be hard to read on the dark rows
    assert seen & dark_shades
