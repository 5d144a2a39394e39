"""Time expressions of news copy resolved against the day of writing, and how far apart two are."""
from __future__ import annotations

from datetime import date

import pytest

from auditor.read import when as W


@pytest.mark.parametrize("text, anchor, expected", [
    # relative to the day of writing (a Sunday)
    ("an earthquake hit the region Friday", date(2023, 5, 7), "2023-05-05"),
    ("Security forces killed 92 militants on Saturday", date(2023, 5, 7), "2023-05-06"),
    ("the quake struck on New Year's Day", date(2024, 1, 3), "2024-01-01"),
    ("64 Confirmed Dead after Jan. 1 Noto Peninsula Earthquake", date(2024, 1, 4), "2024-01-01"),
    ("Pope Francis dies on Easter Monday aged 88", date(2025, 4, 22), "2025-04-21"),
    ("the bill would keep the government open through 31 January", date(2026, 2, 3), "2026-01-31"),
    ("the storm hit overnight", date(2023, 5, 7), "2023-05-06 to 2023-05-07"),
    ("last week's coordinated attacks", date(2023, 5, 7), "2023-04-24 to 2023-04-30"),
    # full dates need no anchor
    ("date 2022-01-27 He succeeds Matt Nagy", None, "2022-01-27"),
    ("Saturday, Jan. 18, 2025, in Detroit", None, "2025-01-18"),
    ("20 February 2023 - 22:16 By Patrick", None, "2023-02-20"),
    ("Whittaker took over as the Time Lord in 2017", None, "2017-01-01 to 2017-12-31"),
    # without an anchor, what the text fixes on its own
    ("the quake struck on New Year's Day", None, "January 1"),
    ("Athens, Sep 8 (EFE).- At least 10 people have died", None, "September 8"),
    ("Hurricane Helene made landfall late Thursday night", None, "Thursday"),
])
def test_time_expressions_resolve(text, anchor, expected):
    found = W.resolve(text, anchor)
    assert found is not None and found.describe() == expected


@pytest.mark.parametrize("text", ["At least 10 may reach the coast", "Janet 5 said", "a 6-11 season", "yesterday"])
def test_what_names_no_time_resolves_to_nothing(text):
    """A modal "may", a name, a score; and a relative word with no day of writing to count from."""
    assert W.resolve(text) is None


@pytest.mark.parametrize("a, b, anchor_a, anchor_b, expected", [
    ("on Friday", "on New Year's Day", date(2023, 5, 5), None, 124),  # two earthquakes on the Noto peninsula
    ("on Monday", "on Tuesday", None, None, 1),
    ("on Dec. 31", "on New Year's Day", None, None, 1),  # across the turn of the year
    ("on Friday", "Friday", date(2023, 5, 5), None, 0),
    ("on Monday", "on January 1", None, None, None),  # a weekday and a day of unknown year: nothing to compare
    ("in 2022", "in 2025", None, None, 732),
])
def test_days_apart(a, b, anchor_a, anchor_b, expected):
    assert W.days_apart(W.resolve(a, anchor_a), W.resolve(b, anchor_b)) == expected


def test_first_dated_is_the_dateline():
    assert W.first_dated("Bears coach\ndate 2022-01-27 He succeeds Matt Nagy, fired on January 10.") == date(2022, 1, 27)
    assert W.first_dated("He was fired on January 10.") is None


def test_a_span_of_days_against_a_day_of_unknown_year():
    """"over the weekend" written on 7 May is a week of May: far from any New Year's Day, near a Friday."""
    weekend = W.resolve("over the weekend", date(2023, 5, 7))
    assert W.days_apart(weekend, W.resolve("on New Year's Day")) > 100
    assert W.days_apart(weekend, W.resolve("on Friday")) == 0


@pytest.mark.parametrize("text, anchor, nearest, expected", [
    ("the mayor said Wednesday", date(2023, 8, 8), False, "2023-08-02"),  # written on a Tuesday: the week before
    ("the mayor said Wednesday", date(2023, 8, 8), True, "2023-08-09"),  # a caption's Tuesday: the next day
    ("on Dec. 30", date(2024, 1, 2), True, "2023-12-30"),
])
def test_a_day_the_text_names_is_read_as_the_nearest(text, anchor, nearest, expected):
    assert W.resolve(text, anchor, nearest).describe() == expected


@pytest.mark.parametrize("text, anchor, since", [
    ("the historic volumes of water that fell since the end of April", date(2024, 5, 11), "2024-04-20"),
    ("Flooding has continued since Monday", date(2024, 5, 11), "2024-05-06"),
    ("rain that has fallen since mid-April", date(2024, 5, 11), "2024-04-10"),
    ("storms since December", date(2024, 1, 5), "2023-12-01"),  # the latest such month
    ("the volcano has been on alert since 2011", date(2024, 5, 11), None),  # a year is no day
    ("floods on Monday", date(2024, 5, 11), None),
])
def test_the_day_a_lasting_event_began(text, anchor, since):
    found = W.ongoing_since(text, anchor)
    assert (found.isoformat() if found else None) == since


def test_a_day_of_the_month_says_more_than_a_weekday():
    """"on Sunday (Sep. 3)" in an undated report against May 2 of a dated one: months apart, not four days."""
    from dataclasses import replace
    sunday = replace(W.resolve("on Sunday"), month=9, day=3)
    assert W.days_apart(W.resolve("on Thursday", date(2024, 5, 2)), sunday) > 100


@pytest.mark.parametrize("a, b, anchor, before", [
    ("on Wednesday", "on Friday", None, 2),  # two weekdays of one undated lead, the short way round
    ("on Wednesday", "on Saturday", None, None),  # three days back or four ahead: no order to tell
    ("on Friday", "on Wednesday", None, None),  # after, not before
    ("on Jan. 18", "on Jan. 22", None, 4),
    ("on Monday", "on Thursday", date(2024, 5, 3), 3),  # resolved against the day of writing
    ("on Monday", "on January 1", None, None),  # a weekday and a day of the month: nothing to tell
])
def test_days_before(a, b, anchor, before):
    assert W.days_before(W.resolve(a, anchor), W.resolve(b, anchor)) == before
