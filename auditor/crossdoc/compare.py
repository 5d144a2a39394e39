"""Verdicts and findings: what an editor should know about each fact that several articles state.

A cluster diverges only when its articles cannot all be right: the same measure (what is counted,
in the same unit: a toll, a magnitude, a distance from one place with its direction, a sum) of the
same population, place and time window, neither figure a part of a breakdown of the other, whose
intervals do not meet (14 vs 17 security personnel; magnitude 7.2 vs 7.4; 25 km south-east vs
18 km south of one city), or a statement beside its denial. An article that gives one quantity two
ways ("the gain of 330,000 jobs" / "employers added 303,000 jobs") contradicts itself. Each such
finding says in one sentence who says what, credited to whom and published when.

Everything else that differs is a note: compatible figures that still differ ("more than 70" /
"at least 74"), figures for different windows (on Saturday / over 48 hours / in total), a running
count reported at different moments ("rises to 4" ... "rises to 7": an update, with both dates; two
reports' different totals of an incident's dead or injured, unless both are published on one day),
one note listing every reading of a figure read several ways, in place of a note per pair,
forecasts, the same quote worded differently, the same fact credited to different sources, and a
framing choice for the same people or act ("terrorists" / "militants"; "martyred" / "killed";
"riot" / "protest"; not mere variation such as "deaths" / "killing"). A fact only one article
states is single-source, and a claim credited to nobody is noted as such. Findings are ordered by
what an editor must check first: conflicts, then updates, then compatible differences.
"""
from __future__ import annotations

import difflib
from bisect import bisect_left
import logging
import math
import re
from dataclasses import replace
from itertools import combinations
from typing import Callable, Iterable, Iterator, Optional, Sequence

from rapidfuzz.distance import DamerauLevenshtein

from auditor import vocab
from auditor.crossdoc.align import (bare_measure_of, cluster_id, counter, figures_compatible, one_act, predicate_class,
                                    rival_counters)
from auditor.read import figure_context, measures
from auditor.read.ages import Age, ages_in
from auditor.read import records
from auditor.read.when import mentions, parse_day
from auditor.read.claims import overlap, same_entity, without_accents
from auditor.read.names import skeleton
from auditor.read.intervals import describe, is_clock_time, on_one_clock, overlaps, same_clock, slip_between
from auditor.read.quantities import is_estimate, one_per_event, running_tally, side_unread, written_half_step
from auditor.read.windows import named_days_differ, same_scope, same_window, window_kind
from auditor.model import Article, Claim, Cluster, Finding, Quantity, Quote, Span

log = logging.getLogger(__name__)

# Words outlets choose for the same people and acts: each family is one referent, and the choice of
# framing within it is worth a note ("terrorists" vs "militants"; "martyred" vs "killed").
FRAMING: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in vocab.rows("framing_terms")}
TERM_FAMILIES: dict[str, tuple[str, ...]] = {}
for _word, (_family, _) in FRAMING.items():
    TERM_FAMILIES[_family] = TERM_FAMILIES.get(_family, ()) + (_word,)
_CREDIT = re.compile(r"\b(said|says|say|told|tells|according to|reported|reports|stated|states|announced|confirmed|"
                     r"claimed|cited|wrote|added|quoted|posted|tweeted|statement|spokesperson|spokesman|officials?)\b",
                     re.I)


def compare(clusters: Sequence[Cluster], claims: Sequence[Claim], articles: Sequence[Article] = (),
            quotes: Sequence[Quote] = ()) -> tuple[Cluster, ...]:
    """The clusters with their verdicts and findings."""
    by_id = {c.id: c for c in claims}
    published = {a.id: a.published for a in articles}
    outlet = {a.id: (a.outlet or a.id) for a in articles}
    quote_index = QuoteIndex(quotes)
    out = []
    told: set[tuple[str, str]] = set()  # findings already told in an earlier cluster
    for cluster in clusters:
        members = [by_id[i] for i in cluster.claims if i in by_id]
        findings: list[Finding] = []
        rivals = [f for f in rival_counts_in_one_claim(members, cluster.category, published)
                  if (f.kind, f.summary) not in told]
        told.update((f.kind, f.summary) for f in rivals)
        if len({c.article for c in members}) < 2:
            findings.extend(rivals + single_source_findings(members))
            verdict = "diverge" if rivals else "single-source"
            out.append(replace(cluster, verdict=verdict, findings=tuple(findings)))
            continue
        findings.extend(rivals)
        if cluster.category:
            findings.extend(figure_findings(members, cluster.category, published))
        else:
            findings.extend(denial_findings(members))
        findings.extend(record_findings(members, published))
        findings.extend(attribution_findings(members))
        findings.extend(terminology_findings(members, outlet))
        findings.extend(quote_findings(members, quote_index))
        findings.extend(unattributed_findings(members))
        # a claim with two figures of one kind stands in two clusters, which then read the same pair:
        # it is told once, in the first
        findings = [f for f in findings if (f.kind, f.summary) not in told]
        told.update((f.kind, f.summary) for f in findings)
        verdict = "diverge" if any(f.severity == "diverge" for f in findings) else "agree"
        out.append(replace(cluster, verdict=verdict, findings=tuple(findings)))
    compared = [by_id[i] for i in dict.fromkeys(i for c in clusters for i in c.claims) if i in by_id]
    repeated, corrections = correction_findings(compared, published)
    out = _with_findings(_with_findings(_with_findings(out, disowned_findings(claims)), corrections),
                         weekday_findings(compared), keep_verdict=True) \
        + _own_clusters(out, spelling_findings(compared) + age_findings(compared, clusters, published)
                        + repeated + breakdown_findings(compared, published), compared)
    log.info("compared %d clusters: %d diverge", len(out), sum(c.verdict == "diverge" for c in out))
    return tuple(out)


def _span(c: Claim, start: Optional[int] = None, end: Optional[int] = None, text: Optional[str] = None) -> Span:
    if start is None:
        return Span(article=c.article, start=c.start, end=c.end, text=c.text)
    return Span(article=c.article, start=start, end=end, text=text or "")


def _source(c: Claim) -> str:
    return c.attribution or f"article:{c.article}"


# --------------------------------------------------------------------------- figures


