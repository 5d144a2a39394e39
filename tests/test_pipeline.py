"""The pipeline frees the parse once claims are built: nothing after that stage holds a spaCy Doc."""
from __future__ import annotations

import gc

import pytest

from auditor.config import AuditConfig
from auditor.pipeline import PARALLEL_MIN, audit


class DocCountingEmbedder:
    """A fake embedder that records how many spaCy Docs are still reachable when embedding starts."""

    name = "fake-doc-count"

    def __init__(self, inner) -> None:
        self.inner = inner
        self.live_docs: list[int] = []

    def encode(self, texts):
        from spacy.tokens import Doc

        gc.collect()  # only Docs something still refers to survive this
        self.live_docs.append(sum(isinstance(o, Doc) for o in gc.get_objects()))
        return self.inner.encode(texts)


@pytest.mark.parametrize("use_cache", [False, True])
def test_no_doc_is_alive_during_embedding(seeds_dir, fake_embedder, tmp_path, use_cache) -> None:
    embedder = DocCountingEmbedder(fake_embedder)
    result = audit([seeds_dir], AuditConfig(cache_dir=tmp_path, use_cache=use_cache, embedder=embedder))
    assert result.claims and result.quotes  # the parse was used before it was dropped
    assert embedder.live_docs == [0]


def _without_timings(result) -> dict:
    from auditor.render.json import audit_to_data

    data = audit_to_data(result)
    data.pop("timings")
    return data


def test_reading_in_chunks_changes_nothing_but_memory(seeds_dir, fake_embedder, monkeypatch) -> None:
    from auditor import pipeline

    whole = audit([seeds_dir], AuditConfig(use_cache=False, embedder=fake_embedder, read_processes=1))
    monkeypatch.setattr(pipeline, "READ_CHUNK", 2)  # 5 articles: chunks of 2, 2 and 1
    parses = []
    real = pipeline.nlp.parse
    monkeypatch.setattr(pipeline.nlp, "parse", lambda texts, *a, **k: parses.append(len(texts)) or real(texts, *a, **k))
    chunked = audit([seeds_dir], AuditConfig(use_cache=False, embedder=fake_embedder, read_processes=1))
    assert len(parses) == 3
    stages = [s for s, _ in chunked.timings]
    assert stages.count("read/parse") == 1 and stages.index("read") < stages.index("read/parse")  # summed, after "read"
    assert _without_timings(chunked) == _without_timings(whole)


def test_worker_processes_read_the_same(seeds_dir, fake_embedder, tmp_path, monkeypatch) -> None:
    from auditor import pipeline

    here = audit([seeds_dir], AuditConfig(cache_dir=tmp_path / "a", embedder=fake_embedder, read_processes=1))
    monkeypatch.setattr(pipeline, "WORKER_CHUNK", 2)  # three tasks for two workers
    workers = audit([seeds_dir], AuditConfig(cache_dir=tmp_path / "b", embedder=fake_embedder, read_processes=2))
    assert _without_timings(workers) == _without_timings(here)
    timings = dict(workers.timings)
    assert timings["read/parse"] > 0 and timings["read/claims"] > 0  # the workers' stage figures came back
    assert (tmp_path / "b" / "readings.sqlite").exists() and (tmp_path / "b" / "parses.sqlite").exists()
    again = audit([seeds_dir], AuditConfig(cache_dir=tmp_path / "b", embedder=fake_embedder, read_processes=2))
    assert _without_timings(again) == _without_timings(here) and "read/parse" not in dict(again.timings)


@pytest.mark.parametrize("requested, new_articles, cores, expected", [
    (0, PARALLEL_MIN, 2, 2),
    (0, PARALLEL_MIN - 1, 2, 1),  # too few to repay starting workers
    (0, 5000, 16, 4),  # at most four by default
    (0, 5000, 1, 1),
    (3, 2, 2, 3),  # asked for: given
])
def test_read_processes(monkeypatch, requested, new_articles, cores, expected) -> None:
    import os

    from auditor import pipeline

    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert pipeline.read_processes(requested, new_articles) == expected


