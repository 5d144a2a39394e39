"""Incidents: articles about different events are grouped apart by when (event days resolved
against the day of writing), where (countries), who (the subject of the same act) and, for
undated reports, contradicting tolls; reports of one event are grouped by shared anchors and
resemblance; reactions and background do not bind them."""
from __future__ import annotations

import pytest

from auditor.read import claims as C
from auditor.crossdoc import events as E
from auditor.crossdoc.events import apart as A, profiles as P
from auditor.config import DEFAULT_SPACY_MODEL
from auditor.model import Article, Sentence
from auditor.read.nlp import parse
from auditor.read.when import mentions


def corpus(texts: dict[str, list[str]], published: dict[str, str] | None = None):
    published = published or {}
    articles, sentences = [], []
    for aid, lines in texts.items():
        pos = 0
        for k, line in enumerate(lines):
            sentences.append(Sentence(aid, k, pos, pos + len(line), line))
            pos += len(line) + 1
        articles.append(Article(id=aid, path=f"{aid}.txt", text="\n".join(lines), published=published.get(aid)))
    claims = C.from_sentences(sentences, parse([s.text for s in sentences], DEFAULT_SPACY_MODEL))
    return articles, claims


def grouping(events) -> set[frozenset]:
    return {frozenset(e.articles) for e in events}


AUGUST = [
    "Security forces killed 21 militants after the attacks in Kalat district, the military said.",
    "At least 23 civilians were killed in Musakhel district when gunmen stopped a convoy.",
    "The United States condemned the attacks and expressed its support for Pakistan.",
]
AUGUST_2 = [
    "In response, security forces gunned down 21 terrorists, officials said.",
    "In Musakhel, attackers executed at least 23 passengers after checking their identity cards.",
    "China strongly condemned the attacks and pledged support.",
]
WAVE = [
    "Security forces killed at least 92 militants on Saturday, officials said.",
    "Interior Minister Mohsin Naqvi accused India of backing the attackers in Nushki.",
    "The United States condemned the attacks and expressed its support for Pakistan.",
]
WAVE_2 = [
    "Naqvi said India was behind the attacks in Nushki and Mastung.",
    "The European Union condemned the attacks and expressed its support for Pakistan.",
]


def test_two_incidents_in_one_region_are_told_apart(fake_embedder):
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2, "b1": WAVE, "b2": WAVE_2})
    vectors = fake_embedder.encode([c.text for c in claims])
    events = E.group(articles, claims, vectors)
    assert grouping(events) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert all(e.evidence for e in events)


def test_contradicting_event_figures_keep_articles_apart():
    articles, claims = corpus({"a1": AUGUST, "b1": WAVE})
    events = E.group(articles, claims)
    assert grouping(events) == {frozenset({"a1"}), frozenset({"b1"})}
    assert any("21" in ev and "92" in ev for e in events for ev in e.evidence)


def test_publication_dates_far_apart_keep_articles_apart():
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2}, {"a1": "2024-08-27", "a2": "2026-02-01"})
    assert grouping(E.group(articles, claims)) == {frozenset({"a1"}), frozenset({"a2"})}


def test_reports_of_one_story_are_one_incident(fake_embedder):
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2}, {"a1": "2024-08-27", "a2": "2024-08-28"})
    vectors = fake_embedder.encode([c.text for c in claims])
    assert grouping(E.group(articles, claims, vectors)) == {frozenset({"a1", "a2"})}


def test_reactions_and_background_are_not_anchors():
    _, claims = corpus({"a1": ["The United States condemned the attacks and expressed its support for Pakistan.",
                               "There were 170 attacks in the province last year, a think tank said."]})
    assert E.anchors(claims) == set()


@pytest.mark.parametrize("n_articles", [0, 1])
def test_trivial_inputs(n_articles):
    texts = {f"a{i}": AUGUST for i in range(n_articles)}
    articles, claims = corpus(texts)
    events = E.group(articles, claims)
    assert len(events) == n_articles


def test_sums_and_times_do_not_keep_reports_of_one_story_apart():
    """A story's deadlines, sums and tallies differ far more than rival tolls of one event do."""
    a = ["The Senate voted 52-47 late Thursday to pass the $1.2 trillion package.",
         "The bill would keep the government open through Jan. 29, before a midnight Friday deadline."]
    b = ["The Senate approved the stopgap 52-47, which includes $21 billion in disaster aid.",
         "Agencies must prepare for a lapse in funding after 12:01 a.m. Monday, officials said."]
    articles, claims = corpus({"a1": a, "a2": b})
    assert {q.unit for c in claims for q in c.quantities} >= {"tally", "USD", "weekday-hours", "day-of-year"}
    figures = {art: P._aggregate_figures([c for c in claims if c.article == art], set()) for art in ("a1", "a2")}
    assert E.figures_contradict(figures["a1"], figures["a2"]) is None
    assert not any(e for e in E.group(articles, claims) for ev in e.evidence if ev.startswith("apart"))


