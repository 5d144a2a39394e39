"""View model of the report: the audit rearranged for display, shared by every renderer.

Renderers must not analyse: this module only regroups, orders, lays out and cuts text into
segments so that templates stay free of logic and article text is never concatenated into
markup. The only computation beyond that is presentation prep (word diffs between quote
wordings, a deterministic column layout of the provenance graph, whose geometry is in svg.py).
It imports only the model and svg.py.
"""
from __future__ import annotations

import bisect
import difflib
import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from auditor.model import Article, Audit, Claim, Cluster, Edge, Quantity, Quote, Source, Span
from auditor.render import svg

# --------------------------------------------------------------------------- anchors & labels

_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]+")


def slug(value: str) -> str:
    """An id fragment safe in an HTML id and a URL fragment; unsafe ids get a hash suffix."""
    if _SAFE_ID.fullmatch(value):
        return value
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", value).strip("-")[:40] or "x"
    return f"{cleaned}-{hashlib.sha1(value.encode('utf-8')).hexdigest()[:8]}"


def article_anchor(article_id: str) -> str:
    return f"art-{slug(article_id)}"


def sentence_anchor(article_id: str, index: int) -> str:
    return f"s-{slug(article_id)}-{index}"


def claim_anchor(claim_id: str) -> str:
    return f"c-{slug(claim_id)}"


def quote_anchor(quote_id: str) -> str:
    return f"q-{slug(quote_id)}"


def cluster_anchor(cluster_id: str) -> str:
    return f"k-{slug(cluster_id)}"


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…"


def number(value: Optional[float]) -> str:
    if value is None:
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def interval(q: Quantity) -> str:
    """The figure as the interval the audit holds: "> 70", "≥ 23", "74", "≥ 45 and < 50"."""
    low, high = q.low, q.high
    if low is not None and math.isinf(low):
        low = None
    if high is not None and math.isinf(high):
        high = None
    prefix = "vague, " if q.vague else "≈ " if q.approximate else ""
    if low is None and high is None:
        if q.value is not None:
            return f"{prefix}{number(q.value)}"
        return "vague" if q.vague else "unspecified"
    if low is not None and high is not None and low == high:
        return f"{prefix}{number(low)}"
    if low is not None and high is not None and q.low_inclusive and q.high_inclusive:
        return f"{prefix}{number(low)}–{number(high)}"
    parts = []
    if low is not None:
        parts.append(f"{'≥' if q.low_inclusive else '>'} {number(low)}")
    if high is not None:
        parts.append(f"{'≤' if q.high_inclusive else '<'} {number(high)}")
    return prefix + " and ".join(parts)


def quantity_offsets(article_text: str, claim: Claim, q: Quantity) -> tuple[int, int]:
    """Offsets of `q` in the article text (the model's convention), tolerating claim-relative ones."""
    if article_text[q.start:q.end] == q.text or not q.text:
        return q.start, q.end
    if claim.text[q.start:q.end] == q.text:
        return claim.start + q.start, claim.start + q.end
    return q.start, q.end


# --------------------------------------------------------------------------- text segments


@dataclass(frozen=True)
class Mark:
    """A highlighted range of article text (absolute offsets)."""

    start: int
    end: int
    classes: str
    anchor: str = ""
    title: str = ""


@dataclass(frozen=True)
class Segment:
    """A run of text with one set of classes: the template escapes `text` on its own."""

    text: str
    classes: str = ""
    ids: tuple[str, ...] = ()
    title: str = ""


def segments(text: str, offset: int, marks: Iterable[Mark]) -> tuple[Segment, ...]:
    """Cut text[offset:offset+len(text)] into runs where the covering marks do not change."""
    end = offset + len(text)
    inside = [m for m in marks if m.end > offset and m.start < end and m.end > m.start]
    cuts = {offset, end}
    for m in inside:
        cuts.add(max(m.start, offset))
        cuts.add(min(m.end, end))
    bounds = sorted(cuts)
    out: list[Segment] = []
    for lo, hi in zip(bounds, bounds[1:]):
        covering = [m for m in inside if m.start < hi and m.end > lo]
        classes: list[str] = []
        titles: list[str] = []
        for m in covering:
            for c in m.classes.split():
                if c not in classes:
                    classes.append(c)
            if m.title and m.title not in titles:
                titles.append(m.title)
        ids = tuple(m.anchor for m in covering if m.anchor and m.start == lo)
        out.append(Segment(text[lo - offset:hi - offset], " ".join(classes), ids, " · ".join(titles)))
    return tuple(out)


# --------------------------------------------------------------------------- view dataclasses


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # always a "#fragment" of this report
    title: str = ""


@dataclass(frozen=True)
class ArticleHead:
    id: str
    anchor: str
    label: str  # short column label: outlet, else id
    short: str  # the id's leading part ("000" of "000_620f5b53ba0e7b75")
    outlet: str
    published: str
    title: str
    path: str
    author: str
    url: str
    event: str


