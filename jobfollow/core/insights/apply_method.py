"""How an application was sent: the answer a job centre's work-search log asks for."""

from __future__ import annotations

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
