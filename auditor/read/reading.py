"""What the audit reads in one article alone: its reading, and what that depends on.

A reading is everything that depends on one article only: its sentences, its quotes (speakers as
the article names them), the parties it credits (ids still local to the article) and its claims
(figures, places, participants; not yet attributed across articles). It is a function of the
article's content (text, excluded spans, metadata; not its path: `reading_key`), the spaCy model
and auditor's own code, so the pipeline caches readings article by article (`readings.sqlite`):
a re-run over unchanged articles reads them back and neither parses nor imports spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Sequence

from auditor.model import Article, Claim, Quote, Sentence, Source

_NOT_IN_KEY = ("path", "body_offset")  # where the text came from, not what it says


@dataclass(frozen=True)
class Reading:
    """One article's sentences, quotes, credited parties and claims, as found in it alone."""

    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()


def reading_key(article: Article) -> dict[str, Any]:
    """What an article's reading depends on, besides the model and the code: every field of the
    article but where it came from."""
    return {f.name: getattr(article, f.name) for f in fields(article) if f.name not in _NOT_IN_KEY}


def by_article(articles: Sequence[Article], sentences: Sequence[Sentence], quotes: Sequence[Quote],
               sources: Sequence[Source], claims: Sequence[Claim]) -> dict[str, Reading]:
    """article id -> its Reading, from what was read in several articles at once."""
    parts: dict[str, dict[str, list]] = {a.id: {"sentences": [], "quotes": [], "sources": [], "claims": []}
                                         for a in articles}
    for kind, items in (("sentences", sentences), ("quotes", quotes), ("sources", sources), ("claims", claims)):
        for item in items:
            parts[item.article][kind].append(item)
    return {article_id: Reading(**{kind: tuple(items) for kind, items in p.items()}) for article_id, p in parts.items()}
