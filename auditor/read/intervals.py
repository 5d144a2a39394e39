"""Figures as intervals: a qualifier read as bounds ("at least 23" is [23, inf), "nearly 50" is
[45, 50)), whether two figures can both hold, how far apart they are, and the interval in words for
a finding. Pure functions of Quantity values."""
from __future__ import annotations

import dataclasses
import math
import re
from typing import Optional

from auditor import vocab
from auditor.model import Quantity

INF = math.inf
_CURRENCIES = frozenset(row[1] for row in vocab.rows("currencies"))  # ISO codes: a figure in one is money
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# Each qualifier maps to how it bounds the figure v: (kind, ...). Longest phrases first.
_QUALIFIERS: list[tuple[str, str]] = sorted(
    [
        ("at least", "min"), ("no fewer than", "min"), ("no less than", "min"), ("a minimum of", "min"),
        ("not less than", "min"), ("not fewer than", "min"),
        ("more than", "gt"), ("over", "gt"), ("above", "gt"), ("upwards of", "gt"), ("in excess of", "gt"),
        ("well over", "gt"),
        ("nearly", "below"), ("almost", "below"), ("just under", "below"), ("close to", "below"), ("nigh on", "below"),
        ("up to", "max"), ("at most", "max"), ("no more than", "max"), ("not more than", "max"), ("a maximum of", "max"),
        ("fewer than", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
        ("as many as", "upto_approx"),
        ("about", "approx"), ("around", "approx"), ("approximately", "approx"), ("roughly", "approx"),
        ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"), ("nearly some", "approx"),
        ("circa", "approx"), ("or so", "approx"),
        # written after the number: "100 or more", "20 or fewer"
        ("or more", "min"), ("or over", "min"), ("or above", "min"), ("or fewer", "max"), ("or less", "max"),
    ],
    key=lambda q: -len(q[0]),
)
APPROX_SHARE = 0.1  # "about 50" is read as 45-55; "nearly 50" as 45-49


def qualifier_kind(qualifier: Optional[str]) -> Optional[str]:
    """How a qualifier bounds its figure: "min", "gt", "below", "max", "lt", "upto_approx", "approx"."""
    return dict(_QUALIFIERS).get((qualifier or "").lower().strip())


def interval(value: float, qualifier: Optional[str]) -> tuple[Optional[float], Optional[float], bool, bool, bool]:
    """(low, high, low_inclusive, high_inclusive, approximate) for a figure and its qualifier."""
    kind = dict(_QUALIFIERS).get((qualifier or "").lower().strip())
    slack = max(1.0, round(value * APPROX_SHARE))
    if kind == "min":
        return value, None, True, True, False
    if kind == "gt":
        return value, None, False, True, False
    if kind == "below":
        return max(0.0, value - slack), value, True, False, True
    if kind == "max":
        return 0.0, value, True, True, False
    if kind == "lt":
        return 0.0, value, True, False, False
    if kind == "upto_approx":
        return max(0.0, value - slack), value, True, True, True
    if kind == "approx":
        return max(0.0, value - slack), value + slack, True, True, True
    return value, value, True, True, False


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Whether both figures can be true of one quantity: their intervals share a point (and two
    tallies are the same pair: "52-47" and "52-48" cannot both be the vote)."""
    if a.second is not None and b.second is not None and a.second != b.second:
        return False
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    lo, hi = max(lo_a, lo_b), min(hi_a, hi_b)
    if lo < hi:
        return True
    if lo > hi:
        return False
    # touching at one point: both sides must include it
    inc = True
    for q, (l, h) in ((a, (lo_a, hi_a)), (b, (lo_b, hi_b))):
        if lo == l and not q.low_inclusive:
            inc = False
        if lo == h and not q.high_inclusive:
            inc = False
    return inc


def _bounds(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else -INF), (q.high if q.high is not None else INF)


def gap_ratio(a: Quantity, b: Quantity) -> float:
    """How far apart two figures are, as a ratio of the nearer ends (1.0 when they overlap)."""
    if overlaps(a, b):
        return 1.0
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    small, big = (hi_a, lo_b) if hi_a <= lo_b else (hi_b, lo_a)
    if big < 0:
        small, big = -big, -small  # two figures below zero ("-34 degrees" / "-33 degrees"): their sizes
    if small <= 0:
        return INF
    return big / small


_PLAIN_NUMERAL = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def slip_between(a: Quantity, b: Quantity) -> Optional[str]:
    """How one of two figures can be the other mistyped, or None: a digit dropped or added ("58" /
    "658"), two digits swapped ("5,334" / "3,534"), or a scale word dropped or doubled ("$75" / "$75 million",
    "$148,169,000 million" / "$148 million"). Such figures lie far apart, yet are one quantity written
    wrong once. Counts and sums only; a trailing zero dropped ("15" / "150") or two digits of a
    two-digit number swapped ("14" / "41") is as likely two counts, so neither is read as a slip."""
    if a.unit != b.unit or not (a.unit is None or a.unit in _CURRENCIES) or (a.second, b.second) != (None, None):
        return None
    if not a.value or not b.value or a.vague or b.vague:
        return None
    small, big = sorted((a, b), key=lambda q: q.value)
    for k in (1, 2, 3):
        scale = 1000.0 ** k
        if big.value / scale >= 1 and abs(big.value / scale - small.value) <= 1e-9 * small.value \
                or big.value / scale >= 10 and (small.low is None or small.low <= big.value / scale) \
                and (small.high is None or big.value / scale <= small.high) and small.low != small.high:
            return "a scale word dropped or doubled"
    da, db = _plain_digits(a.text), _plain_digits(b.text)
    if da is None or db is None or min(len(da), len(db)) < 2:
        return None
    short, long = sorted((da, db), key=len)
    if len(long) == len(short) + 1:
        if long.endswith("0") and short == long[:-1]:
            return None  # "200" / "20": a trailing zero, however the zeros before it are counted
        dropped = [long[:i] + long[i + 1:] for i in range(len(long))]
        return "a digit dropped or added" if short in dropped else None
    if len(long) == len(short) >= 3 and sum(x != y for x, y in zip(da, db)) == 2:  # ("14" / "41": two counts)
        i = next(i for i, (x, y) in enumerate(zip(da, db)) if x != y)
        return "two digits swapped" if i + 1 < len(da) and da[i] == db[i + 1] and da[i + 1] == db[i] else None
    return None


def _plain_digits(text: str) -> Optional[str]:
    """The digits of a figure written as one whole numeral without a scale word ("658", "1,175",
    "at least $75"), or None ("2.5 million", "two", "10-12")."""
    found = _PLAIN_NUMERAL.findall(text)
    if len(found) != 1 or re.search(r"\d[.]\d", text) or _SCALE_WORD.search(text):
        return None
    return found[0].replace(",", "")


_SCALE_WORD = re.compile(r"(?i)\d\s*(?:k|m|mn|bn|b)\b|\b(?:thousand|million|billion|trillion)\b")


def describe(q: Quantity) -> str:
    """The interval in words, for findings: "[23, inf)", "(70, inf)", "14", "52-47",
    "[$1.15 trillion, $1.25 trillion)", "Fri 24:00", "Jan 29"."""
    if q.second is not None and q.value is not None:
        return f"{_fmt(q.value)}-{_fmt(q.second)}"
    fmt = {"weekday-hours": _fmt_week, "day-hours": fmt_clock, "day-of-year": _fmt_day,
           "celsius": _fmt_celsius, "years": _fmt_years, "hours": _fmt_duration}.get(q.unit or "", _fmt)
    if q.unit in _CURRENCIES:
        fmt = _fmt_money
    if q.low == q.high and q.low is not None:
        return fmt(q.low)
    if q.unit == "weekday-hours" and q.low is not None and q.high == q.low + 24 and q.low % 24 == 0:
        return vocab.entries("weekdays")[int(q.low // 24) % 7].title()  # a whole day: "Tuesday"
    lo = "-inf" if q.low is None else fmt(q.low)
    hi = "inf" if q.high is None else fmt(q.high)
    return f"{'[' if q.low_inclusive and q.low is not None else '('}{lo}, {hi}{']' if q.high_inclusive and q.high is not None else ')'}"


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _fmt_years(v: float) -> str:
    return f"{_fmt(round(v, 2))} years"


_DURATION_UNITS = (("years", 8766.0), ("months", 730.5), ("weeks", 168.0), ("days", 24.0), ("hours", 1.0))


def _fmt_duration(v: float) -> str:
    """A length of time in hours, in the largest unit that counts it in whole or half units (7305 ->
    "10 months", 1176 -> "7 weeks", 3.5 -> "3.5 hours"), else the largest it fills."""
    if v == 0:
        return "0"
    fits = [(n, s) for n, s in _DURATION_UNITS if v >= s] or [("minutes", 1 / 60)]
    name, size = next(((n, s) for n, s in fits if round(v / s, 2) * 2 == int(round(v / s, 2) * 2)), fits[0])
    count = round(v / size, 2)
    return f"{_fmt(count)} {name[:-1] if count == 1 else name}"  # "1 day", "3 days"


def _fmt_celsius(v: float) -> str:
    """A temperature in degrees Celsius, to the tenth a Fahrenheit figure converts to: "48.9 °C"."""
    return f"{round(v, 1):g} °C"


def _fmt_money(v: float) -> str:
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(v) >= scale:
            return f"{v / scale:.4g} {word}"
    return _fmt(v)


def _fmt_week(v: float) -> str:
    day, hours = divmod(v, 24)
    if hours == 0 and day > 0:
        day, hours = day - 1, 24
    name = vocab.entries("weekdays")[int(day) % 7][:3].title()
    return f"{name} {int(hours):02d}:{int(round((hours % 1) * 60)):02d}"


def fmt_clock(v: float) -> str:
    """Hours of a day as a clock shows them: 18.25 -> "18:15"."""
    minutes = int(round(v * 60)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _fmt_day(v: float) -> str:
    day = int(v)
    for month, days in enumerate(_MONTH_DAYS):
        if day <= days:
            return f"{vocab.entries('months')[month][:3].title()} {day}"
        day -= days
    return _fmt(v)


# --------------------------------------------------------------------------- times of day on one clock

CLOCK_UNITS = ("weekday-hours", "day-hours")
TIME_POINT_UNITS = (*CLOCK_UNITS, "day-of-year")  # points in time, not sizes: a story shares them across its facts


def is_clock_time(q: Quantity) -> bool:
    """A time of day ("6:45 pm on Friday", "15:15 GMT"), with or without its weekday."""
    return q.unit in CLOCK_UNITS


def _local(clock: Optional[str]) -> bool:
    return clock is None or clock == "local" or clock.startswith("local:")


def same_clock(a: Quantity, b: Quantity) -> bool:
    """Whether two times of day are written on one clock, so that their hours can be compared: both on
    the place's own (no zone written, "local time", or moved onto the incident's clock), or both in one
    zone ("GMT" and "UTC"). A time in a zone that could not be put on the place's clock is not
    compared with a local one: the hours differ by an offset nobody knows."""
    if _local(a.clock) and _local(b.clock):
        return True
    return a.clock == b.clock


def on_one_clock(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """Two times of day in one unit: when one gives its weekday and the other does not ("6:45 pm on
    Friday", "15:15 GMT"), the weekday's time is read as hours of its day; else both as they are.
    Hours of a day are read round the clock: of the two, the later is taken on the next day when
    that brings them nearer ("midnight" at 24:00 and "00:10", "23:50" and "0:10")."""
    if {a.unit, b.unit} == set(CLOCK_UNITS):
        a, b = (_hours_of_day(q) if q.unit == "weekday-hours" else q for q in (a, b))
    if None in (a.low, a.high, b.low, b.high):
        return a, b
    if a.unit == b.unit == "weekday-hours":
        # "midnight on Friday" is read at the end of Friday ("a midnight Friday deadline"), but news
        # also writes it for the midnight Friday begins with ("the strike started at 12:01 a.m.
        # Friday"): the reading nearer the other time is taken
        if _midnight(b):
            b = min((b, _shifted(b, -24)), key=lambda q: abs(q.low + q.high - a.low - a.high))
        elif _midnight(a):
            a = min((a, _shifted(a, -24)), key=lambda q: abs(q.low + q.high - b.low - b.high))
        return a, b
    if a.unit != "day-hours" or b.unit != "day-hours":
        return a, b
    apart = (b.low + b.high - a.low - a.high) / 2
    if abs(apart) <= 12:
        return a, b
    days = round(apart / 24)
    return a, _shifted(b, -24 * days)


def _midnight(q: Quantity) -> bool:
    """A time written as "midnight" of a named day, read at that day's end."""
    return "midnight" in q.text.lower() and q.low == q.high and q.low is not None and q.low % 24 == 0


def _shifted(q: Quantity, hours: float) -> Quantity:
    value = None if q.value is None else q.value + hours
    return dataclasses.replace(q, low=q.low + hours, high=q.high + hours, value=value)


def _hours_of_day(q: Quantity) -> Quantity:
    if q.low is None or q.high is None:
        return q
    return dataclasses.replace(_shifted(q, -24 * math.floor(q.low / 24)), unit="day-hours")
