#!/usr/bin/env python3
"""The incidents stage alone (`events.group`) on synthetic corpora of 1,000 ... 10,000 articles.

    .venv/bin/python benchmarks/events_scale.py --sizes 1000 10000 --workdir /tmp/events-scale
    .venv/bin/python benchmarks/events_scale.py --sizes 10000 --workdir /tmp/events-scale --code /work/main

The corpora are `scale.py`'s synthetic ones (the seeds' sentences recombined, figures and places
varied per incident). Grouping needs the articles, their claims and the claims' vectors; making
those (reading and embedding) takes far longer than grouping them, so it is done once for a base
corpus (`--base`, 1,000 articles) with the ordinary pipeline up to the embeddings
(`pipeline._read`, `embed_texts`: readings and vectors stay in the workdir's caches; reuse, align
and compare are skipped) and kept in the workdir (`inputs-<size>.pkl`). A larger size is made from
those readings by TILING, not by reading (reading 10,000 articles takes most of an hour on a
shared 2-core machine): copy k of the base corpus gets new article and claim ids, its places
renamed the way the generator varies incidents (each synthetic region and town moved k places
along the generator's own lists), its figures shifted (+1000 k, so no figure is shared across
copies) and its claim vectors jittered (Gaussian, sigma 0.02 per dimension, unit length again),
so that every copy is a set of distinct incidents and the stage meets 10 x the articles, anchors
and neighbours. Its texts are the base's (the stage reads days and datelines from the leads).

Each timing runs in a fresh process, so that what the stage loads once (the gazetteer, its lru
caches) is paid as in a real run: it unpickles the inputs, then times `group` twice (the first
call pays the one-time loads, the second shows the stage's own cost). `--code PATH` times the
`auditor` of other trees on the same inputs (e.g. `/work/main`), so that two versions of the stage
are compared on identical input. The machine is shared: CPU seconds of this process are the
figure to compare (wall time is printed too, with the load average); the best of `--repeats`.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def prepare(size: int, workdir: Path, backend: str, base: int) -> Path:
    """The inputs of the incidents stage for `size` synthetic articles, made once and kept."""
    out = workdir / f"inputs-{size}.pkl"
    if out.exists():
        return out
    if size > base:
        with open(prepare(base, workdir, backend, base), "rb") as f:
            articles, claims, vectors = pickle.load(f)
        tiled = tile(articles, claims, vectors, -(-size // base), size)
        with open(out, "wb") as f:
            pickle.dump(tiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"{size} articles tiled from {base}: {len(tiled[1])} claims", flush=True)
        return out
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import make_corpus  # the same corpora as the whole-audit benchmark
    from auditor import embed, pipeline
    from auditor.config import AuditConfig
    from auditor.read import ingest

    corpus = workdir / f"corpus-{size}"
    if not corpus.exists():
        made = make_corpus(size, corpus)
        print(f"made {made['articles']} articles in {made['incidents']} incidents", flush=True)
    config = AuditConfig(cache_dir=workdir / "cache", backend=backend)
    began = time.perf_counter()
    articles, _ = ingest.load([corpus], config)
    views = {a.id: ingest.analysis_text(a) for a in articles}
    embedder = embed.make_embedder(config)
    _, _, _, claims, _, loading = pipeline._read(articles, views, config, pipeline._StageTimer(None), embedder)
    if loading is not None:
        loading.join()
    vectors, _ = pipeline.embed_texts([c.text for c in claims], config, embedder)
    with open(out, "wb") as f:
        pickle.dump((tuple(articles), tuple(claims), vectors), f, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{size} articles read and embedded in {time.perf_counter() - began:.0f} s: {len(claims)} claims",
          flush=True)
    return out


def tile(articles, claims, vectors, copies: int, size: int, seed: int = 11):
    """`copies` copies of a corpus's articles, claims and vectors as distinct incidents (see the
    module's docstring), cut to `size` articles."""
    import re
    from dataclasses import replace
    import numpy as np
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import REGIONS, SEED_REGIONS, SEED_TOWNS, TOWNS

    rng = np.random.default_rng(seed)
    lists = [SEED_REGIONS + REGIONS, SEED_TOWNS + TOWNS]
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(set(sum(lists, [])), key=len, reverse=True))
                         + r")\b", re.I)
    keep = {a.id for a in articles[: size]}
    out_articles, out_claims, rows = [], [], []
    for k in range(copies):
        moved = {n.lower(): names[(i + k) % len(names)] for names in lists for i, n in enumerate(names)}

        def rename(text, moved=moved):
            return pattern.sub(lambda m: moved.get(m.group(0).lower(), m.group(0)), text) if text else text

        left = size - len(out_articles)
        chosen = [a for a in articles if a.id in keep][:left]
        ids = {a.id for a in chosen}
        out_articles += [replace(a, id=f"{a.id}~{k}") for a in chosen]
        for c, v in zip(claims, vectors):
            if c.article not in ids:
                continue
            qs = tuple(replace(q, place=rename(q.place), value=None if q.value is None else q.value + 1000 * k,
                               low=None if q.low is None else q.low + 1000 * k,
                               high=None if q.high is None else q.high + 1000 * k) for q in c.quantities)
            out_claims.append(replace(c, id=f"{c.id}~{k}", article=f"{c.article}~{k}", quantities=qs,
                                      places=tuple(rename(p) for p in c.places),
                                      entities=tuple(rename(e) for e in c.entities),
                                      actors=tuple(rename(e) for e in c.actors)))
            jittered = v + (rng.normal(0, 0.02, v.shape) if k else 0)
            rows.append(jittered / np.linalg.norm(jittered))
        if len(out_articles) >= size:
            break
    return tuple(out_articles), tuple(out_claims), np.asarray(rows, dtype=np.float32)


