"""Sentences with character offsets into the analysed text.

syntok splits sentences well inside a paragraph, but news text often has headlines and
captions on lines of their own without final punctuation, so line breaks are boundaries
too, except where a line is evidently hard-wrapped (it ends mid-sentence and the next line
continues in lower case).
"""
from __future__ import annotations

import re
from typing import Iterator

import syntok.segmenter as syntok_segmenter

from auditor import vocab
from auditor.model import Sentence

_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_MIN_SENTENCE_CHARS = 2
# Titles and ranks written with a full stop before a name: "Rep. John Roe", "Lt. Gen. Asim Munir".
# syntok knows "Mr." and "Dr." but ends sentences after these; a sentence never ends on one.
TITLE_ABBREVIATIONS = vocab.words("title_abbreviations")
_ENDS_WITH_TITLE = re.compile(r"(?:^|[\s(“\"‘'])([A-Za-z]{1,6})\.$")


def blocks(text: str) -> list[tuple[int, int]]:
    """Offsets of the text's blocks: runs of lines that belong to one paragraph."""
    spans: list[tuple[int, int]] = []
    pos = 0
    current: tuple[int, int] | None = None
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            if current:
                spans.append(current)
            current = None
            continue
        if current and _is_wrapped(text[current[0]:current[1]], line):
            current = (current[0], end)
        else:
            if current:
                spans.append(current)
            current = (start, end)
    if current:
        spans.append(current)
    return spans


def _is_wrapped(previous: str, line: str) -> bool:
    """A line continues the previous one when that one stops mid-sentence and this starts lower case."""
    stripped = line.lstrip()
    return not _TERMINAL.search(previous) and bool(stripped) and stripped[0].islower()


def _syntok_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    for paragraph in syntok_segmenter.analyze(chunk):
        for sentence in paragraph:
            tokens = [t for t in sentence if t.value]
            if not tokens:
                continue
            s = tokens[0].offset
            e = tokens[-1].offset + len(tokens[-1].value)
            yield start + s, start + e


def _ends_with_title(piece: str) -> bool:
    match = _ENDS_WITH_TITLE.search(piece)
    return bool(match) and match.group(1).casefold() in TITLE_ABBREVIATIONS


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """syntok's sentences, re-joined where one ends on a title abbreviation ("Rep.", "Lt. Gen.")."""
    pending: tuple[int, int] | None = None
    for s, e in _syntok_spans(text, start, end):
        if pending is not None:
            s = pending[0]
            pending = None
        if _ends_with_title(text[s:e]):
            pending = (s, e)
            continue
        yield s, e
    if pending is not None:
        yield pending


def sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    """Split the (noise-masked) analysis text into sentences; offsets index the same string."""
    out: list[Sentence] = []
    for b_start, b_end in blocks(text):
        for s, e in _sentence_spans(text, b_start, b_end):
            piece = text[s:e]
            if len(piece.strip()) < _MIN_SENTENCE_CHARS:
                continue
            out.append(Sentence(article=article_id, index=len(out), start=s, end=e, text=piece))
    return tuple(out)
