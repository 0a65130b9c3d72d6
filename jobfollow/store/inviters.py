""""Who invited you" is a person on the card with the role "Invited you", not just a name.

The Details tab's field stays (it is where people type it), and saving it links the person it names to the card
in that role (a person of that name already on the card, else a new one), so the thank-you rules see them;
changing or clearing it takes the role from the person it named before. Undo runs the same sync backwards.
"""

from __future__ import annotations

from jobfollow.core.stages import ContactRole
from jobfollow.store.models import ApplicationContact, Contact, JobApplication
from jobfollow.store.people import link_contact, unlink_contact

INVITER = ContactRole.INVITER.value


def _person_on_card(application_id: int, name: str) -> int | None:
    """The id of a person of this name (case aside) on the card, inviters first, else anywhere by that name."""
    wanted = name.casefold()
    on_card = (Contact.select(Contact.id, Contact.name, ApplicationContact.role).join(ApplicationContact)
               .where(ApplicationContact.application == application_id).tuples())
    matches = sorted((role != INVITER, contact_id) for contact_id, found, role in on_card
                     if found.strip().casefold() == wanted)
    return matches[0][1] if matches else None


def sync_inviter(application_id: int, old_name: str, new_name: str) -> None:
    """Make the person named ``new_name`` the card's inviter in place of ``old_name`` (either may be "")."""
    old_name, new_name = old_name.strip(), new_name.strip()
    if old_name.casefold() == new_name.casefold():
        return
    if old_name:
        previous = _person_on_card(application_id, old_name)
        if previous is not None:
            unlink_contact(application_id, previous, INVITER)
    if new_name:
        person = _person_on_card(application_id, new_name)
        if person is None:
            company = JobApplication.get_by_id(application_id).company
            person = Contact.create(name=new_name, organisation=company).id
        link_contact(application_id, person, INVITER)
