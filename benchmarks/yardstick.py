#!/usr/bin/env python3
"""Audit every gold set the repository holds and print the yardstick's figures side by side.

    .venv/bin/python benchmarks/yardstick.py                 # seeds, devset and the dev splits
    .venv/bin/python benchmarks/yardstick.py --holdout       # and the held-out splits (measure only)
    .venv/bin/python benchmarks/yardstick.py --sets incidents/dev -v
    .venv/bin/python benchmarks/yardstick.py --json figures.json
    .venv/bin/python benchmarks/yardstick.py --decisions     # incident decisions by kind, right and wrong

Sets:
- `seeds`: what the analysis was first developed on (a regression guard, not an estimate);
- `devset`: six hand-written articles (US politics, a wildfire), developed against since;
- `incidents/`, `divergences/`, `speakers/` under tests/fixtures: real coverage collected from
  public pages and annotated by hand, each in a `dev` split (develop against it) and a `holdout`
  split (look only at its figures, never at its texts, so that it still says how the audit does
  on text it was not tuned on). A `holdout2` split, where there is one, was collected in a later
  round and has not been measured before it; its figures are the freshest estimate of unseen
  text. Each split holds corpora (a folder with `articles/` and
  `gold.json`), audited one by one as a user would audit one story.

Figures of a split pool its corpora: links, quotes, speakers and sources are scored on the
corpora's audits put side by side; incident pairs are counted within each corpus only (two
corpora are two separate audits). Where the gold lists `conflicts` (the divergences set), the
audit's "both cannot be right" findings are matched against them: a finding is right when its
evidence covers both sides of a gold conflict; precision counts a second finding for one gold
conflict as wrong (it repeats one).

With `--decisions`, each set's incident grouping is also told pair by pair (`events.Decision`):
for every kind of decision ("apart: written far apart", "joined: shared names"), how many pairs it
settled as the gold incidents do and how many not (joined where gold keeps them apart, or kept
apart where gold joins them). Only kinds and counts are printed, never article text, so it may be
run on held-out splits. A pair kept apart for several reasons counts under each.

With `--findings`, each divergence set's "cannot both be right" findings are told by kind: right,
or false because gold calls the two figures a trap, an update, compatible figures of one fact, or
figures of two facts; and each missed true conflict by what the audit did with its two sides.
Counts only, so it too may be run on held-out splits.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import auditor  # noqa: E402
from auditor.config import AuditConfig  # noqa: E402
from auditor.crossdoc import events as events_stage  # noqa: E402
from auditor.pipeline import embed_texts  # noqa: E402
from auditor.render.json import audit_to_data  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
GROUPED_SETS = ("incidents", "divergences", "speakers")
FIGURES = ("articles", "link_precision", "link_recall", "link_f1", "conflict_recall", "false_conflicts",
           "cross_event_conflicts", "quote_f1", "speaker_accuracy", "source_f1", "outlet_f1",
           "event_pair_accuracy", "divergence_precision", "divergence_recall", "divergence_findings", "overall")
DIVERGE_SEVERITIES = {"diverge"}
ONE_CLAIM_NOTES = {"single-source", "unattributed"}  # notes about one claim, not a comparison


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpora_of(name: str) -> list[tuple[str, Path, Path]]:
    """(corpus name, articles folder, gold file) of a set name such as `seeds` or `incidents/dev`."""
    if name == "seeds":
        return [("seeds", ROOT / "seeds", FIXTURES / "gold_seeds.json")]
    if name == "devset":
        return [("devset", FIXTURES / "devset" / "articles", FIXTURES / "devset" / "gold.json")]
    split = FIXTURES / name
    if (split / "gold.json").is_file():  # one corpus: "divergences/dev/derna_floods"
        return [(name, split / "articles", split / "gold.json")]
    return [(f"{name}/{c.name}", c / "articles", c / "gold.json")
            for c in sorted(split.iterdir()) if (c / "gold.json").is_file()]


def prefixed(data: dict, gold: dict, prefix: str) -> tuple[dict, dict]:
    """One corpus's audit and gold with every article id and key prefixed, so corpora can be pooled."""
    ids = {a["id"]: f"{prefix}:{a['id']}" for a in data["articles"]}
    data = dict(data)
    data["articles"] = [{**a, "id": ids[a["id"]], "path": f"{prefix}:{Path(str(a.get('path') or '')).name}"}
                        for a in data["articles"]]
    for field in ("claims", "quotes", "sources"):
        data[field] = [{**x, "article": ids.get(x["article"], x["article"]),
                        **({"id": f"{prefix}:{x['id']}"} if "id" in x else {})} for x in data[field]]
    data["clusters"] = [{**k, "claims": [f"{prefix}:{c}" for c in k["claims"]],
                         "findings": [{**f, "evidence": [{**e, "article": ids.get(e["article"], e["article"])}
                                                         for e in f.get("evidence", [])]}
                                      for f in k.get("findings", [])]} for k in data["clusters"]]
    data["events"] = [{**e, "articles": [ids.get(a, a) for a in e["articles"]]} for e in data["events"]]
    key = lambda k: f"{prefix}:{k}"  # noqa: E731
    member = lambda m: {**m, "article": key(m["article"])}  # noqa: E731
    gold = {
        "articles": {key(k): f"{prefix}:{Path(v).name}" for k, v in gold["articles"].items()},
        "clusters": [{**c, "members": [member(m) for m in c["members"]]} for c in gold.get("clusters", [])],
        "quotes": [member(q) for q in gold.get("quotes", [])],
        "sources": {key(k): v for k, v in gold.get("sources", {}).items()},
        "outlets": {key(k): v for k, v in gold.get("outlets", {}).items()},
        "events": [[key(k) for k in grp] for grp in gold.get("events", [])],
        **{field: [{**c, "a": member(c["a"]), "b": member(c["b"])} for c in gold.get(field, [])]
           for field in ("conflicts", "updates", "traps")},
    }
    return data, gold


