"""Dates and points in time a claim states as figures, each compared with other outlets' for the
same thing. The date an event happened on ("the train collided on Friday, 2 June"; "the crash
happened on May 2"): a day of the year, only a full date (day and month) said of the clause's own
act, not of a report about it ("officials said on Monday"). And the points a claim states as facts:
the end of a period ("open through Jan. 29": ``time:until``) and clock times or deadlines ("before
a midnight Friday deadline": ``time:at``), as days of the year or hours of the story's week."""
from __future__ import annotations

import re
from typing import Optional

from auditor import vocab
from auditor.model import Quantity
from auditor.read.figure_spans import REPORTING_VERBS
from auditor.read.intervals import _MONTH_DAYS

_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH = re.compile(rf"^(?:[a-z]+,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH.replace('mon>', 'mon2>')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?$", re.I)
_MONTHS = {m[:3]: k for k, m in enumerate(vocab.entries("months"), 1)}
_WEEKDAYS = vocab.words("weekdays")


def day_of_year(text: str) -> Optional[int]:
    """ "Friday, 2 June" -> 153, "May 2" -> 122, "April 3rd, 2024" -> 93 (a common year), else None."""
    m = _DAY_MONTH.match(" ".join(text.split()))
    if not m:
        return None
    mon = (m.group("mon") or m.group("mon2")).lower()[:3]
    day = int(m.group("d1") or m.group("d2"))
    month = _MONTHS[mon]
    if not 1 <= day <= _MONTH_DAYS[month - 1] + (month == 2):
        return None
    return sum(_MONTH_DAYS[:month - 1]) + day


def event_dates(doc, base: int, start: int, end: int) -> list[Quantity]:
    """The dates in [start, end) that say when the clause's own act happened: a full date ("on 2
    June", day of the year) or a weekday ("on Thursday", "late on Wednesday night": hours of the
    story's week, as clock times are), not the day of a report ("officials said on Monday")."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not (start <= base + ent.start_char < end):
            continue
        written = _with_part_of_day(doc, ent)  # "Monday night", which the tagger may tag as two
        doy = day_of_year(written.text)
        day = _weekday_span(written.text) if doy is None else None
        if doy is None and day is None or day is not None and _dated_after(doc, ent):
            continue  # (a weekday the date after it names: "on Friday, 2 June" is read as that date)
        k = ent.start - 1
        while k >= 0 and ent.start - k <= 3 and (doc[k].is_punct or doc[k].lower_ in _WEEKDAYS):
            k -= 1  # "on Friday, 2 June"
        prep = doc[k] if k >= 0 else None
        if prep is not None and prep.lower_ == "on":
            verb = _act_of(prep)
        else:
            verb = _act_dated_bare(ent)  # "the boat that sank Thursday", "capsized Thursday afternoon"
        if verb is None or _one_more(verb):
            continue
        if doy is not None:
            low = high = float(doy)
        else:
            low, high = day
        out.append(Quantity(start=base + written.start_char, end=base + written.end_char, text=written.text,
                            value=low if low == high else None, low=low, high=high, category="date:event",
                            unit="day-of-year" if doy is not None else "weekday-hours", counted=verb.lemma_.lower(),
                            high_inclusive=doy is not None))
    return out


def _dated_after(doc, ent) -> bool:
    """A weekday followed by the date it falls on ("Friday, 2 June")."""
    k = ent.end
    while k < len(doc) and k - ent.end < 2 and doc[k].is_punct:
        k += 1
    return k < len(doc) and doc[k].ent_type_ == "DATE" and any(
        e.start <= k < e.end and day_of_year(e.text) is not None for e in doc.ents)


def _act_of(prep):
    """The verb whose act a date's "on" dates, or None when that verb reports ("said on Monday") or
    is an infinitive, whose act is planned or hangs on another verb's."""
    verb = prep.head if prep.dep_ == "prep" else None
    for _ in range(3):  # "collided with a freight train on 2 June": the parser may hang it on the object
        if verb is None or verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in REPORTING_VERBS \
            or verb.dep_ == "prep":  # "According to the figures ... on Sunday": a preposition, no act
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "introduced the motion to remove McCarthy ... on Monday": the day may be either act's
    return verb


_INCREMENT_WORDS = frozenset({"another", "more", "further", "additional"})


