"""Tests of auditor.crossdoc.reuse: shared passages, their kinds, credits and boilerplate."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.read import ingest
from auditor.crossdoc import reuse
from auditor.config import AuditConfig
from auditor.model import Article, Event, Excluded, Quote, Reuse, Source, Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# A wire story, sentence by sentence (news prose of the kind agencies send).
WIRE = [
    "At least 74 people were killed in a series of coordinated attacks across Balochistan province "
    "in southwestern Pakistan, according to military and police sources.",
    "The Baloch Liberation Army, a separatist group, claimed responsibility for the attacks, which "
    "targeted civilians, law enforcement and critical infrastructure such as highways and railways.",
    "One of the deadliest incidents took place in Musakhel district, near the Punjab border, where "
    "militants ambushed vehicles on a major highway and checked the identity cards of passengers.",
    "In the Kalat district, gunmen attacked law enforcement personnel, killing at least 10 people, "
    "including five police officers, before fleeing into the mountains.",
    "Rail traffic between Quetta and other parts of the country was suspended following explosions "
    "on rail bridges, including one that links Quetta to neighbouring Iran.",
    "Balochistan, which borders Afghanistan and Iran, is the country's poorest province, despite an "
    "abundance of untapped natural resources, and lags behind in education and employment.",
]

# Sentences of unrelated stories, to pad articles with text of their own.
OWN_A = [
    "Heavy monsoon rains flooded low-lying neighbourhoods of Karachi on Thursday, stranding "
    "commuters for hours and cutting power to thousands of homes.",
    "The city's mayor said drainage crews had been working through the night to clear blocked "
    "storm drains along the main roads.",
]
OWN_B = [
    "The central bank kept its key policy rate unchanged on Monday, citing easing inflation and "
    "a narrower current account deficit in the last quarter.",
    "Analysts had expected the decision after consumer prices rose less than forecast for a "
    "third consecutive month.",
]


def art(aid: str, text: str, outlet: str | None = None, published: str | None = None,
        excluded: tuple[Excluded, ...] = ()) -> Article:
    return Article(id=aid, path=f"{aid}.txt", text=text, outlet=outlet, published=published, excluded=excluded)


def para(*sentences: str) -> str:
    return "\n\n".join(sentences)


def overlap(span: Span, start: int, end: int) -> float:
    """Share of [start, end) that the span covers."""
    return max(0, min(span.end, end) - max(span.start, start)) / (end - start)


def assert_offsets(found, articles) -> None:
    by_id = {a.id: a for a in articles}
    for r in found:
        for p in r.passages:
            for span in (p.a, p.b):
                assert by_id[span.article].text[span.start:span.end] == span.text


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "uk, us",
    [
        ("neighbouring", "neighboring"),
        ("Neighbours", "neighbors"),
        ("criticised", "criticized"),
        ("organisations", "organizations"),
        ("analysed", "analyzed"),
        ("travelled", "traveled"),
        ("cancelling", "canceling"),
        ("centre", "center"),
        ("defence", "defense"),
        ("programme", "program"),
        ("catalogue", "catalog"),
        ("Pakistan’s", "pakistan's"),
        ("Türkiye", "Turkiye"),
        ("towards", "toward"),
        ("fulfil", "fulfill"),
        ("counter-terrorism", "counterterrorism"),
        ("co-operation", "cooperation"),
        ("1,000", "1000"),
    ],
)
def test_spelling_variants_fold_to_one_form(uk: str, us: str) -> None:
    assert reuse.normalise_word(uk) == reuse.normalise_word(us)


@pytest.mark.parametrize("a, b", [("killed", "kiled"), ("hour", "hor"), ("four", "for"), ("filled", "filed")])
def test_folding_does_not_merge_distinct_short_words(a: str, b: str) -> None:
    assert reuse.normalise_word(a) != reuse.normalise_word(b)


def test_tokens_point_into_the_text() -> None:
    text = "Rail traffic to Quetta — “suspended” after 1,200 counter-terrorism raids, officials said."
    toks = reuse.tokenise("a", text)
    assert [text[s:e] for s, e in zip(toks.starts, toks.ends)] == [
        "Rail", "traffic", "to", "Quetta", "suspended", "after", "1,200", "counter-terrorism", "raids", "officials",
        "said"]


# --------------------------------------------------------------------------- passages

ORIGINAL = WIRE[4]
EDITS = [
    # (name, edited copy of ORIGINAL, part of ORIGINAL the passage must cover)
    ("verbatim", ORIGINAL, ORIGINAL),
    ("spelling", ORIGINAL.replace("neighbouring", "neighboring"), ORIGINAL),
    ("word changed", ORIGINAL.replace("suspended", "halted"), ORIGINAL),
    ("sentence cut short",
     "Rail traffic between Quetta and other parts of the country was suspended following explosions on rail bridges.",
     "Rail traffic between Quetta and other parts of the country was suspended following explosions on rail bridges"),
    ("clause reordered",
     "Following explosions on rail bridges, including one that links Quetta to neighbouring Iran, rail traffic "
     "between Quetta and other parts of the country was suspended.",
     ORIGINAL),
]


@pytest.mark.parametrize("name, copy, covered", EDITS, ids=[e[0] for e in EDITS])
def test_near_verbatim_passage_found_on_both_sides(name: str, copy: str, covered: str) -> None:
    a = art("a", para(OWN_A[0], ORIGINAL, OWN_A[1]))
    b = art("b", para(OWN_B[0], copy, OWN_B[1]))
    found = reuse.passages(a, b)
    assert len(found) == 1, found
    p = found[0]
    start = a.text.index(covered)
    assert overlap(p.a, start, start + len(covered)) >= 0.9
    assert overlap(p.b, b.text.index(copy), b.text.index(copy) + len(copy)) >= 0.9
    assert p.a.start >= a.text.index(ORIGINAL) and p.a.end <= a.text.index(ORIGINAL) + len(ORIGINAL)
    assert a.text[p.a.start:p.a.end] == p.a.text and b.text[p.b.start:p.b.end] == p.b.text
    assert p.similarity >= 0.6


def test_spelling_variant_passage_has_exact_offsets() -> None:
    uk = "Rights organisations have criticised the government's response, accusing the state of enforced disappearances."
    us = "Rights organizations have criticized the government's response, accusing the state of enforced disappearances."
    a = art("a", para(OWN_A[0], uk))
    b = art("b", para(us, OWN_B[0]))
    (p,) = reuse.passages(a, b)
    assert (p.a.start, p.a.end) == (a.text.index(uk), a.text.index(uk) + len(uk))
    assert (p.b.start, p.b.end) == (0, len(us))
    assert p.similarity == 1.0


@pytest.mark.parametrize(
    "text_a, text_b",
    [
        # Stock phrases are not reuse.
        ("The United States will stand with Pakistan in its fight against terrorism, the embassy said.",
         "China said it would continue its strong support for Pakistan in its fight against terrorism."),
        # Same facts, independently worded.
        ("Militants killed at least 23 passengers after stopping vehicles on a highway in Musakhel.",
         "In Musakhel, gunmen pulled 23 people off buses and lorries and shot them, police said."),
    ],
)
def test_no_passage_between_independent_sentences(text_a: str, text_b: str) -> None:
    assert reuse.passages(art("a", para(OWN_A[0], text_a)), art("b", para(OWN_B[0], text_b))) == ()


def test_excluded_noise_is_not_matched() -> None:
    caption = "A view shows charred vehicles after militants conducted deadly attacks in Balochistan province. — Reuters"
    text_a = para(caption, OWN_A[0])
    text_b = para(caption, OWN_B[0])
    a = art("a", text_a, excluded=(Excluded(0, len(caption), "repeated-line"),))
    b = art("b", text_b)
    assert reuse.passages(a, b) == ()
    assert len(reuse.passages(art("a", text_a), b)) == 1


# --------------------------------------------------------------------------- kinds


def test_wire_when_both_credit_one_agency() -> None:
    a = art("a", para("QUETTA, Pakistan (Reuters) - " + WIRE[0], *WIRE[1:4], OWN_A[0]), outlet="Daily Ledger")
    b = art("b", para(OWN_B[0], *WIRE[0:3], WIRE[3].replace("gunmen", "militants"), "— With additional input from Reuters"),
            outlet="Evening Star")
    (r,) = reuse.find([a, b])
    assert r.kind == "wire" and r.credited is True and r.direction is None
    assert {e.text for e in r.evidence} >= {"(Reuters) -", "input from Reuters"}
    assert r.share[0] > 0.5 and r.share[1] > 0.5
    assert_offsets([r], [a, b])


def test_wire_when_long_passages_in_same_order_and_no_direction() -> None:
    a = art("a", para(OWN_A[0], *WIRE, OWN_A[1]))
    b = art("b", para(OWN_B[0], *WIRE, OWN_B[1]))
    (r,) = reuse.find([a, b])
    assert r.kind == "wire" and r.credited is False and r.direction is None
    assert len(r.passages) == 1 and r.passages[0].similarity == 1.0


@pytest.mark.parametrize(
    "published_a, published_b, original",
    [
        ("2024-08-26", "2024-08-27", "a"),
        ("2024-08-27T10:00:00+05:00", "2024-08-27T08:00:00+05:00", "b"),
    ],
)
def test_derived_direction_from_publication_time(published_a: str, published_b: str, original: str) -> None:
    a = art("a", para(*WIRE[:4], OWN_A[0]), outlet="Daily Ledger", published=published_a)
    b = art("b", para(OWN_B[0], *WIRE[:4]), outlet="Evening Star", published=published_b)
    (r,) = reuse.find([a, b])
    assert r.kind == "derived" and r.direction == original
    assert r.credited is False


def test_derived_direction_from_containment() -> None:
    """The copy keeps some of the original's sentences and adds nothing: it is the derived one."""
    a = art("a", para(*WIRE, OWN_A[0]))
    b = art("b", para(WIRE[0], WIRE[2].replace("neighbouring", "neighboring"), WIRE[4]))
    (r,) = reuse.find([a, b])
    assert r.kind == "derived" and r.direction == "a"
    assert r.share[1] > r.share[0]
    assert len(r.passages) == 3