def pooled(parts: list[tuple[dict, dict]]) -> tuple[dict, dict]:
    data = {f: [x for d, _ in parts for x in d[f]] for f in ("articles", "claims", "clusters", "quotes", "sources", "events")}
    gold = {"articles": {}, "sources": {}, "outlets": {}, "clusters": [], "quotes": [], "events": [], "conflicts": [],
            "updates": [], "traps": []}
    for _, g in parts:
        for field in ("articles", "sources", "outlets"):
            gold[field].update(g[field])
        for field in ("clusters", "quotes", "events", "conflicts", "updates", "traps"):
            gold[field].extend(g[field])
    return data, gold


def divergence_figures(score, data: dict, gold: dict, notes: list[str]) -> dict:
    """Findings that say two figures cannot both be right, against the gold's list of true conflicts."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    key_of = {a["id"]: k for k, name in gold["articles"].items() for a in data["articles"] if a["path"] == name}
    sides = []
    for c in gold["conflicts"]:
        located = []
        for side in (c["a"], c["b"]):
            article = next((aid for aid, k in key_of.items() if k == side["article"]), None)
            span = score.locate(side["snippet"], texts[article]) if article else None
            located.append((article, span))
        sides.append(located)
    findings = [f for k in data["clusters"] for f in k.get("findings", []) if f.get("severity") in DIVERGE_SEVERITIES]
    statements = {(c["article"], c["start"], c["end"]) for c in data["claims"]}
    matched: set[int] = set()
    right = 0
    for f in findings:
        spans = pointed_spans(f, statements)
        covers = lambda art, span: any(x == art and score.overlaps(s, span) for x, s in spans)  # noqa: E731
        hits = [i for i, ((aa, sa), (ab, sb)) in enumerate(sides)
                if None not in (aa, sa, ab, sb) and covers(aa, sa) and covers(ab, sb)]
        # a finding whose statements carry two gold conflicts (one list of seats per party) is
        # matched to one not matched yet
        hit = next((i for i in hits if i not in matched), hits[0] if hits else None)
        if hit is not None and hit not in matched:
            matched.add(hit)
            right += 1
        else:
            notes.append(f"{'repeated' if hit is not None else 'false'} divergence: {f.get('summary', '')[:150]}")
    for i, c in enumerate(gold["conflicts"]):
        if i not in matched:
            notes.append(f"missed divergence [{c.get('id')}]: {c['a']['snippet'][:60]!r} vs {c['b']['snippet'][:60]!r}")
    total = len(gold["conflicts"])
    return {"divergence_precision": right / len(findings) if findings else (1.0 if not total else 0.0),
            "divergence_recall": right / total if total else 1.0,
            "divergence_findings": f"{right}/{len(findings)} of {total}"}


def pointed_spans(finding: dict, statements: set) -> list[tuple]:
    """The spans a finding points at to say what it is about (its figures, its names), without the
    whole statements it also shows when it has such spans: a statement may carry several facts (a
    list of seats per party), and a finding about one of them is not about the others."""
    spans = [(e["article"], (e["start"], e["end"])) for e in finding.get("evidence", [])]
    pointed = [(a, s) for a, s in spans if (a, *s) not in statements]
    return pointed if pointed else spans


def findings_by_kind(score, data: dict, gold: dict) -> Counter:
    """Why each "both cannot be right" finding is wrong and each true conflict missed, as counts of
    kinds only (no text), so it may be run on held-out splits.

    A finding's two sides are its first two evidence spans (the two figures). A false one is told
    by what gold says of those two figures: a listed trap, a listed update, two figures of one
    gold fact (compatible), figures of two different gold facts, or a side gold does not annotate.
    A missed conflict is told by what the audit did with its two sides: a note of some kind
    covering both, one shared fact without a finding, two different shared facts, or a side in no
    shared fact."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    key_of = {a["id"]: k for k, name in gold["articles"].items() for a in data["articles"] if a["path"] == name}
    article_of = {k: a for a, k in key_of.items()}

    def located(member: dict):
        article = article_of.get(member["article"])
        span = score.locate(member["snippet"], texts[article]) if article else None
        return (article, span) if span else None

    def pairs_of(field: str) -> list[tuple]:
        return [(located(c["a"]), located(c["b"])) for c in gold.get(field, [])]

    gold_fact = [(i, side) for i, c in enumerate(gold["clusters"]) for m in c["members"] if (side := located(m))]
    conflicts, updates, traps = pairs_of("conflicts"), pairs_of("updates"), pairs_of("traps")

    def inside(side, spans) -> bool:
        return side is not None and any(a == side[0] and score.overlaps(s, side[1]) for a, s in spans)

    def facts_of(side) -> set[int]:
        return {i for i, (a, s) in gold_fact if a == side[0] and score.overlaps(s, side[1])}

    quantity_at = {(c["article"], q["start"]): q for c in data["claims"] for q in c.get("quantities", [])}
    claim_at = {(c["article"], q["start"]): c for c in data["claims"] for q in c.get("quantities", [])}

    def traits(f: dict) -> str:
        """What the finding's two figures were read as: measure, what is counted, how far apart,
        place, time, credit. The audit's own labels, never text."""
        ev = f.get("evidence", [])[:2]
        qs = [quantity_at.get((e["article"], e["start"])) for e in ev]
        cs = [claim_at.get((e["article"], e["start"])) for e in ev]
        if len(qs) < 2 or None in qs:
            return "figures not found"
        a, b = qs
        lo, hi = sorted(abs(x["value"] or 0) for x in qs)
        ratio = "x1.1" if hi <= lo * 1.1 else "x2" if hi <= lo * 2 else ">x2"
        counted = "same counted" if a["counted"] and a["counted"] == b["counted"] else \
            "counted differs" if a["counted"] and b["counted"] else "counted unread"
        place = sum(bool(q["place"]) for q in qs)
        window = sum(bool(q["window"]) for q in qs)
        credit = sum(bool(c and c.get("attribution")) for c in cs)
        one = "one article" if ev[0]["article"] == ev[1]["article"] else "two articles"
        return (f"{a['category']}; {counted}; {ratio}; placed {place}/2; timed {window}/2; "
                f"credited {credit}/2; {one}")

    out: Counter = Counter()
    findings = [f for k in data["clusters"] for f in k.get("findings", [])]
    statements = {(c["article"], c["start"], c["end"]) for c in data["claims"]}
    matched: set[int] = set()
    for f in findings:
        if f.get("severity") not in DIVERGE_SEVERITIES:
            continue
        spans = pointed_spans(f, statements)
        hits = [i for i, (a, b) in enumerate(conflicts) if inside(a, spans) and inside(b, spans)]
        hit = next((i for i in hits if i not in matched), hits[0] if hits else None)
        if hit is not None:
            out[(f"finding {f.get('kind')}", "right" if hit not in matched else "repeats a right one")] += 1
            out[("  traits of a right one", traits(f))] += 1
            matched.add(hit)
            continue
        sides = spans[:2]
        if any(inside(a, sides) and inside(b, sides) for a, b in traps):
            why = "a gold trap"
        elif any(inside(a, sides) and inside(b, sides) for a, b in updates):
            why = "a gold update"
        else:
            facts = [facts_of(side) for side in sides]
            if len(facts) < 2 or not all(facts):
                why = "a side gold does not annotate"
            elif facts[0] & facts[1]:
                why = "one gold fact, figures compatible"
            else:
                why = "two different gold facts"
        out[(f"finding {f.get('kind')}", f"false: {why}")] += 1
        out[("  traits of a false one", traits(f))] += 1
        if os.environ.get("YARDSTICK_SHOW_FALSE"):
            print(f"  false ({why}): {f.get('summary', '')[:300]}", file=sys.stderr)
    cluster_of = {c: k["id"] for k in data["clusters"] for c in k["claims"]}
    claims = [(c["article"], (c["start"], c["end"]), c["id"]) for c in data["claims"]]
    for i, (a, b) in enumerate(conflicts):
        if i in matched:
            continue
        if a is None or b is None:
            out[("missed conflict", "gold snippet not found")] += 1
            continue
        noted = [f.get("kind") for f in findings if f.get("kind") not in ONE_CLAIM_NOTES
                 and inside(a, [(e["article"], (e["start"], e["end"])) for e in f.get("evidence", [])])
                 and inside(b, [(e["article"], (e["start"], e["end"])) for e in f.get("evidence", [])])]
        if noted:
            out[("missed conflict", f"noted as {sorted(noted)[0]}")] += 1
            if os.environ.get("YARDSTICK_SHOW_MISSES"):
                print(f"  missed {gold['conflicts'][i].get('id')}: noted as {sorted(noted)[0]}", file=sys.stderr)
            continue
        ids = [{cid for art, span, cid in claims if art == side[0] and score.overlaps(span, side[1])} for side in (a, b)]
        facts = [{cluster_of[c] for c in side if c in cluster_of} for side in ids]
        if not all(ids):
            why = "a side not read as a claim"
        elif not all(facts):
            why = "a side in no shared fact"
        elif facts[0] & facts[1]:
            why = "one shared fact, no finding"
        else:
            why = "two different shared facts"
        out[("missed conflict", why)] += 1
        if os.environ.get("YARDSTICK_SHOW_MISSES"):
            print(f"  missed {gold['conflicts'][i].get('id')}: {why}", file=sys.stderr)
    return out