def figure_findings(members: Sequence[Claim], category: str,
                    published: Optional[dict] = None) -> list[Finding]:
    """Conflicts, compatible differences, updates and window differences between the figures.

    Figures are first grouped into readings (the same interval for the same window: "14" in five
    articles is one reading), and findings are made between readings, each naming every article
    on both sides: 25 articles saying 14 and 25 saying 17 are one conflict, not 625. Two readings
    conflict only when they measure the same thing in the same units for the same time, neither is
    a part of a breakdown, their values cannot both hold (or, for a distance, their directions),
    and no running count ("rises to") or later publication explains the difference (an update).
    Two figures of one article conflict too when they are different statements of one quantity
    ("the gain of 330,000 jobs" / "employers added 303,000 jobs")."""
    published = published or {}
    readings: dict[tuple, list[tuple[Claim, Quantity]]] = {}
    for c in members:
        for q in c.quantities:
            if q.category == category or bare_measure_of(q.category, category):  # "its rate" / "its interest rate"
                readings.setdefault(_reading(q), []).append((c, q))
    out: list[Finding] = []
    conflicts: list[tuple[tuple, Finding]] = []
    for ka, kb in combinations(readings, 2):
        side_a, side_b = readings[ka], readings[kb]
        qa, qb = side_a[0][1], side_b[0][1]
        if is_clock_time(qa) and is_clock_time(qb) and same_clock(qa, qb):
            qa, qb = on_one_clock(qa, qb)  # "6:45 pm on Friday" and "18:15" are hours of one day
        if qa.unit != qb.unit:
            continue  # "0.2 percentage points" is a change, "62.7%" a level
        if category == "date:event" and not one_act(qa.counted, qb.counted):
            continue  # the days of two acts ("collapsed early Tuesday" / "resumed Wednesday")
        places = ([qa.place] if qa.place else [], [qb.place] if qb.place else [])
        rivals_only = not figures_compatible(qa, qb, *places) and figures_compatible(
            qa, qb, *places, (counter(qa, side_a[0][0]), counter(qb, side_b[0][0])))
        if not figures_compatible(qa, qb, *places) and not rivals_only:
            continue  # a claim's other figure of the kind ("nine dead ... 143 trapped"): not the one linked
        pairs = [(x, y) for x in dict.fromkeys(c.article for c, _ in side_a)
                 for y in dict.fromkeys(c.article for c, _ in side_b) if x != y]
        if rivals_only and named_days_differ(qa.window, qb.window):
            pairs = []  # two counters' crowds of days named apart: only one article's own pair is rivals
        both = dict.fromkeys(c.article for c, _ in side_a if any(d.article == c.article for d, _ in side_b))
        restated = [x for x in both if _restated_in_one_article([m for m in side_a if m[0].article == x],
                                                                [m for m in side_b if m[0].article == x])]
        pairs += [(x, x) for x in restated]
        told_apart = [x for x in both if x not in restated and _tells_apart([m for m in side_a if m[0].article == x],
                                                                            [m for m in side_b if m[0].article == x])]
        if not pairs:
            continue  # one article's own figures, in one statement (a breakdown, a change)
        identical = qa.low == qb.low and qa.high == qb.high and qa.low_inclusive == qb.low_inclusive \
            and qa.high_inclusive == qb.high_inclusive and qa.second == qb.second
        direction_differs = measures.bearings_differ(qa.counted, qb.counted)
        # (a running tally's figures of two days may look mistyped by chance: "12" then "112" dead)
        kinds = {window_kind(qa.window), window_kind(qb.window)}
        slipped = slip_between(qa, qb) is not None and not named_days_differ(qa.window, qb.window) \
            and not (running_tally(category) and any(x != y and not _same_day(published, x, y) for x, y in pairs)) \
            and not (len(kinds) == 2 and kinds & {"latest", "part"})  # "14 bodies" recovered of "148" dead: a part
        fixed = category.startswith("distance:")  # how far one place lies from another has no moment
        if not same_scope(qa, qb) and not slipped and not fixed:
            if not identical and "part" not in kinds:
                # (a part of a breakdown beside another figure is no difference of time: nothing to note)
                out.append(_figure_finding("window-difference", "note", side_a, side_b, pairs,
                                           lambda a, b: f"{category}: {qa.text} ({qa.window or 'the event'}, {a}) and "
                                                        f"{qb.text} ({qb.window or 'the event'}, {b}) cover different "
                                                        f"time windows ({window_kind(qa.window)} vs {window_kind(qb.window)})"))
            continue
        if identical and not direction_differs:
            continue
        what = qa.counted or qb.counted or category
        if _tie_and_casting_vote(qa, qb):
            out.append(_figure_finding("figure-difference", "note", side_a, side_b, pairs,
                                       lambda a, b: f"{category}: {qa.text} ({a}) and {qb.text} ({b}) are one vote, "
                                                    f"before and after a casting vote broke the tie"))
            continue
        if (overlaps(_rounded(qa), _rounded(qb)) or _truncated(qa, qb) or _truncated(qb, qa)) and not direction_differs:
            if _refines(qa, qb) or _refines(qb, qa):
                continue  # "five" within "at least five": one is more precise, nothing to check
            out.append(_figure_finding("figure-difference", "note", side_a, side_b, pairs,
                                       lambda a, b: f"{category}: {qa.text} {what} ({describe(qa)}, {a}) and {qb.text} "
                                                    f"({describe(qb)}, {b}) differ but are compatible"))
            continue
        if told_apart:
            # an article gives both figures, each as its own ("costing some $400 billion" / "to
            # cancel $430 billion of principal"; the 366-58 and the 360-58 vote): two quantities
            # that article tells apart, which other articles giving one each do not contradict
            continue
        running = "cumulative" in (window_kind(qa.window), window_kind(qb.window))
        tally = running_tally(category) and not _closed_year(qa, qb, pairs, published)
        # (a figure that is the other mistyped is no count of another moment, whenever published)
        updated = [] if slipped else [
            (x, y) for x, y in pairs if running or (tally and x != y and not _same_day(published, x, y))
            or (published.get(x) and published.get(y) and published[x] != published[y]
                and qa.unit is None and qb.unit is None)]
        conflicting = [p for p in pairs if p not in set(updated)]
        if updated:
            dates = lambda ids: ", ".join(dict.fromkeys(str(published.get(i) or "undated") for i in ids))  # noqa: E731
            dated = any(published.get(x) or published.get(y) for x, y in updated)
            out.append(_figure_finding("figure-update", "note", side_a, side_b, updated,
                                       lambda a, b: f"{category}: {qa.text} ({a}, published {dates(x for x, _ in updated)}) "
                                                    f"vs {qb.text} ({b}, published {dates(y for _, y in updated)}): "
                                                    f"a count reported at different times; counts are revised as they come in"
                                       if dated or running else
                                       f"{category}: {qa.text} ({a}) vs {qb.text} ({b}): a running tally, and neither "
                                       f"report says when it was counted; one may be a later count or a correction: "
                                       f"check which is later"))
        values = frozenset((describe(qa) + (qa.counted or "" if direction_differs else ""),
                            describe(qb) + (qb.counted or "" if direction_differs else "")))
        if conflicting and side_unread(category):
            # two such figures are as likely two parties' as one party's told two ways: set side by
            # side, never against each other
            out.append(_figure_finding("figure-difference", "note", side_a, side_b, conflicting,
                                       lambda a, b: f"{category}: {qa.text} ({a}) and {qb.text} ({b}) differ, but "
                                                    f"whose they are is not read: they may be two sides' figures"))
            continue
        for group in ([p for p in conflicting if p[0] != p[1]], *([p] for p in conflicting if p[0] == p[1])):
            if not group:
                continue  # across articles, then each article at odds with itself on its own
            finding = _figure_finding("figure-conflict", "diverge", side_a, side_b, group,
                                      lambda a, b: _conflict_sentence(category, qa, qb, side_a, side_b, a, b,
                                                                      published, direction_differs))
            conflicts.append(((values, group[0] if group[0][0] == group[0][1] else None), (qa, qb), finding))
    if len(out) >= 2:
        out = [_readings_note(category, readings, out)]
    return sorted(out + _merge_same_values(conflicts), key=_finding_rank)


def rival_counts_in_one_claim(members: Sequence[Claim], linked_category: Optional[str],
                              published: Optional[dict] = None) -> list[Finding]:
    """One statement that gives two counters' estimates of one crowd ("245,000 in Marseille according
    to the unions (30,000 according to the police)"): the two cannot both be right, whatever the
    statement is linked to. Figures of the cluster's own kind are compared with the rest of the
    cluster in `figure_findings`."""
    out: list[Finding] = []
    for claim in members:
        credited = {q.category for q in claim.quantities
                    if q.credited and q.category != linked_category and is_estimate(q.category)}
        for category in sorted(credited):
            out.extend(f for f in figure_findings([claim], category, published) if f.severity == "diverge")
    return out


def _readings_note(category: str, readings: dict[tuple, list[tuple[Claim, Quantity]]], notes: list[Finding]) -> Finding:
    """One note for a figure read several ways, in place of a note per pair: five readings of a
    rising toll make ten pairs, each saying only "different windows" or "compatible"; an editor
    wants the readings side by side, lowest first, each with its articles and windows."""
    values: dict[str, list[tuple[Claim, Quantity]]] = {}
    for members in readings.values():
        values.setdefault(describe(members[0][1]), []).extend(members)
    ordered = sorted(values.values(), key=lambda m: _centre(m[0][1]))

    def line(members: list[tuple[Claim, Quantity]]) -> str:
        by_article: dict[str, list[str]] = {}
        for c, q in members:
            by_article.setdefault(c.article, [])
            if q.window and q.window not in by_article[c.article]:
                by_article[c.article].append(q.window)
        where = "; ".join(f"{a}{', ' + ', '.join(w) if w else ''}" for a, w in sorted(by_article.items()))
        return f"{members[0][1].text} ({where})"
    kinds = {"window-difference": "in time window", "figure-update": "reported at different times",
             "figure-difference": "compatible bounds"}
    counts = [f"{n} {kinds[k]}" for k in kinds if (n := sum(f.kind == k for f in notes))]
    counted = [q.counted for m in ordered for _, q in m if q.counted]
    what = max(dict.fromkeys(counted), key=counted.count) if counted else None
    evidence = tuple(dict.fromkeys([_span(c, q.start, q.end, q.text) for m in ordered for c, q in m]
                                   + [_span(c) for m in ordered for c, _ in m]))
    return Finding(kind="figure-readings", severity="note", evidence=evidence,
                   sources=tuple(dict.fromkeys(_source(c) for m in ordered for c, _ in m)),
                   summary=f"{category}{f' ({what})' if what else ''}: {len(ordered)} figures, lowest first: "
                           + " · ".join(line(m) for m in ordered)
                           + f"; pairs that differ without contradicting each other: {', '.join(counts)}")


def _truncated(coarse: Quantity, fine: Quantity) -> bool:
    """The coarse figure is the finer one cut to its own step, as headlines cut sums: "$354 million"
    for $354.8 million, "$148M" for $148.7 million. Only against a figure written more finely: two
    figures of one step ("1.27 million" / "1.28 million") are two readings."""
    if coarse.unit is None or coarse.value is None or fine.value is None or coarse.low is None or coarse.high is None \
            or is_clock_time(coarse):
        return False  # (a time of day is read to the minute it gives, its hedges already as bounds)
    step = coarse.high - coarse.low
    if step <= 0 or fine.low is None or fine.high is None or fine.high - fine.low >= step:
        return False
    cut = math.trunc(fine.value / step + math.copysign(1e-9, fine.value)) * step  # toward zero, as headlines cut
    return math.isclose(cut, coarse.value, rel_tol=1e-9)


