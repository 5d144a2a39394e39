"""Two articles compared in the terminal (`auditor compare A B`), drawn with rich.

Built from the same view model as the reports. Plain text when colour is off (piped output):
no escape codes, differing figures marked *like this*, wording changes as [-old-] {+new+}.
Article text is hostile input: control characters are replaced and rich markup is never parsed.
"""
from __future__ import annotations

import io
import re
import unicodedata
from typing import Iterable, Optional, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from auditor.model import Audit
from auditor.render.view import ArticleHead, ClusterView, Credit, DiffToken, FigureRow, QuoteGroup, ReportView, Segment, build

DEFAULT_WIDTH = 80
_BIDI = dict.fromkeys(list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)), "\ufffd")


def clean(text: str) -> str:
    """Text safe to print: control characters (ESC above all) and bidi overrides become U+FFFD."""
    out = []
    for ch in str(text).translate(_BIDI):
        if ch in "\n\t":
            out.append(" " if ch == "\t" else ch)
        elif unicodedata.category(ch) == "Cc":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _flat(text: str) -> str:
    return " ".join(clean(text).split())


class _Style:
    """Styles in colour; textual marks when plain."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def hot(self, text: Text, figure: str) -> None:
        if self.color:
            text.append(figure, "bold red")
        else:
            text.append(f"*{figure}*")

    def mark(self, verdict: str) -> Text:
        if verdict == "diverge":
            return Text("≠ DIVERGE", "bold red" if self.color else "")
        return Text("= agree", "bold green" if self.color else "")


def _segments(segments: Iterable[Segment], style: _Style) -> Text:
    out = Text()
    for s in segments:
        piece = _flat(s.text) if s.text.strip() else " "
        if s.text[:1].isspace() and out.plain and not out.plain.endswith(" "):
            out.append(" ")
        classes = s.classes.split()
        if "num" in classes and "hot" in classes:
            style.hot(out, piece)
        elif "num" in classes:
            out.append(piece, "bold" if style.color else "")
        elif piece != " " or (out.plain and not out.plain.endswith(" ")):
            out.append(piece)
        if s.text[-1:].isspace() and not out.plain.endswith(" "):
            out.append(" ")
    out.rstrip()
    return out


def _diff(tokens: Sequence[DiffToken], style: _Style) -> Text:
    out = Text()
    for n, t in enumerate(tokens):
        if n:
            out.append(" ")
        word = _flat(t.text)
        if t.op == "delete":
            out.append(word, "red strike") if style.color else out.append(f"[-{word}-]")
        elif t.op == "insert":
            out.append(word, "bold green") if style.color else out.append(f"{{+{word}+}}")
        else:
            out.append(word, "dim" if t.op == "skip" and style.color else "")
    return out


def _head_panel(tag: str, head: ArticleHead, style: _Style) -> Panel:
    body = Text()
    body.append(_flat(head.outlet or "outlet unknown"), "bold" if style.color else "")
    body.append(f" · {_flat(head.published) if head.published else 'date unknown'}")
    if head.title:
        body.append("\n" + _flat(head.title))
    body.append("\n" + _flat(head.path), "dim" if style.color else "")
    return Panel(body, title=f"{tag}", title_align="left", box=box.ROUNDED, padding=(0, 1))


def _side(rows: Sequence[FigureRow], style: _Style, category: str = "") -> RenderableType:
    """One article's claims in a cluster: the figures compared, the sentence, whom it credits."""
    if not rows:
        return Text("(not stated)", "dim" if style.color else "")
    parts: list[RenderableType] = []
    for n, row in enumerate(rows):
        if n:
            parts.append(Text(""))
        parts.append(_one_side(row, style, category))
    return Group(*parts)


