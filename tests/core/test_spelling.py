"""The spell engine with a fixed word list: never the machine's dictionary."""

from __future__ import annotations

import pytest

from jobfollow.core.spelling import SpellChecker, WordListEngine, available_languages, words_to_check

WORDS = ["thank", "you", "for", "the", "interview", "really", "enjoyed", "tour", "office", "dear", "at", "me",
         "mail", "or", "see", "our", "site", "kind", "regards", "i'm", "glad"]


@pytest.fixture
def checker():
    return SpellChecker(WordListEngine(WORDS), personal_words=["Kubernetes"])


def flagged(checker, text):
    return [span.word for span in checker.misspelled(text)]


def test_misspelled_words_are_found(checker):
    assert flagged(checker, "I realy enjoyed the tuor") == ["realy", "tuor"]


def test_case_does_not_matter_and_personal_words_count(checker):
    assert flagged(checker, "Thank You for the Kubernetes interview") == []


def test_placeholders_emails_and_urls_are_never_flagged(checker):
    text = "Dear {interviewer_name}, mail me at jane.doe@example.org or see https://example.org/portfolio"
    assert flagged(checker, text) == []


def test_contact_and_company_names_are_never_flagged(checker):
    assert flagged(checker, "Dear Ngozi, the Fabrikam tour") == ["Ngozi", "Fabrikam"]
    checker.set_ignored_names(["Ngozi Okafor", "Fabrikam Residences"])
    assert flagged(checker, "Dear Ngozi, the Fabrikam tour") == []


def test_add_personal_word_clears_the_cached_answer(checker):
    assert flagged(checker, "tuor") == ["tuor"]
    checker.add_personal("tuor")
    assert flagged(checker, "tuor Tuor") == []


def test_other_scripts_and_emoji_are_not_flagged(checker):
    assert flagged(checker, "Спасибо 谢谢 🙂 شكرا") == []


def test_acronyms_contractions_and_single_letters(checker):
    assert flagged(checker, "HR and the CEO; I'm glad; a b") == ["and"]
    assert flagged(checker, "I’m glad") == []


def test_french_elisions_are_judged_by_the_word_after_the_apostrophe():
    french = SpellChecker(WordListEngine(["ai", "est", "ici", "un", "équipe", "appris"], language="fr"))
    assert flagged(french, "J’ai appris, c'est ici, jusqu’ici, quelqu’un, l’équipe") == []
    assert flagged(french, "j’aii, l’équype") == ["j’aii", "l’équype"]


def test_suggestions_near_and_far(checker):
    assert "tour" in checker.quick_suggestions("tuor")
    assert checker.quick_suggestions("Realy")[0] == "Really"
    assert "office" in checker.suggestions("ofice")
    assert "regards" in checker.suggestions("rgard")  # two edits away


def test_word_spans_point_into_the_text():
    text = "Dear {x} tuor"
    spans = list(words_to_check(text))
    assert [(s.word, text[s.start:s.end]) for s in spans] == [("Dear", "Dear"), ("tuor", "tuor")]


def test_pyspellchecker_languages_are_listed():
    assert "en" in available_languages()


def test_words_inside_literal_braces_are_still_checked(checker):
    # {{...}} is text the reader will see, so it is spell-checked like any other text.
    assert flagged(checker, "{{zzz}} {company}") == ["zzz"]


def test_shipped_templates_have_no_spelling_errors_in_their_language():
    """The bundled dictionary (a pinned dependency) accepts every word we ship: a template must not
    start the user off with a red underline."""
    from jobfollow.core.letters.template_files import load_template_dir
    from jobfollow.core.spelling import PySpellEngine
    from jobfollow.paths import resource_path

    # pyspellchecker's German list lacks many compounds (spelling_de splits them); its Spanish one holds lemmas
    # only (spelling_es reads "días", "agradezco" back to them).
    for language in ("en", "fr", "es", "de"):
        checker = SpellChecker(PySpellEngine(language))
        for template in load_template_dir(resource_path("templates")):
            if template.language == language:
                text = template.subject + "\n" + template.body
                assert [s.word for s in checker.misspelled(text)] == [], f"{language}/{template.key}"
