"""Figures in a claim as intervals, with what they count, where, and over what time window.

Why intervals: news figures come hedged ("at least 23", "more than 70", "nearly 50", "dozens"),
and two reports only contradict each other when their intervals cannot both hold. Why the parse:
what a number counts ("security personnel"), what happened to it (killed, injured, torched)
and when ("on Saturday", "over the past 48 hours", "in total") sit in the dependency tree around
the number, not at a fixed distance in the text.

Categories are "<outcome>:<group>", e.g. ``killed:security``, ``killed:civilians``,
``injured:total``, ``burned:vehicles``; a group alone (``militants``) when nothing happened to it
that the lexicon knows. For outcomes that befall a whole population (evacuations) the outcome
decides and residents and people are one group. The lexicons (auditor/vocab/counted_groups.tsv,
outcome_words.tsv, money_classes.tsv) are general news vocabulary, not words of one story.

Besides counts, a claim states figures with a unit (``Quantity.unit``), each compared only with
figures of the same unit:
- tallies ("voted 52-47", "a 6-3 ruling", "314 to 117"): one figure of two numbers, ``tally``;
- sums of money ("nearly $1.2 trillion"), classed by what they pay for (``money:bill``,
  ``money:aid``, ``money:change`` for "raise spending by $38 billion"); a figure written with a
  scale word stands for its rounding interval ("$1.2 trillion" is 1.15 to 1.25 trillion);
- measures converted to one unit per dimension: speeds in mph ("50 miles per hour", "80 km/h"),
  areas in acres ("5,000 hectares"), shares in percent, each with what it measures
  (``speed:wind``, ``burned:area``, ``percent:contain``);
- points in time a claim states as facts: the end of a period ("open through Jan. 29",
  "through the end of January": ``time:until``) and clock times or deadlines ("before a
  midnight Friday deadline": ``time:at``), as hours of the story's week or days of the year.
Figures inside a conditional clause ("If the House fails to act by midnight Friday, ...") are
hypotheses and are left out.

Some counts are measures of a thing rather than of what befell people: a document's length in pages
("a 93-page opinion": ``length:judgment``), a place's population ("home to about 100,000 people":
``population``), and a crowd (``protested:total``), an estimate of one place on one day that
counters (police, organisers) give differently. A figure's own phrase can date it ("the 1.27
million estimated ... on January 31") and credit it ("2.8 million (according to the unions)":
``Quantity.credited``).
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional

from auditor import vocab
from auditor.read import dates, figure_context, measures
from auditor.model import Quantity

from auditor.read.intervals import (  # noqa: E402,F401  (the figures' interval logic, kept importable from here)
    APPROX_SHARE, INF, _CURRENCIES, _MONTH_DAYS, _QUALIFIERS, _bounds, _fmt, _fmt_day, _fmt_money, _fmt_week, describe, gap_ratio, interval,
    overlaps)
from auditor.read.numbers import (  # noqa: E402,F401
    _DECIMAL_COMMA, _DIGITS, _MULTIPLIERS, _SCALE_ABBREV, _SCALES, _TENS, _UNITS, _VAGUE, _VAGUE_TENS, parse_number, vague_interval)


# --------------------------------------------------------------------------- lexicons (lemmas)

GROUPS: dict[str, str] = vocab.table("counted_groups")  # lemma -> group

# Words that say what happened to the counted people or things.
OUTCOMES: dict[str, str] = vocab.table("outcome_words")  # word -> outcome
# Outcomes that befall a whole population: who they befall ("residents", "people") does not make
# two counts different quantities, unlike a death toll's civilians and security forces.
POPULATION_OUTCOMES = {"displaced", "protested"}
# Counts that are estimates of a crowd, for one place and one day: a city's crowd is a part of the
# nation's, and a movement's crowds of different days are different crowds (see align).
ESTIMATED_OUTCOMES = {"protested"}
# Nouns for events counted as such ("1,000 protests", "two marches"), not for people.
_EVENT_OUTCOMES = {"protested"}
# States a group is in, named by a noun after a preposition: "under evacuation orders", "in custody".
_STATE_PREPOSITIONS = {"under", "in", "into"}
_STATE_VERBS = {"be", "remain", "stay", "receive", "face", "get"}
_STATE_NOUNS = {"evacuation", "custody"}

_REPORTING = vocab.words("reporting_verbs_neutral") | {"accord"}  # "according to X"
_CUMULATIVE = ("in total", "in all", "overall", "so far", "to date", "altogether", "cumulative", "total toll",
               "since the start", "since the beginning")
_CUMULATIVE_CUES = tuple((cue, re.compile(rf"\b{re.escape(cue)}\b")) for cue in _CUMULATIVE)  # in this order
_ANY_CUMULATIVE = re.compile(r"\b(?:" + "|".join(re.escape(cue) for cue in _CUMULATIVE) + r")\b")  # one search for most texts
_LATEST = re.compile(r"\blatest\b")
_INCREMENT = ("additional", "more", "further", "fresh", "new", "extra")  # "22 more militants"; the first found names it
# Words of time a number may modify ("two days", "Friday's 12"): not what the figure counts.
_TIME_WORDS = vocab.words("weekdays") | vocab.words("months") | vocab.words("time_units") | {
    "yesterday", "today", "tonight", "night", "weekend", "decade", "decades", "morning", "evening", "afternoon"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_COUNT_NOUNS = ("toll", "tally", "number", "count")  # nouns that name a count: "the toll", "the number of"
_PLACE_NOUNS = vocab.words("place_generics")
_LOCATIVE = vocab.words("locative_prepositions")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERCENT", "QUANTITY"}


# --------------------------------------------------------------------------- extraction


def extract(doc, base: int, start: int = 0, end: Optional[int] = None) -> tuple[Quantity, ...]:
    """The figures of `doc` (a spaCy parse of text that begins at article offset `base`) whose
    number lies in article offsets [start, end): counts, tallies ("52-47"), measures with a unit
    (money, speeds, areas, percentages) and the points in time a claim states ("through Jan. 29",
    "at midnight Friday"). Years, bare dates, ordinals, and durations ("48 hours") are left out."""
    text = doc.text  # joined from the tokens on every access
    end = base + len(text) if end is None else end
    spans: list[_Num] = []
    used: set[int] = set()
    for tok in doc:
        if tok.i in used or not (start <= base + tok.idx < end):
            continue
        found = _number_at(doc, tok)
        if found is None:
            continue
        used.update(range(found.first, max(found.last, found.unit_end or found.last) + 1))
        spans.append(found)
    if spans:
        spans = sorted(spans + [n for n in _counts_of_one(doc, spans) if start <= base + doc[n.first].idx < end],
                       key=lambda n: n.first)
    out: list[Quantity] = []
    baselines: list[int] = []
    for num in spans:
        others = [doc[n.value_first] for n in spans if n is not num]
        q = _build(doc, text, base, num, others)
        if q is not None and q.unit in _CURRENCIES and _per_member(doc, num):
            # "$4 million each" for two sons is $8 million for both: the sum for each is never the
            # figure of the whole, which is the sum times the members counted, when they are
            total = _members_total(doc, num, q)
            q = replace(q, category=f"{q.category}:each")
            if total is not None:
                out.append(total)
        if q is not None:
            if q.category is None and q.counted is None and q.unit is None and _compared_with(doc[num.last]):
                baselines.append(len(out))
            out.append(q)
    out = [_with_noun(q, doc, base) if q.text.lower() in ("a", "an") else q for q in out]
    out = _baselines_take_their_kind(out, baselines)
    out = figure_context.parts_and_wholes(text, base, figure_context.without_retracted(text, base, out))
    out.extend(times(text, base, start, end))
    out.extend(dates.event_dates(doc, base, start, end))
    if out:  # most claims have no figure: no conditional clause to look for
        conditions = _conditional_ranges(doc)
        out = [q for q in out if not any(a <= q.start - base < b for a, b in conditions)]
    return _inherit_groups(tuple(sorted(out, key=lambda q: q.start)))


def _list_siblings(noun) -> list:
    """The other nouns of the list a noun stands in: its conjuncts and appositions, either way
    ("two Orthodox churches, a synagogue, and a police post" is parsed with appositions)."""
    seen, todo = {noun.i}, [noun]
    while todo:
        t = todo.pop()
        near = [c for c in t.children if c.dep_ in ("conj", "appos")]
        if t.dep_ in ("conj", "appos"):
            near.append(t.head)
        for n in near:
            if n.i not in seen and n.pos_ in ("NOUN", "PROPN"):
                seen.add(n.i)
                todo.append(n)
    return [noun.doc[i] for i in sorted(seen) if i != noun.i]


def _counts_of_one(doc, spans: list["_Num"]) -> list["_Num"]:
    """A noun with the indefinite article in a list of counts is a count of one: "the gunmen targeted
    two Orthodox churches, a synagogue, and a police post" counts one synagogue (as "two
    synagogues" counts two). Outside such a list "a synagogue" names a thing, not a figure."""
    numbered = {doc[n.last].head.i for n in spans if doc[n.last].dep_ == "nummod"}
    if not numbered:
        return []
    out = []
    for det in doc:
        noun = det.head
        if det.dep_ != "det" or det.lower_ not in ("a", "an") or noun.pos_ != "NOUN" or noun.i in numbered:
            continue
        if any(s.i in numbered for s in _list_siblings(noun)):
            out.append(_Num(det.i, det.i, 1.0, 1.0, value_first=det.i))
    return out


