"""The HTML report, built from a hand-made Audit (no analysis runs), plus one real-browser check.

`sample_audit()` is shared with the Markdown, terminal and compare tests: two articles about
one incident that disagree on the toll and share a quote in different words, and a third
about another incident.
"""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import struct
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.model import (Article, Audit, Claim, Cluster, Edge, Event, Excluded, Finding, Node, Passage, Provenance, Quantity, Quote, Reuse, Sentence, Source, Span)
from auditor.render.html import render_report, templates_dir

TEXT_A = (
    "Over 70 people were killed in a series of attacks in Balochistan, according to officials "
    "cited by Al Jazeera.\n\n"
    "The military said 14 soldiers and police officers lost their lives.\n\n"
    "“We stand with Pakistan in its fight against terrorism,” the State Department said.\n\n"
    "Rail traffic was suspended on Monday.\n"
)
TEXT_B = (
    "Share this\n"
    "At least 74 people were killed in coordinated attacks across Balochistan, according to "
    "military and police sources.\n"
    "A total of 14 security personnel were killed in fighting.\n"
    "“We stand with Pakistan in the fight against terrorism and send condolences,” the State Department said.\n"
    "The BLA claimed responsibility for the attacks.\n"
)
TEXT_C = "In total, 177 terrorists have been eliminated, the defence minister said on Monday.\n"


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _span(article: str, text: str, needle: str) -> Span:
    s, e = _at(text, needle)
    return Span(article, s, e, needle)


def _sentences(article: str, text: str) -> tuple[Sentence, ...]:
    out, pos = [], 0
    for i, line in enumerate(x for x in re.split(r"\n+", text) if x.strip()):
        s = text.index(line, pos)
        out.append(Sentence(article, i, s, s + len(line), line))
        pos = s + len(line)
    return tuple(out)


def _claim(cid: str, article: str, text: str, sentences, needle: str, quantities=(), attribution=None,
           attribution_text=None) -> Claim:
    s, e = _at(text, needle)
    index = next(x.index for x in sentences if x.start <= s < x.end)
    aspan = _span(article, text, attribution_text) if attribution_text else None
    return Claim(cid, article, s, e, needle, index, tuple(quantities), attribution, aspan)


def _qty(text: str, figure: str, low, high, **kw) -> Quantity:
    s, e = _at(text, figure)
    return Quantity(s, e, figure, kw.pop("value", low), low, high, **kw)


