"""The audit's data model: frozen dataclasses that every stage produces and consumes.

Every span is a pair of character offsets (``start``, ``end``) into ``Article.text``, the one
analysed string of its article, so that ``article.text[span.start:span.end] == span.text``.
Stages return new objects and never mutate their input; render code imports only this module.
Field names are the JSON names (``article`` holds an article id), so serialisation stays generic.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Optional

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
    # None for a count; "USD", "mph", "acres", "percent", "tally", "weekday-hours", "day-hours", "day-of-year",
    # "hours" (a duration)
    unit: Optional[str] = None
    second: Optional[float] = None  # a tally's second figure: "52-47" is value 52, second 47
    credited: Optional[str] = None  # whom the figure itself is credited to: "2.8 million (according to the unions)"
    # The clock a time of day is on: as read, the zone written with it ("15:15 GMT": "UTC"; "7:30 p.m. ET":
    # "America/New_York"; "-05:00" for "EST"; "local" for "local time"), None when none is written (the
    # time is as written, read on the clock of the place); once the incident's place is known
    # (crossdoc.clocks), "local:<place>" for a time moved onto that place's clock (text keeps the words).
    clock: Optional[str] = None


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
    corrected: tuple[Quantity, ...] = ()  # figures the claim sets aside as wrong ("78 and not 79": the 79)
    source_places: tuple[str, ...] = ()  # places named only where it says who says it ("the police in Uttar Pradesh")


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

    kind: str  # figure-conflict | figure-difference | window-difference | figure-readings | quote-wording | ...
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


INCIDENT_ACTIONS = ("move", "apart", "join")


@dataclass(frozen=True)
class IncidentDecision:
    """An editor's word on an incident, applied after the automatic grouping (`events.group`):
    "move" `article` into the incident of `other`, keep `article` "apart" (an incident of its own),
    or "join" the incidents of `article` and `other`. Articles are named by their ids, which a
    workspace keeps from run to run; `by` and `at` (ISO 8601, UTC) say who decided and when."""

    action: str  # move | apart | join
    article: str
    other: Optional[str] = None  # move, join: the article whose incident it is about
    by: str = ""
    at: str = ""


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
