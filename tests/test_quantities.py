"""Figures as intervals: numbers in digits and words, qualifiers, vague amounts, what is counted,
where and when, and the numbers that are not counts."""
from __future__ import annotations

import math

import pytest

from auditor.config import DEFAULT_SPACY_MODEL
from auditor.read import quantities as Q
from auditor.model import Quantity
from auditor.read.nlp import load_pipeline

INF = math.inf


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


def figures(nlp, text: str, base: int = 0) -> tuple[Quantity, ...]:
    return Q.extract(nlp(text), base)


def only(nlp, text: str) -> Quantity:
    qs = [q for q in figures(nlp, text) if q.category is not None or q.counted]
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text, value", [
    ("23", 23), ("1,200", 1200), ("2.5 million", 2_500_000), ("five", 5), ("fourteen", 14),
    ("twenty-one", 21), ("twenty one", 21), ("a hundred", 100), ("two hundred and five", 205),
    ("3 thousand", 3000), ("15k", 15_000), ("seventeen", 17),
])
def test_parse_number(text, value):
    assert Q.parse_number(text) == value


@pytest.mark.parametrize("sentence, text, value, counted", [
    ("It was a punishing one: a fine of three hundred and fifty-five million dollars, and a ban on Trump serving "
     "in a top role at any New York corporation for three years.", "three hundred and fifty-five million",
     355_000_000, None),
    ("Three hundred and fifty-five people were killed.", "Three hundred and fifty-five", 355, "people"),
    ("A dozen soldiers were killed in the ambush.", "A dozen", 12, "soldiers"),
    ("Some one and a half million people marched across the country.", "one and a half million", 1_500_000, "people"),
])
def test_spelled_out_figures_are_one_number(nlp, sentence, text, value, counted):
    qs = [q for q in figures(nlp, sentence) if q.category]
    assert len(qs) == 1, qs
    assert text in qs[0].text and qs[0].value == value
    assert qs[0].counted == counted or counted is None


@pytest.mark.parametrize("sentence, expected", [
    # a noun with the indefinite article in a list of counts is a count of one, of its own kind
    ("According to a report in Associated Press (AP), the gunmen targeted two Orthodox churches, a synagogue, and a "
     "police post across two cities, according to authorities.",
     {("two", "church"), ("a synagogue", "synagogue"), ("a police post", "post")}),
    # each number of a list counts its own noun: "police officers" are not synagogues
    ("Russia's National Antiterrorist Committee (NAC) said Monday that \u201carmed militants attacked two Orthodox "
     "churches, two synagogues and police officers\u201d in the two cities.",
     {("two", "church"), ("two", "synagogue")}),
    ("The militants killed a police officer and two civilians.",
     {("a police officer", "killed:security"), ("two", "killed:civilians")}),
    # one number for a coordination still counts all of it
    ("A car bomb killed 14 soldiers and police officers.", {("14", "killed:security")}),
])
def test_counts_in_lists(nlp, sentence, expected):
    assert {(q.text, q.category) for q in figures(nlp, sentence) if q.category} == expected


def test_an_indefinite_noun_outside_a_list_of_counts_is_no_figure(nlp):
    assert not [q for q in figures(nlp, "Gunmen attacked a synagogue in Derbent on Sunday.") if q.category]


@pytest.mark.parametrize("text", ["several", "the", "many", ""])
def test_parse_number_rejects_words_that_are_not_numbers(text):
    assert Q.parse_number(text) is None


@pytest.mark.parametrize("qualifier, value, low, high, low_inc, high_inc", [
    (None, 14, 14, 14, True, True),
    ("at least", 23, 23, None, True, True),
    ("more than", 70, 70, None, False, True),
    ("over", 70, 70, None, False, True),
    ("up to", 50, 0, 50, True, True),
    ("fewer than", 10, 0, 10, True, False),
    ("nearly", 50, 45, 50, True, False),
    ("almost", 100, 90, 100, True, False),
    ("about", 40, 36, 44, True, True),
    ("as many as", 35, 31, 35, True, True),
])
def test_qualifier_intervals(qualifier, value, low, high, low_inc, high_inc):
    lo, hi, lo_inc, hi_inc, _ = Q.interval(value, qualifier)
    assert (lo, hi, lo_inc, hi_inc) == (low, high, low_inc, high_inc)