@pytest.mark.parametrize("keys, centre, max_articles, expected", [
    # no shared key, unrelated vectors: never compared
    ({"a": {"kalat"}, "b": {"musakhel"}, "c": {"nushki"}}, None, 50, set()),
    ({"a": {"kalat"}, "b": {"musakhel"}}, {"a": [1.0, 0.0], "b": [0.0, 1.0]}, 50, {("a", "b")}),  # the only neighbour
    ({"a": {"kalat"}, "b": {"kalat"}, "c": {"nushki"}}, None, 50, {("a", "b")}),
    # a key carried by more than max_articles articles proposes no pairs (a stop word)
    ({"a": {"pakistan"}, "b": {"pakistan"}, "c": {"pakistan"}}, None, 2, set()),
    ({"a": {"pakistan", "kalat"}, "b": {"pakistan"}, "c": {"pakistan", "kalat"}}, None, 2, {("a", "c")}),
])
def test_candidate_pairs_compare_only_articles_sharing_a_rare_key_or_neighbours(keys, centre, max_articles, expected):
    import numpy as np

    centre = {a: np.array(v) for a, v in centre.items()} if centre else None
    assert set(E.candidate_pairs(list(keys), keys, centre, max_articles=max_articles, k=1)) == expected


def test_unrelated_articles_are_never_compared(monkeypatch):
    """Two incidents with nothing in common: evidence is computed within each, never across."""
    compared = []
    real = A.figures_contradict
    monkeypatch.setattr(A, "figures_contradict", lambda fa, fb: compared.append(1) or real(fa, fb))
    articles, claims = corpus({"a1": ["Gunmen killed 7 people in Kalat, police said."],
                               "a2": ["Gunmen killed 7 people in Kalat on Monday, officials said."],
                               "b1": ["Floods destroyed 40 houses in Sukkur, officials said."],
                               "b2": ["Floods destroyed 40 houses in Sukkur on Tuesday."]})
    events = E.group(articles, claims)
    assert grouping(events) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert len(compared) == 2


def test_the_editor_can_treat_everything_as_one_story():
    articles, claims = corpus({"a1": AUGUST, "b1": WAVE})
    events = E.group(articles, claims, one_story=True)
    assert grouping(events) == {frozenset({"a1", "b1"})}
    assert "editor" in events[0].evidence[0]


NOTO_2023 = ["M6.3 Earthquake Hits Ishikawa Prefecture, Killing 1 Person",
             "At least one person was killed in Suzu, Ishikawa Prefecture, after a strong earthquake hit on Friday."]
NOTO_2024 = ["Japan quake update: death toll hits 15",
             "A powerful earthquake struck Japan's Ishikawa Prefecture on New Year's Day, claiming 15 lives."]


def test_event_days_clearly_apart_keep_dated_reports_apart():
    """One earthquake on a Friday in May, another on New Year's Day: the same prefecture, two events.
    Only when both days of writing are known: a lead also names days of the story's background."""
    articles, claims = corpus({"a1": NOTO_2023, "b1": NOTO_2024}, {"a1": "2023-05-05", "b1": "2024-01-01"})
    a, b = (E.profile(x, [c for c in claims if c.article == x.id]) for x in articles)
    assert E.reasons_apart(a, b)
    assert grouping(E.group(articles, claims)) == {frozenset({"a1"}), frozenset({"b1"})}
    # without a day of writing, a day written as the time of an act ("struck ... on New Year's Day")
    # is the event's; one named as an event the story refers back to may be background
    articles, claims = corpus({"a1": NOTO_2023, "b1": NOTO_2024}, {"a1": "2023-05-05"})
    a, b = (E.profile(x, [c for c in claims if c.article == x.id]) for x in articles)
    assert any("dates it" in why for why in E.reasons_apart(a, b))
    indictment = ["Trump Told Pence 'You're Too Honest' When He Objected to Jan. 6 Scheme",
                  "Trump called Pence and berated him, the indictment says."]
    notes = ["Mike Pence plays a central role in a new federal indictment unsealed Tuesday.",
             "The indictment is informed by notes that Pence kept in the days before the Jan. 6 attack."]
    articles, claims = corpus({"a1": notes, "b1": indictment}, {"a1": "2023-08-02"})
    a, b = (E.profile(x, [c for c in claims if c.article == x.id]) for x in articles)
    assert b.when is not None and not b.on_day
    assert not any("dates it" in why for why in E.reasons_apart(a, b))