def _with_noun(q: Quantity, doc, base: int) -> Quantity:
    """A count of one written with the article ("a synagogue"): its text runs to the noun it counts."""
    det = next((t for t in doc if base + t.idx == q.start), None)
    if det is None or det.head.i <= det.i:
        return q
    noun = det.head
    end = base + noun.idx + len(noun.text)
    return replace(q, end=end, text=doc.text[q.start - base:end - base])


_PER_MEMBER = re.compile(r"^\s*(?:each|apiece|a head|per (?:person|head|member|family|household|defendant|"
                         r"victim|worker|employee|child|student|person|recipient|individual))\b", re.I)


def _per_member(doc, num: "_Num") -> bool:
    """The sum is each member's: "$4 million each", "$500 apiece", "$1,200 per person", "must each pay"."""
    end = doc[num.last]
    if _PER_MEMBER.match(doc.text[end.idx + len(end.text):]):
        return True
    verb = end.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.lower_ == "each" and c.i < end.i for c in verb.children)


def _members_total(doc, num: "_Num", q: Quantity) -> Optional[Quantity]:
    """The whole of a sum for each member, when the members are counted: "ordered Trump's adult sons,
    Don Jr. and Eric, to pay $4 million each" is $8 million for the two; "the three defendants must
    each pay $2 million" is $6 million. None when the text does not say how many."""
    verb = doc[num.last].head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    payers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not payers and verb.dep_ == "xcomp":
        payers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
    if not payers:
        return None
    payer = payers[0]
    count = next((parse_number(c.text) for c in payer.children if c.dep_ == "nummod"), None)
    if count is None:
        names = [c for c in payer.children if c.dep_ == "appos"] + ([payer] if payer.pos_ == "PROPN" else [])
        if names:
            count = len([names[0], *[c for c in names[0].conjuncts]])
    if not count or count < 2:
        return None
    low = q.low * count if q.low is not None else None
    high = q.high * count if q.high is not None else None
    return replace(q, value=(q.value or 0) * count or None, low=low, high=high,
                   counted=f"for all {int(count)}" + (f" {q.counted}" if q.counted else ""))


_COMPARISON_WORDS = {"than", "against", "versus", "vs", "vs."}


def _compared_with(number) -> bool:
    """A bare number that is the other side of a comparison: "a figure it said compared to 2.5
    million on January 31", "more than the 1.27 million estimated"."""
    node = number
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in _COMPARISON_WORDS or node.lemma_.lower() == "compare":
            return True
    return False


def _baselines_take_their_kind(out: list[Quantity], baselines: list[int]) -> list[Quantity]:
    """A bare number compared with a count is a count of the same kind (its own window and place
    are kept): "3.5 million protesters nationwide ... compared to 2.5 million on January 31"."""
    if not baselines:
        return out
    kinds = {q.category for k, q in enumerate(out) if k not in baselines and q.category and q.unit is None
             and not is_physical_measure(q.category)}
    if len(kinds) != 1:
        return out
    kind = kinds.pop()
    return [replace(q, category=kind) if k in baselines else q for k, q in enumerate(out)]


_CONDITIONAL_MARKS = {"if", "unless", "whether"}


def _conditional_ranges(doc) -> list[tuple[int, int]]:
    """Character ranges of conditional clauses ("If the House fails to act by midnight Friday, ..."):
    their figures are hypotheses, not reports."""
    out = []
    for tok in doc:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children):
            out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)))
    return out


class _Num(NamedTuple):
    """A number found in the parse: its tokens, its interval before any qualifier, and its kind."""

    first: int  # first token (a currency sign, when there is one)
    last: int  # last token of the number itself
    low: float
    high: float
    vague: bool = False
    unit: Optional[str] = None  # see Quantity.unit
    second: Optional[float] = None  # a tally's second figure
    unit_end: Optional[int] = None  # last token of a unit written after the number ("miles per hour")
    factor: float = 1.0  # conversion to the unit ("80 km/h" -> mph)
    half: float = 0.0  # half the rounding step of a figure with a scale word ("1.2 trillion": 0.05 trillion)
    value_first: int = -1  # first token of the number itself

    @property
    def number_first(self) -> int:
        return self.value_first if self.value_first >= 0 else self.first


_CURRENCY_SIGNS = {row[0]: row[1] for row in vocab.rows("currencies") if row[2] == "sign"}  # "$5", "Rs 10"
_CURRENCY_WORDS = {row[0]: row[1] for row in vocab.rows("currencies") if row[2] == "word"}  # "10 euros"
# units written after a number: words (hyphens dropped) -> (unit, factor to it)
_UNIT_WORDS: list[tuple[tuple[str, ...], str, float]] = sorted([
    (("%",), "percent", 1.0), (("percent",), "percent", 1.0), (("per", "cent"), "percent", 1.0),
    (("percentage", "points"), "points", 1.0), (("percentage", "point"), "points", 1.0),
    (("mph",), "mph", 1.0), (("miles", "per", "hour"), "mph", 1.0), (("mile", "per", "hour"), "mph", 1.0),
    (("miles", "an", "hour"), "mph", 1.0), (("mile", "an", "hour"), "mph", 1.0),
    (("km/h",), "mph", 0.621371), (("km", "h"), "mph", 0.621371), (("kph",), "mph", 0.621371), (("kmh",), "mph", 0.621371),
    (("kilometers", "per", "hour"), "mph", 0.621371), (("kilometres", "per", "hour"), "mph", 0.621371),
    (("kilometers", "an", "hour"), "mph", 0.621371), (("kilometres", "an", "hour"), "mph", 0.621371),
    (("acres",), "acres", 1.0), (("acre",), "acres", 1.0), (("hectares",), "acres", 2.47105),
    (("hectare",), "acres", 2.47105), (("square", "miles"), "acres", 640.0), (("square", "mile"), "acres", 640.0),
    (("square", "kilometers"), "acres", 247.105), (("square", "kilometres"), "acres", 247.105),
    (("miles",), "miles", 1.0), (("mile",), "miles", 1.0), (("kilometers",), "miles", 0.621371),
    (("kilometres",), "miles", 0.621371), (("km",), "miles", 0.621371), (("kilometer",), "miles", 0.621371),
    (("kilometre",), "miles", 0.621371), (("feet",), "miles", 1 / 5280), (("foot",), "miles", 1 / 5280),
    (("ft",), "miles", 1 / 5280), (("meters",), "miles", 0.000621371), (("metres",), "miles", 0.000621371),
    (("meter",), "miles", 0.000621371), (("metre",), "miles", 0.000621371),
    (("pages",), "pages", 1.0), (("page",), "pages", 1.0),
], key=lambda u: -len(u[0]))


def _unit_after(doc, last: int) -> Optional[tuple[str, float, int]]:
    """(unit, factor, last token) of a unit written right after the number at `last`."""
    words: list[tuple[str, int]] = []
    k = last + 1
    while k < len(doc) and len(words) < 4:
        if doc[k].text in ("-", "–", "/"):
            k += 1
            continue
        words.append((doc[k].lower_, k))
        k += 1
    for pattern, unit, factor in _UNIT_WORDS:
        if tuple(w for w, _ in words[:len(pattern)]) == pattern:
            return unit, factor, words[len(pattern) - 1][1]
    return None


def _currency_before(doc, i: int) -> Optional[tuple[str, int]]:
    """(currency, token) of a currency sign right before token i ("$1.2 trillion")."""
    if i > 0 and doc[i - 1].lower_ in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[doc[i - 1].lower_], i - 1
    if i > 1 and doc[i - 1].text == "$" and doc[i - 2].lower_ in ("us", "u.s."):
        return "USD", i - 2
    return None


_TALLY_TOKEN = re.compile(r"(\d{1,4})[-–](\d{1,4})")
_WHOLE_NUMBER = re.compile(r"\d{1,4}")


