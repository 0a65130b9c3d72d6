"""The Insights window and the work-search log dialog, driven as a user would, on the demo profile."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from jobfollow.store.application_details import load_details
from jobfollow.store.insights_loader import WEEKLY_GOAL_KEY
from jobfollow.store.settings import get_setting
from jobfollow.ui.insights.insights_window import InsightsWindow
from jobfollow.ui.insights.worksearch_dialog import WorkSearchDialog
from tests.conftest import TODAY


@pytest.fixture
def insights(qtbot, demo_profile):
    window = InsightsWindow(today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_funnel_and_weekly_bars_show_the_demo_with_their_numbers(insights, qtmodeltester):
    assert insights.funnel_chart.isVisible() and insights.weekly_chart.isVisible()
    bars = insights.funnel_chart.bars
    assert bars[0].count == 25 and [bar.count for bar in bars] == sorted((bar.count for bar in bars), reverse=True)
    assert insights.funnel_model.rowCount() == len(bars)
    assert insights.funnel_model.index(0, 1).data() == "25"
    assert sum(week.count for week in insights.weekly_chart.weeks) == 25
    assert insights.funnel_chart.grab().toImage().pixelColor(10, 10).isValid()
    for model in (insights.funnel_model, insights.answers_model, insights.times_model, insights.weekly_model,
                  insights.followups_model, insights.closed_model):
        qtmodeltester.check(model)


def test_the_weekly_goal_is_kept_and_moves_the_line(insights):
    insights.goal_spin.setValue(2)
    assert get_setting(WEEKLY_GOAL_KEY) == 2 and insights.weekly_chart.goal == 2
    assert "Goal: 2 applications a week" in insights.pace_label.text()
    insights.goal_spin.setValue(0)
    assert "No weekly goal" in insights.pace_label.text()


def test_answers_by_source_list_each_source(insights):
    insights.grouping_combo.setCurrentIndex(insights.grouping_combo.findData("source"))
    sources = {insights.answers_model.index(row, 0).data() for row in range(insights.answers_model.rowCount())}
    assert sources == {"Company site", "Referral", "Job board", "Recruiter"}


def test_a_reversed_range_is_named_and_shows_no_figures(insights):
    insights.range_bar.set_range(TODAY, TODAY - dt.timedelta(days=10))
    assert "after its last day" in insights.notes_label.text()
    assert not insights.funnel_chart.isVisible() and insights.funnel_model.rowCount() == 0
    assert not insights.pdf_button.isEnabled()


def test_a_range_without_applications_says_so_and_draws_no_empty_chart(insights):
    insights.range_bar.set_range(dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    assert "No applications were sent" in insights.notes_label.text()
    assert not insights.funnel_chart.isVisible() and not insights.weekly_chart.isVisible()
    assert insights.funnel_model.index(1, 2).data() == "–"  # no rate, not a division by zero


def test_insights_save_as_a_pdf(insights, tmp_path):
    target = tmp_path / "insights.pdf"
    assert insights.save_pdf(str(target)) == str(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_the_german_log_lists_what_cards_lack_and_opens_the_card(qtbot, demo_profile, tmp_path):
    dialog = WorkSearchDialog(TODAY, start=TODAY - dt.timedelta(days=120), end=TODAY)
    qtbot.addWidget(dialog)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("de"))
    assert dialog.log_model.rowCount() == len(dialog.entries) > 25  # applications and contacts
    lacking = [m for m in dialog.missing]
    assert lacking and all(not load_details(m.card.id).employer_address or not load_details(m.card.id).how_applied
                           for m in lacking)
    dialog.missing_view.selectRow(0)
    with qtbot.waitSignal(dialog.open_card_requested) as opened:
        dialog.open_button.click()
    assert opened.args == [lacking[0].card.id]
    pdf, table = tmp_path / "log.pdf", tmp_path / "log.csv"
    assert dialog.save_pdf(str(pdf)) and pdf.read_bytes().startswith(b"%PDF")
    assert dialog.save_csv(str(table))
    with open(table, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][2] == "Employer and address" and len(lines) == len(dialog.entries) + 1


def test_an_empty_log_range_cannot_be_saved(qtbot, demo_profile):
    dialog = WorkSearchDialog(TODAY, start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 2))
    qtbot.addWidget(dialog)
    assert "log would be empty" in dialog.status_label.text()
    assert not dialog.pdf_button.isEnabled() and dialog.save_pdf("/nonexistent/x.pdf") is None


def test_the_main_window_offers_insights_and_the_log_from_its_menus(qtbot, demo_profile, events):
    from jobfollow.ui.main_window import MainWindow

    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    controller = window.insights
    assert controller.insights_action in window.view_menu.actions()
    assert controller.log_action in window.file_menu.actions()
    assert controller.insights_action.shortcut().toString() == "Ctrl+Shift+I"
    controller.insights_action.trigger()
    assert controller.insights is not None and controller.insights.isVisible()
    controller.insights.log_button.click()
    assert controller.log_dialog is not None and controller.log_dialog.isVisible()
    controller.log_dialog.close()
    controller.insights.close()


def test_chart_colours_stand_out_on_light_and_dark_palettes_and_on_paper(qapp):
    from PySide6.QtGui import QColor, QPalette

    from jobfollow.ui.insights.chart_painting import ChartColours
    from tests.ui.letters.test_palette_colours import contrast, dark_palette

    light = QPalette(QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    for colours in (ChartColours.from_palette(light), ChartColours.from_palette(dark_palette()),
                    ChartColours.for_paper()):
        for shape in (colours.bar, colours.met, colours.goal):
            assert contrast(shape, colours.background) >= 3  # graphics against their background (WCAG 1.4.11)
        assert contrast(colours.text, colours.background) >= 4.5


def test_preferences_keep_the_weekly_goal_in_its_range_and_insights_follow(qtbot, demo_profile, events):
    from jobfollow.core.settings_registry import WEEKLY_GOAL, WORKLOG_PRESET
    from jobfollow.store.settings import read
    from jobfollow.ui.insights.settings_page import JobSearchPage
    from jobfollow.ui.main_window import MainWindow

    window = MainWindow(demo_profile, events)
    qtbot.addWidget(window)
    insights = window.insights.open_insights()
    page = JobSearchPage()
    qtbot.addWidget(page)
    page.goal_spin.setValue(999)  # the spin box stops at the top of the range
    page.preset_combo.setCurrentIndex(page.preset_combo.findData("uk"))
    changed = page.save()
    assert read(WEEKLY_GOAL) == WEEKLY_GOAL.maximum and read(WORKLOG_PRESET) == "uk"
    events.settings_changed.emit(changed)
    assert insights.goal_spin.value() == WEEKLY_GOAL.maximum
    assert any(isinstance(p, JobSearchPage) for p in window.settings_pages())
    insights.close()


def test_on_a_small_screen_stage_names_and_headers_are_shown_whole(insights, qtbot):
    # At 1024 px the funnel table is about 440 px wide; its stage names used to end in "Intervie…" and its first
    # header in "age reache" because every figure column was as wide as its header on one line.
    insights.resize(1000, 680)
    qtbot.waitUntil(lambda: insights.views["funnel"].width() < 520)
    for name in ("funnel", "closed", "times"):
        view = insights.views[name]
        model, header = view.model(), view.horizontalHeader()
        metrics = view.fontMetrics()
        for row in range(model.rowCount()):
            label = model.index(row, 0).data()
            assert metrics.horizontalAdvance(label) < header.sectionSize(0), (name, label)
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            lines = metrics.boundingRect(0, 0, header.sectionSize(column) - 16, 1000,
                                         int(Qt.TextFlag.TextWordWrap), title).height() // metrics.height()
            assert lines <= 2 and header.height() >= lines * metrics.height(), (name, title)
