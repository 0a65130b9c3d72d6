"""Item models for people: the card's contacts (a table), address-book choices, and interview attendees."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.stages import CHANNEL_LABELS, ROLE_LABELS, Channel
from jobfollow.i18n import _
from jobfollow.store.people import ContactCard, PersonOnCard
from jobfollow.ui.plain_text import tip

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def channel_label(value: str) -> str:
    try:
        return _(CHANNEL_LABELS[Channel(value)])
    except ValueError:
        return ""


class PeopleModel(QAbstractTableModel):
    """Everyone with a role on one application: one row per (person, role)."""

    COLUMNS = ("name", "role", "title", "organisation", "email", "phone", "channel")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._people: list[PersonOnCard] = []

    def set_people(self, people: list[PersonOnCard]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers, roles and channels are made in the language of the moment: the views read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._people:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._people) - 1, len(self.COLUMNS) - 1))

    def person(self, row: int) -> PersonOnCard:
        return self._people[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (_("Name"), _("Role"), _("Title"), _("Organisation"), _("E-mail"), _("Phone"),
                _("Prefers"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        card = person.contact
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self.COLUMNS[index.column()]
            if column == "role":
                return _(ROLE_LABELS[person.role])
            if column == "channel":
                return channel_label(card.preferred_channel)
            text = getattr(card, column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(f"{text}\n\n{card.notes}" if column == "name" and card.notes else text)
            return text
        if role == CONTACT_ID_ROLE:
            return card.id
        if role == PERSON_ROLE:
            return person
        return None


class ContactChoicesModel(QAbstractListModel):
    """The address book for a completer: matches and inserts the name, shows "name: title, organisation"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cards: list[ContactCard] = []

    def set_contacts(self, cards: list[ContactCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def contact(self, row: int) -> ContactCard:
        return self._cards[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            return card.name
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.name} ({card.subtitle})" if card.subtitle else card.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip("\n".join(part for part in (card.name, card.subtitle, card.email, card.phone) if part))
        if role == CONTACT_ID_ROLE:
            return card.id
        return None


class AttendeeModel(QAbstractListModel):
    """People who may have attended an interview, each with a check box.

    Rows are the card's contacts plus interviewers typed into the form (id 0 until the interview is saved).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cards: list[ContactCard] = []
        self._checked: list[bool] = []

    def set_candidates(self, cards: list[ContactCard], checked_ids: set[int]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self._checked = [card.id in checked_ids for card in self._cards]
        self.endResetModel()

    def add_person(self, card: ContactCard) -> int:
        """Add (or tick, if already listed by id or by name) a person; returns the row."""
        for row, known in enumerate(self._cards):
            same = card.id and known.id == card.id
            # A typed name that is already listed (a new row, or someone on the card) is that person.
            same_name = not card.id and known.name.casefold() == card.name.strip().casefold()
            if same or same_name:
                self.setData(self.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
                return row
        row = len(self._cards)
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.append(card)
        self._checked.append(True)
        self.endInsertRows()
        return row

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(card.id for card, on in zip(self._cards, self._checked, strict=True) if on and card.id)

    def checked_new_people(self) -> list[ContactCard]:
        return [card for card, on in zip(self._cards, self._checked, strict=True) if on and not card.id]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = f"{card.name} ({card.subtitle})" if card.subtitle else card.name
            return label if card.id else _("{person} (new)").format(person=label)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == CONTACT_ID_ROLE:
            return card.id
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
