"""Editorial review: statuses, stable fact keys, re-attachment across runs, and exports.

Cluster ids are hashes of their member claim ids, so they change whenever a run adds or
loses a member. A reviewer's verdict belongs to the *fact*, not to one run's cluster: each
cluster gets a fact key at first sight, and on every later run the previous facts are matched
to the new clusters (shared claim ids first, then wording) so the key, and the review on it,
move with the fact. What no longer matches is kept as orphaned, never dropped.

Everything here is pure: the workspace (auditor.review.workspace) stores, this module decides.
"""
from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Optional, Sequence

from auditor.errors import AuditorError
from auditor.model import Audit, Cluster, Finding, IncidentDecision

# --------------------------------------------------------------------------- statuses

STATUSES = ("unchecked", "in-progress", "verified", "false", "misleading", "inconclusive")
DEFAULT_STATUS = "unchecked"
STATUS_LABELS = {
    "unchecked": "Unchecked",
    "in-progress": "In progress",
    "verified": "Verified",
    "false": "False",
    "misleading": "Misleading",
    "inconclusive": "Inconclusive",
}
# schema.org Rating on a 1..5 scale; only settled verdicts are published as ClaimReview.
BEST_RATING, WORST_RATING = 5, 1
RATINGS = {
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "inconclusive": (3, "Inconclusive"),
    "verified": (5, "True"),
}

# Re-attachment thresholds (stated, tested):
MIN_SHARED_CLAIMS = 0.5  # share of a fact's previous member claims found together in one new cluster
MIN_TEXT_SIMILARITY = 80.0  # rapidfuzz token_sort_ratio, averaged over the fact's member texts
MIN_FINDING_EVIDENCE = 0.5  # Jaccard of a finding's evidence (article, text) pairs
MIN_FINDING_SUMMARY = 80.0  # rapidfuzz token_sort_ratio of finding summaries, same kind only


class ReviewError(AuditorError):
    """A review request the user can fix: unknown status, unknown id..."""


def normalize_status(text: str) -> str:
    """Accept "In progress", "in_progress", "IN-PROGRESS"...; refuse anything else in one line."""
    value = "-".join(text.strip().lower().replace("_", " ").split())
    if value not in STATUSES:
        raise ReviewError(f"unknown status {text!r}: use one of {', '.join(STATUSES)}")
    return value


# --------------------------------------------------------------------------- facts and keys


@dataclass(frozen=True)
class Fact:
    """Something a reviewer can judge, as last seen: a cluster, or one finding of a cluster."""

    key: str
    kind: str  # cluster | finding
    cluster: Optional[str]  # the cluster id of the latest run; None when orphaned
    claims: tuple[str, ...] = ()  # member claim ids (a finding: its cluster's)
    texts: tuple[str, ...] = ()  # member claim texts, aligned with claims (a finding: evidence texts)
    articles: tuple[str, ...] = ()  # article id of each member claim (a finding: of each evidence span)
    label: str = ""
    verdict: str = ""  # the cluster's verdict (agree | diverge | single-source)
    parent: Optional[str] = None  # a finding's cluster fact key
    index: Optional[int] = None  # a finding's 1-based position among its cluster's findings
    finding_kind: Optional[str] = None
    severity: Optional[str] = None
    summary: Optional[str] = None
    evidence: tuple[str, ...] = ()  # "article\0text" of each evidence span
    hint: Optional[str] = None  # orphans: the current cluster that resembles it most
    category: Optional[str] = None  # the figure a cluster compares ("killed:security"); facts never change it

    @property
    def orphaned(self) -> bool:
        return self.cluster is None

    @property
    def target(self) -> str:
        """Where the review page shows it: "cluster id" or "cluster id/finding index"."""
        if self.cluster is None:
            return ""
        return self.cluster if self.kind == "cluster" else f"{self.cluster}/{self.index}"


@dataclass(frozen=True)
class Move:
    """How one previously known fact fared in a new run."""

    key: str
    old: Optional[str]  # cluster id before
    new: Optional[str]  # cluster id now; None = orphaned
    method: str  # same | claims | text | orphaned
    score: float = 0.0


