"""Alignment: pairs of claims from two articles that are, or are not, the same fact.

Embeddings come from the FakeEmbedder (bag of hashed words), so these tests check the structured
evidence (categories, places, windows, figures, parties), not a model's taste."""
from __future__ import annotations

import numpy as np
import pytest

from auditor.crossdoc import align as A
from auditor.read import claims as C
from auditor.config import DEFAULT_SPACY_MODEL
from auditor.model import Claim, Event, Quantity, Sentence
from auditor.read.nlp import parse


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
    # an incident's toll is one quantity however far apart its reports (early and late, or rival):
    # compare tells an update from a conflict; a district's toll beside it may be a part of it
    (_fig("killed:total", 10, 10, 10), _fig("killed:total", 50, None, 50), (), (), True),
    (_fig("killed:total", 10, 10, 10, place="Kalat"), _fig("killed:total", 50, None, 50), ("Kalat",), (), False),
    (_fig("killed:total", 170, 170, 170, place="elsewhere"), _fig("killed:total", 11300, None, 11300), (), (), False),
    (_fig("killed:militants", 10, 10, 10), _fig("killed:militants", 50, None, 50), (), (), False),
    (_fig("killed:militants", 92, None, 92, "on Saturday"), _fig("killed:militants", 177, 177, 177, "in total"), (), (), True),
    (_fig("killed:civilians", 23, None, 23), _fig("killed:civilians", 151, 151, 151, "last year"), (), (), False),
    # divergences/dev, Rolling Fork tornado: "at least 26 dead in Mississippi and one dead in Alabama":
    # the Mississippi part meets Mississippi's own toll, not the same number for both states
    (_fig("killed:total", 26, None, 26, "part of a breakdown in Mississippi"),
     _fig("killed:total", 25, 25, 25, place="Mississippi"), (), (), True),
    (_fig("killed:total", 26, None, 26, "part of a breakdown in Mississippi"), _fig("killed:total", 26, None, 26), (), (),
     False),
])
def test_figures_can_meet(qa, qb, places_a, places_b, meet):
    claims = [_claim("a", qa, places_a), _claim("b", qb, places_b)]
    assert A.figures_can_meet(A.Facet(0, qa), A.Facet(1, qb), claims, []) is meet


# --------------------------------------------------------------------------- new kinds of figures

US_FILLER = [
    ("a", "Lawmakers have spent weeks negotiating over the spending levels."),
    ("b", "Analysts said the agreement was unlikely to end the broader fight."),
    ("a", "Several conservatives criticised the process as rushed."),
    ("b", "Agencies have begun reviewing their contingency plans."),
]


@pytest.mark.parametrize("text_a, text_b, same", [
    # a vote tally is one figure: rival tallies of one vote are linked, so that compare can flag them
    ("The Senate voted 52-47 late Thursday to pass the stopgap spending bill.",
     "Senate clears funding patch 51-48 as leaders hold their coalitions together.", True),
    ("The vote was 52-47.", "The Senate on Thursday night approved the stopgap on the 52-47 vote.", True),
    # sums of money: one bill, whatever each outlet calls it...
    ("The $1.2 trillion package cleared the chamber after two weeks of negotiations.",
     "The nearly $1.2 trillion measure now heads to the House.", True),
    # ...but not the bill and the aid it contains
    ("The $1.2 trillion package cleared the chamber after two weeks of negotiations.",
     "It also includes $21 billion in disaster relief for states hit by hurricanes.", False),
    # a state is not a different place from a town in it
    ("A wildfire has killed two people near Pine Hollow, the sheriff's office said Friday.",
     "A wildfire in central Oregon has killed three people, Reuters reported on Friday.", True),
    # a speed in two units
    ("Wind gusts reached up to 50 mph Thursday afternoon, the weather service said.",
     "Wind gusts of up to 50 miles per hour drove the fire across the ridge on Thursday.", True),
    # the act decides what is counted: residents under evacuation orders are people ordered to evacuate
    ("About 4,000 residents are under evacuation orders in the county.",
     "Around 4,000 people in the county have been ordered to evacuate.", True),
    # points in time: one deadline, one end date
    ("The bill now goes to the House, which must pass it before funding lapses at midnight Friday.",
     "The House must act on the bill a day before a midnight Friday deadline.", True),
    ("The Senate passed a bill that would keep the government open through Jan. 29.",
     "The Senate approved a stopgap to keep federal agencies funded through the end of January.", True),
    # the times of two acts of a story that share its names are not rivals (new dev corpus, Jeju Air)
    ("The plane took off from Bangkok shortly after 2 a.m. local time.",
     "The flight from Bangkok crashed into a wall at the airport at around 9am.", False),
])
def test_figures_of_more_kinds(fake_embedder, text_a, text_b, same):
    claims = build(US_FILLER + [("a", text_a), ("b", text_b)])
    assert linked(clusters_for(claims, fake_embedder), claims, text_a[:30], text_b[:30]) is same


@pytest.mark.parametrize("pa, pb, meet", [
    (["pine hollow"], ["oregon"], True),        # a town and its state
    (["kalat"], ["bolan"], False),              # two towns
    (["oregon"], ["california"], False),        # two states
    (["central oregon"], ["pine hollow", "bend"], True),
    ([], ["bolan"], True),
    # sites (new dev corpus, the Lewiston shooting): two sites are two parts; a site lies in a named place
    (["the bowling alley"], ["the bar"], False),
    (["the mine"], ["the coal mine"], True),
    (["the bowling alley"], ["lewiston"], True),
])
def test_places_can_meet(pa, pb, meet):
    assert A.places_can_meet(pa, pb) is meet


