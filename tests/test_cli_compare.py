"""`auditor compare A B`: formats, 80 columns, --output, bad input (one line, non-zero exit).

Most tests replace `auditor.audit` with a hand-made two-article Audit, so they test the command
and not the analysis; the `slow` test runs the real pipeline on seeds 000 and 001.
"""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

import auditor
from auditor.cli import app
from test_render_html import sample_audit

ROOT = Path(__file__).resolve().parents[1]
SEED_A = "seeds/000_620f5b53ba0e7b75.txt"
SEED_B = "seeds/001_85c675606f11d11d.txt"


def two_articles() -> auditor.Audit:
    """The sample audit without its third article (another incident)."""
    full = sample_audit()
    keep = {"000", "001"}
    claims = tuple(c for c in full.claims if c.article in keep)
    kept = {c.id for c in claims}
    return dataclasses.replace(
        full, articles=full.articles[:2], sentences=tuple(s for s in full.sentences if s.article in keep),
        claims=claims, clusters=tuple(k for k in full.clusters if set(k.claims) <= kept),
        quotes=tuple(q for q in full.quotes if q.article in keep), events=full.events[:1])


@pytest.fixture
def fake_audit(monkeypatch):
    calls = []

    def fake(inputs, config=None, **kwargs):
        calls.append((list(inputs), config))
        return two_articles()

    monkeypatch.setattr(auditor, "audit", fake)
    return calls


def invoke(*args: str):
    return CliRunner().invoke(app, ["compare", *args])


def test_text_is_plain_and_fits_80_columns(fake_audit):
    result = invoke("a.txt", "b.txt")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80
    assert "Example Times" in result.stdout and "≠ DIVERGE" in result.stdout
    inputs, config = fake_audit[0]
    assert inputs == ["a.txt", "b.txt"] and config.strict


@pytest.mark.parametrize("fmt,check", [
    ("text", lambda out: "Claims both make: 2 (1 diverge)" in out),
    ("json", lambda out: [a["id"] for a in json.loads(out)["articles"]] == ["000", "001"]),
    ("markdown", lambda out: out.startswith("# Audit of 2 articles") and "| ≠ Death toll |" in out),
    ("html", lambda out: out.startswith("<!doctype html>") and 'id="art-001"' in out),
])
def test_formats(fake_audit, fmt, check):
    result = invoke("a.txt", "b.txt", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert check(result.stdout)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_output_file(fake_audit, tmp_path, fmt):
    out = tmp_path / f"compare.{fmt}"
    result = invoke("a.txt", "b.txt", "-f", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.is_file() and out.stat().st_size > 200
    assert "\x1b" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,needle", [
    (("-f", "xml"), "--format must be one of"),
    (("--output", "no/such/folder/x.txt"), "output folder does not exist"),
])
def test_usage_errors_before_any_work(fake_audit, args, needle):
    result = invoke("a.txt", "b.txt", *args)
    assert result.exit_code == 1
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert fake_audit == []


def test_more_than_two_articles_is_an_error(monkeypatch):
    monkeypatch.setattr(auditor, "audit", lambda inputs, config=None, **kw: sample_audit())
    result = invoke("a.json", "b.txt")
    assert result.exit_code == 1
    assert "compare needs exactly two articles" in result.stderr


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=ROOT, capture_output=True, env=env,
                          timeout=900)


@pytest.mark.parametrize("name,data,needle", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "binary"),
])
def test_bad_input_is_one_line_and_non_zero(tmp_path, name, data, needle):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = run_cli("compare", SEED_A, str(path))
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in err


@pytest.mark.slow
def test_seeds_000_and_001_end_to_end():
    """The real pipeline: both tolls side by side, and 000's credit to Al Jazeera."""
    result = run_cli("compare", SEED_A, SEED_B)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr.decode()
    assert "\x1b" not in out and max(cell_len(line) for line in out.splitlines()) <= 80
    flat = " ".join(out.split())
    claims = flat[flat.index("Claims both make"):flat.index("Quotes in both")]
    toll = claims[:claims.index("At least 74 people were killed")]  # the toll, side by side in one block
    assert "Over 70 (> 70)" in toll and "At least 74 (≥ 74)" in toll
    sources = flat[flat.index("Sources cited"):flat.index("Only A")]
    assert "= Al Jazeera" in sources  # both credit Al Jazeera
    assert "cited by Al Jazeera" in sources and "Al Jazeera reported" in sources
