"""The shared spaCy parse: loaded once per process, offline, from an installed model package."""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Sequence

from .errors import ModelError

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """A spaCy pipeline by package name or path; never downloads."""
    try:
        import spacy

        return spacy.load(name)
    except Exception as exc:  # an OSError for a missing package, or a broken install
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc


def parse(texts: Sequence[str], name: str, batch_size: int = 16) -> list:
    """spaCy Docs for the texts, in order; character offsets equal the texts' own."""
    nlp = load_pipeline(name)
    return list(nlp.pipe(texts, batch_size=batch_size))
