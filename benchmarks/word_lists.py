#!/usr/bin/env python3
"""Word lists still written in code: every literal collection of more than N strings in auditor/.

    .venv/bin/python benchmarks/word_lists.py                 # more than 15 items, with overlaps
    .venv/bin/python benchmarks/word_lists.py --min 8 --vocab  # also the overlaps with auditor/vocab/

Counted (by the syntax tree, not by eye): a set, list or tuple literal of string constants, the
same wrapped in frozenset()/set()/tuple(), a dict whose keys are string constants (with the words
of its values when they are strings too: `{"killed": "kill die slay", ...}`), and a string
split into words (`\"\"\"a b c\"\"\".split()`, `"a|b|c".split("|")`). Each is named by the module and
the name it is assigned to (or the line). Overlaps are the entries two lists share (case folded),
so "the same concept written twice" is measured, not guessed. Prints a per-module count.
"""
from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "auditor"
# Literal collections of strings that are not words of a language: left out of the count.
EXEMPT = {
    "auditor.review.serve:SECURITY_HEADERS": "HTTP response headers and their values",
}


@dataclass(frozen=True)
class WordList:
    module: str
    name: str
    line: int
    kind: str
    items: frozenset[str]

    @property
    def label(self) -> str:
        return f"{self.module}:{self.name}"


def _strings(nodes) -> list[str] | None:
    """The values when every node is a string constant, else None."""
    if all(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in nodes):
        return [n.value for n in nodes]
    return None


def _split_words(node: ast.Call) -> list[str] | None:
    """The words of `"...".split()` / `"...".split(sep)`, else None."""
    if not (isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
        return None
    if node.args and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
        return None
    sep = node.args[0].value if node.args else None
    text = node.func.value.value
    return [w.strip() for w in (text.split(sep) if sep else text.split()) if w.strip()]


def literal_items(node: ast.AST) -> tuple[str, list[str]] | None:
    """(kind, items) when `node` is a literal word list, else None."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = _strings(node.elts)
        return (type(node).__name__.lower(), items) if items else None
    if isinstance(node, ast.Dict):
        if node.keys and all(k is not None for k in node.keys):
            keys = _strings(node.keys)
            if not keys:
                return None
            values = _strings(node.values)  # {"killed": "kill die slay ...", ...}: the words of the values too
            return ("dict", keys + [w for v in values for w in v.split()] if values else keys)
        return None
    if isinstance(node, ast.Call):
        return ("split", words) if (words := _split_words(node)) else None
    return None


def _names(tree: ast.AST) -> dict[int, str]:
    """id(value node) -> the name it is assigned to, for module, class and function assignments."""
    out: dict[int, str] = {}
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        name = ", ".join(ast.unparse(t) for t in targets)
        # frozenset({...}) / set([...]) / tuple(...) / sorted(...): name the literal inside.
        while isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and len(value.args) == 1 \
                and value.func.id in ("frozenset", "set", "tuple", "list", "sorted"):
            value = value.args[0]
        out[id(value)] = name
    return out


def word_lists(package: Path = PACKAGE, minimum: int = 16) -> list[WordList]:
    """Every literal word list of at least `minimum` distinct items in the package's modules."""
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _names(tree)
        module = path.relative_to(package.parent).with_suffix("").as_posix().replace("/", ".")
        for node in ast.walk(tree):
            got = literal_items(node)
            if not got:
                continue
            kind, items = got
            distinct = frozenset(i.casefold() for i in items)
            if len(distinct) >= minimum:
                found.append(WordList(module, names.get(id(node), f"<line {node.lineno}>"), node.lineno, kind, distinct))
    return found


def exempt(w: WordList) -> bool:
    return w.label in EXEMPT


def overlaps(lists: list[WordList], least: int = 2) -> list[tuple[WordList, WordList, frozenset[str]]]:
    """Pairs of lists in code that share at least `least` entries."""
    out = []
    for i, a in enumerate(lists):
        for b in lists[i + 1:]:
            shared = a.items & b.items
            if len(shared) >= least:
                out.append((a, b, shared))
    return sorted(out, key=lambda t: -len(t[2]))


def vocabularies() -> dict[str, frozenset[str]]:
    """Each vocabulary file's entries (every cell of a .tsv), case folded."""
    sys.path.insert(0, str(ROOT))
    from auditor import vocab

    out = {}
    for name in vocab.names():
        if (vocab.FOLDER / f"{name}.txt").exists():
            out[name] = frozenset(e.casefold() for e in vocab.entries(name))
        else:
            out[name] = frozenset(c.casefold() for row in vocab.rows(name) for c in row if c)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min", type=int, default=15, help="count lists of MORE than this many items (15)")
    parser.add_argument("--shared", type=int, default=2, help="report overlaps of at least this many entries (2)")
    parser.add_argument("--vocab", action="store_true", help="also the overlaps with the files in auditor/vocab/")
    args = parser.parse_args()

    found = word_lists(minimum=args.min + 1)
    lists = [w for w in found if not exempt(w)]
    for w in found:
        if exempt(w):
            print(f"(not counted: {w.label}, {EXEMPT[w.label]})")
    print(f"{len(lists)} word lists of more than {args.min} items in code\n")
    for w in sorted(lists, key=lambda w: (w.module, w.line)):
        print(f"  {w.label:55s} line {w.line:5d}  {w.kind:5s} {len(w.items):4d} items")
    print("\nper module:")
    for module, n in sorted(Counter(w.module for w in lists).items(), key=lambda t: (-t[1], t[0])):
        print(f"  {module:40s} {n}")
    pairs = overlaps(lists, args.shared)
    print(f"\n{len(pairs)} overlaps between them (at least {args.shared} shared entries):")
    for a, b, shared in pairs:
        print(f"  {len(shared):3d}  {a.label} ~ {b.label}: {', '.join(sorted(shared)[:12])}{' ...' if len(shared) > 12 else ''}")
    if args.vocab:
        print("\noverlaps with auditor/vocab/:")
        for w in lists:
            for name, entries in vocabularies().items():
                shared = w.items & entries
                if len(shared) >= args.shared:
                    print(f"  {len(shared):3d}  {w.label} ~ vocab/{name}: {', '.join(sorted(shared)[:10])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
