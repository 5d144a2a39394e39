"""Verdicts and findings: pairs of figures -> conflict, compatible difference, different window;
denials, sources, wording and terminology."""
from __future__ import annotations

from dataclasses import replace

import pytest

from auditor.crossdoc import compare
from auditor.model import Article, Claim, Cluster, Quantity, Quote


def fig(text, low, high, category="killed:security", window=None, low_inc=True, high_inc=True, counted=None):
    value = low if low == high else None
    return Quantity(start=0, end=len(text), text=text, value=value, low=low, high=high, low_inclusive=low_inc,
                    high_inclusive=high_inc, category=category, window=window, counted=counted)


def claim(cid, article, text, *quantities, attribution=None, predicate=None, negated=False):
    return Claim(id=cid, article=article, start=0, end=len(text), text=text, sentence=0, quantities=quantities,
                 attribution=attribution, predicate=predicate, negated=negated)


def run(claims, category=None, articles=(), quotes=()):
    cluster = Cluster(id="k1", claims=tuple(c.id for c in claims), verdict="agree", category=category)
    (out,) = compare.compare([cluster], claims, articles, quotes)
    return out


@pytest.mark.parametrize("a, b, verdict, kind", [
    # incompatible figures for the same quantity and day
    (fig("17", 17, 17, window="last week"), fig("15", 15, 15, window="on Saturday"), "diverge", "figure-conflict"),
    (fig("14", 14, 14), fig("17", 17, 17), "diverge", "figure-conflict"),
    # compatible bounds that still differ
    (fig("over 70", 70, None, low_inc=False), fig("at least 74", 74, None), "agree", "figure-difference"),
    (fig("over 70", 70, None, low_inc=False), fig("more than 50", 50, None, low_inc=False), "agree", "figure-difference"),
    # different windows
    (fig("at least 92", 92, None, window="on Saturday"), fig("at least 133", 133, None, window="over the past 48 hours"),
     "agree", "window-difference"),
    (fig("at least 92", 92, None, window="on Saturday"), fig("177", 177, 177, window="in total"), "agree",
     "window-difference"),
    # identical
    (fig("14", 14, 14), fig("fourteen", 14, 14), "agree", None),
])
def test_figure_pairs(a, b, verdict, kind):
    out = run([claim("c1", "a1", "x", a), claim("c2", "a2", "y", b)], category="killed:security")
    assert out.verdict == verdict
    kinds = {f.kind for f in out.findings}
    if kind:
        assert kind in kinds
    else:
        assert not kinds & {"figure-conflict", "figure-difference", "window-difference"}


def test_conflict_has_evidence_and_sources():
    a = claim("c1", "a1", "17 security personnel martyred", fig("17", 17, 17), attribution="s_officials@a1")
    b = claim("c2", "a2", "15 security personnel dead", fig("15", 15, 15), attribution="s_military")
    out = run([a, b], category="killed:security")
    (conflict,) = [f for f in out.findings if f.kind == "figure-conflict"]
    assert conflict.severity == "diverge"
    assert {s.article for s in conflict.evidence} == {"a1", "a2"}
    assert set(conflict.sources) == {"s_officials@a1", "s_military"}


def test_tolls_published_at_different_times_are_an_update_not_a_conflict():
    arts = [Article(id="a1", path="a1", text="", published="2024-08-26"),
            Article(id="a2", path="a2", text="", published="2024-08-28")]
    out = run([claim("c1", "a1", "x", fig("20", 20, 20)), claim("c2", "a2", "y", fig("35", 35, 35))],
              category="killed:security", articles=arts)
    assert out.verdict == "agree"
    assert "figure-update" in {f.kind for f in out.findings}


def test_statement_and_its_denial_diverge():
    a = claim("c1", "a1", "India was involved in the attacks.", predicate="involve")
    b = claim("c2", "a2", "India was not involved in the attacks.", predicate="involve", negated=True)
    out = run([a, b])
    assert out.verdict == "diverge"
    assert [f.kind for f in out.findings if f.severity == "diverge"] == ["denial"]


def test_negation_of_a_different_predicate_is_not_a_denial():
    a = claim("c1", "a1", "Naqvi accused India of backing the attackers.", predicate="accuse")
    b = claim("c2", "a2", "Naqvi said it was not the work of ordinary militants.", predicate="be", negated=True)
    assert run([a, b]).verdict == "agree"


def test_same_fact_credited_to_different_sources():
    a = claim("c1", "a1", "Rail traffic was suspended, according to railways official Muhammad Kashif.",
              attribution="s_muhammad-kashif")
    b = claim("c2", "a2", "Rail traffic was suspended, Al Jazeera reported.", attribution="s_al-jazeera")
    kinds = {f.kind for f in run([a, b]).findings}
    assert "source-difference" in kinds


def test_same_generic_party_in_two_articles_is_not_a_source_difference():
    a = claim("c1", "a1", "x said local officials", attribution="s_local-officials@a1")
    b = claim("c2", "a2", "y said local officials", attribution="s_local-officials@a2")
    assert "source-difference" not in {f.kind for f in run([a, b]).findings}


def test_terminology():
    a = claim("c1", "a1", "21 terrorists were killed during the attack.")
    b = claim("c2", "a2", "Forces responded by killing 21 militants.")
    (term,) = [f for f in run([a, b]).findings if f.kind == "terminology" and "perpetrators" in f.summary]
    assert "terrorists" in term.summary and "militants" in term.summary


def test_martyred_versus_killed_is_framing():
    a = claim("c1", "a1", "The assaults left 17 security personnel martyred.")
    b = claim("c2", "a2", "17 security personnel were killed in the assaults.")
    assert any(f.kind == "terminology" and "martyred" in f.summary for f in run([a, b]).findings)


def test_quote_worded_differently():
    text_a = "We will continue giving staunch support to Pakistan in its effort."
    text_b = "We will continue to give staunch support to Pakistan in its efforts."
    a = claim("c1", "a1", text_a)
    b = claim("c2", "a2", text_b)
    quotes = [Quote(id="q1", article="a1", start=0, end=len(text_a), text=text_a),
              Quote(id="q2", article="a2", start=0, end=len(text_b), text=text_b)]
    (f,) = [f for f in run([a, b], quotes=quotes).findings if f.kind == "quote-wording"]
    assert "[-giving-]" in f.summary and "[+to give+]" in f.summary


def test_single_source_and_unattributed():
    out = run([claim("c1", "a1", "Thirty inmates escaped from the prison.")])
    assert out.verdict == "single-source"
    assert {f.kind for f in out.findings} == {"single-source", "unattributed"}


def test_attributed_single_source_is_not_unattributed():
    out = run([claim("c1", "a1", "Thirty inmates escaped, officials said.")])
    assert {f.kind for f in out.findings} == {"single-source"}


def _c(cid, article, text, predicate, negated=False, quoted=False, actors=(), entities=(), terms=()):
    return Claim(id=cid, article=article, start=0, end=len(text), text=text, sentence=0, predicate=predicate,
                 negated=negated, quoted=quoted, actors=actors, entities=entities, terms=terms)


@pytest.mark.parametrize("a, b, denial", [
    # a negation inside a quote does not deny the outlets' statements that share a noun
    (_c("c1", "a1", "The bill is the product of a deal struck Tuesday night.", "be", terms=("bill", "product", "deal")),
     _c("c2", "a2", "“This is not the bill I would have written,” Delgado said.", "be", negated=True, quoted=True,
        actors=("delgado",), terms=("bill", "write")), False),
    # ...but it does deny the same quote's claim
    (_c("c1", "a1", "“This is the bill I would have written,” Delgado said.", "be", quoted=True, actors=("delgado",),
        terms=("bill", "write")),
     _c("c2", "a2", "“This is not the bill I would have written,” Delgado said.", "be", negated=True, quoted=True,
        actors=("delgado",), terms=("bill", "write")), True),
    # the same predicate about different things is no denial
    (_c("c1", "a1", "Tibbs said the House would vote on Friday.", "vote", actors=("house",), terms=("vote", "friday")),
     _c("c2", "a2", "Okafor said she would not vote for the package.", "vote", negated=True, actors=("okafor",),
        terms=("vote", "package")), False),
    # the same party, the same act, one side denied
    (_c("c1", "a1", "India backed the attackers, the minister said.", "back", actors=("india",), terms=("back", "attacker")),
     _c("c2", "a2", "India did not back the attackers, New Delhi said.", "back", negated=True, actors=("india",),
        terms=("back", "attacker")), True),
    # predicates of one class count as one predicate
    (_c("c1", "a1", "Police detained the suspect on Monday.", "detain", actors=("police",), terms=("detain", "suspect")),
     _c("c2", "a2", "Police did not arrest the suspect.", "arrest", negated=True, actors=("police",),
        terms=("arrest", "suspect")), True),
    # a copula's complement is what it says: another complement is no denial (new dev corpus, the
    # New York primary)
    (_c("c1", "a1", "“Tonight was not our night,” he said, appearing deflated.", "be", negated=True, quoted=True,
        terms=("tonight", "night", "appear", "deflate")),
     _c("c2", "a2", "Tonight was Assemblyman Mamdani’s night,” he told his supporters", "be", quoted=True,
        terms=("tonight", "night", "tell", "supporter")), False),
])
def test_denials_are_about_the_same_thing(a, b, denial):
    kinds = [f.kind for f in run([a, b]).findings if f.severity == "diverge"]
    assert (kinds == ["denial"]) is denial


