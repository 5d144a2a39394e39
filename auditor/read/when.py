"""When: time expressions of news copy resolved to days, as far as the text fixes them.

A report says when its event happened relative to when it was written: "on Saturday", "last week",
"overnight", "on 31 January", "on New Year's Day", "in 2008". Resolved against the publication day
these give the event's day; without one, what the text fixes on its own is kept (a month and day, a
weekday, a year) so that two reports can still be told to be about different days. Everything here
is a pure function of its arguments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from dateutil.easter import easter

from auditor import vocab

WEEKDAYS = vocab.entries("weekdays")
MONTHS = vocab.entries("months")
_MONTH = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# Months as news copy writes them: capitalised, in full or in the short forms ("Jan.", "Sept.").
_MONTH_RE = "(?:" + "|".join([m.title() for m in MONTHS] + [m[:3].title() + r"\.?" for m in MONTHS if len(m) > 4]
                             + [r"Sept\.?"]) + ")"
_YEAR_RE = r"(?:1[89]|20)\d\d"

# Days named after the calendar (auditor/vocab/calendar_days.tsv): a month and day, or a distance
# from Easter; and words that count days back from the day of writing (relative_days.tsv).
_CALENDAR = vocab.table("calendar_days")
FIXED_DAYS = {name: tuple(int(x) for x in md.split("-")) for name, md in _CALENDAR.items()
              if not md.startswith("easter")}
EASTER_OFFSETS = {name: int(md[len("easter"):]) for name, md in _CALENDAR.items() if md.startswith("easter")}
RELATIVE = {row[0]: (int(row[1]), int(row[2])) for row in vocab.rows("relative_days")}

_WEEKDAY_PREFIX = r"(?:(?:" + "|".join(w.title() for w in WEEKDAYS) + r"),?\s+)?"  # "Saturday, Jan. 18, 2025"
_PATTERNS = [
    ("iso", re.compile(r"\b(" + _YEAR_RE + r")-(\d\d)-(\d\d)\b")),
    ("mdy", re.compile(r"\b" + _WEEKDAY_PREFIX + r"(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(" + _YEAR_RE + r")\b")),
    ("dmy", re.compile(r"\b" + _WEEKDAY_PREFIX + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH_RE + r")\s*,?\s+(" + _YEAR_RE + r")\b")),
    ("md", re.compile(r"\b" + _WEEKDAY_PREFIX + r"(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d)")),
    ("dm", re.compile(r"\b" + _WEEKDAY_PREFIX + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH_RE + r")\b(?!\s*,?\s*\d)")),
    ("named", re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(FIXED_DAYS | EASTER_OFFSETS, key=len,
                                                                        reverse=True)) + r")\b", re.I)),
    ("weekday", re.compile(r"\b(" + "|".join(w.title() for w in WEEKDAYS) + r")\b")),
    ("relative", re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(RELATIVE, key=len, reverse=True))
                            + r")\b", re.I)),
    ("year", re.compile(r"\bin\s+(" + _YEAR_RE + r")\b", re.I)),
]


@dataclass(frozen=True)
class When:
    """A time the text names, with what it fixes: a span of days (`low`..`high`) when it resolves to
    one, else the parts the text gives (a month and day, a weekday, a year)."""

    start: int
    end: int
    text: str
    low: Optional[date] = None
    high: Optional[date] = None
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None  # 0 = Monday

    @property
    def resolved(self) -> bool:
        return self.low is not None and self.high is not None

    def describe(self) -> str:
        if self.resolved:
            return self.low.isoformat() if self.low == self.high else f"{self.low.isoformat()} to {self.high.isoformat()}"
        if self.month and self.day:
            return f"{MONTHS[self.month - 1].title()} {self.day}"
        if self.weekday is not None:
            return WEEKDAYS[self.weekday].title()
        if self.year:
            return str(self.year)
        return self.text


def _month(word: str) -> Optional[int]:
    return _MONTH.get(word.lower().rstrip(".")[:4].rstrip(".")) or _MONTH.get(word.lower().rstrip(".")[:3])


def _day_of(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _named_day(name: str, year: int) -> Optional[date]:
    name = name.lower()
    if name in FIXED_DAYS:
        return _day_of(year, *FIXED_DAYS[name])
    return easter(year) + timedelta(days=EASTER_OFFSETS[name])


def _pick(anchor: date, candidates, nearest: bool) -> Optional[date]:
    """Of the candidate days (one a year, around the anchor's), the latest not after the anchor,
    or with `nearest` the nearest on either side."""
    days = [d for d in candidates if d is not None]
    if nearest:
        return min(days, key=lambda d: (abs((d - anchor).days), d)) if days else None
    days = [d for d in days if d <= anchor]
    return max(days) if days else None


def mentions(text: str, anchor: Optional[date] = None, nearest: bool = False) -> list[When]:
    """Every time expression of `text`, in reading order, resolved against `anchor` (the day of
    writing) where it is relative to it. A month and day without a year, a weekday or a named day
    are taken as the latest such day not after the anchor: news reports what has happened. With
    `nearest` the anchor is a day the text names, not the day of writing ("Lahaina on Tuesday,
    Aug. 8, 2023" in a caption, then "the mayor said Wednesday"): the nearest such day is taken."""
    found: list[When] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # a longer expression already covers it ("May 9, 2023" before "May 9")
            w = _resolve(kind, m, anchor, nearest)
            if w is not None:
                found.append(w)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda w: w.start)


_SINCE = re.compile(r"\bsince\s+$", re.I)
_SINCE_MONTH = re.compile(r"\bsince\s+(?:(?:the\s+)?(end|beginning|start|middle)\s+of\s+|(late|early|mid)[-\s]+)?("
                          + _MONTH_RE + r")(?![a-z])(?![.,\s]*\d)", re.I)
_PART_OF_MONTH = {"end": 20, "late": 20, "middle": 10, "mid": 10}


def ongoing_since(text: str, anchor: date) -> Optional[date]:
    """The first day of a state the text says has lasted "since" a time ("the rain that fell since
    the end of April", "flooding since Monday"), resolved against `anchor` (the day of writing): an
    event that lasts has no one day, and reports of it written days apart are still of one event."""
    starts = [w.low for w in mentions(text, anchor) if w.resolved and _SINCE.search(text[max(0, w.start - 12):w.start])
              and w.low <= anchor]
    for m in _SINCE_MONTH.finditer(text):
        month = _month(m.group(3))
        if month is None:
            continue
        year = anchor.year if month <= anchor.month else anchor.year - 1
        starts.append(date(year, month, _PART_OF_MONTH.get((m.group(1) or m.group(2) or "").lower(), 1)))
    return min(starts, default=None)


def _resolve(kind: str, m: re.Match, anchor: Optional[date], nearest: bool = False) -> Optional[When]:
    base = When(m.start(), m.end(), m.group(0))
    g = m.groups()
    if kind in ("iso", "mdy", "dmy"):
        if kind == "iso":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif kind == "mdy":
            y, mo, d = int(g[2]), _month(g[0]), int(g[1])
        else:
            y, mo, d = int(g[2]), _month(g[1]), int(g[0])
        day = _day_of(y, mo, d) if mo else None
        return replace(base, low=day, high=day, year=y, month=mo, day=d) if day else None
    if kind in ("md", "dm"):
        mo, d = (_month(g[0]), int(g[1])) if kind == "md" else (_month(g[1]), int(g[0]))
        if not mo or not 1 <= d <= 31:
            return None
        w = replace(base, month=mo, day=d)
        if anchor is not None:
            day = _pick(anchor, (_day_of(anchor.year + k, mo, d) for k in (-1, 0, 1)), nearest)
            w = replace(w, low=day, high=day, year=day.year if day else None)
        return w
    if kind == "named":
        name = g[0].lower()
        w = base
        if name in FIXED_DAYS:
            w = replace(w, month=FIXED_DAYS[name][0], day=FIXED_DAYS[name][1])
        if anchor is not None:
            day = _pick(anchor, (_named_day(name, anchor.year + k) for k in (-1, 0, 1)), nearest)
            w = replace(w, low=day, high=day, year=day.year if day else None, month=day.month if day else w.month,
                        day=day.day if day else w.day)
        return w if (w.month or w.resolved) else None
    if kind == "weekday":
        wd = WEEKDAYS.index(g[0].lower())
        w = replace(base, weekday=wd)
        if anchor is not None:
            day = _pick(anchor, (anchor + timedelta(days=k) for k in range(-6, 7) if
                                 (anchor + timedelta(days=k)).weekday() == wd), nearest)
            w = replace(w, low=day, high=day)
        return w
    if kind == "relative":
        if anchor is None:
            return None
        back_least, back_most = RELATIVE[g[0].lower()]
        return replace(base, low=anchor - timedelta(days=back_most), high=anchor - timedelta(days=back_least))
    if kind == "year":
        y = int(g[0])
        return replace(base, year=y, low=date(y, 1, 1), high=date(y, 12, 31))
    return None


def resolve(expression: str, anchor: Optional[date] = None, nearest: bool = False) -> Optional[When]:
    """One time expression resolved against the day of writing (None if it names no time)."""
    found = mentions(expression, anchor, nearest)
    return found[0] if found else None


_FULL_DATE_KINDS = ("iso", "mdy", "dmy")
_A_YEAR = re.compile(_YEAR_RE)


def full_dates(text: str) -> list[When]:
    """The full dates (day, month and year) of a text, quickly: only where a year is written."""
    if not _A_YEAR.search(text):
        return []
    found = []
    for kind, pattern in _PATTERNS:
        if kind in _FULL_DATE_KINDS:
            for m in pattern.finditer(text):
                w = _resolve(kind, m, None)
                if w is not None and not any(f.start < w.end and w.start < f.end for f in found):
                    found.append(w)
    return sorted(found, key=lambda w: w.start)


def first_dated(text: str) -> Optional[date]:
    """The first full date (day, month and year) of a text: the dateline of an article that has
    no publication date in its metadata."""
    for w in mentions(text):
        if w.resolved and w.low == w.high and w.day:
            return w.low
    return None


def parse_day(value: Optional[str]) -> Optional[date]:
    """An ISO date or datetime's day; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _circular(a: int, b: int, period: int) -> int:
    d = abs(a - b) % period
    return min(d, period - d)


@lru_cache(maxsize=4096)
def _day_of_year(month: int, day: int) -> int:
    return date(2001, month, min(day, 28 if month == 2 else day)).timetuple().tm_yday


def days_before(a: When, b: When) -> Optional[int]:
    """How many days `a` lies before `b`, when both fix that: resolved days, or two weekdays or two
    days of the month of unknown year, read the way round that is at most half as long as the other
    (Wednesday is two days before Friday; Wednesday and Saturday tell no order); else None."""
    if a.resolved and b.resolved:
        return (b.low - a.high).days if a.high < b.low else None
    if a.resolved or b.resolved:
        return None
    if a.month and a.day and b.month and b.day:
        back, period = (_day_of_year(b.month, b.day) - _day_of_year(a.month, a.day)) % 365, 365
    elif a.weekday is not None and b.weekday is not None and not a.day and not b.day:
        back, period = (b.weekday - a.weekday) % 7, 7
    else:
        return None
    return back if 0 < back and 2 * back <= period - back else None


def days_apart(a: When, b: When) -> Optional[int]:
    """The fewest days that can lie between two times, from what both fix; None when they fix
    nothing comparable (a weekday and a month-day of unknown year)."""
    if a.resolved and b.resolved:
        if a.high < b.low:
            return (b.low - a.high).days
        if b.high < a.low:
            return (a.low - b.high).days
        return 0
    for x, y in ((a, b), (b, a)):
        if not x.resolved or y.resolved:
            continue
        length = (x.high - x.low).days
        if (y.weekday is not None and not y.day and length >= 6) or length >= 365:
            return 0
        span = [x.low + timedelta(days=k) for k in range(length + 1)]
        if y.month and y.day:  # "Sunday (Sep. 3)": the day of the month says more than the weekday
            target = _day_of_year(y.month, y.day)
            return min(_circular(_day_of_year(d.month, d.day), target, 365) for d in span)
        if y.weekday is not None:
            return min(_circular(d.weekday(), y.weekday, 7) for d in span)
    if a.month and a.day and b.month and b.day:
        return _circular(_day_of_year(a.month, a.day), _day_of_year(b.month, b.day), 365)
    if a.weekday is not None and b.weekday is not None and not a.resolved and not b.resolved:
        return _circular(a.weekday, b.weekday, 7)
    return None