def _is_tally(doc, i: int) -> Optional[tuple[float, float, int]]:
    """(first, second, last token) of a tally such as a vote "52-47" or "a 6-3 ruling": two whole
    numbers joined by a dash, the first not smaller (a range is written low-high: "30-40")."""
    tok = doc[i]
    m = _TALLY_TOKEN.fullmatch(tok.text)
    if m:
        a, b, last = float(m.group(1)), float(m.group(2)), i
    elif _WHOLE_NUMBER.fullmatch(tok.text) and i + 2 < len(doc) and doc[i + 1].lower_ == "to" \
            and _WHOLE_NUMBER.fullmatch(doc[i + 2].text) and _vote_context(doc, i):
        a, b, last = float(tok.text), float(doc[i + 2].text), i + 2  # "approved it 314 to 117"
    elif _WHOLE_NUMBER.fullmatch(tok.text) and i + 2 < len(doc) and doc[i + 1].text in ("-", "–") \
            and _WHOLE_NUMBER.fullmatch(doc[i + 2].text) and doc[i + 1].idx == tok.idx + len(tok.text) \
            and doc[i + 2].idx == doc[i + 1].idx + 1:
        a, b, last = float(tok.text), float(doc[i + 2].text), i + 2
    else:
        return None
    if b > a or 1800 <= a <= 2100 or (i > 0 and doc[i - 1].lower_ in _CURRENCY_SIGNS):
        return None
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and (nxt.text in (":", "%") or nxt.lower_ in _DURATIONS):
        return None
    return a, b, last


_SHARE_OR_CLOCK = frozenset({"percent", "a.m.", "p.m.", "am", "pm"})  # "23 percent", "10 p.m.": no count
_DURATIONS = vocab.words("time_units") | _SHARE_OR_CLOCK


_VOTE_WORDS = {"vote", "pass", "approve", "reject", "defeat", "confirm", "clear", "adopt", "ballot", "ruling", "rule",
               "decision", "margin", "tally"}


def _vote_context(doc, i: int) -> bool:
    """A voting word near the numbers ("voted 314 to 117", "by a vote of 52 to 47")."""
    if any(t.lemma_.lower() in _VOTE_WORDS for t in doc[max(0, i - 6):i]):
        return True
    return any(t.lemma_.lower() in _VOTE_WORDS for t in doc[i].ancestors)  # "approved legislation ..., 314 to 117"


def _number_at(doc, tok) -> Optional[_Num]:
    """The number starting at `tok` with its interval, unit and extent, else None."""
    text = tok.text.lower()
    # every tally begins with a digit (\d is what str.isdecimal accepts): most tokens skip the regexes
    tally = _is_tally(doc, tok.i) if tok.text[:1].isdecimal() else None
    if tally is not None:
        a, b, last = tally
        return _Num(tok.i, last, a, a, unit="tally", second=b, value_first=tok.i)
    if text in _VAGUE_TENS and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" \
            and doc[tok.i + 2].lower_.rstrip("s") in _SCALES:
        # "tens of billions", "hundreds of thousands"
        if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
            return None
        lo, hi = vague_interval(f"{text} {doc[tok.i + 2].lower_.rstrip('s')}")
        return _Num(tok.i, tok.i + 2, lo, hi, True, value_first=tok.i)
    vague = vague_interval(text)
    if vague is not None and tok.pos_ in ("NOUN", "NUM") and not (text == "dozen" and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "one")):
        if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
            return None
        return _Num(tok.i, tok.i, vague[0], vague[1], True, value_first=tok.i)
    fraction = _fraction_of_unit(doc, tok)
    if fraction is not None:
        return fraction
    first = tok.i
    if text in _MULTIPLIERS and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "one"):
        first = tok.i - 1  # "a dozen soldiers": twelve
    elif not (tok.like_num or tok.pos_ == "NUM" or text in _UNITS or text in _TENS):
        return None
    currency = _currency_before(doc, first)
    last = _number_end(doc, tok.i, currency is not None)
    span_text = doc[first:last + 1].text
    value = parse_number(span_text)
    if value is None and currency and last > tok.i and doc[last].lower_ in _SCALE_ABBREV:
        value = parse_number(doc[tok.i].text)
        value = value * _SCALE_ABBREV[doc[last].lower_] if value is not None else None
    if value is None:
        return None
    half = _rounding(doc, tok.i, last, value)
    unit = _unit_after(doc, last) if not currency else None
    if currency is None and last + 1 < len(doc) and doc[last + 1].lower_ in _CURRENCY_WORDS \
            and (half or doc[last + 1].dep_ != "pobj"):
        currency = (_CURRENCY_WORDS[doc[last + 1].lower_], tok.i)
    if currency is not None:
        return _Num(currency[1], last, value, value, unit=currency[0], half=half, value_first=tok.i)
    if unit is not None:
        name, factor, unit_end = unit
        return _Num(tok.i, last, value * factor, value * factor, unit=name, unit_end=unit_end, factor=factor,
                    half=half * factor, value_first=tok.i)
    if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
        return None
    if not _is_count(doc, tok, last, value):
        return None
    if first != tok.i:
        return _Num(first, last, value, value, value_first=first)  # "a dozen"
    # ranges: "30-40", "30 to 40", "between 30 and 40"
    if last + 2 < len(doc) and doc[last + 1].text in ("-", "–", "to") and doc[last + 2].like_num:
        other = parse_number(doc[last + 2].text)
        if other is not None and other > value:
            return _Num(tok.i, last + 2, value, other, value_first=tok.i)
    m = re.match(r"^(\d+)[-–](\d+)$", tok.text)
    if m and int(m.group(2)) > int(m.group(1)):
        return _Num(tok.i, last, float(m.group(1)), float(m.group(2)), value_first=tok.i)
    return _Num(tok.i, last, value, value, half=half, value_first=tok.i)


_FRACTIONS = {word: float(value) for word, value in vocab.rows("fractions")}
_FRACTION_FILLERS = {"a", "an", "of", "-", "\u2013"}
_POINT_WORDS = {"point", "points"}


def _fraction_of_unit(doc, tok) -> Optional[_Num]:
    """A fraction word sizing a unit: "half a percentage point", "a quarter of a percentage point",
    "a quarter-point cut", "cut by half a point" (a point after a fraction is a percentage point,
    as rates and shares are moved). Without a unit after it, "half" is no figure ("half the town")."""
    value = _FRACTIONS.get(tok.lower_)
    if value is None:
        return None
    k = tok.i
    while k + 1 < len(doc) and doc[k + 1].lower_ in _FRACTION_FILLERS and k - tok.i < 3:
        k += 1
    unit = _unit_after(doc, k)
    if unit is None and k + 1 < len(doc) and doc[k + 1].lower_ in _POINT_WORDS:
        unit = ("points", 1.0, k + 1)
    if unit is None or unit[0] != "points":
        return None
    return _Num(tok.i, tok.i, value, value, unit="points", unit_end=unit[2], value_first=tok.i)


def _number_end(doc, i: int, money: bool) -> int:
    """The last token of a number written over several tokens from `i`: "two hundred", "1.5 million",
    "twenty - one", "three hundred and fifty - five million", "one and a half million", "two dozen"
    ("and" joins only a scale word to what follows it, or a half: "between 30 and 40" is a range)."""
    last = i
    while last + 1 < len(doc):
        nxt = doc[last + 1].lower_
        after = doc[last + 2].lower_ if last + 2 < len(doc) else ""
        if nxt in _SCALES or nxt in _MULTIPLIERS or nxt in _SCALE_ABBREV and money \
                or (nxt in _UNITS and doc[last].lower_ in _TENS) \
                or nxt in ("-", "–") and after in _UNITS:
            last += 2 if nxt in ("-", "–") else 1
        elif nxt == "and" and doc[last].lower_ in _SCALES and (after in _UNITS or after in _TENS):
            last += 2  # "three hundred and fifty", "two thousand and five"
        elif nxt == "and" and after in ("a", "an") and last + 3 < len(doc) and doc[last + 3].lower_ == "half" \
                and (doc[last].lower_ in _UNITS or doc[last].like_num):
            last += 3  # "one and a half (million)"
        else:
            break
    return last


def _rounding(doc, first: int, last: int, value: float) -> float:
    """Half the rounding step of a figure written with a scale word: "1.2 trillion" stands for
    anything from 1.15 to 1.25 trillion, "21 billion" for 20.5 to 21.5 billion; 0 otherwise."""
    scale_tok = doc[last].lower_
    scale = _SCALES.get(scale_tok) or _SCALE_ABBREV.get(scale_tok)
    if not scale or scale < 1_000_000 or first == last:
        return 0.0
    mantissa = doc[first].text.replace(",", "")
    decimals = len(mantissa.split(".", 1)[1]) if "." in mantissa else 0
    if any(t.lower_ == "half" for t in doc[first:last]):
        decimals = max(decimals, 1)  # "one and a half million" is written to the tenth, as "1.5 million"
    return 0.5 * 10 ** (-decimals) * scale


