"""Lessons across every closed card: reflections and the questions you were asked, to prepare the next interview."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.stages import OUTCOME_LABELS, Outcome
from jobfollow.i18n import N_, _, format_date
from jobfollow.services.events import AppEvents
from jobfollow.store.lessons import Lesson, lessons

APP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = (N_("Company"), N_("Position"), N_("Outcome"), N_("Closed"), N_("Reflection"))


def outcome_label(outcome: str | None) -> str:
    try:
        return _(OUTCOME_LABELS[Outcome(outcome)])
    except ValueError:
        return "–"


class LessonsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.lessons: list[Lesson] = []

    def set_lessons(self, found: list[Lesson]) -> None:
        self.beginResetModel()
        self.lessons = list(found)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lessons)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lessons):
            return None
        lesson = self.lessons[index.row()]
        if role == APP_ID_ROLE:
            return lesson.app_id
        if role == SEARCH_ROLE:
            texts = [lesson.company, lesson.position_title, lesson.feedback, lesson.went_well,
                     lesson.prepare_differently, lesson.answers_to_rewrite]
            texts += [n.questions + " " + n.answer_differently for n in lesson.interviews]
            return " ".join(texts)
        if role == SORT_ROLE:
            if index.column() == 3:
                return lesson.closed_at.isoformat()
            return str(self.data(index)).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return (lesson.company, lesson.position_title, outcome_label(lesson.outcome),
                    format_date(lesson.closed_at.date()),
                    _("written") if lesson.has_reflection else _("not yet"))[index.column()]
        return None


def _paragraph(title: str, text: str) -> str:
    if not text.strip():
        return ""
    return "<p><b>{}</b><br>{}</p>".format(html.escape(title), html.escape(text.strip()).replace("\n", "<br>"))


def lesson_html(lesson: Lesson) -> str:
    parts = [f"<h3>{html.escape(lesson.company)} · {html.escape(lesson.position_title)}</h3>",
             f"<p><i>{html.escape(outcome_label(lesson.outcome))}</i></p>",
             _paragraph(_("Feedback"), lesson.feedback), _paragraph(_("What went well"), lesson.went_well),
             _paragraph(_("Prepare differently"), lesson.prepare_differently),
             _paragraph(_("Answers to rewrite"), lesson.answers_to_rewrite)]
    for notes in lesson.interviews:
        when = format_date(notes.starts_at.date())
        parts.append(_paragraph(_("Questions asked on {date}").format(date=when), notes.questions))
        parts.append(_paragraph(_("Would answer differently"), notes.answer_differently))
    if not lesson.has_reflection:
        parts.append("<p><i>{}</i></p>".format(html.escape(_("No reflection yet: use Reflect… to add one."))))
    return "".join(parts)


def summary_html(found: list[Lesson]) -> str:
    """Everything to prepare differently and every answer to rewrite, across all closed cards."""
    if not found:
        return "<p><i>{}</i></p>".format(html.escape(_("No closed applications yet.")))
    parts = ["<h3>{}</h3>".format(html.escape(_("Across all closed applications")))]
    for title, attribute in ((_("Prepare differently"), "prepare_differently"),
                             (_("Answers to rewrite"), "answers_to_rewrite"), (_("Feedback"), "feedback")):
        items = [(lesson.company, getattr(lesson, attribute)) for lesson in found if getattr(lesson, attribute)]
        if items:
            parts.append("<h4>{}</h4><ul>{}</ul>".format(html.escape(title), "".join(
                f"<li>{html.escape(text)} <i>({html.escape(company)})</i></li>" for company, text in items)))
    questions = [(lesson.company, n.answer_differently) for lesson in found for n in lesson.interviews
                 if n.answer_differently]
    if questions:
        parts.append("<h4>{}</h4><ul>{}</ul>".format(html.escape(_("Would answer differently")), "".join(
            f"<li>{html.escape(text)} <i>({html.escape(company)})</i></li>" for company, text in questions)))
    if len(parts) == 1:
        parts.append("<p><i>{}</i></p>".format(html.escape(
            _("Nothing written yet. Select a card and use Reflect… to note what it taught you."))))
    return "".join(parts)


class LessonsWindow(QDialog):
    def __init__(self, events: AppEvents, reflect, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.reflect = reflect  # callable(app_id): opens the reflection dialog
        self.model = LessonsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # most recently closed first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self.show_selected)
        self.table.doubleClicked.connect(lambda _index: self.reflect_selected())
        self.details = QTextBrowser()
        self.reflect_button = QPushButton()
        self.reflect_button.clicked.connect(self.reflect_selected)
        self.all_button = QPushButton()
        self.all_button.clicked.connect(self.table.clearSelection)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reflect_button)
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        events.applications_changed.connect(self.reload)
        events.card_moved.connect(self.reload)
        self.retranslate()
        self.reload()
        self.resize(1140, 620)
        table_width = max(680, self.table_width_needed())  # every column readable, also with longer labels
        splitter.setSizes([table_width, max(360, 1120 - table_width)])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()  # outcomes, dates and the summary in the language of the moment
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Lessons from closed applications"))
        self.search.setPlaceholderText(_("Search feedback, questions and notes…"))
        self.reflect_button.setText(_("Reflect…"))
        self.all_button.setText(_("Show the summary"))

    def table_width_needed(self) -> int:
        """The width that shows every column of the table whole, with room for the scroll bar."""
        header = self.table.horizontalHeader()
        columns = sum(max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(header.count()))
        return columns + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()

    def reload(self, *_ignored) -> None:
        selected = self.selected_app_id()
        self.model.set_lessons(lessons())
        if selected is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(APP_ID_ROLE) == selected:
                    self.table.selectRow(row)
        self.show_selected()

    def selected_app_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(APP_ID_ROLE) if rows else None

    def show_selected(self, *_ignored) -> None:
        app_id = self.selected_app_id()
        self.reflect_button.setEnabled(app_id is not None)
        found = {lesson.app_id: lesson for lesson in self.model.lessons}
        self.details.setHtml(lesson_html(found[app_id]) if app_id in found else summary_html(self.model.lessons))

    def reflect_selected(self) -> None:
        app_id = self.selected_app_id()
        if app_id is not None:
            self.reflect(app_id)
