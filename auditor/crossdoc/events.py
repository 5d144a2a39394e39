"""Incidents: which articles report the same event, so that their figures may be compared.

Articles about different incidents in one region read alike: the same province, the same armed
group, the same condemnations from the same capitals, the same background paragraphs. What tells
incidents apart is what happened: the casualty figures, the towns, the officials who spoke about
this attack. So each article is reduced to its *anchors*: the names and figures of its claims that
report the incident, leaving out reactions (condemnations, condolences, pledges of support) and
background (anything set years back). Two articles are compared by the anchors they share,
weighted by how rare each anchor is in the collection (a name every article uses tells nothing).

Evidence against one incident is read from each article's lead (`profile`) and overrides
resemblance (`reasons_apart`):
- days of writing (publication, else the dateline) more than MAX_DAYS_APART apart;
- event days (auditor.read.when: "on Friday", "on New Year's Day", "Jan. 1", resolved against the
  day of writing) more than SAME_ACT_DAYS apart when both date the same act ("was arrested on
  Tuesday" / "on Saturday"), or more than SAME_EVENT_DAYS apart (a later report may date a later
  count) when each report has a day of writing or writes its day as one of the week of writing
  ("marched this Wednesday, March 15": one movement's strike days a week apart are two events),
  or more than MAX_DAYS_APART apart when an undated report writes its day as the time of an act
  ("struck ... on New Year's Day"), so that a day of the story's background ("his role in
  January 6") is not taken for the event's;
- another key participant in the same role of the same act (the person who died, who was hired);
- when a report has no day of writing, the headline act sized at least ACT_SIZE_RATIO apart (a
  jury's award of $5 million or $83.3 million, a rate cut of half or a quarter of a point), neither
  lead stating the other's size except as an earlier act it recalls ("Last May, a separate jury
  awarded ..."): one act has one size, where counts (tolls, arrests) rise;
- for undated reports only, counts of one party (militants killed, security personnel killed)
  more than MAX_RIVAL_RATIO apart (dated reports may be one toll that rose, so different figures
  are no evidence there; nor are totals, which rise for days as the missing are found).

Articles are then merged, closest pair of groups first (average linkage), while the groups
share anchors worth at least one distinctive anchor and no pair across them is kept apart; then
groups about the same subject (their averaged claim vectors as close as paraphrases) join, under
the same condition. The editor decides in the end: `one_story`, and decisions that move an article,
set it apart or join two incidents (`apply_decisions`), applied last and told first in the evidence.
"""
from __future__ import annotations

import heapq
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np

from auditor.read import places
from auditor.read.claims import initials, same_entity
from auditor.read.intervals import _CURRENCIES
from auditor.read.amounts import MONEY_CLASSES
from auditor.read.intervals import gap_ratio
from auditor.read.windows import window_kind
from auditor.read.when import When, days_apart, full_dates, mentions, parse_day
from auditor import vocab
from auditor.model import Article, Claim, Event, IncidentDecision, Quantity

log = logging.getLogger(__name__)

MAX_DAYS_APART = 30  # follow-ups of one incident rarely come a month later; new incidents do
MAX_RIVAL_RATIO = 2.0  # as in align: counts more than twice apart are not rival reports of one toll
REACTIONS = vocab.words("reaction_verbs")
REPORTING = vocab.words("reporting_verbs")
COPULAS = {"be", "have", "become", "remain"}  # "X is ...", "X has ...": no act, no role
_BACKGROUND = re.compile(r"\b(18|19|20)\d\d\b|\brecent years\b|\bdecades?\b|\blast year\b|\bpast year\b|"
                         r"\bfor years\b|\blong-standing\b|\blongstanding\b|\bhistor(y|ic|ical)\b|\bsince\b", re.I)
NOT_COMPARED = {None, "money", "attacks"}


def is_reaction(c: Claim) -> bool:
    return (c.predicate or "") in REACTIONS and not any(q.category not in NOT_COMPARED for q in c.quantities)


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


def anchors(claims: Iterable[Claim]) -> set[str]:
    """Names and figures of the claims that report the incident itself."""
    out: set[str] = set()
    for c in claims:
        if is_reaction(c) or is_background(c):
            continue
        out.update(p.lower() for p in c.places)
        out.update(c.entities)
        for q in c.quantities:
            if q.category not in NOT_COMPARED and q.value is not None and _window_kind(q) != "background":
                out.add(f"#{q.category}={q.value:g}")
    return out


def _canonical(all_names: Iterable[str]) -> dict[str, str]:
    """Map each name to one representative of the names it matches (acronyms, surnames, spellings):
    the first representative, longest names first, that `same_entity` accepts. Representatives are
    looked up by the keys `same_entity` can match on (the name, its initials, its last word), so
    each name is tried against a few, not all of them."""
    names = sorted(set(all_names), key=lambda n: (-len(n), n))
    rep: dict[str, str] = {}
    seq: dict[str, int] = {}  # representative -> order of appearance
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in names:
        if n.startswith("#"):
            rep[n] = n
            continue
        words, ini = n.split(), initials(n)
        keys = [("name", n), ("name", ini), ("bare", ini), ("initials", n.replace(".", "")), ("initials", ini)]
        if len(words) == 1:
            keys.append(("last", n))
        else:
            keys.append(("name", words[-1]))
        found = [r for k in keys if k[1] for r in by_key.get(k, ()) if same_entity(n, r)]
        if found:
            rep[n] = min(found, key=seq.get)
            continue
        rep[n] = n
        seq[n] = len(seq)
        r_words, r_ini = n.split(), initials(n)
        by_key[("name", n)].append(n)
        by_key[("bare", n.replace(".", ""))].append(n)
        if r_ini:
            by_key[("initials", r_ini)].append(n)
        if len(r_words) > 1:
            by_key[("last", r_words[-1])].append(n)
    return rep


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


