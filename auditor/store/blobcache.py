"""One on-disk store for everything auditor caches: bytes keyed by (scope, key).

A SQLite file per kind of value (embeddings, parses, readings, ...) so that concurrent runs share it safely
(WAL, a busy timeout) and a lookup of a whole corpus is a few chunked queries.
"""
from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Sequence

_CHUNK = 500  # keys per query, under SQLite's bound-parameter limit


def text_key(text: str) -> str:
    """The cache key of a text: a hash, so no article text is stored in a key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class BlobCache:
    """Bytes keyed by (model, key) in table `table` of a SQLite file; raises sqlite3.Error on damage."""

    def __init__(self, path: Path, table: str) -> None:
        if not table.isidentifier():
            raise ValueError(f"bad table name {table!r}")
        self.path = Path(path)
        self.table = table

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (model TEXT, key TEXT, data BLOB, PRIMARY KEY (model, key))")
        return conn

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        if not keys:
            return found
        unique = list(dict.fromkeys(keys))
        with closing(self._connect()) as conn:
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT key, data FROM {self.table} WHERE model = ? AND key IN ({marks})", [model, *chunk])
                found.update((key, bytes(data)) for key, data in rows)
        return found

    def put_many(self, model: str, items: dict[str, bytes]) -> None:
        if not items:
            return
        with closing(self._connect()) as conn, conn:
            conn.executemany(f"INSERT OR REPLACE INTO {self.table} (model, key, data) VALUES (?, ?, ?)",
                             [(model, k, sqlite3.Binary(v)) for k, v in items.items()])

    def keep_latest(self, count: int) -> None:
        """Delete all but the `count` entries written last (any model): for stores whose entries are
        large and rarely read again, such as results for a whole corpus, one per corpus audited."""
        with closing(self._connect()) as conn, conn:
            conn.execute(f"DELETE FROM {self.table} WHERE rowid NOT IN "
                         f"(SELECT rowid FROM {self.table} ORDER BY rowid DESC LIMIT ?)", (count,))