def _claim_in(article, text):
    return Claim(id=f"c{article}{len(text)}", article=article, start=0, end=len(text), text=text, sentence=0)


def test_a_site_all_reports_share_is_the_incidents_own():
    # a mine blast: "the mine" is where the whole incident happened; a shooting at a bowling alley and
    # a bar: each site is a part of it
    places = {0: ["the mine"], 1: ["amasra"], 2: ["the building"]}
    mine = [_claim_in("a", "killed inside the mine"), _claim_in("b", "trapped in the mine"),
            _claim_in("c", "crowds outside a building")]
    assert A._without_lone_site(places, mine) == {0: [], 1: ["amasra"], 2: []}
    places = {0: ["the bowling alley"], 1: ["the bar"]}
    shooting = [_claim_in("a", "seven died at the bowling alley"), _claim_in("b", "eight died at the bar"),
                _claim_in("c", "shootings at a bowling alley and a bar")]
    assert A._without_lone_site(places, shooting) == places


def test_the_incident_name_is_setting():
    claims = build([
        ("a", "The Whitetail Fire had burned 12,400 acres by Friday afternoon."),
        ("a", "Crews struggled to keep the flames from jumping the highway."),
        ("b", "The Whitetail Fire is one of more than 40 large wildfires burning across the West."),
        ("b", "Residents described a fire that moved faster than they thought possible."),
    ])
    assert "whitetail fire" in A.setting_names(claims)


# --------------------------------------------------------------------------- statements


def _statements(pairs):
    claims = build(US_FILLER + pairs)
    return claims, A.Content(claims), A.setting_names(claims)


def _find(claims, text):
    return next(c for c in claims if c.text.startswith(text[:25]))


@pytest.mark.parametrize("text_a, text_b, sim, linked_", [
    # one person, different facts: naming the same speaker is not enough
    ("House Speaker Warren Tibbs said the House would vote Friday afternoon.",
     "Asked Thursday whether he had the votes, Tibbs was brief.", 0.6, False),
    ("Asked Thursday whether he had the votes, Tibbs was brief.",
     "Speaker Warren Tibbs can lose only two votes on a party-line vote.", 0.55, False),
    ("Senate Democratic Leader Maria Delgado said Republicans had initially refused to include the disaster money.",
     "Delgado told CNN that she had warned Hale privately that Democrats would not supply the votes.", 0.65, False),
    # the same act of one party, in other words
    ("On Tuesday, the US condemned the recent terrorist attacks in the province.",
     "The United States and China have reiterated their strong support for Pakistan.", 0.6, True),
    ("The Baloch Liberation Army claimed responsibility for the violence.",
     "Last week's coordinated assaults, claimed by the Baloch Liberation Army, left 17 soldiers dead.", 0.5, True),
    # two different acts at one place are two facts
    ("On Monday, rail traffic to Quetta was suspended following explosions on a rail bridge in Bolan.",
     "Another six people were killed in Bolan, following explosions on a railway bridge.", 0.55, False),
    # close wording in the middle band
    ("The cause of the fire is under investigation.", "The cause of the fire remains under investigation.", 0.6, True),
])
def test_statement_links_in_the_middle_band(text_a, text_b, sim, linked_):
    claims, content, setting = _statements([("a", text_a), ("b", text_b)])
    a, b = _find(claims, text_a), _find(claims, text_b)
    assert (A.statement_link(a, b, sim, setting, content) is not None) is linked_


def test_quotes_of_different_speakers_are_not_one_statement():
    claims, content, setting = _statements([
        ("a", "“You get out of the way and you protect what you can,” Castellanos said."),
        ("b", "“We cannot protect you if you stay, so you get out of the way,” Adair said."),
    ])
    a, b = claims[-2], claims[-1]
    from dataclasses import replace
    a, b = replace(a, attribution="s_ray-castellanos"), replace(b, attribution="s_tom-adair")
    assert a.quoted and b.quoted
    assert A.statement_link(a, b, 0.6, setting, content) is None


def _vectors(gram: np.ndarray) -> np.ndarray:
    w, v = np.linalg.eigh(gram)
    return (v * np.sqrt(np.clip(w, 0, None))).astype(np.float32)


def _shared_groups(texts, similarity: float, pairs: dict = {}):
    """The claims of `texts` and the claim ids of each group across articles, aligned with every two
    sentences `similarity` alike but the `pairs` given ((i, j): similarity)."""
    claims = build(texts)
    gram = np.full((len(texts), len(texts)), similarity)
    for (i, j), sim in pairs.items():
        gram[i, j] = gram[j, i] = sim
    np.fill_diagonal(gram, 1.0)
    clusters = A.align(claims, _vectors(gram), [Event("e1", tuple(sorted({a for a, _ in texts})))])
    return claims, [set(k.claims) for k in clusters if k.verdict != "single-source"]


def test_statement_groups_merge_only_when_close_as_wholes():
    """A~B and C~D are paraphrases, B~C too, but A and D are barely related to the other pair:
    the chain through B~C must not make one cluster of four facts."""
    texts = [("a", "The bill includes disaster relief for states hit by hurricanes."),
             ("b", "The measure includes disaster relief for states hit by hurricanes."),
             ("c", "Delgado said Republicans had refused to include the disaster money."),
             ("d", "Delgado said Republicans had at first refused to include any disaster money.")]
    claims, shared = _shared_groups(texts, 0.35, {(0, 1): 0.8, (2, 3): 0.8, (1, 2): 0.8})
    ids = [c.id for c in claims]
    assert {ids[0], ids[1]} in shared and {ids[2], ids[3]} in shared
    assert not any(len(k) > 2 for k in shared)


