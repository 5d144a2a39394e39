"""Text reuse between articles: shared passages, and what each sharing is (wire, derived, ...).

Why this module exists: an editor must know when two articles are one report printed twice
(agency copy, a rewrite of another outlet's story, the same press release quoted by both) rather
than two independent confirmations of a fact. Three steps, each a pure function:

1. ``passages``: shared passages, verbatim or near-verbatim. Words are normalised (casefold,
   accents, apostrophes, a few US/UK spelling rules) so "neighbouring" meets "neighboring"; pairs
   of articles are found through an inverted index of word shingles (never all pairs of
   sentences); matching shingles are chained, and the ends of each chain are refined by local
   alignment (rapidfuzz opcodes) on normalised words, then mapped back to character offsets.
   Given the incidents (events stage), pairs are sought within each incident, and across
   incidents only through rare shingles (in a few articles corpus-wide) covering a long passage:
   wire copy split across incidents is still found, while text recombined all over a big corpus
   (a background paragraph, one story's stock sentences) costs no corpus-wide all-pairs work.
2. ``classify``: wire, derived (with direction when dates, credits or containment tell it),
   shared-statement (the shared text is quoted on both sides), or common-source (no shared
   passage, but a credited source in common). Credited vs uncredited: does the reusing article
   name where the text came from?
3. Boilerplate: a passage that recurs in several articles of one outlet (a standard
   background paragraph, a footer) is that outlet's furniture, not reuse, and is ignored. It is
   found corpus-wide, in one pass over the shingle index.

Sources and quotes come from the extract stage; with none given, a small fallback reads
credit lines ("according to Reuters", "— With additional input from Reuters") from the text so
that wire credits and shared outlets still count.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import combinations
from typing import Callable, Iterable, Optional, Sequence

from rapidfuzz.distance import Indel, Levenshtein

from auditor import vocab
from auditor.codec import to_plain
from auditor.read import ingest
from auditor.model import Article, Event, Passage, Quote, Reuse, Source, Span

log = logging.getLogger(__name__)

OUTLET_KINDS = frozenset({"outlet", "agency", "media", "news", "newswire", "wire", "publication"})

# News agencies whose copy other outlets print: general knowledge, not drawn from any sample.
WIRE_AGENCIES = frozenset(name for row in vocab.rows("news_agencies") if row[1] == "agency"
                          for name in (row[0], *row[2:3], *(row[3].split(", ") if len(row) > 3 else ())) if name)


@dataclass(frozen=True)
class ReuseConfig:
    """Thresholds of reuse detection; the defaults suit news prose in English."""

    shingle: int = 5  # words per shingle (the index unit)
    min_tokens: int = 10  # shortest passage reported, in words, on each side
    min_similarity: float = 0.6  # of a passage's two sides (0..1)
    gap: int = 12  # matched shingles this close (in words, on both sides) belong to one passage
    pad: int = 10  # words beyond a chain's ends that local alignment may still take in
    slack: int = 3  # passages this close on both sides (swapped clauses) are merged into one
    min_shared: int = 2  # shingles two articles must share before they are aligned at all
    max_df: int = 200  # a shingle in more articles than this is a stock phrase: not used to find pairs
    # Across incidents only rare shingles find pairs: in at most this many articles corpus-wide, a
    # text printed by a handful of outlets (costs at most cross_max_df^2 / 2 pair counts a shingle).
    cross_max_df: int = 8
    # ... and a pair of articles from different incidents must share this many of them: half of
    # long_tokens, i.e. a 24-word verbatim run or a 40-word passage with a few words edited.
    cross_min_shared: int = 20
    max_positions: int = 4  # occurrences of one shingle within one article that are paired up
    long_tokens: int = 40  # shared words that make passages "long" (wire copy, not a phrase)
    boilerplate_articles: int = 3  # articles of one outlet sharing a passage make it boilerplate
    quoted_share: float = 2 / 3  # share of the shared words inside quotes for a shared statement
    containment_ratio: float = 1.25  # reused share of the copy over that of the original
    containment_min: float = 0.5  # a copy is mostly made of the other article's text


# --------------------------------------------------------------------------- normalisation

# A number with its separators ("1,000", "2.5"), or a word with inner apostrophes and hyphens.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’`‐-][^\W_]+)*", re.U)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "′": "'"})
# US/UK spelling folded to one form by rules on word endings (both sides fold alike, so a rule
# that also touches an unrelated word is harmless unless it makes two different words collide).
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[a-z]{3})our(?=(?:s|ed|ing|ite|ites|hood|hoods|ful|less|able|er|ers|ism)?$)", "or"),
        (r"(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$", r"yz\1"),
        (r"(?<=[a-z]{3})is(e|es|ed|ing|er|ers|ation|ations|ational)$", r"iz\1"),
        (r"(?<=[a-z]{2}[aeiou])ll(ed|ing|er|ers|or|ors)$", r"l\1"),
        (r"(?<=[a-z]{3})ll(ful|ment|ments)?$", r"l\1"),
        (r"(?<=[a-z]{2})([bt])re(s?)$", r"\1er\2"),
        (r"(?<=[a-z]{2})ence(s?)$", r"ense\1"),
        (r"(?<=[a-z]{3})ogue(s?)$", r"og\1"),
        (r"(?<=[a-z]{3})mme(s?)$", r"m\1"),
        (r"(?<=[a-z])ae(?=[a-z])", "e"),
        (r"(?<=ward)s$", ""),
    )
)


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """The matching form of a word: casefolded, accents and apostrophes unified, US/UK folded.

    Hyphens and digit separators drop out: "counter-terrorism" meets "counterterrorism" and
    "1,000" meets "1000".
    """
    folded = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES).casefold())
    folded = re.sub(r"[‐-]|(?<=\d),(?=\d)", "", folded)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    if len(folded) >= 5 and folded.isalpha():
        for pattern, replacement in _SPELLING_RULES:
            folded = pattern.sub(replacement, folded)
    return folded


@dataclass(frozen=True)
class Tokens:
    """An article's words in matching form, with each word's character offsets in the text."""

    article: str
    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def tokenise(article_id: str, text: str) -> Tokens:
    """Words of the (noise-masked) analysis text; punctuation, quotes and dashes drop out here."""
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text):
        norms.append(normalise_word(m.group()))
        starts.append(m.start())
        ends.append(m.end())
    return Tokens(article_id, tuple(norms), tuple(starts), tuple(ends))


# --------------------------------------------------------------------------- the shingle index


@dataclass(frozen=True)
class ShingleIndex:
    """Shingle ids per article position, and the articles each shingle occurs in."""

    positions: dict[str, dict[int, tuple[int, ...]]]  # article id -> shingle id -> word positions
    postings: dict[int, tuple[str, ...]]  # shingle id -> articles containing it (once each)


def build_index(tokens: Sequence[Tokens], k: int) -> ShingleIndex:
    """Intern every k-word shingle to an int (exact, no hash collisions) and invert."""
    ids: dict[tuple[str, ...], int] = {}
    per_article: dict[str, dict[int, tuple[int, ...]]] = {}
    postings: dict[int, list[str]] = defaultdict(list)
    for toks in tokens:
        norms = toks.norms
        where: dict[int, list[int]] = defaultdict(list)
        for i, shingle in enumerate(zip(*(norms[o:] for o in range(k)))):  # norms[i:i + k], for each i
            where[ids.setdefault(shingle, len(ids))].append(i)
        per_article[toks.article] = {sid: tuple(pos) for sid, pos in where.items()}
        for sid in where:
            postings[sid].append(toks.article)
    return ShingleIndex(per_article, {s: tuple(a) for s, a in postings.items()})


Pair = tuple[str, str]


def _in_order(pairs: Iterable[Pair], order: dict[str, int]) -> list[Pair]:
    """Distinct pairs sorted by the corpus order of their articles (the order of every output)."""
    return sorted(set(pairs), key=lambda p: (order[p[0]], order[p[1]]))


def _count_pairs(postings: Iterable[Sequence[str]], order: dict[str, int],
                 keep: Optional[Callable[[str, str], bool]] = None) -> dict[Pair, int]:
    """Shingles shared per pair of articles (pairs in corpus order), over the postings given."""
    counts: dict[Pair, int] = defaultdict(int)
    for articles in postings:
        for pair in combinations(sorted(articles, key=order.__getitem__), 2):
            if keep is None or keep(*pair):
                counts[pair] += 1
    return counts


def candidate_pairs(index: ShingleIndex, order: dict[str, int], cfg: ReuseConfig,
                    incidents: Optional[Sequence[Sequence[str]]] = None) -> list[Pair]:
    """Pairs of articles sharing at least ``min_shared`` shingles, stock phrases left out.

    With ``incidents`` (groups of article ids), only pairs inside one incident, counted incident
    by incident: work is the sum over incidents of their squared posting lengths, so a shingle
    printed across the whole corpus never makes all pairs of the corpus. Without, corpus-wide:
    the sum of squared posting lengths over shingles seen in 2..max_df articles, so a corpus where
    most articles share nothing costs about one pass over its words.
    """
    def stock(sid: int) -> bool:
        return len(index.postings[sid]) > cfg.max_df

    found: list[Pair] = []
    for group in ([list(order)] if incidents is None else incidents):
        local: dict[int, list[str]] = defaultdict(list)
        for aid in group:
            for sid in index.positions.get(aid, ()):
                local[sid].append(aid)
        counts = _count_pairs((a for sid, a in local.items() if len(a) >= 2 and not stock(sid)), order)
        found.extend(p for p, n in counts.items() if n >= cfg.min_shared)
    return _in_order(found, order)


def rare_pairs(index: ShingleIndex, order: dict[str, int], incident_of: dict[str, int],
               cfg: ReuseConfig) -> list[Pair]:
    """Pairs of articles of different incidents sharing ``cross_min_shared`` rare shingles.

    Wire copy or a copied article that the events stage put in two incidents is still found, while
    text common to many articles (a background paragraph, a stock phrase) links no incidents.
    Shingles in at most ``cross_max_df`` articles only: linear in the corpus.
    """
    counts = _count_pairs((a for a in index.postings.values() if 2 <= len(a) <= cfg.cross_max_df), order,
                          lambda x, y: incident_of[x] != incident_of[y])
    return _in_order((p for p, n in counts.items() if n >= cfg.cross_min_shared), order)


def outlet_key(article: Article) -> Optional[str]:
    """The publishing outlet, from metadata or else the URL's host; None when unknown."""
    if article.outlet and article.outlet.strip():
        return slug(article.outlet)
    if article.url:
        m = re.match(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", article.url.strip(), re.I)
        if m:
            return m.group(1).casefold()
    return None


def boilerplate_shingles(index: ShingleIndex, outlets: dict[str, Optional[str]],
                         cfg: ReuseConfig) -> dict[str, frozenset[int]]:
    """Per outlet, shingles found in ``boilerplate_articles`` or more of its own articles."""
    found: dict[str, set[int]] = defaultdict(set)
    for sid, articles in index.postings.items():
        if len(articles) < cfg.boilerplate_articles:
            continue
        per_outlet: dict[str, int] = defaultdict(int)
        for a in articles:
            o = outlets.get(a)
            if o:
                per_outlet[o] += 1
        for o, n in per_outlet.items():
            if n >= cfg.boilerplate_articles:
                found[o].add(sid)
    return {o: frozenset(s) for o, s in found.items()}


# --------------------------------------------------------------------------- passages of one pair


Positions = dict[int, tuple[int, ...]]


Cells = dict[tuple[int, int], tuple[list[int], list[int]]]


def _seeds(pa: Positions, pb: Positions, skip: frozenset[int], cap: int, size: int) -> Cells:
    """(i, j) word positions where both articles have the same shingle (a shingle repeated
    within an article pairs up its first ``cap`` occurrences only), binned in cells of ``size``
    words on each side: cell (i // size, j // size) holds its seeds' i and j in two lists (two
    lists a cell, not a tuple a seed: fewer objects for the garbage collector to follow)."""
    common = pa.keys() & pb.keys()
    if skip:
        common -= skip
    cells: Cells = {}
    for sid in common:
        in_b = pb[sid][:cap]
        for i in pa[sid][:cap]:
            row = i // size
            for j in in_b:
                cell = cells.get((row, j // size))
                if cell is None:
                    cell = cells[row, j // size] = ([], [])
                cell[0].append(i)
                cell[1].append(j)
    return cells


def _chains(cells: Cells, gap: int) -> list[tuple[int, int, int, int]]:
    """Group seeds lying within ``gap`` words of each other on both sides (connected components);
    each group as the first and last seed position on each side: (a_first, a_last, b_first, b_last).

    Order inside a group is free, so a passage whose clauses were swapped stays one passage.
    Seeds come binned in cells of ``gap + 1`` words on each side: the seeds of one cell are all that
    close, and close seeds lie in one cell or two neighbouring ones. So cells are the units joined,
    and two neighbouring cells are compared seed by seed only while they are apart (a verbatim run
    joins its cells at the first pair tried); not every seed with every seed near it.
    """
    parent = {c: c for c in cells}

    def find(c: tuple[int, int]) -> tuple[int, int]:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    def close(here: tuple[list[int], list[int]], there: tuple[list[int], list[int]]) -> bool:
        """Some seed of one cell within ``gap`` of some seed of the other (the last seeds of the
        first cell against the first of the second: where a run crosses from one to the next)."""
        return any(abs(i - x) <= gap and abs(j - y) <= gap
                   for i, j in zip(reversed(here[0]), reversed(here[1])) for x, y in zip(*there))

    for (ci, cj), here in cells.items():
        for other in ((ci, cj + 1), (ci + 1, cj - 1), (ci + 1, cj), (ci + 1, cj + 1)):
            there = cells.get(other)
            if there is None:
                continue
            ra, rb = find((ci, cj)), find(other)
            if ra != rb and close(here, there):
                parent[rb] = ra
    bounds: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for c, (in_a, in_b) in cells.items():
        box = (min(in_a), max(in_a), min(in_b), max(in_b))
        r = find(c)
        old = bounds.get(r)
        bounds[r] = box if old is None else (min(old[0], box[0]), max(old[1], box[1]),
                                             min(old[2], box[2]), max(old[3], box[3]))
    return list(bounds.values())


def _extend(xa: Sequence[str], xb: Sequence[str]) -> tuple[int, int]:
    """How many words of xa and xb (both read outward from a matched core) still align.

    Local alignment on the Levenshtein opcodes: equal words score +1, edited words -1; the
    extension ends after the equal block with the best running score (none if never positive).
    """
    if not xa or not xb:
        return 0, 0
    best = (0, 0)
    best_score = 0
    score = 0
    for tag, a0, a1, b0, b1 in Levenshtein.opcodes(list(xa), list(xb)):
        if tag == "equal":
            score += a1 - a0
            if score > best_score:
                best_score, best = score, (a1, b1)
        else:
            score -= max(a1 - a0, b1 - b0)
            if score < -3:
                break
    return best


def _region(chain: tuple[int, int, int, int], ta: Tokens, tb: Tokens, cfg: ReuseConfig) -> tuple[int, int, int, int]:
    """Word ranges [a0, a1) and [b0, b1) of one chain (its first and last seeds on each side), ends
    refined by local alignment."""
    k = cfg.shingle
    a0, a_last, b0, b_last = chain
    a1, b1 = a_last + k, b_last + k
    left_a = ta.norms[max(0, a0 - cfg.pad):a0][::-1]
    left_b = tb.norms[max(0, b0 - cfg.pad):b0][::-1]
    ea, eb = _extend(left_a, left_b)
    a0, b0 = a0 - ea, b0 - eb
    ea, eb = _extend(ta.norms[a1:a1 + cfg.pad], tb.norms[b1:b1 + cfg.pad])
    return a0, a1 + ea, b0, b1 + eb


def _word_similarity(wa: Sequence[str], wb: Sequence[str]) -> float:
    """Mean of order-sensitive (Indel) and order-free (multiset Dice) word similarity."""
    ordered = Indel.normalized_similarity(list(wa), list(wb))
    common = sum((Counter(wa) & Counter(wb)).values())  # words in both, with repeats
    dice = 2 * common / (len(wa) + len(wb)) if wa or wb else 0.0
    return (ordered + dice) / 2


_OPENERS = "\"“‘«([‹"
_CLOSERS = ".!?…\"”’»)]›"


def _char_span(article: Article, toks: Tokens, w0: int, w1: int) -> Span:
    """Character span of words [w0, w1), taking in adjacent opening quotes and final punctuation."""
    start, end = toks.starts[w0], toks.ends[w1 - 1]
    text = article.text
    while start > 0 and text[start - 1] in _OPENERS:
        start -= 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return Span(article.id, start, end, text[start:end])


def _merge(regions: list[tuple[int, int, int, int]], slack: int) -> list[tuple[int, int, int, int]]:
    """Merge regions that overlap or touch (within ``slack`` words) on both sides.

    Two clauses swapped by an editor give two chains side by side in both articles: one passage.
    """
    def near(x: tuple[int, int, int, int], y: tuple[int, int, int, int]) -> bool:
        return (x[0] <= y[1] + slack and y[0] <= x[1] + slack
                and x[2] <= y[3] + slack and y[2] <= x[3] + slack)

    out = sorted(regions)
    merged = True
    while merged:
        merged = False
        for n in range(len(out)):
            for m in range(n + 1, len(out)):
                if near(out[n], out[m]):
                    x, y = out[n], out[m]
                    out[n] = (min(x[0], y[0]), max(x[1], y[1]), min(x[2], y[2]), max(x[3], y[3]))
                    del out[m]
                    merged = True
                    break
            if merged:
                break
    return sorted(out)


def pair_passages(a: Article, b: Article, ta: Tokens, tb: Tokens, pa: Positions, pb: Positions,
                  cfg: ReuseConfig, skip: frozenset[int] = frozenset()) -> tuple[Passage, ...]:
    """Shared passages of two articles; ``skip`` holds shingles that are boilerplate for this pair."""
    seeds = _seeds(pa, pb, skip, cfg.max_positions, cfg.gap + 1)
    if not seeds:
        return ()
    regions = _merge([_region(c, ta, tb, cfg) for c in _chains(seeds, cfg.gap)], cfg.slack)
    passages: list[Passage] = []
    for a0, a1, b0, b1 in regions:
        if min(a1 - a0, b1 - b0) < cfg.min_tokens:
            continue
        sim = _word_similarity(ta.norms[a0:a1], tb.norms[b0:b1])
        if sim < cfg.min_similarity:
            continue
        passages.append(Passage(_char_span(a, ta, a0, a1), _char_span(b, tb, b0, b1), round(sim, 3)))
    return tuple(passages)


def passages(a: Article, b: Article, config: Optional[ReuseConfig] = None) -> tuple[Passage, ...]:
    """Shared passages of two articles (a convenience for one pair; ``find`` handles many)."""
    cfg = config or ReuseConfig()
    ta = tokenise(a.id, ingest.analysis_text(a))
    tb = tokenise(b.id, ingest.analysis_text(b))
    index = build_index([ta, tb], cfg.shingle)
    return pair_passages(a, b, ta, tb, index.positions[a.id], index.positions[b.id], cfg)


def reused_share(toks: Tokens, spans: Iterable[Span]) -> float:
    """Share of an article's words lying inside the given spans."""
    if not toks.norms:
        return 0.0
    merged: list[list[int]] = []
    for start, end in sorted((s.start, s.end) for s in spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    inside = sum(max(0, bisect_right(toks.ends, end) - bisect_left(toks.starts, start)) for start, end in merged)
    return round(inside / len(toks.norms), 4)


# --------------------------------------------------------------------------- credits and quotes

_CAP = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
_NAME = r"(?P<name>(?:" + _CAP + r"|al|el)(?:[ \t]+(?:(?:of|for|and|al|el|de)[ \t]+)?" + _CAP + r"){0,5})"
_CREDIT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i:\baccording\s+to\s+(?:the\s+)?)" + _NAME), "according"),
    (re.compile(r"(?i:\b(?:reported|cited|quoted|published|carried)\s+by\s+(?:the\s+)?)" + _NAME), "media"),
    (re.compile(r"(?i:\b(?:input|inputs|reporting|contributions?)\s+(?:from|by)\s+(?:the\s+)?)" + _NAME), "media"),
    (re.compile(r"(?i:\btold\s+(?:the\s+)?)" + _NAME), "media"),
    (re.compile(_NAME + r"(?i:\s+(?:reported|reports|news\s+agency\s+reported))\b"), "media"),
    (re.compile(r"(?m)^[ \t]*[—–-][ \t]*" + _NAME + r"[ \t]*$"), "media"),
    (re.compile(r"\(" + _NAME + r"\)[ \t]*[—–-]"), "media"),
    (re.compile(r"\(" + _NAME + r"\)"), "agency"),  # "(Reuters)", "(AFP)": kept only for known agencies
)


@lru_cache(maxsize=1 << 14)
def slug(name: str) -> str:
    """A plain id for a name: casefolded words joined by '-', a leading 'the' dropped."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKD", name.casefold()))
    words = ["".join(c for c in w if not unicodedata.combining(c)) for w in words]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return "-".join(words)


def is_agency(name: str, kind: Optional[str] = None) -> bool:
    """A news agency (wire service), by kind or by its well-known name."""
    return kind == "agency" or slug(name).replace("-", " ") in WIRE_AGENCIES


def fallback_sources(article: Article) -> tuple[Source, ...]:
    """Credits read from the text when the sources stage gave nothing: "according to X", "— X".

    A stand-in, not a source extractor: only capitalised names after credit cues are taken, so
    "according to local officials" gives nothing, and kinds are guessed (outlet for media cues and
    known agencies, organization otherwise).
    """
    text = ingest.analysis_text(article)
    found: dict[str, list[Span]] = defaultdict(list)
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for pattern, cue in _CREDIT_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group("name").strip(" .'’-")
            canonical = slug(name)
            if not canonical or not name[:1].isupper() or (cue == "agency" and not is_agency(name)):
                continue
            if any(e.start <= m.start() < e.end for e in found[canonical]):
                continue
            names.setdefault(canonical, name)
            kind = "outlet" if cue != "according" or is_agency(name) else "organization"
            if kinds.get(canonical) != "outlet":
                kinds[canonical] = kind
            found[canonical].append(Span(article.id, m.start(), m.end(), article.text[m.start():m.end()]))
    return tuple(
        Source(id=f"{article.id}:fallback:{c}", article=article.id, name=names[c], canonical=c,
               kind=kinds[c], evidence=tuple(spans))
        for c, spans in found.items()
    )


def effective_sources(articles: Sequence[Article], sources: Sequence[Source]) -> tuple[Source, ...]:
    """The sources given, or, when the sources stage gave none at all, the fallback credits."""
    if sources:
        return tuple(sources)
    return tuple(s for a in articles for s in fallback_sources(a))


@dataclass(frozen=True)
class Credit:
    """One party an article credits (directly or as the outlet a source was relayed by)."""

    canonical: str
    name: str
    kind: str
    evidence: tuple[Span, ...]


def via_evidence(evidence: Sequence[Span], name: str) -> tuple[Span, ...]:
    """The spans of a relayed source that name the relaying outlet ("cited by Al Jazeera").

    The others ("Naqvi said") are evidence for the person, not for the outlet relaying them.
    """
    return tuple(e for e in evidence if name.casefold() in e.text.casefold())


def credits_by_article(articles: Sequence[Article], sources: Sequence[Source]) -> dict[str, tuple[Credit, ...]]:
    """Per article, the parties it credits: each source, and each outlet in a source's via-chain."""
    by_name: dict[str, tuple[str, str]] = {}
    for s in sources:
        for n in (s.name, s.canonical, *s.variants):
            by_name.setdefault(n.casefold(), (s.canonical, s.kind))
    out: dict[str, dict[str, Credit]] = {a.id: {} for a in articles}
    for s in sources:
        if s.article not in out:
            continue
        entries = [(s.canonical, s.name, s.kind, s.evidence)]
        for v in s.via:
            canonical, kind = by_name.get(v.casefold(), (slug(v), "outlet"))
            entries.append((canonical, v, kind, via_evidence(s.evidence, v)))
        seen = out[s.article]
        for canonical, name, kind, spans in entries:
            old = seen.get(canonical)
            evidence = (old.evidence if old else ()) + tuple(e for e in spans if not old or e not in old.evidence)
            seen[canonical] = Credit(canonical, old.name if old else name, old.kind if old else kind, evidence)
    return {a: tuple(c.values()) for a, c in out.items()}


def common_agencies(ca: Sequence[Credit], cb: Sequence[Credit],
                    own: Sequence[Optional[str]] = ()) -> list[tuple[Credit, Credit]]:
    """News agencies both articles credit (not the articles' own outlets): the mark of wire copy.

    Only agencies count: two articles both citing another newspaper may still copy each other.
    """
    return [(x, y) for x, y in shared_credits(ca, cb)
            if is_agency(x.name, x.kind) or is_agency(y.name, y.kind)
            if not _is_own(x, own)]


def _is_own(credit: Credit, own: Sequence[Optional[str]]) -> bool:
    """A credit of an article's own outlet (compared by id and by name, whatever the id scheme)."""
    return credit.canonical in own or slug(credit.name) in own


def shared_credits(ca: Sequence[Credit], cb: Sequence[Credit]) -> list[tuple[Credit, Credit]]:
    """Parties both articles credit by name (anonymous sources never count as shared)."""
    by = {c.canonical: c for c in cb if c.kind != "anonymous"}
    return [(c, by[c.canonical]) for c in ca if c.kind != "anonymous" and c.canonical in by]


_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))


def quoted_regions(text: str, quotes: Sequence[Quote] = ()) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: the quotes given, else quote marks in the text."""
    if quotes:
        return sorted((q.start, q.end) for q in quotes)
    regions: list[tuple[int, int]] = []
    for open_, close in _QUOTE_PAIRS:
        for m in re.finditer(re.escape(open_) + r"[^" + re.escape(open_ + close) + r"\n]{1,2000}" + re.escape(close), text):
            regions.append((m.start(), m.end()))
    for line in re.finditer(r"[^\n]+", text):
        marks = [line.start() + m.start() for m in re.finditer('"', line.group())]
        regions.extend((marks[n], marks[n + 1] + 1) for n in range(0, len(marks) - 1, 2))
    for m in re.finditer(r"(?<![\w’'])‘[^‘\n]{1,2000}?’(?![\w])", text):
        regions.append((m.start(), m.end()))
    return sorted(regions)


def quoted_word_positions(toks: Tokens, regions: Sequence[tuple[int, int]]) -> array:
    """Positions of the words inside quote regions, in order (an int array: an article's words
    are many, its quoted words few). A word is inside when one region holds it whole: the furthest
    end among regions starting at or before the word (a running maximum over regions sorted by
    start) reaches the word's end."""
    inside = array("i")
    if not regions:
        return inside
    starts = [r[0] for r in regions]
    reach: list[int] = []
    for _, end in regions:
        reach.append(max(end, reach[-1]) if reach else end)
    r = 0
    for w, (start, end) in enumerate(zip(toks.starts, toks.ends)):
        while r < len(starts) and starts[r] <= start:
            r += 1
        if r and reach[r - 1] >= end:
            inside.append(w)
    return inside


def _quoted_words(toks: Tokens, spans: Sequence[Span], inside: array) -> tuple[int, int]:
    """(words of the spans inside quote regions, words of the spans), given the positions of the
    article's quoted words (`quoted_word_positions`): two bisections a span, whatever its length."""
    quoted = total = 0
    for span in spans:
        lo = bisect_left(toks.starts, span.start)
        hi = bisect_right(toks.ends, span.end)
        if lo < hi:
            total += hi - lo
            quoted += bisect_left(inside, hi) - bisect_left(inside, lo)
    return quoted, total


# --------------------------------------------------------------------------- classification


def _when(value: Optional[str]) -> Optional[tuple[date, Optional[datetime]]]:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) <= 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text)
        return moment.date(), moment
    except ValueError:
        return None