WAJIMA_SEARCH = ["Japan quake: rescuers search collapsed homes in Wajima",
                 "Rescuers searched collapsed homes in Wajima, Ishikawa Prefecture, on Saturday, "
                 "as the death toll rose."]


@pytest.mark.parametrize("written, apart", [
    ("2024-01-13", False),  # twelve days on: the search after the quake, one story
    ("2024-03-20", True),  # two and a half months on: another event
])
def test_an_undated_acts_day_keeps_apart_only_as_far_as_writing_days_must(written, apart):
    """An undated report's "struck on New Year's Day" against a dated report: an act's day in an
    undated lead may be an earlier phase of the same story, so only a gap of MAX_DAYS_APART splits."""
    articles, claims = corpus({"a1": WAJIMA_SEARCH, "b1": NOTO_2024}, {"a1": written})
    a, b = (E.profile(x, [c for c in claims if c.article == x.id]) for x in articles)
    assert b.on_day
    assert any("dates it" in why for why in E.reasons_apart(a, b)) == apart


@pytest.mark.parametrize("text, acts", [
    ("A powerful earthquake struck Japan's Ishikawa Prefecture on New Year's Day.", True),
    ("Police arrested Imran Khan in Lahore on Saturday, Aug. 5, after a court sentenced him.", True),
    ("64 Confirmed Dead after Jan. 1 Noto Peninsula Earthquake", False),
    ("He was charged over his role in January 6.", False),
    ("Pence kept notes in the days before the Jan. 6 Capitol attack.", False),
])
def test_a_day_written_as_the_time_of_an_act(text, acts):
    assert E.times_an_act(text, mentions(text)[0]) is acts


def test_rising_tolls_of_dated_reports_do_not_keep_them_apart():
    """6 dead on the first day and 36 two days later: one fire, and nothing says otherwise."""
    a = E.profile(*_one("a1", ["At least 6 people were killed in wildfires on Maui on Tuesday."], "2023-08-09"))
    b = E.profile(*_one("b1", ["The death toll from the Maui wildfires rose to 36 on Thursday."], "2023-08-11"))
    assert E.reasons_apart(a, b) == []


def test_countries_named_are_no_reason_on_their_own():
    """A lead names participants' and reactions' countries too: no report is kept apart by them."""
    a = E.profile(*_one("a1", ["A Singapore-flagged ship struck the Key Bridge in Baltimore on Tuesday."], "2024-03-26"))
    b = E.profile(*_one("b1", ["The bridge in Maryland collapsed after the ship hit it, Maryland's governor said."],
                        "2024-03-26"))
    assert E.reasons_apart(a, b) == []


def test_another_participant_in_the_same_role_is_another_incident():
    a = E.profile(*_one("a1", ["Pope Emeritus Benedict XVI died at the age of 95, the Vatican announced."]))
    b = E.profile(*_one("b1", ["Pope Francis died on Easter Monday at the age of 88, the Vatican said."]))
    why = E.reasons_apart(a, b)
    assert any("Benedict" in w.title() and "Francis" in w.title() for w in why)
    same = E.profile(*_one("c1", ["Benedict XVI died in the Mater Ecclesiae Monastery, a spokesman said."]))
    assert E.reasons_apart(a, same) == []


def _one(aid: str, lines: list[str], published: str | None = None):
    articles, claims = corpus({aid: lines}, {aid: published} if published else None)
    return articles[0], claims


def test_two_reports_dating_the_same_act_on_different_days_are_apart():
    """Arrested on Tuesday (written that day) and arrested on Saturday: two arrests of one man."""
    a = E.profile(*_one("a1", ["Imran Khan was arrested by Rangers on Tuesday outside the Islamabad High Court."],
                        "2023-05-09"))
    b = E.profile(*_one("b1", ["Police arrested Imran Khan in Lahore on Saturday after a court sentenced him."]))
    assert (a.act, b.act) == ("arrest", "arrest")
    assert any("Saturday" in w for w in E.reasons_apart(a, b))
    # a later count of one event is not another event: the toll rose days after the fire
    fire = E.profile(*_one("f1", ["Wildfires swept through Lahaina on Tuesday, killing at least six people."],
                           "2023-08-09"))
    toll = E.profile(*_one("f2", ["The death toll from the Lahaina fire reached 93 on Sunday."], "2023-08-14"))
    assert E.reasons_apart(fire, toll) == []