def print_findings(kinds: dict[str, Counter]) -> None:
    """One table a set: right, false and missed "cannot both be right" findings by kind."""
    for name, counts in kinds.items():
        if counts:
            print(f"\ndivergence findings, {name}: what, kind, count")
            for (what, why), n in sorted(counts.items()):
                print(f"  {what:26s} {why:86s} {n:3d}")


def event_accuracy(score, parts: list[tuple[dict, dict]]) -> float:
    """Incident pairs right, counted within each corpus (pairs across two separate audits say nothing)."""
    right = total = 0
    for data, gold in parts:
        n = len(gold["articles"])
        pairs = n * (n - 1) // 2
        if pairs:
            right += round(score.Scorer(data, gold).events()["event_pair_accuracy"] * pairs)
            total += pairs
    return right / total if total else 0.0


def decisions_by_kind(audit, gold: dict, config: AuditConfig) -> Counter:
    """(kind, agrees with gold) -> pairs, over the gold's annotated articles of one corpus. The
    grouping is run again on the audit's claims and vectors (the events cache holds no decisions);
    it must give the audit's incidents."""
    vectors, _ = embed_texts([c.text for c in audit.claims], config)
    events, decisions = events_stage.grouping(audit.articles, audit.claims, vectors, config.one_story, decide=True)
    if [e.articles for e in events] != [e.articles for e in audit.events]:
        raise RuntimeError("the grouping run again differs from the audit's")
    by_name = {Path(str(a.path or "")).name: a.id for a in audit.articles}
    key_of = {by_name[Path(v).name]: k for k, v in gold["articles"].items() if Path(v).name in by_name}
    gold_event = {k: i for i, grp in enumerate(gold.get("events", [])) for k in grp}
    out: Counter = Counter()
    for d in decisions:
        ka, kb = key_of.get(d.a), key_of.get(d.b)
        if ka in gold_event and kb in gold_event:
            out[(d.kind, d.joined == (gold_event[ka] == gold_event[kb]))] += 1
    return out