def earlier(a: Article, b: Article) -> Optional[str]:
    """Id of the article published first, when both dates are known and differ."""
    wa, wb = _when(a.published), _when(b.published)
    if not wa or not wb:
        return None
    if wa[1] and wb[1] and (wa[1].tzinfo is None) == (wb[1].tzinfo is None) and wa[1] != wb[1]:
        return a.id if wa[1] < wb[1] else b.id
    if wa[0] != wb[0]:
        return a.id if wa[0] < wb[0] else b.id
    return None


def names_outlet(credits: Sequence[Credit], text: str, outlet: Optional[str]) -> Optional[bool]:
    """Does an article name this outlet (as a credit, or capitalised in its text)? None if unknown."""
    key = slug(outlet or "")
    if not key:
        return None
    if any(c.canonical == key or slug(c.name) == key for c in credits):
        return True
    pattern = r"\b" + r"\W+".join(re.escape(w) for w in key.split("-")) + r"\b"
    return any(m.group()[:1].isupper() for m in re.finditer(pattern, text, re.I))


@dataclass(frozen=True)
class Side:
    """What classification needs to know about one article of a pair."""

    article: Article
    tokens: Tokens
    credits: tuple[Credit, ...]
    quoted: array  # positions of the words inside quotation marks (`quoted_word_positions`)
    quotes: tuple[Quote, ...]  # the quotes given by the extract stage (may be none)
    outlet: Optional[str]


