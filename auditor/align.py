"""Cross-article alignment: claims that state the same fact in different articles form a cluster.

Sentence embeddings alone cannot do this: "14 security personnel were killed" and "21 militants
were killed" embed almost alike, while "executed at least 23 Punjabi migrant workers" and "23
civilians were killed" do not. So a claim is split into the facts it states ("facets"):
each figure it gives (a category such as killed:security, with its interval, place and window)
and its remaining statement. Figures link when they count the same thing (same category, no
conflicting place, both about the event or the same background period) and are either compatible
or near enough to be rival counts of one quantity; statements link when they are paraphrases,
or clearly related and share a participant that is not the story's setting. Links are merged
strongest first, and a merge is refused when it would put two facets in one cluster that must
not meet (cannot-link constraints), so that chains cannot join different facts.

Work stays near-linear in the corpus: alignment runs inside each incident (events), figures are
blocked by category, and statements only meet their nearest neighbours.
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from .claims import same_entity
from .extract.quantities import comparable_scale, gap_ratio, overlaps, same_window
from .model import Claim, Cluster, Event, Quantity

log = logging.getLogger(__name__)

# MiniLM cosine bands: paraphrases of one fact sit above ~0.75; sentences of one story about
# different facts mostly between 0.3 and 0.7; so the middle band needs other evidence.
PARAPHRASE = 0.75
RELATED = 0.45
MIN_RELATED = 0.3  # below this two statements share too little to be one fact, whatever else
RIVAL_FIGURES = 0.5  # two different figures are rival counts of one quantity only in alike sentences
MAX_RIVAL_RATIO = 2.0  # counts more than twice apart are different quantities, not rival reports
SETTING_SHARE = 0.1  # a name in more than a tenth of an incident's claims is its setting
NEIGHBOURS = 8
NOT_COMPARED = {None, "money"}

DISTANCE_THRESHOLD = 1 - PARAPHRASE  # kept for callers of the first version


def cluster_id(claim_ids: Sequence[str], facet: str = "") -> str:
    """Stable id from the member claims' ids (and the figure compared), independent of run order."""
    key = "\0".join(sorted(claim_ids)) + ("\0" + facet if facet else "")
    return "k_" + hashlib.sha1(key.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Facet:
    claim: int  # index into the claims
    quantity: Optional[Quantity]  # None: the claim's statement itself

    @property
    def category(self) -> Optional[str]:
        return self.quantity.category if self.quantity is not None else None


def facets_of(claims: Sequence[Claim]) -> list[Facet]:
    out = []
    for i, c in enumerate(claims):
        out.append(Facet(i, None))
        for q in c.quantities:
            if q.category not in NOT_COMPARED:
                out.append(Facet(i, q))
    return out


def setting_names(claims: Sequence[Claim]) -> list[str]:
    """Names (places and participants) mentioned in so many claims that they only say what the
    story is about, not which fact a claim states."""
    counts: dict[str, int] = defaultdict(int)
    for c in claims:
        for name in set(_names(c)):
            counts[name] += 1
    limit = max(2, SETTING_SHARE * len(claims))
    merged: dict[str, int] = {}
    for name, n in counts.items():
        merged[name] = sum(m for other, m in counts.items() if same_entity(name, other))
    return [name for name, n in merged.items() if n > limit]


def _names(c: Claim) -> list[str]:
    return [p.lower() for p in c.places] + list(c.entities)


def _specific(names: Sequence[str], setting: Sequence[str]) -> list[str]:
    return [n for n in names if not any(same_entity(n, s) for s in setting)]


# --------------------------------------------------------------------------- pair decisions


def figures_can_meet(a: Facet, b: Facet, claims: Sequence[Claim], setting: Sequence[str]) -> bool:
    """Cannot-link test for two figures: same category, no two different specific places,
    same scale of time (event vs background), and not more than MAX_RIVAL_RATIO apart."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.category != qb.category:
        return False
    pa, pb = _figure_places(a, claims, setting), _figure_places(b, claims, setting)
    if pa and pb and not any(same_entity(x, y) for x in pa for y in pb):
        return False
    if not comparable_scale(qa.window, qb.window):
        return False
    if qa.value and qb.value and max(qa.value, qb.value) / min(qa.value, qb.value) > MAX_RIVAL_RATIO:
        return False  # "at least 10" and "more than 50" overlap, but state different counts
    return gap_ratio(qa, qb) <= MAX_RIVAL_RATIO


def _figure_places(f: Facet, claims: Sequence[Claim], setting: Sequence[str]) -> list[str]:
    names = [p.lower() for p in claims[f.claim].places]
    if f.quantity is not None and f.quantity.place:
        names.append(f.quantity.place.lower())
    return _specific(names, setting)


def figure_link(a: Facet, b: Facet, claims: Sequence[Claim], sim: float, setting: Sequence[str]) -> Optional[float]:
    """Strength of the evidence that two figures count the same quantity, or None."""
    if not figures_can_meet(a, b, claims, setting):
        return None
    qa, qb = a.quantity, b.quantity
    if overlaps(qa, qb):
        # same category and compatible figures: only a weak check that the sentences are related
        if sim < MIN_RELATED and not _shared_specific(a, b, claims, setting):
            return None
        exact = qa.low == qb.low and qa.high == qb.high
        return sim + (0.3 if exact else 0.2)
    # rival figures: the same quantity only when the sentences report the same thing
    if sim < RIVAL_FIGURES and not (same_window(qa.window, qb.window) and _shared_specific(a, b, claims, setting)):
        return None
    return sim


def _shared_specific(a: Facet, b: Facet, claims: Sequence[Claim], setting: Sequence[str]) -> bool:
    na = _specific(_names(claims[a.claim]), setting)
    nb = _specific(_names(claims[b.claim]), setting)
    return any(same_entity(x, y) for x in na for y in nb)


def statements_can_meet(a: Claim, b: Claim, sim: float) -> bool:
    """Cannot-link test for two statements: not unrelated, and not the same act by different parties
    ("the US condemned ..." / "China condemned ...")."""
    if sim < MIN_RELATED:
        return False
    if a.actors and b.actors and a.predicate and predicate_class(a.predicate) == predicate_class(b.predicate) \
            and not _overlap(a.actors, b.actors):
        return False
    return True


# Verbs that report the same act in news copy; a class is named by its first member.
PREDICATE_CLASSES = [
    ("condemn", "denounce", "deplore", "decry", "criticise", "criticize", "slam", "censure"),
    ("mourn", "grieve", "condole", "lament"),
    ("support", "back", "stand", "reaffirm", "reiterate", "pledge", "vow"),
    ("kill", "slay", "execute", "eliminate", "neutralise", "neutralize", "murder", "shoot", "gun", "die", "martyr"),
    ("injure", "wound", "hurt"),
    ("accuse", "blame", "allege"),
    ("deny", "reject", "refute", "dismiss"),
    ("claim", "own"),
    ("attack", "storm", "raid", "ambush", "assault", "target", "strike", "hit"),
    ("suspend", "halt", "stop", "close", "disrupt"),
    ("arrest", "detain", "apprehend", "capture"),
]
_CLASS_OF = {verb: cls[0] for cls in PREDICATE_CLASSES for verb in cls}


def predicate_class(lemma: Optional[str]) -> Optional[str]:
    return _CLASS_OF.get(lemma or "", lemma)


def statement_link(a: Claim, b: Claim, sim: float, setting: Sequence[str]) -> Optional[float]:
    """Strength of the evidence that two statements are one fact, or None."""
    if not statements_can_meet(a, b, sim):
        return None
    if _figures(a) and _figures(b):
        return None  # both state figures: their figures decide whether they are one fact
    if sim >= PARAPHRASE:
        return sim
    shared = _overlap(_specific(_names(a), setting), _specific(_names(b), setting))
    if sim >= RELATED and shared:
        return sim + 0.1
    return None


def _figures(c: Claim) -> list[Quantity]:
    return [q for q in c.quantities if q.category not in NOT_COMPARED]


def _overlap(xs: Sequence[str], ys: Sequence[str]) -> bool:
    return any(same_entity(x, y) for x in xs for y in ys)


# --------------------------------------------------------------------------- clustering


class _Groups:
    """Union-find over facets that refuses merges breaking a cannot-link constraint."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, i: int, j: int, can_meet) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        for x in self.members[ri]:
            for y in self.members[rj]:
                if not can_meet(x, y):
                    return False
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.members[ri].extend(self.members.pop(rj))
        return True


def align_event(claims: Sequence[Claim], vectors: np.ndarray, idxs: Sequence[int],
                event_id: Optional[str]) -> list[Cluster]:
    """Clusters of one incident's claims."""
    local = [claims[i] for i in idxs]
    if not local:
        return []
    V = vectors[list(idxs)] if len(vectors) else np.zeros((len(local), 1), dtype=np.float32)
    setting = setting_names(local)
    facets = facets_of(local)
    sims = V @ V.T if len(local) <= 2000 else None

    def sim(i: int, j: int) -> float:
        return float(sims[i, j]) if sims is not None else float(V[i] @ V[j])

    links: list[tuple[float, int, int]] = []
    # figures: blocked by category
    by_category: dict[str, list[int]] = defaultdict(list)
    for k, f in enumerate(facets):
        if f.quantity is not None:
            by_category[f.category].append(k)
    for members in by_category.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = facets[members[x]], facets[members[y]]
                if local[a.claim].article == local[b.claim].article:
                    continue
                score = figure_link(a, b, local, sim(a.claim, b.claim), setting)
                if score is not None:
                    links.append((score, members[x], members[y]))
    # statements: nearest neighbours in other articles
    statement_facet = {f.claim: k for k, f in enumerate(facets) if f.quantity is None}
    for i in range(len(local)):
        row = sims[i] if sims is not None else V @ V[i]
        order = np.argsort(-row)
        taken = 0
        for j in order:
            j = int(j)
            if taken >= NEIGHBOURS or row[j] < MIN_RELATED:
                break
            if j == i or local[j].article == local[i].article:
                continue
            taken += 1
            score = statement_link(local[i], local[j], float(row[j]), setting)
            if score is not None:
                links.append((score, statement_facet[i], statement_facet[j]))

    def can_meet(x: int, y: int) -> bool:
        a, b = facets[x], facets[y]
        if (a.quantity is None) != (b.quantity is None):
            return False
        if a.quantity is not None:
            if local[a.claim].article == local[b.claim].article:
                return a.category == b.category
            return figures_can_meet(a, b, local, setting)
        if local[a.claim].article == local[b.claim].article:
            return True
        return statements_can_meet(local[a.claim], local[b.claim], sim(a.claim, b.claim))

    groups = _Groups(len(facets))
    for score, x, y in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        groups.merge(x, y, can_meet)

    clusters: list[Cluster] = []
    linked_claims: set[int] = set()
    for root, members in groups.members.items():
        claim_idx = sorted({facets[m].claim for m in members})
        articles = sorted({local[i].article for i in claim_idx})
        if len(articles) < 2:
            continue
        linked_claims.update(claim_idx)
        category = facets[members[0]].category
        ids = tuple(local[i].id for i in claim_idx)
        clusters.append(Cluster(id=cluster_id(ids, category or ""), claims=ids, verdict="agree", event=event_id,
                                label=_label(local, claim_idx, category), category=category,
                                articles=tuple(articles)))
    for i, c in enumerate(local):
        if i not in linked_claims:
            clusters.append(Cluster(id=cluster_id((c.id,)), claims=(c.id,), verdict="single-source", event=event_id,
                                    label=_label(local, [i], None), articles=(c.article,)))
    return clusters


def _label(claims: Sequence[Claim], idxs: Sequence[int], category: Optional[str]) -> str:
    if category:
        places = sorted({q.place for i in idxs for q in claims[i].quantities if q.category == category and q.place})
        return category + (f" ({', '.join(places)})" if places else "")
    text = claims[idxs[0]].text
    return text if len(text) <= 80 else text[:77] + "..."


def align(claims: Sequence[Claim], vectors: np.ndarray, events: Sequence[Event],
          threshold: float = DISTANCE_THRESHOLD) -> tuple[Cluster, ...]:
    """Clusters of claims, one incident at a time; verdicts are refined by the compare stage."""
    event_of = {a: e.id for e in events for a in e.articles}
    by_event: dict[Optional[str], list[int]] = {}
    for i, c in enumerate(claims):
        by_event.setdefault(event_of.get(c.article), []).append(i)
    clusters: list[Cluster] = []
    for event_id, members in by_event.items():
        clusters.extend(align_event(claims, vectors, members, event_id))
    clusters.sort(key=lambda c: (c.verdict == "single-source", c.id))
    log.info("aligned %d claims into %d clusters (%d shared)", len(claims), len(clusters),
             sum(c.verdict != "single-source" for c in clusters))
    return tuple(clusters)
