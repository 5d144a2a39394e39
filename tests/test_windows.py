"""Time windows of figures: what a window says about the figure's time span, and whether two
windows are one time."""
from __future__ import annotations

import pytest

from auditor.read.windows import comparable_scale, same_window, window_kind


@pytest.mark.parametrize("window, kind", [
    (None, "incident"), ("on Saturday", "day"), ("Last week", "day"), ("in a single day", "day"),
    ("Over the past 48 hours", "span"), ("over the past several days; in total", "cumulative"),
    ("additional", "latest"), ("last year", "background"), ("since 2021", "background"),
    ("earlier in the week", "earlier"),
    # a full date names a day, whatever its year (divergences/dev, Taiwan: "On April 3rd, 2024, ... more
    # than 1,011 injured"); a span from a date, or a bare year, is still the story's background
    ("On April 3rd, 2024", "day"), ("on 15 March 2025", "day"), ("since March 1, 2020", "background"),
    ("in 2010", "background"),
    # the level before a change that day is of before it (divergences/dev, RBI cut: "from 6.50% to 6.25% on
    # 7 February 2025")
    ("on 7 February 2025; before the change", "earlier"),
])
def test_window_kinds(window, kind):
    assert window_kind(window) == kind


@pytest.mark.parametrize("a, b, same", [
    ("on Saturday", "Last week", True),   # the event day, named two ways
    (None, "on Saturday", True),
    ("on Saturday", "on Monday", False),  # two named days
    ("on Saturday", "Over the past 48 hours", False),
    ("in total", "cumulative", True),
    ("last year", None, False),
])
def test_same_window(a, b, same):
    assert same_window(a, b) is same


@pytest.mark.parametrize("a, b, same", [
    ("over a decade", "over 10 years", True),
    ("over ten years", "over the next 10 years", True),
    ("last year", "in 2023", False),
])
def test_background_windows_read_alike(a, b, same):
    assert comparable_scale(a, b) is same
