"""Figures read in a claim, put together: hedged counts with what they count, offsets, several
figures in one clause, tolls that inherit a group, conditions, and numbers compared with a count."""
from __future__ import annotations

import pytest

from auditor.read import quantities as Q
from auditor.read.windows import window_kind
from conftest import figures, only_figure


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
    q = only_figure(nlp, sentence)
    assert q.text == text
    assert (q.low, q.high) == (low, high)
    assert q.category == category
    assert sentence[q.start:q.end] == q.text


def test_offsets_are_article_offsets(nlp):
    sentence = "Another six people were killed in the Bolan district."
    base = 1000
    q = figures(nlp, sentence, base)[0]
    assert (q.start - base, q.end - base) == (sentence.index("six"), sentence.index("six") + 3)


def test_two_figures_in_one_clause_keep_their_groups(nlp):
    qs = figures(nlp, "The attacks left 33 people dead, including 18 civilians and 15 security personnel on Saturday.")
    qs = [q for q in qs if q.category != "date:event"]  # (the day of the attacks)
    assert [(q.value, q.category) for q in qs] == [(33, "killed:total"), (18, "killed:civilians"), (15, "killed:security")]
    assert all(window_kind(q.window) == "day" for q in qs)  # each group's own toll, comparable as such


def test_toll_inherits_group_and_is_cumulative(nlp):
    qs = figures(nlp, "Officials said 22 additional militants were killed, bringing the cumulative toll to 177.")
    by_value = {q.value: q for q in qs}
    assert by_value[22].category == by_value[177].category == "killed:militants"
    assert window_kind(by_value[22].window) == "latest"
    assert window_kind(by_value[177].window) == "cumulative"


def test_figures_in_a_condition_are_hypotheses(nlp):
    qs = figures(nlp, "If the House fails to act by midnight Friday, about 800,000 federal workers would be furloughed.")
    assert [q.text for q in qs] == ["about 800,000"]


def test_figures_in_an_inverted_condition_are_hypotheses(nlp):
    # divergences/dev, an impeachment vote: the tie that did not last is no tally to compare
    assert not figures(nlp, "Had the vote remained tied at 215-215, it would have failed.")
    assert [q.text for q in figures(nlp, "The House voted against impeaching Mayorkas 216-214.")] == ["216-214"]


@pytest.mark.parametrize("sentence, texts", [
    # divergences/dev, Belgrade protest: a slogan's numbers are words of a name
    ("The protest, dubbed \u201c15 for 15\u201d in honor of the victims of a recent tragedy, saw large crowds.", []),
    # a figure in quotation marks is still a figure
    ("He said \u201c12 people\u201d had died.", ["12"]),
])
def test_numbers_of_a_quoted_slogan_are_no_figures(nlp, sentence, texts):
    assert [q.text for q in figures(nlp, sentence)] == texts


def test_a_number_compared_with_a_count_is_of_its_kind(nlp):
    qs = figures(nlp, "The hardline CGT union put the number of protesters at 3.5 million nationwide, a figure it "
                      "said compared to 2.5 million on January 31.")
    by_text = {q.text: q for q in qs}
    assert by_text["2.5 million"].category == by_text["3.5 million"].category == "crowd:total"
    assert by_text["2.5 million"].window == "on January 31" and by_text["3.5 million"].window is None


@pytest.mark.parametrize("sentence, categories", [
    # divergences/dev, Sohag train collision and German election: figures listed "respectively"
    ("The number of deaths and injuries is 32 and 108, respectively.", ["killed:total", "injured:total"]),
    ("The Greens and the Left Party are next, with 11,6% and 8,8% of voters, respectively.",
     ["percent:greens", "percent:lp"]),
    # as many figures as items only
    ("Deaths and injuries rose, with 32 dead, officials said respectively.", ["killed:total"]),
])
def test_figures_listed_respectively_are_each_items(nlp, sentence, categories):
    assert [q.category for q in figures(nlp, sentence)] == categories


@pytest.mark.parametrize("sentence, categories", [
    # divergences/dev, UK election: a list of parties' seats after the seats counted, without marks
    ("With 648 of the 650 seats declared, Labour has won 412, Conservatives 121, Liberal Democrats 71.",
     ["seats", "seats", "seats:labour", "seats:conservatives", "seats:ld"]),
    # German election: "the Greens - 85" is a party's seats, not a date the tagger saw
    ("In the new parliament, the CDU/CSU will receive 208 seats, the AfD - 151, the SPD - 121, the Greens - 85, "
     "the Left Party - 64.", ["seats:csu", "seats:afd", "seats:spd", "seats:greens", "seats:lp"]),
])
def test_a_list_of_sides_seats_without_marks(nlp, sentence, categories):
    assert [q.category for q in figures(nlp, sentence)] == categories


@pytest.mark.parametrize("previous, sentence, category", [
    # a pronoun subject takes up the side the sentence before is about
    ("The Bharatiya Janata Party (BJP) fell short of a majority on Tuesday.", "It won 240 seats.", "seats:bjp"),
    # a description or a name is no pronoun; a sentence before with no named subject gives no side
    ("The Bharatiya Janata Party (BJP) fell short of a majority on Tuesday.", "The alliance won 293 seats.", "seats"),
    ("Counting went on late into the night.", "It won 240 seats.", "seats"),
])
def test_a_sides_pronoun_takes_up_the_side_before(nlp, previous, sentence, category):
    doc = nlp(sentence)
    (q,) = Q.with_sides_before(Q.extract(doc, 0), doc, 0, nlp(previous))
    assert q.category == category



@pytest.mark.parametrize("sentence, low", [
    # a range of counts the tagger takes for a date is still a count; a range before a word of time is a date
    ("The death toll rose to between 88 and 107 on Friday.", 88),
    ("The death toll rose to between 88 and 107.", 88),
])
def test_a_range_the_tagger_takes_for_a_date_is_a_count(nlp, sentence, low):
    assert [(q.low, q.category) for q in figures(nlp, sentence) if q.category != "date:event"] == [(low, "killed:total")]


def test_a_range_before_a_word_of_time_is_no_count(nlp):
    assert not [q for q in figures(nlp, "The festival runs between 14 and 15 June.") if q.category != "date:event"]