def _speakers_named(side: Side, spans: Sequence[Span]) -> Optional[bool]:
    """Do the quotes holding the shared text name their speaker? None without quotes to read."""
    holding = [q for q in side.quotes for s in spans if q.start < s.end and s.start < q.end]
    if not holding:
        return None
    return all(q.speaker or q.speaker_id for q in holding)


def classify(sa: Side, sb: Side, found: tuple[Passage, ...], cfg: ReuseConfig) -> Reuse:
    """Name a pair's reuse; the order of the tests below is the order of precedence."""
    a, b = sa.article, sb.article
    share = (reused_share(sa.tokens, [p.a for p in found]), reused_share(sb.tokens, [p.b for p in found]))
    base = dict(articles=(a.id, b.id), passages=found, share=share)
    spans_a, spans_b = [p.a for p in found], [p.b for p in found]

    qa, na = _quoted_words(sa.tokens, spans_a, sa.quoted)
    qb, nb = _quoted_words(sb.tokens, spans_b, sb.quoted)
    if na and nb and qa / na >= cfg.quoted_share and qb / nb >= cfg.quoted_share:
        named = (_speakers_named(sa, spans_a), _speakers_named(sb, spans_b))
        credited = None if None in named else all(named)
        return Reuse(kind="shared-statement", credited=credited, **base)

    agencies = common_agencies(sa.credits, sb.credits, (sa.outlet, sb.outlet))
    if agencies:
        evidence = tuple(e for x, y in agencies for e in x.evidence + y.evidence)
        return Reuse(kind="wire", credited=True, evidence=evidence, **base)

    credit_a = names_outlet(sa.credits, ingest.analysis_text(a), b.outlet)
    credit_b = names_outlet(sb.credits, ingest.analysis_text(b), a.outlet)
    original = earlier(a, b)
    if original is None and credit_a != credit_b and True in (credit_a, credit_b):
        original = b.id if credit_a else a.id  # the one naming the other's outlet is the copy
    if original is None:
        big, small = max(share), min(share)
        if big >= cfg.containment_min and big >= cfg.containment_ratio * small:
            original = b.id if share[0] > share[1] else a.id  # the copy is mostly the other's text
    if original is not None:
        credited = credit_b if original == a.id else credit_a
        return Reuse(kind="derived", direction=original, credited=credited, **base)

    shared_words = sum(len(p.a.text.split()) for p in found)
    in_order = all(x.b.start < y.b.start for x, y in zip(found, found[1:]))
    if shared_words >= cfg.long_tokens and in_order:
        return Reuse(kind="wire", credited=False, **base)
    credited = None if credit_a is None and credit_b is None else bool(credit_a or credit_b)
    return Reuse(kind="derived", credited=credited, **base)


