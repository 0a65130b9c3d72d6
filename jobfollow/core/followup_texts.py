"""Titles and reasons of rule follow-ups, in the user's language, written when they are stored.

Kept apart from the rules so the engine never pays for formatting; the store calls
:func:`describe` only for follow-ups it creates or changes.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import dates as babel_dates

from jobfollow.core.followup_facts import Kind, Proposal
from jobfollow.core.followup_kinds import kind_label
from jobfollow.core.stages import CHANNEL_LABELS, STAGE_KIND_LABELS, Channel
from jobfollow.i18n import _, current_language, current_locale, ngettext


def _lowered(label: str) -> str:
    """"by e-mail" in English; German keeps its capitalised nouns ("per Telefon")."""
    return label if current_language() == "de" else label.lower()


def short_date(day: dt.date) -> str:
    """Weekday, day and month in the user's locale ("Tue 5 May", "Tue, May 5")."""
    locale = current_locale()
    if _locale_name[0] is not locale:  # str(Locale) is slow; a refresh asks thousands of times
        _locale_name[:] = [locale, str(locale)]
    return _short_date(day, _locale_name[1])


_locale_name: list = [None, ""]


@lru_cache(maxsize=4096)
def _short_date(day: dt.date, locale: str) -> str:  # Babel is slow; a refresh formats the same days often
    return babel_dates.format_skeleton("MMMEd", day, locale=locale)


def channel_label(channel: str) -> str:
    try:
        return _(CHANNEL_LABELS[Channel(channel)])
    except ValueError:
        return ""


def describe(p: Proposal) -> tuple[str, str]:
    """(title, reason) for a proposal."""
    app, name = p.app, p.contact.name if p.contact else ""
    kind = p.kind
    if kind == Kind.THANK_YOU:
        return _thank_you_text(p, name, _thank_you_reason)
    # "{position} at {company}" only for the kinds that say it (not the thank-yous, most of a refresh)
    where = _("{position} at {company}").format(position=app.position, company=app.company)
    if kind == Kind.STATUS_CHECK:
        return _status_check_text(p, name, where)
    if kind == Kind.CLOSE_SUGGESTION:
        (count,) = p.detail
        return (_("Consider closing {company} as no response").format(company=app.company),
                ngettext("{count} status check went unanswered; your time is better spent on other openings.",
                         "{count} status checks went unanswered; your time is better spent on other openings.",
                         count).format(count=count))
    if kind == Kind.REFERENCE_ALERT:
        return (_("Alert {name}, your reference").format(name=name),
                _("You have interviewed for {where}: tell your reference the job title and company, send an "
                  "up-to-date CV, and ask them to let you know if they are contacted.").format(where=where))
    if kind == Kind.NETWORK_CHECKIN:
        return (_("Check in with {name}").format(name=name),
                _("{name} helped you into {company}; after your interview on {day}, tell them how it went and ask "
                  "what they hear about the process.").format(name=name, company=app.company,
                                                               day=short_date(p.interview.on)))
    if kind == Kind.NEXT_ROUND_PREP:
        if p.interview is not None:
            when = _("the next interview is on {day}").format(day=short_date(p.interview.on))
        else:
            when = _("no date is set yet for the next interview")
        return (_("Prepare the next round at {company}").format(company=app.company),
                _("Review your notes; bring the points you did not make last time ({when}).").format(when=when))
    if kind == Kind.OFFER_RESPONSE:
        return _offer_text(p, where)
    if kind == Kind.WITHDRAW:
        if not p.detail:  # closed as "withdrew", no accepted offer behind it
            return (_("Withdraw from {company}").format(company=app.company),
                    _("You closed {where} as withdrawn; tell them politely, thank them for their time and ask them "
                      "to keep your details for the future.").format(where=where))
        (accepted,) = p.detail
        return (_("Withdraw from {company}").format(company=app.company),
                _("You accepted the offer from {accepted}; let {company} know politely and ask them to keep your "
                  "details for the future.").format(accepted=accepted.company, company=app.company))
    if kind == Kind.GIVE_NOTICE:
        return (_("Give notice at your current job"),
                _("You accepted {where}; hand in your notice (usually two weeks) and agree a start date that leaves "
                  "you a few days of rest.").format(where=where))
    if kind == Kind.REJECTION_THANKS:
        return _rejection_text(p, name, where)
    if kind == Kind.RECORD_INTERVIEW:
        return (_("Record the interview at {company}").format(company=app.company),
                _("The card is in {stage} but no interview is recorded: add its date and who you met, so the "
                  "thank-yous and status checks can follow it.").format(stage=_stage_label(app.stage_kind)))
    if kind == Kind.ASK_DEADLINE:
        return (_("Ask {company} by when they need your answer").format(company=app.company),
                _("The offer for {where} has no deadline: thank them, say you are excited, and ask whether there "
                  "is a date by which they need to know. That commits you to nothing before you have weighed "
                  "it up.").format(where=where))
    if kind == Kind.OFFER_DETAILS:
        return (_("Record the offer from {company}").format(company=app.company),
                _("The card is in Offer but no offer is recorded: add its salary, benefits and deadline, so you "
                  "are reminded to answer it in time and can compare it with others."))
    if kind == Kind.OFFER_PENDING:
        (offer,) = p.detail
        return (_("Tell {company} an offer is pending").format(company=app.company),
                _("{offer_company} wants an answer by {date}: a short note to {company} saying an offer is pending "
                  "and asking about their timeline keeps you in the running. Skip it if you would rather "
                  "not.").format(offer_company=offer.company, date=short_date(offer.deadline),
                                 company=app.company))
    if kind == Kind.LESSONS:
        if p.detail and not p.detail[0]:  # turned down before any interview was recorded
            return (_("Note what you learned at {company}").format(company=app.company),
                    _("No interview was recorded: look again at how your CV and letter matched the posting, and "
                      "note anything they told you."))
        return (_("Note what you learned at {company}").format(company=app.company),
                _("While it is fresh: what went well, what you would prepare differently, which answers to "
                  "rewrite."))
    return kind_label(kind), ""


