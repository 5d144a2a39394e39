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

import logging
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Optional, Sequence

from auditor.store import memo
from auditor.store.memo import content_key
from auditor.model import Article, Claim, Quote, Sentence, Source

log = logging.getLogger(__name__)

_NOT_IN_KEY = ("path", "body_offset")  # where the text came from, not what it says


@dataclass(frozen=True)
class Reading:
    """One article's sentences, quotes, credited parties and claims, as found in it alone."""

    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()


def article_key(article: Article) -> str:
    """The cache key of an article's content: every field that the reading can depend on."""
    return content_key({f.name: getattr(article, f.name) for f in fields(article) if f.name not in _NOT_IN_KEY})


def texts_of(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> text: what a reading's spans point into when it is stored as rows."""
    return {a.id: a.text for a in articles}


def encode(reading: Reading, texts: dict[str, str]) -> bytes:
    """A reading as stored: compact rows whose spans point into its article's text (`texts`)."""
    return memo.encode(reading, texts)


def decode(data: bytes, texts: dict[str, str]) -> Reading:
    return memo.decode(Reading, data, texts)


class ReadingCache:
    """Readings of articles in `readings.sqlite`, under (code and spaCy model, article content),
    as compact rows against the texts of `articles` (the articles they may be asked for)."""

    def __init__(self, directory: Path, spacy_model_key: str, articles: Sequence[Article]) -> None:
        self._cache = memo.ObjectCache(directory, "readings.sqlite", "readings", spacy_model_key, Reading,
                                       texts=texts_of(articles))

    def recall(self, articles: Sequence[Article], keys: Optional[dict[str, str]] = None) -> dict[str, Reading]:
        """article id -> its stored reading, for the articles read before; damaged entries are misses.
        `keys`: the articles' `article_key`s, when the caller has them."""
        keys = {a.id: keys[a.id] if keys else article_key(a) for a in articles}
        found = self._cache.recall(keys.values())
        return {article_id: found[key] for article_id, key in keys.items() if key in found}

    def remember(self, articles: Sequence[Article], readings: dict[str, Reading],
                 encoded: Optional[dict[str, bytes]] = None, keys: Optional[dict[str, str]] = None) -> None:
        """Store the readings of `articles` (`encoded`: some already encoded, by article id; `keys`:
        the articles' `article_key`s, when the caller has them)."""
        encoded = encoded or {}
        keys = {a.id: keys[a.id] if keys else article_key(a) for a in articles}
        self._cache.remember({keys[a.id]: readings[a.id] for a in articles if a.id in readings and a.id not in encoded},
                             {keys[a.id]: encoded[a.id] for a in articles if a.id in encoded})
