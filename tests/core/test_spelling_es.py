"""Spanish word forms over a lemma-only list (a fixed list here, never the machine's dictionary)."""

from __future__ import annotations

import pytest

from jobfollow.core.spelling_es import spanish_form_known

LEMMAS = {"día", "vez", "reunión", "entrevista", "mucho", "nuevo", "que", "como", "agradecer", "informar", "dar",
          "entender", "volver", "seguir", "pedir", "querer", "llegar", "buscar", "ser", "estar", "hablar", "comer"}


def known(word: str) -> bool:
    return word in LEMMAS


@pytest.mark.parametrize("word", [
    "días", "veces", "reuniones", "entrevistas", "muchas", "nuevos", "muchísimo",  # plural, gender, superlative
    "agradezco", "informamos", "hablaba", "comiendo", "hablado", "entiendo", "vuelvo", "sigo", "pido",  # verbs
    "llegué", "busqué", "será", "estaría", "hablaremos",  # stem changes, future and conditional
    "informarme", "agradecerle", "dales", "darle",  # attached pronouns
    "qué", "cómo", "estoy", "tengo", "puedo",  # accents and irregulars
])
def test_regular_forms_and_common_irregulars_are_known(word):
    assert spanish_form_known(word, known)


@pytest.mark.parametrize("word", ["dias2", "entrevsta", "agradesco", "quiro", "hablams", "reunon", "muchass", "xyz"])
def test_typos_still_fail(word):
    assert not spanish_form_known(word, known)
