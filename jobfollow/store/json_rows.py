"""Reading a JSON export without holding it twice: rows as compact tuples, the file read a piece at a time.

``json.load`` needs the whole text in memory (a 35 MB export with one "„" in it is 71 MB of text) and
makes a dict of every row (about 1 KB each). Here the file is decoded a megabyte at a time and each value
is parsed as soon as it is whole; a flat object (a row) becomes a ``Row``: its values in a tuple beside
a column index every row with the same columns shares. What comes out equals what ``json.loads`` gives,
with rows as read-only mappings.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Mapping
from typing import IO, Any

CHUNK_BYTES = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")


class Row(Mapping):
    """One row as read from the file: a read-only mapping of column name to value."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: tuple):
        self._index, self._values = index, values

    def __getitem__(self, key: str) -> Any:
        return self._values[self._index[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._values)


_NESTED = (list, dict, Row)


def compact_rows() -> Callable[[list[tuple[str, Any]]], Any]:
    """A json ``object_pairs_hook``: flat objects become Row, objects holding lists or objects a dict."""
    indexes: dict[tuple[str, ...], dict[str, int]] = {}

    def hook(pairs: list[tuple[str, Any]]) -> Any:
        if any(type(value) in _NESTED for _key, value in pairs):  # the parser builds only these
            return dict(pairs)
        keys = tuple(key for key, _value in pairs)
        index = indexes.get(keys)
        if index is None:
            index = {key: position for position, key in enumerate(keys)}
            if len(index) != len(keys):  # a column named twice: the last one wins, as in a dict
                return dict(pairs)
            indexes[keys] = index
        return Row(index, tuple(value for _key, value in pairs))

    return hook


class _Reader:
    """The decoded text of a file, a piece at a time, with a read position."""

    def __init__(self, handle: IO[bytes]):
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.json = json.JSONDecoder(object_pairs_hook=compact_rows())
        self.text, self.pos, self.ended = "", 0, False

    def more(self) -> bool:
        if self.ended:
            return False
        chunk = self.handle.read(CHUNK_BYTES)
        self.ended = not chunk
        self.text = self.text[self.pos:] + self.decoder.decode(chunk, final=self.ended)
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def take(self, expected: str) -> str:
        char = self.peek()
        if char not in expected or not char:
            raise ValueError(f"expected one of {expected!r}")
        self.pos += 1
        return char

    def value(self) -> Any:
        """The next whole JSON value, reading on while it is cut off by the end of the text read so far."""
        self.peek()
        while True:
            try:
                found, end = self.json.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                if self.more():
                    continue
                raise
            if end == len(self.text) and self.more():
                continue  # a number may go on in the next piece ("12" of "1234")
            self.pos = end
            return found


def _members(reader: _Reader, read_value: Callable[[str], Any]) -> dict:
    """The members of an object whose "{" was just taken; ``read_value(key)`` reads each value."""
    found: dict = {}
    if reader.peek() == "}":
        reader.pos += 1
        return found
    while True:
        key = reader.value()
        if not isinstance(key, str):
            raise ValueError("an object key must be text")
        reader.take(":")
        found[key] = read_value(key)
        if reader.take(",}") == "}":
            return found


def _rows(reader: _Reader) -> Any:
    """A table: a list read row by row (anything else is read whole, for the caller to refuse)."""
    if reader.peek() != "[":
        return reader.value()
    reader.pos += 1
    rows: list = []
    if reader.peek() == "]":
        reader.pos += 1
        return rows
    while True:
        rows.append(reader.value())
        if reader.take(",]") == "]":
            return rows


def read_export(handle: IO[bytes]) -> Any:
    """The JSON document in ``handle`` (binary, UTF-8 with or without BOM), its "tables" read row by row.

    Raises ValueError (or UnicodeDecodeError, RecursionError) for anything that is not one valid JSON document.
    """
    reader = _Reader(handle)
    if reader.peek() != "{":
        found = reader.value()
    else:
        reader.pos += 1

        def member(key: str) -> Any:
            if key == "tables" and reader.peek() == "{":
                reader.pos += 1
                return _members(reader, lambda _name: _rows(reader))
            return reader.value()

        found = _members(reader, member)
    if reader.peek() != "":
        raise ValueError("text after the JSON document")
    return dict(found) if isinstance(found, Row) else found


def loads_export(text: str) -> Any:
    """``json.loads`` with rows as Row (for text already in memory)."""
    found = json.loads(text, object_pairs_hook=compact_rows())
    return dict(found) if isinstance(found, Row) else found
