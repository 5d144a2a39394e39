"""Cross-article alignment: claims that state the same fact in different articles form a cluster.

This first version clusters claim embeddings (average-linkage agglomerative clustering on
cosine distance) inside each incident, so that figures of different incidents never meet.
Claims left alone become single-source clusters.
"""
from __future__ import annotations

import hashlib
from typing import Sequence

import numpy as np

from .model import Claim, Cluster, Event

DISTANCE_THRESHOLD = 0.35  # cosine distance; MiniLM paraphrases sit well below it


def cluster_id(claim_ids: Sequence[str]) -> str:
    """Stable id from the member claims' ids, independent of run order."""
    return "k_" + hashlib.sha1("\0".join(sorted(claim_ids)).encode()).hexdigest()[:10]


def _groups(vectors: np.ndarray, threshold: float) -> list[int]:
    if len(vectors) < 2:
        return [0] * len(vectors)
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    return [int(x) for x in model.fit_predict(vectors)]


def align(claims: Sequence[Claim], vectors: np.ndarray, events: Sequence[Event],
          threshold: float = DISTANCE_THRESHOLD) -> tuple[Cluster, ...]:
    """Clusters of claims, one incident at a time; verdicts are left to the compare stage."""
    event_of = {a: e.id for e in events for a in e.articles}
    by_event: dict[str | None, list[int]] = {}
    for i, c in enumerate(claims):
        by_event.setdefault(event_of.get(c.article), []).append(i)
    clusters: list[Cluster] = []
    for event_id, members in by_event.items():
        labels = _groups(vectors[members], threshold)
        grouped: dict[int, list[int]] = {}
        for idx, label in zip(members, labels):
            grouped.setdefault(label, []).append(idx)
        for idxs in grouped.values():
            ids = tuple(claims[i].id for i in idxs)
            articles = {claims[i].article for i in idxs}
            verdict = "agree" if len(articles) > 1 else "single-source"
            clusters.append(Cluster(id=cluster_id(ids), claims=ids, verdict=verdict, event=event_id))
    clusters.sort(key=lambda c: (c.verdict == "single-source", c.id))
    return tuple(clusters)
