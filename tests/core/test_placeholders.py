"""Placeholders: parsing and rendering, including the bad input a writer really types."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jobfollow.core.letters.placeholders import (
    PLACEHOLDERS,
    TokenKind,
    closest_name,
    problems,
    render,
    token_at,
    tokens,
)

VALUES = {"company": "Acme & Co", "position": "Data Analyst", "interviewer_name": "Ana Ruiz", "my_name": ""}


def test_known_placeholders_are_filled():
    assert render("Dear {interviewer_name}, the {position} role at {company}.", VALUES) == (
        "Dear Ana Ruiz, the Data Analyst role at Acme & Co.")


def test_every_issue_placeholder_is_known():
    for name in ("interviewer_name", "interviewer_title", "company", "position", "interview_date", "people_met",
                 "specific_topic", "forgotten_point", "my_name", "my_email", "my_phone", "follow_up_date",
                 "decision_date", "offer_deadline", "market_range", "counter_amount", "selling_points", "start_date"):
        assert name in PLACEHOLDERS
        assert tokens("{" + name + "}")[0].kind is TokenKind.PLACEHOLDER


def test_double_braces_are_literal_braces():
    assert render("Use {{literal braces}} here, {{company}} too", VALUES) == "Use {literal braces} here, {company} too"
    kinds = [t.kind for t in tokens("{{x}}")]
    assert kinds == [TokenKind.LITERAL, TokenKind.LITERAL]


def test_lone_open_brace_is_kept_and_reported():
    text = "Price {50 and more\nNext line {company}"
    assert render(text, VALUES) == "Price {50 and more\nNext line Acme & Co"
    found = tokens(text)
    assert found[0].kind is TokenKind.UNCLOSED and found[0].start == 6
    assert problems(text, VALUES).unclosed == 1


def test_unknown_names_stay_as_typed_and_are_reported():
    text = "Hello {compnay} and {not a name} and {}"
    assert render(text, VALUES) == text
    found = problems(text, VALUES)
    assert found.unknown == ("compnay", "not a name", "")
    assert not found.ok
    assert closest_name("compnay") == "company"


def test_known_name_without_value_stays_and_is_missing():
    assert render("Signed {my_name}", VALUES) == "Signed {my_name}"
    assert problems("Signed {my_name} {my_name}", VALUES).missing == ("my_name",)


def test_closing_brace_alone_is_plain_text():
    assert render("a } b", VALUES) == "a } b"
    assert problems("a } b", VALUES).ok


def test_non_latin_and_emoji_survive_rendering():
    text = "Спасибо {interviewer_name} 🙂 — 谢谢 {company}!"
    assert render(text, VALUES) == "Спасибо Ana Ruiz 🙂 — 谢谢 Acme & Co!"


def test_token_at_finds_the_construct_under_the_cursor():
    text = "Dear {interviewer_name},"
    assert token_at(text, 7).name == "interviewer_name"
    assert token_at(text, 2) is None


def test_large_text_renders():
    text = ("word {company} " * 70_000)[:1_000_000]
    assert render(text, VALUES).count("Acme & Co") >= 66_000


@given(st.text(alphabet=st.sampled_from(list("ab {}_\n")), max_size=60))
def test_render_without_values_only_unescapes_braces(text):
    rendered = render(text, {})
    # Without values nothing is filled: only {{ and }} collapse, so the text never grows.
    assert len(rendered) <= len(text)
    assert rendered.replace("{", "").replace("}", "") == text.replace("{", "").replace("}", "")
