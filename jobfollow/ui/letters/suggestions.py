"""Spelling suggestions two edits away, computed on the thread pool (they can take a second).

One long-lived QObject owned by the editor carries the answers back, so nothing the worker touches
can be deleted while it runs; each request has a number, and a late answer for a closed menu is dropped.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, QThreadPool, Signal

from jobfollow.core.spelling import SpellChecker


class SuggestionService(QObject):
    #: request number, word, suggestions
    ready = Signal(int, str, list)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._numbers = itertools.count(1)

    def request(self, checker: SpellChecker, word: str) -> int:
        number = next(self._numbers)

        def work() -> None:
            try:
                found = checker.suggestions(word)
            except Exception:  # a failing lookup must not take the program down: no suggestions then
                found = []
            self.ready.emit(number, word, found)

        QThreadPool.globalInstance().start(work)
        return number