@pytest.mark.parametrize(
    "credit_line, credited",
    [
        ("The Daily Ledger first reported the attack on Monday evening, citing police officials.", True),
        ("Police officials gave details of the attack on Monday evening at a news conference.", False),
    ],
)
def test_credited_vs_uncredited_copy(credit_line: str, credited: bool) -> None:
    a = art("a", para(*WIRE[:4], OWN_A[0]), outlet="Daily Ledger", published="2024-08-26")
    b = art("b", para(credit_line, *WIRE[:4]), outlet="Evening Star", published="2024-08-27")
    (r,) = reuse.find([a, b])
    assert r.kind == "derived" and r.direction == "a" and r.credited is credited


def test_crediting_the_other_outlet_gives_direction_without_dates() -> None:
    a = art("a", para(*WIRE[:4], OWN_A[1]), outlet="Daily Ledger")
    b = art("b", para("According to the Daily Ledger, the toll rose overnight.", *WIRE[:4], OWN_B[1]),
            outlet="Evening Star")
    (r,) = reuse.find([a, b])
    assert r.kind == "derived" and r.direction == "a" and r.credited is True


STATEMENT = ("“China firmly opposes all forms of terrorism and will continue to support Pakistan in fighting "
             "terrorism, maintaining social stability and keeping its people safe,”")


