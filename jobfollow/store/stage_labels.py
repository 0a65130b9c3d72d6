"""Default column names follow the interface language.

A new profile gets its stage names in the language of the day (``seed.ensure_default_stages``). When the
language changes later, a column still carrying a default name in *any* shipped language ("Applied",
"Beworben", "Candidature envoyée"...) was never renamed by the user, so it takes the default name of the
new language. A name the user chose is never touched.
"""

from __future__ import annotations

from jobfollow import i18n
from jobfollow.core.stages import STAGE_KIND_LABELS, StageKind
from jobfollow.store.models import Stage


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


def relabel_default_stages() -> list[int]:
    """Rename default-named stages to the current language's name; returns the ids renamed."""
    renamed = []
    for kind in StageKind:
        wanted = i18n._(STAGE_KIND_LABELS[kind])
        defaults = default_names_of(kind)
        for stage in Stage.select().where(Stage.kind == kind.value):
            if stage.name != wanted and stage.name in defaults:
                Stage.update(name=wanted).where(Stage.id == stage.id).execute()
                renamed.append(stage.id)
    return renamed