def _one_more(verb) -> bool:
    """The act is one of a series: done to "another" or "one more" of what it is done to ("Late on
    Tuesday afternoon, another body was recovered"), so its day is one of many, not the day of the act."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                t.lower_ in _INCREMENT_WORDS and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "than")
                for t in c.subtree if t.i <= c.i):
            return True  # ("more than 20 people" is a bound, not one more)
    return False


def _with_part_of_day(doc, ent):
    """The date with the part of the day written right after it and tagged apart ("Monday" +
    "night": the hours from Monday evening to Tuesday morning, not all of Monday)."""
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _PARTS and ent.root.dep_ == "compound" and ent.root.head.i == nxt.i:
        return doc[ent.start:ent.end + 1]
    return ent


def _act_dated_bare(ent):
    """The verb a date written without "on" dates, as American copy writes it ("the boat that sank
    Thursday", "capsized off Syria's coast Thursday afternoon"): the date phrase hangs from the verb as
    its adverb of time. Not a reporting verb ("officials said Thursday")."""
    root = ent.root
    if root.dep_ == "compound" and root.head.lower_ in _PARTS:
        root = root.head  # "Thursday afternoon", tagged as two names of time
    if root.dep_ != "npadvmod":
        return None
    verb = root.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in REPORTING_VERBS or verb.dep_ == "prep" \
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return verb


_BARE_WEEKDAY = re.compile(r"^(?:(?P<rel>late|early)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|"
                           r"sunday)(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?$", re.I)


def _weekday_span(text: str) -> Optional[tuple[float, float]]:
    """Hours of the story's week a weekday written alone covers ("Thursday": 72-96; "Wednesday night":
    its evening and the small hours after), or None."""
    m = _BARE_WEEKDAY.match(text.strip())
    if m is None:
        return None
    day = _WEEKDAY_INDEX[m.group("wd").lower()] * 24
    if m.group("part"):
        a, b = _PARTS[m.group("part").lower()]
        return float(day + a), float(day + b)
    if (m.group("rel") or "").lower() == "late":
        return float(day + 15), float(day + 24)
    if (m.group("rel") or "").lower() == "early":
        return float(day), float(day + 12)
    return float(day), float(day + 24)


# --------------------------------------------------------------------------- points in time

_WEEKDAY_INDEX = {d: k for k, d in enumerate(vocab.entries("weekdays"))}
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
    for q, s, e in clock_times(text, base, lo_off, hi_off):
        out.append(q)
        taken.append((s, e))
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


# --------------------------------------------------------------------------- clock times and their zones

# Zone words as data (auditor/vocab/time_zones.tsv): word -> an IANA zone, a fixed offset or "local".
ZONES = vocab.table("time_zones")
# An abbreviation ("ET", "GMT") is a zone only in capitals, so that "7 p.m. west of the city" or "at
# 9 am local" keep their words; a phrase ("local time", "Moscow time") is read in any case.
_ZONE_ABBREVIATIONS = sorted((w.upper() for w in ZONES if " " not in w and ZONES[w] != "local"), key=len, reverse=True)
_ZONE_PHRASES = sorted((w for w in ZONES if " " in w or ZONES[w] == "local"), key=len, reverse=True)
_ZONE = (r"(?P<zone>(?-i:" + "|".join(map(re.escape, _ZONE_ABBREVIATIONS)) + r")(?![A-Za-z])|(?:"
         + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _ZONE_PHRASES) + r")(?![A-Za-z]))")
_AMPM = r"(?P<ap>[ap])(?:\.\s?m\.|\s?m\b)"
_CLOCK_TIME = re.compile(
    r"(?<![\w:.,$£€])(?:(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?(?::(?P<s>[0-5]\d))?\s*" + _AMPM
    + r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])|(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*(?:GMT|UTC|hrs\b))"
    + r"|(?P<word>midnight|noon)(?=\s*\(?" + _ZONE.replace("?P<zone>", "?:") + "))"
    + r"(?:\s*\(?(?:" + _ZONE + r"|(?P<hrs>hrs\b|hours\b|h\b))\)?)?"
    + rf"(?:,?\s+(?:on\s+)?(?P<wd>{_WD})\b)?", re.I)
_DATE_AFTER = re.compile(rf",?\s+(?:on\s+)?(?:the\s+)?(?:{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON})", re.I)
_DATE_BEFORE = re.compile(rf"(?:{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON})(?:,?\s+\d{{4}})?,?\s+(?:at\s+)?$", re.I)
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{_WD}),?\s+(?:at\s+)?$", re.I)
# Hedges before a time, as the interval they make of a time written to the nearest `step` hours.
_HEDGES = vocab.table("time_hedges")  # "around" / "before" / "after": see auditor/vocab/time_hedges.tsv
_NEAR = re.compile(r"\b(?P<w>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_HEDGES, key=len, reverse=True))
                   + r")\s+(?:at\s+)?$", re.I)
# A preposition of time, hedged or not, before a 24-hour time ("at around 15:15"): not a score.
_AT_BEFORE = re.compile(r"\b(?:at|by|from|until|till|to|between|and|after|before)\s+(?:(?:"
                        + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                   for w in sorted(set(_HEDGES) | {"exactly", "precisely"}, key=len, reverse=True))
                        + r")\s+)?$", re.I)


def is_zone_word(text: str) -> bool:
    """A clock's name ("GMT", "ET", "Moscow time", "local time"): a zone, never a place or a party."""
    return " ".join(text.lower().split()) in ZONES


