"""Which articles are compared (auditor/crossdoc/events/resemblance.py): those sharing a rare
anchor, and near neighbours by vector; unrelated articles never are."""
from __future__ import annotations

import pytest

from auditor.crossdoc import events as E
from auditor.crossdoc.events import apart as A
from events_corpus import corpus, grouping


@pytest.mark.parametrize("keys, centre, max_articles, expected", [
    # no shared key, unrelated vectors: never compared
    ({"a": {"kalat"}, "b": {"musakhel"}, "c": {"nushki"}}, None, 50, set()),
    ({"a": {"kalat"}, "b": {"musakhel"}}, {"a": [1.0, 0.0], "b": [0.0, 1.0]}, 50, {("a", "b")}),  # the only neighbour
    ({"a": {"kalat"}, "b": {"kalat"}, "c": {"nushki"}}, None, 50, {("a", "b")}),
    # a key carried by more than max_articles articles proposes no pairs (a stop word)
    ({"a": {"pakistan"}, "b": {"pakistan"}, "c": {"pakistan"}}, None, 2, set()),
    ({"a": {"pakistan", "kalat"}, "b": {"pakistan"}, "c": {"pakistan", "kalat"}}, None, 2, {("a", "c")}),
])
def test_candidate_pairs_compare_only_articles_sharing_a_rare_key_or_neighbours(keys, centre, max_articles, expected):
    import numpy as np

    centre = {a: np.array(v) for a, v in centre.items()} if centre else None
    assert set(E.candidate_pairs(list(keys), keys, centre, max_articles=max_articles, k=1)) == expected


def test_unrelated_articles_are_never_compared(monkeypatch):
    """Two incidents with nothing in common: evidence is computed within each, never across."""
    compared = []
    real = A.figures_contradict
    monkeypatch.setattr(A, "figures_contradict", lambda fa, fb: compared.append(1) or real(fa, fb))
    articles, claims = corpus({"a1": ["Gunmen killed 7 people in Kalat, police said."],
                               "a2": ["Gunmen killed 7 people in Kalat on Monday, officials said."],
                               "b1": ["Floods destroyed 40 houses in Sukkur, officials said."],
                               "b2": ["Floods destroyed 40 houses in Sukkur on Tuesday."]})
    events = E.group(articles, claims)
    assert grouping(events) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert len(compared) == 2