@pytest.mark.parametrize("sentence, text, low, high, category", [
    ("At least 23 civilians were killed after attackers stopped their convoy.", "At least 23", 23, None, "killed:civilians"),
    ("Over 70 people were killed in a series of attacks in the province.", "Over 70", 70, None, "killed:total"),
    ("The military said 14 soldiers and police officers lost their lives.", "14", 14, 14, "killed:security"),
    ("Security forces gunned down twenty-one terrorists on Monday.", "twenty-one", 21, 21, "killed:militants"),
    ("Nearly 50 people were wounded in the blast.", "Nearly 50", 45, 50, "injured:total"),
    ("Police arrested up to 50 suspects in overnight raids.", "up to 50", 0, 50, "arrested:suspects"),
    ("As many as 35 vehicles were set on fire on the highway.", "As many as 35", 31, 35, "burned:vehicles"),
    ("Between 30-40 passengers were abducted from the bus.", "30-40", 30, 40, "abducted:civilians"),
    ("Gunmen killed dozens of villagers overnight.", "dozens", 24, 99, "killed:civilians"),
    ("Authorities said hundreds of insurgents had been killed.", "hundreds", 200, 999, "killed:militants"),
    ("Fourteen policemen died when their convoy was ambushed.", "Fourteen", 14, 14, "killed:security"),
])
def test_figures_in_news_sentences(nlp, sentence, text, low, high, category):
    q = only(nlp, sentence)
    assert q.text == text
    assert (q.low, q.high) == (low, high)
    assert q.category == category
    assert sentence[q.start:q.end] == q.text


def test_vague_billions(nlp):
    q = figures(nlp, "The corridor has seen tens of billions of dollars invested in roads.")[0]
    assert q.vague and q.text == "tens of billions" and q.low == 2e10 and q.category == "money"


@pytest.mark.parametrize("sentence", [
    "The leader was killed in a military operation in 2006.",
    "The attacks coincided with the 18th death anniversary of the leader.",
    "The ceasefire ended in November 2022.",
    "Rail traffic resumed at 6:30 on Tuesday.",
    "Over the past 48 hours, the roads were closed.",
    "Friday September 13, 2024",
])
def test_numbers_that_are_not_counts_are_ignored(nlp, sentence):
    assert [q for q in figures(nlp, sentence) if q.category] == []
    assert all(q.category is None for q in figures(nlp, sentence))


def test_offsets_are_article_offsets(nlp):
    sentence = "Another six people were killed in the Bolan district."
    base = 1000
    q = figures(nlp, sentence, base)[0]
    assert (q.start - base, q.end - base) == (sentence.index("six"), sentence.index("six") + 3)


def test_counted_place_and_window(nlp):
    sentence = "Over the past 48 hours, at least 133 militants were reportedly killed across Balochistan."
    q = only(nlp, sentence)
    assert q.counted == "militants"
    assert q.place == "Balochistan"
    assert Q.window_kind(q.window) == "span"


def test_two_figures_in_one_clause_keep_their_groups(nlp):
    qs = figures(nlp, "The attacks left 33 people dead, including 18 civilians and 15 security personnel on Saturday.")
    assert [(q.value, q.category) for q in qs] == [(33, "killed:total"), (18, "killed:civilians"), (15, "killed:security")]
    assert all(Q.window_kind(q.window) == "day" for q in qs)  # each group's own toll, comparable as such


def test_toll_inherits_group_and_is_cumulative(nlp):
    qs = figures(nlp, "Officials said 22 additional militants were killed, bringing the cumulative toll to 177.")
    by_value = {q.value: q for q in qs}
    assert by_value[22].category == by_value[177].category == "killed:militants"
    assert Q.window_kind(by_value[22].window) == "latest"
    assert Q.window_kind(by_value[177].window) == "cumulative"


