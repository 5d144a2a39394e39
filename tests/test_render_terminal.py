"""The two-article comparison in the terminal, from a hand-made Audit."""
from __future__ import annotations

import dataclasses

import pytest

from auditor.model import Article, Audit
from auditor.render.terminal import clean, render_compare
from test_render_html import sample_audit


@pytest.fixture(scope="module")
def plain() -> str:
    """Wide, so that side-by-side columns do not interleave the phrases the tests look for."""
    return render_compare(sample_audit(), width=200)


def cells(text: str) -> int:
    """Widest line in terminal cells: a CJK character takes two."""
    from rich.cells import cell_len

    return max(cell_len(line) for line in text.splitlines())


def wide_audit() -> Audit:
    """The sample with a CJK title and an unbreakable 120-character token in the outlet."""
    audit = sample_audit()
    first = dataclasses.replace(audit.articles[0], title="巴基斯坦俾路支省遭遇连环袭击 " * 4, outlet="x" * 120)
    return dataclasses.replace(audit, articles=(first,) + audit.articles[1:])


@pytest.mark.parametrize("build", [sample_audit, wide_audit])
@pytest.mark.parametrize("width", [60, 80, 100])
def test_fits_the_width(build, width):
    assert cells(render_compare(build(), width=width)) <= width


def test_plain_has_no_escape_codes():
    assert "\x1b" not in render_compare(sample_audit())


def test_colour_when_asked():
    assert "\x1b[" in render_compare(sample_audit(), color=True)


@pytest.mark.parametrize("fragment", [
    "Example Times · 2024-08-27",  # the headers
    "Daily Sample · 2024-08-26",
    "≠ DIVERGE",
    "*Over 70* (> 70, in total)",  # differing figures marked
    "*At least 74* (≥ 74)",
    "= agree",
    "Death toll: over 70 (000) vs at least 74 (001)",
    "[-the-]",  # quote wording diff
    "{+its+}",
    "= State Department",  # sources in common
    "via Al Jazeera",
    "Only A (Example Times) says: 1",
    "Rail traffic was suspended on Monday.",
    "Only B (Daily Sample) says: 1",
])
def test_content(plain, fragment):
    flat = " ".join(plain.split())
    assert " ".join(fragment.split()) in flat


@pytest.mark.parametrize("section", ["Claims both make", "Quotes in both", "Sources cited", "Only A", "Only B"])
def test_sections_in_order(plain, section):
    order = ["Claims both make", "Quotes in both", "Sources cited", "Only A", "Only B"]
    assert [plain.index(s) for s in order] == sorted(plain.index(s) for s in order)


@pytest.mark.parametrize("raw,shown", [
    ("red \x1b[31mtext\x1b[0m", "red \ufffd[31mtext\ufffd[0m"),
    ("bell\x07", "bell\ufffd"),
    ("rtl \u202eevil", "rtl \ufffdevil"),
    ("[bold]not markup[/bold]", "[bold]not markup[/bold]"),
    ("tab\there", "tab here"),
])
def test_clean(raw, shown):
    assert clean(raw) == shown


def test_hostile_article_cannot_drive_the_terminal():
    audit = sample_audit()
    hostile = dataclasses.replace(audit.articles[0], title="\x1b]0;pwned\x07[red]x[/red]", outlet="\x1b[2J")
    text = render_compare(dataclasses.replace(audit, articles=(hostile,) + audit.articles[1:]))
    assert "\x1b" not in text and "\x07" not in text
    assert "[red]x[/red]" in text


@pytest.mark.parametrize("articles", [(), (Article("x", "x.txt", "One line."),)])
def test_fewer_than_two_articles(articles):
    assert "compare needs two articles" in render_compare(Audit(articles=articles))


def test_credits_from_the_provenance_graph_when_no_sources():
    """Before (or without) source extraction, the provenance graph says whom each article credits."""
    from auditor.model import Edge, Node, Provenance, Reuse, Span

    audit = sample_audit()
    aj = Span("000", 0, 5, "cited by Al Jazeera")
    prov = Provenance(
        nodes=(Node("article:000", "article", "000"), Node("article:001", "article", "001"),
               Node("outlet:al-jazeera", "outlet", "Al Jazeera"), Node("agency:reuters", "agency", "Reuters"),
               Node("source:officials", "source", "officials")),
        edges=(Edge("article:000", "outlet:al-jazeera", "cites", (aj,)),
               Edge("article:001", "outlet:al-jazeera", "cites"),
               Edge("article:001", "agency:reuters", "cites"),
               Edge("outlet:al-jazeera", "source:officials", "cites", (aj,))))
    reuse = (Reuse(("000", "001"), "common-source", credited=True, evidence=(aj,)),)
    text = render_compare(dataclasses.replace(audit, sources=(), provenance=prov, reuse=reuse), width=200)
    flat = " ".join(text.split())
    assert "Sources cited: 1 in common" in flat
    assert "= Al Jazeera (outlet)" in flat and "• Reuters (agency)" in flat
    assert "• officials (source, via Al Jazeera)" in flat  # 000's chain only
    assert flat.count("officials (source") == 1
    assert "Shared text: common-source; credited; Example Times: “cited by Al Jazeera”" in flat
