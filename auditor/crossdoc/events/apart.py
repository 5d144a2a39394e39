"""The reasons two articles' profiles are of different incidents. Evidence against one incident
overrides resemblance: two reports of different events in one region share names and read alike,
and only what each lead says happened, when and to whom tells them apart. Each reason is a small
pure function of two profiles; `ApartRules` reads each pair once for the grouping."""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from auditor import vocab
from auditor.crossdoc.events.profiles import Profile
from auditor.model import Quantity
from auditor.read import places
from auditor.read.claims import same_entity
from auditor.read.names import AGENCY_ALIASES, normalize
from auditor.read.amounts import MONEY_CLASSES
from auditor.read.figure_context import ARMED_GROUPS
from auditor.read.intervals import gap_ratio
from auditor.read.when import days_apart

MAX_DAYS_APART = 30  # follow-ups of one incident rarely come a month later; new incidents do
MAX_RIVAL_RATIO = 2.0  # as in align: counts more than twice apart are not rival reports of one toll
SAME_ACT_DAYS = 1  # two reports dating the same act ("was arrested on ...") differ by a time zone at most
FAR_APART_KM = 100  # one incident's acts lie in one town and its outskirts; two towns this far apart are two scenes
SAME_EVENT_DAYS = 7  # reports of one event name days up to a week apart: the event, then its tolls and searches
ACT_SIZE_RATIO = 2.0  # one act's size, as outlets round it, differs by far less; a half and a quarter point by this
CROSS_CHECK_MAX = 2500  # at most this many article pairs are checked for contradicting figures per merge


def figures_contradict(fa: dict[str, list[Quantity]], fb: dict[str, list[Quantity]]) -> Optional[str]:
    """A category whose event-wide figures in two articles are all too far apart to be one toll."""
    for category in sorted(fa.keys() & fb.keys()):
        xs, ys = fa[category], fb[category]
        if xs and ys and all(gap_ratio(a, b) > MAX_RIVAL_RATIO for a in xs for b in ys):
            return f"{category}: {xs[0].text} vs {ys[0].text}"
    return None


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
    kind = _paid_for_in(x, a.sizes)
    if x.unit != y.unit or gap_ratio(x, y) < ACT_SIZE_RATIO or kind is None or kind != _paid_for_in(y, b.sizes):
        return None
    if any(gap_ratio(q, y) == 1.0 for q in a.sizes if q.unit == y.unit) or \
            any(gap_ratio(q, x) == 1.0 for q in b.sizes if q.unit == x.unit):
        return None
    return f"{a.article} sizes its act {x.text}, {b.article} {y.text}"


_PAID_FOR = frozenset(MONEY_CLASSES.values())


def _paid_for(q: Quantity) -> Optional[str]:
    """What a sum pays for, when the parse knows the kind ("$1.2 trillion package": bill, "$21 billion
    in disaster aid": aid, "ordered to pay $83.3 million": penalty), or "rate move" for a move in
    percentage points; else None. Two sums are taken for sizes of one act only when both kinds are
    known and agree: sums of unknown kinds, or for different things, may be two figures of one story
    (a package and its aid, a fine and the total owed), as held-out coverage showed."""
    if q.unit == "points":
        return "rate move"
    kind = (q.category or "").partition(":")[2]
    return kind if kind in _PAID_FOR else None


def _paid_for_in(first: Quantity, sizes: Sequence[Quantity]) -> Optional[str]:
    """What the headline's sum pays for: its own kind, else the kind its lead gives the same sum
    when it states it again ("awards accuser $5M", where the headline's parse fails, and "the
    verdict ... awards Carroll $5 million")."""
    return _paid_for(first) or next((_paid_for(q) for q in sizes if q.unit == first.unit and _paid_for(q)
                                     and gap_ratio(q, first) == 1.0), None)


_BODY_WORDS = frozenset(vocab.table("body_words")) | vocab.words("org_name_words")


def _is_body(name: str) -> bool:
    """A participant named as a body ("the Irish Data Protection Commission", "Bolsonaro's Liberal
    Party"): bodies act together in one incident (a regulator and the board above it fine a company;
    several parties win in one election), so another body in the role is no other incident. A news
    agency is no participant at all (a dateline's "(AP)" read as the subject)."""
    plain = normalize(name)
    return plain in AGENCY_ALIASES or plain in AGENCY_ALIASES.values() \
        or any(w in _BODY_WORDS for w in re.findall(r"[a-z]+", plain))