def sample_audit(text_a: str = TEXT_A, title_a: str = "Attacks in Balochistan") -> Audit:
    """A small audit that exercises every section of every renderer."""
    sa, sb, sc = _sentences("000", text_a), _sentences("001", TEXT_B), _sentences("002", TEXT_C)
    toll_a = _claim("c_a1", "000", text_a, sa, "Over 70 people were killed in a series of attacks in Balochistan, "
                    "according to officials cited by Al Jazeera.",
                    [_qty(text_a, "Over 70", 70, None, low_inclusive=False, category="killed", window="in total")],
                    "al-jazeera", "according to officials cited by Al Jazeera")
    toll_b = _claim("c_b1", "001", TEXT_B, sb, "At least 74 people were killed in coordinated attacks across "
                    "Balochistan, according to military and police sources.",
                    [_qty(TEXT_B, "At least 74", 74, None, category="killed")],
                    "military-police", "according to military and police sources")
    sec_a = _claim("c_a2", "000", text_a, sa, "The military said 14 soldiers and police officers lost their lives.",
                   [_qty(text_a, "14", 14, 14, counted="soldiers and police officers")])
    sec_b = _claim("c_b2", "001", TEXT_B, sb, "A total of 14 security personnel were killed in fighting.",
                   [_qty(TEXT_B, "14", 14, 14, counted="security personnel")])
    rail = _claim("c_a3", "000", text_a, sa, "Rail traffic was suspended on Monday.")
    bla = _claim("c_b3", "001", TEXT_B, sb, "The BLA claimed responsibility for the attacks.")
    elim = _claim("c_c1", "002", TEXT_C, sc, TEXT_C.strip(), [_qty(TEXT_C, "177", 177, 177, window="In total")])
    conflict = Finding("figure-conflict", "diverge", "Death toll: over 70 (000) vs at least 74 (001)",
                       (_span("000", text_a, "Over 70"), _span("001", TEXT_B, "At least 74")),
                       ("al-jazeera", "military-police"))
    q_a = Quote("q_a1", "000", *_at(text_a, "We stand with Pakistan in its fight against terrorism"),
                "We stand with Pakistan in its fight against terrorism", "State Department",
                speaker_id="us-state-department", cue="said")
    q_b = Quote("q_b1", "001", *_at(TEXT_B, "We stand with Pakistan in the fight against terrorism and send condolences"),
                "We stand with Pakistan in the fight against terrorism and send condolences", "State Department",
                speaker_id="us-state-department", cue="said")
    q_c = Quote("q_c1", "002", *_at(TEXT_C, "In total, 177 terrorists have been eliminated"),
                "In total, 177 terrorists have been eliminated", "Khawaja Asif", speaker_role="defence minister")
    sources = (
        Source("s1", "000", "officials", "officials", "government",
               (_span("000", text_a, "officials cited by Al Jazeera"),), via=("Al Jazeera",)),
        Source("s2", "001", "military and police sources", "military-police", "government",
               (_span("001", TEXT_B, "military and police sources"),)),
        Source("s3", "000", "State Department", "us-state-department", "government",
               (_span("000", text_a, "the State Department said"),)),
        Source("s4", "001", "State Department", "us-state-department", "government",
               (_span("001", TEXT_B, "the State Department said"),)),
    )
    return Audit(
        articles=(
            Article("000", "seeds/000.txt", text_a, title=title_a, outlet="Example Times",
                    published="2024-08-27"),
            Article("001", "seeds/001.txt", TEXT_B, title="At least 74 killed", outlet="Daily Sample",
                    published="2024-08-26", excluded=(Excluded(0, 10, "interface-word"),)),
            Article("002", "seeds/002.txt", TEXT_C, title=None, outlet=None, published=None),
        ),
        sentences=sa + sb + sc,
        claims=(toll_a, sec_a, rail, toll_b, sec_b, bla, elim),
        clusters=(
            Cluster("k1", ("c_a1", "c_b1"), "diverge", "e1", "Death toll", (conflict,)),
            Cluster("k2", ("c_a2", "c_b2"), "agree", "e1", None,
                    (Finding("figure-same", "note", "Both give 14 security personnel killed"),)),
            Cluster("k3", ("c_a3",), "single-source", "e1"),
            Cluster("k4", ("c_b3",), "single-source", "e1"),
            Cluster("k5", ("c_c1",), "single-source", "e2"),
        ),
        quotes=(q_a, q_b, q_c),
        sources=sources,
        events=(Event("e1", ("000", "001"), "August 2024 attacks", ("same date", "same places")),
                Event("e2", ("002",), "2026 operations")),
        reuse=(Reuse(("000", "001"), "shared-statement",
                     (Passage(_span("000", text_a, "We stand with Pakistan"), _span("001", TEXT_B, "We stand with Pakistan"), 0.9),),
                     (0.1, 0.08), None, None),),
        model="fake-bow-64",
        timings=(("ingest", 0.01), ("align", 0.02)),
    )


HOSTILE = (
    "Officials said <script>alert(1)</script> nothing.\n\n"
    "A caption \"><img src=x onerror=alert(2)> follows & more.\n\n"
    "Over 70 people were killed in a series of attacks in Balochistan, according to officials cited by Al Jazeera.\n\n"
    "The military said 14 soldiers and police officers lost their lives.\n\n"
    "“We stand with Pakistan in its fight against terrorism,” the State Department said.\n\n"
    "Rail traffic was suspended on Monday.\n"
)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and every id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def report() -> str:
    return render_report(sample_audit())


