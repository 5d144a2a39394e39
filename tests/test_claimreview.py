"""Exports: schema.org ClaimReview JSON-LD of settled verdicts, and the findings CSV."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from auditor.review.reviews import (BEST_RATING, CSV_COLUMNS, RATINGS, WORST_RATING, ArticleInfo, Review, claimreview, findings_csv, reattach)
from auditor.review.workspace import Workspace
from test_review import TEXTS, fig_conflict, make_audit

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "a": ArticleInfo("a", "70 killed in Balochistan attacks", "Dawn", "2024-08-27", "https://example.org/dawn/1", "a.txt"),
    "b": ArticleInfo("b", "Militants kill dozens", "Reuters", "2024-08-26", "https://example.org/reuters/2", "b.txt"),
    "c": ArticleInfo("c", None, None, None, None, "c.txt"),  # nothing known but the text
    "x": ArticleInfo("x", "Security meeting", "APP", "2024-08-28", None, "x.txt"),
}


@pytest.fixture
def facts():
    audit = make_audit(["a1", "b1", "c1"], ["a2", "b2"], ["x1"], ["a3", "b3"], findings={0: [fig_conflict("a1", "b1")]})
    return list(reattach([], audit).facts)


def by_claim(facts, claim_id):
    return next(f for f in facts if f.kind == "cluster" and claim_id in f.claims)


def review(key, status, note="", by="Ann Editor", at="2024-08-29T10:11:12.000001+00:00"):
    return Review(key, status, note, by, at, by if note else "", at if note else "")


def no_nulls(value) -> bool:
    if isinstance(value, dict):
        return all(v is not None and no_nulls(v) for v in value.values())
    if isinstance(value, list):
        return all(no_nulls(v) for v in value)
    return True


@pytest.mark.parametrize("status, value, name", [
    ("verified", 5, "True"), ("false", 1, "False"), ("misleading", 2, "Misleading"), ("inconclusive", 3, "Inconclusive"),
])
def test_claimreview_has_the_schema_org_fields(facts, status, value, name) -> None:
    fact = by_claim(facts, "a1")
    doc = claimreview(facts, {fact.key: review(fact.key, status, "Police figures say 74.")}, ARTICLES,
                      "http://127.0.0.1:8765")
    doc = json.loads(json.dumps(doc))  # plain JSON
    assert doc["@context"] == "https://schema.org" and isinstance(doc["@context"], str)
    (item,) = doc["@graph"]
    assert no_nulls(doc)
    assert item["@type"] == "ClaimReview"
    # the claim reviewed: its earliest appearance's wording (Reuters, the 26th)
    assert item["claimReviewed"] == TEXTS["b1"]
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert [a["identifier"] for a in claim["appearance"]] == ["b", "a", "c"]  # dated first, by date
    assert claim["firstAppearance"] == claim["appearance"][0]
    assert claim["datePublished"] == "2024-08-26"
    dawn = claim["appearance"][1]
    assert dawn == {"@type": "NewsArticle", "identifier": "a", "headline": "70 killed in Balochistan attacks",
                    "url": "https://example.org/dawn/1", "datePublished": "2024-08-27",
                    "publisher": {"@type": "Organization", "name": "Dawn"}, "description": TEXTS["a1"]}
    assert claim["appearance"][2] == {"@type": "NewsArticle", "identifier": "c", "description": TEXTS["c1"]}
    rating = item["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": value, "bestRating": BEST_RATING,
                      "worstRating": WORST_RATING, "alternateName": name}
    assert WORST_RATING <= rating["ratingValue"] <= BEST_RATING
    assert item["author"] == {"@type": "Person", "name": "Ann Editor"}
    assert date.fromisoformat(item["datePublished"]) == date(2024, 8, 29)
    assert item["url"] == item["@id"] == f"http://127.0.0.1:8765/#review-{fact.key}"
    assert urlsplit(item["url"]).scheme in ("http", "https")
    assert item["reviewBody"] == "Police figures say 74."


def test_only_settled_cluster_verdicts_are_published(facts) -> None:
    keys = {cid: by_claim(facts, cid).key for cid in ("a1", "a2", "x1", "a3")}
    finding = next(f for f in facts if f.kind == "finding")
    reviews = {
        keys["a1"]: review(keys["a1"], "verified"),
        keys["a2"]: review(keys["a2"], "in-progress"),
        keys["x1"]: review(keys["x1"], "unchecked", "look at this"),
        keys["a3"]: review(keys["a3"], "misleading"),
        finding.key: review(finding.key, "false"),
    }
    graph = claimreview(facts, reviews, ARTICLES, "https://desk.example/story/")["@graph"]
    assert [g["identifier"] for g in graph] == [keys["a1"], keys["a3"]]
    assert set(RATINGS) == {"verified", "false", "misleading", "inconclusive"}
    assert graph[0]["url"] == f"https://desk.example/story/#review-{keys['a1']}"
    assert len({g["@id"] for g in graph}) == len(graph)


def test_an_organization_can_sign_the_reviews(facts) -> None:
    fact = by_claim(facts, "x1")
    (item,) = claimreview(facts, {fact.key: review(fact.key, "false")}, ARTICLES, "http://x", "Desk Checks")["@graph"]
    assert item["author"] == {"@type": "Organization", "name": "Desk Checks"}
    # a claim whose one article has no URL still lists it, by headline and date
    assert item["itemReviewed"]["appearance"] == [
        {"@type": "NewsArticle", "identifier": "x", "headline": "Security meeting", "datePublished": "2024-08-28",
         "publisher": {"@type": "Organization", "name": "APP"}, "description": TEXTS["x1"]}]


def test_an_orphaned_review_is_still_published(facts) -> None:
    fact = by_claim(facts, "a2")
    moved = reattach(facts, make_audit(["x1"]), {fact.key})
    orphan = next(f for f in moved.facts if f.key == fact.key)
    assert orphan.orphaned
    (item,) = claimreview(moved.facts, {fact.key: review(fact.key, "false")}, ARTICLES, "http://x")["@graph"]
    assert item["claimReviewed"] == TEXTS["b2"] and len(item["itemReviewed"]["appearance"]) == 2


def test_csv_lists_every_finding_and_reviewed_fact_with_its_status(facts) -> None:
    finding = next(f for f in facts if f.kind == "finding")
    reviewed = by_claim(facts, "x1")
    reviews = {finding.key: review(finding.key, "false", "=HYPERLINK(\"http://evil\")"),
               reviewed.key: review(reviewed.key, "verified")}
    rows = list(csv.DictReader(io.StringIO(findings_csv(facts, reviews))))
    assert tuple(rows[0]) == CSV_COLUMNS
    # the finding's cluster is unreviewed, so only the finding; the reviewed single-source fact too
    assert [(r["key"], r["kind"], r["status"]) for r in rows] == [
        (finding.key, "finding", "false"), (reviewed.key, "cluster", "verified")]
    row = next(r for r in rows if r["kind"] == "finding")
    assert row["finding"] == "figure-conflict" and row["severity"] == "diverge" and row["text"] == "70 vs 74 killed"
    assert row["articles"] == "a; b" and row["by"] == "Ann Editor"
    assert row["note"] == "'=HYPERLINK(\"http://evil\")"  # not a formula in a spreadsheet


def test_cli_exports_write_files_atomically(tmp_path) -> None:
    folder = tmp_path / "story"
    with Workspace.open(folder) as ws:
        ws.record(make_audit(["a1", "b1"], ["x1"], findings={0: [fig_conflict("a1", "b1")]}))
        key = next(f.key for f in ws.facts() if f.kind == "cluster" and "a1" in f.claims)
        ws.set_review(key, status="false", note="toll is 74", by="Ann")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for fmt, name in (("claimreview", "reviews.jsonld"), ("csv", "findings.csv")):
        done = subprocess.run([sys.executable, "-m", "auditor", "review", "export", "--format", fmt, "-o",
                               str(tmp_path / name), "--workspace", str(folder), "--organization", "Desk"],
                              cwd=ROOT, capture_output=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
    doc = json.loads((tmp_path / "reviews.jsonld").read_text(encoding="utf-8"))
    assert doc["@graph"][0]["identifier"] == key and doc["@graph"][0]["reviewRating"]["alternateName"] == "False"
    data = (tmp_path / "findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8 with a BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["kind"] for r in rows} == {"finding", "cluster"}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
