"""Geometry of the provenance graph drawn as SVG: where nodes stand and the paths of edges.

Pure arithmetic on boxes and rows, apart from what the graph means (view.py decides which nodes
and edges there are and in which column and order they go). Coordinates are SVG user units.
"""
from __future__ import annotations

from typing import Protocol, Sequence

NODE_W, NODE_H, ROW_GAP, COL_GAP, PAD_TOP, PAD_X = 230.0, 30.0, 12.0, 110.0, 34.0, 30.0


class Box(Protocol):
    x: float
    y: float
    w: float
    h: float


def slots(columns: Sequence[Sequence[str]], edges: Sequence[tuple[str, str]]) -> dict[str, float]:
    """Vertical places in row units of the node ids in `columns`: the longest column stacked, the
    others beside their neighbours (`edges`: pairs of node ids).

    Each node wants the mean place of its already placed neighbours; nodes keep their order and
    one row of spacing (a forward pass pushes down, a backward pass pulls back under the floor).
    """
    neighbours: dict[str, list[str]] = {}
    for s, t in edges:
        neighbours.setdefault(s, []).append(t)
        neighbours.setdefault(t, []).append(s)
    order = sorted((c for c in range(len(columns)) if columns[c]), key=lambda c: (-len(columns[c]), c))
    if not order:
        return {}
    slot: dict[str, float] = {nid: float(i) for i, nid in enumerate(columns[order[0]])}
    floor = float(len(columns[order[0]]) - 1)
    for c in order[1:]:
        ids = list(columns[c])
        wanted = []
        for i, nid in enumerate(ids):
            near = [slot[m] for m in neighbours.get(nid, ()) if m in slot]
            wanted.append(sum(near) / len(near) if near else float(i))
        places: list[float] = []
        for w in wanted:
            places.append(max(w, places[-1] + 1) if places else max(w, 0.0))
        limit = max(floor, float(len(ids) - 1))
        for i in range(len(places) - 1, -1, -1):
            top = limit if i == len(places) - 1 else places[i + 1] - 1
            places[i] = max(min(places[i], top), float(i))
        slot.update(zip(ids, places))
    return slot


def column_x(k: int) -> float:
    """Left edge of the k-th column drawn."""
    return PAD_X + 40 + k * (NODE_W + COL_GAP)


def row_y(slot: float) -> float:
    """Top edge of a node at a slot (row units, maybe fractional)."""
    return PAD_TOP + slot * (NODE_H + ROW_GAP)


def edge_path(a: Box, b: Box, rows_apart: float) -> str:
    """An SVG path from box `a` to box `b`: a cubic curve between facing sides, or, for two boxes
    of one column (one article copying another), a loop on the left that bends further the more
    rows (`rows_apart`) lie between them."""
    y1, y2 = a.y + a.h / 2, b.y + b.h / 2
    if a.x == b.x:
        x = a.x
        bend = 30 + 6 * abs(rows_apart)
        return f"M{x:.0f},{y1:.0f} C{x - bend:.0f},{y1:.0f} {x - bend:.0f},{y2:.0f} {x:.0f},{y2:.0f}"
    x1, x2 = (a.x + a.w, b.x) if a.x < b.x else (a.x, b.x + b.w)
    mid = (x1 + x2) / 2
    return f"M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"


def canvas(columns: int, rows: float) -> tuple[float, float]:
    """(width, height) of a drawing of `columns` columns and `rows` rows."""
    width = PAD_X * 2 + 40 + columns * NODE_W + (columns - 1) * COL_GAP
    height = PAD_TOP + rows * (NODE_H + ROW_GAP) + 10
    return width, height
