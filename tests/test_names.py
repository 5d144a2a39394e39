"""One name per party: acronyms, short forms and spelling variants, within and across articles."""
from __future__ import annotations

import pytest

from auditor.read.names import (acronyms, cluster_names, canonical_places, canonicalize, compare_orgs, compare_people, same_spelling, source_id)
from auditor.model import Quote, Source


@pytest.mark.parametrize("a, b, expected", [
    ("Najeeb Kakar", "Najibullah Kakar", "variant"),  # a given name and its longer form
    ("Sarfraz Bugti", "Sarfaraz Bugti", "variant"),  # transliteration
    ("Muhammad Kashif", "Mohammad Kashif", "variant"),
    ("Khawaja Muhammad Asif", "Khawaja Asif", "short"),  # a middle name left out
    ("Shehbaz Sharif", "Shehbaz Sharif", "same"),
    ("Nawab Akbar Bugti", "Sarfraz Bugti", None),  # one family name, two people
    ("Mohsin Naqvi", "Mohsin Dawar", None),
    ("Naqvi", "Mohsin Naqvi", None),  # a lone surname is settled inside its article
])
def test_compare_people(a, b, expected):
    assert compare_people(a, b) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Baloch Liberation Army", "Balochistan Liberation Army", "form"),  # demonym / place
    ("BLA", "Balochistan Liberation Army", "short"),  # acronym of a long form
    ("EU", "European Union", "short"),
    ("Chinese Embassy", "Chinese Embassy in Islamabad", "short"),  # place qualifier
    ("the Pakistani military", "Pakistani military", "same"),
    ("Russian Embassy", "Chinese Embassy", None),
    ("Pakistan Army", "Pakistan Navy", None),
    ("TTP", "Balochistan Liberation Army", None),
    # wire agencies by short and long name, whatever their letters
    ("AP", "The Associated Press", "short"),
    ("AFP", "Agence France-Presse", "short"),
    ("dpa", "Deutsche Presse-Agentur", "short"),
    ("Xinhua", "Xinhua News Agency", "short"),
    ("AP", "Agence France-Presse", None),
    # one party, two names: abbreviations spelt out, acronyms introduced or not
    ("U.S. Geological Survey", "United States Geological Survey", "same"),
    ("USGS", "U.S. Geological Survey", "short"),
    ("USGS", "United States Geological Survey", "short"),
    ("Dept. of Labor", "Department of Labor", "same"),
    ("U.S. Army", "U.S. Navy", None),
    ("Federal Reserve", "Federal Reserve Bank of New York", None),
])
def test_compare_orgs(a, b, expected):
    assert compare_orgs(a, b) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Musakhel", "Musakhail", True), ("Sarfraz", "Sarfaraz", True), ("Muhammad", "Mohammed", True),
    ("Kalat", "Kharan", False), ("Bela", "Bolan", False), ("Quetta", "Gwadar", False),
])
def test_same_spelling(a, b, expected):
    assert same_spelling(a, b) is expected


@pytest.mark.parametrize("text, acronym, long_form", [
    ("The Organization of Islamic Cooperation (OIC) reiterated its rejection of terrorism.", "OIC",
     "Organization of Islamic Cooperation"),
    ("following the Tehreek-e-Taliban Pakistan’s (TTP) decision to end its ceasefire", "TTP", "Tehreek-e-Taliban Pakistan"),
    ("The European Union (EU) also condemned the attacks.", "EU", "European Union"),
    ("projects under the China-Pakistan Economic Corridor (CPEC) were hit", "CPEC", "China-Pakistan Economic Corridor"),
    # letters taken from inside the words, not only initials (divergences/dev: a data breach, a rate decision)
    ("trading will resume when decided by the Australian Securities Exchange (ASX).", "ASX",
     "Australian Securities Exchange"),
    ("The Bank of Japan (BOJ) ended negative rates.", "BOJ", "Bank of Japan"),
    # initials beat letters found in order: the longer name the initials spell
    ("a leader of the Aam Aadmi Party (AAP) said", "AAP", "Aam Aadmi Party"),
])
def test_acronyms_defined_in_the_text(text, acronym, long_form):
    found = acronyms(text)
    assert found[acronym][0] == long_form
    s, e = found[acronym][1:]
    assert text[s:e] == long_form


