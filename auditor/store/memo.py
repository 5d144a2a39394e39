"""Results of one unit of work kept on disk, under a key of everything they depend on.

A stage's result for one unit (an article's reading, an incident's clusters, two articles' shared
passages) is a pure function of that unit's inputs and of auditor's own code. `ObjectCache` stores
such results as model objects (JSON of `codec.to_plain`, or of the compact `codec.to_rows`; zlib
level 1) in a SQLite file of the cache folder, scoped by a fingerprint of auditor's source files
and whatever model the results came from, so a re-run computes only the units whose inputs
changed, and a new version of the code never reads an older version's results. A damaged store or entry is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from auditor.store.blobcache import BlobCache, read_or_forget
from auditor.codec import from_plain
from auditor.codec import from_rows
from auditor.codec import to_plain
from auditor.codec import to_rows

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]  # the auditor package
CODE_SUFFIXES = (".py", ".txt", ".tsv")  # source files and the vocabularies they load


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every source file and vocabulary of the installed auditor package (a few
    milliseconds, once per process): results made by other code or words are never read back."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def content_key(*parts: Any) -> str:
    """A key for inputs given as model objects and plain values: equal inputs, equal keys."""
    data = json.dumps(to_plain(parts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def encode(value: Any, texts: Optional[dict[str, str]] = None) -> bytes:
    """JSON of the value, zlib level 1: as `codec.to_rows` against `texts` (article id -> text)
    when given (positional, text that is the article's own left out), else as `codec.to_plain`."""
    plain = to_plain(value) if texts is None else to_rows(value, texts)
    return zlib.compress(json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def encode_in_chunks(items: Sequence[Any], rows_of: Callable[[Sequence[Any]], list], chunk: int = 5000) -> bytes:
    """The JSON array of `rows_of(items)` (one row per item), zlib level 1, made `chunk` items at a
    time: a corpus-wide result of hundreds of thousands of rows is never held as rows, JSON text
    and bytes all at once (at 10,000 articles that was half a GB more at the audit's peak)."""
    z = zlib.compressobj(1)
    out = [z.compress(b"[")]
    for i in range(0, len(items), chunk):
        text = json.dumps(rows_of(items[i : i + chunk]), ensure_ascii=False, separators=(",", ":"))[1:-1]
        out.append(z.compress((b"," if i else b"") + text.encode("utf-8")))
    out.append(z.compress(b"]"))
    out.append(z.flush())
    return b"".join(out)


def decode(tp: Any, data: bytes, texts: Optional[dict[str, str]] = None) -> Any:
    plain = json.loads(zlib.decompress(data).decode("utf-8"))
    return from_plain(tp, plain) if texts is None else from_rows(tp, plain, texts)


class ObjectCache:
    """Objects of type `tp` by content key in table `table` of `directory/filename`, scoped by the
    code fingerprint and `scope` (the models the objects were made with). With `texts` (article id
    -> text of the articles the objects are about), objects are stored as compact rows whose spans
    point into those texts (`codec.to_rows`): about half the bytes, and faster to read back. With
    `keep`, only the `keep` entries written last are kept (results for a whole corpus: one large
    entry per corpus audited, which would otherwise pile up run after run)."""

    def __init__(self, directory: Path, filename: str, table: str, scope: str, tp: Any,
                 texts: Optional[dict[str, str]] = None, keep: Optional[int] = None) -> None:
        self._store: Optional[BlobCache] = BlobCache(Path(directory) / filename, table)
        self._keep = keep  # entries kept after each write (the latest written); None: all
        self._scope = f"{code_fingerprint()}|{scope}|{'rows' if texts is not None else 'plain'}"
        self._tp = tp
        self._texts = texts
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
                found[key] = decode(self._tp, stored.pop(key), self._texts)
            except (ValueError, TypeError, KeyError, IndexError, zlib.error) as exc:  # a torn or foreign entry: computed again
                log.warning("an entry of the %s cache is unreadable (%s); computing it again", self.what, exc)
        return found

    def remember(self, items: dict[str, Any], encoded: Optional[dict[str, bytes]] = None) -> None:
        """Store objects by key (`encoded`: objects already encoded, stored as they are)."""
        if self._store is None:
            return
        data = dict(encoded or {})
        data.update((key, encode(value, self._texts)) for key, value in items.items() if key not in data)
        try:
            self._store.put_many(self._scope, data)
            if self._keep is not None:
                self._store.keep_latest(self._keep)
        except sqlite3.Error as exc:
            log.warning("could not write the %s cache (%s)", self.what, exc)