def _thank_you_reason(p: Proposal, name: str) -> str:
    (latest,) = p.detail
    day = short_date(p.interview.on)
    if p.interview.informational:
        return _("Informational interview on {day}; a short thank-you within a day keeps the door open "
                 "(by {latest} at the latest).").format(day=day, latest=short_date(latest))
    if p.contact.id not in p.interview.attendee_ids:  # whoever invited you, though not in the room
        return _("{name} invited you to the interview on {day}; thank them too, within a day (by {latest} at "
                 "the latest).").format(name=name, day=day, latest=short_date(latest))
    return _("Interview on {day}; thank each interviewer within a day (by {latest} at the latest).").format(
        day=day, latest=short_date(latest))


def _thank_you_text(p: Proposal, name: str, reason_of) -> tuple[str, str]:
    if p.interview.informational:
        return _("Thank {name} for the informational talk").format(name=name), reason_of(p, name)
    return _("Thank {name} for the interview").format(name=name), reason_of(p, name)


def describer():
    """:func:`describe` for one refresh: the interviewers of one interview share their thank-you's reason, so it
    is written once (a refresh writes tens of thousands of thank-yous; the language does not change meanwhile)."""
    reasons: dict[tuple, str] = {}

    def reason_of(p: Proposal, name: str) -> str:
        interview = p.interview
        inviter = p.contact.id not in interview.attendee_ids
        key = (interview.on, p.detail, interview.informational, name if inviter else None)
        found = reasons.get(key)
        if found is None:
            found = reasons[key] = _thank_you_reason(p, name)
        return found

    alerts: dict[tuple, str] = {}  # the references of one card share their alert's reason

    def describe_one(p: Proposal) -> tuple[str, str]:
        kind = p.kind
        if kind == THANK_YOU:
            return _thank_you_text(p, p.contact.name if p.contact else "", reason_of)
        if kind == REFERENCE_ALERT:
            app = p.app
            reason = alerts.get((app.position, app.company))
            if reason is None:
                reason = alerts[app.position, app.company] = describe(p)[1]
            return _("Alert {name}, your reference").format(name=p.contact.name if p.contact else ""), reason
        return describe(p)

    return describe_one


