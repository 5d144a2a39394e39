"""Alignment: pairs of claims from two articles that are, or are not, the same fact.

Embeddings come from the FakeEmbedder (bag of hashed words), so these tests check the structured
evidence (categories, places, windows, figures, parties), not a model's taste."""
from __future__ import annotations

import pytest

from auditor import align as A
from auditor import claims as C
from auditor.config import DEFAULT_SPACY_MODEL
from auditor.model import Claim, Event, Quantity, Sentence
from auditor.nlp import parse


def build(pairs: list[tuple[str, str]]) -> tuple[Claim, ...]:
    sentences = []
    pos: dict[str, int] = {}
    for article, text in pairs:
        start = pos.get(article, 0)
        sentences.append(Sentence(article, len([s for s in sentences if s.article == article]), start,
                                  start + len(text), text))
        pos[article] = start + len(text) + 1
    return C.from_sentences(sentences, parse([s.text for s in sentences], DEFAULT_SPACY_MODEL))


def clusters_for(claims, embedder, events=None):
    vectors = embedder.encode([c.text for c in claims])
    events = events or [Event(id="e1", articles=tuple(sorted({c.article for c in claims})))]
    return A.align(claims, vectors, events)


def linked(clusters, claims, text_a: str, text_b: str) -> bool:
    ids_a = {c.id for c in claims if text_a in c.text}
    ids_b = {c.id for c in claims if text_b in c.text}
    assert ids_a and ids_b
    return any(ids_a & set(k.claims) and ids_b & set(k.claims) for k in clusters if k.verdict != "single-source")


# Filler sentences give each incident enough claims for "setting" names to be told from specific ones.
FILLER = [
    ("a", "The province has long been plagued by an insurgency."),
    ("b", "Analysts warn that the heavy-handed approach may backfire."),
    ("a", "Rights groups criticised the state response."),
    ("b", "Officials said operations would continue for days."),
]


@pytest.mark.parametrize("text_a, text_b, same", [
    # same words, different facts: the category tells them apart
    ("Officials said 14 security personnel were killed in the attacks.",
     "Officials said 21 militants were killed in the attacks.", False),
    # different words, same fact
    ("The military reported that 14 soldiers and police officers lost their lives in the fighting.",
     "The military reported that a total of 14 security personnel were killed in the fighting.", True),
    ("Local officials said at least 23 civilians were killed after attackers stopped their convoy.",
     "After identifying the passengers, they executed at least 23 Punjabi migrant workers, officials said.", True),
    # same category, different places
    ("Another attack in Kalat resulted in the deaths of 10 people.",
     "Six people were killed in the Bolan district after explosions.", False),
    # rival counts of one quantity: linked, so that compare can flag them
    ("The coordinated assaults left 17 security personnel martyred, officials said.",
     "Officials said the coordinated attacks left 15 security personnel dead on Saturday.", True),
    # a year's statistics are not the event's toll
    ("The military said 14 security personnel were killed in the attacks.",
     "There were attacks killing 114 security personnel in the province last year.", False),
    # counts far apart are different quantities
    ("Security forces killed 21 militants in response to the attacks.",
     "Security forces killed at least 92 militants in response to the attacks.", False),
])
def test_figures_same_fact_or_not(fake_embedder, text_a, text_b, same):
    claims = build(FILLER + [("a", text_a), ("b", text_b)])
    assert linked(clusters_for(claims, fake_embedder), claims, text_a[:30], text_b[:30]) is same


def test_same_act_by_different_parties_is_not_one_fact(fake_embedder):
    a = "The United States strongly condemned the attacks in the province on Tuesday."
    b = "China strongly condemned the attacks in the province on Tuesday."
    claims = build(FILLER + [("a", a), ("b", b)])
    assert not linked(clusters_for(claims, fake_embedder), claims, a[:30], b[:30])


def test_paraphrase_with_shared_party_is_one_fact(fake_embedder):
    a = "The Baloch Liberation Army (BLA) claimed responsibility for the attacks on highways."
    b = "The banned Balochistan Liberation Army claimed responsibility for the coordinated attacks."
    claims = build(FILLER + [("a", a), ("b", b)])
    assert linked(clusters_for(claims, fake_embedder), claims, a[:30], b[:30])


def test_a_sentence_with_two_facts_joins_two_clusters(fake_embedder):
    a = "The assaults left 17 security personnel martyred and 31 civilians dead, officials said."
    b1 = "Officials said the assaults left 15 security personnel dead on Saturday."
    b2 = "Officials said the assaults left 18 civilians dead on Saturday."
    claims = build(FILLER + [("a", a), ("b", b1), ("b", b2)])
    clusters = clusters_for(claims, fake_embedder)
    shared = [k for k in clusters if k.verdict != "single-source"]
    a_id = next(c.id for c in claims if c.text.startswith("The assaults"))
    assert sorted(k.category for k in shared if a_id in k.claims) == ["killed:civilians", "killed:security"]


def test_incidents_are_aligned_apart(fake_embedder):
    a = "Officials said 14 security personnel were killed in the attacks."
    b = "Officials said 14 security personnel were killed in the attacks."
    claims = build(FILLER + [("a", a), ("b", b)])
    events = [Event("e1", ("a",)), Event("e2", ("b",))]
    clusters = clusters_for(claims, fake_embedder, events)
    assert all(k.verdict == "single-source" for k in clusters)
    assert {k.event for k in clusters} == {"e1", "e2"}


def test_cluster_ids_are_stable(fake_embedder):
    claims = build(FILLER + [("a", "Over 70 people were killed in the attacks across the province."),
                             ("b", "At least 74 people were killed in the attacks across the province.")])
    first = {k.id for k in clusters_for(claims, fake_embedder)}
    again = {k.id for k in clusters_for(tuple(reversed(claims)), fake_embedder)}
    assert first == again


def _fig(category, low, high, value=None, window=None, place=None):
    return Quantity(start=0, end=2, text="n", value=value, low=low, high=high, category=category, window=window,
                    place=place)


def _claim(article, q, places=()):
    return Claim(id=f"c{article}{q.low}", article=article, start=0, end=10, text="x", sentence=0, quantities=(q,),
                 places=places)


@pytest.mark.parametrize("qa, qb, places_a, places_b, meet", [
    (_fig("killed:security", 14, 14, 14), _fig("killed:security", 17, 17, 17), (), (), True),
    (_fig("killed:security", 14, 14, 14), _fig("killed:militants", 14, 14, 14), (), (), False),
    (_fig("killed:total", 10, 10, 10), _fig("killed:total", 10, None, 10), ("Kalat",), ("Bolan",), False),
    (_fig("killed:total", 10, 10, 10), _fig("killed:total", 50, None, 50), (), (), False),
    (_fig("killed:militants", 92, None, 92, "on Saturday"), _fig("killed:militants", 177, 177, 177, "in total"), (), (), True),
    (_fig("killed:civilians", 23, None, 23), _fig("killed:civilians", 151, 151, 151, "last year"), (), (), False),
])
def test_figures_can_meet(qa, qb, places_a, places_b, meet):
    claims = [_claim("a", qa, places_a), _claim("b", qb, places_b)]
    assert A.figures_can_meet(A.Facet(0, qa), A.Facet(1, qb), claims, []) is meet
