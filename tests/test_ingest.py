"""Tests of auditor.read.ingest: reading inputs into articles, bad inputs, and noise exclusion."""
from __future__ import annotations

import codecs
import io
import json
import logging
from pathlib import Path

import pytest

from auditor.config import AuditConfig
from auditor.errors import InputError, NoArticlesError
from auditor.read.ingest import analysis_text, load
from auditor.model import Article, Problem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_004 = SEEDS / "004_0f356b974725e858.txt"

LEDE = (
    "At least 23 people were killed when gunmen stopped vehicles on a highway in Musakhel "
    "district of Balochistan on Monday, local officials said."
)
SECOND = (
    "The attackers checked the identity cards of passengers and shot those from Punjab, "
    "Assistant Commissioner Najeeb Kakar told reporters."
)
THIRD = (
    "Separately, the military said 14 soldiers and police officers were killed in attacks "
    "elsewhere in the province, while 21 militants died in the fighting."
)
BODY = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n"

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Gunmen kill 23 travellers in Musakhel | Daily Ledger</title>
<meta charset="utf-8">
<meta property="og:site_name" content="Daily Ledger">
<meta property="og:title" content="Gunmen kill 23 travellers in Musakhel">
<meta property="article:published_time" content="2024-08-26T14:30:00+05:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://ledger.example/2024/08/26/musakhel-attack">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Gunmen kill 23 travellers in Musakhel</h1>
<p>{LEDE}</p>
<p>{SECOND}</p>
<p>{THIRD}</p>
</article>
<footer>&copy; 2024 Daily Ledger. All rights reserved.</footer>
</body></html>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_one(path: Path, **config) -> Article:
    articles, problems = load([path], AuditConfig(**config))
    assert problems == []
    assert len(articles) == 1
    return articles[0]


def excluded_lines(article: Article) -> list[tuple[str, str]]:
    return [(e.reason, article.text[e.start : e.end]) for e in article.excluded]


# --------------------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    "header, expected",
    [
        pytest.param(
            "---\ntitle: Gunmen kill 23 in Musakhel\noutlet: Dawn\npublished: 2024-08-26\n"
            "url: https://dawn.example/news/1\nauthor: By Jane Doe\ntags: [balochistan]\n---\n\n",
            {"title": "Gunmen kill 23 in Musakhel", "outlet": "Dawn", "published": "2024-08-26",
             "url": "https://dawn.example/news/1", "author": "Jane Doe"},
            id="fenced",
        ),
        pytest.param(
            "Title: Gunmen kill 23 in Musakhel\nSource: Dawn\nDate: August 26, 2024\n"
            "Link: https://dawn.example/news/1\n\n",
            {"title": "Gunmen kill 23 in Musakhel", "outlet": "Dawn", "published": "2024-08-26",
             "url": "https://dawn.example/news/1", "author": None},
            id="unfenced",
        ),
        pytest.param(
            'title: "Gunmen kill 23 in Musakhel"\nsite: Dawn\n',
            {"title": "Gunmen kill 23 in Musakhel", "outlet": "Dawn", "published": None,
             "url": None, "author": None},
            id="unfenced-no-blank-line",
        ),
    ],
)
def test_front_matter(tmp_path: Path, header: str, expected: dict) -> None:
    raw = header + BODY
    article = load_one(write(tmp_path, "dawn_musakhel.txt", raw))
    assert article.text == BODY
    assert raw[article.body_offset :] == BODY
    assert article.id == "dawn_musakhel"
    for field, value in expected.items():
        assert getattr(article, field) == value, field


def test_front_matter_id_names_the_article(tmp_path: Path) -> None:
    article = load_one(write(tmp_path, "a.md", f"---\nid: dawn-1852\n---\n{BODY}"))
    assert article.id == "dawn-1852"
    assert article.format == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        "ISLAMABAD: International condemnation continued this week over last week's coordinated "
        "attacks in Pakistan's Balochistan province, Pakistani officials said.\n" + BODY,
        "QUETTA: " + BODY,
        # a known key, but not on the very first line
        LEDE + "\nSource: Dawn\n",
        # a fence that is never closed is a horizontal rule, not front matter
        "---\ntitle: Not front matter\n" + BODY,
    ],
)
def test_prose_is_not_front_matter(tmp_path: Path, text: str) -> None:
    article = load_one(write(tmp_path, "a.txt", text))
    assert article.body_offset == 0
    assert article.text == text
    assert article.outlet is None