THANK_YOU, REFERENCE_ALERT = Kind.THANK_YOU.value, Kind.REFERENCE_ALERT.value


def _stage_label(kind: str) -> str:
    label = STAGE_KIND_LABELS.get(kind)
    return _(label) if label else kind


def _rejection_text(p: Proposal, name: str, where: str) -> tuple[str, str]:
    company = p.app.company
    if p.rule_key.count(":") == 1:  # one letter for everyone ("rejection_thanks:{app}")
        others = p.detail
        title = (_("Thank {name} after the rejection").format(name=name) if name else
                 _("Thank {company} for letting you know").format(company=company))
        reason = _("They turned you down for {where}; thank them for telling you and ask for honest "
                   "feedback.").format(where=where)
        if others:
            reason += " " + _("One letter is enough: ask them to pass your thanks on to {names}.").format(
                names=", ".join(others))
        return title, reason
    return (_("Thank {name} after the rejection").format(name=name),
            _("They turned you down for {where}; thank {name} for the time they gave you and ask for honest "
              "feedback.").format(where=where, name=name))


def _status_check_text(p: Proposal, name: str, where: str) -> tuple[str, str]:
    number, why, unanswered = p.detail
    interview = p.interview
    who = name or p.app.company
    title = _("Ask {who} about {where}").format(who=who, where=where)
    if why == "applied":
        applied = p.app.applied_on or p.app.stage_entered_on
        reason = _("You applied on {day} and have heard nothing yet: a short note restating your interest and "
                   "asking where the process stands is expected after a week or two.").format(
                       day=short_date(applied))
    elif why == "stage":
        reason = _("The card entered {stage} on {day} with no interview recorded; ask where things stand (and "
                   "record the interview once you know its date).").format(
                       stage=_stage_label(p.app.stage_kind), day=short_date(p.app.stage_entered_on))
    elif why == "told":
        reason = _("At the interview on {day} they said to follow up on {date}{how}.").format(
            day=short_date(interview.on), date=short_date(interview.follow_up_on),
            how=_(" by {channel}").format(channel=_lowered(channel_label(p.channel))) if interview.follow_up_channel
            else "")
    elif why == "decision":
        reason = _("They expected to decide by {date}; a couple of business days later it is fair to ask.").format(
            date=short_date(interview.decision_date))
    elif why == "no_news":
        reason = _("No date was given at the interview on {day}; asking after a few business days shows "
                   "interest without pressing.").format(day=short_date(interview.on))
    elif why == "interval":
        reason = ngettext(
            "At the interview on {day} they asked you to wait at least {count} day between follow-ups, so the "
            "first check waits until {date}.",
            "At the interview on {day} they asked you to wait at least {count} days between follow-ups, so the "
            "first check waits until {date}.",
            interview.follow_up_interval_days).format(day=short_date(interview.on),
                                                      count=interview.follow_up_interval_days,
                                                      date=short_date(p.due_on))
    elif why == "reply":
        reason = _("They answered your last check; ask again after a short wait.")
    else:
        reason = ngettext("Check {number}: the last one went unanswered, so wait longer before asking again.",
                          "Check {number}: {count} in a row went unanswered, so wait longer before asking again.",
                          unanswered).format(number=number, count=unanswered)
    return title, reason


def _offer_text(p: Proposal, where: str) -> tuple[str, str]:
    (offer,) = p.detail
    title = _("Answer the offer for {where}").format(where=where)
    if offer.deadline is not None:
        reason = _("They want an answer by {date}.").format(date=short_date(offer.deadline))
    else:
        reason = _("No deadline was set; an answer within a couple of business days is expected.")
    if not offer.is_written:
        reason += " " + _("The offer is only verbal so far: ask for it in writing and wait for it before you "
                          "negotiate.")
    return title, reason
