"""Each article's profile: what its lead says of its incident (when, where, who did what, how big
the act), and its anchors (the names and figures that report the incident itself). Read once per
article, so that comparing two articles reads no text."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from auditor import vocab
from auditor.model import Article, Claim, Quantity
from auditor.read import places
from auditor.read.claims import REPORTING_VERBS, without_accents
from auditor.read.intervals import _CURRENCIES
from auditor.read.windows import window_kind
from auditor.read.when import When, days_before, full_dates, mentions, ongoing_since, parse_day

REACTIONS = vocab.words("reaction_verbs")
REPORTING = vocab.words("reporting_verbs")
COPULAS = {"be", "have", "become", "remain"}  # "X is ...", "X has ...": no act, no role
# light verbs ("take", "make", "give") name an act only with their object: regulators "took
# possession" of a bank and a buyer "took over" it, in one story
LIGHT_VERBS = vocab.words("light_words")
RUNNING_COUNT_VERBS = vocab.words("running_count_verbs")
_BACKGROUND = re.compile(r"\b(18|19|20)\d\d\b|\brecent years\b|\bdecades?\b|\blast year\b|\bpast year\b|"
                         r"\bfor years\b|\blong-standing\b|\blongstanding\b|\bhistor(y|ic|ical)\b|\bsince\b", re.I)
NOT_COMPARED = {None, "money", "attacks"}


def is_reaction(c: Claim, dated: bool = False) -> bool:
    """A claim led by a verb of reacting that states no figure of the event (`dated`: but perhaps the
    day of the reaction, "conveyed his sorrow on Wednesday")."""
    return (c.predicate or "") in REACTIONS and not any(
        q.category not in NOT_COMPARED and not (dated and q.category.startswith("date")) for q in c.quantities)


def is_background(c: Claim) -> bool:
    """A claim set years back ("in 2006", "for decades", "since"). The year of a full date is no
    sign of it: "date 2024-03-27" or "Saturday, Jan. 18, 2025" heads many a lead."""
    if any(_window_kind(q) == "background" for q in c.quantities):
        return True
    return bool(_BACKGROUND.search(_without_full_dates(c.text))) and \
        not any(q.category not in NOT_COMPARED for q in c.quantities)


def _window_kind(q: Quantity) -> str:
    """The kind of a figure's time window, the year of a full date not counting as background."""
    return window_kind(_without_full_dates(q.window) if q.window else q.window)


@lru_cache(maxsize=65536)
def _without_full_dates(text: str) -> str:
    for w in reversed(full_dates(text)):
        text = text[:w.start] + " " * (w.end - w.start) + text[w.end:]
    return text


def anchors(claims: Iterable[Claim], event: Optional["Profile"] = None) -> set[str]:
    """Names and figures of the claims that report the incident itself (with `event`, the article's
    profile: not those that date another act days from its event's, `of_another_day`)."""
    out: set[str] = set()
    for c in claims:
        if is_reaction(c) or is_background(c) or of_another_day(c, event):
            continue
        out.update(without_accents(p).lower() for p in c.places)  # "Valparaíso" / "Valparaiso"
        out.update(c.entities)
        for q in c.quantities:
            if q.category not in NOT_COMPARED and q.value is not None and _window_kind(q) != "background":
                out.add(f"#{q.category}={q.value:g}")
    return out


OTHER_DAY = 2  # days between an act and the report's event that make it another incident's act


def of_another_day(c: Claim, event: Optional["Profile"]) -> bool:
    """A claim dating another act than the report's event days before it: "On Wednesday night, a jet
    collided with an Army helicopter" in a report of a crash on Friday recalls an earlier incident,
    whose names are not this one's. (Acts days after the event are its sequels: the fire put out on
    Monday; and a lead's saying dates no event to tell an earlier act by.)"""
    if event is None or event.when is None or not event.act or event.act in REPORTING_VERBS \
            or not c.predicate or c.predicate == event.act:
        return False
    for w in mentions(c.text, event.written):
        if w.resolved and w.low != w.high:
            continue  # "last week", "in 2022": a span, which the event may lie in or beside
        gap = days_before(w, event.when)
        if gap is not None and gap >= OTHER_DAY:
            return True
    return False


def _aggregate_figures(claims: Sequence[Claim], common_places: set[str]) -> dict[str, list[Quantity]]:
    """Figures about the event as a whole: the event's day, and no place narrower than the setting."""
    out: dict[str, list[Quantity]] = defaultdict(list)
    for c in claims:
        for q in c.quantities:
            if q.category in NOT_COMPARED or _window_kind(q) not in ("incident", "day"):
                continue
            if q.unit is not None:
                continue  # measures, sums, tallies and times of one story differ by more than tolls do
            if q.place and q.place.lower() not in common_places:
                continue
            out[q.category].append(q)
    return out


