"""Incidents: which articles report the same event, so that their figures may be compared.

Articles about different incidents in one region read alike: the same province, the same armed
group, the same condemnations from the same capitals, the same background paragraphs. What tells
incidents apart is what happened: the casualty figures, the towns, the officials who spoke about
this attack. So each article is reduced to its *anchors*: the names and figures of its claims that
report the incident, leaving out reactions (condemnations, condolences, pledges of support) and
background (anything set years back). Two articles are compared by the anchors they share,
weighted by how rare each anchor is in the collection (a name every article uses tells nothing).

Evidence against one incident is kept apart and overrides resemblance:
- publication dates more than MAX_DAYS_APART apart;
- figures for the same category of the event as a whole (no town named, the event's day) that are
  all more than MAX_RIVAL_RATIO apart: reports of one incident differ, but not by that much
  ("21 militants killed" against "at least 92 militants killed" are different days).

Articles are then merged, closest pair of groups first (average linkage), while the groups
share anchors worth at least one distinctive anchor (see MIN_EVENT_SIM) and no pair across them
is kept apart.
"""
from __future__ import annotations

import heapq
import logging
import math
import re
from collections import defaultdict
from datetime import date
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np

from auditor.read.claims import initials, same_entity
from auditor.read.quantities import gap_ratio, window_kind
from auditor import vocab
from auditor.model import Article, Claim, Event, Quantity

log = logging.getLogger(__name__)

MAX_DAYS_APART = 30  # follow-ups of one incident rarely come a month later; new incidents do
MAX_RIVAL_RATIO = 2.0  # as in align: counts more than twice apart are not rival reports of one toll
REACTIONS = vocab.words("reaction_verbs")
_BACKGROUND = re.compile(r"\b(18|19|20)\d\d\b|\brecent years\b|\bdecades?\b|\blast year\b|\bpast year\b|"
                         r"\bfor years\b|\blong-standing\b|\blongstanding\b|\bhistor(y|ic|ical)\b|\bsince\b", re.I)
NOT_COMPARED = {None, "money", "attacks"}


def is_reaction(c: Claim) -> bool:
    return (c.predicate or "") in REACTIONS and not any(q.category not in NOT_COMPARED for q in c.quantities)


def is_background(c: Claim) -> bool:
    if any(window_kind(q.window) == "background" for q in c.quantities):
        return True
    return bool(_BACKGROUND.search(c.text)) and not any(q.category not in NOT_COMPARED for q in c.quantities)


def anchors(claims: Iterable[Claim]) -> set[str]:
    """Names and figures of the claims that report the incident itself."""
    out: set[str] = set()
    for c in claims:
        if is_reaction(c) or is_background(c):
            continue
        out.update(p.lower() for p in c.places)
        out.update(c.entities)
        for q in c.quantities:
            if q.category not in NOT_COMPARED and q.value is not None and window_kind(q.window) != "background":
                out.add(f"#{q.category}={q.value:g}")
    return out


def _canonical(all_names: Iterable[str]) -> dict[str, str]:
    """Map each name to one representative of the names it matches (acronyms, surnames, spellings):
    the first representative, longest names first, that `same_entity` accepts. Representatives are
    looked up by the keys `same_entity` can match on (the name, its initials, its last word), so
    each name is tried against a few, not all of them."""
    names = sorted(set(all_names), key=lambda n: (-len(n), n))
    rep: dict[str, str] = {}
    seq: dict[str, int] = {}  # representative -> order of appearance
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in names:
        if n.startswith("#"):
            rep[n] = n
            continue
        words, ini = n.split(), initials(n)
        keys = [("name", n), ("name", ini), ("bare", ini), ("initials", n.replace(".", "")), ("initials", ini)]
        if len(words) == 1:
            keys.append(("last", n))
        else:
            keys.append(("name", words[-1]))
        found = [r for k in keys if k[1] for r in by_key.get(k, ()) if same_entity(n, r)]
        if found:
            rep[n] = min(found, key=seq.get)
            continue
        rep[n] = n
        seq[n] = len(seq)
        r_words, r_ini = n.split(), initials(n)
        by_key[("name", n)].append(n)
        by_key[("bare", n.replace(".", ""))].append(n)
        if r_ini:
            by_key[("initials", r_ini)].append(n)
        if len(r_words) > 1:
            by_key[("last", r_words[-1])].append(n)
    return rep