def _tally(text, first, second, article):
    q = Quantity(start=0, end=len(text), text=text, value=first, low=first, high=first, unit="tally", second=second,
                 category="tally")
    return claim(f"c{article}", article, f"The vote was {text}.", q)


@pytest.mark.parametrize("a, b, verdict", [
    ((52, 47), (51, 48), "diverge"),
    ((52, 47), (52, 47), "agree"),
    ((52, 47), (52, 48), "diverge"),
    # a tie and the casting vote that broke it (new dev corpus, the Hegseth confirmation: "50-50" / "51-50")
    ((50, 50), (51, 50), "agree"),
    ((50, 50), (50, 51), "agree"),
    ((50, 50), (52, 50), "diverge"),
])
def test_rival_tallies_of_one_vote(a, b, verdict):
    out = run([_tally(f"{a[0]}-{a[1]}", *a, "a1"), _tally(f"{b[0]}-{b[1]}", *b, "a2")], category="tally")
    assert out.verdict == verdict
    if verdict == "diverge":
        (f,) = [f for f in out.findings if f.kind == "figure-conflict"]
        assert f"{a[0]}-{a[1]}" in f.summary and f"{b[0]}-{b[1]}" in f.summary


def test_hedged_sums_of_one_bill_agree():
    def usd(text, low, high, article, high_inc=True):
        q = Quantity(start=0, end=len(text), text=text, value=None, low=low, high=high, high_inclusive=high_inc,
                     unit="USD", category="money:bill")
        return claim(f"c{article}", article, f"The {text} package passed.", q)

    out = run([usd("$1.2 trillion", 1.15e12, 1.25e12, "a1", False), usd("nearly $1.2 trillion", 1.08e12, 1.2e12, "a2", False),
               usd("roughly $1.2 trillion", 1.08e12, 1.32e12, "a3")], category="money:bill")
    assert out.verdict == "agree"


def test_a_vote_published_later_is_not_a_revised_toll():
    arts = [Article(id="a1", path="a1", text="", published="2026-12-10"),
            Article(id="a2", path="a2", text="", published="2026-12-11")]
    out = run([_tally("52-47", 52, 47, "a1"), _tally("51-48", 51, 48, "a2")], category="tally", articles=arts)
    assert out.verdict == "diverge"
    assert "figure-update" not in {f.kind for f in out.findings}


@pytest.mark.parametrize("text, expected", [
    ("Terrorists stormed the post; the militants were later killed.",
     {"perpetrators": ["terrorists", "militants"], "killing": ["killed"]}),
    # a longer term wins over the shorter one inside it
    ("The terror attacks left 14 soldiers dead.",
     {"the violence": ["terror attacks"], "security forces": ["soldiers"], "killing": ["dead"]}),
    ("Two policemen were shot dead and one lost their lives later.",
     {"security forces": ["policemen"], "killing": ["shot dead", "lost their lives"]}),
    # whole words only
    ("The attackers' deadline passed.", {"perpetrators": ["attackers"]}),
    ("Markets rallied on Tuesday.", {}),
])
def test_terms_used(text, expected):
    assert compare.terms_used(text) == expected


def quote(qid, article, start, text="“We will rebuild,” she said"):
    return Quote(id=qid, article=article, start=start, end=start + len(text), text=text)


def test_quote_index_finds_quotes_starting_inside_claims_in_given_order():
    quotes = [quote("q3", "a1", 300), quote("q2", "a1", 120), quote("q1", "a1", 10), quote("q4", "a2", 15)]
    index = compare.QuoteIndex(quotes)
    claims = [Claim(id="c1", article="a1", start=0, end=130, text="x" * 130, sentence=0),
              Claim(id="c2", article="a1", start=100, end=300, text="x" * 200, sentence=1),  # q2 again; q3 starts at its end
              Claim(id="c3", article="a2", start=0, end=15, text="x" * 15, sentence=0)]  # q4 starts at its end
    assert [q.id for q in index.starting_inside(claims)] == ["q2", "q1"]
    assert [q.id for q in index.starting_inside(claims[:0])] == []
    assert [q.id for q in index.starting_inside([Claim(id="c9", article="zz", start=0, end=9, text="x" * 9, sentence=0)])] == []


def test_many_articles_with_two_figures_make_one_conflict():
    """Three articles say 14, two say 17: one conflict naming all five, not six pairwise ones."""
    claims = [claim(f"c{n}", f"a{n}", f"{v} soldiers were killed", fig(str(v), v, v)) for n, v in
              ((1, 14), (2, 14), (3, 14), (4, 17), (5, 17))]
    out = run(claims, category="killed:security")
    (conflict,) = [f for f in out.findings if f.kind == "figure-conflict"]
    assert out.verdict == "diverge"
    assert {s.article for s in conflict.evidence} == {"a1", "a2", "a3", "a4", "a5"}
    assert "a1, a2 and a3 say 14" in conflict.summary and "a4 and a5 say 17" in conflict.summary


def test_update_and_conflict_are_told_apart_article_pair_by_pair():
    """a1 (Monday) says 14; a2 (Tuesday) and a3 (Monday) say 17. a1 against a2 is a toll revised
    overnight, a1 against a3 a conflict on the same day: both findings, each with its own articles."""
    claims = [claim("c1", "a1", "14 soldiers were killed", fig("14", 14, 14)),
              claim("c2", "a2", "17 soldiers were killed", fig("17", 17, 17)),
              claim("c3", "a3", "17 soldiers were killed", fig("17", 17, 17))]
    articles = [Article(id="a1", path="a1", text="x", published="2026-01-05"),
                Article(id="a2", path="a2", text="x", published="2026-01-06"),
                Article(id="a3", path="a3", text="x", published="2026-01-05")]
    out = run(claims, category="killed:security", articles=articles)
    by_kind = {f.kind: f for f in out.findings}
    assert {s.article for s in by_kind["figure-update"].evidence} == {"a1", "a2"}  # published a day apart
    assert {s.article for s in by_kind["figure-conflict"].evidence} == {"a1", "a3"}  # the same day
    assert out.verdict == "diverge"


def test_one_article_giving_two_near_figures_tells_them_apart():
    """ "23 dead" and "18 presumed dead" in one report count two things its words tell apart: neither
    the article nor another giving one of them is at odds with it."""
    later = claim("c2", "a1", "17 soldiers were killed earlier", fig("17", 17, 17))
    claims = [claim("c1", "a1", "14 soldiers were killed", fig("14", 14, 14)),
              Claim(**{**later.__dict__, "sentence": 1, "start": 30, "end": 30 + len(later.text)}),
              claim("c3", "a2", "14 soldiers were killed", fig("14", 14, 14))]
    out = run(claims, category="killed:security")
    assert not [f for f in out.findings if f.kind == "figure-conflict"]


def test_a_quote_worded_two_ways_is_one_finding_across_articles():
    texts = {"a1": "“We will rebuild every home,” she said", "a2": "“We will rebuild every home,” she said",
             "a3": "“We will rebuild each home,” she said"}
    quotes = [Quote(id=f"q{a}", article=a, start=0, end=len(t), text=t) for a, t in texts.items()]
    claims = [claim(f"c{a}", a, t) for a, t in texts.items()]
    out = run(claims, quotes=quotes)
    (wording,) = [f for f in out.findings if f.kind == "quote-wording"]
    assert {s.article for s in wording.evidence} == {"a1", "a2", "a3"}
    assert "[-every-] [+each+]" in wording.summary


def measure(text, low, high, category, unit=None, counted=None, window=None):
    value = low if low == high else None
    return Quantity(start=0, end=len(text), text=text, value=value, low=low, high=high, category=category,
                    unit=unit, counted=counted, window=window)