def _one_side(row: FigureRow, style: _Style, category: str) -> RenderableType:
    parts: list[RenderableType] = []
    compared = [q for q in row.quantities if q.category == category] if category else []
    shown = compared or list(row.quantities)
    if shown:
        figures = Text()
        for n, q in enumerate(shown):
            if n:
                figures.append("; ")
            if q.highlight:
                style.hot(figures, _flat(q.text))
            else:
                figures.append(_flat(q.text), "bold" if style.color else "")
            same = q.interval.replace(",", "") == _flat(q.text).replace(",", "")
            detail = ([] if same else [q.interval]) + ([q.window] if q.window else [])
            if detail:
                figures.append(f" ({_flat(', '.join(detail))})")
        parts.append(figures)
    parts.append(_segments(row.evidence, style))
    if row.sources:
        parts.append(Text(f"credits: {_flat(', '.join(row.sources))}", "italic" if style.color else ""))
    return Group(*parts)


def _pair_table(left: RenderableType, right: RenderableType, tags: tuple[str, str] = ("A", "B")) -> Table:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(Text(tags[0]), left, Text(tags[1]), right)
    return grid


def _claims(view: ReportView, a: str, b: str, style: _Style) -> list[RenderableType]:
    shared = [c for c in view.divergences + view.agreements if a in c.articles and b in c.articles]
    out: list[RenderableType] = []
    diverging = sum(1 for c in shared if c.verdict == "diverge")
    out.append(Rule(Text(f"Claims both make: {len(shared)} ({diverging} diverge)"), align="left",
                    characters="─"))
    if not shared:
        out.append(Text("  none\n", "dim" if style.color else ""))
    for n, cluster in enumerate(shared, 1):
        out.append(_cluster_block(n, cluster, a, b, style))
    return out


def _cluster_block(n: int, cluster: ClusterView, a: str, b: str, style: _Style) -> RenderableType:
    title = Table.grid(padding=(0, 1))
    title.add_column(no_wrap=True)
    title.add_column(ratio=1, overflow="fold")
    title.add_row(style.mark(cluster.verdict), Text(f"{n}. {_flat(cluster.label)}", "bold" if style.color else ""))
    parts: list[RenderableType] = [title]
    for f in cluster.findings:  # diverging ones first (the view orders them)
        if f.severity == "diverge":
            line = Text(f"! {f.kind}: {_flat(f.summary)}", "bold red" if style.color else "")
        else:
            line = Text(f"{f.kind}: {_flat(f.summary)}", "dim" if style.color else "")
        parts.append(Padding(line, (0, 0, 0, 2)))
    rows_a = [r for r in cluster.rows if r.article.id == a]
    rows_b = [r for r in cluster.rows if r.article.id == b]
    parts.append(_pair_table(_side(rows_a, style, cluster.category), _side(rows_b, style, cluster.category)))
    parts.append(Text(""))
    return Group(*parts)


def _quotes(view: ReportView, a: str, b: str, style: _Style) -> list[RenderableType]:
    both = [g for g in view.quotes if a in g.articles() and b in g.articles()]
    out: list[RenderableType] = [Rule(Text(f"Quotes in both: {len(both)}"), align="left")]
    if not both:
        out.append(Text("  none\n", "dim" if style.color else ""))
    for g in both:
        out.append(_quote_block(g, a, b, style))
    return out


def _quote_block(g: QuoteGroup, a: str, b: str, style: _Style) -> RenderableType:
    head = Text()
    head.append(_flat(g.speaker or "Unattributed"), "bold" if style.color else "")
    if g.role:
        head.append(f", {_flat(g.role)}")
    head.append(" · wording differs" if g.varies else " · same wording")
    sides = []
    for article in (a, b):
        carrier = next(c for c in g.carriers if c.article.id == article)
        if carrier.diff:
            sides.append(_diff(carrier.diff, style))
        else:
            sides.append(Text(_flat(carrier.text)))
    return Group(head, _pair_table(*sides), Text(""))


