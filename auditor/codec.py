"""The data model's codec: plain JSON data, and the compact rows the caches store.

`to_plain` / `from_plain` are the public JSON form (by field name; missing fields take their
defaults). `to_rows` / `from_rows` are the caches' positional rows, whose spans point into the
articles' texts; `row_changes` / `apply_row_changes` store what a stage changed in some objects.
Objects are rebuilt without the frozen dataclass's per-field `__init__`.
"""
from __future__ import annotations

import dataclasses
import gc
import math
import types
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional, Sequence, Union, get_args, get_origin, get_type_hints

from auditor.model import Claim, Quote, Sentence, Span

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
