"""The one place that chains the stages: ingest -> segment -> extract -> embed -> align -> compare.

Each stage is a module of functions that take values and return new ones; this module only
calls them in order, times them, and assembles the Audit. It also decides what need not run
again: what one article yields (its reading), two articles' shared passages and an incident's
clusters come from the caches (`memo`) when their inputs are unchanged, and new articles are
read in worker processes when there are many.
"""
from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from threading import Thread
from typing import BinaryIO, Callable, Iterator, Optional, Sequence, Union

from auditor.crossdoc import align
from auditor.read import claims as claims_stage
from auditor.crossdoc import compare as compare_stage
from auditor import embed
from auditor.crossdoc import events as events_stage
from auditor.read import ingest
from auditor.read import nlp
from auditor.read import segment
from auditor.store import memo
from auditor.crossdoc import provenance as provenance_stage
from auditor.store import readings
from auditor.crossdoc import reuse as reuse_stage
from auditor import read as extract
from auditor.read import names
from auditor.read import sources as extract_sources
from auditor.config import AuditConfig
from auditor.model import Audit, Cluster, Edge, Event, Node, Provenance, Reuse
from auditor.codec import apply_row_changes
from auditor.codec import from_rows
from auditor.codec import no_cycle_collection
from auditor.codec import row_changes
from auditor.codec import to_rows

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
        self.seconds.setdefault(stage, 0.0)  # listed before the parts it contains ("read", "read/parse")
        began = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - began
            self.add(stage, seconds)
            log.info("stage %s: %.3f s", stage, seconds)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @property
    def timings(self) -> tuple[tuple[str, float], ...]:
        return tuple((stage, round(seconds, 4)) for stage, seconds in self.seconds.items())


READ_CHUNK = 200  # articles segmented, parsed and read together here: bounds the Docs alive at once
WORKER_CHUNK = 25  # articles per task when worker processes read: small enough to share the work evenly
CORPORA_KEPT = 8  # whole-corpus results (incidents, attributions, reuse) kept for the corpora audited last
PARALLEL_MIN = 64  # new articles: fewer are read in this process (starting a worker costs ~1.5 s)


def read_processes(requested: int, new_articles: int) -> int:
    """How many processes read `new_articles`: `requested` if set (>= 1), else one per core up to
    four when there are enough articles to repay starting them, where processes can be forked.
    Reading (segment, parse, quotes, sources, claims) is single-threaded and independent per
    article; the embedding model already uses every core through its own threads."""
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # a spawned worker re-imports the caller's __main__: never done behind its back
    if requested >= 1:
        return requested
    return min(os.cpu_count() or 1, 4) if new_articles >= PARALLEL_MIN else 1


def _read(articles: Sequence, views: dict, article_keys: dict, config: AuditConfig, timer: _StageTimer,
          embedder: Optional[embed.Embedder] = None) -> tuple[tuple, tuple, tuple, tuple, Optional[Thread]]:
    """Sentences, quotes, sources and claims of every article. What depends on one article alone
    (its `readings.Reading`) comes from the readings cache for articles read before; the others
    are read here ("read": segment, parse, quotes, sources, claims), in worker processes when
    there are many. Then the steps across articles: one name per party, attribution, quoting marks.
    New articles have new claims to embed, so while they are read in this process the `embedder`
    loads its model in a thread, returned for the caller to join (never while workers are forked:
    a fork copies no other thread)."""
    cache = readings.ReadingCache(config.resolved_cache_dir(), nlp.model_key(config.spacy_model), articles) \
        if config.use_cache else None
    with timer("readings"), no_cycle_collection():
        known = cache.recall(articles, article_keys) if cache is not None else {}
    fresh = [a for a in articles if a.id not in known]
    processes = read_processes(config.read_processes, len(fresh))
    loading = embed.prepare_in_background(embedder) if fresh and processes == 1 and embedder is not None else None
    with timer("read"):
        chunks = _read_in_workers(fresh, views, config, processes) if processes > 1 else _read_here(fresh, views, config)
        for chunk, found, stage_seconds, encoded in chunks:
            for stage, seconds in stage_seconds.items():
                timer.add(f"read/{stage}", seconds)
            if cache is not None:
                cache.remember(chunk, found, encoded, article_keys)
            known.update(found)
    log.info("read %d articles in %d process(es); %d from the readings cache", len(fresh), processes,
             len(articles) - len(fresh))
    by_article = [known[a.id] for a in articles]
    sentences = tuple(s for r in by_article for s in r.sentences)
    with timer("attribute"), no_cycle_collection():  # one id per party across articles; claims credited, marked
        sources, quotes, claims = _attribute(articles, by_article, sentences, article_keys, config)
    return sentences, quotes, sources, claims, loading


