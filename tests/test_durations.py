"""How long something lasted, read with what lasted: table rows of real sentences (divergences/dev)
and plain ones."""
from __future__ import annotations

import pytest

from auditor.read.intervals import describe, overlaps
from conftest import figures


def durations(nlp, sentence):
    return [q for q in figures(nlp, sentence) if (q.category or "").startswith("duration:")]


@pytest.mark.parametrize("sentence, text, category, shown", [
    # a number and a unit joined before a noun: the noun's length (a nurse's trial, divergences/dev)
    ("Following a nine-month trial, a jury found her guilty.", "nine-month", "duration:trial", "9 months"),
    # a verb that only says something lasted: its subject's, or the noun its relative clause hangs from
    ("The trial lasted for more than 10 months.", "more than 10 months", "duration:trial", "(10 months, inf)"),
    ("The strike, which lasted seven weeks, ended on Monday.", "seven weeks", "duration:strike", "7 weeks"),
    # "of" a noun: the noun's (a defamation verdict, divergences/dev); the act and its noun are one key
    ("After less than three hours of deliberation, the jury responded.", "less than three hours",
     "duration:delibe", "[0, 3 hours)"),
    ("The jurors deliberated for three hours.", "three hours", "duration:delibe", "3 hours"),
    # a mixed fraction and an approximation in the unit written
    ("Negotiators held 3 1/2 hours of talks.", "3 1/2 hours", "duration:talk", "3.5 hours"),
    ("The talks went on for about three days.", "about three days", "duration:talk", "[2 days, 4 days]"),
    # the article counts one unit of a time that lasted (divergences/dev, a bus crash: "three days of
    # national mourning" in other reports)
    ("President Bernardo Arévalo offered his condolences and declared a day of national mourning.", "a day",
     "duration:mourni", "1 day"),
])
def test_a_duration_is_what_lasted(nlp, sentence, text, category, shown):
    (q,) = durations(nlp, sentence)
    assert (q.text, q.category, describe(q)) == (text, category, shown)


@pytest.mark.parametrize("sentence", [
    "Within 24 hours of the attack, 11 people were arrested.",  # a time since a moment
    "The 135-year-old suspension bridge collapsed on Sunday evening.",  # an age
    "The vessel left Izmir three or four days ago.",  # a time before now
    "Combs was sentenced four months after the verdict.",  # a time after a moment
    "Combs, 55, faces a two-year sentence.",  # a prison term, read with its holder apart
    "He was jailed for 10 years on Friday.",
    "In fact, it only took them 3 1/2 hours.",  # what took the time is not named
    "It was a day of chaos in the capital.",  # what the day was, not how long something lasted
    "Police arrested 50 people on a day of protests.",  # when
])
def test_no_duration_without_what_lasted(nlp, sentence):
    assert durations(nlp, sentence) == []


def test_two_lengths_of_one_trial_cannot_both_hold(nlp):
    (nine,) = durations(nlp, "Following a nine-month trial, a jury found her guilty.")
    (ten,) = durations(nlp, "The trial lasted for more than 10 months.")
    assert nine.category == ten.category and not overlaps(nine, ten)