def _aggregate_figures(claims: Sequence[Claim], common_places: set[str]) -> dict[str, list[Quantity]]:
    """Figures about the event as a whole: the event's day, and no place narrower than the setting."""
    out: dict[str, list[Quantity]] = defaultdict(list)
    for c in claims:
        for q in c.quantities:
            if q.category in NOT_COMPARED or window_kind(q.window) not in ("incident", "day"):
                continue
            if q.unit is not None:
                continue  # measures, sums, tallies and times of one story differ by more than tolls do
            if q.place and q.place.lower() not in common_places:
                continue
            out[q.category].append(q)
    return out


def figures_contradict(fa: dict[str, list[Quantity]], fb: dict[str, list[Quantity]]) -> Optional[str]:
    """A category whose event-wide figures in two articles are all too far apart to be one toll."""
    for category in sorted(fa.keys() & fb.keys()):
        xs, ys = fa[category], fb[category]
        if xs and ys and all(gap_ratio(a, b) > MAX_RIVAL_RATIO for a in xs for b in ys):
            return f"{category}: {xs[0].text} vs {ys[0].text}"
    return None


def _day(published: Optional[str]) -> Optional[date]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


BLOCK_MAX_ARTICLES = 50  # an anchor carried by more articles than this proposes no pairs (a stop word)
NEIGHBOURS = 10  # each article is also compared with its nearest articles by document vector
CROSS_CHECK_MAX = 2500  # at most this many article pairs are checked for contradicting figures per merge


def candidate_pairs(ids: Sequence[str], keys: dict[str, set[str]], centre: Optional[dict] = None,
                    max_articles: int = BLOCK_MAX_ARTICLES, k: int = NEIGHBOURS) -> list[tuple[str, str]]:
    """The pairs of articles worth comparing, in the order of `ids`: those sharing a key (an anchor,
    a figure's category) that at most `max_articles` articles carry, and each article with its `k`
    nearest by document vector. Everything else shares nothing distinctive and reads unlike, and is
    never compared: the work grows with the articles, not with their pairs."""
    pos = {a: i for i, a in enumerate(ids)}
    postings: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        for x in keys.get(a, ()):
            postings[x].append(a)
    out: set[tuple[str, str]] = set()
    for arts in postings.values():
        if 2 <= len(arts) <= max_articles:
            out.update(combinations(arts, 2))  # postings follow `ids`, so pairs are in its order
    rows = [a for a in ids if centre is not None and centre.get(a) is not None]
    if k > 0 and len(rows) > 1:
        m = np.stack([centre[a] for a in rows])
        kk = min(k, len(rows) - 1)
        for s in range(0, len(rows), 1024):  # top-k in chunks: memory stays O(chunk x n)
            sims = m[s:s + 1024] @ m.T
            sims[np.arange(sims.shape[0]), np.arange(s, s + sims.shape[0])] = -np.inf
            top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
            for r, js in enumerate(top):
                a = rows[s + r]
                for j in js:
                    b = rows[int(j)]
                    out.add((a, b) if pos[a] < pos[b] else (b, a))
    return sorted(out, key=lambda p: (pos[p[0]], pos[p[1]]))


