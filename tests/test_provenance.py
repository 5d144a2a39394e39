"""Tests of auditor.crossdoc.provenance: nodes and edges from credits, quotes and reuse, with evidence."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.read import ingest
from auditor.crossdoc import provenance
from auditor.crossdoc import reuse
from auditor.config import AuditConfig
from auditor.model import Article, Edge, Passage, Provenance, Quote, Reuse, Source, Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def art(aid: str, text: str, outlet: str | None = None, title: str | None = None) -> Article:
    return Article(id=aid, path=f"{aid}.txt", text=text, outlet=outlet, title=title)


def span(article: Article, piece: str) -> Span:
    start = article.text.index(piece)
    return Span(article.id, start, start + len(piece), piece)


def edges(graph) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.kind) for e in graph.edges}


A = art("a", "Over 70 people were killed, according to military and police officials cited by Al Jazeera. "
             "“We stand with Pakistan,” the State Department said.", outlet="Daily Ledger", title="Attacks in Balochistan")
B = art("b", "At least 74 people were killed, Al Jazeera reported. According to Reuters, the toll rose.")


def test_sources_quotes_and_via_chain_become_edges() -> None:
    sources = (
        Source(id="s1", article="a", name="military and police officials", canonical="officials", kind="anonymous",
               evidence=(span(A, "military and police officials cited by Al Jazeera"),), via=("Al Jazeera",)),
        Source(id="s2", article="a", name="State Department", canonical="us-state-department", kind="government",
               evidence=(span(A, "the State Department said"),)),
        Source(id="s3", article="b", name="Al Jazeera", canonical="al-jazeera", kind="outlet",
               evidence=(span(B, "Al Jazeera reported"),)),
        Source(id="s4", article="b", name="Reuters", canonical="reuters", kind="outlet",
               evidence=(span(B, "According to Reuters"),)),
    )
    quote = span(A, "“We stand with Pakistan,”")
    quotes = (Quote(id="q1", article="a", start=quote.start, end=quote.end, text=quote.text,
                    speaker="State Department", speaker_id="us-state-department"),)
    g = provenance.build([A, B], sources, quotes)
    kinds = {n.id: n.kind for n in g.nodes}
    assert kinds["article:a"] == "article" and kinds["outlet:al-jazeera"] == "outlet"
    assert kinds["agency:reuters"] == "agency" and kinds["source:us-state-department"] == "source"
    assert kinds["source:a:officials"] == "source"  # anonymous sources stay private to their article
    assert edges(g) >= {
        ("article:a", "outlet:al-jazeera", "cites"),
        ("outlet:al-jazeera", "source:a:officials", "cites"),
        ("article:a", "source:us-state-department", "cites"),
        ("article:a", "source:us-state-department", "quotes"),
        ("article:b", "outlet:al-jazeera", "cites"),
        ("article:b", "agency:reuters", "cites"),
    }
    assert {n.label for n in g.nodes if n.id == "article:a"} == {"Attacks in Balochistan (Daily Ledger)"}
    for e in g.edges:
        assert e.evidence, e
        for s in e.evidence:
            assert {"a": A, "b": B}[s.article].text[s.start:s.end] == s.text
    # the cache's compact rows give the same graph back; a span that is not its article's text keeps its own
    import json

    from auditor.codec import from_rows
    from auditor.codec import to_rows

    texts = {"a": A.text, "b": B.text}
    odd = Edge("article:b", "agency:reuters", "cites", (Span("b", 0, 5, "quoted elsewhere"),))
    graph = Provenance(g.nodes, g.edges + (odd,))
    rows = json.loads(json.dumps(to_rows(graph, texts)))
    assert from_rows(Provenance, rows, texts) == graph


def test_a_described_speaker_stays_private_to_its_article() -> None:
    """ "said the company" in two articles may be two companies: a speaker the article names only by a
    description is no party of its own across articles, as an anonymous source is not."""
    a = art("a", "“We are reviewing the figures,” the company said.")
    b = art("b", "“We will appeal,” the company said.")
    quotes = tuple(Quote(id=f"q{x.id}", article=x.id, start=0, end=10, text=x.text[:10], speaker="the company")
                   for x in (a, b))
    g = provenance.build([a, b], (), quotes)
    targets = {e.target for e in g.edges if e.kind == "quotes"}
    assert targets == {"source:a:company", "source:b:company"}


def test_without_sources_the_text_credits_are_used() -> None:
    g = provenance.build([A, B])
    assert edges(g) >= {("article:a", "outlet:al-jazeera", "cites"), ("article:b", "outlet:al-jazeera", "cites"),
                        ("article:b", "agency:reuters", "cites")}


TEXT = ("Rail traffic between Quetta and other parts of the country was suspended following explosions "
        "on rail bridges, including one that links Quetta to neighbouring Iran.")


def _pair(kind: str, direction: str | None = None, text_a: str = TEXT, text_b: str = TEXT) -> tuple[list[Article], Reuse]:
    a, b = art("a", text_a), art("b", text_b)
    p = Passage(span(a, TEXT), span(b, TEXT), 1.0)
    return [a, b], Reuse(articles=("a", "b"), kind=kind, passages=(p,), share=(1.0, 1.0), direction=direction)


@pytest.mark.parametrize(
    "kind, direction, expected",
    [
        ("derived", "a", {("article:b", "article:a", "copies-from")}),
        ("derived", "b", {("article:a", "article:b", "copies-from")}),
        ("derived", None, {("article:a", "agency:uncredited-1", "copies-from"),
                           ("article:b", "agency:uncredited-1", "copies-from")}),
        ("wire", None, {("article:a", "agency:uncredited-1", "copies-from"),
                        ("article:b", "agency:uncredited-1", "copies-from")}),
        ("shared-statement", None, {("article:a", "source:statement-1", "quotes"),
                                    ("article:b", "source:statement-1", "quotes")}),
        ("common-source", None, set()),
    ],
)
def test_reuse_becomes_edges(kind: str, direction: str | None, expected: set) -> None:
    articles, r = _pair(kind, direction)
    g = provenance.build(articles, reuse=[r])
    assert edges(g) == expected
    for e in g.edges:
        assert {s.article for s in e.evidence} <= {"a", "b"} and e.evidence


def test_wire_copies_from_the_credited_agency() -> None:
    articles, r = _pair("wire", text_a=TEXT + " (Reuters)", text_b="— Reuters\n" + TEXT)
    g = provenance.build(articles, reuse=[r])
    assert ("article:a", "agency:reuters", "copies-from") in edges(g)
    assert ("article:b", "agency:reuters", "copies-from") in edges(g)
    assert ("article:a", "agency:uncredited-1", "copies-from") not in edges(g)


def test_shared_statement_links_to_the_speaker_when_quotes_name_one() -> None:
    articles, r = _pair("shared-statement")
    quotes = tuple(Quote(id=f"q{x.id}", article=x.id, start=0, end=len(TEXT), text=TEXT, speaker="Mohsin Naqvi",
                         speaker_id="mohsin-naqvi") for x in articles)
    g = provenance.build(articles, quotes=quotes, reuse=[r])
    assert edges(g) == {("article:a", "source:mohsin-naqvi", "quotes"), ("article:b", "source:mohsin-naqvi", "quotes")}


def test_empty_inputs() -> None:
    g = provenance.build([])
    assert g.nodes == () and g.edges == ()


def test_seeds_graph() -> None:
    articles, _ = ingest.load([str(SEEDS)], AuditConfig())
    g = provenance.build(articles, reuse=reuse.find(articles))
    assert len([n for n in g.nodes if n.kind == "article"]) == 5
    assert not any(e.kind == "copies-from" for e in g.edges)
    targets = {(e.source[8:11], e.target) for e in g.edges if e.kind == "cites"}
    assert {("000", "outlet:al-jazeera"), ("001", "outlet:al-jazeera"),
            ("002", "agency:reuters"), ("004", "agency:reuters")} <= targets