@dataclass(frozen=True)
class Reattachment:
    facts: tuple[Fact, ...]  # every fact after the run: attached ones and kept orphans
    moves: tuple[Move, ...]  # previous facts: where each went


def _digest(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:10]


def fact_key(claim_ids: Iterable[str], category: Optional[str] = None) -> str:
    """A new fact's key, from its members (and figure) at first sight; it then stays while members change."""
    return "f_" + _digest(*sorted(claim_ids), *((category,) if category else ()))


def finding_key(parent: str, finding: Finding) -> str:
    return "g_" + _digest(parent, finding.kind, finding.summary, *sorted(_evidence(finding)))


def _unique(key: str, used: set[str]) -> str:
    out, n = key, 1
    while out in used:
        n += 1
        out = f"{key}-{n}"
    used.add(out)
    return out


def _evidence(finding: Finding) -> tuple[str, ...]:
    return tuple(f"{s.article}\0{s.text}" for s in finding.evidence)


def cluster_label(cluster: Cluster, texts: Mapping[str, str], limit: int = 100) -> str:
    """The shortest member sentence, after the figure compared when there is one."""
    members = [texts[c] for c in cluster.claims if c in texts]
    if not members:
        return cluster.label or cluster.id
    flat = " ".join(min(members, key=len).split())
    if getattr(cluster, "category", None):
        flat = f"{cluster.label or cluster.category} — {flat}"
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- re-attachment


def _greedy(pairs: list[tuple], taken_a: set, taken_b: set) -> list[tuple]:
    """One-to-one assignment, best pair first; pairs are (sort key, a, b, score)."""
    out = []
    for _, a, b, score in sorted(pairs, key=lambda p: p[0]):
        if a in taken_a or b in taken_b:
            continue
        taken_a.add(a)
        taken_b.add(b)
        out.append((a, b, score))
    return out


def _text_scores(old: Sequence[Sequence[str]], new: Sequence[Sequence[str]]):
    """Mean over each old fact's texts of the best token_sort_ratio against each new cluster's texts."""
    import numpy as np
    from rapidfuzz import fuzz, process

    rows = [t for texts in old for t in texts]
    cols = [t for texts in new for t in texts]
    if not rows or not cols:
        return np.zeros((len(old), len(new)))
    matrix = process.cdist(rows, cols, scorer=fuzz.token_sort_ratio, processor=str.lower, workers=1)
    col_starts = np.cumsum([0] + [len(t) for t in new[:-1]])
    per_cluster = np.maximum.reduceat(matrix, col_starts, axis=1) if len(cols) else matrix
    out = np.zeros((len(old), len(new)))
    start = 0
    for i, texts in enumerate(old):
        block = per_cluster[start:start + len(texts)]
        out[i] = block.mean(axis=0) if len(texts) else 0.0
        start += len(texts)
    for j, texts in enumerate(new):  # a cluster without texts never matches by wording
        if not texts:
            out[:, j] = 0.0
    return out


def _cluster_fact(cluster: Cluster, key: str, texts: Mapping[str, str], article_of: Mapping[str, str]) -> Fact:
    return Fact(key=key, kind="cluster", cluster=cluster.id, claims=tuple(cluster.claims),
                texts=tuple(texts.get(c, "") for c in cluster.claims),
                articles=tuple(article_of.get(c, "") for c in cluster.claims),
                label=cluster_label(cluster, texts), verdict=cluster.verdict,
                category=getattr(cluster, "category", None))


def _finding_fact(parent: Fact, index: int, finding: Finding, key: str) -> Fact:
    return Fact(key=key, kind="finding", cluster=parent.cluster, claims=parent.claims,
                texts=tuple(s.text for s in finding.evidence), articles=tuple(s.article for s in finding.evidence),
                label=finding.summary, verdict=parent.verdict, parent=parent.key, index=index,
                finding_kind=finding.kind, severity=finding.severity, summary=finding.summary,
                evidence=_evidence(finding))