def _common_source(sa: Side, sb: Side) -> Optional[Reuse]:
    shared = shared_credits(sa.credits, sb.credits)
    shared = [(x, y) for x, y in shared if not _is_own(x, (sa.outlet, sb.outlet))]
    if not shared:
        return None
    evidence = tuple(e for x, y in shared for e in x.evidence + y.evidence)
    return Reuse(articles=(sa.article.id, sb.article.id), kind="common-source", credited=True, evidence=evidence)


@dataclass(frozen=True)
class Plan:
    """What reuse is sought in: the articles' words and shingles, their credits and quotes, the
    incidents, and the candidate pairs with the boilerplate each pair leaves out."""

    cfg: ReuseConfig
    articles: tuple[Article, ...]
    order: dict[str, int]
    by_id: dict[str, Article]
    toks: dict[str, Tokens]
    index: ShingleIndex
    outlets: dict[str, Optional[str]]
    credits: dict[str, tuple[Credit, ...]]
    quotes_by: dict[str, list[Quote]]
    incidents: list[list[str]]
    pairs: list[Pair]
    skips: dict[Pair, frozenset[int]]


def plan(articles: Sequence[Article], sources: Sequence[Source] = (), quotes: Sequence[Quote] = (),
         events: Sequence[Event] = (), config: Optional[ReuseConfig] = None) -> Plan:
    """The pairs whose shared passages are sought. ``events`` (when given) limits the work to
    incidents: shared passages are sought within each incident, and across incidents only through
    rare shingles (copy printed by a few articles, ``rare_pairs``)."""
    cfg = config or ReuseConfig()
    order = {a.id: n for n, a in enumerate(articles)}
    tokens = [tokenise(a.id, ingest.analysis_text(a)) for a in articles]
    index = build_index(tokens, cfg.shingle)
    outlets = {a.id: outlet_key(a) for a in articles}
    boiler = boilerplate_shingles(index, outlets, cfg)
    credits = credits_by_article(articles, effective_sources(articles, sources))
    quotes_by: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        quotes_by[q.article].append(q)
    incidents = _incidents(articles, events)
    pairs = candidate_pairs(index, order, cfg, incidents)
    if events:
        incident_of = {aid: n for n, group in enumerate(incidents) for aid in group}
        pairs = _in_order(pairs + rare_pairs(index, order, incident_of, cfg), order)
    skips = {}
    for x, y in pairs:
        same = outlets[x] is not None and outlets[x] == outlets[y]
        skips[(x, y)] = boiler.get(outlets[x], frozenset()) if same else frozenset()
    return Plan(cfg, tuple(articles), order, {a.id: a for a in articles}, {t.article: t for t in tokens}, index,
                outlets, credits, quotes_by, incidents, pairs, skips)


