"""The one place that chains the stages: ingest -> segment -> extract -> embed -> align -> compare.

Each stage is a module of functions that take values and return new ones; this module only
calls them in order, times them, and assembles the Audit.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Optional, Sequence, Union

from . import align, claims as claims_stage, compare as compare_stage, embed, events as events_stage, ingest, nlp, segment
from . import provenance as provenance_stage, readings, reuse as reuse_stage
from . import extract
from .extract import names
from .extract import sources as extract_sources
from .config import AuditConfig
from .model import Audit

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str], None]


class _StageTimer:
    """Wall seconds per stage, summed over every time a stage runs (the reading stages run once per
    chunk of articles), in the order the stages first ran."""

    def __init__(self, progress: Optional[ProgressCallback]) -> None:
        self.seconds: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.progress:
            self.progress(stage)
        began = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - began
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
            log.info("stage %s: %.3f s", stage, seconds)

    @property
    def timings(self) -> tuple[tuple[str, float], ...]:
        return tuple((stage, round(seconds, 4)) for stage, seconds in self.seconds.items())


READ_CHUNK = 200  # articles segmented, parsed and read together: bounds the Docs alive at once


def _read(articles: Sequence, views: dict, config: AuditConfig, timer: _StageTimer) -> tuple[tuple, tuple, tuple, tuple]:
    """Sentences, quotes, sources and claims of every article. What depends on one article alone
    (its `readings.Reading`) comes from the readings cache for articles read before; the others
    are segmented, parsed and read here. Then the steps across articles: one name per party,
    attribution, quoting marks."""
    cache = readings.ReadingCache(config.resolved_cache_dir(), nlp.model_key(config.spacy_model)) \
        if config.use_cache else None
    with timer("readings"):
        known = cache.recall(articles) if cache is not None else {}
    fresh = [a for a in articles if a.id not in known]
    for i in range(0, len(fresh), READ_CHUNK):  # a chunk's parse is freed before the next is made
        chunk = fresh[i : i + READ_CHUNK]
        found = _read_fresh(chunk, views, config, timer)
        if cache is not None:
            cache.remember(chunk, found)
        known.update(found)
    log.info("read %d articles (%d from the readings cache)", len(fresh), len(articles) - len(fresh))
    by_article = [known[a.id] for a in articles]
    sentences = tuple(s for r in by_article for s in r.sentences)
    quotes = tuple(q for r in by_article for q in r.quotes)
    with timer("attribute"):  # one canonical id per party across articles; claims credited and marked
        sources, quotes = names.canonicalize([s for r in by_article for s in r.sources], quotes)
        claims = tuple(c for r in by_article for c in r.claims)
        claims = extract_sources.attribute(claims, quotes, sources, sentences)
        claims = claims_stage.mark_quoted(claims, quotes)
    return sentences, quotes, sources, claims


def _read_fresh(articles: Sequence, views: dict, config: AuditConfig, timer: _StageTimer) -> dict:
    """article id -> Reading, by segmenting and parsing. The parse's Docs (a few kB a sentence, twice
    over with the stitched article Docs) live only in this call, one chunk of articles at a time,
    so a large corpus never holds them all and none is alive when the embedding model loads."""
    with timer("segment"):
        sentences = tuple(s for a in articles for s in segment.sentences(a.id, views[a.id]))
    with timer("parse"):
        sentence_docs = nlp.parse([s.text for s in sentences], config.spacy_model,
                                  cache_dir=config.resolved_cache_dir() if config.use_cache else None,
                                  processes=config.parse_processes)
    with timer("quotes"):  # who said what: quotes, speakers (per-article docs stitched from the parse)
        article_docs = extract.article_docs(articles, views, sentences, sentence_docs)
        quotes = extract.quotes_of(articles, views, article_docs)
    with timer("sources"):  # whom each article credits, ids local to the article
        found = extract.sources_found(articles, views, article_docs, quotes)
    with timer("claims"):  # fact units with their figures (extract.quantities), places and participants
        claims = claims_stage.from_sentences(sentences, sentence_docs)
    parts: dict[str, dict[str, list]] = {a.id: {"sentences": [], "quotes": [], "sources": [], "claims": []}
                                         for a in articles}
    for kind, items in (("sentences", sentences), ("quotes", quotes), ("sources", found), ("claims", claims)):
        for item in items:
            parts[item.article][kind].append(item)
    return {article_id: readings.Reading(**{kind: tuple(items) for kind, items in p.items()})
            for article_id, p in parts.items()}


def audit(inputs: Sequence[Union[str, Path]], config: Optional[AuditConfig] = None, *,
          progress: Optional[ProgressCallback] = None, stdin: Optional[BinaryIO] = None) -> Audit:
    """Audit the articles found in `inputs` (files, folders, "-" for stdin)."""
    config = config or AuditConfig()
    timer = _StageTimer(progress)
    with timer("ingest"):
        articles, problems = ingest.load(inputs, config, stdin=stdin)
        views = {a.id: ingest.analysis_text(a) for a in articles}  # noise blanked, offsets kept
    sentences, quotes, sources, claims = _read(articles, views, config, timer)
    embedder = embed.make_embedder(config)
    with timer("embed"):
        vectors, _ = embed.embed([c.text for c in claims], config, embedder)
    with timer("events"):
        events = events_stage.group(articles, claims, vectors)
    with timer("reuse"):
        reuse = reuse_stage.find(articles, sources=sources, quotes=quotes, events=events)
        provenance = provenance_stage.build(articles, sources=sources, quotes=quotes, reuse=reuse)
    with timer("align"):
        clusters = align.align(claims, vectors, events)
    with timer("compare"):
        clusters = compare_stage.compare(clusters, claims, articles, quotes)
    return Audit(
        articles=tuple(articles),
        sentences=sentences,
        claims=claims,
        clusters=clusters,
        events=events,
        quotes=quotes,
        sources=sources,
        reuse=reuse,
        provenance=provenance,
        problems=tuple(problems),
        model=embedder.name,
        timings=timer.timings,
    )
