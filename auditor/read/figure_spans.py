"""Numbers as the parse shows them: a number's tokens and interval, the unit or currency written
with it ("$1.2 trillion", "80 km/h", "5,000 hectares"), tallies ("52-47"), a fraction sizing a
unit ("half a percentage point"), the rounding a scale word implies, the hedge before a number, and
which numbers are counts at all (not years, dates, times, ordinals, durations). Read on the parse,
not the text, because the tokens around a number say what kind of number it is. Pure functions."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from auditor import vocab
from auditor.read.counts import GROUPS, count_noun_outcome, list_siblings
from auditor.read.intervals import _QUALIFIERS
from auditor.read.numbers import GLUED_SCALE, _MULTIPLIERS, _SCALE_ABBREV, _SCALES, _TENS, _UNITS, _VAGUE_TENS, half_step, parse_number, vague_interval

# Words of time a number may modify ("two days", "Friday's 12"): not what the figure counts.
_TIME_WORDS = vocab.words("weekdays") | vocab.words("months") | vocab.words("time_units") | {
    "yesterday", "today", "tonight", "night", "weekend", "decade", "decades", "morning", "evening", "afternoon"}
WORDS_OF_TIME = _TIME_WORDS | {"ago", "old"}  # the words a date holds besides its numbers ("78 days ago", "78 years old")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERCENT", "QUANTITY"}


class NumberSpan(NamedTuple):
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


REPORTING_VERBS = vocab.words("reporting_verbs") | vocab.words("reporting_verbs_neutral")  # "said", "told", "reported"
_CURRENCY_SIGNS = {row[0]: row[1] for row in vocab.rows("currencies") if row[2] == "sign"}  # "$5", "Rs 10"
CURRENCY_WORDS = {row[0]: row[1] for row in vocab.rows("currencies") if row[2] == "word"}  # "10 euros"
FAHRENHEIT = "fahrenheit"  # read in degrees Celsius: (F - 32) * 5 / 9, the one unit whose zero moves
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
    (("barrels",), "litres", 158.987), (("barrel",), "litres", 158.987), (("bbl",), "litres", 158.987),
    (("gallons",), "litres", 3.78541), (("gallon",), "litres", 3.78541),
    (("litres",), "litres", 1.0), (("liters",), "litres", 1.0), (("litre",), "litres", 1.0), (("liter",), "litres", 1.0),
    (("cubic", "metres"), "litres", 1000.0), (("cubic", "meters"), "litres", 1000.0),
    (("cubic", "metre"), "litres", 1000.0), (("cubic", "meter"), "litres", 1000.0),
    # (a "ton" is read as a metric tonne: the short ton is 0.907 of one, within most reports' rounding)
    (("tonnes",), "tonnes", 1.0), (("tonne",), "tonnes", 1.0), (("tons",), "tonnes", 1.0), (("ton",), "tonnes", 1.0),
    (("metric", "tons"), "tonnes", 1.0), (("metric", "tonnes"), "tonnes", 1.0),
    (("kilograms",), "tonnes", 0.001), (("kilogram",), "tonnes", 0.001), (("kg",), "tonnes", 0.001),
    (("kilos",), "tonnes", 0.001),
    (("pages",), "pages", 1.0), (("page",), "pages", 1.0),
    (("degrees", "celsius"), "celsius", 1.0), (("degree", "celsius"), "celsius", 1.0), (("°", "c"), "celsius", 1.0),
    (("°c",), "celsius", 1.0), (("degrees", "c"), "celsius", 1.0), (("celsius",), "celsius", 1.0),
    (("degrees", "fahrenheit"), FAHRENHEIT, 5 / 9), (("degree", "fahrenheit"), FAHRENHEIT, 5 / 9),
    (("°", "f"), FAHRENHEIT, 5 / 9), (("°f",), FAHRENHEIT, 5 / 9), (("degrees", "f"), FAHRENHEIT, 5 / 9),
    (("fahrenheit",), FAHRENHEIT, 5 / 9),
], key=lambda u: -len(u[0]))


_UNIT_NAMES = frozenset(w for pattern, _, _ in _UNIT_WORDS for w in pattern if len(w) > 3 and w.isalpha())


def is_unit_word(text: str) -> bool:
    """A unit's name ("Fahrenheit", "Celsius", "kilometres"), which the tagger may take for a place."""
    return text.strip().lower() in _UNIT_NAMES