def _tie_and_casting_vote(qa: Quantity, qb: Quantity) -> bool:
    """Two tallies of one vote, one a tie and the other that tie with one vote more on a side: the
    casting vote that broke it ("a 50-50 vote" / "confirmed 51-50" with the vice-president's vote)."""
    if qa.second is None or qb.second is None or None in (qa.value, qb.value):
        return False
    for tie, broken in ((qa, qb), (qb, qa)):
        if tie.value == tie.second and sorted((broken.value, broken.second)) == [tie.value, tie.value + 1]:
            return True
    return False


_NAMED_YEAR = re.compile(r"\b(?:18|19|20|21)\d\d\b")


def _closed_year(qa: Quantity, qb: Quantity, pairs: Sequence[tuple[str, str]], published: dict) -> bool:
    """Both figures are of one past year's event ("the 2000 East Coast wildfire that burned 23,794
    hectares" / "The worst wildfire occurred in April 2000, burning 23,913 hectares"): a count long
    closed, not a tally still rising, unless a report is of that very year."""
    years = [set(_NAMED_YEAR.findall(q.window or "")) for q in (qa, qb)]
    if len(years[0]) != 1 or years[0] != years[1] or "cumulative" in (window_kind(qa.window), window_kind(qb.window)) \
            or any(re.search(r"\b(since|from)\b", (q.window or "").lower()) for q in (qa, qb)):
        return False
    year = next(iter(years[0]))
    return all(str(published.get(x) or "")[:4] != year for pair in pairs for x in pair)


def _same_day(published: dict, x: str, y: str) -> bool:
    """Both articles carry a publication date, and it is one day."""
    return bool(published.get(x)) and published.get(x) == published.get(y)


def _rounded(q: Quantity) -> Quantity:
    """A measure stated with a unit as the interval its written digits round from: "300 metres" is
    299.5 to 300.5 metres, "985 feet" 984.5 to 985.5 feet, so a conversion in other units ("300
    meters (985 feet)") meets its original. Counts are exact and stay as read, but for round thousands;
    so are times of day, but for a midnight."""
    if is_clock_time(q) and q.low is not None and q.low == q.high:
        # copy pins a midnight to its day as "12:01 a.m." or "11:59 p.m.": a time within a minute of
        # midnight is that midnight, give or take the minute
        midnight = round(q.low / 24) * 24
        if abs(q.low - midnight) <= 1 / 60 + 1e-9:
            return replace(q, low=midnight - 1 / 60, high=midnight + 1 / 60, value=None)
    if q.unit is None and q.value is not None and q.low == q.high and q.value >= 1000 and q.value % 1000 == 0:
        # a count in round thousands is rounded to the thousand: "35,000 job cuts" meets "over 35,000 jobs"
        return replace(q, low=q.value - 500, high=q.value + 500, low_inclusive=True, high_inclusive=False)
    if q.unit is None or q.value is None or q.low != q.high or not q.value or is_clock_time(q):
        return q  # a time of day is read to the minute it gives, its hedges already as bounds
    half = written_half_step(q)  # in the unit the figure was converted to
    if half is None:
        return q
    return replace(q, low=q.value - half, high=q.value + half, low_inclusive=True, high_inclusive=False)


def _centre(q: Quantity) -> float:
    """Where a figure sits on its scale: its value, the middle of a closed interval, else its bound."""
    if q.value is not None:
        return q.value
    if q.vague and q.low is not None:
        return q.low  # "thousands": at least two thousand, not half a million
    if q.low is not None and q.high is not None and q.high != float("inf"):
        return (q.low + q.high) / 2
    return q.low if q.low is not None else (q.high if q.high is not None else float("inf"))


def _merge_same_values(conflicts: list[tuple[tuple, tuple[Quantity, Quantity], Finding]]) -> list[Finding]:
    """One conflict per disagreement: "7.2" at 7:58 a.m. and "7.2" without a time, each against
    "7.4", are one disagreement for an editor, with the evidence of both; so are "100,000" and
    "about 100,000", each against "at least 120,000" (one side's readings agree with each other).
    An article at odds with itself stays a finding of its own."""
    merged: list[tuple[tuple, list[tuple[Quantity, Quantity]], Finding]] = []
    for key, figures, f in conflicts:
        target = next((k for k, (other, seen, _) in enumerate(merged)
                       if other == key or other[1] is None and key[1] is None
                       and any(_one_disagreement(s, figures) for s in seen)), None)
        if target is None:
            merged.append((key, [figures], f))
            continue
        other, seen, g = merged[target]
        summary = g.summary
        if other != key:  # the same number hedged otherwise: say which articles give it so
            new = sorted({e.article for e in f.evidence} - {e.article for e in g.evidence})
            hedged = next((_one_disagreement(s, figures) for s in seen if _one_disagreement(s, figures)), None)
            summary += f" ({_articles(new)} {_say(_articles(new))} {hedged.text})" if new and hedged else ""
        merged[target] = (other, seen + [figures], replace(g, evidence=tuple(dict.fromkeys(g.evidence + f.evidence)),
                                                           sources=tuple(dict.fromkeys(g.sources + f.sources)),
                                                           summary=summary))
    return [f for _, _, f in merged]


def _one_disagreement(x: tuple[Quantity, Quantity], y: tuple[Quantity, Quantity]) -> Optional[Quantity]:
    """Two conflicts are one when they share a reading and their other readings state one number,
    hedged or not ("100,000" and "about 100,000", each against "at least 120,000"): then y's other
    reading, else None. A bound is a different statement ("six" and "at least six" against "five"
    are two pairs of sources to check)."""
    for a, b in ((x[0], x[1]), (x[1], x[0])):
        for c, d in ((y[0], y[1]), (y[1], y[0])):
            if describe(a) == describe(c) and _same_number(b, d):
                return d
    return None


def _same_number(a: Quantity, b: Quantity) -> bool:
    """Two readings of one stated number: both bounded, centred on the same value ("about 100,000" /
    "100,000"; "around 700,000" / "700,000")."""
    if None in (a.low, a.high, b.low, b.high) or a.second is not None or b.second is not None:
        return False
    ma, mb = (a.low + a.high) / 2, (b.low + b.high) / 2
    return abs(ma - mb) <= 1e-9 * max(abs(ma), abs(mb), 1.0)


def _refines(exact: Quantity, bound: Quantity) -> bool:
    """An exact figure that lies within the other's stated bounds ("five" / "at least five")."""
    return exact.low is not None and exact.low == exact.high and not exact.approximate \
        and (bound.low != bound.high or bound.approximate) and overlaps(exact, bound)


def _tells_apart(side_a: list[tuple[Claim, Quantity]], side_b: list[tuple[Claim, Quantity]]) -> bool:
    """One article's two figures are two quantities it tells apart, not one quantity reported two
    ways: it credits them to one party, or to none (an article that sets two sources' figures side
    by side, "7.4 according to the USGS" / "the JMA reported 7.5", reports their disagreement); and
    they are not one moment on two clocks ("12:01 a.m. PDT (0700 GMT)"), nor a measure an event has
    once (two magnitudes in one article are two agencies' readings)."""
    (ca, qa), (cb, qb) = side_a[0], side_b[0]
    if is_clock_time(qa) or is_clock_time(qb) or one_per_event(qa.category):
        return False
    ka, kb = counter(qa, ca), counter(qb, cb)
    return not (ka and kb and not _same_party(ka.lower(), kb.lower()))


def _restated_in_one_article(side_a: list[tuple[Claim, Quantity]], side_b: list[tuple[Claim, Quantity]]) -> bool:
    """Two figures of one article for one quantity that the article cannot both mean: two parties'
    rival counts it sets side by side ("245,000 in Marseille according to the unions (30,000
    according to the police)"), or one figure the other mistyped ("58 individuals from Egypt" /
    "the total 658 deaths from Egypt"). Other pairs of near figures in one article are left alone:
    a writer who gives "23 dead" and "18 presumed dead", or "22" beside "19 bodies", counts two
    things the words around them tell apart (measured: such pairs were false far more often than
    true on fresh stories)."""
    (ca, qa), (cb, qb) = side_a[0], side_b[0]
    ka, kb = counter(qa, ca), counter(qb, cb)  # the figure's own credit, else its clause's source
    if ca.article == cb.article and ka and kb and qa.place == qb.place and rival_counters(qa, qb, (ka, kb)):
        return True
    if ca.article != cb.article or ca.sentence == cb.sentence and ca.start == cb.start:
        return False  # one statement's own figures are its breakdown or its change, not a restatement
    return slip_between(qa, qb) is not None and not named_days_differ(qa.window, qb.window)