def figures_contradict(fa: dict[str, list[Quantity]], fb: dict[str, list[Quantity]]) -> Optional[str]:
    """A category whose event-wide figures in two articles are all too far apart to be one toll."""
    for category in sorted(fa.keys() & fb.keys()):
        xs, ys = fa[category], fb[category]
        if xs and ys and all(gap_ratio(a, b) > MAX_RIVAL_RATIO for a in xs for b in ys):
            return f"{category}: {xs[0].text} vs {ys[0].text}"
    return None


BLOCK_MAX_ARTICLES = 50  # an anchor carried by more articles than this proposes no pairs (a stop word)
NEIGHBOURS = 10  # each article is also compared with its nearest articles by document vector
CROSS_CHECK_MAX = 2500  # at most this many article pairs are checked for contradicting figures per merge


def candidate_pairs(ids: Sequence[str], keys: dict[str, set[str]], centre: Optional[dict] = None,
                    max_articles: int = BLOCK_MAX_ARTICLES, k: int = NEIGHBOURS) -> list[tuple[str, str]]:
    """The pairs of articles worth comparing, in the order of `ids`: those sharing a key (an anchor,
    a figure's category) that at most `max_articles` articles carry, and each article with its `k`
    nearest by document vector. Everything else shares nothing distinctive and reads unlike, and is
    never compared: the work grows with the articles, not with their pairs."""
    pos = {a: i for i, a in enumerate(ids)}
    postings: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        for x in keys.get(a, ()):
            postings[x].append(a)
    out: set[tuple[str, str]] = set()
    for arts in postings.values():
        if 2 <= len(arts) <= max_articles:
            out.update(combinations(arts, 2))  # postings follow `ids`, so pairs are in its order
    rows = [a for a in ids if centre is not None and centre.get(a) is not None]
    if k > 0 and len(rows) > 1:
        m = np.stack([centre[a] for a in rows])
        kk = min(k, len(rows) - 1)
        for s in range(0, len(rows), 1024):  # top-k in chunks: memory stays O(chunk x n)
            sims = m[s:s + 1024] @ m.T
            sims[np.arange(sims.shape[0]), np.arange(s, s + sims.shape[0])] = -np.inf
            top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
            for r, js in enumerate(top):
                a = rows[s + r]
                for j in js:
                    b = rows[int(j)]
                    out.add((a, b) if pos[a] < pos[b] else (b, a))
    return sorted(out, key=lambda p: (pos[p[0]], pos[p[1]]))


LEAD_CLAIMS = 4  # the title and first paragraph: where a report says what happened, when and where
RECENT_DAYS = 7  # news reports what happened in the week before it was written; earlier is background
SAME_ACT_DAYS = 1  # two reports dating the same act ("was arrested on ...") differ by a time zone at most
DATELINE_MAX_CHARS = 100  # a line that short is a date, byline or caption line, not a paragraph
DATELINE_LEAD_CHARS = 40  # a dateline's place and date stand within the first words of its line
SAME_EVENT_DAYS = 7  # reports of one event name days up to a week apart: the event, then its tolls and searches


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


def lead(claims: Sequence[Claim], n: int = LEAD_CLAIMS) -> list[Claim]:
    """The first claims of an article (title and first paragraph), reactions and background left out."""
    ordered = sorted(claims, key=lambda c: c.start)
    return [c for c in ordered[:n] if not is_reaction(c) and not is_background(c)] or ordered[:n]


def event_time(article: Article, lead_claims: Sequence[Claim]) -> tuple[Optional[date], str, Optional[When]]:
    """See `dated_event`; without the act."""
    written, written_from, when, _ = dated_event(article, lead_claims)
    return written, written_from, when


SAYING_GAP = 4  # "said on Saturday", "said Saturday": a time this close after who said it dates the saying


def _act_at(lead_claims: Sequence[Claim], offset: int) -> Optional[str]:
    """The act a time at `offset` dates: the predicate of the claim it stands in, unless it dates
    the saying ("..., a spokesman said on Saturday": within or just after the credit), which may
    come a day or more after the act, and is no day of the act to tell two acts apart by."""
    for c in lead_claims:
        if c.start <= offset < c.end:
            said = c.attribution_span
            if said is not None and said.start <= offset <= said.end + SAYING_GAP:
                return None
            return c.predicate
    return None


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
                         and _printed_as_dateline(head, w.start)), None)
        if dateline is not None:
            written, written_from = dateline.low, dateline.text
    span = None
    for w in mentions(head, written, nearest=dateline is not None):
        if dateline is not None and w.start == dateline.start:
            continue
        if w.resolved and written is not None and dateline is None and w.low > written:
            continue  # after the day of writing: a plan, not the event
        if w.resolved and written is not None and (written - w.high).days > RECENT_DAYS:
            continue
        if w.resolved and w.low != w.high:
            span = span or w  # "over the weekend", "last week": a day named later says more
            continue
        return written, written_from, _dated_weekday(w, mentions(head)), _act_at(lead_claims, w.start)
    if span is not None:
        return written, written_from, span, _act_at(lead_claims, span.start)
    if written is not None:
        return written, written_from, When(0, 0, written_from, written - timedelta(days=RECENT_DAYS), written), None
    return written, written_from, None, None


