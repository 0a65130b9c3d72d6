"""The agenda as a two-level item model: groups (Overdue, Today, This week, Later) over follow-ups."""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from jobfollow.core.followup_texts import channel_label, short_date
from jobfollow.core.stages import FORMAT_LABELS, InterviewFormat
from jobfollow.i18n import (
    N_,
    _,
    first_day_of_week,
    format_date,
    format_number,
    format_relative_days,
    format_time,
    ngettext,
)
from jobfollow.store.followups import AgendaItem
from jobfollow.store.interview_entries import InterviewEntry
from jobfollow.ui.plain_text import tip

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the AgendaItem (None on a group row)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the group key
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # "card · for whom · channel"
DUE_TEXT_ROLE = Qt.ItemDataRole.UserRole + 5  # "in 2 days" / "3 days overdue"
REASON_ROLE = Qt.ItemDataRole.UserRole + 6
INTERVIEW_ROLE = Qt.ItemDataRole.UserRole + 7  # the InterviewEntry of an interview row (None otherwise)

GROUPS = (("overdue", N_("Overdue")), ("today", N_("Today")), ("week", N_("This week")), ("later", N_("Later")))
_ROOT = QModelIndex()
_NO_PARENT = 0xFFFFFFFF  # internalId of a group row; an item row stores its group's number


def group_of(due: dt.date, today: dt.date) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    # The week ends the day before the locale's first day of the week (Saturday in the US, Sunday in Germany).
    end_of_week = today + dt.timedelta(days=(first_day_of_week() - 1 - today.weekday()) % 7)
    return "week" if due <= end_of_week else "later"


def due_text(due: dt.date, today: dt.date) -> str:
    """"in 2 days", "today", or "3 days overdue"."""
    if due < today:
        days = (today - due).days
        return ngettext("{count} day overdue", "{count} days overdue", days).format(count=format_number(days))
    return format_relative_days(due, today)


class AgendaModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = dt.date.today()
        self._groups: list[tuple[str, str, list[AgendaItem]]] = []  # only non-empty groups

    # -- filling ---------------------------------------------------------------------------------
    def set_items(self, items: list[AgendaItem], today: dt.date, interviews: list[InterviewEntry] = ()) -> None:
        """Follow-ups and the interviews to come, each in its group, in date order (interviews are entries to
        see, not follow-ups to complete)."""
        self.beginResetModel()
        self.today = today
        buckets: dict[str, list] = {key: [] for key, _label in GROUPS}
        for item in items:
            buckets[group_of(item.due_on, today)].append(item)
        for entry in interviews:
            buckets[group_of(entry.on, today)].append(entry)
        if interviews:
            for entries in buckets.values():
                entries.sort(key=_entry_day)  # stable: follow-ups keep their order within a day
        self._groups = [(key, label, buckets[key]) for key, label in GROUPS if buckets[key]]
        self.endResetModel()

    def item_count(self) -> int:
        return sum(1 for _k, _l, items in self._groups for item in items if isinstance(item, AgendaItem))

    def interview_count(self) -> int:
        return sum(1 for _k, _l, items in self._groups for item in items if isinstance(item, InterviewEntry))

    def group_keys(self) -> list[str]:
        return [key for key, _label, _items in self._groups]

    def index_of(self, followup_id: int) -> QModelIndex:
        for number, (_key, _label, items) in enumerate(self._groups):
            for row, item in enumerate(items):
                if item.id == followup_id and isinstance(item, AgendaItem):
                    return self.createIndex(row, 0, number)
        return QModelIndex()

    # -- Qt model API ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _NO_PARENT) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _NO_PARENT or parent.row() >= len(self._groups):
            return QModelIndex()
        items = self._groups[parent.row()][2]
        return self.createIndex(row, 0, parent.row()) if row < len(items) else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _NO_PARENT or parent.row() >= len(self._groups):
            return 0
        return len(self._groups[parent.row()][2])

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def entry_at(self, index: QModelIndex | QPersistentModelIndex) -> AgendaItem | InterviewEntry | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        number = int(index.internalId())
        if number >= len(self._groups) or index.row() >= len(self._groups[number][2]):
            return None
        return self._groups[number][2][index.row()]

    def item_at(self, index: QModelIndex | QPersistentModelIndex) -> AgendaItem | None:
        """The follow-up on this row (None on a group header or an interview)."""
        entry = self.entry_at(index)
        return entry if isinstance(entry, AgendaItem) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            if index.row() >= len(self._groups):
                return None
            key, label, items = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return _("{group} ({count})").format(group=_(label), count=len(items))
            if role == GROUP_ROLE:
                return key
            if role == OVERDUE_ROLE:
                return key == "overdue"
            return None
        entry = self.entry_at(index)
        if isinstance(entry, InterviewEntry):
            return self._interview_data(entry, role)
        item = entry
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title or item.kind_label
        if role == ITEM_ROLE:
            return item
        if role == OVERDUE_ROLE:
            return item.due_on < self.today
        if role == SUBTITLE_ROLE:
            return self.subtitle(item)
        if role == DUE_TEXT_ROLE:
            return due_text(item.due_on, self.today)
        if role == REASON_ROLE:
            return item.reason
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.tooltip(item))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.title}. {self.subtitle(item)}. {self.due_line(item)}. {item.reason}"
        return None

    def _interview_data(self, entry: InterviewEntry, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return _("Interview at {company}").format(company=entry.company)
        if role == INTERVIEW_ROLE:
            return entry
        if role == SUBTITLE_ROLE:
            return interview_subtitle(entry)
        if role == DUE_TEXT_ROLE:
            return format_relative_days(entry.on, self.today)
        if role == REASON_ROLE:
            return " · ".join(part for part in (entry.position, entry.location) if part)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = ". ".join((_("Interview at {company}").format(company=entry.company), interview_subtitle(entry),
                              entry.position))
            return tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    # -- texts -----------------------------------------------------------------------------------
    def subtitle(self, item: AgendaItem) -> str:
        parts = [short_date(item.due_on), _("{company}, {position}").format(company=item.company,
                                                                             position=item.position)]
        if item.contact_name and item.contact_name not in item.title:
            parts.append(_("for {name}").format(name=item.contact_name))
        channel = channel_label(item.channel)
        if channel:
            parts.append(channel)
        if item.state == "snoozed":
            parts.append(_("snoozed"))
        return " · ".join(parts)

    def due_line(self, item: AgendaItem) -> str:
        return _("{date} ({relative})").format(date=format_date(item.due_on), relative=due_text(item.due_on,
                                                                                                 self.today))

    def tooltip(self, item: AgendaItem) -> str:
        import html

        who = _("For: {name}").format(name=item.contact_name) if item.contact_name else ""
        lines = [f"<b>{html.escape(item.title)}</b>", html.escape(self.subtitle(item)),
                 html.escape(_("Due {date}").format(date=self.due_line(item)))]
        if who:
            lines.append(html.escape(who))
        if item.reason:
            lines.append(f"<i>{html.escape(item.reason)}</i>")
        return "<br>".join(lines)


def _entry_day(entry) -> dt.date:
    return entry.on if isinstance(entry, InterviewEntry) else entry.due_on


def interview_subtitle(entry: InterviewEntry) -> str:
    """"Thu 14 May 10:00 · Video · with Ana Ruiz, Bo Chen"."""
    parts = [f"{short_date(entry.on)} {format_time(entry.starts_at)}"]
    with contextlib.suppress(ValueError, KeyError):
        parts.append(_(FORMAT_LABELS[InterviewFormat(entry.format)]))
    if entry.people:
        parts.append(_("with {names}").format(names=", ".join(entry.people)))
    return " · ".join(parts)
