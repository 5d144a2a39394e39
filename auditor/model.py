"""The audit's data model: frozen dataclasses that every stage produces and consumes.

Every span is a pair of character offsets (``start``, ``end``) into ``Article.text``, the one
analysed string of its article, so that ``article.text[span.start:span.end] == span.text``.
Stages return new objects and never mutate their input; render code imports only this module.
Field names are the JSON names (``article`` holds an article id), so serialisation stays generic.
"""
from __future__ import annotations

import dataclasses
import gc
import math
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional, Sequence, Union, get_args, get_origin, get_type_hints

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Span:
    """A piece of one article's analysed text: the evidence unit of every finding."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Excluded:
    """Text kept in the analysed string (so offsets hold) but left out of the analysis."""

    start: int
    end: int
    reason: str  # "repeated-line" | "interface-word" | "byline" | "dateline" | ...


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 date or datetime, as known
    url: Optional[str] = None
    author: Optional[str] = None
    format: str = "text"  # text | markdown | html | json | jsonl
    body_offset: int = 0  # where ``text`` starts in the source file (after front matter)
    excluded: tuple[Excluded, ...] = ()


@dataclass(frozen=True)
class Sentence:
    article: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quantity:
    """A figure as an interval: "at least 23" is [23, inf); "nearly 50" is [~45, 50)."""

    start: int
    end: int
    text: str
    value: Optional[float]
    low: Optional[float]  # None = unbounded
    high: Optional[float]  # None = unbounded
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    vague: bool = False  # "dozens", "hundreds"
    counted: Optional[str] = None  # head noun with modifiers: "security personnel"
    category: Optional[str] = None  # e.g. killed:security, killed:civilians, injured, vehicles
    place: Optional[str] = None
    window: Optional[str] = None  # "on Saturday", "over the past 48 hours", "in total"
    unit: Optional[str] = None  # None for a count; "USD", "mph", "acres", "percent", "tally", "weekday-hours", "day-of-year"
    second: Optional[float] = None  # a tally's second figure: "52-47" is value 52, second 47


@dataclass(frozen=True)
class Claim:
    """A factual unit compared across articles: a sentence, or a clause of one."""

    id: str
    article: str
    start: int
    end: int
    text: str
    sentence: int  # index of the sentence it comes from
    quantities: tuple[Quantity, ...] = ()
    attribution: Optional[str] = None  # canonical source id it is credited to
    attribution_span: Optional[Span] = None
    places: tuple[str, ...] = ()  # places named in the claim ("Kalat", "Balochistan")
    entities: tuple[str, ...] = ()  # named participants (people, groups, states), not the credited source
    actors: tuple[str, ...] = ()  # who does or says what the claim states (its subject's names)
    predicate: Optional[str] = None  # lemma of the main verb, past any reporting verb ("kill", "condemn")
    negated: bool = False  # the claim denies its predicate ("did not", "denied")
    quoted: bool = False  # most of the claim is direct speech (a quotation), not the outlet's own statement
    terms: tuple[str, ...] = ()  # content lemmas (nouns, verbs, adjectives) besides names: what is said


@dataclass(frozen=True)
class Quote:
    id: str
    article: str
    start: int
    end: int
    text: str
    speaker: Optional[str] = None  # full name as resolved
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    speaker_id: Optional[str] = None  # canonical source id
    speaker_role: Optional[str] = None
    cue: Optional[str] = None  # the reporting verb or construction: "said", "according to"
    partial: bool = False
    speaker_kind: Optional[str] = None  # person | government | organization | outlet | anonymous


@dataclass(frozen=True)
class Source:
    """A party an article credits for information, with the evidence of each crediting."""

    id: str
    article: str
    name: str
    canonical: str  # canonical id shared by every article's mention of the same party
    kind: str  # outlet | person | government | organization | anonymous
    evidence: tuple[Span, ...] = ()
    via: tuple[str, ...] = ()  # chain: officials cited by Al Jazeera -> via ("Al Jazeera",)
    role: Optional[str] = None
    variants: tuple[str, ...] = ()  # spellings seen for the same party


@dataclass(frozen=True)
class Finding:
    """One thing an editor should know about a cluster, with the spans it was drawn from."""

    kind: str  # figure-conflict | figure-difference | window-difference | quote-wording | ...
    severity: str  # diverge | note
    summary: str
    evidence: tuple[Span, ...] = ()
    sources: tuple[str, ...] = ()  # canonical source ids behind the evidence


@dataclass(frozen=True)
class Cluster:
    id: str
    claims: tuple[str, ...]
    verdict: str  # agree | diverge | single-source
    event: Optional[str] = None
    label: Optional[str] = None
    findings: tuple[Finding, ...] = ()
    category: Optional[str] = None  # the figure compared ("killed:security"); None for a fact without figures
    articles: tuple[str, ...] = ()  # the articles that state it


@dataclass(frozen=True)
class Event:
    id: str
    articles: tuple[str, ...]
    label: Optional[str] = None
    evidence: tuple[str, ...] = ()  # why these articles form one incident


@dataclass(frozen=True)
class Passage:
    """A passage shared by two articles, with its span on each side."""

    a: Span
    b: Span
    similarity: float


@dataclass(frozen=True)
class Reuse:
    articles: tuple[str, str]
    kind: str  # wire | derived | shared-statement | common-source
    passages: tuple[Passage, ...] = ()
    share: tuple[float, float] = (0.0, 0.0)  # share of each article's text that is reused
    direction: Optional[str] = None  # article id of the original, when known
    credited: Optional[bool] = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # article | outlet | agency | source
    label: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # cites | quotes | copies-from
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Provenance:
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()


@dataclass(frozen=True)
class Problem:
    """An input that was skipped, and why: shown to the user as one line."""

    path: str
    reason: str


@dataclass(frozen=True)
class Audit:
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    claims: tuple[Claim, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)
    problems: tuple[Problem, ...] = ()
    model: str = ""
    timings: tuple[tuple[str, float], ...] = ()  # (stage, seconds)
    schema_version: str = SCHEMA_VERSION

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


# --------------------------------------------------------------------------- plain data


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for a stretch that makes millions of objects and no cycles
    (encoding or decoding these dataclasses, the stages across articles). Each full collection
    walks every tracked object, and a large audit holds millions: at 10,000 articles, turning
    the reuse into rows for its cache took 16.5 s with the collector on and 2.4 s with it off.
    Objects still go as soon as nothing refers to them; the collector is put back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def to_plain(value: Any, finite: bool = False) -> Any:
    """Plain data (dicts by field name, lists, strings, numbers, None) from model objects; `from_plain`
    gives them back. With `finite`, infinities become None, as JSON readers expect."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is float:
        return None if finite and not math.isfinite(value) else value
    if kind is tuple or kind is list:
        return [to_plain(v, finite) for v in value]
    if kind is dict:
        return {str(k): to_plain(v, finite) for k, v in value.items()}
    names = _field_names(kind)
    if names is not None:
        return {n: to_plain(getattr(value, n), finite) for n in names}
    if isinstance(value, (list, tuple)):
        return [to_plain(v, finite) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v, finite) for k, v in value.items()}
    return value