def _dated_weekday(w: When, found: Sequence[When]) -> When:
    """A bare weekday of an undated report with the month and day the lead writes it with elsewhere
    ("this Tuesday ... on Tuesday, March 7"): one day, which a weekday alone cannot tell from days a
    week or more away."""
    if w.resolved or w.weekday is None or w.month is not None:
        return w
    name = _WEEKDAY_NAMES[w.weekday]
    for x in found:
        if x.start > w.start and x.month and x.day and not x.resolved and x.text.lower().startswith(name):
            return replace(w, month=x.month, day=x.day)
    return w


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
    not who ("Baltimore recovered..." is the city's services): `_is_place` tells, when two
    reports' participants are compared (only then, so that the towns' gazetteer loads only then)."""
    out: list[tuple[str, str]] = []
    for c in lead_claims:
        if not c.predicate or c.negated or c.quoted or c.predicate in COPULAS or c.predicate in REPORTING:
            # who reports the event ("the fire agency said") is a source, not a participant
            continue
        out.extend((f"{c.predicate}:subject", a) for a in c.actors)
    return tuple(dict.fromkeys(out))


ACT_UNITS = frozenset(_CURRENCIES | {"points"})  # what sizes a decided act: sums ordered or awarded, rate moves
ACT_SIZE_RATIO = 2.0  # one act's size, as outlets round it, differs by far less; a half and a quarter point by this


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


_RECALLED = re.compile(r"^(?:in\s+|on\s+)?(?:last|earlier|previous|(?:" + "|".join(vocab.entries("months")) + r")\b)",
                       re.I)


def recalled(q: Quantity) -> bool:
    """Whether a figure is set at an earlier time the lead names ("a half-point reduction in
    September", "Last May, a separate jury awarded Carroll $5 million", "the $5 million verdict last
    year"): the size of an earlier act the story recalls, not of its own. A period the act is
    measured against ("its first cut since 2020", "the first reduction in four years") is no such
    time."""
    return bool(q.window and _RECALLED.match(q.window.strip()))


def sized_apart(a: Profile, b: Profile) -> Optional[str]:
    """Why two reports size their headline act differently, when they do: the first sum or rate
    move of each lead in one unit, at least ACT_SIZE_RATIO apart, and neither lead stating the
    other's. One act has one size (a jury's award, a rate cut); a lead that states two sums is
    telling parts, or recalling an earlier act, and is no evidence. Only when a report has no day of
    writing: with both, the days decide (two sums the same week are more likely two figures of one
    story, damage and aid, than two acts)."""
    if a.written is not None and b.written is not None or not a.sizes or not b.sizes:
        return None
    x, y = a.sizes[0], b.sizes[0]
    if x.unit != y.unit or gap_ratio(x, y) < ACT_SIZE_RATIO or _paid_for(x) != _paid_for(y):
        return None
    if any(gap_ratio(q, y) == 1.0 for q in a.sizes if q.unit == y.unit) or \
            any(gap_ratio(q, x) == 1.0 for q in b.sizes if q.unit == x.unit):
        return None
    return f"{a.article} sizes its act {x.text}, {b.article} {y.text}"


_PAID_FOR = frozenset(MONEY_CLASSES.values())


def _paid_for(q: Quantity) -> Optional[str]:
    """What a sum pays for, when the parse knows the kind ("$1.2 trillion package": bill, "$21 billion
    in disaster aid": aid), else None ("awards Carroll $5 million"). Two sums are taken for sizes of
    one kind of act only when this agrees (both unknown, or both of one kind): sums for different
    things, or one known and one not, may be two figures of one story (a package and its aid)."""
    kind = (q.category or "").partition(":")[2]
    return kind if kind in _PAID_FOR else None


def _is_place(name: str) -> bool:
    return places.resolve(name) is not None


def profile(article: Article, claims: Sequence[Claim], common_places: set[str] = frozenset()) -> Profile:
    """An article's incident as its lead states it."""
    first = lead(claims)
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
                   sizes=act_sizes(claims),
                   names=frozenset({*named, *(e for c in first for e in c.entities)}),
                   figures=tuple((k, tuple(v)) for k, v in sorted(_aggregate_figures(claims, common_places).items())))


def _is_total(category: str) -> bool:
    """"killed:total", "missing:total", "total": a count of everyone, not of one party."""
    return category == "total" or category.endswith(":total") or ":" not in category


