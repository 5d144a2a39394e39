"""Read article inputs (files, folders, stdin) into ``Article`` objects, and mark web noise.

Why this module exists: every later stage works on character offsets into ``Article.text``, so
ingestion must settle once and for all what that string is, and must never rewrite it. Noise
(interface words, repeated captions, bylines, date lines) is therefore not deleted but listed in
``Article.excluded``; ``analysis_text`` blanks it out with spaces for the extractors while keeping
every offset valid.

Offsets: ``Article.text`` is the decoded file text with ``"\\r\\n"`` and lone ``"\\r"`` turned into
``"\\n"`` (and any byte order mark dropped), so ``Article.body_offset`` counts characters in that
normalised text, not bytes or characters of the raw file. For text and Markdown files
``article.text == normalised[article.body_offset:]``; for HTML and JSON the text is the extracted
or given text and ``body_offset`` is 0.

Bad inputs raise ``InputError`` when ``config.strict`` is set; otherwise they become ``Problem``
rows (and a logged warning) and the run goes on with the rest.
"""
from __future__ import annotations

import codecs
import json
import logging
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Sequence, Union

from dateutil import parser as date_parser

from auditor import vocab
from auditor.config import AuditConfig
from auditor.errors import InputError, NoArticlesError
from auditor.model import Article, Excluded, Problem

log = logging.getLogger(__name__)

STDIN = "-"
EXTENSIONS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
SNIFF_BYTES = 8192
MIN_HTML_WORDS = 5  # fewer extracted words than this is page chrome, not an article

# Front matter keys (lower case) and the Article field each one fills.
FRONT_MATTER_KEYS = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "publication": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
    "id": "id",
}

# Whole lines that are web-page chrome, never article text (compared after _ui_key()).
INTERFACE_WORDS = vocab.words("page_chrome")

_FM_LINE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_FENCE = re.compile(r"^---\s*$")
_FENCE_END = re.compile(r"^(---|\.\.\.)\s*$")
_HTML_TAG = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|title|meta|!--)\b", re.I
)
_JSON_LIST_START = re.compile(r'\[\s*($|[\[{"\d-]|true\b|false\b|null\b)')
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_UI_STRIP = " \t\u00a0|•·»›«‹×✕✖<>:-–—#*_[](){}"
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_DATE_LABEL = re.compile(
    r"^(?P<label>published|updated|last updated|posted|date|first published)\s*(on|:)?\s*:?\s*",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(?P<name>\S.*)$", re.I)
# Lower-case words a byline's names may hold: particles ("de", "bin"), and the joins between names.
_NAME_CONNECTORS = vocab.words("name_particles") | {"and", "&", "the", "|", "/"}
_SENTENCE_END = ".!?…;:,"
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"\w", re.U)


@dataclass
class _Raw:
    """One article's text and metadata as read, before cleaning (internal, mutable)."""

    path: str
    id_hint: str
    text: str
    fmt: str
    body_offset: int = 0
    meta: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- public API


def load(
    inputs: Sequence[Union[str, Path]],
    config: AuditConfig,
    stdin: Optional[BinaryIO] = None,
) -> tuple[list[Article], list[Problem]]:
    """Read every input into articles; bad inputs abort (strict) or are reported and skipped.

    Inputs are files, folders (searched recursively for article files) and ``"-"`` for standard
    input. Returns the articles in a deterministic order with unique ids, and the problems met.
    Raises ``NoArticlesError`` when nothing usable is left.
    """
    _check_encoding(config.encoding)
    articles: list[Article] = []
    problems: list[Problem] = []
    used_ids: set[str] = set()
    seen_files: set[str] = set()
    stdin_read = False

    def skip(err: InputError) -> None:
        if config.strict:
            raise err
        # Reported to the user from Audit.problems (the CLI prints one line each), so only logged here.
        log.info("skipping %s: %s", err.path, err.reason)
        problems.append(Problem(err.path, err.reason))

    for item in inputs:
        try:
            sources = _expand(item)
        except InputError as err:
            skip(err)
            continue
        for source in sources:
            try:
                if source == STDIN:
                    if stdin_read:
                        raise InputError(STDIN, "standard input given more than once")
                    stdin_read = True
                    stream = stdin if stdin is not None else sys.stdin.buffer
                    raws, item_errors = _load_stdin(stream, config)
                else:
                    key = os.path.realpath(source)
                    if key in seen_files:
                        log.info("%s given more than once; read once", source)
                        continue
                    seen_files.add(key)
                    raws, item_errors = _load_file(source, config)
            except InputError as err:
                skip(err)
                continue
            for err in item_errors:
                skip(err)
            for raw in raws:
                article = _build_article(raw, used_ids)
                used_ids.add(article.id)
                articles.append(article)

    if not articles:
        raise NoArticlesError(_nothing_usable(inputs, problems))
    return articles, problems


