"""What binds articles into one incident: the anchors they share, weighted by rarity (a name every
article uses tells nothing), and what they are about (averaged claim vectors). Only pairs that share
something distinctive, or are near neighbours, are compared: the work grows with the articles, not
with their pairs."""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np

from auditor import vocab
from auditor.crossdoc.events.profiles import Profile, anchors
from auditor.model import Claim
from auditor.read import places
from auditor.read.claims import initials, same_entity
from auditor.read.sources import KNOWN_OUTLETS

BLOCK_MAX_ARTICLES = 50  # an anchor carried by more articles than this proposes no pairs (a stop word)
NEIGHBOURS = 10  # each article is also compared with its nearest articles by document vector


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
        found += by_key.get(("place", _without_generic(n)), [])
        if len(words) == 1:
            found += by_key.get(("site", n), [])  # "Crocus" for the "Crocus City Hall"
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
        by_key[("place", _without_generic(n))].append(n)
        if len(r_words) > 1 and r_words[-1] in SITE_NOUNS and all(w in SITE_NOUNS or w in PLACE_GENERICS
                                                                   for w in r_words[1:]) \
                and places.resolve(r_words[0], towns=False) is None:
            by_key[("site", r_words[0])].append(n)  # (not "Kansas" for "Kansas State University")
    return rep


PLACE_GENERICS = vocab.words("place_generics")
SITE_NOUNS = vocab.words("site_nouns")  # a site's name is its first word and the kind of site: "Crocus City Hall"


def _without_generic(name: str) -> str:
    """A place's name without the kind of place written after it ("Hualien County", "Hualien City":
    "hualien"), as the gazetteer folds names, and an address without its number ("10 Downing
    Street": "downing street"); other names as they are."""
    words = name.lower().split()
    if len(words) > 1 and words[0].isdigit():
        words = words[1:]
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in PLACE_GENERICS else " ".join(words)


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


def common_places(ids: Sequence[str], by_article: dict[str, list[Claim]]) -> set[str]:
    """Places at least half of the articles name: the setting, not a part of it."""
    df: dict[str, int] = defaultdict(int)
    for a in ids:
        for p in {p.lower() for c in by_article[a] for p in c.places}:
            df[p] += 1
    return {p for p, d in df.items() if d * 2 >= len(ids)}


class AnchorWeights:
    """Each article's anchors (one name per entity) weighted by rarity: a name every article uses
    tells nothing, one that two articles share alone binds them.

    Rarity across the corpus misjudges the story's own names, though: where every article reports
    one story, the names they all share (the quake's county, the minister sacked) weigh almost
    nothing. So each anchor also has a story weight (`story_weight`): a specific name (no country,
    news outlet or figure, see `specific`) that at least half of the articles carry is the story's,
    and weighs as much as the merging needs of one name (`needed`); every other anchor keeps its
    rarity weight."""

    def __init__(self, ids: Sequence[str], by_article: dict[str, list[Claim]],
                 profiles: Optional[dict[str, Profile]] = None) -> None:
        raw = {a: anchors(by_article[a], (profiles or {}).get(a)) for a in ids}
        rep = _canonical(x for s in raw.values() for x in s)
        self.sets = {a: {rep[x] for x in raw[a]} for a in ids}
        # representative -> spelling -> articles that write it
        written: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for a in ids:
            for x in raw[a]:
                written[rep[x]][x] += 1
        # each name as most articles write it ("taiwan", not the "central taiwan" it is matched with)
        self.spelling = {r: max(xs, key=lambda x: (xs[x], -len(x), x)) for r, xs in written.items()}
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
        self.story = frozenset(x for x, d in df.items() if n > 1 and d * 2 >= n and specific(written[x]))
        self.story_weight = {x: max(w, self.needed) if x in self.story else w for x, w in self.weight.items()}

    def story_evidence(self, a: str, b: str) -> tuple[float, float]:
        """The story weight of the anchors two articles share, twice (as score and as order)."""
        w = sum(map(self.story_weight.__getitem__, self.sets[a] & self.sets[b]))
        return w, w

    def story_names(self, g: Sequence[str], h: Sequence[str]) -> set[str]:
        """The story's names that both groups carry (some article of each)."""
        return self.story.intersection(*(set().union(*(self.sets[a] for a in grp)) for grp in (g, h)))

    def evidence_and_sim(self, a: str, b: str) -> tuple[float, float]:
        """The weight of the anchors two articles share, and their cosine by those weights."""
        shared = self.sets[a] & self.sets[b]
        return (sum(map(self.weight.__getitem__, shared)),
                sum(map(self.squared.__getitem__, shared)) / (self.norm[a] * self.norm[b]))

    def shared(self, group: Sequence[str], top: int = 6) -> list[str]:
        """The anchors every article of the group carries, the story's and the rarest first."""
        common = set.intersection(*(self.sets[a] for a in group)) if len(group) > 1 else set()
        return [self.spelling[x].lstrip("#") for x in sorted(common, key=lambda x: (-self.story_weight[x], x))[:top]]


def specific(spellings: Iterable[str]) -> bool:
    """Whether a name (all its spellings) can tell one story from another: not a country (two
    quakes strike one country; "Taiwan" also stands behind "Central Taiwan"), not a news outlet (who
    reported it), not a figure (tolls of different events may match)."""
    return not any(x.startswith("#") or x.lower() in KNOWN_OUTLETS or _a_country(x) for x in spellings)


@lru_cache(maxsize=65536)
def _a_country(name: str) -> bool:
    place = places.resolve(name, towns=False)
    return place is not None and place.kind == "country"


def lead_vectors(ids: Sequence[str], by_article: dict[str, list[Claim]], claims: Sequence[Claim],
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
