"""Points in time a claim states as figures (ends of periods, clock times, deadlines), and the
dates that only say when something happened."""
from __future__ import annotations

import pytest

from auditor.read.dates import times
from conftest import figures


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
     "weekday-hours", 85, 86),
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


@pytest.mark.parametrize("text", [
    # letters that match a-z only when case is ignored (long s, dotless i, Kelvin sign) must not crash
    # the lookup of the matched word: the text is read, the look-alike word is not a date
    "The park stays closed through ſept. 30.",
    "The order is in effect through frıday evening.",
    "The shelter stays open through Saturday nıght.",
    "Temperatures fell to 300 \u212a on Friday.",
])
def test_look_alike_letters_in_calendar_words(text):
    found = times(text, 0, 0, len(text))
    assert all(q.unit in ("day-of-year", "weekday-hours") for q in found)


# Times of day in the clocks news copy gives them (real sentences of the divergences dev split):
# (sentence, text read, unit, low, high, clock as read)
@pytest.mark.parametrize("sentence, text, unit, low, high, clock", [
    ("The explosion occurred 6:45 pm on Friday at the state-owned TTK Amasra Muessese Mudurlugu mine.",
     "6:45 pm on Friday", "weekday-hours", 4 * 24 + 18.75, 4 * 24 + 18.75, None),
    ("The explosion occurred 300 meters (985 feet) below the entrance of the mine at around 15:15 GMT, the Bartin "
     "governor's office said.", "15:15 GMT", "day-hours", 15.0, 15.5, "UTC"),     # "around": a quarter-hour either way
    ("An earthquake rocked Taiwan just before 8:00 a.m. local time today.", "8:00 a.m. local time", "day-hours",
     7.0, 8.0, "local"),
    ("Search and rescue operations were suspended at 7:30 p.m. ET on Tuesday, as officials transitioned to recovery "
     "efforts.", "7:30 p.m. ET on Tuesday", "weekday-hours", 24 + 19.5, 24 + 19.5, "America/New_York"),
    ("The Singapore-flagged container vessel ploughed into a support pylon of the Francis Scott Key Bridge over the "
     "mouth of the Patapsco River about 1:30am.", "1:30am", "day-hours", 1.25, 1.75, None),
    ("The initial reports of gunfire came around 7 p.m. Moscow time.", "7 p.m. Moscow time", "day-hours", 18.0, 20.0,
     "Europe/Moscow"),
    ("Attackers opened fire at the synagogue and church in Derbent with automatic rifles at around 6:00 p.m. local "
     "time before driving away from the scene, officials reported.", "6:00 p.m. local time", "day-hours", 17.0, 19.0,
     "local"),
    ("The first tremor was recorded at 0800 GMT near the coast.", "0800 GMT", "day-hours", 8.0, 8.0, "UTC"),
    # a bracket closing around the time is no part of it (divergences/dev, Boeing strike)
    ("Workers laid down their tools on Friday (8AM CEST), after a vote.", "8AM CEST",
     "day-hours", 8.0, 8.0, "+02:00"),
])
def test_times_of_day_with_their_clock(sentence, text, unit, low, high, clock):
    (q,) = [q for q in times(sentence, 0, 0, len(sentence)) if q.unit in ("weekday-hours", "day-hours")]
    assert (q.text, q.unit, q.clock, q.category) == (text, unit, clock, "time:at")
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)
    assert sentence[q.start:q.end] == q.text


def test_one_time_in_two_clocks_is_read_twice():
    sentence = ("The magnitude 7.2 earthquake hit Hualien County at 7:58 a.m. local time on Wednesday "
                "(11:58 p.m. GMT on Tuesday) and was felt all across the island.")
    local, gmt = times(sentence, 0, 0, len(sentence))
    assert (local.text, local.clock, local.low) == ("7:58 a.m. local time on Wednesday", "local", pytest.approx(2 * 24 + 7 + 58 / 60))
    assert (gmt.text, gmt.clock, gmt.low) == ("11:58 p.m. GMT on Tuesday", "UTC", pytest.approx(24 + 23 + 58 / 60))


@pytest.mark.parametrize("sentence", [
    "The team came back to win 3:1 after a 15:15 split at the break.",   # a score and a ratio, not times
    "At 9:50 AM, on April 4th, Thai Prime Minister Srettha Thavisin publicly revealed that there were no Thai "
    "casualties.",                                                    # a time of a calendar day the week does not place
    "The order was signed on March 26, 2024, at 12:39 a.m. by the judge.",
    "The rally began at noon the next day.",     # noon, midnight: a time of the story only with a day or a zone
    "Volunteers worked 2020 hours last year.",   # four digits are a time only before GMT, UTC or "hrs"
])
def test_what_is_not_a_time_of_the_story(sentence):
    assert not [q for q in times(sentence, 0, 0, len(sentence)) if q.unit in ("weekday-hours", "day-hours")]


def test_a_zone_word_is_no_place(nlp):
    from auditor.read.claims import features
    sentence = ("The explosion occurred 300 meters (985 feet) below the entrance of the mine at around 15:15 GMT, "
                "the Bartin governor's office said.")
    doc = nlp(sentence)
    found = features(doc, 0, len(sentence))
    assert not any("gmt" in p.lower() for p in found.get("places", ()))
    assert not any(q.place and "gmt" in q.place.lower() for q in figures(nlp, sentence))


@pytest.mark.parametrize("sentence, text", [
    ("The blast was heard at 15:15 near the harbour.", "15:15"),      # past noon: a 24-hour clock
    ("Rail traffic resumed at 06:30 on Tuesday.", "06:30 on Tuesday"),
])
def test_a_24_hour_time_after_at(sentence, text):
    (q,) = times(sentence, 0, 0, len(sentence))
    assert q.text == text


def test_an_hour_that_may_be_morning_or_evening_is_not_read():
    sentence = "Rail traffic resumed at 6:30 on Tuesday."   # 6:30 a.m. or p.m.: the copy does not say
    assert not [q for q in times(sentence, 0, 0, len(sentence)) if q.unit in ("weekday-hours", "day-hours")]