PairPassages = tuple[tuple[int, int, int, int, float], ...]  # a pair's shared passages: offsets, similarity


def shared_passages(p: Plan, pairs: Sequence[Pair]) -> list[PairPassages]:
    """Each pair's shared passages, as character offsets in both articles and their similarity."""
    out = []
    for x, y in pairs:
        found = pair_passages(p.by_id[x], p.by_id[y], p.toks[x], p.toks[y], p.index.positions[x],
                              p.index.positions[y], p.cfg, p.skips[(x, y)])
        out.append(tuple((q.a.start, q.a.end, q.b.start, q.b.end, q.similarity) for q in found))
    return out


def passages_key(p: Plan) -> Callable[[Pair], tuple]:
    """What a pair's shared passages depend on (their cache key): both articles' ids and texts
    (with what is left out of them), the settings, and the boilerplate that applies to the pair,
    named by where its shared shingles stand in the first article (shingle ids are this run's own)."""
    digests: dict[str, str] = {}
    settings = _digest(p.cfg)  # once: hundreds of thousands of pairs share it

    def digest(aid: str) -> str:
        if aid not in digests:
            digests[aid] = _digest((aid, p.by_id[aid].text, p.by_id[aid].excluded))
        return digests[aid]

    def key(pair: Pair) -> tuple:
        x, y = pair
        pa, pb = p.index.positions[x], p.index.positions[y]
        boiler = sorted(pos for sid in p.skips[pair] if sid in pa and sid in pb for pos in pa[sid])
        return digest(x), digest(y), settings, boiler

    return key


