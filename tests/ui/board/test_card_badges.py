"""What a board card says: the action and its timing (never cut), an interview, an offer, an outcome, whole tags,
and "days here" counted from the applied date for a card that never moved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics

from jobfollow import i18n
from jobfollow.core.card_texts import badge_action, due_phrase, interview_lines, offer_lines, outcome_line
from jobfollow.store.applications import create_application
from jobfollow.store.board import card_summaries, here_since
from jobfollow.store.models import Contact, FollowUp, Interview, JobApplication, Offer, Stage
from jobfollow.ui.board.card_delegate import _badge_text, _tag_chips

TODAY = dt.date(2026, 5, 4)


def test_badge_names_the_person_by_first_name_and_keeps_a_custom_title():
    assert badge_action("thank_you", "Thank Marco Okafor for the interview", "Marco Okafor") == "Thank Marco"
    assert badge_action("custom", "Send the portfolio link", "") == "Send the portfolio link"
    assert badge_action("status_check", "whatever", "") == "Ask for news"


def test_due_phrase_counts_overdue_days_and_names_today():
    assert due_phrase(TODAY - dt.timedelta(days=2), TODAY) == "2 days overdue"
    assert due_phrase(TODAY, TODAY) == "due today"
    far = TODAY + dt.timedelta(days=30)
    assert far.strftime("%b") in due_phrase(far, TODAY)  # a date, not "in 30 days"


@pytest.mark.parametrize("language", ["en_US", "de_DE", "fr_FR", "es_ES"])
def test_narrow_badge_shortens_the_action_never_the_timing(qtbot, language):
    i18n.set_language(language)
    metrics = QFontMetrics(QFont())
    timing = due_phrase(TODAY - dt.timedelta(days=12), TODAY)
    action = badge_action("thank_you", "", "Maximiliane-Friederike von Hohenzollern")
    for room in (120, 160, 220, 400):
        text = _badge_text(metrics, action, timing, room)
        assert text.endswith(timing)
        assert metrics.horizontalAdvance(text) <= max(room, metrics.horizontalAdvance(timing))
    assert _badge_text(metrics, action, timing, 1000).startswith(action)


@pytest.mark.parametrize("language", ["en_US", "de_DE", "fr_FR", "es_ES"])
def test_tags_are_whole_or_counted_never_cut(qtbot, language):
    i18n.set_language(language)
    metrics = QFontMetrics(QFont())
    tags = ("startup", "remote", "fintech", "python", "dream job")
    room = QRect(0, 0, 150, metrics.height())
    chips = [text for _rect, text in _tag_chips(metrics, tags, room)]
    whole = [text for text in chips if not text.startswith("+")]
    assert all(text in tags for text in whole)
    counted = int(chips[-1][1:]) if chips[-1].startswith("+") else 0
    assert len(whole) + counted == len(tags)
    assert all(rect.right() <= room.right() + 1 for rect, _text in _tag_chips(metrics, tags, room))


def test_interview_offer_and_outcome_lines_carry_their_facts():
    lines = interview_lines(dt.datetime(2026, 5, 14, 10, 0), "video", TODAY)
    assert "Interview" in lines[0] and "10:00" in lines[0] and "Video" in lines[0]
    assert "Video" not in lines[-1]  # the short form for a narrow card
    offer = offer_lines(Decimal("85000"), "EUR", dt.date(2026, 6, 12))
    assert "€85,000" in offer[0] and "Jun" in offer[0]
    assert outcome_line("rejected") == "Closed: Rejected"
    assert outcome_line(None) == ""


def test_here_since_uses_the_applied_date_of_a_card_never_moved():
    created = dt.datetime(2026, 5, 4, 9)
    assert here_since(created, dt.date(2026, 3, 1), created) == dt.date(2026, 3, 1)
    moved = dt.datetime(2026, 5, 4, 9)
    assert here_since(moved, dt.date(2026, 3, 1), dt.datetime(2026, 3, 2)) == dt.date(2026, 5, 4)
    assert here_since(created, None, created) == dt.date(2026, 5, 4)


def test_card_summary_shows_next_interview_open_offer_and_follow_up_person(profile):
    today = dt.date.today()
    card = create_application("Contoso", "Analyst", applied_on=today - dt.timedelta(days=40))
    marco = Contact.create(name="Marco Okafor")
    Interview.create(application=card, starts_at=dt.datetime.combine(today - dt.timedelta(days=3), dt.time(9)))
    soon = dt.datetime.combine(today + dt.timedelta(days=2), dt.time(10, 30))
    Interview.create(application=card, starts_at=soon, format="phone")
    Interview.create(application=card, starts_at=soon + dt.timedelta(days=7))
    Offer.create(application=card, currency="EUR", base_salary=Decimal("70000"), status="declined")
    Offer.create(application=card, currency="EUR", base_salary=Decimal("85000"), deadline=today)
    FollowUp.create(application=card, contact=marco, kind="thank_you", due_on=today)
    (summary,) = card_summaries([card.id])
    assert summary.interview_at == soon and summary.interview_format == "phone"
    assert summary.offer_amount == Decimal("85000") and summary.offer_currency == "EUR"
    assert summary.offer_deadline == today
    assert summary.next_contact == "Marco Okafor"
    assert summary.here_since == today - dt.timedelta(days=40)


def test_card_without_offer_or_interview_has_none(profile):
    card = create_application("Fabrikam", "Designer")
    stage = Stage.select().order_by(Stage.position).first()
    JobApplication.update(stage=stage).where(JobApplication.id == card.id).execute()
    (summary,) = card_summaries([card.id])
    assert summary.interview_at is None and summary.offer_currency == ""
