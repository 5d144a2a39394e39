#!/usr/bin/env python3
"""Audit every gold set the repository holds and print the yardstick's figures side by side.

    .venv/bin/python benchmarks/yardstick.py            # seeds + the hand-written dev set
    .venv/bin/python benchmarks/yardstick.py --scorer ../shared/eval/score.py

The seeds are what the analysis was developed on; tests/fixtures/devset is a held-out,
hand-written set of other stories (US politics, a wildfire) used to catch fitting to the seeds.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import auditor  # noqa: E402
from auditor.config import AuditConfig  # noqa: E402
from auditor.render.json import audit_to_data  # noqa: E402

SETS = {
    "seeds": (ROOT / "seeds", ROOT / "tests" / "fixtures" / "gold_seeds.json"),
    "devset": (ROOT / "tests" / "fixtures" / "devset" / "articles", ROOT / "tests" / "fixtures" / "devset" / "gold.json"),
}
FIGURES = ("link_precision", "link_recall", "link_f1", "conflict_recall", "false_conflicts", "cross_event_conflicts",
           "quote_f1", "speaker_accuracy", "source_f1", "outlet_f1", "event_pair_accuracy", "overall")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false hit")
    args = parser.parse_args()
    if not args.scorer.exists():
        print(f"scorer not found: {args.scorer}", file=sys.stderr)
        return 1
    score = load_scorer(args.scorer)
    results = {}
    for name, (articles, gold_path) in SETS.items():
        began = time.perf_counter()
        data = json.loads(json.dumps(audit_to_data(auditor.audit([articles], AuditConfig()))))
        seconds = time.perf_counter() - began
        scorer = score.Scorer(data, json.loads(gold_path.read_text(encoding="utf-8")), verbose=args.verbose)
        results[name] = scorer.run()
        results[name]["seconds"] = round(seconds, 1)
        if args.verbose:
            print(f"--- {name}")
            for note in scorer.notes:
                print("  " + note)
    print(f"{'figure':24s}" + "".join(f"{n:>10s}" for n in results))
    for figure in (*FIGURES, "seconds"):
        cells = []
        for res in results.values():
            value = res[figure]
            cells.append(f"{value:10.3f}" if isinstance(value, float) else f"{value!s:>10s}")
        print(f"{figure:24s}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