def _digest(value: object) -> str:
    data = json.dumps(to_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def classify_pairs(p: Plan, passages: Sequence[PairPassages]) -> tuple[Reuse, ...]:
    """Every reuse between the articles: the pairs' shared passages (one per pair of ``p.pairs``)
    classified, and shared credited sources, limited to one incident, as two reports of different
    incidents crediting Reuters are not one story's common source."""
    sides: dict[str, Side] = {}

    def side(aid: str) -> Side:
        if aid not in sides:
            art, own = p.by_id[aid], tuple(p.quotes_by.get(aid, ()))
            sides[aid] = Side(art, p.toks[aid], p.credits.get(aid, ()),
                              quoted_word_positions(p.toks[aid], quoted_regions(art.text, own)), own,
                              p.outlets[aid])
        return sides[aid]

    out: dict[Pair, Reuse] = {}
    for (x, y), stored in zip(p.pairs, passages):
        found = _passages_from(stored, p.by_id[x], p.by_id[y])
        if found:
            out[(x, y)] = classify(side(x), side(y), found, p.cfg)
    for x, y in _credit_pairs(p.credits, p.incidents, p.order):
        if (x, y) in out:
            continue
        common = _common_source(side(x), side(y))
        if common:
            out[(x, y)] = common
    log.info("reuse: %d pairs (%s)", len(out),
             ", ".join(f"{k} {sum(r.kind == k for r in out.values())}"
                       for k in ("wire", "derived", "shared-statement", "common-source")))
    return tuple(out[pair] for pair in _in_order(out, p.order))


def find(articles: Sequence[Article], sources: Sequence[Source] = (), quotes: Sequence[Quote] = (),
         events: Sequence[Event] = (), config: Optional[ReuseConfig] = None) -> tuple[Reuse, ...]:
    """Every reuse between the articles: shared passages classified, and shared credited sources
    (`plan`, then `shared_passages` of its pairs, then `classify_pairs`; the pipeline caches the
    middle step pair by pair under `passages_key`)."""
    p = plan(articles, sources, quotes, events, config)
    return classify_pairs(p, shared_passages(p, p.pairs))


def _passages_from(stored: PairPassages, a: Article, b: Article) -> tuple[Passage, ...]:
    return tuple(Passage(Span(a.id, a0, a1, a.text[a0:a1]), Span(b.id, b0, b1, b.text[b0:b1]), sim)
                 for a0, a1, b0, b1, sim in stored)


def _incidents(articles: Sequence[Article], events: Sequence[Event]) -> list[list[str]]:
    """Article ids per incident (an article in no event is an incident of its own); all in one without events."""
    if not events:
        return [[a.id for a in articles]]
    known = {a.id for a in articles}
    groups = [[aid for aid in dict.fromkeys(e.articles) if aid in known] for e in events]
    placed = {aid for g in groups for aid in g}
    return groups + [[a.id] for a in articles if a.id not in placed]


def _credit_pairs(credits: dict[str, tuple[Credit, ...]], incidents: Sequence[Sequence[str]],
                  order: dict[str, int]) -> list[Pair]:
    """Pairs of one incident crediting one party by name, built incident by incident."""
    pairs: list[Pair] = []
    for group in incidents:
        crediting: dict[str, list[str]] = defaultdict(list)
        for aid in group:
            for canonical in dict.fromkeys(c.canonical for c in credits.get(aid, ()) if c.kind != "anonymous"):
                crediting[canonical].append(aid)
        pairs.extend(p for ids in crediting.values() for p in combinations(sorted(ids, key=order.__getitem__), 2))
    return _in_order(pairs, order)