def test_shared_statement_when_the_shared_text_is_quoted() -> None:
    a = art("a", para(OWN_A[0], f"{STATEMENT} the Chinese embassy in Islamabad said on Tuesday."),
            outlet="Daily Ledger", published="2024-08-26")
    b = art("b", para(f"Beijing also weighed in. {STATEMENT} a foreign ministry spokesperson told reporters.", OWN_B[0]),
            outlet="Evening Star", published="2024-08-27")
    (r,) = reuse.find([a, b])
    assert r.kind == "shared-statement"
    assert r.passages[0].a.text.startswith("“China firmly opposes")


@pytest.mark.parametrize("speaker, credited", [("Lin Jian", True), (None, False)])
def test_shared_statement_uses_the_quotes_given(speaker: str | None, credited: bool) -> None:
    plain = STATEMENT.strip("“”,")
    a = art("a", para(OWN_A[0], f"The embassy said {plain}."))
    b = art("b", para(f"A spokesperson said {plain}.", OWN_B[0]))
    quotes = tuple(
        Quote(id=f"q{x.id}", article=x.id, start=x.text.index(plain), end=x.text.index(plain) + len(plain), text=plain,
              speaker=speaker)
        for x in (a, b))
    assert reuse.find([a, b])[0].kind != "shared-statement"
    (r,) = reuse.find([a, b], quotes=quotes)
    assert r.kind == "shared-statement" and r.credited is credited