def _attribute(articles: Sequence, by_article: Sequence, sentences: tuple, article_keys: dict,
               config: AuditConfig) -> tuple[tuple, tuple, tuple]:
    """The steps across articles: one canonical id per party, claims credited, quoting marked.
    They follow from every reading at once, so what they change (a few fields of some objects)
    is cached for the corpus as a whole (`attributions.sqlite`): a re-run over the same articles
    applies the changes instead of working them out again."""
    found = tuple(s for r in by_article for s in r.sources)
    read_quotes = tuple(q for r in by_article for q in r.quotes)
    read_claims = tuple(c for r in by_article for c in r.claims)
    cache = key = None
    texts = readings.texts_of(articles)
    if config.use_cache:
        cache = memo.ObjectCache(config.resolved_cache_dir(), "attributions.sqlite", "attributions",
                                 nlp.model_key(config.spacy_model), list, keep=CORPORA_KEPT)
        key = memo.content_key([article_keys[a.id] for a in articles])
        stored = cache.recall([key]).get(key)
        if stored is not None and len(stored) == 3:
            try:
                return tuple(apply_row_changes(before, changed, texts)
                             for before, changed in zip((found, read_quotes, read_claims), stored))
            except (KeyError, ValueError, TypeError, IndexError) as exc:  # a foreign entry: made again
                log.warning("the attributions cache's entry is unreadable (%s); attributing again", exc)
    sources, quotes = names.canonicalize(found, read_quotes)
    claims = extract_sources.attribute(read_claims, quotes, sources, sentences)
    claims = claims_stage.mark_quoted(claims, quotes)
    if cache is not None:
        changed = [row_changes(before, after, texts)
                   for before, after in ((found, sources), (read_quotes, quotes), (read_claims, claims))]
        if None not in changed:
            cache.remember({key: changed})
    return sources, quotes, claims


ReadChunks = Iterator[tuple[Sequence, dict, dict, dict]]  # articles, id -> Reading, stage -> seconds, id -> encoded


def _read_here(articles: Sequence, views: dict, config: AuditConfig) -> ReadChunks:
    for i in range(0, len(articles), READ_CHUNK):  # a chunk's parse is freed before the next is made
        chunk = articles[i : i + READ_CHUNK]
        stages = _StageTimer(None)
        found = _read_fresh(chunk, views, config, stages)
        yield chunk, found, stages.seconds, {}