def test_unknown_counted_things_are_not_categorised(nlp):
    qs = figures(nlp, "The army raided two militant hideouts in the region.")
    assert [q.category for q in qs] == [None]


@pytest.mark.parametrize("window, kind", [
    (None, "incident"), ("on Saturday", "day"), ("Last week", "day"), ("in a single day", "day"),
    ("Over the past 48 hours", "span"), ("over the past several days; in total", "cumulative"),
    ("additional", "latest"), ("last year", "background"), ("since 2021", "background"),
    ("earlier in the week", "earlier"),
])
def test_window_kinds(window, kind):
    assert Q.window_kind(window) == kind


@pytest.mark.parametrize("a, b, same", [
    ("on Saturday", "Last week", True),   # the event day, named two ways
    (None, "on Saturday", True),
    ("on Saturday", "on Monday", False),  # two named days
    ("on Saturday", "Over the past 48 hours", False),
    ("in total", "cumulative", True),
    ("last year", None, False),
])
def test_same_window(a, b, same):
    assert Q.same_window(a, b) is same


def _q(low, high, low_inc=True, high_inc=True, value=None):
    return Quantity(start=0, end=1, text="x", value=value, low=low, high=high, low_inclusive=low_inc,
                    high_inclusive=high_inc)


@pytest.mark.parametrize("a, b, compatible", [
    (_q(70, None, low_inc=False), _q(74, None), True),   # over 70 / at least 74
    (_q(70, None, low_inc=False), _q(50, None, low_inc=False), True),
    (_q(17, 17), _q(15, 15), False),
    (_q(23, None), _q(23, 23), True),
    (_q(0, 50, high_inc=False), _q(50, 50), False),      # fewer than 50 / 50
    (_q(45, 50, high_inc=False), _q(50, None), False),   # nearly 50 / at least 50
    (_q(24, 99), _q(70, None, low_inc=False), True),     # dozens / over 70
])
def test_overlaps(a, b, compatible):
    assert Q.overlaps(a, b) is compatible
    assert Q.overlaps(b, a) is compatible


def test_gap_ratio():
    assert Q.gap_ratio(_q(17, 17), _q(15, 15)) == pytest.approx(17 / 15)
    assert Q.gap_ratio(_q(21, 21), _q(92, None)) == pytest.approx(92 / 21)
    assert Q.gap_ratio(_q(70, None), _q(74, 74)) == 1.0


@pytest.mark.parametrize("sentence, category", [
    ("Two firefighters were injured, and at least 40 homes were destroyed, officials said.", "injured:civilians"),
    ("Nearly 5,000 residents were ordered to evacuate on Tuesday.", "displaced:total"),
])
def test_general_news_categories(nlp, sentence, category):
    assert figures(nlp, sentence)[0].category == category


def test_tally_is_not_summed():
    assert Q.parse_number("217-215") is None


# --------------------------------------------------------------------------- tallies, sums, units, times


@pytest.mark.parametrize("sentence, text, first, second", [
    ("The Senate voted 52-47 late Thursday to pass a stopgap spending bill.", "52-47", 52, 47),
    ("The vote was 52-47.", "52-47", 52, 47),
    ("Senate clears funding patch 51-48 as Hale, Delgado hold their coalitions together", "51-48", 51, 48),
    ("Each leader lost only two members of their conference on the 51-48 vote.", "51-48", 51, 48),
    ("The Supreme Court ruled 6-3 that the law was unconstitutional.", "6-3", 6, 3),
    ("The House passed the measure 217-215 after a night of arm-twisting.", "217-215", 217, 215),
    ("The House voted 314-117 Wednesday to lift the debt ceiling.", "314-117", 314, 117),
    ("The House on Wednesday approved legislation to raise the nation's borrowing limit, 314 to 117.", "314 to 117",
     314, 117),
    ("The nominee was confirmed by a vote of 51 to 49.", "51 to 49", 51, 49),
])
def test_a_tally_is_one_figure_of_two_numbers(nlp, sentence, text, first, second):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == "tally"]
    assert (q.text, q.value, q.second, q.category) == (text, first, second, "tally")
    assert Q.describe(q) == f"{first}-{second}"
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize("sentence", [
    "Between 30-40 passengers were abducted from the bus.",       # a range: low-high
    "Ticket sales rose in the 2019-20 season.",                     # a season, not a vote
    "Prices climbed from 30 to 40 dollars.",                         # a range in words
    "Attendance fell from 40 to 30 people over the week.",           # a change, not a vote
])
def test_ranges_and_seasons_are_not_tallies(nlp, sentence):
    assert not any(q.unit == "tally" for q in figures(nlp, sentence))