_CHANGE_VERBS = vocab.words("change_verbs")
_CHANGE_AFTER = {"every", "per", "warmer", "hotter", "cooler", "colder", "higher", "lower", "above", "below", "more", "less"}


def temperature_change(doc, first: int, unit_end: int) -> bool:
    """A temperature that is a change, not a level: "rising 0.4 degrees Celsius every decade", "warmer
    by 2 degrees", "2 degrees above average"; read from the words around it."""
    before = doc[max(0, first - 2):first]
    after = {t.lower_ for t in doc[unit_end + 1:unit_end + 3]}
    return any(t.lower_ == "by" or t.lemma_.lower() in _CHANGE_VERBS for t in before) or bool(after & _CHANGE_AFTER)


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


def number_at(doc, tok) -> Optional[NumberSpan]:
    """The number starting at `tok` with its interval, unit and extent, else None."""
    text = tok.text.lower()
    # every tally begins with a digit (\d is what str.isdecimal accepts): most tokens skip the regexes
    tally = _is_tally(doc, tok.i) if tok.text[:1].isdecimal() else None
    if tally is not None:
        a, b, last = tally
        return NumberSpan(tok.i, last, a, a, unit="tally", second=b, value_first=tok.i)
    if text in _VAGUE_TENS and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" \
            and doc[tok.i + 2].lower_.rstrip("s") in _SCALES:
        # "tens of billions", "hundreds of thousands"
        if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
            return None
        lo, hi = vague_interval(f"{text} {doc[tok.i + 2].lower_.rstrip('s')}")
        return NumberSpan(tok.i, tok.i + 2, lo, hi, True, value_first=tok.i)
    vague = vague_interval(text)
    if vague is not None and tok.pos_ in ("NOUN", "NUM") and not (text == "dozen" and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "one")):
        if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
            return None
        return NumberSpan(tok.i, tok.i, vague[0], vague[1], True, value_first=tok.i)
    fraction = _fraction_of_unit(doc, tok) or _fraction_of_scale(doc, tok)
    if fraction is not None:
        return fraction
    glued = _GLUED_PERCENT.fullmatch(tok.text)
    if glued is not None:  # "0.1pc", "minus 0.1pc": a share with its unit glued on (British style)
        first, sign = _sign(doc, tok)
        value = sign * float(glued.group(1).replace(",", ""))
        return NumberSpan(first, tok.i, value, value, unit="percent", unit_end=tok.i, value_first=tok.i)
    first = tok.i
    if text in _MULTIPLIERS and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "one"):
        first = tok.i - 1  # "a dozen soldiers": twelve
    elif not (tok.like_num or tok.pos_ == "NUM" or text in _UNITS or text in _TENS
              or GLUED_SCALE.fullmatch(text) and _currency_before(doc, first)):  # "$750k", "£1.2bn"
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
    if text in _SCALES and first == tok.i > 0 and doc[tok.i - 1].lower_ in ("several", "few"):
        # "several hundred thousand people", "a few thousand": as vague as "hundreds of thousands"
        return NumberSpan(tok.i - 1, last, 2 * value, 10 * value - 1, True, value_first=tok.i)
    if first == tok.i:
        first, sign = _sign(doc, tok)
        value *= sign  # "-0.1%", "minus 0.1 per cent": below zero
    half = _rounding(doc, tok.i, last, value)
    unit = _unit_after(doc, last) if not currency else None
    if currency is None and last + 1 < len(doc) and doc[last + 1].lower_ in CURRENCY_WORDS \
            and (half or doc[last + 1].dep_ != "pobj"):
        currency = (CURRENCY_WORDS[doc[last + 1].lower_], tok.i)
    elif currency is None and half and last + 2 < len(doc) and doc[last + 1].text in ("-", "–") \
            and doc[last + 2].lower_ in CURRENCY_WORDS:
        currency = (CURRENCY_WORDS[doc[last + 2].lower_], tok.i)  # "a 95-billion-dollar package"
    if currency is not None:
        return NumberSpan(currency[1], last, value, value, unit=currency[0], half=half, value_first=tok.i)
    if unit is not None:
        name, factor, unit_end = unit
        if name == FAHRENHEIT:
            # a level from the Fahrenheit zero, then scaled as any other unit; a change ("warmed by
            # 0.72 degrees Fahrenheit every decade") is scaled only
            name, value = "celsius", value if temperature_change(doc, tok.i, unit_end) else value - 32
        return NumberSpan(first, last, value * factor, value * factor, unit=name, unit_end=unit_end, factor=factor,
                    half=half * factor, value_first=tok.i)
    if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
        return None
    if not _is_count(doc, tok, last, value):
        return None
    if first != tok.i:
        return NumberSpan(first, last, value, value, value_first=first)  # "a dozen"
    # ranges: "30-40", "30 to 40", "between 275,000 and 325,000", "between 1.2 and 1.5 million"
    before = doc[first - 1].lower_ if first > 0 else ""
    if last + 2 < len(doc) and before != "from" and doc[last + 2].like_num \
            and (doc[last + 1].text in ("-", "–", "to") or before == "between" and doc[last + 1].lower_ == "and"):
        # (not "from 20 to 40": a change from one figure to another)
        end = _number_end(doc, last + 2, False)
        other = parse_number(doc[last + 2:end + 1].text)
        bare = parse_number(doc[last + 2].text)
        if other is not None and bare and end > last + 2 and last == tok.i and value < bare:
            # the scale after the second number sizes both: "1.2 and 1.5 million". Read the first with
            # those scale words rather than multiply by other / bare, whose rounding would make "1 and
            # 1.1 million" start at 999,999.9999999999, not the 1,000,000 that "1 million" reads as
            scaled = parse_number(f"{doc[tok.i].text} {doc[last + 3:end + 1].text}")
            value = scaled if scaled is not None else value * other / bare
        if other is not None and other > value:
            return NumberSpan(tok.i, end, value, other, value_first=tok.i)
    m = re.match(r"^(\d+)[-–](\d+)$", tok.text)
    if m and int(m.group(2)) > int(m.group(1)):
        return NumberSpan(tok.i, last, float(m.group(1)), float(m.group(2)), value_first=tok.i)
    return NumberSpan(tok.i, last, value, value, half=half, value_first=tok.i)


