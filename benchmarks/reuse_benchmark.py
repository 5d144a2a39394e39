"""Benchmark of auditor.crossdoc.reuse on SYNTHETIC copies made from the real seed articles (not a test).

Why: there is no hand-labelled corpus of copied news here, so copies are made by rule from
real sentences, which gives exact gold passages and a known direction:

1. Accuracy. Each seed article is an original; each derived article keeps some of its sentences
   (others dropped, some neighbours swapped), edits each kept sentence one way (none, a US/UK
   spelling variant from a fixed list of real variant pairs, one word changed, two clauses
   swapped, the sentence cut short) and mixes in sentences of its own (sentences of the other
   seeds with half their words replaced, so they share no passage). Reports passage precision and
   recall (per gold sentence and per character), recall per edit type, the kind given, and
   whether the direction was found with and without publication dates.
2. Speed. Corpora of N articles built by recombining seed sentences in shuffled order with random
   word substitutions (so most pairs are NOT copies), with a few planted light-edit copies; reports
   the running time of reuse.find and provenance.build, candidate pairs, and planted copies found.

Run: .venv/bin/python benchmarks/reuse_benchmark.py [--trials 40] [--sizes 100 1000]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.read import ingest  # noqa: E402
from auditor.crossdoc import provenance
from auditor.crossdoc import reuse
from auditor.read import segment
from auditor.config import AuditConfig  # noqa: E402
from auditor.model import Article  # noqa: E402

# Real UK/US variant pairs (general English, not read from the seeds); applied in either direction.
VARIANTS = [
    ("neighbouring", "neighboring"), ("neighbours", "neighbors"), ("criticised", "criticized"),
    ("organisations", "organizations"), ("organisation", "organization"), ("defence", "defense"),
    ("centre", "center"), ("programme", "program"), ("labour", "labor"), ("favour", "favor"),
    ("recognised", "recognized"), ("mobilised", "mobilized"), ("travelling", "traveling"),
    ("travelled", "traveled"), ("funnelled", "funneled"), ("emphasised", "emphasized"),
    ("realise", "realize"), ("apologised", "apologized"), ("honour", "honor"), ("behaviour", "behavior"),
]
EDITS = ("none", "spelling", "word", "reorder", "cut")


@dataclass
class Gold:
    a: tuple[int, int]  # char range in the original
    b: tuple[int, int]  # char range in the copy
    edit: str


def seed_sentences() -> tuple[list[Article], dict[str, list[str]]]:
    articles, _ = ingest.load([str(ROOT / "seeds")], AuditConfig())
    out: dict[str, list[str]] = {}
    for a in articles:
        text = ingest.analysis_text(a)
        out[a.id] = [s.text.strip() for s in segment.sentences(a.id, text) if len(s.text.split()) >= 8]
    return articles, out


def substitute(sentence: str, vocab: list[str], rate: float, rng: random.Random) -> str:
    """Each word (a run of letters or digits) replaced by a random vocabulary word with probability `rate`."""
    return re.sub(r"[^\W_]+(?:['’][^\W_]+)*", lambda m: rng.choice(vocab) if rng.random() < rate else m.group(), sentence)


def edit(sentence: str, kind: str, vocab: list[str], rng: random.Random) -> tuple[str, str, int]:
    """The edited sentence, the edit actually applied (falls back to "none" when impossible), and
    how many characters of the original sentence the copy still carries (less when cut short)."""
    words = sentence.split()
    if kind == "spelling":
        for uk, us in VARIANTS:
            for x, y in ((uk, us), (us, uk)):
                if re.search(rf"\b{x}\b", sentence, re.I):
                    return re.sub(rf"\b{x}\b", y, sentence, flags=re.I), kind, len(sentence)
        return sentence, "none", len(sentence)
    if kind == "word":
        n = rng.randrange(len(words))
        words[n] = rng.choice(vocab)
        return " ".join(words), kind, len(sentence)
    if kind == "reorder":
        parts = sentence.rstrip(".").split(", ", 1)
        if len(parts) == 2 and min(len(p.split()) for p in parts) >= 3:
            first, second = parts
            return f"{second[0].upper()}{second[1:]}, {first[0].lower()}{first[1:]}.", kind, len(sentence)
        return sentence, "none", len(sentence)
    if kind == "cut":
        keep = max(6, int(len(words) * rng.uniform(0.55, 0.8)))
        prefix = " ".join(words[:keep]).rstrip(",;:")
        carried = len(prefix) if sentence.startswith(prefix) else len(sentence)
        return prefix + ".", kind, carried
    return sentence, "none", len(sentence)


def derive(original: Article, sentences: list[str], filler: list[str], vocab: list[str],
           rng: random.Random) -> tuple[Article, list[Gold]]:
    """A copy of `original`: sentences dropped, neighbours swapped, edited, own sentences mixed in."""
    text = original.text
    kept = [s for s in sentences if rng.random() > 0.3] or sentences[:2]
    for n in range(len(kept) - 1):
        if rng.random() < 0.15:
            kept[n], kept[n + 1] = kept[n + 1], kept[n]
    parts: list[tuple[str, tuple[int, int] | None, str]] = []
    for s in kept:
        if rng.random() < 0.25:
            parts.append((substitute(rng.choice(filler), vocab, 0.5, rng), None, ""))
        new, applied, carried = edit(s, rng.choice(EDITS), vocab, rng)
        start = text.index(s)
        parts.append((new, (start, start + carried), applied))
    body, gold = "", []
    for new, where, applied in parts:
        if body:
            body += " " if rng.random() < 0.5 else "\n\n"
        if where:
            gold.append(Gold(where, (len(body), len(body) + len(new)), applied))
        body += new
    return Article(id=original.id + "-copy", path="synthetic", text=body), gold


def covered(span: tuple[int, int], ranges: list[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in ranges)


def accuracy(trials: int, rng: random.Random) -> None:
    articles, sents = seed_sentences()
    vocab = sorted({w for ss in sents.values() for s in ss for w in re.findall(r"[^\W_]+", s)})
    per_edit: dict[str, list[int]] = {e: [0, 0] for e in EDITS}
    gold_found = gold_total = pred_ok = pred_total = 0
    chars = {"a": [0, 0, 0], "b": [0, 0, 0]}  # [predicted inside gold, predicted, gold covered]
    gold_chars = {"a": 0, "b": 0}
    kinds: dict[str, int] = {}
    direction_text = direction_given = direction_dated = pairs = false_pairs = 0
    dated_kinds: dict[str, int] = {}
    for t in range(trials):
        for original in articles:
            filler = [s for aid, ss in sents.items() if aid != original.id for s in ss]
            copy, gold = derive(original, list(sents[original.id]), filler, vocab, rng)
            pairs += 1
            found = reuse.find([copy, original]) if t % 2 else reuse.find([original, copy])
            r = next((x for x in found if set(x.articles) == {original.id, copy.id} and x.passages), None)
            if r is None:
                for g in gold:
                    per_edit[g.edit][1] += 1
                gold_total += len(gold)
                continue
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
            direction_text += r.direction == original.id
            direction_given += r.direction is not None
            flip = r.articles[0] != original.id
            preds = [((p.b if flip else p.a), (p.a if flip else p.b)) for p in r.passages]
            for g in gold:
                ok = any(covered((pa.start, pa.end), [g.a]) >= 0.5 * (g.a[1] - g.a[0])
                         and covered((pb.start, pb.end), [g.b]) >= 0.5 * (g.b[1] - g.b[0]) for pa, pb in preds)
                gold_found += ok
                gold_total += 1
                per_edit[g.edit][0] += ok
                per_edit[g.edit][1] += 1
            ga, gb = [g.a for g in gold], [g.b for g in gold]
            for pa, pb in preds:
                pred_total += 1
                pred_ok += (covered((pa.start, pa.end), ga) >= 0.5 * (pa.end - pa.start)
                            and covered((pb.start, pb.end), gb) >= 0.5 * (pb.end - pb.start))
            for side, ranges, spans in (("a", ga, [p[0] for p in preds]), ("b", gb, [p[1] for p in preds])):
                chars[side][0] += sum(covered((s.start, s.end), ranges) for s in spans)
                chars[side][1] += sum(s.end - s.start for s in spans)
                chars[side][2] += sum(covered(g, [(s.start, s.end) for s in spans]) for g in ranges)
                gold_chars[side] += sum(e - s for s, e in ranges)
            dated = (Article(**{**original.__dict__, "published": "2024-08-26"}),
                     Article(**{**copy.__dict__, "published": "2024-08-27"}))
            rd = [x for x in reuse.find(list(dated)) if x.passages]
            direction_dated += bool(rd) and rd[0].direction == original.id
            if rd:
                dated_kinds[rd[0].kind] = dated_kinds.get(rd[0].kind, 0) + 1
        # Independent articles: the other seeds' sentences, half their words replaced.
        for original in articles:
            filler = [s for aid, ss in sents.items() if aid != original.id for s in ss]
            other = Article(id="indep", path="synthetic",
                            text=" ".join(substitute(s, vocab, 0.5, rng) for s in rng.sample(filler, 12)))
            false_pairs += any(x.passages for x in reuse.find([original, other]))
    print("== Accuracy on SYNTHETIC copies of the 5 seed articles "
          f"({pairs} original/copy pairs, {trials} random variants each)")
    print(f"passage recall (gold sentences found on both sides): {gold_found / gold_total:.3f} ({gold_found}/{gold_total})")
    print(f"passage precision (passages inside gold on both sides): {pred_ok / max(pred_total, 1):.3f} ({pred_ok}/{pred_total})")
    for side in ("a", "b"):
        inside, predicted, hit = chars[side]
        name = "original" if side == "a" else "copy"
        print(f"char precision/recall on the {name}: {inside / max(predicted, 1):.3f} / {hit / max(gold_chars[side], 1):.3f}")
    for e, (ok, n) in per_edit.items():
        print(f"  recall, edit '{e}': {ok / max(n, 1):.3f} ({ok}/{n})")
    print(f"kinds given: {kinds}")
    print(f"direction from text alone (containment): given for {direction_given / pairs:.3f} of pairs, "
          f"right for {direction_text / pairs:.3f} (precision {direction_text / max(direction_given, 1):.3f})")
    print(f"direction found with publication dates: {direction_dated / pairs:.3f}; kinds then: {dated_kinds}")
    print(f"independent pairs with a passage reported (false pairs): {false_pairs}/{len(articles) * trials}")


def corpus(n: int, rate: float, rng: random.Random) -> tuple[list[Article], set[frozenset[str]]]:
    """n articles of shuffled, word-substituted seed sentences; ~5% are light-edit copies of another."""
    _, sents = seed_sentences()
    pool = [s for ss in sents.values() for s in ss]
    vocab = sorted({w for s in pool for w in re.findall(r"[^\W_]+", s)})
    articles: list[Article] = []
    planted: set[frozenset[str]] = set()
    for k in range(n):
        aid = f"n{k:05d}"
        if articles and rng.random() < 0.05:
            src = rng.choice(articles)
            lines = [ln for ln in src.text.split("\n") if ln]
            kept = [edit(ln, rng.choice(EDITS), vocab, rng)[0] for ln in lines if rng.random() > 0.3]
            filler = [substitute(s, vocab, rate, rng) for s in rng.sample(pool, 3)]
            articles.append(Article(id=aid, path="synthetic", text="\n".join(filler + kept)))
            planted.add(frozenset((aid, src.id)))
            continue
        chosen = rng.sample(pool, rng.randint(15, 25))
        articles.append(Article(id=aid, path="synthetic",
                                text="\n".join(substitute(s, vocab, rate, rng) for s in chosen)))
    return articles, planted


def speed(sizes: list[int], rate: float, rng: random.Random) -> None:
    print(f"\n== Speed on recombined corpora (seed sentences shuffled, {rate:.0%} of words substituted)")
    for n in sizes:
        articles, planted = corpus(n, rate, rng)
        words = sum(len(a.text.split()) for a in articles)
        cfg = reuse.ReuseConfig()
        toks = [reuse.tokenise(a.id, a.text) for a in articles]
        index = reuse.build_index(toks, cfg.shingle)
        candidates = len(reuse.candidate_pairs(index, {a.id: i for i, a in enumerate(articles)}, cfg))
        began, cpu = time.perf_counter(), time.process_time()
        found = reuse.find(articles)
        t_reuse, c_reuse = time.perf_counter() - began, time.process_time() - cpu
        began = time.perf_counter()
        graph = provenance.build(articles, reuse=found)
        t_graph = time.perf_counter() - began
        pairs = {frozenset(r.articles) for r in found if r.passages}
        hit = len(pairs & planted)
        print(f"N={n}: {words} words, {n * (n - 1) // 2} article pairs, {candidates} candidate pairs aligned, "
              f"reuse.find {t_reuse:.2f} s wall / {c_reuse:.2f} s CPU, provenance.build {t_graph:.2f} s "
              f"({len(graph.edges)} edges)")
        print(f"  planted copies found {hit}/{len(planted)}; other pairs reported with passages: {len(pairs - planted)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--rates", type=float, nargs="*", default=[0.4, 0.5],
                        help="word substitution rates of the speed corpora")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.trials:
        accuracy(args.trials, rng)
    for rate in args.rates:
        speed(args.sizes, rate, rng)


if __name__ == "__main__":
    main()