@pytest.mark.parametrize("text", [
    "Senator Chuck Schumer (D-N.Y.) said the vote would be held.",
    "The toll rose to 23 (AP) on Monday.",
    # letters in order make no definition of a party-and-state tag, of one word, or of words no name holds
    "Rep. Juan Ciscomani (R-Ariz.) voted no.",
    "The fire in Lahaina started after midnight (LT).",
    "The Party (PT) won.",
])
def test_no_false_acronyms(text):
    assert acronyms(text) == {}


def test_canonical_places():
    table = canonical_places(["Musakhel", "Musakhail", "Musakhel district", "Bela", "Lasbela", "Kalat", "Kharan",
                              "Musakhel"])
    assert table["Musakhail"] == table["Musakhel"] == table["Musakhel district"]
    assert len({table["Bela"], table["Lasbela"], table["Kalat"], table["Kharan"]}) == 4


def _src(article: str, name: str, kind: str) -> Source:
    return Source(id=f"{name}@{article}", article=article, name=name, canonical="", kind=kind)


def test_canonicalize_merges_across_articles_and_reports_variants():
    sources = [
        _src("a", "Sarfraz Bugti", "person"), _src("b", "Sarfaraz Bugti", "person"),
        _src("a", "Baloch Liberation Army", "organization"), _src("b", "Balochistan Liberation Army", "organization"),
        _src("c", "BLA", "organization"),
        _src("a", "officials", "anonymous"), _src("b", "officials", "anonymous"),
        _src("c", "Nawab Akbar Bugti", "person"),
    ]
    out, _ = canonicalize(sources)
    by = {(s.article, s.name): s for s in out}
    assert by[("a", "Sarfraz Bugti")].canonical == by[("b", "Sarfaraz Bugti")].canonical
    assert set(by[("a", "Sarfraz Bugti")].variants) == {"Sarfraz Bugti", "Sarfaraz Bugti"}
    assert by[("c", "Nawab Akbar Bugti")].canonical != by[("a", "Sarfraz Bugti")].canonical
    bla = {by[("a", "Baloch Liberation Army")].canonical, by[("b", "Balochistan Liberation Army")].canonical,
           by[("c", "BLA")].canonical}
    assert len(bla) == 1 and "bla" not in bla.pop()  # the long form names the party
    # two articles' unnamed officials are not one shared source
    assert by[("a", "officials")].canonical != by[("b", "officials")].canonical


def test_lone_surname_across_articles_only_when_unambiguous():
    out, _ = canonicalize([_src("a", "Mohsin Naqvi", "person"), _src("b", "Naqvi", "person"),
                           _src("a", "Sarfraz Bugti", "person"), _src("b", "Nawab Akbar Bugti", "person"),
                           _src("c", "Bugti", "person")])
    by = {(s.article, s.name): s.canonical for s in out}
    assert by[("b", "Naqvi")] == by[("a", "Mohsin Naqvi")] == "s_mohsin-naqvi"
    assert by[("c", "Bugti")] not in (by[("a", "Sarfraz Bugti")], by[("b", "Nawab Akbar Bugti")])


def test_quotes_get_their_speakers_id():
    sources = [_src("a", "European Union", "organization"), _src("b", "EU", "organization")]
    quotes = [Quote(id="q1", article="b", start=0, end=5, text="Peace", speaker="EU")]
    _, qs = canonicalize(sources, quotes)
    assert qs[0].speaker_id == source_id("European Union") == "s_european-union"


@pytest.mark.parametrize("name, kind, article, expected", [
    ("Mohsin Naqvi", "person", "a", "s_mohsin-naqvi"),
    ("officials", "anonymous", "a", "s_officials@a"),
    ("country’s military", "government", "a", "s_country-military@a"),  # which country depends on the article
    ("Pakistan’s military", "government", "a", "s_pakistan-military"),
])
def test_source_id(name, kind, article, expected):
    assert source_id(name, kind, article) == expected


