"""What a count counts and what befell it: counts in lists, outcomes read up the parse or beside
the number, evacuations, populations, crowds, and numbers that size another thing."""
from __future__ import annotations

import pytest

from auditor.read import quantities
from conftest import figures


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
    # an apposition says what the counted are: no count of one; animals are no people (divergences/dev,
    # Afghan cold wave)
    ("Nearly 80,000 livestock, a vital commodity for Afghanistan's poor, also died in the cold.",
     {("Nearly 80,000", "killed:animals")}),
    ("A cold snap in Afghanistan has killed over 160 people and more than 200,000 livestock.",
     {("over 160", "killed:total"), ("more than 200,000", "killed:animals")}),
])
def test_counts_in_lists(nlp, sentence, expected):
    assert {(q.text, q.category) for q in figures(nlp, sentence) if q.category} == expected


def test_an_indefinite_noun_outside_a_list_of_counts_is_no_figure(nlp):
    assert not [q for q in figures(nlp, "Gunmen attacked a synagogue in Derbent on Sunday.") if q.category and q.category != "date:event"]


def test_the_speaker_after_a_list_of_counts_is_no_count_of_one(nlp):
    # divergences/dev, a bus crash: the parse hangs the speaker on the list of the killed
    qs = figures(nlp, "A bus veered off a highway bridge into a polluted ravine in Guatemala City early today, killing "
                      "at least 51 people and trapping survivors, a spokesperson for the city’s fire department said.")
    assert [(q.text, q.category) for q in qs if q.category and not q.category.startswith("date")] == \
        [("at least 51", "killed:total")]


def test_unknown_counted_things_are_not_categorised(nlp):
    qs = figures(nlp, "The army raided two militant hideouts in the region.")
    assert [q.category for q in qs] == [None]


@pytest.mark.parametrize("sentence, category", [
    # a noun no lexicon lists is people when what befell them befalls only people
    ("11 climbers have been found dead following a volcanic eruption at Mount Marapi, West Sumatra.", "killed:total"),
    ("Ten missing climbers are still being searched for,\u201d the director of the local rescue service said.", "missing:total"),
    ("while the remaining 12 climbers are currently still missing.", "missing:total"),
    ("A total of 75 climbers were trapped when Mount Marapi erupted.", "trapped:total"),
    # people buried by a landslide are its dead; buses it buried are no toll (divergences/dev, Enga landslide
    # and Nepal floods)
    ("The landslide buried more than 2,000 people alive.", "killed:total"),
    ("Landslides buried four passenger buses.", "vehicles"),
    # the living of a crash are counted apart from its dead (divergences/dev, a bus crash in Brazil)
    ("Only 3 people survived the crash.", "survived:total"),
    # what befalls things as well, or a crowd's subgroup, does not tell
    ("Fire gutted 40 kiosks in the market.", None),
    # divergences/dev: what befell someone else up the sentence (a nurse's sentencing), or what a measure word
    # counts (a typhoon), does not tell; what the verb says of its object does
    ("Lucy Letby will die in prison after receiving 14 whole-life sentences", None),
    ("The flood killed 1,174 heads of livestock.", None),
    # people named by what they do keep their "of" (divergences/dev, a protest in Islamabad)
    ("Police in Pakistan arrested nearly 1,000 supporters of Imran Khan.", "arrested:total"),
    ("Rescuers found 12 hikers dead on the slopes of the volcano.", "killed:total"),
    ("During the demonstration, hundreds of Israeli women\u2019s rights activists dressed as characters in the "
     "\u201cThe Handmaid\u2019s Tale\u201d marched in the main protest in Tel Aviv.", None),
])
def test_what_befell_unlisted_nouns_tells_they_are_people(nlp, sentence, category):
    assert [q.category for q in figures(nlp, sentence) if q.category != "date:event"] == [category]


