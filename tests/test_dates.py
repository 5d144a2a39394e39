"""Points in time a claim states as figures (ends of periods, clock times, deadlines), and the
dates that only say when something happened."""
from __future__ import annotations

import pytest

from auditor.read.dates import times
from conftest import figures


@pytest.mark.parametrize("sentence, text, category, unit, low, high", [
    ("The bill would keep the federal government open through Jan. 29, officials said.", "Jan. 29", "time:until",
     "day-of-year", 29, 29),
    ("The Senate passed a resolution to keep the government funded through January 29.", "January 29", "time:until",
     "day-of-year", 29, 29),
    ("The stopgap keeps federal agencies funded through the end of January.", "the end of January", "time:until",
     "day-of-year", 21, 31),
    ("The Senate sent the bill to the House a day before a midnight Friday deadline.", "midnight Friday", "time:at",
     "weekday-hours", 120, 120),
    ("The House must pass it before funding lapses at midnight Friday.", "midnight Friday", "time:at",
     "weekday-hours", 120, 120),
    ("A red flag warning remains in effect through Saturday evening.", "Saturday evening", "time:until",
     "weekday-hours", 137, 142),
    ("The fire began shortly after 1 p.m. Thursday on private land.", "1 p.m. Thursday", "time:at",
     "weekday-hours", 85, 85),
    ("The mall will stay closed until at least Tuesday.", "Tuesday", "time:until", "weekday-hours", 24, 48),
])
def test_points_in_time_that_a_claim_states(nlp, sentence, text, category, unit, low, high):
    (q,) = [q for q in figures(nlp, sentence) if q.category and q.category.startswith("time:")]
    assert (q.text, q.category, q.unit, q.low, q.high) == (text, category, unit, low, high)
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize("sentence", [
    "House Speaker Warren Tibbs said the House would vote Friday afternoon.",  # a day only dates the claim
    "The ceasefire ended in November 2022.",
    "Officials may decide on Monday whether to reopen the highway.",          # "may", the verb
    "He marched through the capital on Friday.",
])
def test_dates_that_only_say_when_are_not_figures(nlp, sentence):
    assert not [q for q in figures(nlp, sentence) if q.category and q.category.startswith("time:")]


@pytest.mark.parametrize("text", [
    # letters that match a-z only when case is ignored (long s, dotless i, Kelvin sign) must not crash
    # the lookup of the matched word: the text is read, the look-alike word is not a date
    "The park stays closed through ſept. 30.",
    "The order is in effect through frıday evening.",
    "The shelter stays open through Saturday nıght.",
    "Temperatures fell to 300 \u212a on Friday.",
])
def test_look_alike_letters_in_calendar_words(text):
    found = times(text, 0, 0, len(text))
    assert all(q.unit in ("day-of-year", "weekday-hours") for q in found)
