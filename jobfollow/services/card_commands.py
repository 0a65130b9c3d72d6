"""Undo for the application form: an edit of a card's details, or a person taken off the card, as one step
on the window's undo stack (pushed with :func:`jobfollow.services.undo.push`)."""

from __future__ import annotations

from jobfollow.i18n import _
from jobfollow.services.events import AppEvents
from jobfollow.services.undo import StoreCommand
from jobfollow.store.application_details import ApplicationDetails, restore_details, save_details
from jobfollow.store.people import link_contact, unlink_contact


class EditDetailsCommand(StoreCommand):
    """Redo writes the new values (and a timeline entry); undo writes the old ones back and drops that entry."""

    def __init__(self, events: AppEvents, application_id: int, before: ApplicationDetails,
                 after: ApplicationDetails):
        super().__init__(_("Edit {company}").format(company=after.company or before.company))
        self.events = events
        self.application_id = application_id
        self.before = before
        self.after = after
        self._activity_id: int | None = None

    def do(self) -> None:
        self._activity_id = save_details(self.application_id, self.after)
        self.events.applications_changed.emit([self.application_id])

    def undo(self) -> None:
        restore_details(self.application_id, self.before, self._activity_id)
        self._activity_id = None
        self.events.applications_changed.emit([self.application_id])


class RemovePersonCommand(StoreCommand):
    """Take one role of a contact off the card; undo gives it back (the contact itself is never deleted)."""

    def __init__(self, events: AppEvents, application_id: int, contact_id: int, role: str, name: str):
        super().__init__(_("Remove {name} from the application").format(name=name))
        self.events = events
        self.application_id = application_id
        self.contact_id = contact_id
        self.role = role
        self._first = True  # the People tab announces the first removal itself

    def do(self) -> None:
        unlink_contact(self.application_id, self.contact_id, self.role)
        if not self._first:
            self.events.applications_changed.emit([self.application_id])
        self._first = False

    def undo(self) -> None:
        link_contact(self.application_id, self.contact_id, self.role)
        self.events.applications_changed.emit([self.application_id])
