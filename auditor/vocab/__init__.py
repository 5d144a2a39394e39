"""Word lists as data: one file per concept in this folder, each entry once, loaded by one function.

`words("reporting_verbs")` reads `reporting_verbs.txt`: one entry per line, `#` starts a comment.
`table("news_agencies")` reads `news_agencies.tsv`: tab-separated columns, the first the key.
Stages load what they need at import; no stage keeps a private copy of a list kept here
(tests/test_vocab.py checks both). The files are part of the code fingerprint that scopes the caches.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def _lines(filename: str) -> list[str]:
    out = []
    for line in (FOLDER / filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line)
    return out


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of `name.txt` in file order (lower case as written)."""
    return tuple(" ".join(line.split()) for line in _lines(f"{name}.txt"))


def words(name: str) -> frozenset[str]:
    """The entries of `name.txt` as a set."""
    return frozenset(entries(name))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `name.tsv`, each a tuple of its tab-separated cells (empty cells kept)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(f"{name}.tsv"))


def table(name: str, column: int = 1) -> dict[str, str]:
    """First column -> `column` of `name.tsv`, for the rows where that cell is not empty."""
    return {row[0]: row[column] for row in rows(name) if len(row) > column and row[column]}


@lru_cache(maxsize=None)
def tagged(name: str, tag: str) -> frozenset[str]:
    """The keys of `name.tsv` whose second column (space-separated tags) holds `tag`: one table for
    a concept whose entries serve several uses (a title is also a role that can be cited)."""
    return frozenset(row[0] for row in rows(name) if len(row) > 1 and tag in row[1].split())


def names() -> list[str]:
    """Every vocabulary in this folder, by name."""
    return sorted(p.stem for p in FOLDER.iterdir() if p.suffix in (".txt", ".tsv"))