def test_crlf_is_normalised_and_offsets_count_in_the_normalised_text(tmp_path: Path) -> None:
    raw = ("title: Gunmen kill 23\r\n\r\n" + BODY).replace("\n", "\r\n").replace("\r\r", "\r")
    article = load_one(write(tmp_path, "a.txt", raw.encode("utf-8")))
    assert "\r" not in article.text
    normalised = raw.replace("\r\n", "\n")
    assert normalised[article.body_offset :] == article.text == BODY
    assert article.title == "Gunmen kill 23"


# --------------------------------------------------------------------------- HTML


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    article = load_one(write(tmp_path, "ledger.html", HTML_PAGE))
    assert article.format == "html"
    assert article.id == "ledger"
    assert LEDE in article.text and SECOND in article.text and THIRD in article.text
    assert "Subscribe" not in article.text  # the <nav> is not article text
    assert "All rights reserved" not in article.text
    assert article.title == "Gunmen kill 23 travellers in Musakhel"
    assert article.outlet == "Daily Ledger"
    assert article.published == "2024-08-26"
    assert article.author == "Jane Doe"
    assert article.url == "https://ledger.example/2024/08/26/musakhel-attack"
    assert article.body_offset == 0


@pytest.mark.parametrize(
    "markup, usable",
    [
        (f"<html><body><div><p>{LEDE}<p>{SECOND}</div></span></td></body>", True),
        ("<html><head><title>Breaking</title></head><body><nav>Home</nav></body></html>", False),
        ("<html><<<<>>>></", False),
        ("<!DOCTYPE html><html><body>" + "<div>" * 5000, False),
    ],
)
def test_malformed_html_does_not_crash(tmp_path: Path, markup: str, usable: bool) -> None:
    page = write(tmp_path, "broken.htm", markup)
    other = write(tmp_path, "other.txt", BODY)
    articles, problems = load([page, other], AuditConfig())
    if usable:
        assert problems == []
        assert LEDE in articles[0].text
    else:
        assert problems == [Problem(str(page), "no article text found in HTML")]
        assert [a.id for a in articles] == ["other"]


# --------------------------------------------------------------------------- JSON


def test_json_object(tmp_path: Path) -> None:
    obj = {"id": "reuters-1", "text": BODY, "title": "Gunmen kill 23", "outlet": "Reuters",
           "date": "2024-08-26T10:15:00Z", "url": "https://r.example/1", "author": "Jane Doe"}
    article = load_one(write(tmp_path, "one.json", json.dumps(obj)))
    assert (article.id, article.text, article.title, article.outlet) == (
        "reuters-1", BODY, "Gunmen kill 23", "Reuters")
    assert article.published == "2024-08-26T10:15:00+00:00"
    assert (article.url, article.author, article.format) == ("https://r.example/1", "Jane Doe", "json")


def test_json_object_without_id_uses_the_stem(tmp_path: Path) -> None:
    assert load_one(write(tmp_path, "one.json", json.dumps({"text": BODY}))).id == "one"


def test_json_list(tmp_path: Path) -> None:
    items = [{"text": LEDE, "outlet": "Dawn"}, {"id": "ap-7", "text": SECOND}, {"text": THIRD}]
    articles, problems = load([write(tmp_path, "batch.json", json.dumps(items))], AuditConfig())
    assert problems == []
    assert [a.id for a in articles] == ["batch-1", "ap-7", "batch-3"]
    assert [a.text for a in articles] == [LEDE, SECOND, THIRD]
    assert articles[0].outlet == "Dawn"


