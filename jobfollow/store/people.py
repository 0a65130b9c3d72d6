"""Contacts (the business cards) and their roles on applications.

A contact is shared: the same recruiter or reference can hold a role on many applications, so
editing a contact changes it everywhere and removing it from one card only unlinks it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from peewee import fn

from jobfollow.core.stages import ROLE_LABELS, ContactRole
from jobfollow.core.timeline_text import TextFact, label
from jobfollow.i18n import N_
from jobfollow.store.applications import log_activity
from jobfollow.store.models import ApplicationContact, Contact, JobApplication


@dataclass(frozen=True)
class ContactCard:
    id: int = 0  # 0 for a person not saved yet
    name: str = ""
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    preferred_channel: str = ""  # core.stages.Channel value or ""
    notes: str = ""

    @property
    def subtitle(self) -> str:
        """"Recruiter, Contoso": what tells two people of the same name apart."""
        return ", ".join(part for part in (self.title, self.organisation) if part)


@dataclass(frozen=True)
class PersonOnCard:
    contact: ContactCard
    role: ContactRole


_CARD_FIELDS = [f.name for f in fields(ContactCard) if f.name != "id"]


def _card(row: Contact) -> ContactCard:
    return ContactCard(row.id, *(getattr(row, name) for name in _CARD_FIELDS))


def get_contact(contact_id: int) -> ContactCard:
    return _card(Contact.get_by_id(contact_id))


def find_contacts(text: str = "", limit: int = 200) -> list[ContactCard]:
    """People whose name, title or organisation contains ``text`` (all of them for blank), by name."""
    query = Contact.select().order_by(fn.LOWER(Contact.name), Contact.id).limit(limit)
    needle = text.strip()
    if needle:
        pattern = f"%{needle}%"
        query = query.where(
            Contact.name ** pattern | Contact.title ** pattern | Contact.organisation ** pattern
        )
    return [_card(row) for row in query]


def save_contact(card: ContactCard) -> ContactCard:
    """Create the contact (id 0) or update it everywhere it appears; returns the stored card."""
    values = {name: getattr(card, name).strip() if name != "notes" else getattr(card, name) for name in _CARD_FIELDS}
    if not values["name"]:
        raise ValueError("a contact needs a name")
    if card.id:
        Contact.update(**values).where(Contact.id == card.id).execute()
        return get_contact(card.id)
    return _card(Contact.create(**values))


def link_contact(application_id: int, contact_id: int, role: ContactRole | str) -> bool:
    """Give the contact a role on the application; False when it already had that role."""
    role = ContactRole(role)
    _link, created = ApplicationContact.get_or_create(application=application_id, contact=contact_id,
                                                      role=role.value)
    if created:
        name = Contact.get_by_id(contact_id).name
        log_activity(application_id, "edited",
                     TextFact(N_("Added {name} ({role})"), {"name": name, "role": label(ROLE_LABELS[role])}),
                     {"contact_id": contact_id, "role": role.value})
    return created


def unlink_contact(application_id: int, contact_id: int, role: ContactRole | str | None = None) -> int:
    """Take the contact off this application (one role, or every role); the contact itself stays."""
    query = ApplicationContact.delete().where(
        (ApplicationContact.application == application_id) & (ApplicationContact.contact == contact_id)
    )
    if role is not None:
        query = query.where(ApplicationContact.role == ContactRole(role).value)
    removed = query.execute()
    if removed:
        name = Contact.get_by_id(contact_id).name
        log_activity(application_id, "edited", TextFact(N_("Removed {name}"), {"name": name}),
                     {"contact_id": contact_id})
    return removed


def change_role(application_id: int, contact_id: int, old_role: ContactRole | str, new_role: ContactRole | str) -> None:
    old_role, new_role = ContactRole(old_role), ContactRole(new_role)
    if old_role == new_role:
        return
    db = Contact._meta.database
    with db.atomic():
        link = ApplicationContact.get_or_none(application=application_id, contact=contact_id, role=old_role.value)
        clash = ApplicationContact.get_or_none(application=application_id, contact=contact_id, role=new_role.value)
        if link is None:
            link_contact(application_id, contact_id, new_role)
        elif clash is not None:
            link.delete_instance()
        else:
            link.role = new_role.value
            link.save()


def people_of_application(application_id: int) -> list[PersonOnCard]:
    """Everyone with a role on the card, in role order (interviewers first) and then by name."""
    order = {role: index for index, role in enumerate(ContactRole)}
    query = (
        ApplicationContact.select(ApplicationContact, Contact)
        .join(Contact)
        .where(ApplicationContact.application == application_id)
    )
    people = [PersonOnCard(_card(link.contact), ContactRole(link.role)) for link in query]
    people.sort(key=lambda p: (order[p.role], p.contact.name.casefold(), p.contact.id))
    return people


def applications_of_contact(contact_id: int) -> list[int]:
    """Live applications the contact has any role on, oldest first."""
    query = (
        ApplicationContact.select(ApplicationContact.application)
        .join(JobApplication)
        .where((ApplicationContact.contact == contact_id) & JobApplication.deleted_at.is_null())
        .distinct()
        .order_by(ApplicationContact.application)
    )
    return [link.application_id for link in query]
