"""The agenda as a two-level item model: groups (Overdue, Today, This week, Later) over follow-ups."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import heapq

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
MORE_ROLE = Qt.ItemDataRole.UserRole + 8  # True on a group's "show more" row
PAGE = 100  # entries a group shows at first, and each "show more" adds
# A tree view lays out its rows again after each structural change (Python callbacks for every row shown): above
# this many runs of rows inserted or removed, one reset costs less (measured: 1 run ~ a reset of 400 rows)
MAX_RUNS = 2

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
    """Groups over entries. A group shows its first ``PAGE`` entries and a "show more" row: a view lays out every
    row it holds, and thousands of rows (10,000 cards have 30,000 open follow-ups) cost seconds per change.

    ``set_items`` updates in place when the groups stay the same: rows that went are removed and rows that came are
    inserted in runs, and every row is told its texts may have changed; only a new or emptied group resets."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = dt.date.today()
        self._groups: list[tuple[str, str, list]] = []  # only non-empty groups: key, label, every entry
        self._rows: list[list] = []  # per group: the entries shown (the first ``_limits[n]``)
        self._limits: list[int] = []
        self._more: list[bool] = []  # per group: whether its last row is "show more"

    # -- filling ---------------------------------------------------------------------------------
    def set_items(self, items: list[AgendaItem], today: dt.date, interviews: list[InterviewEntry] = ()) -> bool:
        """Follow-ups (in due order, as the follow-up service keeps them) and the interviews to come (in date
        order), each in its group (interviews are entries to see, not follow-ups to complete). Returns True when
        the model was reset (a view expands its groups)."""
        groups = _grouped(items, today, interviews)
        self.today = today
        if [key for key, _label, _entries in groups] != self.group_keys() or not self._update_rows(groups):
            limits = dict(zip(self.group_keys(), self._limits, strict=True))  # pages the user opened stay open
            self.beginResetModel()
            self._groups = groups
            self._limits = [limits.get(key, PAGE) for key, _label, _entries in groups]
            self._rows = [entries[:limit] for (_key, _label, entries), limit in zip(groups, self._limits, strict=True)]
            self._more = [len(entries) > len(rows) for (_key, _label, entries), rows in zip(groups, self._rows,
                                                                                              strict=True)]
            self.endResetModel()
            return True
        return False

    def show_more(self, number: int) -> None:
        """The next page of a group's entries (its "show more" row was chosen)."""
        if number >= len(self._groups) or not self._more[number]:
            return
        entries, rows = self._groups[number][2], self._rows[number]
        parent = self.index(number, 0)
        self._set_more(number, parent, False)
        added = entries[len(rows):len(rows) + PAGE]
        self._limits[number] = len(rows) + len(added)
        self.beginInsertRows(parent, len(rows), len(rows) + len(added) - 1)
        rows.extend(added)
        self.endInsertRows()
        self._set_more(number, parent, len(entries) > len(rows))

    def _set_more(self, number: int, parent: QModelIndex, shown: bool) -> None:
        """Show or hide a group's "show more" row (always its last)."""
        if shown == self._more[number]:
            return
        row = len(self._rows[number])
        if shown:
            self.beginInsertRows(parent, row, row)
            self._more[number] = True
            self.endInsertRows()
        else:
            self.beginRemoveRows(parent, row, row)
            self._more[number] = False
            self.endRemoveRows()

    def _update_rows(self, groups: list[tuple[str, str, list]]) -> bool:
        """The same groups: bring each one's rows to the new entries in runs; False when that would take more
        than a few runs (a reset is cheaper then)."""
        plans = []
        runs = 0
        for number, (_key, _label, entries) in enumerate(groups):
            plan = _runs(self._rows[number], entries[:self._limits[number]])
            if plan is None:
                return False
            runs += len(plan[0]) + len(plan[1])
            plans.append(plan)
        if runs > MAX_RUNS:
            return False
        for number, (removed, inserted) in enumerate(plans):
            entries = groups[number][2]
            parent = self.index(number, 0)
            rows = self._rows[number]
            if len(entries) <= self._limits[number]:  # everything fits now: the "show more" row goes first
                self._set_more(number, parent, False)
            # (every run lies before the "show more" row, which keeps its place last)
            for first, last in removed:  # from the end, so the positions stay true
                self.beginRemoveRows(parent, first, last)
                del rows[first:last + 1]
                self.endRemoveRows()
            shown = entries[:self._limits[number]]
            for first, last in inserted:  # from the start: each run lands where it belongs
                self.beginInsertRows(parent, first, last)
                rows[first:first] = shown[first:last + 1]
                self.endInsertRows()
            rows[:] = shown  # the same entries, with their newest facts
            self._groups[number] = groups[number]
            self._set_more(number, parent, len(entries) > len(rows))
            self.dataChanged.emit(parent, parent)  # the count in the header
            if rows:  # "in 2 days" reads differently on a new day; a changed follow-up has new texts; "Show 60 more"
                self.dataChanged.emit(self.index(0, 0, parent), self.index(self._row_count(number) - 1, 0, parent))
        return True

    def item_count(self) -> int:
        """Follow-ups held, shown or behind a "show more" row."""
        return sum(1 for _k, _l, items in self._groups for item in items if isinstance(item, AgendaItem))

    def interview_count(self) -> int:
        return sum(1 for _k, _l, items in self._groups for item in items if isinstance(item, InterviewEntry))

    def group_keys(self) -> list[str]:
        return [key for key, _label, _items in self._groups]

    def index_of(self, followup_id: int) -> QModelIndex:
        for number, items in enumerate(self._rows):
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
        return self.createIndex(row, 0, parent.row()) if row < self._row_count(parent.row()) else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _NO_PARENT or parent.row() >= len(self._groups):
            return 0
        return self._row_count(parent.row())

    def _row_count(self, number: int) -> int:
        return len(self._rows[number]) + self._more[number]

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
        if number >= len(self._rows) or index.row() >= len(self._rows[number]):
            return None  # a "show more" row is no entry
        return self._rows[number][index.row()]

    def is_more_row(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """The row that shows a group's next page."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return False
        number = int(index.internalId())
        return number < len(self._rows) and self._more[number] and index.row() == len(self._rows[number])

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
                return _("{group} ({count})").format(group=_(label), count=format_number(len(items)))
            if role == GROUP_ROLE:
                return key
            if role == OVERDUE_ROLE:
                return key == "overdue"
            return None
        entry = self.entry_at(index)
        if isinstance(entry, InterviewEntry):
            return self._interview_data(entry, role)
        if entry is None and self.is_more_row(index):
            return self._more_data(int(index.internalId()), role)
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

    def _more_data(self, number: int, role: int):
        hidden = len(self._groups[number][2]) - len(self._rows[number])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return ngettext("Show {count} more", "Show {count} more", min(hidden, PAGE)).format(
                count=format_number(min(hidden, PAGE)))
        if role == MORE_ROLE:
            return True
        if role == Qt.ItemDataRole.ToolTipRole:
            return ngettext("{count} more in this group", "{count} more in this group", hidden).format(
                count=format_number(hidden))
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


def _grouped(items: list[AgendaItem], today: dt.date, interviews) -> list[tuple[str, str, list]]:
    """The non-empty groups with their entries in date order (follow-ups before interviews on one day).

    ``items`` come in date order (as the follow-up service keeps them), so each group is one slice of them, found
    by bisection: 30,000 follow-ups at 10,000 cards are not looked at one by one."""
    end_of_week = today + dt.timedelta(days=(first_day_of_week() - 1 - today.weekday()) % 7)  # see group_of
    cuts = [0, bisect.bisect_left(items, today, key=_due), bisect.bisect_right(items, today, key=_due),
            bisect.bisect_right(items, end_of_week, key=_due), len(items)]
    buckets = {key: items[cuts[number]:cuts[number + 1]] for number, (key, _label) in enumerate(GROUPS)}
    if interviews:  # (in date order) each after the follow-ups of its day: one merge per group that has some
        coming: dict[str, list] = {}
        for entry in interviews:
            coming.setdefault(group_of(entry.on, today), []).append(entry)
        for key, entries in coming.items():
            buckets[key] = list(heapq.merge(buckets[key], entries, key=_merge_key))
    return [(key, label, buckets[key]) for key, label in GROUPS if buckets[key]]


def _due(item: AgendaItem) -> dt.date:
    return item.due_on


def _key(entry) -> tuple:
    """What makes a row the same row: the entry and its day (a follow-up moved to another day moves rows)."""
    if isinstance(entry, AgendaItem):
        return 0, entry.id, entry.due_on
    return 1, entry.id, entry.on


def _runs(old: list, new: list) -> tuple[list, list] | None:
    """How to turn the rows ``old`` into ``new``: runs to remove (last first) and runs to insert (first first), as
    (first row, last row); None when the rows kept changed order or there are too many runs."""
    old_keys, new_keys = [_key(e) for e in old], [_key(e) for e in new]
    in_new, in_old = set(new_keys), set(old_keys)
    if [k for k in old_keys if k in in_new] != [k for k in new_keys if k in in_old]:
        return None
    return _spans([k not in in_new for k in old_keys])[::-1], _spans([k not in in_old for k in new_keys])


def _spans(flags: list[bool]) -> list[tuple[int, int]]:
    spans, start = [], None
    for row, flag in enumerate(flags):
        if flag and start is None:
            start = row
        elif not flag and start is not None:
            spans.append((start, row - 1))
            start = None
    if start is not None:
        spans.append((start, len(flags) - 1))
    return spans


def _merge_key(entry) -> tuple:
    return (entry.on, 1) if isinstance(entry, InterviewEntry) else (entry.due_on, 0)


def interview_subtitle(entry: InterviewEntry) -> str:
    """"Thu 14 May 10:00 · Video · with Ana Ruiz, Bo Chen"."""
    parts = [f"{short_date(entry.on)} {format_time(entry.starts_at)}"]
    with contextlib.suppress(ValueError, KeyError):
        parts.append(_(FORMAT_LABELS[InterviewFormat(entry.format)]))
    if entry.people:
        parts.append(_("with {names}").format(names=", ".join(entry.people)))
    return " · ".join(parts)