def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": LEDE}), '{"text": "unterminated', "", json.dumps({"text": THIRD})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    articles, problems = load([path], AuditConfig())
    assert [a.id for a in articles] == ["feed-1", "feed-4"]
    assert [a.format for a in articles] == ["jsonl", "jsonl"]
    assert len(problems) == 1
    assert problems[0].path == f"{path}:2"
    assert problems[0].reason.startswith("malformed JSON")
    with pytest.raises(InputError) as err:
        load([path], AuditConfig(strict=True))
    assert err.value.path == f"{path}:2"


@pytest.mark.parametrize(
    "content, reason",
    [
        ('{"text": "At least 23 killed",\n  "title": }', "malformed JSON at line 2 column 12: Expecting value"),
        ('{"title": "Gunmen kill 23"}', 'no "text" field'),
        ('{"text": 23}', '"text" is not a string'),
        ('{"text": "   "}', '"text" is empty'),
        ('"At least 23 killed"', "JSON must be an article object or a list of them"),
        ("[]", "JSON list holds no article"),
    ],
)
def test_bad_json(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path, "bad.json", content)
    with pytest.raises(NoArticlesError):
        load([path], AuditConfig())
    with pytest.raises(InputError) as err:
        load([path], AuditConfig(strict=True))
    assert reason in err.value.reason


# --------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    "name, content, max_bytes, reason",
    [
        ("empty.txt", b"", None, "empty file"),
        ("blank.txt", b"  \n\t\n   \n", None, "empty file"),
        ("bom-only.txt", codecs.BOM_UTF8 + b"\n", None, "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), None,
         "binary file, not text"),
        ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15] * 20) + b"abc", None,
         "binary file, not text"),
        ("latin1.txt", "Quetta — the café reopened.".replace("—", "-").encode("latin-1"), None,
         "not valid UTF-8 (byte 0xe9 at offset 16); pass --encoding"),
        ("big.txt", BODY.encode(), 100, f"file is {len(BODY.encode())} bytes, over the limit of 100 (--max-bytes)"),
        ("front-only.md", b"---\ntitle: Gunmen kill 23\n---\n\n", None, "no article text after the front matter"),
    ],
)
def test_bad_file(tmp_path: Path, name: str, content: bytes, max_bytes, reason: str) -> None:
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "good.txt", BODY)
    extra = {"max_bytes": max_bytes} if max_bytes else {}
    if max_bytes:  # keep the good file under the limit
        good = write(tmp_path, "good.txt", "Gunmen killed 23.")
    articles, problems = load([bad, good], AuditConfig(**extra))
    assert problems == [Problem(str(bad), reason)]
    assert [a.id for a in articles] == ["good"]
    with pytest.raises(InputError) as err:
        load([bad, good], AuditConfig(strict=True, **extra))
    assert (err.value.path, err.value.reason) == (str(bad), reason)


def test_missing_path(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "nope.txt"
    good = write(tmp_path, "good.txt", BODY)
    with caplog.at_level(logging.INFO, logger="auditor.read.ingest"):
        articles, problems = load([missing, good], AuditConfig())
    assert problems == [Problem(str(missing), "no such file or directory")]
    assert str(missing) in caplog.text
    assert len(articles) == 1
    with pytest.raises(InputError, match="no such file or directory"):
        load([missing, good], AuditConfig(strict=True))


def test_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder, "notes.csv", "a,b\n")
    write(folder, ".hidden.txt", BODY)
    good = write(tmp_path, "good.txt", BODY)
    articles, problems = load([folder, good], AuditConfig())
    assert problems == [Problem(str(folder), "no article files in folder")]
    assert len(articles) == 1