@pytest.mark.parametrize(
    "text, outlet, named",
    [
        ("The toll rose overnight, Dawn reported, citing hospital officials.", "Dawn", True),
        ("Gunmen stormed the post at dawn on Monday, police said.", "Dawn", False),
        ("The figures were first published by the Express Tribune on Monday.", "The Express Tribune", True),
        ("The figures were first published by a local paper on Monday.", "The Express Tribune", False),
        ("The figures were first published by a local paper on Monday.", None, None),
    ],
)
def test_names_outlet(text: str, outlet: str | None, named: bool | None) -> None:
    assert reuse.names_outlet((), text, outlet) is named


def _source(article: Article, name: str, kind: str = "outlet", via: tuple[str, ...] = ()) -> Source:
    start = article.text.index(name)
    return Source(id=f"{article.id}-{name}", article=article.id, name=name, canonical=reuse.slug(name), kind=kind,
                  evidence=(Span(article.id, start, start + len(name), name),), via=via)


def test_common_source_without_shared_passage() -> None:
    a = art("a", para("Over 70 people were killed, according to officials cited by Al Jazeera.", OWN_A[0]))
    b = art("b", para(OWN_B[0], "Rail traffic to Quetta was suspended, Al Jazeera reported."))
    sources = (_source(a, "Al Jazeera"), _source(b, "Al Jazeera"), _source(b, "Quetta", kind="organization"))
    (r,) = reuse.find([a, b], sources=sources)
    assert r.kind == "common-source" and r.passages == () and r.share == (0.0, 0.0)
    assert [e.text for e in r.evidence] == ["Al Jazeera", "Al Jazeera"]
    # Different incidents: a common source is no link between them.
    events = (Event("e1", ("a",)), Event("e2", ("b",)))
    assert reuse.find([a, b], sources=sources, events=events) == ()


def test_common_source_through_a_via_chain_and_not_anonymous() -> None:
    a = art("a", para("Over 70 people were killed, military officials told Al Jazeera.", OWN_A[0]))
    b = art("b", para(OWN_B[0], "Rail traffic was halted, Al Jazeera reported, citing officials."))
    sources = (_source(a, "military officials", kind="anonymous", via=("Al Jazeera",)),
               _source(b, "Al Jazeera"), _source(b, "officials", kind="anonymous"))
    (r,) = reuse.find([a, b], sources=sources)
    assert r.kind == "common-source"
    only_anonymous = (_source(a, "military officials", kind="anonymous"), _source(b, "officials", kind="anonymous"))
    assert reuse.find([a, b], sources=only_anonymous) == ()


BACKGROUND = ("Background: Balochistan has endured decades of insurgency by separatist groups seeking "
              "independence from the central government, making it one of the country's most volatile regions.")


def test_same_outlet_boilerplate_is_not_reuse() -> None:
    stories = [OWN_A[0], OWN_B[0], WIRE[3], WIRE[0]]
    same = [art(f"s{n}", para(s, BACKGROUND), outlet="Daily Ledger") for n, s in enumerate(stories[:3])]
    assert reuse.find(same) == ()
    # The same paragraph printed by another outlet is reuse of that outlet's text.
    other = art("o", para(stories[3], BACKGROUND), outlet="Evening Star")
    found = reuse.find(same + [other])
    assert found and all("o" in r.articles for r in found)
    assert all(r.kind in {"derived", "wire"} for r in found)


