"""The letter pane's widgets and their texts, built in one place (the pane itself holds the behaviour)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.spelling import available_languages
from jobfollow.core.stages import CHANNEL_LABELS, Channel
from jobfollow.i18n import _
from jobfollow.ui.letters.checklist_panel import ChecklistPanel
from jobfollow.ui.letters.letter_editor import LetterEditor
from jobfollow.ui.palette_colours import signal_colour
from jobfollow.ui.retranslation import Retranslating

NARROW_WIDTH = 700


class LetterPaneWidgets(Retranslating, QWidget):
    """Builds every child widget of the letter pane; ``retranslate`` sets their texts again."""

    def _build(self) -> None:
        self.app_combo = QComboBox()
        self.app_combo.setMinimumContentsLength(14)
        self.app_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_combo = QComboBox()
        self.template_combo.setMinimumContentsLength(14)
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.templates_button = QPushButton()
        self.recipient_combo = QComboBox()
        self.recipient_combo.setMinimumContentsLength(12)
        self.recipient_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.language_combo = QComboBox()
        for code in available_languages() or ["en"]:
            self.language_combo.addItem(code.upper(), code)
        self.subject_edit = QLineEdit()
        self.editor = LetterEditor()
        self.checklist = ChecklistPanel()
        self.preview = QTextBrowser()
        self.preview.setObjectName("letterPreview")
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.checklist, "")
        self.side_tabs.addTab(self.preview, "")
        # The letter as the recipient will read it (values filled in), in the editor's place while toggled on.
        self.filled_view = QTextBrowser()
        self.filled_view.setObjectName("letterFilledIn")
        self.text_stack = QStackedWidget()
        self.text_stack.addWidget(self.editor)
        self.text_stack.addWidget(self.filled_view)
        self.filled_button = QToolButton()
        self.filled_button.setCheckable(True)
        self.filled_button.toggled.connect(self.show_filled_in)
        self.text_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.text_splitter.addWidget(self.text_stack)
        self.text_splitter.addWidget(self.side_tabs)
        self.text_splitter.setStretchFactor(0, 3)
        self.text_splitter.setStretchFactor(1, 2)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {signal_colour('warning').name()}")
        self.notice.hide()

        self.copy_button = QPushButton()
        self.email_button = QPushButton()
        self.print_button = QToolButton()
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        print_menu = QMenu(self.print_button)
        self.pdf_action = print_menu.addAction("")
        self.print_button.setMenu(print_menu)
        self.sent_button = QToolButton()
        self.sent_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        sent_menu = QMenu(self.sent_button)
        self.channel_actions = {}
        for channel in Channel:
            action = self.channel_actions[channel] = sent_menu.addAction("")
            action.triggered.connect(lambda _c=False, ch=channel.value: self.mark_sent(ch))
        self.sent_button.setMenu(sent_menu)

        top = QHBoxLayout()
        top.addWidget(self.app_combo, 3)
        top.addWidget(self.template_combo, 3)
        top.addWidget(self.templates_button)
        second = QHBoxLayout()
        self.to_label = QLabel()
        second.addWidget(self.to_label)
        second.addWidget(self.recipient_combo, 1)
        second.addWidget(self.language_combo)
        buttons = QHBoxLayout()
        for widget in (self.copy_button, self.email_button, self.print_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.sent_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addLayout(second)
        subject_row = QHBoxLayout()
        self.subject_label = QLabel()
        subject_row.addWidget(self.subject_label)
        subject_row.addWidget(self.subject_edit, 1)
        subject_row.addWidget(self.filled_button)
        layout.addLayout(subject_row)
        layout.addWidget(self.text_splitter, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text again, in the current language (when built and on QEvent.LanguageChange)."""
        self.templates_button.setText(_("Templates\u2026"))
        self.language_combo.setToolTip(_("Spell-check language"))
        self.subject_edit.setPlaceholderText(_("Subject"))
        self.side_tabs.setTabText(0, _("Checklist"))
        self.side_tabs.setTabText(1, _("Preview"))
        # Both tab titles stay in view: a narrow pane must not hide Preview behind scroll arrows.
        self.side_tabs.setMinimumWidth(self.side_tabs.tabBar().sizeHint().width() + 4)
        self.copy_button.setText(_("&Copy"))
        self.copy_button.setToolTip(_("Copy the letter as plain text"))
        self.email_button.setText(_("&E-mail\u2026"))
        self.email_button.setToolTip(_("Open in your e-mail program with recipient, subject and text filled in"))
        self.print_button.setText(_("&Print\u2026"))
        self.pdf_action.setText(_("Save as PDF\u2026"))
        self.sent_button.setText(_("Mark as &sent"))
        for channel, action in self.channel_actions.items():
            action.setText(_("Sent by {channel}").format(channel=_(CHANNEL_LABELS[channel])))
        self.editor.setAccessibleName(_("Letter text"))
        self.filled_view.setAccessibleName(_("The letter with its values filled in"))
        self.language_combo.setAccessibleName(_("Spell-check language"))
        self.filled_button.setText(_("&Filled in"))
        self.filled_button.setToolTip(_("Show the letter with every placeholder replaced by its value, as it will be "
                                        "sent; press again to go on editing"))
        self.to_label.setText(_("To:"))
        self.subject_label.setText(_("Subject:"))
        self._retranslate_state()

    def resizeEvent(self, event) -> None:
        """Narrow (a side pane): the checklist goes under the letter, so the letter keeps its width."""
        super().resizeEvent(event)
        wanted = Qt.Orientation.Vertical if self.width() < NARROW_WIDTH else Qt.Orientation.Horizontal
        if self.text_splitter.orientation() != wanted:
            self.text_splitter.setOrientation(wanted)

    def show_filled_in(self, on: bool) -> None:
        self.text_stack.setCurrentWidget(self.filled_view if on else self.editor)
        if on:
            self.refresh_checklist()  # fills the preview and this view from the text as it is now
        else:
            self.editor.setFocus()

    def _retranslate_state(self) -> None:
        """Texts that depend on the open letter (the pane overrides this)."""