def test_a_statement_group_takes_at_most_three_sentences_of_one_article():
    """Sentences of one story all resemble each other; a group that would hold four sentences of one
    article is several facts chained together (divergences/dev, a House speaker vote)."""
    texts = [("a", "House speaker vote: Jim Jordan loses second ballot"),
             ("a", "The House failed Tuesday to elect a new speaker, with the GOP's choice falling short."),
             ("a", "Jordan lost 22 Republicans in Wednesday's vote."),
             ("a", "Jim Jordan lost the support of more Republicans on the second ballot."),
             ("b", "In race for speaker, Jim Jordan loses GOP support on second ballot")]
    claims, shared = _shared_groups(texts, 0.8)
    of_a = {c.id for c in claims if c.article == "a"}
    assert shared and all(len(k & of_a) <= 3 for k in shared)


def _tally(first, second):
    return Quantity(start=0, end=5, text=f"{first}-{second}", value=first, low=first, high=first, unit="tally",
                    second=second, category="tally")


@pytest.mark.parametrize("a, b, meet", [
    ((52, 47), (51, 48), True),     # one vote, misreported by a vote
    ((217, 215), (218, 214), True),
    ((60, 38), (52, 47), False),    # a procedural vote and the final vote
    ((6, 3), (5, 4), True),
    ((52, 47), (52, 47), True),
])
def test_rival_tallies_differ_by_a_few_votes(a, b, meet):
    qa, qb = _tally(*a), _tally(*b)
    claims = [_claim("a", qa), _claim("b", qb)]
    assert A.figures_can_meet(A.Facet(0, qa), A.Facet(1, qb), claims, []) is meet


# --------------------------------------------------------------------------- one figure read two ways

JOBS_FILLER = [
    ("a", "The unemployment rate fell to 3.8%, according to the Bureau of Labor Statistics."),
    ("b", "Economists had projected a smaller gain for the month."),
    ("a", "Wage growth slowed slightly from the previous month."),
    ("b", "Markets rose after the report was released."),
]


@pytest.mark.parametrize("text_a, text_b, sim, shared", [
    # one figure, counted in one sentence and not placed in the other (divergences/dev, US jobs)
    ("Employers added 303,000 jobs in March.",
     "Job growth surged in March, as employers added 303,000 positions and the unemployment rate edged down.",
     0.6, True),
    # one sum, named by two words for what it pays (divergences/dev, FTX sentencing)
    ("He was also ordered to forfeit $11 billion in assets.",
     "Bankman-Fried was also fined $11 billion, which includes forfeiture agreements to sell assets.", 0.6, True),
    # the same figure counting two groups is two facts (divergences/dev, Dagestan)
    ("In a later shoot-out, four attackers were killed, as per Russian news outlets.",
     "Russia's investigative committee said 15 policemen and four civilians were killed.", 0.6, False),
    # a one-digit number says which fact only with what it counts
    ("Gunmen opened fire on places of worship in two cities on Sunday.",
     "The gunmen targeted two Orthodox churches and a police post.", 0.55, False),
])
def test_a_telling_figure_given_alike_is_evidence_in_the_middle_band(text_a, text_b, sim, shared):
    claims = build(JOBS_FILLER + [("a", text_a), ("b", text_b)])
    content, setting = A.Content(claims), A.setting_names(claims)
    a, b = _find(claims, text_a), _find(claims, text_b)
    assert (content.shared_figure(a, b) is not None) is shared
    if shared:  # and with it, related sentences are one fact
        assert A.statement_link(a, b, sim, setting, content) is not None


@pytest.mark.parametrize("a, b, meet", [
    ("killed:total", "total", True), ("missing:civilians", "civilians", True), ("jobs", "jobs:health", True),
    ("money:asset", "money:fine", True), ("percent:rise", "percent:increase", True),
    ("killed:militants", "killed:civilians", False), ("killed:civilians", "injured:civilians", False),
    ("buildings", "security", False), ("percent:rise", "money", False), (None, "jobs", True),
    ("killed:animals", "killed:total", False), ("killed:animals", "killed:animals", True),
])
def test_kinds_of_figures_that_can_name_one_quantity(a, b, meet):
    assert A._kinds_meet(a, b) is meet


def _count(value: float, category: str, window=None) -> Quantity:
    return Quantity(start=0, end=1, text=str(value), value=value, low=value, high=value, category=category,
                    window=window)


@pytest.mark.parametrize("first, second, paired", [
    # a toll at a moment of its rise meets the story's later, larger tolls (divergences/dev, Taiwan quake:
    # "one person had died" early on, "the death toll has risen to seven" later)
    (_count(1, "killed:total"), _count(7, "killed:total", "so far"), True),
    # an incident's toll meets its other reports even when neither says it is a moment of a rise
    (_count(1, "killed:total"), _count(7, "killed:total"), True),
    # one side's count of an operation's dead is no running tally: far apart, two counts
    (_count(1, "killed:militants"), _count(7, "killed:militants"), False),
    # a running count that is not a toll is bounded by its whole ("648 seats declared so far")
    (_count(648, "seats", "so far"), _count(70, "seats"), False),
])
def test_a_rising_toll_meets_counts_of_any_size(first, second, paired):
    facets = [A.Facet(0, first), A.Facet(1, second)]
    assert ((0, 1) in set(A._rival_pairs([0, 1], facets))) is paired