LEAD_CLAIMS = 4  # the title and first paragraph: where a report says what happened, when and where
RECENT_DAYS = 7  # news reports what happened in the week before it was written; earlier is background
LASTING_DAYS = 30  # an event lasting "since" a day further back is told as background ("on alert since 2011")
DATELINE_MAX_CHARS = 100  # a line that short is a date, byline or caption line, not a paragraph
DATELINE_LEAD_CHARS = 40  # a dateline's place and date stand within the first words of its line


@dataclass(frozen=True)
class Profile:
    """What one article's lead says of its incident: when (resolved against the day of writing),
    where (countries of the places named), who did or underwent what (participants by role)."""

    article: str
    written: Optional[date] = None  # publication day, else the dateline's
    written_from: str = ""  # "published" | the dateline as written
    when: Optional[When] = None
    act: Optional[str] = None  # the predicate of the claim that dates the event ("arrest", "strike")
    places: tuple[str, ...] = ()
    countries: frozenset[str] = frozenset()
    roles: tuple[tuple[str, str], ...] = ()  # (role, participant): ("die:subject", "pope francis")
    figures: tuple = ()  # event-wide figures by category: (category, (Quantity, ...))
    names: frozenset[str] = frozenset()  # every name of the lead
    on_day: bool = False  # `when` is the time of an act ("struck ... on New Year's Day"), see `times_an_act`
    this_week: bool = False  # `when` is written as a day of the week of writing ("this Tuesday"), see `of_this_week`
    sizes: tuple[Quantity, ...] = ()  # the lead's sums and rate moves, the headline's first: see `act_sizes`
    act_places: tuple[str, ...] = ()  # places of the lead's acts its headline or dateline names: see `act_places`
    acts: frozenset[str] = frozenset()  # the predicates of the lead's claims ("ban", "test")
    lasts: tuple[Quantity, ...] = ()  # how long the headline's acts last: see `act_lengths`


def lead(claims: Sequence[Claim], n: int = LEAD_CLAIMS, text: str = "") -> list[Claim]:
    """The first claims of an article (title and first paragraph), reactions and background left out,
    and picture captions (given `text`, the article's): a file photo's day is not the story's."""
    ordered = sorted((c for c in claims if not (text and in_caption(text, c.start))), key=lambda c: c.start)
    ordered = ordered or sorted(claims, key=lambda c: c.start)
    return [c for c in ordered[:n] if not is_reaction(c) and not is_background(c)] or ordered[:n]


# A picture's credit names who made it: "(AP Photo/Wayne Parry)", "(Photo: Jane Doe)", "(Photo by X)",
# "(Reuters/File Photo)", "(Reuters Photo)"; a caption ends on one, or opens with a picture's label
# ("Photo: ...").
_CREDITED_PICTURE = re.compile(r"\((?:[^()\n]*\b(?:photo|photograph|image|picture)s?\b\s*(?:/|:|by\b)[^()\n]*"
                               r"|[^()\n]*(?:/\s*|\b)(?:file\s+)?photos?)\)\s*$", re.I)
_PICTURE_LABEL = re.compile(r"^\s*(?:photo|photograph|image|picture)s?\s*:", re.I)
# A paragraph that ends on a weekday and a full date with its year ("... in Istanbul, Turkey, on Sunday,
# April 30, 2023."; "... in Washington, Tuesday, Dec. 20, 2022."): the agencies' caption style; copy
# names the weekday or the date, seldom both with the year.
_CAPTION_DATE_END = re.compile(r"(?:,\s*|\bon\s+)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
                               r"[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\.\s*$")


def in_caption(text: str, offset: int) -> bool:
    """Whether `offset` lies in a picture's caption: a paragraph that ends on a picture credit ("...
    on Oct. 28, 2019. (AP Photo/Wayne Parry)") or on a weekday and a full date, or opens with a
    picture label ("Photo: ...")."""
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    paragraph = text[lo:hi if hi >= 0 else len(text)]
    return bool(_CREDITED_PICTURE.search(paragraph) or _PICTURE_LABEL.match(paragraph)
                or _CAPTION_DATE_END.search(paragraph))