def test_two_articles_of_one_outlet_sharing_text_still_count() -> None:
    a = art("a", para(*WIRE[:3], OWN_A[0]), outlet="Daily Ledger", published="2024-08-26")
    b = art("b", para(*WIRE[:3], OWN_B[0]), outlet="Daily Ledger", published="2024-08-27")
    (r,) = reuse.find([a, b])
    assert r.kind == "derived" and r.direction == "a"


@pytest.mark.parametrize("articles", [[], [art("a", WIRE[0])], [art("a", ""), art("b", "   ")]])
def test_few_or_empty_articles(articles: list[Article]) -> None:
    assert reuse.find(articles) == ()


# --------------------------------------------------------------------------- credits and quotes


@pytest.mark.parametrize(
    "text, names",
    [
        ("According to Reuters, Interior Minister Mohsin Naqvi confirmed the toll.", ["Reuters"]),
        ("Over 70 were killed, according to military and police officials cited by Al Jazeera. The army said.",
         ["Al Jazeera"]),
        ("Rail traffic was suspended, Al Jazeera reported.", ["Al Jazeera"]),
        ("— With additional input from Reuters", ["Reuters"]),
        ("QUETTA, Pakistan (AP) — Gunmen stormed a police post.", ["AP"]),
        ("The toll rose to 74 overnight, officials said. (AFP)", ["AFP"]),
        ("The Interior Ministry (MoI) said the toll rose.", []),
        ("At least 23 were killed, according to local officials.", []),
        ("The country's military reported that 14 soldiers died.", []),
    ],
)
def test_fallback_credits(text: str, names: list[str]) -> None:
    assert [s.name for s in reuse.fallback_sources(art("a", text))] == names


def test_fallback_agency_kind() -> None:
    (s,) = reuse.fallback_sources(art("a", "According to Reuters, the toll rose."))
    assert s.kind == "outlet" and reuse.is_agency(s.name)


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("He said “we will pursue them” on Monday.", ["“we will pursue them”"]),
        ('"India is behind these attacks," the minister said.', ['"India is behind these attacks,"']),
        ("‘Aimed at halting Pakistan’s progress’ was the headline.", ["‘Aimed at halting Pakistan’s progress’"]),
        ("Pakistan’s army said nothing.", []),
    ],
)
def test_quoted_regions(text: str, quoted: list[str]) -> None:
    assert [text[s:e] for s, e in reuse.quoted_regions(text)] == quoted


# --------------------------------------------------------------------------- index and seeds


def test_stock_shingles_do_not_make_candidates() -> None:
    cfg = reuse.ReuseConfig(max_df=3)
    phrase = "in its fight against terrorism and extremism in the region"
    arts = [art(f"a{n}", f"{OWN_A[n % 2]} Officials pledged support {phrase}. {OWN_B[n % 2][:40]}") for n in range(5)]
    toks = [reuse.tokenise(a.id, a.text) for a in arts]
    index = reuse.build_index(toks, cfg.shingle)
    pairs = reuse.candidate_pairs(index, {a.id: n for n, a in enumerate(arts)}, cfg)
    # Only the pairs that share the own sentences (same OWN_A / OWN_B) remain.
    assert pairs and all(int(x[1:]) % 2 == int(y[1:]) % 2 for x, y in pairs)


def test_seeds_share_no_passage_and_000_001_share_al_jazeera() -> None:
    articles, _ = ingest.load([str(SEEDS)], AuditConfig())
    found = reuse.find(articles)
    assert all(r.kind == "common-source" and not r.passages for r in found)
    kinds = {tuple(x[:3] for x in r.articles): r.kind for r in found}
    assert kinds.get(("000", "001")) == "common-source"


# --------------------------------------------------------------------------- incidents


def _events(*groups: list[Article]) -> tuple[Event, ...]:
    return tuple(Event(f"e{n}", tuple(a.id for a in g)) for n, g in enumerate(groups))


