"""The same sentence-transformers model run by onnxruntime: about twice (fp32) or more (int8) the torch speed.

The ONNX file is exported on the user's machine from the installed model's own weights (torch.onnx,
no download), once, and kept in the cache folder under a name that says which model, backend and
exporter made it. Later runs import only onnxruntime and tokenizers (half a second), not
sentence_transformers (about ten seconds here). Tokenisation, mean pooling and normalisation
reproduce what the sentence-transformers model does, read from its own modules.json and
1_Pooling/config.json; fp32 vectors match the torch ones to about 1e-6.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from auditor.errors import ModelError

log = logging.getLogger(__name__)

BACKENDS = ("auto", "torch", "onnx", "onnx-int8")
ONNX_BACKENDS = ("onnx", "onnx-int8")
AUTO_ONNX_MODEL_TYPES = ("bert",)  # architectures whose export and fusion are tested; others default to torch
_exported_here: dict[tuple[str, str], Path] = {}  # (model key, backend) -> a file this process made or found


def choose_backend(location: str) -> str:
    """What `auto` means for a model: onnx (fp32, same vectors as torch) where it is known to work, else torch.

    Decided from files and installed packages only, without importing either runtime.
    """
    from importlib.util import find_spec

    if find_spec("onnxruntime") is None or find_spec("onnx") is None:
        return "torch"
    try:
        read_pipeline(location)
        model_type = json.loads((Path(location) / "config.json").read_text()).get("model_type")
    except (ModelError, OSError, ValueError):
        return "torch"
    has_tokenizer = (Path(location) / "tokenizer.json").exists()
    return "onnx" if model_type in AUTO_ONNX_MODEL_TYPES and has_tokenizer else "torch"
EXPORT_FORMAT = 1  # bump when the export recipe changes: old files are then ignored, not reused
OPSET = 17


def read_pipeline(location: str) -> dict[str, Any]:
    """What the model does after the transformer: pooling mode, normalisation, length limit, casing.

    Refuses models whose pooling the ONNX graph does not reproduce, so that vectors never silently
    differ from the torch backend's.
    """
    root = Path(location)
    if not (root / "config.json").exists():
        raise ModelError(f"the onnx backend needs a local model folder with config.json; {location!r} has none")
    modules_path = root / "modules.json"
    modules = json.loads(modules_path.read_text()) if modules_path.exists() else []
    pooling_mode = "mean"
    for module in modules:
        kind = module.get("type", "")
        if kind.endswith("Pooling"):
            cfg = json.loads((root / module.get("path", "") / "config.json").read_text())
            modes = [k.removeprefix("pooling_mode_").removesuffix("_token").removesuffix("_tokens")
                     for k, v in cfg.items() if k.startswith("pooling_mode_") and v]
            if modes not in (["mean"], ["cls"]):
                raise ModelError(f"the onnx backend reproduces mean or cls pooling only, not {modes}; use --backend torch")
            pooling_mode = modes[0]
        elif not (kind.endswith("Transformer") or kind.endswith("Normalize")):
            raise ModelError(f"the onnx backend cannot reproduce the model module {kind!r}; use --backend torch")
    st_config_path = root / "sentence_bert_config.json"
    st_config = json.loads(st_config_path.read_text()) if st_config_path.exists() else {}
    return {
        "pooling": pooling_mode,
        "max_seq_length": int(st_config.get("max_seq_length") or 512),
        "do_lower_case": bool(st_config.get("do_lower_case", False)),
    }


def onnx_path(cache_dir: Path, model_key: str, backend: str) -> Path:
    """Where the exported graph of a model lives: one file per model, backend and export recipe."""
    import onnxruntime

    digest = hashlib.sha256(f"{model_key}\0{backend}\0{EXPORT_FORMAT}\0{onnxruntime.__version__}".encode()).hexdigest()[:16]
    safe = "".join(ch if ch.isalnum() or ch in "-_.@" else "_" for ch in model_key)[-60:]
    return Path(cache_dir) / "onnx" / f"{safe}-{backend}-{digest}.onnx"


def _pooled_module(location: str, pooling: str):
    """The transformer followed by the model's pooling and L2 normalisation, as one torch module."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    # eager attention exports to plain MatMul/Softmax, which onnxruntime's optimiser fuses into Attention
    model = AutoModel.from_pretrained(location, attn_implementation="eager")
    model.eval()

    class Pooled(torch.nn.Module):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)[0]
            if pooling == "cls":
                pooled = hidden[:, 0]
            else:
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return Pooled(model), model.config


