"""Colours placeholders (filled, not yet filled, unknown) and underlines misspelled words.

Each call handles one paragraph (block); Qt calls it only for blocks that changed, and the spell
checker caches its answers per word, so a keystroke costs a fraction of a millisecond. Very long
paragraphs are checked only up to BLOCK_LIMIT characters, and highlighting pauses for a document
past DOCUMENT_LIMIT characters, so a huge paste never freezes the window.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from jobfollow.core.letters.placeholders import PLACEHOLDERS, TokenKind, tokens
from jobfollow.core.spelling import SpellChecker, words_to_check

BLOCK_LIMIT = 20_000
DOCUMENT_LIMIT = 200_000


def _format(foreground: str | None = None, background: str | None = None, underline: str | None = None,
            bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if foreground:
        fmt.setForeground(QColor(foreground))
    if background:
        fmt.setBackground(QColor(background))
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(underline))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class LetterHighlighter(QSyntaxHighlighter):
    """``values`` maps placeholder names to what they will become (empty = no value yet)."""

    def __init__(self, document: QTextDocument, checker: SpellChecker | None = None):
        super().__init__(document)
        self.checker = checker
        self.values: dict[str, str] = {}
        self.known = PLACEHOLDERS
        self.spelling_paused = False
        self.filled_format = _format("#0b4f8a", "#dcebfa")
        self.empty_format = _format("#8a4b00", "#ffe2b8", bold=True)
        self.unknown_format = _format("#b00020", None, "#d00000")
        self.unclosed_format = _format("#ffffff", "#c62828")
        self.literal_format = _format("#777777")
        self.spelling_format = _format(None, None, "#e0001b")
        self.spelling_format.setProperty(QTextCharFormat.Property.UserProperty, "misspelled")

    def set_checker(self, checker: SpellChecker | None) -> None:
        self.checker = checker
        self.rehighlight()

    def set_values(self, values: dict[str, str]) -> None:
        if values != self.values:
            self.values = dict(values)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        document = self.document()
        self.spelling_paused = document is not None and document.characterCount() > DOCUMENT_LIMIT
        if self.spelling_paused:
            return  # no letter is this long: a huge paste is shown plain rather than freezing the window
        if len(text) > BLOCK_LIMIT:
            text = text[:BLOCK_LIMIT]
        if "{" in text or "}" in text:
            for token in tokens(text, self.known):
                self.setFormat(token.start, token.end - token.start, self._token_format(token))
        if self.checker is None:
            return
        is_known = self.checker.is_known
        for span in words_to_check(text):
            if not is_known(span.word):
                self.setFormat(span.start, span.end - span.start, self.spelling_format)

    def _token_format(self, token) -> QTextCharFormat:
        if token.kind is TokenKind.PLACEHOLDER:
            return self.filled_format if self.values.get(token.name) else self.empty_format
        if token.kind is TokenKind.UNKNOWN:
            return self.unknown_format
        if token.kind is TokenKind.UNCLOSED:
            return self.unclosed_format
        return self.literal_format


def misspelled_format_ranges(block) -> list[tuple[int, int]]:
    """(start, length) of the misspelled words the highlighter marked in a block (tests and tooltips)."""
    return [(r.start, r.length) for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
            and r.format.property(QTextCharFormat.Property.UserProperty) == "misspelled"]


