"""Cross-article alignment: claims that state the same fact in different articles form a cluster.

Sentence embeddings alone cannot do this: "14 security personnel were killed" and "21 militants
were killed" embed almost alike, while "executed at least 23 Punjabi migrant workers" and "23
civilians were killed" do not. So a claim is split into the facts it states ("facets"): each
figure it gives (what is counted or measured, with its interval, place and window: a death toll,
a vote tally, the size of a bill, a wind speed, a deadline) and its remaining statement.

Figures link when they are of the same kind (category and unit), nothing places them apart (two
different towns; a region such as a state or country contains towns, so it never does), both are
about the event or the same background period, and they are either compatible or near enough to be
rival reports of one quantity. How much the sentences around two figures must resemble each other
depends on how telling the figure is: a vote tally is one vote, a clock time or a month is shared
by many facts.

Statements link when they are paraphrases, or when they are clearly related, share a participant
that is not the story's setting, and also share what is said about it (content words beyond the
names): sharing a named person is not enough, since one person does and says many things. A quote
meets only the same quote or a close paraphrase of it.

Links are merged strongest first, and a merge is refused when it would put two facets in one
cluster that must not meet (cannot-link constraints) or, for statements, when the two groups are
not close as wholes (average similarity across articles): so that chains through a middle claim
cannot join different facts.

Work stays near-linear in the corpus: alignment runs inside each incident (events), figures are
blocked by category, and statements only meet their nearest neighbours.
"""
from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence

import numpy as np

from auditor import vocab
from auditor.read.claims import initials, is_region, same_entity
from auditor.read import places, quantities
from auditor.read.counts import GROUPS
from auditor.read.figure_context import WHOLE_OF
from auditor.read.figure_scope import ELSEWHERE, is_site, one_site
from auditor.read.intervals import (TIME_POINT_UNITS, gap_ratio, is_clock_time, on_one_clock, overlaps, same_clock,
                                    slip_between)
from auditor.read.windows import comparable_scale, named_days_differ, part_place, same_window, window_kind
from auditor.model import Claim, Cluster, Event, Quantity

log = logging.getLogger(__name__)

# MiniLM cosine bands: paraphrases of one fact sit above ~0.75; sentences of one story about
# different facts mostly between 0.3 and 0.7; so the middle band needs other evidence.
PARAPHRASE = 0.75
RELATED = 0.45
ANY_SIMILARITY = -1.0  # the figure alone says what it measures, however the sentences differ
MIN_RELATED = 0.3  # below this two statements share too little to be one fact, whatever else
RIVAL_FIGURES = 0.5  # two different figures are rival counts of one quantity only in alike sentences
MAX_RIVAL_RATIO = 2.0  # counts more than twice apart are different quantities, not rival reports
SETTING_SHARE = 0.1  # a name in more than a tenth of an incident's claims is its setting
NEIGHBOURS = 8
MAX_DENSE = 4000  # up to this many claims in an incident, their similarities are computed at once
NOT_COMPARED = {None, "money"}
# Statements in the middle band must also say the same thing about the shared party: the
# idf-weighted cosine of their content words (names left out) must reach this.
SHARED_CONTENT = 0.2
# Paraphrases that embed only moderately alike ("The cause of the fire remains under investigation")
# are recognised by their words: this much shared content and at least RELATED similarity.
CLOSE_WORDING = 0.45
# One speaker's statement in two outlets' words: nearly a paraphrase (one speaker says many things
# in one story, so a shared speaker alone is no evidence).
SAME_SPEAKER_PARAPHRASE = 0.7
# Two groups of statements merge only when their cross-article pairs are this similar on average.
GROUP_SIMILARITY = 0.5
# A fact is stated by one article in a sentence or a few (a headline, its lead, a restatement): a group of
# statements holding more of one article's sentences is several facts chained through their likeness.
# (In the hand-made gold of the divergence set, 1,457 of 1,461 agreeing facts have at most two
# sentences of one article and all but one at most three; the seeds' gold has one with three.)
ONE_ARTICLES_STATEMENTS = 3

DISTANCE_THRESHOLD = 1 - PARAPHRASE  # kept for callers of the first version


def cluster_id(claim_ids: Sequence[str], facet: str = "") -> str:
    """Stable id from the member claims' ids (and the figure compared), independent of run order."""
    key = "\0".join(sorted(claim_ids)) + ("\0" + facet if facet else "")
    return "k_" + hashlib.sha1(key.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Facet:
    claim: int  # index into the claims
    quantity: Optional[Quantity]  # None: the claim's statement itself

    @property
    def category(self) -> Optional[str]:
        return self.quantity.category if self.quantity is not None else None


def facets_of(claims: Sequence[Claim]) -> list[Facet]:
    out = []
    for i, c in enumerate(claims):
        out.append(Facet(i, None))
        for q in c.quantities:
            if q.category not in NOT_COMPARED:
                out.append(Facet(i, q))
    return out


# Nouns naming an incident ("the Whitetail Fire", "Hurricane Helene", "Operation X"): the incident's
# own name is its setting, like its place.
_INCIDENT_NOUNS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, vocab.words("incident_nouns")))) + r")\b")


def setting_names(claims: Sequence[Claim]) -> list[str]:
    """Names (places and participants) mentioned in so many claims that they only say what the
    story is about, not which fact a claim states; and the names of the incident itself ("the
    Whitetail Fire") when several articles use them."""
    counts: dict[str, int] = defaultdict(int)
    articles: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        for name in set(_names(c)):
            counts[name] += 1
            articles[name].add(c.article)
    limit = max(2, SETTING_SHARE * len(claims))
    keys = {name: _match_keys(name) for name in counts}
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for name, ks in keys.items():
        for k in ks:
            by_key[k].append(name)
    out = []
    for name, n in counts.items():
        candidates = {other for k in keys[name] for other in by_key[k]}
        merged = sum(counts[other] for other in candidates if same_entity(name, other))
        if merged > limit or (_INCIDENT_NOUNS.search(name) and len(articles[name]) >= 2 and merged >= 2):
            out.append(name)
    return out


def _match_keys(name: str) -> set[tuple]:
    """Keys that two names share whenever `same_entity` accepts them: the name without dots, its
    initials (an acronym of the other, or the same initials with as many words), its last word (a
    surname of the other). Names are then compared with those sharing a key, not with all names."""
    words, ini = name.split(), initials(name)
    keys: set[tuple] = {("abbr", name.replace(".", ""))}
    if ini:
        keys.update({("abbr", ini), ("initials", ini, len(words))})
    if words:
        keys.add(("last", words[-1]))
    return keys


def _names(c: Claim) -> list[str]:
    return [p.lower() for p in c.places] + list(c.entities)


def _specific(names: Sequence[str], setting: Sequence[str]) -> list[str]:
    return [n for n in names if not any(same_entity(n, s) for s in setting)]


# --------------------------------------------------------------------------- pair decisions


def figures_can_meet(a: Facet, b: Facet, claims: Sequence[Claim], setting: Sequence[str]) -> bool:
    """Cannot-link test for two figures: same category and unit, no two different places (a region
    never differs from a town: it may contain it), same scale of time (event vs background), and
    not more than MAX_RIVAL_RATIO apart."""
    if a.quantity is None or b.quantity is None:
        return False
    return figures_compatible(a.quantity, b.quantity, _figure_places(a, claims, setting, _own_place(a, setting)),
                               _figure_places(b, claims, setting, _own_place(b, setting)), _counters(a, b, claims))


def _counters(a: Facet, b: Facet, claims: Sequence[Claim]) -> tuple[Optional[str], Optional[str]]:
    """Who gives each of two crowd counts, when they may count one day's crowd: in one article, or
    in two reports of one incident (alignment runs within each) whose windows do not name different
    days (see rival_counters); else (None, None)."""
    ca, cb = claims[a.claim], claims[b.claim]
    if ca.article != cb.article and named_days_differ(a.quantity.window, b.quantity.window):
        return None, None
    return counter(a.quantity, ca), counter(b.quantity, cb)


def counter(q: Quantity, c: Optional[Claim]) -> Optional[str]:
    """Who gives a figure: its own credit ("30,000 according to the police"), else its claim's source."""
    return q.credited or (_source_name(c.attribution) if c is not None else None)


