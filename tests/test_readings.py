"""The readings cache: what one article alone yields is stored, read back exactly, and re-used only
for the same content, spaCy model and auditor code."""
from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import sys

import pytest

from auditor.store import memo
from auditor.read import reading as readings
from auditor.config import AuditConfig
from auditor.model import Article, Excluded
from auditor.pipeline import audit
from auditor.render.json import audit_to_data


def _without_timings(result) -> dict:
    data = audit_to_data(result)
    data.pop("timings")
    return data


def test_a_reading_survives_the_round_trip_exactly(seeds_dir, fake_embedder, tmp_path) -> None:
    result = audit([seeds_dir], AuditConfig(cache_dir=tmp_path, use_cache=False, embedder=fake_embedder))
    article = result.articles[0].id
    reading = readings.Reading(
        sentences=tuple(s for s in result.sentences if s.article == article),
        quotes=tuple(q for q in result.quotes if q.article == article),
        sources=tuple(s for s in result.sources if s.article == article),
        claims=tuple(c for c in result.claims if c.article == article))
    codec = memo.Objects(readings.Reading, {a.id: a.text for a in result.articles})  # as the pipeline stores them
    back = codec.decode(codec.encode(reading))
    assert back == reading
    assert len(codec.encode(reading)) < len(memo.encode(reading))  # the spans' text is not stored again
    with pytest.raises(KeyError):  # rows never pass for another article's
        memo.Objects(readings.Reading, {}).decode(codec.encode(reading))
    # the same types too: a whole count stays an int, an interval bound a float
    for original, decoded in zip(reading.claims, back.claims):
        for q, r in zip(original.quantities, decoded.quantities):
            assert [type(getattr(q, f.name)) for f in dataclasses.fields(q)] == \
                   [type(getattr(r, f.name)) for f in dataclasses.fields(r)]


BASE = Article(id="a1", path="x/a1.txt", text="Officials said 14 people died.", outlet="Dawn",
               excluded=(Excluded(0, 3, "byline"),))


@pytest.mark.parametrize("other, same", [
    (dataclasses.replace(BASE, path="elsewhere/a1.txt", body_offset=40), True),  # where it came from
    (dataclasses.replace(BASE, text="Officials said 17 people died."), False),
    (dataclasses.replace(BASE, outlet="Reuters"), False),  # metadata the sources stage reads
    (dataclasses.replace(BASE, id="a2"), False),  # claim ids carry the article id
    (dataclasses.replace(BASE, excluded=()), False),  # what is left out of the analysis
])
def test_article_key_follows_content_not_location(other, same) -> None:
    assert (memo.digest(readings.reading_key(other)) == memo.digest(readings.reading_key(BASE))) is same


def test_second_run_reads_nothing_again_and_gives_the_same_audit(seeds_dir, fake_embedder, tmp_path, parsed) -> None:
    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder)
    first = audit([seeds_dir], config)
    assert len(parsed) == 1
    second = audit([seeds_dir], config)
    assert len(parsed) == 1  # no parse at all, not even of a cached sentence
    assert {stage for stage, _ in second.timings} >= {"readings", "attribute"}
    assert "read/parse" not in dict(second.timings)  # what users care about: nothing read, whatever the CPU's speed
    assert _without_timings(second) == _without_timings(first)


def test_a_new_article_is_the_only_one_read(seeds_dir, fake_embedder, tmp_path, parsed) -> None:
    config = AuditConfig(cache_dir=tmp_path / "cache", embedder=fake_embedder)
    folder = tmp_path / "story"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for path in seeds[:3]:
        shutil.copy(path, folder / path.name)
    audit([folder], config)
    shutil.copy(seeds[3], folder / seeds[3].name)
    grown = audit([folder], config)
    parsed_for_the_new_one = parsed[-1]
    fresh = audit([folder], AuditConfig(cache_dir=tmp_path / "other", embedder=fake_embedder))
    new_sentences = sum(1 for s in fresh.sentences if s.article == seeds[3].stem)
    assert 0 < parsed_for_the_new_one <= new_sentences  # only the new article's sentences
    assert _without_timings(grown) == _without_timings(fresh)


def test_other_code_never_reads_these_readings(seeds_dir, fake_embedder, tmp_path, parsed, monkeypatch) -> None:
    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder)
    audit([seeds_dir], config)
    monkeypatch.setattr(memo, "code_fingerprint", lambda: "another-version")
    audit([seeds_dir], config)
    assert len(parsed) == 1  # the sentences are parsed once (parse cache), but every article is read again
    with sqlite3.connect(tmp_path / "readings.sqlite") as db:
        models = {m for (m,) in db.execute("SELECT DISTINCT model FROM readings")}
    assert len(models) == 2 and any(m.startswith("another-version|") for m in models)


def test_a_damaged_reading_is_read_again(seeds_dir, fake_embedder, tmp_path, caplog) -> None:
    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder)
    first = audit([seeds_dir], config)
    with sqlite3.connect(tmp_path / "readings.sqlite") as db:
        db.execute("UPDATE readings SET data = ? WHERE rowid = 1", (b"not zlib",))
    second = audit([seeds_dir], config)
    assert "unreadable" in caplog.text
    assert _without_timings(second) == _without_timings(first)


def test_a_corrupt_cache_file_is_survived(seeds_dir, fake_embedder, tmp_path, caplog) -> None:
    (tmp_path / "readings.sqlite").write_bytes(b"this is not a database" * 100)
    result = audit([seeds_dir], AuditConfig(cache_dir=tmp_path, embedder=fake_embedder))
    assert result.claims and "the readings cache is unreadable" in caplog.text


def test_without_the_cache_nothing_is_stored(seeds_dir, fake_embedder, tmp_path) -> None:
    audit([seeds_dir], AuditConfig(cache_dir=tmp_path, embedder=fake_embedder, use_cache=False))
    assert not (tmp_path / "readings.sqlite").exists()


def test_a_fully_cached_run_never_imports_spacy(seeds_dir, tmp_path) -> None:
    """The point of the cache: seconds of spaCy (and torch, through thinc) imports are skipped."""
    code = ("import sys; import auditor; from auditor.config import AuditConfig; "
            "from pathlib import Path; sys.path.insert(0, sys.argv[3]); from conftest import FakeEmbedder; "
            "auditor.audit([sys.argv[1]], AuditConfig(cache_dir=Path(sys.argv[2]), embedder=FakeEmbedder())); "
            "print('spacy' in sys.modules, 'torch' in sys.modules)")
    args = [sys.executable, "-c", code, str(seeds_dir), str(tmp_path), str(seeds_dir.parent / "tests")]
    first = subprocess.run(args, capture_output=True, text=True, check=True)
    second = subprocess.run(args, capture_output=True, text=True, check=True)
    assert first.stdout.split()[0] == "True"
    assert second.stdout.split() == ["False", "False"]
