"""Reasons two reports are of different incidents (auditor/crossdoc/events/apart.py): days of
writing or event days too far apart, another participant in the same role, the act sized apart,
rival tolls of undated reports; and what is no reason (rising tolls, countries named, a story's
sums and deadlines)."""
from __future__ import annotations

import pytest

from auditor.crossdoc import events as E
from auditor.crossdoc.events import apart as A
from auditor.crossdoc.events import profiles as P
from events_corpus import (AUGUST, AUGUST_2, NOTO_2023, NOTO_2024, STRIKE_MARCH_7, STRIKE_MARCH_7_B, STRIKE_MARCH_7_C,
                           STRIKE_MARCH_7_DATED, STRIKE_MARCH_15, WAVE, corpus, grouping, one)


def test_contradicting_event_figures_keep_articles_apart():
    articles, claims = corpus({"a1": AUGUST, "b1": WAVE})
    events = E.group(articles, claims)
    assert grouping(events) == {frozenset({"a1"}), frozenset({"b1"})}
    assert any("21" in ev and "92" in ev for e in events for ev in e.evidence)


def test_publication_dates_far_apart_keep_articles_apart():
    articles, claims = corpus({"a1": AUGUST, "a2": AUGUST_2}, {"a1": "2024-08-27", "a2": "2026-02-01"})
    assert grouping(E.group(articles, claims)) == {frozenset({"a1"}), frozenset({"a2"})}


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


def test_rising_tolls_of_dated_reports_do_not_keep_them_apart():
    """6 dead on the first day and 36 two days later: one fire, and nothing says otherwise."""
    a = E.profile(*one("a1", ["At least 6 people were killed in wildfires on Maui on Tuesday."], "2023-08-09"))
    b = E.profile(*one("b1", ["The death toll from the Maui wildfires rose to 36 on Thursday."], "2023-08-11"))
    assert E.reasons_apart(a, b) == []


def test_countries_named_are_no_reason_on_their_own():
    """A lead names participants' and reactions' countries too: no report is kept apart by them."""
    a = E.profile(*one("a1", ["A Singapore-flagged ship struck the Key Bridge in Baltimore on Tuesday."], "2024-03-26"))
    b = E.profile(*one("b1", ["The bridge in Maryland collapsed after the ship hit it, Maryland's governor said."],
                        "2024-03-26"))
    assert E.reasons_apart(a, b) == []


def test_a_light_verb_names_no_role_of_its_own():
    """Regulators "took possession" of the bank and JPMorgan "took over" it: one story, two acts."""
    a = E.profile(*one("a1", ["The California Department of Financial Protection and Innovation took possession of "
                              "First Republic Bank on Monday."], "2023-05-01"))
    b = E.profile(*one("b1", ["JPMorgan took over First Republic Bank on Monday after regulators seized it."],
                       "2023-05-01"))
    assert E.reasons_apart(a, b) == []


def test_another_participant_in_the_same_role_is_another_incident():
    a = E.profile(*one("a1", ["Pope Emeritus Benedict XVI died at the age of 95, the Vatican announced."]))
    b = E.profile(*one("b1", ["Pope Francis died on Easter Monday at the age of 88, the Vatican said."]))
    why = E.reasons_apart(a, b)
    assert any("Benedict" in w.title() and "Francis" in w.title() for w in why)
    same = E.profile(*one("c1", ["Benedict XVI died in the Mater Ecclesiae Monastery, a spokesman said."]))
    assert E.reasons_apart(a, same) == []


@pytest.mark.parametrize("a, b, same", [
    ("Castillo Cabrera", "Dorlian Ronial Castillo Cabrera", True),
    # divergences/dev, a national election: a party by its plural and by its name ("win: liberals" in one
    # report, "win: liberal party" in another split one election)
    ("liberals", "liberal party", True),
    ("liberals", "mark carney", False),
])
def test_one_participant_under_two_names(a, b, same):
    assert A._same(a, b) is same