@dataclass(frozen=True)
class EventView:
    id: str
    label: str
    articles: tuple[ArticleHead, ...]
    evidence: tuple[str, ...]  # the deciding reasons (when, where, who, shared names), shown
    more_evidence: tuple[str, ...] = ()  # the rest (each article kept apart and why), folded away

DECIDING_REASONS = 3  # reasons of an incident shown at once; the others are folded


def _event_view(index, event) -> EventView:
    """An incident with its deciding reasons first (events.evidence puts them first)."""
    reasons = tuple(index.humanize(x) for x in event.evidence)
    return EventView(event.id, index.event_label[event.id], tuple(index.head(a) for a in event.articles),
                     reasons[:DECIDING_REASONS], reasons[DECIDING_REASONS:])


@dataclass(frozen=True)
class QuantityView:
    text: str
    interval: str
    counted: str
    category: str
    place: str
    window: str
    highlight: bool


@dataclass(frozen=True)
class FigureRow:
    article: ArticleHead
    claim_id: str
    href: str
    quantities: tuple[QuantityView, ...]  # the figures the cluster compares (all, when it names no category)
    sources: tuple[str, ...]
    evidence: tuple[Segment, ...]
    others: tuple[QuantityView, ...] = ()  # further figures in the same claim, for context


@dataclass(frozen=True)
class FindingView:
    number: int  # 1-based place in the cluster's findings: review keys are "cluster id/number"
    anchor: str
    kind: str
    severity: str
    summary: str
    evidence: tuple[Link, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ClusterView:
    id: str
    anchor: str
    label: str
    verdict: str
    event: str
    findings: tuple[FindingView, ...]
    rows: tuple[FigureRow, ...]
    articles: tuple[str, ...]  # article ids stating it, in report order
    category: str = ""  # the figure compared, e.g. "killed:security"

    @property
    def alerts(self) -> tuple[FindingView, ...]:
        return tuple(f for f in self.findings if f.severity == "diverge")

    @property
    def notes(self) -> tuple[FindingView, ...]:
        return tuple(f for f in self.findings if f.severity != "diverge")

    def note_kinds(self) -> str:
        """"figure-difference ×10, terminology ×3": what the folded notes are."""
        counts: dict[str, int] = {}
        for f in self.notes:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in counts.items())


@dataclass(frozen=True)
class Cell:
    state: str  # agree | diverge | absent | other-incident
    text: str
    href: str = ""
    title: str = ""
    figure: bool = False  # text is the figures stated, not an excerpt


@dataclass(frozen=True)
class MatrixRow:
    anchor: str
    cluster_anchor: str
    label: str
    verdict: str
    cells: tuple[Cell, ...]
    category: str = ""


@dataclass(frozen=True)
class DiffToken:
    op: str  # equal | delete | insert | skip
    text: str


@dataclass(frozen=True)
class QuoteCarrier:
    article: ArticleHead
    href: str
    partial: bool
    cue: str
    diff: tuple[DiffToken, ...]  # empty when worded exactly as the reference
    text: str


@dataclass(frozen=True)
class QuoteGroup:
    anchor: str
    speaker: str
    role: str
    text: str
    carriers: tuple[QuoteCarrier, ...]

    @property
    def varies(self) -> bool:
        return any(c.diff for c in self.carriers)

    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article.id for c in self.carriers))

    @property
    def shared(self) -> bool:
        """Carried by more than one article."""
        return len(self.articles()) > 1


@dataclass(frozen=True)
class SourceRow:
    article: ArticleHead
    name: str
    canonical: str
    kind: str
    role: str
    via: tuple[str, ...]
    evidence: tuple[Link, ...]


@dataclass(frozen=True)
class Credit:
    """A party an article credits, from its sources or, failing those, the provenance graph."""

    name: str
    key: str  # canonical id: equal keys in two articles are the same party
    kind: str
    via: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReuseRow:
    a: ArticleHead
    b: ArticleHead
    kind: str
    share: tuple[str, str]
    direction: str
    credited: str
    passages: tuple[tuple[Link, Link, str], ...]
    evidence: tuple[Link, ...] = ()  # the credit lines behind a common-source or credited reuse


@dataclass(frozen=True)
class GraphNode:
    id: str
    kind: str
    label: str
    full: str
    x: float
    y: float
    w: float
    h: float
    href: str = ""
    name: str = ""  # what sentences about the graph call it: the article's label, else the full label


@dataclass(frozen=True)
class GraphEdge:
    kind: str
    path: str
    title: str


@dataclass(frozen=True)
class GraphView:
    width: float
    height: float
    columns: tuple[tuple[str, float], ...]  # (heading, x centre)
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    derived: bool  # drawn from the sources because the audit holds no provenance graph


@dataclass(frozen=True)
class TextPart:
    segments: tuple[Segment, ...]
    anchor: str = ""  # set for a sentence
    classes: str = ""
    backlinks: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ArticleText:
    head: ArticleHead
    parts: tuple[TextPart, ...]
    excluded: int  # count of noise spans


@dataclass(frozen=True)
class Counts:
    articles: int
    events: int
    claims: int
    agreements: int
    divergences: int
    single_source: int
    quotes: int
    sources: int


