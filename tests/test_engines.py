"""The Ray engine gives the local engine's output: same vectors, same clusters (local Ray instance)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from auditor.config import AuditConfig
from auditor.embed import make_embedder
from auditor.embed.engines import plan_chunks


@pytest.mark.parametrize(
    ("n", "batch", "workers", "sizes"),
    [
        (0, 4, 2, []),
        (3, 4, 2, [3]),
        (16, 4, 2, [4, 4, 4, 4]),  # 4 batches over 2 workers x 4 chunks: one batch each
        (100, 4, 1, [28, 28, 28, 16]),  # 25 batches, 4 chunks of whole batches
        (10, 4, 8, [4, 4, 2]),  # more workers than batches
    ],
)
def test_chunks_are_whole_batches_in_order(n, batch, workers, sizes) -> None:
    order = list(range(n))
    chunks = plan_chunks(order, batch, workers)
    assert [len(c) for c in chunks] == sizes
    assert [r for c in chunks for r in c] == order
    assert all(len(c) % batch == 0 for c in chunks[:-1])


def test_unknown_engine_is_one_clear_error(tmp_path) -> None:
    from auditor.errors import ModelError

    with pytest.raises(ModelError, match="unknown engine"):
        make_embedder(AuditConfig(engine="spark", cache_dir=tmp_path))


# A local Ray instance from here on (skipped when Ray is not installed).

TEXTS = [f"{n} people were killed in {place} on {day}, officials said." for n in range(1, 9)
         for place in ("Quetta", "the Bolan district", "a town near the Afghan border")
         for day in ("Monday", "late Tuesday night")] + ["x", "word " * 300]


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    from auditor.embed.engines import start_ray

    start_ray(None, num_cpus=2)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    pytest.importorskip("onnxruntime")
    return tmp_path_factory.mktemp("engine-cache")


@pytest.mark.slow
def test_ray_vectors_equal_local_vectors(ray_local, shared_cache) -> None:
    local = make_embedder(AuditConfig(backend="onnx", cache_dir=shared_cache, batch_size=8))
    expected = local.encode(TEXTS)
    distributed = make_embedder(AuditConfig(backend="onnx", cache_dir=shared_cache, batch_size=8, engine="ray"))
    assert distributed.name == local.name  # one cache serves both engines
    got = distributed.encode(TEXTS)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-5)
    assert distributed.worker_forward_seconds > 0


@pytest.mark.slow
def test_ray_audit_equals_local_audit(ray_local, shared_cache, seeds_dir, tmp_path) -> None:
    import auditor

    results = {}
    for engine in ("local", "ray"):
        cache = tmp_path / engine  # separate vector caches: each engine embeds everything itself
        cache.mkdir()
        (cache / "onnx").symlink_to(shared_cache / "onnx", target_is_directory=True)
        results[engine] = auditor.audit([seeds_dir], AuditConfig(backend="onnx", cache_dir=cache, engine=engine))
    local, ray_run = results["local"], results["ray"]
    assert [c.id for c in ray_run.claims] == [c.id for c in local.claims]
    assert [(c.id, c.claims, c.verdict) for c in ray_run.clusters] == [(c.id, c.claims, c.verdict) for c in local.clusters]
    assert [e.articles for e in ray_run.events] == [e.articles for e in local.events]