def _export_fp32(location: str, pooling: str, target: Path) -> None:
    """torch.onnx export with dynamic batch and length, then onnxruntime's transformer fusions where they apply."""
    import torch

    module, config = _pooled_module(location, pooling)
    ids = torch.tensor([[2, 5, 6, 3, 0, 0], [2, 4, 7, 8, 9, 3]], dtype=torch.long)  # any in-vocabulary ids trace the graph
    mask = (ids != 0).long()
    inputs = (ids, mask, torch.zeros_like(ids))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    raw = target.with_suffix(".raw.onnx")
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, inputs, str(raw), input_names=names, output_names=["embedding"],
                          dynamic_axes={**{n: {0: "batch", 1: "sequence"} for n in names}, "embedding": {0: "batch"}},
                          opset_version=OPSET, dynamo=False)
    try:
        if getattr(config, "model_type", "") != "bert":
            raise ValueError(f"no fusion recipe for {config.model_type}")
        from onnxruntime.transformers.optimizer import optimize_model

        optimized = optimize_model(str(raw), model_type="bert", num_heads=int(config.num_attention_heads),
                                   hidden_size=int(config.hidden_size))
        optimized.save_model_to_file(str(target))
        raw.unlink()
    except Exception as exc:  # the plain graph is correct, only slower
        log.info("onnx graph left unfused (%s)", exc)
        os.replace(raw, target)


def _quantize(source: Path, target: Path) -> None:
    """Dynamic int8, per output channel; the feed-forward output projections stay fp32.

    Their inputs (after GELU) have heavy tails that per-tensor int8 activations cannot hold: with
    them quantised the worst sentence's cosine to fp32 falls to 0.93, without them it stays >= 0.99.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(source), load_external_data=False)
    keep_fp32 = [n.name for n in graph.graph.node
                 if n.op_type == "MatMul" and "/output/dense/" in n.name and "/attention/" not in n.name]
    root = logging.getLogger()
    level = root.level
    root.setLevel(max(level, logging.ERROR))  # the quantiser logs advice on the root logger
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_exclude=keep_fp32, extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        root.setLevel(level)


def ensure_exported(location: str, model_key: str, backend: str, cache_dir: Path) -> Path:
    """The ONNX file for this model and backend, exporting it first if the cache has none.

    Written under a temporary name and renamed, so a concurrent run sees a whole file or none.
    """
    if backend not in ONNX_BACKENDS:
        raise ValueError(f"not an onnx backend: {backend}")
    target = onnx_path(cache_dir, model_key, backend)
    if target.exists():
        _exported_here[(model_key, backend)] = target
        return target
    earlier = _exported_here.get((model_key, backend))
    if earlier is not None and earlier.exists():  # another cache folder in this process (tests): copy, don't re-export
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".copy-", delete=False) as tmp:
            shutil.copyfile(earlier, tmp.name)
        os.replace(tmp.name, target)
        return target
    pipeline = read_pipeline(location)
    target.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    log.info("exporting %s to ONNX (%s) once; later runs reuse %s", model_key, backend, target)
    source = ensure_exported(location, model_key, "onnx", cache_dir) if backend == "onnx-int8" else None
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as tmp:
        made = Path(tmp) / "model.onnx"
        try:
            if source is not None:
                _quantize(source, made)  # int8 is made from the fp32 export, which stays for --backend onnx
            else:
                _export_fp32(location, pipeline["pooling"], made)
        except ModelError:
            raise
        except Exception as exc:
            raise ModelError(f"cannot export {model_key!r} to ONNX: {type(exc).__name__}: {exc}") from exc
        os.replace(made, target)
    _exported_here[(model_key, backend)] = target
    log.info("exported %s in %.1f s", target.name, time.perf_counter() - began)
    return target


def load_tokenizer(location: str, max_length: int):
    """The model's own fast tokenizer, truncating as sentence-transformers does; padding is left to batches."""
    path = Path(location) / "tokenizer.json"
    if not path.exists():
        raise ModelError(f"the onnx backend needs the model's tokenizer.json; {location!r} has none")
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    config_path = Path(location) / "tokenizer_config.json"
    model_max = json.loads(config_path.read_text()).get("model_max_length") if config_path.exists() else None
    if isinstance(model_max, int) and model_max < max_length:
        max_length = model_max
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.no_padding()
    return tokenizer


