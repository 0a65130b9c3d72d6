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


def test_an_english_export_merged_into_a_german_profile_lands_in_its_columns(profile, tmp_path):
    # A user who switched to German and merges an export made in English gets no second "Applied" beside
    # "Beworben"; a column the user named stays its own.
    from jobfollow.core.stages import StageKind
    from jobfollow.store import io_json
    from jobfollow.store.models import JobApplication, Stage
    from jobfollow.store.stage_labels import relabel_default_stages

    applied = Stage.get(Stage.kind == StageKind.APPLIED.value)
    JobApplication.create(stage=applied, company="Contoso", position_title="Analyst")
    Stage.create(name="Dream jobs", kind=StageKind.APPLIED.value, position=99)
    exported = tmp_path / "english.json"
    io_json.export_json(exported)
    i18n.set_language("de")
    relabel_default_stages()
    JobApplication.update(company="Fabrikam").execute()  # the German profile's own card
    columns_before = Stage.select().count()
    io_json.import_json(exported)
    assert Stage.select().count() == columns_before
    contoso = JobApplication.get(JobApplication.company == "Contoso")
    assert contoso.stage.name == "Beworben"
    assert Stage.select().where(Stage.name == "Dream jobs").count() == 1