def _conflict_sentence(category: str, qa: Quantity, qb: Quantity, side_a, side_b, a: str, b: str,
                       published: dict, direction_differs: bool) -> str:
    """One sentence an editor can check: who says what, credited to whom and published when, and
    why both cannot hold."""
    def side(ids: str, q: Quantity, members) -> str:
        own = sorted({x.credited for _, x in members if x.credited})  # "2.8 million (according to the unions)"
        credited = own or sorted({_party(c.attribution) for c, _ in members if c.attribution})
        when = sorted({str(published[c.article]) for c, _ in members if published.get(c.article)})
        extra = ", ".join(x for x in ((f"citing {' and '.join(credited)}" if credited else ""),
                                      (f"published {' and '.join(when)}" if when else "")) if x)
        return f"{ids} {_say(ids)} {q.text}" + (f" {q.counted}" if q.counted and q.counted not in q.text else "") \
            + f" ({_on_clock(q)}{'; ' + extra if extra else ''})"
    windows = " / ".join(dict.fromkeys(w for w in (qa.window, qb.window) if w)) or "the event"
    slip = slip_between(qa, qb)
    why = "different directions from one place" if direction_differs and overlaps(qa, qb) else \
        f"values that cannot both hold ({slip}: one of them is mistyped)" if slip else "values that cannot both hold"
    return f"{category}: {side(a, qa, side_a)}, but {side(b, qb, side_b)}, for the same time ({windows}): {why}, " \
           f"so both cannot be right"


def _on_clock(q: Quantity) -> str:
    """A figure's interval in words; a time moved from the zone it was written in onto the incident's
    clock says so: "15:15 GMT" in Bartin is "18:15 in Bartin's time", "[18:00, 18:30] in Bartin's
    time" when hedged ("around")."""
    if not is_clock_time(q) or not (q.clock or "").startswith("local:"):
        return describe(q)
    return f"{describe(q)} in {q.clock.split(':', 1)[1]}'s time"


_KIND_RANK = {"figure-conflict": 0, "disowned-figure": 1, "denial": 1, "name-spelling": 1, "age-conflict": 1,
              "record-conflict": 1, "figure-update": 2, "figure-correction": 2, "figure-readings": 2,
              "figure-difference": 3, "window-difference": 4}


def _finding_rank(f: Finding) -> tuple:
    """What an editor must check first: conflicts, then updates, then compatible differences."""
    return (f.severity != "diverge", _KIND_RANK.get(f.kind, 9), f.summary)


def _reading(q: Quantity) -> tuple:
    """What makes two figures the same reading: the interval, its unit and tally, and the window."""
    return (describe(q), q.low, q.high, q.low_inclusive, q.high_inclusive, q.second, q.unit, q.window or "")


def _figure_finding(kind: str, severity: str, side_a: list[tuple[Claim, Quantity]], side_b: list[tuple[Claim, Quantity]],
                    pairs: Sequence[tuple[str, str]], summary: Callable[[str, str], str]) -> Finding:
    """One finding between two readings, over the article pairs it holds for: the figures first,
    then the claims they stand in, and every source behind them."""
    in_a, in_b = {x for x, _ in pairs}, {y for _, y in pairs}
    used = [(c, q) for c, q in side_a if c.article in in_a] + [(c, q) for c, q in side_b if c.article in in_b]
    evidence = tuple(dict.fromkeys([_span(c, q.start, q.end, q.text) for c, q in used] + [_span(c) for c, _ in used]))
    return Finding(kind=kind, severity=severity, evidence=evidence,
                   sources=tuple(dict.fromkeys(_source(c) for c, _ in used)),
                   summary=summary(_articles(in_a), _articles(in_b)))


def _articles(ids: Iterable[str], most: int = 4) -> str:
    """Article ids for a summary: "a1", "a1, a2 and a3", "a1, a2, a3, a4 and 6 more"."""
    ids = sorted(ids)
    if len(ids) > most:
        return f"{', '.join(ids[:most])} and {len(ids) - most} more"
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"


def _say(articles: str) -> str:
    return "say" if " and " in articles else "says"


# --------------------------------------------------------------------------- disowned figures

_DENY_CLASS = "deny"
# Verbs of giving out a figure, which a source negates to disown one ("never released the figures").
_ISSUE_VERBS = vocab.words("figure_issuing_verbs")
_FIGURE_NOUNS = vocab.words("figure_nouns")
_CITING = re.compile(r"\b(?:citing|according to|attributed (?:[\w\s]+ )?to)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")


def disowned_findings(claims: Sequence[Claim]) -> list[tuple[str, Finding]]:
    """A figure credited to a source that denies giving it ("the Libyan Red Crescent said" the toll
    was 11,300 / "its spokesman rejected the figures"; "never released the high death figure"): both
    cannot be right, whoever is. (claim id of the first crediting claim, finding) per disowning party."""
    by_article: dict[str, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.article, c.start)):
        by_article.setdefault(c.article, []).append(c)
    out = []
    for d in claims:
        if not _disowns(d):
            continue
        parties = _deniers(d, by_article[d.article])
        if not parties:
            continue
        credited = [c for c in claims if c.id != d.id and not _disowns(c)
                    and any(q.unit is None and q.category for q in c.quantities)
                    and any(_same_party(p, x) for p in parties for x in _credited_parties(c))]
        if not credited:
            continue
        figures = ", ".join(dict.fromkeys(q.text for c in credited for q in c.quantities if q.unit is None and q.category))
        who = sorted(parties, key=len)[-1]
        out.append((credited[0].id, Finding(
            kind="disowned-figure", severity="diverge",
            evidence=tuple(dict.fromkeys([_span(c) for c in credited] + [_span(d)])),
            sources=tuple(dict.fromkeys([_source(c) for c in credited] + [_source(d)])),
            summary=f"{_articles({c.article for c in credited})} {_say(_articles({c.article for c in credited}))} "
                    f"{who} gave {figures}, but {d.article} reports that it denies giving it (\"{d.text[:120]}\"), "
                    f"so both cannot be right")))
    return out


_UNABLE = re.compile(r"(?i)\b(?:could\s*n[o’']t|can\s*n[o’']t|cannot|(?:was|were|is|are)\s+unable\s+to)\s+(?:yet\s+)?\w+")


def _disowns(c: Claim) -> bool:
    """The claim denies a figure: "rejected the figures", "never released the high death figure tolls";
    not a source that cannot give one yet ("said he could not provide precise figures on casualties
    as authorities were focused on the rescue"), which disowns none it gave."""
    about_figures = bool(set(c.terms) & _FIGURE_NOUNS)
    unable = bool(c.predicate) and any(m.group(0).lower().endswith(c.predicate) for m in _UNABLE.finditer(c.text))
    return about_figures and (predicate_class(c.predicate) == _DENY_CLASS
                              or c.negated and (c.predicate or "") in _ISSUE_VERBS and not unable)


def _deniers(d: Claim, article_claims: list[Claim]) -> set[str]:
    """Who denies: the claim's source, and for a spokesperson of "its" or "their", the body named
    last before it ("OCHA attributed the deaths to the Libyan Red Crescent, but its spokesman ...")."""
    names = {n for n in (_source_name(d.attribution),) if n}
    span = (d.attribution_span.text if d.attribution_span else "").lower()
    if re.match(r"(its|their)\b", span):
        before = [c for c in article_claims if c.start < d.start and c.entities]
        if before:
            names.add(before[-1].entities[-1])
    return {n.lower() for n in names}


def _credited_parties(c: Claim) -> set[str]:
    names = {_source_name(c.attribution) or ""} | {q.credited or "" for q in c.quantities}
    names |= {m.group(1) for m in _CITING.finditer(c.text)}
    return {n.lower() for n in names if n}


def _same_party(a: str, b: str) -> bool:
    return a == b or same_entity(a, b) or same_entity(b, a)


def _source_name(attribution: Optional[str]) -> Optional[str]:
    if not attribution:
        return None
    return re.sub(r"^[a-z]+_", "", attribution.split("@", 1)[0]).replace("-", " ").strip() or None


def _with_findings(clusters: list[Cluster], found: list[tuple[str, Finding]], keep_verdict: bool = False) -> list[Cluster]:
    """The clusters, each finding about a claim (a disowned figure, a misspelt name) added to a
    cluster of that claim, one with a figure first; that cluster then diverges, unless `keep_verdict`
    (a check on the claim's own words, such as a weekday its date does not fall on)."""
    if not found:
        return clusters
    out = list(clusters)
    for claim_id, finding in found:
        k = next((k for k, c in enumerate(out) if claim_id in c.claims and c.category), None)
        k = k if k is not None else next((k for k, c in enumerate(out) if claim_id in c.claims), None)
        if k is None:
            continue
        out[k] = replace(out[k], verdict=out[k].verdict if keep_verdict else "diverge",
                         findings=tuple(sorted(out[k].findings + (finding,), key=_finding_rank)))
    return out


