"""The Markdown audit, from a hand-made Audit: same sections as the HTML, article text escaped."""
from __future__ import annotations

import dataclasses
import re

import pytest

from auditor.model import Claim, Cluster
from auditor.render.markdown import esc, render_markdown
from test_render_html import HOSTILE, sample_audit


@pytest.fixture(scope="module")
def md() -> str:
    return render_markdown(sample_audit())


def hostile_audit():
    """The sample with the hostile first sentence as a single-source claim, and a hostile title."""
    audit = sample_audit(HOSTILE, title_a="<script>alert('title')</script> | *bold*")
    first = HOSTILE.split("\n")[0]
    claim = Claim("c_h", "000", 0, len(first), first, 0)
    return dataclasses.replace(audit, claims=audit.claims + (claim,),
                               clusters=audit.clusters + (Cluster("kh", ("c_h",), "single-source", "e1"),))


@pytest.mark.parametrize("raw,escaped", [
    ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
    ("a | b", r"a \| b"),
    ("*not bold* _nor_ `code`", r"\*not bold\* \_nor\_ \`code\`"),
    ("[link](javascript:x)", r"\[link\](javascript:x)"),
    ("two\nlines", "two lines"),
    ("AT&T", "AT&amp;T"),
])
def test_escape(raw, escaped):
    assert esc(raw) == escaped


@pytest.mark.parametrize("needle", ["<script>", "<img", "onerror=alert(2)>"])
def test_hostile_text_stays_text(needle):
    text = render_markdown(hostile_audit())
    assert needle not in text
    assert r"\<script\>alert(1)\</script\>" in text  # still shown, as text


def test_hostile_title_cannot_break_the_table():
    text = render_markdown(hostile_audit())
    row = next(line for line in text.splitlines() if line.startswith("| 000 |"))
    assert row.count(" | ") == 4  # five cells: the title's | is escaped


@pytest.mark.parametrize("heading", ["# Audit of 3 articles about 2 incidents", "## Articles", "## Incidents",
                                     "## Divergences", "## Facts × articles", "## Agreements", "## Quotes",
                                     "## Provenance", "### What each article cites", "### Shared text"])
def test_sections_in_order(md, heading):
    order = ["# Audit", "## Divergences", "## Facts × articles", "## Agreements", "## Quotes", "## Provenance"]
    assert [md.index(h) for h in order] == sorted(md.index(h) for h in order)
    assert re.search(rf"^{re.escape(heading)}$", md, re.M)


@pytest.mark.parametrize("fragment", [
    "| Example Times | **Over 70** | \\> 70 | in total | according to officials cited by Al Jazeera | 2024-08-27 |",
    "| Daily Sample | **At least 74** | ≥ 74 | not stated | military and police sources | 2024-08-26 |",
    "> **Example Times**: **Over 70** people were killed",
    "| ≠ Death toll | **Over 70** | **At least 74** | n/a |",
    "- **Example Times** (said): We stand with Pakistan in ~~the~~ **its** fight against terrorism …",
    "- Example Times cites Al Jazeera",
    "- Rail traffic was suspended on Monday.",
])
def test_content(md, fragment):
    assert fragment in md


@pytest.mark.parametrize("article", ["Example Times", "Daily Sample", "002"])
def test_every_article_listed(md, article):
    articles = md[md.index("## Articles"):md.index("## Incidents")]
    assert f"| {article} |" in articles or f"| {article.split()[0]}" in articles or article in md


def test_tables_are_well_formed(md):
    for block in re.findall(r"(?:^\|.*\|\n)+", md, re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}
        assert len(widths) == 1, block


def test_quotes_of_one_article_are_listed_compactly(md):
    assert "### Quoted in one article only (1)" in md
    assert "- **Khawaja Asif**, defence minister in 002: “In total, 177 terrorists have been eliminated”" in md