def test_tallies_agree_only_as_pairs():
    t = lambda a, b: Quantity(start=0, end=1, text="t", value=a, low=a, high=a, unit="tally", second=b,
                              category="tally")
    assert Q.overlaps(t(52, 47), t(52, 47))
    assert not Q.overlaps(t(52, 47), t(52, 48))
    assert not Q.overlaps(t(52, 47), t(51, 48))


@pytest.mark.parametrize("sentence, text, category, low, high", [
    ("The nearly $1.2 trillion measure now heads to the House.", "nearly $1.2 trillion", "money:bill", 1.08e12, 1.2e12),
    ("The $1.2 trillion package cleared the chamber after two weeks.", "$1.2 trillion", "money:bill", 1.15e12, 1.25e12),
    ("The Senate approved a roughly $1.2 trillion stopgap on Thursday night.", "roughly $1.2 trillion", "money:bill",
     1.08e12, 1.32e12),
    ("It also includes $21 billion in disaster relief for states hit by hurricanes.", "$21 billion", "money:aid",
     20.5e9, 21.5e9),
    ("Democrats secured $21 billion in disaster aid under the agreement.", "$21 billion", "money:aid", 20.5e9, 21.5e9),
    ("The measure would raise discretionary spending by about $38 billion over last year's levels.",
     "about $38 billion", "money:change", 34.2e9, 41.8e9),
    ("Lawmakers approved a $2 billion aid package for farmers.", "$2 billion", "money:aid", 1.5e9, 2.5e9),
    ("The bank agreed to pay a $5 million fine to settle the charges.", "$5 million", "money:penalty", 4.5e6, 5.5e6),
])
def test_sums_of_money_are_classed_by_what_they_pay_for(nlp, sentence, text, category, low, high):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == "USD"]
    assert (q.text, q.category) == (text, category)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


def test_a_rounded_sum_meets_its_hedged_forms(nlp):
    exact = figures(nlp, "The $1.2 trillion package cleared the chamber.")[0]
    nearly = figures(nlp, "The nearly $1.2 trillion measure now heads to the House.")[0]
    roughly = figures(nlp, "The Senate approved a roughly $1.2 trillion stopgap.")[0]
    assert Q.overlaps(exact, nearly) and Q.overlaps(exact, roughly) and Q.overlaps(nearly, roughly)
    assert exact.window is None  # "after two weeks" of talks does not date the sum


def test_a_comparison_baseline_is_not_a_window(nlp):
    q = figures(nlp, "The measure would raise spending by about $38 billion over last year's levels.")[0]
    assert q.window is None