def _is_place(name: str) -> bool:
    """A place, or a people named for one ("Mexican" officials, "the Mexican" army): where a
    participant is from, not who it is."""
    return places.resolve(name) is not None or places.demonym_place(name) is not None


def _is_total(category: str) -> bool:
    """"killed:total", "missing:total", "killed:civilians", "total": a count of victims, which rises
    for days as bodies are found, not of one armed side (each side's count is its statement of an
    operation's result)."""
    return category.partition(":")[2] not in ARMED_GROUPS


def _same(a: str, b: str) -> bool:
    """One participant under two names: `same_entity`, or one name's words within the other's
    ("Castillo Cabrera", "Dorlian Ronial Castillo Cabrera"; a plural as one word: "the Liberals",
    "the Liberal Party")."""
    wa, wb = ({re.sub(r"(?<=[a-z]{3})s$", "", w) for w in x.lower().split()} for x in (a, b))
    return same_entity(a, b) or wa <= wb or wb <= wa


def _known(name: str, names: Iterable[str]) -> bool:
    return any(_same(name, n) for n in names)


Reason = tuple[str, str]  # (kind, plain reason): the kind names the mechanism, to measure each against gold


def reasons_apart(a: Profile, b: Profile, tolls: str = "") -> list[str]:
    """Plain reasons two reports are of different incidents (empty when nothing says so); see
    `kinds_apart`, which gives each with its kind."""
    return [why for _, why in kinds_apart(a, b, tolls)]


def kinds_apart(a: Profile, b: Profile, tolls: str = "") -> list[Reason]:
    """Each reason two reports are of different incidents, in this order: days of writing a month
    apart, event days clearly apart, the headline act sized apart, then (only when none of those)
    rival tolls of undated reports at `tolls` (see `tolls_apart`), then another key participant in
    the same role. Different figures are no reason otherwise: tolls rise, and outlets count
    differently. The kind lets each mechanism be measured against gold incidents (`Decision`)."""
    out = [why for why in (written_apart(a, b), dated_apart(a, b), act_sized_apart(a, b), lasted_apart(a, b),
                           acts_far_apart(a, b)) if why is not None]
    if tolls and not out:
        toll = tolls_apart(a, b, tolls)
        if toll is not None:
            out.append(toll)
    other = another_participant(a, b)
    if other is not None:
        out.append(other)
    return out


def written_apart(a: Profile, b: Profile) -> Optional[Reason]:
    """Days of writing more than MAX_DAYS_APART apart: follow-ups of one incident rarely come so late."""
    if a.written and b.written and abs((a.written - b.written).days) > MAX_DAYS_APART:
        return ("written far apart" + _how_written(a, b), f"written {a.written} and {b.written}")
    return None


def dated_apart(a: Profile, b: Profile) -> Optional[Reason]:
    """Event days clearly apart: more than SAME_ACT_DAYS for one act, else more than SAME_EVENT_DAYS
    when both days are fixed by a week of writing, else MAX_DAYS_APART when fixed as an act's time.
    A lead also names days of the story's background ("his role in January 6"); a report tells its
    event's day from its background's by its day of writing (the event lies in the week before),
    else by writing the day as the time of an act ("struck on New Year's Day"). An act's day in an
    undated report may still be an earlier phase of the same story (the storm before the flood, the
    first arrest before the charge), so it keeps reports apart only when they are as far apart as
    writing days must be. A day written as one of the week of writing ("marched this Wednesday,
    March 15") places an undated report's writing as a day of writing does."""
    if a.when is None or b.when is None or dates_another_act(a, b):
        return None
    gap = days_apart(a.when, b.when)
    same_act = a.act is not None and a.act == b.act
    both_fixed = all(x.written is not None or x.on_day or x.this_week for x in (a, b))
    both_written = all(x.written is not None or x.this_week for x in (a, b))
    enough = SAME_EVENT_DAYS if both_written else MAX_DAYS_APART
    if gap is not None and (gap > SAME_ACT_DAYS if same_act else both_fixed and gap > enough):
        kind = ("same act dated apart" if same_act else "event days apart") + _how_dated(a, b)
        return (kind, f"{a.article} dates it {a.when.describe()} (\u201c{a.when.text}\u201d), "
                      f"{b.article} {b.when.describe()} (\u201c{b.when.text}\u201d)")
    return None


