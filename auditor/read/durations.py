"""How long something lasted, as a figure of what lasted.

"A nine-month trial" and "the trial lasted for more than 10 months" are two reports of one measure,
the trial's length; "after less than three hours of deliberation" and "the jury deliberated for
3 1/2 hours" are two of another. So a duration is read only with what lasted, from the parse:

- a number and a unit joined before a noun ("a nine-month trial", "a 10-day search"): the noun's;
- a number and a unit "of" a noun ("three weeks of deliberations", "40 hours of talks"): that noun's;
- a number and a unit "for" which a verb went on ("deliberated for 10 hours"): the verb's act, or,
  for a verb that only says something lasted ("the trial lasted for 10 months", "ran for"), its
  subject's.

The category is ``duration:<what>`` (the first six letters of its lemma, so that "deliberated" and
"deliberations" are one act) in the unit ``hours``. An age ("a 135-year-old bridge"), a time before
or after a moment ("five days earlier", "three months after the verdict"), a window of another
figure ("in 40 hours", "within a week") and a prison term (`terms`) are not read here.
"""
from __future__ import annotations

import re
from typing import Optional

from auditor.model import Quantity
from auditor.read.figure_spans import qualifier_before
from auditor.read.intervals import interval
from auditor.read.numbers import parse_number
from auditor.read.terms import SENTENCING_VERBS

HOURS_PER_UNIT = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.5, "year": 8766.0}
UNIT = "hours"
# verbs that only say that what they are said of went on: its subject is what lasted
_LASTING_VERBS = {"last", "run", "continue", "go", "drag", "stretch", "span"}
_KEY_LETTERS = 6
_SINCE_A_MOMENT = {"within", "since", "by"}  # prepositions that count time from a moment
_TERM_NOUNS = {"sentence", "term"}  # what `terms` reads, with its holder
_MIXED_FRACTION = re.compile(r"^(\d+)\s+(\d)/(\d)$")


def durations(doc, base: int, start: int, end: int) -> list[Quantity]:
    """The durations in `doc` whose number lies in article offsets [start, end)."""
    out = []
    for unit in doc:
        per_unit = HOURS_PER_UNIT.get(unit.lemma_.lower())
        if per_unit is None:
            continue
        numbers = [t for t in unit.children if t.dep_ == "nummod" or (t.like_num and t.i < unit.i)]
        one = None if numbers else _one_unit(unit)
        if not numbers and one is None:
            continue
        first = min(t.i for t in numbers) if numbers else one.i
        while first > 0 and doc[first - 1].like_num:
            first -= 1  # "3 1/2 hours": one number
        if not start <= base + doc[first].idx < end:
            continue
        value = _value(doc[first:unit.i]) if numbers else 1.0
        what = _what_lasted(unit)
        if value is None or what is None:
            continue
        qualifier, first = qualifier_before(doc, first)
        hours = round(value * per_unit, 4)
        low, high, low_in, high_in, approx = interval(hours, qualifier)
        if approx:  # "about three hours": the reporter's rounding, a unit's worth either way
            low, high = max(0.0, hours - per_unit), hours + per_unit
        s, e = doc[first].idx, unit.idx + len(unit.text)
        out.append(Quantity(start=base + s, end=base + e, text=doc.text[s:e], value=hours, low=low, high=high,
                            low_inclusive=low_in, high_inclusive=high_in, approximate=approx, counted=what.lower_,
                            category=f"duration:{what.lemma_.lower()[:_KEY_LETTERS]}", unit=UNIT))
    return out


def _one_unit(unit):
    """The article that counts one unit of a time that lasted ("declared a day of national mourning",
    "an hour of talks"); None where the time is a moment or a time of another figure ("on a day of
    protests", "within a week")."""
    article = next((c for c in unit.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
    if article is None or not any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children):
        return None
    if unit.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return None  # "it was a day of chaos", "on a day of protests": what the day was, or when
    return article


def _value(tokens) -> Optional[float]:
    """The number of units: "nine", "10", "3 1/2"."""
    words = [t.text for t in tokens if t.text not in ("-",)]
    text = " ".join(words)
    mixed = _MIXED_FRACTION.match(text)
    if mixed:
        return int(mixed.group(1)) + int(mixed.group(2)) / int(mixed.group(3))
    return parse_number(text)


def _what_lasted(unit):
    """The token naming what went on for the duration, or None when the duration is not one of the
    constructions read (see the module's docstring)."""
    doc = unit.doc
    if unit.dep_ == "pobj" and unit.head.lower_ in _SINCE_A_MOMENT:
        return None  # "within 24 hours of the attack": the time since it, not its length
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    if after is not None and after.lower_ in ("old", "ago", "earlier", "later", "after", "before", "since"):
        return None  # an age, or a time before or after a moment
    hyphened = unit.i > 0 and doc[unit.i - 1].text == "-"
    if hyphened and unit.dep_ in ("amod", "compound", "nmod", "npadvmod") and unit.head.pos_ == "NOUN" \
            and unit.head.i > unit.i:
        # "a nine-month trial"; a term of prison ("a two-year sentence") is the terms reader's
        return None if unit.head.lemma_.lower() in _TERM_NOUNS else unit.head
    of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        return next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)  # "three weeks of deliberations"
    if unit.dep_ == "pobj" and unit.head.lower_ == "for" and unit.head.head.pos_ == "VERB":
        verb = unit.head.head
        if verb.lemma_.lower() in SENTENCING_VERBS:
            return None  # "jailed for 10 years": a prison term, the terms reader's
        # "the trial lasted for more than 10 months"; "the jury deliberated for more than 10 hours"
        return _what_went_on(verb) if verb.lemma_.lower() in _LASTING_VERBS else verb
    if unit.dep_ == "npadvmod" and unit.head.pos_ == "VERB" and unit.head.lemma_.lower() in _LASTING_VERBS:
        return _what_went_on(unit.head)  # "the strike, which lasted seven weeks"
    return None


def _what_went_on(verb):
    """The noun a verb of lasting is said of: its subject, or the noun a relative clause hangs from."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head
    return subj if subj is not None and subj.pos_ == "NOUN" else None