_ATOMS = (str, int, bool, type(None))


@lru_cache(maxsize=None)
def _field_names(kind: type) -> Optional[tuple[str, ...]]:
    """A dataclass's field names (looked up once per class, not once per object); None otherwise."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def from_plain(tp: Any, value: Any) -> Any:
    """The object of type `tp` (a dataclass, tuple or plain type) back from `to_plain` data:
    unknown fields are ignored and missing ones take their defaults, so older data still reads.
    Numbers stay as they were written (a whole count stays an int, as the stages made it)."""
    return _decoder(tp)(value)


def _same(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A decoding function for one type, built once from its hints: reading many objects then
    costs a call per field that needs one, not a look at the type for every value."""
    origin = get_origin(tp)
    if origin is Union or origin is getattr(types, "UnionType", Union):
        options = [a for a in get_args(tp) if a is not type(None)]
        inner = _decoder(options[0]) if options else _same
        return _same if inner is _same else (lambda v: None if v is None else inner(v))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        names = [f.name for f in dataclasses.fields(tp)]
        plain = [n for n in names if _decoder(hints[n]) is _same]
        nested = [(n, _decoder(hints[n])) for n in names if _decoder(hints[n]) is not _same]

        def decode_object(v: Any) -> Any:
            if v is None:
                return None
            kwargs = {n: v[n] for n in plain if n in v}
            for n, decode in nested:
                if n in v:
                    kwargs[n] = decode(v[n])
            return tp(**kwargs)

        return decode_object
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return (lambda v: None if v is None else tuple(v)) if item is _same else \
                (lambda v: None if v is None else tuple(map(item, v)))
        items = [_decoder(a) for a in args]
        return lambda v: None if v is None else tuple(d(x) for d, x in zip(items, v))
    return _same


# --------------------------------------------------------------------------- compact rows (caches)

_SPAN_FIELDS = ("article", "start", "end", "text")


@lru_cache(maxsize=None)
def _text_index(kind: type) -> Optional[int]:
    """Where `text` is among the fields of a span-like class (article, start, end, text), else None."""
    names = _field_names(kind) or ()
    return names.index("text") if all(n in names for n in _SPAN_FIELDS) else None


def to_rows(value: Any, texts: dict[str, str]) -> Any:
    """Compact plain data for a cache: a dataclass becomes the list of its field values in field
    order, and a span-like object (article, start, end, text: a Span, Sentence, Claim, Quote)
    whose text is its article's text in `texts` at its offsets has that text left out (null).
    `from_rows` gives the objects back; both sides must be the same code (the caches are scoped so)."""
    kind = type(value)
    if kind in _ATOMS or kind is float:
        return value
    if kind is tuple or kind is list:
        return [to_rows(v, texts) for v in value]
    if kind is dict:
        return {str(k): to_rows(v, texts) for k, v in value.items()}
    names = _field_names(kind)
    if names is None:
        return value
    row = [to_rows(getattr(value, n), texts) for n in names]
    at = _text_index(kind)
    if at is not None and value.article in texts and texts[value.article][value.start : value.end] == value.text:
        row[at] = None
    return row


