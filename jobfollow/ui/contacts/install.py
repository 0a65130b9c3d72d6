"""File > Import contacts…: people from a LinkedIn connections export (CSV) or vCard files, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jobfollow.i18n import _, ngettext
from jobfollow.ui.feature_context import FeatureContext
from jobfollow.ui.store_errors import STORE_ERRORS, store_error_message

if TYPE_CHECKING:  # the readers and the store side load when the user imports
    from jobfollow.store.known_people import ImportResult


class ContactsImporter(QObject):
    def __init__(self, context: FeatureContext):
        super().__init__(context.parent)
        self.parent_widget = context.parent
        self.events = context.events
        self.show_status = context.show_status
        self.action = QAction(context.parent)
        context.keep_translated(self.retranslate)
        self.action.triggered.connect(self.choose_and_import)
        # File menu: with the other entries that bring things in, above Import, Export and the backups
        entries = context.menus.file.actions()
        separators = [index for index, entry in enumerate(entries) if entry.isSeparator()]
        before = (entries[separators[0] + 1] if separators and separators[0] + 1 < len(entries)
                  else context.menus.quit_action)
        context.menus.file.insertAction(before, self.action)

    def retranslate(self) -> None:
        self.action.setText(_("Import &contacts…"))
        self.action.setStatusTip(_("People from a LinkedIn connections export (CSV) or vCard files"))

    def warn(self, text: str) -> None:
        QMessageBox.warning(self.parent_widget, _("Contacts not imported"), text)

    def choose_and_import(self) -> ImportResult | None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.parent_widget, _("Import contacts"), "", _("Contacts (*.csv *.vcf *.vcard);;All files (*)"))
        return self.import_files([Path(name) for name in names]) if names else None

    def import_files(self, paths: list[Path]) -> ImportResult | None:
        """Every file is read before anything is stored: one bad file imports nothing."""
        from jobfollow.core.contacts_io import ContactsFileError, read_contacts_file
        from jobfollow.store.known_people import import_people

        people = []
        for path in paths:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                self.warn(_("{name} is no longer there (moved or deleted?).").format(name=path.name))
                return None
            except OSError as exc:
                self.warn(_("{name} cannot be read: {error}.").format(name=path.name, error=exc.strerror))
                return None
            try:
                people.extend(read_contacts_file(data, path.name))
            except ContactsFileError as exc:
                self.warn(str(exc))
                return None
        try:
            result = import_people(people)
        except STORE_ERRORS as exc:
            self.warn(store_error_message(exc))
            return None
        self.show_status(ngettext("{added} person added to your contacts ({updated} already known, completed)",
                                  "{added} people added to your contacts ({updated} already known, completed)",
                                  result.added).format(added=result.added, updated=result.updated))
        return result


def install_contacts(context: FeatureContext) -> ContactsImporter:
    return ContactsImporter(context)