@pytest.mark.parametrize("qa, qb, meet", [
    # divergences/dev, French pension protests: one crowd is one place's on one day
    (_fig("crowd:total", 2.45e6, 2.55e6, None, "on January 31"),
     _fig("crowd:total", 2.75e6, 2.85e6, None, "last January 31"), True),  # the unions' 2.5m vs 2.8m
    (_fig("crowd:total", 1.275e6, 1.285e6, None, "on Tuesday"),
     _fig("crowd:total", 1.265e6, 1.275e6, None, "last January 31"), False),  # 7 March vs 31 January
    (_fig("crowd:total", 700000, 700000, 700000, None, "Paris"),
     _fig("crowd:total", 3.45e6, 3.55e6, None), False),  # Paris is a part of the nation's crowd
    (_fig("crowd:total", 245000, 245000, 245000, None, "Marseille"),
     _fig("crowd:total", 120000, 120000, 120000, None, "Toulouse"), False),  # two cities
    # a death toll of a town may still meet one reported for its region (figures_compatible)
    (_fig("killed:total", 10, 10, 10, None, "Kalat"), _fig("killed:total", 12, 12, 12), True),
])
def test_a_crowd_is_counted_for_one_place_and_day(qa, qb, meet):
    assert A.figures_compatible(qa, qb, [qa.place] if qa.place else [], [qb.place] if qb.place else []) is meet


@pytest.mark.parametrize("qa, qb, meet", [
    # divergences/dev, French pension protests: the ministry's count across the country on a named
    # day, and another report's same count with no day and no place but the story's
    (_fig("crowd:total", 1.152e6, 1.408e6, 1.28e6, "on Tuesday, March 7", "France"),
     _fig("total", 1.152e6, 1.408e6, 1.28e6), True),
    # another count with no day may be another day's crowd
    (_fig("crowd:total", 1.152e6, 1.408e6, 1.28e6, "on Tuesday, March 7", "France"),
     _fig("crowd:total", 2.45e6, 2.55e6, None), False),
])
def test_a_crowd_given_with_its_day_and_without_is_one_count_when_alike(qa, qb, meet):
    assert A.figures_compatible(qa, qb, [], [], in_group=True) is meet



def _crowd_claim(article, text, value, place, credited):
    q = Quantity(start=0, end=len(text), text=text, value=value, low=value, high=value, category="crowd:total",
                 place=place, credited=credited)
    return Claim(id=f"c{article}{value}", article=article, start=0, end=len(text), text=text, sentence=0,
                 quantities=(q,), places=(place,))


@pytest.mark.parametrize("police_place, meet", [
    # divergences/dev, French pension protests (7 March): the CGT's and the police's counts of the
    # Paris march, eight times apart, in two reports of one incident: rival counts of one crowd
    ("Paris", True),
    # another city's crowd is another crowd, however it is counted
    ("Marseille", False),
])
def test_two_counters_crowds_of_one_place_link_however_far_apart(police_place, meet, fake_embedder):
    claims = (_crowd_claim("a1", "they were 700,000 in Paris, according to the CGT", 700_000, "Paris", "CGT"),
              _crowd_claim("a2", "The police, however, assure that there were 81,000.", 81_000, police_place, "police"))
    assert linked(clusters_for(claims, fake_embedder), claims, "700,000", "81,000") is meet


# --------------------------------------------------------------------------- one figure, two categories


def _sum(value, category, text="n"):
    return Quantity(start=0, end=1, text=text, value=value, low=value, high=value, category=category, unit="USD")


@pytest.mark.parametrize("qa, qb, one", [
    # divergences/dev, Trump fraud ruling: "fined $354.8 million" / "Ordered to Pay $355 Million"
    (_sum(354.8e6, "money:fin"), _sum(355e6, "money:case"), True),
    # FTX sentencing: "forfeit $11.02 billion" / "forfeit $11 billion in assets"
    (_sum(11.02e9, "money:forfeit"), _sum(11e9, "money:asset"), True),
    # "more than $360 million" is not "$354.8 million" rounded: rivals only within one category
    (_sum(360e6, "money:pay"), _sum(354.8e6, "money:fin"), False),
    # two small counts are two counts, however a reporter rounds
    (_count(10, "killed:total"), _count(14, "killed:security"), False),
    # a count of the whole and a part's: kinds that meet, values that do not
    (_count(20, "killed:total"), _count(4, "killed:militants"), False),
    # one exact count, read with and without what befell its people
    (_count(11300, "total"), _count(11300, "killed:total"), True),
    # one number stated as an estimate: "around 1.28 million" / "1.28 million people demonstrated"
    (Quantity(start=0, end=1, text="around 1.28 million", value=1.28e6, low=1.2e6, high=1.35e6, category="total"),
     _count(1.28e6, "crowd:total"), True),
    # a vague figure is not a number stated
    (Quantity(start=0, end=1, text="thousands", value=1000, low=1000, high=None, category="missing", vague=True),
     _count(1000, "missing:total"), False),
    # a one-digit count recurs across a story's facts: "six presumed dead" / "search for the six workers"
    (_count(6, "killed:civilians"), _count(6, "civilians"), False),
    # a group named without what befell it, beside an outcome of people at large, given alike
    # (divergences/dev, Amasra: "49 workers were waiting to be brought to the surface" / "an estimated 49 trapped")
    (_count(49, "civilians"), _count(49, "trapped:total"), True),
    # ... but not beside another group's outcome, nor a sum
    (_count(49, "civilians"), _count(49, "trapped:security"), False),
    (_count(49, "civilians"), _sum(49, "money:total"), False),
    # kinds that cannot name one quantity
    (_count(303000, "jobs"), _count(303000, "killed:total"), False),
    # people at large and a group of them, given alike (divergences/dev, an airliner crash: "181 people on
    # board" / "181 passengers and crew")
    (_count(181, "total"), _count(181, "civilians"), True),
    (_count(6, "total"), _count(6, "civilians"), False),
    # a value with decimals is as rare a coincidence as a large count ("8.8% of the vote" / "scoring 8.8%")
    (_count(8.8, "percent:lp"), _count(8.8, "percent:left"), True),
    (_count(8, "percent:lp"), _count(8, "percent:left"), False),
])
def test_one_count_in_other_words(qa, qb, one):
    assert A.one_count_in_other_words(qa, qb) is one


