"""Incidents (auditor/crossdoc/events/incidents.py): reports of one event are grouped by shared
anchors and resemblance, reports of different events in one region are not; every pair is settled
by a named kind of decision."""
from __future__ import annotations

import pytest

from auditor.crossdoc import events as E
from events_corpus import (AUGUST, AUGUST_2, FLIGHTS, HUALIEN, NOTO_2023, NOTO_2024, TRUMP, WAVE, WAVE_2, corpus,
                           grouping)


def test_two_incidents_in_one_region_are_told_apart(fake_embedder):
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2, "b1": WAVE, "b2": WAVE_2})
    vectors = fake_embedder.encode([c.text for c in claims])
    events = E.group(articles, claims, vectors)
    assert grouping(events) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert all(e.evidence for e in events)


def test_reports_of_one_story_are_one_incident(fake_embedder):
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2}, {"a1": "2024-08-27", "a2": "2024-08-28"})
    vectors = fake_embedder.encode([c.text for c in claims])
    assert grouping(E.group(articles, claims, vectors)) == {frozenset({"a1", "a2"})}


@pytest.mark.parametrize("n_articles", [0, 1])
def test_trivial_inputs(n_articles):
    texts = {f"a{i}": AUGUST for i in range(n_articles)}
    articles, claims = corpus(texts)
    events = E.group(articles, claims)
    assert len(events) == n_articles


def test_the_editor_can_treat_everything_as_one_story():
    articles, claims = corpus({"a1": AUGUST, "b1": WAVE})
    events = E.group(articles, claims, one_story=True)
    assert grouping(events) == {frozenset({"a1", "b1"})}
    assert "editor" in events[0].evidence[0]


def test_every_pair_is_settled_by_a_kind_of_decision(fake_embedder):
    """For measuring: each pair of articles is joined or kept apart by a named kind of evidence."""
    articles, claims = corpus({"a1": NOTO_2023, "b1": NOTO_2024, "c1": NOTO_2024},
                              {"a1": "2023-05-05", "b1": "2024-01-01", "c1": "2024-01-02"})
    vectors = fake_embedder.encode([c.text for c in claims])
    events, decisions = E.grouping(articles, claims, vectors, decide=True)
    assert events == E.group(articles, claims, vectors)
    kinds = {(d.a, d.b): set() for d in decisions}
    for d in decisions:
        kinds[(d.a, d.b)].add((d.joined, d.kind))
    assert kinds[("a1", "b1")] == {(False, "apart: written far apart"), (False, "apart: event days apart")}
    assert kinds[("b1", "c1")] == {(True, "joined: shared names")}
    assert E.grouping(articles, claims, vectors)[1] == ()  # decisions only when asked for


@pytest.mark.parametrize("texts, expected, kinds, lines", [
    # every report names the county and the gorge, and nothing else: the story's own names join
    # them, and the evidence says what they share and when
    (HUALIEN, [{"q1", "q2", "q3"}], {"joined: the story's names"},
     {"shared: hualien, taroko gorge", "when: Wednesday"}),
    # one name of the story in common (the president) is no story: two stories stay two
    (TRUMP, [{"t1", "t2"}, {"p1", "p2"}], {"joined: shared names", "apart: too little in common"},
     {"shared: donald trump, jack smith, mike pence"}),
    # the airline and the airport are every report's, but one pair dates its flight on Sunday, the
    # other on Friday: shared names alone do not join reports that fix different days
    (FLIGHTS, [{"f1", "f2"}, {"g1", "g2"}], {"joined: shared names", "apart: days fixed apart"},
     {"not joined to g1: the days differ (f1 dates it Sunday, g1 Friday)",
      "not joined to f1: the days differ (f1 dates it Sunday, g1 Friday)"}),
])
def test_names_every_report_shares_join_one_story_unless_its_days_differ_or_only_one(texts, expected, kinds, lines):
    articles, claims = corpus(texts)
    events, decisions = E.grouping(articles, claims, decide=True)
    assert grouping(events) == {frozenset(g) for g in expected}
    assert {d.kind for d in decisions} == kinds
    assert lines <= {line for e in events for line in e.evidence}