def _is_count_in_date(tok) -> bool:
    """spaCy sometimes tags a count as DATE ("the 22 days" is a duration, but "22 militants" is not)."""
    head = tok.head
    return tok.dep_ == "nummod" and head.lemma_.lower() in GROUPS and head.text.lower() not in _TIME_WORDS


def _is_count(doc, tok, last: int, value: float) -> bool:
    """Counts, not years, dates, times, ordinals, durations, or list markers."""
    text = tok.text
    if re.search(r"(st|nd|rd|th)$", text.lower()) and not text.isalpha():
        return False  # 18th
    if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
        return False
    if re.fullmatch(r"(1[89]|20|21)\d\d", text) and tok.dep_ != "nummod":
        return False  # a year: "in 2006"
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and (nxt.text in (":", "%") or (nxt.lower_ in _SHARE_OR_CLOCK or nxt.lower_ == "per")):
        return False
    head = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else None
    if head is not None and head.text.lower() in _TIME_WORDS:
        return False  # "48 hours", "two days": a duration
    if tok.lower_ == "one" and (tok.dep_ in ("nsubj", "dobj", "pobj", "appos") or (nxt is not None and nxt.lower_ == "of")):
        return False  # "one of the deadliest", "one that links": a pronoun
    return True


def _qualifier(doc, first: int) -> tuple[Optional[str], int]:
    """The hedging words right before the number ("at least", "more than") and where they start."""
    window = doc[max(0, first - 4):first]
    words = [t.lower_ for t in window]
    joined = " ".join(words)
    for phrase, _ in _QUALIFIERS:
        if joined.endswith(phrase) and (len(joined) == len(phrase) or joined[-len(phrase) - 1] == " "):
            n = len(phrase.split())
            return phrase, first - n
    return None, first


def _counted_head(doc, first: int, last: int):
    """The noun the number counts: its nummod head, "hundreds of X" -> X, "toll to 177" -> toll."""
    tok = doc[last]
    if first != last and tok.dep_ != "nummod" and doc[first].dep_ == "nummod":
        tok = doc[first]  # a range "30-40 passengers": the parse may hang the noun on either end
    elif first != last and tok.dep_ != "nummod":
        # "three hundred and twenty workers", "a dozen soldiers": the token of the number that the
        # parse hangs on the noun, wherever it sits in the number
        tok = next((t for t in doc[first:last + 1] if t.dep_ == "nummod" and not first <= t.head.i <= last), tok)
    head = tok.head
    multiplier = tok.lower_ in _MULTIPLIERS and tok.dep_ == "nummod"  # "a dozen soldiers": as "twelve soldiers"
    if not multiplier and (tok.pos_ == "NOUN" or vague_interval(tok.text) is not None
                           or doc[first].lower_ in _VAGUE_TENS):  # "dozens", "hundreds of insurgents"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return tok if tok.lemma_.lower() in GROUPS else None
    if tok.dep_ == "det" and tok.lower_ in ("a", "an"):
        return head  # a count of one: "a synagogue" (see _counts_of_one)
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos") and head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
        if head.lower_ in ("others", "other"):
            return head
        return head
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ == "VERB":
        # "bringing the cumulative toll to 177", "raising the death toll to 35"
        for child in head.head.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.pos_ == "NOUN":
                return _what_a_number_counts(child)
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("total", "number", "toll", "tally"):
        return None
    # a bare number as subject or object: "More than 50 dead" headline, "killed dozens"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "attr") and head.pos_ in ("ADJ", "NOUN") and head.lemma_.lower() in OUTCOMES:
        return head  # "More than 50 dead"
    return None


def _what_a_number_counts(noun):
    """ "put the number of protesters at 3.5 million": the things a number-noun stands for."""
    if noun.lemma_.lower() in ("number", "count", "total"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objs:
                    return objs[0]
    return noun


def _counted_in_list(noun) -> bool:
    """A noun of a coordination that carries its own count: "two synagogues", "a synagogue" beside
    "two churches"."""
    return any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _counted_text(head) -> tuple[str, list]:
    """The counted noun with its modifiers ("Punjabi migrant workers") and its conjuncts' heads."""
    if head is None:
        return "", []
    conjuncts = [c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    if any(_counted_in_list(c) for c in _list_siblings(head)):
        conjuncts = []  # a list of counts ("two churches, two synagogues and police officers"): each its own
    heads = [head] + [c for c in conjuncts if c.i > head.i and not any(g.dep_ == "nummod" for g in c.children)]
    parts = []
    for h in heads:
        mods = [c for c in h.children if c.dep_ in ("compound", "amod", "nmod") and c.i < h.i
                and c.lower_ not in _INCREMENT and not c.like_num and c.ent_type_ != "CARDINAL"]
        lo = min([h.i] + [m.left_edge.i for m in mods])
        parts.append(h.doc[lo:h.i + 1].text)
    return " and ".join(parts), heads


# Nouns for buildings of any kind ("homes", "houses", "buildings" destroyed are one count); any
# other building noun names a kind counted on its own (churches, synagogues, schools).
_GENERIC_BUILDINGS = {"building", "house", "home", "structure"}


def group_of(heads) -> Optional[str]:
    """The category of people or things counted; several kinds of security forces stay "security"."""
    groups = []
    for h in heads:
        lemma = h.lemma_.lower()
        text = h.lower_
        g = GROUPS.get(text) or GROUPS.get(lemma)
        if lemma in ("personnel", "officer", "official", "force") or text in ("personnel", "officers", "forces"):
            mods = {c.lower_ for c in h.children if c.dep_ in ("compound", "amod")}
            if lemma == "official":
                g = None
            elif mods & {"police", "security", "military", "army", "law", "paramilitary", "border", "frontier"} or lemma in ("personnel", "officer"):
                g = "security"
        if g == "buildings" and lemma not in _GENERIC_BUILDINGS:
            g = lemma  # "two synagogues" and "two Orthodox churches" are counts of different things
        groups.append(g)
    known = {g for g in groups if g}
    if not known:
        return None
    if len(known) == 1:
        return known.pop()
    return "total" if "total" in known else "mixed"


def _outcome(doc, head, number_tok) -> Optional[str]:
    """What happened to the counted: the nearest outcome word up the tree, or beside it."""
    def of_token(t) -> Optional[str]:
        lemma, text = t.lemma_.lower(), t.lower_
        if t.ent_type_ == "DATE":
            return None  # "March", the month
        if lemma == "lose" and any(c.lemma_.lower() == "life" for c in t.children):
            return "killed"
        if lemma == "gun" and any(c.lower_ == "down" for c in t.children):
            return "killed"
        if lemma == "shoot" and any(c.lower_ == "dead" for c in t.children):
            return "killed"
        if lemma == "set" and any(c.dep_ == "prep" and any(g.lower_ in ("fire", "ablaze", "alight") for g in c.children) for c in t.children):
            return "burned"
        if lemma == "claim" and any(c.lemma_.lower() == "life" for c in t.children):
            return "killed"
        if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "street"
                                   for g in c.children) for c in t.children):
            return "protested"  # "took to the streets"
        if lemma in ("suffer", "sustain") and any(c.dep_ == "dobj" and OUTCOMES.get(c.lemma_.lower()) for c in t.children):
            # "97 people suffering injuries", "sustained burns": the outcome is the object's
            return next(OUTCOMES[c.lemma_.lower()] for c in t.children if c.dep_ == "dobj" and OUTCOMES.get(c.lemma_.lower()))
        return OUTCOMES.get(text) or OUTCOMES.get(lemma)

    start = head if head is not None else number_tok
    if head is not None and of_token(head):
        return of_token(head)
    after = doc[number_tok.i + 1] if number_tok.i + 1 < len(doc) else None
    if (head is None or head.i <= number_tok.i) and after is not None and after.tag_ in ("VBN", "VBD", "JJ") \
            and of_token(after):
        return of_token(after)  # a bare number with its own outcome beside it: "Over 1,000 Injured", "nine dead"
    # children of the counted noun: "31 civilians dead", "the people killed"
    for c in start.children:
        if c.dep_ in ("amod", "acl", "relcl", "conj") and of_token(c):
            return of_token(c)
    node = start
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        found = of_token(node)
        if found:
            return found
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in ("oprd", "acomp", "xcomp", "advcl", "prt", "dobj") and c.i != start.i and of_token(c):
                    if c.dep_ == "dobj" and c.lemma_.lower() not in ("life", "death", "toll"):
                        continue
                    if c.dep_ in ("advcl", "xcomp") and any(g.dep_ in ("dobj", "nsubj", "nsubjpass") for g in c.children):
                        continue  # "raided two hideouts, killing 41 insurgents": a different patient
                    return of_token(c)
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in ("death", "injury") and of_token(g):
                            return of_token(g)
                        if g.dep_ == "pobj" and c.lower_ in _STATE_PREPOSITIONS and g.pos_ == "NOUN":
                            # "4,000 residents are under evacuation orders", "held in custody"
                            for word in [g] + [m for m in g.children if m.dep_ == "compound"]:
                                if word.lemma_.lower() in _STATE_NOUNS and of_token(word):
                                    return of_token(word)
            if node.lemma_.lower() not in _REPORTING and node.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "relcl"):
                break
    return None


