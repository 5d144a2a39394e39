"""Average-linkage merging of groups of articles, closest pair first, never across a pair kept
apart. It knows nothing of articles' content: what a pair scores and what keeps two groups apart
come in as values and functions, so one merge serves both the shared names and the subjects."""
from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Iterable, Optional

import numpy as np

def merge(groups: list[list[str]], pairs: Iterable[tuple[str, str]], pos: dict[str, int], apart: dict,
          kept_apart, needed: float, pair_values=None, centres: Optional[dict] = None) -> list[list[str]]:
    """Average-linkage merging over the groups that candidate `pairs` link: closest groups first (by
    the mean `order` across them), while their mean `score` reaches `needed` and no pair across them
    is kept apart. `pair_values(a, b)` gives (score, order) of a candidate pair, pairs not compared
    counting 0; with `centres` both are the mean cosine of the articles' vectors, over all pairs.
    See `_Merging` for how."""
    merging = _Merging(groups, pos, needed, pair_values, centres)
    merging.link(pairs, apart)
    merging.run(kept_apart)
    return merging.result()


class _Merging:
    """The state of one average-linkage merge, a phase a method: the groups (`__init__`), the group
    pairs that candidate pairs link (`link`), the heap of mergeable pairs (`entry`), and merging the
    closest pair until none is left (`run`, `join`).

    A heap of group pairs replaces rescanning every pair of groups per merge; ties go to the groups
    whose first articles come first, as a scan in order would. An entry made before either group
    last changed is stale: when it comes out, the pair goes back in as it stands. That lets a merge
    skip the pairs it only makes weaker: with pair values, a neighbour of one group only has the
    same sums over more pairs, so its mean falls and its old entry comes out first. Only the other
    group's neighbours are updated (the group with fewer neighbours joins the other), so a merge
    costs the smaller side, not the whole neighbourhood of a group that keeps growing. (This needs
    orders to be positive wherever scores reach `needed`, as the shared anchors' weights and cosine
    are.)"""

    def __init__(self, groups: list[list[str]], pos: dict[str, int], needed: float, pair_values=None,
                 centres: Optional[dict] = None) -> None:
        self.needed, self.pair_values, self.centres = needed, pair_values, centres
        self.members: dict[int, list[str]] = {}
        self.first: dict[int, int] = {}
        self.version: dict[int, int] = defaultdict(int)  # merges a group has taken in
        self.gid_of: dict[str, int] = {}
        self.total: dict[int, Optional[np.ndarray]] = {}
        self.stats: dict[tuple[int, int], list] = {}  # group pair -> [sum of scores, sum of orders, kept apart]
        self.neighbours: dict[int, set[int]] = defaultdict(set)
        for gid, g in enumerate(groups):
            self.members[gid] = list(g)
            self.first[gid] = min(pos[a] for a in g)
            for a in g:
                self.gid_of[a] = gid
            if centres is not None:
                vs = [centres[a] for a in g if centres.get(a) is not None]
                self.total[gid] = np.sum(vs, axis=0) if vs else None

    @staticmethod
    def key(g: int, h: int) -> tuple[int, int]:
        return (g, h) if g < h else (h, g)

    def link(self, pairs: Iterable[tuple[str, str]], apart: dict) -> None:
        """Sum the candidate pairs' values into the pairs of groups they link."""
        for a, b in pairs:
            g, h = self.gid_of[a], self.gid_of[b]
            if g == h:
                continue
            st = self.stats.setdefault(self.key(g, h), [0.0, 0.0, False])
            self.neighbours[g].add(h)
            self.neighbours[h].add(g)
            st[2] = st[2] or (a, b) in apart
            if self.centres is None:
                s, o = self.pair_values(a, b)
                st[0] += s
                st[1] += o

    def entry(self, g: int, h: int) -> Optional[tuple]:
        """The heap entry of two groups as they stand; None when they may not merge."""
        st = self.stats[self.key(g, h)]
        if st[2]:
            return None
        count = len(self.members[g]) * len(self.members[h])
        if self.centres is not None:
            tg, th = self.total[g], self.total[h]
            s = o = float(tg @ th) / count if tg is not None and th is not None else 0.0
        else:
            s, o = st[0] / count, st[1] / count
        if s < self.needed:
            return None
        lo, hi = (g, h) if self.first[g] < self.first[h] else (h, g)
        return (-o, self.first[lo], self.first[hi], lo, hi, self.version[lo], self.version[hi])

    def run(self, kept_apart) -> None:
        """Merge the closest pair of groups while any may merge."""
        heap = [e for e in (self.entry(g, h) for g, h in self.stats) if e is not None]
        heapq.heapify(heap)
        while heap:
            _, _, _, g, h, made_g, made_h = heapq.heappop(heap)
            if g not in self.members or h not in self.members:
                continue
            if (made_g, made_h) != (self.version[g], self.version[h]):
                current = self.entry(g, h)
                if current is not None:
                    heapq.heappush(heap, current)
                continue
            if self.stats[self.key(g, h)][2]:
                continue
            if kept_apart(self.members[g], self.members[h]):
                self.stats[self.key(g, h)][2] = True
                continue
            for e in self.join(g, h):
                heapq.heappush(heap, e)

    def join(self, g: int, h: int) -> list[tuple]:
        """Merge two groups; the fresh heap entries of the pairs whose value may have risen."""
        members, stats, neighbours, key = self.members, self.stats, self.neighbours, self.key
        keep, gone = (g, h) if len(neighbours[g]) >= len(neighbours[h]) else (h, g)
        members[keep] = members[g] + members[h]
        del members[gone]
        self.first[keep] = min(self.first[g], self.first[h])
        self.version[keep] += 1
        if self.centres is not None:
            tg, th = self.total[g], self.total[h]
            self.total[keep] = tg if th is None else th if tg is None else tg + th
            del self.total[gone]
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
        fresh = (self.entry(keep, j) for j in (around_keep if self.centres is not None else around_gone))
        return [e for e in fresh if e is not None]

    def result(self) -> list[list[str]]:
        return [self.members[g] for g in sorted(self.members, key=self.first.get)]
