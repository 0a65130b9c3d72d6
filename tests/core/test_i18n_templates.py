"""Letter templates per language: the file picked, the English fallback and what the editor says."""

from __future__ import annotations

from jobfollow import i18n
from jobfollow.core.template_language import (
    language_chain,
    missing_templates,
    pick_template,
    spellcheck_language,
)


def _templates(tmp_path, files: dict[str, str]):
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_template_in_the_letters_language_is_used(tmp_path):
    root = _templates(tmp_path, {"en/withdraw.txt": "Dear {contact_name}", "de/withdraw.txt": "Sehr geehrte"})
    choice = pick_template("withdraw", "de_DE", root)
    assert choice.read() == "Sehr geehrte"
    assert (choice.language, choice.fell_back, choice.notice()) == ("de", False, "")


def test_regional_template_wins_over_the_language(tmp_path):
    root = _templates(tmp_path, {"en/withdraw.txt": "en", "de/withdraw.txt": "de", "de_CH/withdraw.txt": "ch"})
    assert pick_template("withdraw", "de_CH", root).read() == "ch"
    assert language_chain("de-AT") == ["de_AT", "de", "en"]


def test_missing_translation_falls_back_to_english_and_says_so(tmp_path):
    root = _templates(tmp_path, {"en/resignation.txt": "Please accept this letter", "fr/withdraw.txt": "x"})
    i18n.set_language("fr")
    choice = pick_template("resignation", "fr", root)
    assert choice.read() == "Please accept this letter"
    assert choice.fell_back
    assert "français" in choice.notice()  # said in the interface language
    i18n.set_language("en_US")
    assert "French" in pick_template("resignation", "fr", root).notice()
    assert missing_templates("fr", root) == ["resignation"]


def test_unknown_template_is_reported_not_raised(tmp_path):
    choice = pick_template("no_such_key", "es", _templates(tmp_path, {"en/withdraw.txt": "x"}))
    assert choice.path is None
    assert "no_such_key" in choice.notice()


def test_spell_check_follows_the_letters_language():
    assert spellcheck_language("de_AT") == "de"
    assert spellcheck_language("es") == "es"
    assert spellcheck_language(None) == "en"
    assert spellcheck_language("sw_KE") is None  # no bundled dictionary: no false underlining