def _same(a: str, b: str) -> bool:
    """One participant under two names: `same_entity`, or one name's words within the other's
    ("Castillo Cabrera", "Dorlian Ronial Castillo Cabrera")."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return same_entity(a, b) or wa <= wb or wb <= wa


def _known(name: str, names: Iterable[str]) -> bool:
    return any(_same(name, n) for n in names)


def reasons_apart(a: Profile, b: Profile, tolls: str = "") -> list[str]:
    """Plain reasons two reports are of different incidents (empty when nothing says so); see
    `kinds_apart`, which gives each with its kind."""
    return [why for _, why in kinds_apart(a, b, tolls)]


def kinds_apart(a: Profile, b: Profile, tolls: str = "") -> list[tuple[str, str]]:
    """(kind, plain reason) of each reason two reports are of different incidents: days of
    writing a month apart, event days clearly apart, the headline act sized apart (`sized_apart`),
    another key participant in the same role. Different figures are no reason (tolls rise, and outlets count differently),
    except between two undated reports, where nothing shows that one counts later than the other:
    with `tolls` "parties", counts of one party (militants killed, security personnel killed) more
    than MAX_RIVAL_RATIO apart; with "all", any event-wide count (see `group`). The kind names the
    mechanism, so that each can be measured against gold incidents (`Decision`)."""
    out = []
    if a.written and b.written and abs((a.written - b.written).days) > MAX_DAYS_APART:
        out.append(("written far apart" + _how_written(a, b), f"written {a.written} and {b.written}"))
    if a.when is not None and b.when is not None:
        gap = days_apart(a.when, b.when)
        same_act = a.act is not None and a.act == b.act
        # a lead also names days of the story's background ("his role in January 6"); a report
        # tells its event's day from its background's by its day of writing (the event lies in the
        # week before), else by writing the day as the time of an act ("struck on New Year's Day").
        # An act's day in an undated report may still be an earlier phase of the same story (the
        # storm before the flood, the first arrest before the charge), so it keeps reports apart
        # only when they are as far apart as writing days must be (MAX_DAYS_APART). A day written
        # as one of the week of writing ("marched this Wednesday, March 15") places an undated
        # report's writing as a day of writing does: the event lies in that week
        both_fixed = all(x.written is not None or x.on_day or x.this_week for x in (a, b))
        both_written = all(x.written is not None or x.this_week for x in (a, b))
        enough = SAME_EVENT_DAYS if both_written else MAX_DAYS_APART
        if gap is not None and (gap > SAME_ACT_DAYS if same_act else both_fixed and gap > enough):
            kind = ("same act dated apart" if same_act else "event days apart") + _how_dated(a, b)
            out.append((kind, f"{a.article} dates it {a.when.describe()} (\u201c{a.when.text}\u201d), "
                              f"{b.article} {b.when.describe()} (\u201c{b.when.text}\u201d)"))
    # Places are no reason on their own: a lead names the countries of participants, flags and
    # reactions ("a Singapore-flagged ship", "China condemned") as well as where the event happened,
    # and the place parse is too loose to tell them apart (measured: dev incident pairs fell).
    sized = sized_apart(a, b)
    if sized is not None:
        out.append(("the act sized apart", sized))
    if tolls and not out:
        toll = toll_reason(a, b)
        if toll is not None and (tolls == "all" or toll[1]):
            out.append((_toll_kind(toll[1]), toll[0]))
    for role, x in a.roles:
        # places are no participants (`participants`); the gazetteer is asked last, only of a rival
        rivals = [y for r, y in b.roles if r == role]
        if not rivals or _known(x, b.names) or any(_same(x, y) and not _is_place(y) for y in rivals):
            continue
        others = [y for y in rivals if not _same(x, y)]
        if any(_known(y, a.names) and not _is_place(y) for y in others) or _is_place(x):
            continue
        others = [y for y in others if not _is_place(y)]
        if others:
            verb, part = role.split(":")
            out.append(("another participant in the role",
                        f"{verb} ({part}): {x} in {a.article}, {others[0]} in {b.article}"))
            break
    return out


def _how_written(a: Profile, b: Profile) -> str:
    """Where the days of writing come from, for measuring: the publication dates or a dateline read
    from the text (`dated_event`)."""
    return "" if a.written_from == b.written_from == "published" else " (a dateline)"


def _how_dated(a: Profile, b: Profile) -> str:
    """What fixes the two event days, for measuring: both days of writing, a day of the week of
    writing in a report without one (`of_this_week`), or a day written as the time of an act
    (`times_an_act`)."""
    if a.written is not None and b.written is not None:
        return ""
    if all(x.written is not None or x.this_week for x in (a, b)):
        return " (a day of this week)"
    return " (an undated report)"


def _toll_kind(party: bool) -> str:
    return "rival tolls of one party" if party else "rival tolls"


def toll_reason(a: Profile, b: Profile) -> Optional[tuple[str, bool]]:
    """Between two undated reports, event-wide counts more than MAX_RIVAL_RATIO apart, and whether
    one is a count of one party (militants killed, security personnel killed), not a total: a
    disaster's totals rise for days as the missing are found."""
    if a.written is not None or b.written is not None:
        return None
    fa, fb = dict(a.figures), dict(b.figures)
    why = figures_contradict(fa, fb)
    if why is None:
        return None
    party = figures_contradict(*({k: v for k, v in f.items() if not _is_total(k)} for f in (fa, fb)))
    return (f"undated reports with different tolls: {party or why}", party is not None)


@dataclass(frozen=True)
class Decision:
    """How the grouping settled one pair of articles, and by which kind of evidence ("apart: written
    far apart", "joined: shared names"): what lets each mechanism be measured against gold incidents
    by kind and count alone, without showing any article's text."""

    a: str
    b: str
    joined: bool
    kind: str


def group(articles: Sequence[Article], claims: Sequence[Claim] = (), vectors: Optional[np.ndarray] = None,
          one_story: bool = False, decisions: Sequence[IncidentDecision] = ()) -> tuple[Event, ...]:
    """Incidents of the articles, each with the evidence that binds or separates them. With
    `one_story` the editor has said that every article reports one incident; `decisions` (the
    editor's moves, splits and joins, see `apply_decisions`) are applied after the grouping, and
    each incident they change says so first among its reasons."""
    return grouping(articles, claims, vectors, one_story, decisions)[0]