@pytest.mark.parametrize("sentence, category", [
    # more ways of telling a death (divergences/dev: a train collision, a disease outbreak, a shooting)
    ("At least eight people have been confirmed to be dead.", "killed:total"),
    ("67 people succumbed to the illness between November 10 and 26.", "killed:total"),
    ("Three more victims who were shot during the violence have now passed away.", "killed:total"),
    ("The official said 3 people are believed to be missing.", "missing:total"),
])
def test_a_death_told_in_other_words(nlp, sentence, category):
    assert [q.category for q in figures(nlp, sentence) if q.category != "date:event"] == [category]


def test_a_count_in_apposition_with_its_own_outcome_is_its_own(nlp):
    """divergences/dev, Karachi heatwave: the headline's 1500 are hospitalized, not 1500 more deaths."""
    sentence = "Karachi Heatwave: 20 deaths reported in 2 days, 1500 hospitalized as temperatures soar to 42°C"
    assert [(q.text, q.category) for q in figures(nlp, sentence) if q.unit is None] == [
        ("20", "killed:total"), ("1500", "hospitalized:total")]


@pytest.mark.parametrize("sentence, category", [
    # one of the counted who speaks is a person quoted, not a crowd of one
    ("\u201cI\u2019m demonstrating because the measures are a threat,\u201d one protester, tech entrepreneur Ran Shahor, "
     "told the AFP news agency in the coastal city of Tel Aviv.", None),
    ("One resident said the water rose within minutes.", None),
    ("One protester was killed and 20 were injured.", "killed:protesters"),
])
def test_one_of_the_counted_who_speaks_is_no_count(nlp, sentence, category):
    assert [q.category for q in figures(nlp, sentence)][0] == category


@pytest.mark.parametrize("sentence, category", [
    ("Two firefighters were injured, and at least 40 homes were destroyed, officials said.", "injured:civilians"),
    ("Nearly 5,000 residents were ordered to evacuate on Tuesday.", "displaced:total"),
])
def test_general_news_categories(nlp, sentence, category):
    assert figures(nlp, sentence)[0].category == category


@pytest.mark.parametrize("sentence", [
    "About 4,000 residents are under Level 3 “Go Now” evacuation orders.",
    "Around 4,000 people have been ordered to evacuate.",
    "Some 4,000 residents remain under evacuation warnings, the county said.",
    "Officials said 4,000 people had fled their homes.",
])
def test_the_outcome_decides_an_evacuation_count_whoever_is_counted(nlp, sentence):
    qs = [q for q in figures(nlp, sentence) if q.value == 4000 or q.low == 3600]
    assert [q.category for q in qs] == ["displaced:total"]


@pytest.mark.parametrize("sentence, value, category", [
    # a bare number with its own outcome beside it, as headlines write tolls
    ("Update: Taiwan Earthquake: Nine People Dead, Over 1,000 Injured in Hualien’s Most Powerful Quake", 1000,
     "injured:total"),
    ("At least 12 killed, 30 injured in blast", 30, "injured:total"),
    ("At least 12 killed, 30 injured in blast", 12, "killed:total"),
    # the outcome named by the object of "suffer" (divergences/dev, Taiwan quake)
    ("The death toll has risen to 4, with almost 97 people suffering injuries, the outlet reported.", 97,
     "injured:total"),
    # an outbreak's cases and hospitalizations (new dev corpus, the McDonald's E. coli outbreak)
    ("Most of the cases have been in Colorado, which has 27 reported cases.", 27, "ill:total"),
    ("The outbreak has sickened 75 people across 13 states.", 75, "ill:total"),
    ("Ten people have been hospitalized.", 10, "hospitalized:total"),
    # an injury that killed is a death (divergences/dev, a train collision)
    ("Nine were fatally injured in the collision.", 9, "killed:total"),
    ("Three people were fatally wounded and 12 others hurt.", 3, "killed:total"),
    # what did not befall the counted is not their outcome (divergences/dev, an airliner crash)
    ("Fire officials believe all 179 people, who could not be rescued, died.", 179, "killed:total"),
])
def test_a_number_takes_the_outcome_written_beside_it(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence, 0) if q.value == value)
    assert q.category == category


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
    ("According to the interior ministry, 1.28 million people demonstrated on Tuesday.", 1280000, "crowd:total"),
    ("The largest CGT trade union association announced 3.5 million protesters across the country.", 3500000,
     "crowd:total"),
    ("The hardline CGT union put the number of protesters at 3.5 million nationwide.", 3500000, "crowd:total"),
    ("It exceeds that of last January 31, where 1.27 million people took to the streets.", 1270000, "crowd:total"),
    ("The CGT claimed 450,000 demonstrators in the street.", 450000, "crowd:total"),
    # a people named by nationality who rally are a crowd (divergences/dev, Israel protests)
    ("Some 200,000 Israelis rallied in Tel Aviv, according to Israeli media.", 200000, "crowd:total"),
    # protests counted as events are not a crowd
    ("Police recorded 300 protests across the country.", 300, None),
])
def test_a_crowd_is_counted_as_such(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if q.value == value)
    assert q.category == category