@dataclass(frozen=True)
class ReportView:
    audit: Audit
    heads: tuple[ArticleHead, ...]
    events: tuple[EventView, ...]
    counts: Counts
    divergences: tuple[ClusterView, ...]
    agreements: tuple[ClusterView, ...]
    matrix: tuple[MatrixRow, ...]
    single: tuple[tuple[ArticleHead, tuple[Link, ...]], ...]  # facts one article states alone
    quotes: tuple[QuoteGroup, ...]
    sources: tuple[SourceRow, ...]
    reuse: tuple[ReuseRow, ...]
    graph: GraphView
    texts: tuple[ArticleText, ...]
    problems: tuple[tuple[str, str], ...]
    credits: dict[str, tuple[Credit, ...]] = field(default_factory=dict)  # article id -> whom it credits
    timings: tuple[tuple[str, str], ...] = field(default=())


# --------------------------------------------------------------------------- the builder


class _Index:
    """Lookups over one audit, built once."""

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self.articles = {a.id: a for a in audit.articles}
        self.order = {a.id: i for i, a in enumerate(audit.articles)}
        self.claims = {c.id: c for c in audit.claims}
        self.cluster_of: dict[str, Cluster] = {}
        for k in audit.clusters:
            for cid in k.claims:
                self.cluster_of[cid] = k
        self.event_of = {a: e.id for e in audit.events for a in e.articles}
        self.event_label = {e.id: e.label or f"Incident {i + 1}" for i, e in enumerate(audit.events)}
        self.sources_by_canonical: dict[str, Source] = {}
        for s in audit.sources:
            self.sources_by_canonical.setdefault(s.canonical, s)
        self.sentences: dict[str, list[tuple[int, int, str]]] = {}
        for s in sorted(audit.sentences, key=lambda s: (s.article, s.start)):
            self.sentences.setdefault(s.article, []).append((s.start, s.end, sentence_anchor(s.article, s.index)))
        for a in audit.articles:  # no sentences: the claims stand in, so links still land
            if a.id not in self.sentences:
                spans = sorted((c.start, c.end, claim_anchor(c.id)) for c in audit.claims if c.article == a.id)
                kept: list[tuple[int, int, str]] = []
                for span in spans:
                    if not kept or span[0] >= kept[-1][1]:
                        kept.append(span)
                self.sentences[a.id] = kept
        self.starts = {a: [span[0] for span in spans] for a, spans in self.sentences.items()}
        self.cluster_by_id = {k.id: k for k in audit.clusters}
        self.heads = self._heads()
        # "article:<id>" always; a bare id only when long enough not to occur in prose ("000" in "10,000")
        every = "|".join(map(re.escape, sorted(self.heads, key=len, reverse=True)))
        long_ = "|".join(map(re.escape, sorted((a for a in self.heads if len(a) >= 8), key=len, reverse=True)))
        pattern = rf"article:({every})(?![\w-])" + (rf"|(?<![\w-])({long_})(?![\w-])" if long_ else "")
        self._id_pattern = re.compile(pattern) if every else None
        self._source_names = {}
        for s in audit.sources:  # ids, canonical ids, and those without their "@article" scope
            for key in (s.id, s.canonical, s.id.split("@")[0], s.canonical.split("@")[0]):
                if len(key) >= 4 and re.fullmatch(r"[\w:.@-]+", key) and re.search(r"[_:-]", key):
                    self._source_names.setdefault(key, s.name)
        keys = "|".join(map(re.escape, sorted(self._source_names, key=len, reverse=True)))
        self._source_pattern = re.compile(rf"(?<![\w:.@-])(?:{keys})(?![\w:@-])") if keys else None
        self.backlinks: dict[str, list[Link]] = {}

    def _heads(self) -> dict[str, ArticleHead]:
        outlets = [a.outlet for a in self.audit.articles if a.outlet]
        heads = {}
        for a in self.audit.articles:
            short = a.id.split("_")[0] if "_" in a.id else a.id
            if a.outlet and outlets.count(a.outlet) == 1:
                label = a.outlet
            elif a.outlet:
                label = f"{a.outlet} ({short})"
            else:
                label = short
            heads[a.id] = ArticleHead(
                id=a.id, anchor=article_anchor(a.id), label=shorten(label, 40), short=short, outlet=a.outlet or "",
                published=a.published or "", title=a.title or "", path=a.path, author=a.author or "",
                url=a.url or "", event=self.event_label.get(self.event_of.get(a.id, ""), ""))
        return heads

    def head(self, article_id: str) -> ArticleHead:
        if article_id in self.heads:
            return self.heads[article_id]
        return ArticleHead(article_id, article_anchor(article_id), article_id, article_id, "", "", "", "", "", "", "")

    def anchor_at(self, article_id: str, offset: int) -> str:
        """The sentence holding `offset`, else the nearest one before it, else the article."""
        spans = self.sentences.get(article_id, ())
        i = bisect.bisect_right(self.starts.get(article_id, ()), offset) - 1
        if i >= 0:
            return spans[i][2]
        return article_anchor(article_id) if article_id in self.articles else ""

    def link_spans(self, spans: Iterable[Span], back: Optional[Link] = None) -> tuple[Link, ...]:
        """Links to the sentences of `spans`, one per sentence."""
        out: dict[tuple[str, str], Link] = {}
        for span in spans:
            link = self.link_span(span, back)
            out.setdefault((link.label, link.href), link)
        return tuple(out.values())

    def link_span(self, span: Span, back: Optional[Link] = None) -> Link:
        anchor = self.anchor_at(span.article, span.start)
        if back and anchor:
            self.add_back(anchor, back)
        return Link(self.head(span.article).label, f"#{anchor}" if anchor else "", shorten(span.text, 160))

    def add_back(self, anchor: str, back: Link) -> None:
        """One link back per finding label: a card and its findings share one."""
        links = self.backlinks.setdefault(anchor, [])
        if all(link.label != back.label for link in links):
            links.append(back)

    def source_name(self, canonical: Optional[str]) -> str:
        if not canonical:
            return ""
        s = self.sources_by_canonical.get(canonical)
        return s.name if s else canonical

    def humanize(self, text: str) -> str:
        """Ids in analysis text shown as names: "article:000_620f…" as the article's label, "s_al-jazeera" as
        "Al Jazeera"."""
        if self._id_pattern:
            text = self._id_pattern.sub(lambda m: self.heads[m.group(1) or m.group(2)].label, text)
        if self._source_pattern:
            text = self._source_pattern.sub(lambda m: self._source_names[m.group(0)], text)
        return text

    def credited(self, claim: Claim) -> str:
        """Whom a claim credits: the source's name, else the attribution as written."""
        if claim.attribution and claim.attribution in self.sources_by_canonical:
            return self.sources_by_canonical[claim.attribution].name
        if claim.attribution_span:
            return claim.attribution_span.text
        return claim.attribution or ""


