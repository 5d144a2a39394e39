"""The grouping itself: articles merged into incidents, first on shared anchors (closest groups
first, while no pair across them is kept apart), then on the story's own names (two or more of
those at least half of the articles share, unless the reports fix different days), then groups
about the same subject (averaged claim vectors as close as paraphrases), under the same
condition; the editor's decisions last. Each incident carries its reasons, deciding ones first, so an editor can check the grouping."""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Optional, Sequence

import numpy as np

from auditor.crossdoc.events.apart import SAME_EVENT_DAYS, ApartRules, days_disagree
from auditor.crossdoc.events.editor import apply_decisions
from auditor.crossdoc.events.merging import merge
from auditor.crossdoc.events.profiles import Profile, profile
from auditor.crossdoc.events.resemblance import AnchorWeights, candidate_pairs, common_places, lead_vectors
from auditor.model import Article, Claim, Event, IncidentDecision

log = logging.getLogger(__name__)


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
    setting = common_places(ids, by_article)
    profiles = {a.id: profile(a, by_article[a.id], setting) for a in articles}
    names = AnchorWeights(ids, by_article, profiles)
    centre = lead_vectors(ids, by_article, claims, vectors)
    # figures of one category are compared even without a shared anchor: undated rival tolls keep apart
    keys = {a: names.sets[a] | {"@" + category for category, _ in profiles[a].figures} for a in ids}
    pairs = candidate_pairs(ids, keys, centre)
    # 1. merge on shared anchors, strongest first, while nothing in the leads keeps them apart
    rules = ApartRules(ids, profiles)
    for a, b in pairs:
        rules.check(a, b)
    rules.tolls = "parties"
    groups = merge([[a] for a in ids], pairs, rules.pos, rules.apart, rules.kept_apart, names.needed,
                   pair_values=names.evidence_and_sim)
    by_names = [list(g) for g in groups]
    # 1b. names at least half of the articles share are the story's own (see `AnchorWeights`): groups
    #     sharing them join, unless kept apart, or their reports fix their days apart (two flights of
    #     one airline "on Sunday" and "on Friday" share the airline and the airport), or they share
    #     only one of the story's names (a president's tariff posts and his indictment share his name;
    #     the minister and the inquiry's chairman, the county and the island's capital make a story)
    if names.story and len(groups) > 1:
        def not_one_story(g: list[str], h: list[str]) -> bool:
            return len(names.story_names(g, h)) < STORY_NAMES or rules.kept_or_dated_apart(g, h)

        groups = merge(groups, pairs, rules.pos, rules.apart, not_one_story, names.needed,
                       pair_values=names.story_evidence)
    by_story = [list(g) for g in groups]
    # 2. the articles were given as one story: groups about the same subject (their averaged claim
    #    vectors as close as paraphrases) join, unless kept apart. Totals far apart are no reason
    #    even here: a disaster's toll rises three- to tenfold in a day, and undated early and late
    #    reports of one quake read as rival totals (measured: no dev pair needs them since event
    #    days written "on ..." keep the similar-but-different incidents apart)
    if centre is not None and len(groups) > 1:
        groups = merge(groups, pairs, rules.pos, rules.apart, rules.kept_apart, SAME_SUBJECT, centres=centre)
    # 3. the editor decides in the end
    edited = apply_decisions(groups, decisions, rules.pos, rules.apart) if decisions else None
    events = _events(articles, by_article, [g.members for g in edited] if edited is not None else groups, profiles,
                     names, rules, {tuple(g.members): g.notes for g in edited} if edited is not None else {})
    log.info("grouped %d articles into %d incidents (%d pairs compared)", len(ids), len(events), len(pairs))
    settled = _decisions(ids, groups, by_names, by_story, set(pairs), names, rules) if decide else ()
    return events, settled


def _decisions(ids: Sequence[str], groups: list[list[str]], by_names: list[list[str]], by_story: list[list[str]],
               compared: set, names: AnchorWeights, rules: ApartRules) -> tuple[Decision, ...]:
    """Every pair's decision, by kind. Joined: in one group after merging on shared names (the pair
    itself sharing enough, or only through the group), else after joining on the story's names,
    else after joining by subject. Apart: each reason the pair itself has; else the reason of a pair
    across the two groups (the groups were kept apart); else days the two reports fix apart, or too
    little in common (compared), or nothing distinctive shared (never compared)."""
    final = {a: k for k, g in enumerate(groups) for a in g}
    first = {a: k for k, g in enumerate(by_names) for a in g}
    story = {a: k for k, g in enumerate(by_story) for a in g}
    out = []
    for a, b in combinations(ids, 2):
        pair = (a, b) if rules.pos[a] < rules.pos[b] else (b, a)
        if final[a] == final[b]:
            if first[a] == first[b]:
                own = pair in compared and names.evidence_and_sim(*pair)[0] >= names.needed
                kind = "joined: shared names" + ("" if own else " (through the group)")
            elif story[a] == story[b]:
                kind = "joined: the story's names"
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
            kind = ("apart: days fixed apart" if days_disagree(rules.profiles[pair[0]], rules.profiles[pair[1]])
                    else "apart: too little in common") if pair in compared else "apart: never compared"
        out.append(Decision(a, b, False, kind))
    return tuple(out)


def _claims_by_article(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        out[c.article].append(c)
    return out


def _events(articles: Sequence[Article], by_article: dict[str, list[Claim]], groups: list[list[str]],
            profiles: dict[str, Profile], names: AnchorWeights, rules: ApartRules,
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
        found = evidence(g, profiles, names.shared(g), own, rules.unlike_days)
        if notes:  # an article the editor set apart is bound to nothing: that is the editor's call
            found = tuple(x for x in found if x != NOTHING_BINDS)
        events.append(Event(id=f"e{k + 1}", articles=tuple(g),
                            label=_label([by_id[a] for a in g], [c for a in g for c in by_article[a]]),
                            evidence=(*notes, *found)))
    return tuple(events)


def evidence(group: Sequence[str], profiles: dict[str, Profile], shared: Sequence[str],
             apart: dict[tuple[str, str], list[str]],
             unlike_days: Optional[dict[tuple[str, str], str]] = None) -> tuple[str, ...]:
    """Why these articles are one incident and why others are not, deciding reasons first: when,
    where, who (what an editor can check in the leads), then the shared names, then each article
    kept apart with its first reason, then each that the story's names did not join because the
    two reports fix different days (`unlike_days`)."""
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
    for a, b in sorted(p for p in (unlike_days or {}) if (p[0] in members) != (p[1] in members)):
        other = b if a in members else a
        if other not in told:
            told.add(other)
            lines.append(f"not joined to {other}: the days differ ({unlike_days[(a, b)]})")
    if not lines and len(group) == 1:
        lines.append(NOTHING_BINDS)
    return tuple(lines)


NOTHING_BINDS = "nothing binds it to the other articles"
STORY_NAMES = 2  # of the story's names two groups must share to join on them: more than one
SAME_SUBJECT = 0.75  # cosine of averaged claim vectors; sentence paraphrases start about there


def _label(articles: Sequence[Article], claims: Sequence[Claim]) -> Optional[str]:
    titles = [a.title for a in articles if a.title]
    if titles:
        return titles[0]
    for c in claims:
        if any(q.category and q.category.startswith("killed") for q in c.quantities):
            return c.text if len(c.text) <= 100 else c.text[:97] + "..."
    return None