@pytest.mark.parametrize("sentence, category, unit, low, high", [
    ("Wind gusts reached up to 50 mph Thursday afternoon, the National Weather Service said.", "speed:wind", "mph", 0, 50),
    ("Wind gusts of up to 50 miles per hour drove the fire across dry sagebrush.", "speed:wind", "mph", 0, 50),
    ("When you've got 50-mile-an-hour winds pushing a fire, there's no stopping it.", "speed:wind", "mph", 50, 50),
    ("Gusts of 80 km/h toppled trees across the city.", "speed:wind", "mph", 49.70968, 49.70968),
    ("The Whitetail Fire had burned 12,400 acres by Friday afternoon.", "burned:area", "acres", 12400, 12400),
    ("The blaze has scorched about 5,000 hectares of forest.", "burned:area", "acres", 11119.25, 13591.25),
    ("The fire was 5% contained on Friday, the Oregon Department of Forestry said.", "percent:contain", "percent", 5, 5),
    ("Forecasters said humidity could drop below 10% on Saturday.", "percent:humidity", "percent", 0, 10),
    ("A new poll found that 58% of Colorado voters support stricter gun laws.", "percent:support", "percent", 58, 58),
    ("Turnout was 64%, officials said.", "percent:turnout", "percent", 64, 64),
])
def test_measures_carry_their_unit_and_what_they_measure(nlp, sentence, category, unit, low, high):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == unit]
    assert q.category == category
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize("sentence, text, value", [
    ("The US Federal Reserve has decided to cut interest rates by half a percentage point.", "half a percentage point", 0.5),
    ("Fed easing interest rates again, but only by a quarter percentage point", "quarter percentage point", 0.25),
    ("The Federal Reserve announced a quarter-point cut in interest rates.", "quarter-point", 0.25),
    ("The decision to cut by half a point, which wasn't unanimous, telegraphs urgency.", "half a point", 0.5),
    ("Fed lowered rates by 0.50 percentage points, its first cut since 2020", "0.50 percentage points", 0.5),
])
def test_a_fraction_word_sizes_a_rate_move(nlp, sentence, text, value):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == "points"]
    assert (q.text, q.low, q.high) == (text, value, value)


@pytest.mark.parametrize("sentence, text, value", [
    ("It was a punishing one: a fine of three hundred and fifty-five million dollars, and a ban on Trump.",
     "three hundred and fifty-five million", 355_000_000),
    ("Two hundred and fifty people died.", "Two hundred and fifty", 250),
])
def test_a_number_in_words_joined_by_and_is_one_number(nlp, sentence, text, value):
    assert [(q.text, q.value) for q in figures(nlp, sentence)] == [(text, value)]


def test_a_fraction_without_a_unit_is_no_figure(nlp):
    assert figures(nlp, "Half the town was flooded and a quarter of the homes lost power.") == ()


@pytest.mark.parametrize("sentence", [
    "About 4,000 residents are under Level 3 “Go Now” evacuation orders.",
    "Around 4,000 people have been ordered to evacuate.",
    "Some 4,000 residents remain under evacuation warnings, the county said.",
    "Officials said 4,000 people had fled their homes.",
])
def test_the_outcome_decides_an_evacuation_count_whoever_is_counted(nlp, sentence):
    qs = [q for q in figures(nlp, sentence) if q.value == 4000 or q.low == 3600]
    assert [q.category for q in qs] == ["displaced:total"]


def test_a_handful_is_a_vague_small_count(nlp):
    q = only(nlp, "The speaker can afford to lose only a handful of Republican votes.")
    assert q.vague and (q.low, q.high) == (2, 9) and q.category == "votes"