def measure(score, name: str, config: AuditConfig, verbose: bool,
            decisions: bool = False) -> tuple[dict, list[str], Counter, Counter]:
    parts = []
    kinds: Counter = Counter()
    began = time.perf_counter()
    for corpus, articles, gold_path in corpora_of(name):
        audit = auditor.audit([articles], config)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if decisions:
            kinds.update(decisions_by_kind(audit, gold, config))
        data = json.loads(json.dumps(audit_to_data(audit)))
        parts.append(prefixed(data, gold, corpus.replace("/", "~")))
    seconds = time.perf_counter() - began
    data, gold = pooled(parts)
    scorer = score.Scorer(data, gold, verbose=verbose)
    result = scorer.run()
    notes = list(scorer.notes)
    result["event_pair_accuracy"] = event_accuracy(score, parts)
    result.update(divergence_figures(score, data, gold, notes) if gold["conflicts"] else {})
    findings = findings_by_kind(score, data, gold) if gold["conflicts"] else Counter()
    parts_of_overall = [result[f] for f in ("link_f1", "conflict_recall", "quote_f1", "speaker_accuracy",
                                            "source_f1", "outlet_f1", "event_pair_accuracy")]
    result["overall"] = sum(parts_of_overall) / len(parts_of_overall)
    result["articles"] = f"{len(data['articles'])} in {len(parts)}"
    result["seconds"] = round(seconds, 1)
    return result, notes, kinds, findings


