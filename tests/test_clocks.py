"""Times of day put on the incident's clock: a place's zone, a zone's offset on the day of writing,
and a time written in a zone moved onto the place's clock (real sentences of the divergences dev split)."""
from __future__ import annotations

from datetime import date

import pytest

from auditor.crossdoc import clocks
from auditor.model import Article, Claim, Event
from auditor.read.dates import times
from auditor.read.intervals import describe


@pytest.mark.parametrize("name, context, zone", [
    ("Bartin", (), "Europe/Istanbul"),
    ("Amasra", (), "Europe/Istanbul"),
    ("Turkey", (), "Europe/Istanbul"),             # one clock for the whole country
    ("Hualien County", (), "Asia/Taipei"),
    ("Baltimore", (), "America/New_York"),
    ("Maryland", ("US",), "America/New_York"),     # a US state of one clock, the story being in the US
    ("Derbent", (), "Europe/Moscow"),
    ("United States", (), None),                   # several clocks: the town must be named
    ("Russia", (), None),
    ("Black Sea", (), None),
])
def test_place_zone(name, context, zone):
    assert clocks.place_zone(name, context) == zone


@pytest.mark.parametrize("clock, day, offset", [
    ("UTC", None, 0.0),
    ("-05:00", None, -5.0),
    ("Europe/Istanbul", date(2022, 10, 15), 3.0),
    ("America/New_York", date(2024, 3, 26), -4.0),   # daylight saving began on March 10
    ("America/New_York", date(2024, 1, 26), -5.0),
    ("America/New_York", None, None),                # no day, and the clock changes in the year: unknown
])
def test_utc_offset(clock, day, offset):
    assert clocks.utc_offset(clock, day) == offset


@pytest.mark.parametrize("sentence, place, zone, day, shown, clock", [
    ("The explosion occurred below the entrance of the mine at around 15:15 GMT, the Bartin governor's office said.",
     "Bartin", "Europe/Istanbul", date(2022, 10, 15), "[18:00, 18:30]", "local:Bartin"),
    ("(11:58 p.m. GMT on Tuesday)", "Hualien", "Asia/Taipei", date(2024, 4, 3), "Wed 07:58", "local:Hualien"),
    ("Search and rescue operations were suspended at 7:30 p.m. ET on Tuesday.", "Baltimore", "America/New_York",
     date(2024, 3, 27), "Tue 19:30", "local:Baltimore"),
    ("The initial reports of gunfire came around 7 p.m. Moscow time.", "Derbent", "Europe/Moscow", date(2024, 6, 24),
     "[18:00, 20:00]", "local:Derbent"),
    # a local time stays as written
    ("An earthquake rocked Taiwan just before 8:00 a.m. local time today.", "Hualien", "Asia/Taipei", date(2024, 4, 3),
     "[07:00, 08:00)", "local"),
])
def test_a_time_moved_onto_the_place_clock(sentence, place, zone, day, shown, clock):
    (q,) = times(sentence, 0, 0, len(sentence))
    moved = clocks.to_place_clock(q, place, zone, day)
    assert (describe(moved), moved.clock, moved.text) == (shown, clock, q.text)


def test_incident_clocks_from_the_leads():
    sentence = "The explosion occurred at around 15:15 GMT, the Bartin governor's office said."
    (q,) = times(sentence, 0, 0, len(sentence))
    a = Claim(id="c1", article="a1", start=0, end=len(sentence), text=sentence, sentence=0, quantities=(q,),
              places=("Bartin",))
    b = Claim(id="c2", article="a2", start=0, end=40, text="A blast in a coal mine in Amasra, Turkey", sentence=0,
              places=("Amasra", "Turkey"))
    out = clocks.on_incident_clocks([a, b], [Event(id="e1", articles=("a1", "a2"))],
                                    [Article(id="a1", path="a1.txt", text=sentence, published="2022-10-15"),
                                     Article(id="a2", path="a2.txt", text="", published="2022-10-15")])
    (moved,) = out[0].quantities
    assert describe(moved) == "[18:00, 18:30]" and moved.clock == "local:Amasra"
    # with no place known, the time stays on its own clock
    from dataclasses import replace
    (kept,) = clocks.on_incident_clocks([replace(a, places=())], [], [])[0].quantities
    assert kept.clock == "UTC"


def test_a_claim_on_local_time_is_left_as_it_is():
    zoned = "The explosion occurred at around 15:15 GMT in Bartin."
    local = "The explosion occurred at 6:45 pm local time in Bartin."
    claims = [Claim(id=f"c{k}", article=f"a{k}", start=0, end=len(s), text=s, sentence=0,
                    quantities=tuple(times(s, 0, 0, len(s))), places=("Bartin",)) for k, s in enumerate((zoned, local))]
    out = clocks.on_incident_clocks(claims, [Event(id="e1", articles=("a0", "a1"))],
                                    [Article(id=f"a{k}", path=f"a{k}.txt", text="", published="2022-10-15")
                                     for k in range(2)])
    assert out[0].quantities[0].clock == "local:Bartin" and out[1] is claims[1]


@pytest.mark.parametrize("sentence, place, zone, shown", [
    # undated: "ET" in Baltimore is Baltimore's clock whatever the season
    ("Search and rescue operations were suspended at 7:30 p.m. ET on Tuesday.", "Baltimore", "America/New_York",
     "Tue 19:30"),
    # undated: GMT is 4 hours ahead of Baltimore in summer and 5 in winter, so either
    ("The ship struck the bridge at 05:30 GMT.", "Baltimore", "America/New_York", "[00:30, 01:30]"),
    # undated: "PDT" is Seattle's own summer clock, so the time as written (divergences/dev, Boeing strike)
    ("The strike started at 12:01 a.m. PDT Friday.", "Seattle", "America/Los_Angeles", "Fri 00:01"),
    # ... while CEST is nine or ten hours ahead of Seattle
    ("Workers laid down their tools at 8AM CEST.", "Seattle", "America/Los_Angeles", "[22:00, 23:00]"),
])
def test_an_undated_time_moved_onto_the_place_clock(sentence, place, zone, shown):
    (q,) = times(sentence, 0, 0, len(sentence))
    assert describe(clocks.to_place_clock(q, place, zone, None)) == shown


def test_the_incident_is_told_by_its_town():
    # amasra_mine_blast: every lead names Turkey, some the town; the town says whose time it is
    leads = [Claim(id=f"c{k}", article=f"a{k}", start=0, end=1, text="x", sentence=0, places=places)
             for k, places in enumerate([("Turkey",), ("Turkey", "Amasra"), ("Turkey", "Black Sea")])]
    assert clocks.incident_place(leads) == ("Amasra", "Europe/Istanbul")
