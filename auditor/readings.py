"""What the audit reads in one article alone, cached on disk so that an unchanged article is never read twice.

A reading is everything that depends on one article only: its sentences, its quotes (speakers as
the article names them), the parties it credits (ids still local to the article) and its claims
(figures, places, participants; not yet attributed across articles). It is a function of the
article (text, excluded spans, metadata; not its path), the spaCy model and auditor's own code,
so it is stored in `readings.sqlite` under a key made of those three. A re-run over unchanged
articles reads their readings back and neither parses nor imports spaCy; the steps that look
across articles (one name per party, attribution, quoting marks, and every later stage) always
run afresh. Any change to auditor's source files changes the key, so a new version never reads
an old version's readings.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from .blobcache import BlobCache, read_or_forget
from .model import Article, Claim, Quote, Sentence, Source, from_plain, to_plain

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parent
_NOT_IN_KEY = ("path", "body_offset")  # where the text came from, not what it says


@dataclass(frozen=True)
class Reading:
    """One article's sentences, quotes, credited parties and claims, as found in it alone."""

    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every source file of the installed auditor package: readings made by other code
    are never read back (a few milliseconds, once per process)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    """The cache key of an article's content: every field that the reading can depend on."""
    content = {f.name: to_plain(getattr(article, f.name)) for f in fields(article) if f.name not in _NOT_IN_KEY}
    data = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def encode(reading: Reading) -> bytes:
    return zlib.compress(json.dumps(to_plain(reading), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode(data: bytes) -> Reading:
    return from_plain(Reading, json.loads(zlib.decompress(data).decode("utf-8")))


class ReadingCache:
    """Readings of articles in `readings.sqlite`, under (code and spaCy model, article content)."""

    def __init__(self, directory: Path, spacy_model_key: str) -> None:
        self._store: Optional[BlobCache] = BlobCache(Path(directory) / "readings.sqlite", "readings")
        self._model = f"{code_fingerprint()}|{spacy_model_key}"

    def recall(self, articles: Sequence[Article]) -> dict[str, Reading]:
        """article id -> its stored reading, for the articles read before; damaged entries are misses."""
        keys = {a.id: article_key(a) for a in articles}
        stored, self._store = read_or_forget(self._store, self._model, list(keys.values()), "readings")
        found: dict[str, Reading] = {}
        for article_id, key in keys.items():
            if key not in stored:
                continue
            try:
                found[article_id] = decode(stored.pop(key))
            except (ValueError, TypeError, KeyError, zlib.error) as exc:  # a torn or foreign entry: read again
                log.warning("reading of %s in the cache is unreadable (%s); reading the article again", article_id, exc)
        return found

    def remember(self, articles: Sequence[Article], readings: dict[str, Reading]) -> None:
        if self._store is None:
            return
        items = {article_key(a): encode(readings[a.id]) for a in articles if a.id in readings}
        try:
            self._store.put_many(self._model, items)
        except sqlite3.Error as exc:
            log.warning("could not write the readings cache (%s)", exc)