def reattach(previous: Sequence[Fact], audit: Audit, reviewed: Iterable[str] = ()) -> Reattachment:
    """Give every cluster and finding of `audit` a fact key, keeping the keys of `previous` facts.

    A previous cluster fact goes to the new cluster holding at least MIN_SHARED_CLAIMS of its
    member claims (most first, reviewed facts before unreviewed ones, then Jaccard); facts left
    over go to the cluster whose member texts resemble theirs by at least MIN_TEXT_SIMILARITY.
    Findings follow their cluster's fact and match by kind, then evidence, then summary wording.
    Reviewed facts that match nothing are kept as orphans (with a hint); unreviewed ones are
    forgotten, since nothing hangs on them.
    """
    reviewed = set(reviewed)
    texts = {c.id: c.text for c in audit.claims}
    article_of = {c.id: c.article for c in audit.claims}
    new = list(audit.clusters)
    old = [f for f in previous if f.kind == "cluster"]
    used_keys = {f.key for f in previous}
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    best_hint: dict[int, tuple[float, Optional[str]]] = {}
    matched = _match_by_claims(old, new, reviewed, taken_old, taken_new, best_hint)
    matched.update(_match_by_wording(old, new, texts, reviewed, taken_old, taken_new, best_hint))
    cluster_facts, facts, moves = _cluster_facts(old, new, matched, texts, article_of, reviewed, used_keys, best_hint)
    target_of = {f.key: f.target for f in facts}  # orphans included
    finding_facts, finding_moves = _finding_facts(previous, new, cluster_facts, target_of, reviewed, used_keys)
    return Reattachment(tuple(facts + finding_facts), tuple(moves + finding_moves))


Matches = dict[int, tuple[int, str, float]]  # old fact index -> (new cluster index, method, score)


def _match_by_claims(old: Sequence[Fact], new: Sequence[Cluster], reviewed: set[str], taken_old: set[int],
                     taken_new: set[int], best_hint: dict) -> Matches:
    """Phase 1: an old cluster fact goes to the new cluster of the same category sharing at least
    MIN_SHARED_CLAIMS of its claim ids (one sentence can state several figures: each is its own
    fact). Records each old fact's best share in `best_hint`, for orphans."""
    by_claim: dict[str, list[int]] = defaultdict(list)
    for j, c in enumerate(new):
        for cid in set(c.claims):
            by_claim[cid].append(j)
    pairs = []
    for i, f in enumerate(old):
        mine = set(f.claims)
        counts = Counter(j for cid in mine for j in by_claim.get(cid, ()))
        for j, shared in counts.items():
            if f.category != getattr(new[j], "category", None):
                continue
            share = shared / len(mine)
            jaccard = shared / len(mine | set(new[j].claims))
            if best_hint.get(i, (0.0, None))[0] < share:
                best_hint[i] = (share, new[j].id)
            if share >= MIN_SHARED_CLAIMS:
                same = new[j].id == f.cluster
                pairs.append(((-share, not same, f.key not in reviewed, -jaccard, f.key, new[j].id), i, j,
                              share))
    return {i: (j, "same" if new[j].id == old[i].cluster else "claims", score)
            for i, j, score in _greedy(pairs, taken_old, taken_new)}


def _match_by_wording(old: Sequence[Fact], new: Sequence[Cluster], texts: Mapping[str, str], reviewed: set[str],
                      taken_old: set[int], taken_new: set[int], best_hint: dict) -> Matches:
    """Phase 2: what the ids could not place goes to the unplaced new cluster of the same category
    whose member texts resemble its own by at least MIN_TEXT_SIMILARITY."""
    rest_old = [i for i in range(len(old)) if i not in taken_old]
    rest_new = [j for j in range(len(new)) if j not in taken_new]
    if not rest_old or not rest_new:
        return {}
    scores = _text_scores([old[i].texts for i in rest_old], [[texts.get(c, "") for c in new[j].claims]
                                                             for j in rest_new])
    pairs = []
    for a, i in enumerate(rest_old):
        for b, j in enumerate(rest_new):
            if old[i].category != getattr(new[j], "category", None):
                continue
            s = float(scores[a, b])
            if s > best_hint.get(i, (0.0, None))[0] * 100 and s >= 50:
                best_hint[i] = (s / 100, new[j].id)
            if s >= MIN_TEXT_SIMILARITY:
                pairs.append(((-s, old[i].key not in reviewed, old[i].key, new[j].id), i, j, s / 100))
    return {i: (j, "text", score) for i, j, score in _greedy(pairs, taken_old, taken_new)}