def event_time(article: Article, lead_claims: Sequence[Claim]) -> tuple[Optional[date], str, Optional[When]]:
    """See `dated_event`; without the act."""
    written, written_from, when, _ = dated_event(article, lead_claims)
    return written, written_from, when


SAYING_GAP = 4  # "said on Saturday", "said Saturday": a time this close after who said it dates the saying


def _act_at(lead_claims: Sequence[Claim], offset: int) -> Optional[str]:
    """The act a time at `offset` dates: the predicate of the claim it stands in, unless it dates
    the saying ("..., a spokesman said on Saturday": within or just after the credit), which may
    come a day or more after the act, and is no day of the act to tell two acts apart by; nor is a
    running count's ("the toll rose on Wednesday"), which moves for days after one event."""
    for c in lead_claims:
        if c.start <= offset < c.end:
            said = c.attribution_span
            if said is not None and said.start <= offset <= said.end + SAYING_GAP:
                return None
            if c.predicate in RUNNING_COUNT_VERBS:
                return None  # "the toll rose on Wednesday to 143": the day of a count, not of the event
            return c.predicate
    return None


def _dates_a_reaction(lead_claims: Sequence[Claim], offset: int) -> bool:
    """Whether a time at `offset` stands in a claim that reacts to the event ("President Luong Cuong
    conveyed his deep sorrow on Wednesday"): the day of the condolence, not of what it mourns."""
    return any(c.start <= offset < c.end and is_reaction(c, dated=True) for c in lead_claims)


