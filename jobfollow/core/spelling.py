"""Spell-checking behind a small engine interface, with a personal word list and ignore rules.

The highlighter only asks :meth:`SpellChecker.is_known`; answers are cached per word, so a
keystroke re-checks one paragraph in well under a millisecond. Suggestions are computed on demand:
:meth:`SpellChecker.quick_suggestions` (one edit away: fast) on the GUI thread, and
:meth:`SpellChecker.suggestions` (two edits away: can take a second) off it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from jobfollow.core.letters.placeholders import tokens as placeholder_tokens


class SpellEngine(Protocol):
    language: str

    def known(self, word: str) -> bool: ...  # word is lower-case
    def handles(self, word: str) -> bool: ...  # False for another script (Cyrillic in English, CJK)
    def suggest_near(self, word: str) -> list[str]: ...  # one edit away, best first
    def suggest_far(self, word: str) -> list[str]: ...  # up to two edits away, best first


class WordListEngine:
    """An engine over a fixed word list: for tests and as the fallback when no dictionary loads."""

    def __init__(self, words: Iterable[str], language: str = "en"):
        self.language = language
        self.words = {w.lower() for w in words}
        self.letters = {c for w in self.words for c in w} | set("abcdefghijklmnopqrstuvwxyz'")

    def known(self, word: str) -> bool:
        return word in self.words

    def handles(self, word: str) -> bool:
        return all(c in self.letters for c in word)

    def _edits1(self, word: str) -> set[str]:
        letters = "abcdefghijklmnopqrstuvwxyz"
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        deletes = {a + b[1:] for a, b in splits if b}
        swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
        inserts = {a + c + b for a, b in splits for c in letters}
        return deletes | swaps | replaces | inserts

    def suggest_near(self, word: str) -> list[str]:
        return sorted(w for w in self._edits1(word) if w in self.words)

    def suggest_far(self, word: str) -> list[str]:
        near = self._edits1(word)
        far = {e2 for e1 in near for e2 in self._edits1(e1)}
        return sorted(w for w in (near | far) if w in self.words)


class PySpellEngine:
    """pyspellchecker (pure Python, dictionaries for a dozen languages in the wheel)."""

    _lock = threading.Lock()  # loading is not thread-safe; lookups are plain dict reads

    def __init__(self, language: str = "en"):
        from spellchecker import SpellChecker as _Backend

        with self._lock:
            self._spell = _Backend(language=language, distance=2)
        self.language = language
        self._letters = set(self._spell.word_frequency.letters)
        self._freq = self._spell.word_frequency
        self._lemmas_only = language == "es"  # its Spanish list has "día" but not "días": see spelling_es

    def known(self, word: str) -> bool:
        if word in self._freq:
            return True
        if self._lemmas_only:
            from jobfollow.core.spelling_es import spanish_form_known

            return spanish_form_known(word, self._freq.__contains__)
        if self.language == "de":  # its German list lacks most compounds ("Gesprächsnotizen")
            from jobfollow.core.spelling_de import german_compound_known

            return german_compound_known(word, self._freq.__contains__)
        return False

    def handles(self, word: str) -> bool:
        return all(c in self._letters for c in word)

    def _ranked(self, candidates: Iterable[str]) -> list[str]:
        return sorted(candidates, key=lambda w: -self._freq[w])

    def suggest_near(self, word: str) -> list[str]:
        return self._ranked(self._spell.known(self._spell.edit_distance_1(word)))

    def suggest_far(self, word: str) -> list[str]:
        return self._ranked(self._spell.known(self._spell.edit_distance_2(word)) | set(self.suggest_near(word)))


def available_languages() -> list[str]:
    """Languages whose dictionary pyspellchecker ships (codes like 'en', 'de').

    Found without importing pyspellchecker (its import is paid when a letter is first checked).
    """
    try:
        from importlib.util import find_spec

        spec = find_spec("spellchecker")
        locations = list(spec.submodule_search_locations or []) if spec else []
        for location in locations:
            folder = os.path.join(location, "resources")
            if os.path.isdir(folder):
                return sorted(name.split(".")[0] for name in os.listdir(folder) if name.endswith(".json.gz"))
        from importlib import resources

        folder = resources.files("spellchecker") / "resources"
        return sorted(p.name.split(".")[0] for p in folder.iterdir() if p.name.endswith(".json.gz"))
    except (ImportError, OSError):
        return []


# Spans never spell-checked: placeholders are handled by tokens(); these cover the rest.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|gov|edu|de|fr|uk)\b\S*")
# Words that drop their last vowel before another word in French and Italian ("jusqu'ici", "quelqu'un").
ELIDED = frozenset({"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu", "dell", "nell", "sull", "dall"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class WordSpan:
    start: int
    end: int
    word: str


def skipped_spans(text: str) -> list[tuple[int, int]]:
    spans = [(t.start, t.end) for t in placeholder_tokens(text)]
    spans += [m.span() for m in _EMAIL.finditer(text)] + [m.span() for m in _URL.finditer(text)]
    return sorted(spans)


def words_to_check(text: str) -> Iterator[WordSpan]:
    """Words in ``text`` outside placeholders, e-mail addresses and URLs."""
    skip = skipped_spans(text) if ("{" in text or "@" in text or "." in text or "}" in text) else []
    index = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        while index < len(skip) and skip[index][1] <= start:
            index += 1
        if index < len(skip) and skip[index][0] < end:
            continue
        yield WordSpan(start, end, match.group(0))


class SpellChecker:
    """Engine + personal words + names that are never flagged, with a cache of answers."""

    def __init__(self, engine: SpellEngine, personal_words: Iterable[str] = ()):
        self.engine = engine
        self.personal = {w.lower() for w in personal_words}
        self.ignored: set[str] = set()  # contacts' and the company's names (lower-case words)
        self._cache: dict[str, bool] = {}

    @property
    def language(self) -> str:
        return self.engine.language

    def set_ignored_names(self, names: Iterable[str]) -> None:
        words = {m.group(0).lower() for name in names for m in _WORD.finditer(name or "")}
        if words != self.ignored:
            self.ignored = words
            self._cache.clear()

    def add_personal(self, word: str) -> None:
        self.personal.add(word.lower())
        self._cache.pop(word, None)
        self._cache = {w: ok for w, ok in self._cache.items() if w.lower() != word.lower()}

    def is_known(self, word: str) -> bool:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._decide(word)
            self._cache[word] = cached
        return cached

    def _decide(self, word: str) -> bool:
        lower = word.lower().replace("’", "'")
        if len(lower) < 2 or lower in self.personal or lower in self.ignored:
            return True
        if not self.engine.handles(lower):
            return True  # another script: we cannot judge it, so we do not flag it
        if self.engine.known(lower):
            return True
        if "'" in lower:  # contractions the list may lack: "company's" by its head, French "j'ai" by its tail
            head, _apostrophe, tail = lower.partition("'")
            if self.engine.known(head):
                return True
            return (len(head) <= 2 or head in ELIDED) and (self.engine.known(tail) or tail in self.personal)
        return word.isupper() and len(word) <= 5  # acronyms like HR, CEO, SQL

    def misspelled(self, text: str) -> list[WordSpan]:
        return [span for span in words_to_check(text) if not self.is_known(span.word)]

    def quick_suggestions(self, word: str, limit: int = 6) -> list[str]:
        return _match_case(word, self.engine.suggest_near(word.lower())[:limit])

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        return _match_case(word, self.engine.suggest_far(word.lower())[:limit])


def _match_case(word: str, suggestions: list[str]) -> list[str]:
    if word[:1].isupper():
        return [s[:1].upper() + s[1:] for s in suggestions]
    return suggestions