def test_nothing_usable_raises(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", "")
    with pytest.raises(NoArticlesError, match="no usable article: .*empty.txt: empty file; .*missing.txt: no such file"):
        load([empty, tmp_path / "missing.txt"], AuditConfig())
    with pytest.raises(NoArticlesError, match=r"^\S*empty.txt: empty file$"):
        load([empty], AuditConfig())


@pytest.mark.parametrize("bom_codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks_are_accepted(tmp_path: Path, bom_codec: str) -> None:
    text = "Quetta’s hospitals treated 41 wounded — officials said.\n"
    data = text.encode(bom_codec)
    if bom_codec == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif bom_codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    article = load_one(write(tmp_path, "a.txt", data))
    assert article.text == text


def test_encoding_option_decodes_latin1(tmp_path: Path) -> None:
    data = "Le café de Quetta a rouvert.\n".encode("latin-1")
    article = load_one(write(tmp_path, "a.txt", data), encoding="latin-1")
    assert article.text == "Le café de Quetta a rouvert.\n"


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        load([write(tmp_path, "a.txt", BODY)], AuditConfig(encoding="no-such-codec"))


# --------------------------------------------------------------------------- folders, ids, stdin


def test_folder_recursion_and_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root, "b.txt", BODY)
    write(root, "a.md", BODY)
    write(root, "sub/c.html", HTML_PAGE)
    write(root, "sub/deeper/d.json", json.dumps({"text": LEDE}))
    write(root, "sub/e.JSONL", json.dumps({"text": SECOND}) + "\n")
    write(root, "sub/notes.csv", "x")
    write(root, ".git/config.txt", BODY)
    write(root, "sub/.draft.txt", BODY)
    articles, problems = load([root], AuditConfig())
    assert problems == []
    assert [a.path for a in articles] == [
        str(root / "a.md"),
        str(root / "b.txt"),
        str(root / "sub" / "c.html"),
        str(root / "sub" / "deeper" / "d.json"),
        str(root / "sub" / "e.JSONL"),
    ]
    assert [a.format for a in articles] == ["markdown", "text", "html", "json", "jsonl"]


def test_ids_are_unique_across_the_run(tmp_path: Path) -> None:
    one = write(tmp_path, "x/story.txt", BODY)
    two = write(tmp_path, "y/story.txt", BODY)
    three = write(tmp_path, "z/story.md", BODY)
    articles, _ = load([one, two, three, one], AuditConfig())  # the repeated path is read once
    assert [a.id for a in articles] == ["story", "story-2", "story-3"]


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    html = load_one(write(tmp_path, "page.php", HTML_PAGE))
    assert html.format == "html" and html.outlet == "Daily Ledger"
    js = load_one(write(tmp_path, "item.dat", json.dumps({"text": LEDE})))
    assert js.format == "json" and js.text == LEDE
    txt = load_one(write(tmp_path, "README", "[Updated] " + LEDE))
    assert txt.format == "text"


@pytest.mark.parametrize(
    "data, fmt, ids",
    [
        (BODY.encode(), "text", ["stdin"]),
        (HTML_PAGE.encode(), "html", ["stdin"]),
        (json.dumps({"text": LEDE}).encode(), "json", ["stdin"]),
        (json.dumps([{"text": LEDE}, {"text": SECOND}]).encode(), "json", ["stdin-1", "stdin-2"]),
        ((json.dumps({"text": LEDE}) + "\n" + json.dumps({"text": SECOND})).encode(), "jsonl",
         ["stdin-1", "stdin-2"]),
    ],
)
def test_stdin(data: bytes, fmt: str, ids: list[str]) -> None:
    articles, problems = load(["-"], AuditConfig(), stdin=io.BytesIO(data))
    assert problems == []
    assert [a.id for a in articles] == ids
    assert {a.format for a in articles} == {fmt}
    assert {a.path for a in articles} == {"-"}


def test_stdin_bad_input(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", BODY)
    articles, problems = load(["-", good], AuditConfig(), stdin=io.BytesIO(b"GIF89a\x00\x01\x02"))
    assert problems == [Problem("-", "binary file, not text")]
    assert len(articles) == 1
    small = write(tmp_path, "small.txt", "Gunmen killed 23.")
    articles, problems = load(["-", small], AuditConfig(max_bytes=50), stdin=io.BytesIO(BODY.encode()))
    assert problems == [Problem("-", "input is over the limit of 50 bytes (--max-bytes)")]
    assert [a.id for a in articles] == ["small"]


# --------------------------------------------------------------------------- cleaning


@pytest.fixture(scope="module")
def seed_004() -> Article:
    articles, problems = load([SEED_004], AuditConfig())
    assert problems == []
    return articles[0]


def test_seed_004_metadata(seed_004: Article) -> None:
    assert seed_004.id == "004_0f356b974725e858"
    assert seed_004.title == (
        "China, US double down on backing for Pakistan's anti-terror drive after Balochistan attacks"
    )
    assert seed_004.author == "Web Desk"
    assert seed_004.published == "2024-08-27"  # beside the byline, not the page date above
    assert seed_004.text == SEED_004.read_text(encoding="utf-8")


def test_seed_004_exclusions(seed_004: Article) -> None:
    lines = excluded_lines(seed_004)
    assert ("interface-word", "close") in lines
    assert ("dateline", "Friday September 13, 2024") in lines
    assert ("dateline", "August 27, 2024") in lines
    assert ("byline", "By\u00a0Web Desk") in lines
    caption = [(r, t) for r, t in lines if t.startswith("A view shows charred vehicles")]
    assert caption == [("repeated-line", caption[0][1])]
    first = seed_004.text.index(caption[0][1])
    assert not any(e.start == first for e in seed_004.excluded)  # the first copy is kept
    handles = [(r, t) for r, t in lines if "X/@usembislamabad" in t]
    assert handles == [("repeated-line", "— X/@usembislamabad")] * 3
    assert seed_004.text.count("— X/@usembislamabad") == 4
    # the headline and the paragraphs are kept
    assert not any(t.startswith("China, US double down") for _, t in lines)
    assert not any(t.startswith("A day after a series") for _, t in lines)


def test_seed_004_analysis_text(seed_004: Article) -> None:
    clean = analysis_text(seed_004)
    assert "close\n" not in clean
    assert "Web Desk" not in clean
    assert clean.count("X/@usembislamabad") == 1
    assert clean.count("A view shows charred vehicles") == 1
    assert "China, US double down" in clean
    span = seed_004.text.index("A day after a series")
    assert clean[span : span + 20] == "A day after a series"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_every_seed_keeps_offsets(seed: Path) -> None:
    article = load_one(seed)
    clean = analysis_text(article)
    assert len(clean) == len(article.text)
    assert [i for i, c in enumerate(clean) if c == "\n"] == [
        i for i, c in enumerate(article.text) if c == "\n"
    ]
    text = article.text
    for ex in article.excluded:
        assert 0 <= ex.start < ex.end <= len(text)
        assert ex.start == 0 or text[ex.start - 1] == "\n", ex
        assert ex.end == len(text) or text[ex.end] == "\n", ex
        assert "\n" not in text[ex.start : ex.end]
        assert clean[ex.start : ex.end].strip() == ""
    starts = [e.start for e in article.excluded]
    assert starts == sorted(set(starts))


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Advertisement", "interface-word"),
        ("SHARE", "interface-word"),
        ("Read more »", "interface-word"),
        ("Skip to content", "interface-word"),
        ("- Published", "interface-word"),  # a time stamp's label without its time (new dev corpus, BBC)
        ("2024-08-27", "dateline"),
        ("27 Aug 2024 10:15 PKT", "dateline"),
        ("Published: August 27, 2024", "dateline"),
        ("By Jane Doe and John Roe", "byline"),
        ("By Reuters", "byline"),
        # prose and partial dates are kept
        ("By Monday, the death toll had risen to 70.", None),
        ("August 2024", None),
        ("Monday", None),
        ("Share prices in Karachi fell 2 percent after the attacks.", None),
        ("Close to 70 people died in the attacks.", None),
    ],
)
def test_noise_lines(tmp_path: Path, line: str, reason) -> None:
    article = load_one(write(tmp_path, "a.txt", f"{LEDE}\n{line}\n{SECOND}\n"))
    found = excluded_lines(article)
    assert found == ([(reason, line)] if reason else [])