def pad_batch(encodings: Sequence, pad_id: int) -> dict[str, np.ndarray]:
    """Model inputs for one batch, right-padded to its longest member (padding is masked out of pooling)."""
    width = max((len(e.ids) for e in encodings), default=0)
    ids = np.full((len(encodings), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(encodings), width), dtype=np.int64)
    for row, e in enumerate(encodings):
        ids[row, : len(e.ids)] = e.ids
        mask[row, : len(e.ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def length_order(texts: Sequence[str]) -> list[int]:
    """Longest first, ties in input order: batches of similar length pad little, and are reproducible."""
    return sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i))


class OnnxEmbedder:
    """An Embedder running an exported graph; `name` includes the backend, since int8 vectors differ."""

    def __init__(self, model_key: str, location: str, backend: str, cache_dir: Path,
                 batch_size: int = 64, threads: Optional[int] = None) -> None:
        self.name = f"{model_key}+{backend}"
        self.backend = backend
        self.batch_size = batch_size
        self._model_key = model_key
        self._location = location
        self._cache_dir = Path(cache_dir)
        self._threads = threads
        self._session = None
        self._tokenizer = None
        self._lower = False
        self.forward_seconds = 0.0  # whole encode calls (tokenising is a few % of it), as for the torch embedder
        self.tokenize_seconds = 0.0
        self._loading = threading.Lock()  # prepare() may run in a thread while encode() is called

    def prepare(self) -> bool:
        """Load the session and tokenizer now, if the model is exported already; False if not
        (an export imports torch, which is left to encode() in the caller's thread). The pipeline
        calls this in a thread while it parses: ONNX Runtime builds the session without the GIL."""
        if not onnx_path(self._cache_dir, self._model_key, self.backend).exists():
            return False
        self._load()
        return True

    def _load(self):
        with self._loading:
            return self._load_once()

    def _load_once(self):
        if self._session is None:
            try:
                import onnxruntime as ort
            except ImportError as exc:
                raise ModelError(f"--backend {self.backend} needs onnxruntime ({exc}); pip install onnxruntime") from exc
            path = ensure_exported(self._location, self._model_key, self.backend, self._cache_dir)
            options = ort.SessionOptions()
            options.log_severity_level = 3
            # busy-waiting between operators stays on: measured here, turning it off cost ~40% wall time
            # for the same CPU time; Ray workers run one intra-op thread, where it does not apply
            if self._threads:
                options.intra_op_num_threads = self._threads
                options.inter_op_num_threads = 1
            try:
                self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            except Exception as exc:
                raise ModelError(f"cannot load the ONNX model {path} ({type(exc).__name__}: {exc}); delete it to re-export") from exc
            self._inputs = {i.name for i in self._session.get_inputs()}
        self._load_tokenizer()
        return self._session

    def _load_tokenizer(self):
        if self._tokenizer is None:
            pipeline = read_pipeline(self._location)
            self._tokenizer = load_tokenizer(self._location, pipeline["max_seq_length"])
            pad_id = self._tokenizer.token_to_id("[PAD]")
            self._pad_id = 0 if pad_id is None else pad_id
            self._lower = pipeline["do_lower_case"]
        return self._tokenizer

    def _tokenize(self, texts: Sequence[str]) -> tuple[list, list[int]]:
        """Encodings and the batch order: longest in tokens first, ties in input order (reproducible).

        Batches of equal token counts pad ~13% less than sorting by characters, and run ~13% faster.
        """
        tokenizer = self._load_tokenizer()
        encodings = tokenizer.encode_batch([t.lower() for t in texts] if self._lower else list(texts))
        return encodings, sorted(range(len(texts)), key=lambda i: (-len(encodings[i].ids), i))

    def batch_order(self, texts: Sequence[str]) -> list[int]:
        """The order encode() batches texts in, so the Ray engine can cut chunks on the same batches."""
        return self._tokenize(texts)[1]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        session = self._load()
        began = time.perf_counter()
        encodings, order = self._tokenize(texts)
        self.tokenize_seconds += time.perf_counter() - began
        out: Optional[np.ndarray] = None
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            feeds = pad_batch([encodings[i] for i in rows], self._pad_id)
            vectors = session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        self.forward_seconds += time.perf_counter() - began
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)