def _counted(value, counted, bound=False):
    return Quantity(start=0, end=1, text=str(value), value=value, low=value, high=None if bound else value,
                    category="civilians", counted=counted)


@pytest.mark.parametrize("qa, qb, compatible", [
    # exact counts of joined groups and of one of them are a whole and its part (new dev corpus, Jeju Air)
    (_counted(181, "passengers and crew"), _counted(175, "passengers"), False),
    (_counted(175, "passengers"), _counted(181, "passengers and crew"), False),
    # bounds of loosely named things stay rival estimates of one (devset, the wildfire's homes)
    (_counted(140, "homes", bound=True), _counted(160, "homes and outbuildings", bound=True), True),
])
def test_a_count_of_joined_groups_is_not_one_of_them(qa, qb, compatible):
    assert A.figures_compatible(qa, qb, [], []) is compatible


@pytest.mark.parametrize("a, b, alike", [
    (354.8e6, 355e6, True), (11.02e9, 11e9, True), (11.2e9, 11e9, True),
    (360e6, 354.8e6, False), (1.28e6, 1.27e6, False), (14, 10, False), (303000, 303000, True),
])
def test_rounded_alike(a, b, alike):
    assert A.rounded_alike(a, b) is alike


@pytest.mark.parametrize("text_a, text_b, sim, linked_", [
    # paraphrases whose figures are rival reports of one quantity: one fact (compare says how they differ)
    ("The fire has destroyed at least 140 homes, according to a preliminary damage count.",
     "The blaze has destroyed more than 160 homes and outbuildings, officials said.", 0.8, True),
    # same words, figures of kinds that cannot name one quantity: the figures decide
    ("Officials said 14 security personnel were killed in the attacks.",
     "Officials said 21 militants were killed in the attacks.", 0.85, False),
    # a toll and a count of attacks more than twice its size: different facts however alike the words
    ("Over 70 people were killed in a series of terrorist attacks in the province.",
     "There were at least 170 militant attacks killing 151 civilians in the province last year.", 0.8, False),
    # rival figures in sentences that are only related are left to the figures' own links
    ("The fire has destroyed at least 140 homes, according to a preliminary damage count.",
     "The blaze has destroyed more than 160 homes and outbuildings, officials said.", 0.6, False),
])
def test_paraphrases_with_rival_figures(text_a, text_b, sim, linked_):
    claims, content, setting = _statements([("a", text_a), ("b", text_b)])
    a, b = _find(claims, text_a), _find(claims, text_b)
    assert (A.statement_link(a, b, sim, setting, content) is not None) is linked_


def test_one_figure_in_two_categories_links_and_keeps_its_rival():
    """divergences/dev, US jobs: "303,000 jobs" read as two categories is one figure, and the rival
    "330,000 jobs" of a third article still joins it (compare flags the two readings)."""
    a = "Employers added 303,000 jobs in March, the Labor Department said."
    b = "The report added 303,000 jobs to the count, the news release said."  # read as "jobs:report"
    c = "The gain of 330,000 jobs was higher than economists had been expecting."
    claims = build([("a", a), ("b", b), ("c", c)])
    assert [[q.category for q in x.quantities] for x in claims] == [["jobs"], ["jobs:report"], ["jobs"]]
    gram = np.array([[1.0, 0.7, 0.6], [0.7, 1.0, 0.55], [0.6, 0.55, 1.0]])
    clusters = A.align(claims, _vectors(gram), [Event("e1", ("a", "b", "c"))])
    assert linked(clusters, claims, a[:30], b[:30])
    assert linked(clusters, claims, a[:30], c[:30])
    assert linked(clusters, claims, b[:30], c[:30])


def test_a_toll_given_alike_links_across_categories(fake_embedder):
    """divergences/dev, Derna floods: "surged past 11,300 people" is read as a count of people, "soared
    to 11,300" as a toll: one figure."""
    a = "The death toll from devastating floods in eastern Libya surged past 11,300 people in the port city of Derna."
    b = "The death toll in Libya's coastal city of Derna has soared to 11,300 as search efforts continue."
    claims = build(FILLER + [("a", a), ("b", b)])
    assert {q.category for x in claims if x.text in (a, b) for q in x.quantities} == {"total", "killed:total"}
    assert linked(clusters_for(claims, fake_embedder), claims, a[:30], b[:30])