def _clause_root(tok):
    """The nearest clause head above a token, climbing through non-finite verbs ("killing 41"), and
    from reported speech to the reporting clause ("In Musakhel, officials said that 23 were killed")."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and (node.tag_ not in ("VBG", "VBN") or node.dep_ in ("ROOT", "ccomp", "conj")):
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children) or node.dep_ == "ROOT":
                if node.dep_ == "ccomp" and node.head.lemma_.lower() in _REPORTING:
                    return node.head
                return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _scope_tokens(root, own, others=(), counted=None, strict: bool = False) -> list:
    """Tokens of the figure's clause, without embedded finite clauses that do not hold the figure
    (but with a relative clause that says who the counted are: "700,000 people who took to the
    streets of Paris"), and without verb phrases that hold only other figures ("..., bringing the
    toll to 177"); `strict`: without any phrase that holds only other figures, for the figure's time
    ("..., slightly higher than the 1.27 million estimated ... on January 31"); a list of places by
    figure shares its places with a looser parse, so places keep the loose scope."""
    def holds(c, toks) -> bool:
        return any(c.left_edge.i <= e.i <= c.right_edge.i for e in toks)

    out = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("ccomp", "advcl", "conj", "relcl", "parataxis") and c.pos_ in ("VERB", "AUX") \
                    and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not holds(c, own) \
                    and not (c.dep_ == "relcl" and counted is not None and t.i == counted.i):
                continue
            if (strict and c.dep_ not in ("conj", "cc") or c.pos_ in ("VERB", "AUX")) and not holds(c, own) \
                    and holds(c, others):
                # (coordinated figures share their modifiers: "418 seats and a 179 majority in 1997")
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _own_branch(root, tokens, number_tokens) -> list:
    """The figure's own phrase within its clause when that phrase dates it: "the 1.27 million
    estimated during a previous day of protests on January 31" holds its own date, and the clause's
    "on Tuesday" belongs to another figure. Else the whole clause."""
    branch = next((c for c in root.children
                   if c.left_edge.i <= number_tokens[0].i <= c.right_edge.i), None)
    if branch is None:
        return tokens
    inside = [t for t in tokens if branch.left_edge.i <= t.i <= branch.right_edge.i]
    numbers = {t.i for t in number_tokens}
    dated = any(t.ent_type_ in ("DATE", "TIME") and t.i not in numbers for t in inside)
    return inside if dated else tokens


def _antecedent_time(root) -> list[str]:
    """The time a "where"/"when" clause is set at: "that of last January 31, where 1.27 million
    people took to the streets" counts the crowd of January 31."""
    if root.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in root.children):
        return []
    antecedent = root.head
    return [e.text for e in root.doc.ents if e.label_ in ("DATE", "TIME")
            and antecedent.left_edge.i <= e.start and e.end <= root.left_edge.i]


def _window(doc, tokens, head, number_tokens, dated=None) -> Optional[str]:
    """The time window of the figure: a date or duration in its clause (in `dated`, the tokens that
    may date it, when narrower than the clause), or "in total"/"additional"."""
    parts: list[str] = []
    last = number_tokens[-1].i
    if head is not None:
        # "22 more terrorists", "22 additional militants": after the number, so not "more than 50"
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "advmod", "compound") and c.i > last}
        mods |= {c.lower_ for t in number_tokens for c in t.children if c.dep_ in ("amod", "advmod") and c.i > last}
        if mods.intersection(_INCREMENT):
            parts.append(next(w for w in _INCREMENT if w in mods))
        if {c.lower_ for c in head.children} & {"cumulative", "total"} and head.lemma_.lower() in _COUNT_NOUNS:
            parts.append("cumulative")
    ids = {t.i for t in tokens}
    seen_ents = set()
    ents = doc.ents  # built anew on every access
    for t in (tokens if dated is None else dated):
        ent = None
        if t.ent_type_ in ("DATE", "TIME"):
            for e in ents:
                if e.start <= t.i < e.end:
                    ent = e
                    break
        if ent is not None and ent.start not in seen_ents and not any(n.i in range(ent.start, ent.end) for n in number_tokens):
            seen_ents.add(ent.start)
            if re.fullmatch(r"(the )?(18|19|20|21)\d\d", ent.text.lower()) and not any(
                    doc[i].lower_ in ("last", "since", "in", "this") for i in range(max(0, ent.start - 1), ent.start)):
                continue
            if _end_point_or_baseline(doc, ent) or _grades_superlative(ent) or _DURATION_ADJECTIVE.fullmatch(ent.text) \
                    or _under_ordinal(ent.root, number_tokens):
                continue
            prep = doc[ent.start - 1] if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP" and ent.start - 1 in ids else None
            parts.append((prep.text + " " if prep is not None else "") + ent.text)
    lowered = " ".join(t.lower_ for t in tokens)
    if "cumulative" not in parts and _ANY_CUMULATIVE.search(lowered):
        # not a cue inside a comparison: "700,000 marched in Paris, more than at any time since the
        # start of the protests" is a count of one day set against the whole movement
        numbers = {n.i for n in number_tokens}
        lowered = " ".join(t.lower_ for t in tokens if not any(a.lower_ in _COMPARISON_WORDS and a.i not in numbers
                                                                  and a.head.i not in numbers for a in (t, *t.ancestors))
                           and not _under_ordinal(t, number_tokens))
        cue = next((cue for cue, pattern in _CUMULATIVE_CUES if pattern.search(lowered)), None)
        if cue is not None:
            parts.append(cue if cue != "total toll" else "cumulative")
    if _LATEST.search(lowered) and not parts:
        parts.append("latest")
    return "; ".join(dict.fromkeys(parts)) or None


def _under_ordinal(tok, number_tokens) -> bool:
    """A time phrase that places an ordinal, not the figure: in "for this sixth day of demonstration
    since the beginning of the year, they were 700,000", the year is what the days are counted in;
    the 700,000 is one day's count."""
    held = {a.i for n in number_tokens for a in n.ancestors}
    for a in tok.ancestors:
        if a.i in held:
            return False
        if a.pos_ == "NOUN" and any(_ORDINAL.fullmatch(c.lower_) and c.dep_ == "amod" or c.ent_type_ == "ORDINAL"
                                    for c in a.children):
            return True
    return False


_ORDINAL = re.compile(r"first|second|third|[a-z]+th|\d+(?:st|nd|rd|th)")


_NOT_LOCATIVE = {"as", "with", "by", "for", "like", "than", "against", "about", "despite", "without", "per"}
_END_POINT = {"through", "until", "till", "thru", "before"}
_BASELINE = {"over", "than", "from", "above", "below", "versus", "vs", "with", "to"}


# "the 25-year prison sentence", "a 10-day truce": how long a thing lasts, not when a figure holds
_DURATION_ADJECTIVE = re.compile(r"(?:a |the )?(?:\d+|[a-z]+)-(?:year|month|week|day|hour|minute)s?(?:-(?:old|long))?", re.I)


def _grades_superlative(ent) -> bool:
    """A period that bounds a superlative ("the strongest earthquake to hit Taiwan in nearly 25
    years", "the deadliest day in a decade") says how rare the event is, not when a figure holds."""
    node = ent.root
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.tag_ == "JJS" or any(g.tag_ == "JJS" or g.lower_ == "most" for c in node.children if c.i < ent.start
                                     for g in (c, *c.children)):
            return True
    return False


