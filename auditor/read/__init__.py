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
    whitespace (or unattached) tokens.

    The annotations are copied as arrays (`Doc.to_array` / `Doc.from_array`), the way `Doc(...)`
    itself loads them, instead of as strings it would look up again token by token."""
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SPACY, TAG
    from spacy.tokens import Doc

    if not docs:
        raise ValueError("no sentence parses to stitch")
    vocab = docs[0].vocab
    strings = vocab.strings

    def sid(value: str) -> int:
        strings.add(value)
        return strings[value]

    # columns in the order Doc(...) loads them: POS, HEAD, DEP, LEMMA, TAG, MORPH, ENT_IOB, ENT_TYPE
    columns = [POS, HEAD, DEP, LEMMA, TAG, MORPH, ENT_IOB, ENT_TYPE]
    pos_x, dep_default, iob_o = sid("X"), sid("dep"), _IOB.index("O")
    morph_keys: dict[tuple[int, int], int] = {}  # (vocabulary, a parse's morph key) -> the key Doc(...) gives
    no_morph = vocab.morphology.add("")
    words: list = []  # a word's text, or a sentence token's ORTH id
    spaces: list[bool] = []
    rows: list = []  # arrays of `columns`, one row per word

    def word_text(w) -> str:
        return w if isinstance(w, str) else strings[w]

    def add_gap(gap: str) -> None:
        for piece in _gap_tokens(gap):
            if piece == " " and words and not spaces[-1] and not word_text(words[-1]).isspace():
                spaces[-1] = True
                continue
            if piece.isspace() and words and word_text(words[-1]).isspace() and not spaces[-1]:
                words[-1] = word_text(words[-1]) + piece
                continue
            words.append(piece)
            spaces.append(False)
            space = piece.isspace()
            rows.append(numpy.array([[sid("SPACE" if space else "X"), 0, dep_default, sid(piece),
                                      sid("_SP" if space else "XX"), no_morph,
                                      iob_o, 0]], dtype=numpy.uint64))

    pos_in_text = 0
    for (start, end), d in sorted(zip(spans, docs), key=lambda x: x[0][0]):
        if start < pos_in_text or d.text != text[start:end]:
            log.warning("sentence parse does not match the text at %d; skipped", start)
            continue
        add_gap(text[pos_in_text:start])
        if len(d):
            own = d.to_array([POS, HEAD, DEP, LEMMA, TAG, MORPH, ENT_IOB, ENT_TYPE, ORTH, SPACY])
            if d.vocab is not vocab:  # the ids are hashes of the strings; the strings must be known here
                for column in (2, 3, 4, 7, 8):
                    for value in set(own[:, column].tolist()) - {0}:
                        strings.add(d.vocab.strings[value])
            words.extend(own[:, 8].tolist())
            spaces.extend(bool(x) for x in own[:, 9])
            rows.append(_sentence_rows(own[:, :8], own[:, 8], d.vocab, vocab, morph_keys, pos_x, dep_default, iob_o))
        pos_in_text = end
    add_gap(text[pos_in_text:])
    doc = Doc(vocab, words=words, spaces=spaces)
    if rows:
        values = numpy.concatenate(rows)
        _fix_iob(values[:, 6], values[:, 7], iob_o)
        doc.from_array(columns, values)
    if doc.text != text:
        raise ValueError("stitched parse does not reproduce the text")
    return doc


_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB values (Token.iob_strings())


def _sentence_rows(own, orth, source, vocab, morph_keys: dict, pos_x: int, dep_default: int, iob_o: int):
    """A sentence parse's annotation rows as Doc(...) would load them from its strings: a missing
    POS reads X, a missing lemma the word itself, a missing dependency "dep", a token outside an
    entity (or with no entity type) O; heads stay relative, so they hold in the article."""
    import numpy
    from spacy.tokens import MorphAnalysis

    rows = own.copy()
    rows[rows[:, 0] == 0, 0] = pos_x
    rows[rows[:, 2] == 0, 2] = dep_default
    no_lemma = rows[:, 3] == 0
    rows[no_lemma, 3] = orth[no_lemma]
    for k, key in enumerate(rows[:, 5].tolist()):
        if (id(source), key) not in morph_keys:  # what `str(token.morph)` reads, as Doc(...) adds it
            morph_keys[(id(source), key)] = vocab.morphology.add(str(MorphAnalysis.from_id(source, key)))
        rows[k, 5] = morph_keys[(id(source), key)]
    in_entity = numpy.isin(rows[:, 6], (_IOB.index("B"), _IOB.index("I"))) & (rows[:, 7] != 0)
    rows[~in_entity, 6] = iob_o
    rows[~in_entity, 7] = 0
    return rows


def _fix_iob(iob, types, iob_o: int) -> None:
    """What Doc(...) does to entity tags before loading them: an I after an O, or after an entity of
    another type, begins an entity (B). Each fix depends only on the tags as given."""
    inside, begin = _IOB.index("I"), _IOB.index("B")
    prev_iob, prev_type = iob[:-1].copy(), types[:-1].copy()
    nxt_inside = iob[1:] == inside
    starts = nxt_inside & ((prev_iob == iob_o) | (((prev_iob == begin) | (prev_iob == inside)) & (prev_type != types[1:])))
    iob[1:][starts] = begin


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
    from auditor.read import quotes as quotes_mod

    out: list = []
    for a in articles:
        if a.id not in docs:
            continue
        try:
            out.extend(quotes_mod.extract(a.id, views[a.id], docs[a.id]))
        except Exception:  # one article's odd text must not stop the audit
            log.warning("quotes of %s could not be extracted", a.id, exc_info=True)
    return tuple(out)


def sources_found(articles: Sequence, views: dict, docs: dict, quotes: Sequence) -> tuple:
    """Every article's credited sources, ids still local to the article (see `sources_of`). An
    article whose sources cannot be read is logged and skipped, never failing the run."""
    from auditor.read import sources as sources_mod

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
    return tuple(found)


def sources_of(articles: Sequence, views: dict, docs: dict, quotes: Sequence) -> tuple[tuple, tuple]:
    """Every article's credited sources, with one canonical id per party across articles; returns
    (sources, quotes with speaker_id set)."""
    from auditor.read import names

    return names.canonicalize(sources_found(articles, views, docs, quotes), quotes)


def analyse(articles: Sequence, spacy_model: str) -> tuple[tuple, tuple]:
    """Quotes and sources of articles, parsed the way the pipeline parses them (for tests,
    benchmarks and callers outside the pipeline). Returns (quotes, sources)."""
    from auditor.read import ingest
    from auditor.read import nlp
    from auditor.read import segment

    views = {a.id: ingest.analysis_text(a) for a in articles}
    sentences = tuple(s for a in articles for s in segment.sentences(a.id, views[a.id]))
    sentence_docs = nlp.parse([s.text for s in sentences], spacy_model)
    docs = article_docs(articles, views, sentences, sentence_docs)
    quotes = quotes_of(articles, views, docs)
    sources, quotes = sources_of(articles, views, docs, quotes)
    return quotes, sources