def grouping(articles: Sequence[Article], claims: Sequence[Claim] = (), vectors: Optional[np.ndarray] = None,
             one_story: bool = False, decisions: Sequence[IncidentDecision] = (),
             decide: bool = False) -> tuple[tuple[Event, ...], tuple[Decision, ...]]:
    """`group`, and with `decide` how every pair of articles was settled (all pairs: for measuring
    on small corpora, not for large ones)."""
    ids = [a.id for a in articles]
    if not ids:
        return (), ()
    if one_story or len(ids) == 1 or not claims:
        why = ("the editor treats all articles as one story" if one_story else
               "one article" if len(ids) == 1 else "no claims to compare")
        settled = tuple(Decision(a, b, True, "joined: " + why) for a, b in combinations(ids, 2)) if decide else ()
        if not decisions:
            return (Event(id="e1", articles=tuple(ids), label=_label(articles, claims), evidence=(why,)),), settled
        pos = {a: k for k, a in enumerate(ids)}
        by_id, by_article = {a.id: a for a in articles}, _claims_by_article(claims)
        edited = apply_decisions([list(ids)], decisions, pos)
        return tuple(Event(id=f"e{k + 1}", articles=tuple(g.members), evidence=(*g.notes, why),
                           label=_label([by_id[a] for a in g.members], [c for a in g.members for c in by_article[a]]))
                     for k, g in enumerate(edited)), settled
    by_article = _claims_by_article(claims)
    setting = _common_places(ids, by_article)
    profiles = {a.id: profile(a, by_article[a.id], setting) for a in articles}
    names = _AnchorWeights(ids, by_article)
    centre = _lead_vectors(ids, by_article, claims, vectors)
    # figures of one category are compared even without a shared anchor: undated rival tolls keep apart
    keys = {a: names.sets[a] | {"@" + category for category, _ in profiles[a].figures} for a in ids}
    pairs = candidate_pairs(ids, keys, centre)
    # 1. merge on shared anchors, strongest first, while nothing in the leads keeps them apart
    rules = _Apart(ids, profiles)
    for a, b in pairs:
        rules.check(a, b)
    rules.tolls = "parties"
    groups = _merge([[a] for a in ids], pairs, rules.pos, rules.apart, rules.kept_apart, names.needed,
                    pair_values=names.evidence_and_sim)
    by_names = [list(g) for g in groups]
    # 2. the articles were given as one story: groups about the same subject (their averaged claim
    #    vectors as close as paraphrases) join, unless kept apart. Totals far apart are no reason
    #    even here: a disaster's toll rises three- to tenfold in a day, and undated early and late
    #    reports of one quake read as rival totals (measured: no dev pair needs them since event
    #    days written "on ..." keep the similar-but-different incidents apart)
    if centre is not None and len(groups) > 1:
        groups = _merge(groups, pairs, rules.pos, rules.apart, rules.kept_apart, SAME_SUBJECT, centres=centre)
    # 3. the editor decides in the end
    edited = apply_decisions(groups, decisions, rules.pos, rules.apart) if decisions else None
    events = _events(articles, by_article, [g.members for g in edited] if edited is not None else groups, profiles,
                     names, rules, {tuple(g.members): g.notes for g in edited} if edited is not None else {})
    log.info("grouped %d articles into %d incidents (%d pairs compared)", len(ids), len(events), len(pairs))
    settled = _decisions(ids, groups, by_names, set(pairs), names, rules) if decide else ()
    return events, settled


def _decisions(ids: Sequence[str], groups: list[list[str]], by_names: list[list[str]], compared: set,
               names: _AnchorWeights, rules: _Apart) -> tuple[Decision, ...]:
    """Every pair's decision, by kind. Joined: in one group after merging on shared names (the pair
    itself sharing enough, or only through the group), else after joining by subject. Apart: each
    reason the pair itself has; else the reason of a pair across the two groups (the groups were
    kept apart); else too little in common (compared), or nothing distinctive shared (never compared)."""
    final = {a: k for k, g in enumerate(groups) for a in g}
    first = {a: k for k, g in enumerate(by_names) for a in g}
    out = []
    for a, b in combinations(ids, 2):
        pair = (a, b) if rules.pos[a] < rules.pos[b] else (b, a)
        if final[a] == final[b]:
            if first[a] == first[b]:
                own = pair in compared and names.evidence_and_sim(*pair)[0] >= names.needed
                kind = "joined: shared names" + ("" if own else " (through the group)")
            else:
                kind = "joined: same subject"
            out.append(Decision(a, b, True, kind))
            continue
        kinds = rules.kinds(pair) if pair in rules.checked else []
        if kinds:
            out.extend(Decision(a, b, False, "apart: " + k) for k in dict.fromkeys(k for k, _ in kinds))
            continue
        across = (p for x in groups[final[a]] for y in groups[final[b]]
                  for p in [(x, y) if rules.pos[x] < rules.pos[y] else (y, x)] if p in rules.checked)
        blocking = next((k for p in across for k, _ in rules.kinds(p)), None)
        if blocking is not None:
            kind = f"apart: groups kept apart ({blocking})"
        else:
            kind = "apart: too little in common" if pair in compared else "apart: never compared"
        out.append(Decision(a, b, False, kind))
    return tuple(out)


def _common_places(ids: Sequence[str], by_article: dict[str, list[Claim]]) -> set[str]:
    """Places at least half of the articles name: the setting, not a part of it."""
    df: dict[str, int] = defaultdict(int)
    for a in ids:
        for p in {p.lower() for c in by_article[a] for p in c.places}:
            df[p] += 1
    return {p for p, d in df.items() if d * 2 >= len(ids)}


