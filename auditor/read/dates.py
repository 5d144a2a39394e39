"""The date an event happened on, as a claim states it ("the train collided on Friday, 2 June";
"the crash happened on May 2"): a day of the year, compared with other outlets' dates for the
event. Only a full date (day and month) said of the clause's own act, not of a report about it
("officials said on Monday") nor a date that bounds a period ("through Jan. 29")."""
from __future__ import annotations

import re
from typing import Optional

from auditor import vocab
from auditor.model import Quantity
from auditor.read.intervals import _MONTH_DAYS

_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH = re.compile(rf"^(?:[a-z]+,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH.replace('mon>', 'mon2>')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?$", re.I)
_MONTHS = {m[:3]: k for k, m in enumerate(vocab.entries("months"), 1)}
_WEEKDAYS = vocab.words("weekdays")
_REPORTING = vocab.words("reporting_verbs") | vocab.words("reporting_verbs_neutral")


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
    """The full dates in [start, end) that say when the clause's own act happened ("on 2 June")."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or not (start <= base + ent.start_char < end):
            continue
        doy = day_of_year(ent.text)
        if doy is None:
            continue
        k = ent.start - 1
        while k >= 0 and ent.start - k <= 3 and (doc[k].is_punct or doc[k].lower_ in _WEEKDAYS):
            k -= 1  # "on Friday, 2 June"
        prep = doc[k] if k >= 0 else None
        if prep is None or prep.lower_ != "on":
            continue
        verb = prep.head if prep.dep_ == "prep" else None
        for _ in range(3):  # "collided with a freight train on 2 June": the parser may hang it on the object
            if verb is None or verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb is None:
            continue
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _REPORTING:
            continue  # "officials said on Monday": the date of a report, not of the event
        out.append(Quantity(start=base + ent.start_char, end=base + ent.end_char, text=ent.text, value=float(doy),
                            low=float(doy), high=float(doy), category="date:event", unit="day-of-year",
                            counted=verb.lemma_.lower()))
    return out