def _cluster_label(index: _Index, cluster: Cluster) -> str:
    if cluster.label:
        return cluster.label
    members = [index.claims[c] for c in cluster.claims if c in index.claims]
    if not members:
        return cluster.id
    with_figures = [c for c in members if c.quantities]
    pick = min(with_figures or members, key=lambda c: len(c.text))
    return shorten(pick.text, 90)


def _finding_views(index: _Index, cluster: Cluster, anchor: str, back_label: str) -> tuple[FindingView, ...]:
    """Diverging findings first, then notes; article ids in their text become article labels."""
    out = []
    ordered = sorted(enumerate(cluster.findings, 1), key=lambda nf: nf[1].severity != "diverge")
    for n, f in ordered:
        fa = f"{anchor}-f{n}"
        summary = index.humanize(f.summary)
        back = Link(back_label, f"#{fa}", shorten(summary, 120))
        evidence = index.link_spans(f.evidence, back)
        sources = tuple(dict.fromkeys(index.humanize(index.source_name(s)) for s in f.sources))
        out.append(FindingView(n, fa, f.kind, f.severity, summary, evidence, sources))
    return tuple(out)


def _diverging_spans(cluster: Cluster) -> list[Span]:
    return [s for f in cluster.findings if f.severity == "diverge" for s in f.evidence]


def _figure_rows(index: _Index, cluster: Cluster, back: Link) -> tuple[FigureRow, ...]:
    hot = _diverging_spans(cluster)
    rows = []
    members = [index.claims[c] for c in cluster.claims if c in index.claims]
    members.sort(key=lambda c: (index.order.get(c.article, 1 << 30), c.start))
    for claim in members:
        article = index.articles.get(claim.article)
        text = article.text if article else claim.text
        marks: list[Mark] = []
        qviews, others = [], []
        category = getattr(cluster, "category", None)
        compared = [q for q in claim.quantities if q.category == category] if category else []
        for q in claim.quantities:
            qs, qe = quantity_offsets(text, claim, q)
            key = q in compared or not compared
            highlight = key and cluster.verdict == "diverge" and (
                not hot or any(s.article == claim.article and s.start < qe and s.end > qs for s in hot))
            marks.append(Mark(qs, qe, "num hot" if highlight else "num", title=interval(q)))
            (qviews if key else others).append(QuantityView(q.text, interval(q), q.counted or "", q.category or "",
                                                            q.place or "", q.window or "", highlight))
        if claim.attribution_span and claim.attribution_span.article == claim.article:
            a = claim.attribution_span
            marks.append(Mark(a.start, a.end, "attrib"))
        for s in hot:
            if s.article == claim.article:
                marks.append(Mark(s.start, s.end, "ev"))
        anchor = index.anchor_at(claim.article, claim.start)
        index.add_back(anchor, back)
        sources = (index.credited(claim),) if index.credited(claim) else ()
        rows.append(FigureRow(index.head(claim.article), claim.id, f"#{anchor}", tuple(qviews), sources,
                              segments(claim.text, claim.start, marks), tuple(others)))
    return tuple(rows)