@pytest.mark.parametrize("sentence, text, category, unit, low, high", [
    ("The bill would keep the federal government open through Jan. 29, officials said.", "Jan. 29", "time:until",
     "day-of-year", 29, 29),
    ("The Senate passed a resolution to keep the government funded through January 29.", "January 29", "time:until",
     "day-of-year", 29, 29),
    ("The stopgap keeps federal agencies funded through the end of January.", "the end of January", "time:until",
     "day-of-year", 21, 31),
    ("The Senate sent the bill to the House a day before a midnight Friday deadline.", "midnight Friday", "time:at",
     "weekday-hours", 120, 120),
    ("The House must pass it before funding lapses at midnight Friday.", "midnight Friday", "time:at",
     "weekday-hours", 120, 120),
    ("A red flag warning remains in effect through Saturday evening.", "Saturday evening", "time:until",
     "weekday-hours", 137, 142),
    ("The fire began shortly after 1 p.m. Thursday on private land.", "1 p.m. Thursday", "time:at",
     "weekday-hours", 85, 85),
    ("The mall will stay closed until at least Tuesday.", "Tuesday", "time:until", "weekday-hours", 24, 48),
])
def test_points_in_time_that_a_claim_states(nlp, sentence, text, category, unit, low, high):
    (q,) = [q for q in figures(nlp, sentence) if q.category and q.category.startswith("time:")]
    assert (q.text, q.category, q.unit, q.low, q.high) == (text, category, unit, low, high)
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize("sentence", [
    "House Speaker Warren Tibbs said the House would vote Friday afternoon.",  # a day only dates the claim
    "The ceasefire ended in November 2022.",
    "Officials may decide on Monday whether to reopen the highway.",          # "may", the verb
    "He marched through the capital on Friday.",
])
def test_dates_that_only_say_when_are_not_figures(nlp, sentence):
    assert not [q for q in figures(nlp, sentence) if q.category and q.category.startswith("time:")]


def test_figures_in_a_condition_are_hypotheses(nlp):
    qs = figures(nlp, "If the House fails to act by midnight Friday, about 800,000 federal workers would be furloughed.")
    assert [q.text for q in qs] == ["about 800,000"]


@pytest.mark.parametrize("q, text", [
    (Quantity(0, 1, "x", 120, 120, 120, unit="weekday-hours"), "Fri 24:00"),
    (Quantity(0, 1, "x", 29, 29, 29, unit="day-of-year"), "Jan 29"),
    (Quantity(0, 1, "x", None, 1.15e12, 1.25e12, high_inclusive=False, unit="USD"), "[1.15 trillion, 1.25 trillion)"),
])
def test_describe_speaks_the_unit(q, text):
    assert Q.describe(q) == text


@pytest.mark.parametrize("a, b, same", [
    ("over a decade", "over 10 years", True),
    ("over ten years", "over the next 10 years", True),
    ("last year", "in 2023", False),
])
def test_background_windows_read_alike(a, b, same):
    assert Q.comparable_scale(a, b) is same


@pytest.mark.parametrize("sentence, window, place", [
    ("The Senate voted 52-47 late Thursday to keep the government open through Jan. 29, sending the measure to "
     "the House before a midnight Friday deadline.", "late Thursday", None),
    ("Senate clears funding patch 51-48 as Hale, Delgado hold their coalitions together", None, None),
    ("Another six people were killed in the Bolan district on Monday.", "on Monday", "Bolan"),
])
def test_end_points_and_people_are_not_windows_or_places(nlp, sentence, window, place):
    q = [q for q in figures(nlp, sentence) if not (q.category or "").startswith("time:")][0]
    assert (q.window, q.place) == (window, place)


@pytest.mark.parametrize("text", [
    # letters that match a-z only when case is ignored (long s, dotless i, Kelvin sign) must not crash
    # the lookup of the matched word: the text is read, the look-alike word is not a date
    "The park stays closed through ſept. 30.",
    "The order is in effect through frıday evening.",
    "The shelter stays open through Saturday nıght.",
    "Temperatures fell to 300 \u212a on Friday.",
])
def test_look_alike_letters_in_calendar_words(text):
    found = Q.times(text, 0, 0, len(text))
    assert all(q.unit in ("day-of-year", "weekday-hours") for q in found)


@pytest.mark.parametrize("sentence, value, category", [
    # a bare number with its own outcome beside it, as headlines write tolls
    ("Update: Taiwan Earthquake: Nine People Dead, Over 1,000 Injured in Hualien’s Most Powerful Quake", 1000,
     "injured:total"),
    ("At least 12 killed, 30 injured in blast", 30, "injured:total"),
    ("At least 12 killed, 30 injured in blast", 12, "killed:total"),
    # the outcome named by the object of "suffer" (divergences/dev, Taiwan quake)
    ("The death toll has risen to 4, with almost 97 people suffering injuries, the outlet reported.", 97,
     "injured:total"),
])
def test_a_number_takes_the_outcome_written_beside_it(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence, 0) if q.value == value)
    assert q.category == category


