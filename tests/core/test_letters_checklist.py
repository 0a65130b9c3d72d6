"""Every checklist rule, the similarity warning, and mailto escaping (plain Python, no Qt)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from jobfollow.core.letters.checklist import LetterFacts, run_checklist
from jobfollow.core.letters.mailto import mailto_url
from jobfollow.core.letters.similarity import alike_sentences, compare, ratio

VALUES = {"interviewer_name": "Ana Ruiz", "company": "Acme", "position": "Data Analyst",
          "follow_up_date": "Monday, May 11, 2026", "interview_date": "May 4, 2026", "my_name": "Sam"}

GOOD = """Dear {interviewer_name},

Thank you for talking with me on {interview_date} about the {position} role at {company}.
I enjoyed hearing about the migration of your reporting to dbt; it is work I know well.
I am very interested in joining the team.
I will call you on {follow_up_date}.

Kind regards,
{my_name}
"""


def facts(body=GOOD, **overrides) -> LetterFacts:
    base = dict(template_key="thank_you_interview", subject="Thank you: {position}", body=body, values=VALUES,
                recipient_name="Ana Ruiz", recipient_email="ana@acme.example", position="Data Analyst",
                specific_topic="the migration of reporting to dbt")
    base.update(overrides)
    return LetterFacts(**base)


def result(f: LetterFacts) -> dict[str, bool]:
    return {item.key: item.passed for item in run_checklist(f)}


def item(f: LetterFacts, key: str):
    return next(i for i in run_checklist(f) if i.key == key)


def test_a_good_thank_you_passes_everything_and_each_item_says_why():
    items = run_checklist(facts())
    assert [i.key for i in items] == ["addressed", "position", "specific", "thanks", "interest", "follow_up_date",
                                      "spelling", "placeholders", "email"]
    assert all(i.passed for i in items)
    assert all(i.why and len(i.why) < 90 for i in items)


def test_addressed_needs_a_recipient_named_in_the_greeting():
    assert not result(facts(recipient_name=""))["addressed"]
    assert not result(facts(body=GOOD.replace("{interviewer_name}", "Sir or Madam")))["addressed"]
    assert result(facts(body=GOOD.replace("{interviewer_name}", "Ms. Ruiz")))["addressed"]


def test_position_must_be_named_in_body_or_subject():
    no_position = GOOD.replace("the {position} role", "the role")
    assert result(facts(body=no_position))["position"]  # the subject still names it
    assert not result(facts(body=no_position, subject="Thank you"))["position"]


def test_specific_mention_by_topic_words_or_by_a_cue():
    plain = "Dear Ana Ruiz,\nThanks for the Data Analyst interview. I am interested. Monday works.\n"
    assert not result(facts(body=plain))["specific"]
    assert result(facts(body=plain + "You mentioned the new office.\n"))["specific"]
    assert result(facts(body=plain + "The reporting migration to dbt sounds great.\n"))["specific"]


def test_interest_must_be_restated():
    bland = GOOD.replace("I am very interested in joining the team.", "")
    assert not result(facts(body=bland))["interest"]


def test_follow_up_date_does_not_count_the_interview_date_or_the_verb_may():
    no_date = GOOD.replace("I will call you on {follow_up_date}.", "You may call me.")
    assert not result(facts(body=no_date))["follow_up_date"]
    assert result(facts(body=no_date + "I will call on Thursday.\n"))["follow_up_date"]
    assert result(facts(body=no_date + "I will call on 12 May.\n"))["follow_up_date"]
    assert result(facts(body=no_date + "I will call on 2026-05-12.\n"))["follow_up_date"]


def test_spelling_item_lists_the_words():
    bad = item(facts(misspelled=("realy", "tuor")), "spelling")
    assert not bad.passed and "realy" in bad.detail
    too_long = item(facts(spelling_checked=False), "spelling")
    assert not too_long.passed and too_long.warning


def test_placeholders_item_names_missing_unknown_and_unclosed():
    body = GOOD + "{decision_date} {compnay} {"
    found = item(facts(body=body), "placeholders")
    assert not found.passed
    assert "{decision_date}" in found.detail and "{compnay}" in found.detail and "never closed" in found.detail
    assert result(facts(body=GOOD + "{{literal}}"))["placeholders"]


def test_contact_without_email_is_reported():
    found = item(facts(recipient_email=""), "email")
    assert not found.passed and found.warning
    assert "email" not in result(facts(channel="phone", recipient_email=""))


def test_a_letter_that_never_says_thank_you_is_flagged():
    assert not item(facts(GOOD.replace("Thank you for talking", "I talked")), "thanks").passed
    declined = facts(GOOD.replace("Thank you for talking", "I appreciated talking"), template_key="decline_offer")
    assert item(declined, "thanks").passed
    assert "thanks" not in result(facts(template_key="resignation"))  # a resignation need not thank anyone


def test_a_counter_offer_without_figures_is_flagged():
    case = "I believe {counter_amount} is fair: the typical range is {market_range}."
    with_figures = dict(VALUES, counter_amount="$82,000", market_range="$70,000 to $85,000")
    assert item(facts(case, template_key="counter_offer", values=with_figures), "case").passed
    assert item(facts("I believe 82.000 € is fair.", template_key="counter_offer"), "case").passed
    vague = item(facts("I need more money, as I have 2 children.", template_key="counter_offer"), "case")
    assert not vague.passed and "worksheet" in vague.detail
    assert "case" not in result(facts())  # only counter-offers argue a salary


def test_rules_depend_on_the_template():
    keys = set(result(facts(template_key="resignation")))
    assert keys == {"addressed", "spelling", "placeholders", "email"}
    call = set(result(facts(template_key="status_check_call", channel="phone")))
    assert "spelling" not in call and "follow_up_date" in call


def test_similarity_warning_points_to_sentences_that_differ_too_little():
    mine = facts().rendered
    other = mine.replace("Ana Ruiz", "Bo Chen")
    warning = item(facts(others=[("Bo Chen", other)]), "similarity")
    assert not warning.passed and warning.warning
    assert "Bo Chen" in warning.detail
    assert "I am very interested in joining the team." in warning.detail


def test_similarity_percentage_is_written_the_way_the_language_writes_it():
    from jobfollow import i18n

    mine = facts().rendered
    other = mine.replace("Ana Ruiz", "Bo Chen")
    english = item(facts(others=[("Bo Chen", other)]), "similarity").detail
    assert re.search(r"\b\d{2,3}% ", english)  # "96% alike", not "96 % alike"
    i18n.set_language("fr")
    french = item(facts(others=[("Bo Chen", other)]), "similarity").detail
    assert re.search(r"\d{2,3}[\u00a0\u202f]%", french)  # French puts a no-break space before %


def test_different_enough_letters_pass_the_similarity_check():
    other = ("Dear Bo Chen,\nIt was a pleasure to hear how your analysts work with the sales team each week.\n"
             "Your question about forecasting made me think about a project I led last year.\nBest, Sam\n")
    assert item(facts(others=[("Bo Chen", other)]), "similarity").passed


def test_similarity_figures():
    a = "We talked about the data platform and the hiring plan for next year in great detail."
    assert ratio(a, a) == 1.0
    assert ratio(a, "Something else entirely, about cooking pasta with friends at home tonight.") < 0.3
    assert compare(a, [("x", a + " Thanks.")])[0].too_alike
    pairs = alike_sentences("Short. " + a, "Hi. " + a.replace("great", "much"))
    assert len(pairs) == 1 and pairs[0].ratio >= 0.85  # 'Short.' is too short to compare


def test_mailto_escapes_every_reserved_character():
    url = mailto_url("ana.ruiz@acme.example", "Q&A? #1 für Sie",
                     "Line one & more?\nLine #2 = 100% sure\nÜmlaut ✓")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "ana.ruiz@acme.example"
    assert " " not in url and "\n" not in url and url.isascii()
    query = parse_qs(parts.query)
    assert query["subject"] == ["Q&A? #1 für Sie"]
    assert query["body"] == ["Line one & more?\r\nLine #2 = 100% sure\r\nÜmlaut ✓"]
    assert "%0D%0A" in url and "%23" in url and "%26" in url and "%3F" in url


def test_mailto_without_recipient_still_works():
    url = mailto_url("", "Hello", "Body")
    assert url.startswith("mailto:?subject=Hello&body=Body")
    assert unquote(url) == "mailto:?subject=Hello&body=Body"


def test_every_shipped_template_passes_its_own_checklist_once_filled():
    from jobfollow.core.letters.placeholders import PLACEHOLDERS
    from jobfollow.core.letters.template_files import PHONE_SCRIPTS, load_template_dir
    from jobfollow.paths import resource_path

    values = {name: name.replace("_", " ").title() for name in PLACEHOLDERS}
    values.update(interviewer_name="Ana Ruiz", recipient_name="Ana Ruiz", position="Data Analyst",
                  follow_up_date="Monday, May 11, 2026", specific_topic="the dbt migration",
                  market_range="$70,000 to $85,000", counter_amount="$82,000")
    for template in load_template_dir(resource_path("templates")):
        channel = "phone" if template.key in PHONE_SCRIPTS else "email"
        f = LetterFacts(template.key, template.subject, template.body, values, "Ana Ruiz", "ana@acme.example",
                        channel, "Data Analyst", "the dbt migration", language=template.language)
        assert [i.key for i in run_checklist(f) if not i.passed] == [], f"{template.language}/{template.key}"


def test_a_german_letter_is_read_in_german_while_the_window_speaks_english():
    body = "Guten Tag Ana Ruiz,\nich bin sehr an der Stelle interessiert.\nBeste Grüße"
    german = LetterFacts("status_check_email", "Data Analyst", body, {}, "Ana Ruiz", "ana@acme.example",
                         "email", "Data Analyst", language="de")
    neutral = body.replace("bin sehr an der Stelle interessiert", "schreibe wegen der Stelle")
    as_english = LetterFacts("status_check_email", "Data Analyst", neutral, {},
                             "Ana Ruiz", "ana@acme.example", "email", "Data Analyst", language="de")
    interest = {i.key: i.passed for i in run_checklist(german)}["interest"]
    missing = {i.key: i.passed for i in run_checklist(as_english)}["interest"]
    assert (interest, missing) == (True, False)
