"""Each article's profile (auditor/crossdoc/events/profiles.py): the event's day as the lead writes
it (the time of an act, a day of the week of writing, not the day of a saying), and anchors that
leave out reactions and background."""
from __future__ import annotations

import pytest

from auditor.crossdoc import events as E
from auditor.read.when import mentions
from events_corpus import NOTO_2024, STRIKE_MARCH_7, STRIKE_MARCH_7_B, STRIKE_MARCH_7_C, STRIKE_MARCH_15, corpus, one


def test_reactions_and_background_are_not_anchors():
    _, claims = corpus({"a1": ["The United States condemned the attacks and expressed its support for Pakistan.",
                               "There were 170 attacks in the province last year, a think tank said."]})
    assert E.anchors(claims) == set()


@pytest.mark.parametrize("text, acts", [
    ("A powerful earthquake struck Japan's Ishikawa Prefecture on New Year's Day.", True),
    ("Police arrested Imran Khan in Lahore on Saturday, Aug. 5, after a court sentenced him.", True),
    ("64 Confirmed Dead after Jan. 1 Noto Peninsula Earthquake", False),
    ("He was charged over his role in January 6.", False),
    ("Pence kept notes in the days before the Jan. 6 Capitol attack.", False),
])
def test_a_day_written_as_the_time_of_an_act(text, acts):
    assert E.times_an_act(text, mentions(text)[0]) is acts


@pytest.mark.parametrize("lines, this_week, day", [
    (STRIKE_MARCH_7, True, "March 7"),  # "this Tuesday", dated by "on Tuesday, March 7" further on
    (STRIKE_MARCH_7_B, True, "Tuesday"),
    (STRIKE_MARCH_15, True, "March 15"),  # the headline dates it first, "this Wednesday, March 15" after
    (STRIKE_MARCH_7_C, False, "March 7"),  # "the March 7 actions": a day named, not one of this week
    (NOTO_2024, False, "January 1"),  # "on New Year's Day": the time of an act, not of the week of writing
])
def test_a_day_written_as_one_of_the_week_of_writing(lines, this_week, day):
    p = E.profile(*one("a1", lines))
    assert p.written is None
    assert (p.this_week, p.when.describe()) == (this_week, day)


def test_the_day_of_a_saying_is_no_day_of_the_act():
    """'..., officials said on Monday': the day the toll was told, not the day the quake killed."""
    from dataclasses import replace
    from auditor.model import Span
    line = "The earthquake killed at least 800 people, officials said on Monday."
    article, claims = one("a1", [line])
    at = line.index("officials said")
    credit = Span("a1", at, at + len("officials said"), "officials said")  # as the attribution step marks it
    told = E.profile(article, [replace(c, attribution="officials", attribution_span=credit) for c in claims])
    struck = E.profile(*one("b1", ["The earthquake killed 296 people on Friday night."]))
    assert told.act is None and struck.act == "kill"
    assert not any("dates it" in why for why in E.reasons_apart(told, struck))
    # the day of the act itself, credited or not, still dates it
    line = "Imran Khan was arrested on Saturday in Lahore, his lawyer said."
    article, claims = one("c1", [line])
    at = line.index("his lawyer said")
    credit = Span("c1", at, at + len("his lawyer said"), "his lawyer said")
    assert E.profile(article, [replace(c, attribution="lawyer", attribution_span=credit) for c in claims]).act == "arrest"


def test_a_file_photos_day_is_not_the_storys():
    """A picture caption's day ("speaks at a press conference ... on Oct. 28, 2019. (AP Photo/...)")
    dates the picture, not the event the lead reports (new dev corpus, the Menendez indictment)."""
    lines = ["Takeaways from investigation that turned up gold bars at a US senator's home",
             "U.S. Sen. Robert Menendez speaks at a press conference on Oct. 28, 2019. (AP Photo/Wayne Parry)",
             "WASHINGTON – Sen. Bob Menendez and his wife are accused of taking bribes, according to an indictment "
             "unsealed Friday."]
    p = E.profile(*one("a1", lines))
    assert p.when.describe() == "Friday"


@pytest.mark.parametrize("paragraph, caption", [
    ("Menendez speaks at a press conference on Oct. 28, 2019. (AP Photo/Wayne Parry)", True),
    ("Photo: Emanuele Cremaschi/Getty Images", True),
    ("People shop at a fresh food market in Istanbul, T\u00fcrkiye, Jan. 4, 2022. (Reuters Photo)", True),
    ("Menendez was indicted on Friday (a Friday in September).", False),
    # the agencies' caption style without its credit: a weekday and a full date end the paragraph (divergences/dev,
    # a rate hike and an indictment)
    ("Residents waiting at a bus stop under a large Turkish flag in Istanbul, Turkey, on Sunday, April 30, 2023.", True),
    ("Sen. Bob Menendez, D-N.J., right, and his wife Nadine Arslanian, pose for a photo on Capitol Hill in "
     "Washington, Tuesday, Dec. 20, 2022.", True),
    ("The central bank raised its rate to 15% on Thursday, the first hike since 2021.", False),
    ("The bank raised its rate on June 22, 2023.", False),
    # a picture word in brackets that credits nobody is no caption
    ("The senator spoke to reporters outside the court on Friday (video).", False),
    ("The senator's lawyer released the files on Friday (see the files).", False),
])
def test_picture_captions(paragraph, caption):
    from auditor.crossdoc.events.profiles import in_caption
    assert in_caption(paragraph, 5) is caption


@pytest.mark.parametrize("lines, day, act", [
    (["During a telephone conversation with President Masoud Pezeshkian on Wednesday, President Luong Cuong "
      "conveyed his deep sorrow over the unfortunate event.",
      "On Saturday, a powerful blast rocked the port of Shahid Rajaee in Hormozgan Province after a fuel tanker "
      "exploded for reasons still under investigation."], "Saturday", "rock"),
    # with no other time in the lead, the reaction's own day is all there is
    (["President Luong Cuong conveyed his deep sorrow over the blast on Wednesday."], "Wednesday", "convey"),
])
def test_the_day_of_a_reaction_gives_way_to_the_day_of_the_act(lines, day, act):
    """A condolence call's day is not the day of the blast it mourns, when the lead dates the blast too."""
    p = E.profile(*one("a1", lines))
    assert (p.when.describe(), p.act) == (day, act)


@pytest.mark.parametrize("lines, recalled", [
    # incidents/dev, two US plane crashes two days apart: the Friday crash's report recalls Wednesday's
    (["A medical transport jet crashed into a Philadelphia neighborhood shortly after takeoff Friday evening.",
      "On Wednesday night, an American Airlines jet collided in midair in Washington, D.C., with an Army "
      "helicopter."], True),
    # a sequel of the event, days after it, is its own story's
    (["A medical transport jet crashed into a Philadelphia neighborhood shortly after takeoff Friday evening.",
      "On Monday, investigators recovered the jet's flight recorder in Philadelphia."], False),
    # the same act told again
    (["A medical transport jet crashed into a Philadelphia neighborhood shortly after takeoff Friday evening.",
      "The jet crashed on Friday in Philadelphia."], False),
])
def test_an_act_days_before_the_event_recalls_another_incident(lines, recalled):
    article, claims = one("a1", lines)
    p = E.profile(article, claims)
    from auditor.crossdoc.events.profiles import of_another_day
    assert of_another_day(claims[-1], p) is recalled
    if recalled:  # the recalled incident's names are no anchors of this one
        assert "washington" in E.anchors(claims) and "washington" not in E.anchors(claims, p)
