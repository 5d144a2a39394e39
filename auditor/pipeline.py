"""The one place that chains the stages: ingest -> segment -> read -> attribute -> embed -> events
-> reuse -> align -> compare.

Each stage is a function of values that returns new ones; this module only calls them in order,
times them, and assembles the Audit. It also decides what need not run again: it wraps stages
with the caches (`store.memo.cached` for one value, `cached_batch` / `look_up` + `fill` for one
value per item), under the key each stage declares beside it (what its result depends on), so
that vectors, parses, readings, pairs' shared passages and incidents' clusters whose inputs are
unchanged are read back; and new articles are read in worker processes when there are many.
"""
from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from threading import Thread
from typing import Any, BinaryIO, Callable, Iterator, Optional, Sequence, Union

import numpy as np

from auditor import embed
from auditor import read as extract
from auditor.codec import no_cycle_collection
from auditor.config import AuditConfig
from auditor.crossdoc import align, clocks
from auditor.crossdoc import compare as compare_stage
from auditor.crossdoc import events as events_stage
from auditor.crossdoc import provenance as provenance_stage
from auditor.crossdoc import reuse as reuse_stage
from auditor.model import Audit, Cluster, Edge, Event, Node, Provenance, Reuse
from auditor.read import attribute
from auditor.read import claims as claims_stage
from auditor.read import ingest
from auditor.read import names  # noqa: F401 - the attribution step's parts, patched by tests through here
from auditor.read import nlp
from auditor.read import reading
from auditor.read import segment
from auditor.store import memo

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


def _store(config: AuditConfig, filename: str, table: str, scope: str, codec: Any, **options: Any) -> Optional[memo.Store]:
    """The cache `filename` of the configured folder, or None when caching is off."""
    return memo.Store(config.resolved_cache_dir(), filename, table, scope, codec, **options) if config.use_cache else None


def _texts_of(articles: Sequence) -> dict[str, str]:
    """Article id -> text: what cached objects' spans point into when they are stored as rows."""
    return {a.id: a.text for a in articles}


def _corpus_key(store: Optional[memo.Store], parts: Callable[[], tuple]) -> str:
    """The key of a result for the corpus as a whole (`parts()`: what it depends on); none without a store."""
    return memo.content_key(*parts()) if store is not None else ""


def parse(texts: Sequence[str], spacy_model: str, cache_dir: Optional[Union[str, Path]] = None) -> list:
    """spaCy Docs for the texts, in order, each sentence read back from `cache_dir/parses.sqlite`
    when it was parsed before (under the model's key); only the others are parsed."""
    store = memo.Store(Path(cache_dir), "parses.sqlite", "docs", nlp.model_key(spacy_model), nlp.DocCodec(spacy_model),
                       code_scope=False, what="parse") if cache_dir is not None else None
    if store is None:
        return nlp.parse(texts, spacy_model)
    batch = memo.look_up(store, texts, nlp.parse_key)
    docs = memo.fill(store, batch, lambda todo: iter([(nlp.parse(todo, spacy_model), None)]))
    log.info("parsed %d sentences (%d from cache)", len(batch.missing), len(set(batch.keys)) - len(batch.missing))
    out, seen = [], set()
    for doc in docs:  # a repeated text gets its own Doc object, as nlp.pipe would give
        out.append(doc.copy() if id(doc) in seen else doc)
        seen.add(id(doc))
    return out


def embed_texts(texts: Sequence[str], config: AuditConfig,
                embedder: Optional[embed.Embedder] = None) -> tuple[np.ndarray, int]:
    """Vectors for texts (one row each, unit length) and how many were computed rather than read
    from the cache (`embeddings.sqlite`, under the model's name)."""
    embedder = embedder or embed.make_embedder(config)
    store = _store(config, "embeddings.sqlite", "vectors_f32", embedder.name, embed.VectorCodec(), code_scope=False,
                   what="embedding")
    batch = memo.look_up(store, texts, embed.vector_key)
    rows = memo.fill(store, batch, lambda todo: iter([(embed.vectors(todo, embedder), None)]))
    log.info("embedded %d texts (%d from cache)", len(batch.missing), len(set(batch.keys)) - len(batch.missing))
    if not texts:
        return np.zeros((0, 0), dtype=np.float32), 0
    return np.vstack(rows).astype(np.float32), len(batch.missing)