def _cluster_view(index: _Index, cluster: Cluster, anchor: str, back_label: str) -> ClusterView:
    back = Link(back_label, f"#{anchor}", _cluster_label(index, cluster))
    findings = _finding_views(index, cluster, anchor, back_label)
    rows = _figure_rows(index, cluster, back)
    articles = tuple(dict.fromkeys(r.article.id for r in rows))
    return ClusterView(cluster.id, anchor, _cluster_label(index, cluster), cluster.verdict,
                       index.event_label.get(cluster.event or "", ""), findings, rows, articles,
                       getattr(cluster, "category", None) or "")


def _verdict_rank(cluster: Cluster) -> tuple:
    """What an editor must check first: figures that cannot both be right, then denials; among
    them the facts most outlets state (the most read), then the most disagreements."""
    kinds = {f.kind for f in cluster.findings}
    diverging = sum(f.severity == "diverge" for f in cluster.findings)
    outlets = len(set(cluster.articles)) if cluster.articles else len(cluster.claims)
    return (0 if "figure-conflict" in kinds else 1 if "denial" in kinds else 2, -outlets, -diverging,
            -len(cluster.claims), cluster.id)


def _matrix(index: _Index, shared: Sequence[ClusterView]) -> tuple[MatrixRow, ...]:
    rows = []
    for view in shared:
        cluster_event = index.cluster_by_id[view.id].event if view.id in index.cluster_by_id else None
        by_article: dict[str, list[FigureRow]] = {}
        for r in view.rows:
            by_article.setdefault(r.article.id, []).append(r)
        cells = []
        for a in index.audit.articles:
            stated = by_article.get(a.id)
            if stated:
                figures = [q.text for r in stated for q in r.quantities]
                full = " / ".join("".join(s.text for s in r.evidence) for r in stated)
                unique = {f.lower(): f for f in reversed(figures)}  # "More than 50" and "more than 50" once
                text = ", ".join(unique[k] for k in dict.fromkeys(f.lower() for f in figures)) if figures \
                    else shorten(full, 48)
                cells.append(Cell(view.verdict if view.verdict in ("agree", "diverge") else "agree",
                                  text, stated[0].href, shorten(full, 300), bool(figures)))
            elif cluster_event and index.event_of.get(a.id) and index.event_of[a.id] != cluster_event:
                cells.append(Cell("other-incident", "", "", "reports another incident"))
            else:
                cells.append(Cell("absent", "", "", "not stated"))
        rows.append(MatrixRow(f"m-{view.anchor}", view.anchor, view.label, view.verdict, tuple(cells), view.category))
    return tuple(rows)


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def _key(word: str) -> str:
    return re.sub(r"[^\w]", "", word.lower())


def _norm(text: str) -> list[str]:
    return [k for k in (_key(w) for w in _words(text)) if k]