@pytest.mark.parametrize("a, b, verdict, kind", [
    # two agencies' magnitudes for one quake
    (measure("7.2", 7.2, 7.2, "magnitude"), measure("7.4", 7.4, 7.4, "magnitude"), "diverge", "figure-conflict"),
    # the same distance read in two units, and one direction a neighbour of the other on the compass
    (measure("25 kilometers", 15.53, 15.53, "distance:hualien city", "miles", "south of Hualien City"),
     measure("about 15 miles", 14, 16, "distance:hualien city", "miles", "south-southeast of Hualien City"), "agree",
     None),
    # 25 km south-east vs 18 km south of one city
    (measure("25 kilometers", 15.53, 15.53, "distance:hualien city", "miles", "southeast of Hualien City"),
     measure("18 kilometers", 11.18, 11.18, "distance:hualien city", "miles", "south of Hualien City"),
     "diverge", "figure-conflict"),
    # divergences/dev, the Vinhedo crash: how far a town lies from a city has no moment, so a sentence's
    # "earlier" does not set apart two directions that cannot both hold
    (measure("about 80 kilometers", 49.71, 49.71, "distance:sao paulo", "miles", "northwest of Sao Paulo",
             window="earlier"),
     measure("80 km", 49.71, 49.71, "distance:sao paulo", "miles", "northeast of São Paulo"), "diverge",
     "figure-conflict"),
    # a count in round thousands is rounded: "35,000 job cuts" meets "over 35,000 jobs" (divergences/dev, union deal)
    (fig("35,000", 35000, 35000, category="jobs"), fig("over 35,000", 35000, None, category="jobs", low_inc=False), "agree",
     "figure-difference"),
    # a running count rising during the day is an update, not a conflict
    (fig("4", 4, 4, category="killed:total", window="so far"), fig("7", 7, 7, category="killed:total", window="so far"),
     "agree", "figure-update"),
    # the land a spreading fire has burned grows like a toll (divergences/dev, Korea's wildfires)
    (measure("approximately 43,330 acres", 38997, 47663, "burned:area", "acres"),
     measure("at least 33,204 hectares", 82048.7, float("inf"), "burned:area", "acres"), "agree", "figure-update"),
    # ...but a fire of a year long past burned what it burned: two areas of it cannot both hold
    (measure("23,913 hectares", 59090, 59090, "burned:area", "acres", window="2000"),
     measure("23,794 hectares", 58796, 58796, "burned:area", "acres", window="2000"), "diverge", "figure-conflict"),
    (fig("230,000", 230000, 230000, category="killed:total", window="2004"),
     fig("227,898", 227898, 227898, category="killed:total", window="2004"), "diverge", "figure-conflict"),
    # the days of two acts are two facts (divergences/dev, a mine collapse: "collapsed early Tuesday" /
    # "the search resumed Wednesday"); two days of one act told in two verbs are a conflict (a boat that
    # "sank on Wednesday" / "capsized Thursday afternoon")
    (measure("early Tuesday", 24, 36, "date:event", "weekday-hours", "collapse"),
     measure("Wednesday", 48, 72, "date:event", "weekday-hours", "resume"), "agree", None),
    (measure("Tuesday", 24, 48, "date:event", "weekday-hours", "sink"),
     measure("Thursday", 72, 96, "date:event", "weekday-hours", "capsize"), "diverge", "figure-conflict"),
    # the parts of a breakdown are not compared, nor noted beside a whole
    (fig("290", 290, 290, category="killed:total", window="part of a breakdown"),
     fig("394", 394, 394, category="killed:total"), "agree", None),
    # an exact figure within another's bounds is only more precise
    (fig("five", 5, 5, category="killed:militants"), fig("at least five", 5, None, category="killed:militants"),
     "agree", None),
    # forecasters differ; that is no conflict
    (fig("3.9%", 3.9, 3.9, category="percent:rate", window="forecast"),
     fig("3.8%", 3.8, 3.8, category="percent:rate", window="forecast"), "agree", "window-difference"),
    # money by its stated precision: $11 billion may be $11.02 billion; $11.02 billion is not $11.2 billion
    (measure("$11 billion", 10.5e9, 11.5e9, "money:forfeit", "USD"), measure("$11.02 billion", 11.015e9, 11.025e9,
                                                                             "money:forfeit", "USD"), "agree", "figure-difference"),
    (measure("$11.2 billion", 11.15e9, 11.25e9, "money:forfeit", "USD"), measure("$11.02 billion", 11.015e9, 11.025e9,
                                                                              "money:forfeit", "USD"), "diverge", "figure-conflict"),
    # a level and a change in points are not one measure
    (measure("62.7%", 62.7, 62.7, "percent:rate", "percent"), measure("0.2 percentage points", 0.2, 0.2, "percent:rate", "points"),
     "agree", None),
])
def test_measure_pairs(a, b, verdict, kind):
    out = run([claim("c1", "a1", "x", a), claim("c2", "a2", "y", b)], category=a.category)
    assert out.verdict == verdict
    kinds = {f.kind for f in out.findings}
    if kind:
        assert kind in kinds
    else:
        assert not kinds & {"figure-conflict", "figure-difference", "window-difference", "figure-update"}


def test_an_article_restating_a_figure_differently_contradicts_itself():
    a = Claim(id="c1", article="a1", start=0, end=24, text="The gain of 330,000 jobs", sentence=3,
              quantities=(fig("330,000", 330000, 330000, category="jobs"),))
    b = Claim(id="c2", article="a1", start=40, end=80, text="Employers added 303,000 jobs in March", sentence=0,
              quantities=(fig("303,000", 303000, 303000, category="jobs", window="in March"),))
    c = Claim(id="c3", article="a2", start=0, end=30, text="Employers added 303,000 jobs", sentence=0,
              quantities=(fig("303,000", 303000, 303000, category="jobs"),))
    out = run([a, b, c], category="jobs")
    conflicts = [f for f in out.findings if f.kind == "figure-conflict"]
    assert len(conflicts) == 2  # a1 against a2, and a1 against itself
    assert any({e.article for e in f.evidence} == {"a1"} for f in conflicts)
    assert "both cannot be right" in conflicts[0].summary


def test_the_same_act_told_again_in_the_next_sentence_is_a_breakdown():
    # new dev corpus, the Lewiston shooting: "Ross said seven people died ... at the bowling alley shooting.
    # Eight died in the bar shooting": each sentence gives its own site's count
    a = Claim(id="c1", article="a1", start=0, end=60, text="Ross said seven people died at the bowling alley shooting.",
              sentence=10, predicate="die", quantities=(fig("seven", 7, 7, category="killed:total"),))
    b = Claim(id="c2", article="a1", start=61, end=100, text="Eight died in the bar shooting.", sentence=11,
              predicate="die", quantities=(fig("Eight", 8, 8, category="killed:total"),))
    c = Claim(id="c3", article="a2", start=0, end=30, text="Seven people died at the bowling alley.", sentence=3,
              predicate="die", quantities=(fig("Seven", 7, 7, category="killed:total"),))
    out = run([a, b, c], category="killed:total")
    assert not any({e.article for e in f.evidence} == {"a1"} for f in out.findings if f.kind == "figure-conflict")


def test_one_claims_other_figure_is_not_compared():
    # "nine dead ... 143 trapped": a claim's second figure of the kind is not the one aligned
    a = claim("c1", "a1", "x", fig("nine", 9, 9, category="killed:total"), fig("143", 143, 143, category="killed:total"))
    b = claim("c2", "a2", "y", fig("nine", 9, 9, category="killed:total"))
    assert run([a, b], category="killed:total").verdict == "agree"


@pytest.mark.parametrize("a, b, noted", [
    ("21 terrorists were killed.", "Forces killed 21 militants.", True),
    ("The attack caused 12 deaths.", "The killing of 12 people shocked the town.", False),  # deaths / killing
    ("The assaults began at dawn.", "The attacks began at dawn.", False),  # assaults / attacks
    ("Police broke up the riot.", "Police broke up the protest.", True),
])
def test_terminology_only_for_framing(a, b, noted):
    out = run([claim("c1", "a1", a), claim("c2", "a2", b)])
    assert any(f.kind == "terminology" for f in out.findings) is noted


def test_one_number_hedged_or_not_against_another_is_one_conflict():
    """divergences/dev, Derna floods: "home to 100,000 people" (a2) and "home to about 100,000
    people" (a3) against "an estimated population of at least 120,000" (a4): one disagreement."""
    claims = [claim("c2", "a2", "home to 100,000 people", fig("100,000", 100000, 100000, category="population")),
              claim("c3", "a3", "home to about 100,000 people", fig("about 100,000", 90000, 110000, category="population")),
              claim("c4", "a4", "a population of at least 120,000", fig("at least 120,000", 120000, None,
                                                                       category="population"))]
    out = run(claims, category="population")
    (conflict,) = [f for f in out.findings if f.kind == "figure-conflict"]
    assert {s.article for s in conflict.evidence} == {"a2", "a3", "a4"}
    assert "a2" in conflict.summary and "a3" in conflict.summary and "a4" in conflict.summary


def test_an_exact_figure_and_a_bound_against_another_stay_two_conflicts():
    """divergences/dev, Dagestan: "five gunmen" against "six" and against "at least six" are two
    pairs of sources to check (a bound is another statement than an exact count)."""
    claims = [claim("c1", "a1", "five gunmen were eliminated", fig("five", 5, 5, category="killed:militants")),
              claim("c2", "a2", "at least six militants were killed", fig("at least six", 6, None, category="killed:militants")),
              claim("c3", "a3", "police killed six gunmen", fig("six", 6, 6, category="killed:militants"))]
    out = run(claims, category="killed:militants")
    assert len([f for f in out.findings if f.kind == "figure-conflict"]) == 2


