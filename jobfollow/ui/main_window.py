"""The main window: builds the services, the three panes and the menus, installs each feature through one
typed context, and wires every cross-pane signal in one place.

The program's own start (``panes_after_paint``) builds the board first and the calendar and letter panes on the
next turn of the event loop, after the board has painted: their docks exist from the start (empty, at their
restored size), so the saved arrangement applies at once and nothing moves when the panes fill in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from jobfollow import __version__
from jobfollow.i18n import _, format_number, ngettext
from jobfollow.profile import Profile
from jobfollow.services import Services, build_services
from jobfollow.services.events import AppEvents
from jobfollow.services.followups import FollowUpService
from jobfollow.ui.board.board_widget import BoardWidget
from jobfollow.ui.calendar.install import install_followups
from jobfollow.ui.contacts.install import ContactsImporter, install_contacts
from jobfollow.ui.data.install import DataActions, install_data_menu
from jobfollow.ui.documents.install import install_documents
from jobfollow.ui.feature_context import FeatureContext, Menus
from jobfollow.ui.first_paint import AfterFirstPaint
from jobfollow.ui.forms.install import FormOpener, install_forms
from jobfollow.ui.insights.install import InsightsController, install_insights
from jobfollow.ui.offers.install import OffersController, install_offers
from jobfollow.ui.panes import Pane, PaneDocks
from jobfollow.ui.plain_text import escaped
from jobfollow.ui.qt_translations import install_language_switching
from jobfollow.ui.questions.install import QuestionBankOpener, install_question_bank
from jobfollow.ui.shortcuts import install_find, install_shortcuts_help
from jobfollow.ui.ui_state import UiState
from jobfollow.ui.undo_actions import renewed_action
from jobfollow.ui.window_state import restore_window_state, save_window_state

if TYPE_CHECKING:  # the tray loads with the reminders, after the window; Preferences when opened
    from PySide6.QtWidgets import QApplication

    from jobfollow.ui.calendar.calendar_pane import CalendarPane
    from jobfollow.ui.letters.letter_pane import LetterPane
    from jobfollow.ui.settings.settings_dialog import SettingsDialog, SettingsPage
    from jobfollow.ui.tray.install import TrayFeature


FRAME_ALLOWANCE = QSize(16, 48)  # a window manager's borders and title bar, before the window is shown


class MainWindow(QMainWindow):
    """What the window holds is declared here; features install through a FeatureContext and return the one
    object the window keeps of them. Nothing outside adds attributes, and nobody looks a feature up by name."""

    profile: Profile
    events: AppEvents
    undo_stack: QUndoStack
    #: File > Quit or the tray's Quit, not a close to the tray
    really_quit: bool
    services: Services
    ui_state: UiState
    followups: FollowUpService
    board: BoardWidget
    calendar_pane: CalendarPane
    letter_pane: LetterPane
    docks: PaneDocks
    find_action: QAction
    shortcuts_action: QAction
    data_actions: DataActions
    forms: FormOpener
    offers: OffersController
    insights: InsightsController
    #: the clean-up of unreferenced document files, shortly after start
    documents: QTimer
    question_bank: QuestionBankOpener
    contacts: ContactsImporter
    #: the tray icon (where there is a tray) and the reminders; the program's own window only (install_tray)
    tray: TrayFeature | None = None
    #: what every feature installs through
    context: FeatureContext
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    preferences_action: QAction
    reset_layout_action: QAction
    #: View's entries: the board and each pane
    pane_actions: dict[str, QAction]
    status_label: QLabel

    def __init__(self, profile: Profile, events: AppEvents, parent: QWidget | None = None, *,
                 defer_startup_work: bool = False, panes_after_paint: bool = False):
        super().__init__(parent)
        self.profile = profile
        self.events = events
        self.demo_folder = ""  # the demo profile's folder, named in the title
        self.setObjectName("mainWindow")
        self.really_quit = False  # File > Quit or the tray's Quit, not a close to the tray
        self.ui_state = UiState(profile.folder)  # window size, splitters, board view: not the user's data
        self.ui_state.take_over_old_keys()
        self._draft_kept_once = False
        # One undo history for the whole window: board moves, form edits, stage changes, deletes.
        self.undo_stack = QUndoStack(self)
        self.services: Services = build_services(events, self.undo_stack, parent=self, profile=profile)
        self.followups: FollowUpService = self.services.followups
        # The program's own start: every-card rules refreshes run on a worker, never on the GUI thread.
        self.followups.background = defer_startup_work

        self.board = BoardWidget(events, service=self.services.board, ui_state=self.ui_state)
        self.setCentralWidget(self.board)
        self._defer_startup_work = defer_startup_work
        self._panes_built = False
        self.docks = PaneDocks(self, [  # empty placeholders until the panes are built
            Pane("calendar", lambda: _("Calendar and agenda"), lambda: _("&Calendar"), QWidget()),
            Pane("letters", lambda: _("Letter"), lambda: _("&Letters"), QWidget())])

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_menus()
        self.context = context = FeatureContext(
            parent=self, profile=profile, events=events, services=self.services, undo_stack=self.undo_stack,
            menus=Menus(self.menuBar(), self.file_menu, self.edit_menu, self.view_menu, self.help_menu,
                        self.quit_action),
            show_status=lambda text: self.statusBar().showMessage(text, 8000))
        self.data_actions = install_data_menu(context)
        self._connect_panes()
        self.forms = install_forms(context)
        self.offers = install_offers(context)
        self.insights = install_insights(context)
        self.find_action = install_find(self, self.board)
        self.shortcuts_action = install_shortcuts_help(self)
        self.documents = install_documents(context)
        self.question_bank = install_question_bank(context)
        self.contacts = install_contacts(context)
        self.update_status()
        if not restore_window_state(self, self.docks, self.ui_state):
            self.resize(1400, 860)
            self.docks.default_layout()
        install_language_switching(context)
        if panes_after_paint:
            AfterFirstPaint(self.board, self.ensure_panes)
        else:
            self.ensure_panes()

    def ensure_panes(self) -> None:
        """Build the calendar and letter panes into their docks, once (whoever needs them first)."""
        if self._panes_built:
            return
        self._panes_built = True
        from jobfollow.ui.calendar.calendar_pane import CalendarPane
        from jobfollow.ui.letters.letter_pane import LetterPane

        self.calendar_pane = CalendarPane(self.events)
        self.letter_pane = LetterPane(self.events, service=self.services.letters)
        self.docks.put("calendar", self.calendar_pane)
        self.docks.put("letters", self.letter_pane)
        # the first refresh waits for the agenda to be seen: built after the board's paint, the agenda's own
        first_painted = self.calendar_pane if self.isVisible() else self.board
        install_followups(self.context, self.calendar_pane, first_painted, deferred=self._defer_startup_work)

    def install_tray(self, app: QApplication) -> TrayFeature:
        """The tray icon, close-to-tray and the reminders: the program's own window, after it is built."""
        from jobfollow.ui.tray.install import install_tray

        self.tray = install_tray(self.context, self, app)
        return self.tray

    def fit_to_screen(self) -> None:
        """Never past the screen's edge: the roomy first size on a laptop screen, or a size saved on a larger
        monitor, shrinks to the room there is (called by the program before the window is first shown)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or self.isMaximized():
            return
        available = screen.availableGeometry()
        # the size asked for is the inside of the window: leave room for the title bar and borders
        width = min(self.width(), available.width() - FRAME_ALLOWANCE.width())
        height = min(self.height(), available.height() - FRAME_ALLOWANCE.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(available.topLeft())

    # -- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")

        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        self.file_menu.addAction(self.quit_action)

        self.undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()

        self.preferences_action = QAction(self)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        if self.preferences_action.shortcut().isEmpty():  # Windows and most Linux desktops have none
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_settings)
        self.edit_menu.addAction(self.preferences_action)

        board_action = QAction(self, checkable=True, checked=True)
        board_action.toggled.connect(self.board.setVisible)  # hidden, it leaves the whole window to the panes
        self.pane_actions: dict[str, QAction] = {"board": board_action}
        self.pane_actions.update({key: pane.action for key, pane in self.docks.panes.items()})
        for action in self.pane_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.reset_layout_action = QAction(self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.addAction(self.reset_layout_action)

        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)
        self.retranslate()

    # -- language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # QUndoStack's actions keep the words they were made with ("&Undo" + the command): new ones
            self.undo_action = renewed_action(self, self.undo_action,
                                              self.undo_stack.createUndoAction(self, _("&Undo")))
            self.redo_action = renewed_action(self, self.redo_action,
                                              self.undo_stack.createRedoAction(self, _("&Redo")))
        super().changeEvent(event)

    def mark_as_demo(self, folder) -> None:
        """The title says this is the demo profile, and where it lives."""
        self.demo_folder = str(folder)
        self.retranslate()

    def retranslate(self) -> None:
        """The window's own menus, actions, pane titles and status line in the current language (the panes
        and the features' entries set their own)."""
        self.setWindowTitle(_("jobfollow (demo profile: {folder})").format(folder=self.demo_folder)
                            if self.demo_folder else "jobfollow")
        for menu, text in ((self.file_menu, _("&File")), (self.edit_menu, _("&Edit")), (self.view_menu, _("&View")),
                           (self.help_menu, _("&Help"))):
            menu.setTitle(text)
        self.quit_action.setText(_("&Quit"))
        self.preferences_action.setText(_("&Preferences…"))
        self.pane_actions["board"].setText(_("&Board"))
        self.reset_layout_action.setText(_("&Reset the layout"))
        self.about_action.setText(_("&About jobfollow"))
        self.docks.retranslate()
        self.update_status()

    # -- cross-pane wiring: every connection between panes is made here -------------------------
    def _connect_panes(self) -> None:
        # Asking for a letter brings the letter pane up, even if the user had closed it or tabbed it away.
        show_letters = lambda *_args: self.docks.bring_up("letters")  # noqa: E731
        self.events.write_letter_requested.connect(show_letters)
        self.events.compose_letter_requested.connect(show_letters)
        self.events.show_followup_requested.connect(self.show_followup)
        self.board.open_requested.connect(self.events.open_application_requested)
        self.events.applications_changed.connect(self.update_status)
        self.events.card_moved.connect(lambda *_: self.update_status())

    # -- actions -------------------------------------------------------------------------------
    def show_followup(self, followup_id: int) -> None:
        """The agenda in sight, with this follow-up selected (0: just the agenda)."""
        self.ensure_panes()
        self.docks.bring_up("calendar")
        if followup_id and not self.calendar_pane.select(followup_id):
            self.calendar_pane.clear_day_filter()
            self.calendar_pane.select(followup_id)
        self.calendar_pane.view.setFocus()

    def reset_layout(self) -> None:
        """Every pane back where it starts: the board in the middle, calendar and letters as tabs on the right."""
        self.pane_actions["board"].setChecked(True)
        self.docks.default_layout()
        self.docks.repair()

    def settings_pages(self) -> list[SettingsPage]:
        from jobfollow.ui.calendar.install import followup_settings_pages  # Preferences load when first opened
        from jobfollow.ui.insights.settings_page import JobSearchPage
        from jobfollow.ui.settings.language_page import LanguagePage
        from jobfollow.ui.settings.settings_dialog import UserDetailsPage

        return [UserDetailsPage(), LanguagePage(), *followup_settings_pages(), JobSearchPage()]

    def settings_dialog(self) -> SettingsDialog:
        from jobfollow.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings_pages(), self)
        dialog.applied.connect(self.events.settings_changed)  # OK and Apply both: the window follows at once
        return dialog

    def open_settings(self) -> None:
        dialog = self.settings_dialog()
        dialog.exec()
        dialog.deleteLater()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About jobfollow"),
            _("<h3>jobfollow {version}</h3><p>Your companion for the weeks after a job interview.</p>"
              "<p>Everything stays on this computer, in:<br><code>{folder}</code></p>").format(
                version=__version__, folder=escaped(self.profile.folder)),
        )

    def update_status(self, *_ignored) -> None:
        count = self.board.card_count()
        self.status_label.setText(ngettext("{count} application", "{count} applications", count).format(
            count=format_number(count)))

    def quit_requested(self) -> bool:
        """Close for good (File > Quit, the tray's Quit); False when the window stays because a letter draft
        could not be saved (the user was told and the draft is still there), so nothing may quit."""
        if not self.may_close():
            return False
        self.really_quit = True
        self.close()
        return True

    def may_close(self) -> bool:
        """Save the letter draft; the first time that fails the window stays open so it can be copied."""
        if not self._panes_built:  # closed before the panes were built: no draft can exist
            return True
        if self.letter_pane.save_now(always_report=True) or self._draft_kept_once:
            return True
        self._draft_kept_once = True  # told once and kept open to copy the draft; closing again quits
        return False

    def raise_to_front(self) -> None:
        self.show()
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.really_quit and not self.may_close():  # quit_requested asked already
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def save_state(self) -> None:
        """Size, place and the panes' arrangement, for the next start (also when hidden to the tray)."""
        save_window_state(self, self.docks, self.ui_state)
