"""Places resolved with the shipped gazetteers: hierarchy (town in province in country) and distance."""
from __future__ import annotations

import pytest

from auditor.read import places as P


@pytest.mark.parametrize("name, kind, country", [
    ("Balochistan", "subdivision", "PK"),
    ("Ishikawa Prefecture", "subdivision", "JP"),
    ("Hatay province", "subdivision", "TR"),
    ("Derna", "town", "LY"),  # an alternate spelling of Darnah
    ("Lahaina", "town", "US"),
    ("Guangzhou", "town", "CN"),
    ("the United States", "country", "US"),
    ("U.S.", "country", "US"),
    ("Greece", "country", "GR"),
    ("Calif.", "subdivision", "US"),  # a state as AP style writes it after a dateline's town
    ("Pa.", "subdivision", "US"),
])
def test_names_resolve(name, kind, country):
    place = P.resolve(name)
    assert place is not None and (place.kind, place.country) == (kind, country)


@pytest.mark.parametrize("word, country", [
    ("Mexican", "MX"), ("Nigerian", "NG"), ("Brazilian", "BR"), ("Japanese", "JP"), ("Pakistani", "PK"),
    ("Russian", "RU"), ("Jordanian", "JO"), ("Thai", "TH"), ("German", "DE"),
    ("Korean", "KR"),  # "Korea" alone is the South in news copy, as "Britain" is the United Kingdom
    ("Sindhi", "PK"),  # a region's people ("Sindh-i", "Punjab-i")
    ("Christian", None), ("Republican", None), ("Guardian", None), ("Civilian", None), ("Human", None),
])
def test_a_people_is_of_its_country(word, country):
    place = P.demonym_place(word)
    assert (place.country if place is not None else None) == country


def test_a_name_nobody_uses_for_a_place_resolves_to_nothing():
    assert P.resolve("Zaman Parkxx") is None


def test_a_district_is_within_its_province_and_country_not_another():
    kalat, balochistan, pakistan, hatay = (P.resolve(n) for n in ("Kalat", "Balochistan", "Pakistan", "Hatay"))
    assert P.within(kalat, pakistan) and P.within(balochistan, pakistan)
    assert not P.within(kalat, hatay)
    assert P.within(P.resolve("Baltimore"), P.resolve("Maryland", ["US"]))


def test_distance_between_far_apart_towns():
    assert 8000 < P.distance_km(P.resolve("Baltimore"), P.resolve("Guangzhou")) < 14000
    assert P.distance_km(P.resolve("Lahore"), P.resolve("Rawalpindi")) < 300
    assert P.distance_km(P.resolve("Greece"), P.resolve("Athens")) is None  # a country has no one point


def test_context_picks_the_town_in_the_country_named():
    assert P.countries(["Perry", "Florida"]) == {"Perry": "US", "Florida": "US"}