@pytest.mark.parametrize("sentence, value, category", [
    # a number sizing a modifier sizes another thing (divergences/dev, UK election)
    ("Under him, Labour won 418 seats in the House of Commons, gaining a 179-seat majority.", 179, None),
    # seats won are the winner's
    ("Under him, Labour won 418 seats in the House of Commons, gaining a 179-seat majority.", 418, "seats:labour"),
    # a name the tagger reads with its common noun ("The Congress party") is the name's
    ("The Congress party won 99 seats.", 99, "seats:congress"),
    # a sector the tagger takes for a name is still a part of the economy (divergences/dev, US jobs)
    ("Healthcare added 72,000 jobs in March, above the average monthly gain of 60,000.", 72000, "jobs:healthcare"),
    ("The United States added 303,000 new jobs in March.", 303000, "jobs"),
    # the value a count noun is said to take: its outcome is the count noun's (divergences/dev, Amasra mine)
    ("The number of deaths due to the blast in Bartin has reached 28.", 28, "killed:total"),
    ("The death toll from a coal mine explosion in northern Turkey rose to at least 40 people and 11 were injured.",
     40, "killed:total"),
    ("The death toll from a coal mine explosion in northern Turkey rose to at least 40 people and 11 were injured.",
     11, "injured:total"),
    ("Funerals began on Sunday as officials raised the death toll to at least 41.", 41, "killed:total"),
    ("The number of injured rose to 736.", 736, "injured:total"),
    ("The toll stood at 35 on Monday.", 35, "killed:total"),
    ("Deaths stood at 40 on Monday.", 40, "killed:total"),
    # the value before and after a change, the parser hanging "to" on "from"; what a count is "of"
    # when the parser reads it as a verb's complement; the second of two verbs that share the
    # toll as subject (divergences/dev, Brumadinho dam, Afghan cold wave)
    ("The number of deaths rose on Sunday from 37 to 58, a spokesperson said.", 58, "killed:total"),
    ("The number of deaths rose on Sunday from 37 to 58, a spokesperson said.", 37, "killed:total"),
    ("The number of confirmed dead from the collapse of a dam in Brazil has risen to 99 from 84.", 99,
     "killed:total"),
    ("The death toll had risen by 88 over the past week and now stood at 166.", 166, "killed:total"),
    # the group the number names stays (divergences/dev, Dagestan attacks)
    ("The fatalities included seven law enforcement officers, a priest, and a church security guard.", 7,
     "killed:security"),
])
def test_what_a_number_sizes(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if q.value == value)
    assert q.category == category


@pytest.mark.parametrize("sentence, counted", [
    # divergences/dev, port explosion: the parse hangs the cause on the toll; it counts no more
    ("adding that the death toll from the blast and the subsequent inferno rose to 70.", "death toll"),
    ("The death toll and the number of injured rose to 70.", "death toll and number"),
    ("A car bomb killed 14 soldiers and police officers.", "soldiers and police officers"),
])
def test_a_tolls_conjunct_counts_only_if_it_is_a_count_or_a_group(nlp, sentence, counted):
    assert next(q for q in figures(nlp, sentence) if q.value in (70, 14)).counted == counted


