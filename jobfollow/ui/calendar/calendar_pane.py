"""Calendar pane: a month of due follow-ups above the agenda, and the actions a person takes on them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QDate, QEvent, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.followup_texts import short_date
from jobfollow.core.letters.template_files import FOLLOWUP_TEMPLATES
from jobfollow.core.stages import OUTCOME_LABELS, Outcome
from jobfollow.i18n import N_, _, format_number, ngettext
from jobfollow.services.events import AppEvents
from jobfollow.store.followups import AgendaItem, live_cards
from jobfollow.store.interview_entries import upcoming_interviews
from jobfollow.ui.calendar.agenda_model import AgendaModel
from jobfollow.ui.calendar.agenda_view import AgendaView
from jobfollow.ui.calendar.followup_dialogs import CustomFollowUpDialog, SnoozeDateDialog
from jobfollow.ui.calendar.month_calendar import DueCalendar, to_date
from jobfollow.ui.retranslation import WhenShown
from jobfollow.ui.store_errors import saved_or_reported, show_store_error

# Kinds the letter editor has a template for (the kind -> template table of core.letters).
LETTER_KINDS = frozenset(FOLLOWUP_TEMPLATES)
DONE_RESULTS = (("sent", N_("&Sent")), ("called", N_("&Called")), ("reply_received", N_("&Reply received")),
                ("done", N_("&Done (nothing to send)")))


class CalendarPane(QWidget):
    def __init__(self, events: AppEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.events = events
        self.controller = None
        self.day_filter: dt.date | None = None
        self._highlighted: list[int] = []  # the cards lit up on the board for the chosen day
        self._news_seen = False
        self._interviews: tuple[dt.date, list] | None = None  # (day, the interviews to come from it)
        self._turns_pending = False  # see _refresh_in_turns
        self.calendar = DueCalendar()
        self.calendar.setObjectName("dueCalendar")
        self.calendar.clicked.connect(self._day_clicked)
        self.filter_label = QLabel()
        self.show_all_button = QPushButton()
        self.show_all_button.clicked.connect(self.clear_day_filter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_label, 1)
        filter_row.addWidget(self.show_all_button)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("agendaSummary")
        self.model = AgendaModel(self)
        self.view = AgendaView()
        self.view.setModel(self.model)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _index: self.open_card())
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(filter_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(self.button_row)
        self.when_shown = WhenShown(self, self.refresh_view)
        self.retranslate()
        self._update_actions()
        self.refresh_view()

    # -- actions -------------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.done_menu = QMenu(self)
        self.done_actions = {}
        for result, _label in DONE_RESULTS:
            shortcut = "Ctrl+D" if result == "done" else None
            self.done_actions[result] = self._action("", lambda _c=False, r=result: self.mark_done(r), shortcut)
            self.done_menu.addAction(self.done_actions[result])
        # After the last unanswered check the rules suggest closing: do it from here, in one step.
        self.close_card_action = self._action("", self.close_as_no_response)
        self.done_menu.addSeparator()
        self.done_menu.addAction(self.close_card_action)
        self.snooze_menu = QMenu(self)
        self.snooze_one = self._action("", lambda: self.snooze_days(1), "Ctrl+1")
        self.snooze_three = self._action("", lambda: self.snooze_days(3), "Ctrl+3")
        self.snooze_pick = self._action("", self.snooze_pick_date)
        for action in (self.snooze_one, self.snooze_three, self.snooze_pick):
            self.snooze_menu.addAction(action)
        self.skip_action = self._action("", self.skip, QKeySequence.StandardKey.Delete)
        self.open_action = self._action("", self.open_card, "Return")
        self.letter_action = self._action("", self.write_letter, "Ctrl+L")
        self.add_action = self._action("", self.add_custom, "Ctrl+Shift+N")

        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(4)
        self.done_button = self._menu_button(self.done_menu)
        self.snooze_button = self._menu_button(self.snooze_menu)
        self.skip_button = self._plain_button(self.skip_action)
        self.open_button = self._plain_button(self.open_action)
        self.letter_button = self._plain_button(self.letter_action)
        self.add_button = self._plain_button(self.add_action)
        for button in (self.done_button, self.snooze_button, self.skip_button, self.open_button, self.letter_button):
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.add_button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.when_shown.request()  # the agenda's groups, dates and "2 days overdue" in the new language
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.calendar.setAccessibleName(_("Calendar of due follow-ups and interviews"))
        self.show_all_button.setText(_("Show all"))
        self._set_filter_text()
        self.done_menu.setTitle(_("Done"))
        for result, label in DONE_RESULTS:
            self.done_actions[result].setText(_(label))
        self.close_card_action.setText(
            _("Close the card: {outcome}").format(outcome=_(OUTCOME_LABELS[Outcome.NO_RESPONSE])))
        self.snooze_menu.setTitle(_("Snooze"))
        self.snooze_one.setText(_("1 day"))
        self.snooze_three.setText(_("3 days"))
        self.snooze_pick.setText(_("Pick a date…"))
        self.skip_action.setText(_("S&kip"))
        self.open_action.setText(_("&Open the card"))
        self.letter_action.setText(_("&Write the letter"))
        self.add_action.setText(_("&Add a follow-up…"))
        self.done_button.setText(_("Done"))
        self.snooze_button.setText(_("Snooze"))
        for action, short in ((self.skip_action, _("Skip")), (self.open_action, _("Open")),
                              (self.letter_action, _("Letter")), (self.add_action, _("+ Add"))):
            action.setIconText(short)  # a tool button shows the short icon text; menus keep the full text
            tip = action.text().replace("&", "")
            if not action.shortcut().isEmpty():
                tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
        self.add_action.setToolTip(_("Add a follow-up of your own to a card"))

    def _menu_button(self, menu: QMenu) -> QToolButton:
        button = QToolButton()
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _plain_button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _update_actions(self) -> None:
        item = self.current_item()
        for widget in (self.done_button, self.snooze_button):
            widget.setEnabled(item is not None)
        for action in (*self.done_actions.values(), self.snooze_one, self.snooze_three, self.snooze_pick,
                       self.skip_action):
            action.setEnabled(item is not None)
        self.open_action.setEnabled(self.model.entry_at(self.view.currentIndex()) is not None)
        self.letter_action.setEnabled(item is not None and item.kind in LETTER_KINDS)
        suggests_closing = item is not None and item.kind == "close_suggestion"
        self.close_card_action.setVisible(suggests_closing)
        self.close_card_action.setEnabled(suggests_closing)
        self.add_action.setEnabled(self.controller is not None)

    # -- data ----------------------------------------------------------------------------------------
    def set_controller(self, controller) -> None:
        """``controller`` is the follow-up service; done, snooze and skip go through it (undoably)."""
        self.controller = controller
        self.events.followups_refreshed.connect(self._followups_refreshed)
        self.events.followups_changed.connect(self._followups_changed)
        self.events.applications_changed.connect(self._applications_changed)  # an interview added or moved
        if controller.background:
            self._refresh_in_turns()
        else:
            self.refresh_view()

    @property
    def today(self) -> dt.date:
        return self.controller.today if self.controller is not None else dt.date.today()

    def _applications_changed(self, _ids) -> None:
        self._interviews = None
        if self.controller is not None and self.controller.background:
            self._refresh_in_turns()
        else:
            self.refresh_view()

    def _followups_refreshed(self, news) -> None:
        self._news_seen = not news.new_day  # the followups_changed that follows is the same news
        if news.application_ids is None:  # everything was read again (an import, a restore)
            self._interviews = None
        if self.controller is not None and self.controller.background and (
                self._interviews is None or self._interviews[0] != self.today):
            self._refresh_in_turns()
            return
        self.refresh_view()

    def _refresh_in_turns(self) -> None:
        """In the program's window: the interviews to come are read in one turn of the event loop and the agenda
        updated in the next, neither in the turn of whoever asked (the board reloading 10,000 new cards after an
        import), so the window answers in between; each takes tens of ms at 10,000 cards. Requests made before
        the first turn comes are one."""
        if self._turns_pending:
            return
        self._turns_pending = True

        def read_interviews() -> None:
            self._upcoming_interviews(self.today)
            QTimer.singleShot(0, self, show)

        def show() -> None:
            self._turns_pending = False
            self.refresh_view()

        QTimer.singleShot(0, self, read_interviews)  # the pane as context: nothing runs once it is gone

    def _upcoming_interviews(self, today: dt.date) -> list:
        """Read once per day and per change of the cards, not for every change of a follow-up."""
        if self._interviews is None or self._interviews[0] != today:
            self._interviews = (today, upcoming_interviews(today))
        return self._interviews[1]

    def _followups_changed(self) -> None:
        if self._news_seen:
            self._news_seen = False
            return
        self.refresh_view()

    def refresh_view(self) -> None:
        """The calendar's dots from the counts per day, the agenda updated in place (see AgendaModel.set_items)."""
        items: list[AgendaItem] = self.controller.items if self.controller is not None else []
        today = self.today
        interviews = self._upcoming_interviews(today) if self.controller is not None else []
        per_day = Counter(item.due_on for item in items)  # the dots, and the summary below (30,000 items: one pass)
        self.calendar.set_counts(per_day, today, Counter(entry.on for entry in interviews))
        current = self.current_item()
        shown = items
        if self.day_filter is not None:
            shown = [item for item in items if item.due_on == self.day_filter]
            interviews = [entry for entry in interviews if entry.on == self.day_filter]
        scrolled = self.view.verticalScrollBar().value()
        if self.model.set_items(shown, today, interviews):
            self.view.expandAll()  # a reset: the groups open again, and the list stays where it was scrolled
            self.view.verticalScrollBar().setValue(scrolled)
        if current is not None:
            index = self.model.index_of(current.id)
            if index.isValid():
                self.view.setCurrentIndex(index)
        overdue = sum(count for day, count in per_day.items() if day < today)
        due_today = per_day.get(today, 0)
        parts = []
        if overdue:
            parts.append(ngettext("{count} overdue", "{count} overdue", overdue).format(
                count=format_number(overdue)))
        if due_today:
            parts.append(ngettext("{count} due today", "{count} due today", due_today).format(
                count=format_number(due_today)))
        parts.append(ngettext("{count} open in all", "{count} open in all", len(items)).format(
            count=format_number(len(items))))
        reading = self.controller is not None and not self.controller.loaded  # the first refresh is on its way
        self.summary_label.setText(_("Reading your follow-ups\u2026") if reading else " · ".join(parts))
        self.empty_label.setVisible(not shown and not interviews)
        self.view.setVisible(bool(shown or interviews))
        if not shown and self.day_filter is not None:
            self.empty_label.setText(_("Nothing is due on {day}.").format(day=short_date(self.day_filter)))
        elif not shown and reading:
            self.empty_label.setText(_("Reading your follow-ups\u2026"))
        elif not shown:
            self.empty_label.setText(_("No follow-ups are open. Add one of your own with \u201c+ Add\u201d."))
        self._update_actions()
        if self.day_filter is not None:  # a follow-up done or moved off the day lets go of its card
            ids = sorted({item.application_id for item in items if item.due_on == self.day_filter})
            if ids != self._highlighted:
                self._highlighted = ids
                self.events.highlight_applications.emit(ids)

    def current_item(self) -> AgendaItem | None:
        return self.model.item_at(self.view.currentIndex())

    def select(self, followup_id: int) -> bool:
        index = self.model.index_of(followup_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    # -- the day filter ------------------------------------------------------------------------------
    def _day_clicked(self, day: QDate) -> None:
        chosen = to_date(day)
        if chosen == self.day_filter:
            self.clear_day_filter()
        else:
            self.set_day_filter(chosen)

    def set_day_filter(self, day: dt.date) -> None:
        self.day_filter = day
        self._set_filter_text()
        self.refresh_view()  # highlights the day's cards

    def clear_day_filter(self) -> None:
        if self.day_filter is None:
            return
        self.day_filter = None
        self._set_filter_text()
        self.refresh_view()
        self._highlighted = []
        self.events.highlight_applications.emit([])

    def _set_filter_text(self) -> None:
        if self.day_filter is None:
            self.filter_label.setText(_("All open follow-ups"))
            self.show_all_button.hide()
        else:
            self.filter_label.setText(_("Due on {day}").format(day=short_date(self.day_filter)))
            self.show_all_button.show()

    # -- what a person does --------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        if self.current_item() is not None:
            menu.addMenu(self.done_menu)
            menu.addMenu(self.snooze_menu)
            menu.addAction(self.skip_action)
            menu.addSeparator()
            menu.addAction(self.open_action)
            menu.addAction(self.letter_action)
            menu.addSeparator()
        menu.addAction(self.add_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def mark_done(self, result: str) -> None:
        item = self.current_item()
        if item is not None and self.controller is not None:
            self._report(self.controller.mark_done(item.id, result))

    def close_as_no_response(self) -> None:
        """Move the card to Closed as "no response" (the board does it, undoably); its suggestion retires."""
        item = self.current_item()
        if item is not None and item.kind == "close_suggestion":
            self.events.close_application_requested.emit(item.application_id, Outcome.NO_RESPONSE.value)

    def snooze_days(self, days: int) -> None:
        item = self.current_item()
        if item is not None and self.controller is not None:
            self._snooze(item, max(item.due_on, self.today) + dt.timedelta(days=days))

    def snooze_pick_date(self) -> None:
        item = self.current_item()
        if item is None or self.controller is None:
            return
        dialog = SnoozeDateDialog(self.today, self)
        if dialog.exec():
            self._snooze(item, dialog.chosen())

    def _snooze(self, item: AgendaItem, until: dt.date) -> None:
        self._report(self.controller.snooze(item.id, until))

    def skip(self) -> None:
        item = self.current_item()
        if item is not None and self.controller is not None:
            self._report(self.controller.skip(item.id))

    def _report(self, failure: BaseException | None) -> None:
        if failure is not None:  # nothing changed, and nothing to undo
            show_store_error(self, failure)

    def _clicked(self, index: QModelIndex) -> None:
        if self.model.is_more_row(index):  # "Show 200 more"
            self.model.show_more(int(index.internalId()))

    def open_card(self) -> None:
        index = self.view.currentIndex()
        if self.model.is_more_row(index):  # Return on "Show 200 more"
            self.model.show_more(int(index.internalId()))
            return
        entry = self.model.entry_at(index)  # a follow-up or an interview
        if entry is not None:
            self.events.open_application_requested.emit(entry.application_id)

    def write_letter(self) -> None:
        item = self.current_item()
        if item is not None and item.kind in LETTER_KINDS:
            self.events.write_letter_requested.emit(item.id)

    def add_custom(self) -> None:
        if self.controller is None:
            return
        current = self.current_item()
        dialog = CustomFollowUpDialog(live_cards(), self.today, current.application_id if current else None, self)
        while dialog.exec():  # a refused write reopens the dialog with what was typed
            ok, new_id = saved_or_reported(self, lambda: self.controller.add_custom(**dialog.values()))
            if ok:
                self.select(new_id)
                return
