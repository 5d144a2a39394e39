"""Review state: statuses, fact keys that survive re-runs, re-attachment, the CLI round trip."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional, Sequence

import pytest

from auditor.crossdoc.align import cluster_id
from auditor.model import Article, Audit, Claim, Cluster, Finding, Span
from auditor.review.reviews import (MIN_SHARED_CLAIMS, MIN_TEXT_SIMILARITY, Fact, Review, ReviewError, edits, list_lines, normalize_status, reattach)
from auditor.review.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]

# Claim texts by id; the article is the first letter of the id.
TEXTS = {
    "a1": "Over 70 people were killed in a series of attacks in Balochistan province.",
    "b1": "At least 70 people were killed in coordinated attacks across Balochistan.",
    "c1": "More than 70 people died in the attacks in Balochistan, officials said.",
    "d1": "Militants killed over 70 people in Balochistan on Monday.",
    "a2": "Rail traffic between Quetta and the rest of Pakistan was suspended.",
    "b2": "Train services from Quetta were suspended after a railway bridge was blown up.",
    "a3": "The Chinese embassy condemned the attacks and offered condolences.",
    "b3": "China's embassy in Islamabad said it deeply mourns the lives lost.",
    "x1": "The prime minister chaired a security meeting in Islamabad on Tuesday.",
    "y1": "Separatists have long accused the state of exploiting the province's resources.",
    # reworded versions of a1 / b1 (an edited article: new claim ids)
    "a1e": "Over 73 people were killed in a series of attacks in Balochistan province.",
    "b1e": "At least 73 people were killed in coordinated attacks across Balochistan.",
}


def claim(cid: str) -> Claim:
    text = TEXTS[cid]
    return Claim(id=cid, article=cid[0], start=0, end=len(text), text=text, sentence=0)


def span(cid: str) -> Span:
    return Span(article=cid[0], start=0, end=len(TEXTS[cid]), text=TEXTS[cid])


def cluster(ids: Sequence[str], findings: Sequence[Finding] = (), category: Optional[str] = None) -> Cluster:
    verdict = "single-source" if len({i[0] for i in ids}) == 1 else ("diverge" if findings else "agree")
    return Cluster(id=cluster_id(ids, category or ""), claims=tuple(ids), verdict=verdict, findings=tuple(findings),
                   category=category)


def make_audit(*groups: Sequence[str], findings: Optional[dict[int, Sequence[Finding]]] = None,
               categories: Optional[dict[int, str]] = None) -> Audit:
    findings, categories = findings or {}, categories or {}
    ids = [c for g in groups for c in g]
    articles = sorted({c[0] for c in ids})
    return Audit(articles=tuple(Article(id=a, path=f"{a}.txt", text="") for a in articles),
                 claims=tuple(claim(c) for c in ids),
                 clusters=tuple(cluster(g, findings.get(n, ()), categories.get(n)) for n, g in enumerate(groups)))


def first_run(audit: Audit) -> list[Fact]:
    return list(reattach([], audit).facts)


def fig_conflict(*cids: str, summary: str = "70 vs 74 killed") -> Finding:
    return Finding(kind="figure-conflict", severity="diverge", summary=summary, evidence=tuple(span(c) for c in cids))


# --------------------------------------------------------------------------- statuses


@pytest.mark.parametrize("text, status", [
    ("verified", "verified"), ("In progress", "in-progress"), ("in_progress", "in-progress"),
    ("IN-PROGRESS", "in-progress"), (" False ", "false"), ("misleading", "misleading"),
    ("inconclusive", "inconclusive"), ("unchecked", "unchecked"),
])
def test_statuses_are_normalised(text: str, status: str) -> None:
    assert normalize_status(text) == status


@pytest.mark.parametrize("text", ["", "true", "verify", "half-true"])
def test_unknown_status_is_one_clear_error(text: str) -> None:
    with pytest.raises(ReviewError, match="use one of unchecked, in-progress, verified"):
        normalize_status(text)


@pytest.mark.parametrize("form, written", [
    # a tab that changed only the status writes only the status
    (dict(status="verified", status_was="unchecked", note="", note_was=""), {"status": "verified"}),
    # only the note (the status select still shows what the page loaded)
    (dict(status="unchecked", status_was="unchecked", note="checked with police", note_was=""),
     {"note": "checked with police"}),
    (dict(status="false", status_was="unchecked", note="x", note_was=""), {"status": "false", "note": "x"}),
    # browsers send textarea line breaks as CRLF: not a change
    (dict(status="verified", status_was="verified", note="a\r\nb", note_was="a\nb"), {}),
    (dict(status="verified", status_was="verified", note="same ", note_was="same"), {}),
    # a client that does not say what it saw writes what it sends
    (dict(status="misleading", status_was=None, note=None, note_was=None), {"status": "misleading"}),
])
def test_a_form_writes_only_the_fields_it_changed(form: dict, written: dict) -> None:
    assert edits(form["status"], form["status_was"], form["note"], form["note_was"]) == written


# --------------------------------------------------------------------------- re-attachment


# (name, groups before, groups after, reviewed indexes before, expected: before index -> after index | None)
CASES = [
    ("unchanged", [["a1", "b1"], ["a2", "b2"]], [["a1", "b1"], ["a2", "b2"]], [0, 1], {0: 0, 1: 1}),
    ("cluster grows with new articles", [["a1", "b1"]], [["a1", "b1", "c1", "d1"]], [0], {0: 0}),
    ("single-source fact gains two articles", [["a1"]], [["a1", "c1", "d1"]], [0], {0: 0}),
    ("split keeps the larger part", [["a1", "b1", "c1"]], [["c1"], ["a1", "b1"]], [0], {0: 1}),
    ("member order does not matter", [["a1", "b1"]], [["b1", "a1"]], [0], {0: 0}),
    ("reworded members match by text", [["a1", "b1"], ["a2", "b2"]], [["a2", "b2"], ["a1e", "b1e"]], [0], {0: 1, 1: 0}),
    ("a vanished reviewed fact is orphaned", [["a1", "b1"], ["a2", "b2"]], [["a2", "b2"], ["x1"]], [0], {0: None, 1: 0}),
    ("less than half the claims and other words: orphaned", [["a1", "b1", "c1"]], [["a1", "x1"], ["b1", "y1"], ["c1"]],
     [0], {0: None}),
    ("merge: the reviewed fact wins", [["a3"], ["b3"]], [["a3", "b3"]], [1], {0: None, 1: 0}),
]


@pytest.mark.parametrize("name, before, after, reviewed, expected", CASES, ids=[c[0] for c in CASES])
def test_reviews_follow_their_fact(name, before, after, reviewed, expected) -> None:
    old_audit, new_audit = make_audit(*before), make_audit(*after)
    old = first_run(old_audit)
    key_of = {f.cluster: f.key for f in old}
    reviewed_keys = {key_of[old_audit.clusters[i].id] for i in reviewed}
    result = reattach(old, new_audit, reviewed_keys)
    now = {f.key: f for f in result.facts}
    for i, j in expected.items():
        key = key_of[old_audit.clusters[i].id]
        if j is None:
            if key in reviewed_keys:
                assert now[key].orphaned, name
            else:
                assert key not in now or now[key].cluster != new_audit.clusters[0].id
        else:
            assert now[key].cluster == new_audit.clusters[j].id, name
    # every new cluster has exactly one fact key
    attached = [f.cluster for f in result.facts if f.kind == "cluster" and not f.orphaned]
    assert sorted(attached) == sorted(c.id for c in new_audit.clusters)
    assert len({f.key for f in result.facts}) == len(result.facts)


def test_thresholds_are_stated() -> None:
    assert MIN_SHARED_CLAIMS == 0.5 and MIN_TEXT_SIMILARITY == 80.0


def test_an_orphan_names_the_closest_cluster_and_can_come_back() -> None:
    before = make_audit(["a3"], ["b3"])
    old = first_run(before)
    keys = [f.key for f in old]
    merged = make_audit(["a3", "b3"])
    result = reattach(old, merged, {keys[0], keys[1]})
    orphan = next(f for f in result.facts if f.orphaned)
    assert orphan.hint == merged.clusters[0].id
    back = reattach(result.facts, make_audit(["a3"], ["b3"]), set(keys))
    assert {f.key for f in back.facts if not f.orphaned} == set(keys)


def test_new_fact_keys_are_content_ids_and_never_reuse_an_existing_key() -> None:
    audit = make_audit(["a1", "b1"])
    (fact,) = first_run(audit)
    assert fact.key == "f_" + audit.clusters[0].id[2:]
    assert reattach([], audit).facts[0].key == fact.key  # deterministic
    # an orphan holding that key keeps it; the same members reappearing get it back rather than a twin
    orphan = Fact(key=fact.key, kind="cluster", cluster=None, claims=("zz",), texts=("unrelated words entirely",))
    result = reattach([orphan], audit, {fact.key})
    keys = [f.key for f in result.facts]
    assert len(keys) == len(set(keys)) == 2


def test_one_sentence_stating_two_figures_gives_two_facts_that_never_swap() -> None:
    """Figure clusters share claims (one sentence, several figures): the category keeps them apart."""
    before = make_audit(["a1", "b1"], ["a1", "b1"], categories={0: "killed:security", 1: "killed:civilians"})
    old = first_run(before)
    assert len({f.key for f in old}) == 2
    key = {f.category: f.key for f in old}
    after = make_audit(["a1", "b1", "c1"], ["a1", "b1"], categories={0: "killed:civilians", 1: "killed:security"})
    result = reattach(old, after, set(key.values()))
    now = {f.key: f for f in result.facts}
    assert now[key["killed:security"]].cluster == after.clusters[1].id
    assert now[key["killed:civilians"]].cluster == after.clusters[0].id


def test_two_findings_on_the_same_evidence_keep_their_own_keys() -> None:
    two = [Finding(kind="terminology", severity="note", summary="the violence called differently (attacks; assault)",
                   evidence=(span("a1"), span("b1"))),
           Finding(kind="terminology", severity="note", summary="security forces called differently (soldiers; police)",
                   evidence=(span("a1"), span("b1")))]
    old = first_run(make_audit(["a1", "b1"], findings={0: two}))
    keys = {f.summary: f.key for f in old if f.kind == "finding"}
    assert len(set(keys.values())) == 2
    result = reattach(old, make_audit(["a1", "b1", "c1"], findings={0: two[::-1]}), set(keys.values()))
    for f in result.facts:
        if f.kind == "finding":
            assert keys[f.summary] == f.key


FINDING_CASES = [
    ("same evidence", [fig_conflict("a1", "b1")], [fig_conflict("a1", "b1")], True),
    ("evidence grows", [fig_conflict("a1", "b1")], [fig_conflict("a1", "b1", "c1")], True),
    ("new evidence, same wording", [fig_conflict("a1", "b1")], [fig_conflict("c1", "d1")], True),
    ("other kind", [fig_conflict("a1", "b1")],
     [Finding(kind="window-difference", severity="note", summary="70 vs 74 killed", evidence=(span("c1"),))], False),
    ("finding gone", [fig_conflict("a1", "b1")], [], False),
]


@pytest.mark.parametrize("name, before, after, kept", FINDING_CASES, ids=[c[0] for c in FINDING_CASES])
def test_finding_reviews_follow_their_finding(name, before, after, kept) -> None:
    old_audit = make_audit(["a1", "b1"], findings={0: before})
    new_audit = make_audit(["a1", "b1", "c1", "d1"], findings={0: after})
    old = first_run(old_audit)
    finding = next(f for f in old if f.kind == "finding")
    assert finding.target == f"{old_audit.clusters[0].id}/1"
    result = reattach(old, new_audit, {finding.key})
    now = {f.key: f for f in result.facts}
    if kept:
        assert now[finding.key].cluster == new_audit.clusters[0].id and now[finding.key].index == 1
    else:
        assert now[finding.key].orphaned
        assert now[finding.key].hint == new_audit.clusters[0].id


# --------------------------------------------------------------------------- the listing


def test_list_puts_reviewed_first_and_hides_unreviewed_single_source() -> None:
    facts = first_run(make_audit(["a1", "b1"], ["x1"], ["y1"]))
    single = [f for f in facts if f.verdict == "single-source"]
    reviews = {single[0].key: Review(single[0].key, "false", "wrong", "ann", "2026-01-01T00:00:00")}
    lines = list_lines(facts, reviews)
    assert lines[0].startswith(single[0].key) and "false" in lines[0] and "[wrong]" in lines[0]
    assert not any(single[1].key in line for line in lines)
    assert any(single[1].key in line for line in list_lines(facts, reviews, show_all=True))
    assert list_lines(facts, reviews, status="verified") == ["no facts match"]


# --------------------------------------------------------------------------- the seeds round trip


def test_round_trip_on_the_seeds_keeps_five_reviews_on_their_facts(tmp_path, seeds_dir, fake_embedder) -> None:
    """Audit 3 articles, review 5 facts, add the other 2 articles, re-run: all 5 stay attached."""
    import auditor
    from auditor.config import AuditConfig

    config = AuditConfig(embedder=fake_embedder, use_cache=False)
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    ws = Workspace.open(tmp_path / "story")
    first = auditor.audit(ws.inputs(seeds[:3]), config)
    ws.record(first)
    shared = [c for c in first.clusters if c.verdict != "single-source"]
    single = [c for c in first.clusters if c.verdict == "single-source"]
    chosen = (shared[:3] + single[:5])[:5]
    assert len(chosen) == 5
    statuses = ["verified", "false", "misleading", "inconclusive", "in-progress"]
    before = {}
    for n, (c, status) in enumerate(zip(chosen, statuses)):
        review = ws.set_review(c.id, status=status, note=f"note {n}: {c.id}", by="desk")
        before[review.key] = (set(c.claims), status, f"note {n}: {c.id}")

    second = auditor.audit(ws.inputs(seeds[3:]), config)
    assert len(second.articles) == 5
    report = ws.record(second)
    assert not report.orphans
    assert ws.latest_audit() == second  # the stored JSON gives the same objects back
    facts = {f.key: f for f in ws.facts()}
    members = {c.id: set(c.claims) for c in second.clusters}
    for key, (claims, status, note) in before.items():
        fact = facts[key]
        assert not fact.orphaned
        # the right fact: the new cluster holds at least half of the reviewed cluster's claims
        assert len(claims & members[fact.cluster]) / len(claims) >= MIN_SHARED_CLAIMS
        review = ws.review(key)
        assert (review.status, review.note) == (status, note)
    ws.close()


# --------------------------------------------------------------------------- the CLI


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=ROOT, capture_output=True, env=env,
                          timeout=300)


@pytest.fixture
def story(tmp_path) -> Path:
    folder = tmp_path / "story"
    with Workspace.open(folder) as ws:
        ws.record(make_audit(["a1", "b1"], ["a2", "b2"], ["x1"], findings={0: [fig_conflict("a1", "b1")]}))
    return folder


def test_cli_set_list_show(story: Path) -> None:
    with Workspace.open(story) as ws:
        key = next(f.key for f in ws.facts() if f.kind == "cluster" and "a1" in f.claims)
        finding = next(f.key for f in ws.facts() if f.kind == "finding")
    done = run_cli("review", "set", key[:6], "--status", "In progress", "--note", "calling police", "--by", "Ann",
                   "--workspace", str(story))
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith(f"{key}: in-progress")
    assert run_cli("review", "set", finding, "--status", "false", "--by", "Bo", "--workspace", str(story)).returncode == 0
    listed = run_cli("review", "list", "--reviewed", "--workspace", str(story)).stdout.decode()
    assert key in listed and finding in listed and "in-progress" in listed
    shown = run_cli("review", "show", key, "--workspace", str(story)).stdout.decode()
    assert "calling police" in shown and "Ann" in shown and "history:" in shown and finding in shown


@pytest.mark.parametrize("args, needle", [
    (["review", "set", "f_nope", "--status", "verified"], "no fact or finding with id"),
    (["review", "set", "f_", "--status", "verified"], "ambiguous"),
    (["review", "set", "f_", "--status", "bogus"], "unknown status"),
    (["review", "set", "f_"], "nothing to set"),
    (["review", "export", "--format", "xml"], "--format must be one of claimreview, csv"),
    (["review", "incident", "move", "nope", "--with", "a"], "no article 'nope' in this workspace"),
    (["review", "incident", "join", "a", "b.md"], "no article 'b.md' in this workspace"),
    (["review", "incident", "apart", ""], "empty article name"),
    (["review", "incident", "move", "a", "--with", "a.txt"], "are the same article"),
])
def test_cli_review_mistakes_are_one_line(story: Path, args: list[str], needle: str) -> None:
    done = run_cli(*args, "--workspace", str(story))
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and needle in err, err


def test_cli_review_without_a_workspace_is_one_line(tmp_path: Path) -> None:
    done = run_cli("review", "list", "--workspace", str(tmp_path / "none"))
    err = done.stderr.decode()
    assert done.returncode == 1 and len(err.strip().splitlines()) == 1 and "no workspace here" in err
    assert not (tmp_path / "none").exists()


def test_audit_workspace_option_records_runs_and_adds_articles(tmp_path, seeds_dir, monkeypatch, fake_embedder) -> None:
    """`auditor audit PATH --workspace DIR` twice: the second run re-audits the first run's articles too."""
    from typer.testing import CliRunner

    from auditor import embed
    from auditor.cli import app

    monkeypatch.setattr(embed, "make_embedder", lambda config: fake_embedder)
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    folder = tmp_path / "story"
    runner = CliRunner()
    first = runner.invoke(app, ["audit", *seeds[:3], "--workspace", str(folder), "--no-cache"])
    assert first.exit_code == 0, first.output
    with Workspace.open(folder) as ws:
        key = next(f.key for f in ws.facts() if f.verdict == "agree")
        ws.set_review(key, status="verified", by="desk")
    second = runner.invoke(app, ["audit", *seeds[3:], "--workspace", str(folder), "--no-cache"])
    assert second.exit_code == 0, second.output
    assert "1 reviewed facts attached" in second.output
    with Workspace.open(folder) as ws:
        assert [r["articles"] for r in ws.runs()] == [3, 5]
        assert ws.review(key).status == "verified" and not ws.fact(key).orphaned
        assert ws.latest_audit().articles[4].id == Path(seeds[4]).stem