def _claims_by_article(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        out[c.article].append(c)
    return out


class _AnchorWeights:
    """Each article's anchors (one name per entity) weighted by rarity: a name every article uses
    tells nothing, one that two articles share alone binds them."""

    def __init__(self, ids: Sequence[str], by_article: dict[str, list[Claim]]) -> None:
        raw = {a: anchors(by_article[a]) for a in ids}
        rep = _canonical(x for s in raw.values() for x in s)
        self.sets = {a: {rep[x] for x in raw[a]} for a in ids}
        n = len(ids)
        df: dict[str, int] = defaultdict(int)
        for s in self.sets.values():
            for x in s:
                df[x] += 1
        self.weight = {x: math.log((n + 1) / d) for x, d in df.items()}
        self.squared = {x: w ** 2 for x, w in self.weight.items()}
        self.norm = {a: math.sqrt(sum(map(self.squared.__getitem__, self.sets[a]))) or 1.0 for a in ids}
        # enough shared weight to match one anchor that at most half of the articles use
        self.needed = math.log((n + 1) / max(1, n // 2))

    def evidence_and_sim(self, a: str, b: str) -> tuple[float, float]:
        """The weight of the anchors two articles share, and their cosine by those weights."""
        shared = self.sets[a] & self.sets[b]
        return (sum(map(self.weight.__getitem__, shared)),
                sum(map(self.squared.__getitem__, shared)) / (self.norm[a] * self.norm[b]))

    def shared(self, group: Sequence[str], top: int = 6) -> list[str]:
        common = set.intersection(*(self.sets[a] for a in group)) if len(group) > 1 else set()
        return [x.lstrip("#") for x in sorted(common, key=lambda x: (-self.weight[x], x))[:top]]


def _lead_vectors(ids: Sequence[str], by_article: dict[str, list[Claim]], claims: Sequence[Claim],
                  vectors: Optional[np.ndarray]) -> Optional[dict]:
    """Each article's averaged claim vector (unit length): what it is about, for resemblance.
    (Averaging the lead's claims alone was tried: it parts the rising-toll reports of one event.)"""
    if vectors is None or len(vectors) != len(claims):
        return None
    index = {c.id: k for k, c in enumerate(claims)}
    centre = {}
    for a in ids:
        rows = [index[c.id] for c in by_article[a]]
        v = np.asarray(vectors[rows], dtype=np.float64).mean(axis=0) if rows else None
        centre[a] = v / np.linalg.norm(v) if v is not None and np.linalg.norm(v) else None
    return centre


class _Apart:
    """Evidence against one incident, for the pairs compared (and those checked at a merge)."""

    def __init__(self, ids: Sequence[str], profiles: dict[str, Profile]) -> None:
        self.pos = {a: k for k, a in enumerate(ids)}
        self.profiles = profiles
        self.tolls = ""  # which undated tolls keep apart now: "" none, "parties", "all" (see group)
        self.hard: dict[tuple[str, str], list[tuple[str, str]]] = {}  # pair -> [(kind, reason)]
        self.by_tolls: dict[tuple[str, str], tuple[str, bool]] = {}
        self.checked: set[tuple[str, str]] = set()

    def check(self, a: str, b: str) -> Optional[list[str]]:
        """The reasons that keep a pair apart at the current `tolls`; each pair is read once."""
        if (a, b) not in self.checked:
            self.checked.add((a, b))
            why = kinds_apart(self.profiles[a], self.profiles[b])
            if why:
                self.hard[(a, b)] = why
            else:
                toll = toll_reason(self.profiles[a], self.profiles[b])
                if toll is not None:
                    self.by_tolls[(a, b)] = toll
        return self.reasons((a, b))

    def reasons(self, pair: tuple[str, str]) -> Optional[list[str]]:
        """What keeps a checked pair apart at the current `tolls`, if anything."""
        kinds = self.kinds(pair)
        return [why for _, why in kinds] if kinds else None

    def kinds(self, pair: tuple[str, str]) -> list[tuple[str, str]]:
        """(kind, reason) of what keeps a checked pair apart at the current `tolls`."""
        hard = self.hard.get(pair)
        if hard:
            return hard
        toll = self.by_tolls.get(pair)
        if toll is not None and self.tolls and (self.tolls == "all" or toll[1]):
            return [(_toll_kind(toll[1]), toll[0])]
        return []

    @property
    def apart(self) -> dict[tuple[str, str], list[str]]:
        out = {p: [why for _, why in kinds] for p, kinds in self.hard.items()}
        if self.tolls:
            out.update({p: [why] for p, (why, party) in self.by_tolls.items() if self.tolls == "all" or party})
        return out

    def kept_apart(self, g: Sequence[str], h: Sequence[str]) -> bool:
        """Any pair across two groups kept apart (checked pair by pair, at most CROSS_CHECK_MAX)."""
        if len(g) * len(h) > CROSS_CHECK_MAX:
            return False
        for x in g:
            for y in h:
                p = (x, y) if self.pos[x] < self.pos[y] else (y, x)
                if self.check(*p):
                    return True
        return False


def _events(articles: Sequence[Article], by_article: dict[str, list[Claim]], groups: list[list[str]],
            profiles: dict[str, Profile], names: _AnchorWeights, rules: _Apart,
            editor: Optional[dict[tuple[str, ...], tuple[str, ...]]] = None) -> tuple[Event, ...]:
    """The incidents in order of their first article, with their evidence: the editor's word on
    the incident first (`editor`: members in order -> notes), then the grouping's reasons."""
    pos = rules.pos
    by_id = {a.id: a for a in articles}
    apart = rules.apart
    touching: dict[str, list[tuple[str, str]]] = defaultdict(list)  # article -> its pairs kept apart
    for pair in apart:
        touching[pair[0]].append(pair)
        touching[pair[1]].append(pair)
    events = []
    for k, g in enumerate(sorted(groups, key=lambda g: min(pos[a] for a in g))):
        g = sorted(g, key=pos.get)
        notes = (editor or {}).get(tuple(g), ())
        own = {p: apart[p] for a in g for p in touching.get(a, ())}  # each group reads its own pairs only
        found = evidence(g, profiles, names.shared(g), own)
        if notes:  # an article the editor set apart is bound to nothing: that is the editor's call
            found = tuple(x for x in found if x != NOTHING_BINDS)
        events.append(Event(id=f"e{k + 1}", articles=tuple(g),
                            label=_label([by_id[a] for a in g], [c for a in g for c in by_article[a]]),
                            evidence=(*notes, *found)))
    return tuple(events)


@dataclass
class EditedGroup:
    """A group of articles as the editor's decisions leave it, with what they did to it."""

    members: list[str]
    notes: list[str]


def _decided(d: IncidentDecision) -> str:
    """"by the editor on 2026-12-06 (Ann)": who and when, as far as known."""
    return "by the editor" + (f" on {d.at[:10]}" if d.at else "") + (f" ({d.by})" if d.by else "")


def apply_decisions(groups: Sequence[Sequence[str]], decisions: Sequence[IncidentDecision], pos: dict[str, int],
                    apart: Optional[dict[tuple[str, str], list[str]]] = None) -> list[EditedGroup]:
    """The groups after the editor's decisions, applied in the order they were taken (`at`), so a
    later decision about an article overrides an earlier one:
    - "move" takes `article` out of its incident into the incident of `other`;
    - "apart" makes `article` an incident of its own;
    - "join" makes the incidents of `article` and `other` one.
    Each group a decision touches gets a note in plain words, the latest first (with the reason the
    grouping had to keep two joined articles apart, from `apart`, when there was one). A decision naming an
    article not in this run is left out, with a log line. Groups come back ordered by their first
    article in `pos`, members in that order."""
    edited = [EditedGroup(list(g), []) for g in groups]
    home = {a: g for g in edited for a in g.members}
    for d in sorted(decisions, key=lambda d: d.at):  # stable: decisions of one instant keep their order
        named = (d.article,) if d.action == "apart" else (d.article, d.other)
        missing = [a for a in named if a not in home]
        if d.action not in ("move", "apart", "join") or missing:
            log.warning("editor's incident decision %s %s%s (%s) left out: %s", d.action, d.article,
                        f" with {d.other}" if d.other else "", _decided(d),
                        f"{', '.join(map(str, missing))} not among this run's articles" if missing else "unknown action")
            continue
        mine = home[d.article]
        if d.action == "apart":
            if len(mine.members) == 1:
                mine.notes.insert(0, f"kept on its own {_decided(d)}")
                continue
            mine.members.remove(d.article)
            mine.notes.insert(0, f"{d.article} taken out {_decided(d)}, to stand on its own")
            home[d.article] = EditedGroup([d.article], [f"kept on its own {_decided(d)}"])
            edited.append(home[d.article])
            continue
        theirs = home[d.other]
        if mine is theirs:
            what = f"and {d.other} kept together" if d.action == "join" else f"kept with {d.other}"
            mine.notes.insert(0, f"{d.article} {what} {_decided(d)}")
            continue
        if d.action == "join":
            why = _kept_apart_by(mine.members, theirs.members, apart or {})
            mine.notes.insert(0, f"joined {_decided(d)}: the incident of {d.article} and that of {d.other}"
                                 + (f" (the grouping kept them apart: {why})" if why else ""))
            mine.members.extend(theirs.members)
            mine.notes.extend(theirs.notes)
            for a in theirs.members:
                home[a] = mine
            edited.remove(theirs)
            continue
        # move
        why = _kept_apart_by([d.article], theirs.members, apart or {})
        mine.members.remove(d.article)
        if mine.members:
            mine.notes.insert(0, f"{d.article} moved out {_decided(d)}, to the incident of {d.other}")
        else:
            edited.remove(mine)
        theirs.notes.insert(0, f"{d.article} moved here {_decided(d)}, to be with {d.other}"
                               + (f" (the grouping kept them apart: {why})" if why else ""))
        theirs.members.append(d.article)
        home[d.article] = theirs
    for g in edited:
        g.members.sort(key=pos.get)
    return sorted((g for g in edited if g.members), key=lambda g: pos[g.members[0]])


def _kept_apart_by(g: Sequence[str], h: Sequence[str], apart: dict[tuple[str, str], list[str]]) -> Optional[str]:
    """The first reason the grouping had to keep a pair across two groups apart, if any."""
    for pair, why in apart.items():
        if (pair[0] in g and pair[1] in h) or (pair[0] in h and pair[1] in g):
            return why[0] if why else None
    return None


def evidence(group: Sequence[str], profiles: dict[str, Profile], shared: Sequence[str],
             apart: dict[tuple[str, str], list[str]]) -> tuple[str, ...]:
    """Why these articles are one incident and why others are not, deciding reasons first: when,
    where, who (what an editor can check in the leads), then the shared names, then each article
    kept apart with its first reason."""
    members = set(group)
    lines = []
    whens = [profiles[a].when for a in group if profiles[a].when is not None]
    if len(group) > 1 and whens:
        days = sorted({w.describe() for w in whens})
        lines.append("when: " + ", ".join(days[:3]) + (" (within %d days)" % SAME_EVENT_DAYS if len(days) > 1 else ""))
    countries = set.intersection(*(set(profiles[a].countries) for a in group if profiles[a].countries)) \
        if any(profiles[a].countries for a in group) else set()
    if len(group) > 1 and countries:
        named = sorted({p for a in group for p in profiles[a].places})[:4]
        lines.append("where: " + ", ".join(named))
    if shared:
        lines.append("shared: " + ", ".join(shared))
    across = sorted({p for p in apart if (p[0] in members) != (p[1] in members)},
                    key=lambda p: (p[0] in members, p))
    told: set[str] = set()
    for a, b in across:
        other = b if a in members else a
        if other not in told:  # one reason per article kept apart: the editor checks that one
            told.add(other)
            lines.append(f"apart from {other}: {apart[(a, b)][0]}")
    if not lines and len(group) == 1:
        lines.append(NOTHING_BINDS)
    return tuple(lines)


NOTHING_BINDS = "nothing binds it to the other articles"
SAME_SUBJECT = 0.75  # cosine of averaged claim vectors; sentence paraphrases start about there


def _merge(groups: list[list[str]], pairs: Iterable[tuple[str, str]], pos: dict[str, int], apart: dict,
           kept_apart, needed: float, pair_values=None, centres: Optional[dict] = None) -> list[list[str]]:
    """Average-linkage merging over the groups that candidate `pairs` link: closest groups first (by
    the mean `order` across them), while their mean `score` reaches `needed` and no pair across them
    is kept apart. `pair_values(a, b)` gives (score, order) of a candidate pair, pairs not compared
    counting 0; with `centres` both are the mean cosine of the articles' vectors, over all pairs.
    See `_Merging` for how."""
    merging = _Merging(groups, pos, needed, pair_values, centres)
    merging.link(pairs, apart)
    merging.run(kept_apart)
    return merging.result()


class _Merging:
    """The state of one average-linkage merge, a phase a method: the groups (`__init__`), the group
    pairs that candidate pairs link (`link`), the heap of mergeable pairs (`entry`), and merging the
    closest pair until none is left (`run`, `join`).

    A heap of group pairs replaces rescanning every pair of groups per merge; ties go to the groups
    whose first articles come first, as a scan in order would. An entry made before either group
    last changed is stale: when it comes out, the pair goes back in as it stands. That lets a merge
    skip the pairs it only makes weaker: with pair values, a neighbour of one group only has the
    same sums over more pairs, so its mean falls and its old entry comes out first. Only the other
    group's neighbours are updated (the group with fewer neighbours joins the other), so a merge
    costs the smaller side, not the whole neighbourhood of a group that keeps growing. (This needs
    orders to be positive wherever scores reach `needed`, as the shared anchors' weights and cosine
    are.)"""

    def __init__(self, groups: list[list[str]], pos: dict[str, int], needed: float, pair_values=None,
                 centres: Optional[dict] = None) -> None:
        self.needed, self.pair_values, self.centres = needed, pair_values, centres
        self.members: dict[int, list[str]] = {}
        self.first: dict[int, int] = {}
        self.version: dict[int, int] = defaultdict(int)  # merges a group has taken in
        self.gid_of: dict[str, int] = {}
        self.total: dict[int, Optional[np.ndarray]] = {}
        self.stats: dict[tuple[int, int], list] = {}  # group pair -> [sum of scores, sum of orders, kept apart]
        self.neighbours: dict[int, set[int]] = defaultdict(set)
        for gid, g in enumerate(groups):
            self.members[gid] = list(g)
            self.first[gid] = min(pos[a] for a in g)
            for a in g:
                self.gid_of[a] = gid
            if centres is not None:
                vs = [centres[a] for a in g if centres.get(a) is not None]
                self.total[gid] = np.sum(vs, axis=0) if vs else None

    @staticmethod
    def key(g: int, h: int) -> tuple[int, int]:
        return (g, h) if g < h else (h, g)

    def link(self, pairs: Iterable[tuple[str, str]], apart: dict) -> None:
        """Sum the candidate pairs' values into the pairs of groups they link."""
        for a, b in pairs:
            g, h = self.gid_of[a], self.gid_of[b]
            if g == h:
                continue
            st = self.stats.setdefault(self.key(g, h), [0.0, 0.0, False])
            self.neighbours[g].add(h)
            self.neighbours[h].add(g)
            st[2] = st[2] or (a, b) in apart
            if self.centres is None:
                s, o = self.pair_values(a, b)
                st[0] += s
                st[1] += o

    def entry(self, g: int, h: int) -> Optional[tuple]:
        """The heap entry of two groups as they stand; None when they may not merge."""
        st = self.stats[self.key(g, h)]
        if st[2]:
            return None
        count = len(self.members[g]) * len(self.members[h])
        if self.centres is not None:
            tg, th = self.total[g], self.total[h]
            s = o = float(tg @ th) / count if tg is not None and th is not None else 0.0
        else:
            s, o = st[0] / count, st[1] / count
        if s < self.needed:
            return None
        lo, hi = (g, h) if self.first[g] < self.first[h] else (h, g)
        return (-o, self.first[lo], self.first[hi], lo, hi, self.version[lo], self.version[hi])

    def run(self, kept_apart) -> None:
        """Merge the closest pair of groups while any may merge."""
        heap = [e for e in (self.entry(g, h) for g, h in self.stats) if e is not None]
        heapq.heapify(heap)
        while heap:
            _, _, _, g, h, made_g, made_h = heapq.heappop(heap)
            if g not in self.members or h not in self.members:
                continue
            if (made_g, made_h) != (self.version[g], self.version[h]):
                current = self.entry(g, h)
                if current is not None:
                    heapq.heappush(heap, current)
                continue
            if self.stats[self.key(g, h)][2]:
                continue
            if kept_apart(self.members[g], self.members[h]):
                self.stats[self.key(g, h)][2] = True
                continue
            for e in self.join(g, h):
                heapq.heappush(heap, e)

    def join(self, g: int, h: int) -> list[tuple]:
        """Merge two groups; the fresh heap entries of the pairs whose value may have risen."""
        members, stats, neighbours, key = self.members, self.stats, self.neighbours, self.key
        keep, gone = (g, h) if len(neighbours[g]) >= len(neighbours[h]) else (h, g)
        members[keep] = members[g] + members[h]
        del members[gone]
        self.first[keep] = min(self.first[g], self.first[h])
        self.version[keep] += 1
        if self.centres is not None:
            tg, th = self.total[g], self.total[h]
            self.total[keep] = tg if th is None else th if tg is None else tg + th
            del self.total[gone]
        del stats[key(g, h)]
        around_keep = neighbours[keep]
        around_keep.discard(gone)
        around_gone = neighbours.pop(gone) - {keep}
        for j in around_gone:
            moved, st = stats.pop(key(gone, j)), stats.get(key(keep, j))
            stats[key(keep, j)] = moved if st is None else [st[0] + moved[0], st[1] + moved[1], st[2] or moved[2]]
            around_j = neighbours[j]
            around_j.discard(gone)
            around_j.add(keep)
            around_keep.add(j)
        # pairs whose value may have risen get a fresh entry: with centres, every pair of the merged
        # group (its vector changed); with pair values, those that took in the other group's sums
        fresh = (self.entry(keep, j) for j in (around_keep if self.centres is not None else around_gone))
        return [e for e in fresh if e is not None]

    def result(self) -> list[list[str]]:
        return [self.members[g] for g in sorted(self.members, key=self.first.get)]


def _label(articles: Sequence[Article], claims: Sequence[Claim]) -> Optional[str]:
    titles = [a.title for a in articles if a.title]
    if titles:
        return titles[0]
    for c in claims:
        if any(q.category and q.category.startswith("killed") for q in c.quantities):
            return c.text if len(c.text) <= 100 else c.text[:97] + "..."
    return None