# --------------------------------------------------------------------------- corrections


def correction_findings(claims: Sequence[Claim], published: Optional[dict] = None
                        ) -> tuple[list[tuple[str, Finding]], list[tuple[str, Finding]]]:
    """Figures an article sets aside as wrong ("the number of bodies recovered was 78 and not 79"):
    (label, finding) for each other article that still gives the figure set aside, which cannot be
    right with the correction; and (claim id, note) for each correction no other article repeats,
    which an editor should still see."""
    published = published or {}
    when = lambda article: f" (published {published[article]})" if published.get(article) else ""  # noqa: E731
    repeated: list[tuple[str, Finding]] = []
    notes: list[tuple[str, Finding]] = []
    for c in claims:
        for r in c.corrected:
            stating = [(d, q) for d in claims if d.article != c.article for q in d.quantities
                       if q.category == r.category and q.unit == r.unit and describe(q) == describe(r)]
            category = r.category or "figure"
            if not stating:
                notes.append((c.id, Finding(
                    kind="figure-correction", severity="note", evidence=(_span(c, r.start, r.end, r.text), _span(c)),
                    sources=(_source(c),),
                    summary=f"{category}: {c.article}{when(c.article)} sets {r.text} aside as wrong: “{c.text}”")))
                continue
            ids = _articles(dict.fromkeys(d.article for d, _ in stating))
            # the correcting article's other statements of the figure it gives instead ("3,958 ...
            # instead of 11,300"; "the UN has now pegged the toll at 3,958")
            instead = [q for q in c.quantities if q.category == r.category and q.unit == r.unit]
            restating = [(d, q) for d in claims if d.article == c.article and d.id != c.id for q in d.quantities
                         if q.category == r.category and q.unit == r.unit and any(overlaps(q, k) for k in instead)]
            evidence = tuple(dict.fromkeys([_span(c, r.start, r.end, r.text), _span(c)]
                                           + [_span(c, q.start, q.end, q.text) for q in instead]
                                           + [_span(d, q.start, q.end, q.text) for d, q in stating + restating]
                                           + [_span(d) for d, _ in stating + restating]))
            repeated.append((f"{r.text} set aside as wrong", Finding(
                kind="figure-conflict", severity="diverge", evidence=evidence,
                sources=tuple(dict.fromkeys([_source(c)] + [_source(d) for d, _ in stating])),
                summary=f"{category}: {ids}{when(stating[0][0].article)} {_say(ids)} {r.text}, but {c.article}"
                        f"{when(c.article)} says that figure is wrong (“{c.text}”), so both cannot be right")))
    return repeated, notes


# --------------------------------------------------------------------------- breakdowns


def breakdown_findings(claims: Sequence[Claim], published: Optional[dict] = None) -> list[tuple[str, Finding]]:
    """A statement whose exact parts add up to more than the exact whole it breaks down ("14 troops,
    including ten soldiers and six police"): the article contradicts itself. Parts that add up to
    less may leave some out, and are not told."""
    published = published or {}
    out: list[tuple[str, Finding]] = []
    for c in claims:
        exact = [q for q in c.quantities if q.unit is None and q.value is not None and q.low == q.high
                 and not q.approximate and q.category]
        parts = [q for q in exact if (q.window or "").split("; ")[-1] == figure_context.PART]
        for whole in (q for q in exact if figure_context.PART not in (q.window or "")):
            own = [p for p in parts if p.start > whole.start and _part_of(p.category, whole.category)]
            total = sum(p.value for p in own)
            if len(own) < 2 or total <= whole.value:
                continue
            when = f" (published {published[c.article]})" if published.get(c.article) else ""
            named = " and ".join(p.text for p in own)
            out.append((f"{whole.text}: parts add up to {_fmt_count(total)}", Finding(
                kind="figure-conflict", severity="diverge",
                evidence=(_span(c, whole.start, whole.end, whole.text),
                          *(_span(c, p.start, p.end, p.text) for p in own), _span(c)),
                sources=(_source(c),),
                summary=f"{whole.category}: {c.article}{when} says {whole.text} in all, made up of {named}, "
                        f"which add up to {_fmt_count(total)}: the parts cannot be more than the whole, so both "
                        f"cannot be right (“{c.text}”)")))
    return out


def _part_of(part: Optional[str], whole: Optional[str]) -> bool:
    """A part's kind within the whole's: the same, or one group of the whole's outcome ("killed:soldiers"
    within "killed:total")."""
    if not part or not whole:
        return False
    return part == whole or whole.endswith(":total") and part.split(":", 1)[0] == whole.split(":", 1)[0]


def _fmt_count(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,g}"


# --------------------------------------------------------------------------- names


def spelling_findings(claims: Sequence[Claim]) -> list[tuple[str, Finding]]:
    """(the two spellings, the finding) for each person's name spelt two ways across articles where
    one must be wrong: the same given name and a surname one letter apart whose consonants differ
    ("Fred Daibes" / "Fred Daides"), a surname written alone one letter from a full name's
    ("Marcon" / "Emmanuel Macron"), one surname with given names one name misspelt ("Steven" /
    "Stephen Breyer"), or a maker's designation with one character changed. Names that differ only
    in vowels or doubled letters ("Zelensky" / "Zelenskyy", "Gunasekara" / "Gunasekera") are
    transliterations, and are not told."""
    spellings: dict[tuple[str, str], list[tuple[Claim, int, int]]] = {}
    for c in claims:
        for at, end in _written_names(c, [k for k in c.entities if 1 <= k.count(" ") <= 2]):
            spellings.setdefault((c.article, c.text[at:end]), []).append((c, at, end))
    for key, found in _written_after_given_names(claims, spellings).items():
        spellings.setdefault(key, []).extend(m for m in found if m not in spellings.get(key, ()))
    by_given: dict[tuple[str, ...], list[str]] = {}
    for (_, written) in spellings:
        by_given.setdefault(tuple(w.casefold() for w in written.split()[:-1]), []).append(written)
    alone = _surnames_alone(claims, spellings)
    if alone:
        # surnames looked up by their one-letter deletions: one keystroke apart share one
        givens_of: dict[str, list[tuple[str, ...]]] = {}
        near: dict[str, set[str]] = {}
        for given, names in by_given.items():
            for n in names:
                surname = n.split()[-1].casefold()
                givens_of.setdefault(surname, []).append(given)
                for k in _deletions(surname):
                    near.setdefault(k, set()).add(surname)
        for (article, word), found in alone.items():
            spellings.setdefault((article, word), []).extend(found)
            for surname in set().union(*(near.get(k, ()) for k in _deletions(word.casefold()))):
                if _misspelt(word, surname):
                    for given in dict.fromkeys(givens_of[surname]):
                        by_given[given].append(word)  # "Marcon will overfly the area" beside "President Emmanuel Macron"
    for c in claims:
        for m in _DESIGNATION.finditer(c.text):
            if m.group(1).casefold() not in _CALENDAR_WORDS and not _YEAR.fullmatch(m.group(2)):
                spellings.setdefault((c.article, m.group(0)), []).append((c, m.start(), m.end()))
                by_given.setdefault(("designation", m.group(1).casefold()), []).append(m.group(0))
    written_as: dict[str, list[tuple[Claim, int, int]]] = {}
    for (_, w), ms in spellings.items():
        written_as.setdefault(w, []).extend(ms)
    out: list[tuple[str, Finding]] = []
    told: set[frozenset] = set()
    candidates = [(given, a, b) for given, names in by_given.items() for a, b in combinations(dict.fromkeys(names), 2)]
    candidates += _given_names_apart(spellings)
    for given, a, b in candidates:
        pair = frozenset((a, b))
        last_a, last_b = a.split()[-1], b.split()[-1]
        slip = given == GIVEN_NAME or (_one_character_apart(last_a, last_b) if given[0] == "designation"
                                       else _misspelt(last_a, last_b))
        if pair in told or not slip:
            continue
        side_a, side_b = written_as.get(a, []), written_as.get(b, [])
        lone = " " not in a or " " not in b  # a surname no full name has: a slip wherever written
        if not lone and (not {c.article for c, _, _ in side_a} - {c.article for c, _, _ in side_b}
                          or not {c.article for c, _, _ in side_b} - {c.article for c, _, _ in side_a}):
            continue  # one article writes both: its own two people, or its own slip, not the outlets'
        told.add(pair)
        used = side_a + side_b
        evidence = tuple(dict.fromkeys([_span(c, c.start + s, c.start + e, c.text[s:e]) for c, s, e in used]
                                       + [_span(c) for c, _, _ in used]))
        ids_a = _articles(dict.fromkeys(c.article for c, _, _ in side_a))
        ids_b = _articles(dict.fromkeys(c.article for c, _, _ in side_b))
        finding = Finding(kind="name-spelling", severity="diverge", evidence=evidence,
                          sources=tuple(dict.fromkeys(_source(c) for c, _, _ in used)),
                          summary=f"{given[0] if given[0] == 'designation' else 'name'}: {ids_a} {_say(ids_a)} {a}, "
                                  f"but {ids_b} {_say(ids_b)} {b}: "
                                  + ("one model or number written with one character changed, so one is wrong"
                                     if given[0] == "designation" else
                                     "one person's name spelt with different letters, so one spelling is wrong"))
        out.append((f"{a} / {b}", finding))
    return out


