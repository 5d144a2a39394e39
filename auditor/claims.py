"""Claims: the factual units compared across articles, with stable content-derived ids.

A claim starts as a sentence; sentences without any content (a lone credit line, a date)
are not claims. Ids come from the article id and the claim text, not from run order, so the
same claim keeps its id when other articles are added.
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable

from .model import Claim, Sentence

_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_CLAIM_WORDS = 3


def claim_id(article_id: str, text: str, seen: dict[str, int]) -> str:
    digest = hashlib.sha1(f"{article_id}\0{' '.join(text.split())}".encode("utf-8")).hexdigest()[:10]
    base = f"c_{digest}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def is_claim_like(text: str) -> bool:
    """Enough words to state a fact: drops credit lines ("— Reuters") and lone dates."""
    return len(_WORD.findall(text)) >= MIN_CLAIM_WORDS


def from_sentences(sentences: Iterable[Sentence]) -> tuple[Claim, ...]:
    seen: dict[str, int] = {}
    out = []
    for s in sentences:
        if not is_claim_like(s.text):
            continue
        out.append(Claim(id=claim_id(s.article, s.text, seen), article=s.article, start=s.start, end=s.end,
                         text=s.text, sentence=s.index))
    return tuple(out)