def test_a_conflict_names_each_figures_own_counter():
    """divergences/dev, French pension protests: "1.27 million people (according to police) and 2.8
    million (according to the unions)": the sentence credits the police, the 2.8 million the unions."""
    q = Quantity(start=0, end=11, text="2.8 million", value=None, low=2.75e6, high=2.85e6, category="crowd:total",
                 window="last January 31", credited="unions")
    a = claim("c1", "a1", "compared to 2.5 million on January 31",
              fig("2.5 million", 2.45e6, 2.55e6, category="crowd:total", window="on January 31"))
    b = claim("c2", "a2", "1.27 million people (according to police) and 2.8 million (according to the unions)", q,
              attribution="s_police@a2")
    (conflict,) = [f for f in run([a, b], category="crowd:total").findings if f.kind == "figure-conflict"]
    assert "citing unions" in conflict.summary and "police" not in conflict.summary


def _crowd(text, value, place, credited=None, window=None):
    return Quantity(start=0, end=len(text), text=text, value=value, low=value, high=value, category="crowd:total",
                    place=place, window=window, credited=credited)


def test_two_counters_of_one_crowd_in_one_article_cannot_both_be_right():
    # "They were 245,000 in Marseille according to the unions (30,000 according to the police)"
    text = "They were 245,000 in Marseille according to the unions (30,000 according to the police)"
    unions = _crowd("245,000", 245_000, "Marseille", "unions")
    police = replace_span(_crowd("30,000", 30_000, "Marseille", "police"), 57)
    out = run([claim("c1", "a1", text, unions, police), claim("c2", "a2", "In Marseille, 245,000 marched",
                                                               _crowd("245,000", 245_000, "Marseille"))],
              category="crowd:total")
    conflicts = [f for f in out.findings if f.kind == "figure-conflict"]
    # the police's 30,000 against the unions' 245,000, which a2 repeats uncredited (one crowd, no
    # day named apart: a2's figure cannot be right with the police's either)
    assert conflicts and all("a1" in {e.article for e in f.evidence} and "30,000" in f.summary for f in conflicts)


def test_two_counters_of_one_crowd_in_two_clauses_of_one_article_cannot_both_be_right():
    # divergences/dev, a protest at a reservoir: each clause credited by its own source, not by the figure's phrase
    prefecture = claim("c1", "a1", "According to the prefecture, 6,000 demonstrators were present",
                       _crowd("6,000", 6_000, None), attribution="s_prefecture@a1")
    organisers = claim("c2", "a1", "while the organisers spoke of 25,000 present", _crowd("25,000", 25_000, None),
                       attribution="s_organisers@a1")
    other = claim("c3", "a2", "Several thousand activists descended on Sainte-Soline")  # (a fact of two articles)
    out = run([prefecture, organisers, other], category="crowd:total")
    assert [f.kind for f in out.findings if f.severity == "diverge"] == ["figure-conflict"]
    # one source's two figures in one article are left alone: the words around them tell them apart
    organisers = replace(organisers, attribution="s_prefecture@a1")
    assert not [f for f in run([prefecture, organisers, other], category="crowd:total").findings
                if f.severity == "diverge"]


@pytest.mark.parametrize("category, unions_place, police_place, conflict", [
    # divergences/dev, French pension protests: the sentence stood alone (a single-source cluster)
    # or in a cluster about something else; the two counters' figures are still rivals
    (None, "Marseille", "Marseille", True),
    ("killed:total", "Marseille", "Marseille", True),
    # two cities' crowds, each by its counter: no rivals
    (None, "Marseille", "Toulouse", False),
])
def test_two_counters_in_one_statement_are_rivals_whatever_it_is_linked_to(category, unions_place, police_place,
                                                                            conflict):
    text = "They were 245,000 in Marseille according to the unions (30,000 according to the police)"
    unions = _crowd("245,000", 245_000, unions_place, "unions")
    police = replace_span(_crowd("30,000", 30_000, police_place, "police"), 57)
    out = run([claim("c1", "a1", text, unions, police)], category=category)
    conflicts = [f for f in out.findings if f.kind == "figure-conflict"]
    assert bool(conflicts) == conflict
    assert (out.verdict == "diverge") == conflict
    if conflict:
        assert "unions" in conflicts[0].summary and "police" in conflicts[0].summary


@pytest.mark.parametrize("cgt_window, police_window, conflict", [
    # "they were 700,000 in Paris, according to the CGT" / "The police, however, assure that there
    # were 81,000.": two reports of one incident, no day named apart: two counts of one crowd
    (None, None, True),
    ("on Tuesday", "on Tuesday", True),
    ("on Tuesday", None, True),
    # days named apart are different days' crowds of one movement, whoever counts them
    ("on Tuesday", "on Wednesday", False),
    ("on March 7", "on March 15", False),
])
def test_counters_crowds_in_two_reports_of_one_incident_meet_unless_dated_apart(cgt_window, police_window, conflict):
    cgt = claim("c1", "a1", "they were 700,000 in Paris, according to the CGT",
                _crowd("700,000", 700_000, "Paris", "CGT", window=cgt_window))
    police = claim("c2", "a2", "The police, however, assure that there were 81,000.",
                   _crowd("81,000", 81_000, "Paris", "police", window=police_window))
    found = [f for f in run([cgt, police], category="crowd:total").findings if f.kind == "figure-conflict"]
    assert bool(found) == conflict


def replace_span(q: Quantity, start: int) -> Quantity:
    from dataclasses import replace
    return replace(q, start=start, end=start + len(q.text))


def _toll(text, value):
    return Quantity(start=0, end=len(text), text=text, value=value, low=value, high=value, category="killed:total")


@pytest.mark.parametrize("denial, predicate, negated, terms, disowned", [
    # the credited body's spokesman ("its spokesman") rejects the figures
    ("its spokesman Tawfiq al-Shukri rejected the figures, telling dpa: “The official figures are issued by the agency "
     "authorized by the Libyan authorities.”", "reject", False, ("reject", "figure", "issue"), True),
    # the credited body says it never gave the figure
    ("However, earlier, the Libyan Red Crescent told CNN that it never released the high death figure tolls to the UN.",
     "release", True, ("release", "high", "death", "figure", "toll"), True),
    # a denial of something else is no disowned figure
    ("its spokesman Tawfiq al-Shukri rejected the criticism of the rescue effort.", "reject", False,
     ("reject", "criticism", "rescue", "effort"), False),
    # nor a source that cannot give figures yet (divergences/dev, floods): it disowns none it gave
    ("However, the Libyan Red Crescent said it could not provide precise figures on casualties as authorities were "
     "focused on the rescue operation.", "provide", True, ("provide", "precise", "figure", "casualty"), False),
])
def test_a_figure_disowned_by_its_credited_source(denial, predicate, negated, terms, disowned):
    from dataclasses import replace
    credited = claim("c1", "a1", "The death toll in Derna has soared to 11,300, the Libyan Red Crescent said today.",
                     _toll("11,300", 11_300), attribution="s_libyan-red-crescent@a1")
    before = replace(claim("c2", "a2", "OCHA attributed the deaths to the Libyan Red Crescent", predicate="attribute"),
                     entities=("ocha", "libyan red crescent"), start=0, end=10)
    who = "s_tawfiq-al-shukri" if denial.startswith("its") else "s_libyan-red-crescent@a2"
    said = compare.Span("a2", 11, 40, "its spokesman Tawfiq al-Shukri") if denial.startswith("its") else None
    denied = replace(claim("c3", "a2", denial, attribution=who, predicate=predicate, negated=negated),
                     terms=terms, attribution_span=said, start=11, end=11 + len(denial))
    found = compare.disowned_findings([credited, before, denied])
    assert bool(found) is disowned
    if disowned:
        (claim_id, finding), = found
        assert claim_id == "c1" and finding.severity == "diverge"
        assert {e.article for e in finding.evidence} == {"a1", "a2"}


def test_a_figure_read_many_ways_is_one_note_of_its_readings_lowest_first():
    """A rising toll in four reports (Derna, Sept. 2023) makes six pairs of notes about windows and
    bounds; the editor gets one note listing the readings, each with its articles and window."""
    claims = [claim("c1", "a1", "At least 2,300 people have died in Libya", fig("At least 2,300", 2300, None, category="killed:total")),
              claim("c2", "a2", "about 4,000 confirmed deaths as of Saturday",
                    fig("about 4,000", 3600, 4400, category="killed:total", window="as of Saturday")),
              claim("c3", "a3", "the toll stood at 3,958 on Sunday morning", fig("3,958", 3958, 3958, category="killed:total",
                                                                                    window="on Sunday morning")),
              claim("c4", "a4", "the death toll surged past 11,300 so far", fig("over 11,300", 11300, None, low_inc=False, category="killed:total",
                                                                                   window="so far"))]
    out = run(claims, category="killed:total")
    notes = [f for f in out.findings if f.kind in ("figure-readings", "figure-difference", "window-difference", "figure-update")]
    (note,) = notes
    assert note.kind == "figure-readings" and note.severity == "note" and out.verdict == "agree"
    assert note.summary.index("At least 2,300 (a1)") < note.summary.index("3,958 (a3, on Sunday morning)") \
        < note.summary.index("about 4,000 (a2, as of Saturday)") < note.summary.index("over 11,300 (a4, so far)")
    assert {e.article for e in note.evidence} == {"a1", "a2", "a3", "a4"}