def rival_counters(qa: Quantity, qb: Quantity, counters: tuple[Optional[str], Optional[str]]) -> bool:
    """Two estimates of one crowd given by different counters (organisers and police), at least one
    of them named: such counts lie several times apart ("700,000 according to the CGT" / "the police
    assure there were 81,000") and are still two counts of one crowd."""
    ka, kb = counters
    if not (quantities.is_estimate(qa.category) or quantities.is_estimate(qb.category)) or not (ka or kb):
        return False  # (either read as a crowd: "around 1.28 million people took part" is one in a group of them)
    if qa.vague or qb.vague:
        return False  # "a few hundred protesters blocked the highway" is no counter's estimate of the crowd
    return not (ka and kb and (same_entity(ka.lower(), kb.lower()) or same_entity(kb.lower(), ka.lower())))


def figures_compatible(qa: Quantity, qb: Quantity, pa: Sequence[str], pb: Sequence[str],
                       counters: tuple[Optional[str], Optional[str]] = (None, None), in_group: bool = False) -> bool:
    """Whether two figures can be reports of one quantity. Figures of two categories must be one value
    in other words (`one_count_in_other_words`) to be linked; inside a group that such a link has
    made, whose figures are then read as one kind, kinds that can name one quantity are enough
    (`in_group`: so that "330,000 jobs" still meets the group of "303,000 jobs" / "303,000 US jobs
    added" as its rival)."""
    if is_clock_time(qa) and is_clock_time(qb):
        if not same_clock(qa, qb):
            return False  # a time in a zone not put on the place's clock, beside a local one
        qa, qb = on_one_clock(qa, qb)
    if qa.unit != qb.unit:
        return False
    if qa.category == qb.category == "date:event" and other_acts(qa.counted, qb.counted):
        return False  # the days of two acts ("attacked on Sunday" / "condemned on Monday")
    if _more_groups(qa, qb) or _more_groups(qb, qa):
        return False  # "181 passengers and crew" counts the 175 passengers and more
    if _other_sex_or_age(qa, qb):
        return False  # "40 women" and "34 children" among one toll: two populations
    if not _parts_meet(qa, qb):
        return False
    if qa.category != qb.category and not (one_count_in_other_words(qa, qb) or bare_measure_of(qa.category, qb.category)
                                           or in_group and _one_kind(qa.category, qb.category)
                                           and qa.second is None and qb.second is None):
        return False
    if quantities.is_estimate(qa.category) and not ((not pa and not pb or _same_place(qa.place, qb.place))
                                                    and _days_may_meet(qa.window, qb.window, qa, qb)):
        # a crowd is counted for one place and one day: a city's crowd is a part of the nation's (an
        # unplaced count may be either, so it meets only another unplaced one, or one placed only in
        # the story's setting, "across France"), and a crowd counted
        # on a named day is not one the report dates only by its own day. (Counters' estimates of
        # one crowd can lie several times apart, but so do different crowds of one protest movement
        # that a report does not place or date: past the usual ratio they are not taken for rivals.)
        return False
    if not places_can_meet(pa, pb) and not quantities.is_physical_measure(qa.category):
        return False  # where a ship or a quake is reported from does not make its length or magnitude another
    if not comparable_scale(qa.window, qb.window):
        return False
    if is_clock_time(qa):
        return True  # hours of a day are no sizes: any two times may be rival reports of one moment
    if _signs_differ(qa, qb):
        return True  # "from 0.1 per cent" / "from minus 0.1pc": one figure with its sign lost or added
    growing = _moving_count(qa) or _moving_count(qb) or rival_counters(qa, qb, counters) \
        or _one_tally(qa, qb) and _one_scope(pa, pb) or slip_between(qa, qb) is not None
    if qa.value and qb.value and max(qa.value, qb.value) / min(qa.value, qb.value) > MAX_RIVAL_RATIO \
            and not quantities.one_per_event(qa.category) and not growing:
        return False  # "at least 10" and "more than 50" overlap, but state different counts
    if qa.second is not None and qb.second is not None and not rival_tallies(qa, qb):
        return False  # a 60-38 procedural vote and the 52-47 final vote are two votes
    return gap_ratio(qa, qb) <= MAX_RIVAL_RATIO or quantities.one_per_event(qa.category) or growing


_SEX_AND_AGE = vocab.table("people_by_sex_and_age")


def _sex_or_age(q: Quantity) -> Optional[str]:
    """The sex or age of the people a figure counts ("women", "children"), by the last word of
    what it counts; None for people of any."""
    words = (q.counted or "").lower().split()
    return _SEX_AND_AGE.get(words[-1]) if words else None


def _other_sex_or_age(qa: Quantity, qb: Quantity) -> bool:
    """The two figures count people of different sex or age ("women" / "children")."""
    ca, cb = _sex_or_age(qa), _sex_or_age(qb)
    return ca is not None and cb is not None and ca != cb


def _signs_differ(qa: Quantity, qb: Quantity) -> bool:
    """Two exact figures of one size on either side of zero (-0.1% / 0.1%)."""
    return qa.value is not None and qb.value is not None and qa.value * qb.value < 0 \
        and abs(qa.value + qb.value) <= 1e-9 * max(1.0, abs(qa.value))


_CALENDAR_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b")


_JOINED = re.compile(r"\s(?:and|&|plus)\s|,")


def _more_groups(qa: Quantity, qb: Quantity) -> bool:
    """The first figure counts groups joined ("passengers and crew") of which the second counts
    one ("passengers"), both exactly: a whole and its part, not two counts of one quantity. (Bounds
    of loosely named things, "at least 140 homes" / "more than 160 homes and outbuildings", stay
    rival estimates of one.)"""
    if not qa.counted or not qb.counted or not _JOINED.search(qa.counted) or _JOINED.search(qb.counted):
        return False
    if qa.low != qa.high or qb.low != qb.high or qa.approximate or qb.approximate:
        return False
    wa = {_stem_word(w) for w in re.findall(r"[a-z]+", qa.counted.lower())} - {"and", "plus"}
    wb = {_stem_word(w) for w in re.findall(r"[a-z]+", qb.counted.lower())}
    return bool(wb) and wb < wa


def forecast_and_outcome(qa: Quantity, qb: Quantity) -> bool:
    """One figure is a forecast ("analysts had expected employers to add 212,000 jobs") and the other
    is not ("employers added 303,000 jobs"): what was expected and what came are two facts, which a
    story sets side by side, not rival reports of one quantity."""
    return (window_kind(qa.window) == "forecast") != (window_kind(qb.window) == "forecast")


def one_count_in_other_words(qa: Quantity, qb: Quantity) -> bool:
    """Two figures read as two categories are still one quantity when the categories can name it
    (`_kinds_meet`) and the figures are one exact value, or one is the other rounded ("$354.8
    million" / "$355 million", "303,000 jobs" / "303,000 US jobs added"). Different values of two
    categories are not rivals: a count of the whole is not a part's ("four attackers were killed"
    / "the death toll rose to 20"), nor are sums named for different things."""
    if qa.second is not None or qb.second is not None or not _one_count_kinds(qa.category, qb.category):
        return False  # a tally is a tally of one vote: its kind says which
    # not bounds that merely meet ("more than 120 people" / "177 terrorists"), nor rival counts
    # ("eight construction workers" / "six presumed dead")
    if not (_exact(qa) and _exact(qb) and (qa.value == qb.value or rounded_alike(qa.value, qb.value))):
        return False
    # a one-digit count recurs across the facts of a story (six dead, six searched for, two churches,
    # two killed in one town): it is one count in two categories only when it counts things named alike
    # (a value with decimals, "8.8%", "3.75 percent", is as rare a coincidence as a large count)
    return qa.value >= 10 or not float(qa.value).is_integer() or bool(qa.counted and qb.counted and _same_counted(qa, qb))


def _exact(q: Quantity) -> bool:
    """A figure that states one number ("1.28 million", "around 1.28 million", "at least 11,300"), not
    a vague one ("thousands") or a range."""
    return q.value is not None and q.value >= 1 and not q.vague