@pytest.mark.parametrize("text_a, text_b, same", [
    # divergences/dev, US jobs: what was expected and what came are two facts, not rival reports
    ("Analysts had expected employers to add 212,000 jobs in March.",
     "Employers added 303,000 jobs in March, the Labor Department said.", False),
    # two forecasts of one figure are rivals as before
    ("Analysts had expected employers to add 212,000 jobs in March.",
     "Forecasters had projected a net gain of 200,000 jobs for the month.", True),
    # and so are two reports of the outcome
    ("Employers added 240,000 jobs in March, the Labor Department said.",
     "Employers added 303,000 jobs in March, the Labor Department said.", True),
])
def test_a_forecast_is_not_a_rival_of_the_outcome(text_a, text_b, same):
    claims = build(JOBS_FILLER + [("a", text_a), ("b", text_b)])
    a, b = _find(claims, text_a), _find(claims, text_b)
    fa = next(A.Facet(claims.index(a), q) for q in a.quantities)
    fb = next(A.Facet(claims.index(b), q) for q in b.quantities)
    assert (A.figure_link(fa, fb, claims, 0.6, A.setting_names(claims)) is not None) is same


@pytest.mark.parametrize("text_a, text_b, sim, linked_", [
    # divergences/dev, Baltimore bridge: a toll and a clock time belong to different facts of the two
    # sentences; the collapse they both report is decided by their words, as for sentences without figures
    ("Six construction workers are presumed dead after the bridge collapsed when a support column was hit "
     "by a container ship.",
     "The bridge collapsed after a large container ship struck one of its support columns around 1:30 a.m. Tuesday.",
     0.8, True),
    # figures of one outcome for different people decide, however alike the words (see above)
    ("Officials said 14 security personnel were killed in the attacks.",
     "Officials said 21 militants were killed in the attacks.", 0.85, False),
])
def test_figures_of_unrelated_kinds_leave_the_statement_to_its_words(text_a, text_b, sim, linked_):
    claims, content, setting = _statements([("a", text_a), ("b", text_b)])
    a, b = _find(claims, text_a), _find(claims, text_b)
    assert A._figures(a) and A._figures(b)
    assert (A.statement_link(a, b, sim, setting, content) is not None) is linked_


def test_figures_of_two_categories_are_paired_only_near_one_value():
    """Across categories only one value give or take rounding can be one figure, so only values that
    near are paired (and `one_count_in_other_words` then tells $355 million from $360 million)."""
    facets = [A.Facet(0, _sum(354.8e6, "money:fin")), A.Facet(1, _sum(355e6, "money:case")),
              A.Facet(2, _sum(360e6, "money:case")), A.Facet(3, _sum(83e6, "money:case")),
              A.Facet(4, _sum(354.8e6, "money:fin"))]
    assert set(A._same_value_pairs([0, 4], [1, 2, 3], facets)) == {(0, 1), (0, 2), (1, 4), (2, 4)}


@pytest.mark.parametrize("text_a, text_b, same", [
    # divergences/dev, Derna floods: the Red Crescent's 11,300 and the WHO's 3,958 are rival reports of
    # one toll, nearly three times apart (gold: a conflict)
    ("The death toll in the coastal city has soared to 11,300 as search efforts continue, the Red Crescent said.",
     "At least 3,958 people have died in the floods, the World Health Organization said.", True),
    # a toll counted elsewhere is not the story's toll
    ("The death toll in the coastal city has soared to 11,300 as search efforts continue, the Red Crescent said.",
     "The storm also killed about 170 people elsewhere in the country.", False),
])
def test_an_incidents_toll_is_one_quantity(fake_embedder, text_a, text_b, same):
    claims = build(FILLER + [("a", text_a), ("b", text_b)])
    assert linked(clusters_for(claims, fake_embedder), claims, text_a[:30], text_b[:30]) is same



def _time(text, low, high, unit="day-hours", clock=None):
    return Quantity(start=0, end=len(text), text=text, value=low if low == high else None, low=low, high=high,
                    category="time:at", unit=unit, clock=clock)


@pytest.mark.parametrize("qa, qb, meet", [
    # divergences/dev, Amasra: "6:45 pm on Friday" and "15:15 GMT" put on Bartin's clock are one moment's rivals
    (_time("6:45 pm on Friday", 114.75, 114.75, "weekday-hours"), _time("15:15 GMT", 18.0, 18.5, clock="local:Bartin"),
     True),
    # Baltimore: "about 1:30am" and "around 1:30 a.m. Tuesday" (no hour is a size: no ratio keeps them apart)
    (_time("1:30am", 1.25, 1.75), _time("1:30 a.m. Tuesday", 25.25, 25.75, "weekday-hours"), True),
    # a time still on a foreign clock (no place known) is not held against a local one
    (_time("6:45 pm on Friday", 114.75, 114.75, "weekday-hours"), _time("15:15 GMT", 15.0, 15.5, clock="UTC"), False),
    # two times on one foreign clock can be
    (_time("15:15 GMT", 15.0, 15.5, clock="UTC"), _time("15:40 GMT", 15.67, 15.67, clock="UTC"), True),
])
def test_times_of_day_meet_on_one_clock(qa, qb, meet):
    assert A.figures_compatible(qa, qb, [], []) is meet


@pytest.mark.parametrize("qa, qb, needed", [
    # Baltimore: "about 1:30am" and "at 1:29:39 a.m." are told within the hour: related sentences will do
    (_time("1:30am", 1.25, 1.75), _time("1:29:39 a.m.", 1.494, 1.494), A.MIN_RELATED),
    # "Wednesday morning" says less: the sentences must be closer
    (_time("Wednesday morning", 54, 60, "weekday-hours"), _time("6 a.m. ET Wednesday", 54, 54, "weekday-hours"),
     A.RELATED),
])
def test_how_alike_two_agreeing_times_must_be(qa, qb, needed):
    assert A._agreeing_similarity(qa, qb) == needed


