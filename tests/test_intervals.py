"""Figures as intervals: a qualifier read as bounds, whether two figures can both hold, how far
apart they are, and the interval in words."""
from __future__ import annotations

import pytest

from auditor.model import Quantity
from auditor.read.intervals import describe, gap_ratio, interval, overlaps


@pytest.mark.parametrize("qualifier, value, low, high, low_inc, high_inc", [
    (None, 14, 14, 14, True, True),
    ("at least", 23, 23, None, True, True),
    ("more than", 70, 70, None, False, True),
    ("over", 70, 70, None, False, True),
    ("up to", 50, 0, 50, True, True),
    ("fewer than", 10, 0, 10, True, False),
    ("nearly", 50, 45, 50, True, False),
    ("almost", 100, 90, 100, True, False),
    ("about", 40, 36, 44, True, True),
    ("as many as", 35, 31, 35, True, True),
])
def test_qualifier_intervals(qualifier, value, low, high, low_inc, high_inc):
    lo, hi, lo_inc, hi_inc, _ = interval(value, qualifier)
    assert (lo, hi, lo_inc, hi_inc) == (low, high, low_inc, high_inc)


def _q(low, high, low_inc=True, high_inc=True, value=None):
    return Quantity(start=0, end=1, text="x", value=value, low=low, high=high, low_inclusive=low_inc,
                    high_inclusive=high_inc)


@pytest.mark.parametrize("a, b, compatible", [
    (_q(70, None, low_inc=False), _q(74, None), True),   # over 70 / at least 74
    (_q(70, None, low_inc=False), _q(50, None, low_inc=False), True),
    (_q(17, 17), _q(15, 15), False),
    (_q(23, None), _q(23, 23), True),
    (_q(0, 50, high_inc=False), _q(50, 50), False),      # fewer than 50 / 50
    (_q(45, 50, high_inc=False), _q(50, None), False),   # nearly 50 / at least 50
    (_q(24, 99), _q(70, None, low_inc=False), True),     # dozens / over 70
])
def test_overlaps(a, b, compatible):
    assert overlaps(a, b) is compatible
    assert overlaps(b, a) is compatible


def test_gap_ratio():
    assert gap_ratio(_q(17, 17), _q(15, 15)) == pytest.approx(17 / 15)
    assert gap_ratio(_q(21, 21), _q(92, None)) == pytest.approx(92 / 21)
    assert gap_ratio(_q(70, None), _q(74, 74)) == 1.0


def test_tallies_agree_only_as_pairs():
    t = lambda a, b: Quantity(start=0, end=1, text="t", value=a, low=a, high=a, unit="tally", second=b,
                              category="tally")
    assert overlaps(t(52, 47), t(52, 47))
    assert not overlaps(t(52, 47), t(52, 48))
    assert not overlaps(t(52, 47), t(51, 48))


@pytest.mark.parametrize("q, text", [
    (Quantity(0, 1, "x", 120, 120, 120, unit="weekday-hours"), "Fri 24:00"),
    (Quantity(0, 1, "x", 29, 29, 29, unit="day-of-year"), "Jan 29"),
    (Quantity(0, 1, "x", None, 1.15e12, 1.25e12, high_inclusive=False, unit="USD"), "[1.15 trillion, 1.25 trillion)"),
])
def test_describe_speaks_the_unit(q, text):
    assert describe(q) == text