def test_a_conflict_stays_its_own_finding_beside_the_readings_note():
    claims = [claim("c1", "a1", "x", fig("14", 14, 14)), claim("c2", "a2", "y", fig("17", 17, 17)),
              claim("c3", "a3", "z", fig("at least 92", 92, None, window="on Saturday")),
              claim("c4", "a4", "w", fig("177", 177, 177, window="in total"))]
    out = run(claims, category="killed:security")
    kinds = [f.kind for f in out.findings]
    assert kinds[0] == "figure-conflict" and "figure-readings" in kinds
    assert "window-difference" not in kinds and out.verdict == "diverge"


@pytest.mark.parametrize("a, b, verdict", [
    # two undated reports of a wildfire's toll (Viña del Mar, Feb. 2024): one may be later
    (fig("99 people", 99, 99, category="killed:total"), fig("112 lives", 112, 112, category="killed:total"), "agree"),
    (fig("20 other people", 20, 20, category="injured:total"), fig("Eleven", 11, 11, category="injured:total"), "agree"),
    # a total rises within a day: "reported Sunday that 99 people have died" / "said late Sunday ... 112"
    (fig("99 people", 99, 99, category="killed:total", window="Sunday"),
     fig("112 dead victims", 112, 112, category="killed:total", window="late Sunday"), "agree"),
    # a count of one group is one party's statement, compared as it stands
    (fig("five attackers", 5, 5, category="killed:militants"), fig("six gunmen", 6, 6, category="killed:militants"), "diverge"),
])
def test_undated_running_totals_are_updates_not_conflicts(a, b, verdict):
    out = run([claim("c1", "a1", "x", a), claim("c2", "a2", "y", b)], category=a.category)
    assert out.verdict == verdict
    if verdict == "agree":
        (update,) = [f for f in out.findings if f.kind == "figure-update"]
        assert "check which is later" in update.summary


def measured(text, miles):
    return Quantity(start=0, end=len(text), text=text, value=miles, low=miles, high=miles, category="depth", unit="miles")


@pytest.mark.parametrize("a, b, verdict", [
    # "300 meters (985 feet)": a conversion meets its original within the rounding of its digits
    (measured("300 metres", 300 / 1609.344), measured("985 feet", 985 / 5280), "agree"),
    (measured("15.5 km", 15.5 / 1.609344), measured("34.8 km", 34.8 / 1.609344), "diverge"),
    (measured("300 metres", 300 / 1609.344), measured("1,000 feet", 1000 / 5280), "diverge"),
])
def test_measures_in_other_units_meet_within_their_rounding(a, b, verdict):
    out = run([claim("c1", "a1", "x", a), claim("c2", "a2", "y", b)], category="depth")
    assert out.verdict == verdict


@pytest.mark.parametrize("first, second, verdict", [
    # one figure the other mistyped: the article is at odds with itself
    (("The gain of 330,000 jobs", "330,000", 330000), ("Employers added 303,000 jobs", "303,000", 303000), "diverge"),
    # two near counts in two statements: two things the article tells apart
    (("The toll of 14 dead", "14", 14), ("Seventeen people died", "Seventeen", 17), "agree"),
])
def test_one_articles_own_two_figures_contradict_only_when_one_is_mistyped(first, second, verdict):
    a = Claim(id="c1", article="a1", start=0, end=len(first[0]), text=first[0], sentence=0,
              quantities=(fig(first[1], first[2], first[2], category="jobs"),))
    b = Claim(id="c2", article="a1", start=100, end=100 + len(second[0]), text=second[0], sentence=3,
              quantities=(replace_span(fig(second[1], second[2], second[2], category="jobs"), 100),))
    c = claim("c3", "a2", "z", fig(first[1], first[2], first[2], category="jobs"))
    out = run([a, b, c], category="jobs")
    assert out.verdict == verdict


def test_two_reports_of_one_day_giving_different_totals_contradict():
    """ "has killed two people, the Sheriff's Office said Friday" / "has killed three people ... citing
    the Sheriff's Office", both published Sept. 18: one of them is wrong."""
    arts = [Article(id="a1", path="a1", text="", published="2026-09-18"),
            Article(id="a2", path="a2", text="", published="2026-09-18")]
    out = run([claim("c1", "a1", "x", fig("two", 2, 2, category="killed:total")),
               claim("c2", "a2", "y", fig("three", 3, 3, category="killed:total"))], category="killed:total", articles=arts)
    assert out.verdict == "diverge"


def usd(text, value, low, high):
    return Quantity(start=0, end=len(text), text=text, value=value, low=low, high=high, category="money:penalty",
                    unit="USD")


@pytest.mark.parametrize("a, b, verdict", [
    # a headline cuts a sum to its step: "$148M" for $148.7 million, "$354 million" for $354.8 million
    (usd("$148M", 148e6, 147.5e6, 148.5e6), usd("$148.7 million", 148.7e6, 148.65e6, 148.75e6), "agree"),
    (usd("$354 million", 354e6, 353.5e6, 354.5e6), usd("$354.8 million", 354.8e6, 354.75e6, 354.85e6), "agree"),
    # but not a sum another step away, nor two figures of one step
    (usd("$147M", 147e6, 146.5e6, 147.5e6), usd("$148.7 million", 148.7e6, 148.65e6, 148.75e6), "diverge"),
    (usd("$360 million", 360e6, 359.5e6, 360.5e6), usd("$355 million", 355e6, 354.5e6, 355.5e6), "diverge"),
])
def test_a_sum_cut_to_its_step_meets_the_finer_figure(a, b, verdict):
    out = run([claim("c1", "a1", "x", a), claim("c2", "a2", "y", b)], category="money:penalty")
    assert out.verdict == verdict


def clock(text, low, high, unit="day-hours", clock=None):
    value = low if low == high else None
    return Quantity(start=0, end=len(text), text=text, value=value, low=low, high=high, category="time:at",
                    unit=unit, clock=clock)


@pytest.mark.parametrize("a, b, verdict", [
    # "6:45 pm on Friday" vs "at around 15:15 GMT" (18:15 in Bartin, UTC+3): half an hour apart
    (clock("6:45 pm on Friday", 4 * 24 + 18.75, 4 * 24 + 18.75, unit="weekday-hours"),
     clock("15:15 GMT", 18.0, 18.5, clock="local:Bartin"), "diverge"),
    # "7:58 a.m. local time on Wednesday" and "11:58 p.m. GMT on Tuesday" put on Taiwan's clock: one instant
    (clock("7:58 a.m. local time on Wednesday", 55 + 58 / 60, 55 + 58 / 60, unit="weekday-hours", clock="local"),
     clock("11:58 p.m. GMT on Tuesday", 55 + 58 / 60, 55 + 58 / 60, unit="weekday-hours", clock="local:Taiwan"),
     "agree"),
    # "just before 8:00 a.m. local time today" holds 7:58 on Wednesday
    (clock("7:58 a.m. local time on Wednesday", 55 + 58 / 60, 55 + 58 / 60, unit="weekday-hours", clock="local"),
     clock("8:00 a.m. local time", 7.0, 8.0, clock="local"), "agree"),
    # a time in a zone nobody put on the place's clock is not held against a local one
    (clock("6:45 pm on Friday", 4 * 24 + 18.75, 4 * 24 + 18.75, unit="weekday-hours"),
     clock("15:15 GMT", 15.0, 15.5, clock="UTC"), "agree"),

    # hours of a day are read round the clock: "midnight" (24:00) is "00:00", and "11:50 p.m." is
    # twenty minutes before "12:10 a.m.", not a day
    (clock("midnight", 24.0, 24.0), clock("00:00 local time", 0.0, 0.0, clock="local"), "agree"),
    (clock("shortly after midnight", 24.0, 25.0), clock("00:20", 0 + 1 / 3, 0 + 1 / 3), "agree"),
    (clock("11:50 p.m.", 23 + 5 / 6, 23 + 5 / 6), clock("12:10 a.m.", 1 / 6, 1 / 6), "diverge"),
    # "midnight on Friday" may be the midnight Friday begins with (divergences/dev, Boeing strike:
    # "started at 12:01 a.m. PDT Friday"); an hour before it is still another time
    (clock("midnight on Friday", 5 * 24, 5 * 24, unit="weekday-hours"),
     clock("12:01 a.m. PDT Friday", 4 * 24 + 1 / 60, 4 * 24 + 1 / 60, unit="weekday-hours"), "agree"),
    (clock("midnight on Friday", 5 * 24, 5 * 24, unit="weekday-hours"),
     clock("11 p.m. Thursday", 3 * 24 + 23, 3 * 24 + 23, unit="weekday-hours"), "diverge"),
])
def test_times_of_one_moment_on_one_clock(a, b, verdict):
    out = run([claim("c1", "a1", "The explosion occurred", a), claim("c2", "a2", "The explosion occurred", b)],
              category="time:at")
    assert out.verdict == verdict


