"""Records as a claim states them: a superlative and how far back it reaches ("its highest level since
1997", "the first rise in interest rates since December 2020", "the worst in two decades").

Why: two outlets that call one figure a record often disagree on how long it has stood, and the
two baselines can be compared as years once a relative one ("in 24 years") is counted back from the
day of writing. Pure functions over a claim's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from auditor import vocab
from auditor.read.numbers import parse_number

_MONTHS = vocab.entries("months")
# superlatives that make a record, and what they may grade between them and the time ("the highest
# level since", "the first rise in interest rates since")
_SUPERLATIVES = vocab.entries("record_superlatives")
_GRADED = r"(?:[\w’'-]+\s+){0,6}?"
_SINCE = re.compile(
    rf"\b(?P<sup>{'|'.join(_SUPERLATIVES)})\s+{_GRADED}since\s+(?:(?P<month>{'|'.join(m.title() for m in _MONTHS)})\s+)?"
    rf"(?P<year>(?:19|20)\d\d)\b", re.I)
_IN_YEARS = re.compile(
    rf"\b(?P<sup>{'|'.join(_SUPERLATIVES)})\s+{_GRADED}in\s+(?:(?:the\s+)?(?:past|last)\s+)?"
    rf"(?P<hedge>nearly|almost|about|around|more\s+than|over|at\s+least)?\s*"
    rf"(?P<n>\d{{1,3}}|[a-z]+)\s+(?P<unit>years|decades)\b", re.I)
_YEAR_HIGH = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+)-(?P<unit>year|decade)\s+(?P<sup>high|low)\b", re.I)  # "a new 24-year high"
# "nearly" and "more than" bound the span on one side; a bare number is the span give or take half a year
_HALF_YEAR = 0.5


@dataclass(frozen=True)
class Record:
    """A superlative and the span of years its record reaches back to, as [low, high] in years
    (fractional: June 1998 is about 1998.4). `start`/`end` are its words in the claim."""
    start: int
    end: int
    superlative: str
    low: float
    high: float


_MAY_HOLD_A_RECORD = re.compile(r"since|year|decade", re.I)


def records_in(text: str, written: Optional[date]) -> tuple[Record, ...]:
    """The records a claim's text states. A span in years or decades ("the worst in two decades")
    is counted back from `written`, the day of writing, and is left out when that is unknown."""
    if not _MAY_HOLD_A_RECORD.search(text):
        return ()  # most claims say no "since", no years and no decades: nothing to read
    out = []
    for m in _SINCE.finditer(text):
        year = int(m.group("year"))
        if m.group("month"):
            at = year + _MONTHS.index(m.group("month").lower()) / 12
            out.append(Record(m.start(), m.end(), m.group("sup").lower(), at, at + 1 / 12))
        else:
            out.append(Record(m.start(), m.end(), m.group("sup").lower(), year, year + 1))
    if written is not None:
        now = written.year + (written.timetuple().tm_yday - 1) / 365
        for m in _YEAR_HIGH.finditer(text):
            n = _count_of_years(m.group("n"))
            if n is None:
                continue
            decades = m.group("unit").lower() == "decade"
            back, give = now - n * (10 if decades else 1), 1 if decades else _HALF_YEAR
            out.append(Record(m.start(), m.end(), m.group("sup").lower() + "est", back - give, back + give))
        for m in _IN_YEARS.finditer(text):
            n = _count_of_years(m.group("n"))
            if n is None:
                continue
            decades = m.group("unit").lower() == "decades"
            years = n * (10 if decades else 1)
            hedge = (m.group("hedge") or "").lower().split()
            back = now - years
            low, high = back - _HALF_YEAR, back + _HALF_YEAR
            if hedge[:1] in (["nearly"], ["almost"]):
                high = back + 1  # "in nearly five years": a little less far back
            elif hedge[:1] in (["more"], ["over"], ["at"]):
                low = back - 1 if years < 10 else back - years / 5  # "in more than two years"
            elif hedge[:1] in (["about"], ["around"]) or decades:
                low, high = back - 1, back + 1
            out.append(Record(m.start(), m.end(), m.group("sup").lower(), low, high))
    return tuple(sorted(out, key=lambda r: r.start))


def _count_of_years(written: str) -> Optional[int]:
    """A whole number of years or decades as written ("24", "two"); None for anything else."""
    n = parse_number(written)
    return int(n) if n is not None and n > 0 and n == int(n) else None


def disagree(a: Record, b: Record) -> bool:
    """Two records of one superlative whose spans cannot both hold."""
    return a.superlative == b.superlative and (a.high <= b.low or b.high <= a.low)
