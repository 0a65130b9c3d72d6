"""JSON export and import of a whole profile: every table, with a format version.

The file is one object: ``{"format": "jobfollow", "format_version": N, "exported_at": ..., "tables": {...}}``
where each table is a list of rows keyed by column name (see docs/data-format.md). Import runs in one
transaction: all or nothing. Into a profile without cards the file *replaces* the stages, templates and settings
and keeps every id; into one with cards it *merges*: rows get new ids, stages are matched by name and kind (a
default name in one language matches the default in another), existing templates and settings win.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from peewee import (
    BooleanField,
    DateField,
    DateTimeField,
    DecimalField,
    FloatField,
    ForeignKeyField,
    IntegerField,
)

from jobfollow.core.settings_registry import is_ui_state
from jobfollow.core.stages import StageKind
from jobfollow.core.validation import date_in_range, local_time, stored_value_problem
from jobfollow.i18n import _
from jobfollow.store.bulk_insert import RowRefusedError, TableWriter
from jobfollow.store.db import storing
from jobfollow.store.json_rows import loads_export, read_export
from jobfollow.store.models import (
    ALL_MODELS,
    FollowUp,
    JobApplication,
    Setting,
    Stage,
    StageHistory,
    Template,
    database_proxy,
)
from jobfollow.store.rule_key_remap import remap_rule_key
from jobfollow.store.safe_write import write_atomically
from jobfollow.store.stage_history import rebuild_missing
from jobfollow.store.stage_labels import matching_stage

FORMAT_NAME = "jobfollow"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # years of letters make a few MB; refuse absurd files before reading them
TABLE_NAMES = {model: model._meta.table_name for model in ALL_MODELS}


class DataImportError(Exception):
    """A file that cannot be imported; ``str(exc)`` is one sentence for the user. Nothing was written."""


_STAGE_KINDS = frozenset(kind.value for kind in StageKind)
_SKIP = object()  # a null in the file for a column with a default: let the default apply


# -- export --------------------------------------------------------------------------------------
def _encode(field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, DateTimeField):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else str(value)
    if isinstance(field, DateField):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(field, DecimalField):
        return str(value)
    return value


#: progress(rows_done, rows_total) while an export reads the profile
ExportProgress = Callable[[int, int], object]


def export_data(*, exported_at: dt.datetime | None = None, progress: ExportProgress | None = None) -> dict:
    """The whole open profile as plain JSON-ready values, read in one snapshot (a worker may export while the
    window writes). ``progress(rows_done, rows_total)`` hears how far it got; an exception it raises stops it."""
    tables: dict[str, list[dict]] = {}
    with database_proxy.obj.atomic():  # one read transaction: every table as of the same moment
        total = sum(model.select().count() for model in ALL_MODELS) if progress is not None else 0
        done, step = 0, max(1, min(1000, total // 100))
        for model in ALL_MODELS:
            fields = model._meta.sorted_fields
            names = [f.column_name for f in fields]
            encoders = [(f, not isinstance(f, DateTimeField | DateField | DecimalField)) for f in fields]
            rows = []
            query = model.select().order_by(model._meta.primary_key).tuples()
            for values in query:
                row = {name: (value if plain or value is None else _encode(field, value))
                       for name, (field, plain), value in zip(names, encoders, values, strict=True)}
                done += 1
                if progress is not None and done % step == 0:
                    progress(done, total)
                if model is Setting and is_ui_state(row.get("key", "")):
                    continue  # profiles from before kept the window's size here: it is not the user's data
                rows.append(row)
            tables[TABLE_NAMES[model]] = rows
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": (exported_at or dt.datetime.now().replace(microsecond=0)).isoformat(),
        "tables": tables,
    }


def export_json(target: Path, progress: ExportProgress | None = None) -> int:
    """Write the profile to ``target`` (atomically); returns the number of cards written.
    ``progress`` counts every row twice: once read, once written."""
    rows = 0
    if progress is not None:
        def reading(done: int, total: int) -> None:
            nonlocal rows
            rows = total
            progress(done, 2 * total)
    data = export_data(progress=reading if progress is not None else None)

    def write(partial: Path) -> None:
        with open(partial, "w", encoding="utf-8") as handle:
            if progress is None:
                json.dump(data, handle, ensure_ascii=False, indent=1)
            else:
                _dump_in_pieces(data, handle, lambda written: progress(rows + written, 2 * rows))

    write_atomically(target, write)
    from jobfollow.store.io_documents import export_documents

    export_documents(target)  # the attached files, once each, in NAME.documents.zip beside it
    return len(data["tables"][TABLE_NAMES[JobApplication]])


def _dump_in_pieces(data: dict, handle, written: Callable[[int], object], piece: int = 1000) -> None:
    """The same text as ``json.dump(data, handle, ensure_ascii=False, indent=1)``, a thousand rows at a time,
    so a long export can say how far it got (and be stopped between pieces)."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, indent=1)

    head = {key: value for key, value in data.items() if key != "tables"}
    handle.write(dumps(head)[:-2] + ",\n \"tables\": {")  # the envelope's own keys, then the tables
    done = 0
    for number, (name, rows) in enumerate(data["tables"].items()):
        handle.write(("," if number else "") + "\n  " + dumps(name) + ": ")
        if not rows:
            handle.write("[]")
            continue
        handle.write("[")
        for start in range(0, len(rows), piece):
            text = dumps(rows[start:start + piece])[1:-2]  # without "[" and "\n]"
            handle.write(("," if start else "") + text.replace("\n", "\n  "))
            done += min(piece, len(rows) - start)
            written(done)
        handle.write("\n  ]")
    handle.write("\n }\n}" if data["tables"] else "}\n}")