# France's pension-reform strikes (divergences/dev/france_pension_protests): one movement's days of
# action a week apart, reported by outlets whose pages give no day of writing
STRIKE_MARCH_7 = ["Pensions : Historic mobilization throughout France",
                  "After the strong mobilization of this Tuesday, the interunion plans to continue the protest "
                  "movement against the pension reform this Saturday, March 11, 2023. And probably beyond.",
                  "For the trade unions that initiated the day of mobilization on Tuesday, March 7, against the "
                  "pension reform, it was an undeniable success."]
STRIKE_MARCH_7_B = ["La France à l’arret. Paralyze France. That is the goal with which the main unions French "
                    "called this Tuesday general strikes and more than 300 demonstrations throughout the country."]
STRIKE_MARCH_7_C = ["According to the country’s interior ministry, around 1.28 million people took part.",
                    "During the March 7 actions, 80% of trains were canceled in France."]
STRIKE_MARCH_15 = ["Strike of March 15: 1.7 million demonstrators in France, according to the CGT, 480,000, "
                   "estimates the Interior",
                   "But all the same 1.7 million people marched in the streets of France this Wednesday, March 15, "
                   "for the eighth day of interprofessional mobilization, according to the CGT."]
STRIKE_MARCH_7_DATED = ["According to the interior ministry, 1.28 million people demonstrated on Tuesday against "
                        "French President Emmanuel Macron's pension plan.",
                        "Published on March 7, 2023, at 8:25 pm (Paris), updated on March 7, 2023, at 9:44 pm"]


@pytest.mark.parametrize("lines, this_week, day", [
    (STRIKE_MARCH_7, True, "March 7"),  # "this Tuesday", dated by "on Tuesday, March 7" further on
    (STRIKE_MARCH_7_B, True, "Tuesday"),
    (STRIKE_MARCH_15, True, "March 15"),  # the headline dates it first, "this Wednesday, March 15" after
    (STRIKE_MARCH_7_C, False, "March 7"),  # "the March 7 actions": a day named, not one of this week
    (NOTO_2024, False, "January 1"),  # "on New Year's Day": the time of an act, not of the week of writing
])
def test_a_day_written_as_one_of_the_week_of_writing(lines, this_week, day):
    p = E.profile(*_one("a1", lines))
    assert p.written is None
    assert (p.this_week, p.when.describe()) == (this_week, day)


@pytest.mark.parametrize("a, b, published, apart", [
    # two days of action eight days apart, each written as a day of the week of writing: two incidents
    (STRIKE_MARCH_7, STRIKE_MARCH_15, {}, True),
    (STRIKE_MARCH_7_DATED, STRIKE_MARCH_15, {"a1": "2023-03-07"}, True),
    # the day of one report and the weekday of another: nothing tells how far apart
    (STRIKE_MARCH_7_B, STRIKE_MARCH_15, {}, False),
    # "the March 7 actions" is no day of the week of writing: it may be the story's earlier phase
    (STRIKE_MARCH_7_C, STRIKE_MARCH_15, {}, False),
    # one strike day: this Tuesday, and Tuesday, March 7
    (STRIKE_MARCH_7_B, STRIKE_MARCH_7, {}, False),
    (STRIKE_MARCH_7_DATED, STRIKE_MARCH_7, {"a1": "2023-03-07"}, False),
])
def test_days_of_the_week_of_writing_keep_undated_reports_apart_as_writing_days_do(a, b, published, apart):
    """A day of the week of writing places an undated report as a day of writing would: event days
    more than SAME_EVENT_DAYS apart are then two events, not the story's phases."""
    pa = E.profile(*_one("a1", a, published.get("a1")))
    pb = E.profile(*_one("b1", b))
    assert any("dates it" in why for why in E.reasons_apart(pa, pb)) == apart
    assert any("dates it" in why for why in E.reasons_apart(pb, pa)) == apart


def test_a_week_of_one_story_written_as_days_of_this_week_stays_together():
    """The quake on Monday and the search on Saturday, both written as days of the week of writing:
    five days apart, within SAME_EVENT_DAYS, one story."""
    quake = E.profile(*_one("a1", ["A powerful earthquake struck Japan's Ishikawa Prefecture this Monday, "
                                   "January 1, killing at least 15 people."]))
    search = E.profile(*_one("b1", ["Rescuers searched collapsed homes in Wajima this Saturday, January 6, "
                                    "as the death toll rose."]))
    assert quake.this_week and search.this_week
    assert E.reasons_apart(quake, search) == []


