"""Spanish word forms for pyspellchecker's Spanish list, which holds lemmas only.

Its list has "día" but not "días", "agradecer" but not "agradezco", "que" but not "qué": read as it is, a
Spanish letter would be a fifth red. :func:`spanish_form_known` accepts a word when a regular plural,
gender, verb ending, attached pronoun or accent leads back to a known lemma, and knows the common
irregular verbs by heart. A typo still fails: every rule must land on a word the list has.
"""

from __future__ import annotations

from collections.abc import Callable

# Forms of the irregular verbs a letter uses most, and the accented question words.
_IRREGULAR_FORMS = """
soy eres es somos son era eras éramos eran fui fue fuimos fueron sea seas seamos sean sido siendo
estoy estás está estamos están estuve estuvo estaba estaban esté estés estén
he has ha hemos han había habían habrá habría haya hayan hubiera hubieran hubo hay habido
voy vas va vamos van iba iban vaya vayan fuera fueran yendo
tengo tienes tiene tenemos tienen tuve tuvo tuvimos tendré tendrá tendría tenga tengan
puedo puedes puede podemos pueden pude pudo podré podrá podría podrían pueda puedan pudiera pudiéramos
hago haces hace hacemos hacen hice hizo haré hará haría haga hagan hecho
digo dices dice decimos dicen dije dijo diré dirá diría diga digan dicho diciendo
quiero quieres quiere queremos quieren quise quiso querré querría quiera quieran
pon pongo pones pone ponemos ponen puse puso pondré pondrá pondría ponga pongan pusiera
vengo vienes viene venimos vienen vine vino vendré vendrá vendría venga vengan viniendo convendría
doy das da damos dan di dio dimos dieron den dando expón sonríe
sé sabes sabe sabemos saben supe supo sabré sabría sepa sepan
veo ves ve vemos ven vi vio veré vería vea vean visto viendo
qué cómo cuándo quién quiénes dónde cuál cuáles cuánto cuánta cuántos cuántas aún
"""
IRREGULAR = frozenset(_IRREGULAR_FORMS.split())

PRONOUNS = ("selo", "sela", "nos", "les", "los", "las", "me", "te", "le", "lo", "la", "se")
PLURAL_AND_GENDER = (("ísimos", "o"), ("ísimas", "a"), ("ísimo", "o"), ("ísima", "a"), ("ces", "z"),
                     ("iones", "ión"), ("es", ""), ("s", ""), ("as", "o"), ("os", "o"), ("a", "o"))
# Endings after the stem of a regular -ar/-er/-ir verb (present, past, imperfect, subjunctive, participles).
_VERB_ENDINGS = """
o as a amos áis an es e emos éis en imos ís é aste ó asteis aron í iste ió isteis ieron
aba abas ábamos aban ía ías íamos ían ando iendo ado ada ados adas ido ida idos idas
ara aras áramos aran iera ieras iéramos ieran ase iese
"""
VERB_ENDINGS = tuple(sorted(set(_VERB_ENDINGS.split()), key=len, reverse=True))
# Future and conditional endings go after the whole infinitive ("será", "estaría").
AFTER_INFINITIVE = ("íamos", "emos", "ías", "ían", "ía", "ás", "án", "é", "á")
INFINITIVES = ("ar", "er", "ir")
_PLAIN = str.maketrans("áéíóú", "aeiou")


def _verb_form(word: str, known: Callable[[str], bool]) -> bool:
    for ending in AFTER_INFINITIVE:
        if word.endswith(ending) and word[: -len(ending)][-2:] in INFINITIVES and known(word[: -len(ending)]):
            return True
    for ending in VERB_ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 2:
            continue
        candidates = [(stem, INFINITIVES), (stem.translate(_PLAIN), INFINITIVES)]
        if stem.endswith("zc"):  # agradezco -> agradecer
            candidates.append((stem[:-2] + "c", ("er", "ir")))
        for diphthong, vowel in (("ie", "e"), ("ue", "o")):  # entiendo -> entender, vuelvo -> volver
            at = stem.rfind(diphthong)
            if at >= 0:
                candidates.append((stem[:at] + vowel + stem[at + 2:], INFINITIVES))
        at = stem.rfind("i")  # only -ir verbs turn e into i: pido -> pedir, sigo -> seguir
        if at >= 0:
            changed = stem[:at] + "e" + stem[at + 1:]
            candidates.append((changed + "u" if changed.endswith("g") else changed, ("ir",)))
        if stem.endswith("gu") or stem.endswith("qu"):  # llegué -> llegar, busqué -> buscar
            candidates.append((stem[:-2] + ("g" if stem.endswith("gu") else "c"), ("ar",)))
        if any(known(s + inf) for s, infinitives in candidates for inf in infinitives):
            return True
    return False


def spanish_form_known(word: str, known: Callable[[str], bool], *, depth: int = 0) -> bool:
    """True when ``word`` (lower-case) is a regular form of a lemma ``known`` accepts, or a common irregular."""
    if known(word) or word in IRREGULAR:
        return True
    plain = word.translate(_PLAIN)
    if plain != word and known(plain):
        return True
    for suffix, replacement in PLURAL_AND_GENDER:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 1 and (known(stem + replacement) or stem + replacement in IRREGULAR):
            return True
    if _verb_form(word, known):
        return True
    if depth == 0:  # a pronoun attached to a verb: darle, informarme, dales, ponte
        for pronoun in PRONOUNS:
            stem = word[: -len(pronoun)]
            if word.endswith(pronoun) and len(stem) > 1:
                for candidate in {stem, stem.translate(_PLAIN)}:
                    if spanish_form_known(candidate, known, depth=1):
                        return True
    return False