@pytest.fixture(scope="module")
def hostile_report() -> str:
    return render_report(sample_audit(HOSTILE, title_a="<script>alert('title')</script>"))


def test_templates_found():
    assert (templates_dir() / "report.html").is_file()
    assert (templates_dir() / "partials" / "style.css").is_file()


@pytest.mark.parametrize("needle", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<script>alert('title')</script>",
])
def test_hostile_article_text_is_inert(hostile_report, needle):
    assert needle not in hostile_report
    tags = parse(hostile_report)
    assert not [t for t, _ in tags.tags if t in ("script", "img", "iframe", "object", "embed")]
    assert not [a for _, attrs in tags.tags for a in attrs if a.startswith("on")]


@pytest.mark.parametrize("shown", ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>'])
def test_hostile_text_is_shown_as_text(hostile_report, shown):
    assert shown in "".join(parse(hostile_report).text)


def test_csp_forbids_network_loads(report):
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', report)
    assert csp and "default-src 'none'" in csp.group(1)
    assert "script-src" not in csp.group(1)  # no script at all: default-src 'none' covers it


@pytest.mark.parametrize("build", [lambda: sample_audit(), lambda: sample_audit(HOSTILE)])
def test_self_contained(build):
    html = render_report(build())
    tags = parse(html)
    for tag, attrs in tags.tags:
        assert tag != "link"
        assert not (tag == "script" and "src" in attrs)
        for name in ("src", "href", "srcset", "action", "poster", "data"):
            value = attrs.get(name, "")
            assert "http" not in value.lower() and "//" not in value, (tag, name, value)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "@import" not in html


@pytest.mark.parametrize("article_id", ["000", "001", "002"])
def test_every_article_present(report, article_id):
    tags = parse(report)
    assert f"art-{article_id}" in tags.ids
    text = "".join(tags.text)
    audit = sample_audit()
    assert audit.article(article_id).text.split("\n")[1 if article_id == "001" else 0].strip() in text


def test_every_internal_link_lands(report):
    tags = parse(report)
    ids = set(tags.ids)
    assert len(ids) == len(tags.ids), "duplicate ids"
    hrefs = [attrs["href"] for _, attrs in tags.tags if "href" in attrs]
    assert hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, href


@pytest.mark.parametrize("target,label", [
    ("s-000-0", "divergence 1"),  # the diverging toll sentence links back to its divergence card
    ("s-001-1", "divergence 1"),
    ("s-000-1", "agreement 1"),
    ("s-000-2", "quote 1"),
])
def test_findings_link_to_sentences_and_back(report, target, label):
    assert f'href="#{target}"' in report
    sentence = re.search(rf'<span class="sent[^"]*" id="{target}">.*?</span><span class="backs">(.*?)</span></span>',
                         report, re.S)
    assert sentence and label in sentence.group(1)


@pytest.mark.parametrize("section", ["summary", "divergences", "matrix", "agreements", "quotes", "provenance",
                                     "articles"])
def test_sections_in_editor_order(report, section):
    order = ["summary", "divergences", "matrix", "agreements", "quotes", "provenance", "articles"]
    positions = [report.index(f'<section id="{s}">') for s in order]
    assert positions == sorted(positions)
    assert f'<section id="{section}">' in report


@pytest.mark.parametrize("fragment", [
    "Over 70",  # the figures side by side
    "At least 74",
    "&gt; 70",  # its interval
    "≥ 74",
    "in total",  # the window
    "Al Jazeera",
    "2024-08-26",
    "Death toll: over 70 (000) vs at least 74 (001)",
])
def test_divergence_card(report, fragment):
    card = report[report.index('id="d-1"'):report.index('<section id="matrix">')]
    assert fragment in card


def test_numbers_highlighted_by_offsets(report):
    card = report[report.index('id="d-1"'):report.index('<section id="matrix">')]
    assert '<span class="num hot ev" title="&gt; 70">Over 70</span>' in card


def test_matrix_cells(report):
    matrix = report[report.index('<section id="matrix">'):report.index('<section id="agreements">')]
    assert matrix.count('class="cell diverge figure"') == 2
    assert matrix.count('class="cell agree figure"') == 2
    assert matrix.count('class="cell other-incident"') == 2  # 002 reports another incident


def test_quote_wording_diff(report):
    quotes = report[report.index('<section id="quotes">'):report.index('<section id="provenance">')]
    # the longest wording is the reference; the other shows its changes word by word
    assert "<blockquote>We stand with Pakistan in the fight against terrorism and send condolences</blockquote>" in quotes
    assert "<del>the</del> <ins>its</ins> fight against terrorism <span class=\"skip\">…</span>" in quotes


def test_provenance_graph_derived_from_sources(report):
    svg = report[report.index("<svg"):report.index("</svg>")]
    for label in ("Example Times", "Al Jazeera", "officials", "State Department"):
        assert label in svg
    assert svg.count('class="e-cites"') >= 4


def test_provenance_graph_from_audit():
    audit = sample_audit()
    prov = Provenance(
        nodes=(Node("a:000", "article", "Example Times"), Node("o:aj", "agency", "Al Jazeera"),
               Node("s:off", "source", "officials")),
        edges=(Edge("a:000", "o:aj", "cites"), Edge("o:aj", "s:off", "cites"), Edge("a:000", "missing", "cites")))
    html = render_report(Audit(**{**audit.__dict__, "provenance": prov}))
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert svg.count("<path class=") == 2 and "drawn from the sources" not in svg


def test_noise_greyed(report):
    assert '<span class="noise" title="left out: interface-word">Share this</span>' in report


@pytest.mark.parametrize("audit", [
    Audit(articles=(Article("x", "x.txt", "Just one line."),)),
    Audit(articles=(Article("a b/<c>", "weird.txt", "Text & more.\n"),)),
])
def test_minimal_audits_render(audit):
    html = render_report(audit)
    tags = parse(html)
    assert set(h["href"][1:] for _, h in tags.tags if "href" in h) <= set(tags.ids)
    assert "No divergences" in html


# --------------------------------------------------------------------------- real browser

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(html_path: Path, png: Path, profile: Path, size: str = "1280,2000") -> None:
    """Render `html_path` in headless Chromium to `png`; raise if no file comes out."""
    browser = chromium()
    if not browser:
        pytest.skip("Chromium is not installed")
    cmd = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}",
           html_path.resolve().as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120, env={**os.environ, "HOME": str(profile)})
    assert png.is_file() and png.stat().st_size > 10_000


