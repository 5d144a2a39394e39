"""Numbers written in words as news copy spells them out, including the "and" of British and
broadcast style ("three hundred and fifty-five million"), halves and dozens."""
from __future__ import annotations

import pytest

from auditor.read.numbers import half_step, parse_number, vague_interval


@pytest.mark.parametrize("text, value", [
    ("three hundred and fifty-five million", 355_000_000),  # "a fine of three hundred and fifty-five million dollars"
    ("two thousand and five", 2005),
    ("two hundred and five", 205),
    ("one and a half million", 1_500_000),
    ("two and a half", 2.5),
    ("a dozen", 12),
    ("two dozen", 24),
    ("ninety-two", 92),  # "a damning ninety-two-page ruling"
    ("nine million", 9_000_000),  # "nine million dollars on Trump's two eldest sons"
])
def test_spelled_out_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["half", "and", "a", "several hundred-ish"])
def test_not_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, interval", [
    ("hundreds of thousands", (200_000, 999_999)),
    ("dozens", (24, 99)),
    ("hundreds", (200, 999)),
])
def test_vague_amounts(text, interval):
    assert vague_interval(text) == interval


@pytest.mark.parametrize("text, value", [
    ("23", 23), ("1,200", 1200), ("2.5 million", 2_500_000), ("five", 5), ("fourteen", 14),
    ("twenty-one", 21), ("twenty one", 21), ("a hundred", 100), ("two hundred and five", 205),
    ("3 thousand", 3000), ("15k", 15_000), ("seventeen", 17),
    ("77million", 77_000_000), ("2.5billion", 2_500_000_000),  # a scale word glued on, as British copy writes it
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["several", "the", "many", ""])
def test_parse_number_rejects_words_that_are_not_numbers(text):
    assert parse_number(text) is None


def test_tally_is_not_summed():
    assert parse_number("217-215") is None


def test_thousands_reaches_below_a_million():
    assert vague_interval("thousands") == (2_000, 999_999)  # "thousands missing" of 10,100 missing
    assert vague_interval("tens of thousand") == (20_000, 99_999)  # as the reader passes it, singular


@pytest.mark.parametrize("digits, half", [("300", 0.5), ("7.25", 0.005), ("1,200", 0.5), ("15.5", 0.05)])
def test_half_step_of_the_last_written_digit(digits, half):
    assert half_step(digits) == pytest.approx(half)
