"""Results of one unit of work kept on disk, under a key of everything they depend on.

A stage's result for one unit (an article's reading, an incident's clusters, two articles' shared
passages) is a pure function of that unit's inputs and of auditor's own code. `ObjectCache` stores
such results as model objects (JSON of `model.to_plain`, zlib level 1) in a SQLite file of the cache
folder, scoped by a fingerprint of auditor's source files and whatever model the results came
from, so a re-run computes only the units whose inputs changed, and a new version of the code
never reads an older version's results. A damaged store or entry is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

from .blobcache import BlobCache, read_or_forget
from .model import from_plain, to_plain

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every source file of the installed auditor package (a few milliseconds, once per
    process): results made by other code are never read back."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def content_key(*parts: Any) -> str:
    """A key for inputs given as model objects and plain values: equal inputs, equal keys."""
    data = json.dumps(to_plain(parts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def encode(value: Any) -> bytes:
    return zlib.compress(json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode(tp: Any, data: bytes) -> Any:
    return from_plain(tp, json.loads(zlib.decompress(data).decode("utf-8")))


class ObjectCache:
    """Objects of type `tp` by content key in table `table` of `directory/filename`, scoped by the
    code fingerprint and `scope` (the models the objects were made with)."""

    def __init__(self, directory: Path, filename: str, table: str, scope: str, tp: Any) -> None:
        self._store: Optional[BlobCache] = BlobCache(Path(directory) / filename, table)
        self._scope = f"{code_fingerprint()}|{scope}"
        self._tp = tp
        self.what = table

    def recall(self, keys: Iterable[str]) -> dict[str, Any]:
        """key -> the stored object, for the keys stored before; unreadable entries are left out."""
        wanted = list(dict.fromkeys(keys))
        stored, self._store = read_or_forget(self._store, self._scope, wanted, self.what)
        found: dict[str, Any] = {}
        for key in wanted:
            if key not in stored:
                continue
            try:
                found[key] = decode(self._tp, stored.pop(key))
            except (ValueError, TypeError, KeyError, zlib.error) as exc:  # a torn or foreign entry: computed again
                log.warning("an entry of the %s cache is unreadable (%s); computing it again", self.what, exc)
        return found

    def remember(self, items: dict[str, Any], encoded: Optional[dict[str, bytes]] = None) -> None:
        """Store objects by key (`encoded`: objects already encoded, stored as they are)."""
        if self._store is None:
            return
        data = dict(encoded or {})
        data.update((key, encode(value)) for key, value in items.items() if key not in data)
        try:
            self._store.put_many(self._scope, data)
        except sqlite3.Error as exc:
            log.warning("could not write the %s cache (%s)", self.what, exc)