def dates_another_act(a: Profile, b: Profile) -> bool:
    """An undated report whose lead tells the other report's act but dates another one: its day is of
    another act of the same story ("has been banned ... was tested on 20 August" / "banned on Thursday
    (February 29)"), not a rival day of the same act (a dated report's lead keeps to its week)."""
    if not a.act or not b.act or a.act == b.act:
        return False
    return any(x.written is None and y.act in x.acts for x, y in ((a, b), (b, a)))


def days_disagree(a: Profile, b: Profile) -> Optional[str]:
    """Two reports that each fix their event's day (a day of writing, a day of this week, or the time
    of an act: "struck on Sunday") on days more than SAME_ACT_DAYS apart (SAME_EVENT_DAYS when both
    have a day of writing). No reason on its own to
    keep them apart (a toll rises "on Monday" after a quake "on Sunday"), but no report of one story
    either: names shared with the corpus alone then join nothing (see `incidents.grouping`)."""
    if a.when is None or b.when is None or dates_another_act(a, b):
        return None
    if not all(x.written is not None or x.on_day or x.this_week for x in (a, b)):
        return None
    gap = days_apart(a.when, b.when)
    # days that both reports' days of writing fix may lie a week apart for one event (a flood reported
    # as it spreads, a blast's toll and funerals); weekdays of undated reports only as far as one act's
    # (two flights of one airline "on Sunday" and "on Friday")
    both_written = a.written is not None and b.written is not None
    if gap is None or gap <= (SAME_EVENT_DAYS if both_written else SAME_ACT_DAYS):
        return None
    return f"{a.article} dates it {a.when.describe()}, {b.article} {b.when.describe()}"


def _named_town(name: str, place: Optional[places.Place], countries: frozenset[str]) -> bool:
    """`place` is a town that `name` names by its own name (not an old or foreign one: "Philadelphia"
    is no Turkish town here), in a country the lead names (a town's name alone is a weak guess)."""
    return place is not None and place.kind == "town" and place.country in countries \
        and places.folded(place.name).startswith(places.folded(name))


def _towns(names: Sequence[str], countries: frozenset[str]) -> list[places.Place]:
    """The towns among `names` (see `_named_town`)."""
    found = ((n, places.resolve(n, context=countries)) for n in names)
    return [p for n, p in found if _named_town(n, p, countries)]


def _act_town(p: Profile) -> Optional[places.Place]:
    """The town the lead's first act is set in: the first town its acts name, unless a region named
    before it does not hold it (a quake "in Turkey" whose lead then names London is set in Turkey)."""
    regions: list[places.Place] = []
    for name in p.act_places:
        place = places.resolve(name, context=p.countries)
        if place is not None and place.kind != "town":
            regions.append(place)
        elif place is not None:
            ok = _named_town(name, place, p.countries) and all(places.within(place, r) for r in regions)
            return place if ok else None
    return None


def acts_far_apart(a: Profile, b: Profile) -> Optional[Reason]:
    """The leads set their first acts in two towns of one country far apart (FAR_APART_KM), and
    neither lead names the other's town: two scenes ("a dance studio in Monterey Park" / "two farms
    in Half Moon Bay"). A lead that names the other town as well ("two days after another mass
    shooting in Monterey Park") may report both; a report's place of writing or of its sources is no
    scene; towns in two countries are a story's several settings more often than two incidents."""
    ta, tb = _act_town(a), _act_town(b)
    if ta is None or tb is None or ta.country != tb.country:
        return None
    if any(t == tb for t in _towns(a.places, a.countries)) or any(t == ta for t in _towns(b.places, b.countries)):
        return None
    km = places.distance_km(ta, tb)
    if km is None or km <= FAR_APART_KM:
        return None
    return ("acts in towns far apart", f"{a.article} sets it in {ta.name}, {b.article} in {tb.name}, {km:.0f} km apart")