def _read_in_workers(articles: Sequence, views: dict, config: AuditConfig, processes: int) -> ReadChunks:
    """The same readings from forked worker processes, WORKER_CHUNK articles a task, in order. A
    worker loads its own parser and returns encoded readings; nothing of the parse comes back. The
    objects alive here are frozen (`gc.freeze`) while workers live, so a collection in a worker
    never touches, and so never copies, this process's memory."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [articles[i : i + WORKER_CHUNK] for i in range(0, len(articles), WORKER_CHUNK)]
    cache_dir = config.resolved_cache_dir() if config.use_cache else None
    tasks = [(chunk, {a.id: views[a.id] for a in chunk}, config.spacy_model, cache_dir) for chunk in chunks]
    gc.freeze()
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk, (encoded, stage_seconds) in zip(chunks, pool.map(_read_in_worker, tasks)):
                texts = readings.texts_of(chunk)
                yield chunk, {aid: readings.decode(data, texts) for aid, data in encoded.items()}, stage_seconds, encoded
    finally:
        gc.unfreeze()


def _read_in_worker(task: tuple) -> tuple[dict[str, bytes], dict[str, float]]:
    """One worker task: readings of a few articles, encoded, and the seconds of each reading stage."""
    articles, views, spacy_model, cache_dir = task
    config = AuditConfig(spacy_model=spacy_model, cache_dir=cache_dir, use_cache=cache_dir is not None)
    stages = _StageTimer(None)
    found = _read_fresh(articles, views, config, stages)
    texts = readings.texts_of(articles)
    return {aid: readings.encode(r, texts) for aid, r in found.items()}, stages.seconds


def _read_fresh(articles: Sequence, views: dict, config: AuditConfig, timer: _StageTimer) -> dict:
    """article id -> Reading, by segmenting and parsing. The parse's Docs (a few kB a sentence, twice
    over with the stitched article Docs) live only in this call, one chunk of articles at a time,
    so a large corpus never holds them all and none is alive when the embedding model loads."""
    with timer("segment"):
        sentences = tuple(s for a in articles for s in segment.sentences(a.id, views[a.id]))
    with timer("parse"):
        sentence_docs = nlp.parse([s.text for s in sentences], config.spacy_model,
                                  cache_dir=config.resolved_cache_dir() if config.use_cache else None)
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
    embedder = embed.make_embedder(config)
    article_keys = {a.id: readings.article_key(a) for a in articles} if config.use_cache else {}
    sentences, quotes, sources, claims, loading = _read(articles, views, article_keys, config, timer, embedder)
    with no_cycle_collection():
        return _across_articles(articles, problems, sentences, quotes, sources, claims, loading, embedder,
                                article_keys, config, timer)


def _across_articles(articles: Sequence, problems: Sequence, sentences: tuple, quotes: tuple, sources: tuple,
                     claims: tuple, loading: Optional[Thread], embedder: embed.Embedder, article_keys: dict,
                     config: AuditConfig, timer: _StageTimer) -> Audit:
    """The stages after reading: embed, events, reuse, then align and compare; the Audit."""
    with timer("embed"):
        if loading is not None:
            loading.join()  # the model loaded while articles were read; no thread outlives the audit
        vectors, _ = embed.embed([c.text for c in claims], config, embedder)
    # what the cross-article caches hold follows from the readings (the spaCy model) and the vectors
    scope = f"{embedder.name}|{nlp.model_key(config.spacy_model)}" if config.use_cache else embedder.name
    with timer("events"):
        events = _events(articles, claims, vectors, scope, article_keys, config)
    with timer("reuse"):
        reuse, provenance = _reuse(articles, sources, quotes, events, article_keys, config)
    clusters = _clusters(articles, claims, vectors, events, quotes, scope, article_keys, config, timer)
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


def _events(articles: Sequence, claims: Sequence, vectors, scope: str, article_keys: dict,
            config: AuditConfig) -> tuple:
    """Incidents. They are a function of every article at once (their claims and the claims'
    vectors follow from the articles' content, the spaCy model and the embedding model: `scope`),
    so they are cached for the corpus as a whole (`events.sqlite`): a re-run over the same articles
    takes them from the cache, and any added or edited article groups everything again."""
    if not config.use_cache or config.one_story:
        return events_stage.group(articles, claims, vectors, one_story=config.one_story)
    cache = memo.ObjectCache(config.resolved_cache_dir(), "events.sqlite", "events", scope, tuple[Event, ...],
                             keep=CORPORA_KEPT)
    key = memo.content_key([article_keys[a.id] for a in articles])
    known = cache.recall([key])
    if key in known:
        return known[key]
    events = events_stage.group(articles, claims, vectors)
    cache.remember({key: events})
    return events


def _reuse(articles: Sequence, sources: Sequence, quotes: Sequence, events: Sequence, article_keys: dict,
           config: AuditConfig) -> tuple[tuple, Provenance]:
    """Reuse between articles and the provenance graph. Both are a function of every article at
    once, so they are cached for the corpus as a whole (`reuse.sqlite`, as compact rows of offsets)
    under its articles' content in order, the incidents, and what the steps across articles set on
    the credits and quotes; when that misses, the pairs' shared passages still come from their own
    cache (`passages.sqlite`), so an added article aligns only the pairs it is in."""
    if not config.use_cache:
        reuse = reuse_stage.find(articles, sources=sources, quotes=quotes, events=events)
        return reuse, provenance_stage.build(articles, sources=sources, quotes=quotes, reuse=reuse)
    directory = config.resolved_cache_dir()
    cache = memo.ObjectCache(directory, "reuse.sqlite", "reuse", nlp.model_key(config.spacy_model), list,
                             keep=3 * CORPORA_KEPT)  # three entries a corpus
    key = memo.content_key([article_keys[a.id] for a in articles], [list(e.articles) for e in events],
                           [(s.id, s.canonical, s.variants) for s in sources], [(q.id, q.speaker_id) for q in quotes],
                           reuse_stage.ReuseConfig())
    parts = {part: f"{key}/{part}" for part in ("reuse", "nodes", "edges")}
    texts = readings.texts_of(articles)
    stored = cache.recall(parts.values())
    if all(k in stored for k in parts.values()):
        try:
            spans: dict = {}  # one Span object per distinct span across reuse and graph
            return (from_rows(tuple[Reuse, ...], stored[parts["reuse"]], texts, spans),
                    Provenance(nodes=from_rows(tuple[Node, ...], stored[parts["nodes"]], texts, spans),
                               edges=from_rows(tuple[Edge, ...], stored[parts["edges"]], texts, spans)))
        except (KeyError, ValueError, TypeError, IndexError) as exc:  # a foreign entry: made again
            log.warning("the reuse cache's entry is unreadable (%s); finding reuse again", exc)
    passages = memo.ObjectCache(directory, "passages.sqlite", "passages", "", reuse_stage.StoredPassages)
    reuse = reuse_stage.find(articles, sources=sources, quotes=quotes, events=events, cache=passages)
    provenance = provenance_stage.build(articles, sources=sources, quotes=quotes, reuse=reuse)
    cache.remember({}, {
        part: memo.encode_in_chunks(items, lambda chunk: to_rows(chunk, texts))
        for part, items in ((parts["reuse"], reuse), (parts["nodes"], provenance.nodes), (parts["edges"], provenance.edges))
    })
    return reuse, provenance


def _clusters(articles: Sequence, claims: Sequence, vectors, events: Sequence, quotes: Sequence, scope: str,
              article_keys: dict, config: AuditConfig, timer: _StageTimer) -> tuple:
    """Clusters with verdicts (align, then compare), incident by incident. An incident's clusters
    depend only on its claims (with their credits and figures, as the spaCy model read them), their
    vectors (the embedding model), its articles' outlets and dates and its quotes, so an incident
    whose inputs are all unchanged since an earlier run takes its clusters from the cache
    (`clusters.sqlite`)."""
    with timer("align"):
        event_of = {a: e.id for e in events for a in e.articles}
        units: dict[Optional[str], list[int]] = {}
        for i, c in enumerate(claims):
            units.setdefault(event_of.get(c.article), []).append(i)
        cache = memo.ObjectCache(config.resolved_cache_dir(), "clusters.sqlite", "clusters", scope, tuple[Cluster, ...],
                                 texts=readings.texts_of(articles)) if config.use_cache else None
        keys = {}
        if cache is not None:
            quotes_of: dict[str, list] = {}
            for q in quotes:
                quotes_of.setdefault(q.article, []).append(q)
            for unit, idxs in units.items():
                # what the claims and quotes are follows from their articles' content (their
                # readings); what the steps across articles set on them is added: credits,
                # quoting marks, speakers' shared ids
                own = sorted({claims[i].article for i in idxs})
                keys[unit] = memo.content_key([article_keys[a] for a in own],
                                              [(claims[i].id, claims[i].attribution, claims[i].attribution_span,
                                                claims[i].quoted) for i in idxs],
                                              [(q.id, q.speaker_id) for a in own for q in quotes_of.get(a, ())])
        known = cache.recall(keys.values()) if cache is not None else {}
        todo = [unit for unit in units if keys.get(unit) not in known]
        todo_set = set(todo)
        idxs = sorted(i for unit in todo for i in units[unit])
        fresh = align.align([claims[i] for i in idxs], vectors[idxs] if len(idxs) else vectors[:0],
                            [e for e in events if e.id in todo_set])
    with timer("compare"):
        fresh = compare_stage.compare(fresh, claims, articles, quotes)
        if cache is not None:
            by_unit: dict[Optional[str], list] = {unit: [] for unit in todo}
            for c in fresh:
                by_unit[c.event].append(c)
            cache.remember({keys[unit]: tuple(made) for unit, made in by_unit.items()})
    log.info("clusters of %d incidents made, %d from the cache", len(todo), len(units) - len(todo))
    recalled = [replace(c, event=unit) for unit in units if unit not in todo for c in known[keys[unit]]]
    return tuple(sorted(list(fresh) + recalled, key=align.cluster_order))