# --------------------------------------------------------------------------- ages

# Reports this many days apart or more may have a birthday between them: their ages of one person
# may differ by one year.
_BIRTHDAY_DAYS = 14


def age_findings(claims: Sequence[Claim], clusters: Sequence[Cluster], published: Optional[dict] = None
                 ) -> list[tuple[str, Finding]]:
    """(the person, the finding) for each person two articles give different ages ("Isago Mabote
    (8)" / "Isago Mabote, 7"). Ages one year apart in reports published two weeks apart or more may
    be a birthday between them, and are not told; an article's own two ages under one name are two
    people, and are not compared."""
    published = published or {}
    out: list[tuple[str, Finding]] = []
    told: set[tuple] = set()
    for person, readings in _ages_by_person(claims, clusters).items():
        per_article: dict[str, set[int]] = {}
        for c, age in readings:
            per_article.setdefault(c.article, set()).add(age.years)
        readings = [(c, a) for c, a in readings if len(per_article[c.article]) == 1]
        for (ca, a), (cb, b) in combinations(readings, 2):
            if ca.article == cb.article or a.years == b.years:
                continue
            # one person's ages told once, whichever facts their claims stand in
            pair = (person if person[0] == "named" else person[2:], frozenset({(ca.article, a.years), (cb.article, b.years)}))
            if pair in told or not _ages_clash(a.years, b.years, published.get(ca.article), published.get(cb.article)):
                continue
            told.add(pair)
            (ca, a), (cb, b) = sorted([(ca, a), (cb, b)], key=lambda x: x[0].article)
            stating = [(c, x) for side in ((ca, a), (cb, b)) for c, x in readings
                       if c.article == side[0].article and x.years == side[1].years]
            who = next((x.holder for _, x in stating if x.named), f"the {a.holder}" if a.holder else "the person")
            when = " at the later time both tell of" if a.later else ""
            evidence = tuple(dict.fromkeys(
                [_span(c, c.start + x.start, c.start + x.end, c.text[x.start:x.end]) for c, x in stating]
                + [_span(c) for c, _ in stating]))
            summary = (f"age of {who}{when}: {ca.article} says {a.years}{_credited(ca, published)}, "
                       f"but {cb.article} says {b.years}{_credited(cb, published)}: one person has one age, so one is wrong")
            out.append((f"{who}: {a.years} / {b.years}",
                        Finding(kind="age-conflict", severity="diverge", evidence=evidence,
                                sources=tuple(dict.fromkeys((_source(ca), _source(cb)))), summary=summary)))
    return out


def _ages_by_person(claims: Sequence[Claim], clusters: Sequence[Cluster]) -> dict[tuple, list[tuple[Claim, Age]]]:
    """The ages the claims give, by person. A named person is one person wherever the name is written;
    a surname alone is the article's one full name ending in it (or, if the article has none, the one
    full name other articles give an age under), and an article that names two people of one surname
    gives no age under it. An age of a common noun ("a 60-year-old man") or of a clause's subject at a
    time to come ("she will be 82") is someone only inside one fact, and only when the claim gives
    one such age ("an 8-year-old boy and a 67-year-old man": one each)."""
    full_names: dict[str, dict[str, set[str]]] = {}
    for c in claims:
        for e in c.entities:
            if " " in e:
                full_names.setdefault(c.article, {}).setdefault(_name_key(e.split()[-1]), set()).add(_name_key(e))
    fact_of: dict[str, set[str]] = {}
    for k in clusters:
        for i in k.claims:
            fact_of.setdefault(i, set()).add(k.id)
    by_person: dict[tuple, list[tuple[Claim, Age]]] = {}
    unnamed: list[tuple[Claim, Age]] = []
    for c in claims:
        found = ages_in(c.text, c.entities)
        for age in found:
            if age.named:
                key = _name_key(age.holder)
                if " " not in key:
                    fuller = full_names.get(c.article, {}).get(key, set())
                    if len(fuller) > 1:
                        continue  # "Pelicot, 72," where the article names Dominique and Gisele Pelicot
                    key = next(iter(fuller), key)
                by_person.setdefault(("named", key), []).append((c, age))
            elif sum(not a.named and a.later == age.later and a.holder == age.holder for a in found) == 1:
                unnamed.append((c, age))
    named_at: dict[tuple[str, int], set[tuple]] = {}
    for key, readings in by_person.items():
        for c, age in readings:
            named_at.setdefault((c.article, age.years), set()).add(key)
    for c, age in unnamed:
        named = named_at.get((c.article, age.years), set()) if age.definite and not age.later else set()
        if len(named) == 1:  # "Sarkozy, 70, appeals" ... "the 70-year-old conservative said"
            by_person[next(iter(named))].append((c, age))
            continue
        for fact in sorted(fact_of.get(c.id, ())):
            by_person.setdefault(("fact", fact, age.holder, age.later), []).append((c, age))
    surnames: dict[str, set[tuple]] = {}
    for key in by_person:
        if key[0] == "named" and " " in key[1]:
            surnames.setdefault(key[1].split()[-1], set()).add(key)
    for key in [k for k in by_person if k[0] == "named" and " " not in k[1]]:
        fuller = surnames.get(key[1], set())
        if len(fuller) == 1:  # "Combs, 58," where another article writes "Sean Combs, 55,"
            by_person[next(iter(fuller))] += by_person.pop(key)
    return by_person


def record_findings(members: Sequence[Claim], published: Optional[dict] = None) -> list[Finding]:
    """Two articles that state one fact as a record reaching back to different times ("its highest
    level since 1997" / "the highest since June 1998"; "the worst in two decades", counted back from
    the day of writing, against "its worst floods since 2008"): one record has one start. One finding
    per pair of articles and readings, showing every place each article states its reading."""
    published = published or {}
    readings: dict[tuple, list[tuple[Claim, records.Record]]] = {}
    for c in members:
        for r in records.records_in(c.text, parse_day(published.get(c.article))):
            readings.setdefault((c.article, r.superlative, r.low, r.high), []).append((c, r))
    out: list[Finding] = []
    for ka, kb in combinations(sorted(readings), 2):
        side_a, side_b = readings[ka], readings[kb]
        if ka[0] == kb[0] or not records.disagree(side_a[0][1], side_b[0][1]):
            continue
        (ca, a), (cb, b) = side_a[0], side_b[0]
        wa, wb = ca.text[a.start:a.end], cb.text[b.start:b.end]
        used = side_a + side_b
        evidence = tuple(dict.fromkeys([_span(c, c.start + r.start, c.start + r.end, c.text[r.start:r.end]) for c, r in used]
                                       + [_span(c) for c, _ in used]))
        out.append(Finding(
            kind="record-conflict", severity="diverge", evidence=evidence,
            sources=tuple(dict.fromkeys(_source(c) for c, _ in used)),
            summary=f"record: {ca.article} says \u201c{wa}\u201d{_credited(ca, published)}, "
                    f"but {cb.article} says \u201c{wb}\u201d{_credited(cb, published)}: "
                    f"one record reaches back to one time, so one is wrong"))
    return out


def _ages_clash(a: int, b: int, published_a: Optional[str], published_b: Optional[str]) -> bool:
    """Two ages of one person that reports of these dates cannot both give: a year apart only when
    published within two weeks of each other (or undated, as one story's reports are), more only
    when published within a year."""
    day_a, day_b = parse_day(published_a), parse_day(published_b)
    days = abs((day_a - day_b).days) if day_a and day_b else None
    if abs(a - b) == 1:
        return days is None or days < _BIRTHDAY_DAYS
    return days is None or days < 365


def _name_key(name: str) -> str:
    """A name without case or accents: "Alonso Vieira Júnior" is "alonso vieira junior"."""
    return without_accents(name).casefold()


