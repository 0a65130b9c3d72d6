"""Default column names follow the interface language.

A new profile gets its stage names in the language of the day (``seed.ensure_default_stages``). When the
language changes later, a column still carrying a default name in *any* shipped language ("Applied",
"Beworben", "Candidature envoyée"...) was never renamed by the user, so it takes the default name of the
new language. A name the user chose is never touched.
"""

from __future__ import annotations

from functools import cache

from jobfollow import i18n
from jobfollow.core import settings_registry as keys
from jobfollow.core.stages import STAGE_KIND_LABELS, StageKind
from jobfollow.store.models import Stage


@cache
def _default_names(kind: StageKind) -> frozenset[str]:
    return frozenset(default_names_of(kind))


def matching_stage(name: str, kind: str) -> Stage | None:
    """The column of this profile that an imported column stands for: the same name and kind, or, when both
    carry a default name of that kind in some language, the same default column (an English export's
    "Applied" is a German profile's "Beworben")."""
    same = Stage.get_or_none((Stage.name == name) & (Stage.kind == kind))
    if same is not None:
        return same
    try:
        stage_kind = StageKind(kind)
    except ValueError:
        return None
    defaults = _default_names(stage_kind)
    if name not in defaults:
        return None
    return (Stage.select().where((Stage.kind == stage_kind.value) & Stage.name.in_(list(defaults)))
            .order_by(Stage.position, Stage.id).first())


def default_names_of(kind: StageKind) -> set[str]:
    """Every shipped language's default name for a stage kind (English included)."""
    from jobfollow.paths import resource_path

    label = STAGE_KIND_LABELS[kind]
    names = {label}
    for language in i18n.SHIPPED_LANGUAGES:
        catalog = i18n.load_catalog(resource_path("locale"), language) if language != "en" else None
        if catalog is not None:
            names.add(catalog.gettext(label))
    return names


LABELS_LANGUAGE_KEY = keys.STAGE_LABELS_LANGUAGE.name


def relabel_default_stages(*, force: bool = False) -> list[int]:
    """Rename default-named stages to the current language's name; returns the ids renamed.

    Reading every language's catalog costs a fifth of a second from a source checkout, so it runs only
    when the language differs from the one the stages were last labelled in.
    """
    from jobfollow.store.settings import get_setting, set_setting

    language = i18n.current_language()
    if not force and get_setting(LABELS_LANGUAGE_KEY) == language:
        return []
    renamed = []
    for kind in StageKind:
        wanted = i18n._(STAGE_KIND_LABELS[kind])
        defaults = default_names_of(kind)
        for stage in Stage.select().where(Stage.kind == kind.value):
            if stage.name != wanted and stage.name in defaults:
                Stage.update(name=wanted).where(Stage.id == stage.id).execute()
                renamed.append(stage.id)
    set_setting(LABELS_LANGUAGE_KEY, language)
    return renamed
