"""Letter pane: pick a card, a template and a recipient; write with placeholder hints, spell-check and a
live checklist; copy, e-mail, print or save as PDF; mark as sent. Drafts are saved as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from jobfollow.core.letters.template_files import PHONE_SCRIPTS
from jobfollow.core.spelling import PySpellEngine, SpellChecker, SpellEngine
from jobfollow.i18n import _, current_language, current_locale
from jobfollow.services.events import AppEvents
from jobfollow.services.letters import LetterService
from jobfollow.store import letters as store
from jobfollow.store.letter_context import (
    LetterContext,
    application_choice,
    application_choices,
    build_context,
    recipients,
)
from jobfollow.ui.letters.highlighter import DOCUMENT_LIMIT
from jobfollow.ui.letters.pane_sending import LetterSending
from jobfollow.ui.letters.pane_widgets import LetterPaneWidgets
from jobfollow.ui.store_errors import STORE_ERRORS, show_store_error

if TYPE_CHECKING:
    from jobfollow.core.letters.checklist import LetterFacts

# The checklist and the sending helpers are imported when a letter needs them, not at start-up.
SAVE_DELAY_MS = 600
CHECK_DELAY_MS = 250
LARGE_CHECK_DELAY_MS = 1500
_ENGINES: dict[str, SpellEngine] = {}


def default_engine(language: str) -> SpellEngine:
    """pyspellchecker for ``language``, loaded once per program run (about 0.2 s for English)."""
    if language not in _ENGINES:
        _ENGINES[language] = PySpellEngine(language)
    return _ENGINES[language]


class LetterPane(LetterPaneWidgets, LetterSending):
    def __init__(self, events: AppEvents, parent: QWidget | None = None,
                 engine_factory: Callable[[str], SpellEngine] = default_engine, *,
                 service: LetterService | None = None):
        super().__init__(parent)
        self.setObjectName("letterPane")
        self.events = events
        self.service = service if service is not None else LetterService(events, None, None)
        self.engine_factory = engine_factory
        self.letter: store.LetterRow | None = None
        self.context = LetterContext()
        self.checker: SpellChecker | None = None
        self.siblings: list[tuple[str, str]] = []
        self._loading = False
        # The card combo lists every card only once the user reaches for it (50,000 entries cost a second):
        # until then it shows the open letter's card, and a change to the cards only marks the list stale.
        self._apps_listed = False
        self._save_refused = False  # the database refused the last draft save (said once per streak)
        self.send_guard = None  # made when a letter first leaves (E-mail…, Mark as sent)
        self._build()
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.save_now)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.refresh_checklist)
        self._connect()
        self._show_empty()
        QTimer.singleShot(0, self.restore_last_letter)

    # -- wiring ----------------------------------------------------------------------------------------
    def _retranslate_state(self) -> None:
        for combo, text in ((self.app_combo, _("Choose a card\u2026")),
                            (self.template_combo, _("Choose a template\u2026")),
                            (self.recipient_combo, _("No one chosen"))):
            if combo.count() and combo.itemData(0) is None:
                combo.setItemText(0, text)
        if self.letter is not None:
            self._fill_recipients()  # "— no e-mail" after a name
        if self.letter is not None:
            self.hint.setText(self._hint_text())
            self.refresh_checklist()
        else:
            self.hint.setText(self._empty_hint())
            self.checklist.set_items([])

    def _connect(self) -> None:
        self.events.write_letter_requested.connect(self.open_for_followup)
        self.events.compose_letter_requested.connect(self.compose)
        self.events.applications_changed.connect(self._applications_changed)
        self.events.card_moved.connect(lambda *_: self._cards_changed())
        self.app_combo.installEventFilter(self)
        self.events.settings_changed.connect(lambda _keys: self.refresh_context())
        self.events.letter_sent.connect(self._letter_sent)
        self.app_combo.activated.connect(self._app_chosen)
        self.template_combo.activated.connect(self._template_chosen)
        self.recipient_combo.activated.connect(self._recipient_chosen)
        self.language_combo.activated.connect(self._language_chosen)
        self.templates_button.clicked.connect(self.manage_templates)
        self.editor.textChanged.connect(self._text_changed)
        self.subject_edit.textChanged.connect(self._text_changed)
        self.editor.add_word_requested.connect(self.add_to_dictionary)
        self.copy_button.clicked.connect(self.copy_letter)
        self.email_button.clicked.connect(self.email_letter)
        self.print_button.clicked.connect(self.print_letter)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.sent_button.clicked.connect(lambda: self.mark_sent(None))

    # -- opening letters -------------------------------------------------------------------------------
    def open_for_followup(self, followup_id: int) -> None:
        if not self.save_now():  # the unsaved draft stays on screen rather than being replaced
            return
        language = self._template_language()
        self.load_letter(store.open_letter_for_followup(followup_id, language))
        self._say_if_fell_back(language)

    def compose(self, application_id: int, template_key: str, contact_id: int = 0) -> None:
        if not self.save_now():
            return
        language = self._template_language()
        self.load_letter(store.open_letter(application_id, template_key, contact_id or None, language=language))
        self._say_if_fell_back(language)

    def _say_if_fell_back(self, wanted: str) -> None:
        """A template missing in the chosen language opens in English, and the editor says so."""
        if self.letter is None or self.letter.language == wanted:
            return
        name = current_locale().languages.get(wanted, wanted)
        self.notice.setText(_("This template has no {language} version yet, so the English one is shown.").format(
            language=name))
        self.notice.show()

    def restore_last_letter(self) -> None:
        if self.letter is None:
            row = store.last_open_letter()
            if row is not None:
                self.load_letter(row)

    def _template_language(self) -> str:
        """New letters are written in the language last chosen here, else the interface's language."""
        return store.spelling_language(current_language())

    def load_letter(self, row: store.LetterRow) -> None:
        self._loading = True
        try:
            self.letter = row
            self._fill_app_combo()
            self._fill_template_combo()
            self._fill_recipients()
            self.context = build_context(row.application_id, row.contact_id, row.interview_id)
            self._ensure_checker(store.spelling_language(row.language))
            if self.checker is not None:
                self.checker.set_ignored_names(self.context.names)
            self.editor.set_values(self.context.values)
            self.subject_edit.setText(row.subject)
            self.subject_edit.setCursorPosition(0)  # a long subject shows its start, not its last words
            self.editor.setPlainText(row.body)
            self.siblings = store.sibling_thank_yous(row.id) if row.template_key.startswith("thank_you") else []
        finally:
            self._loading = False
        store.remember_open_letter(row.id)
        self._set_enabled(True)
        self.hint.setText(self._hint_text())
        self.refresh_checklist()

    @staticmethod
    def _empty_hint() -> str:
        return _("Choose a card and a template, or select a follow-up in the agenda and press Letter, to draft "
                 "a letter.")

    def _hint_text(self) -> str:
        if self.letter and self.letter.template_key in PHONE_SCRIPTS:
            return _("A script for a phone call: read it, make the call, then mark it as done.")
        return _("Type { to insert a placeholder. Right-click an underlined word for suggestions.")

    _REACHING = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.app_combo and not self._apps_listed and event.type() in self._REACHING:
            self._apps_listed = True
            self._fill_app_combo()
        return super().eventFilter(watched, event)

    def _cards_changed(self) -> None:
        self._apps_listed = False  # listed again when the user next reaches for the combo
        self._fill_app_combo()

    def _show_empty(self) -> None:
        self._fill_app_combo()
        self.hint.setText(self._empty_hint())
        self._set_enabled(False)
        self.checklist.set_items([])
        # Show the language the next letter will be written in, not the first entry of the list.
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._template_language())))

    def _set_enabled(self, on: bool) -> None:
        if not on:
            self.filled_button.setChecked(False)
        for widget in (self.template_combo, self.recipient_combo, self.subject_edit, self.editor, self.copy_button,
                       self.email_button, self.print_button, self.sent_button, self.language_combo,
                       self.filled_button):
            widget.setEnabled(on)
        self.template_combo.setEnabled(self.app_combo.currentData() is not None)

    # -- combos -------------------------------------------------------------------------------------------
    def _fill_app_combo(self) -> None:
        current = self.letter.application_id if self.letter else self.app_combo.currentData()
        self.app_combo.blockSignals(True)
        self.app_combo.clear()
        self.app_combo.addItem(_("Choose a card\u2026"), None)
        if self._apps_listed:
            choices = application_choices()
        else:
            choices = [application_choice(current)] if current is not None else []
        for choice in choices:
            if choice is not None:
                self.app_combo.addItem(choice.label, choice.id)
        index = self.app_combo.findData(current)
        self.app_combo.setCurrentIndex(max(0, index))
        self.app_combo.blockSignals(False)

    def _fill_template_combo(self) -> None:
        language = self.letter.language if self.letter else "en"
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        self.template_combo.addItem(_("Choose a template\u2026"), None)
        for row in store.list_templates(language):
            self.template_combo.addItem(row.name, row.key)
        index = self.template_combo.findData(self.letter.template_key if self.letter else None)
        self.template_combo.setCurrentIndex(max(0, index))
        self.template_combo.blockSignals(False)

    def _fill_recipients(self) -> None:
        self.recipient_combo.blockSignals(True)
        self.recipient_combo.clear()
        self.recipient_combo.addItem(_("No one chosen"), None)
        app_id = self.letter.application_id if self.letter else None
        for person in recipients(app_id) if app_id else []:
            label = person.label if person.email else _("{who} \u2014 no e-mail").format(who=person.label)
            self.recipient_combo.addItem(label, person.contact_id)
        index = self.recipient_combo.findData(self.letter.contact_id if self.letter else None)
        self.recipient_combo.setCurrentIndex(max(0, index))
        self.recipient_combo.blockSignals(False)

    def _app_chosen(self, _index: int) -> None:
        if not self.save_now():
            return
        self.letter = None
        self.editor.clear()
        self.subject_edit.clear()
        self._fill_template_combo()
        self._set_enabled(False)
        self.hint.setText(_("Now choose a template."))

    def _template_chosen(self, _index: int) -> None:
        key, app_id = self.template_combo.currentData(), self.app_combo.currentData()
        if not key or not app_id:
            return
        contact = self.letter.contact_id if self.letter and self.letter.application_id == app_id else None
        self.compose(app_id, key, contact or 0)

    def _recipient_chosen(self, _index: int) -> None:
        if self.letter is None:
            return
        contact_id = self.recipient_combo.currentData()
        store.save_draft(self.letter.id, self.subject_edit.text(), self.editor.toPlainText(), contact_id)
        self.letter = store.get_letter(self.letter.id)
        self.refresh_context()

    def _language_chosen(self, _index: int) -> None:
        language = self.language_combo.currentData()
        store.set_spelling_language(language)
        if self._reopen_untouched_draft_in(language):
            return
        self._ensure_checker(language)
        if self.checker is not None:
            self.checker.set_ignored_names(self.context.names)
        self.refresh_checklist()

    def _reopen_untouched_draft_in(self, language: str) -> bool:
        """A draft nobody has typed into yet starts over from the template in the newly chosen language."""
        letter = self.letter
        if letter is None or letter.state != "draft" or not letter.template_key or letter.language == language:
            return False
        current = store.get_template(letter.template_key, letter.language)
        translated = store.get_template(letter.template_key, language)
        untouched = current is not None and (self.subject_edit.text(), self.editor.toPlainText().strip()) == (
            current.subject, current.body.strip())
        if not untouched or translated is None or translated.language != language:
            return False
        self.load_letter(store.change_template(letter.id, translated.id))
        return True

    def _applications_changed(self, ids: list) -> None:
        self._cards_changed()
        if self.letter is not None and self.letter.application_id in ids:
            self._fill_recipients()
            self.refresh_context()

    def refresh_context(self) -> None:
        if self.letter is None:
            return
        self.context = build_context(self.letter.application_id, self.letter.contact_id, self.letter.interview_id)
        if self.checker is not None:
            self.checker.set_ignored_names(self.context.names)
        self.editor.set_values(self.context.values)
        if self.letter.template_key.startswith("thank_you"):
            self.siblings = store.sibling_thank_yous(self.letter.id)
        self.refresh_checklist()

    # -- spelling ---------------------------------------------------------------------------------------------
    def _ensure_checker(self, language: str) -> None:
        if self.checker is not None and self.checker.language == language:
            return
        engine = None
        for candidate in dict.fromkeys((language, "en")):
            try:
                engine = self.engine_factory(candidate)
                break
            except Exception:  # a missing or damaged word list must not stop the editor
                continue
        if engine is None:
            self.checker = None
            self.editor.set_checker(None)
            self.notice.setText(_("Spell-check is unavailable: its word lists could not be loaded."))
            self.notice.show()
            return
        self.checker = SpellChecker(engine, store.personal_words())
        self.editor.set_checker(self.checker)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(engine.language)))

    def add_to_dictionary(self, word: str) -> None:
        store.add_personal_word(word)
        if self.checker is not None:
            self.checker.add_personal(word)
            self.editor.highlighter.rehighlight()
        self.refresh_checklist()

    # -- typing and saving -----------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        if self._loading or self.letter is None:
            return
        self.save_timer.start()
        # A huge text is checked only once typing has paused for a while, so keystrokes never wait on it.
        from jobfollow.core.letters.checklist import CONTENT_LIMIT

        large = self.editor.document().characterCount() > CONTENT_LIMIT
        self.check_timer.start(LARGE_CHECK_DELAY_MS if large else CHECK_DELAY_MS)

    def save_now(self, always_report: bool = False) -> bool:
        """Write the draft now (also called when the window closes). False when the database refused it:
        the text stays in the editor and the user is told (once while typing goes on, or ``always_report``)."""
        self.save_timer.stop()
        if self.letter is None or self.letter.state != "draft":
            return True
        try:
            store.save_draft(self.letter.id, self.subject_edit.text(), self.editor.toPlainText(),
                             self.recipient_combo.currentData(), self.letter.language)
        except STORE_ERRORS as exc:
            if always_report or not self._save_refused:
                show_store_error(self, exc)
            self._save_refused = True
            return False
        self._save_refused = False
        return True

    def facts(self) -> LetterFacts:
        from jobfollow.core.letters.checklist import LetterFacts

        body = self.editor.toPlainText()
        checked = self.checker is not None and len(body) <= DOCUMENT_LIMIT
        misspelled: list[str] = []
        if checked:
            for span in self.checker.misspelled(self.subject_edit.text() + "\n" + body):
                if span.word not in misspelled:
                    misspelled.append(span.word)
        return LetterFacts(
            template_key=self.letter.template_key if self.letter else "", subject=self.subject_edit.text(),
            body=body, values=self.context.values, recipient_name=self.context.recipient_name,
            recipient_email=self.context.recipient_email, channel=self.letter.channel if self.letter else "email",
            position=self.context.position, specific_topic=self.context.specific_topic,
            misspelled=tuple(misspelled), spelling_checked=checked, others=self.siblings,
            language=self.letter.language if self.letter else "")

    def refresh_checklist(self) -> None:
        self.check_timer.stop()
        if self.letter is None:
            return
        from jobfollow.core.letters.checklist import run_checklist
        from jobfollow.ui.letters import sending

        facts = self.facts()
        self.checklist.set_items(run_checklist(facts))
        self.preview.setHtml(sending.preview_html(facts.subject, facts.body, facts.values))
        if self.filled_button.isChecked():
            self.filled_view.setHtml(self.preview.toHtml())
        paused = not facts.spelling_checked and self.checker is not None
        if paused:
            self.notice.setText(_("This text is too long to check; spell-check and highlighting are paused."))
        self.notice.setVisible(paused)

    def _letter_sent(self, letter_id: int, app_id: int, sent: bool) -> None:
        """The letter service sent a letter (the editor clears), or Undo made it a draft again (it reopens)."""
        if sent and self.letter is not None and self.letter.id == letter_id:
            self.letter = None
            self._loading = True
            self.editor.clear()
            self.subject_edit.clear()
            self._loading = False
            self._show_empty()
            self.hint.setText(_("Sent and kept in the card's history."))
            if app_id:
                self.app_combo.setCurrentIndex(max(0, self.app_combo.findData(app_id)))
        elif not sent and self.letter is None:
            row = store.get_letter(letter_id)
            if row is not None:
                self.load_letter(row)

    def manage_templates(self) -> None:
        from jobfollow.ui.letters.template_manager import TemplateManagerDialog

        dialog = TemplateManagerDialog(self.letter.language if self.letter else "en", self, self.checker)
        dialog.exec()
        if dialog.changed:
            self._fill_template_combo()
