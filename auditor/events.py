"""Incidents: which articles report the same event, so their figures may be compared.

First version: every article is one incident. The claims issue replaces this with
grouping by publication date, places, actors, figures and document similarity.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from .model import Article, Claim, Event


def group(articles: Sequence[Article], claims: Sequence[Claim] = (), vectors: Optional[np.ndarray] = None) -> tuple[Event, ...]:
    return (Event(id="e1", articles=tuple(a.id for a in articles)),)
