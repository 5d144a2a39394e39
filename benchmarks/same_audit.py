#!/usr/bin/env python3
"""Is the audit the same as another commit's? For refactors that must not change a single result.

    .venv/bin/python benchmarks/same_audit.py --base HEAD~3               # seeds, devset, dev splits, 100 synthetic
    .venv/bin/python benchmarks/same_audit.py --base main --synthetic 0   # without the synthetic corpus

The base commit is checked out in a temporary git worktree; each side audits every corpus in a
process of its own, twice on one fresh cache folder (cold, then served from the caches), and
writes the JSON audits. They are compared field by field, timings left out. Exit status 0 when
every audit is identical, 1 otherwise (the first differences are printed).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

# Runs in the tree under test (its own `auditor`): audit each corpus cold, then cached.
CHILD = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import auditor
from auditor.config import AuditConfig
from auditor.render.json import dumps
out, cache = Path(sys.argv[2]), Path(sys.argv[3])
for name, folder in json.loads(sys.argv[4]).items():
    for run in ("cold", "cached"):
        result = auditor.audit([folder], AuditConfig(cache_dir=cache / name))
        (out / f"{name.replace('/', '~')}.{run}.json").write_text(dumps(result), encoding="utf-8")
"""


def corpora(synthetic: int, work: Path) -> dict[str, str]:
    found = {"seeds": str(ROOT / "seeds"), "devset": str(FIXTURES / "devset" / "articles")}
    for split in sorted(FIXTURES.glob("*/dev")):
        for corpus in sorted(split.iterdir()):
            if (corpus / "articles").is_dir():
                found[f"{split.parent.name}/{corpus.name}"] = str(corpus / "articles")
    if synthetic:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from scale import make_corpus

        folder = work / f"synthetic-{synthetic}"
        make_corpus(synthetic, folder)
        found[f"synthetic-{synthetic}"] = str(folder)
    return found


def audit_all(tree: Path, names: dict[str, str], out: Path, cache: Path) -> None:
    out.mkdir(parents=True)
    subprocess.run([sys.executable, "-c", CHILD, str(tree), str(out), str(cache), json.dumps(names)], check=True)


def differences(a, b, path: str = "") -> list[str]:
    if type(a) is not type(b):
        return [f"{path}: {str(a)[:80]!r} vs {str(b)[:80]!r}"]
    if isinstance(a, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            out += differences(a.get(key), b.get(key), f"{path}.{key}") if key in a and key in b else [f"{path}.{key}: only one side"]
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} vs {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {str(a)[:80]!r} vs {str(b)[:80]!r}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the commit to compare the working tree with")
    parser.add_argument("--synthetic", type=int, default=100, help="articles in the synthetic corpus (0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        names = corpora(args.synthetic, work)
        base_tree = work / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(base_tree), args.base], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            audit_all(base_tree, names, work / "out-base", work / "cache-base")
            audit_all(ROOT, names, work / "out-here", work / "cache-here")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, capture_output=True)
        same = True
        for produced in sorted((work / "out-here").glob("*.json")):
            here = json.loads(produced.read_text(encoding="utf-8"))
            base = json.loads((work / "out-base" / produced.name).read_text(encoding="utf-8"))
            for data in (here, base):
                data.pop("timings", None)
            found = differences(base, here)
            print(f"{produced.stem:45s} {'identical' if not found else f'{len(found)} differences'}")
            for line in found[:5]:
                print("    " + line)
            same = same and not found
    print("the same audit everywhere" if same else "AUDITS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
