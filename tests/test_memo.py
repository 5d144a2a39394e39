"""Tests of auditor.store.memo: keys, the code fingerprint, encodings of cached results, and the one
wrapper that caches stages (look-up, compute, store; damaged entries are misses; scopes; keep_latest)."""
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


# --------------------------------------------------------------------------- the wrapper: Store, cached, cached_batch


class _Text:
    """A codec of str values; refuses what was not written by it, as a damaged entry would be."""

    @staticmethod
    def encode(value: str):
        return None if value == "unkept" else b"ok:" + value.encode("utf-8")

    @staticmethod
    def decode(data: bytes) -> str:
        if not data.startswith(b"ok:"):
            raise ValueError("not a text of this codec")
        return data[3:].decode("utf-8")


def _store(tmp_path, scope="model-a", **options) -> memo.Store:
    return memo.Store(tmp_path, "things.sqlite", "things", scope, _Text(), **options)


def _counting(calls: list):
    def compute(items):
        calls.append(list(items))
        return [item.upper() for item in items]
    return compute


def test_a_batch_computes_only_what_is_missing_each_key_once_in_first_seen_order(tmp_path) -> None:
    calls: list = []
    store = _store(tmp_path)
    assert memo.cached_batch(store, ["b", "a", "b"], str, _counting(calls)) == ["B", "A", "B"]
    assert memo.cached_batch(store, ["c", "a", "b", "c"], str, _counting(calls)) == ["C", "A", "B", "C"]
    assert calls == [["b", "a"], ["c"]]


def test_without_a_store_everything_is_computed_as_given(tmp_path) -> None:
    calls: list = []
    assert memo.cached_batch(None, ["b", "b"], str, _counting(calls)) == ["B", "B"] and calls == [["b", "b"]]
    assert memo.cached(None, "k", lambda: "v") == "v"
    assert not (tmp_path / "things.sqlite").exists()


def test_one_value_is_computed_once(tmp_path) -> None:
    calls: list = []
    compute = lambda: calls.append(1) or "value"  # noqa: E731
    assert memo.cached(_store(tmp_path), "k", compute) == memo.cached(_store(tmp_path), "k", compute) == "value"
    assert calls == [1]


def test_damaged_entries_are_misses(tmp_path, caplog) -> None:
    import sqlite3

    calls: list = []
    memo.cached_batch(_store(tmp_path), ["a", "b"], str, _counting(calls))
    with sqlite3.connect(tmp_path / "things.sqlite") as db:
        db.execute("UPDATE things SET data = ? WHERE key = ?", (b"garbage", memo.digest("b")))
    assert memo.cached_batch(_store(tmp_path), ["a", "b"], str, _counting(calls)) == ["A", "B"]
    assert calls == [["a", "b"], ["b"]] and "an entry of the things cache is unreadable" in caplog.text
    assert memo.cached_batch(_store(tmp_path), ["a", "b"], str, _counting(calls)) == ["A", "B"]
    assert len(calls) == 2  # stored again, good this time


def test_a_damaged_store_is_gone_without(tmp_path, caplog) -> None:
    (tmp_path / "things.sqlite").write_bytes(b"this is not a database" * 100)
    calls: list = []
    assert memo.cached_batch(_store(tmp_path), ["a"], str, _counting(calls)) == ["A"]
    assert memo.cached(_store(tmp_path), "k", lambda: "v") == "v"
    assert "the things cache is unreadable" in caplog.text


def test_a_value_the_codec_cannot_keep_is_not_stored(tmp_path) -> None:
    calls: list = []
    compute = lambda: calls.append(1) or "unkept"  # noqa: E731
    memo.cached(_store(tmp_path), "k", compute)
    memo.cached(_store(tmp_path), "k", compute)
    assert calls == [1, 1]


@pytest.mark.parametrize("other, shared", [
    (dict(scope="model-a"), True),
    (dict(scope="model-b"), False),  # another model's results
    (dict(scope="model-a", code_scope=False), False),  # results of auditor's code vs a model's alone
])
def test_stores_are_scoped_by_models_and_code(tmp_path, other, shared) -> None:
    memo.cached(_store(tmp_path), "k", lambda: "first")
    assert (memo.cached(_store(tmp_path, **other), "k", lambda: "second") == "first") is shared


def test_other_code_never_reads_these_results(tmp_path, monkeypatch) -> None:
    memo.cached(_store(tmp_path), "k", lambda: "first")
    monkeypatch.setattr(memo, "code_fingerprint", lambda: "another-version")
    assert memo.cached(_store(tmp_path), "k", lambda: "second") == "second"


def test_keep_latest_keeps_the_results_of_the_corpora_written_last(tmp_path) -> None:
    for key in "abc":
        memo.cached(_store(tmp_path, keep=2), key, lambda key=key: key)
    assert set(_store(tmp_path).recall(["a", "b", "c"])) == {"b", "c"}


def test_a_codec_learns_whether_values_are_computed_alongside(tmp_path) -> None:
    """As spaCy Docs must share one vocab: restored as the computed ones are made when any are."""

    class Tagged(_Text):
        def __init__(self):
            self.computing = None

        def prepare(self, computing: bool) -> None:
            self.computing = computing

        def decode(self, data: bytes) -> str:
            return f"{_Text.decode(data)}/{'mixed' if self.computing else 'hits'}"

    codec = Tagged()
    store = memo.Store(tmp_path, "things.sqlite", "things", "m", codec)
    memo.cached_batch(store, ["a", "b"], str, lambda items: list(items))
    assert memo.cached_batch(store, ["a", "b"], str, lambda items: list(items)) == ["a/hits", "b/hits"]
    assert memo.cached_batch(store, ["a", "c"], str, lambda items: list(items)) == ["a/mixed", "c"]
    import sqlite3

    with sqlite3.connect(tmp_path / "things.sqlite") as db:  # a damaged entry makes an all-hit batch compute
        db.execute("UPDATE things SET data = ? WHERE key = ?", (b"garbage", memo.digest("b")))
    assert memo.cached_batch(store, ["a", "b"], str, lambda items: list(items)) == ["a/mixed", "b"]


def test_fill_stores_chunks_as_they_come_with_their_encodings(tmp_path) -> None:
    store = _store(tmp_path)
    batch = memo.look_up(store, ["a", "b", "c"], str)
    made = iter([(["A", "B"], [b"ok:pre-encoded A", None]), (["C"], None)])
    assert memo.fill(store, batch, lambda todo: made) == ["A", "B", "C"]
    assert memo.cached_batch(_store(tmp_path), ["a", "b", "c"], str, lambda items: 1 / 0) == ["pre-encoded A", "B", "C"]


def test_only_the_pipeline_imports_the_cache() -> None:
    """Stages are pure: they declare their keys, and the pipeline wraps them with the store."""
    import re
    from pathlib import Path

    package = Path(memo.__file__).resolve().parents[1]
    importers = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                       if "store" not in p.relative_to(package).parts
                       and re.search(r"^\s*(from auditor\.store\b|from auditor import store\b|import auditor\.store\b)",
                                     p.read_text(encoding="utf-8"), re.M))
    assert importers == ["pipeline.py"]
