"""Time windows of figures, compared: what a window says about the figure's time span (the event,
a day, a month, a span, a running count, an earlier or later report, a forecast, a part of a
breakdown, background), and whether two windows are one time. Pure functions of window texts."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from auditor import vocab
from auditor.model import Quantity
from auditor.read import figure_context
from auditor.read.numbers import _TENS, _UNITS

_WEEKDAYS = vocab.entries("weekdays")
# What window_kind tells apart (and "month": a month named without a year).
WINDOW_KINDS = ("incident", "day", "span", "cumulative", "latest", "earlier", "later", "forecast", "part",
                "background")


@lru_cache(maxsize=1 << 14)  # a few distinct windows, asked of every pair of figures
def window_kind(window: Optional[str]) -> str:
    """What a window says about the figure's time span, for comparing two figures:
    incident (the event itself, or no window), day (a named day), span (past N hours/days),
    cumulative (in total), latest (additional, more), earlier (before the event),
    background (a year or more: "last year", "since 2021"), month (a month named without a year); and from the figure's context
    (figure_context): part (of a breakdown), forecast (expected, asked for, required for a goal), later (a later report)."""
    if not window:
        return "incident"
    w = window.lower()
    if figure_context.PART in w:
        # a part given while its count is under way moves as the count does (see same_window for
        # the place a part is of)
        return "cumulative" if figure_context.RUNNING in w else "part"
    if figure_context.FORECAST in w or figure_context.REQUIRED in w:
        return "forecast"
    if figure_context.BEFORE in w:
        return "earlier"  # "from 6.50% to 6.25% on 7 February 2025": the 6.50% held before that day's change
    if re.search(r"\b(later|subsequent)\b", w):
        return "later"
    if re.search(r"\b(additional|more|further|fresh|new|extra|latest)\b", w):
        return "latest"
    if re.search(r"\b(cumulative|in total|in all|overall|so far|to date|altogether|since the (start|beginning))\b", w):
        return "cumulative"
    # a full date ("on April 3rd, 2024") names a day; its year alone sets nothing back
    full = _FULL_DATE.search(w)
    day_named = full is not None and not re.search(r"\b(since|from)\s+$", w[:full.start()])  # "since March 1, 2020": a span
    if day_named:
        w = _FULL_DATE.sub(" ", w)
    if re.search(r"\b(year|years|decade|decades|annual|annually)\b|\b(18|19|20|21)\d\d\b", w) \
            and not re.search(r"\b(single day|a day|this week|last week)\b", w):
        return "background"
    if day_named:
        return "day"
    if re.search(_MONTH_NAMES + r"(?!\s+\d)", w) and not re.search(r"\b(single day|a day|this week|last week)\b", w) \
            and not re.search(r"\b(earlier|before|prior)\b", w):
        return "day"  # "in March": like a named day, the story's own period (a monthly figure's month)
    if re.search(r"\bearlier\b|\bbefore\b|\bprior\b", w):
        return "earlier"
    if re.search(r"\b(past|last|over|within|in the)\b.*\b(hours|days|weeks|months)\b|\b\d+ (hours|days)\b|several days", w):
        return "span"
    if any(d in w for d in _WEEKDAYS) or re.search(r"\b(yesterday|today|tonight|single day|a day|last week|this week)\b", w):
        return "day"
    return "incident"


_MONTH_NAMES = r"\b(january|february|march|april|june|july|august|september|october|november|december)\b"
_FULL_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:18|19|20|21)\d\d\b"
                        r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:18|19|20|21)\d\d\b")


@lru_cache(maxsize=1 << 12)  # a few distinct windows, asked of every pair of figures
def same_window(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two figures cover the same time: both the event itself (a named day, "last week's
    attacks", or no window), or the same span. Two different named weekdays are different days."""
    ka, kb = window_kind(a), window_kind(b)
    part_a, part_b = figure_context.PART in (a or "").lower(), figure_context.PART in (b or "").lower()
    if part_a or part_b:
        # a part is its own quantity: comparable only with the part of another breakdown for the same
        # place ("290 in Kunar" / "394 in Kunar"), never with a whole or another place's part; and
        # a part counted so far only with another counted so far
        pa, pb = part_place(a), part_place(b)
        return part_a and part_b and bool(pa) and pa == pb and ka == kb
    point = {"incident", "day"}
    if ka in point and kb in point:
        da = {d for d in _WEEKDAYS if a and d in a.lower()}
        db = {d for d in _WEEKDAYS if b and d in b.lower()}
        ma, mb = set(re.findall(_MONTH_NAMES, (a or "").lower())), set(re.findall(_MONTH_NAMES, (b or "").lower()))
        return not (da and db and not da & db) and not (ma and mb and not ma & mb)
    if ka != kb or ka == "forecast":
        return False  # forecasters differ
    if ka == "cumulative":
        return True  # "in total" and "cumulative toll": the count so far (when published: see compare)
    return _norm_window(a) == _norm_window(b)


