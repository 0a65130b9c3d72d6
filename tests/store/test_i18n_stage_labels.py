"""Default column names follow the interface language; names the user chose stay."""

from __future__ import annotations

from jobfollow import i18n


def test_default_column_names_follow_the_language_but_user_names_stay(profile):
    from jobfollow.core.stages import StageKind
    from jobfollow.store.applications import list_stages
    from jobfollow.store.models import Stage
    from jobfollow.store.stage_labels import relabel_default_stages

    Stage.update(name="Waiting to hear").where(Stage.kind == StageKind.APPLIED.value).execute()
    i18n.set_language("de")
    assert len(relabel_default_stages()) == len(StageKind) - 1
    names = [s.name for s in list_stages()]
    assert names[0] == "Waiting to hear"
    assert names[1:3] == ["Gespräch geplant", "Gespräch geführt"]
    i18n.set_language("fr")
    relabel_default_stages()
    assert [s.name for s in list_stages()][1] == "Entretien prévu"
    i18n.set_language("en_US")
    relabel_default_stages()
    assert [s.name for s in list_stages()][1:3] == ["Interview scheduled", "Interviewed"]
    assert relabel_default_stages() == []