@pytest.mark.parametrize(
    "shared, long_enough",
    [
        (OWN_B[1], False),  # one 17-word sentence: a passage, but too short to link two incidents
        (para(*WIRE[:2]), True),  # two wire sentences, 49 words: copy, whatever the incidents
    ],
    ids=["short sentence", "long passage"],
)
def test_across_incidents_only_long_passages_link(shared: str, long_enough: bool) -> None:
    a = art("a", para(OWN_A[0], shared))
    b = art("b", para(shared, OWN_B[0]))
    assert len(reuse.find([a, b], events=_events([a, b]))) == 1
    assert len(reuse.find([a, b], events=_events([a], [b]))) == int(long_enough)


BACKGROUND_BLOCK = para(BACKGROUND, WIRE[5])  # 50 words of background, printed verbatim
OWN_SENTENCES = [*WIRE[:5], *OWN_A, *OWN_B]


@pytest.mark.parametrize("carriers, cross_pairs", [(2, 1), (5, 0)])
def test_background_common_to_many_articles_links_no_incidents(carriers: int, cross_pairs: int) -> None:
    """Each article is an incident of its own; the background is rare only when 2 of them print it."""
    cfg = reuse.ReuseConfig(cross_max_df=4)
    arts = [art(f"a{n}", para(OWN_SENTENCES[n], BACKGROUND_BLOCK)) for n in range(carriers)]
    assert len(reuse.find(arts, events=_events(*([a] for a in arts)), config=cfg)) == cross_pairs
    # In one incident the same background is aligned for every pair.
    assert len(reuse.find(arts, events=_events(arts), config=cfg)) == carriers * (carriers - 1) // 2


def test_wire_copy_split_across_incidents_is_found() -> None:
    a = art("a", para("QUETTA, Pakistan (Reuters) - " + WIRE[0], *WIRE[1:4], OWN_A[0]), outlet="Daily Ledger")
    b = art("b", para(OWN_B[0], *WIRE[0:4], "— With additional input from Reuters"), outlet="Evening Star")
    c = art("c", para(OWN_A[1], BACKGROUND))
    (r,) = reuse.find([a, b, c], events=_events([a, c], [b]))
    assert r.articles == ("a", "b") and r.kind == "wire" and r.credited is True