def _same_quote(a: list[str], b: list[str]) -> bool:
    """Near-equal wordings, or one a fragment of the other (partial quotes)."""
    if not a or not b:
        return False
    if a == b:
        return True
    shared = len(set(a) & set(b))
    if shared < 0.5 * min(len(set(a)), len(set(b))):  # cheap test first: most pairs share few words
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    matcher = difflib.SequenceMatcher(None, short, long_, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    if len(short) >= 4 and matched / len(short) >= 0.8:
        return True
    return 2 * matched / (len(a) + len(b)) >= 0.75


def word_diff(reference: str, variant: str) -> tuple[DiffToken, ...]:
    """Word-by-word diff of a wording against the reference; ends the variant leaves out become "…"."""
    ref, var = _words(reference), _words(variant)
    rk, vk = [_key(w) or w for w in ref], [_key(w) or w for w in var]
    if rk == vk:
        return ()
    ops = difflib.SequenceMatcher(None, rk, vk, autojunk=False).get_opcodes()
    tokens: list[DiffToken] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            tokens.append(DiffToken("equal", " ".join(var[j1:j2])))
        elif tag == "delete" and (n == 0 or n == len(ops) - 1):
            tokens.append(DiffToken("skip", "…"))
        else:
            if i2 > i1:
                tokens.append(DiffToken("delete", " ".join(ref[i1:i2])))
            if j2 > j1:
                tokens.append(DiffToken("insert", " ".join(var[j1:j2])))
    if all(t.op in ("equal", "skip") for t in tokens):
        return tuple(tokens) if any(t.op == "skip" for t in tokens) else ()
    return tuple(tokens)


def _quote_groups(index: _Index) -> tuple[QuoteGroup, ...]:
    quotes = sorted(index.audit.quotes, key=lambda q: (index.order.get(q.article, 1 << 30), q.start))
    keys = [_norm(q.text) for q in quotes]
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # candidates share at least half the distinct words of the shorter quote: found through an
    # index of words, so unrelated quotes are never diffed (quadratic only in true neighbours)
    sets = [set(k) for k in keys]
    postings: dict[str, list[int]] = {}
    for i, words in enumerate(sets):
        for w in words:
            postings.setdefault(w, []).append(i)
    for i in range(len(quotes)):
        shared: dict[int, int] = {}
        for w in sets[i]:
            for j in postings[w]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        for j in sorted(shared):
            if shared[j] < 0.5 * min(len(sets[i]), len(sets[j])):
                continue
            if quotes[i].article != quotes[j].article or keys[i] == keys[j]:
                if find(i) != find(j) and _same_quote(keys[i], keys[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[Quote]] = {}
    for i, q in enumerate(quotes):
        groups.setdefault(find(i), []).append(q)
    out = []
    for n, members in enumerate(sorted(groups.values(), key=lambda g: (-len({q.article for q in g}),
                                                                          index.order.get(g[0].article, 0),
                                                                          g[0].start)), 1):
        reference = max(members, key=lambda q: (not q.partial, len(_norm(q.text))))
        speakers = [q.speaker for q in members if q.speaker]
        roles = [q.speaker_role for q in members if q.speaker_role]
        anchor = f"qg-{n}"
        back = Link(f"quote {n}", f"#{anchor}", shorten(reference.text, 100))
        carriers = []
        for q in members:
            target = index.anchor_at(q.article, q.start)
            index.add_back(target, back)
            diff = () if q is reference else word_diff(reference.text, q.text)
            carriers.append(QuoteCarrier(index.head(q.article), f"#{target}", q.partial, q.cue or "", diff, q.text))
        out.append(QuoteGroup(anchor, max(speakers, key=len) if speakers else "",
                              max(roles, key=len) if roles else "", reference.text, tuple(carriers)))
    return tuple(out)


def _source_rows(index: _Index) -> tuple[SourceRow, ...]:
    rows = []
    for s in sorted(index.audit.sources, key=lambda s: (index.order.get(s.article, 1 << 30), s.name.lower())):
        back = Link(f"source: {shorten(s.name, 30)}", "#sources", s.name)
        rows.append(SourceRow(index.head(s.article), s.name, s.canonical, s.kind, s.role or "", s.via,
                              tuple(index.link_span(e, back) for e in s.evidence)))
    return tuple(rows)


def _reuse_rows(index: _Index) -> tuple[ReuseRow, ...]:
    rows = []
    for r in index.audit.reuse:
        a, b = r.articles
        passages = []
        for p in r.passages:
            passages.append((index.link_span(p.a), index.link_span(p.b), f"{p.similarity:.0%}"))
        credited = "" if r.credited is None else ("credited" if r.credited else "not credited")
        back = Link("shared text", "#reuse", r.kind)
        rows.append(ReuseRow(index.head(a), index.head(b), r.kind, (f"{r.share[0]:.0%}", f"{r.share[1]:.0%}"),
                             index.head(r.direction).label if r.direction else "", credited, tuple(passages),
                             tuple(index.link_span(e, back) for e in r.evidence)))
    return tuple(rows)


# --------------------------------------------------------------------------- provenance graph

_COLUMN = {"article": 0, "outlet": 1, "agency": 1}
_COLUMN_TITLES = ("Articles", "Outlets & agencies", "Original sources")


def _graph_data(index: _Index) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, int]], bool]:
    """(id, kind, label) nodes and (source, target, kind, mentions) edges, from the audit."""
    prov = index.audit.provenance
    if prov.nodes:
        nodes = [(n.id, n.kind, n.label) for n in prov.nodes]
        known = {n[0] for n in nodes}
        edges = [(e.source, e.target, e.kind, max(1, len(e.evidence))) for e in prov.edges
                 if e.source in known and e.target in known]
        return nodes, edges, False
    nodes: dict[str, tuple[str, str, str]] = {}
    edges: dict[tuple[str, str, str], int] = {}
    for a in index.audit.articles:
        nodes[f"article:{a.id}"] = (f"article:{a.id}", "article", index.head(a.id).label)
    for s in index.audit.sources:
        chain = [f"article:{s.article}"]
        for name in s.via:
            nid = f"outlet:{name.strip().lower()}"
            nodes.setdefault(nid, (nid, "outlet", name))
            chain.append(nid)
        kind = s.kind if s.kind in ("outlet", "agency") else "source"
        nid = f"{kind}:{s.canonical}"
        nodes.setdefault(nid, (nid, kind, s.name))
        chain.append(nid)
        for src, dst in zip(chain, chain[1:]):
            if src != dst:
                key = (src, dst, "cites")
                edges[key] = edges.get(key, 0) + max(1, len(s.evidence))
    for r in index.audit.reuse:
        if r.direction and r.direction in r.articles:
            copier = r.articles[1] if r.direction == r.articles[0] else r.articles[0]
            key = (f"article:{copier}", f"article:{r.direction}", "copies-from")
            edges[key] = edges.get(key, 0) + max(1, len(r.passages))
    return list(nodes.values()), [(s, t, k, n) for (s, t, k), n in edges.items()], True


