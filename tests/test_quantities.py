"""Figures as intervals: numbers in digits and words, qualifiers, vague amounts, what is counted,
where and when, and the numbers that are not counts."""
from __future__ import annotations

import math

import pytest

from auditor.config import DEFAULT_SPACY_MODEL
from auditor.extract import quantities as Q
from auditor.model import Quantity
from auditor.nlp import load_pipeline

INF = math.inf


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


def figures(nlp, text: str, base: int = 0) -> tuple[Quantity, ...]:
    return Q.extract(nlp(text), base)


def only(nlp, text: str) -> Quantity:
    qs = [q for q in figures(nlp, text) if q.category is not None or q.counted]
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text, value", [
    ("23", 23), ("1,200", 1200), ("2.5 million", 2_500_000), ("five", 5), ("fourteen", 14),
    ("twenty-one", 21), ("twenty one", 21), ("a hundred", 100), ("two hundred and five", 205),
    ("3 thousand", 3000), ("15k", 15_000), ("seventeen", 17),
])
def test_parse_number(text, value):
    assert Q.parse_number(text) == value


@pytest.mark.parametrize("text", ["several", "the", "many", ""])
def test_parse_number_rejects_words_that_are_not_numbers(text):
    assert Q.parse_number(text) is None


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
    lo, hi, lo_inc, hi_inc, _ = Q.interval(value, qualifier)
    assert (lo, hi, lo_inc, hi_inc) == (low, high, low_inc, high_inc)


@pytest.mark.parametrize("sentence, text, low, high, category", [
    ("At least 23 civilians were killed after attackers stopped their convoy.", "At least 23", 23, None, "killed:civilians"),
    ("Over 70 people were killed in a series of attacks in the province.", "Over 70", 70, None, "killed:total"),
    ("The military said 14 soldiers and police officers lost their lives.", "14", 14, 14, "killed:security"),
    ("Security forces gunned down twenty-one terrorists on Monday.", "twenty-one", 21, 21, "killed:militants"),
    ("Nearly 50 people were wounded in the blast.", "Nearly 50", 45, 50, "injured:total"),
    ("Police arrested up to 50 suspects in overnight raids.", "up to 50", 0, 50, "arrested:suspects"),
    ("As many as 35 vehicles were set on fire on the highway.", "As many as 35", 31, 35, "burned:vehicles"),
    ("Between 30-40 passengers were abducted from the bus.", "30-40", 30, 40, "abducted:civilians"),
    ("Gunmen killed dozens of villagers overnight.", "dozens", 24, 99, "killed:civilians"),
    ("Authorities said hundreds of insurgents had been killed.", "hundreds", 200, 999, "killed:militants"),
    ("Fourteen policemen died when their convoy was ambushed.", "Fourteen", 14, 14, "killed:security"),
])
def test_figures_in_news_sentences(nlp, sentence, text, low, high, category):
    q = only(nlp, sentence)
    assert q.text == text
    assert (q.low, q.high) == (low, high)
    assert q.category == category
    assert sentence[q.start:q.end] == q.text


def test_vague_billions(nlp):
    q = figures(nlp, "The corridor has seen tens of billions of dollars invested in roads.")[0]
    assert q.vague and q.text == "tens of billions" and q.low == 2e10 and q.category == "money"


@pytest.mark.parametrize("sentence", [
    "The leader was killed in a military operation in 2006.",
    "The attacks coincided with the 18th death anniversary of the leader.",
    "The ceasefire ended in November 2022.",
    "Rail traffic resumed at 6:30 on Tuesday.",
    "Over the past 48 hours, the roads were closed.",
    "Friday September 13, 2024",
])
def test_numbers_that_are_not_counts_are_ignored(nlp, sentence):
    assert [q for q in figures(nlp, sentence) if q.category] == []
    assert all(q.category is None for q in figures(nlp, sentence))


def test_offsets_are_article_offsets(nlp):
    sentence = "Another six people were killed in the Bolan district."
    base = 1000
    q = figures(nlp, sentence, base)[0]
    assert (q.start - base, q.end - base) == (sentence.index("six"), sentence.index("six") + 3)


def test_counted_place_and_window(nlp):
    sentence = "Over the past 48 hours, at least 133 militants were reportedly killed across Balochistan."
    q = only(nlp, sentence)
    assert q.counted == "militants"
    assert q.place == "Balochistan"
    assert Q.window_kind(q.window) == "span"


def test_two_figures_in_one_clause_keep_their_groups(nlp):
    qs = figures(nlp, "The attacks left 33 people dead, including 18 civilians and 15 security personnel on Saturday.")
    assert [(q.value, q.category) for q in qs] == [(33, "killed:total"), (18, "killed:civilians"), (15, "killed:security")]
    assert all(Q.window_kind(q.window) == "day" for q in qs)


def test_toll_inherits_group_and_is_cumulative(nlp):
    qs = figures(nlp, "Officials said 22 additional militants were killed, bringing the cumulative toll to 177.")
    by_value = {q.value: q for q in qs}
    assert by_value[22].category == by_value[177].category == "killed:militants"
    assert Q.window_kind(by_value[22].window) == "latest"
    assert Q.window_kind(by_value[177].window) == "cumulative"


def test_unknown_counted_things_are_not_categorised(nlp):
    qs = figures(nlp, "The army raided two militant hideouts in the region.")
    assert [q.category for q in qs] == [None]


@pytest.mark.parametrize("window, kind", [
    (None, "incident"), ("on Saturday", "day"), ("Last week", "day"), ("in a single day", "day"),
    ("Over the past 48 hours", "span"), ("over the past several days; in total", "cumulative"),
    ("additional", "latest"), ("last year", "background"), ("since 2021", "background"),
    ("earlier in the week", "earlier"),
])
def test_window_kinds(window, kind):
    assert Q.window_kind(window) == kind


@pytest.mark.parametrize("a, b, same", [
    ("on Saturday", "Last week", True),   # the event day, named two ways
    (None, "on Saturday", True),
    ("on Saturday", "on Monday", False),  # two named days
    ("on Saturday", "Over the past 48 hours", False),
    ("in total", "cumulative", True),
    ("last year", None, False),
])
def test_same_window(a, b, same):
    assert Q.same_window(a, b) is same


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
    assert Q.overlaps(a, b) is compatible
    assert Q.overlaps(b, a) is compatible


def test_gap_ratio():
    assert Q.gap_ratio(_q(17, 17), _q(15, 15)) == pytest.approx(17 / 15)
    assert Q.gap_ratio(_q(21, 21), _q(92, None)) == pytest.approx(92 / 21)
    assert Q.gap_ratio(_q(70, None), _q(74, 74)) == 1.0


@pytest.mark.parametrize("sentence, category", [
    ("Two firefighters were injured, and at least 40 homes were destroyed, officials said.", "injured:civilians"),
    ("Nearly 5,000 residents were ordered to evacuate on Tuesday.", "displaced:total"),
])
def test_general_news_categories(nlp, sentence, category):
    assert figures(nlp, sentence)[0].category == category


def test_tally_is_not_summed():
    assert Q.parse_number("217-215") is None
