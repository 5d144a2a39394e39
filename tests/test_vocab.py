"""Vocabularies are data: each concept in one file, each entry once, and no module keeps a copy."""
from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from auditor import vocab
from auditor.store import memo

PACKAGE = Path(vocab.__file__).resolve().parents[1]


@pytest.mark.parametrize("name", vocab.names())
def test_every_vocabulary_loads_with_each_entry_once(name) -> None:
    path = vocab.FOLDER / (f"{name}.txt" if (vocab.FOLDER / f"{name}.txt").exists() else f"{name}.tsv")
    keys = list(vocab.entries(name)) if path.suffix == ".txt" else [row[0] for row in vocab.rows(name)]
    assert keys, f"{path.name} is empty"
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    assert all(k == k.strip() and k for k in keys)


def test_loaders_read_comments_and_columns() -> None:
    assert "say" in vocab.words("reporting_verbs") and not any(w.startswith("#") for w in vocab.words("reporting_verbs"))
    assert vocab.table("news_agencies", column=2)["afp"] == "agence france-presse"
    assert "reuters" not in vocab.table("news_agencies", column=2)  # no full name: no alias
    assert vocab.words("reporting_verbs_neutral") <= vocab.words("reporting_verbs")


def _string_literals(tree: ast.AST):
    """(line, items) of every literal collection of four or more strings, and of `\"\"\"...\"\"\".split()`."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)) and len(node.elts) >= 4 and \
                all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            yield node.lineno, {e.value.casefold() for e in node.elts}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" and \
                isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            sep = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
            items = {w.strip().casefold() for w in node.func.value.value.replace("\n", "" if sep else " ").split(sep) if w.strip()}
            if len(items) >= 4:
                yield node.lineno, items


def _vocabularies() -> dict[str, set[str]]:
    out = {}
    for name in vocab.names():
        if (vocab.FOLDER / f"{name}.txt").exists():
            out[name] = set(vocab.entries(name))
        else:
            out[name] = {cell for row in vocab.rows(name) for cell in row[:1] + row[2:] if cell and cell not in ("agency", "broadcaster")}
    return out


def test_no_module_keeps_a_copy_of_a_vocabulary() -> None:
    """A literal in code that repeats eight or more entries of a vocabulary, or is mostly made of
    one, is a private copy that will drift from the file. (A few verbs picked for one construction,
    "according to" / "cited by", are that construction's own words, not a copy.)"""
    vocabularies = _vocabularies()
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, items in _string_literals(ast.parse(path.read_text(encoding="utf-8"))):
            for name, entries in vocabularies.items():
                shared = items & entries
                if len(shared) >= 8 or (len(items) >= 8 and len(shared) >= 0.8 * len(items)):
                    copies.append(f"{path.relative_to(PACKAGE)}:{line} repeats {len(shared)} of {name}")
    assert not copies, "\n".join(copies)


def test_code_fingerprint_covers_every_module_and_vocabulary(tmp_path, monkeypatch) -> None:
    copy = tmp_path / "auditor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo, "_PACKAGE", copy)
    fingerprints = []
    for changed in (None, "read/speakers.py", "crossdoc/events.py", "vocab/reporting_verbs.txt"):
        if changed:
            with open(copy / changed, "a", encoding="utf-8") as f:
                f.write("\n# changed\n")
        memo.code_fingerprint.cache_clear()
        fingerprints.append(memo.code_fingerprint())
    memo.code_fingerprint.cache_clear()
    assert len(set(fingerprints)) == 4
