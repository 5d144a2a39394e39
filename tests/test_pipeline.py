"""The pipeline frees the parse once claims are built: nothing after that stage holds a spaCy Doc."""
from __future__ import annotations

import gc

import pytest

from auditor.config import AuditConfig
from auditor.pipeline import audit


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


def test_reading_in_chunks_changes_nothing_but_memory(seeds_dir, fake_embedder, tmp_path, monkeypatch) -> None:
    from auditor import pipeline
    from auditor.render.json import audit_to_data

    whole = audit([seeds_dir], AuditConfig(use_cache=False, embedder=fake_embedder))
    monkeypatch.setattr(pipeline, "READ_CHUNK", 2)  # 5 articles: chunks of 2, 2 and 1
    stages: list[str] = []
    chunked = audit([seeds_dir], AuditConfig(use_cache=False, embedder=fake_embedder), progress=stages.append)
    assert stages.count("parse") == 3
    assert [s for s, _ in chunked.timings].count("parse") == 1  # one figure per stage, summed over chunks
    data = [audit_to_data(x) for x in (whole, chunked)]
    for d in data:
        d.pop("timings")
    assert data[0] == data[1]