def _sources(view: ReportView, a: str, b: str, style: _Style) -> list[RenderableType]:
    credits = {x: view.credits.get(x, ()) for x in (a, b)}
    common = {c.key for c in credits[a]} & {c.key for c in credits[b]}
    out: list[RenderableType] = [Rule(Text(f"Sources cited: {len(common)} in common"), align="left")]

    def listing(rows: Sequence[Credit]) -> Text:
        text = Text()
        seen: set[str] = set()
        for c in sorted(rows, key=lambda c: (c.key not in common, c.name.lower())):
            if c.key in seen:
                continue
            seen.add(c.key)
            if text.plain:
                text.append("\n")
            shared = c.key in common
            text.append("= " if shared else "• ", "green" if style.color and shared else "")
            text.append(_flat(c.name))
            extra = [c.kind] + ([f"via {' → '.join(c.via)}"] if c.via else [])
            text.append(f" ({_flat(', '.join(extra))})", "dim" if style.color else "")
        return text or Text("nothing credited", "dim" if style.color else "")

    out.append(_pair_table(listing(credits[a]), listing(credits[b])))
    for r in view.reuse:
        if {r.a.id, r.b.id} == {a, b}:
            line = Text(f"Shared text: {_flat(r.kind)}")
            if r.passages:
                line.append(f", {len(r.passages)} passage{'' if len(r.passages) == 1 else 's'}"
                            f" ({r.share[0]} of A, {r.share[1]} of B)" if r.a.id == a else
                            f" ({r.share[1]} of A, {r.share[0]} of B)")
            if r.direction:
                line.append(f"; original: {_flat(r.direction)}")
            if r.credited:
                line.append(f"; {r.credited}")
            if r.evidence:
                line.append("; " + "; ".join(f"{_flat(e.label)}: “{_flat(e.title)}”" for e in r.evidence))
            out.append(line)
    out.append(Text(""))
    return out


def _only(view: ReportView, tag: str, head: ArticleHead, other: str, style: _Style) -> list[RenderableType]:
    items: list[str] = []
    for h, links in view.single:
        if h.id == head.id:
            items += [link.title or link.label for link in links]
    for c in view.divergences + view.agreements:
        if head.id in c.articles and other not in c.articles:
            items += ["".join(s.text for s in r.evidence) for r in c.rows if r.article.id == head.id]
    quotes = [g for g in view.quotes if head.id in g.articles() and other not in g.articles()]
    out: list[RenderableType] = [Rule(Text(f"Only {tag} ({_flat(head.label)}) says: {len(items)}"), align="left")]
    listing = Table.grid(padding=(0, 1))
    listing.add_column(width=1, no_wrap=True)
    listing.add_column(ratio=1, overflow="fold")
    for item in items:
        listing.add_row(Text("•"), Text(_flat(item)))
    for g in quotes:
        listing.add_row(Text("“"), Text(f"{_flat(g.text)} — {_flat(g.speaker or 'unattributed')}"))
    if items or quotes:
        out.append(listing)
    else:
        out.append(Text("  nothing", "dim" if style.color else ""))
    out.append(Text(""))
    return out


def render_compare(audit: Audit, *, width: int = DEFAULT_WIDTH, color: bool = False) -> str:
    """The first two articles of `audit` side by side; `color` adds ANSI styles (for a terminal)."""
    style = _Style(color)
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
                      legacy_windows=False, soft_wrap=False, record=False, force_jupyter=False,
                      force_interactive=False)
    view = build(audit)
    heads = view.heads
    if len(heads) < 2:
        console.print(Text("compare needs two articles; the audit holds "
                           f"{len(heads)}."))
        return console.file.getvalue()  # type: ignore[attr-defined]
    a, b = heads[0], heads[1]
    header = Table.grid(expand=True, padding=(0, 1))
    header.add_column(ratio=1)
    header.add_column(ratio=1)
    header.add_row(_head_panel("A", a, style), _head_panel("B", b, style))
    console.print(header)
    blocks: list[RenderableType] = []
    blocks += _claims(view, a.id, b.id, style)
    blocks += _quotes(view, a.id, b.id, style)
    blocks += _sources(view, a.id, b.id, style)
    blocks += _only(view, "A", a, b.id, style)
    blocks += _only(view, "B", b, a.id, style)
    for block in blocks:
        console.print(block)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return re.sub(r"[ \t]+\n", "\n", text).rstrip("\n") + "\n"