def _one_kind(a: Optional[str], b: Optional[str]) -> bool:
    """Two categories that can name one quantity as figures of it (stricter than `_kinds_meet`,
    which serves for telling figures found in sentences): equal, sums or shares both, or one of them
    bare and a part of the other ("total" / "killed:total", "jobs" / "jobs:job", "security" /
    "killed:security"; not "jobs" / "killed:total", nor people at large and civilians)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    fa, fb = a.split(":", 1)[0], b.split(":", 1)[0]
    if fa in _MEASURE_FAMILIES or fb in _MEASURE_FAMILIES:
        return fa == fb
    if (":" in a) == (":" in b):
        return False
    bare, full = (a, b) if ":" not in a else (b, a)
    return bare in full.split(":", 1)


def _one_count_kinds(a: Optional[str], b: Optional[str]) -> bool:
    """Categories that one count given alike can be read as: kinds of one quantity (`_one_kind`),
    people at large and a group of people, or a group named without what befell it beside an
    outcome of people at large ("49 workers were waiting to be brought to the surface" / "an
    estimated 49 trapped"): the same number of them."""
    if _one_kind(a, b):
        return True
    if a is None or b is None:
        return False
    if {a, b} - PEOPLE_GROUPS == {"total"}:
        return True  # "181 people on board" / "181 passengers and crew": people at large, or a group of them
    if (":" in a) == (":" in b):
        return False
    bare, full = (a, b) if ":" not in a else (b, a)
    return bare in PEOPLE_GROUPS and full.split(":", 1)[0] not in _MEASURE_FAMILIES and quantities.running_tally(full)


# The counted groups (counted_groups.tsv) that are people: what befalls people at large may befall them
PEOPLE_GROUPS = frozenset({"civilians", "security", "militants", "protesters", "inmates", "suspects"})


def rounded_alike(a: Optional[float], b: Optional[float]) -> bool:
    """One value is the other rounded to its own significant digits ("355" million / "354.8" million,
    "11" billion / "11.02" billion): one figure, given more or less exactly. Only values with a
    scale (thousands and up, where a reporter rounds) and two significant digits or more: "10" and
    "14" are two counts."""
    if not a or not b or a == b:
        return bool(a) and a == b
    coarse, fine = (a, b) if _significant_digits(a) <= _significant_digits(b) else (b, a)
    digits = _significant_digits(coarse)
    if coarse < 1000 or digits < 2:
        return False
    return float(f"{fine:.{digits}g}") == coarse


def _significant_digits(v: float) -> int:
    text = f"{v:.12g}".replace(".", "").replace("-", "").lstrip("0")
    if "e" in text:
        text = text.split("e", 1)[0]
    return max(1, len(text.rstrip("0")))


def _calendar_days(window: Optional[str]) -> frozenset:
    """The calendar days a window names ("last January 31" -> {(jan, 31)}): a crowd counted on a
    named day is another day's crowd than one the report dates only by its own day ("on Tuesday")."""
    return frozenset((m.group(1), int(m.group(2))) for m in _CALENDAR_DAY.finditer((window or "").lower()))


def _days_may_meet(wa: Optional[str], wb: Optional[str], qa: Quantity, qb: Quantity) -> bool:
    """Two crowd counts' named days do not part them: the same days, or one undated giving the
    other's count as it is ("1.28 million ... on Tuesday, March 7" / "around 1.28 million took part")."""
    da, db = _calendar_days(wa), _calendar_days(wb)
    named = [bool(d) or bool(_WEEKDAYS.intersection(re.findall(r"[a-z]+", (w or "").lower())))
             for d, w in ((da, wa), (db, wb))]
    return da == db or not all(named) and (overlaps(qa, qb) or rounded_alike(qa.value, qb.value))


_WEEKDAYS = vocab.words("weekdays")


def _same_place(a: Optional[str], b: Optional[str]) -> bool:
    """Both figures unplaced, or placed at one place."""
    if not a or not b:
        return not a and not b
    return same_entity(a.lower(), b.lower())


def _moving_count(q: Quantity) -> bool:
    """A count reported at a moment of a rising tally ("has risen to 4", "earlier ... one had died"):
    the story's later counts may be several times larger and are still reports of it."""
    return q.unit is None and window_kind(q.window) in ("cumulative", "earlier", "later")


def rival_tallies(a: Quantity, b: Quantity) -> bool:
    """Two tallies can be reports of one vote: each side differs by a few votes at most (a misread
    or a late change), not by the swing between two different votes."""
    shift = abs((a.value or 0) - (b.value or 0)) + abs(a.second - b.second)
    return shift <= max(4.0, 0.05 * ((a.value or 0) + a.second))


def _one_tally(qa: Quantity, qb: Quantity) -> bool:
    """Two figures of kinds that name one quantity, one of them an incident's running tally (its
    dead, injured, missing: `quantities.running_tally`), the other that tally or a bare count of people."""
    return _one_kind(qa.category, qb.category) and (
        quantities.running_tally(qa.category) or quantities.running_tally(qb.category))


def _one_scope(pa: Sequence[str], pb: Sequence[str]) -> bool:
    """Two figures are placed alike: at one place, or neither at a place narrower than a region (a
    state, a country) beyond the story's setting. (A district's toll beside a province's, or an
    unplaced one, may be a part of it.)"""
    return bool(pa and pb and _overlap(pa, pb)) or all(is_region(p) for p in (*pa, *pb))


def places_can_meet(pa: Sequence[str], pb: Sequence[str]) -> bool:
    """Two sets of places can be one place: some pair names the same place, or one side names only
    regions (a state, a country) that may contain the other's towns. Two different towns, or two
    different regions, cannot; nor can a figure placed elsewhere than the story meet one that is not."""
    if (ELSEWHERE in pa) != (ELSEWHERE in pb):
        return False  # "170 people elsewhere in the country": outside the place of every other figure
    if not pa or not pb or any(same_entity(x, y) for x in pa for y in pb):
        return True
    if any(x.startswith(WHOLE_OF) for x in (*pa, *pb)):
        return False  # a whole broken down by place is not the figure of one place, nor of other places
    sa, sb = [x for x in pa if is_site(x)], [y for y in pb if is_site(y)]
    if sa and sb:
        # two sites ("the bowling alley", "the bar"): two parts of the incident, unless one kind of spot
        return any(one_site(x, y) for x in sa for y in sb)
    if sa or sb:
        # a site lies in a place named by name ("inside the mine" / "in the mine in Amasra"): where the
        # other side names no other site, the places can be one
        return True
    ra, rb = all(is_region(x) for x in pa), all(is_region(y) for y in pb)
    return ra != rb


def _without_lone_site(places_of: dict[int, list[str]], claims: Sequence[Claim]) -> dict[int, list[str]]:
    """Figures' places, where the incident's reports share one kind of site only ("inside the mine"
    in a mine blast), without it: that site is where the whole incident happened, not a part of it
    as the bowling alley and the bar are of a shooting at both. A kind of site counts as shared
    when two articles or more name it."""
    kinds = {p.split()[-1] for ps in places_of.values() for p in ps if is_site(p)}
    if not kinds:
        return places_of
    shared = {kind for kind in kinds if len({c.article for c in claims
                                             if re.search(rf"\b{re.escape(kind)}\b", c.text.lower())}) >= 2}
    if len(shared) > 1:
        return places_of
    return {k: [p for p in ps if not is_site(p)] for k, ps in places_of.items()}


def _figure_places(f: Facet, claims: Sequence[Claim], setting: Sequence[str], own: Optional[str]) -> list[str]:
    """The specific places of a figure's claim, and the figure's own place (`_own_place`)."""
    claim = claims[f.claim]
    names = _specific([p.lower() for p in claim.places if p not in claim.source_places], setting)
    return list(dict.fromkeys(names + [own] if own else names))


def _own_place(f: Facet, setting: Sequence[str], setting_apart: Sequence[str] = ()) -> Optional[str]:
    """The place the figure's own clause gives it, unless the story is set there. A count's own
    place is kept even so when it is one of several regions the story spans (`setting_apart`: "in
    Mozambique, 20 deaths" is not Malawi's toll, though the cyclone's story is set in both, and
    "200 in Malawi and Mozambique" is the toll of both)."""
    own = f.quantity.place.lower() if f.quantity is not None and f.quantity.place else None
    if not own:
        return None
    parts = own[len(WHOLE_OF):].split(", ") if own.startswith(WHOLE_OF) else [own]
    apart = f.quantity.unit is None and any(same_entity(p, s) for p in parts for s in setting_apart)
    return own if _specific(parts, setting) or apart else None


def regions_apart(setting: Sequence[str]) -> list[str]:
    """The setting's regions (countries, provinces) of which the setting names another that neither
    lies in it nor holds it: a story set in Malawi and Mozambique, not in Valencia and Spain."""
    found = places.resolved([n for n in setting if is_region(n)], towns=False)
    return [n for n, p in found.items()
            if any(not places.within(p, o) and not places.within(o, p) for m, o in found.items() if m != n)]


def _rival_similarity(q: Quantity) -> float:
    """How alike two sentences must be for two different figures of this kind to be rival reports of
    one quantity: a tally is one vote, so any related sentence will do; a point in time is shared by
    many facts of a story, so only a paraphrase will."""
    if quantities.is_physical_measure(q.category):
        return ANY_SIMILARITY  # one quake has one magnitude, one ship one length: the measure names its thing
    if q.unit == "tally":
        return MIN_RELATED  # one vote has one tally
    if q.unit in (*TIME_POINT_UNITS, "percent", "points"):
        return PARAPHRASE  # shares (polls, turnout, containment) vary with who measures and when
    return RIVAL_FIGURES


def _agreeing_similarity(q: Quantity, other: Quantity) -> float:
    """How alike two sentences must be for two compatible figures to be one fact: a vague figure
    (a month, "dozens", "thousands") or a time point says less than an exact count."""
    if quantities.is_physical_measure(q.category):
        return ANY_SIMILARITY
    if is_clock_time(q) and is_clock_time(other):
        # a time of day told within the hour ("about 1:30am", "1:29:39 a.m.") is telling, "Tuesday
        # morning" is not
        exact = all(x.low is not None and x.high is not None and x.high - x.low <= 1 for x in (q, other))
        return MIN_RELATED if exact else RELATED
    if q.unit in TIME_POINT_UNITS:
        exact = q.value is not None and other.value is not None
        return MIN_RELATED if exact else RELATED  # "midnight Friday" is telling, "January" is not
    if q.vague or other.vague:
        return RELATED
    return MIN_RELATED


def figure_link(a: Facet, b: Facet, claims: Sequence[Claim], sim: float, setting: Sequence[str],
                places: Optional[tuple[Sequence[str], Sequence[str]]] = None,
                names: Optional[tuple[Sequence[str], Sequence[str]]] = None) -> Optional[float]:
    """Strength of the evidence that two figures count the same quantity, or None (`places`: the
    two facets' specific places, `names`: their claims' specific names, when the caller has them
    already)."""
    if a.quantity is None or b.quantity is None:
        return None
    pa, pb = places if places is not None else (_figure_places(a, claims, setting, _own_place(a, setting)),
                                                _figure_places(b, claims, setting, _own_place(b, setting)))

    def shared_specific() -> bool:
        na, nb = names if names is not None else (_specific(_names(claims[a.claim]), setting),
                                                  _specific(_names(claims[b.claim]), setting))
        return _overlap(na, nb)

    if not figures_compatible(a.quantity, b.quantity, pa, pb, _counters(a, b, claims)) \
            or forecast_and_outcome(a.quantity, b.quantity):
        return None
    qa, qb = on_one_clock(a.quantity, b.quantity)
    if qa.category == "date:event" and not statements_can_meet(claims[a.claim], claims[b.claim], 1.0):
        return None  # the day of one act by two parties ("the US condemned ... on Tuesday" / "China condemned")
    if overlaps(qa, qb):
        # same category and compatible figures: a check that the sentences are related
        if sim < _agreeing_similarity(qa, qb) and not shared_specific():
            return None
        if (qa.vague or qb.vague) and quantities.running_tally(qa.category):
            # "hundreds of our fellow citizens have succumbed", "buried dozens of bodies": a vague
            # count is no reading of a toll an editor can check, and it draws other acts into its group
            return None
        if (qa.vague or qb.vague) and sim < PARAPHRASE and not _same_counted(qa, qb):
            return None  # "hundreds of thousands of families" is not "about 800,000 federal workers"
        if (qa.vague and not qa.counted or qb.vague and not qb.counted) and sim < PARAPHRASE:
            return None  # "militants who killed dozens": a bare vague figure says too little to place it
        exact = qa.low == qb.low and qa.high == qb.high and qa.second == qb.second
        return sim + (0.3 if exact else 0.2)
    # rival figures: the same quantity only when the sentences report the same thing, or the same
    # act ("has killed two people" / "kills three") in the same window
    ca, cb = claims[a.claim], claims[b.claim]
    needed = _rival_similarity(qa)
    if qa.unit is None and same_window(qa.window, qb.window) and _same_act(ca, cb):
        needed = min(needed, MIN_RELATED)
    if qa.category == "date:event" and qa.counted == qb.counted:
        needed = min(needed, RELATED)  # the day of one act in related sentences ("will consider ... on Saturday")
    if _sex_or_age(qa) is not None and _sex_or_age(qa) == _sex_or_age(qb) and same_window(qa.window, qb.window):
        needed = min(needed, MIN_RELATED)  # the women among one toll, in sentences that list other parts too
    if quantities.is_estimate(qa.category) and (_calendar_days(qa.window) or qa.place and rival_counters(
            qa, qb, _counters(a, b, claims))):
        # one place's crowd on one named day, or counted in one place by two different counters ("there
        # were 81,000", say the police of the 700,000 marchers in Paris): the figure says what it is
        needed = ANY_SIMILARITY
    elif quantities.is_estimate(qa.category) and rival_counters(qa, qb, _counters(a, b, claims)):
        needed = min(needed, RELATED)  # the whole movement's crowd by two counters ("1.28 million" / "3.5 million")
    if sim < needed and not (same_window(qa.window, qb.window) and shared_specific()
                             and not (qa.unit in TIME_POINT_UNITS and _acts_differ(ca, cb))):
        # (two times of a story's acts share its names: "took off from Bangkok shortly after 2 a.m." /
        # "departed from Bangkok ... crashed at around 9am"; only one act's times are rivals)
        return None
    return sim


def _parts_meet(qa: Quantity, qb: Quantity) -> bool:
    """A part of a breakdown by place ("26 dead in Mississippi and one dead in Alabama") meets only
    figures of that place, whatever their values: the same number for the whole incident is
    another quantity."""
    for part, other in ((qa, qb), (qb, qa)):
        place = part_place(part.window)
        if place and place != (other.place or "").lower():
            return False
    return True


def _same_counted(a: Quantity, b: Quantity) -> bool:
    """The two figures count things named alike ("federal workers" / "federal employees" are not
    alike in words, so this only serves for vague figures, which say little else)."""
    if not a.counted or not b.counted:
        return True
    wa = {_stem_word(w) for w in re.findall(r"[a-z]+", a.counted.lower())}
    wb = {_stem_word(w) for w in re.findall(r"[a-z]+", b.counted.lower())}
    return bool(wa & wb)


def _different_acts(a: Claim, b: Claim) -> bool:
    """Both main predicates report known acts, and not the same one ("rail traffic was suspended
    following explosions" / "six people were killed following explosions")."""
    fa, fb = _FAMILY_OF.get(a.predicate or ""), _FAMILY_OF.get(b.predicate or "")
    return fa is not None and fb is not None and fa != fb


def _same_act(a: Claim, b: Claim) -> bool:
    """Both claims' main predicates report one act ("killed" / "kills")."""
    fa, fb = _FAMILY_OF.get(a.predicate or ""), _FAMILY_OF.get(b.predicate or "")
    return fa is not None and fa == fb


def _acts_differ(a: Claim, b: Claim) -> bool:
    """Both claims' main predicates are known and report two acts: not one verb, nor verbs of one
    class or family ("took off" / "crashed"; not "occurred" / "occurred", "killed" / "slain")."""
    if not a.predicate or not b.predicate or a.predicate == b.predicate:
        return False
    return predicate_class(a.predicate) != predicate_class(b.predicate) and not _same_act(a, b)


def statements_can_meet(a: Claim, b: Claim, sim: float) -> bool:
    """Cannot-link test for two statements: not unrelated, and not the same act by different parties
    ("the US condemned ..." / "China condemned ...")."""
    if sim < MIN_RELATED:
        return False
    if a.actors and b.actors and a.predicate and predicate_class(a.predicate) == predicate_class(b.predicate) \
            and not _overlap(a.actors, b.actors):
        return False
    return True


# Verbs that report the same act in news copy; a class is named by its first member.
PREDICATE_CLASSES = [tuple(row[1].split()) for row in vocab.rows("predicate_classes")]
_CLASS_OF = {verb: cls[0] for cls in PREDICATE_CLASSES for verb in cls}


def predicate_class(lemma: Optional[str]) -> Optional[str]:
    return _CLASS_OF.get(lemma or "", lemma)


def other_acts(a: Optional[str], b: Optional[str]) -> bool:
    """Two verbs name two acts when one of them has a class of acts the other is not in ("attacked" /
    "condemned"). Two verbs of no known class may be one act in other words ("marched" / "rallied",
    "erupted" / "its eruption"): the sentences' likeness decides."""
    return a != b and predicate_class(a) != predicate_class(b) and ((a or "") in _CLASS_OF or (b or "") in _CLASS_OF)


def statement_link(a: Claim, b: Claim, sim: float, setting: Sequence[str],
                   content: Optional["Content"] = None,
                   participants: Optional[tuple[Sequence[str], Sequence[str]]] = None) -> Optional[float]:
    """Strength of the evidence that two statements are one fact, or None.

    A paraphrase (embedding similarity >= PARAPHRASE) is one fact. Below that, related statements
    (>= RELATED) need more: close wording (shared content >= CLOSE_WORDING), or a shared specific
    participant that also says the same thing. Sharing a participant is evidence only when the
    participant takes part in both facts: not when it is merely the party a claim is credited to
    ("Tibbs said the House would vote Friday" is a fact about the House), and only when the two
    statements share what they say of it: an act of one family ("condemned" / "reiterated support")
    or content words beyond the names."""
    if not statements_can_meet(a, b, sim):
        return None
    if _figures(a) and _figures(b):
        # both state figures: their figures decide, unless the sentences are paraphrases that give
        # one figure alike ("The eight individuals were part of a work crew" / "all eight people
        # were part of a construction crew") and no figure of one kind differs, or paraphrases whose
        # figures are rival reports of the same quantities ("The fire has destroyed at least 140
        # homes" / "The blaze has destroyed more than 160 homes")
        alike = not _figures_differ(a, b) and sim >= RELATED and _shared_value(a, b)
        if not alike and not (sim >= PARAPHRASE and rival_figures(a, b, setting)) and _figures_related(a, b):
            return None
    if sim >= PARAPHRASE:
        return sim
    if sim < RELATED:
        return None
    if a.quoted and b.quoted and a.attribution and b.attribution and _party(a.attribution) != _party(b.attribution):
        return None  # what two different people said, in words that only resemble each other
    if _different_acts(a, b):
        return None  # "rail traffic was suspended after explosions in Bolan" / "six were killed in Bolan"
    words = content.similarity(a, b) if content is not None else 0.0
    if words >= CLOSE_WORDING:
        return sim + 0.05
    if content is not None and content.shared_figure(a, b) is not None:
        return sim  # related sentences giving one telling figure alike: one fact in other words (merged after
        # links with more evidence, so that it does not pull a claim away from a closer group)
    if words >= SHARED_CONTENT and sim >= SAME_SPEAKER_PARAPHRASE and _same_speaker(a, b):
        return sim + 0.05  # one person's statement reported by two outlets in their own words
    pa, pb = participants if participants is not None else (_participants(a, setting), _participants(b, setting))
    shared = [x for x in pa if any(same_entity(x, y) for y in pb)]
    if not shared:
        return None
    if same_family(a, b):
        return sim + 0.1
    if words >= SHARED_CONTENT and not _both_subject(shared, a, b):
        return sim + 0.1
    return None


def rival_figures(a: Claim, b: Claim, setting: Sequence[str]) -> bool:
    """The two claims' figures can all be reports of the same quantities: some pair of them is of
    kinds that can name one quantity, and every such pair is compatible (`figures_compatible`: same
    scale of time, no two places apart, near enough in size). "14 security personnel were killed" /
    "21 militants were killed" have no such pair; "over 70 people were killed" / "170 attacks
    killing 151 civilians" have one that is too far apart."""
    places_a = _specific([p.lower() for p in a.places], setting)
    places_b = _specific([p.lower() for p in b.places], setting)
    meeting = 0
    for qa in _figures(a):
        for qb in _figures(b):
            if qa.unit != qb.unit or not _kinds_meet(qa.category, qb.category) or _figure_key(qa) is None:
                continue
            if not figures_compatible(qa, qb, places_a, places_b, in_group=True) or forecast_and_outcome(qa, qb):
                return False
            meeting += 1
    return meeting > 0


def _figures_related(a: Claim, b: Claim) -> bool:
    """Some figure of one claim is of a kind related to one of the other's: the same outcome or
    measure ("killed:security" / "killed:militants") or kinds that can name one quantity. When none
    is, the figures belong to different facts of the two sentences ("six workers are presumed dead
    after the bridge collapsed" / "the bridge collapsed around 1:30 a.m."): they say nothing of
    whether the sentences share another fact, which their words then decide."""
    return any(qa.unit == qb.unit and (_family(qa.category) == _family(qb.category) or _kinds_meet(qa.category, qb.category))
               for qa in _figures(a) for qb in _figures(b))


def _family(category: Optional[str]) -> Optional[str]:
    return category.split(":", 1)[0] if category else None


def _figures_differ(a: Claim, b: Claim) -> bool:
    """Some figure of one kind reads differently in the two claims (then they are rival reports,
    which the figures' own links weigh, or different facts)."""
    return any(qa.category == qb.category and qa.unit == qb.unit and not overlaps(qa, qb)
               for qa in _figures(a) for qb in _figures(b))


def _shared_value(a: Claim, b: Claim) -> bool:
    """The claims give one figure alike (the same value in the same unit), whatever each says it counts."""
    return any(qa.value is not None and qa.value == qb.value and qa.unit == qb.unit
               for qa in _figures(a) for qb in _figures(b))


def _same_speaker(a: Claim, b: Claim) -> bool:
    """Both claims are credited to one named person or body ("Rear Adm. Shannon Gilreath told
    reporters" / "Coast Guard Rear Admiral Shannon Gilreath said")."""
    na, nb = _source_name(a.attribution), _source_name(b.attribution)
    if not na or not nb:
        return False
    if same_entity(na, nb) or same_entity(nb, na):
        return True
    wa, wb = set(na.split()), set(nb.split())
    return len(wa & wb) >= 2  # "col roland butler jr and maryland state police" / "roland butler"


def _both_subject(names: Sequence[str], a: Claim, b: Claim) -> bool:
    """A shared participant is the subject of both claims: then only the same act makes them one
    fact ("Tibbs was brief" / "Tibbs can lose only two votes" share words, not an act)."""
    return any(_overlap([n], a.actors) and _overlap([n], b.actors) for n in names)


def _party(source_id: str) -> str:
    return source_id.split("@", 1)[0]


def _participants(c: Claim, setting: Sequence[str]) -> list[str]:
    """The claim's specific names, without the party it is credited to (its speaker)."""
    speaker = _source_name(c.attribution)
    names = _specific(_names(c), setting)
    if speaker:
        names = [n for n in names if not same_entity(n, speaker) and not same_entity(speaker, n)]
    return names


def _source_name(attribution: Optional[str]) -> Optional[str]:
    """ "s_warren-tibbs" -> "warren tibbs": the name behind a canonical source id, if it is one."""
    if not attribution:
        return None
    key = attribution.split("@", 1)[0]
    key = re.sub(r"^[a-z]+_", "", key)
    return key.replace("-", " ").strip() or None


# Families of acts that news copy reports as one fact in other words, verbs and their nouns; wider
# than PREDICATE_CLASSES: a party's reactions to an event (condemning it, mourning its victims,
# pledging support) are reported as one statement of that party.
ACT_FAMILIES = [(row[0], *row[1].split()) for row in vocab.rows("act_families")]
_FAMILY_OF = {w: fam[0] for fam in ACT_FAMILIES for w in fam}


def one_act(a: Optional[str], b: Optional[str]) -> bool:
    """Two verbs report one act: one verb, or verbs of one class or family ("sank" / "capsized",
    "killed" / "slain"); "collapsed" and "resumed" are two acts whatever is known of them."""
    if not a or not b:
        return False
    return predicate_class(a) == predicate_class(b) or _FAMILY_OF.get(a, a) == _FAMILY_OF.get(b, b)


def same_family(a: Claim, b: Claim) -> bool:
    """Whether two claims report an act of one family (by their predicates and content words)."""
    fa = {_FAMILY_OF[w] for w in (*a.terms, a.predicate or "") if w in _FAMILY_OF}
    fb = {_FAMILY_OF[w] for w in (*b.terms, b.predicate or "") if w in _FAMILY_OF}
    return bool(fa & fb)


def _figures(c: Claim) -> list[Quantity]:
    return [q for q in c.quantities if q.category not in NOT_COMPARED]


def _overlap(xs: Sequence[str], ys: Sequence[str]) -> bool:
    return any(same_entity(x, y) for x in xs for y in ys)


# --------------------------------------------------------------------------- content words

_STOP = (vocab.words("match_stop_words") | vocab.words("weekdays") | vocab.words("light_words")
         | vocab.tagged("person_roles", "light"))


def _stem_word(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


_WORDS = re.compile(r"[a-z][a-z'’-]+")


def _figure_key(q: Quantity) -> Optional[tuple]:
    """(value, unit, second) of an exact figure; None for a vague or open figure, a zero, a clock time
    or a date (points in time are shared by many facts of a story)."""
    if q.value is None or q.value <= 0 or q.vague or q.unit in TIME_POINT_UNITS:
        return None
    if q.category and q.category.split(":", 1)[0] in ("date", "time"):
        return None
    return (q.value, q.unit, q.second)


_MEASURE_FAMILIES = ("money", "percent")  # a sum or a share: the word after the colon names what it is of
_ANY_POPULATION = (None, "total", "mixed")
_ANIMALS = "animals"


def _kinds_meet(a: Optional[str], b: Optional[str]) -> bool:
    """Two figures' categories can name one quantity: equal, one of them not placed (None), sums or
    shares both ("money:forfeit" / "money:fine"), or counts whose outcome and population do not
    differ where both are given ("killed:total" / "total", "missing:civilians" / "civilians"; not
    "killed:militants" / "killed:civilians")."""
    if a is None or b is None or a == b:
        return True
    fa, fb = a.split(":", 1)[0], b.split(":", 1)[0]
    if fa in _MEASURE_FAMILIES or fb in _MEASURE_FAMILIES:
        return fa == fb
    if ":" not in a and ":" not in b:
        return a in _ANY_POPULATION or b in _ANY_POPULATION
    if ":" not in a or ":" not in b:  # "jobs" / "jobs:health": the bare one names either part
        bare, full = (a, b) if ":" not in a else (b, a)
        return bare in full.split(":", 1) or bare in _ANY_POPULATION or full.split(":", 1)[1] in _ANY_POPULATION
    (oa, pa), (ob, pb) = _count_parts(a), _count_parts(b)
    if (pa == _ANIMALS) != (pb == _ANIMALS):
        return False  # "77,000 livestock had frozen to death" is no count of the dead of any kind of people
    return (oa is None or ob is None or oa == ob) and (pa in _ANY_POPULATION or pb in _ANY_POPULATION or pa == pb)


def _count_parts(category: str) -> tuple[Optional[str], Optional[str]]:
    """(outcome, population) of a count's category: "killed:security" -> ("killed", "security"),
    "civilians" -> (None, "civilians"), "jobs:health" -> ("jobs", "health")."""
    parts = category.split(":", 1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return (None, parts[0]) if parts[0] in _POPULATIONS else (parts[0], None)


_POPULATIONS = frozenset(GROUPS.values()) | {"total", "mixed", "security"}


class Content:
    """Content words of each claim of one incident (names, stop words and reporting words left out),
    weighted by how rare they are in the incident, to tell whether two statements say the same thing."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.bags: dict[str, dict[str, float]] = {}
        raw: dict[str, set[str]] = {}
        df: dict[str, int] = defaultdict(int)
        for c in claims:
            if c.terms:
                words = set(c.terms)
            else:  # claims built without a parse: words of the text, without names and stop words
                name_words = {w for n in _names(c) + list(c.actors) for w in re.findall(r"[a-z]+", n.lower())}
                words = {_stem_word(w.strip("'’-")) for w in _WORDS.findall(c.text.lower().replace("’", "'"))}
                words = {w for w in words if len(w) > 2 and w not in _STOP and w not in name_words
                         and _stem_word(w) not in name_words}
            raw[c.id] = words
            for w in words:
                df[w] += 1
        n = max(1, len(claims))
        # how many claims of the incident give each figure (value and unit): a figure given by few
        # claims tells which fact a sentence states; one given by many ("two", a year) does not
        self.figure_claims: dict[tuple, int] = defaultdict(int)
        for c in claims:
            for key in {_figure_key(q) for q in c.quantities if _figure_key(q) is not None}:
                self.figure_claims[key] += 1
        self.common_figure = max(2.0, SETTING_SHARE * n)
        for cid, words in raw.items():
            self.bags[cid] = {w: math.log((n + 1) / df[w]) for w in words}
        self.norms = {cid: math.sqrt(sum(v * v for v in bag.values())) or 1.0 for cid, bag in self.bags.items()}

    def shared_figure(self, a: Claim, b: Claim) -> Optional[Quantity]:
        """A figure both claims give alike and few claims of the incident give, read in two ways: the
        same value in the same unit, counting things of one family but not placed in one category
        ("employers added 303,000 positions" / "303,000 jobs", "forfeit $11 billion" / "fined $11
        billion"), in windows that do not set the figures apart (a 2017 share is not a 2024 one).
        Figures of one category meet as figures already (figure_link)."""
        for qa in a.quantities:
            key = _figure_key(qa)
            if key is None or self.figure_claims.get(key, 0) > self.common_figure:
                continue
            for qb in b.quantities:
                if qa.category == qb.category and qa.category is not None:
                    continue  # the two figures meet as figures (figure_link) where they are one quantity
                if _figure_key(qb) != key or not _kinds_meet(qa.category, qb.category) \
                        or not comparable_scale(qa.window, qb.window):
                    continue
                if (qa.category is None and qb.category is None or qa.value < 10 and qa.value == int(qa.value)) \
                        and not (qa.counted and qb.counted and _same_counted(qa, qb)):
                    # a number read as neither side's count ("10 Downing Street", "Section 144"), or a
                    # one-digit count (written in words, and recurring across the facts of a story:
                    # two cities, two churches, two survivors) says which fact only with what it counts
                    continue
                return qa
        return None

    def similarity(self, a: Claim, b: Claim) -> float:
        """Cosine of the two claims' weighted content words; 0 unless they share at least two (one
        shared word says little: "The vote was 52-47" / "two Republicans voted no")."""
        ba, bb = self.bags.get(a.id, {}), self.bags.get(b.id, {})
        if not ba or not bb or len(ba.keys() & bb.keys()) < 2:
            return 0.0
        dot = sum(v * bb[w] for w, v in ba.items() if w in bb)
        return dot / (self.norms[a.id] * self.norms[b.id])


# --------------------------------------------------------------------------- clustering


JOIN, NOT_YET, NEVER = "join", "not yet", "never"  # verdicts on joining two groups


class _Groups:
    """Union-find over facets that joins two groups only when `judge` says JOIN. NOT_YET (the
    groups are not close as wholes) may change as groups grow; NEVER (a pair across them must not
    meet: a cannot-link constraint) cannot, since groups only grow and keep that pair, so it is
    remembered and the groups, or the groups they grow into, are never judged again."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.never: dict[int, set[int]] = defaultdict(set)  # root -> roots it must not join

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, i: int, j: int, judge: Callable[[list[int], list[int]], str]) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if rj in self.never.get(ri, ()):
            return False
        verdict = judge(self.members[ri], self.members[rj])
        if verdict == NEVER:
            self.never[ri].add(rj)
            self.never[rj].add(ri)
        if verdict != JOIN:
            return False
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.members[ri].extend(self.members.pop(rj))
        apart = self.never.pop(rj, set())
        for k in apart:
            self.never[k].discard(rj)
            self.never[k].add(ri)
        if apart:
            self.never[ri] |= apart
        return True


def align_event(claims: Sequence[Claim], vectors: np.ndarray, idxs: Sequence[int],
                event_id: Optional[str]) -> list[Cluster]:
    """Clusters of one incident's claims: candidate links between figures and between statements,
    merged strongest first under the cannot-link constraints, then read off as clusters."""
    local = [claims[i] for i in idxs]
    if not local:
        return []
    ctx = _Incident(local, vectors[list(idxs)] if len(vectors) else np.zeros((len(local), 1), dtype=np.float32))
    links = figure_links(ctx) + statement_links(ctx)
    groups = _Groups(len(ctx.facets))
    judge = _judge(ctx)
    for score, x, y in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        groups.merge(x, y, judge)
    return clusters_of(ctx, groups, event_id)


class _Incident:
    """What the phases of aligning one incident share: its claims, their vectors and similarities,
    the incident's setting (names too common to tell facts apart), content words, facets, and each
    figure's specific places."""

    def __init__(self, local: Sequence[Claim], V: np.ndarray) -> None:
        self.local = list(local)
        self.V = V
        self.setting = setting_names(local)
        self.content = Content(local)
        self.facets = facets_of(local)
        self.sims = V @ V.T if len(local) <= MAX_DENSE else None
        self.article_of = np.array([hash(c.article) for c in local])
        apart = regions_apart(self.setting)
        self.own_place = {k: _own_place(f, self.setting, apart) for k, f in enumerate(self.facets) if f.quantity is not None}
        self.places_of = _without_lone_site({k: _figure_places(f, local, self.setting, self.own_place[k])
                                             for k, f in enumerate(self.facets) if f.quantity is not None}, local)
        self.specific = [_specific(_names(c), self.setting) for c in local]

    def sim(self, i: int, j: int) -> float:
        return float(self.sims[i, j]) if self.sims is not None else float(self.V[i] @ self.V[j])

    def block(self, xs: Sequence[int], ys: Sequence[int]) -> np.ndarray:
        return self.sims[np.ix_(xs, ys)] if self.sims is not None else self.V[list(xs)] @ self.V[list(ys)].T


def _clauses_apart(ctx: _Incident, x: int, y: int) -> bool:
    """Two figures of one sentence that count different things: placed apart by their own clauses
    ("190 killed, while authorities in neighbouring Mozambique reported 20 deaths"), or people of
    another sex or age ("including 40 women and 34 children")."""
    return ctx.own_place[x] != ctx.own_place[y] or _other_sex_or_age(ctx.facets[x].quantity, ctx.facets[y].quantity)


def figure_links(ctx: _Incident) -> list[tuple[float, int, int]]:
    """Scored links between figures of different articles, blocked by category (a measure the
    event has once meets every other report of it; counts only those near enough in size)."""
    by_category: dict[str, list[int]] = defaultdict(list)
    for k, f in enumerate(ctx.facets):
        if f.quantity is not None:
            by_category[f.category].append(k)
    links = []
    for x, y in _figure_pairs(by_category, ctx.facets):
        a, b = ctx.facets[x], ctx.facets[y]
        ca, cb = ctx.local[a.claim], ctx.local[b.claim]
        if ca.article == cb.article:
            if ca.sentence == cb.sentence and a.claim != b.claim and a.quantity.unit == b.quantity.unit \
                    and a.category == b.category and not _clauses_apart(ctx, x, y):
                # two clauses of one sentence giving a figure of one kind ("five gunmen were
                # eliminated, while the governor reported six bandits had been liquidated")
                links.append((ctx.sim(a.claim, b.claim), x, y))
            continue
        score = figure_link(a, b, ctx.local, ctx.sim(a.claim, b.claim), ctx.setting,
                            (ctx.places_of[x], ctx.places_of[y]), (ctx.specific[a.claim], ctx.specific[b.claim]))
        if score is not None:
            links.append((score, x, y))
    return links


def _figure_pairs(by_category: dict[str, list[int]], facets: Sequence[Facet]) -> Iterator[tuple[int, int]]:
    """Candidate pairs of figures: within each category (a measure the event has once meets every
    other report of it; counts only those near enough in size), and across two categories that can
    name one quantity (`_one_kind`: "11,300 people" / "the toll soared to 11,300", "fined $354.8
    million" / "must pay $355 million"), only between figures of one value give or take rounding
    (`one_count_in_other_words`). Categories are few in an incident, so the pairs of categories are
    too; figures are never paired across all categories."""
    for category, members in by_category.items():
        yield from _all_pairs(members) if quantities.one_per_event(category) else _rival_pairs(members, facets)
    for bare, kinds in _kinds_of_bare_measures(by_category).items():
        for kind in kinds:  # "its rate" / "its key interest rate": the bare noun may be the named one
            side = set(by_category[bare])
            for x, y in _rival_pairs(sorted(side | set(by_category[kind])), facets):
                if (x in side) != (y in side):
                    yield x, y
    categories = sorted(by_category)
    for k, ca in enumerate(categories):
        for cb in categories[k + 1:]:
            if not _one_count_kinds(ca, cb) or quantities.one_per_event(ca) or quantities.one_per_event(cb):
                continue
            yield from _same_value_pairs(by_category[ca], by_category[cb], facets)


def bare_measure_of(a: Optional[str], b: Optional[str]) -> bool:
    """A share named by its noun alone ("percent:rate") and one that names which of its kind it is
    ("percent:interest rate"): the bare one may be that one."""
    if not a or not b or not a.startswith("percent:") or not b.startswith("percent:"):
        return False
    wa, wb = a.split(":", 1)[1].split(), b.split(":", 1)[1].split()
    return (len(wa) == 1 and len(wb) == 2 and wb[-1] == wa[0]) or (len(wb) == 1 and len(wa) == 2 and wa[-1] == wb[0])


def _kinds_of_bare_measures(by_category: dict[str, list[int]]) -> dict[str, list[str]]:
    """Each bare share's category with the categories that name a kind of it (see `bare_measure_of`)."""
    bares = [c for c in by_category if c.startswith("percent:") and len(c.split(":", 1)[1].split()) == 1]
    kinds = {bare: [kind for kind in by_category if bare_measure_of(bare, kind)] for bare in bares}
    return {bare: named for bare, named in kinds.items() if named}


# Two values read as one when one is the other rounded to two significant digits or more: at most
# half a unit of the second digit apart (10.5 / 10), so candidates are swept within this ratio.
ROUNDING_RATIO = 1.05


def _same_value_pairs(xs: Sequence[int], ys: Sequence[int], facets: Sequence[Facet]) -> Iterator[tuple[int, int]]:
    """Pairs (x, y), x < y, one figure of `xs` and one of `ys`, whose values are equal or one may be
    the other rounded: values are swept in order, each meeting the values up to ROUNDING_RATIO above it."""
    side = {m: 0 for m in xs} | {m: 1 for m in ys}
    ordered = sorted((m for m in side if (facets[m].quantity.value or 0) >= 1), key=lambda m: facets[m].quantity.value)
    for k, x in enumerate(ordered):
        top = facets[x].quantity.value * ROUNDING_RATIO
        for y in ordered[k + 1:]:
            if facets[y].quantity.value > top:
                break
            if side[x] != side[y]:
                yield (x, y) if x < y else (y, x)


def statement_links(ctx: _Incident) -> list[tuple[float, int, int]]:
    """Scored links between statements: each claim with its nearest neighbours in other articles."""
    statement_facet = {f.claim: k for k, f in enumerate(ctx.facets) if f.quantity is None}
    participants = [_participants(c, ctx.setting) for c in ctx.local]
    article = [c.article for c in ctx.local]
    links = []
    for i, order, nearest in _nearest(ctx.sims, ctx.V, 4 * NEIGHBOURS + 8):
        taken = 0
        for j, similarity, unrelated in zip(order.tolist(), nearest.tolist(), (nearest < MIN_RELATED).tolist()):
            if taken >= NEIGHBOURS or unrelated:
                break
            if j == i or article[j] == article[i]:
                continue
            taken += 1
            score = statement_link(ctx.local[i], ctx.local[j], similarity, ctx.setting, ctx.content,
                                   (participants[i], participants[j]))
            if score is not None:
                links.append((score, statement_facet[i], statement_facet[j]))
    return links


def _judge(ctx: _Incident) -> Callable[[Sequence[int], Sequence[int]], str]:
    """The verdict on joining two groups of facets: NEVER when a pair across them breaks a
    cannot-link constraint; for statements, NOT_YET unless the groups' cross-article pairs are close
    on average (average linkage)."""
    facets, local = ctx.facets, ctx.local

    def figures_meet(x: int, y: int) -> bool:
        a, b = facets[x], facets[y]
        if local[a.claim].article == local[b.claim].article:
            if is_clock_time(a.quantity) and is_clock_time(b.quantity):
                # one article's two times are one moment only as one instant in two clocks ("7:58 a.m.
                # local time on Wednesday (11:58 p.m. GMT on Tuesday)"); else two moments of its timeline
                qa, qb = on_one_clock(a.quantity, b.quantity)
                return same_clock(qa, qb) and None not in (qa.low, qa.high, qb.low, qb.high) \
                    and abs((qa.low + qa.high) - (qb.low + qb.high)) / 2 < 1 / 60  # the times as written, not hedged
            if local[a.claim].sentence == local[b.claim].sentence and _clauses_apart(ctx, x, y) \
                    or _other_sex_or_age(a.quantity, b.quantity):
                return False
            return a.quantity.unit == b.quantity.unit and (a.category == b.category or _one_kind(a.category, b.category))
        return figures_compatible(a.quantity, b.quantity, ctx.places_of[x], ctx.places_of[y], _counters(a, b, local),
                                  in_group=True) and not forecast_and_outcome(a.quantity, b.quantity)

    def judge(xs: Sequence[int], ys: Sequence[int]) -> str:
        if (facets[xs[0]].quantity is None) != (facets[ys[0]].quantity is None):
            return NEVER
        if facets[xs[0]].quantity is not None:
            return JOIN if all(figures_meet(x, y) for x in xs for y in ys) else NEVER
        cx, cy = [facets[x].claim for x in xs], [facets[y].claim for y in ys]
        if max(Counter(local[c].article for c in cx + cy).values()) > ONE_ARTICLES_STATEMENTS:
            return NEVER  # one article states one fact in a few sentences, not in many
        m = ctx.block(cx, cy)
        cross = ctx.article_of[cx][:, None] != ctx.article_of[cy][None, :]
        if (m[cross] < MIN_RELATED).any():
            return NEVER
        acting_x = [x for x in cx if local[x].actors and local[x].predicate]
        acting_y = [y for y in cy if local[y].actors and local[y].predicate]
        for x in acting_x:  # the same act by different parties is not one fact
            for y in acting_y:
                if local[x].article != local[y].article and not statements_can_meet(local[x], local[y], 1.0):
                    return NEVER
        if len(xs) == 1 and len(ys) == 1 or not cross.any():
            return JOIN
        return JOIN if float(m[cross].mean()) >= GROUP_SIMILARITY else NOT_YET

    return judge


def clusters_of(ctx: _Incident, groups: _Groups, event_id: Optional[str]) -> list[Cluster]:
    """The groups that span two articles or more as clusters, and every claim left out as a
    single-source cluster of its own."""
    local, facets = ctx.local, ctx.facets
    clusters: list[Cluster] = []
    linked_claims: set[int] = set()
    for root, members in groups.members.items():
        claim_idx = sorted({facets[m].claim for m in members})
        articles = sorted({local[i].article for i in claim_idx})
        if len(articles) < 2:
            continue
        linked_claims.update(claim_idx)
        category = _cluster_category([facets[m] for m in members], local)
        ids = tuple(local[i].id for i in claim_idx)
        clusters.append(Cluster(id=cluster_id(ids, category or ""), claims=ids, verdict="agree", event=event_id,
                                label=_label(local, claim_idx, category), category=category,
                                articles=tuple(articles)))
    for i, c in enumerate(local):
        if i not in linked_claims:
            clusters.append(Cluster(id=cluster_id((c.id,)), claims=(c.id,), verdict="single-source", event=event_id,
                                    label=_label(local, [i], None), articles=(c.article,)))
    return clusters


def _cluster_category(members: Sequence[Facet], claims: Sequence[Claim]) -> Optional[str]:
    """The category a cluster of figures is compared by: the one the most articles read its figures
    as (figures of kinds that meet may be read in other words: "total" / "killed:total")."""
    articles: dict[Optional[str], set[str]] = defaultdict(set)
    for f in members:
        articles[f.category].add(claims[f.claim].article)
    return max(articles, key=lambda c: len(articles[c]))  # the first facet's on a tie


def _all_pairs(members: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Every pair of a measure the event has once (few per incident: a magnitude, a depth)."""
    for k, x in enumerate(members):
        for y in members[k + 1:]:
            yield (x, y) if x < y else (y, x)


def _rival_pairs(members: Sequence[int], facets: Sequence[Facet]) -> Iterator[tuple[int, int]]:
    """The pairs (x, y), x < y, of the figure facets `members` that may be rival reports of one
    quantity: all pairs but those of two positive values more than MAX_RIVAL_RATIO apart, which
    `figures_compatible` refuses unless one of them is a rising toll. Positive values are swept in order, each meeting the values up
    to that ratio above it, so figures of very different sizes are never paired up."""
    def value(m: int) -> float:
        return facets[m].quantity.value

    # a toll of people reported at a moment of its rise meets every other count of its kind, as
    # figures_compatible lets it ("one person had died" early on, "the toll rose to nine" later);
    # other running counts (seats declared so far) are bounded by their whole
    def rising_toll(m: int) -> bool:
        q = facets[m].quantity
        return quantities.running_tally(q.category) or _moving_count(q) and q.category is not None \
            and ":" in q.category and q.category.split(":", 1)[0] not in _MEASURE_FAMILIES  # an outcome of a population

    def swept(m: int) -> bool:  # a time of day is no size: it meets every other time
        return (value(m) or 0) > 0 and not rising_toll(m) and not is_clock_time(facets[m].quantity)

    positive = sorted((m for m in members if swept(m)), key=value)
    others = [m for m in members if not swept(m)]
    for k, x in enumerate(positive):
        for y in positive[k + 1:]:
            if value(y) / value(x) > MAX_RIVAL_RATIO:  # max / min, and it only grows from here
                break
            yield (x, y) if x < y else (y, x)
    # two counters' estimates of one place's crowd lie several times apart (see rival_counters):
    # crowds are blocked by their place instead, which few figures share
    crowds: dict[str, list[int]] = defaultdict(list)
    for m in positive:
        q = facets[m].quantity
        if q.place and quantities.is_estimate(q.category):
            crowds[q.place.lower()].append(m)
    for placed in crowds.values():
        for k, x in enumerate(placed):
            for y in placed[k + 1:]:
                if value(y) / value(x) > MAX_RIVAL_RATIO:
                    yield (x, y) if x < y else (y, x)
    for k, x in enumerate(others):
        for y in positive + others[k + 1:]:
            yield (x, y) if x < y else (y, x)
    yield from _slipped_pairs(positive, facets)


def _slipped_pairs(members: Sequence[int], facets: Sequence[Facet]) -> Iterator[tuple[int, int]]:
    """Pairs of figures more than MAX_RIVAL_RATIO apart where one is the other mistyped
    (`slip_between`: "58" / "658", "$75" / "$75 million"), found by keys (the digits with one
    dropped; the value at a smaller scale) instead of by comparing every pair."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for m in members:
        q = facets[m].quantity
        digits = re.sub(r"\D", "", q.text)
        by_key[("digits", digits)].append(m)
        by_key[("value", round(q.value, 6))].append(m)
    seen = set()
    for m in members:
        q = facets[m].quantity
        digits = re.sub(r"\D", "", q.text)
        keys = [("digits", digits[:i] + digits[i + 1:]) for i in range(len(digits))]
        keys += [("digits", digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]) for i in range(len(digits) - 1)]
        keys += [("value", round(q.value / 1000.0 ** k, 6)) for k in (1, 2, 3)]
        for other in (o for key in keys for o in by_key.get(key, ())):
            pair = (m, other) if m < other else (other, m)
            lo, hi = sorted((q.value, facets[other].quantity.value))
            if other == m or pair in seen or hi <= lo * MAX_RIVAL_RATIO:
                continue  # (figures near in size are paired by the sweep already)
            seen.add(pair)
            if slip_between(q, facets[other].quantity):
                yield pair


def _nearest(sims: Optional[np.ndarray], V: np.ndarray, k: int,
             chunk: int = 256) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """(i, the indices of row i's k largest similarities, most similar first, and those
    similarities) for each row of the similarities `sims`, or of V @ V.T row by row when they are
    not computed at once. Rows are selected a chunk at a time: one numpy call per chunk, not per row."""
    n = len(V)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        rows = sims[start:stop] if sims is not None else np.stack([V @ V[i] for i in range(start, stop)])
        top = min(n, k)
        if top < n:
            order = np.argpartition(-rows, top - 1, axis=1)[:, :top]
        else:
            order = np.broadcast_to(np.arange(n), rows.shape)
        values = np.take_along_axis(rows, order, axis=1)
        ranked = np.argsort(-values, axis=1, kind="stable")
        order, values = np.take_along_axis(order, ranked, axis=1), np.take_along_axis(values, ranked, axis=1)
        for r in range(len(rows)):
            yield start + r, order[r], values[r]


def _label(claims: Sequence[Claim], idxs: Sequence[int], category: Optional[str]) -> str:
    if category:
        places = sorted({q.place for i in idxs for q in claims[i].quantities if q.category == category and q.place})
        return category + (f" ({', '.join(places)})" if places else "")
    text = claims[idxs[0]].text
    return text if len(text) <= 80 else text[:77] + "..."


def cluster_order(cluster: Cluster) -> tuple[bool, str]:
    """The order of clusters in an audit: shared facts first, then single-source ones, each by id."""
    return (cluster.verdict == "single-source", cluster.id)


def align(claims: Sequence[Claim], vectors: np.ndarray, events: Sequence[Event],
          threshold: float = DISTANCE_THRESHOLD) -> tuple[Cluster, ...]:
    """Clusters of claims, one incident at a time; verdicts are refined by the compare stage."""
    event_of = {a: e.id for e in events for a in e.articles}
    by_event: dict[Optional[str], list[int]] = {}
    for i, c in enumerate(claims):
        by_event.setdefault(event_of.get(c.article), []).append(i)
    clusters: list[Cluster] = []
    for event_id, members in by_event.items():
        clusters.extend(align_event(claims, vectors, members, event_id))
    clusters.sort(key=cluster_order)
    log.info("aligned %d claims into %d clusters (%d shared)", len(claims), len(clusters),
             sum(c.verdict != "single-source" for c in clusters))
    return tuple(clusters)
