"""Figures as intervals: a qualifier read as bounds, whether two figures can both hold, how far
apart they are, and the interval in words."""
from __future__ import annotations

import math

import pytest

from auditor.model import Quantity
from auditor.read.intervals import describe, gap_ratio, interval, overlaps, slip_between


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
    # two figures below zero are as far apart as their sizes ("-34 degrees" / "-33 degrees", divergences/dev,
    # Afghan cold wave); across zero no ratio holds
    assert gap_ratio(_q(-34, -34), _q(-33, -33)) == pytest.approx(34 / 33)
    assert gap_ratio(_q(-2, -2), _q(3, 3)) == float("inf")


def test_tallies_agree_only_as_pairs():
    t = lambda a, b: Quantity(start=0, end=1, text="t", value=a, low=a, high=a, unit="tally", second=b,
                              category="tally")
    assert overlaps(t(52, 47), t(52, 47))
    assert not overlaps(t(52, 47), t(52, 48))
    assert not overlaps(t(52, 47), t(51, 48))


@pytest.mark.parametrize("q, text", [
    (Quantity(0, 1, "x", 120, 120, 120, unit="weekday-hours"), "Fri 24:00"),
    (Quantity(0, 1, "x", None, 24, 48, unit="weekday-hours", high_inclusive=False), "Tuesday"),  # a whole day
    (Quantity(0, 1, "x", 29, 29, 29, unit="day-of-year"), "Jan 29"),
    (Quantity(0, 1, "x", None, 1.15e12, 1.25e12, high_inclusive=False, unit="USD"), "[1.15 trillion, 1.25 trillion)"),
])
def test_describe_speaks_the_unit(q, text):
    assert describe(q) == text


def _written(text, value, low=None, high=None, unit=None, vague=False):
    low = value if low is None else low
    return Quantity(start=0, end=len(text), text=text, value=value, low=low, high=value if high is None else high,
                    unit=unit, vague=vague)


@pytest.mark.parametrize("a, b, slip", [
    # divergences/dev, hajj heat deaths: "the death toll included 58 individuals from Egypt" beside "658"
    (_written("58", 58), _written("658", 658), "a digit dropped or added"),
    (_written("1,175", 1175), _written("175", 175), "a digit dropped or added"),
    (_written("1,943", 1943), _written("9,143", 9143), "two digits swapped"),
    # a two-digit count and its digits swapped is as often two moments of a rising toll ("14" / "41")
    (_written("14", 14), _written("41", 41), None),
    # divergences/dev, Giuliani verdict: "punitive damages of $75" against "$75 million"
    (_written("$75", 75, unit="USD"), _written("$75 million", 75e6, unit="USD"), "a scale word dropped or doubled"),
    (_written("$148,169,000 million", 148169000e6, unit="USD"),
     _written("a little over $148 million", 148e6, high=math.inf, unit="USD"), "a scale word dropped or doubled"),
    # a trailing zero dropped is as likely two counts; one-digit counts and different numbers are no slips
    (_written("15", 15), _written("150", 150), None),
    # divergences/dev, Cyclone Freddy: "over 200" in Malawi beside Mozambique's 20, however the zeros are counted
    (_written("over 200", 200, 200, math.inf), _written("20", 20), None),
    (_written("5", 5), _written("55", 55), None),
    (_written("600", 600), _written("58", 58), None),
    (_written("2.5 million", 2.5e6), _written("25", 25), None),
    (_written("dozens", None, 24, 99, vague=True), _written("240", 240), None),
    # percentages and other measures are not read for slips
    (_written("58%", 58, unit="percent"), _written("658%", 658, unit="percent"), None),
])
def test_a_figure_mistyped_from_another(a, b, slip):
    assert slip_between(a, b) == slip and slip_between(b, a) == slip