_FRACTIONS = {word: float(value) for word, value in vocab.rows("fractions")}
_FRACTION_FILLERS = {"a", "an", "of", "-", "\u2013"}
_POINT_WORDS = {"point", "points"}


def _fraction_of_unit(doc, tok) -> Optional[NumberSpan]:
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
    return NumberSpan(tok.i, tok.i, value, value, unit="points", unit_end=unit[2], value_first=tok.i)


def _fraction_of_scale(doc, tok) -> Optional[NumberSpan]:
    """A fraction word sizing a scale word: "half a million", "a quarter of a million", "a half
    million", "half a dozen" (a round figure, written to that fraction of the scale)."""
    value = _FRACTIONS.get(tok.lower_)
    if value is None:
        return None
    k = tok.i
    while k + 1 < len(doc) and doc[k + 1].lower_ in ("a", "an", "of") and k - tok.i < 3:
        k += 1
    if k == tok.i and not (tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "an")):
        return None  # "half million" alone is no figure; "a half million" is
    scale = (_SCALES.get(doc[k + 1].lower_) or _MULTIPLIERS.get(doc[k + 1].lower_)) if k + 1 < len(doc) else None
    if scale is None:
        return None
    if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
        return None
    return NumberSpan(tok.i, k + 1, value * scale, value * scale, value_first=tok.i)