def _end_point_or_baseline(doc, ent) -> bool:
    """A date that is not the figure's time window: the end of a period ("funded through the end of
    January", "before a midnight Friday deadline") or the baseline of a comparison ("by $38 billion
    over last year's levels")."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "DET" and ent.start > 1:
        before = doc[ent.start - 2]  # "before a midnight Friday deadline"
    if before is not None and before.lower_ in _END_POINT:
        return True  # "through Jan. 29"
    if ent.end < len(doc) and doc[ent.end].lower_ == "deadline":
        return True
    near = list(ent.root.ancestors)[:3] + [g for c in ent.root.children for g in (c, *c.children)]
    if any(t.lower_ == "than" for t in near):
        return True  # "more than double the previous day", "more than on March 7": the baseline
    root = ent.root
    if root.dep_ == "poss" and root.head.dep_ == "pobj" and root.head.head.lower_ in _BASELINE:
        return True
    return False


def _place(doc, tokens, number_tokens) -> Optional[str]:
    """The most specific place named in the figure's clause: the object of a locative preposition
    ("in Kalat", "across Balochistan province") before a possessive one ("Pakistan's")."""
    best = None
    ids = {t.i for t in tokens}
    for e in doc.ents:
        root = e.root
        if root.i not in ids or not any(ch.isalpha() for ch in e.text):
            continue  # "288" is no place, whatever the tagger says
        is_place = e.label_ in _PLACE_LABELS
        # the small NER model often mislabels small places: trust a place noun or locative preposition
        governor = root.head
        if root.dep_ == "compound" and governor.lemma_.lower() in _PLACE_NOUNS:
            is_place, governor = True, governor.head
        elif root.dep_ == "pobj" and governor.lower_ in _LOCATIVE and e.label_ in ("ORG", "PERSON", "NORP", "PRODUCT") \
                and root.pos_ == "PROPN" and len(e) <= 2:
            is_place = True
        if not is_place:
            continue
        if root.dep_ == "pobj" and governor.pos_ == "ADP" and governor.lower_ in _NOT_LOCATIVE:
            continue  # "clears the bill as Hale, Delgado hold ...": a person the tagger took for a place
        rank = 0 if (root.dep_ == "pobj" or root.head.dep_ == "pobj" or root.dep_ == "compound") else 1
        if root.dep_ == "poss":
            rank = 2
        if best is None or rank < best[0]:
            best = (rank, place_name(e.text))
    return best[1] if best else None


@lru_cache(maxsize=1 << 16)  # asked of every place in every claim
def place_name(text: str) -> str:
    """ "the Kalat district" -> "Kalat": the name without article or administrative noun."""
    words = re.sub(r"^(the)\s+", "", " ".join(text.split()), flags=re.I).split()
    while len(words) > 1 and words[-1].lower() in _PLACE_NOUNS:
        words.pop()
    return " ".join(words)


def _build(doc, text: str, base: int, num: "_Num", others: list = ()) -> Optional[Quantity]:
    first, last, low, high, vague = num.number_first, num.last, num.low, num.high, num.vague
    qualifier, q_start = (None, num.first) if vague else _qualifier(doc, num.first)
    value = None if vague else (low if low == high else None)
    if vague:
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, True
    elif low != high:
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, False
    elif num.unit == "tally":
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, False
    elif qualifier is None and num.half:
        lo, hi, lo_inc, hi_inc, approx = low - num.half, low + num.half, True, False, True
    else:
        lo, hi, lo_inc, hi_inc, approx = interval(low, qualifier)
    number_tokens = list(doc[first:last + 1])
    head = _counted_head(doc, first, last)
    if num.unit is not None and num.unit_end is not None:
        head = doc[num.unit_end]  # "50 miles per hour": the unit, not the wind, is what the number counts
    counted, heads = _counted_text(head)
    if num.unit in _CURRENCIES:
        category, counted = _money_category(doc, first, last, head)
    elif num.unit is not None:
        category = _measure_category(doc, num, head)
    else:
        category = _count_category(doc, head, heads, last)
    root = _clause_root(head if head is not None else doc[last])
    tokens = _scope_tokens(root, number_tokens, others, head)
    timed = _scope_tokens(root, number_tokens, others, head, strict=True)
    window = _window(doc, tokens, head, number_tokens, _own_branch(root, timed, number_tokens))
    setting = _antecedent_time(root)
    if setting:
        window = "; ".join(dict.fromkeys(setting + [w for w in (window or "").split("; ") if w]))
    cues = figure_context.window_cues(doc, number_tokens, tokens)
    if cues:
        window = "; ".join(dict.fromkeys([w for w in (window or "").split("; ") if w] + cues))
    place = _place(doc, tokens, number_tokens)
    s = doc[q_start].idx
    end_tok = doc[num.unit_end] if num.unit_end is not None else doc[last]
    e = end_tok.idx + len(end_tok.text)
    if category is None or num.unit == "miles":
        measure = measures.measure_of(text, doc[first].idx, e, num.unit, value)
        if measure is not None:
            category, of = measure
            if category == "length":
                thing = _measured_thing(end_tok)
                category, counted = (f"length:{thing.lemma_.lower()}", thing.text) if thing is not None else (None, counted)
            elif of:
                counted = of
    return Quantity(start=base + s, end=base + e, text=text[s:e], value=value, low=lo, high=hi,
                    low_inclusive=lo_inc, high_inclusive=hi_inc, approximate=approx, vague=vague,
                    counted=counted or None, category=category, place=place, window=window,
                    unit=num.unit, second=num.second, credited=_figure_credit(number_tokens, head))


_DOCUMENT_KINDS = vocab.table("document_kinds")
_LENGTH_VERBS = {"run", "be", "span", "total", "stretch"}  # "the ruling runs 92 pages"


def _document_length(unit_tok) -> Optional[str]:
    """ "length:<document>" of a page count: "a 93-page opinion" and "a 92-page ruling" are two
    lengths of one judgment (the document nouns of one kind meet through document_kinds), "the
    ruling runs 92 pages" is the subject's length; a page count of nothing named is not compared."""
    head = unit_tok.head
    thing = head if head.i != unit_tok.i and head.pos_ == "NOUN" and unit_tok.dep_ in ("compound", "amod", "nmod") \
        else None
    if thing is None and head.lemma_.lower() in _LENGTH_VERBS:
        thing = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                      and c.pos_ in ("NOUN", "PROPN")), None)
    if thing is None or thing.pos_ != "NOUN":
        return None
    lemma = thing.lemma_.lower()
    return f"length:{_DOCUMENT_KINDS.get(lemma, lemma)}"


def _figure_credit(number_tokens, head) -> Optional[str]:
    """Whom a figure itself is credited to, when its own phrase names it: "1.27 million people
    (according to police) and 2.8 million (according to the unions)" credit each figure to its
    counter, where the sentence's attribution would credit both to one."""
    for tok in [*number_tokens, *([head] if head is not None else [])]:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for to in c.children:
                    objs = [g for g in to.children if g.dep_ == "pobj"] if to.lower_ == "to" else []
                    if objs:
                        obj = objs[0]
                        words = [t for t in obj.subtree if t.dep_ != "det"]
                        return " ".join(t.text for t in words) or None
    return None


def _measured_thing(unit_tok):
    """The noun a length is of: "a 948-foot-long container ship" -> ship (the unit's head noun)."""
    node = unit_tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.lower_ not in ("long", "length"):
            return node
    return None


_TOLL_NOUNS = {"toll", "tally", "death", "fatality"}


