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

import logging
import math
import re
from collections import defaultdict
from datetime import date
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np

from .claims import same_entity
from .extract.quantities import gap_ratio, window_kind
from .model import Article, Claim, Event, Quantity

log = logging.getLogger(__name__)

MAX_DAYS_APART = 30  # follow-ups of one incident rarely come a month later; new incidents do
MAX_RIVAL_RATIO = 2.0  # as in align: counts more than twice apart are not rival reports of one toll
REACTIONS = {
    "condemn", "denounce", "deplore", "mourn", "condole", "express", "extend", "reiterate", "reaffirm", "support",
    "stand", "convey", "hope", "wish", "pray", "vow", "pledge", "urge", "call", "offer", "send", "welcome",
    "praise", "oppose", "reject", "decry", "grieve", "sympathise", "sympathize", "thank", "go", "continue",
    "emphasize", "emphasise", "stress", "double",
}
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
    """Map each name to one representative of the names it matches (acronyms, surnames, spellings)."""
    names = sorted(set(all_names), key=lambda n: (-len(n), n))
    rep: dict[str, str] = {}
    for n in names:
        if n.startswith("#"):
            rep[n] = n
            continue
        for r in dict.fromkeys(rep.values()):
            if not r.startswith("#") and same_entity(n, r):
                rep[n] = r
                break
        else:
            rep[n] = n
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
    for category in sorted(set(fa) & set(fb)):
        pairs = [(a, b) for a in fa[category] for b in fb[category]]
        if pairs and all(gap_ratio(a, b) > MAX_RIVAL_RATIO for a, b in pairs):
            a, b = pairs[0]
            return f"{category}: {a.text} vs {b.text}"
    return None


def _day(published: Optional[str]) -> Optional[date]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


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
    df: dict[str, int] = defaultdict(int)
    for s in sets.values():
        for x in s:
            df[x] += 1
    weight = {x: math.log((n + 1) / d) for x, d in df.items()}
    norm = {a: math.sqrt(sum(weight[x] ** 2 for x in sets[a])) or 1.0 for a in ids}

    def sim(a: str, b: str) -> float:
        return sum(weight[x] ** 2 for x in sets[a] & sets[b]) / (norm[a] * norm[b])

    place_df: dict[str, int] = defaultdict(int)
    for a in ids:
        for p in {p.lower() for c in by_article[a] for p in c.places}:
            place_df[p] += 1
    common_places = {p for p, d in place_df.items() if d * 2 >= n}
    figures = {a: _aggregate_figures(by_article[a], common_places) for a in ids}
    days = {a.id: _day(a.published) for a in articles}
    apart: dict[tuple[str, str], str] = {}
    for a, b in combinations(ids, 2):
        if days[a] and days[b] and abs((days[a] - days[b]).days) > MAX_DAYS_APART:
            apart[(a, b)] = f"published {days[a]} and {days[b]}"
            continue
        why = figures_contradict(figures[a], figures[b])
        if why:
            apart[(a, b)] = why
    # 1. merge on shared anchors, strongest first: enough shared weight to match one anchor that
    #    at most half of the articles use
    def evidence(a: str, b: str) -> float:
        return sum(weight[x] for x in sets[a] & sets[b])

    needed = math.log((n + 1) / max(1, n // 2))
    groups = _merge([[a] for a in ids], apart, lambda x, y: sim(x, y), lambda x, y: evidence(x, y), needed)
    # 2. the articles were given as one story: groups that nothing keeps apart and that are about
    #    the same subject (their averaged claim vectors as close as paraphrases) are one incident
    if vectors is not None and len(vectors) == len(claims) and len(groups) > 1:
        index = {c.id: k for k, c in enumerate(claims)}
        centre = {}
        for a in ids:
            rows = [index[c.id] for c in by_article[a]]
            v = np.asarray(vectors[rows], dtype=np.float64).mean(axis=0) if rows else None
            centre[a] = v / np.linalg.norm(v) if v is not None and np.linalg.norm(v) else None

        def topic(x: str, y: str) -> float:
            return float(centre[x] @ centre[y]) if centre[x] is not None and centre[y] is not None else 0.0

        groups = _merge(groups, apart, topic, topic, SAME_SUBJECT)
    events = []
    order = {a: k for k, a in enumerate(ids)}
    for k, g in enumerate(sorted(groups, key=lambda g: min(order[a] for a in g))):
        g = sorted(g, key=order.get)
        evidence = []
        shared = set.intersection(*(sets[a] for a in g)) if len(g) > 1 else set()
        if shared:
            top = sorted(shared, key=lambda x: -weight[x])[:6]
            evidence.append("shared: " + ", ".join(x.lstrip("#") for x in top))
        for (a, b), why in apart.items():
            if (a in g) != (b in g) and (a in g or b in g):
                evidence.append(f"apart from {b if a in g else a}: {why}")
        events.append(Event(id=f"e{k + 1}", articles=tuple(g),
                            label=_label([x for x in articles if x.id in g], [c for a in g for c in by_article[a]]),
                            evidence=tuple(evidence)))
    log.info("grouped %d articles into %d incidents", n, len(events))
    return tuple(events)


SAME_SUBJECT = 0.75  # cosine of averaged claim vectors; sentence paraphrases start about there


def _merge(groups: list[list[str]], apart: dict, order, score, needed: float) -> list[list[str]]:
    """Average-linkage merging: closest groups first (by `order`), while their mean `score` reaches
    `needed` and no pair across them is kept apart."""
    groups = [list(g) for g in groups]
    while True:
        best = None
        for gi, gj in combinations(range(len(groups)), 2):
            if any((x, y) in apart or (y, x) in apart for x in groups[gi] for y in groups[gj]):
                continue
            pairs = [(x, y) for x in groups[gi] for y in groups[gj]]
            if float(np.mean([score(x, y) for x, y in pairs])) < needed:
                continue
            rank = float(np.mean([order(x, y) for x, y in pairs]))
            if best is None or rank > best[0]:
                best = (rank, gi, gj)
        if best is None:
            return groups
        _, gi, gj = best
        groups[gi] = groups[gi] + groups[gj]
        del groups[gj]


def _label(articles: Sequence[Article], claims: Sequence[Claim]) -> Optional[str]:
    titles = [a.title for a in articles if a.title]
    if titles:
        return titles[0]
    for c in claims:
        if any(q.category and q.category.startswith("killed") for q in c.quantities):
            return c.text if len(c.text) <= 100 else c.text[:97] + "..."
    return None