@pytest.mark.parametrize(
    "text, published, author",
    [
        # the date beside the byline wins over a page date above the headline
        ("Friday September 13, 2024\nGunmen kill 23\nAugust 27, 2024\nBy Jane Doe\n" + BODY,
         "2024-08-27", "Jane Doe"),
        # beside the byline, even when another date line follows before the body
        ("Gunmen kill 23\nBy Jane Doe\nAugust 27, 2024\nRelated: Quetta blast\n"
         "August 28, 2024\n" + BODY, "2024-08-27", "Jane Doe"),
        # no byline: the last date line before the body starts
        ("13 September 2024\nGunmen kill 23\n2024-08-26\n\n" + BODY + "\nUpdated 2024-09-01\n",
         "2024-08-26", None),
        # a date line only after the body is not taken as the publication date
        (BODY + "\nAugust 30, 2024\n", None, None),
    ],
)
def test_published_and_author_from_noise(tmp_path: Path, text: str, published, author) -> None:
    article = load_one(write(tmp_path, "a.txt", text))
    assert article.published == published
    assert article.author == author


def test_front_matter_metadata_beats_noise_lines(tmp_path: Path) -> None:
    text = "date: 2024-08-28\nauthor: Staff Reporter\n\nAugust 27, 2024\nBy Jane Doe\n" + BODY
    article = load_one(write(tmp_path, "a.txt", text))
    assert (article.published, article.author) == ("2024-08-28", "Staff Reporter")
    assert [r for r, _ in excluded_lines(article)] == ["dateline", "byline"]