@pytest.mark.parametrize("lead_a, lead_b", [
    # divergences/dev, a regulator's fine: a national regulator and the European board above it fine one
    # company in one decision
    ("Meta has been fined $1.3 billion, the Irish Data Protection Commission announced Monday.",
     "The European Data Protection Board fined Meta a record €1.2 billion."),
    # divergences/dev, a municipal run-off: several parties win in one election
    ("Lula's Workers' Party won in only one state capital.", "Bolsonaro's Liberal Party won in four state capitals."),
    # incidents/dev, a pipeline blast: a people named for a place is where the participant is from
    ("The toll increased to 91, Hidalgo governor Omar Fayad said.", "Mexican officials increased the toll to 94."),
    # divergences/dev, an airliner crash: a dateline's agency read as the subject is no participant
    ("SAO PAULO (AP) crashed the plane, officials said.", "Voepass crashed a plane in Vinhedo, officials said."),
])
def test_another_body_in_the_role_is_no_other_incident(lead_a, lead_b):
    a = E.profile(*one("a1", [lead_a]))
    b = E.profile(*one("b1", [lead_b]))
    assert not any("(subject)" in w for w in E.reasons_apart(a, b))


def test_two_reports_dating_the_same_act_on_different_days_are_apart():
    """Arrested on Tuesday (written that day) and arrested on Saturday: two arrests of one man."""
    a = E.profile(*one("a1", ["Imran Khan was arrested by Rangers on Tuesday outside the Islamabad High Court."],
                        "2023-05-09"))
    b = E.profile(*one("b1", ["Police arrested Imran Khan in Lahore on Saturday after a court sentenced him."]))
    assert (a.act, b.act) == ("arrest", "arrest")
    assert any("Saturday" in w for w in E.reasons_apart(a, b))
    # a later count of one event is not another event: the toll rose days after the fire
    fire = E.profile(*one("f1", ["Wildfires swept through Lahaina on Tuesday, killing at least six people."],
                           "2023-08-09"))
    toll = E.profile(*one("f2", ["The death toll from the Lahaina fire reached 93 on Sunday."], "2023-08-14"))
    assert E.reasons_apart(fire, toll) == []


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
    pa = E.profile(*one("a1", a, published.get("a1")))
    pb = E.profile(*one("b1", b))
    assert any("dates it" in why for why in E.reasons_apart(pa, pb)) == apart
    assert any("dates it" in why for why in E.reasons_apart(pb, pa)) == apart