def _printed_as_dateline(text: str, start: int) -> bool:
    """Whether a full date at `start` is printed where a writing date stands: on a short line of its
    own (a date or byline line, a caption) or at the head of a line ("WASHINGTON, March 3, 2024 -").
    A date inside the body's sentences ("since Jan. 1, 2021") is the story's background."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start <= DATELINE_MAX_CHARS or start - line_start <= DATELINE_LEAD_CHARS


def dated_event(article: Article, lead_claims: Sequence[Claim]) -> tuple[Optional[date], str, Optional[When],
                                                                            Optional[str]]:
    """`first_time`, with the event's time reaching back to the day the lead says it has lasted since
    ("the rain that fell since the end of April"), when that day is recent: a flood reported on May 11
    is the one reported on May 2."""
    written, written_from, when, act = first_time(article, lead_claims)
    if written is None or when is None or not when.resolved:
        return written, written_from, when, act
    head = article.text[:max((c.end for c in lead_claims), default=0)]
    since = ongoing_since(head, written)
    if since is not None and since < when.low and (written - since).days <= LASTING_DAYS:
        when = replace(when, low=since)
    return written, written_from, when, act


def first_time(article: Article, lead_claims: Sequence[Claim]) -> tuple[Optional[date], str, Optional[When],
                                                                         Optional[str]]:
    """The day of writing (publication day, else the first full date of the lead: a dateline or a
    caption's date, so times are then read as the nearest such day) and the event's time: the first
    time the lead names besides that date, resolved against it.
    Left out: times after the writing (plans) and times long before it (background: "dismissed on
    January 10"). A later count ("the toll rose to 93 on Sunday") may give a later day than the
    event's: SAME_EVENT_DAYS allows for that.
    Without such a time, the event is taken to lie in the week before the writing."""
    head_end = max((c.end for c in lead_claims), default=0)
    head = article.text[:head_end]
    written, written_from = parse_day(article.published), "published"
    dateline = None
    if written is None:
        dateline = next((w for w in mentions(head) if w.resolved and w.low == w.high and w.day
                         and _printed_as_dateline(head, w.start) and not in_caption(article.text, w.start)), None)
        if dateline is not None:
            written, written_from = dateline.low, dateline.text
    span = reacted = None
    for w in mentions(head, written, nearest=dateline is not None):
        if dateline is not None and w.start == dateline.start:
            continue
        if in_caption(article.text, w.start):
            continue  # "speaks at a press conference on Oct. 28, 2019 (AP Photo/...)": a file photo's day
        if written is not None and w.resolved and w.day and w.low == w.high == written and _printed_as_dateline(head, w.start):
            continue  # "January 22, 2019 / 2:02 PM / Updated an hour ago": the page's stamp of the day of writing
        if w.resolved and written is not None and dateline is None and w.low > written:
            continue  # after the day of writing: a plan, not the event
        if w.resolved and written is not None and (written - w.high).days > RECENT_DAYS:
            continue
        if w.resolved and w.low != w.high:
            span = span or w  # "over the weekend", "last week": a day named later says more
            continue
        if _dates_a_reaction(lead_claims, w.start):
            reacted = reacted or w  # "conveyed his sorrow on Wednesday": the blast's own day may follow
            continue
        return written, written_from, _dated_weekday(w, mentions(head), head), _act_at(lead_claims, w.start)
    if reacted is not None:
        return written, written_from, _dated_weekday(reacted, mentions(head), head), _act_at(lead_claims, reacted.start)
    if span is not None:
        return written, written_from, span, _act_at(lead_claims, span.start)
    if written is not None:
        return written, written_from, When(0, 0, written_from, written - timedelta(days=RECENT_DAYS), written), None
    return written, written_from, None, None


def _dated_weekday(w: When, found: Sequence[When], head: str) -> When:
    """A bare weekday of an undated report with the month and day the lead writes it with elsewhere
    ("this Tuesday ... on Tuesday, March 7") or in brackets after it ("on Sunday (Sep. 3)"): one day,
    which a weekday alone cannot tell from days a week or more away."""
    if w.resolved or w.weekday is None or w.month is not None:
        return w
    name = _WEEKDAY_NAMES[w.weekday]
    for x in found:
        if x.start > w.start and x.month and x.day and not x.resolved and x.text.lower().startswith(name):
            return replace(w, month=x.month, day=x.day)
        if x.month and x.day and _BRACKETED.fullmatch(head[w.end:x.start]):
            return replace(w, month=x.month, day=x.day, year=x.year if x.resolved else None)
    return w


_BRACKETED = re.compile(r"\s*\(\s*")


_WEEKDAY_NAMES = vocab.entries("weekdays")
_ON = re.compile(r"\bon\s*$", re.I)
_THIS = re.compile(r"\bthis\s*$", re.I)


def times_an_act(text: str, when: Optional[When]) -> bool:
    """Whether a day is written as the time of an act, introduced by "on" (the preposition of days:
    "struck Japan on New Year's Day", "was arrested on Saturday, Aug. 5"), not as the name of an
    event that the story refers back to ("the Jan. 6 attack", "his role in January 6", "a Jan. 6
    scheme"). Without a day of writing, only such a day can tell a report's event from its
    background."""
    return when is not None and when.end > when.start and bool(_ON.search(text[max(0, when.start - 12):when.start]))


def of_this_week(head: str, when: Optional[When]) -> bool:
    """Whether the lead writes the event's day as a day of the week of writing ("the unions called
    this Tuesday general strikes", "1.7 million people marched ... this Wednesday, March 15"): the
    report was then written within the week of its event, as a day of writing would show. (Only
    the day itself counts, written after "this", wherever the lead writes it: the headline may date
    it first, "Strike of March 15".)"""
    if when is None or when.resolved:
        return False
    for x in mentions(head):
        if not _THIS.search(head[max(0, x.start - 12):x.start]):
            continue
        if when.month and when.day and x.month and x.day:
            if (x.month, x.day) == (when.month, when.day):
                return True
        elif when.weekday is not None and x.text.lower().startswith(_WEEKDAY_NAMES[when.weekday]):
            return True
    return False


def participants(lead_claims: Sequence[Claim]) -> tuple[tuple[str, str], ...]:
    """Who did or underwent the lead's acts, by the parse of each claim: its subject's names
    (`actors`: "Pope Francis died", "Imran Khan was arrested", "the BLA claimed") in the role
    "<predicate>:subject". The other names of a claim (objects, but also datelines, platforms,
    nationalities) read too loosely from the claims to tell participants apart. Places are where,
    not who ("Baltimore recovered..." is the city's services): `apart.another_participant` tells,
    when two reports' participants are compared (only then, so that the towns' gazetteer loads
    only then)."""
    out: list[tuple[str, str]] = []
    for c in lead_claims:
        if not c.predicate or c.negated or c.quoted or c.predicate in COPULAS or c.predicate in REPORTING \
                or c.predicate in LIGHT_VERBS:
            # who reports the event ("the fire agency said") is a source, not a participant
            continue
        out.extend((f"{c.predicate}:subject", a) for a in c.actors)
    return tuple(dict.fromkeys(out))


ACT_UNITS = frozenset(_CURRENCIES | {"points"})  # what sizes a decided act: sums ordered or awarded, rate moves


_DATELINE_PLACE = re.compile(r"(?m)^[ \t]*(?P<place>[A-Z][A-Z .'’-]{2,40}?)(?:,[ ]*[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)?"
                             r"[ ]*(?:\([^)\n]{1,30}\)[ ]*)?[—–-]")


def act_places(lead_claims: Sequence[Claim], text: str = "") -> tuple[str, ...]:
    """The places the lead's acts are set in, in the order written ("killed at least 10 people at a
    dance studio in Monterey Park"), that the headline or the dateline names as well ("Half Moon Bay
    shootings", "HALF MOON BAY, Calif. —"): the story's scene, not a place the act passes through
    ("departed from Cascavel"), nor the places of claims that only report ("officials in Kathmandu
    said"), react or describe."""
    first_line = text.lstrip().split("\n", 1)[0]
    shown = (first_line + " " + " ".join(m.group("place") for m in _DATELINE_PLACE.finditer(text[:1500]))).lower()
    return tuple(dict.fromkeys(p for c in lead_claims if c.predicate and not c.negated and not c.quoted
                               and c.predicate not in COPULAS | REPORTING and not is_reaction(c)
                               for p in c.places if p.lower() in shown))


def act_sizes(claims: Sequence[Claim], n: int = LEAD_CLAIMS) -> tuple[Quantity, ...]:
    """The sums and rate moves of an article's title and first paragraph, in the order written:
    the first is the size of the headline's act ("ordered to pay $83.3M", "cut rates by half a
    percentage point"). Read from the first claims as written, reactions left out but not what
    reads as background: a headline that recalls an earlier event ("its first cut since 2020")
    still states its own act first. Counts are no size of an act: tolls and arrests rise; nor are
    percentages, which are as often running shares (containment, turnout) as levels."""
    ordered = [c for c in sorted(claims, key=lambda c: c.start)[:n] if not is_reaction(c)]
    return tuple(q for c in ordered for q in c.quantities
                 if q.unit in ACT_UNITS and q.value is not None and not recalled(q))


def act_lengths(claims: Sequence[Claim], text: str) -> tuple[Quantity, ...]:
    """How long the acts of an article's headline (its first line) last, in the order written ("Junior
    doctors launch three-day strike"). Only the headline's: a first paragraph recalls earlier acts'
    lengths as often as it states its own ("after becoming the public face of the 48-day manhunt for ...")."""
    first_line = text.find("\n")
    if first_line < 0:
        first_line = len(text)
    ordered = [c for c in sorted(claims, key=lambda c: c.start) if c.start < first_line and not is_reaction(c)]
    return tuple(q for c in ordered for q in c.quantities
                 if (q.category or "").startswith("duration:") and q.low is not None and not recalled(q))


_RECALLED = re.compile(r"^(?:in\s+|on\s+)?(?:last|earlier|previous|(?:" + "|".join(vocab.entries("months")) + r")\b)",
                       re.I)


def recalled(q: Quantity) -> bool:
    """Whether a figure is set at an earlier time the lead names ("a half-point reduction in
    September", "Last May, a separate jury awarded Carroll $5 million", "the $5 million verdict last
    year"): the size of an earlier act the story recalls, not of its own. A period the act is
    measured against ("its first cut since 2020", "the first reduction in four years") is no such
    time."""
    return bool(q.window and _RECALLED.match(q.window.strip()))


def profile(article: Article, claims: Sequence[Claim], common_places: set[str] = frozenset()) -> Profile:
    """An article's incident as its lead states it."""
    first = lead(claims, text=article.text)
    written, written_from, when, act = dated_event(article, first)
    # places as the parse tags them, and participants' names that are a country or a province
    # ("Derna, Libya" is at times read as names): a town's name is too often a person's
    regions = (e for c in first for e in c.entities if places.resolve(e, towns=False) is not None)
    named = tuple(dict.fromkeys([*(p for c in first for p in c.places), *regions]))
    # a town's name alone is a weak guess ("Surprise", "Gop"): the countries an article is set in are
    # those it names, or those of the provinces it names (no town needs resolving for that)
    found = places.resolved(named, towns=False)
    shown = tuple(dict.fromkeys(n if n[:1].isupper() or n not in found else found[n].name for n in named))
    countries = frozenset(p.country for p in found.values())
    return Profile(article.id, written, written_from, when, act, shown, countries,
                   participants(first), on_day=times_an_act(article.text, when),
                   this_week=written is None and of_this_week(article.text[:max((c.end for c in first), default=0)], when),
                   sizes=act_sizes(claims), lasts=act_lengths(claims, article.text), act_places=act_places(first, article.text),
                   acts=frozenset(c.predicate for c in first if c.predicate),
                   names=frozenset({*named, *(e for c in first for e in c.entities)}),
                   figures=tuple((k, tuple(v)) for k, v in sorted(_aggregate_figures(claims, common_places).items())))