@pytest.mark.parametrize("sentence, value", [
    ("Some 200 rescuers took part in the search.", 200),  # taking part in what is no gathering
    ("The city is home to three universities and a port.", 3),  # not a population
    ("The lawyers filed 300 pages of evidence in the case.", 300),  # a page count of nothing named
    ("In March, 5,000 people were evacuated from the valley.", 5000),  # the month is no march
])
def test_look_alikes_of_new_measures(nlp, sentence, value):
    q = next(q for q in figures(nlp, sentence) if q.value == value)
    assert q.category not in ("population", "crowd:total") and not (q.category or "").startswith("length")


@pytest.mark.parametrize("sentence, value, category", [
    # a crowd named by taking part in a gathering (divergences/dev, Belgrade protest)
    ("Over 100,000 people gathered in Belgrade for a major anti-corruption rally on Saturday.", 100000,
     "crowd:total"),
    ("275,000 people took part in the protest.", 275000, "crowd:total"),
    ("More than 10,000 people attended the rally.", 10000, "crowd:total"),
    ("Dragana insisted that there were easily over 500,000 protestors.", 500000, "crowd:total"),
    # attending something that is no protest names its audience, not a protest's crowd
    ("Some 500 people attended the funeral.", 500, "crowd:total"),
    # the count noun a range is the value of, before the party that gives it
    ("Vucic said authorities estimated the number of protesters at between 88,000 and 107,000.", 88000,
     "crowd:total"),
    # the parse hangs "at" on the count noun (divergences/dev, Belgrade protest)
    ("Authorities estimated the number of protesters at between 88,000 and 107,000.", 88000, "crowd:total"),
    # gathering or taking part with no object but where: a gathering of its own
    ("Tens of thousands of people gathered in the streets of Belgrade.", None, "crowd:total"),
    ("According to the country's interior ministry, around 1.28 million people took part.", 1280000, "crowd:total"),
    # the thing estimated at a figure is its object, not who estimates it (divergences/dev, a London march)
    ("Organisers estimated the crowd at more than 800,000.", 800000, "crowd:total"),
    # "the march" tagged as a name (the month): still the gathering joined
    ("Organisers said more than 800,000 people joined the march.", 800000, "crowd:total"),
    # a misparse hangs "between ... people" on "said" and leaves "took part" without its subject
    ("However, the Public Assembly Archive, an unofficial organisation estimating the number of protesters in "
     "Serbia, said between 275,000 and 325,000 people took part in the Belgrade demonstration.", 275000,
     "crowd:total"),
])
def test_a_crowd_is_read_from_taking_part(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if value in (q.value, q.low) or value is None and q.vague)
    assert q.category == category


@pytest.mark.parametrize("sentence, value, category", [
    # divergences/dev, a record concert and two stadium crushes: an audience, however it is named
    ("Lady Gaga was performing for an estimated 2.1 million fans during a massive free concert.", 2100000,
     "crowd:total"),
    ("According to organizers, the spectacle attracted over 2.1 million attendees.", 2100000, "crowd:total"),
    ("The free concert is expected to draw more than 1.6 million people.", 1600000, "crowd:total"),
    ("Cisse Lancine estimated there were between 20,000 and 30,000 spectators.", 20000, "crowd:total"),
    ("Out of the 40,000 people in attendance, around 3,000 rushed to the pitch.", 40000, "crowd:total"),
    ("Estimates suggest between 500 and 1,000 guests may have been present.", 500, "crowd:total"),
    # what else befell an audience comes first
    ("Human rights groups claim that over 135 football fans were killed in a stadium crush on Sunday.", 135,
     "killed:total"),
    # a verb of drawing a crowd says nothing of a thing that is no group of people
    ("Madonna, whose 2023 performance at the same venue drew 1.6 million fans, set the record.", 2023, None),
])
def test_an_audience_is_counted_as_such(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if value in (q.value, q.low))
    assert q.category == category


