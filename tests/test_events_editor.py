"""The editor's decisions (auditor/crossdoc/events/editor.py): moves, splits and joins applied
after the grouping, latest decision last, each told first in the incident's evidence."""
from __future__ import annotations

import pytest

from auditor.crossdoc import events as E
from auditor.model import IncidentDecision as Decision
from events_corpus import AUGUST, AUGUST_2, WAVE, WAVE_2, corpus, grouping


def _split_incidents(fake_embedder):
    """Two incidents of one region, two reports each: August's attacks and a later wave."""
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2, "b1": WAVE, "b2": WAVE_2})
    return articles, claims, fake_embedder.encode([c.text for c in claims])


@pytest.mark.parametrize("decisions, expected, note_of, note", [
    ((Decision("move", "a2", "b1", "Ann", "2026-12-06T10:00:00+00:00"),),
     {frozenset({"a1"}), frozenset({"a2", "b1", "b2"})}, "b1", "a2 moved here by the editor on 2026-12-06 (Ann)"),
    ((Decision("apart", "b2", None, "Ann", "2026-12-06T10:00:00+00:00"),),
     {frozenset({"a1", "a2"}), frozenset({"b1"}), frozenset({"b2"})}, "b2", "kept on its own by the editor on 2026-12-06"),
    ((Decision("join", "a1", "b2", "Ann", "2026-12-06T10:00:00+00:00"),),
     {frozenset({"a1", "a2", "b1", "b2"})}, "a1", "joined by the editor on 2026-12-06 (Ann)"),
    # the grouping had them together already: the evidence says the editor confirmed it
    ((Decision("join", "a1", "a2", "Ann", "2026-12-06T10:00:00+00:00"),),
     {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}, "a1", "a1 and a2 kept together by the editor on 2026-12-06"),
    ((Decision("move", "b2", "b1", "", ""),),
     {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}, "b1", "b2 kept with b1 by the editor"),
    # a later decision about an article overrides an earlier one, whatever order they are given in
    ((Decision("apart", "a2", None, "Bob", "2026-12-07T09:00:00+00:00"),
      Decision("move", "a2", "b1", "Ann", "2026-12-06T10:00:00+00:00")),
     {frozenset({"a1"}), frozenset({"a2"}), frozenset({"b1", "b2"})}, "a2", "kept on its own by the editor on 2026-12-07 (Bob)"),
    ((Decision("join", "a1", "b1", "Ann", "2026-12-06T10:00:00+00:00"),
      Decision("apart", "a1", None, "Ann", "2026-12-06T11:00:00+00:00")),
     {frozenset({"a1"}), frozenset({"a2", "b1", "b2"})}, "b1", "a1 taken out by the editor on 2026-12-06 (Ann)"),
])
def test_the_editor_moves_splits_and_joins_incidents(fake_embedder, decisions, expected, note_of, note):
    articles, claims, vectors = _split_incidents(fake_embedder)
    assert grouping(E.group(articles, claims, vectors)) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    events = E.group(articles, claims, vectors, decisions=decisions)
    assert grouping(events) == expected
    changed = next(e for e in events if note_of in e.articles)
    assert changed.evidence[0].startswith(note), changed.evidence  # the editor's word comes first
    assert [e.id for e in events] == [f"e{k + 1}" for k in range(len(events))]


def test_a_join_says_what_the_grouping_had_against_it():
    """Published two years apart, the grouping keeps the reports apart; the editor's join tells why it did."""
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2}, {"a1": "2024-08-27", "a2": "2026-02-01"})
    events = E.group(articles, claims, decisions=(Decision("join", "a2", "a1", "Ann", "2026-12-06T10:00:00+00:00"),))
    assert grouping(events) == {frozenset({"a1", "a2"})}
    assert events[0].evidence[0] == ("joined by the editor on 2026-12-06 (Ann): the incident of a2 and that of a1 "
                                     "(the grouping kept them apart: written 2024-08-27 and 2026-02-01)")


def test_decisions_about_articles_not_in_the_run_are_left_out_with_a_log_line(fake_embedder, caplog):
    articles, claims, vectors = _split_incidents(fake_embedder)
    plain = E.group(articles, claims, vectors)
    with caplog.at_level("WARNING", logger="auditor.crossdoc.events"):
        events = E.group(articles, claims, vectors, decisions=(Decision("move", "a1", "gone", "Ann", "2026-12-06"),
                                                               Decision("apart", "gone", None, "Ann", "2026-12-06")))
    assert events == plain
    assert sum("not among this run's articles" in r.getMessage() for r in caplog.records) == 2
    assert "gone" in caplog.text


def test_decisions_apply_to_one_story_too():
    articles, claims = corpus({"a1": AUGUST, "b1": WAVE})
    events = E.group(articles, claims, one_story=True, decisions=(Decision("apart", "b1", None, "Ann", "2026-12-06"),))
    assert grouping(events) == {frozenset({"a1"}), frozenset({"b1"})}
    assert events[1].evidence == ("kept on its own by the editor on 2026-12-06 (Ann)",
                                  "the editor treats all articles as one story")
    assert events[0].evidence[0] == "b1 taken out by the editor on 2026-12-06 (Ann), to stand on its own"