_GLUED_PERCENT = re.compile(r"[-\u2212]?(\d[\d,]*(?:\.\d+)?)pc", re.I)


def _sign(doc, tok) -> tuple[int, int]:
    """(first token, sign) of a number written below zero: a minus glued on ("-0.1", "\u22123") that
    does not join it to a number before (a range, "5 -6"), or a word before it ("minus 0.1")."""
    if tok.text[:1] in "-\u2212" and tok.text[1:2].isdigit() and not (tok.i > 0 and doc[tok.i - 1].like_num):
        return tok.i, -1
    if tok.i > 0 and doc[tok.i - 1].lower_ in ("minus", "negative"):
        return tok.i - 1, -1
    return tok.i, 1


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
                or nxt in ("-", "–") and (after in _UNITS or after in _SCALES):
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
    half = half_step(doc[first].text)
    if any(t.lower_ == "half" for t in doc[first:last]):
        half = min(half, 0.05)  # "one and a half million" is written to the tenth, as "1.5 million"
    return half * scale


def _is_count_in_date(tok) -> bool:
    """spaCy sometimes tags a count as DATE ("the 22 days" is a duration, but "22 militants" is not,
    nor "the death toll was 78", "the number of bodies recovered was 78": a count noun's value)."""
    head = tok.head
    if tok.dep_ == "nummod" and head.lemma_.lower() in GROUPS and head.text.lower() not in _TIME_WORDS:
        return True
    if tok.ent_type_ == "DATE" and tok.like_num and no_day_or_year(tok.text) and (_no_date_words(tok) or _bare_range(tok)):
        return not _an_age(tok)  # "the Greens - 85": a name and a count the tagger took for a date
    return tok.ent_type_ == "DATE" and tok.like_num and not _in_longer_date(tok) \
        and (count_noun_outcome(tok, None) is not None or no_day_or_year(tok.text) and not _an_age(tok))


_RANGE_WORDS = frozenset({"between", "from", "and", "to", "-", "–"})


def _bare_range(tok) -> bool:
    """A range of two counts the tagger took for a date ("rose to between 88 and 107 on Friday"):
    the number and its partner, with only range words between and before them and no word of time
    right after ("between 14 and 15 June" is a date)."""
    doc = tok.doc
    first = tok.head if tok.dep_ == "conj" and tok.head.like_num else tok
    partners = [c for c in first.children if c.dep_ == "conj" and c.like_num]
    if not partners:
        return False
    lo, hi = first.i, max(c.i for c in partners)
    while lo > 0 and doc[lo - 1].lower_ in ("between", "from"):
        lo -= 1
    inside = doc[lo:hi + 1]
    after = doc[hi + 1] if hi + 1 < len(doc) else None
    return all(t.like_num and no_day_or_year(t.text) or t.lower_ in _RANGE_WORDS for t in inside) \
        and not (after is not None and after.lower_ in WORDS_OF_TIME)


def _no_date_words(tok) -> bool:
    """The date the tagger sees around a number holds no other number and no word of time ("Greens - 85")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and not says_a_time(ent) and not any(t.like_num and t.i != tok.i for t in ent)


def says_a_time(tokens) -> bool:
    """Some word of the tokens names a time: a day, a month, a unit of time, "ago", "old"."""
    return any(t.lower_ in WORDS_OF_TIME for t in tokens)


def _an_age(tok) -> bool:
    """ "He was 78": a person's age, which the tagger also calls a date."""
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return tok.head.lemma_ == "be" and subject is not None and (subject.pos_ in ("PRON", "PROPN")
                                                                 or subject.ent_type_ == "PERSON")


def no_day_or_year(text: str) -> bool:
    """A bare number that cannot be a day of a month or a year ("32", "108"): whatever the tagger
    says, no date ("the number of deaths and injuries is 32 and 108", "an initially reported 32")."""
    return text.isdigit() and 31 < int(text) < 1000