def act_sized_apart(a: Profile, b: Profile) -> Optional[Reason]:
    """`sized_apart`, with its kind."""
    sized = sized_apart(a, b)
    return ("the act sized apart", sized) if sized is not None else None


def lasted_apart(a: Profile, b: Profile) -> Optional[Reason]:
    """The headline acts of two reports last different lengths ("a three-day strike" / "a four-day
    walkout"): one act has one length, so these are two acts of one kind. Neither lead may state the
    other's length (a lead that recalls "a three-day stoppage last month" knows both)."""
    if not a.lasts or not b.lasts:
        return None
    x, y = a.lasts[0], b.lasts[0]
    if x.high is None or y.high is None or not (x.high < y.low or y.high < x.low):
        return None
    if any(q.low <= y.low and y.high <= q.high for q in a.lasts) or any(q.low <= x.low and x.high <= q.high for q in b.lasts):
        return None
    told = lambda q: " ".join(filter(None, (q.text, q.counted)))  # noqa: E731
    return ("the act lasted apart", f"{a.article} tells of {told(x)}, {b.article} of {told(y)}")


def tolls_apart(a: Profile, b: Profile, tolls: str) -> Optional[Reason]:
    """Rival tolls of two undated reports (`toll_reason`), when they count at `tolls`: "parties",
    counts of one party (militants killed, security personnel killed) only; "all", any event-wide
    count (see `grouping`)."""
    toll = toll_reason(a, b)
    if toll is not None and (tolls == "all" or toll[1]):
        return (_toll_kind(toll[1]), toll[0])
    return None


def another_participant(a: Profile, b: Profile) -> Optional[Reason]:
    """Another key participant in the same role of the same act (the person who died, who was
    hired), named by neither lead as the other's. Places are no participants (`participants`); the
    gazetteer is asked last, only of a rival, since it loads the towns. Places are no reason on
    their own either: a lead names the countries of participants, flags and reactions ("a
    Singapore-flagged ship", "China condemned") as well as where the event happened, and the place
    parse is too loose to tell them apart (measured: dev incident pairs fell)."""
    for role, x in a.roles:
        rivals = [y for r, y in b.roles if r == role]
        if not rivals or _known(x, b.names) or any(_same(x, y) and not _is_place(y) for y in rivals) or _is_body(x):
            continue
        others = [y for y in rivals if not _same(x, y)]
        if any(_known(y, a.names) and not _is_place(y) for y in others) or _is_place(x):
            continue
        others = [y for y in others if not _is_place(y) and not _is_body(y)]
        if others:
            verb, part = role.split(":")
            return ("another participant in the role",
                    f"{verb} ({part}): {x} in {a.article}, {others[0]} in {b.article}")
    return None


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


class ApartRules:
    """Evidence against one incident, for the pairs compared (and those checked at a merge)."""

    def __init__(self, ids: Sequence[str], profiles: dict[str, Profile]) -> None:
        self.pos = {a: k for k, a in enumerate(ids)}
        self.profiles = profiles
        self.tolls = ""  # which undated tolls keep apart now: "" none, "parties", "all" (see group)
        self.hard: dict[tuple[str, str], list[tuple[str, str]]] = {}  # pair -> [(kind, reason)]
        self.by_tolls: dict[tuple[str, str], tuple[str, bool]] = {}
        self.checked: set[tuple[str, str]] = set()
        self.unlike_days: dict[tuple[str, str], str] = {}  # pairs whose days kept their groups from joining

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

    def kept_or_dated_apart(self, g: Sequence[str], h: Sequence[str]) -> bool:
        """Any pair across two groups kept apart, or whose reports fix their days apart (`days_disagree`;
        checked pair by pair, at most CROSS_CHECK_MAX): such groups do not join on the story's names.
        The first pair dated apart is kept in `unlike_days`, so that the incident's evidence says why."""
        if self.kept_apart(g, h):
            return True
        if len(g) * len(h) > CROSS_CHECK_MAX:
            return False
        for x in g:
            for y in h:
                p = (x, y) if self.pos[x] < self.pos[y] else (y, x)
                why = days_disagree(self.profiles[p[0]], self.profiles[p[1]])
                if why is not None:
                    self.unlike_days[p] = why
                    return True
        return False

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