def test_incidents_with_unchanged_inputs_take_their_clusters_from_the_cache(seeds_dir, fake_embedder, tmp_path,
                                                                          monkeypatch) -> None:
    import shutil

    from auditor import pipeline

    aligned: list[set] = []
    real = pipeline.align.align
    monkeypatch.setattr(pipeline.align, "align",
                        lambda claims, *a, **k: aligned.append({c.article for c in claims}) or real(claims, *a, **k))
    folder = tmp_path / "story"
    shutil.copytree(seeds_dir, folder)
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    first = audit([folder], config)
    assert len(first.events) == 2 and aligned[-1] == {a.id for a in first.articles}
    calls = len(aligned)
    again = audit([folder], config)
    assert len(aligned) == calls and _without_timings(again) == _without_timings(first)  # nothing aligned again
    # an edit to one article redoes its incident only; the other incident's clusters are recalled
    edited = next(folder.glob("002_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nOfficials said 9 more bodies were found.\n",
                      encoding="utf-8")
    after = audit([folder], config)
    incident = next(e for e in after.events if edited.stem in e.articles)
    assert aligned[-1] == set(incident.articles)
    fresh = audit([folder], AuditConfig(cache_dir=tmp_path / "fresh", embedder=fake_embedder))
    assert _without_timings(after) == _without_timings(fresh)


def test_incidents_are_grouped_again_only_when_the_articles_change(seeds_dir, fake_embedder, tmp_path,
                                                                   monkeypatch) -> None:
    import shutil

    from auditor import pipeline

    grouped: list[int] = []
    real = pipeline.events_stage.group
    monkeypatch.setattr(pipeline.events_stage, "group", lambda articles, *a, **k: grouped.append(len(articles)) or real(articles, *a, **k))
    folder = tmp_path / "story"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for path in seeds[:4]:
        shutil.copy(path, folder / path.name)
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    first = audit([folder], config)
    again = audit([folder], config)
    assert grouped == [4] and again.events == first.events
    shutil.copy(seeds[4], folder / seeds[4].name)
    grown = audit([folder], config)
    assert grouped == [4, 5] and {a for e in grown.events for a in e.articles} == {p.stem for p in seeds}


def test_reuse_is_found_again_only_when_the_articles_change(seeds_dir, fake_embedder, tmp_path, monkeypatch) -> None:
    import shutil

    from auditor import pipeline

    found: list[int] = []
    real = pipeline.reuse_stage.plan
    monkeypatch.setattr(pipeline.reuse_stage, "plan", lambda articles, *a, **k: found.append(len(articles)) or real(articles, *a, **k))
    folder = tmp_path / "story"
    shutil.copytree(seeds_dir, folder)
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    first = audit([folder], config)
    again = audit([folder], config)
    assert found == [5] and first.reuse and _without_timings(again) == _without_timings(first)
    edited = next(folder.glob("003_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe Associated Press contributed to this report.\n",
                      encoding="utf-8")
    after = audit([folder], config)
    assert found == [5, 5]
    fresh = audit([folder], AuditConfig(cache_dir=tmp_path / "fresh", embedder=fake_embedder))
    assert _without_timings(after) == _without_timings(fresh)


def test_another_spacy_model_reads_nothing_from_the_cross_article_caches(seeds_dir, fake_embedder, tmp_path,
                                                                         monkeypatch) -> None:
    """Claims, quotes and credits follow from the spaCy model, so incidents, reuse and clusters
    made with one model are never served to a run with another."""
    from auditor import pipeline
    from auditor.read import nlp

    calls: list[str] = []
    for stage, name in ((pipeline.events_stage, "group"), (pipeline.reuse_stage, "plan"), (pipeline.align, "align")):
        real = getattr(stage, name)
        monkeypatch.setattr(stage, name, lambda first, *a, _real=real, _name=name, **k:
                            (calls.append(_name) if len(first) else None) or _real(first, *a, **k))
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    first = audit([seeds_dir], config)
    audit([seeds_dir], config)
    assert calls == ["group", "plan", "align"]  # the second run made none of them
    real_key = nlp.model_key
    monkeypatch.setattr(nlp, "model_key", lambda name: real_key(name) + "|another build")
    other = audit([seeds_dir], config)
    assert calls == ["group", "plan", "align"] * 2
    assert _without_timings(other) == _without_timings(first)


class PreparingEmbedder:
    """A fake embedder that records in which thread its model was prepared."""

    name = "fake-preparing"

    def __init__(self, inner) -> None:
        self.inner = inner
        self.prepared_in: list[str] = []

    def prepare(self) -> bool:
        import threading

        self.prepared_in.append(threading.current_thread().name)
        return True

    def encode(self, texts):
        return self.inner.encode(texts)


@pytest.mark.parametrize("processes, read_before, expected", [
    (1, False, ["auditor-model-load"]),  # new articles read here: the model loads meanwhile, in a thread
    (2, False, []),  # read in forked workers: no thread is started before a fork
    (1, True, []),  # every reading from the cache: nothing new to embed, nothing loaded ahead
])
def test_the_model_loads_while_new_articles_are_read(seeds_dir, fake_embedder, tmp_path, processes, read_before,
                                                     expected) -> None:
    if read_before:
        audit([seeds_dir], AuditConfig(cache_dir=tmp_path, embedder=fake_embedder))
    embedder = PreparingEmbedder(fake_embedder)
    result = audit([seeds_dir], AuditConfig(cache_dir=tmp_path, embedder=embedder, read_processes=processes))
    assert embedder.prepared_in == expected and result.claims


def test_attribution_is_replayed_from_the_cache_when_the_articles_are_unchanged(seeds_dir, fake_embedder, tmp_path,
                                                                                 monkeypatch) -> None:
    import shutil

    from auditor import pipeline

    made: list[int] = []
    real = pipeline.names.canonicalize
    monkeypatch.setattr(pipeline.names, "canonicalize", lambda sources, quotes: made.append(len(sources)) or real(sources, quotes))
    folder = tmp_path / "story"
    shutil.copytree(seeds_dir, folder)
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    first = audit([folder], config)
    again = audit([folder], config)
    assert len(made) == 1 and _without_timings(again) == _without_timings(first)
    assert any(c.attribution for c in again.claims) and any(q.speaker_id for q in again.quotes)
    edited = next(folder.glob("001_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n“We will rebuild,” the governor told Reuters.\n",
                      encoding="utf-8")
    after = audit([folder], config)
    assert len(made) == 2
    fresh = audit([folder], AuditConfig(cache_dir=tmp_path / "fresh", embedder=fake_embedder))
    assert _without_timings(after) == _without_timings(fresh)


def test_whole_corpus_results_are_kept_for_the_latest_corpora_only(seeds_dir, fake_embedder, tmp_path,
                                                                   monkeypatch) -> None:
    import shutil
    import sqlite3

    from auditor import pipeline

    monkeypatch.setattr(pipeline, "CORPORA_KEPT", 2)
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    seeds = sorted(seeds_dir.glob("*.txt"))
    for n in (3, 4, 5):  # three corpora audited in turn
        folder = tmp_path / f"story-{n}"
        folder.mkdir()
        for path in seeds[:n]:
            shutil.copy(path, folder / path.name)
        audit([folder], config)
    for name, table, per_corpus in (("events", "events", 1), ("attributions", "attributions", 1), ("reuse", "reuse", 1)):
        with sqlite3.connect(tmp_path / "cache" / f"{name}.sqlite") as conn:
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 2 * per_corpus, name
    grouped: list[int] = []
    real = pipeline.events_stage.group
    monkeypatch.setattr(pipeline.events_stage, "group", lambda articles, *a, **k: grouped.append(len(articles)) or real(articles, *a, **k))
    audit([tmp_path / "story-5"], config)  # among the latest two: from the cache
    audit([tmp_path / "story-3"], config)  # the oldest: made again
    assert grouped == [3]
