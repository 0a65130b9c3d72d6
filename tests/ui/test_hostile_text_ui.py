"""Names, notes and file cells that look like HTML are shown as text everywhere, never rendered as markup.

A demo profile is filled with hostile strings (an 8000-pixel image, a link, a table, a script tag) as
stage names, companies, titles, tags, notes and people; then the window, the forms, the stage prompts,
the CSV preview and the import error boxes are opened and every label, tooltip, item tooltip and text
view is checked: wherever a hostile string shows up, Qt must treat it as text.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTextEdit

from jobfollow.ui import plain_text

HOSTILE = (
    '<img src="x" width="8000" height="8000">',
    '<a href="https://evil.example/">Click to verify</a>',
    "<b>Bold</b> &amp; <i>sons</i>",
    "<table><tr><td>cell</td></tr></table>",
    "<qt><h1>Huge</h1></qt>",
    "<script>alert(1)</script> & co",
    "Ana <span style='font-size:400px'>Ruiz</span>",
)
RAW_TAGS = ("<img", "<a ", "<b>", "<table", "<h1", "<script", "<span")
ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole)


def renders_markup(text: str, text_format=Qt.TextFormat.AutoText) -> bool:
    """Would Qt draw a tag of ours as markup here?"""
    if not isinstance(text, str) or not any(tag in text for tag in RAW_TAGS):
        return False
    if text_format == Qt.TextFormat.PlainText:
        return False
    return text_format == Qt.TextFormat.RichText or QtGui_Qt.mightBeRichText(text)


def _columns(model, parent) -> int:
    try:
        return max(1, model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private
        return 1


def _model_problems(view: QAbstractItemView) -> list[str]:
    model, problems = view.model(), []
    if model is None:
        return problems
    stack = [QModelIndex()]
    seen = 0
    while stack and seen < 2000:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                seen += 1
                value = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if renders_markup(value):
                    problems.append(f"{type(model).__name__} tooltip: {value[:80]!r}")
                if column == 0 and _columns(model, parent) > 1 and model.rowCount(index):
                    stack.append(index)
    return problems


def scan(widgets=None) -> list[str]:
    """Every place among ``widgets`` (default: all) where a hostile string would render as markup."""
    problems = []
    for widget in widgets if widgets is not None else QApplication.allWidgets():
        name = f"{type(widget).__name__}({widget.objectName()})"
        if renders_markup(widget.toolTip()):
            problems.append(f"{name} tooltip: {widget.toolTip()[:80]!r}")
        if isinstance(widget, QLabel) and renders_markup(widget.text(), widget.textFormat()):
            problems.append(f"{name} text: {widget.text()[:80]!r}")
        if isinstance(widget, QAbstractItemView):
            problems += [f"{name} {p}" for p in _model_problems(widget)]
        if isinstance(widget, QTextEdit):
            html = widget.document().toHtml()
            if "<img" in html or 'href="https://evil' in html or "<table" in html.split("<body", 1)[-1]:
                problems.append(f"{name} document renders a tag")
    return problems


@pytest.fixture
def hostile_profile(profile):
    """The demo data with every name, title, tag and note replaced by a hostile string."""
    from jobfollow.store.followups import refresh_followups
    from jobfollow.store.models import Contact, FollowUp, Interview, JobApplication, Stage
    from jobfollow.store.sample_data import fill_sample_data

    fill_sample_data(10)
    for number, stage in enumerate(Stage.select()):
        stage.name = f"{number} {HOSTILE[number % len(HOSTILE)]}"
        stage.save()
    for number, app in enumerate(JobApplication.select()):
        text = HOSTILE[number % len(HOSTILE)]
        app.company, app.position_title, app.notes = text, HOSTILE[(number + 1) % len(HOSTILE)], text
        app.tags, app.location = json.dumps([text]) if app.tags.startswith("[") else text, text
        app.save()
    for number, contact in enumerate(Contact.select()):
        contact.name = contact.title = contact.notes = HOSTILE[number % len(HOSTILE)]
        contact.save()
    for number, interview in enumerate(Interview.select()):
        interview.location = interview.notes = interview.questions = HOSTILE[number % len(HOSTILE)]
        interview.save()
    refresh_followups(today=dt.date.today())
    for number, followup in enumerate(FollowUp.select()):
        followup.reason = HOSTILE[number % len(HOSTILE)]
        followup.save()
    return profile


@pytest.fixture
def window(qtbot, hostile_profile, events, modal):
    from jobfollow.ui.main_window import MainWindow

    modal.button = plain_text.Button.Cancel  # every box is answered Cancel unless a test says otherwise
    win = MainWindow(hostile_profile, events)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    QApplication.processEvents()
    yield win
    win.followups.stop()  # its reminder clock must not tick into a later test's profile


def test_the_window_shows_hostile_names_as_text(window):
    window.followups.refresh() if hasattr(window.followups, "refresh") else None
    QApplication.processEvents()
    assert scan() == []


def test_card_and_stage_tooltips_are_plain(window):
    column = window.board.columns[0]
    header_tip = column.header.toolTip()
    assert "&lt;" in header_tip and not renders_markup(header_tip)
    model = column.model
    tips = [model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    assert tips and not any(renders_markup(t) for t in tips)
    assert any("&lt;" in t for t in tips)


def test_the_forms_show_hostile_names_as_text(window, modal, monkeypatch):
    from jobfollow.store.models import JobApplication

    shown = []
    modal.on_dialog = lambda dialog: shown.append(dialog) or 0
    for app in JobApplication.select().limit(4):
        dialog = window.forms.open_application(app.id)
        dialog.show()
        for tab in range(dialog.tabs.count()) if hasattr(dialog, "tabs") else ():
            dialog.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert scan([dialog, *dialog.findChildren(QLabel), *dialog.findChildren(QAbstractItemView),
                     *dialog.findChildren(QTextEdit)]) == []
        dialog.reject()


def test_the_remove_stage_prompts_are_plain(window, modal, monkeypatch):
    from jobfollow.store.applications import list_stages
    from jobfollow.ui.board import board_prompts

    seen = []

    def capture(dialog):
        seen.append(dialog)
        return 0

    monkeypatch.setattr(board_prompts.DestinationDialog, "exec", capture)
    stage = next(s for s in list_stages() if window.board.column_for(s.id).model.rowCount())
    modal.button = plain_text.Button.Yes  # remove it even if it is the last of its kind
    window.board.remove_stage(stage.id)
    modal.button = plain_text.Button.Cancel
    labels = seen[0].findChildren(QLabel)
    assert any(stage.name in label.text() for label in labels)
    assert scan(labels) == []
    assert board_prompts.confirm_last_of_kind(window, stage) is False  # answered Cancel
    box = modal.boxes[-1]
    assert stage.name in box.text() and box.textFormat() == Qt.TextFormat.PlainText


def test_import_error_boxes_are_plain_and_have_no_links(qtbot, window, modal, tmp_path):
    crafted = tmp_path / "crafted.json"
    data = {"format": "jobfollow", "format_version": 1, "tables": {
        "job_application": [{"id": 1, HOSTILE[1]: "x"}]}}
    crafted.write_text(json.dumps(data), encoding="utf-8")
    modal.button = plain_text.Button.Yes  # "Add 1 application…?"
    shown = []  # each box as it was shown (the import answers after the event loop ran, which deletes them)
    answer = modal._box
    modal._box = lambda box: shown.append((box.text(), box.textFormat())) or answer(box)
    window.data_actions.import_file(str(crafted))
    qtbot.waitUntil(lambda: window.services.data.job is None and bool(shown), timeout=20_000)  # on a worker
    text, text_format = shown[-1]
    assert "evil.example" in text
    assert text_format == Qt.TextFormat.PlainText
    csv_file = tmp_path / "crafted.csv"
    csv_file.write_bytes(b"")  # empty: the load error box
    window.data_actions.import_file(str(csv_file))
    assert modal.boxes[-1].textFormat() == Qt.TextFormat.PlainText


def test_csv_preview_tooltips_and_messages_are_plain(qtbot, hostile_profile, events, tmp_path):
    import csv

    from jobfollow.services.data import DataService
    from jobfollow.ui.data.csv_import_dialog import CsvImportDialog

    source = tmp_path / "hostile.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Company", "Job title", "Status", "Date applied", HOSTILE[0]])
        for number, text in enumerate(HOSTILE):
            writer.writerow([text, HOSTILE[-number], text, "not a date" if number == 2 else "", text])
    dialog = CsvImportDialog(source, service=DataService(events, None, hostile_profile))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.load_error
    everything = [dialog, *dialog.findChildren(QLabel), *dialog.findChildren(QAbstractItemView),
                  *dialog.findChildren(QTextEdit)]
    for widget in dialog.findChildren(QAbstractItemView):
        everything += [widget]
    assert scan(everything) == []
    tips = [dialog.columns_table.item(row, 1).toolTip() for row in range(dialog.columns_table.rowCount())]
    assert any("&lt;img" in t for t in tips)


def test_tip_shows_every_character_and_cuts_long_text():
    text = "<img src=x width=8000>\n& \"more\""
    document_text = plain_text.tip(text)
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(document_text)
    assert document.toPlainText() == text
    assert len(plain_text.tip("x" * 100_000)) < plain_text.TIP_LIMIT + 100
    assert plain_text.tip("") == ""


def test_deleting_a_timeline_note_quotes_it_as_text(window, modal, monkeypatch):
    from jobfollow.store.models import JobApplication
    from jobfollow.store.timeline import add_entry, timeline

    app_id = JobApplication.select().first().id
    add_entry(app_id, "note", HOSTILE[1])
    dialog = window.forms.open_application(app_id)
    entry = next(e for e in timeline(app_id) if e.summary == HOSTILE[1])
    assert dialog.timeline_page.confirm_remove(entry) is False  # answered Cancel
    box = modal.boxes[-1]
    assert HOSTILE[1] in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()
