"""The provenance graph: who got what from whom, drawn from credits, quotes and text reuse.

Why: a fact printed by five articles may have one origin. Nodes are articles, the outlets and
news agencies they credit, and the original sources (officials, institutions, people); edges are
``cites`` (an article, or an outlet it relays, credits a source), ``quotes`` (an article quotes a
speaker) and ``copies-from`` (an article reuses the text of another article or of an agency).
Every edge carries the spans it was read from. Pure function of its inputs; works with no
sources or quotes (then credits are read from the text by ``reuse.fallback_sources``).
"""
from __future__ import annotations

import logging
from collections import defaultdict
from typing import Optional, Sequence

from auditor.crossdoc import reuse as reuse_stage
from auditor.read.names import is_description
from auditor.model import Article, Edge, Node, Provenance, Quote, Reuse, Source, Span

log = logging.getLogger(__name__)


class _Graph:
    """Nodes and edges in first-seen order; a repeated edge gathers the new evidence."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], dict[Span, None]] = {}  # ordered set of evidence

    def node(self, node_id: str, kind: str, label: str) -> str:
        self.nodes.setdefault(node_id, Node(node_id, kind, label))
        return node_id

    def edge(self, source: str, target: str, kind: str, evidence: Sequence[Span] = ()) -> None:
        spans = self.edges.setdefault((source, target, kind), {})
        spans.update(dict.fromkeys(evidence))

    def freeze(self) -> Provenance:
        return Provenance(
            nodes=tuple(self.nodes.values()),
            edges=tuple(Edge(s, t, k, tuple(ev)) for (s, t, k), ev in self.edges.items()),
        )


def article_node(article_id: str) -> str:
    return f"article:{article_id}"


def party_node(canonical: str, name: str, kind: Optional[str], article: str) -> tuple[str, str]:
    """Node id and node kind of a credited party; anonymous sources stay private to their article."""
    if kind in reuse_stage.OUTLET_KINDS or (kind is None and reuse_stage.is_agency(name)):
        return (f"agency:{canonical}", "agency") if reuse_stage.is_agency(name, kind) else (f"outlet:{canonical}", "outlet")
    if kind == "anonymous":
        return f"source:{article}:{canonical}", "source"
    return f"source:{canonical}", "source"


def _label(article: Article) -> str:
    title = article.title or article.id
    return f"{title} ({article.outlet})" if article.outlet else title


def build(articles: Sequence[Article], sources: Sequence[Source] = (), quotes: Sequence[Quote] = (),
          reuse: Sequence[Reuse] = ()) -> Provenance:
    """The graph of articles, outlets/agencies and original sources, with evidence on each edge."""
    g = _Graph()
    for a in articles:
        g.node(article_node(a.id), "article", _label(a))
    known = {a.id for a in articles}
    sources = reuse_stage.effective_sources(articles, sources)
    by_name: dict[str, tuple[str, str, str]] = {}
    for s in sources:
        for n in (s.name, s.canonical, *s.variants):
            by_name.setdefault(n.casefold(), (s.canonical, s.name, s.kind))

    for s in sources:
        if s.article not in known:
            continue
        src_id, src_kind = party_node(s.canonical, s.name, s.kind, s.article)
        g.node(src_id, src_kind, s.name)
        relay = article_node(s.article)
        for v in s.via:  # officials cited by Al Jazeera: article -> Al Jazeera -> officials
            canonical, name, kind = by_name.get(v.casefold(), (reuse_stage.slug(v), v, "outlet"))
            via_id, via_kind = party_node(canonical, name, kind, s.article)
            g.node(via_id, via_kind, name)
            g.edge(relay, via_id, "cites", reuse_stage.via_evidence(s.evidence, v))
            relay = via_id
        g.edge(relay, src_id, "cites", s.evidence)

    speakers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for q in quotes:
        if q.article not in known or not (q.speaker_id or q.speaker):
            continue
        canonical = q.speaker_id or reuse_stage.slug(q.speaker or "")
        match = by_name.get(canonical.casefold()) or by_name.get((q.speaker or "").casefold())
        # a speaker named only by a description ("the refinery", "the senator") is no party of its
        # own across articles: like an anonymous source, it stays private to its article
        kind = match[2] if match else "anonymous" if is_description(q.speaker or "") else "person"
        node_id, node_kind = party_node(canonical, q.speaker or canonical, kind, q.article)
        g.node(node_id, node_kind, q.speaker or (match[1] if match else canonical))
        g.edge(article_node(q.article), node_id, "quotes", (Span(q.article, q.start, q.end, q.text),))
        speakers[q.article].append((q.start, q.end, node_id))

    _reuse_edges(g, articles, sources, reuse, speakers)
    graph = g.freeze()
    log.info("provenance: %d nodes, %d edges", len(graph.nodes), len(graph.edges))
    return graph


def _reuse_edges(g: _Graph, articles: Sequence[Article], sources: Sequence[Source], reuse: Sequence[Reuse],
                 speakers: dict[str, list[tuple[int, int, str]]]) -> None:
    """copies-from edges (to the original, to the credited agency, or to an unnamed origin)."""
    credits = reuse_stage.credits_by_article(articles, sources)
    outlets = {a.id: reuse_stage.outlet_key(a) for a in articles}
    origins = _UnnamedOrigins()
    for r in reuse:
        x, y = r.articles
        if r.kind == "common-source" or x not in outlets or y not in outlets:
            continue
        side = {x: [p.a for p in r.passages], y: [p.b for p in r.passages]}
        if r.kind == "shared-statement":
            _statement_edges(g, r, side, speakers, origins)
            continue
        if r.kind == "derived" and r.direction in side:
            copy = y if r.direction == x else x
            g.edge(article_node(copy), article_node(r.direction), "copies-from", side[copy] + side[r.direction])
            continue
        agencies = reuse_stage.common_agencies(credits.get(x, ()), credits.get(y, ()), (outlets[x], outlets[y]))
        if r.kind == "wire" and agencies:
            for c, d in agencies:
                node_id, node_kind = party_node(c.canonical, c.name, c.kind, x)
                g.node(node_id, node_kind, c.name)
                g.edge(article_node(x), node_id, "copies-from", side[x] + list(c.evidence))
                g.edge(article_node(y), node_id, "copies-from", side[y] + list(d.evidence))
            continue
        origin = origins.of(x, y)
        g.node(origin, "agency", "uncredited common origin")
        g.edge(article_node(x), origin, "copies-from", side[x])
        g.edge(article_node(y), origin, "copies-from", side[y])


def _statement_edges(g: _Graph, r: Reuse, side: dict[str, list[Span]],
                     speakers: dict[str, list[tuple[int, int, str]]], origins: "_UnnamedOrigins") -> None:
    """Both articles quote one statement: link each to its speaker, or to one unnamed statement."""
    named = False
    for aid, spans in side.items():
        for span in spans:
            for start, end, node_id in speakers.get(aid, ()):
                if start < span.end and span.start < end:
                    g.edge(article_node(aid), node_id, "quotes", [span])
                    named = True
    if named:
        return
    x, y = r.articles
    node_id = origins.of(x, y, prefix="source:statement")
    words = r.passages[0].a.text.split() if r.passages else []
    g.node(node_id, "source", "statement: " + " ".join(words[:8]) + ("…" if len(words) > 8 else ""))
    for aid, spans in side.items():
        g.edge(article_node(aid), node_id, "quotes", spans)


class _UnnamedOrigins:
    """One unnamed origin per group of articles linked by reuse whose origin nobody credits."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.names: dict[str, str] = {}  # group root -> node id
        self.counts: dict[str, int] = defaultdict(int)

    def _find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def of(self, x: str, y: str, prefix: str = "agency:uncredited") -> str:
        """The origin node of the group of x and y (groups joined by this pair keep x's name)."""
        rx, ry = self._find(f"{prefix}|{x}"), self._find(f"{prefix}|{y}")
        name = self.names.get(rx) or self.names.get(ry)
        if name is None:
            self.counts[prefix] += 1
            name = f"{prefix}-{self.counts[prefix]}"
        if rx != ry:
            self.parent[ry] = rx
        self.names[rx] = name
        return name
