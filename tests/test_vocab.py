"""Vocabularies are data: each concept in one file, each entry once, and no module keeps a copy."""
from __future__ import annotations

import ast
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditor import vocab
from auditor.store import memo

PACKAGE = Path(vocab.__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import word_lists  # noqa: E402  (the census of word lists in code: benchmarks/word_lists.py)


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
    """(line, items) of every literal collection of four or more strings in a module: sets, lists,
    tuples, dict keys (with the words of string values), `"...".split()` (benchmarks/word_lists.py)."""
    for node in ast.walk(tree):
        found = word_lists.literal_items(node)
        if found and len(items := {i.casefold() for i in found[1]}) >= 4:
            yield node.lineno, items


# Vocabularies of general English (function words): a construction's own few function words in
# code ("a", "the", "of" ...) share entries with them without copying a concept.
GENERAL_VOCABULARIES = {"match_stop_words"}


def _vocabularies() -> dict[str, set[str]]:
    out = {}
    for name in sorted(set(vocab.names()) - GENERAL_VOCABULARIES):
        if (vocab.FOLDER / f"{name}.txt").exists():
            out[name] = set(vocab.entries(name))
        else:
            out[name] = {cell for row in vocab.rows(name) for cell in row[:1] + row[2:] if cell and cell not in ("agency", "broadcaster")}
    return out


def _is_copy(items: set[str], entries: set[str]) -> bool:
    """A literal of eight or more items mostly made of a vocabulary's entries (80% of it), or one that
    repeats eight or more of them, a third or more of the smaller of the two. (A general stop list
    that holds ten number words among 240 is not a copy of them; a tuple of nine killing words of
    eleven is; a few verbs picked for one construction are that construction's own words.)"""
    shared = len(items & entries)
    return (len(items) >= 8 and shared >= 0.8 * len(items)) or (shared >= 8 and shared >= min(len(items), len(entries)) / 3)


# Copies in modules whose owners have yet to build them from the vocabulary. An entry no longer
# needed fails the test below, so this list only shrinks.
PENDING_COPIES: set[tuple[str, str]] = set()


def test_no_module_keeps_a_copy_of_a_vocabulary() -> None:
    """A literal in code that repeats a vocabulary is a private copy that will drift from the file."""
    vocabularies = _vocabularies()
    copies, pending = [], set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for line, items in _string_literals(ast.parse(path.read_text(encoding="utf-8"))):
            for name, entries in vocabularies.items():
                if _is_copy(items, entries):
                    if (module, name) in PENDING_COPIES:
                        pending.add((module, name))
                    else:
                        copies.append(f"{module}:{line} repeats {len(items & entries)} of {name}")
    assert not copies, "\n".join(copies)
    assert pending == PENDING_COPIES, f"no longer copies, take them off PENDING_COPIES: {PENDING_COPIES - pending}"


@pytest.mark.parametrize("items, entries, copy", [
    ({"january", "february", "march", "april", "may", "june", "july", "august", "fall"},
     {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}, True),
    ({"say", "tell", "add", "note"}, {"say", "tell", "add", "note", "state", "report", "claim", "warn", "deny"}, False),
    ({"say", "tell", "add", "note", "state", "report", "claim", "warn", "deny"} | {f"w{i}" for i in range(9)},
     {"say", "tell", "add", "note", "state", "report", "claim", "warn", "deny", "insist", "explain"}, True),
    ({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"} | {f"w{i}" for i in range(230)},
     {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"} | {f"n{i}" for i in range(22)}, False),
    ({"in", "of", "at", "for", "to"}, {"at", "in", "near", "across", "around", "within", "inside", "outside"}, False),
])
def test_what_counts_as_a_copy(items, entries, copy) -> None:
    assert _is_copy(items, entries) is copy


# Word lists of more than 15 items still written in code, per module: each owner moves theirs to
# auditor/vocab/ and lowers the ceiling; a new list in code fails here (benchmarks/word_lists.py lists them).
LISTS_LEFT_IN_CODE: dict[str, int] = {}


def test_no_new_word_list_in_code() -> None:
    found = Counter(w.module for w in word_lists.word_lists(PACKAGE) if not word_lists.exempt(w))
    over = {m: n for m, n in found.items() if n > LISTS_LEFT_IN_CODE.get(m, 0)}
    assert not over, f"word lists of more than 15 items in code (move them to auditor/vocab/): {over}"


def test_code_fingerprint_covers_every_module_and_vocabulary(tmp_path, monkeypatch) -> None:
    copy = tmp_path / "auditor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo, "_PACKAGE", copy)
    fingerprints = []
    for changed in (None, "read/speakers.py", "crossdoc/events/apart.py", "vocab/reporting_verbs.txt"):
        if changed:
            with open(copy / changed, "a", encoding="utf-8") as f:
                f.write("\n# changed\n")
        memo.code_fingerprint.cache_clear()
        fingerprints.append(memo.code_fingerprint())
    memo.code_fingerprint.cache_clear()
    assert len(set(fingerprints)) == 4
