"""The steps of reading that look across articles: one canonical id per party, claims credited,
quoting marked. They follow from every article's reading at once, and change only a few fields
of some objects (`what_it_sets`), which is what later stages' cache keys take from them."""
from __future__ import annotations

from typing import Sequence

from auditor.model import Claim, Quote, Sentence, Source
from auditor.read import claims as claims_stage
from auditor.read import names
from auditor.read import sources as extract_sources


def attribute(found: Sequence[Source], quotes: Sequence[Quote], claims: Sequence[Claim],
              sentences: Sequence[Sentence]) -> tuple[tuple[Source, ...], tuple[Quote, ...], tuple[Claim, ...]]:
    """(sources, quotes, claims) across articles: parties named once, claims credited and marked quoted."""
    sources, quotes = names.canonicalize(found, quotes)
    claims = extract_sources.attribute(claims, quotes, sources, sentences)
    return sources, quotes, claims_stage.mark_quoted(claims, quotes)


def what_it_sets(sources: Sequence[Source] = (), quotes: Sequence[Quote] = (),
                 claims: Sequence[Claim] = ()) -> tuple[list, list, list]:
    """The fields `attribute` sets, object by object: what a result drawn from these objects
    depends on beyond their articles' readings."""
    return ([(s.id, s.canonical, s.variants) for s in sources], [(q.id, q.speaker_id) for q in quotes],
            [(c.id, c.attribution, c.attribution_span, c.quoted) for c in claims])