# -- import --------------------------------------------------------------------------------------
_KINDS = ((DateTimeField, "datetime"), (DateField, "date"), (DecimalField, "decimal"), (BooleanField, "bool"),
          (ForeignKeyField, "int"), (IntegerField, "int"), (FloatField, "float"))


def _kind(field) -> str:
    """How a column's values are read (worked out once per table, not per value)."""
    return next((kind for field_type, kind in _KINDS if isinstance(field, field_type)), "text")


class _Where:
    """"job_application, row 7" for a message, formatted only when a message needs it."""

    __slots__ = ("row", "table")

    def __init__(self, table: str, row: int):
        self.table, self.row = table, row

    def __str__(self) -> str:
        return _("{table}, row {row}").format(table=self.table, row=self.row)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _decode(field, value: Any, where, kind: str | None = None) -> Any:
    if value is None:
        if field.null:
            return None
        if field.default is not None:
            return _SKIP
        raise DataImportError(_("{where}: {column} may not be empty.").format(where=where, column=field.column_name))
    kind = kind or _kind(field)
    try:
        if kind == "text":
            if not isinstance(value, str):
                raise ValueError
            return _checked(field, value, where)
        if kind == "datetime":
            if not isinstance(value, str):
                raise ValueError
            return _checked(field, local_time(_in_range(dt.datetime.fromisoformat(value.strip()))), where)
        if kind == "date":
            if not isinstance(value, str):
                raise ValueError
            return _checked(field, dt.date.fromisoformat(value.strip()), where)
        if kind == "decimal":
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise ValueError
            return _checked(field, Decimal(str(value)), where)
        if kind == "bool":
            if not isinstance(value, bool | int) or value not in (0, 1):
                raise ValueError
            return bool(value)
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError
            return _checked(field, value, where)
        if isinstance(value, bool) or not isinstance(value, int | float):  # a float column
            raise ValueError
        return _checked(field, float(value), where)
    except (ValueError, InvalidOperation, OverflowError):
        raise DataImportError(
            _("{where}: the value of {column} cannot be read.").format(where=where, column=field.column_name)
        ) from None


def _in_range(value: dt.datetime) -> dt.datetime:
    """Refuse before converting the zone: near year 1 or 9999 the conversion itself overflows."""
    if not date_in_range(value):
        raise ValueError
    return value


def _checked(field, value: Any, where: str) -> Any:
    """The value, when the shared rules (core.validation) allow it in this column."""
    problem = stored_value_problem(field.model._meta.table_name, field.column_name, value)
    if problem is not None:
        raise DataImportError(_("{where}: {column} cannot be imported ({problem}).").format(
            where=where, column=field.column_name, problem=problem))
    return value


