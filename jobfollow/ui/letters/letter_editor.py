"""The text editor of a letter: placeholder completer on '{', spelling menu, hints on hover."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QMenu, QPlainTextEdit, QToolTip, QWidget

from jobfollow.core.letters.placeholders import PLACEHOLDERS, TokenKind, closest_name, token_at
from jobfollow.core.spelling import SpellChecker, WordSpan, words_to_check
from jobfollow.i18n import _
from jobfollow.ui.letters.highlighter import LetterHighlighter
from jobfollow.ui.letters.placeholder_model import PlaceholderModel
from jobfollow.ui.letters.suggestions import SuggestionService

_OPEN_PREFIX = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)?$")


class LetterEditor(QPlainTextEdit):
    #: the user asked to add a word to the personal dictionary
    add_word_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterEditor")
        self.setTabChangesFocus(True)
        self.checker: SpellChecker | None = None
        self.highlighter = LetterHighlighter(self.document())
        self.placeholder_model = PlaceholderModel(self)
        self.completer = QCompleter(self.placeholder_model, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(10)
        self.completer.activated[str].connect(self.insert_placeholder)
        self.suggestion_service = SuggestionService(self)
        self.suggestion_service.ready.connect(self._suggestions_ready)
        self._waiting: dict[int, tuple[QMenu, object, WordSpan, int]] = {}

    # -- state ---------------------------------------------------------------------------------
    def set_checker(self, checker: SpellChecker | None) -> None:
        self.checker = checker
        self.highlighter.set_checker(checker)

    def set_values(self, values: dict[str, str]) -> None:
        self.placeholder_model.set_values(values)
        self.highlighter.set_values(values)

    # -- completer -------------------------------------------------------------------------------
    def _typed_prefix(self) -> str | None:
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()][-64:]
        match = _OPEN_PREFIX.search(before)
        return None if match is None else (match.group(1) or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape,
                                                  Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()  # the completer takes these
            return
        super().keyPressEvent(event)
        if not event.text() and event.key() not in (Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_Right):
            return
        prefix = self._typed_prefix()
        if prefix is None:
            if popup.isVisible():
                popup.hide()
            return
        self.show_completer(prefix)

    def show_completer(self, prefix: str = "") -> None:
        self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0:
            self.completer.popup().hide()
            return
        popup = self.completer.popup()
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(min(460, max(320, self.viewport().width() // 2)))
        self.completer.complete(rect)

    def insert_placeholder(self, name: str) -> None:
        cursor = self.textCursor()
        prefix = self._typed_prefix() or ""
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(prefix))
        after = cursor.block().text()[cursor.positionInBlock():][:1] if not cursor.hasSelection() else ""
        cursor.insertText(name if after == "}" else name + "}")
        if after == "}":
            cursor.movePosition(QTextCursor.MoveOperation.Right)
        self.setTextCursor(cursor)
        self.completer.popup().hide()

    # -- hover hints -------------------------------------------------------------------------------
    def hint_at(self, point: QPoint) -> str:
        cursor = self.cursorForPosition(point)
        text, pos = cursor.block().text(), cursor.positionInBlock()
        token = token_at(text, pos) or (token_at(text, pos - 1) if pos else None)
        values = self.highlighter.values
        if token is not None:
            if token.kind is TokenKind.UNKNOWN:
                guess = closest_name(token.name)
                hint = _("Unknown placeholder {{{name}}}: it would be sent exactly as typed.").format(name=token.name)
                if guess:
                    hint += " " + _("Did you mean {{{guess}}}?").format(guess=guess)
                return hint
            if token.kind is TokenKind.UNCLOSED:
                return _("This '{' is never closed. Type '{{' for a literal brace.")
            if token.kind is TokenKind.PLACEHOLDER:
                value = values.get(token.name, "")
                if not value:
                    return _("{{{name}}} has no value yet ({what}). Fill it in on the card, or type the text "
                             "instead.").format(name=token.name, what=_(PLACEHOLDERS[token.name]))
                return _("{{{name}}} will be sent as: {value}").format(name=token.name, value=value)
        span = self._misspelled_at(cursor)
        if span is not None:
            return _("\u201c{word}\u201d is not in the dictionary. Right-click for suggestions.").format(word=span.word)
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hint = self.hint_at(self.viewport().mapFromGlobal(event.globalPos()))
            if hint:
                QToolTip.showText(event.globalPos(), hint, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- spelling menu ---------------------------------------------------------------------------
    def _misspelled_at(self, cursor: QTextCursor) -> WordSpan | None:
        if self.checker is None or self.highlighter.spelling_paused:
            return None
        text, pos = cursor.block().text(), cursor.positionInBlock()
        for span in words_to_check(text):
            if span.start <= pos <= span.end:
                return None if self.checker.is_known(span.word) else span
            if span.start > pos:
                break
        return None

    def spelling_menu(self, point: QPoint) -> QMenu:
        """The context menu at ``point``: suggestions and Add to dictionary over a misspelled word."""
        menu = self.createStandardContextMenu(point)
        cursor = self.cursorForPosition(point)
        span = self._misspelled_at(cursor)
        if span is None or self.checker is None:
            return menu
        block_start = cursor.block().position()
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.checker.quick_suggestions(span.word)
        searching = None
        if not suggestions:
            searching = menu.addAction(_("Looking for suggestions\u2026"))
            searching.setEnabled(False)
            menu.removeAction(searching)
            menu.insertAction(first, searching)
            self._start_search(menu, searching, span, block_start)
        for word in suggestions:
            action = menu.addAction(word)
            menu.removeAction(action)
            menu.insertAction(first, action)
            _make_bold(action)
            action.triggered.connect(lambda _c=False, w=word: self.replace_word(block_start, span, w))
        if searching is not None:
            _make_bold(searching)
        add = menu.addAction(_("Add \u201c{word}\u201d to dictionary").format(word=span.word))
        add.setObjectName("addToDictionary")
        menu.removeAction(add)
        menu.insertSeparator(first)
        menu.insertAction(first, add)
        add.triggered.connect(lambda: self.add_word_requested.emit(span.word))
        menu.insertSeparator(first)
        return menu

    def _start_search(self, menu: QMenu, placeholder_action, span: WordSpan, block_start: int) -> None:
        number = self.suggestion_service.request(self.checker, span.word)
        self._waiting[number] = (menu, placeholder_action, span, block_start)
        menu.destroyed.connect(lambda *_: self._waiting.pop(number, None))

    def _suggestions_ready(self, number: int, _word: str, found: list) -> None:
        waiting = self._waiting.pop(number, None)
        if waiting is None:  # the menu closed meanwhile
            return
        menu, placeholder_action, span, block_start = waiting
        placeholder_action.setText(found[0] if found else _("No suggestions"))
        placeholder_action.setEnabled(bool(found))
        if found:
            placeholder_action.triggered.connect(lambda: self.replace_word(block_start, span, found[0]))
        actions = menu.actions()
        after = actions[actions.index(placeholder_action) + 1] if placeholder_action in actions[:-1] else None
        for extra in found[1:]:
            action = menu.addAction(extra)
            menu.removeAction(action)
            menu.insertAction(after, action)
            _make_bold(action)
            action.triggered.connect(lambda _c=False, w=extra: self.replace_word(block_start, span, w))

    def replace_word(self, block_start: int, span: WordSpan, word: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(block_start + span.start)
        cursor.setPosition(block_start + span.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() == span.word:
            cursor.insertText(word)

    def contextMenuEvent(self, event) -> None:
        menu = self.spelling_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()


def _make_bold(action) -> None:
    font = action.font()
    font.setBold(True)
    action.setFont(font)