@pytest.mark.parametrize("sentence, text, category", [
    # divergences/dev, Trump ruling: a page count is the length of the document it sizes; words
    # for one judgment meet (document_kinds), other documents stay apart
    ("But while he stopped short of dissolving the Trump Organization altogether, Engoron issued a blistering "
     "93-page opinion that painted the former president as unremorseful.", "93-page", "length:judgment"),
    ("Referring to the former president, two of his sons, and his business associates, Engoron wrote in a 92-page "
     "ruling: “Their complete lack of contrition and remorse borders on pathological.”", "92-page", "length:judgment"),
    ("The ruling runs 92 pages.", "92 pages", "length:judgment"),
    ("The 40-page indictment lists 34 counts.", "40-page", "length:indictment"),
])
def test_a_page_count_is_the_length_of_its_document(nlp, sentence, text, category):
    q = next(q for q in figures(nlp, sentence) if q.unit == "pages")
    assert (q.text, q.category) == (text, category)


@pytest.mark.parametrize("sentence, value, category", [
    # divergences/dev, Derna floods: how many live in a place is not what befell them
    ("The water washed away large areas of the heart of the city, home to about 100,000 people.", None, "population"),
    ("In Derna, which has an estimated population of at least 120,000, entire districts were swept away.", None,
     "population"),
    ("Derna, a city of 100,000 inhabitants, was hit hardest.", 100000, "population"),
    ("The flood killed 5,000 people in the city.", 5000, "killed:total"),
    ("Shelters are home to 3,000 displaced people.", 3000, "displaced:total"),
])
def test_a_population_is_its_own_measure(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if q.category)
    assert q.category == category and (value is None or q.value == value)


@pytest.mark.parametrize("sentence, value, category", [
    # divergences/dev, French pension protests: a crowd, however it is named
    ("According to the interior ministry, 1.28 million people demonstrated on Tuesday.", 1280000, "protested:total"),
    ("The largest CGT trade union association announced 3.5 million protesters across the country.", 3500000,
     "protested:total"),
    ("The hardline CGT union put the number of protesters at 3.5 million nationwide.", 3500000, "protested:total"),
    ("It exceeds that of last January 31, where 1.27 million people took to the streets.", 1270000, "protested:total"),
    ("The CGT claimed 450,000 demonstrators in the street.", 450000, "protested:total"),
    # protests counted as events are not a crowd
    ("Police recorded 300 protests across the country.", 300, None),
])
def test_a_crowd_is_counted_as_such(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if q.value == value)
    assert q.category == category


@pytest.mark.parametrize("sentence, value, window", [
    # a rival figure's date is not this figure's (divergences/dev, French pension protests)
    ("According to the interior ministry, 1.28 million people demonstrated on Tuesday against the pension plan, "
     "slightly higher than the 1.27 million estimated during a previous day of protests on January 31.", 1280000,
     "on Tuesday"),
    ("According to the interior ministry, 1.28 million people demonstrated on Tuesday against the pension plan, "
     "slightly higher than the 1.27 million estimated during a previous day of protests on January 31.", 1270000,
     "during a previous day; on January 31"),
    # a 'where' clause is set at its antecedent's date
    ("It means that it exceeds that of last January 31, where 1.27 million people (according to police) and "
     "2.8 million (according to the unions) took to the streets.", 2800000, "last January 31"),
    # the baseline of a comparison is not the figure's time
    ("The unions point out that 700,000 people marched in Paris, more than double the previous day.", 700000, None),
    ("The CGT claimed 450,000 demonstrators in the street, more than on March 7.", 450000, None),
    # coordinated figures share their modifiers (divergences/dev, UK election)
    ("We are in similar territory to the Blair-era New Labour landslide of 418 seats and a 179 majority in 1997.",
     418, "in 1997"),
])
def test_a_figure_is_dated_by_its_own_phrase(nlp, sentence, value, window):
    q = next(q for q in figures(nlp, sentence) if q.value == value or q.low is not None and q.value is None
             and q.low <= value <= (q.high or value))
    assert q.window == window


