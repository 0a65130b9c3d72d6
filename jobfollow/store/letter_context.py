"""The values a letter's placeholders take, gathered from the card, the recipient, the interview, the offer
and the user's own details. Plain data out; no Qt."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from babel.lists import format_list

from jobfollow.core.stages import ROLE_LABELS, ContactRole
from jobfollow.i18n import _, current_locale, format_date, format_money
from jobfollow.store.models import (
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Offer,
)
from jobfollow.store.settings import get_user_details


@dataclass
class LetterContext:
    application_id: int | None = None
    contact_id: int | None = None
    interview_id: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    recipient_name: str = ""
    recipient_email: str = ""
    position: str = ""
    company: str = ""
    specific_topic: str = ""
    informational: bool = False
    names: list[str] = field(default_factory=list)  # never spell-flagged: contacts, company, the user


@dataclass(frozen=True)
class RecipientRow:
    contact_id: int
    name: str
    title: str
    email: str
    role: str  # translated role label

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


@dataclass(frozen=True)
class ApplicationChoice:
    id: int
    company: str
    position_title: str

    @property
    def label(self) -> str:
        return f"{self.company} \u2014 {self.position_title}"


def application_choices() -> list[ApplicationChoice]:
    query = (JobApplication.select(JobApplication.id, JobApplication.company, JobApplication.position_title)
             .where(JobApplication.deleted_at.is_null())
             .order_by(JobApplication.last_activity_at.desc()))
    return [ApplicationChoice(*row) for row in query.tuples()]  # tuples: no model object per card


def application_choice(app_id: int) -> ApplicationChoice | None:
    """One card's entry (the letter pane shows only the open letter's card until the list is needed)."""
    row = (JobApplication.select(JobApplication.id, JobApplication.company, JobApplication.position_title)
           .where(JobApplication.id == app_id, JobApplication.deleted_at.is_null()).tuples().first())
    return ApplicationChoice(*row) if row else None


def recipients(application_id: int) -> list[RecipientRow]:
    """The card's contacts, interviewers first (a contact with several roles appears once)."""
    order = [ContactRole.INTERVIEWER, ContactRole.HIRING_MANAGER, ContactRole.RECRUITER, ContactRole.INVITER,
             ContactRole.NETWORK, ContactRole.REFERENCE]
    rows: dict[int, RecipientRow] = {}
    links = (ApplicationContact.select(ApplicationContact, Contact).join(Contact)
             .where(ApplicationContact.application == application_id))
    ranked = sorted(links, key=lambda link: (order.index(ContactRole(link.role)) if link.role in list(ContactRole)
                                             else 99, link.contact.name.lower()))
    for link in ranked:
        contact = link.contact
        if contact.id not in rows:
            role = ROLE_LABELS.get(ContactRole(link.role)) if link.role in list(ContactRole) else None
            rows[contact.id] = RecipientRow(contact.id, contact.name, contact.title, contact.email,
                                            _(role) if role else "")
    return list(rows.values())


def _pick_interview(application_id: int, contact_id: int | None, interview_id: int | None) -> Interview | None:
    if interview_id:
        return Interview.get_or_none(Interview.id == interview_id)
    query = Interview.select().where(Interview.application == application_id).order_by(Interview.starts_at.desc())
    if contact_id:
        attended = query.join(InterviewAttendee).where(InterviewAttendee.contact == contact_id).first()
        if attended:
            return attended
    past = [i for i in query if i.starts_at <= dt.datetime.now()]
    return past[0] if past else query.first()


def _names(contacts: list[str]) -> str:
    return format_list(contacts, locale=current_locale()) if contacts else ""


def _money(value, currency: str) -> str:
    if value in (None, ""):
        return ""
    try:
        return format_money(float(value), currency)
    except (TypeError, ValueError):
        return str(value)


def _offer_values(application_id: int) -> dict[str, str]:
    offer = (Offer.select().where(Offer.application == application_id).order_by(Offer.created_at.desc()).first())
    if offer is None:
        return {}
    try:
        sheet = json.loads(offer.worksheet or "{}")
    except ValueError:
        sheet = {}
    currency = offer.currency or "USD"
    low, high = _money(sheet.get("market_low"), currency), _money(sheet.get("market_high"), currency)
    points = [str(p).strip() for p in sheet.get("selling_points") or [] if str(p).strip()]
    return {
        "offer_deadline": format_date(offer.deadline, "long") if offer.deadline else "",
        "start_date": format_date(offer.start_date, "long") if offer.start_date else "",
        "market_range": f"{low} \u2013 {high}" if low and high else (low or high),
        "counter_amount": _money(sheet.get("counter_amount"), currency),
        "selling_points": format_list(points, locale=current_locale()) if points else "",
    }


def _follow_up_date(application_id: int, interview: Interview | None) -> dt.date | None:
    if interview is not None and interview.follow_up_on:
        return interview.follow_up_on
    pending = (FollowUp.select().where((FollowUp.application == application_id) & (FollowUp.kind == "status_check")
                                       & (FollowUp.state.in_(("open", "snoozed"))))
               .order_by(FollowUp.due_on).first())
    if pending is not None:
        return pending.snoozed_until if pending.state == "snoozed" and pending.snoozed_until else pending.due_on
    return None


def build_context(application_id: int | None, contact_id: int | None = None,
                  interview_id: int | None = None) -> LetterContext:
    """Everything a letter for this card and recipient can fill in; empty strings where nothing is known."""
    user = get_user_details()
    values = dict.fromkeys(("interviewer_name", "interviewer_title", "recipient_name", "company", "position",
                            "interview_date", "people_met", "specific_topic", "forgotten_point",
                            "follow_up_date", "decision_date", "offer_deadline", "start_date", "market_range",
                            "counter_amount", "selling_points", "last_day"), "")
    values.update(my_name=user.name, my_email=user.email, my_phone=user.phone)
    context = LetterContext(application_id=application_id, contact_id=contact_id or None, values=values,
                            names=[user.name])
    app = JobApplication.get_or_none(JobApplication.id == application_id) if application_id else None
    if app is None:
        return context
    context.company, context.position = app.company, app.position_title
    values.update(company=app.company, position=app.position_title)
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    if contact is not None:
        context.recipient_name, context.recipient_email = contact.name, contact.email
        values.update(interviewer_name=contact.name, recipient_name=contact.name, interviewer_title=contact.title)
    interview = _pick_interview(app.id, contact_id, interview_id)
    if interview is not None:
        context.interview_id = interview.id
        context.informational = bool(interview.informational)
        context.specific_topic = interview.specific_topic
        others = [c.name for c in Contact.select().join(InterviewAttendee)
                  .where(InterviewAttendee.interview == interview.id).order_by(Contact.name)
                  if c.id != (contact.id if contact else None)]
        values.update(interview_date=format_date(interview.starts_at.date(), "long"),
                      people_met=_names(others), specific_topic=interview.specific_topic.strip(),
                      forgotten_point=interview.missed_points.strip(),
                      decision_date=format_date(interview.decision_date, "long") if interview.decision_date else "")
    follow_up = _follow_up_date(app.id, interview)
    if follow_up is not None:
        values["follow_up_date"] = format_date(follow_up, "full")
    values.update({k: v for k, v in _offer_values(app.id).items() if v})
    context.names += [app.company] + [r.name for r in recipients(app.id)]
    return context
