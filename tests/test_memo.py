"""Tests of auditor.store.memo: keys, the code fingerprint, and encodings of cached results."""
from __future__ import annotations

import json

import pytest

from auditor.store import memo
from auditor.model import Span

ITEMS = [Span("a", n, n + 3, "’x\\\"") for n in range(7)]  # non-ASCII, a backslash and a quote in the text


def rows_of(chunk) -> list:
    return [[s.article, s.start, s.end, s.text] for s in chunk]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 5000])
@pytest.mark.parametrize("items", [ITEMS, ITEMS[:1], []])
def test_chunked_encoding_is_the_json_array_of_all_rows(items, chunk) -> None:
    data = memo.encode_in_chunks(items, rows_of, chunk)
    assert memo.decode(list, data) == json.loads(json.dumps(rows_of(items)))


def test_equal_inputs_make_equal_keys_and_any_difference_another() -> None:
    assert memo.content_key(ITEMS, {"k": 1}) == memo.content_key(list(ITEMS), {"k": 1})
    assert memo.content_key(ITEMS, {"k": 1}) != memo.content_key(ITEMS[:-1], {"k": 1})
    assert memo.content_key(ITEMS[0]) != memo.content_key(Span("a", 0, 3, "’x"))