def clock_step(minutes: int, seconds: int = 0) -> float:
    """The step a time of day was rounded to, in hours: "7 p.m." the hour, "6:45" a quarter-hour,
    "1:25" five minutes, "1:27" or "1:29:39" less."""
    if seconds:
        return 1 / 3600
    for step in (60, 15, 5):
        if minutes % step == 0:
            return step / 60
    return 1 / 60


def clock_times(text: str, base: int, lo: int, hi: int) -> list[tuple[Quantity, int, int]]:
    """Times of day in text[lo:hi] as the clock they are written on: "6:45 pm on Friday",
    "7:58 a.m. local time on Wednesday", "11:58 p.m. GMT on Tuesday", "at around 15:15 GMT",
    "7:30 p.m. ET", "about 1:30am". A 24-hour time ("15:15") is a time only with a zone word,
    "hrs", or a preposition of time before it ("at 15:15"), not a score or a ratio. With a weekday
    the time counts hours from Monday 0:00 of the story's week (unit "weekday-hours"), without one
    hours of the day ("day-hours"); the zone word's clock is kept (`Quantity.clock`: an IANA name,
    a fixed offset, or "local"), to be put on the incident's clock once its place is known (the
    crossdoc stage). Hedges make an interval one rounding step wide ("around 15:15" is 15:00 to
    15:30; "just before 8:00 a.m." 7:00 to 8:00)."""
    out = []
    if not _maybe_clock(text, lo, hi):
        return out
    for m in _CLOCK_TIME.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if text[e - 1] == ")" and "(" not in text[s:e]:
            e -= 1  # "(8AM CEST)": the bracket closes around the time, it is no part of it
        zone = m.group("zone")
        if m.group("h24") is not None or m.group("hm") is not None:
            written = m.group("h24") if m.group("h24") is not None else m.group("hm")
            if not (zone or m.group("hrs") or _AT_BEFORE.search(text[max(0, s - 40):s])
                    and (int(written) >= 13 or written.startswith("0"))):
                continue  # "a 15:15 split", "3:1"; "at 6:30" may be morning or evening: a clock word decides
            h = int(written)
            minutes = int(m.group("m24") if m.group("m24") is not None else m.group("mm"))
            seconds = 0
        elif m.group("word"):
            h, minutes, seconds = (24 if m.group("word").lower() == "midnight" else 12), 0, 0
        else:
            h, minutes, seconds = int(m.group("h")), int(m.group("m") or 0), int(m.group("s") or 0)
            if not 1 <= h <= 12:
                continue
            pm = m.group("ap").lower() == "p"
            h = h % 12 + (12 if pm else 0)
            if h == 0 and not minutes and not seconds and not m.group("m"):
                h = 24 if m.group("wd") else 0  # "12 a.m. Saturday" closes Friday
        hour = h + minutes / 60 + seconds / 3600
        if not m.group("wd") and (_DATE_AFTER.match(text, e) or _DATE_BEFORE.search(text[max(0, s - 30):s])):
            continue  # "at 9:50 AM, on April 4th": a time of a calendar day, which the story's week does not place
        wd = m.group("wd")
        before = _WEEKDAY_BEFORE.search(text[max(0, s - 20):s]) if not wd else None
        if before:
            wd, s = before.group("wd"), s - len(before.group(0))
        role = _time_role(text, s, e, clock=True)
        day = _WEEKDAY_INDEX.get(wd.lower()) if wd else None
        offset = day * 24 if day is not None else 0.0
        low = high = offset + hour
        step = clock_step(minutes, seconds)
        near = _NEAR.search(text[max(0, s - 30):s])
        side = _HEDGES.get(" ".join(near.group("w").lower().split()), "") if near else ""
        if side == "before":
            low = high - step
        elif side == "after":
            high = low + step
        elif side == "around":
            low, high = low - step, high + step
        unit = "weekday-hours" if day is not None else "day-hours"
        clock = ZONES.get(" ".join(zone.lower().split())) if zone else None
        out.append((Quantity(start=base + s, end=base + e, text=text[s:e], value=low if low == high else None,
                             low=low, high=high, high_inclusive=side != "before", low_inclusive=side != "after",
                             approximate=low != high,
                             category=f"time:{role or 'at'}", unit=unit, clock=clock), s, e))
    return out


_MAYBE_CLOCK = re.compile(r"\d\s*[ap]\.?\s?m\b|\d:[0-5]\d|\d{4}\s*(?:GMT|UTC|hrs)\b|midnight|noon", re.I)


def _maybe_clock(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may hold a time of day: most sentences hold none."""
    return _MAYBE_CLOCK.search(text, lo, hi) is not None
