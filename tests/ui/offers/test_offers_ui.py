"""Offer views offscreen: the comparison model and window, the offer dialog and worksheet, outcomes, lessons."""

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from jobfollow import i18n
from jobfollow.core.stages import ContactRole, Outcome, StageKind
from jobfollow.services.offers import OfferService
from jobfollow.store import offers as store
from jobfollow.store.applications import create_application, first_stage_of_kind
from jobfollow.store.models import ApplicationContact, Contact, Interview, InterviewAttendee, JobApplication, Offer
from jobfollow.ui.offers.comparison_model import COLUMN_KEYS, CURRENCY_ROLE, ComparisonModel
from jobfollow.ui.offers.comparison_window import ComparisonWindow
from jobfollow.ui.offers.offer_dialog import OfferDialog
from jobfollow.ui.offers.outcome_dialogs import AcceptDialog, DeclineDialog, suggested_start
from jobfollow.ui.offers.widgets import parse_money
from tests.conftest import TODAY

D = Decimal


def offer_card(company, currency="USD", salary="80000", deadline=None, interviewers=("Ann Lee",)):
    app = create_application(company, "Analyst", stage_id=first_stage_of_kind(StageKind.OFFER).id)
    if interviewers:
        interview = Interview.create(application=app, starts_at=dt.datetime(2026, 4, 27, 10),
                                     questions="Biggest failure? - rambled", answer_differently="Use STAR")
        for name in interviewers:
            person = Contact.create(name=name)
            ApplicationContact.create(application=app, contact=person, role=ContactRole.INTERVIEWER.value)
            InterviewAttendee.create(interview=interview, contact=person)
    offer = store.save_offer(app.id, {"currency": currency, "base_salary": D(salary), "deadline": deadline,
                                      "is_written": True})
    return app, offer


def comparison_window(qtbot, events):
    window = ComparisonWindow(OfferService(events, None), lambda app_id: None, lambda offer_id, outcome: None,
                              lambda: None, today=TODAY)
    qtbot.addWidget(window)
    return window


def test_comparison_model_is_a_valid_qt_model(qtmodeltester, demo_profile):
    offer_card("Gamma", "GBP", "60000", deadline=TODAY - dt.timedelta(days=1))
    rows, _ids = store.comparison(TODAY)
    model = ComparisonModel()
    model.set_rows(rows, TODAY)
    assert model.rowCount() == 3  # the demo's two offers and ours
    qtmodeltester.check(model)


def test_mixed_currencies_are_announced_and_sorting_keeps_them_apart(qtbot, profile, events):
    offer_card("Alpha", "USD", "90000")
    offer_card("Beta", "EUR", "95000")
    offer_card("Gamma", "USD", "70000")
    window = comparison_window(qtbot, events)
    window.show()
    assert window.currency_banner.isVisible()
    assert "2 currencies (EUR, USD)" in window.currency_banner.text()
    column = COLUMN_KEYS.index("yearly_value")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        window.table.sortByColumn(column, order)
        currencies = [window.proxy.index(r, 0).data(CURRENCY_ROLE) for r in range(window.proxy.rowCount())]
        assert currencies == ["EUR", "USD", "USD"]  # never interleaved by amount
    usd = [window.proxy.index(r, 0).data() for r in range(1, 3)]
    assert usd == ["Alpha · Analyst", "Gamma · Analyst"]
    ranks = {window.proxy.index(r, 0).data(): window.proxy.index(r, COLUMN_KEYS.index("rank")).data()
             for r in range(3)}
    assert ranks == {"Beta · Analyst": "1", "Alpha · Analyst": "1", "Gamma · Analyst": "2"}
    assert "never added up or ranked across currencies" in window.to_html()


def test_one_currency_has_no_banner_and_a_past_deadline_is_red(qtbot, profile, events):
    offer_card("Alpha", "USD", "90000", deadline=TODAY - dt.timedelta(days=2))
    window = comparison_window(qtbot, events)
    window.show()
    assert not window.currency_banner.isVisible()
    index = window.proxy.index(0, COLUMN_KEYS.index("deadline"))
    assert index.data() == "passed 2 days ago"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"


def test_a_long_offer_name_uses_the_free_width_instead_of_being_cut(qtbot, profile, events):
    app, _offer = offer_card("Coho Winery and Vineyards International")
    app.position = "Head of Sustainable Architecture Programmes"
    app.save()
    window = comparison_window(qtbot, events)
    window.resize(1480, 480)
    window.show()
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()
    assert header.sectionSize(0) >= window.table.sizeHintForColumn(0)  # the whole name shows
    assert header.length() >= window.table.viewport().width() - 1  # no empty strip right of the figures


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_column_fits_in_german_and_spanish(qtbot, profile, events, language):
    i18n.set_language(language)
    offer_card("Coho Winery", currency="EUR")
    offer_card("Tailspin Toys")
    window = comparison_window(qtbot, events)
    window.resize(1480, 480)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 1480  # the controls above the table no longer force the window wider
    assert window.table.horizontalHeader().length() <= window.table.viewport().width()  # no column out of view