def _nothing_usable(inputs: Sequence[Union[str, Path]], problems: list[Problem]) -> str:
    """One line: the single bad input and its reason, or the first few of several."""
    if len(problems) == 1:
        return f"{problems[0].path}: {problems[0].reason}"
    if problems:
        shown = "; ".join(f"{p.path}: {p.reason}" for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        return f"no usable article: {shown}{more}"
    return "no usable article in: " + (", ".join(str(i) for i in inputs) or "(no inputs)")


def analysis_text(article: Article) -> str:
    """The article text with excluded spans blanked (newlines kept): same length, same offsets.

    Downstream extractors read this so they never see web noise, while any span they find still
    indexes ``article.text`` directly.
    """
    if not article.excluded:
        return article.text
    chars = list(article.text)
    for ex in article.excluded:
        for i in range(max(ex.start, 0), min(ex.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# --------------------------------------------------------------------------- finding inputs


def _check_encoding(encoding: str) -> None:
    """Fail once, up front, on an encoding name Python does not know (a usage error)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError("--encoding", f"unknown encoding {encoding!r}") from None


def _expand(item: Union[str, Path]) -> list[str]:
    """Turn one input into the file paths (or ``"-"``) it stands for, as strings."""
    name = str(item)
    if name == STDIN:
        return [STDIN]
    path = Path(name)
    if path.is_dir():
        found = _walk(path)
        if not found:
            raise InputError(name, "no article files in folder")
        return found
    if path.is_file():
        return [name]
    if not path.exists():
        raise InputError(name, "no such file or directory")
    raise InputError(name, "not a regular file or folder")


def _walk(folder: Path) -> list[str]:
    """Article files under ``folder``, recursively, hidden entries skipped, sorted by path."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for fname in files:
            if fname.startswith(".") or Path(fname).suffix.lower() not in EXTENSIONS:
                continue
            full = Path(root) / fname
            found.append((full.relative_to(folder).parts, str(full)))
    return [p for _, p in sorted(found)]


# --------------------------------------------------------------------------- reading bytes


def _read_file(path: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing (via stat, before reading) anything over ``max_bytes``."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError(path, _too_big(size, max_bytes))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # grew since stat
        raise InputError(path, _too_big(len(data), max_bytes))
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {size} bytes, over the limit of {limit} (--max-bytes)"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(data: bytes) -> Optional[str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters early on: not text (checked unless a BOM says so)."""
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 32 and b not in (9, 10, 11, 12, 13, 27)) or b == 127)
    return controls / len(sample) > 0.05


def _decode(data: bytes, path: str, encoding: str) -> str:
    """Decode strictly: a BOM wins, else ``encoding``, else an HTML ``<meta charset>`` if any."""
    bom = _bom_encoding(data)
    if bom is None and _looks_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        return data.decode(bom or encoding)
    except UnicodeDecodeError as exc:
        if bom is None:
            declared = _META_CHARSET.search(data[:SNIFF_BYTES])
            if declared:
                try:
                    return data.decode(declared.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        label = "UTF-8" if codecs.lookup(bom or encoding).name == "utf-8" else (bom or encoding)
        bad = exc.object[exc.start : exc.start + 1]
        byte = f"byte 0x{bad[0]:02x} " if bad else ""
        raise InputError(
            path, f"not valid {label} ({byte}at offset {exc.start}); pass --encoding"
        ) from None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- formats


def _load_file(path: str, config: AuditConfig) -> tuple[list[_Raw], list[InputError]]:
    data = _read_file(path, config.max_bytes)
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    return _parse_bytes(data, path, Path(path).stem, fmt, config)


def _load_stdin(stream: BinaryIO, config: AuditConfig) -> tuple[list[_Raw], list[InputError]]:
    data = stream.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        limit = config.max_bytes
        raise InputError(STDIN, f"input is over the limit of {limit} bytes (--max-bytes)")
    return _parse_bytes(data, STDIN, "stdin", None, config)


def _parse_bytes(
    data: bytes,
    path: str,
    stem: str,
    fmt: Optional[str],
    config: AuditConfig,
) -> tuple[list[_Raw], list[InputError]]:
    """Decode, pick the format (extension, else sniffed) and split into raw articles."""
    if not data.strip():
        raise InputError(path, "empty file")
    text = _decode(data, path, config.encoding)
    if not text.strip():
        raise InputError(path, "empty file")
    text = _normalise_newlines(text)
    if fmt is None:
        fmt = _sniff(text)
    if fmt in ("text", "markdown"):
        return [_parse_text(text, path, stem, fmt)], []
    if fmt == "html":
        return [_parse_html(text, path, stem)], []
    if fmt == "json":
        return _parse_json(text, path, stem)
    return _parse_jsonl(text, path, stem)


def _sniff(text: str) -> str:
    """Guess the format of content with no telling extension: HTML, JSON(L) or plain text."""
    head = text.lstrip()
    if head.startswith("<") and _HTML_TAG.search(head[:SNIFF_BYTES]):
        return "html"
    if head.startswith("{") or _JSON_LIST_START.match(head):
        try:
            json.loads(text)
            return "json"
        except ValueError:
            pass
        lines = [ln for ln in head.split("\n") if ln.strip()]
        if head.startswith("{") and len(lines) > 1:
            try:
                if isinstance(json.loads(lines[0]), dict):
                    return "jsonl"
            except ValueError:
                pass
        return "json"  # report the JSON error rather than treat it as prose
    return "text"


def _parse_text(text: str, path: str, stem: str, fmt: str) -> _Raw:
    meta, body_offset = _front_matter(text)
    body = text[body_offset:]
    if not body.strip():
        raise InputError(path, "no article text after the front matter")
    return _Raw(path, meta.pop("id", None) or stem, body, fmt, body_offset, meta)


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Metadata from a leading ``key: value`` block, and where the body starts.

    Fenced (``---``) blocks may hold any keys; known ones are used. Unfenced blocks count only
    when the very first line is a known key, so a dateline such as ``ISLAMABAD: ...`` is prose;
    they end at a blank line or the first line that is not a known ``key: value``.
    """
    lines = text.split("\n")
    meta: dict[str, str] = {}
    if lines and _FENCE.match(lines[0]):
        for end in range(1, min(len(lines), 200)):
            if _FENCE_END.match(lines[end]):
                for line in lines[1:end]:
                    _take_key(line, meta)
                return meta, _skip_blank_lines(text, _line_start(lines, end + 1))
        return {}, 0  # no closing fence: a horizontal rule, not front matter
    n = 0
    while n < len(lines) and _take_key(lines[n], meta):
        n += 1
    if n == 0:
        return {}, 0
    return meta, _skip_blank_lines(text, _line_start(lines, n))


def _take_key(line: str, meta: dict[str, str]) -> bool:
    m = _FM_LINE.match(line)
    if not m or m.group(1).lower() not in FRONT_MATTER_KEYS:
        return False
    value = m.group(2)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    target = FRONT_MATTER_KEYS[m.group(1).lower()]
    if value and target not in meta:
        meta[target] = value
    return True


def _line_start(lines: list[str], index: int) -> int:
    """Offset of line ``index`` in the text that ``lines`` was split from."""
    return sum(len(line) + 1 for line in lines[:index])


def _skip_blank_lines(text: str, pos: int) -> int:
    pos = min(pos, len(text))
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if text[pos:line_end].strip() or nl < 0:
            break
        pos = nl + 1
    return pos


def _parse_html(text: str, path: str, stem: str) -> _Raw:
    """Main text and metadata via trafilatura; anything it cannot handle becomes an InputError."""
    import trafilatura  # slow import, only when HTML is met

    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_images=False
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        log.debug("trafilatura failed on %s", path, exc_info=True)
        raise InputError(path, f"could not parse HTML ({type(exc).__name__})") from None
    if doc is None:
        raise InputError(path, "no article text found in HTML")
    info = doc if isinstance(doc, dict) else doc.as_dict()
    body = _normalise_newlines(info.get("text") or "")
    if len(re.findall(r"\w+", body)) < MIN_HTML_WORDS:  # empty, or a stray nav label
        raise InputError(path, "no article text found in HTML")
    meta: dict[str, str] = {}
    for src, dst in (("title", "title"), ("sitename", "outlet"), ("date", "published"),
                     ("url", "url"), ("author", "author")):
        value = info.get(src)
        if isinstance(value, str) and value.strip():
            meta[dst] = value.strip()
    return _Raw(path, stem, body, "html", 0, meta)


def _parse_json(text: str, path: str, stem: str) -> tuple[list[_Raw], list[InputError]]:
    """One article object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            path, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    if isinstance(data, dict):
        return [_json_article(data, path, stem, None, "json")], []
    if not isinstance(data, list):
        raise InputError(path, "JSON must be an article object or a list of them")
    if not data:
        raise InputError(path, "JSON list holds no article")
    raws: list[_Raw] = []
    errors: list[InputError] = []
    for n, obj in enumerate(data, 1):  # a bad item is reported as ``path#N``; the others load
        try:
            raws.append(_json_article(obj, path, stem, n, "json", where=f"{path}#{n}"))
        except InputError as err:
            errors.append(err)
    return raws, errors


def _parse_jsonl(text: str, path: str, stem: str) -> tuple[list[_Raw], list[InputError]]:
    """One article per line; a bad line is reported as ``path:LINE`` and the others still load."""
    raws: list[_Raw] = []
    errors: list[InputError] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"malformed JSON at column {exc.colno}: {exc.msg}"
                raise InputError(where, reason) from None
            raws.append(_json_article(obj, path, stem, n, "jsonl", where=where))
        except InputError as err:
            errors.append(err)
    return raws, errors


def _json_article(
    obj: object, path: str, stem: str, n: Optional[int], fmt: str, where: Optional[str] = None
) -> _Raw:
    where = where or path
    if not isinstance(obj, dict):
        raise InputError(where, "JSON article must be an object with a \"text\" field")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "no \"text\" field" if text is None else "\"text\" is not a string"
        raise InputError(where, f"{what}: a JSON article needs its text as a string")
    if not text.strip():
        raise InputError(where, "\"text\" is empty")
    meta: dict[str, str] = {}
    for key in ("title", "outlet", "published", "date", "url", "author"):
        value = obj.get(key)
        target = "published" if key == "date" else key
        if isinstance(value, (str, int, float)) and str(value).strip() and target not in meta:
            meta[target] = str(value).strip()
    ident = obj.get("id")
    if isinstance(ident, (str, int)) and str(ident).strip():
        id_hint = str(ident).strip()
    else:
        id_hint = stem if n is None else f"{stem}-{n}"
    return _Raw(path, id_hint, _normalise_newlines(text), fmt, 0, meta)


# --------------------------------------------------------------------------- articles & cleaning


def _build_article(raw: _Raw, used_ids: set[str]) -> Article:
    """Clean one raw article: exclusions, then metadata (the source's own wins over guesses)."""
    excluded, found = _clean(raw.text, raw.fmt)
    meta = raw.meta
    published = _iso_date(meta["published"], raw.path) if meta.get("published") else None
    author = meta.get("author")
    if author:
        m = _BYLINE.match(author)
        author = m.group("name").strip() if m else author
    return Article(
        id=_unique_id(raw.id_hint, used_ids),
        path=raw.path,
        text=raw.text,
        title=meta.get("title") or found.get("title"),
        outlet=meta.get("outlet"),
        published=published or found.get("published"),
        url=meta.get("url"),
        author=author or found.get("author"),
        format=raw.fmt,
        body_offset=raw.body_offset,
        excluded=excluded,
    )


def _unique_id(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def _iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for every line; ``end`` is the offset of its newline (not included)."""
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def _clean(text: str, fmt: str) -> tuple[tuple[Excluded, ...], dict[str, str]]:
    """Whole-line exclusions, plus the title, author and date the noise lines reveal."""
    excluded: list[Excluded] = []
    seen: set[str] = set()
    # Non-blank lines in order: (line number, start, end, stripped, reason or None, extra)
    rows: list[tuple[int, int, int, str, Optional[str], Optional[tuple[str, bool]]]] = []
    author: Optional[str] = None
    for number, (start, end, line) in enumerate(_iter_lines(text)):
        stripped = line.strip()
        if not stripped:
            continue
        key = " ".join(stripped.split())
        reason: Optional[str] = None
        extra: Optional[tuple[str, bool]] = None
        if _is_interface_line(key):
            reason = "interface-word"
        elif (dated := _date_line(key)) is not None:
            reason, extra = "dateline", dated
        elif (name := _byline(key)) is not None:
            reason = "byline"
            author = author or name
        elif key in seen and len(key) >= 3 and _WORD.search(key):
            reason = "repeated-line"
        seen.add(key)
        if reason:
            excluded.append(Excluded(start, end, reason))
        rows.append((number, start, end, stripped, reason, extra))

    found: dict[str, str] = {}
    if author:
        found["author"] = author
    title = _title(rows, fmt)
    if title:
        found["title"] = title
    published = _published(rows)
    if published:
        found["published"] = published
    return tuple(excluded), found


def _ui_key(line: str) -> str:
    return line.strip(_UI_STRIP).lower()


def _is_interface_line(key: str) -> bool:
    return len(key) <= 40 and _ui_key(key) in INTERFACE_WORDS


def _date_line(key: str) -> Optional[tuple[str, bool]]:
    """(ISO date, is-an-update-label) if the line is only a full date (day, month, year)."""
    if len(key) > 60 or not _YEAR.search(key):
        return None
    candidate = key
    updated = False
    label = _DATE_LABEL.match(candidate)
    if label:
        updated = "updated" in label.group("label").lower()
        candidate = candidate[label.end():]
    parsed = _parse_full_date(candidate)
    return (parsed.date().isoformat(), updated) if parsed else None


def _parse_full_date(value: str) -> Optional[datetime]:
    """Parse with dateutil, non-fuzzy; None unless year, month and day were all written."""
    results = []
    for default in (datetime(2000, 1, 1), datetime(2001, 2, 2)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results.append(date_parser.parse(value, default=default, ignoretz=True))
        except (ValueError, OverflowError, TypeError):
            return None
    a, b = results
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None
    return a


def _byline(key: str) -> Optional[str]:
    """The name(s) of a short "By ..." line, or None when the line reads like prose."""
    if len(key) > 80:
        return None
    m = _BYLINE.match(key)
    if not m:
        return None
    name = m.group("name").strip(" ,;|")
    words = [w for w in re.split(r"[\s,]+", name) if w]
    if not words or len(words) > 10 or name[-1:] in ".!?":
        return None
    for word in words:
        if word.lower() in _NAME_CONNECTORS:
            continue
        if not word[0].isupper():
            return None
    return name


def _ends_sentence(line: str) -> bool:
    core = line.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_END


def _title(rows: list, fmt: str) -> Optional[str]:
    """The first kept line, when it reads like a headline: short and not a sentence."""
    for _, _, _, stripped, reason, _ in rows:
        if reason:
            continue
        candidate = stripped.lstrip("#").strip() if fmt == "markdown" else stripped
        if candidate and len(candidate) < 200 and not _ends_sentence(candidate):
            return candidate
        return None
    return None


def _published(rows: list) -> Optional[str]:
    """Publication date from date lines: the one next to a byline, else the last before the body.

    A page-header date above the headline is usually the crawl date; the one beside the byline
    is the article's own. The body starts at the first kept line that reads like a paragraph.
    """
    body_start = len(rows)
    for i, (_, _, _, stripped, reason, _) in enumerate(rows):
        if not reason and len(stripped.split()) >= 12 and _ends_sentence(stripped):
            body_start = i
            break
    dates = [(i, row[5]) for i, row in enumerate(rows) if row[4] == "dateline" and row[5]]
    for i, (iso, updated) in dates:
        neighbours = [rows[j][4] for j in (i - 1, i + 1) if 0 <= j < len(rows)]
        if "byline" in neighbours and not updated:
            return iso
    before = [iso for i, (iso, updated) in dates if i < body_start and not updated]
    return before[-1] if before else None


def _iso_date(value: str, path: str) -> Optional[str]:
    """A metadata date as ISO 8601 (date, or datetime when a time was given); None if unreadable."""
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = date_parser.parse(value, default=datetime(2000, 1, 1, 0, 0))
            b = date_parser.parse(value, default=datetime(2001, 2, 2, 1, 1))
    except (ValueError, OverflowError, TypeError):
        log.warning("%s: cannot read the date %r; published left unset", path, value)
        return None
    if a.year != b.year:
        log.warning("%s: the date %r has no year; published left unset", path, value)
        return None
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    if (a.hour, a.minute) == (b.hour, b.minute):
        return a.isoformat()
    return a.date().isoformat()