def _read(articles: Sequence, views: dict, config: AuditConfig, timer: _StageTimer,
          embedder: Optional[embed.Embedder] = None) -> tuple[tuple, tuple, tuple, tuple, dict, Optional[Thread]]:
    """Sentences, quotes, sources and claims of every article, and each article's key. What
    depends on one article alone (its `reading.Reading`) comes from the readings cache for
    articles read before; the others are read here ("read": segment, parse, quotes, sources,
    claims), in worker processes when there are many. Then the steps across articles
    (`attribute`). New articles have new claims to embed, so while they are read in this process
    the `embedder` loads its model in a thread, returned for the caller to join (never while
    workers are forked: a fork copies no other thread)."""
    store = _store(config, "readings.sqlite", "readings", nlp.model_key(config.spacy_model),
                   memo.Objects(reading.Reading, _texts_of(articles)))
    with timer("readings"), no_cycle_collection():
        batch = memo.look_up(store, articles, reading.reading_key)
    article_keys = {a.id: key for a, key in zip(articles, batch.keys)} if store is not None else {}
    processes = read_processes(config.read_processes, len(batch.missing))
    loading = embed.prepare_in_background(embedder) \
        if batch.missing and processes == 1 and embedder is not None else None

    def read_new(todo: list) -> memo.Made:
        chunks = _read_in_workers(todo, views, config, processes) if processes > 1 else _read_here(todo, views, config)
        for chunk, found, stage_seconds, encoded in chunks:
            for stage, seconds in stage_seconds.items():
                timer.add(f"read/{stage}", seconds)
            yield [found[a.id] for a in chunk], [encoded.get(a.id) for a in chunk] if encoded else None

    with timer("read"):
        by_article = memo.fill(store, batch, read_new)
    log.info("read %d articles in %d process(es); %d from the readings cache", len(batch.missing), processes,
             len(articles) - len(batch.missing))
    sentences = tuple(s for r in by_article for s in r.sentences)
    with timer("attribute"), no_cycle_collection():  # one id per party across articles; claims credited, marked
        sources, quotes, claims = _attribute(articles, by_article, sentences, article_keys, config)
    return sentences, quotes, sources, claims, article_keys, loading


def _attribute(articles: Sequence, by_article: Sequence, sentences: tuple, article_keys: dict,
               config: AuditConfig) -> tuple[tuple, tuple, tuple]:
    """The steps across articles (`attribute.attribute`). They follow from every reading at once,
    so what they change (a few fields of some objects) is cached for the corpus as a whole
    (`attributions.sqlite`): a re-run over the same articles takes it from there."""
    found = tuple(s for r in by_article for s in r.sources)
    read_quotes = tuple(q for r in by_article for q in r.quotes)
    read_claims = tuple(c for r in by_article for c in r.claims)
    store = _store(config, "attributions.sqlite", "attributions", nlp.model_key(config.spacy_model),
                   memo.Changes((found, read_quotes, read_claims), _texts_of(articles)), keep=CORPORA_KEPT)
    key = _corpus_key(store, lambda: ([article_keys[a.id] for a in articles],))
    return memo.cached(store, key, lambda: attribute.attribute(found, read_quotes, read_claims, sentences))


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
                codec = memo.Objects(reading.Reading, _texts_of(chunk))
                yield chunk, {aid: codec.decode(data) for aid, data in encoded.items()}, stage_seconds, encoded
    finally:
        gc.unfreeze()


