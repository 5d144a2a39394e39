"""Caching as a wrapper around pure stages: look up, compute what is missing, store it.

A stage is a pure function of its inputs; beside it the stage says what its result depends on
(its cache key: a text, an article's content, a pair of texts and settings). The pipeline wraps
a stage with `cached` (one value) or `cached_batch` (one value per item: vectors by text, parses
by sentence, readings by article, passages by pair, clusters by incident); stages never import
this package. A `Store` keeps values as bytes in a SQLite table of the cache folder, by key and
scope (the models the values came from and, for `code_scope`, a fingerprint of auditor's own
source files, so a new version of the code never reads an older version's results), through a
codec. A damaged store or entry is a miss, never an error: it is logged and computed again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Generic, Hashable, Iterable, Iterator, Optional, Protocol, Sequence, TypeVar

from auditor.codec import apply_row_changes, from_plain, from_rows, row_changes, to_plain, to_rows
from auditor.store.blobcache import BlobCache, text_key

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]  # the auditor package
CODE_SUFFIXES = (".py", ".txt", ".tsv")  # source files and the vocabularies they load
WRITE_CHUNK = 2000  # values encoded per write, so a large batch never holds all its bytes at once

T = TypeVar("T")
V = TypeVar("V")


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


def digest(depends_on: Any) -> str:
    """The key of what a stage's result depends on, as the stage declares it: a text is hashed as
    it is (`text_key`: parses and vectors), anything else through `content_key`."""
    return text_key(depends_on) if isinstance(depends_on, str) else content_key(depends_on)


# ---------------------------------------------------------------- codecs: values <-> bytes


class Codec(Protocol[V]):
    """How a store turns values into bytes and back. `encode` may return None for a value it
    cannot keep (it is then not stored); `decode` raises on damaged data (a miss)."""

    def encode(self, value: V) -> Optional[bytes]: ...

    def decode(self, data: bytes) -> V: ...


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
    return b"".join([*(z.compress(piece) for piece in _json_array(items, rows_of, chunk)), z.flush()])


def _json_array(items: Sequence[Any], rows_of: Callable[[Sequence[Any]], list], chunk: int) -> Iterator[bytes]:
    yield b"["
    for i in range(0, len(items), chunk):
        text = json.dumps(rows_of(items[i : i + chunk]), ensure_ascii=False, separators=(",", ":"))[1:-1]
        yield (b"," if i else b"") + text.encode("utf-8")
    yield b"]"


def decode(tp: Any, data: bytes, texts: Optional[dict[str, str]] = None) -> Any:
    plain = json.loads(zlib.decompress(data).decode("utf-8"))
    return from_plain(tp, plain) if texts is None else from_rows(tp, plain, texts)


@dataclass(frozen=True)
class Objects:
    """Model objects of type `tp` as JSON: plain (`codec.to_plain`), or with `texts` (article id ->
    text of the articles they are about) as compact rows whose spans point into those texts
    (`codec.to_rows`): about half the bytes, and faster to read back."""

    tp: Any
    texts: Optional[dict[str, str]] = field(default=None, compare=False)

    def encode(self, value: Any) -> bytes:
        return encode(value, self.texts)

    def decode(self, data: bytes) -> Any:
        return decode(self.tp, data, self.texts)


@dataclass(frozen=True)
class SequencesAsRows:
    """A tuple of sequences of model objects (`types`: one `tuple[X, ...]` each) as one JSON array of
    compact rows against `texts`, written a few thousand rows at a time (corpus-wide results), read
    back with one Span object per distinct span across all of them."""

    types: tuple
    texts: dict[str, str] = field(compare=False)

    def encode(self, value: Sequence[Sequence[Any]]) -> bytes:
        z = zlib.compressobj(1)
        out = [z.compress(b"[")]
        for n, items in enumerate(value):
            out.append(z.compress(b"," if n else b""))
            out.extend(z.compress(piece) for piece in _json_array(items, lambda chunk: to_rows(chunk, self.texts), 5000))
        out.append(z.compress(b"]"))
        out.append(z.flush())
        return b"".join(out)

    def decode(self, data: bytes) -> tuple:
        parts = decode(list, data)
        if len(parts) != len(self.types):
            raise ValueError("not the stored parts of this value")
        spans: dict = {}
        return tuple(from_rows(tp, part, self.texts, spans) for tp, part in zip(self.types, parts))


@dataclass(frozen=True)
class Changes:
    """What a step that maps objects one to one (`before`: a tuple of sequences) changed, stored
    as `codec.row_changes` against `texts`: a few fields of some objects instead of all of them.
    A step that did not keep its objects one to one is not stored."""

    before: tuple = field(compare=False)
    texts: dict[str, str] = field(compare=False)

    def encode(self, value: Sequence[Sequence[Any]]) -> Optional[bytes]:
        changed = [row_changes(b, a, self.texts) for b, a in zip(self.before, value)]
        return None if None in changed else encode(changed)

    def decode(self, data: bytes) -> tuple:
        stored = decode(list, data)
        if len(stored) != len(self.before):
            raise ValueError("not the stored changes of this step")
        return tuple(apply_row_changes(b, changed, self.texts) for b, changed in zip(self.before, stored))


# ---------------------------------------------------------------- stores


class Store(Generic[V]):
    """Values by key in table `table` of `directory/filename`, under `scope`, through `codec`.
    `code_scope`: also scoped by the code fingerprint (results of auditor's own code, as opposed
    to a model's parses or vectors). `keep`: only the `keep` entries written last are kept
    (results for a whole corpus, which would otherwise pile up run after run)."""

    def __init__(self, directory: Path, filename: str, table: str, scope: str, codec: Codec[V], *,
                 code_scope: bool = True, keep: Optional[int] = None, what: Optional[str] = None) -> None:
        self._blobs: Optional[BlobCache] = BlobCache(Path(directory) / filename, table)
        self.path = self._blobs.path
        self.scope = f"{code_fingerprint()}|{scope}" if code_scope else scope
        self.codec = codec
        self._keep = keep
        self.what = what or table

    def fetch(self, keys: Sequence[str]) -> dict[str, bytes]:
        """key -> stored bytes; a damaged store is reported once and dropped, so the run goes on without it."""
        if self._blobs is None:
            return {}
        try:
            return self._blobs.get_many(self.scope, keys)
        except sqlite3.Error as exc:
            log.warning("the %s cache is unreadable (%s); going on without it", self.what, exc)
            self._blobs = None
            return {}

    def decode(self, stored: dict[str, bytes]) -> tuple[dict[str, V], list[str]]:
        """(key -> value, keys whose entries are damaged); each entry's bytes are let go as it is decoded."""
        found: dict[str, V] = {}
        damaged: list[str] = []
        for key in list(stored):
            data = stored.pop(key)
            try:
                found[key] = self.codec.decode(data)
            except Exception as exc:  # noqa: BLE001 - a torn or foreign entry, whatever the codec: computed again
                log.warning("an entry of the %s cache is unreadable (%s: %s); computing it again", self.what,
                            type(exc).__name__, exc)
                damaged.append(key)
        return found, damaged

    def recall(self, keys: Iterable[str]) -> dict[str, V]:
        """key -> the stored value, for the keys stored before; damaged entries are left out."""
        return self.decode(self.fetch(list(dict.fromkeys(keys))))[0]

    def remember(self, values: dict[str, V], encoded: Optional[dict[str, bytes]] = None) -> None:
        """Store values by key (`encoded`: values already encoded, stored as they are), encoded
        WRITE_CHUNK at a time; a failed write is logged, never raised."""
        if self._blobs is None:
            return
        items = [(k, None) for k in (encoded or {})] + [(k, v) for k, v in values.items() if k not in (encoded or {})]
        try:
            for i in range(0, len(items), WRITE_CHUNK):
                data = {}
                for key, value in items[i : i + WRITE_CHUNK]:
                    blob = encoded[key] if encoded and key in encoded else self.codec.encode(value)
                    if blob is not None:
                        data[key] = blob
                self._blobs.put_many(self.scope, data)
            if self._keep is not None:
                self._blobs.keep_latest(self._keep)
        except sqlite3.Error as exc:
            log.warning("could not write the %s cache (%s)", self.what, exc)


# ---------------------------------------------------------------- the wrapper


def cached(store: Optional[Store[V]], key: str, compute: Callable[[], V]) -> V:
    """`compute()`, or the value stored under `key` when there is one; a computed value is stored."""
    if store is None:
        return compute()
    found = store.recall([key])
    if key in found:
        return found[key]
    value = compute()
    store.remember({key: value})
    return value


@dataclass
class Batch(Generic[T, V]):
    """What a look-up found for a batch of items, and what is left to compute (each key once, in
    first-seen order)."""

    keys: list[str]
    found: dict[str, V]
    missing: dict[str, T]


def look_up(store: Optional[Store[V]], items: Sequence[T], key_of: Callable[[T], Hashable]) -> Batch[T, V]:
    """The stored values of `items` (`key_of(item)`: what its value depends on, as its stage
    declares it). A codec with `prepare(computing)` learns first whether any value will be computed
    alongside (spaCy Docs are restored into the loaded model's vocabulary then, so all Docs of one
    call share one); if a damaged entry turns an all-hit look-up into one that computes, the hits
    are decoded again for it. Without a store every item is missing (keyed by position: nothing
    is hashed)."""
    if store is None:
        keys = [str(n) for n in range(len(items))]
        return Batch(keys, {}, dict(zip(keys, items)))
    keys = [digest(key_of(item)) for item in items]
    stored = store.fetch(keys)
    missing: dict[str, T] = {}
    for key, item in zip(keys, items):
        if key not in stored and key not in missing:
            missing[key] = item
    prepare = getattr(store.codec, "prepare", None)
    if prepare is not None:
        prepare(bool(missing))
    found, damaged = store.decode(stored)
    if damaged:
        if not missing and prepare is not None:
            prepare(True)
            found, again = store.decode(store.fetch(list(found)))
            damaged += again
        item_of = dict(zip(keys, items))
        missing.update((key, item_of[key]) for key in damaged)
    return Batch(keys, found, missing)


Made = Iterator[tuple[Sequence[Any], Optional[Sequence[Optional[bytes]]]]]  # (values, their encodings or None) per chunk


def fill(store: Optional[Store[V]], batch: Batch[T, V], compute: Callable[[list[T]], Made]) -> list[V]:
    """The batch's values in item order: found ones, and the missing ones from `compute(items)`,
    which yields them in order a chunk at a time (with their encodings when it has them, as
    worker processes do); each chunk is stored as it comes."""
    values = batch.found
    missing = list(batch.missing.items())
    if missing:
        done = 0
        for made, encoded in compute([item for _, item in missing]):
            keys = [key for key, _ in missing[done : done + len(made)]]
            fresh = dict(zip(keys, made))
            values.update(fresh)
            if store is not None:
                store.remember(fresh, {k: e for k, e in zip(keys, encoded) if e is not None} if encoded else None)
            done += len(made)
        if done != len(missing):
            raise RuntimeError(f"a stage made {done} values for {len(missing)} items")
    return [values[key] for key in batch.keys]


def cached_batch(store: Optional[Store[V]], items: Sequence[T], key_of: Callable[[T], Hashable],
                 compute: Callable[[list[T]], Sequence[V]]) -> list[V]:
    """One value per item: stored values looked up (`key_of(item)`: what an item's value depends
    on), the others computed by `compute(items)` (one value per item, in order), each distinct
    key once, and stored. Without a store, `compute(items)` on every item as given."""
    if store is None:
        return list(compute(list(items)))
    return fill(store, look_up(store, items, key_of), lambda todo: iter([(compute(todo), None)]))