def test_weights_change_the_yearly_value_and_are_remembered(qtbot, profile, events):
    app, offer = offer_card("Alpha")
    store.save_offer(app.id, {"benefits_value": D("6000"), "currency": "USD", "base_salary": D("80000")},
                     offer_id=offer.id)
    window = comparison_window(qtbot, events)
    value_column = COLUMN_KEYS.index("yearly_value")
    assert window.proxy.index(0, value_column).data() == "$86,000.00"
    window.weight_spins["benefits"].setValue(0.5)
    assert window.proxy.index(0, value_column).data() == "$83,000.00"
    assert store.comparison_weights()["benefits"] == D("0.5")


def test_comparison_saves_a_pdf(qtbot, profile, events, tmp_path):
    offer_card("Alpha")
    window = comparison_window(qtbot, events)
    path = window.save_pdf(str(tmp_path / "offers"))
    assert path.endswith(".pdf")
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def offer_dialog(qtbot, app_id, events):
    dialog = OfferDialog(app_id, OfferService(events, None), today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_bad_money_is_refused_inline_and_what_was_typed_stays(qtbot, profile, events):
    app = create_application("NoInterview Co", "Analyst")
    dialog = offer_dialog(qtbot, app.id, events)
    dialog.show()
    assert dialog.no_interview.isVisible()  # gentle warning, saving still allowed
    dialog.money["base_salary"].edit.setText("1,000,000,000,000")
    dialog.money["bonus_target"].edit.setText("-500")
    assert not dialog.save()
    assert dialog.money["base_salary"].error.isVisible()
    assert "too large" in dialog.money["base_salary"].error.text()
    assert dialog.money["base_salary"].edit.text() == "1,000,000,000,000"
    assert Offer.select().count() == 0
    dialog.money["base_salary"].edit.setText("6,250")
    dialog.pay_period.setCurrentIndex(dialog.pay_period.findData("month"))
    assert not dialog.save()
    assert "cannot be negative" in dialog.money["bonus_target"].error.text()
    dialog.money["bonus_target"].edit.setText("4k")
    with qtbot.waitSignal(events.applications_changed):
        assert dialog.save()
    offer = store.offer_for_application(app.id)
    assert (offer.base_salary, offer.pay_period, offer.bonus_target) == (D("6250"), "month", D("4000"))
    assert "First-year cash: $79,000.00" in dialog.summary.text()


def test_deadline_banners_say_past_missing_or_how_long(qtbot, profile, events):
    app, _offer = offer_card("Alpha", deadline=TODAY - dt.timedelta(days=1))
    dialog = offer_dialog(qtbot, app.id, events)
    assert "has passed" in dialog.deadline_banner.text()
    dialog.deadline.check.setChecked(False)
    assert "No deadline yet" in dialog.deadline_banner.text()
    assert "May 6, 2026" in dialog.deadline_banner.text()  # two business days after the offer date
    dialog.deadline.set_value(TODAY + dt.timedelta(days=3))
    assert "in 3 days" in dialog.deadline_banner.text()


def test_worksheet_computes_suggests_saves_and_asks_for_the_letter(qtbot, profile, events):
    app, offer = offer_card("Alpha", salary="70000")
    recruiter = Contact.create(name="Rita Recruiter")
    ApplicationContact.create(application=app, contact=recruiter, role=ContactRole.RECRUITER.value)
    dialog = offer_dialog(qtbot, app.id, events)
    sheet = dialog.worksheet
    sheet.budget.edit.setText("3,500")
    assert "$60,000.00" in sheet.needed.text()
    sheet.market_low.edit.setText("65000")
    sheet.market_typical.edit.setText("75000")
    sheet.market_high.edit.setText("85000")
    sheet.suggest()
    assert sheet.counter.edit.text() == "80,000"
    sheet.selling_points.setPlainText("MSc in statistics\n\nPMP certification")
    sheet.add_usual_asks()
    sheet.add_likely_answers()
    sheet.practice.item(0, 1).setText("I looked at the market data and ...")
    with qtbot.waitSignal(events.compose_letter_requested) as blocker:
        sheet.letter_button.click()
    assert blocker.args == [app.id, "counter_offer", recruiter.id]
    saved = store.worksheet_of(Offer.get_by_id(offer.id))
    assert saved.counter_amount == D("80000") and saved.needed_salary == D("60000")
    assert saved.selling_points == ["MSc in statistics", "PMP certification"]
    assert "A signing bonus" in saved.fallback_asks
    assert saved.practice[0]["i_say"] == "I looked at the market data and ..."
    assert store.letter_placeholders(app.id)["market_range"] == "$65,000.00 to $85,000.00"


def test_a_range_upside_down_is_refused_with_the_worksheet_kept(qtbot, profile, events):
    app, _offer = offer_card("Alpha")
    dialog = offer_dialog(qtbot, app.id, events)
    dialog.worksheet.market_low.edit.setText("90000")
    dialog.worksheet.market_high.edit.setText("80000")
    assert dialog.worksheet.market_error.text() == "The range should run low ≤ typical ≤ high."
    assert not dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.worksheet.market_low.edit.text() == "90000"


def test_accept_moves_the_card_and_asks_for_the_acceptance_letter(qtbot, profile, events):
    from jobfollow.core.profile import UserDetails
    from jobfollow.store.settings import set_user_details

    set_user_details(UserDetails(name="Jane", employed=True))
    app, offer = offer_card("Alpha")
    create_application("Other Co", "Designer")
    dialog = AcceptDialog(offer.id, OfferService(events, None), today=TODAY)
    qtbot.addWidget(dialog)
    assert "Other Co" in dialog.checklist.text() and "two weeks' notice" in dialog.checklist.text()
    assert dialog.start_value() == suggested_start(TODAY, True) == dt.date(2026, 5, 25)
    dialog.start_date.setDate(dialog.start_date.date().addDays(-14))
    assert dialog.start_warning.isVisibleTo(dialog)
    moved, letters = [], []
    events.card_moved.connect(lambda *args: moved.append(args))
    events.compose_letter_requested.connect(lambda *args: letters.append(args))
    dialog.accept()
    accepted_stage = first_stage_of_kind(StageKind.ACCEPTED).id
    assert moved == [(app.id, first_stage_of_kind(StageKind.OFFER).id, accepted_stage, False)]
    assert letters == [(app.id, "accept_offer", letters[0][2])] and letters[0][2] != 0
    assert Offer.get_by_id(offer.id).start_date == dt.date(2026, 5, 11)


def test_decline_closes_the_card_and_asks_for_the_decline_letter(qtbot, profile, events):
    app, offer = offer_card("Alpha")
    dialog = DeclineDialog(offer.id, OfferService(events, None))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(events.compose_letter_requested) as blocker:
        dialog.accept()
    assert blocker.args[:2] == [app.id, "decline_offer"]
    card = JobApplication.get_by_id(app.id)
    assert (card.stage.kind, card.outcome) == (StageKind.CLOSED.value, Outcome.DECLINED_OFFER.value)


def test_money_is_typed_in_the_users_locale():
    i18n.set_language("de_DE")
    assert parse_money("72.000,50") == D("72000.50")
    i18n.set_language("en_US")
    assert parse_money("72,000.50") == D("72000.50")
    assert parse_money("$ 72k") == D("72000")
    assert parse_money("") is None
    with pytest.raises(ValueError):
        parse_money("lots")


def test_amounts_are_shown_for_editing_in_the_users_locale(qtbot):
    from jobfollow.ui.offers.widgets import MoneyField

    field = MoneyField()
    qtbot.addWidget(field)
    field.set_value(D("72000.50"))
    assert field.edit.text() == "72,000.50"
    i18n.set_language("de_DE")
    field.set_value(D("72000.00"))
    assert field.edit.text() == "72.000"
    assert field.value() == D("72000")


@pytest.mark.parametrize("language", ["en_US", "de_DE", "fr_FR"])
def test_lessons_window_opens_with_every_column_whole(qtbot, demo_profile, events, language):
    from jobfollow.ui.offers.lessons_window import LessonsWindow

    i18n.set_language(language)
    window = LessonsWindow(events, lambda *_args: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 4
    assert window.table.horizontalScrollBar().maximum() == 0  # the Reflection column is not cut off
    assert window.details.width() >= 300  # the summary beside it stays readable


def test_an_amount_row_is_as_tall_as_its_field_not_the_spare_room(qtbot, profile, events):
    app, _offer = offer_card("Alpha")
    dialog = OfferDialog(app.id, OfferService(events, None), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(780, 720)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)  # Benefits and terms: a short form in a tall page
    qtbot.waitExposed(dialog)
    field = dialog.money["benefits_value"]
    assert field.height() <= field.edit.sizeHint().height() + 4  # was stretched to ~370 px, the field floating mid-page
    field.show_problem("Type an amount such as 4,000")
    qtbot.waitUntil(lambda: field.error.isVisible())
    qtbot.waitUntil(lambda: field.height() >= field.edit.height() + field.error.sizeHint().height())  # room for it


def test_rating_rows_have_a_localised_colon_and_compact_boxes(qtbot, profile, events):
    from PySide6.QtWidgets import QFormLayout, QLabel

    i18n.set_language("fr_FR")
    app, _offer = offer_card("Alpha")
    dialog = OfferDialog(app.id, OfferService(events, None), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(780, 720)
    dialog.show()
    dialog.tabs.setCurrentIndex(3)
    qtbot.waitExposed(dialog)
    spin = dialog.ratings["commute"]
    form = spin.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(spin)
    assert isinstance(label, QLabel) and label.text() == "Trajet\u00a0:"  # French sets a space before the colon
    assert spin.width() < 200  # a 1-5 rating, not a box across the whole dialog
    assert spin.width() >= spin.sizeHint().width()  # "non noté" still fits