def _node_article(index: _Index, node_id: str) -> Optional[str]:
    """The article an article node stands for: its id is the article id, maybe with a prefix."""
    if node_id in index.articles:
        return node_id
    if ":" in node_id and node_id.split(":", 1)[1] in index.articles:
        return node_id.split(":", 1)[1]
    return None


def graph(index: _Index) -> GraphView:
    """Columns by node kind; rows ordered by the mean row of their predecessors, then label."""
    nodes, edges, derived = _graph_data(index)
    columns: list[list[tuple[str, str, str]]] = [[], [], []]
    for n in nodes:
        columns[_COLUMN.get(n[1], 2)].append(n)
    row: dict[str, float] = {}
    article_rank = {f"article:{a}": i for a, i in index.order.items()}
    columns[0].sort(key=lambda n: (article_rank.get(n[0], 1 << 30), n[2].lower(), n[0]))
    for i, n in enumerate(columns[0]):
        row[n[0]] = i
    preds: dict[str, list[str]] = {}
    for s, t, _, _ in edges:
        preds.setdefault(t, []).append(s)
    for col in (1, 2):
        def bary(n: tuple[str, str, str]) -> float:
            rows_ = [row[p] for p in preds.get(n[0], ()) if p in row]
            return sum(rows_) / len(rows_) if rows_ else float(1 << 20)
        columns[col].sort(key=lambda n: (bary(n), n[2].lower(), n[0]))
        for i, n in enumerate(columns[col]):
            row[n[0]] = i
    used = [c for c in range(3) if columns[c]] or [0]
    slot = svg.slots([[n[0] for n in col] for col in columns], [(s, t) for s, t, _, _ in edges])
    x_of = {c: svg.column_x(k) for k, c in enumerate(used)}
    placed: dict[str, GraphNode] = {}
    for c in used:
        for i, (nid, kind, label) in enumerate(columns[c]):
            href, full, name = "", label, label
            article = _node_article(index, nid) if kind == "article" else None
            if article:
                head = index.head(article)
                href = f"#{head.anchor}"
                label = head.label if head.outlet else " · ".join(x for x in (head.short, head.title) if x)
                full = " · ".join(x for x in (head.outlet, head.title, head.path) if x)
                name = head.label
            placed[nid] = GraphNode(nid, kind, shorten(label, 30), full, x_of[c], svg.row_y(slot[nid]),
                                    svg.NODE_W, svg.NODE_H, href, name)
    out_edges = []
    for s, t, kind, mentions in sorted(edges, key=lambda e: (row.get(e[0], 0), row.get(e[1], 0), e[2], e[0], e[1])):
        if s not in placed or t not in placed:
            continue
        a, b = placed[s], placed[t]
        path = svg.edge_path(a, b, row.get(s, 0) - row.get(t, 0))
        times = f" ({mentions}×)" if mentions > 1 else ""
        out_edges.append(GraphEdge(kind, path, f"{a.name} {kind} {b.name}{times}"))
    rows_max = max((slot[n] + 1 for n in slot), default=1)
    width, height = svg.canvas(len(used), rows_max)
    heads = tuple((_COLUMN_TITLES[c], x_of[c] + svg.NODE_W / 2) for c in used)
    return GraphView(width, height, heads, tuple(placed.values()), tuple(out_edges), derived)


def _credits(index: _Index) -> dict[str, tuple[Credit, ...]]:
    out: dict[str, list[Credit]] = {a.id: [] for a in index.audit.articles}
    for s in index.audit.sources:
        if s.article in out:
            out[s.article].append(Credit(s.name, s.canonical, s.kind, s.via))
    prov = index.audit.provenance
    labels = {n.id: (n.label, n.kind) for n in prov.nodes}
    onward: dict[str, list[Edge]] = {}
    for e in prov.edges:
        onward.setdefault(e.source, []).append(e)
    for node_id in labels:
        article = _node_article(index, node_id)
        if not article or out.get(article):
            continue
        found: list[Credit] = []
        for edge in onward.get(node_id, ()):
            if edge.target not in labels or _node_article(index, edge.target):
                continue
            name, kind = labels[edge.target]
            found.append(Credit(name, edge.target, kind))
            for beyond in onward.get(edge.target, ()):  # the graph is shared: keep this article's chains
                mine = not beyond.evidence or any(sp.article == article for sp in beyond.evidence)
                if mine and beyond.target in labels and not _node_article(index, beyond.target):
                    found.append(Credit(labels[beyond.target][0], beyond.target, labels[beyond.target][1], (name,)))
        out[article] = found
    return {a: tuple(dict.fromkeys(c)) for a, c in out.items()}


# --------------------------------------------------------------------------- article texts