def group(articles: Sequence[Article], claims: Sequence[Claim] = (),
          vectors: Optional[np.ndarray] = None) -> tuple[Event, ...]:
    """Incidents of the articles, each with the evidence that binds or separates them."""
    ids = [a.id for a in articles]
    if len(ids) <= 1 or not claims:
        return (Event(id="e1", articles=tuple(ids), label=_label(articles, claims),
                      evidence=("one article" if len(ids) == 1 else "no claims to compare",)),) if ids else ()
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    raw = {a: anchors(by_article[a]) for a in ids}
    rep = _canonical(x for s in raw.values() for x in s)
    sets = {a: {rep[x] for x in raw[a]} for a in ids}
    n = len(ids)
    pos = {a: k for k, a in enumerate(ids)}
    df: dict[str, int] = defaultdict(int)
    for s in sets.values():
        for x in s:
            df[x] += 1
    weight = {x: math.log((n + 1) / d) for x, d in df.items()}
    squared = {x: w ** 2 for x, w in weight.items()}
    norm = {a: math.sqrt(sum(map(squared.__getitem__, sets[a]))) or 1.0 for a in ids}

    def evidence_and_sim(a: str, b: str) -> tuple[float, float]:
        """The weight of the anchors two articles share, and their cosine by those weights."""
        shared = sets[a] & sets[b]
        return sum(map(weight.__getitem__, shared)), sum(map(squared.__getitem__, shared)) / (norm[a] * norm[b])

    place_df: dict[str, int] = defaultdict(int)
    for a in ids:
        for p in {p.lower() for c in by_article[a] for p in c.places}:
            place_df[p] += 1
    common_places = {p for p, d in place_df.items() if d * 2 >= n}
    figures = {a: _aggregate_figures(by_article[a], common_places) for a in ids}
    days = {a.id: _day(a.published) for a in articles}
    centre: Optional[dict] = None
    if vectors is not None and len(vectors) == len(claims):
        index = {c.id: k for k, c in enumerate(claims)}
        centre = {}
        for a in ids:
            rows = [index[c.id] for c in by_article[a]]
            v = np.asarray(vectors[rows], dtype=np.float64).mean(axis=0) if rows else None
            centre[a] = v / np.linalg.norm(v) if v is not None and np.linalg.norm(v) else None
    # figures of one category are compared even without a shared anchor: rival tolls keep apart
    keys = {a: sets[a] | {"@" + category for category in figures[a]} for a in ids}
    pairs = candidate_pairs(ids, keys, centre)

    # evidence against one incident, for the pairs that are compared (and those checked at a merge)
    apart: dict[tuple[str, str], str] = {}
    checked: set[tuple[str, str]] = set()

    def check(a: str, b: str) -> Optional[str]:
        checked.add((a, b))
        if days[a] and days[b] and abs((days[a] - days[b]).days) > MAX_DAYS_APART:
            apart[(a, b)] = f"published {days[a]} and {days[b]}"
        else:
            why = figures_contradict(figures[a], figures[b])
            if why:
                apart[(a, b)] = why
        return apart.get((a, b))

    for a, b in pairs:
        check(a, b)

    def kept_apart(g: Sequence[str], h: Sequence[str]) -> bool:
        """Any pair across two groups kept apart: dates in O(|g|+|h|), figures pair by pair (bounded)."""
        dg = [a for a in g if days[a]]
        dh = [a for a in h if days[a]]
        if dg and dh:
            for xs, ys in ((dg, dh), (dh, dg)):
                late, early = max(xs, key=days.get), min(ys, key=days.get)
                if (days[late] - days[early]).days > MAX_DAYS_APART:
                    check(*sorted((late, early), key=pos.get))
                    return True
        if len(g) * len(h) <= CROSS_CHECK_MAX:
            for x in g:
                for y in h:
                    p = (x, y) if pos[x] < pos[y] else (y, x)
                    if p not in checked and check(*p):
                        return True
        return False

    # 1. merge on shared anchors, strongest first: enough shared weight to match one anchor that
    #    at most half of the articles use
    needed = math.log((n + 1) / max(1, n // 2))
    groups = _merge([[a] for a in ids], pairs, pos, apart, kept_apart, needed,
                    pair_values=evidence_and_sim)
    # 2. the articles were given as one story: groups that nothing keeps apart and that are about
    #    the same subject (their averaged claim vectors as close as paraphrases) are one incident
    if centre is not None and len(groups) > 1:
        groups = _merge(groups, pairs, pos, apart, kept_apart, SAME_SUBJECT, centres=centre)
    apart_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in apart:
        apart_of[p[0]].append(p)
        apart_of[p[1]].append(p)
    by_id = {a.id: a for a in articles}
    events = []
    for k, g in enumerate(sorted(groups, key=lambda g: min(pos[a] for a in g))):
        g = sorted(g, key=pos.get)
        members = set(g)
        evidence_lines = []
        shared = set.intersection(*(sets[a] for a in g)) if len(g) > 1 else set()
        if shared:
            top = sorted(shared, key=lambda x: (-weight[x], x))[:6]  # ties by name: the same order every run
            evidence_lines.append("shared: " + ", ".join(x.lstrip("#") for x in top))
        across = {p for a in g for p in apart_of.get(a, ()) if (p[0] in members) != (p[1] in members)}
        for a, b in sorted(across, key=lambda p: (pos[p[0]], pos[p[1]])):
            evidence_lines.append(f"apart from {b if a in members else a}: {apart[(a, b)]}")
        events.append(Event(id=f"e{k + 1}", articles=tuple(g),
                            label=_label([by_id[a] for a in g], [c for a in g for c in by_article[a]]),
                            evidence=tuple(evidence_lines)))
    log.info("grouped %d articles into %d incidents (%d pairs compared)", n, len(events), len(pairs))
    return tuple(events)


SAME_SUBJECT = 0.75  # cosine of averaged claim vectors; sentence paraphrases start about there


def _merge(groups: list[list[str]], pairs: Iterable[tuple[str, str]], pos: dict[str, int], apart: dict,
           kept_apart, needed: float, pair_values=None, centres: Optional[dict] = None) -> list[list[str]]:
    """Average-linkage merging over the groups that candidate `pairs` link: closest groups first (by
    the mean `order` across them), while their mean `score` reaches `needed` and no pair across them
    is kept apart. `pair_values(a, b)` gives (score, order) of a candidate pair, pairs not compared
    counting 0; with `centres` both are the mean cosine of the articles' vectors, over all pairs.

    A heap of group pairs replaces rescanning every pair of groups per merge; ties go to the groups
    whose first articles come first, as a scan in order would. An entry made before either group
    last changed is stale: when it comes out, the pair goes back in as it stands. That lets a merge skip the
    pairs it only makes weaker: with pair values, a neighbour of one group only has the same sums
    over more pairs, so its mean falls and its old entry comes out first. Only the other group's
    neighbours are updated (the group with fewer neighbours joins the other), so a merge costs the
    smaller side, not the whole neighbourhood of a group that keeps growing. (This needs orders to
    be positive wherever scores reach `needed`, as the shared anchors' weights and cosine are.)"""
    members: dict[int, list[str]] = {}
    first: dict[int, int] = {}
    version: dict[int, int] = defaultdict(int)  # merges a group has taken in
    gid_of: dict[str, int] = {}
    total: dict[int, np.ndarray] = {}
    for gid, g in enumerate(groups):
        members[gid] = list(g)
        first[gid] = min(pos[a] for a in g)
        for a in g:
            gid_of[a] = gid
        if centres is not None:
            vs = [centres[a] for a in g if centres.get(a) is not None]
            total[gid] = np.sum(vs, axis=0) if vs else None

    def key(g: int, h: int) -> tuple[int, int]:
        return (g, h) if g < h else (h, g)

    stats: dict[tuple[int, int], list] = {}  # group pair -> [sum of scores, sum of orders, kept apart]
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        g, h = gid_of[a], gid_of[b]
        if g == h:
            continue
        st = stats.setdefault(key(g, h), [0.0, 0.0, False])
        neighbours[g].add(h)
        neighbours[h].add(g)
        st[2] = st[2] or (a, b) in apart
        if centres is None:
            s, o = pair_values(a, b)
            st[0] += s
            st[1] += o

    def entry(g: int, h: int) -> Optional[tuple]:
        """The heap entry of two groups as they stand; None when they may not merge."""
        st = stats[key(g, h)]
        if st[2]:
            return None
        count = len(members[g]) * len(members[h])
        if centres is not None:
            s = o = float(total[g] @ total[h]) / count if total[g] is not None and total[h] is not None else 0.0
        else:
            s, o = st[0] / count, st[1] / count
        if s < needed:
            return None
        lo, hi = (g, h) if first[g] < first[h] else (h, g)
        return (-o, first[lo], first[hi], lo, hi, version[lo], version[hi])

    heap = [e for e in (entry(g, h) for g, h in stats) if e is not None]
    heapq.heapify(heap)
    while heap:
        _, _, _, g, h, made_g, made_h = heapq.heappop(heap)
        if g not in members or h not in members:
            continue
        if (made_g, made_h) != (version[g], version[h]):
            current = entry(g, h)
            if current is not None:
                heapq.heappush(heap, current)
            continue
        if stats[key(g, h)][2]:
            continue
        if kept_apart(members[g], members[h]):
            stats[key(g, h)][2] = True
            continue
        keep, gone = (g, h) if len(neighbours[g]) >= len(neighbours[h]) else (h, g)
        members[keep] = members[g] + members[h]
        del members[gone]
        first[keep] = min(first[g], first[h])
        version[keep] += 1
        if centres is not None:
            tg, th = total[g], total[h]
            total[keep] = tg if th is None else th if tg is None else tg + th
            del total[gone]
        del stats[key(g, h)]
        around_keep = neighbours[keep]
        around_keep.discard(gone)
        around_gone = neighbours.pop(gone) - {keep}
        for j in around_gone:
            moved, st = stats.pop(key(gone, j)), stats.get(key(keep, j))
            stats[key(keep, j)] = moved if st is None else [st[0] + moved[0], st[1] + moved[1], st[2] or moved[2]]
            around_j = neighbours[j]
            around_j.discard(gone)
            around_j.add(keep)
            around_keep.add(j)
        # pairs whose value may have risen get a fresh entry: with centres, every pair of the merged
        # group (its vector changed); with pair values, those that took in the other group's sums
        for j in around_keep if centres is not None else around_gone:
            e = entry(keep, j)
            if e is not None:
                heapq.heappush(heap, e)
    return [members[g] for g in sorted(members, key=first.get)]


def _label(articles: Sequence[Article], claims: Sequence[Claim]) -> Optional[str]:
    titles = [a.title for a in articles if a.title]
    if titles:
        return titles[0]
    for c in claims:
        if any(q.category and q.category.startswith("killed") for q in c.quantities):
            return c.text if len(c.text) <= 100 else c.text[:97] + "..."
    return None