def child(inputs: Path, calls: int) -> None:
    """One timing, in this fresh process: `group` `calls` times on the kept inputs."""
    began = time.perf_counter()
    from auditor.crossdoc import events
    with open(inputs, "rb") as f:
        articles, claims, vectors = pickle.load(f)
    loaded = time.perf_counter() - began
    seconds, cpu = [], []
    for _ in range(calls):
        t, c = time.perf_counter(), time.process_time()
        result = events.group(articles, claims, vectors)
        seconds.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    from auditor.read import places
    towns = getattr(places, "_index").cache_info().currsize > 0  # whether the towns' gazetteer was loaded
    print(json.dumps({"articles": len(articles), "incidents": len(result), "first_s": seconds[0], "towns": towns,
                      "again_s": seconds[-1], "first_cpu_s": cpu[0], "again_cpu_s": cpu[-1], "load_s": loaded,
                      "code": events.__file__}))


def timed(inputs: Path, code: Path, calls: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run([sys.executable, __file__, "--child", str(inputs), "--calls", str(calls)], env=env,
                          capture_output=True,
                          text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["loadavg"] = os.getloadavg()[0]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--workdir", type=Path, required=False, default=Path("/tmp/events-scale"))
    parser.add_argument("--code", type=Path, nargs="*", default=[ROOT],
                        help="trees whose auditor is timed (default: this one)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backend", default="auto", help="embedding backend for the one-time preparation")
    parser.add_argument("--base", type=int, default=1000, help="articles read; larger sizes are tiled from them")
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument("--calls", type=int, default=2, help="calls of group per process (1: the first only)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.calls)
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        inputs = prepare(size, args.workdir, args.backend, args.base)
        if args.prepare_only:
            continue
        for code in args.code:
            runs = [timed(inputs, code, args.calls) for _ in range(args.repeats)]
            best = min(runs, key=lambda r: r["first_cpu_s"])
            again = "" if args.calls < 2 else (f"; second call: CPU {min(r['again_cpu_s'] for r in runs):.2f} s, "
                                               f"wall {min(r['again_s'] for r in runs):.2f} s")
            print(f"{size:6d} articles, {code}: {best['incidents']} incidents; group, first call (with one-time "
                  f"loads; towns' gazetteer loaded: {best['towns']}): CPU best {best['first_cpu_s']:.2f} s of "
                  f"{[round(r['first_cpu_s'], 2) for r in runs]}, wall {[round(r['first_s'], 2) for r in runs]}"
                  f"{again}; load average "
                  f"{[round(r['loadavg'], 1) for r in runs]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