def test_a_conflict_of_times_names_both_clocks():
    a = clock("6:45 pm on Friday", 4 * 24 + 18.75, 4 * 24 + 18.75, unit="weekday-hours")
    b = clock("15:15 GMT", 18.25, 18.25, clock="local:Bartin")
    out = run([claim("c1", "a1", "The explosion occurred 6:45 pm on Friday", a),
               claim("c2", "a2", "The explosion occurred at 15:15 GMT", b)], category="time:at")
    (conflict,) = [f for f in out.findings if f.kind == "figure-conflict"]
    assert "15:15 GMT (18:15 in Bartin's time" in conflict.summary
    assert "6:45 pm on Friday (18:45" in conflict.summary


def test_a_conflict_round_the_clock_reads_each_time_as_written():
    a = clock("11:50 p.m.", 23 + 5 / 6, 23 + 5 / 6)
    b = clock("12:10 a.m.", 1 / 6, 1 / 6)
    out = run([claim("c1", "a1", "The explosion occurred at 11:50 p.m.", a),
               claim("c2", "a2", "The explosion occurred at 12:10 a.m.", b)], category="time:at")
    (conflict,) = [f for f in out.findings if f.kind == "figure-conflict"]
    assert "24:" not in conflict.summary and "00:10" in conflict.summary, conflict.summary


def test_a_cut_is_cut_toward_zero():
    # a fall given in points is cut as headlines cut: "-0.2" for -0.25, toward zero
    a = Quantity(start=0, end=4, text="-0.2", value=-0.2, low=-0.25, high=-0.15, category="percent:rate", unit="points")
    b = Quantity(start=0, end=5, text="-0.25", value=-0.25, low=-0.255, high=-0.245, category="percent:rate",
                 unit="points")
    assert compare._truncated(a, b)


@pytest.mark.parametrize("a, b, misspelt", [
    ("Daibes", "Daides", True),     # divergences/dev, Menendez indictment: a consonant changed
    ("Capaldi", "Capadli", True),   # speakers/dev: two letters swapped
    ("Musk", "Mush", True),
    ("Zelensky", "Zelenskyy", False),     # a doubled letter: a transliteration
    ("Gunasekara", "Gunasekera", False),  # a vowel: a transliteration
    ("Philp", "Philip", False),           # a vowel added: spelt two ways, not told
    ("Lanka", "Lankan", False),           # an ending: another form of the word
    ("Smith", "Smythe", False),           # two keystrokes apart: maybe another person
    ("Colllins", "Collins", True),        # divergences/dev, Jackson confirmation: a letter thrice is a slip
])
def test_a_surname_one_consonant_apart_is_misspelt(a, b, misspelt):
    assert compare._misspelt(a, b) == misspelt


def _spelling_findings(claims):
    """The name-spelling findings of claims each in a cluster of its own."""
    clusters = [Cluster(id=f"k{k}", claims=(c.id,), verdict="agree") for k, c in enumerate(claims)]
    return [f for k in compare.compare(clusters, claims) for f in k.findings if f.kind == "name-spelling"]


def _named(cid, article, text, *names):
    return Claim(id=cid, article=article, start=0, end=len(text), text=text, sentence=0,
                 entities=tuple(n.casefold() for n in names))


def test_a_name_spelt_two_ways_across_outlets_is_a_finding_with_both_spans():
    a = _named("c1", "a1", "the businessmen - Wael Hana, Fred Daibes and Jose Uribe", "Wael Hana", "Fred Daibes",
               "Jose Uribe")
    b = _named("c2", "a2", "the indictment names Wael Hana, Jose Uribe and Fred Daides", "Wael Hana", "Jose Uribe",
               "Fred Daides")
    clusters = [Cluster(id="k1", claims=("c1",), verdict="agree"), Cluster(id="k2", claims=("c2",), verdict="agree")]
    out = compare.compare(clusters, [a, b])
    (finding,) = [f for k in out for f in k.findings if f.kind == "name-spelling"]
    assert finding.severity == "diverge" and "Fred Daibes" in finding.summary and "Fred Daides" in finding.summary
    assert {(e.article, e.text) for e in finding.evidence} >= {("a1", "Fred Daibes"), ("a2", "Fred Daides")}
    # one article that writes both is not two outlets at odds
    c = _named("c3", "a1", "Fred Daides was also charged", "Fred Daides")
    out = compare.compare(clusters + [Cluster(id="k3", claims=("c3",), verdict="agree")], [a, b, c])
    assert not [f for k in out for f in k.findings if f.kind == "name-spelling"]


def test_a_misspelt_name_is_found_where_the_tagger_saw_no_name_in_the_other_outlet():
    # divergences/dev, Rolling Fork tornado: one outlet's "Alejandro Mayorkas" is not tagged as a name
    a = _named("c1", "a1", "Homeland Security Secretary Alejandro Mayorgas and FEMA Administrator Dean Criswell "
               "traveled to Mississippi on Sunday to assess the damage.", "Alejandro Mayorgas", "Dean Criswell")
    b = _named("c2", "a2", "Two top Biden administration officials, Homeland Security Secretary Alejandro Mayorkas "
               "and Federal Emergency Management Agency Administrator Deanne Criswell, visited.", "Deanne Criswell")
    clusters = [Cluster(id="k1", claims=("c1",), verdict="agree"), Cluster(id="k2", claims=("c2",), verdict="agree")]
    (finding,) = [f for k in compare.compare(clusters, [a, b]) for f in k.findings if f.kind == "name-spelling"]
    assert {(e.article, e.text) for e in finding.evidence} >= {("a1", "Alejandro Mayorgas"), ("a2", "Alejandro Mayorkas")}


@pytest.mark.parametrize("texts, told", [
    # divergences/dev, cyclone Chido: a surname written alone, one keystroke from a full name's
    (["Marcon will overfly the area for an aerial appraisal of the damage."], True),
    # a surname written alone that another full name ends with is that person
    (["Marcon will overfly the area for an aerial appraisal of the damage.", "Jean Marcon, a local official, spoke."],
     False),
])
def test_a_surname_written_alone_one_keystroke_from_a_full_name_is_a_finding(texts, told):
    a = _named("c1", "a1", "French President Emmanuel Macron arrived Thursday in Mayotte.", "Emmanuel Macron")
    claims = [a] + [_named(f"c{k + 2}", "a2", text, "Jean Marcon" if "Jean" in text else "Marcon")
                    for k, text in enumerate(texts)]
    assert bool(_spelling_findings(claims)) == told


@pytest.mark.parametrize("a_text, b_text, told", [
    # divergences/dev, Jeju Air crash: a model number with one digit changed
    ("The plane, a Boeing 787-800, was carrying 181 people", "a Boeing 737-800 of Jeju Air", True),
    ("The Airbus A320 landed safely", "the Airbus A321 landed", True),
    # a year or a date is no designation; designations of other shapes are other things
    ("It went to trial in March 2017", "the mistrial in March 2018", False),
    ("Jeju Air Flight 2216 crashed", "Flight 7C2216 crashed", False),
    # divergences/dev, Ikoyi high-rise: ages and storeys written with a hyphen are no designation
    ("Sunday Monday: The 21-year-old had a leg fracture.", "Odutan Timileyin is a 26-year-old man. The 26-year-old "
     "was rescued", False),
    ("The 21-storey building crumbled on Monday", "The 26-storey tower crumbled", False),
])
def test_a_designation_with_one_character_changed_across_outlets_is_a_finding(a_text, b_text, told):
    clusters = [Cluster(id="k1", claims=("c1",), verdict="agree"), Cluster(id="k2", claims=("c2",), verdict="agree")]
    out = compare.compare(clusters, [_named("c1", "a1", a_text), _named("c2", "a2", b_text)])
    assert bool([f for k in out for f in k.findings if f.kind == "name-spelling"]) == told


def test_a_misspelt_name_is_its_own_cluster_and_leaves_the_statements_facts_alone():
    a = _named("c1", "a1", "the businessmen - Wael Hana, Fred Daibes and Jose Uribe", "Fred Daibes")
    b = _named("c2", "a2", "the indictment names Wael Hana, Jose Uribe and Fred Daides", "Fred Daides")
    out = compare.compare([Cluster(id="k1", claims=("c1", "c2"), verdict="agree")], [a, b])
    fact, name = out
    assert fact.verdict == "agree" and not [f for f in fact.findings if f.kind == "name-spelling"]
    assert name.verdict == "diverge" and set(name.claims) == {"c1", "c2"} and name.label == "Fred Daibes / Fred Daides"


def _sum(text, low, high, category="money:debt"):
    return measure(text, low, high, category, "USD")