def same_scope(a: Quantity, b: Quantity) -> bool:
    """Whether two figures cover the same time and scope: `same_window`, or one a part of a breakdown
    by place and the other that place's own figure ("at least 26 dead in Mississippi and one dead in
    Alabama" / "Twenty-five people are confirmed dead in Mississippi")."""
    if same_window(a.window, b.window):
        return True
    for part, whole in ((a, b), (b, a)):
        place = part_place(part.window)
        if place and whole.place and whole.place.lower() == place and figure_context.PART not in (whole.window or "") \
                and window_kind(whole.window) in ("incident", "day"):
            return True
    return False


def part_place(window: Optional[str]) -> Optional[str]:
    """The place a part of a breakdown by place is of ("part of a breakdown in Kunar" -> "kunar")."""
    m = re.search(re.escape(figure_context.PART) + r" in ([^;]+)", window or "")
    return m.group(1).strip().lower() if m else None


@lru_cache(maxsize=1 << 14)  # asked of every pair of figures alignment weighs
def comparable_scale(a: Optional[str], b: Optional[str]) -> bool:
    """Figures of the event (any day or span of it) and background figures (a year or more) are
    never the same quantity; two background figures only when their windows read the same."""
    ka, kb = window_kind(a), window_kind(b)
    if (ka == "background") != (kb == "background"):
        return False
    if ka == "background":
        return _norm_window(a) == _norm_window(b)
    return True


@lru_cache(maxsize=1 << 14)
def _norm_window(w: Optional[str]) -> str:
    """A window in a comparable form: "over a decade" and "over 10 years" read the same."""
    t = (w or "").lower()
    t = re.sub(r"\b(a |one )?decades?\b", "10 years", t)
    t = re.sub(r"\b(a|one) (year|month|week|day)\b", r"1 \2", t)
    t = re.sub(r"\b(" + "|".join(list(_UNITS) + list(_TENS)) + r")\b", lambda m: str(_UNITS.get(m.group(1),
               _TENS.get(m.group(1)))), t)
    t = re.sub(r"\b(year|month|week|day|hour)s\b", r"\1", t)
    return re.sub(r"\b(on|in|over|during|the|of|for|next|coming|past|last)\b|\W", "", t)


_CALENDAR_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b")


def _named_days(w: Optional[str]) -> tuple[set, set]:
    """The weekdays and calendar days (month, day) a window names."""
    low = (w or "").lower()
    return {d for d in _WEEKDAYS if d in low}, {(m.group(1), int(m.group(2))) for m in _CALENDAR_DAY.finditer(low)}


def named_days_differ(a: Optional[str], b: Optional[str]) -> bool:
    """Both windows name a day of one kind (weekdays, or calendar dates) and no day in common:
    "on Tuesday" / "on Wednesday", "on March 7" / "on March 15". A window that names no day is the
    report's own day, which the incident the report is grouped in dates: not another day."""
    (wa, ca), (wb, cb) = _named_days(a), _named_days(b)
    return bool(ca and cb and not ca & cb) or bool(wa and wb and not wa & wb)