def print_decisions(kinds: dict[str, Counter]) -> None:
    """One table a set: each kind of incident decision, pairs settled as gold does and otherwise."""
    for name, counts in kinds.items():
        print(f"\nincident decisions, {name}: kind, pairs agreeing with gold, disagreeing")
        for kind in sorted({k for k, _ in counts}):
            print(f"  {kind:60s} {counts[(kind, True)]:6d} {counts[(kind, False)]:6d}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--sets", nargs="*", help="set names (default: seeds, devset and every dev split)")
    parser.add_argument("--holdout", action="store_true",
                        help="also every held-out split (holdout, holdout2, ...: figures only)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false hit (not for holdout)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--decisions", action="store_true",
                        help="incident decisions by kind, agreeing and disagreeing with gold (counts only)")
    parser.add_argument("--findings", action="store_true",
                        help="divergence findings right, false and missed, by kind (counts only)")
    args = parser.parse_args()
    if not args.scorer.exists():
        print(f"scorer not found: {args.scorer}", file=sys.stderr)
        return 1
    score = load_scorer(args.scorer)
    names = args.sets or ["seeds", "devset", *(f"{s}/dev" for s in GROUPED_SETS if (FIXTURES / s / "dev").is_dir())]
    if args.holdout:
        names += [f"{s}/{split.name}" for s in GROUPED_SETS if (FIXTURES / s).is_dir()
                  for split in sorted((FIXTURES / s).iterdir()) if split.name.startswith("holdout")]
    results, kinds, findings = {}, {}, {}
    for name in names:
        results[name], notes, kinds[name], findings[name] = measure(score, name, AuditConfig(), args.verbose, args.decisions)
        if args.verbose and "/holdout" not in name:
            print(f"--- {name}")
            for note in notes:
                print("  " + note)
    width = max(12, *(len(n) + 2 for n in results))
    print(f"{'figure':22s}" + "".join(f"{n:>{width}s}" for n in results))
    for figure in (*FIGURES, "seconds"):
        cells = []
        for res in results.values():
            value = res.get(figure, "")
            cells.append(f"{value:{width}.3f}" if isinstance(value, float) else f"{value!s:>{width}s}")
        print(f"{figure:22s}" + "".join(cells))
    if args.decisions:
        print_decisions(kinds)
    if args.findings:
        print_findings(findings)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