@pytest.mark.parametrize("witness, conflict", [
    # new dev corpus, student loans: one article gives the plan's cost and the principal it cancels,
    # each as its own; others giving one each do not contradict each other
    ([("costing some $400 billion overall", _sum("$400 billion", 399.5e9, 400.5e9), None),
      ("to cancel $430 billion of student loan principal", _sum("$430 billion", 429.5e9, 430.5e9), None)], False),
    # an article that sets two parties' figures side by side reports their disagreement
    ([("7.4, according to the USGS", measure("7.4", 7.4, 7.4, "magnitude"), "s_usgs@a3"),
      ("the Japan Meteorological Agency reported it as 7.5", measure("7.5", 7.5, 7.5, "magnitude"), "s_jma@a3")], True),
    # a measure an event has once, given twice by one article unattributed: still two readings at odds
    ([("The magnitude 7.4 quake", measure("7.4", 7.4, 7.4, "magnitude"), None),
      ("It measured 7.5", measure("7.5", 7.5, 7.5, "magnitude"), None)], True),
])
def test_an_article_that_gives_both_figures_as_its_own_tells_them_apart(witness, conflict):
    (ta, qa, sa), (tb, qb, sb) = witness
    category = qa.category
    claims = [claim("c1", "a1", ta, qa), claim("c2", "a2", tb, qb),
              claim("c3", "a3", ta, qa, attribution=sa), claim("c4", "a3", tb, qb, attribution=sb)]
    claims[3] = Claim(**{**claims[3].__dict__, "sentence": 3, "start": 100, "end": 100 + len(tb)})
    out = run(claims, category=category)
    assert bool([f for f in out.findings if f.kind == "figure-conflict" and "a1" in f.summary]) == conflict


def _with_correction(cid, article, text, kept, aside):
    c = claim(cid, article, text, kept)
    return Claim(**{**c.__dict__, "corrected": (aside,)})


def test_a_figure_another_article_sets_aside_as_wrong_cannot_be_right():
    """divergences/dev, Pylos shipwreck: "The death toll was later revised to 79." / "the number of
    bodies recovered was 78 and not 79"."""
    a = claim("c1", "a1", "The death toll was later revised to 79.", _toll("79", 79))
    text = "the number of bodies recovered was 78 and not 79"
    b = _with_correction("c2", "a2", text, _toll("78", 78), replace_span(_toll("79", 79), len(text) - 2))
    clusters = [Cluster(id="k1", claims=("c1", "c2"), verdict="agree", category="killed:total")]
    out = compare.compare(clusters, [a, b],
                          [Article(id="a1", path="a1", text="x", published="2023-06-15"),
                           Article(id="a2", path="a2", text="x", published="2023-06-16")])
    (own,) = [k for k in out if k.label == "79 set aside as wrong"]
    (finding,) = own.findings
    assert own.verdict == "diverge" and set(own.claims) == {"c1", "c2"}
    assert "a1 (published 2023-06-15) says 79" in finding.summary and "a2 (published 2023-06-16)" in finding.summary
    assert ("a2", "78") in {(e.article, e.text) for e in finding.evidence}  # the figure given instead, pointed at


def test_a_correction_nobody_repeats_is_a_note():
    text = "Officials said the death toll was 275 and not 288 as reported earlier."
    b = _with_correction("c2", "a2", text, _toll("275", 275), replace_span(_toll("288", 288), 42))
    out = compare.compare([Cluster(id="k1", claims=("c2",), verdict="single-source")], [b])
    notes = [f for k in out for f in k.findings if f.kind == "figure-correction"]
    assert len(notes) == 1 and notes[0].severity == "note" and "288 aside as wrong" in notes[0].summary


def test_a_denial_is_told_once_for_its_cluster():
    """Two articles state it and two deny it: one finding naming all four, not four pairs."""
    claims = [_c(f"c{i}", f"a{i}", text, "back", negated=neg, actors=("india",), terms=("back", "attacker"))
              for i, (text, neg) in enumerate([("India backed the attackers.", False), ("India backed them.", False),
                                               ("India did not back the attackers.", True),
                                               ("India never backed the attackers.", True)])]
    (finding,) = [f for f in run(claims).findings if f.kind == "denial"]
    assert {e.article for e in finding.evidence} == {"a0", "a1", "a2", "a3"}


def test_a_figure_mistyped_is_a_conflict_even_within_one_article():
    """divergences/dev, hajj heat deaths: one article's "58 individuals from Egypt" beside its "658
    deaths from Egypt" (a digit dropped); Giuliani verdict: "$75" against "$75 million" (a scale word
    dropped), across two articles."""
    a = claim("c1", "a1", "by June 20, the death toll included 58 individuals from Egypt.",
              fig("58", 58, 58, category="killed:total", window="by June 20"))
    b = Claim(id="c2", article="a1", start=70, end=140, sentence=3, quantities=(fig("658", 658, 658, category="killed:total"),),
              text="Among them, 630 were unregistered pilgrims out of the total 658 deaths from Egypt.")
    other = claim("c5", "a4", "At least 323 of the dead were Egyptians", fig("At least 323", 323, None, category="killed:total"))
    (conflict,) = [f for f in run([a, b, other], category="killed:total").findings if f.kind == "figure-conflict"]
    assert "a digit dropped or added" in conflict.summary and {e.article for e in conflict.evidence} == {"a1"}
    c = claim("c3", "a2", "punitive damages of $75 on top of other damages", measure("$75", 75, 75, "money:cost", "USD"))
    d = claim("c4", "a3", "The jury also awarded $75 million in punitive damages",
              measure("$75 million", 75e6, 75e6, "money:cost", "USD"))
    (conflict,) = [f for f in run([c, d], category="money:cost").findings if f.kind == "figure-conflict"]
    assert "a scale word dropped or doubled" in conflict.summary and {e.article for e in conflict.evidence} == {"a2", "a3"}


@pytest.mark.parametrize("category, kinds", [
    # a count or share a side holds, read without its side: two parties' figures as likely as one's
    ("seats", {"figure-difference"}),
    ("votes", {"figure-difference"}),
    ("percent:share", {"figure-difference"}),
    # with its side read, two counts of one side's seats cannot both be right
    ("seats:bjp", {"figure-conflict"}),
])
def test_figures_of_an_unread_side_are_set_side_by_side(category, kinds):
    a = claim("c1", "a1", "The party won 240 seats.", fig("240", 240, 240, category=category))
    b = claim("c2", "a2", "The party won 249 seats.", fig("249", 249, 249, category=category))
    assert {f.kind for f in run([a, b], category=category).findings} & {"figure-difference", "figure-conflict"} == kinds


@pytest.mark.parametrize("text, wrong", [
    # divergences/dev, Nepal floods: an editor's inserted date a day off its weekday
    ("Residents of Kathmandu, which was inundated on Saturday (September 29, 2024), were cleaning up.", True),
    ("Another 23 bodies were dug out on Sunday (September 29, 2024) on the same spot.", False),
    ("The strike began on Tuesday, March 7, 2023, across France.", False),
    ("The strike began on Wednesday, March 7, 2023, across France.", True),
    # a weekday with no year names no full date to check
    ("The strike began on Wednesday, March 7.", False),
])
def test_a_weekday_that_is_not_its_dates(text, wrong):
    found = [f for _, f in compare.weekday_findings([claim("c1", "a1", text)])]
    assert bool(found) is wrong
    if wrong:
        assert found[0].severity == "note" and "the weekday or the date is wrong" in found[0].summary


def test_the_bodies_one_search_recovered_are_no_slip_of_the_toll():
    """divergences/dev, Nepal floods: "rose to at least 148" and "Rescuers retrieved 14 bodies overnight from
    two buses" in one article: a digit dropped in look only; one search's bodies are a part of the toll."""
    a = claim("c1", "a1", "the death toll from flooding rose to at least 148", fig("at least 148", 148, None,
                                                                                  category="killed:total"))
    b = Claim(id="c2", article="a1", start=70, end=150, sentence=3, text="Rescuers retrieved 14 bodies overnight.",
              quantities=(fig("14", 14, 14, category="killed:total", window="overnight; one recovery, the latest"),))
    assert not [f for f in run([a, b], category="killed:total").findings if f.kind == "figure-conflict"]


def test_a_rising_tolls_moments_that_look_mistyped_stay_an_update():
    """divergences/dev, Amasra mine: a toll of 14 one day and 41 the next reads like two digits swapped,
    and 12 then 112 like a digit added: two moments of a rising toll, not a slip."""
    a = claim("c1", "a1", "12 people were killed", fig("12", 12, 12, category="killed:total"))
    b = claim("c2", "a2", "112 people were killed", fig("112", 112, 112, category="killed:total"))
    out = compare.compare([Cluster(id="k1", claims=("c1", "c2"), verdict="agree", category="killed:total")], [a, b],
                          [Article(id="a1", path="a1", text="x", published="2024-02-03"),
                           Article(id="a2", path="a2", text="x", published="2024-02-05")])
    kinds = {f.kind for k in out for f in k.findings}
    assert "figure-update" in kinds and "figure-conflict" not in kinds