def _cluster_facts(old: Sequence[Fact], new: Sequence[Cluster], matched: Matches, texts: Mapping[str, str],
                   article_of: Mapping[str, str], reviewed: set[str], used_keys: set[str],
                   best_hint: dict) -> tuple[dict[int, Fact], list[Fact], list[Move]]:
    """Phase 3: a key for every new cluster (its matched fact's, else a new one); reviewed facts
    that matched nothing kept as orphans with a hint. Returns the facts by new cluster index, every
    cluster fact in order, and the moves."""
    key_of: dict[int, str] = {j: old[i].key for i, (j, _, _) in matched.items()}
    moves = [Move(old[i].key, old[i].cluster, new[j].id, method, round(score, 3))
             for i, (j, method, score) in sorted(matched.items())]
    facts: list[Fact] = []
    cluster_facts: dict[int, Fact] = {}
    for j, c in enumerate(new):
        key = key_of.get(j) or _unique(fact_key(c.claims, getattr(c, "category", None)), used_keys)
        cluster_facts[j] = _cluster_fact(c, key, texts, article_of)
        facts.append(cluster_facts[j])
    for i, f in enumerate(old):
        if i in matched:
            continue
        moves.append(Move(f.key, f.cluster, None, "orphaned"))
        if f.key in reviewed:
            hint = best_hint.get(i, (0.0, f.hint))[1]
            facts.append(replace(f, cluster=None, hint=hint))
    return cluster_facts, facts, moves


def _finding_facts(previous: Sequence[Fact], new: Sequence[Cluster], cluster_facts: dict[int, Fact],
                   target_of: Mapping[str, str], reviewed: set[str], used_keys: set[str]) -> tuple[list[Fact], list[Move]]:
    """Phase 4: findings follow their cluster's fact, matched by kind, then evidence, then summary
    wording; reviewed findings that matched nothing are kept as orphans, hinting at where their
    cluster's fact went (`target_of`: cluster fact key -> its target)."""
    old_findings: dict[Optional[str], list[Fact]] = defaultdict(list)
    for f in previous:
        if f.kind == "finding":
            old_findings[f.parent].append(f)
    facts: list[Fact] = []
    moves: list[Move] = []
    placed: set[str] = set()
    for j, c in enumerate(new):
        parent = cluster_facts[j]
        candidates = old_findings.get(parent.key, [])
        got = _match_findings(c.findings, candidates)
        for n, finding in enumerate(c.findings, 1):
            if n in got:
                key, score = got[n]
                old_f = next(f for f in candidates if f.key == key)
                moves.append(Move(key, old_f.target or None, f"{c.id}/{n}", "finding", round(score, 3)))
            else:
                key = _unique(finding_key(parent.key, finding), used_keys)
            placed.add(key)
            facts.append(_finding_fact(parent, n, finding, key))
    for f in previous:
        if f.kind == "finding" and f.key not in placed:
            moves.append(Move(f.key, f.target or None, None, "orphaned"))
            if f.key in reviewed:
                hint = target_of.get(f.parent or "") or f.hint
                facts.append(replace(f, cluster=None, index=None, hint=hint))
    return facts, moves


def _match_findings(findings: Sequence[Finding], candidates: Sequence[Fact]) -> dict[int, tuple[str, float]]:
    """Finding number (from 1) -> (old finding's key, score): same kind, then shared evidence, else
    similar summary wording (which also tells apart findings on one piece of evidence)."""
    pairs = []
    for n, finding in enumerate(findings, 1):
        ev = set(_evidence(finding))
        for f in candidates:
            if f.finding_kind != finding.kind:
                continue
            union = ev | set(f.evidence)
            overlap = len(ev & set(f.evidence)) / len(union) if union else 1.0
            wording = _ratio(f.summary or "", finding.summary)
            if overlap >= MIN_FINDING_EVIDENCE:
                pairs.append(((0, -overlap, -wording, f.key), f.key, n, overlap))
            elif wording >= MIN_FINDING_SUMMARY:
                pairs.append(((1, -wording, f.key), f.key, n, wording / 100))
    return {n: (key, score) for key, n, score in _greedy(pairs, set(), set())}


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(a.lower(), b.lower()))


