"""Records as claims state them (auditor.read.records), on real sentences."""
from datetime import date

import pytest

from auditor.read.records import disagree, records_in

WRITTEN = {"inflation": date(2022, 11, 3), "floods": date(2024, 9, 11), "strike": date(2024, 9, 13),
           "boj": date(2024, 3, 19), "ecb": date(2024, 6, 6)}


@pytest.mark.parametrize("a, b, written, clash", [
    # divergences/dev, Turkey's inflation: two baselines of one record
    ("Turkey's annual inflation accelerated to its highest level since 1997",
     "It was the highest since June 1998, when Turkey worked to end a decade of high inflation", "inflation", True),
    ("jumps to highest since 1997", "The inflation rate was the highest in 24 years.", "inflation", True),
    ("The inflation rate was the highest in 24 years.", "the highest since June 1998", "inflation", False),
    ("Turkish annual inflation climbed to a new 24-year high on Thursday", "the highest since June 1998", "inflation", False),
    # divergences/dev, Typhoon Yagi: a span in decades counted back from the day of writing
    ("Hanoi has seen its worst floods since 2008 according to state media",
     "The flooding in Hanoi has been reportedly the worst in two decades", "floods", True),
    # one record in two ways (a strike, a rate hike, a rate cut)
    ("The workers' first strike since 2008", "its first strike in 16 years", "strike", False),
    ("for the first time in 17 years", "It is the first rate hike since February 2007", "boj", False),
    ("for the first time in nearly five years", "marking the first cut since September 2019", "ecb", False),
    # two superlatives are two records
    ("the highest level since November 2021", "the first rise in interest rates since December 2020", "ecb", False),
])
def test_two_records_disagree_only_when_their_spans_cannot_both_hold(a, b, written, clash):
    (ra,), (rb,) = records_in(a, WRITTEN[written]), records_in(b, WRITTEN[written])
    assert disagree(ra, rb) == clash


def test_a_span_needs_the_day_of_writing():
    assert records_in("the worst in two decades", None) == ()
    (r,) = records_in("its highest level since 1997", None)
    assert (r.superlative, r.low, r.high) == ("highest", 1997, 1998)


def test_no_record_without_a_superlative():
    assert records_in("The company was founded in 1997 and has grown since 2008.", date(2024, 1, 1)) == ()
