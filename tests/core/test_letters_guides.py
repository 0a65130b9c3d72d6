"""The shipped templates carry the steps the career guides give, in every language (no Qt, no database)."""

from __future__ import annotations

import re

import pytest

from jobfollow.core.letters import placeholders
from jobfollow.core.letters.checklist import RULES_BY_TEMPLATE, LetterFacts, run_checklist
from jobfollow.core.letters.template_files import TEMPLATE_KEYS, load_template_dir
from jobfollow.store import letters as store

SHIPPED = {(t.language, t.key): t for t in load_template_dir(store.templates_root())}
LANGUAGES = sorted({language for language, _key in SHIPPED})
QUESTION = re.compile(r"^\d+\. ", re.MULTILINE)


def _names(text: str) -> set[str]:
    return {t.name for t in placeholders.tokens(text) if t.kind is not placeholders.TokenKind.LITERAL}


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_translations_keep_the_placeholders_and_the_questions_of_the_english(language):
    for key in TEMPLATE_KEYS:
        english, translated = SHIPPED["en", key], SHIPPED[language, key]
        assert _names(translated.body) == _names(english.body), (language, key)
        assert _names(translated.subject) == _names(english.subject), (language, key)
        assert len(QUESTION.findall(translated.body)) == len(QUESTION.findall(english.body)), (language, key)


def test_status_call_asks_every_question_the_guides_list():
    body = SHIPPED["en", "status_check_call"].body.lower()
    questions = QUESTION.findall(body)
    assert len(questions) == 5
    for asked in ("still being considered", "timeline", "next round", "next step", "check back"):
        assert asked in body


def test_withdrawal_fits_a_job_that_is_not_a_fit_as_well_as_an_accepted_offer():
    """The Withdrew outcome and the withdraw follow-up after accepting elsewhere open the same letter."""
    body = SHIPPED["en", "withdraw"].body.lower()
    assert "accepted" not in body
    assert "withdraw my application" in body and "on file" in body


def test_counter_offer_says_how_you_will_contribute_before_the_numbers():
    body = SHIPPED["en", "counter_offer"].body
    assert body.index("goals") < body.index("{market_range}") < body.index("{counter_amount}")
    assert "{selling_points}" in body


def test_rejection_thanks_asks_for_feedback_and_an_introduction():
    body = SHIPPED["en", "rejection_thanks"].body.lower()
    assert "feedback" in body and "introduction" in body and "stay in touch" in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_letter_passes_its_own_thanks_check(language):
    """The checklist's cue words for thanks are translated well enough to find the thanks in our own templates."""
    for key in sorted(RULES_BY_TEMPLATE["thanks"]):
        text = SHIPPED[language, key]
        facts = LetterFacts(template_key=key, subject=text.subject, body=text.body, language=language)
        [thanks] = [i for i in run_checklist(facts) if i.key == "thanks"]
        assert thanks.passed, (language, key)