@pytest.mark.parametrize(
    "text, title",
    [
        ("close\nGunmen kill 23 in Musakhel\n\n" + BODY, "Gunmen kill 23 in Musakhel"),
        ("# Gunmen kill 23 in Musakhel\n\n" + BODY, "# Gunmen kill 23 in Musakhel"),  # .txt: as is
        (BODY, None),  # the first line is a sentence
        ("ISLAMABAD:\n" + BODY, None),
        ("Gunmen kill " + "very " * 50 + "many\n" + BODY, None),  # too long for a headline
    ],
)
def test_title_guess(tmp_path: Path, text: str, title) -> None:
    article = load_one(write(tmp_path, "a.txt", text))
    assert article.title == title
    if title:
        assert title in analysis_text(article)  # the title stays in the analysed text


def test_markdown_heading_title(tmp_path: Path) -> None:
    article = load_one(write(tmp_path, "a.md", "# Gunmen kill 23 in Musakhel\n\n" + BODY))
    assert article.title == "Gunmen kill 23 in Musakhel"
    assert article.text.startswith("# Gunmen kill 23")


def test_repeated_trivial_lines_are_kept(tmp_path: Path) -> None:
    text = f"{LEDE}\n--\n{SECOND}\n--\n{LEDE}\n"
    article = load_one(write(tmp_path, "a.txt", text))
    assert excluded_lines(article) == [("repeated-line", LEDE)]
    assert article.excluded[0].start == text.rindex(LEDE)


def test_json_list_with_a_bad_item(tmp_path: Path) -> None:
    items = [{"text": LEDE}, {"title": "no text"}, "just a string", {"text": THIRD}]
    path = write(tmp_path, "batch.json", json.dumps(items))
    articles, problems = load([path], AuditConfig())
    assert [a.id for a in articles] == ["batch-1", "batch-4"]
    assert [p.path for p in problems] == [f"{path}#2", f"{path}#3"]
    assert 'no "text" field' in problems[0].reason
    assert "must be an object" in problems[1].reason


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-08-26", "2024-08-26"),
        ("2024-08-26T14:30:00+05:00", "2024-08-26T14:30:00+05:00"),
        ("Aug 26, 2024", "2024-08-26"),
        ("26 August 2024 10:15", "2024-08-26T10:15:00"),
        ("August 2024", "2024-08"),
        ("sometime last week", None),
    ],
)
def test_front_matter_dates_become_iso(tmp_path: Path, value: str, expected) -> None:
    article = load_one(write(tmp_path, "a.txt", f"published: {value}\n\n{BODY}"))
    assert article.published == expected


def test_html_declared_charset_is_used_when_utf8_fails(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    page = page.replace("Najeeb Kakar", "Najeeb Kakar of Musakhel’s café".replace("’", "'"))
    article = load_one(write(tmp_path, "a.html", page.encode("latin-1")))
    assert "Musakhel's café" in article.text