@pytest.mark.parametrize("first, second, one_moment", [
    # taiwan_quake 01: "at 7:58 a.m. local time on Wednesday (11:58 p.m. GMT on Tuesday)", on Taiwan's clock
    (_time("7:58 a.m. local time on Wednesday", 55.97, 55.97, "weekday-hours", "local"),
     _time("11:58 p.m. GMT on Tuesday", 55.97, 55.97, "weekday-hours", "local:Taiwan"), True),
    # baltimore_bridge 05: "at about 1:25 a.m." alarms, "at 1:29:39 a.m." the bridge was down: two moments
    (_time("1:25 a.m.", 1.33, 1.5), _time("1:29:39 a.m.", 1.494, 1.494), False),
])
def test_one_article_two_times_are_one_moment_only_as_one_instant(first, second, one_moment):
    text = "x"
    local = [Claim(id=f"c{k}", article="a1", start=0, end=1, text=text, sentence=k, quantities=(q,))
             for k, q in enumerate((first, second))]
    ctx = A._Incident(local, np.eye(2, dtype=np.float32))
    x, y = [k for k, f in enumerate(ctx.facets) if f.quantity is not None]
    assert (A._judge(ctx)([x], [y]) == A.JOIN) is one_moment


def _rate(value):
    return Quantity(start=0, end=1, text=str(value), value=value, low=value, high=value, category="percent:rate",
                    unit="percent", window="before the change")


@pytest.mark.parametrize("a, b, compatible", [
    # new dev corpus, the Bank of Japan: "from 0.1 per cent" / "from minus 0.1pc", a sign lost
    (0.1, -0.1, True),
    # other figures across zero are no one figure
    (0.5, -0.1, False),
])
def test_a_figure_and_its_negative_are_rivals(a, b, compatible):
    assert A.figures_compatible(_rate(a), _rate(b), [], []) is compatible


def test_a_figure_and_its_slip_can_meet_however_far_apart():
    """divergences/dev, Giuliani verdict: "$75" and "$75 million" of punitive damages are one sum, one
    of them mistyped; "58" and "658" deaths from Egypt too. A trailing zero dropped stays two counts."""
    def money(text, v):
        return Quantity(start=0, end=len(text), text=text, value=v, low=v, high=v, category="money:cost", unit="USD")

    def count(text, v):
        return Quantity(start=0, end=len(text), text=text, value=v, low=v, high=v, category="killed:militants")

    for qa, qb, meet in [(money("$75", 75), money("$75 million", 75e6), True),
                         (count("58", 58), count("658", 658), True),
                         (count("15", 15), count("150", 150), False)]:
        claims = [_claim("a", qa), _claim("b", qb)]
        assert A.figures_can_meet(A.Facet(0, qa), A.Facet(1, qb), claims, []) is meet
        facets = [A.Facet(0, qa), A.Facet(1, qb)]
        assert (list(A._rival_pairs([0, 1], facets)) == [(0, 1)]) is meet


def test_the_days_of_one_act_meet_and_of_two_acts_do_not():
    """divergences/dev, House aid vote: "will now consider the legislation on Saturday" / "set to
    begin considering the House-passed bill on Tuesday" are one act's day told two ways; Dagestan:
    "attacked on Sunday" / "rose on Monday" are two acts' days."""
    def day(verb, low):
        return Quantity(start=0, end=3, text="day", value=None, low=low, high=low + 24, category="date:event",
                        unit="weekday-hours", counted=verb, high_inclusive=False)

    for qa, qb, meet in [(day("consider", 120), day("consider", 24), True),
                         (day("attack", 144), day("rise", 0), False)]:
        claims = [_claim("a", qa), _claim("b", qb)]
        assert A.figures_can_meet(A.Facet(0, qa), A.Facet(1, qb), claims, []) is meet


def test_a_vague_count_is_no_rival_counters_estimate():
    """divergences/dev, Israel protests: "a few hundred protesters" blocking a highway is no
    counter's estimate of the organisers' 240,000 in the same city."""
    crowd = Quantity(start=0, end=1, text="n", value=240000, low=216000, high=264000, category="crowd:total",
                     place="Tel Aviv", credited="organizers")
    few = Quantity(start=0, end=1, text="n", value=None, low=200, high=999, vague=True, category="crowd:total",
                   place="Tel Aviv")
    assert not A.rival_counters(crowd, few, ("organizers", None))
    assert not A.figures_compatible(crowd, few, ["Tel Aviv"], ["Tel Aviv"], ("organizers", None))


# --------------------------------------------------------------------------- regions the story spans


@pytest.mark.parametrize("setting, apart", [
    # divergences/dev, Cyclone Freddy: a story set in two countries tells each one's figures apart
    (["malawi", "mozambique", "cyclone freddy", "lazarus chakwera"], ["malawi", "mozambique"]),
    # a region and the country it lies in are one story's place, not two (Valencia floods, Marapi)
    (["valencia", "spain", "paiporta"], []),
    (["indonesia", "west sumatra", "marapi"], []),
])
def test_regions_apart(setting, apart):
    assert A.regions_apart(setting) == apart


def test_a_countrys_toll_is_not_its_neighbours_though_the_story_is_set_in_both(fake_embedder):
    """divergences/dev, Cyclone Freddy: Malawi and Mozambique are each named in most claims (the
    story's setting), yet "in Mozambique, 50 deaths" is not Malawi's toll of 225, nor a rival of it."""
    claims = build([
        ("a", "The death toll from the cyclone in Malawi has risen to 225."),
        ("a", "Rescuers in Malawi and Mozambique searched for survivors."),
        ("a", "Malawi and Mozambique declared a state of disaster."),
        ("b", "In Mozambique, at least 50 deaths have been confirmed so far."),
        ("b", "Malawi and Mozambique were hit by the cyclone twice."),
        ("b", "Aid agencies in Malawi and Mozambique appealed for help."),
    ])
    assert not linked(clusters_for(claims, fake_embedder), claims, "225", "50 deaths")


