"""The provenance graph's geometry: node places and edge paths an editor sees drawn."""
from dataclasses import dataclass

import pytest

from auditor.render import svg


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    w: float
    h: float


@pytest.mark.parametrize("columns, edges, expected", [
    ([[], [], []], [], {}),
    # the longest column is stacked; a lone outlet sits beside the article citing it
    ([["a1", "a2", "a3"], ["reuters"], []], [("a3", "reuters")], {"a1": 0, "a2": 1, "a3": 2, "reuters": 2}),
    # two sources cited by one article keep their order, one row apart, under the floor
    ([["a1", "a2"], [], ["s1", "s2"]], [("a2", "s1"), ("a2", "s2")], {"a1": 0, "a2": 1, "s1": 0, "s2": 1}),
])
def test_slots(columns, edges, expected):
    assert svg.slots(columns, edges) == expected


@pytest.mark.parametrize("a, b, rows_apart, path", [
    (_Box(70, 34, 230, 30), _Box(410, 76, 230, 30), 1, "M300,49 C355,49 355,91 410,91"),  # left to right
    (_Box(410, 76, 230, 30), _Box(70, 34, 230, 30), 1, "M410,91 C355,91 355,49 300,49"),  # right to left
    (_Box(70, 34, 230, 30), _Box(70, 118, 230, 30), -2, "M70,49 C28,49 28,133 70,133"),  # one column: a loop
])
def test_edge_path(a, b, rows_apart, path):
    assert svg.edge_path(a, b, rows_apart) == path


def test_canvas_grows_with_columns_and_rows():
    assert svg.canvas(1, 1) == (330.0, 86.0)
    assert svg.canvas(3, 4) == (330.0 + 2 * (230 + 110), 34 + 4 * 42 + 10)