def read_json_file(source: Path) -> dict:
    """Load and check the envelope of an export file; raises DataImportError with a clear sentence."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise DataImportError(_("Cannot read {path}: {error}.").format(path=source, error=exc.strerror or exc)) from exc
    if size == 0:
        raise DataImportError(_("{path} is empty.").format(path=source))
    if size > MAX_IMPORT_BYTES:
        raise DataImportError(_("{path} is larger than {limit} MB, too large for a jobfollow export.").format(
            path=source, limit=MAX_IMPORT_BYTES // (1024 * 1024)))
    try:
        with open(source, "rb") as handle:
            data = read_export(handle)  # a piece at a time: the whole text is never held
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DataImportError(_("{path} is not a jobfollow JSON export (it is not valid JSON).").format(
            path=source)) from None
    except OSError as exc:
        raise DataImportError(_("Cannot read {path}: {error}.").format(path=source, error=exc.strerror or exc)) from exc
    return _checked_envelope(data, str(source))


def parse_json_bytes(raw: bytes, name: str = "the file") -> dict:
    try:
        data = loads_export(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DataImportError(_("{path} is not a jobfollow JSON export (it is not valid JSON).").format(
            path=name)) from None
    return _checked_envelope(data, name)


def _checked_envelope(data: Any, name: str) -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME or "format_version" not in data:
        raise DataImportError(_("{path} is not a jobfollow JSON export.").format(path=name))
    version = data["format_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DataImportError(_("{path} has an unknown format version.").format(path=name))
    if version > FORMAT_VERSION:
        raise DataImportError(_(
            "{path} was exported by a newer jobfollow (format {version}; this version reads up to {known}). "
            "Update jobfollow to import it."
        ).format(path=name, version=version, known=FORMAT_VERSION))
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(rows, list) for rows in tables.values()):
        raise DataImportError(_("{path} is not a jobfollow JSON export (its tables are missing).").format(path=name))
    return data


class ImportCancelledError(DataImportError):
    """The user stopped the import: nothing was added."""


#: progress(rows_done, rows_total) -> False to cancel; called every percent (at most every thousand rows)
ImportProgress = Callable[[int, int], bool | None]


class _Meter:
    def __init__(self, progress: ImportProgress | None, total: int):
        self.progress, self.total, self.done = progress, total, 0
        self.next_report = 0
        self.step = max(1, min(1000, total // 100))  # a hundred reports at most

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None and self.done >= self.next_report:
            self.next_report = self.done + self.step
            if self.progress(self.done, self.total) is False:
                raise ImportCancelledError(_("The import was cancelled; nothing was added."))


def import_data(data: dict, progress: ImportProgress | None = None) -> dict[str, int]:
    """Add an export (already checked by parse_json_bytes) to the open profile, all or nothing.

    Returns how many rows were added per table. ``progress`` hears how far the import is; when it
    returns False the import stops, raises ImportCancelledError and leaves the profile as it was.
    """
    tables = data["tables"]
    # A profile holding nothing but its seeded stages, templates and settings takes the file whole, ids and all.
    replace = not any(model.select().exists() for model in ALL_MODELS if model not in (Stage, Template, Setting))
    db = database_proxy.obj
    counts: dict[str, int] = {}
    meter = _Meter(progress, sum(len(tables.get(TABLE_NAMES[model], [])) for model in ALL_MODELS))
    with storing(db, DataImportError):  # a full disk or a lock, not the file: said so, nothing added
        if replace:
            for model in (Setting, Template, Stage):
                model.delete().execute()
        id_maps: dict[type, dict[int, int]] = {}
        rule_keys: list[tuple[int, str]] = []
        for model in ALL_MODELS:
            counts[TABLE_NAMES[model]] = _import_table(model, tables.get(TABLE_NAMES[model], []), id_maps, replace,
                                                       rule_keys, meter)
        for followup_id, key in rule_keys:  # every id is known now (offers come after follow-ups)
            FollowUp.update(rule_key=remap_rule_key(key, id_maps)).where(FollowUp.id == followup_id).execute()
        if TABLE_NAMES[StageHistory] not in tables:
            # A file from before stage history was kept: rebuild it from the file's own timeline, marked as imported.
            rebuild_missing(id_maps.get(JobApplication, {}).values())
    if progress is not None:
        progress(meter.total, meter.total)
    return counts


def _import_table(model, rows: list, id_maps: dict[type, dict[int, int]], replace: bool,
                  rule_keys: list[tuple[int, str]], meter: _Meter) -> int:
    table = TABLE_NAMES[model]
    fields = model._meta.sorted_fields
    plan = [(field, field.column_name, field.name, _kind(field),
             id_maps.get(field.rel_model, {}) if isinstance(field, ForeignKeyField) else None)
            for field in fields]
    known = {f.column_name for f in fields}
    mapping = id_maps.setdefault(model, {})
    writer = TableWriter(model, meter.advance)
    added = 0
    try:
        for index, row in enumerate(rows, start=1):
            where = _Where(table, index)
            if not isinstance(row, Mapping):
                raise DataImportError(_("{where} is not an object.").format(where=where))
            if not row.keys() <= known:
                unknown = sorted(set(row) - known)[0]
                raise DataImportError(_("{where}: unknown column {column}.").format(where=where, column=unknown))
            values: dict[str, Any] = {}
            for field, column, name, kind, target_map in plan:
                if column not in row:
                    if field.primary_key:
                        raise DataImportError(_("{where} has no id.").format(where=where))
                    continue
                value = _decode(field, row[column], where, kind)
                if value is _SKIP:
                    continue
                if target_map is not None and value is not None:
                    if value not in target_map:
                        raise DataImportError(_("{where}: {column} points to a row that is not in the file.").format(
                            where=where, column=column))
                    value = target_map[value]
                values[name] = value
            if model is Stage and values.get("kind") not in _STAGE_KINDS:  # the rules and the board read the kind
                raise DataImportError(_("{where}: unknown stage kind.").format(where=where))
            if model is Setting and not _is_json(values.get("value", "")):
                raise DataImportError(_("{where}: the setting cannot be read.").format(where=where))
            old_id = values.pop("id")
            if old_id in mapping:
                raise DataImportError(_("{where}: the id {id} appears twice.").format(where=where, id=old_id))
            existing = None if replace else _existing_match(model, values)
            if existing is not None:
                mapping[old_id] = existing
                meter.advance(1)
                continue
            if not replace and model is Setting:
                meter.advance(1)
                continue
            if model is Setting and is_ui_state(values.get("key", "")):
                meter.advance(1)
                continue  # an older export's window size and board view: not the user's data
            old_key = values.get("rule_key")
            if not replace and old_key is not None:
                values["rule_key"] = None  # set once every id it names is known (see remap_rule_key)
            if replace:  # ids kept: written in batches
                values["id"] = old_id
                writer.add(values, index)
                mapping[old_id] = old_id
            else:
                new_id = mapping[old_id] = writer.insert(values, index)
                if old_key is not None:
                    rule_keys.append((new_id, old_key))
            added += 1
        writer.flush()
    except RowRefusedError as refused:  # a hand-edited file's values
        raise DataImportError(_("{where} cannot be stored ({error}).").format(
            where=_Where(table, refused.number), error=str(refused.error).splitlines()[0][:200])) from refused.error
    return added


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _existing_match(model, values: dict) -> int | None:
    """In merge mode: the id of a row this profile already has that the imported one stands for."""
    if model is Stage:
        return getattr(matching_stage(str(values.get("name")), str(values.get("kind"))), "id", None)
    if model is Template:
        row = Template.get_or_none((Template.key == values.get("key"))
                                   & (Template.language == values.get("language", "en")))
        return row.id if row else None
    if model is Setting:
        row = Setting.get_or_none(Setting.key == values.get("key"))
        return row.id if row else None
    return None


def import_json(source: Path) -> dict[str, int]:
    """Read ``source`` and import it; raises DataImportError (nothing written) when it cannot be."""
    from jobfollow.store.io_documents import DocumentsArchiveError, check_documents, store_documents

    data = read_json_file(source)
    attachments = data.get("tables", {}).get("attachment", []) if isinstance(data.get("tables"), dict) else []
    try:
        files = check_documents(source, attachments if isinstance(attachments, list) else [])
    except DocumentsArchiveError as exc:
        raise DataImportError(str(exc)) from exc
    store_documents(files)  # files first: an import that then fails leaves only unreferenced files (collected later)
    return import_data(data)