def test_two_clauses_of_one_sentence_placed_apart_are_two_figures(fake_embedder):
    """divergences/dev, Cyclone Freddy: "..., while authorities in neighbouring Mozambique reported
    20 deaths" is not the first clause's count in other words (as "five gunmen were eliminated,
    while the governor reported six bandits" is)."""
    claims = build([
        ("a", "Malawi's government said at least 190 people were killed, while authorities in neighbouring "
              "Mozambique reported 20 deaths."),
        ("a", "Malawi and Mozambique declared a state of disaster."),
        ("b", "Malawi and Mozambique were hit by the cyclone twice."),
        ("b", "Malawi's government said at least 326 people were killed."),
    ])
    clusters = clusters_for(claims, fake_embedder)
    assert linked(clusters, claims, "190 people", "326 people")
    assert not linked(clusters, claims, "190 people", "20 deaths")


@pytest.mark.parametrize("qa, qb, compatible", [
    # divergences/dev, Morbi bridge collapse: "including 40 women and 34 children" / "over 50 children and 35
    # women among the victims": a count of women is never one of children, whatever group both belong to
    (_counted(34, "children"), _counted(35, "women"), False),
    (_counted(40, "women"), _counted(50, "children", bound=True), False),
    (_counted(40, "women"), _counted(35, "women"), True),
    # a class and a word outside the classes: people of any sex or age may be the women
    (_counted(40, "women"), _counted(38, "victims"), True),
])
def test_people_of_another_sex_or_age_are_another_population(qa, qb, compatible):
    assert A.figures_compatible(qa, qb, [], []) is compatible


def test_people_of_one_sex_or_age_among_a_toll_are_rivals_however_the_sentences_differ():
    """divergences/dev, Morbi: the sentences list other parts of the toll too, so they are not alike;
    the women they both count make their two figures rival reports of one population."""
    text_a = "The toll climbed to 134 by evening, including 40 women and 34 children."
    text_b = "According to official figures, there are over 50 children and 35 women among the victims who drowned."
    claims = build([("a", text_a), ("b", text_b), ("a", "Rescue teams searched the river through the night."),
                    ("b", "The suspension bridge had reopened four days earlier.")])
    a, b = _find(claims, text_a), _find(claims, text_b)
    fa = next(A.Facet(claims.index(a), q) for q in a.quantities if q.value == 40)
    fb = next(A.Facet(claims.index(b), q) for q in b.quantities if q.value == 35)
    assert A.figure_link(fa, fb, claims, 0.35, A.setting_names(claims)) is not None


@pytest.mark.parametrize("a, b, bare", [
    # a share named by its noun alone may be the one a kind names ("its rate" / "its key interest rate")
    ("percent:rate", "percent:interest rate", True),
    ("percent:interest rate", "percent:rate", True),
    # two kinds are two measures ("the bank rate" / "the repo rate"), and other nouns other measures
    ("percent:bank rate", "percent:deposit rate", False),
    ("percent:rate", "percent:unemployment ratio", False),
    ("percent:rate", "seats:rate", False),
])
def test_a_bare_measure_may_be_a_named_kind(a, b, bare):
    assert A.bare_measure_of(a, b) is bare


@pytest.mark.parametrize("a, b, other", [
    # one verb of a known class of acts and another outside it: two acts ("attacked" / "condemned")
    ("attack", "condemn", True),
    ("attack", "rise", True),
    # one class, or two verbs of no known class (the sentences' likeness decides): maybe one act
    ("attack", "storm", False),
    ("march", "rally", False),
    ("erupt", "eruption", False),
])
def test_the_days_of_two_acts(a, b, other):
    assert A.other_acts(a, b) is other


def test_a_place_that_describes_the_source_does_not_place_the_figure():
    # divergences/dev, Hathras stampede: the police chief's state is not where the toll holds, so the toll
    # still meets the nation's "more than 100" as one quantity
    claims = build([("a", "At least 116 people died, most of them women and children, said Prashant Kumar, the "
                          "director general of police in Uttar Pradesh."),
                    ("b", "More than 100 people have been killed in a stampede in India, authorities say.")])
    facets = [f for f in A.facets_of(claims) if f.quantity is not None and f.quantity.category == "killed:total"]
    places = [A._figure_places(f, claims, [], A._own_place(f, [])) for f in facets]
    assert "uttar pradesh" not in places[0]
    assert A.figures_compatible(facets[0].quantity, facets[1].quantity, places[0], places[1])


def test_a_vague_count_is_no_reading_of_a_toll():
    """divergences/dev, Baghlan floods: "hundreds of our fellow citizens have succumbed" is no reading of
    the toll an editor can check against "more than 300 people were killed", however alike the sentences."""
    text_a = "More than 300 people were killed in flash floods, the World Food Programme said."
    text_b = "Hundreds of our fellow citizens have succumbed to these calamitous floods, the spokesman said."
    claims = build([("a", text_a), ("b", text_b)])
    a, b = _find(claims, text_a), _find(claims, text_b)
    fa = next(A.Facet(claims.index(a), q) for q in a.quantities if q.category == "killed:total")
    fb = next(A.Facet(claims.index(b), q) for q in b.quantities if q.category == "killed:total")
    assert fb.quantity.vague
    assert A.figure_link(fa, fb, claims, 0.9, A.setting_names(claims)) is None