# --------------------------------------------------------------------------- review state


@dataclass(frozen=True)
class Review:
    """The current review of one fact: each field remembers who set it and when."""

    key: str
    status: str = DEFAULT_STATUS
    note: str = ""
    status_by: str = ""
    status_at: str = ""
    note_by: str = ""
    note_at: str = ""

    @property
    def by(self) -> str:
        return self.note_by if self.note_at > self.status_at else self.status_by

    @property
    def at(self) -> str:
        return max(self.status_at, self.note_at)

    @property
    def reviewed(self) -> bool:
        return bool(self.status_at or self.note_at)


@dataclass(frozen=True)
class Change:
    """One row of the append-only history."""

    id: int
    key: str
    field: str  # status | note | cluster (re-attachment by a run)
    old: Optional[str]
    new: Optional[str]
    by: str
    at: str


def edits(status: Optional[str], status_was: Optional[str], note: Optional[str],
          note_was: Optional[str]) -> dict[str, str]:
    """The fields a form really changed, compared with what its page showed.

    Two tabs editing one fact each send both fields; writing only the changed ones means one
    tab's status and the other's note both survive (last write per field wins).
    """
    out = {}
    if status is not None and (status_was is None or normalize_status(status) != status_was):
        out["status"] = normalize_status(status)
    if note is not None and (note_was is None or _norm_note(note) != _norm_note(note_was)):
        out["note"] = _norm_note(note)
    return out


def _norm_note(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


# --------------------------------------------------------------------------- exports


@dataclass(frozen=True)
class ArticleInfo:
    """What the workspace knows of an article, for citing it."""

    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = None


def _appearance(info: Optional[ArticleInfo], article_id: str, wording: str) -> dict:
    out: dict = {"@type": "NewsArticle", "identifier": article_id}
    if info and info.title:
        out["headline"] = info.title
    if info and info.url:
        out["url"] = info.url
    if info and info.published:
        out["datePublished"] = info.published
    if info and info.outlet:
        out["publisher"] = {"@type": "Organization", "name": info.outlet}
    if wording:
        out["description"] = wording  # the claim as this article words it
    return out


def review_url(base_url: str, key: str) -> str:
    return f"{base_url.rstrip('/')}/#review-{key}"


def claimreview(facts: Sequence[Fact], reviews: Mapping[str, Review], articles: Mapping[str, ArticleInfo],
                base_url: str, organization: Optional[str] = None) -> dict:
    """schema.org ClaimReview JSON-LD for every cluster fact with a settled verdict.

    `@context` is the string "https://schema.org": nothing is fetched to write or read it.
    The claim reviewed is its earliest appearance's wording; every article stating it is an
    appearance, with its date when known.
    """
    graph = []
    for fact in facts:
        review = reviews.get(fact.key)
        if fact.kind != "cluster" or review is None or review.status not in RATINGS:
            continue
        value, name = RATINGS[review.status]
        seen: dict[str, int] = {}
        for n, article_id in enumerate(fact.articles):
            seen.setdefault(article_id, n)
        order = sorted(seen.items(), key=lambda kv: ((articles.get(kv[0]) or ArticleInfo(kv[0])).published or "9999",
                                                     kv[1]))
        appearances = [_appearance(articles.get(a), a, fact.texts[n] if n < len(fact.texts) else "")
                       for a, n in order]
        first_text = fact.texts[order[0][1]] if order and fact.texts else fact.label
        claim: dict = {"@type": "Claim", "appearance": appearances}
        if appearances:
            claim["firstAppearance"] = appearances[0]
            if appearances[0].get("datePublished"):
                claim["datePublished"] = appearances[0]["datePublished"]
        url = review_url(base_url, fact.key)
        item = {
            "@type": "ClaimReview",
            "@id": url,
            "url": url,
            "identifier": fact.key,
            "claimReviewed": " ".join(first_text.split()),
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST_RATING,
                             "worstRating": WORST_RATING, "alternateName": name},
            "author": ({"@type": "Organization", "name": organization} if organization
                       else {"@type": "Person", "name": review.status_by or "unknown"}),
            "datePublished": (review.status_at or review.at)[:10],
        }
        if review.note:
            item["reviewBody"] = review.note
        graph.append(item)
    return {"@context": "https://schema.org", "@graph": graph}