def _toll_subject(number) -> bool:
    """The number is what a toll is said to be: the complement of "be" ("the death toll was 275")
    or the object of "at" after "stand", "reach", "rise" ("the toll stands at 20")."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    if number.dep_ not in ("attr", "pobj", "dobj", "oprd") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _TOLL_NOUNS for c in verb.children)


_BODY_STATES = vocab.words("body_states")


def _body_state(head) -> Optional[str]:
    """A state the counted bodies are said to be in ("over 100 bodies remain unidentified"): said of
    them, not a word that describes them ("six unidentified bodies were found" are the dead)."""
    near = [c for c in head.head.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")] \
        if head.dep_ in ("nsubj", "nsubjpass") else []
    return next((t.lower_ for t in near if t.lower_ in _BODY_STATES), None)


def _count_category(doc, head, heads, last) -> Optional[str]:
    """ "<outcome>:<group>" of a count ("killed:security"), a group alone, or None when no lexicon
    knows what is counted."""
    if head is None and _toll_subject(doc[last]):
        return "killed:total"  # "the death toll was 275", "the toll stands at 20"
    if _population_count(doc[last], head):
        return "population"
    if head is not None and head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ == "NOUN" \
            and head.i < head.head.i and head.head.lemma_.lower() not in GROUPS:
        return None  # "a 179-seat majority", "a 10-member team": the number sizes another thing
    group = group_of(heads) if heads else None
    outcome = _outcome(doc, head, doc[last])
    if outcome is None and head is not None and head.dep_ in ("nsubj", "nsubjpass") \
            and head.head.lemma_.lower() in _STATE_VERBS:
        # "4,000 residents are under Level 3 evacuation orders": the state names the outcome
        states = {t.lemma_.lower() for t in head.head.subtree if t.pos_ == "NOUN"} & _STATE_NOUNS
        outcome = OUTCOMES[sorted(states)[0]] if states else None
    if head is not None and head.lemma_.lower() in ("toll", "tally") and outcome is None:
        outcome = "killed"
    if head is None and outcome is None:
        outcome = _elliptical_outcome(doc[last])
    if outcome and head is None:
        group = "total"  # "killed dozens", "More than 50 dead"
    if head is not None and group is None and head.pos_ == "NOUN" and OUTCOMES.get(head.lemma_.lower()) \
            and head.lemma_.lower() not in ("toll", "custody", "hostage", "evacuation") \
            and OUTCOMES[head.lemma_.lower()] not in _EVENT_OUTCOMES:
        group, outcome = "total", OUTCOMES[head.lemma_.lower()]  # "1,011 injuries": the noun names the outcome
    if head is not None and head.lemma_.lower() in ("dead", "death", "body", "corpse", "fatality", "life"):
        group, outcome = "total", outcome or "killed"
        state = _body_state(head)
        if state:
            return f"{state}:total"  # "over 100 bodies remain unidentified": not the toll
    if group == "attacks" and outcome:
        outcome = None  # "170 attacks killing 151 civilians": the attacks were not killed
    if group == "protesters" and outcome in (None, "protested"):
        group, outcome = "total", "protested"  # "3.5 million protesters" took part, as "people demonstrated"
    if outcome in POPULATION_OUTCOMES and group in ("civilians", "total"):
        group = "total"  # "4,000 residents under evacuation orders" = "4,000 people ordered to evacuate"
    if head is not None and group is None and head.lower_ not in ("others", "other") \
            and head.lemma_.lower() not in _COUNT_NOUNS:
        return None  # a count of something no lexicon knows ("two hideouts"): not compared
    if outcome:
        return f"{outcome}:{group or 'total'}"
    if group == "jobs":
        sector = _sector(head)
        return f"jobs:{sector}" if sector else group
    return group


def _elliptical_outcome(number) -> Optional[str]:
    """The outcome of a count said of a pronoun or "there" ("For this sixth day of demonstration,
    they were 700,000 in Paris"): what the clause around it says happened, when it says one thing."""
    verb = number.head
    if number.dep_ != "attr" or verb.lemma_.lower() != "be" \
            or not any(c.dep_ in ("nsubj", "expl") and c.pos_ == "PRON" for c in verb.children):
        return None
    found = {OUTCOMES[t.lemma_.lower()] for t in verb.subtree
             if t.pos_ in ("NOUN", "VERB") and t.i != number.i and t.lemma_.lower() in OUTCOMES}
    return found.pop() if len(found) == 1 else None


_POPULATION_NOUNS = {"population", "inhabitant"}


def _population_count(number, head) -> bool:
    """The figure is how many people live in a place, not what befell them: "a population of at
    least 120,000", "home to about 100,000 people", "a city of 100,000 inhabitants", "its population
    is 100,000"."""
    node = head if head is not None else number
    if head is not None and head.lemma_.lower() in _POPULATION_NOUNS:
        return True  # "120,000 inhabitants"
    if node.dep_ == "pobj":
        prep, owner = node.head, node.head.head
        if prep.lower_ == "of" and (owner.lemma_.lower() in _POPULATION_NOUNS
                                   or owner.lemma_.lower() in _PLACE_NOUNS and head is not None
                                   and group_of([head]) in ("total", "civilians")):
            return True
        if prep.lower_ == "to" and owner.lower_ == "home":
            # people, not "home to three universities"; "shelters are home to 3,000 displaced
            # people" count what befell them
            return head is None or group_of([head]) in ("total", "civilians") \
                and not any(OUTCOMES.get(c.lemma_.lower()) for c in head.children)
    if number.dep_ == "attr" and number.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _POPULATION_NOUNS for c in number.head.children)
    return False


_ECONOMY_WIDE = vocab.words("economy_wide_subjects")


def _sector(head) -> Optional[str]:
    """The part of an economy a job count is of: the common noun that adds the jobs ("Construction
    added 39,000 jobs", "health, which added 72,000 jobs"), None for the whole ("Employers added",
    "The United States added")."""
    if head is None:
        return None
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # "health, which added 72,000 jobs"
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ("GPE", "NORP", "LOC"):
        return None  # "The United States added": the whole economy (a company or a sector the
        # tagger takes for one, "Healthcare added 72,000 jobs", is a part of it)
    lemma = subject.lemma_.lower()
    words = {lemma, " ".join(t.lemma_.lower() for t in subject.subtree if t.pos_ in ("NOUN", "ADJ"))}
    return None if words & _ECONOMY_WIDE else lemma


# --------------------------------------------------------------------------- measures: money, units

# What a sum of money is: the noun it sizes, read through these classes so that outlets' words for
# one thing meet ("package", "measure", "stopgap", "bill"; "relief", "aid", "assistance").
MONEY_CLASSES: dict[str, str] = vocab.table("money_classes")  # lemma -> class
_CHANGE_VERBS = vocab.words("change_verbs")
_SIZE_VERBS = {"cost", "total", "be", "amount", "value", "exceed", "top", "reach"}


