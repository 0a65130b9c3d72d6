"""Your network in the address book: people imported from LinkedIn or vCards, and who of them works where."""

from __future__ import annotations

from dataclasses import dataclass

from jobfollow.core.contacts_io import KnownPerson
from jobfollow.core.posting import company_key
from jobfollow.store.models import ApplicationContact, Contact, JobApplication, database_proxy


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int  # already in the address book: empty fields filled from the file


def import_people(people: list[KnownPerson]) -> ImportResult:
    """Add everyone in one transaction; a person already known (same e-mail, or same name at the same company)
    only gets the fields that were empty."""
    by_email = {c.email.casefold(): c for c in Contact.select() if c.email}
    by_name = {(c.name.casefold(), company_key(c.organisation)): c for c in Contact.select()}
    added = updated = 0
    with database_proxy.obj.atomic():
        for person in people:
            known = (by_email.get(person.email.casefold()) if person.email else None) or by_name.get(
                (person.name.casefold(), company_key(person.organisation)))
            if known is None:
                row = Contact.create(name=person.name[:255], organisation=person.organisation[:255],
                                     title=person.title[:255], email=person.email[:255], phone=person.phone[:255],
                                     notes=person.notes)
                by_name[(person.name.casefold(), company_key(person.organisation))] = row
                if person.email:
                    by_email[person.email.casefold()] = row
                added += 1
                continue
            changed = False
            for field in ("organisation", "title", "email", "phone", "notes"):
                if not getattr(known, field) and getattr(person, field):
                    setattr(known, field, getattr(person, field)[:255] if field != "notes" else person.notes)
                    changed = True
            if changed:
                known.save()
                updated += 1
    return ImportResult(added, updated)


@dataclass(frozen=True)
class PersonThere:
    contact_id: int
    name: str
    title: str
    email: str


def people_at_company_of(application_id: int) -> list[PersonThere]:
    """People in the address book who work at this card's company and are not on the card yet."""
    company = company_key(JobApplication.get_by_id(application_id).company)
    if not company:
        return []
    on_card = {row.contact_id for row in ApplicationContact.select(ApplicationContact.contact)
               .where(ApplicationContact.application == application_id)}
    first = company.split()[0]
    found = [PersonThere(c.id, c.name, c.title, c.email)
             for c in Contact.select().where(Contact.organisation != "")
             if c.id not in on_card and first in c.organisation.casefold() and company_key(c.organisation) == company]
    return sorted(found, key=lambda p: p.name.casefold())


def people_of_card_as_vcard_data(application_id: int) -> list[KnownPerson]:
    """Everyone on the card, for a vCard export."""
    query = (Contact.select().join(ApplicationContact)
             .where(ApplicationContact.application == application_id).distinct().order_by(Contact.name))
    return [KnownPerson(c.name, c.organisation, c.title, c.email, c.phone, c.notes) for c in query]
