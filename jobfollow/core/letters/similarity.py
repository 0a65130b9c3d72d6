"""How alike two letters are, and which sentences differ too little.

Interviewers of one panel compare notes: each thank-you should read as written for its reader.
Comparison is word by word (difflib), on at most MAX_WORDS words, so a huge paste stays quick.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

ALIKE_THRESHOLD = 0.85
MAX_WORDS = 1500
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)][:MAX_WORDS]


def sentences(text: str) -> list[str]:
    """Sentences worth comparing: greetings and sign-offs of three words or fewer are left out."""
    found = []
    for piece in _SENTENCE_END.split(text[: MAX_WORDS * 12]):
        piece = " ".join(piece.split())
        if len(_WORD.findall(piece)) > 3:
            found.append(piece)
    return found


def ratio(a: str, b: str) -> float:
    """0.0 (nothing shared) .. 1.0 (the same words in the same order)."""
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


@dataclass(frozen=True)
class AlikeSentence:
    mine: str
    theirs: str
    ratio: float


@dataclass(frozen=True)
class Comparison:
    other_label: str
    ratio: float
    sentences: tuple[AlikeSentence, ...]

    @property
    def too_alike(self) -> bool:
        return self.ratio > ALIKE_THRESHOLD


def alike_sentences(mine: str, theirs: str, threshold: float = ALIKE_THRESHOLD) -> list[AlikeSentence]:
    """Sentences of ``mine`` whose closest sentence in ``theirs`` is at least ``threshold`` alike."""
    other = [(s, words(s)) for s in sentences(theirs)]
    found = []
    for sentence in sentences(mine):
        ws = words(sentence)
        best, best_ratio = "", 0.0
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(ws)
        for candidate, cw in other:
            matcher.set_seq1(cw)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            r = matcher.ratio()
            if r > best_ratio:
                best, best_ratio = candidate, r
        if best_ratio >= threshold:
            found.append(AlikeSentence(sentence, best, best_ratio))
    return found


def compare(mine: str, others: list[tuple[str, str]], threshold: float = ALIKE_THRESHOLD) -> list[Comparison]:
    """Compare one letter with others ((label, text) pairs); only the comparisons above the threshold."""
    results = []
    for label, text in others:
        r = ratio(mine, text)
        if r > threshold:
            results.append(Comparison(label, r, tuple(alike_sentences(mine, text, threshold))))
    return results
