"""Which articles are compared (auditor/crossdoc/events/resemblance.py): those sharing a rare
anchor, and near neighbours by vector; unrelated articles never are."""
from __future__ import annotations

import pytest

from auditor.crossdoc import events as E
from auditor.crossdoc.events import apart as A
from events_corpus import HUALIEN, TRUMP, corpus, grouping
from auditor.crossdoc.events import resemblance as R
from auditor.crossdoc.events.incidents import _claims_by_article


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


@pytest.mark.parametrize("spellings, expected", [
    ({"hualien"}, True),  # a county: where one story happened
    ({"nadhim zahawi"}, True),
    ({"colorado"}, True),  # a state narrows a story as a county does
    ({"taiwan"}, False),  # two quakes strike one country
    ({"central taiwan", "taiwan"}, False),  # a name that also stands for a country
    ({"reuters"}, False),  # who reported it, not what happened
    ({"#killed:total=4"}, False),  # tolls of different events may match
])
def test_a_specific_name_is_no_country_outlet_or_figure(spellings, expected):
    assert R.specific(spellings) is expected


@pytest.mark.parametrize("texts, story", [
    # the county and the gorge all three reports name are the story's own
    (HUALIEN, {"hualien", "taroko gorge"}),
    # a figure two of three name is not (tolls of different events may match)
    ({"a1": ["The quake killed nine people in Hualien."], "a2": ["Nine people died in Hualien."],
      "a3": ["Rockfalls blocked roads in Hualien."]}, {"hualien"}),
    # named by one report of two: half of the articles
    ({"a1": ["Gunmen killed 7 people in Kalat, police said."],
      "a2": ["Floods destroyed 40 houses in Sukkur on Tuesday."]}, {"kalat", "sukkur"}),
    # a country all reports name is no story's own
    ({"a1": ["An earthquake struck Taiwan on Wednesday."], "a2": ["Nine people died in Taiwan."],
      "a3": ["Taiwan counted its dead."]}, set()),
])
def test_the_storys_names_weigh_as_much_as_the_merging_needs_of_one_name(texts, story):
    """Rarity across the corpus gives a name every report uses almost no weight; the story's own
    names (specific, carried by at least half of the articles) weigh `needed` at least."""
    articles, claims = corpus(texts)
    names = R.AnchorWeights([a.id for a in articles], _claims_by_article(claims))
    assert names.story == story
    assert all(names.story_weight[x] >= names.needed > names.weight[x] for x in story if names.weight[x] < names.needed)


@pytest.mark.parametrize("texts, shared", [
    # a place with and without the kind of place after it is one name, shown as most reports write it
    ({"a1": ["The quake hit Hualien County on Wednesday, killing four people."],
      "a2": ["Nine people died in Hualien after the quake."],
      "a3": ["Rockfalls blocked roads in Hualien on Wednesday."]}, ["hualien"]),
    # an address with and without its number
    ({"a1": ["Rishi Sunak spoke outside 10 Downing Street in the rain."],
      "a2": ["Rishi Sunak was drenched as he spoke in Downing Street."],
      "a3": ["Rishi Sunak spoke in Downing Street on Wednesday."]}, ["downing street", "rishi sunak"]),
    # a country matched with a region of it ("Central Taiwan") is shown as the country
    ({"a1": ["The quake was felt across Central Taiwan and Taiwan's capital."],
      "a2": ["Nine people died in Taiwan after the quake."],
      "a3": ["Taiwan counted its dead on Thursday."]}, ["taiwan"]),
])
def test_the_names_a_group_shares_are_shown_as_most_reports_write_them(texts, shared):
    articles, claims = corpus(texts)
    names = R.AnchorWeights([a.id for a in articles], _claims_by_article(claims))
    assert names.shared([a.id for a in articles]) == shared


@pytest.mark.parametrize("g, h, expected", [
    (["t1", "t2"], ["p1", "p2"], {"donald trump"}),  # the president alone
    (["p1"], ["p2"], {"donald trump", "jack smith", "mike pence"}),
    (["t1"], ["t2"], {"donald trump", "federal reserve"}),
])
def test_the_storys_names_two_groups_share(g, h, expected):
    """What the story's names phase counts: names of the story some article of each group carries."""
    articles, claims = corpus(TRUMP)
    names = R.AnchorWeights([a.id for a in articles], _claims_by_article(claims))
    assert {names.spelling[x] for x in names.story_names(g, h)} == expected


@pytest.mark.parametrize("names, one", [
    # divergences/dev, Crocus City Hall attack: one report writes the venue's first word alone
    (["crocus city hall", "crocus"], True),
    (["kanjuruhan stadium", "kanjuruhan"], True),
    # a state's name is no site's: "Kansas" is not "Kansas State University"
    (["kansas state university", "kansas"], False),
])
def test_a_site_written_by_its_first_word_is_one_name(names, one):
    rep = R._canonical(names)
    assert (rep[names[0]] == rep[names[1]]) is one