@pytest.mark.parametrize("text, quantities, told", [
    # the issue's own example, with one part changed: parts that add up to more than their whole
    ("The attack killed 14 troops, including ten soldiers and six police.",
     (fig("14", 14, 14), fig("ten", 10, 10, window="part of a breakdown"), fig("six", 6, 6, window="part of a breakdown")),
     True),
    ("The attack killed 14 troops, including ten soldiers and four police.",
     (fig("14", 14, 14), fig("ten", 10, 10, window="part of a breakdown"), fig("four", 4, 4, window="part of a breakdown")),
     False),
    # parts that add up to less may leave some out; a bound is no exact whole
    ("At least 14 troops died, including ten soldiers and six police.",
     (fig("At least 14", 14, None), fig("ten", 10, 10, window="part of a breakdown"),
      fig("six", 6, 6, window="part of a breakdown")), False),
])
def test_parts_that_add_up_to_more_than_their_whole(text, quantities, told):
    placed = [replace_span(q, text.index(q.text)) for q in quantities]
    out = compare.compare([Cluster(id="k1", claims=("c1",), verdict="agree")], [claim("c1", "a1", text, *placed)])
    found = [f for k in out for f in k.findings if f.kind == "figure-conflict"]
    assert bool(found) is told
    if told:
        assert "add up to 16" in found[0].summary and {e.text for e in found[0].evidence} >= {"14", "ten", "six"}


def test_a_surname_written_alone_is_a_slip_even_beside_the_full_name_in_one_article():
    """divergences/dev, cyclone Chido: one report writes "President Emmanuel Macron" and, later, "Marcon"."""
    claims = [_named("c1", "a1", "French President Emmanuel Macron arrived Thursday in Mayotte.", "Emmanuel Macron"),
              _named("c2", "a1", "Marcon will overfly the area for an aerial appraisal of the damage.", "Marcon")]
    (found,) = _spelling_findings(claims)
    assert "Marcon" in found.summary and "Emmanuel Macron" in found.summary


@pytest.mark.parametrize("a, b, told", [
    # divergences/dev, Jackson confirmation: one justice's given name spelt two ways
    ("Stephen Breyer", "Steven Breyer", True),
    # a short form, a transliteration and another member of a family are not told
    ("Michael Johnson", "Mike Johnson", False),
    ("Tatiana Golikova", "Tatyana Golikova", False),
    ("Ruby Freeman", "Shaye Freeman", False),
])
def test_a_given_name_spelt_two_ways_with_one_surname_is_a_finding(a, b, told):
    claims = [_named("c1", "a1", f"{a} spoke on Friday.", a), _named("c2", "a2", f"{b} spoke on Friday.", b)]
    assert bool(_spelling_findings(claims)) == told


def _aged(cid, article, text, *entities):
    return Claim(id=cid, article=article, start=0, end=len(text), text=text, sentence=0, entities=entities)


@pytest.mark.parametrize("a, b, published, told", [
    # one child's age in two outlets' lists of the dead
    (_aged("c1", "a1", "Isago Mabote (8), Karabo Rampou (9) and Njabulo Msimanga (7) had eaten snacks",
            "isago mabote", "karabo rampou", "njabulo msimanga"),
     _aged("c2", "a2", "The children — Karabo Rampou, 8, and Isago Mabote, 7 — died two weeks ago",
            "karabo rampou", "isago mabote"), {}, {"Isago Mabote: 8 / 7", "Karabo Rampou: 9 / 8"}),
    # two people with the same two ages are two findings
    (_aged("c1", "a1", "Isago Mabote (8) and Karabo Rampou (8) had eaten snacks", "isago mabote", "karabo rampou"),
     _aged("c2", "a2", "Isago Mabote, 7, and Karabo Rampou, 7, died", "isago mabote", "karabo rampou"), {},
     {"Isago Mabote: 8 / 7", "Karabo Rampou: 8 / 7"}),
    # a surname alone is the article's one full name
    (_aged("c1", "a1", "Sean Combs, 55, was sentenced on Friday", "sean combs"),
     _aged("c2", "a2", "Combs, 58, denied the charges", "combs"), {}, {"Sean Combs: 55 / 58"}),
    # a year apart in reports a month apart: a birthday may stand between them
    (_aged("c1", "a1", "Combs, 55, was in court", "combs"), _aged("c2", "a2", "Combs, 56, was sentenced", "combs"),
     {"a1": "2025-10-02", "a2": "2025-11-14"}, set()),
    # ...but not in reports of one week
    (_aged("c1", "a1", "Combs, 55, was in court", "combs"), _aged("c2", "a2", "Combs, 56, was sentenced", "combs"),
     {"a1": "2025-10-02", "a2": "2025-10-04"}, {"Combs: 55 / 56"}),
    # two people of one surname in one article: "Pelicot, 72," is neither
    (_aged("c1", "a1", "Pelicot, 72, told the court that Dominique Pelicot and Gisèle Pelicot met in 1971",
            "pelicot", "dominique pelicot", "gisèle pelicot"),
     _aged("c2", "a2", "Gisèle Pelicot, 71, left the court", "gisèle pelicot"), {}, set()),
    # different people
    (_aged("c1", "a1", "Breyer, 83, will retire", "breyer"), _aged("c2", "a2", "Jackson, 51, was confirmed", "jackson"),
     {}, set()),
])
def test_age_findings_across_articles(a, b, published, told):
    clusters = [Cluster(id="k1", claims=("c1",), verdict="single-source"), Cluster(id="k2", claims=("c2",), verdict="single-source")]
    found = compare.age_findings([a, b], clusters, published)
    assert {label for label, _ in found} == told
    for _, f in found:
        assert f.kind == "age-conflict" and f.severity == "diverge"
        assert {e.article for e in f.evidence} == {"a1", "a2"}


def test_an_age_finding_shows_every_place_each_side_states_the_age():
    # divergences/dev, Sarkozy's verdict: "the 70-year-old conservative" is the article's Sarkozy, 70
    a1 = _aged("c1", "a1", "Even if Sarkozy, 70, appeals the verdict, this measure will remain in force.", "sarkozy")
    a2 = _aged("c2", "a1", "'I will fight until my last breath,' the 70-year-old conservative said.")
    b = _aged("c3", "a2", "Sarkozy, 69, left the courtroom flanked by lawyers", "sarkozy")
    clusters = [Cluster(id=f"k{k}", claims=(c.id,), verdict="single-source") for k, c in enumerate((a1, a2, b))]
    ((label, finding),) = compare.age_findings([a1, a2, b], clusters, {})
    assert label == "Sarkozy: 70 / 69"
    assert {e.text for e in finding.evidence} >= {"Sarkozy, 70", "the 70-year-old conservative", "Sarkozy, 69"}
    # with two people of 70 in the article, "the 70-year-old" is neither
    other = _aged("c4", "a1", "Hortefeux, 70, was acquitted", "hortefeux")
    found = compare.age_findings([a1, a2, b, other], clusters + [Cluster(id="k9", claims=("c4",), verdict="agree")], {})
    assert "the 70-year-old conservative" not in {e.text for _, f in found for e in f.evidence}


@pytest.mark.parametrize("a, b, one_fact, told", [
    # a man's age in one fact of two reports
    (_aged("c1", "a1", "an eight-year-old child and a 60-year-old man have died in hospital"),
     _aged("c2", "a2", "an 8-year-old boy and a 67-year-old man who were wounded in the attack died"), True, 1),
    # ...told only when the two claims state one fact
    (_aged("c1", "a1", "an eight-year-old child and a 60-year-old man have died in hospital"),
     _aged("c2", "a2", "an 8-year-old boy and a 67-year-old man who were wounded in the attack died"), False, 0),
    # an age at the end of a sentence, in one fact
    (_aged("c1", "a1", "She must serve 33 years before she is eligible for parole, when she will be 82 years old"),
     _aged("c2", "a2", "a non-parole period of 33 years, meaning she could be considered for release at age 81"), True, 1),
    # an age now and an age to come are not compared
    (_aged("c1", "a1", "The 30-year-old was banned for four years on Thursday", ),
     _aged("c2", "a2", "He was banned for four years, by which time he will be 34"), True, 0),
])
def test_age_findings_inside_one_fact(a, b, one_fact, told):
    # two facts both claims state make no second finding
    clusters = ([Cluster(id="k1", claims=("c1", "c2"), verdict="agree"), Cluster(id="k3", claims=("c1", "c2"), verdict="agree")]
                if one_fact else
                [Cluster(id="k1", claims=("c1",), verdict="agree"), Cluster(id="k2", claims=("c2",), verdict="agree")])
    assert len(compare.age_findings([a, b], clusters, {})) == told


def test_two_baselines_of_one_record_are_a_finding_with_both_readings():
    # divergences/dev, Turkey's inflation: a headline and a lead in each article, one finding
    claims = [_aged("c1", "a1", "Turkey's inflation jumps to highest since 1997"),
              _aged("c2", "a1", "Turkey's annual inflation accelerated to its highest level since 1997"),
              _aged("c3", "a2", "It was the highest since June 1998, when Turkey worked to end a decade of high inflation")]
    (finding,) = compare.record_findings(claims, {})
    assert finding.kind == "record-conflict" and finding.severity == "diverge"
    assert "since 1997" in finding.summary and "since June 1998" in finding.summary
    assert {e.text for e in finding.evidence} >= {"highest since 1997", "highest level since 1997", "highest since June 1998"}
    # counted back from the day of writing: "in 24 years" written in November 2022 is since 1998
    agree = [_aged("c1", "a1", "The inflation rate was the highest in 24 years."), claims[2]]
    assert compare.record_findings(agree, {"a1": "2022-11-03"}) == []
