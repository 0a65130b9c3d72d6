"""Offers in the store: Decimal money, refused input, JSON per the contract, outcomes, network roles, lessons."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from jobfollow.core.negotiation import Worksheet
from jobfollow.core.stages import ContactRole, Outcome, StageKind
from jobfollow.store import offers as store
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.lessons import lessons, reflection_values, save_reflection
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    Interview,
    InterviewAttendee,
    JobApplication,
    Offer,
)
from jobfollow.store.offer_outcomes import (
    accept_offer,
    decline_offer,
    keep_interviewers_as_network,
    letter_contact_id,
    other_active_cards,
)
from tests.conftest import TODAY

D = Decimal


def offer_card(company="Northwind", with_interview=True):
    app = create_application(company, "Analyst", stage_id=first_stage_of_kind(StageKind.OFFER).id)
    if with_interview:
        interview = Interview.create(application=app, starts_at=dt.datetime(2026, 4, 28, 10),
                                     questions="Why us? - too long", answer_differently="Shorter why-us answer")
        for name in ("Ann Lee", "Bo Kim"):
            person = Contact.create(name=name)
            ApplicationContact.create(application=app, contact=person, role=ContactRole.INTERVIEWER.value)
            InterviewAttendee.create(interview=interview, contact=person)
    return app


VALUES = {"currency": "eur", "base_salary": "72000.50", "pay_period": "year", "bonus_target": D("3000"),
          "signing_bonus": None, "deadline": TODAY + dt.timedelta(days=2), "is_written": True}


def test_save_offer_keeps_decimal_money_and_logs_the_timeline(profile):
    app = offer_card()
    offer = store.save_offer(app.id, VALUES, ratings={"growth": 4, "commute": 9, "bogus": 3})
    fresh = Offer.get_by_id(offer.id)
    assert fresh.base_salary == D("72000.50") and isinstance(fresh.base_salary, Decimal)
    assert fresh.currency == "EUR"
    assert json.loads(fresh.ratings) == {"growth": 4}
    assert Activity.select().where(Activity.application == app.id, Activity.kind == "offer").count() == 1
    store.save_offer(app.id, {**VALUES, "base_salary": "75000"}, offer_id=offer.id)
    assert store.offer_for_application(app.id).base_salary == D("75000")
    assert Offer.select().count() == 1


@pytest.mark.parametrize(("field", "value"), [("base_salary", D("1e12")), ("bonus_target", D("-500")),
                                              ("currency", "dollars"), ("hours_per_week", 0)])
def test_impossible_values_are_refused_and_nothing_is_saved(profile, field, value):
    app = offer_card()
    with pytest.raises(store.OfferInputError) as caught:
        store.save_offer(app.id, {**VALUES, field: value})
    assert field in caught.value.problems
    assert Offer.select().count() == 0


def test_worksheet_json_uses_the_contract_keys(profile):
    app = offer_card()
    offer = store.save_offer(app.id, VALUES)
    sheet = Worksheet(market_low=D("65000"), market_high=D("80000"), counter_amount=D("78000"),
                      selling_points=["MSc", "PMP"])
    store.save_worksheet(offer.id, sheet)
    raw = json.loads(Offer.get_by_id(offer.id).worksheet)
    assert raw["counter_amount"] == "78000" and raw["selling_points"] == ["MSc", "PMP"]
    placeholders = store.letter_placeholders(app.id)
    assert placeholders["market_range"] == "€65,000.00 to €80,000.00"
    assert placeholders["counter_amount"] == "€78,000.00"
    assert placeholders["selling_points"] == "- MSc\n- PMP"
    assert placeholders["offer_deadline"] == "May 6, 2026"
    with pytest.raises(store.OfferInputError):
        store.save_worksheet(offer.id, Worksheet(market_low=D("90000"), market_high=D("80000")))
    assert store.worksheet_of(Offer.get_by_id(offer.id)).counter_amount == D("78000")


def test_weights_tax_share_and_current_job_are_settings(profile):
    store.set_comparison_weights({"equity": "0.25"})
    assert store.comparison_weights()["equity"] == D("0.25")
    store.set_tax_share("0.35")
    assert store.tax_share() == D("0.35")
    with pytest.raises(store.OfferInputError):
        store.set_current_job({"label": "Now", "currency": "USD", "base_salary": "-3"})
    store.set_current_job({"label": "Now", "currency": "usd", "base_salary": D("50000")})
    assert store.current_job()["currency"] == "USD"


def test_comparison_lists_open_offers_and_the_current_job(profile):
    usd = offer_card("Alpha")
    eur = offer_card("Beta")
    store.save_offer(usd.id, {**VALUES, "currency": "USD", "base_salary": "90000"})
    store.save_offer(eur.id, VALUES)
    store.set_current_job({"label": "Today's job", "currency": "USD", "base_salary": "80000"})
    rows, ids = store.comparison(TODAY)
    by_label = {row.label: row for row in rows}
    assert set(by_label) == {"Alpha · Analyst", "Beta · Analyst", "Today's job"}
    assert by_label["Alpha · Analyst"].rank_in_currency == 1
    assert by_label["Beta · Analyst"].rank_in_currency == 1  # alone in its currency
    assert len(ids) == 2
    rows, _ids = store.comparison(TODAY, include_current_job=False)
    assert len(rows) == 2


def test_accept_moves_the_card_records_the_start_date_and_says_what_to_emit(profile):
    app = offer_card()
    hiring = Contact.create(name="Hira Manager")
    ApplicationContact.create(application=app, contact=hiring, role=ContactRole.HIRING_MANAGER.value)
    other = create_application("Elsewhere", "Designer")
    offer = store.save_offer(app.id, VALUES)
    start = dt.date(2026, 6, 1)
    result = accept_offer(offer.id, start)
    app = JobApplication.get_by_id(app.id)
    assert app.stage.kind == StageKind.ACCEPTED.value
    assert Offer.get_by_id(offer.id).status == "accepted"
    assert Offer.get_by_id(offer.id).start_date == start
    assert (result.from_stage_id, result.to_stage_id) == (first_stage_of_kind(StageKind.OFFER).id, app.stage_id)
    assert (result.template_key, result.contact_id) == ("accept_offer", hiring.id)
    kinds = [a.kind for a in Activity.select().where(Activity.application == app.id)]
    assert "moved" in kinds and kinds.count("offer") == 2
    moved = Activity.get(Activity.application == app.id, Activity.kind == "moved")
    data = json.loads(moved.data)
    assert (data["from_stage"], data["to_stage"]) == (result.from_stage_id, result.to_stage_id)
    assert [a.id for a in other_active_cards(app.id)] == [other.id]


def test_decline_closes_the_card_and_keeps_interviewers_as_network(profile):
    app = offer_card()
    offer = store.save_offer(app.id, VALUES)
    result = decline_offer(offer.id)
    app = JobApplication.get_by_id(app.id)
    assert app.stage.kind == StageKind.CLOSED.value and app.outcome == Outcome.DECLINED_OFFER.value
    assert Offer.get_by_id(offer.id).status == "declined"
    assert result.template_key == "decline_offer"
    network = ApplicationContact.select().where(ApplicationContact.application == app.id,
                                                ApplicationContact.role == ContactRole.NETWORK.value)
    assert sorted(link.contact.name for link in network) == ["Ann Lee", "Bo Kim"]
    assert keep_interviewers_as_network(app.id) == 0  # idempotent
    assert letter_contact_id(app.id) in {link.contact_id for link in network}
    assert store.comparison(TODAY)[0] == []


def test_reflections_and_lessons_across_closed_cards(profile):
    app = offer_card()
    decline_offer(store.save_offer(app.id, VALUES).id)
    still_open = offer_card("Open Co")
    save_reflection(app.id, {"feedback": "Wanted more SQL", "prepare_differently": " Practise SQL "})
    save_reflection(app.id, {"feedback": "Wanted more SQL", "prepare_differently": "Practise SQL daily"})
    assert reflection_values(app.id)["prepare_differently"] == "Practise SQL daily"
    found = lessons()
    assert [lesson.app_id for lesson in found] == [app.id]
    assert still_open.id not in [lesson.app_id for lesson in found]
    assert found[0].has_reflection
    assert found[0].interviews[0].answer_differently == "Shorter why-us answer"


def test_an_offer_without_interview_is_allowed(profile):
    app = offer_card(with_interview=False)
    assert not store.has_interview(app.id)
    assert store.save_offer(app.id, VALUES).id
