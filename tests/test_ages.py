"""People's ages as claims write them (auditor.read.ages), on real sentences."""
import pytest

from auditor.read.ages import ages_in


@pytest.mark.parametrize("text, names, expected", [
    # a list of victims, ages in brackets
    ("Monica Sebetwana (6), Ida Maama (7), Isago Mabote (8) and Katlego Olifant (7) had eaten snacks",
     ("monica sebetwana", "ida maama", "isago mabote", "katlego olifant"),
     [("Monica Sebetwana", 6), ("Ida Maama", 7), ("Isago Mabote", 8), ("Katlego Olifant", 7)]),
    # the same list with ages after commas, one name known by its surname only
    ("The children — Zinhle Maama, 7, Karabo Rampou, 8, and Isago Mabote, 7 — died two weeks ago",
     ("maama", "karabo rampou", "isago mabote"), [("Zinhle Maama", 7), ("Karabo Rampou", 8), ("Isago Mabote", 7)]),
    # a title before the name is not part of it
    ("former Major League Baseball pitcher Octavio Dotel, 51, died", ("octavio dotel", "major league baseball"),
     [("Octavio Dotel", 51)]),
    ("the 72-year-old Gisèle Pelicot told the court", ("gisèle pelicot",), [("Gisèle Pelicot", 72)]),
    ("Ten-year-old Zoey Levesque died", ("zoey levesque",), [("Zoey Levesque", 10)]),
    ("Smith, a 45-year-old teacher, said", ("smith",), [("Smith", 45)]),
    # ages of common nouns
    ("an eight-year-old child and a 60-year-old man have died in hospital", (), [("child", 8), ("man", 60)]),
    # no ages: a year after a place, a share, a sentence's length, a name the claim does not know
    ("Paris, 2024 was the host", ("paris",), []),
    ("the company will be 50 percent owned by the state", (), []),
    ("she would be 25 years in prison", (), []),
    ("Section 5 (2) of the act", (), []),
])
def test_ages_in(text, names, expected):
    assert [(a.holder, a.years) for a in ages_in(text, names) if not a.later] == expected


@pytest.mark.parametrize("text, names, years", [
    ("Pogba will be 34 years old when the ban comes to a close", ("pogba",), 34),
    ("He is now banned until 2028, when he will be 33", (), 33),
    ("He will be 34 when the ban comes to a close", (), 34),  # a pronoun opening the sentence
    ("she could be considered for release at age 81", (), 81),
])
def test_an_age_at_a_time_to_come(text, names, years):
    (age,) = ages_in(text, names)
    assert (age.years, age.later) == (years, True)


def test_the_span_is_the_age_as_written():
    text = "The sixth child, Katleho Olifant, 7, passed away a week later in the hospital."
    (age,) = ages_in(text, ("katleho olifant",))
    assert text[age.start:age.end] == "Katleho Olifant, 7"