def _read_in_worker(task: tuple) -> tuple[dict[str, bytes], dict[str, float]]:
    """One worker task: readings of a few articles, encoded, and the seconds of each reading stage."""
    articles, views, spacy_model, cache_dir = task
    config = AuditConfig(spacy_model=spacy_model, cache_dir=cache_dir, use_cache=cache_dir is not None)
    stages = _StageTimer(None)
    found = _read_fresh(articles, views, config, stages)
    codec = memo.Objects(reading.Reading, _texts_of(articles))
    return {aid: codec.encode(r) for aid, r in found.items()}, stages.seconds


def _read_fresh(articles: Sequence, views: dict, config: AuditConfig, timer: _StageTimer) -> dict:
    """article id -> Reading, by segmenting and parsing. The parse's Docs (a few kB a sentence, twice
    over with the stitched article Docs) live only in this call, one chunk of articles at a time,
    so a large corpus never holds them all and none is alive when the embedding model loads."""
    with timer("segment"):
        sentences = tuple(s for a in articles for s in segment.sentences(a.id, views[a.id]))
    with timer("parse"):
        sentence_docs = parse([s.text for s in sentences], config.spacy_model,
                              config.resolved_cache_dir() if config.use_cache else None)
    with timer("quotes"):  # who said what: quotes, speakers (per-article docs stitched from the parse)
        article_docs = extract.article_docs(articles, views, sentences, sentence_docs)
        quotes = extract.quotes_of(articles, views, article_docs)
    with timer("sources"):  # whom each article credits, ids local to the article
        found = extract.sources_found(articles, views, article_docs, quotes)
    with timer("claims"):  # fact units with their figures (extract.quantities), places and participants
        claims = claims_stage.from_sentences(sentences, sentence_docs)
    return reading.by_article(articles, sentences, quotes, found, claims)


