"""Tests of auditor.model's codecs: plain data (the JSON audit) and compact rows (the caches)."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields

import pytest

from auditor.model import Article, Claim, Cluster, Finding, Quantity, Quote, Sentence, Source, Span
from auditor.codec import from_plain
from auditor.codec import from_rows
from auditor.codec import to_plain
from auditor.codec import to_rows

TEXT = "At least 14 people were killed, officials said. “We will rebuild,” the mayor said."
TEXTS = {"a": TEXT}
KILLED = Quantity(9, 11, "14", 14.0, 14.0, math.inf, counted="people", category="killed")
CLAIM = Claim(id="a-c0", article="a", start=0, end=47, text=TEXT[:47], sentence=0, quantities=(KILLED,),
              attribution="officials", attribution_span=Span("a", 32, 46, TEXT[32:46]), places=("Kalat",))


@pytest.mark.parametrize("value, tp", [
    (Span("a", 0, 8, "At least"), Span),
    (Span("a", 0, 8, "Not the article's text"), Span),  # kept whole
    (Span("elsewhere", 0, 2, "At"), Span),  # an article not given: kept whole
    (Sentence("a", 0, 0, 47, TEXT[:47]), Sentence),
    (CLAIM, Claim),
    (Quote("q1", "a", 48, 66, TEXT[48:66], speaker="the mayor", speaker_start=67, speaker_end=76), Quote),
    (Source("s1", "a", "officials", "officials", "anonymous", evidence=(Span("a", 32, 46, TEXT[32:46]),)), Source),
    (Cluster("k1", ("a-c0",), "diverge", findings=(Finding("figure-conflict", "diverge", "14 vs 17",
                                                           evidence=(Span("a", 9, 11, "14"),)),)), Cluster),
    ((CLAIM, CLAIM), tuple[Claim, ...]),
])
def test_rows_give_the_same_objects_back(value, tp) -> None:
    rows = json.loads(json.dumps(to_rows(value, TEXTS)))  # as a cache stores them
    back = from_rows(tp, rows, TEXTS)
    assert back == value
    assert to_plain(back) == to_plain(value)  # the same types too: a count stays an int


@pytest.mark.parametrize("value, left_out", [
    (Span("a", 0, 8, "At least"), True),
    (Span("a", 0, 8, "at least"), False),
    (Span("b", 0, 8, "At least"), False),
])
def test_a_span_text_is_left_out_only_when_it_is_its_articles_text(value, left_out) -> None:
    assert (to_rows(value, TEXTS)[3] is None) is left_out


def test_rows_that_do_not_fit_are_refused() -> None:
    rows = to_rows(CLAIM, TEXTS)
    with pytest.raises(KeyError):
        from_rows(Claim, rows, {})  # the texts the spans point into are not given
    with pytest.raises(ValueError):
        from_rows(Claim, rows[:-1], TEXTS)  # a row of another shape (another version of the class)


def test_classes_that_need_their_init_are_refused() -> None:
    @dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            assert self.value >= 0

    with pytest.raises(TypeError):
        from_rows(Checked, [1], {})


def test_plain_data_reads_back_with_defaults_for_missing_fields() -> None:
    plain = to_plain(Article(id="a", path="a.txt", text=TEXT, outlet="Daily Ledger"))
    del plain["outlet"], plain["excluded"]
    plain["unknown"] = 1
    assert from_plain(Article, plain) == Article(id="a", path="a.txt", text=TEXT)
    assert [f.name for f in fields(Article)][:3] == ["id", "path", "text"]


def test_changes_of_a_one_to_one_step_replay_exactly() -> None:
    from dataclasses import replace

    from auditor.codec import apply_row_changes
    from auditor.codec import row_changes

    before = (CLAIM, replace(CLAIM, id="a-c1", attribution=None, attribution_span=None), Sentence("a", 0, 0, 47, TEXT[:47]))
    after = (CLAIM, replace(before[1], attribution="s_mayor", attribution_span=Span("a", 67, 76, TEXT[67:76])),
             before[2])
    changed = json.loads(json.dumps(row_changes(before, after, TEXTS)))
    assert [i for i, _ in changed] == [1] and set(changed[0][1]) == {"attribution", "attribution_span"}
    replayed = apply_row_changes(before, changed, TEXTS)
    assert replayed == after and replayed[0] is before[0]
    assert to_plain(replayed) == to_plain(after)


@pytest.mark.parametrize("after", [
    (CLAIM,),  # one object dropped
    (CLAIM, Sentence("a", 0, 0, 47, TEXT[:47])),  # another class in the same place
])
def test_a_step_that_is_not_one_to_one_records_nothing(after) -> None:
    from auditor.codec import row_changes

    assert row_changes((CLAIM, CLAIM), after, TEXTS) is None


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_collector_is_off_inside_and_put_back_after_even_on_error(enabled_before) -> None:
    import gc

    from auditor.codec import no_cycle_collection

    (gc.enable if enabled_before else gc.disable)()
    try:
        with pytest.raises(RuntimeError):
            with no_cycle_collection():
                assert not gc.isenabled()
                raise RuntimeError("a stage failed")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()


def test_equal_spans_come_back_as_one_object_within_and_across_calls() -> None:
    from auditor.model import Edge

    evidence = Span("a", 32, 46, TEXT[32:46])
    edges = (Edge("article:a", "source:officials", "cites", (evidence,)),
             Edge("article:a", "source:officials", "quotes", (Span("a", 32, 46, TEXT[32:46]),)))
    rows = json.loads(json.dumps(to_rows(edges, TEXTS)))
    back = from_rows(tuple[Edge, ...], rows, TEXTS)
    assert back == edges and back[0].evidence[0] is back[1].evidence[0]
    spans: dict = {}
    first = from_rows(Claim, to_rows(CLAIM, TEXTS), TEXTS, spans)
    again = from_rows(tuple[Edge, ...], rows, TEXTS, spans)
    assert first.attribution_span is again[0].evidence[0]
