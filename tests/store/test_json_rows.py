"""Reading an export a piece at a time gives what json.loads gives, wherever the pieces are cut."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobfollow.store import json_rows

scalars = st.none() | st.booleans() | st.integers(-10**15, 10**15) | st.floats(allow_nan=False) | st.text(max_size=12)
rows = st.dictionaries(st.text(min_size=1, max_size=6), scalars, max_size=5)
documents = st.fixed_dictionaries({
    "format": st.just("jobfollow"),
    "format_version": st.integers(1, 3),
    "tables": st.dictionaries(st.text(min_size=1, max_size=8), st.lists(rows, max_size=6), max_size=4),
})


def plain(value):
    """Rows read as Row compared as the dicts json.loads makes."""
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents, st.integers(1, 40), st.sampled_from(["", "\ufeff"]), st.booleans())
def test_pieces_read_as_the_whole_text_would(monkeypatch_chunk, document, chunk, bom, indent):
    text = bom + json.dumps(document, ensure_ascii=False, indent=1 if indent else None)
    monkeypatch_chunk(chunk)
    read = json_rows.read_export(io.BytesIO(text.encode("utf-8")))
    assert plain(read) == json.loads(text.removeprefix("\ufeff"))


@pytest.mark.parametrize("text", ['{"tables": {"a": [{"x": 1}, ]}}', '{"tables": {"a": [{"x": 1}]}} x',
                                  '{"tables": {"a": [{"x": 1}', '{"a" 1}', "", "[1, 2", '{"x": 12e}'])
def test_anything_but_one_json_document_is_refused(monkeypatch_chunk, text):
    monkeypatch_chunk(3)
    with pytest.raises(ValueError):
        json_rows.read_export(io.BytesIO(text.encode()))


def test_a_row_keeps_its_values_and_refuses_changes():
    [row] = json_rows.loads_export('[{"id": 7, "company": "Acme", "id": 8}, {"b": 2}]')[:1]
    assert dict(row) == {"id": 8, "company": "Acme"}  # a column named twice: the last wins, as in a dict
    same_columns = json_rows.loads_export('[{"id": 1, "x": "a"}, {"id": 2, "x": "b"}]')
    assert [dict(r) for r in same_columns] == [{"id": 1, "x": "a"}, {"id": 2, "x": "b"}]
    with pytest.raises(TypeError):
        same_columns[0]["id"] = 3


@pytest.fixture
def monkeypatch_chunk():
    original = json_rows.CHUNK_BYTES

    def set_chunk(size: int) -> None:
        json_rows.CHUNK_BYTES = size

    yield set_chunk
    json_rows.CHUNK_BYTES = original
