from __future__ import annotations

import sqlite3

import pytest

from auditor.store.blobcache import BlobCache, text_key


@pytest.mark.parametrize("count", [0, 1, 499, 500, 1201])  # across the chunk boundary of lookups
def test_round_trip_any_number_of_keys(tmp_path, count: int) -> None:
    store = BlobCache(tmp_path / "c.sqlite", "blobs")
    items = {text_key(f"sentence {i}"): f"value {i}".encode() for i in range(count)}
    store.put_many("m", items)
    assert store.get_many("m", list(items) + ["absent"]) == items
    assert store.get_many("other-model", list(items)) == {}


def test_keys_are_stable_hashes_not_text() -> None:
    assert text_key("14 security personnel were killed.") == text_key("14 security personnel were killed.")
    assert "killed" not in text_key("14 security personnel were killed.")
    assert text_key("a") != text_key("b")


def test_damaged_file_raises_sqlite_error(tmp_path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(sqlite3.Error):
        BlobCache(path, "blobs").get_many("m", ["k"])


def test_table_name_must_be_an_identifier(tmp_path) -> None:
    with pytest.raises(ValueError):
        BlobCache(tmp_path / "c.sqlite", "x; DROP TABLE y")


@pytest.mark.parametrize("count, kept", [(1, {"c"}), (3, {"c", "e", "d"}), (10, {"a", "b", "c", "d", "e"})])
def test_keep_latest_keeps_the_entries_written_last_whatever_their_model(tmp_path, count, kept) -> None:
    cache = BlobCache(tmp_path / "c.sqlite", "t")
    for key in "abcd":
        cache.put_many("m1" if key in "ab" else "m2", {key: key.encode()})
    cache.put_many("m1", {"e": b"e"})
    cache.put_many("m2", {"c": b"c again"})  # written again: now the latest
    cache.keep_latest(count)
    found = {**cache.get_many("m1", list("abcde")), **cache.get_many("m2", list("abcde"))}
    assert set(found) == kept
    assert found["c"] == b"c again"
