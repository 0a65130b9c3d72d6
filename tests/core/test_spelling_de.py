"""German compounds over a fixed list of parts (never the machine's dictionary)."""

from __future__ import annotations

import pytest

from jobfollow.core.spelling_de import german_compound_known

PARTS = {"gespräch", "notizen", "arbeit", "proben", "unternehmen", "kultur", "urlaub", "tage", "kunde", "termin",
         "gehalt", "vorstellung", "leicht", "gefallen"}


def known(word: str) -> bool:
    return word in PARTS


@pytest.mark.parametrize("word", ["gesprächsnotizen", "arbeitsproben", "unternehmenskultur", "urlaubstage",
                                  "kundentermin", "leichtgefallen", "gehaltsvorstellungsgespräch"])
def test_compounds_of_known_words_are_known(word):
    assert german_compound_known(word, known)


@pytest.mark.parametrize("word", ["gesprächsnotizne", "arbeitsprobne", "unternehmenskutlur", "gehaltvorstelung",
                                  "tagetage" + "x", "notiz", "gesprächsxyz"])
def test_a_typo_inside_a_part_still_fails(word):
    assert not german_compound_known(word, known)