def _article_marks(index: _Index, article: Article) -> list[Mark]:
    marks: list[Mark] = []
    for ex in article.excluded:
        marks.append(Mark(ex.start, ex.end, "noise", title=f"left out: {ex.reason}"))
    for c in index.audit.claims:
        if c.article != article.id:
            continue
        cluster = index.cluster_of.get(c.id)
        verdict = cluster.verdict if cluster else "single-source"
        css = {"agree": "claim agree", "diverge": "claim diverge"}.get(verdict, "claim single")
        marks.append(Mark(c.start, c.end, css, claim_anchor(c.id), verdict))
        for q in c.quantities:
            qs, qe = quantity_offsets(article.text, c, q)
            marks.append(Mark(qs, qe, "num", title=interval(q)))
        if c.attribution_span and c.attribution_span.article == article.id:
            marks.append(Mark(c.attribution_span.start, c.attribution_span.end, "attrib",
                              title=f"credited: {index.source_name(c.attribution) or c.attribution_span.text}"))
    for q in index.audit.quotes:
        if q.article != article.id:
            continue
        who = q.speaker or "unattributed"
        marks.append(Mark(q.start, q.end, "quote", quote_anchor(q.id), f"quote: {who}"))
        if q.speaker_start is not None and q.speaker_end is not None:
            marks.append(Mark(q.speaker_start, q.speaker_end, "speaker", title="speaker"))
    for s in index.audit.sources:
        for e in s.evidence:
            if e.article == article.id:
                marks.append(Mark(e.start, e.end, "attrib", title=f"source: {s.name}"))
    return marks


def _article_text(index: _Index, article: Article) -> ArticleText:
    marks = _article_marks(index, article)
    text = article.text
    parts: list[TextPart] = []
    pos = 0
    sentence_classes: dict[str, str] = {}
    for c in index.audit.claims:
        if c.article == article.id:
            cluster = index.cluster_of.get(c.id)
            if cluster and cluster.verdict in ("agree", "diverge"):
                anchor = index.anchor_at(article.id, c.start)
                if sentence_classes.get(anchor) != "diverge":
                    sentence_classes[anchor] = cluster.verdict
    for start, end, anchor in index.sentences.get(article.id, ()):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            parts.append(TextPart(segments(text[pos:start], pos, marks)))
        # the anchor of a sentence is on its wrapper, not repeated on the segments inside
        inner = tuple(Segment(s.text, s.classes, tuple(i for i in s.ids if i != anchor), s.title)
                      for s in segments(text[start:end], start, marks))
        parts.append(TextPart(inner, anchor, sentence_classes.get(anchor, ""),
                              tuple(index.backlinks.get(anchor, ()))))
        pos = end
    if pos < len(text):
        parts.append(TextPart(segments(text[pos:], pos, marks)))
    return ArticleText(index.head(article.id), tuple(parts), len(article.excluded))


# --------------------------------------------------------------------------- entry point


def build(audit: Audit) -> ReportView:
    """Everything a renderer shows, in the order an editor reads it."""
    index = _Index(audit)
    heads = tuple(index.head(a.id) for a in audit.articles)
    events = tuple(_event_view(index, e) for e in audit.events)
    diverging = sorted((c for c in audit.clusters if c.verdict == "diverge"), key=_verdict_rank)
    agreeing = sorted((c for c in audit.clusters if c.verdict == "agree"), key=_verdict_rank)
    divergences = tuple(_cluster_view(index, c, f"d-{n}", f"divergence {n}") for n, c in enumerate(diverging, 1))
    agreements = tuple(_cluster_view(index, c, f"k-{n}", f"agreement {n}") for n, c in enumerate(agreeing, 1))
    matrix = _matrix(index, divergences + agreements)
    single_by_article: dict[str, list[Link]] = {}
    for c in audit.clusters:
        if c.verdict not in ("agree", "diverge"):
            for cid in c.claims:
                claim = index.claims.get(cid)
                if claim:
                    anchor = index.anchor_at(claim.article, claim.start)
                    # a check on the claim itself (a weekday its date does not fall on) goes with it
                    checks = [index.humanize(f.summary) for f in c.findings
                              if f.kind not in ("single-source", "unattributed") and f.evidence
                              and claim.start <= f.evidence[0].start < claim.end]
                    label = shorten(claim.text, 140) + "".join(f" (check: {x})" for x in checks)
                    single_by_article.setdefault(claim.article, []).append(
                        Link(label, f"#{anchor}" if anchor else "", claim.text))
    single = tuple((index.head(a.id), tuple(single_by_article[a.id])) for a in audit.articles
                   if a.id in single_by_article)
    quotes = _quote_groups(index)
    sources = _source_rows(index)
    reuse = _reuse_rows(index)
    counts = Counts(
        articles=len(audit.articles), events=len(audit.events), claims=len(audit.claims),
        agreements=len(agreements), divergences=len(divergences),
        single_source=sum(len(links) for _, links in single), quotes=len(audit.quotes),
        sources=len({s.canonical for s in audit.sources}))
    texts = tuple(_article_text(index, a) for a in audit.articles)
    return ReportView(
        audit=audit, heads=heads, events=events, counts=counts, divergences=divergences, agreements=agreements,
        matrix=matrix, single=single, quotes=quotes, sources=sources, reuse=reuse, graph=graph(index),
        texts=texts, problems=tuple((p.path, p.reason) for p in audit.problems), credits=_credits(index),
        timings=tuple((stage, f"{seconds:.2f} s") for stage, seconds in audit.timings))
