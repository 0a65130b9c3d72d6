"""Templates seeded and kept, placeholder context, drafts, and Mark as sent (no Qt)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jobfollow.core.letters.template_files import TEMPLATE_KEYS, load_template_dir, template_for_followup
from jobfollow.core.profile import UserDetails
from jobfollow.store import letters as store
from jobfollow.store.applications import create_application
from jobfollow.store.letter_context import build_context, recipients
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    Letter,
    Offer,
    Template,
)
from jobfollow.store.settings import set_user_details
from tests.conftest import TODAY


@pytest.fixture
def card(profile):
    """A card with two interviewers at one interview, a recruiter without e-mail, and an offer worksheet."""
    set_user_details(UserDetails(name="Sam Rivera", email="sam@example.org", phone="555 0100"))
    app = create_application("Acme", "Data Analyst")
    ana = Contact.create(name="Ana Ruiz", title="Team Lead", email="ana@acme.example")
    bo = Contact.create(name="Bo Chen", title="Analyst", email="bo@acme.example")
    rita = Contact.create(name="Rita Okafor", title="Recruiter", email="")
    for person, role in ((ana, "interviewer"), (bo, "interviewer"), (rita, "recruiter")):
        ApplicationContact.create(application=app, contact=person, role=role)
    interview = Interview.create(application=app, starts_at=dt.datetime(2026, 5, 4, 14, 0),
                                 specific_topic="the dbt migration", missed_points="I led a BI rollout.",
                                 decision_date=dt.date(2026, 5, 15), follow_up_on=dt.date(2026, 5, 11))
    for person in (ana, bo):
        InterviewAttendee.create(interview=interview, contact=person)
    Offer.create(application=app, currency="USD", deadline=dt.date(2026, 5, 20), start_date=dt.date(2026, 6, 1),
                 worksheet=json.dumps({"market_low": 70000, "market_high": 85000, "counter_amount": 82000,
                                       "selling_points": ["SQL certification", "five years in retail data"]}))
    return {"app": app.id, "ana": ana.id, "bo": bo.id, "rita": rita.id, "interview": interview.id}


def test_every_template_key_ships_in_english_and_parses():
    shipped = {t.key: t for t in load_template_dir(store.templates_root()) if t.language == "en"}
    assert set(shipped) == set(TEMPLATE_KEYS)
    for text in shipped.values():
        assert text.name and text.body.strip()


def test_profile_open_seeds_templates_once(profile):
    assert {t.key for t in store.list_templates("en")} == set(TEMPLATE_KEYS)
    assert store.seed_templates() == 0  # nothing to do the second time


def test_seeding_never_overwrites_a_template_the_user_edited(profile):
    row = store.get_template("withdraw")
    store.save_template(row.id, row.name, "My subject", "My own words")
    Template.update(body="old shipped text").where(Template.key == "accept_offer").execute()
    store.seed_templates()
    assert store.get_template("withdraw").body == "My own words"
    assert store.get_template("withdraw").modified
    assert store.get_template("accept_offer").body != "old shipped text"  # an untouched one is refreshed
    restored = store.restore_builtin(row.id)
    assert not restored.modified and restored.body != "My own words"


def test_user_templates_new_duplicate_delete(profile):
    mine = store.create_template("Coffee chat", "Coffee?", "Hi {recipient_name}")
    copy = store.duplicate_template(mine.id)
    assert copy.key != mine.key and copy.body == mine.body and "(copy)" in copy.name
    store.delete_template(copy.id)
    assert store.template_by_id(copy.id) is None
    with pytest.raises(ValueError):
        store.delete_template(store.get_template("withdraw").id)
    with pytest.raises(ValueError):
        store.create_template("  ")


def test_context_fills_from_card_contact_interview_offer_and_user(card):
    context = build_context(card["app"], card["ana"])
    v = context.values
    assert (v["interviewer_name"], v["interviewer_title"], v["company"], v["position"]) == (
        "Ana Ruiz", "Team Lead", "Acme", "Data Analyst")
    assert v["interview_date"] == "May 4, 2026"
    assert v["people_met"] == "Bo Chen"
    assert v["specific_topic"] == "the dbt migration" and v["forgotten_point"] == "I led a BI rollout."
    assert v["follow_up_date"] == "Monday, May 11, 2026" and v["decision_date"] == "May 15, 2026"
    assert (v["my_name"], v["my_email"], v["my_phone"]) == ("Sam Rivera", "sam@example.org", "555 0100")
    assert v["offer_deadline"] == "May 20, 2026" and v["start_date"] == "June 1, 2026"
    assert v["market_range"] == "$70,000.00 \u2013 $85,000.00" and v["counter_amount"] == "$82,000.00"
    assert v["selling_points"] == "SQL certification and five years in retail data"
    assert {"Ana Ruiz", "Bo Chen", "Acme", "Sam Rivera"} <= set(context.names)


def test_recipients_interviewers_first_and_email_known(card):
    rows = recipients(card["app"])
    assert [r.name for r in rows] == ["Ana Ruiz", "Bo Chen", "Rita Okafor"]
    assert rows[2].email == ""


def test_drafts_are_reused_and_saved(card):
    draft = store.open_letter(card["app"], "thank_you_interview", card["ana"])
    assert draft.state == "draft" and "{interviewer_name}" in draft.body and draft.interview_id == card["interview"]
    store.save_draft(draft.id, "Subject", "Typed text", card["ana"])
    again = store.open_letter(card["app"], "thank_you_interview", card["ana"])
    assert again.id == draft.id and again.body == "Typed text"
    other = store.open_letter(card["app"], "thank_you_interview", card["bo"])
    assert other.id != draft.id
    store.remember_open_letter(draft.id)
    assert store.last_open_letter().id == draft.id


def test_followup_kind_picks_the_template():
    assert template_for_followup("thank_you") == "thank_you_interview"
    assert template_for_followup("thank_you", informational=True) == "thank_you_informational"
    assert template_for_followup("status_check", "phone") == "status_check_call"
    assert template_for_followup("status_check", "email") == "status_check_email"
    assert template_for_followup("give_notice") == "resignation"
    assert template_for_followup("reference_alert") == "reference_heads_up"


def test_open_letter_for_followup_uses_its_template_and_recipient(card):
    call = FollowUp.create(application=card["app"], contact=card["rita"], kind="status_check", channel="phone",
                           due_on=TODAY)
    row = store.open_letter_for_followup(call.id)
    assert row.template_key == "status_check_call" and row.contact_id == card["rita"] and row.channel == "phone"
    Interview.update(informational=True).where(Interview.id == card["interview"]).execute()
    thanks = FollowUp.create(application=card["app"], contact=card["ana"], interview=card["interview"],
                             kind="thank_you", due_on=TODAY)
    assert store.open_letter_for_followup(thanks.id).template_key == "thank_you_informational"


def test_mark_sent_keeps_the_letter_logs_and_completes_the_followup(card):
    followup = FollowUp.create(application=card["app"], contact=card["ana"], kind="thank_you", due_on=TODAY)
    other = FollowUp.create(application=card["app"], contact=card["bo"], kind="thank_you", due_on=TODAY)
    draft = store.open_letter(card["app"], "thank_you_interview", card["ana"])
    when = dt.datetime(2026, 5, 4, 18, 30)
    assert store.mark_sent(draft.id, "email", when=when) == followup.id
    sent = Letter.get_by_id(draft.id)
    assert sent.state == "sent" and sent.sent_at == when and sent.channel == "email"
    assert "Dear Ana Ruiz," in sent.body and "{" not in sent.subject
    done = FollowUp.get_by_id(followup.id)
    assert (done.state, done.result, done.done_at) == ("done", "sent", when)
    assert FollowUp.get_by_id(other.id).state == "open"  # Bo's thank-you is still to write
    activity = Activity.select().where(Activity.kind == "letter").get()
    assert "Ana Ruiz" in activity.summary and json.loads(activity.data)["channel"] == "email"


def test_mark_sent_by_phone_records_a_call(card):
    followup = FollowUp.create(application=card["app"], contact=card["rita"], kind="status_check",
                               channel="phone", due_on=TODAY)
    row = store.open_letter_for_followup(followup.id)
    store.mark_sent(row.id)
    assert FollowUp.get_by_id(followup.id).result == "called"


def test_sibling_thank_yous_are_rendered_for_the_similarity_check(card):
    ana = store.open_letter(card["app"], "thank_you_interview", card["ana"])
    store.open_letter(card["app"], "thank_you_interview", card["bo"])
    siblings = store.sibling_thank_yous(ana.id)
    assert [label for label, _text in siblings] == ["Bo Chen"]
    assert "Dear Bo Chen," in siblings[0][1]


def test_personal_words_and_spelling_language_are_kept(profile):
    store.add_personal_word("Kubernetes")
    store.add_personal_word("kubernetes")
    assert store.personal_words() == ["Kubernetes"]
    store.set_spelling_language("de")
    assert store.spelling_language() == "de"


def test_self_check_finds_templates_and_word_lists(profile, tmp_path, monkeypatch):
    store.check_resources()
    monkeypatch.setattr(store, "templates_root", lambda: tmp_path)
    with pytest.raises(RuntimeError, match="thank_you_interview"):
        store.check_resources()


def test_templates_are_listed_in_the_order_of_a_job_search(profile):
    store.create_template("A coffee note")
    keys = [t.key for t in store.list_templates("en")]
    assert keys[:2] == ["thank_you_interview", "thank_you_informational"]
    assert keys[-1].startswith("user_")
