"""The audit as Markdown (GitHub flavour), for pasting into newsroom documents and tickets.

Same sections and order as the HTML report, from the same view model; article text is
escaped so that a stray `<script>`, `|` or `*` in an article stays text in any Markdown viewer.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from auditor.model import Audit
from auditor.render.view import ClusterView, DiffToken, ReportView, Segment, build

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!{}])")


def esc(text: str) -> str:
    """Inline Markdown text: one line, every character that could become markup escaped."""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;"))


def _inline(text: str, strong: bool = False) -> str:
    """A piece of a line: escaped, edge spaces kept, bold markers hugging the non-blank core."""
    core = text.strip()
    if not core:
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    return f"{lead}**{esc(core)}**{tail}" if strong else f"{lead}{esc(core)}{tail}"


def _strong(text: str) -> str:
    return _inline(text, strong=True)


def segments_md(segments: Iterable[Segment]) -> str:
    """Evidence text with its figures in bold."""
    joined = "".join(_inline(s.text, "num" in s.classes.split()) for s in segments)
    return re.sub(r" {2,}", " ", joined).strip()


def diff_md(tokens: Sequence[DiffToken]) -> str:
    parts = []
    for t in tokens:
        if t.op == "delete":
            parts.append(f"~~{esc(t.text)}~~")
        elif t.op == "insert":
            parts.append(f"**{esc(t.text)}**")
        else:
            parts.append(esc(t.text))
    return " ".join(parts)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(view: ReportView) -> list[str]:
    c = view.counts
    about = f" about {c.events} incidents" if c.events > 1 else ""
    out = [f"# Audit of {_plural(c.articles, 'article')}{about}", "",
           f"**{_plural(c.divergences, 'divergence')}** · {_plural(c.agreements, 'agreement')} · "
           f"{_plural(c.single_source, 'single-source claim')} · {_plural(c.quotes, 'quote')} · "
           f"{_plural(c.sources, 'source')} credited", "", "## Articles", ""]
    out += _table(["#", "Outlet", "Published", "Title", "Incident"],
                  ([esc(h.short), esc(h.outlet or "—"), esc(h.published or "—"), esc(h.title or h.path), esc(h.event)]
                   for h in view.heads))
    if view.events:
        out += ["", "## Incidents", ""]
        for e in view.events:
            names = ", ".join(esc(h.label) for h in e.articles)
            why = f" — why one incident: {esc('; '.join(e.evidence))}" if e.evidence else ""
            out.append(f"- **{esc(e.label)}** ({_plural(len(e.articles), 'article')}): {names}{why}")
    if view.problems:
        out += ["", "## Skipped inputs", ""]
        out += [f"- `{path.replace('`', '')}`: {esc(reason)}" for path, reason in view.problems]
    return out


def _findings(cluster: ClusterView) -> list[str]:
    out = []
    for f in cluster.findings:
        sources = f" (sources: {esc(', '.join(f.sources))})" if f.sources else ""
        out.append(f"- `{f.kind}` {esc(f.summary)}{sources}")
    return out


def _divergences(view: ReportView) -> list[str]:
    out = ["", "## Divergences", ""]
    if not view.divergences:
        return out + ["_No divergences: where the articles state the same fact, they agree._"]
    for n, d in enumerate(view.divergences, 1):
        out += [f"### {n}. {esc(d.label)}", ""]
        if d.event:
            out += [f"_{esc(d.event)}_", ""]
        findings = _findings(d)
        if findings:
            out += findings + [""]
        rows = []
        for r in d.rows:
            figures = r.quantities or ()
            rows.append([
                esc(r.article.label),
                "<br>".join(_strong(q.text) if q.highlight else esc(q.text) for q in figures) or "—",
                "<br>".join(esc(q.interval) for q in figures) or "—",
                "<br>".join(esc(q.window or "not stated") for q in figures) or "—",
                esc(", ".join(r.sources) or "not credited"),
                esc(r.article.published or "—"),
            ])
        out += _table(["Article", "Figure", "Interval", "Window", "Source", "Published"], rows)
        out.append("")
        for r in d.rows:
            out += [f"> **{esc(r.article.label)}**: {segments_md(r.evidence)}", ">"]
        if out[-1] == ">":
            out.pop()
        out.append("")
    return out


def _matrix(view: ReportView) -> list[str]:
    out = ["", "## Facts × articles", ""]
    if not view.matrix:
        out.append("_No fact is stated by more than one article._")
    else:
        rows = []
        for row in view.matrix:
            mark = "≠" if row.verdict == "diverge" else "="
            cells = []
            for c in row.cells:
                if c.state == "absent":
                    cells.append("—")
                elif c.state == "other-incident":
                    cells.append("n/a")
                elif c.state == "diverge":
                    cells.append(f"**{esc(c.text)}**")
                else:
                    cells.append(esc(c.text))
            rows.append([f"{mark} {esc(row.label)}", *cells])
        out += _table(["Fact", *(esc(h.label) for h in view.heads)], rows)
        out += ["", "≠ diverge · = agree · — not stated · n/a reports another incident"]
    out += ["", f"### Stated by one article only ({view.counts.single_source})", ""]
    for head, links in view.single:
        out += [f"**{esc(head.label)}**", ""]
        out += [f"- {esc(link.title or link.label)}" for link in links]
        out.append("")
    return out


def _agreements(view: ReportView) -> list[str]:
    out = ["", "## Agreements", ""]
    if not view.agreements:
        return out + ["_No fact is stated alike by two or more articles._"]
    for k in view.agreements:
        out += [f"### {esc(k.label)}", ""]
        findings = _findings(k)
        if findings:
            out += findings + [""]
        for r in k.rows:
            via = f" (via {esc(', '.join(r.sources))})" if r.sources else ""
            out.append(f"- **{esc(r.article.label)}**{via}: {segments_md(r.evidence)}")
        out.append("")
    return out


def _quotes(view: ReportView) -> list[str]:
    out = ["", "## Quotes", ""]
    if not view.quotes:
        return out + ["_No quotes found._"]
    shared = [g for g in view.quotes if g.shared]
    if not shared:
        out.append("_No quote appears in more than one article._")
    for g in shared:
        role = f", {esc(g.role)}" if g.role else ""
        varies = " · wording differs" if g.varies else ""
        out += [f"### {esc(g.speaker or 'Unattributed')}{role} — in {_plural(len(g.articles()), 'article')}{varies}",
                "", f"> {esc(g.text)}", ""]
        for c in g.carriers:
            cue = f" ({esc(c.cue)})" if c.cue else ""
            partial = " _partial_" if c.partial else ""
            wording = diff_md(c.diff) if c.diff else "_same wording_"
            out.append(f"- **{esc(c.article.label)}**{cue}{partial}: {wording}")
        out.append("")
    single = [g for g in view.quotes if not g.shared]
    if single:
        out += ["", f"### Quoted in one article only ({len(single)})", ""]
        for g in single:
            role = f", {esc(g.role)}" if g.role else ""
            for c in g.carriers:
                partial = " _partial_" if c.partial else ""
                out.append(f"- **{esc(g.speaker or 'unattributed')}**{role} in {esc(c.article.label)}{partial}: "
                           f"“{esc(c.text)}”")
    return out


def _provenance(view: ReportView) -> list[str]:
    out = ["", "## Provenance", ""]
    if view.graph.edges:
        out += [f"- {esc(e.title)}" for e in view.graph.edges]
        if view.graph.derived:
            out += ["", "_Drawn from the sources each article credits._"]
    else:
        out.append("_No article credits a source the audit could trace._")
    out += ["", "### What each article cites", ""]
    if view.sources:
        out += _table(["Article", "Source", "Kind", "Via", "Evidence"],
                      ([esc(s.article.label), esc(s.name + (f" · {s.role}" if s.role else "")), esc(s.kind),
                        esc(" → ".join(s.via) or "—"), "<br>".join(esc(e.title) for e in s.evidence)]
                       for s in view.sources))
    else:
        out.append("_No credited sources found._")
    if view.reuse:
        out += ["", "### Shared text", ""]
        out += _table(["Articles", "Kind", "Share of each", "Original", "Credit"],
                      ([f"{esc(r.a.label)} ↔ {esc(r.b.label)}", esc(r.kind), f"{r.share[0]} / {r.share[1]}",
                        esc(r.direction or "unknown"), esc(r.credited or "—")] for r in view.reuse))
    return out


def render_markdown(audit: Audit) -> str:
    view = build(audit)
    lines = (_summary(view) + _divergences(view) + _matrix(view) + _agreements(view) + _quotes(view)
             + _provenance(view))
    footer = f"Generated by auditor · schema {audit.schema_version}"
    if audit.model:
        footer += f" · embedding model {esc(audit.model)}"
    lines += ["", "---", "", f"_{footer}_"]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
