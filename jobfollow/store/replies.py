"""A saved e-mail dropped on a card: when a person on the card wrote it after you checked on your status,
it is their reply, logged as one logged by hand would be (the follow-up back-off starts again)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
from dataclasses import dataclass

from peewee import fn

from jobfollow.core.followup_facts import Kind as FollowUpKind
from jobfollow.i18n import _
from jobfollow.store.applications import log_activity
from jobfollow.store.documents import path_of
from jobfollow.store.models import ApplicationContact, Contact, FollowUp


@dataclass(frozen=True)
class LoggedReply:
    name: str
    received_at: dt.datetime


def _sender_and_date(data: bytes) -> tuple[str, str, dt.datetime | None]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    _name, address = email.utils.parseaddr(str(message.get("from", "") or ""))
    subject = str(message.get("subject", "") or "")
    try:
        sent = email.utils.parsedate_to_datetime(str(message.get("date", "")))
    except (TypeError, ValueError, IndexError):
        sent = None
    if sent is not None and sent.tzinfo is not None:
        sent = sent.astimezone().replace(tzinfo=None)  # local time, as the timeline shows it
    return address.casefold(), subject, sent


def log_reply_from_email(application_id: int, sha256: str) -> LoggedReply | None:
    """Log the stored e-mail as a reply when it comes from a person on the card after a status check."""
    try:
        address, subject, sent = _sender_and_date(path_of(sha256).read_bytes())
    except (OSError, ValueError):
        return None
    if not address:
        return None
    person = (Contact.select().join(ApplicationContact)
              .where((ApplicationContact.application == application_id) & (Contact.email != ""))
              .where(fn.LOWER(Contact.email) == address).first())
    if person is None:
        return None
    received = sent or dt.datetime.now().replace(microsecond=0)
    asked = (FollowUp.select().where((FollowUp.application == application_id)
                                     & (FollowUp.kind == FollowUpKind.STATUS_CHECK.value)
                                     & (FollowUp.state == "done") & FollowUp.done_at.is_null(False)
                                     & (FollowUp.done_at <= received)).exists())
    if not asked:
        return None
    text = _("E-mail from {name}: {subject}").format(name=person.name, subject=subject) if subject else _(
        "E-mail from {name}").format(name=person.name)
    log_activity(application_id, "reply", text, {"manual": True, "sha256": sha256}, when=received.replace(
        microsecond=0))
    return LoggedReply(person.name, received)