# --------------------------------------------------------------------------- the editor's decisions

from auditor.model import IncidentDecision as Decision  # noqa: E402


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


def test_the_day_of_a_saying_is_no_day_of_the_act():
    """'..., officials said on Monday': the day the toll was told, not the day the quake killed."""
    from dataclasses import replace
    from auditor.model import Span
    line = "The earthquake killed at least 800 people, officials said on Monday."
    article, claims = _one("a1", [line])
    at = line.index("officials said")
    credit = Span("a1", at, at + len("officials said"), "officials said")  # as the attribution step marks it
    told = E.profile(article, [replace(c, attribution="officials", attribution_span=credit) for c in claims])
    struck = E.profile(*_one("b1", ["The earthquake killed 296 people on Friday night."]))
    assert told.act is None and struck.act == "kill"
    assert not any("dates it" in why for why in E.reasons_apart(told, struck))
    # the day of the act itself, credited or not, still dates it
    line = "Imran Khan was arrested on Saturday in Lahore, his lawyer said."
    article, claims = _one("c1", [line])
    at = line.index("his lawyer said")
    credit = Span("c1", at, at + len("his lawyer said"), "his lawyer said")
    assert E.profile(article, [replace(c, attribution="lawyer", attribution_span=credit) for c in claims]).act == "arrest"


VERDICT_MAY = ["Jury finds Trump liable for sexual abuse, awards E. Jean Carroll $5 million",
               "Former President Donald Trump was found liable by a federal jury in New York on Tuesday for sexual "
               "abusing the author E. Jean Carroll."]
VERDICT_JANUARY = ["Trump ordered to pay writer E. Jean Carroll $83.3 mn in defamation case",
                   "Former US President Donald Trump should pay $83.3 million to writer E. Jean Carroll for "
                   "defamatory statements he made against her in 2019, a Manhattan federal jury has determined."]
CUT_SEPTEMBER = ["US Federal Reserve cuts interest rates",
                 "The US Federal Reserve has decided to cut interest rates by half a percentage point."]
CUT_NOVEMBER = ["Fed chief Powell affirms stability amid Trump's fiscal challenges",
                "The Federal Reserve announced a quarter-point cut in interest rates as it braces for potential "
                "economic shifts."]


@pytest.mark.parametrize("first, second, published, apart", [
    (VERDICT_MAY, VERDICT_JANUARY, None, True),  # $5 million and $83.3 million: two verdicts
    (CUT_SEPTEMBER, CUT_NOVEMBER, None, True),  # half a point and a quarter point: two rate cuts
    # a headline that measures its act against a past period still sizes its own act
    (["Fed lowered rates by 0.50 percentage points, its first cut since 2020"], CUT_NOVEMBER, None, True),
    # one verdict rounded otherwise by another outlet is one act
    (VERDICT_JANUARY, ["Donald Trump ordered to pay $83 million in defamation case"], None, False),
    # a size set at an earlier time the lead names is an earlier act's, recalled: not the lead's own
    (CUT_SEPTEMBER, ["Fed cuts rates by a quarter point",
                     "The cut followed a larger, half-point reduction in September."], None, True),
    (VERDICT_MAY, ["Trump ordered to pay writer E. Jean Carroll $83.3 mn in defamation case",
                   "Last May, a separate Manhattan federal jury awarded Carroll $5 million in damages."], None, True),
    # a lead that states both sizes, neither set earlier, may be telling parts: no evidence
    (CUT_SEPTEMBER, ["Fed cuts rates by a quarter point",
                     "Some officials had argued for a cut of half a point."], None, False),
    # tolls rise: counts are no size of an act
    (["Toll in Sri Lanka bombings rises to 359"], ["About 100 people were killed in Easter Day bomb blasts."],
     None, False),
    # with days of writing on both, the days decide
    (VERDICT_MAY, VERDICT_JANUARY, ("2024-01-26", "2024-01-26"), False),
])
def test_an_act_sized_apart_is_another_act(first, second, published, apart):
    """One act has one size (a jury's award, a rate cut): undated leads that size their headline
    act at least twice apart, neither stating the other's, report two acts."""
    a = E.profile(*_one("a1", first, published[0] if published else None))
    b = E.profile(*_one("b1", second, published[1] if published else None))
    why = E.sized_apart(a, b)
    assert (why is not None) is apart
    if apart:
        assert any("sizes its act" in w for w in E.reasons_apart(a, b))