def _money_class(noun) -> Optional[str]:
    """The class of the thing a sum pays for, from a noun and its compounds ("aid package" -> aid)."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    own = MONEY_CLASSES.get(noun.lemma_.lower()) or MONEY_CLASSES.get(noun.lower_)
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i < noun.i:
            cls = MONEY_CLASSES.get(c.lemma_.lower())
            if cls and cls not in ("spending", own) and own in (None, "bill"):
                return cls
    if own:
        return own
    lemma = noun.lemma_.lower()
    return lemma if lemma.isalpha() and lemma not in GROUPS and lemma not in _SCALES else None


def _money_category(doc, first: int, last: int, head) -> tuple[str, Optional[str]]:
    """("money:<what it pays for>", the noun) of a sum: "$1.2 trillion package" -> money:bill,
    "$21 billion in disaster relief" -> money:aid, "raise spending by $38 billion" -> money:change."""
    tok = doc[last]
    if head is not None and head.i != tok.i and head.lemma_.lower() not in _CURRENCY_WORDS \
            and tok.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod"):
        cls = _money_class(head)
        if cls:
            return f"money:{cls}", head.text
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "for"):
            for obj in child.children:
                cls = _money_class(obj) if obj.dep_ == "pobj" else None
                if cls:
                    return f"money:{cls}", obj.text
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_.lower() in _CHANGE_VERBS:
        return "money:change", None
    verb = tok.head
    if tok.dep_ in ("dobj", "attr", "npadvmod") and verb.lemma_.lower() in _SIZE_VERBS:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                cls = _money_class(c)
                if cls:
                    return f"money:{cls}", c.text
    act = _money_act(tok)
    if act:
        return f"money:{act}", None
    return "money", None


def _money_act(tok) -> Optional[str]:
    """The act a sum is the object of: "forfeit $11.02 billion" and "a forfeiture of $11.2 billion"
    are both money:forfeit; "fined $11 billion" is money:fine."""
    if tok.dep_ in ("dobj", "oprd", "npadvmod", "attr") and tok.head.pos_ == "VERB" \
            and tok.head.lemma_.lower() not in _SIZE_VERBS:
        return _act_root(tok.head.lemma_.lower())
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return _act_root(tok.head.head.lemma_.lower())
    return None


def _act_root(word: str) -> Optional[str]:
    """A verb or the noun made from it, as one word: forfeiture -> forfeit, payment -> pay."""
    for suffix in ("ure", "ment", "ation", "al"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word if word.isalpha() else None


def _topic(tok) -> Optional[str]:
    """What a measure is of: the noun it modifies, the word it grades ("5% contained"), or the subject
    of its clause ("humidity could drop below 10%")."""
    graded = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.pos_ in ("VERB", "ADJ")]
    if graded:
        return _stem(graded[0].lemma_)  # "5% contained"
    if tok.dep_ in ("compound", "nmod", "amod", "nummod", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
        return _stem(tok.head.lemma_)  # "the employment population ratio (60.3%)": appos
    if tok.dep_ in ("npadvmod", "advmod") and tok.head.pos_ in ("VERB", "ADJ"):
        return _stem(tok.head.lemma_)
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        return _stem(tok.head.lemma_)  # "58% of voters support stricter laws"
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and c.i != tok.i:
                    return _stem(c.lemma_)
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ment", "ation", "ion", "ed", "ing"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


_WIND = {"wind", "winds", "gust", "gusts", "breeze", "storm"}


def _measure_category(doc, num: "_Num", head) -> Optional[str]:
    """Category of a measure: "tally"; "speed:wind"; "burned:area"; "percent:contain"."""
    if num.unit == "tally":
        return "tally"
    unit_tok = doc[num.unit_end] if num.unit_end is not None else doc[num.last]
    if num.unit == "mph":
        near = doc[max(0, num.first - 6):min(len(doc), (num.unit_end or num.last) + 4)]
        if any(t.lower_ in _WIND for t in near) or any(t.lower_ in _WIND for t in unit_tok.head.subtree):
            return "speed:wind"
        topic = _topic(unit_tok)
        return f"speed:{topic}" if topic else "speed"
    if num.unit == "acres":
        outcome = _outcome(doc, unit_tok, doc[num.last])
        return f"{outcome}:area" if outcome else "area"
    if num.unit in ("percent", "points"):
        topic = _topic(unit_tok)
        return f"percent:{topic}" if topic else None
    if num.unit == "pages":
        return _document_length(unit_tok)
    return None  # distances ("30 miles east of Bend") place things; they are not compared


# --------------------------------------------------------------------------- points in time

_WEEKDAY_INDEX = {d: k for k, d in enumerate(vocab.entries("weekdays"))}
_MONTHS = {m[:3]: k for k, m in enumerate(vocab.entries("months"), 1)}
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|"
        r"sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])")
_CLOCK = r"(?:midnight|noon|\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b))"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
# Each pattern opens with a lookahead on the letters its matches can begin with, so that the search
# passes over other positions without trying every optional lead-in there (same matches).
_DATE_RE = re.compile(
    rf"(?=[abcdefjlmnost])(?:(?:the\s+)?(?P<edge>end|middle|start|beginning|close)\s+of\s+|(?P<rel>early|mid|late)[\s-]+)?"
    rf"(?P<mon>{_MON})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d\d\b)?", re.I)
_WEEK_RE = re.compile(
    rf"(?=[lemn\dtwfs])(?:(?P<rel>late|early)\s+)?(?:(?P<clock1>{_CLOCK})\s+(?:on\s+)?)?(?P<wd>{_WD})"
    rf"(?:\s+(?:at\s+)?(?P<clock2>{_CLOCK})|\s+(?P<part>{_PART}))?", re.I)
# Every match of _DATE_RE holds a month and every match of _WEEK_RE a weekday: a pattern is run only
# on a text that holds its word. The words are looked for in the lowered text, where the search can
# skip to their first letters: lowering keeps every offset, and a letter matches a-z ignoring case
# exactly when it lowers into a-z, but for four letters (İ ı ſ K) that leave the test to the patterns.
_MONTH_WORD = re.compile(_MON)
_WEEKDAY_WORD = re.compile(_WD)
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
_UNTIL = re.compile(r"\b(?:through|until|till|thru)\s+(?:at least\s+)?$", re.I)
_PARTS = {"morning": (6, 12), "afternoon": (12, 18), "evening": (17, 22), "night": (18, 30), "overnight": (21, 31)}


def _clock_hour(text: str) -> Optional[float]:
    t = text.lower().replace(" ", "")
    if t == "midnight":
        return 24.0
    if t == "noon":
        return 12.0
    m = re.match(r"(\d{1,2})(?::(\d{2}))?(a\.m\.|p\.m\.|am|pm)", t)
    if not m:
        return None
    h = int(m.group(1)) % 12 + (12 if m.group(3).startswith("p") else 0)
    if h == 0 and m.group(3).startswith("a"):
        h = 24 if not m.group(2) or int(m.group(2)) == 0 else 0  # "12 a.m. Saturday" closes Friday
    return h + (int(m.group(2)) / 60 if m.group(2) else 0.0)


def times(text: str, base: int, start: int, end: int) -> list[Quantity]:
    """Points in time a claim states as facts that outlets can agree or disagree on: ends of periods
    ("open through Jan. 29", "through the end of January", "in effect through Saturday evening") and
    clock times ("before a midnight Friday deadline", "lapses at midnight Friday"). A bare day
    ("on Friday") only dates the claim and is not a figure. Weekday times count hours from Monday
    0:00 of the story's week (unit "weekday-hours"); dates count days of the year ("day-of-year")."""
    lo_off, hi_off = max(0, start - base), min(len(text), end - base)
    out: list[Quantity] = []
    months, weekdays = _calendar_words(text, lo_off, hi_off)
    taken: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(text, lo_off, hi_off) if months else ():
        mon = m.group("mon")
        if mon.lower() == "may" and not (mon == "May" and (m.group("day") or m.group("edge") or m.group("rel"))):
            continue  # the verb "may"
        if mon.lower().startswith("mar") and mon[0].islower():
            continue  # "march" the verb
        role = _time_role(text, m.start(), m.end(), clock=False)
        if role is None:
            continue
        month = _MONTHS.get(mon.lower()[:3])
        if month is None:  # matched ignoring case through a look-alike letter ("ſept", "frıday"): not a date
            continue
        last_day = _MONTH_DAYS[month - 1]
        day0 = sum(_MONTH_DAYS[:month - 1])
        edge = (m.group("edge") or m.group("rel") or "").lower()
        if m.group("day"):
            d = int(m.group("day"))
            if not 1 <= d <= last_day:
                continue
            lo = hi = day0 + d
        elif edge in ("end", "close", "late"):
            lo, hi = day0 + 21, day0 + last_day
        elif edge in ("middle", "mid"):
            lo, hi = day0 + 11, day0 + 20
        elif edge in ("start", "beginning", "early"):
            lo, hi = day0 + 1, day0 + 10
        else:
            lo, hi = day0 + 1, day0 + last_day
        out.append(_time_quantity(text, base, m, role, "day-of-year", lo, hi))
        taken.append((m.start(), m.end()))
    for m in _WEEK_RE.finditer(text, lo_off, hi_off) if weekdays else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        clock = m.group("clock1") or m.group("clock2")
        role = _time_role(text, m.start(), m.end(), clock=bool(clock))
        if role is None:
            continue
        weekday = _WEEKDAY_INDEX.get(m.group("wd").lower())
        if weekday is None:
            continue
        day = weekday * 24
        if clock:
            h = _clock_hour(clock)
            if h is None:
                continue
            lo = hi = day + h
        elif m.group("part") and m.group("part").lower() in _PARTS:
            a, b = _PARTS[m.group("part").lower()]
            lo, hi = day + a, day + b
        elif (m.group("rel") or "").lower() == "late":
            lo, hi = day + 15, day + 24
        elif (m.group("rel") or "").lower() == "early":
            lo, hi = day, day + 12
        else:
            lo, hi = day, day + 24
        out.append(_time_quantity(text, base, m, role, "weekday-hours", lo, hi))
    return out


def _calendar_words(text: str, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether text[lo:hi] may hold a month, and a weekday, as _DATE_RE and _WEEK_RE read them."""
    if _CASE_TWINS.search(text):
        return True, True
    lowered = text.lower()
    return _MONTH_WORD.search(lowered, lo, hi) is not None, _WEEKDAY_WORD.search(lowered, lo, hi) is not None


def _time_role(text: str, s: int, e: int, clock: bool) -> Optional[str]:
    """ "until" for the end of a period ("through Jan. 29"), "at" for a clock time or a deadline,
    else None (a date that only says when something happened)."""
    before = text[max(0, s - 20):s]
    if _UNTIL.search(before):
        return "until"
    if clock or re.match(r"\s+deadline\b", text[e:e + 12], re.I):
        return "at"
    return None


def _time_quantity(text: str, base: int, m, role: str, unit: str, lo: float, hi: float) -> Quantity:
    s, e = m.start(), m.end()
    return Quantity(start=base + s, end=base + e, text=text[s:e], value=lo if lo == hi else None, low=lo, high=hi,
                    approximate=lo != hi, category=f"time:{role}", unit=unit)


def _inherit_groups(quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """ "22 militants were killed, bringing the toll to 177": a toll inherits the group counted beside it."""
    out = []
    for q in quantities:
        if q.category == "killed:total" and q.counted and re.search(r"\b(toll|tally)\b", q.counted):
            donors = [o.category for o in quantities if o is not q and o.category and o.category.startswith("killed:")
                      and o.category != "killed:total"]
            if len(set(donors)) == 1:
                q = replace(q, category=donors[0])
        out.append(q)
    return tuple(out)


# --------------------------------------------------------------------------- windows

WINDOW_KINDS = ("incident", "day", "span", "cumulative", "latest", "earlier", "later", "forecast", "part",
                "background")
from auditor.read.windows import (  # noqa: E402,F401  (kept importable from here)
    _MONTH_NAMES, _WEEKDAYS, _norm_window, comparable_scale, named_days_differ, same_window, window_kind)


def is_estimate(category: Optional[str]) -> bool:
    """Whether a category counts an estimated crowd (see ESTIMATED_OUTCOMES)."""
    return bool(category) and category.split(":")[0] in ESTIMATED_OUTCOMES


def is_physical_measure(category: Optional[str]) -> bool:
    """Whether a category is a physical measure of one thing (see measures): magnitude, depth,
    distance, length of a named thing."""
    return bool(category) and category.split(":")[0] in ("magnitude", "depth", "distance", "length")


def one_per_event(category: Optional[str]) -> bool:
    """A measure an event has once, however far apart its reports: a quake's magnitude, depth, and
    distance from a named place (agencies' solutions for a depth can differ twofold)."""
    return bool(category) and category.split(":")[0] in ("magnitude", "depth") or \
        bool(category) and category.startswith("distance:")


def mentions(quantities: Iterable[Quantity], category: str) -> list[Quantity]:
    return [q for q in quantities if q.category == category]