def _in_longer_date(tok) -> bool:
    """The number is part of a date written with other words ("June 14", "78 days ago")."""
    return any(t.ent_type_ == "DATE" and t.i != tok.i and abs(t.i - tok.i) <= 2 and not t.is_punct
               for t in tok.doc[max(0, tok.i - 2):tok.i + 3])


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


_CURRENCY_CODES = frozenset({*CURRENCY_WORDS.values(), *_CURRENCY_SIGNS.values()})


def currency_carried(doc, spans: list[NumberSpan]) -> list[NumberSpan]:
    """The spans, a bare sum in a list of sums taking the currency written once before it ("over
    60-billion dollars to help Ukraine, 23 billion for Israel and about eight billion for Taiwan"):
    a number with a scale word and no noun of its own, right after a comma or a conjunction, whose
    sentence gave the sum before it in a currency."""
    out = list(spans)
    for k, num in enumerate(out):
        if num.unit is not None or not num.half or num.vague or k == 0:
            continue
        before = out[k - 1]
        if before.unit not in _CURRENCY_CODES or not before.half:
            continue
        if doc[before.last].sent.start != doc[num.first].sent.start:
            continue
        _, start = qualifier_before(doc, num.first)
        joined = start > 0 and (doc[start - 1].text == "," or doc[start - 1].pos_ == "CCONJ")
        after = doc[num.last + 1] if num.last + 1 < len(doc) else None
        if joined and (after is None or after.pos_ not in ("NOUN", "PROPN")):
            out[k] = num._replace(unit=before.unit)
    return out


def qualifier_before(doc, first: int) -> tuple[Optional[str], int]:
    """The hedging words right before the number ("at least", "more than") and where they start."""
    window = doc[max(0, first - 4):first]
    words = [t.lower_ for t in window]
    joined = " ".join(words)
    for phrase, _ in _QUALIFIERS:
        if joined.endswith(phrase) and (len(joined) == len(phrase) or joined[-len(phrase) - 1] == " "):
            n = len(phrase.split())
            return phrase, first - n
    return None, first


_AFTER_QUALIFIERS = {tuple(phrase.split()): phrase for phrase, _ in _QUALIFIERS if phrase.startswith("or ")}


def qualifier_after(doc, last: int) -> tuple[Optional[str], int]:
    """The hedging words right after a number ("100 or more", "50 or so") and the last of them, else
    (None, last)."""
    words = tuple(t.lower_ for t in doc[last + 1:last + 3])
    phrase = _AFTER_QUALIFIERS.get(words)
    return (phrase, last + 2) if phrase else (None, last)


def counts_of_one(doc, spans: list["NumberSpan"]) -> list["NumberSpan"]:
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
        siblings = list_siblings(noun)
        if any(s.i in numbered for s in siblings) and _coordinated(noun, siblings) \
                and not _speaker_before_reporting_verb(noun):
            out.append(NumberSpan(det.i, det.i, 1.0, 1.0, value_first=det.i))
    return out


def _coordinated(noun, siblings) -> bool:
    """The nouns form a list joined by a conjunction ("two churches, a synagogue, and a police post"),
    not a noun and its apposition, which says what the counted are ("80,000 livestock, a vital
    commodity for Afghanistan's poor")."""
    return any(c.dep_ == "cc" for t in (noun, *siblings) for c in t.children)


def _speaker_before_reporting_verb(noun) -> bool:
    """The noun phrase is the speaker of a reporting verb right after it ("killing at least 51 people
    and trapping survivors, a spokesperson for the fire department said"), which the parse may hang
    on the list before it: who said it, not one more of those counted."""
    end = max(t.i for t in noun.subtree) + 1
    doc = noun.doc
    return end < len(doc) and doc[end].pos_ in ("VERB", "AUX") and doc[end].lemma_.lower() in REPORTING_VERBS