def png_size(png: Path) -> tuple[int, int]:
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.mark.browser
def test_seeds_report_in_chromium(tmp_path, seeds_dir, fake_embedder):
    """The seeds report opens in a real browser; the screenshot is kept when AUDITOR_SCREENSHOT is set."""
    if not chromium():
        pytest.skip("Chromium is not installed")
    import auditor
    from auditor.config import AuditConfig

    result = auditor.audit([seeds_dir], AuditConfig(embedder=fake_embedder, use_cache=False))
    html = render_report(result)
    tags = parse(html)
    assert len(set(tags.ids)) == len(tags.ids)
    assert {attrs["href"] for _, attrs in tags.tags if "href" in attrs} <= {f"#{i}" for i in tags.ids}
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    png = Path(os.environ.get("AUDITOR_SCREENSHOT") or tmp_path / "report.png")
    screenshot(page, png, tmp_path / "profile")
    assert png_size(png) == (1280, 2000)


@pytest.mark.browser
def test_hostile_report_runs_no_script_in_chromium(tmp_path, hostile_report):
    browser = chromium()
    if not browser:
        pytest.skip("Chromium is not installed")
    page = tmp_path / "hostile.html"
    page.write_text(hostile_report, encoding="utf-8")
    out = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.resolve().as_uri()], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "HOME": str(tmp_path)})
    dom = out.stdout
    assert "<title>" in dom and 'id="art-000"' in dom
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_review_boxes_keep_the_finding_numbers():
    """The review page (auditor serve) keys boxes by "cluster id/n", n the finding's place in the audit."""
    from types import SimpleNamespace

    audit = sample_audit()
    box = lambda key: SimpleNamespace(status="open", key=key, note="", at="", status_label="open", by="")  # noqa: E731
    html = render_report(audit, review_mode=True, reviews={"k1/1": box("g_1"), "k2/1": box("g_2"), "k1": box("f_1")},
                         review_token="t", review_statuses=[("open", "open")], reviewer="", review_workspace="ws",
                         review_counts=[], review_orphans=[], review_single=[])
    assert 'id="review-g_1"' in html and 'id="review-g_2"' in html and 'id="review-f_1"' in html
    finding = html[html.index('id="d-1-f1"'):]
    assert finding.index('id="review-g_1"') < finding.index("</li>")
    assert 'id="review-' not in render_report(audit)  # the static report has no forms