def test_a_number_compared_with_a_count_is_of_its_kind(nlp):
    qs = figures(nlp, "The hardline CGT union put the number of protesters at 3.5 million nationwide, a figure it "
                      "said compared to 2.5 million on January 31.")
    by_text = {q.text: q for q in qs}
    assert by_text["2.5 million"].category == by_text["3.5 million"].category == "protested:total"
    assert by_text["2.5 million"].window == "on January 31" and by_text["3.5 million"].window is None


@pytest.mark.parametrize("sentence, value, category", [
    # a number sizing a modifier sizes another thing (divergences/dev, UK election)
    ("Under him, Labour won 418 seats in the House of Commons, gaining a 179-seat majority.", 179, None),
    ("Under him, Labour won 418 seats in the House of Commons, gaining a 179-seat majority.", 418, "seats"),
    # a sector the tagger takes for a name is still a part of the economy (divergences/dev, US jobs)
    ("Healthcare added 72,000 jobs in March, above the average monthly gain of 60,000.", 72000, "jobs:healthcare"),
    ("The United States added 303,000 new jobs in March.", 303000, "jobs"),
])
def test_what_a_number_sizes(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if q.value == value)
    assert q.category == category


def test_thousands_reaches_below_a_million():
    assert Q.vague_interval("thousands") == (2_000, 999_999)  # "thousands missing" of 10,100 missing
    assert Q.vague_interval("tens of thousand") == (20_000, 99_999)  # as the reader passes it, singular


def test_a_figure_credited_in_its_own_phrase(nlp):
    # divergences/dev, French pension protests: one sentence, two counters
    qs = figures(nlp, "It means that it exceeds that of last January 31, where 1.27 million people (according to "
                      "police) and 2.8 million (according to the unions) took to the streets.")
    assert [(q.text, q.credited) for q in qs if q.category] == [("1.27 million", "police"), ("2.8 million", "unions")]
    (q,) = [q for q in figures(nlp, "According to the interior ministry, 1.28 million people demonstrated on Tuesday.")]
    assert q.credited is None  # the sentence's attribution, not the figure's own


@pytest.mark.parametrize("sentence, value", [
    ("The city is home to three universities and a port.", 3),  # not a population
    ("The lawyers filed 300 pages of evidence in the case.", 300),  # a page count of nothing named
    ("In March, 5,000 people were evacuated from the valley.", 5000),  # the month is no march
])
def test_look_alikes_of_new_measures(nlp, sentence, value):
    q = next(q for q in figures(nlp, sentence) if q.value == value)
    assert q.category not in ("population", "protested:total") and not (q.category or "").startswith("length")


@pytest.mark.parametrize("sentence, each, total", [
    # a sum for each member is not the members' total: that is the sum times the members counted
    ("Engoron also ordered Trump’s adult sons, Don Jr. and Eric, to pay $4 million each", 4_000_000, 8_000_000),
    ("The two brothers were fined $500 apiece.", 500, 1_000),
    ("The three defendants must each pay $2 million.", 2_000_000, 6_000_000),
    # members not counted: the sum stays each one's, with no total
    ("The government will pay $1,200 per person.", 1_200, None),
])
def test_sums_for_each_member(nlp, sentence, each, total):
    qs = [q for q in figures(nlp, sentence) if q.unit == "USD"]
    (per,) = [q for q in qs if q.category.endswith(":each")]
    assert per.value == each
    wholes = [q for q in qs if not q.category.endswith(":each")]
    assert [q.value for q in wholes] == ([total] if total else [])


def test_a_sum_for_one_named_person_is_not_a_sum_for_each(nlp):
    (q,) = [q for q in figures(nlp, "Donald Trump Jr.: $4 million fine") if q.unit == "USD"]
    assert not q.category.endswith(":each") and q.value == 4_000_000