def from_rows(tp: Any, rows: Any, texts: dict[str, str], spans: Optional[dict] = None) -> Any:
    """The object of type `tp` back from `to_rows` data (KeyError when a left-out text's article
    is not in `texts`, TypeError or ValueError when the data is not of this type). Equal Spans
    come back as one object, as the stages made them (the same evidence recurs in many findings,
    passages and edges); pass one `spans` dict to several calls to share them across those too."""
    return _row_decoder(tp)(rows, (texts, {} if spans is None else spans))


_RowContext = tuple  # (article id -> text, row -> Span already made)


def _same_row(value: Any, ctx: _RowContext) -> Any:
    return value


@lru_cache(maxsize=None)
def _row_decoder(tp: Any) -> Callable[[Any, _RowContext], Any]:
    """A positional decoding function for one type, built once from its hints (as `_decoder`)."""
    origin = get_origin(tp)
    if origin is Union or origin is getattr(types, "UnionType", Union):
        options = [a for a in get_args(tp) if a is not type(None)]
        inner = _row_decoder(options[0]) if options else _same_row
        return _same_row if inner is _same_row else (lambda v, c: None if v is None else inner(v, c))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        names = _field_names(tp)
        nested = [(i, _row_decoder(hints[n])) for i, n in enumerate(names) if _row_decoder(hints[n]) is not _same_row]
        at = _text_index(tp)
        where = (names.index("article"), names.index("start"), names.index("end")) if at is not None else None

        make = object.__new__
        shared = tp is Span and not nested  # a Span's row is all atoms: its tuple names it
        if len(names) != len(set(names)) or getattr(tp, "__post_init__", None) or getattr(tp, "__slots__", None):
            raise TypeError(f"{tp.__name__} cannot be made from rows")

        def decode_row(v: Any, ctx: _RowContext) -> Any:
            if v is None:
                return None
            if len(v) != len(names):
                raise ValueError(f"a {tp.__name__} row has {len(v)} values, not {len(names)}")
            if shared:
                key = tuple(v)
                made = ctx[1].get(key)
                if made is not None:
                    return made
            if nested or (at is not None and v[at] is None):
                v = list(v)
                for i, decode in nested:
                    v[i] = decode(v[i], ctx)
                if at is not None and v[at] is None:
                    v[at] = ctx[0][v[where[0]]][v[where[1]] : v[where[2]]]
            # every field is given: the object's fields are set at once, as the frozen dataclass's
            # __init__ would set them one object.__setattr__ at a time (3-4x slower)
            obj = make(tp)
            obj.__dict__.update(zip(names, v))
            if shared:
                ctx[1][key] = obj
            return obj

        return decode_row
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _row_decoder(args[0])
            return (lambda v, c: None if v is None else tuple(v)) if item is _same_row else \
                (lambda v, c: None if v is None else tuple([item(x, c) for x in v]))
        items = [_row_decoder(a) for a in args]
        if all(d is _same_row for d in items):  # (str, str), (float, float): nothing to decode inside
            return lambda v, c: None if v is None else tuple(v)
        return lambda v, c: None if v is None else tuple(d(x, c) for d, x in zip(items, v))
    return _same_row


def row_changes(before: Sequence[Any], after: Sequence[Any], texts: dict[str, str]) -> Optional[list]:
    """What a step that maps objects one to one changed, as rows: [[index, {field: value}], ...]
    for the objects it replaced, with only the fields that differ. None when the step did not
    keep the objects one to one (another count or class): then there is nothing to record."""
    if len(before) != len(after):
        return None
    changed: list = []
    for i, (old, new) in enumerate(zip(before, after)):
        if old is new:
            continue
        if type(old) is not type(new) or _field_names(type(new)) is None:
            return None
        was = old.__dict__
        diff = {n: to_rows(v, texts) for n, v in new.__dict__.items() if n not in was or not (was[n] is v or was[n] == v)}
        if diff:
            changed.append([i, diff])
    return changed


def apply_row_changes(before: Sequence[Any], changed: list, texts: dict[str, str]) -> tuple:
    """The objects after the step, from the objects before it and its `row_changes`."""
    out = list(before)
    ctx = (texts, {})
    for i, diff in changed:
        old = out[i]
        kind = type(old)
        new = object.__new__(kind)
        new.__dict__.update(old.__dict__)
        new.__dict__.update({n: _field_row_decoder(kind, n)(v, ctx) for n, v in diff.items()})
        out[i] = new
    return tuple(out)


@lru_cache(maxsize=None)
def _field_row_decoder(kind: type, name: str) -> Callable[[Any, _RowContext], Any]:
    if name not in (_field_names(kind) or ()):
        raise KeyError(f"{kind.__name__} has no field {name!r}")
    _row_decoder(kind)  # refuses a class that needs its __init__
    return _row_decoder(get_type_hints(kind)[name])