CSV_COLUMNS = ("key", "kind", "cluster", "verdict", "finding", "severity", "text", "articles", "status",
               "note", "by", "updated", "orphaned")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text a spreadsheet shows as text: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def _full_label(fact: Fact) -> str:
    """A cluster's label without the cut: spreadsheets show long cells fine."""
    texts = [t for t in fact.texts if t.strip()]
    if not texts:
        return fact.label
    text = " ".join(min(texts, key=len).split())
    return f"{fact.category} — {text}" if fact.category else text


def findings_csv(facts: Sequence[Fact], reviews: Mapping[str, Review]) -> str:
    """Every finding, and every reviewed cluster, with its status: one row each."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    children: dict[Optional[str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "finding":
            children[fact.parent].append(fact)
    clusters = [f for f in facts if f.kind == "cluster"]
    known = {f.key for f in clusters}
    ordered = [g for f in clusters for g in (f, *children.get(f.key, ()))]
    ordered += [f for parent, found in children.items() if parent not in known for f in found]
    for fact in ordered:  # each cluster, then its findings
        review = reviews.get(fact.key) or Review(fact.key)
        if fact.kind == "cluster" and not review.reviewed:
            continue
        writer.writerow([_cell(v) for v in (
            fact.key, fact.kind, fact.cluster or "", fact.verdict, fact.finding_kind or "", fact.severity or "",
            fact.summary if fact.kind == "finding" else _full_label(fact), "; ".join(dict.fromkeys(fact.articles)),
            review.status, review.note, review.by, review.at, "yes" if fact.orphaned else "")])
    return buffer.getvalue()


# --------------------------------------------------------------------------- review page model


@dataclass(frozen=True)
class Slot:
    """One fact's review controls on the page."""

    key: str
    kind: str
    target: str  # "cluster id" or "cluster id/n"; the fact key for an orphan
    label: str
    status: str
    status_label: str
    note: str
    by: str
    at: str
    verdict: str = ""
    hint: str = ""  # orphans: the closest current cluster id
    hint_key: str = ""  # ... and its fact key, for a link
    finding_kind: str = ""


def slots(facts: Sequence[Fact], reviews: Mapping[str, Review]) -> dict[str, Slot]:
    """Slots by page target ("cluster id" or "cluster id/n") and, for orphans, by fact key."""
    key_of_cluster = {f.cluster: f.key for f in facts if f.kind == "cluster" and f.cluster}
    out: dict[str, Slot] = {}
    for f in facts:
        r = reviews.get(f.key) or Review(f.key)
        target = f.target or f.key
        out[target] = Slot(f.key, f.kind, target, f.label, r.status, STATUS_LABELS[r.status], r.note, r.by, r.at,
                           f.verdict, f.hint or "", key_of_cluster.get(f.hint or "", ""), f.finding_kind or "")
    return out


def status_counts(facts: Sequence[Fact], reviews: Mapping[str, Review]) -> tuple[tuple[str, int], ...]:
    counts = Counter((reviews.get(f.key) or Review(f.key)).status for f in facts)
    return tuple((STATUS_LABELS[s], counts.get(s, 0)) for s in STATUSES)


