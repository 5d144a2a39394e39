"""Extractors that read an article's analysis text and its parse: quotes, speakers, sources, names.

Why `article_doc`: the pipeline parses once, sentence by sentence (each sentence's tree stays
inside its sentence, which also keeps headlines and captions from being glued together). The
extractors here reason across sentences ("it further added" -> the bureau named before), so
they want one Doc per article whose character offsets are the article's own; `article_doc`
stitches the sentence Docs into that, without parsing again.
"""
from __future__ import annotations

import logging
from typing import Sequence

log = logging.getLogger(__name__)


def _gap_tokens(gap: str) -> list[str]:
    """Split text between sentences into whitespace and non-whitespace runs."""
    out: list[str] = []
    cur = ""
    for ch in gap:
        if cur and ch.isspace() != cur[-1].isspace():
            out.append(cur)
            cur = ""
        cur += ch
    if cur:
        out.append(cur)
    return out


def article_doc(text: str, spans: Sequence[tuple[int, int]], docs: Sequence):
    """One spaCy Doc for `text` from the parses of its sentences (`spans` are their offsets in
    `text`, `docs` their Docs, in order). Token offsets equal offsets in `text`; dependency heads,
    tags, lemmas and entities are the sentence parses'. Text outside every sentence becomes
    whitespace (or unattached) tokens."""
    from spacy.tokens import Doc

    if not docs:
        raise ValueError("no sentence parses to stitch")
    vocab = docs[0].vocab
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    ents: list[str] = []
    morphs: list[str] = []

    def add_gap(gap: str) -> None:
        for piece in _gap_tokens(gap):
            if piece == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
                continue
            if piece.isspace() and words and words[-1].isspace() and not spaces[-1]:
                words[-1] += piece
                continue
            words.append(piece)
            spaces.append(False)
            tags.append("_SP" if piece.isspace() else "XX")
            pos.append("SPACE" if piece.isspace() else "X")
            lemmas.append(piece)
            heads.append(len(words) - 1)
            deps.append("dep")
            ents.append("O")
            morphs.append("")

    pos_in_text = 0
    for (start, end), d in sorted(zip(spans, docs), key=lambda x: x[0][0]):
        if start < pos_in_text or d.text != text[start:end]:
            log.warning("sentence parse does not match the text at %d; skipped", start)
            continue
        add_gap(text[pos_in_text:start])
        base = len(words)
        for t in d:
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
            tags.append(t.tag_ or "")
            pos.append(t.pos_ or "X")
            lemmas.append(t.lemma_ or t.text)
            heads.append(base + t.head.i)
            deps.append(t.dep_ or "dep")
            ents.append(f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") and t.ent_type_ else "O")
            morphs.append(str(t.morph))
        pos_in_text = end
    add_gap(text[pos_in_text:])
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps,
              ents=ents, morphs=morphs)
    if doc.text != text:
        raise ValueError("stitched parse does not reproduce the text")
    return doc


def article_docs(articles: Sequence, views: dict, sentences: Sequence, sentence_docs: Sequence) -> dict:
    """article id -> stitched Doc, from the pipeline's per-sentence parse."""
    by_article: dict[str, list[tuple[tuple[int, int], object]]] = {}
    for s, d in zip(sentences, sentence_docs):
        by_article.setdefault(s.article, []).append(((s.start, s.end), d))
    out = {}
    for a in articles:
        pairs = by_article.get(a.id, [])
        if not pairs:
            continue
        try:
            out[a.id] = article_doc(views[a.id], [p[0] for p in pairs], [p[1] for p in pairs])
        except Exception:  # an article we cannot stitch loses its quotes and sources, not the run
            log.warning("could not assemble the parse of %s; its quotes and sources are skipped", a.id, exc_info=True)
    return out


def quotes_of(articles: Sequence, views: dict, docs: dict) -> tuple:
    """Every article's quotes with speakers. An article whose quotes cannot be read is logged and
    skipped, never failing the run."""
    from . import quotes as quotes_mod

    out: list = []
    for a in articles:
        if a.id not in docs:
            continue
        try:
            out.extend(quotes_mod.extract(a.id, views[a.id], docs[a.id]))
        except Exception:  # one article's odd text must not stop the audit
            log.warning("quotes of %s could not be extracted", a.id, exc_info=True)
    return tuple(out)


def sources_of(articles: Sequence, views: dict, docs: dict, quotes: Sequence) -> tuple[tuple, tuple]:
    """Every article's credited sources, with one canonical id per party across articles; returns
    (sources, quotes with speaker_id set)."""
    from . import names, sources as sources_mod

    by_article: dict[str, list] = {}
    for q in quotes:
        by_article.setdefault(q.article, []).append(q)
    found: list = []
    for a in articles:
        if a.id not in docs:
            continue
        try:
            found.extend(sources_mod.extract(a, views[a.id], docs[a.id], by_article.get(a.id, [])))
        except Exception:
            log.warning("sources of %s could not be extracted", a.id, exc_info=True)
    return names.canonicalize(found, quotes)


def analyse(articles: Sequence, spacy_model: str) -> tuple[tuple, tuple]:
    """Quotes and sources of articles, parsed the way the pipeline parses them (for tests,
    benchmarks and callers outside the pipeline). Returns (quotes, sources)."""
    from .. import ingest, nlp, segment

    views = {a.id: ingest.analysis_text(a) for a in articles}
    sentences = tuple(s for a in articles for s in segment.sentences(a.id, views[a.id]))
    sentence_docs = nlp.parse([s.text for s in sentences], spacy_model)
    docs = article_docs(articles, views, sentences, sentence_docs)
    quotes = quotes_of(articles, views, docs)
    sources, quotes = sources_of(articles, views, docs, quotes)
    return quotes, sources
