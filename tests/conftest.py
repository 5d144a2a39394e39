"""Shared fixtures: the seeds, a tiny deterministic fake embedder, a private cache folder."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold_seeds.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEVSET = ROOT / "tests" / "fixtures" / "devset"
# The two hand-annotated sets the conclusions of an audit are checked on: (articles, gold).
GOLD_SETS = {"seeds": (SEEDS, GOLD), "devset": (DEVSET / "articles", DEVSET / "gold.json")}


def speaker_for(text: str, quote_start: str) -> str | None:
    """The speaker the real parse gives the quote of `text` that starts with `quote_start` (the
    table-driven speaker tests of quotes, speakers and sources)."""
    from auditor.config import DEFAULT_SPACY_MODEL
    from auditor.model import Article
    from auditor.read import analyse

    quotes, _ = analyse([Article(id="t", path="t.txt", text=text)], DEFAULT_SPACY_MODEL)
    for q in quotes:
        if q.text.startswith(quote_start):
            return q.speaker
    raise AssertionError(f"quote {quote_start!r} not found in {[q.text for q in quotes]}")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the audit parses with: the figure tests read real parses."""
    from auditor.config import DEFAULT_SPACY_MODEL
    from auditor.read.nlp import load_pipeline

    return load_pipeline(DEFAULT_SPACY_MODEL)


def figures(nlp, text: str, base: int = 0) -> tuple:
    """The figures the audit reads in `text`, a claim that begins at article offset `base` (the
    table-driven tests of quantities, counts, amounts, figure_spans, figure_scope and dates)."""
    from auditor.read import quantities

    return quantities.extract(nlp(text), base)


def only_figure(nlp, text: str):
    """The one figure of `text` that counts or measures something."""
    qs = [q for q in figures(nlp, text) if (q.category is not None or q.counted) and q.category != "date:event"]
    assert len(qs) == 1, qs
    return qs[0]


def yardstick(result, gold_path: Path) -> dict:
    """The shared yardstick's figures for an audit (skips the test where the scorer is not beside
    this checkout)."""
    import importlib.util
    import json

    from auditor.render.json import audit_to_data

    if not SCORER.exists():
        pytest.skip("the shared yardstick is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = json.loads(json.dumps(audit_to_data(result)))
    return module.Scorer(data, json.loads(gold_path.read_text(encoding="utf-8"))).run()


def conclusions(figures: dict) -> dict:
    """What an editor reads off an audit: conflicts found, false conflicts, incidents."""
    keys = ("conflicts_flagged", "false_conflicts", "cross_event_conflicts", "event_pair_accuracy")
    return {k: figures[k] for k in keys}


class FakeEmbedder:
    """Bag of hashed words, unit length: texts sharing words are close, without a model."""

    name = "fake-bow-64"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls: list[int] = []

    def encode(self, texts):
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's real embedding cache."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(cache))
    return cache


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def parsed(monkeypatch) -> list[int]:
    """How many texts reach the real spaCy parser, call by call (through nlp's seam)."""
    from auditor.read import nlp

    calls: list[int] = []
    real = nlp._parse_fresh

    def counting(texts, name, batch_size):
        calls.append(len(texts))
        return real(texts, name, batch_size)

    monkeypatch.setattr(nlp, "_parse_fresh", counting)
    return calls


def browser_required() -> bool:
    """Under CI (`.ci/run` sets AUDITOR_REQUIRE_BROWSER=1) a skipped browser test is a failure."""
    import os

    return os.environ.get("AUDITOR_REQUIRE_BROWSER", "") not in ("", "0")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and item.get_closest_marker("browser") and browser_required():
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"browser test skipped under CI (AUDITOR_REQUIRE_BROWSER=1): {reason}"