def test_a_week_of_one_story_written_as_days_of_this_week_stays_together():
    """The quake on Monday and the search on Saturday, both written as days of the week of writing:
    five days apart, within SAME_EVENT_DAYS, one story."""
    quake = E.profile(*one("a1", ["A powerful earthquake struck Japan's Ishikawa Prefecture this Monday, "
                                   "January 1, killing at least 15 people."]))
    search = E.profile(*one("b1", ["Rescuers searched collapsed homes in Wajima this Saturday, January 6, "
                                    "as the death toll rose."]))
    assert quake.this_week and search.this_week
    assert E.reasons_apart(quake, search) == []
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
    # $5 million and $83.3 million, both ordered paid: two verdicts
    (["Trump must pay E. Jean Carroll $5 million for sexual abuse, jury says"], VERDICT_JANUARY, None, True),
    (VERDICT_MAY, VERDICT_JANUARY, None, True),  # an award and an order to pay are both penalties
    # a headline whose sum's kind is unknown takes the kind its lead gives the same sum
    (["Jury finds Trump liable, Carroll gets $5M", "The jury ordered Trump to pay Carroll $5 million."], VERDICT_JANUARY,
     None, True),
    # a kind known on one side only, or on neither, is no evidence: the two may be figures of one story
    (["Jury finds Trump liable, Carroll gets $5M"], VERDICT_JANUARY, None, False),
    (["Jury finds Trump liable, Carroll gets $5M"], ["Carroll gets $83.3M from Trump"], None, False),
    (CUT_SEPTEMBER, CUT_NOVEMBER, None, True),  # half a point and a quarter point: two rate cuts
    # a headline that measures its act against a past period still sizes its own act
    (["Fed lowered rates by 0.50 percentage points, its first cut since 2020"], CUT_NOVEMBER, None, True),
    # one verdict rounded otherwise by another outlet is one act
    (VERDICT_JANUARY, ["Donald Trump ordered to pay $83 million in defamation case"], None, False),
    # a size set at an earlier time the lead names is an earlier act's, recalled: not the lead's own
    (CUT_SEPTEMBER, ["Fed cuts rates by a quarter point",
                     "The cut followed a larger, half-point reduction in September."], None, True),
    (["Trump must pay E. Jean Carroll $5 million for sexual abuse, jury says"],
     ["Trump ordered to pay writer E. Jean Carroll $83.3 mn in defamation case",
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
    a = E.profile(*one("a1", first, published[0] if published else None))
    b = E.profile(*one("b1", second, published[1] if published else None))
    why = E.sized_apart(a, b)
    assert (why is not None) is apart
    if apart:
        assert any("sizes its act" in w for w in E.reasons_apart(a, b))


@pytest.mark.parametrize("first, second, apart", [
    # incidents/dev, two strikes of one union: a three-day strike and a four-day walkout are two strikes
    (["Junior doctors launch three-day strike kicking off a week of walkouts by several unions"],
     ["Watch: Doctors in England continue historic four-day strike over pay"], True),
    (["Junior doctors launch three-day strike"], ["Almost 200,000 operations postponed in 72-hour strike"], False),
    # a length the lead gives after the headline may be an earlier act's, recalled
    (["State Cop In Charge of Cavalcante Search Previously Led Search for Cop-Killer Frein",
      "In 2014, he became the public face of the 48-day manhunt for cop-killer Eric Frein."],
     ["Cavalcante captured after a 14-day manhunt"], False),
    # a headline that names both lengths knows both acts
    (["Doctors begin four-day strike after three-day walkout last month"],
     ["Junior doctors launch three-day strike"], False),
])
def test_an_act_that_lasted_another_length_is_another_act(first, second, apart):
    a, b = E.profile(*one("a1", first, None)), E.profile(*one("b1", second, None))
    why = A.lasted_apart(a, b)
    assert (why is not None) is apart
    if apart:
        assert "three-day" in why[1] and "four-day" in why[1]


def _toll(text, value, category):
    from auditor.model import Quantity
    return Quantity(start=0, end=len(text), text=text, value=value, low=value, high=value, category=category)


@pytest.mark.parametrize("category, party", [
    ("killed:militants", True),   # an armed side's count is its statement of an operation's result
    ("killed:security", True),
    ("killed:civilians", False),  # victims ("2 miners", later "41 miners") rise as a total does
    ("killed:total", False),
])
def test_rival_tolls_of_one_party_are_those_of_an_armed_side(category, party):
    from auditor.crossdoc.events import apart as A
    a = P.Profile(article="a1", figures=((category, (_toll("2", 2.0, category),)),))
    b = P.Profile(article="b1", figures=((category, (_toll("41", 41.0, category),)),))
    reason = A.toll_reason(a, b)
    assert reason is not None and reason[1] is party


@pytest.mark.parametrize("a, b, published, differ", [
    # two undated reports, each dating its flight "on" another day
    (["An Alaska Airlines jet lost a door plug on Friday over Portland."],
     ["An off-duty pilot tried to cut the engines of an Alaska Airlines flight on Sunday."], {}, True),
    (["An Alaska Airlines jet lost a door plug on Friday over Portland."],
     ["A panel tore off an Alaska Airlines Boeing 737 Max 9 on Friday."], {}, False),
    # a day not written as the time of an act fixes nothing to differ by
    (["An Alaska Airlines jet lost a door plug on Friday over Portland."],
     ["Alaska Airlines grounded its fleet, its chief executive said Sunday."], {}, False),
    # days of writing fix both: the same day, four days apart (one event's week: a quake and its rescue,
    # a flood as it spreads; incidents/dev, floods reported over a week), and two weeks apart
    (["The quake struck Hualien on Wednesday."], ["Rescuers reached Taroko Gorge on Wednesday."],
     {"a1": "2024-04-03", "b1": "2024-04-03"}, False),
    (["The quake struck Hualien on Wednesday."], ["Rescuers reached Taroko Gorge on Sunday."],
     {"a1": "2024-04-03", "b1": "2024-04-07"}, False),
    (["Floods struck Emilia-Romagna on Tuesday."], ["Floods struck Emilia-Romagna on Wednesday."],
     {"a1": "2023-05-03", "b1": "2023-05-18"}, True),
    # incidents/dev, a flood over two weeks: a report written on May 11 of rain "since the end of April"
    # tells the flood of the report of May 2, not another one
    (["Lula traveled to the flooded state on Thursday."],
     ["Rescuers continue this Saturday in floods caused by the rain that fell since the end of April."],
     {"a1": "2024-05-02", "b1": "2024-05-11"}, False),
    (["Lula traveled to the flooded state on Thursday."],
     ["Rescuers continue this Saturday in floods caused by the rain that fell on Thursday."],
     {"a1": "2024-05-02", "b1": "2024-05-11"}, True),
    # an undated report's weekday with its date in brackets: a cyclone of September, not May's floods
    (["Lula traveled to the flooded state on Thursday."],
     ["An extratropical cyclone formed on Sunday (Sep. 3) in the southern region of the country."],
     {"a1": "2024-05-02"}, True),
    # b14, a doping ban: undated reports dating two acts of one story, one telling both (the ban, and the
    # test months before it)
    (["Paul Pogba has been banned from football for four years for a doping offence.",
      "Pogba was randomly tested after the first match of the season on 20 August."],
     ["Paul Pogba was banned for four years by the anti-doping tribunal on Thursday (February 29, 2024)."],
     {}, False),
    (["Paul Pogba was tested after the first match of the season on 20 August."],
     ["Paul Pogba was banned for four years by the anti-doping tribunal on Thursday (February 29, 2024)."],
     {}, True),
])
def test_reports_that_fix_their_days_apart_disagree(a, b, published, differ):
    """`days_disagree`: no reason apart on its own, but what stops the story's names joining them."""
    pa = E.profile(*one("a1", a, published.get("a1")))
    pb = E.profile(*one("b1", b, published.get("b1")))
    assert (A.days_disagree(pa, pb) is not None) is differ


def test_the_day_a_running_count_rose_is_no_day_of_the_event():
    """divergences/dev, Crocus City Hall attack: "the toll rose on Wednesday" is no act dated apart
    from "the toll from the attack on Friday has risen"."""
    a = E.profile(*one("a1", ["The death toll from the attack on a Moscow concert hall rose on Wednesday to 143, "
                              "Russian authorities said."]))
    b = E.profile(*one("b1", ["The death toll from the terror attack at a concert hall on Friday (March 22) night in "
                              "Russia has risen to 133."]))
    assert not [w for w in E.reasons_apart(a, b) if "dates it" in w]


@pytest.mark.parametrize("lead_b, apart", [
    # incidents/dev, two California mass shootings two days apart: the headlines and datelines set the
    # two acts in towns 540 km apart
    (["Half Moon Bay shootings: Gunman kills 7 people in California",
      "HALF MOON BAY, Calif. — At least seven people were killed in a pair of shootings in Half Moon Bay."], True),
    # a lead that names the other town too may report both
    (["Half Moon Bay shootings: Gunman kills 7 people in California",
      "HALF MOON BAY, Calif. — Seven people were killed in Half Moon Bay, two days after 11 people were killed "
      "in another mass shooting in Monterey Park."], False),
    # a town the headline does not name is no scene (divergences/dev, an airliner crash: where the
    # flight left from)
    (["A plane crashed in the state of California with 61 people on board.",
      "The plane was flying from Half Moon Bay when it crashed in California."], False),
])
def test_acts_set_in_towns_far_apart_are_two_incidents(lead_b, apart):
    a = E.profile(*one("a1", ["At least 10 killed in California shooting",
                              "MONTEREY PARK, Calif. — The gunman killed at least 10 people at a dance studio in "
                              "Monterey Park on Saturday night."]))
    b = E.profile(*one("b1", lead_b))
    assert any(kind == "acts in towns far apart" for kind, _ in A.kinds_apart(a, b)) is apart


def test_the_pages_stamp_of_the_day_of_writing_dates_no_event():
    """A follow-up's stamp line ("January 22, 2019 / 2:02 PM / Updated an hour ago") is when it was
    written; the blast it reports is "last Friday" (incidents/dev, a pipeline blast)."""
    lines = ["Death toll in Mexico gasoline pipeline blast climbs to 94: officials",
             "January 22, 2019 / 2:02 PM / Updated an hour ago",
             "The explosion last Friday occurred as about 800 people in Hidalgo state were collecting gasoline."]
    p = E.profile(*one("a1", lines, "2019-01-22"))
    assert p.when is not None and str(p.when.low) == "2019-01-18"