def test_the_editors_incident_decisions_change_the_next_audit(tmp_path, seeds_dir, monkeypatch, fake_embedder) -> None:
    """Keep an article apart, re-run (caches on): its incident changed and says so first; join it
    back, re-run: together again, and the evidence says who joined them and when."""
    import json
    from datetime import datetime, timezone

    from typer.testing import CliRunner

    from auditor import embed
    from auditor.cli import app

    monkeypatch.setattr(embed, "make_embedder", lambda config: fake_embedder)
    folder, out = tmp_path / "story", tmp_path / "audit.json"
    runner = CliRunner()

    def audit() -> list[dict]:
        done = runner.invoke(app, ["audit", str(seeds_dir), "--workspace", str(folder), "--json", str(out)])
        assert done.exit_code == 0, done.output
        return json.loads(out.read_text())["events"]

    def decide(*args: str) -> str:
        done = runner.invoke(app, ["review", "incident", *args, "--by", "Ann", "--workspace", str(folder)])
        assert done.exit_code == 0, done.output
        return done.output

    before = audit()
    shared = next(e for e in before if len(e["articles"]) > 1)
    article, other = shared["articles"][-1], shared["articles"][0]
    today = datetime.now(timezone.utc).date().isoformat()
    assert "from the next audit" in decide("apart", f"{article}.txt")
    listed = runner.invoke(app, ["review", "incident", "list", "--workspace", str(folder)]).output
    assert f"keep {article} on its own" in listed and "[from the next audit]" in listed
    after = audit()
    alone = next(e for e in after if article in e["articles"])
    assert alone["articles"] == [article] and len(after) == len(before) + 1
    assert alone["evidence"][0] == f"kept on its own by the editor on {today} (Ann)"
    left = next(e for e in after if other in e["articles"])
    assert left["evidence"][0] == f"{article} taken out by the editor on {today} (Ann), to stand on its own"

    decide("join", article, other)  # replaces the decision to keep it apart; the grouping had them together
    joined = next(e for e in audit() if article in e["articles"])
    assert set(joined["articles"]) == set(shared["articles"])
    assert joined["evidence"][0] == f"{article} and {other} kept together by the editor on {today} (Ann)"
    assert "withdrawn" in decide("clear", article)
    assert audit() == before  # no decision: the grouping's own incidents, as at first
