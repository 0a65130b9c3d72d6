"""German compounds for pyspellchecker's German list, which has the parts but not every compound.

German joins nouns at will ("Gesprächs" + "notizen"); no list holds them all. :func:`german_compound_known`
accepts a word that splits into known words, with the usual linking letters between them. Each part must be
at least four letters, so a typo inside a part still fails.
"""

from __future__ import annotations

from collections.abc import Callable

MIN_PART = 4
LINKS = ("", "s", "es", "n", "en", "er", "e")  # Arbeit-s-probe, Kunde-n-gespräch, Kind-er-garten


def german_compound_known(word: str, known: Callable[[str], bool], *, parts: int = 3) -> bool:
    """True when ``word`` (lower-case) is up to ``parts`` known words joined, the last one as it stands."""
    if parts < 2 or len(word) < 2 * MIN_PART:
        return False
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if not (known(tail) or german_compound_known(tail, known, parts=parts - 1)):
            continue
        for link in LINKS:
            if head.endswith(link) and len(head) - len(link) >= MIN_PART and known(head[: len(head) - len(link)]):
                return True
    return False