# --------------------------------------------------------------------------- view model units

from auditor.render.view import Mark, build, interval, segments, slug, word_diff  # noqa: E402


@pytest.mark.parametrize("quantity,shown", [
    (Quantity(0, 2, "74", 74, 74, 74), "74"),
    (Quantity(0, 7, "Over 70", 70, 70, None, low_inclusive=False), "> 70"),
    (Quantity(0, 11, "at least 23", 23, 23, float("inf")), "≥ 23"),
    (Quantity(0, 11, "nearly 50", 50, 45, 50, high_inclusive=False, approximate=True), "≈ ≥ 45 and < 50"),
    (Quantity(0, 6, "dozens", None, 24, 99, vague=True), "vague, 24–99"),
    (Quantity(0, 5, "1,200", 1200, 1200, 1200), "1,200"),
    (Quantity(0, 3, "2.5", 2.5, 2.5, 2.5), "2.5"),
    (Quantity(0, 4, "many", None, None, None, vague=True), "vague"),
])
def test_interval(quantity, shown):
    assert interval(quantity) == shown


@pytest.mark.parametrize("marks,expected", [
    ([], [("abcdef", "", ())]),
    ([Mark(2, 4, "num", "n1")], [("ab", "", ()), ("cd", "num", ("n1",)), ("ef", "", ())]),
    ([Mark(0, 4, "quote", "q"), Mark(2, 6, "num")],
     [("ab", "quote", ("q",)), ("cd", "quote num", ()), ("ef", "num", ())]),
    ([Mark(-5, 100, "noise")], [("abcdef", "noise", ())]),  # clipped; its id would belong elsewhere
])
def test_segments(marks, expected):
    assert [(s.text, s.classes, s.ids) for s in segments("abcdef", 10, [Mark(m.start + 10, m.end + 10, m.classes,
                                                                              m.anchor) for m in marks])] == expected


@pytest.mark.parametrize("ref,var,expected", [
    ("We stand with Pakistan", "We stand with Pakistan", ()),
    ("We stand with Pakistan", "we stand with pakistan.", ()),  # case and punctuation are not wording
    ("We stand with Pakistan", "We stand by Pakistan", (("equal", "We stand"), ("delete", "with"), ("insert", "by"),
                                                        ("equal", "Pakistan"))),
    ("a b c d e", "b c d", (("skip", "…"), ("equal", "b c d"), ("skip", "…"))),
])
def test_word_diff(ref, var, expected):
    assert tuple((t.op, t.text) for t in word_diff(ref, var)) == expected