def page_context(facts: Sequence[Fact], reviews: Mapping[str, Review], *, token: str, reviewer: str,
                 workspace: str) -> dict:
    """What the report templates need to show review controls (see partials/review*.html)."""
    by_target = slots(facts, reviews)
    findings_by_cluster: dict[str, list[Slot]] = defaultdict(list)
    for f in facts:
        if f.kind == "finding" and f.cluster:
            findings_by_cluster[f.cluster].append(by_target[f.target])
    return {
        "review_mode": True,
        "reviews": by_target,
        "review_token": token,
        "reviewer": reviewer,
        "review_workspace": workspace,
        "review_statuses": tuple(STATUS_LABELS.items()),
        "review_counts": status_counts(facts, reviews),
        "review_orphans": tuple(by_target[f.key] for f in facts if f.orphaned),
        "review_single": tuple(by_target[f.target] for f in facts
                               if f.kind == "cluster" and not f.orphaned and f.verdict == "single-source"),
        "review_findings": findings_by_cluster,
    }


@dataclass(frozen=True)
class IncidentSlot:
    """One incident's editor controls on the page: its articles, those of the other incidents
    (to move one here), and the other incidents (to join), each as (article id, label). An
    incident is named by one of its articles (`target`), as the decisions name incidents."""

    target: str
    members: tuple[tuple[str, str], ...]
    outsiders: tuple[tuple[str, str], ...]
    others: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DecisionSlot:
    """One decision in force, with a button to withdraw it."""

    article: str
    words: str
    by: str
    at: str
    pending: bool  # taken after the latest run: applies from the next audit


def incident_context(audit: Audit, decisions: Sequence[IncidentDecision], latest_run_at: str = "") -> dict:
    """What the report templates need to show incident controls (partials/review_incident.html)."""
    by_id = {a.id: a for a in audit.articles}

    def label(aid: str) -> str:
        a = by_id.get(aid)
        title = _one_line(a.title, 60) if a is not None and a.title else ""
        return f"{aid} — {title}" if title else aid

    slots_by_event = {}
    for e in audit.events:
        if not e.articles:
            continue
        slots_by_event[e.id] = IncidentSlot(
            target=e.articles[0],
            members=tuple((a, label(a)) for a in e.articles),
            outsiders=tuple((a, label(a)) for o in audit.events if o.id != e.id for a in o.articles),
            others=tuple((o.articles[0], f"{o.id}: {_one_line(o.label or label(o.articles[0]), 60)}")
                         for o in audit.events if o.id != e.id and o.articles))
    return {
        "review_incidents": slots_by_event,
        "review_decisions": tuple(DecisionSlot(d.article, decision_words(d), d.by, d.at,
                                               bool(latest_run_at) and d.at > latest_run_at) for d in decisions),
    }


# --------------------------------------------------------------------------- text for the CLI


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def list_lines(facts: Sequence[Fact], reviews: Mapping[str, Review], *, status: Optional[str] = None,
               reviewed: bool = False, orphaned: bool = False, show_all: bool = False) -> list[str]:
    """`auditor review list`: one line per fact, reviewed and diverging ones first."""
    wanted = normalize_status(status) if status else None
    rank = {"diverge": 0, "agree": 1, "single-source": 2}
    rows = []
    for f in facts:
        r = reviews.get(f.key) or Review(f.key)
        if wanted and r.status != wanted:
            continue
        if reviewed and not r.reviewed:
            continue
        if orphaned and not f.orphaned:
            continue
        if not (show_all or wanted or reviewed or orphaned or r.reviewed or f.orphaned
                or f.verdict != "single-source"):
            continue  # facts (and their findings) one article states alone: with --all
        rows.append((not r.reviewed, rank.get(f.verdict, 3), f.cluster or "~", f.index or 0, f, r))
    rows.sort(key=lambda x: x[:4])
    out = []
    for *_, f, r in rows:
        where = "orphaned" if f.orphaned else (f.verdict if f.kind == "cluster" else f"  {f.finding_kind}")
        count = len(dict.fromkeys(f.articles))
        out.append(f"{f.key:<14} {r.status:<12} {where:<16} {count} art.  {_one_line(f.label, 80)}"
                   + (f"  [{_one_line(r.note, 40)}]" if r.note else ""))
    if not out:
        out.append("no facts match" if facts else "no facts yet: run auditor audit PATH... --workspace DIR")
    return out