@pytest.mark.parametrize("sentence, value, category", [
    # new dev corpus, the Kuriga kidnapping: what befell the counted, not what they were or what
    # describes them
    ("The army said 137 hostages had been freed.", 137, "freed"),
    ("The governor announced the release of approximately 287 students kidnapped earlier this month.", 287, "freed"),
    ("Five hostages were killed.", 5, "killed"),
    # a noun's own outcome stands when its verb names none
    ("The 30 injured were taken to hospital.", 30, "injured"),
])
def test_what_befell_the_counted_comes_first(nlp, sentence, value, category):
    q = next(q for q in figures(nlp, sentence) if value in (q.value, q.low))
    assert q.category.split(":")[0] == category


@pytest.mark.parametrize("sentence, category", [
    # divergences/dev, Israel protests: the turnout counts who turned out
    ("Media in Israel put the turnout at 250,000 to 300,000 people.", "crowd:total"),
    # a turnout share is a share
    ("Turnout was 58.6%.", "percent:turnout"),
])
def test_a_turnout_counts_who_turned_out(nlp, sentence, category):
    assert [q.category for q in figures(nlp, sentence)] == [category]


@pytest.mark.parametrize("sentence, value, category", [
    # divergences/dev, Johannesburg fire: a number hyphened to the noun it sizes a thing by sizes that
    # thing, and is no count of what befell people ("four" had been read as four killed)
    ("A fire in a four-storey building in Johannesburg killed 74 people.", 4, None),
    ("The consulate is a 35-story skyscraper on First Avenue.", 35, None),
    ("A fire in a four-storey building in Johannesburg killed 74 people.", 74, "killed:total"),
])
def test_a_number_hyphened_to_a_noun_sizes_a_thing(nlp, sentence, value, category):
    (q,) = [q for q in quantities.extract(nlp(sentence), 0) if q.value == value]
    assert q.category == category


@pytest.mark.parametrize("sentence, value, category", [
    # divergences/dev, UK election: "demonstrates" with an object shows; it is no protest
    ("The final tally from the election campaign demonstrates the remarkable turnaround, with Labour going from "
     "202 seats to 411 seats.", 411, "seats"),
    ("1.28 million people demonstrated on Tuesday against the pension plan.", 1280000, "crowd:total"),
])
def test_demonstrating_something_is_no_protest(nlp, sentence, value, category):
    (q,) = [q for q in figures(nlp, sentence) if q.value == value]
    assert q.category == category


@pytest.mark.parametrize("sentence, category", [
    # divergences/dev, a carmaker's union deal: a change in what the compound names counts that
    ("The 35,000 job cuts will occur gradually through 2030.", "jobs"),
    ("The company announced 15,000 job losses.", "jobs"),
    # a compound that is no change of it names a thing of its own
    ("Banks issued 12 million student loans.", None),
])
def test_a_change_in_what_the_compound_names_counts_it(nlp, sentence, category):
    assert [q.category for q in figures(nlp, sentence) if q.category != "date:event"] == [category]


@pytest.mark.parametrize("sentence, category", [
    # the people a vehicle carries, whoever they are (divergences/dev, a shipwreck; a bus crash; a ferry)
    ("As many as 650 migrants may have been onboard when the boat capsized.", "aboard:total"),
    ("According to witnesses there were at least 750 people on board.", "aboard:total"),
    ("The bus carrying 45 passengers had a tire blowout.", "aboard:total"),
    ("The vessel had 182 passengers on board.", "aboard:total"),
    # ...but what befell them comes first, and carrying out is no carrying
    ("All 67 people aboard the two aircraft died.", "killed:total"),
    ("Raids were carried out by 300 soldiers.", "security"),
    ("He sat on the board with 12 other members.", None),
])
def test_the_people_aboard_a_vehicle(nlp, sentence, category):
    assert [q.category for q in figures(nlp, sentence) if q.category != "date:event"][0] == category
