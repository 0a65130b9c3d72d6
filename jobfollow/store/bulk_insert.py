"""Many rows into one table through one prepared statement: what a large import writes with.

Peewee builds and converts a query per ``Model.insert(...)``: about 0.5 ms a row, most of a 50,000-card
import. Here a table's rows share one ``INSERT`` per set of columns; rows that keep their ids go in
batches (``executemany``), rows that need a new id go one by one on the same statement. Values are
converted exactly as peewee would (the model's Python-side defaults, then each field's ``db_value``),
and SQLite's errors arrive as peewee's, as from any other query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee

BATCH_ROWS = 1000

#: columns whose values SQLite takes as they are, once they have the field's Python type (str, int, float):
#: peewee's conversion would only coerce them again
_TAKEN_AS_THEY_ARE = (peewee.CharField, peewee.TextField, peewee.IntegerField, peewee.FloatField,
                      peewee.ForeignKeyField)

#: what a hand-edited file can make a single row fail with (a full disk or a lock is not among them)
ROW_ERRORS = (peewee.IntegrityError, peewee.InterfaceError, OverflowError, ValueError, TypeError)


class RowRefusedError(Exception):
    """The database refused the row with this ``number`` (its place in the caller's list)."""

    def __init__(self, number: int, error: Exception):
        super().__init__(str(error))
        self.number = number
        self.error = error


class TableWriter:
    """Insert rows (dicts of field name -> a value of the field's Python type) into ``model``'s table."""

    def __init__(self, model, on_written: Callable[[int], None] | None = None):
        self.model = model
        self.database = model._meta.database
        self.fields = model._meta.fields
        self.convert = {name: None if isinstance(field, _TAKEN_AS_THEY_ARE)
                        else field.db_value for name, field in self.fields.items()}
        self.defaults = list(model._meta.defaults.items())
        self.on_written = on_written or (lambda _count: None)
        self._statements: dict[tuple[str, ...], str] = {}
        self._batch: list[tuple[int, tuple]] = []
        self._batch_names: tuple[str, ...] | None = None

    def _with_defaults(self, values: dict[str, Any]) -> tuple[tuple[str, ...], tuple]:
        for field, default in self.defaults:
            if field.name not in values:
                values[field.name] = default() if callable(default) else default
        names = tuple(values)
        convert = self.convert
        return names, tuple(value if convert[name] is None or value is None else convert[name](value)
                            for name, value in values.items())

    def _statement(self, names: tuple[str, ...]) -> str:
        sql = self._statements.get(names)
        if sql is None:
            columns = ", ".join(f'"{self.fields[name].column_name}"' for name in names)
            marks = ", ".join("?" * len(names))
            sql = self._statements[names] = f'INSERT INTO "{self.model._meta.table_name}" ({columns}) VALUES ({marks})'
        return sql

    def insert(self, values: dict[str, Any], number: int) -> int:
        """One row now; returns its new id (RowRefusedError when the database refuses it)."""
        self.flush()
        names, params = self._with_defaults(values)
        try:
            with peewee.__exception_wrapper__:
                cursor = self.database.cursor()
                cursor.execute(self._statement(names), params)
        except ROW_ERRORS as exc:
            raise RowRefusedError(number, exc) from exc
        self.on_written(1)
        return cursor.lastrowid

    def add(self, values: dict[str, Any], number: int) -> None:
        """A row that carries its own id: written with the next batch."""
        names, params = self._with_defaults(values)
        if names != self._batch_names or len(self._batch) >= BATCH_ROWS:
            self.flush()
            self._batch_names = names
        self._batch.append((number, params))

    def flush(self) -> None:
        if not self._batch:
            return
        batch, names = self._batch, self._batch_names
        self._batch, self._batch_names = [], None
        sql = self._statement(names)
        try:
            with self.database.atomic(), peewee.__exception_wrapper__:  # a savepoint: a refused batch leaves nothing
                self.database.cursor().executemany(sql, [params for _number, params in batch])
        except ROW_ERRORS:
            self._find_refused(sql, batch)
            raise
        self.on_written(len(batch))

    def _find_refused(self, sql: str, batch: list[tuple[int, tuple]]) -> None:
        """Replay a refused batch row by row (in a savepoint rolled back after) to name the row at fault."""
        with self.database.atomic() as savepoint:
            cursor = self.database.cursor()
            for number, params in batch:
                try:
                    with peewee.__exception_wrapper__:
                        cursor.execute(sql, params)
                except ROW_ERRORS as exc:
                    savepoint.rollback()
                    raise RowRefusedError(number, exc) from exc
            savepoint.rollback()