def _components(items):
    """Reference grouping: connected parts of the pairwise relation, comparing every pair."""
    from auditor.read.names import _Union, _compare, _group_kind

    u = _Union(len(items))
    for i, (a, ka) in enumerate(items):
        for j, (b, kb) in enumerate(items[:i]):
            if _group_kind(ka, a) == _group_kind(kb, b) and _compare(a, b, ka, kb):
                u.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(u.find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _generated_items(seed: int, count: int) -> list[tuple[str, str]]:
    """Names made of a few words that are spelling variants, demonyms and places of one another,
    with acronyms, qualifiers and lower-case forms, under every kind."""
    import random

    rng = random.Random(seed)
    words = ["Baloch", "Balochistan", "Pakistan", "Pakistani", "Sarfraz", "Sarfaraz", "Musakhel", "Musakhail",
             "Najeeb", "Najibullah", "Interior", "Foreign", "Ministry", "Office", "Liberation", "Army", "Embassy",
             "Bugti", "Kakar", "Khan", "Kahn", "Smith", "Smyth", "Johnson", "Jonson", "Ahmed", "Ahmad", "Council"]
    items = []
    for _ in range(count):
        ws = [rng.choice(words) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.15:
            ws = ["".join(w[0] for w in ws)]
        elif rng.random() < 0.15:
            ws += [rng.choice(["in", "of"]), rng.choice(words)]
        name = " ".join(w.lower() if rng.random() < 0.1 else w for w in ws)
        items.append((name, rng.choice(["person", "person", "organization", "government", "anonymous"])))
    return list(dict.fromkeys(items))


@pytest.mark.parametrize("items", [
    # spellings, a middle name, a longer given name, one surname for two people
    [("Sarfraz Bugti", "person"), ("Nawab Akbar Bugti", "person"), ("Sarfaraz Bugti", "person"),
     ("Najeeb Kakar", "person"), ("Khawaja Asif", "person"), ("Najibullah Kakar", "person"),
     ("Khawaja Muhammad Asif", "person"), ("the spokesman", "person"), ("The spokesman", "person")],
    # acronyms, agency short forms, place qualifiers, demonyms, one differing word
    [("BLA", "organization"), ("Chinese Embassy in Islamabad", "government"), ("AP", "outlet"),
     ("Balochistan Liberation Army", "organization"), ("The Associated Press", "outlet"),
     ("Chinese Embassy", "government"), ("Baloch Liberation Army", "organization"),
     ("Pakistan Army", "government"), ("Pakistan Navy", "government"), ("Agence France-Presse", "outlet"),
     ("AFP", "outlet"), ("Interior Ministry", "government"), ("Interior Minstry", "government")],
    # anonymous parties and bare descriptions join only their own wording
    [("officials", "anonymous"), ("Officials", "anonymous"), ("the country’s military", "government"),
     ("country's military", "organization"), ("security officials", "anonymous"), ("officials", "person")],
    # one-word people, one-letter initials, one differing word with and without the same first letter
    [("Khan", "person"), ("khan", "person"), ("Kahn", "person"), ("Reuters", "organization"), ("R", "organization"),
     ("Musakhel District Council", "government"), ("Musakhail District Council", "government"),
     ("Kohlu District Council", "government"), ("Interior Ministry", "government"), ("Foreign Ministry", "government"),
     ("FM", "government"), ("IM", "government"), ("Pakistani Embassy", "government"), ("Pakistan Embassy", "government"),
     ("Baloch liberation army", "organization"), ("Balochistan liberation army", "organization")],
    _generated_items(seed=3, count=300),
])
def test_cluster_names_finds_every_pair_the_full_comparison_finds(items):
    from auditor.read.names import cluster_names

    assert [g for g in cluster_names(items) if len(g) > 1] == _components(items)


def test_two_names_of_one_body_are_one_party_across_articles():
    groups = cluster_names([("U.S. Geological Survey", "organization"), ("United States Geological Survey", "organization"),
                            ("USGS", "organization"), ("U.S. Army", "organization")])
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3]]