def describe(key: str, facts: Sequence[Fact], reviews: Mapping[str, Review], history: Sequence[Change]) -> str:
    """`auditor review show`: the fact, its claims or evidence, its findings, review and history."""
    fact = next(f for f in facts if f.key == key)
    review = reviews.get(key) or Review(key)
    lines = [f"{fact.key}  ({fact.kind}{', ' + fact.finding_kind if fact.finding_kind else ''})"]
    if fact.orphaned:
        lines.append("  orphaned: no cluster of the latest run matches it"
                     + (f"; closest now: {fact.hint}" if fact.hint else ""))
    else:
        lines.append(f"  cluster {fact.cluster}  verdict {fact.verdict}"
                     + (f"  finding #{fact.index} of fact {fact.parent}" if fact.kind == "finding" else ""))
    if fact.summary:
        lines.append(f"  summary: {fact.summary}")
    lines.append("  evidence:" if fact.kind == "finding" else "  claims:")
    for article, text in zip(fact.articles, fact.texts):
        lines.append(f"    [{article}] {_one_line(text, 160)}")
    for f in facts:
        if f.kind == "finding" and f.parent == key:
            r = reviews.get(f.key) or Review(f.key)
            lines.append(f"  finding {f.key} ({r.status}): {_one_line(f.summary or '', 120)}")
    lines.append(f"  status: {review.status}" + (f" (by {review.status_by}, {review.status_at})" if review.status_at else ""))
    if review.note:
        lines.append(f"  note: {review.note}" + (f" (by {review.note_by}, {review.note_at})" if review.note_at else ""))
    if history:
        lines.append("  history:")
        for c in history:
            lines.append(f"    {c.at}  {c.by}: {c.field} {c.old!r} -> {c.new!r}")
    return "\n".join(lines) + "\n"


def decision_words(d: IncidentDecision) -> str:
    """An incident decision as the editor would say it."""
    return {"move": f"move {d.article} into the incident of {d.other}",
            "join": f"join the incidents of {d.article} and {d.other}",
            "apart": f"keep {d.article} on its own"}.get(d.action, f"{d.action} {d.article}")


def incident_lines(audit: Optional[Audit], decisions: Sequence[IncidentDecision],
                   latest_run_at: str = "") -> list[str]:
    """`auditor review incident list`: the latest run's incidents (each article with its outlet
    and title, and the first reason), then the editor's decisions in force; those taken after
    the latest run are marked, since they apply from the next audit."""
    out: list[str] = []
    if audit is None:
        out.append("no audit yet: run auditor audit PATH... --workspace DIR")
    else:
        by_id = {a.id: a for a in audit.articles}
        for e in audit.events:
            n = len(e.articles)
            out.append(f"{e.id}  {_one_line(e.label or '(no title)', 90)}  ({n} article{'s' if n != 1 else ''})")
            for aid in e.articles:
                a = by_id.get(aid)
                about = " ".join(x for x in (a.outlet if a else None, a.published[:10] if a and a.published else None,
                                             _one_line(a.title, 70) if a and a.title else None) if x)
                out.append(f"    {aid}  {about}".rstrip())
            if e.evidence:
                out.append(f"    why: {_one_line(e.evidence[0], 140)}")
    if decisions:
        out.append("editor's decisions (applied at every audit of this workspace):")
        for d in decisions:
            pending = "  [from the next audit]" if latest_run_at and d.at > latest_run_at else ""
            out.append(f"    {decision_words(d)}  — {d.by}, {d.at[:16].replace('T', ' ')} UTC{pending}")
    return out


EXPORT_FORMATS = ("claimreview", "csv")


def export(fmt: str, facts: Sequence[Fact], reviews: Mapping[str, Review], articles: Mapping[str, ArticleInfo],
           base_url: str = "http://127.0.0.1:8765", organization: Optional[str] = None) -> str:
    import json

    if fmt == "claimreview":
        return json.dumps(claimreview(facts, reviews, articles, base_url, organization), ensure_ascii=False,
                          indent=1) + "\n"
    if fmt == "csv":
        return findings_csv(facts, reviews)
    raise ReviewError(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