@pytest.mark.parametrize("raw", ["000_620f", "a b", "<x>", "é", "a\"b", ""])
def test_slug_is_a_safe_unique_fragment(raw):
    out = slug(raw)
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", out)
    assert out == raw or out != slug(raw + " ")


def test_article_ids_in_findings_become_labels():
    audit = sample_audit()
    long_id = dataclasses.replace(audit.articles[0], id="000_620f5b53ba0e7b75")
    clusters = (Cluster("k1", (), "diverge", findings=(Finding("x", "diverge", "000_620f5b53ba0e7b75 says 10,000; "
                                                                 "article:001 says 74"),)),)
    view = build(dataclasses.replace(audit, articles=(long_id,) + audit.articles[1:], clusters=clusters))
    assert view.divergences[0].findings[0].summary == "Example Times says 10,000; Daily Sample says 74"


def test_only_the_compared_figures_are_big_and_hot():
    """A cluster comparing killed:security shows "17" as its figure; "31 civilians" is context."""
    text = "Last week's attacks left 17 security personnel and 31 civilians dead.\n"
    other = "Officials said 15 security personnel died.\n"
    q17 = Quantity(*_at(text, "17"), "17", 17, 17, 17, category="killed:security")
    q31 = Quantity(*_at(text, "31"), "31", 31, 31, 31, category="killed:civilians")
    q15 = Quantity(*_at(other, "15"), "15", 15, 15, 15, category="killed:security")
    audit = Audit(
        articles=(Article("a", "a.txt", text), Article("b", "b.txt", other)),
        sentences=(Sentence("a", 0, 0, len(text) - 1, text[:-1]), Sentence("b", 0, 0, len(other) - 1, other[:-1])),
        claims=(Claim("ca", "a", 0, len(text) - 1, text[:-1], 0, (q17, q31)),
                Claim("cb", "b", 0, len(other) - 1, other[:-1], 0, (q15,))),
        clusters=(Cluster("k", ("ca", "cb"), "diverge", category="killed:security"),))
    card = build(audit).divergences[0]
    assert [[q.text for q in r.quantities] for r in card.rows] == [["17"], ["15"]]
    assert [q.text for q in card.rows[0].others] == ["31"]
    html = render_report(audit)
    assert '<span class="num hot" title="17">17</span>' in html and '<span class="num" title="31">31</span>' in html
    assert "also in the sentence: 31 (killed:civilians)" in html


def test_quotes_of_one_article_in_a_table(report):
    quotes = report[report.index('<section id="quotes">'):report.index('<section id="provenance">')]
    table = quotes[quotes.index('id="quotes-single"'):]
    assert "Khawaja Asif" in table and "same wording" not in table
    assert quotes.index('id="qg-1"') < quotes.index('id="quotes-single"')


@pytest.mark.browser
def test_report_prints_to_pdf(tmp_path, report):
    """The print stylesheet holds up: Chromium prints the report to a multi-page PDF."""
    browser = chromium()
    if not browser:
        pytest.skip("Chromium is not installed")
    page, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    page.write_text(report, encoding="utf-8")
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer", page.resolve().as_uri()], capture_output=True, timeout=120,
                   env={**os.environ, "HOME": str(tmp_path)})
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2  # the article texts start on a new page


def test_a_check_on_a_claim_one_article_states_alone_is_shown_with_it():
    """A weekday its date does not fall on is told beside the claim, in the list of what one article
    states alone, escaped like every article word."""
    audit = sample_audit()
    rail = next(c for c in audit.claims if c.id == "c_a3")
    check = Finding("weekday-mismatch", "note", "000 writes Monday for August 26, 2024 <b>", evidence=(
        Span(rail.article, rail.start, rail.end, rail.text),))
    clusters = tuple(dataclasses.replace(k, findings=(check,)) if k.id == "k3" else k for k in audit.clusters)
    html = render_report(dataclasses.replace(audit, clusters=clusters))
    assert "(check: " in html and "August 26, 2024 &lt;b&gt;" in html