def _credited(c: Claim, published: dict) -> str:
    """" (citing X, published D)" for a claim, as a figure conflict's sentence says it; "" for neither."""
    parts = [f"citing {_party(c.attribution)}" if c.attribution else "",
             f"published {published[c.article]}" if published.get(c.article) else ""]
    said = ", ".join(x for x in parts if x)
    return f" ({said})" if said else ""


def _written_after_given_names(claims: Sequence[Claim], spellings: dict) -> dict[tuple[str, str], list]:
    """Each "Given Surname" written in the statements, (article, as written) -> [(claim, start, end)],
    for the given names of the two-word names the tagger saw (`spellings`): so that a name it did not
    see in one outlet ("Alejandro Mayorkas" untagged in a list of officials) is still compared."""
    given = {w.split()[0] for (_, w) in spellings if w.count(" ") == 1 and w.split()[0].isalpha()}
    out: dict[tuple[str, str], list] = {}
    if not given:
        return out
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(given))) + r") [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
    for c in claims:
        for m in pattern.finditer(c.text):
            out.setdefault((c.article, m.group(0)), []).append((c, m.start(), m.end()))
    return out


GIVEN_NAME = ("given name",)  # the group of a pair of names whose given names differ (`_given_names_apart`)


def _deletions(word: str) -> set[str]:
    """The word and the word with each one letter left out: two words one keystroke apart share one."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _given_names_apart(spellings: dict) -> list[tuple[tuple[str, ...], str, str]]:
    """Two-word names with one surname whose given names are one name misspelt ("Steven Breyer" /
    "Stephen Breyer"): two keystrokes apart at most, neither a short form of the other ("Mike",
    "Alex"), their consonants different (not a transliteration, "Tatyana" / "Tatiana")."""
    by_surname: dict[str, list[str]] = {}
    for (_, written) in spellings:
        words = written.split()
        if len(words) == 2 and words[0].isalpha():
            by_surname.setdefault(words[1].casefold(), []).append(written)
    out = []
    for names in by_surname.values():
        for a, b in combinations(dict.fromkeys(names), 2):
            ga, gb = a.split()[0].casefold(), b.split()[0].casefold()
            if min(len(ga), len(gb)) < 3 or ga.startswith(gb) or gb.startswith(ga) or ga[0] != gb[0]:
                continue
            if DamerauLevenshtein.distance(ga, gb) <= 2 and skeleton(ga) != skeleton(gb):
                out.append((GIVEN_NAME, a, b))
    return out


def _surnames_alone(claims: Sequence[Claim], spellings: dict) -> dict[tuple[str, str], list]:
    """Each one-word name written alone, (article, as written) -> [(claim, start, end)], that no full
    name of the stories ends with: a surname its article never gave with a given name, which may be
    another's slip ("Marcon" beside "Emmanuel Macron", "Colllins" beside "Susan Collins")."""
    surnames = {w.split()[-1].casefold() for (_, w) in spellings if " " in w}
    out: dict[tuple[str, str], list] = {}
    for c in claims:
        keys = [k for k in c.entities if " " not in k and k.isalpha() and k not in surnames and len(k) >= 4]
        for at, end in _written_names(c, keys):
            out.setdefault((c.article, c.text[at:end]), []).append((c, at, end))
    return out


def _written_names(c: Claim, keys: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Where the statement writes each entity key as a name: whole words, each capitalised."""
    if not keys:
        return
    lowered = c.text.lower()
    if len(lowered) != len(c.text):
        return  # a letter whose lower case is longer ("İ"): offsets would not hold
    for key in keys:
        at = lowered.find(key)
        while at >= 0:
            end = at + len(key)
            bounded = (at == 0 or not c.text[at - 1].isalnum()) and (end == len(c.text) or not c.text[end].isalnum())
            if bounded and all(w[:1].isupper() for w in c.text[at:end].split()):
                yield at, end
            at = lowered.find(key, end)


# A maker's or series' name and the designation after it ("Boeing 737-800", "Airbus A320",
# "Flight 2216"): one character changed between outlets is a slip, never a variant spelling.
# (it ends in a letter or digit: "The 21-year-old" and "a 26-year-old" name no designation)
_DESIGNATION = re.compile(r"\b([A-Z][a-z]+) ((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]+[A-Z0-9])(?![\w-])")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_CALENDAR_WORDS = vocab.words("months") | vocab.words("weekdays")


def _one_character_apart(a: str, b: str) -> bool:
    """Two designations of one shape (digits where digits are) with one character changed."""
    shape = lambda s: re.sub(r"\d", "9", re.sub(r"[A-Z]", "A", s))  # noqa: E731
    return len(a) == len(b) and shape(a) == shape(b) and sum(x != y for x, y in zip(a, b)) == 1


def _own_clusters(clusters: Sequence[Cluster], found: list[tuple[str, Finding]],
                  claims: Sequence[Claim]) -> list[Cluster]:
    """One cluster per finding about the statements that carry it (a name spelt two ways, a figure
    set aside as wrong), whatever else they state, so that the facts those statements share are not
    called into doubt by it: its statements are those its evidence spans whole."""
    if not found:
        return []
    event_of = {i: c.event for c in clusters for i in c.claims}
    at = {(c.article, c.start, c.end): c for c in claims}
    out = []
    for label, finding in found:
        members = list(dict.fromkeys(at[(e.article, e.start, e.end)] for e in finding.evidence
                                     if (e.article, e.start, e.end) in at))
        ids = tuple(c.id for c in members)
        out.append(Cluster(id=cluster_id(ids, finding.summary), claims=ids, verdict="diverge",
                           event=event_of.get(ids[0]) if ids else None, label=label,
                           findings=(finding,), articles=tuple(dict.fromkeys(c.article for c in members))))
    return out


def _misspelt(a: str, b: str) -> bool:
    """Two spellings of one surname one keystroke apart (a letter changed, added, dropped or two
    swapped) whose consonants differ, or one with a letter thrice: a slip, not a transliteration."""
    a, b = a.casefold(), b.casefold()
    if min(len(a), len(b)) < 4 or a.startswith(b) or b.startswith(a):
        return False  # an ending added is another form of the word ("Lanka" / "Lankan", "Democrats")
    if DamerauLevenshtein.distance(a, b) != 1:
        return False
    return skeleton(a) != skeleton(b) or bool(_TRIPLED.search(a)) != bool(_TRIPLED.search(b))


_TRIPLED = re.compile(r"(\w)\1\1")  # a letter thrice in a row is a keystroke too many, no spelling ("Colllins")


# --------------------------------------------------------------------------- statements


def denial_findings(members: Sequence[Claim]) -> list[Finding]:
    """A statement beside its denial: the same predicate (or one of its class) about the same thing
    (a shared participant or a shared content word besides the verb), one side negated. A negation
    inside quoted speech denies only that speaker's own words: it counts against another quote,
    not against the outlets' statements that happen to share a noun ("'This is not the bill I would
    have written,' Delgado said" does not deny "The bill is the product of a deal")."""
    pairs = []
    for a, b in combinations(members, 2):
        if a.article == b.article or a.negated == b.negated:
            continue
        yes, no = (b, a) if a.negated else (a, b)
        if not (a.predicate and b.predicate and predicate_class(a.predicate) == predicate_class(b.predicate)):
            continue
        if (a.predicate in _COPULAS or b.predicate in _COPULAS) and not _same_words_but_negation(a.text, b.text):
            continue  # "Tonight was not our night" / "Tonight was Mamdani's night": a copula says what its
            # complement says, so only the same words, one side negated, deny each other
        if no.quoted and not yes.quoted:
            continue
        if not _same_thing(yes, no):
            continue
        pairs.append((yes, no))
    if not pairs:
        return []
    # one finding for the cluster: every statement on each side, not one per pair of articles
    yes_side = list(dict.fromkeys(y for y, _ in pairs))
    no_side = list(dict.fromkeys(n for _, n in pairs))
    ids_yes = _articles(dict.fromkeys(c.article for c in yes_side))
    ids_no = _articles(dict.fromkeys(c.article for c in no_side))
    return [Finding(kind="denial", severity="diverge", evidence=tuple(_span(c) for c in yes_side + no_side),
                    sources=tuple(dict.fromkeys(_source(c) for c in yes_side + no_side)),
                    summary=f"{ids_yes} {'states' if len(yes_side) == 1 else 'state'} it; "
                            f"{ids_no} {'states' if len(no_side) == 1 else 'state'} the opposite")]


_COPULAS = frozenset({"be"})
_NEGATIONS = frozenset({"not", "n't", "no", "never"})


def _same_words_but_negation(a: str, b: str) -> bool:
    """The two sentences say the same words but for a negation ("This is the bill I would have
    written" / "This is not the bill I would have written")."""
    wa = set(re.findall(r"[a-z]+(?:'t)?", a.lower().replace("’", "'"))) - _NEGATIONS
    wb = set(re.findall(r"[a-z]+(?:'t)?", b.lower().replace("’", "'"))) - _NEGATIONS
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= 0.8


def _same_thing(a: Claim, b: Claim) -> bool:
    """Two statements are about the same thing: they share a participant, or a content word other
    than their verb (claims without parsed features are given the benefit of the doubt)."""
    if a.actors and b.actors:
        return overlap(a.actors, b.actors)
    if a.entities and b.entities and overlap(a.entities, b.entities):
        return True
    if not a.terms or not b.terms:
        return not (a.entities and b.entities)
    verbs = {a.predicate, b.predicate}
    return bool((set(a.terms) & set(b.terms)) - verbs)


def attribution_findings(members: Sequence[Claim]) -> list[Finding]:
    """The same fact credited to different sources."""
    credited: dict[str, list[Claim]] = {}
    for c in members:
        if c.attribution:
            credited.setdefault(_party(c.attribution), []).append(c)
    if len(credited) < 2:
        return []
    evidence = tuple(c.attribution_span or _span(c) for cs in credited.values() for c in cs)
    parts = "; ".join(f"{', '.join(sorted({c.article for c in cs}))}: {src}" for src, cs in sorted(credited.items()))
    return [Finding(kind="source-difference", severity="note", evidence=evidence, sources=tuple(sorted(credited)),
                    summary=f"credited to different sources ({parts})")]


def _party(source_id: str) -> str:
    """A source id without its article scope: "local officials" in two articles are one kind of party."""
    return source_id.split("@", 1)[0]


def unattributed_findings(members: Sequence[Claim]) -> list[Finding]:
    """Claims that credit nobody for what they state."""
    bare = [c for c in members if not c.attribution and not _CREDIT.search(c.text)]
    if not bare:
        return []
    return [Finding(kind="unattributed", severity="note", evidence=tuple(_span(c) for c in bare),
                    sources=tuple(sorted({_source(c) for c in bare})),
                    summary=f"no source given in {', '.join(sorted({c.article for c in bare}))}")]


_WEEKDAY_NAMES = vocab.entries("weekdays")  # Monday first, as date.weekday() counts
_WEEKDAY_AND_YEAR = re.compile(r"(?is)\b(?:" + "|".join(_WEEKDAY_NAMES) + r")\b.*\b(?:1[89]|2[01])\d\d\b")
_WEEKDAY_BEFORE_DATE = re.compile(r"\b(" + "|".join(_WEEKDAY_NAMES) + r")\b[\s,(]{0,3}$", re.I)
_WEEKDAY_FIRST = re.compile(r"(" + "|".join(_WEEKDAY_NAMES) + r")\b", re.I)


def weekday_findings(claims: Sequence[Claim]) -> list[tuple[str, Finding]]:
    """A weekday written with a full date it does not fall on ("inundated on Saturday (September 29,
    2024)", a Sunday): one of the two is wrong, and the claim cannot be placed in time until an editor
    says which. (claim id, note), once per claim, whichever clusters it stands in."""
    out = []
    for c in claims:
        if not _WEEKDAY_AND_YEAR.search(c.text):
            continue  # most claims name no weekday and no year: no dates to read
        for w in mentions(c.text):
            if not (w.year and w.month and w.day and w.low is not None and w.low == w.high):
                continue
            # "Saturday (September 29, 2024)" before the date, or "Tuesday, March 7, 2023" read as one date
            named = _WEEKDAY_BEFORE_DATE.search(c.text[max(0, w.start - 13):w.start]) or _WEEKDAY_FIRST.match(w.text)
            if named is None:
                continue
            written = _WEEKDAY_NAMES.index(named.group(1).lower())
            if written != w.low.weekday():
                out.append((c.id, Finding(kind="weekday-mismatch", severity="note", evidence=(_span(c),),
                                   sources=(_source(c),),
                                   summary=f"{c.article} writes {named.group(1)} for {w.low:%B} {w.low.day}, "
                                           f"{w.low.year}, which was a {_WEEKDAY_NAMES[w.low.weekday()].title()}: "
                                           f"the weekday or the date is wrong")))
    return out


def single_source_findings(members: Sequence[Claim]) -> list[Finding]:
    out = [Finding(kind="single-source", severity="note", evidence=tuple(_span(c) for c in members),
                   sources=tuple(sorted({_source(c) for c in members})),
                   summary=f"only {members[0].article} states this" if members else "single source")]
    out.extend(unattributed_findings(members))
    return out


def terms_used(text: str) -> dict[str, list[str]]:
    """The words of each term family that a text uses, in order of appearance (a longer term
    wins over a shorter one starting inside it: "terror attacks" is not also "attacks")."""
    lowered = text.lower()
    found: dict[str, list[str]] = {}
    for family, pattern in _TERM_PATTERNS.items():
        hits = [m.group(0) for m in pattern.finditer(lowered)]
        if hits:
            found[family] = hits
    return found


_TERM_PATTERNS = {family: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                                     + r")\b") for family, words in TERM_FAMILIES.items()}


