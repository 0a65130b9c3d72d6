"""How an application was sent: the answer a job centre's work-search log asks for."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from jobfollow.i18n import N_


class ApplyMethod(StrEnum):
    ONLINE = "online"
    EMAIL = "email"
    POST = "post"
    IN_PERSON = "in_person"
    PHONE = "phone"


APPLY_METHOD_LABELS = {
    ApplyMethod.ONLINE: N_("Online (form or portal)"),
    ApplyMethod.EMAIL: N_("By e-mail"),
    ApplyMethod.POST: N_("By post"),
    ApplyMethod.IN_PERSON: N_("In person"),
    ApplyMethod.PHONE: N_("By phone"),
}


def apply_method_label(value: str) -> str:
    """The translated label of a stored method; an unknown value (a hand-edited file) shows as it is."""
    from jobfollow.i18n import _

    try:
        return _(APPLY_METHOD_LABELS[ApplyMethod(value)])
    except ValueError:
        return value


# What other trackers and spreadsheets write for each method, in the four languages (compared without accents
# or punctuation, whole words).
_METHOD_WORDS: dict[ApplyMethod, tuple[str, ...]] = {
    ApplyMethod.ONLINE: ("online", "portal", "job portal", "web form", "form", "website", "career site", "linkedin",
                         "easy apply", "onlinebewerbung", "en ligne", "en linea", "formulario"),
    ApplyMethod.EMAIL: ("email", "e mail", "by email", "by e mail", "mail", "per e mail", "par e mail",
                        "par courriel", "courriel", "por correo electronico", "correo electronico"),
    ApplyMethod.POST: ("post", "by post", "postal", "letter", "mail by post", "per post", "postalisch", "par courrier",
                       "courrier", "por correo postal", "correo postal"),
    ApplyMethod.IN_PERSON: ("in person", "in_person", "walk in", "personally", "persoenlich", "personlich",
                            "en personne", "en persona"),
    ApplyMethod.PHONE: ("phone", "by phone", "telephone", "call", "telefon", "telefonisch", "par telephone",
                        "por telefono", "telefono"),
}


def _normalised(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


_METHOD_LOOKUP = {_normalised(word): method for method, words in _METHOD_WORDS.items() for word in words}


def parse_apply_method(text: str) -> str:
    """The stored method a spreadsheet's cell means ("By e-mail", "online", "per Post"), or "" when unclear."""
    key = _normalised(text)
    if not key:
        return ""
    if key in _METHOD_LOOKUP:
        return _METHOD_LOOKUP[key]
    for word, method in sorted(_METHOD_LOOKUP.items(), key=lambda item: -len(item[0])):
        if len(word) > 3 and re.search(rf"\b{re.escape(word)}\b", key):
            return method
    return ""
