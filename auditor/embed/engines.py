"""Where embedding runs: here (the local engine), or spread over a Ray cluster (`--engine ray`).

Embedding is the one stage whose cost grows with every sentence and parallelises without
coordination, so it is the one distributed. The driver keeps the vector cache and sends only
uncached sentences; each Ray worker holds one model (any backend) and encodes whole batches in the
same length-sorted order as the local engine, so vectors and clusters come out the same. Workers
need auditor and the model package installed (a `pip install auditor[ray]` on every node); the
ONNX export, if any, is made once per node in that node's cache folder.
"""
from __future__ import annotations

import logging
import math
import os
import time
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from auditor.config import AuditConfig
from auditor.errors import ModelError

log = logging.getLogger(__name__)

CHUNKS_PER_WORKER = 4  # a few chunks each, so a slow worker does not hold the others up


def plan_chunks(order: Sequence[int], batch_size: int, workers: int) -> list[list[int]]:
    """Cut the length-sorted row order into chunks of whole batches, a few per worker.

    `order` is the local embedder's own batch order (onnx: by token count), so chunk boundaries
    fall on the local engine's batch boundaries and every batch a worker encodes is one the local
    engine would have encoded: same padding, same vectors (torch re-sorts inside sentence-transformers:
    equal to float precision).
    """
    if not order:
        return []
    batches = math.ceil(len(order) / batch_size)
    per_chunk = max(1, math.ceil(batches / max(1, workers * CHUNKS_PER_WORKER)))
    step = per_chunk * batch_size
    return [list(order[i : i + step]) for i in range(0, len(order), step)]


def start_ray(address: Optional[str], num_cpus: Optional[int] = None):
    """Join the cluster at `address`, or start a private local instance; never phones home."""
    try:
        import ray
    except ImportError as exc:
        raise ModelError(f"--engine ray needs Ray ({exc}); pip install 'auditor[ray]'") from exc
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not ray.is_initialized():
        kwargs = dict(include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=num_cpus or os.cpu_count() or 1, **kwargs)
    return ray


class _Worker:
    """One model in one Ray worker process; built lazily by the first chunk it receives."""

    def __init__(self, model: str, backend: str, batch_size: int, cache_dir: str, threads: int) -> None:
        from auditor.embed import make_local_embedder

        if backend == "torch":
            import torch

            torch.set_num_threads(threads)
        self.embedder = make_local_embedder(model, backend, batch_size, Path(cache_dir), threads=threads)

    def name(self) -> str:
        return self.embedder.name

    def encode(self, texts: list[str]) -> tuple[np.ndarray, float]:
        began = time.perf_counter()
        vectors = self.embedder.encode(texts)
        return np.asarray(vectors, dtype=np.float32), time.perf_counter() - began


class RayEmbedder:
    """An Embedder whose encode() fans batches out to Ray actors; same name (cache key) as the local one."""

    def __init__(self, config: AuditConfig, workers: Optional[int] = None, threads_per_worker: int = 1) -> None:
        from auditor.embed import make_local_embedder

        self.config = config
        self.batch_size = config.batch_size
        # building a local embedder loads nothing; it gives the name and (onnx) the batch order
        self._local = make_local_embedder(config.model, config.backend, config.batch_size, config.resolved_cache_dir())
        self.name = self._local.name
        self._workers_wanted = workers
        self._threads = threads_per_worker
        self._actors: list = []
        self.forward_seconds = 0.0  # wall time of distributed encode calls, as seen by the driver
        self.worker_forward_seconds = 0.0  # summed over workers

    def _start(self) -> list:
        if self._actors:
            return self._actors
        ray = start_ray(self.config.ray_address)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        count = self._workers_wanted or max(1, cpus // self._threads)
        actor = ray.remote(num_cpus=self._threads)(_Worker)
        cache_dir = str(self.config.resolved_cache_dir())
        self._actors = [actor.remote(self.config.model, self.config.backend, self.batch_size, cache_dir, self._threads)
                        for _ in range(count)]
        names = set(ray.get([a.name.remote() for a in self._actors]))
        if names != {self.name}:  # a node with another model version would poison the shared cache
            raise ModelError(f"Ray workers run {sorted(names)}, this process {self.name}; install the same model everywhere")
        log.info("ray engine: %d workers x %d threads", count, self._threads)
        return self._actors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        from auditor.embed.onnx import length_order

        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        actors = self._start()
        import ray

        began = time.perf_counter()
        order = self._local.batch_order(texts) if hasattr(self._local, "batch_order") else length_order(texts)
        chunks = plan_chunks(order, self.batch_size, len(actors))
        pending = [actors[i % len(actors)].encode.remote([texts[r] for r in rows]) for i, rows in enumerate(chunks)]
        out: Optional[np.ndarray] = None
        for rows, (vectors, seconds) in zip(chunks, ray.get(pending)):
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
            self.worker_forward_seconds += seconds
        self.forward_seconds += time.perf_counter() - began
        return out