def audit(inputs: Sequence[Union[str, Path]], config: Optional[AuditConfig] = None, *,
          progress: Optional[ProgressCallback] = None, stdin: Optional[BinaryIO] = None) -> Audit:
    """Audit the articles found in `inputs` (files, folders, "-" for stdin)."""
    config = config or AuditConfig()
    timer = _StageTimer(progress)
    with timer("ingest"):
        articles, problems = ingest.load(inputs, config, stdin=stdin)
        views = {a.id: ingest.analysis_text(a) for a in articles}  # noise blanked, offsets kept
    embedder = embed.make_embedder(config)
    sentences, quotes, sources, claims, article_keys, loading = _read(articles, views, config, timer, embedder)
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
        vectors, _ = embed_texts([c.text for c in claims], config, embedder)
    # what the cross-article caches hold follows from the readings (the spaCy model) and the vectors
    scope = f"{embedder.name}|{nlp.model_key(config.spacy_model)}" if config.use_cache else embedder.name
    with timer("events"):
        events = _events(articles, claims, vectors, scope, article_keys, config)
    with timer("reuse"):
        reuse, provenance = _reuse(articles, sources, quotes, events, article_keys, config)
    claims = clocks.on_incident_clocks(claims, events, articles)  # times in a zone, on the place's clock
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
    takes them from the cache, and any added or edited article groups everything again. With
    `one_story` the editor makes every input one incident, and `incident_decisions` move, split and
    join incidents (with who and when, which the evidence tells): both are part of the key too."""
    store = _store(config, "events.sqlite", "events", scope, memo.Objects(tuple[Event, ...]), keep=CORPORA_KEPT)
    decisions = config.incident_decisions
    key = _corpus_key(store, lambda: ([article_keys[a.id] for a in articles], config.one_story)
                      + ((list(decisions),) if decisions else ()))  # no decisions: the key it always had
    if not decisions:
        return memo.cached(store, key, lambda: events_stage.group(articles, claims, vectors, one_story=config.one_story))
    return memo.cached(store, key, lambda: events_stage.group(articles, claims, vectors, one_story=config.one_story,
                                                              decisions=decisions))


def _reuse(articles: Sequence, sources: Sequence, quotes: Sequence, events: Sequence, article_keys: dict,
           config: AuditConfig) -> tuple[tuple, Provenance]:
    """Reuse between articles and the provenance graph. Both are a function of every article at
    once, so they are cached for the corpus as a whole (`reuse.sqlite`, as compact rows of offsets)
    under its articles' content in order, the incidents, and what attribution set on the credits
    and quotes; when that misses, the pairs' shared passages still come from their own cache
    (`passages.sqlite`, under `reuse.passages_key`), so an added article aligns only the pairs it is in."""
    passages_store = _store(config, "passages.sqlite", "passages", "", memo.Objects(reuse_stage.PairPassages))

    def find() -> tuple:
        plan = reuse_stage.plan(articles, sources, quotes, events)
        passages = memo.cached_batch(passages_store, plan.pairs, reuse_stage.passages_key(plan),
                                     lambda pairs: reuse_stage.shared_passages(plan, pairs))
        reuse = reuse_stage.classify_pairs(plan, passages)
        provenance = provenance_stage.build(articles, sources=sources, quotes=quotes, reuse=reuse)
        return reuse, provenance.nodes, provenance.edges

    store = _store(config, "reuse.sqlite", "reuse", nlp.model_key(config.spacy_model) if config.use_cache else "",
                   memo.SequencesAsRows((tuple[Reuse, ...], tuple[Node, ...], tuple[Edge, ...]), _texts_of(articles)),
                   keep=CORPORA_KEPT)
    key = _corpus_key(store, lambda: ([article_keys[a.id] for a in articles], [list(e.articles) for e in events],
                                      attribute.what_it_sets(sources=sources, quotes=quotes), reuse_stage.ReuseConfig()))
    reuse, nodes, edges = memo.cached(store, key, find)
    return reuse, Provenance(nodes=nodes, edges=edges)


def _clusters(articles: Sequence, claims: Sequence, vectors, events: Sequence, quotes: Sequence, scope: str,
              article_keys: dict, config: AuditConfig, timer: _StageTimer) -> tuple:
    """Clusters with verdicts (align, then compare), incident by incident. An incident's clusters
    depend only on its claims (with their credits and figures, as the spaCy model read them), their
    vectors (the embedding model), its articles' outlets and dates and its quotes, so an incident
    whose articles' readings and whatever attribution set on its claims and quotes are unchanged
    takes its clusters from the cache (`clusters.sqlite`)."""
    event_of = {a: e.id for e in events for a in e.articles}
    units: dict[Optional[str], list[int]] = {}
    for i, c in enumerate(claims):
        units.setdefault(event_of.get(c.article), []).append(i)
    store = _store(config, "clusters.sqlite", "clusters", scope, memo.Objects(tuple[Cluster, ...], _texts_of(articles)))
    quotes_of: dict[str, list] = {}
    for q in quotes:
        quotes_of.setdefault(q.article, []).append(q)

    def depends_on(unit: Optional[str]) -> tuple:
        own = sorted({claims[i].article for i in units[unit]})
        return ([article_keys[a] for a in own],
                attribute.what_it_sets(quotes=[q for a in own for q in quotes_of.get(a, ())],
                                       claims=[claims[i] for i in units[unit]]))

    def make(todo: list) -> memo.Made:
        todo_set = set(todo)
        idxs = sorted(i for unit in todo for i in units[unit])
        with timer("align"):
            fresh = align.align([claims[i] for i in idxs], vectors[idxs] if len(idxs) else vectors[:0],
                                [e for e in events if e.id in todo_set])
        with timer("compare"):
            fresh = compare_stage.compare(fresh, claims, articles, quotes)
        by_unit: dict[Optional[str], list] = {unit: [] for unit in todo}
        for c in fresh:
            by_unit[c.event].append(c)
        yield [tuple(by_unit[unit]) for unit in todo], None

    with timer("align"):
        batch = memo.look_up(store, list(units), depends_on)
    made = memo.fill(store, batch, make)  # times "align" and "compare" itself
    log.info("clusters of %d incidents made, %d from the cache", len(batch.missing), len(units) - len(batch.missing))
    return tuple(sorted((replace(c, event=unit) for unit, clusters in zip(units, made) for c in clusters),
                        key=align.cluster_order))