@pytest.mark.parametrize("size", [12, 30])
def test_aligned_pairs_grow_with_incidents_not_with_all_pairs(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every article prints the same background; incidents of 3 articles: 3 pairs aligned each."""
    aligned: list[tuple[str, str]] = []
    pair_passages = reuse.pair_passages

    def counting(a: Article, b: Article, *rest):
        aligned.append((a.id, b.id))
        return pair_passages(a, b, *rest)

    monkeypatch.setattr(reuse, "pair_passages", counting)
    arts = [art(f"a{n:02d}", BACKGROUND_BLOCK) for n in range(size)]
    found = reuse.find(arts, events=_events(*(arts[n:n + 3] for n in range(0, size, 3))))
    assert len(aligned) == len(found) == size
    assert all(int(x[1:]) // 3 == int(y[1:]) // 3 for x, y in aligned)
    aligned.clear()
    assert len(reuse.find(arts)) == len(aligned) == size * (size - 1) // 2


def test_common_source_pairs_stay_within_incidents() -> None:
    arts = [art(f"a{n}", para(OWN_SENTENCES[n], "Rail traffic was halted, Al Jazeera reported.")) for n in range(6)]
    sources = tuple(_source(a, "Al Jazeera") for a in arts)
    found = reuse.find(arts, sources=sources, events=_events(arts[:2], arts[2:]))
    assert [r.articles for r in found] == [("a0", "a1"), ("a2", "a3"), ("a2", "a4"), ("a2", "a5"), ("a3", "a4"),
                                           ("a3", "a5"), ("a4", "a5")]
    assert all(r.kind == "common-source" for r in found)


@pytest.mark.parametrize(
    "regions, inside",
    [
        ([], 0),
        ([(0, 200)], 12),
        # "the army ... attackers" in one quote, "will" in a shorter one starting inside it: the
        # words after "will" are still inside the long quote.
        ([(18, 52), (27, 31)], 6),
        ([(27, 31)], 1),
        ([(18, 30)], 2),  # "will" cut in half is not inside
    ],
)
def test_quoted_words_inside_any_region(regions: list[tuple[int, int]], inside: int) -> None:
    text = "The minister said the army will pursue the attackers across the province."
    toks = reuse.tokenise("a", text)
    span = Span("a", 0, len(text), text)
    assert reuse._quoted_words(toks, [span], reuse.quoted_word_positions(toks, regions)) == (inside, 12)
    # a span of part of the sentence counts only its own words: "the army will pursue the attackers"
    part = Span("a", 18, 52, text[18:52])
    expected = {0: 0, 12: 6, 6: 6, 1: 1, 2: 2}[inside]
    assert reuse._quoted_words(toks, [part], reuse.quoted_word_positions(toks, regions)) == (expected, 6)


# --------------------------------------------------------------------------- the passages cache


def _find_cached(articles, tmp_path):
    """reuse.find with each pair's passages cached as the pipeline caches them."""
    from auditor.store import memo

    store = memo.Store(tmp_path, "passages.sqlite", "passages", "", memo.Objects(reuse.PairPassages))
    plan = reuse.plan(articles)
    passages = memo.cached_batch(store, plan.pairs, reuse.passages_key(plan), lambda pairs: reuse.shared_passages(plan, pairs))
    return reuse.classify_pairs(plan, passages)


def _counting_alignments(monkeypatch) -> list:
    calls: list = []
    real = reuse.pair_passages
    monkeypatch.setattr(reuse, "pair_passages", lambda a, b, *rest: calls.append((a.id, b.id)) or real(a, b, *rest))
    return calls


def test_cached_passages_give_the_same_reuse_without_aligning_again(tmp_path, monkeypatch) -> None:
    articles = [art("a", para(*WIRE[:4], OWN_A[0]), published="2024-08-26"),
                art("b", para(*WIRE[1:5], OWN_B[0]), published="2024-08-27"),
                art("c", para(OWN_A[1], *WIRE[2:]), outlet="Evening Star")]
    aligned = _counting_alignments(monkeypatch)
    first = _find_cached(articles, tmp_path)
    assert len(aligned) == 3 and first
    second = _find_cached(articles, tmp_path)
    assert second == first and len(aligned) == 3  # every pair's passages came from the cache
    edited = [articles[0], articles[1], art("c", para(OWN_B[1], *WIRE[2:]), outlet="Evening Star")]
    third = _find_cached(edited, tmp_path)
    assert sorted(aligned[3:]) == [("a", "c"), ("b", "c")]  # only the pairs of the edited article
    assert third == reuse.find(edited)
    assert_offsets(third, edited)


def test_a_pair_with_other_boilerplate_is_aligned_again(tmp_path, monkeypatch) -> None:
    """Same-outlet pairs skip that outlet's boilerplate, which depends on the corpus: a third
    article of the outlet turns the shared background into boilerplate, so the pair is redone."""
    two = [art(f"s{n}", para(s, BACKGROUND), outlet="Daily Ledger") for n, s in enumerate((OWN_A[0], OWN_B[0]))]
    aligned = _counting_alignments(monkeypatch)
    assert _find_cached(two, tmp_path)  # two articles: not boilerplate yet
    three = two + [art("s2", para(WIRE[3], BACKGROUND), outlet="Daily Ledger")]
    assert _find_cached(three, tmp_path) == reuse.find(three) == ()
    assert ("s0", "s1") in aligned[1:]


def test_reuse_as_cache_rows_comes_back_the_same(tmp_path) -> None:
    import json

    from auditor.codec import from_rows
    from auditor.codec import to_rows

    articles = [art("a", para(*WIRE[:4], OWN_A[0]), published="2024-08-26"),
                art("b", para(*WIRE[1:5], OWN_B[0]), published="2024-08-27"),
                art("c", para(OWN_A[1], *WIRE[2:]), outlet="Evening Star")]
    found = reuse.find(articles)
    assert found and any(r.evidence or r.passages for r in found)
    texts = {a.id: a.text for a in articles}
    rows = json.loads(json.dumps(to_rows(found, texts)))  # as the cache stores them
    assert from_rows(tuple[Reuse, ...], rows, texts) == found
    with pytest.raises(KeyError):  # rows of other articles never pass for these
        from_rows(tuple[Reuse, ...], rows, {"a": texts["a"]})