def terminology_findings(members: Sequence[Claim], outlet: Optional[dict] = None) -> list[Finding]:
    """What each article calls the same people or act, when the articles choose differently."""
    outlet = outlet or {}
    per_article: dict[str, dict[str, list[tuple[str, Claim]]]] = {}
    for c in members:
        for family, words in terms_used(c.text).items():
            per_article.setdefault(family, {}).setdefault(c.article, []).extend((w, c) for w in words)
    out = []
    for family, by_article in per_article.items():
        if len(by_article) < 2:
            continue
        # the framings each article chooses: "deaths" and "killing" are one framing, no note
        choice = {a: frozenset(FRAMING[w][1] for w, _ in ws if w in FRAMING) for a, ws in by_article.items()}
        if len(set(choice.values())) < 2:
            continue
        evidence = tuple(_span(c) for ws in by_article.values() for _, c in ws[:1])
        words = "; ".join(f"{a}: {', '.join(dict.fromkeys(w for w, _ in ws))}" for a, ws in sorted(by_article.items()))
        out.append(Finding(kind="terminology", severity="note", evidence=evidence,
                           sources=tuple(sorted(by_article)), summary=f"{family} called differently ({words})"))
    return out


def quote_findings(members: Sequence[Claim], quotes: "QuoteIndex") -> list[Finding]:
    """The same quote worded differently in two articles, with the word-level difference: one
    finding per pair of wordings, naming every quote of either wording from another article."""
    wordings: dict[tuple[str, ...], list[Quote]] = {}
    for q in quotes.starting_inside(members):
        wordings.setdefault(tuple(_words(q.text)), []).append(q)
    out = []
    for wa, wb in combinations(wordings, 2):
        if difflib.SequenceMatcher(None, wa, wb).ratio() < 0.6:
            continue
        side_a, side_b = wordings[wa], wordings[wb]
        if {q.article for q in side_a} | {q.article for q in side_b} == {side_a[0].article}:
            continue  # one article quoting itself two ways
        used = side_a + side_b
        out.append(Finding(kind="quote-wording", severity="note",
                           evidence=tuple(Span(q.article, q.start, q.end, q.text) for q in used),
                           sources=tuple(dict.fromkeys(q.speaker_id for q in used if q.speaker_id)),
                           summary=f"quoted differently: {word_diff(wa, wb)}"))
    return out


class QuoteIndex:
    """Quotes by article, ordered by start, so the quotes that begin inside a claim are found by
    bisection instead of a scan of every quote for every cluster."""

    def __init__(self, quotes: Iterable[Quote]) -> None:
        by_article: dict[str, list[tuple[int, int, Quote]]] = {}
        for order, q in enumerate(quotes):
            by_article.setdefault(q.article, []).append((q.start, order, q))
        self._starts: dict[str, list[int]] = {}
        self._entries: dict[str, list[tuple[int, Quote]]] = {}
        for article, entries in by_article.items():
            entries.sort(key=lambda e: (e[0], e[1]))
            self._starts[article] = [e[0] for e in entries]
            self._entries[article] = [(e[1], e[2]) for e in entries]

    def starting_inside(self, claims: Iterable[Claim]) -> list[Quote]:
        """The quotes that start inside any of the claims, each once, in the order they were given."""
        found: dict[int, Quote] = {}
        for c in claims:
            starts = self._starts.get(c.article)
            if not starts:
                continue
            entries = self._entries[c.article]
            for k in range(bisect_left(starts, c.start), bisect_left(starts, c.end)):
                found.setdefault(*entries[k])
        return [found[order] for order in sorted(found)]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def word_diff(a: Sequence[str], b: Sequence[str]) -> str:
    """ "[-giving-] [+providing+]" style difference of two word lists."""
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, list(a), list(b)).get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("[+" + " ".join(b[j1:j2]) + "+]")
    return " ".join(parts)
