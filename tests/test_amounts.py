"""What a sum of money or a measure with a unit is of: sums classed by what they pay for, their
rounding, speeds, areas, shares, page counts, and sums for each member."""
from __future__ import annotations

import pytest

from auditor.read.intervals import overlaps
from conftest import figures


@pytest.mark.parametrize("sentence, text, category, low, high", [
    ("The nearly $1.2 trillion measure now heads to the House.", "nearly $1.2 trillion", "money:bill", 1.08e12, 1.2e12),
    ("The $1.2 trillion package cleared the chamber after two weeks.", "$1.2 trillion", "money:bill", 1.15e12, 1.25e12),
    ("The Senate approved a roughly $1.2 trillion stopgap on Thursday night.", "roughly $1.2 trillion", "money:bill",
     1.08e12, 1.32e12),
    ("It also includes $21 billion in disaster relief for states hit by hurricanes.", "$21 billion", "money:aid",
     20.5e9, 21.5e9),
    ("Democrats secured $21 billion in disaster aid under the agreement.", "$21 billion", "money:aid", 20.5e9, 21.5e9),
    ("The measure would raise discretionary spending by about $38 billion over last year's levels.",
     "about $38 billion", "money:change:spending", 34.2e9, 41.8e9),
    # a change of another thing is another sum (divergences/dev, a budget: taxes raised by £40 billion,
    # borrowing by £32.3 billion); the tagger's "taxis" for "taxes" is mended
    ("Reeves said she was raising taxes by $40 billion in her first Budget.", "$40 billion", "money:change:tax",
     39.5e9, 40.5e9),
    ("The plan cuts the deficit by $1.5 trillion.", "$1.5 trillion", "money:change:deficit", 1.45e12, 1.55e12),
    ("Lawmakers approved a $2 billion aid package for farmers.", "$2 billion", "money:aid", 1.5e9, 2.5e9),
    ("The bill includes a total of $21 billion in disaster relief.", "$21 billion", "money:aid", 20.5e9, 21.5e9),
    ("The bank agreed to pay a $5 million fine to settle the charges.", "$5 million", "money:penalty", 4.5e6, 5.5e6),
])
def test_sums_of_money_are_classed_by_what_they_pay_for(nlp, sentence, text, category, low, high):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == "USD"]
    assert (q.text, q.category) == (text, category)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize("sentence, text, value", [
    # a deal that buys something, by any of its names, and a sum with its scale word glued on (divergences/dev,
    # a football transfer: "a fee of £86 million" / "a reported £77million move")
    ("Neymar has joined Al Hilal in a reported £77million move.", "£77million", 77e6),
    ("PSG agreed the transfer to Al Hilal for a whopping fee of £86 million.", "£86 million", 86e6),
    ("Al Hilal have agreed a €90 million deal with Paris Saint-Germain for Neymar.", "€90 million", 90e6),
])
def test_the_sum_of_a_deal_by_any_of_its_names(nlp, sentence, text, value):
    (q,) = [q for q in figures(nlp, sentence) if q.text == text]
    assert (q.category, q.value) == ("money:bill", value)


@pytest.mark.parametrize("sentence, text, category", [
    # a sum someone is made to pay is a penalty, as a fine is: the outlets' words for one penalty meet
    ("Former President Donald Trump has been fined $354.8 million.", "$354.8 million", "money:penalty"),
    ("Former President Donald Trump must pay more than $360 million in \u201cill-gotten\u201d gains in a civil fraud "
     "judgment.", "more than $360 million", "money:penalty"),
    ("Trump had already been ordered to pay Carroll $5 million last year.", "$5 million", "money:penalty"),
    # a payment made or agreed is no penalty
    ("The company paid $5 million for the building.", "$5 million", "money:pay"),
    ("Bankman-Fried has been ordered to forfeit $11.02 billion.", "$11.02 billion", "money:forfeit"),
    # several sums of a class, named in the plural: each's or all's, never one of them
    ("Engoron also hit Donald Trump Jr. and Eric Trump with $4 million fines.", "$4 million", "money:penalty:several"),
    ("Trump now owes over $440 million in civil litigation penalties.", "over $440 million", "money:penalty:several"),
    # a plural the class table lists names one sum
    ("The storm caused an estimated $355 million in damages.", "an estimated $355 million", "money:cost"),
    # a sum someone is ordered to pay is imposed, whatever it is paid in
    ("Donald Trump has been ordered to pay $355 million in damages.", "$355 million", "money:penalty"),
    ("Trump Ordered to Pay $355 Million in New York Fraud Case", "$355 Million", "money:penalty"),
    # "a total of" a sum is that sum (divergences/dev, Giuliani verdict)
    ("The jury deliberated for 10 hours before ordering Giuliani to pay the election workers a total of "
     "$148.7 million.", "$148.7 million", "money:penalty"),
    # the level a subject comes to is what the subject names; what a company earns is its earnings
    # (divergences/dev, a company's quarterly results)
    ("While group net profits came in at $1.8bn, the company cut jobs.", "$1.8bn", "money:revenue"),
    ("Revenue grew 8% to $23.51 billion from a year earlier.", "$23.51 billion", "money:revenue"),
    ("Disney said Wednesday that it earned $1.28 billion in the quarter.", "$1.28 billion", "money:revenue"),
    # a sum given as dollars in words is the dollars' ("a fine of ... dollars")
    ("It was a punishing one: a fine of three hundred and fifty-five million dollars.",
     "three hundred and fifty-five million", "money:penalty"),
])
def test_penalties_and_several_sums(nlp, sentence, text, category):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == "USD" and q.text == text]
    assert q.category == category


def test_a_rounded_sum_meets_its_hedged_forms(nlp):
    exact = figures(nlp, "The $1.2 trillion package cleared the chamber.")[0]
    nearly = figures(nlp, "The nearly $1.2 trillion measure now heads to the House.")[0]
    roughly = figures(nlp, "The Senate approved a roughly $1.2 trillion stopgap.")[0]
    assert overlaps(exact, nearly) and overlaps(exact, roughly) and overlaps(nearly, roughly)
    assert exact.window is None  # "after two weeks" of talks does not date the sum


@pytest.mark.parametrize("sentence, category, unit, low, high", [
    # winds "up to" a speed reached it: the peak, not a bound (divergences/dev, Typhoon Yagi)
    ("Wind gusts reached up to 50 mph Thursday afternoon, the National Weather Service said.", "speed:wind", "mph", 50, 50),
    ("Wind gusts of up to 50 miles per hour drove the fire across dry sagebrush.", "speed:wind", "mph", 50, 50),
    ("When you've got 50-mile-an-hour winds pushing a fire, there's no stopping it.", "speed:wind", "mph", 50, 50),
    ("Gusts of 80 km/h toppled trees across the city.", "speed:wind", "mph", 49.70968, 49.70968),
    ("The Whitetail Fire had burned 12,400 acres by Friday afternoon.", "burned:area", "acres", 12400, 12400),
    ("The blaze has scorched about 5,000 hectares of forest.", "burned:area", "acres", 11119.25, 13591.25),
    ("The fire was 5% contained on Friday, the Oregon Department of Forestry said.", "percent:contain", "percent", 5, 5),
    ("Forecasters said humidity could drop below 10% on Saturday.", "percent:humidity", "percent", 0, 10),
    ("A new poll found that 58% of Colorado voters support stricter gun laws.", "percent:support", "percent", 58, 58),
    ("Turnout was 64%, officials said.", "percent:turnout", "percent", 64, 64),
    # a share of a whole, in apposition or after a verb of amounting (divergences/dev, a company's job cuts)
    ("Disney will cut 7,000 jobs, about 4% of the company’s workforce, The New York Times reported.",
     "percent:workforce", "percent", 3, 5),
    ("The job cuts, which amount to about 3% of the company's global workforce, were announced Wednesday.",
     "percent:workforce", "percent", 2, 4),
    # temperatures, in degrees Celsius whatever the scale written (new dev corpus, the hajj heat deaths)
    ("Temperatures in Mecca reached 51.8 degrees Celsius on Monday.", "temperature", "celsius", 51.8, 51.8),
    ("Temperatures hit 125 degrees Fahrenheit in the valley.", "temperature", "celsius", 51.6667, 51.6667),
    ("Pilgrims faced extreme temperatures of up to 49°C.", "temperature", "celsius", 0, 49),
    # a change of temperature is scaled, not moved from the Fahrenheit zero, and is another measure
    ("The region is warming by 0.72 degrees Fahrenheit every decade.", "temperature:change", "celsius", 0.4, 0.4),
    # a distance with its conversion in brackets before its direction (divergences/dev, market ramming, stadium crush)
    ("Magdeburg, about 130 kilometers (80 miles) west of Berlin, is the state capital.", "distance:berlin", "miles",
     72.77823, 88.77823),
    ("Nzerekore lies about 570 kilometers (354 miles) from the capital Conakry.", "distance", "miles", 319.18147, 389.18147),
    # a place written with and without its accents is one (divergences/dev, the Vinhedo crash)
    ("The accident occurred in the town of Vinhedo, a place 80 km northeast of São Paulo.", "distance:sao paulo", "miles",
     49.70968, 49.70968),
    # a spill's volume, in litres whatever the unit written, grows with each estimate as a fire's area
    # does; the spill may be the verb's subject or object (divergences/dev, the Repsol oil spill)
    ("Authorities cordoned off three beaches on Monday after 6,000 barrels of oil spilled.", "spilled:volume",
     "litres", 953922, 953922),
    ("Repsol said the oil spill was calculated to be equivalent to 10,396 barrels.", "spilled:volume", "litres",
     1652828.852, 1652828.852),
    ("The ministry increased the estimated size of the oil spill to more than 10,000 barrels on Friday.",
     "spilled:volume", "litres", 1589870, None),
    ("The tanker leaked 2,000 tonnes of fuel oil.", "spilled:mass", "tonnes", 2000, 2000),
    # a flow is another measure than a volume
    ("The refinery processes 117,000 barrels a day.", "volume/day", "litres", 18601479, 18601479),
])
def test_measures_carry_their_unit_and_what_they_measure(nlp, sentence, category, unit, low, high):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == unit]
    assert q.category == category
    assert q.low == pytest.approx(low) and (q.high is high if high is None else q.high == pytest.approx(high))


@pytest.mark.parametrize("sentence, kept", [
    # a measure restated in other units in brackets is one figure, read once
    ("Temperatures reached 51.8 degrees Celsius (125 Fahrenheit) at the Grand Mosque.", ["51.8 degrees Celsius"]),
    ("The explosion occurred 300 meters (985 feet) below the entrance of the mine.", ["300 meters"]),
    # a conversion cut to its last digit is still a conversion: 25 km is 15.5 miles
    ("The quake struck 25 kilometres (15 miles) southeast of Hualien City.", ["25 kilometres"]),
    # two figures in brackets that differ are two figures
    ("The mine is 300 meters (1,500 feet at its deepest) below ground.", ["300 meters", "1,500 feet"]),
])
def test_a_conversion_in_brackets_is_read_once(nlp, sentence, kept):
    assert [q.text for q in figures(nlp, sentence) if q.unit] == kept


def test_a_level_a_measure_soars_to_is_no_running_count(nlp):
    (q,) = [q for q in figures(nlp, "Temperatures soared to a maximum of 51.8 degrees Celsius.") if q.unit]
    assert q.window is None


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


@pytest.mark.parametrize("sentence, category", [
    # one party's share, however the outlet names the party (divergences/dev, South Africa election)
    ("As vote counting continued on Friday, the ANC received only 42 per cent of the confirmed votes.", "percent:anc"),
    ("With almost all votes counted, the ruling African National Congress (ANC) won just 40.21 percent.",
     "percent:anc"),
    ("The Democratic Alliance was next with 23 per cent.", "percent:da"),
    ("In second place is the conservative Democratic Alliance (DA), with 22.2 percent of the votes.", "percent:da"),
    ("Labour has so far won only 33.8 per cent of the votes cast.", "percent:labour"),
    ("The main opposition Democratic Alliance (DA) received the second highest number of votes (21.78 percent).",
     "percent:da"),
    ("The surprising uMkhonto we Sizwe (MK) party managed to win in KwaZulu-Natal with 45.2 percent of the votes.",
     "percent:mk"),
    ("In KwaZulu-Natal, former President Jacob Zuma’s MK party has the highest number of votes at some 46 percent.",
     "percent:mk"),
    # a word before the number qualifies the figure, not what it is a share of
    ("Meanwhile, the Economic Freedom Fighters (EFF), with a provisional 9.4 percent, was relegated to fourth place.",
     "percent:eff"),
    ("At the national level the MK became the third political party in the country with a momentary 13 percent.",
     "percent:mk"),
    # a vote's share is the share of what it was for (divergences/dev, Boeing strike)
    ("Boeing workers walked off the job early on Friday after 96% voted in favor of a strike.", "percent:strike"),
    ("The union added that 94.6% had voted in favour of rejecting the contract.", "percent:reject"),
    ("The union announced 94.6 percent of workers had voted to reject the proposal.", "percent:reject"),
    ("Union members voted to reject the contract, with 96% of voting workers rejecting it.", "percent:reject"),
    ("In the referendum, 52% voted in favour.", "percent:vote"),
    # a share of a thing is still the thing's
    ("The fire is 5% contained.", "percent:contain"),
    ("The Bureau of Labor Statistics reported the employment-population ratio (60.3%).", "percent:ratio"),
    # the common noun before a measure's noun says which of its kind it is; a hyphened modifier does not
    ("The US unemployment rate decreased from 3.9% to 3.8%.", "percent:unemployment rate"),
    ("The key deposit rate was lowered a quarter point to 3.75 percent.", "percent:deposit rate"),
    ("The short-term rate was raised to a range of 0 to 0.1pc from minus 0.1pc.", "percent:rate"),
    # nor does the measure's own unit (divergences/dev, a GDP release): "a 3.3% fall" is a fall
    ("The economy shrank following a 3.3% fall in the July to September quarter.", "percent:fall"),
    ("The economy suffered a 2.9 per cent contraction in the July-September quarter.", "percent:contract"),
    # a share hung from a verb of expecting is a share of what is expected (divergences/dev, a central
    # bank's projections)
    ("Economic growth is expected to pick up to 0.9% in 2024, 1.4% in 2025 and 1.7% in 2026.", "percent:growth"),
    ("In its latest forecasts, the ECB projects economic growth to pick up to 0.9% in 2024, 1.4% in 2025, and 1.6% "
     "in 2026.", "percent:growth"),
])
def test_a_share_is_its_holders(nlp, sentence, category):
    assert {q.category for q in figures(nlp, sentence) if q.unit == "percent"} == {category}


@pytest.mark.parametrize("sentence, text, category", [
    # a share the words beside it give to a named side is that side's, not the clause subject's
    # (divergences/dev, a US primary: "Bush's 45.6%" was compared with Bell's 51.2 percent)
    ("Bell won a little over 51% of the vote to Bush’s 45.6% when the Associated Press called the race.",
     "45.6%", "percent:bush"),
    ("Bell captured 51% of the vote, compared with 45% for Bush.", "45%", "percent:bush"),
    ("Suozzi won nearly two thirds of the total Queens vote, pulling in 61 percent to Pilip’s 33 percent.",
     "33 percent", "percent:pilip"),
    # the second of "N% to M%" is the runner-up's, unnamed here: no one's share rather than the winner's
    ("Suozzi won 91,338 of the votes to Pilip’s 78,229 – nearly 54% to 46% – in a race with high turnout.",
     "46%", None),
    # how much of the count is in is the count's progress, nobody's share
    ("With 100% of the precincts reporting, Suozzi won 91,338 of the votes.", "100%", "percent:count"),
])
def test_a_share_beside_a_named_side_is_that_sides(nlp, sentence, text, category):
    (q,) = [q for q in figures(nlp, sentence) if sentence[q.start:q.end].endswith(text)]
    assert q.category == category


@pytest.mark.parametrize("sentence, text, category", [
    # new dev corpus, the House aid vote: the one party a sum is for is its kind, whatever noun names
    # the sum, so one recipient's share is not compared with the whole package, and is with another
    # outlet's figure for that recipient
    ("The package includes about 61-billion dollars in aid for Ukraine.", "about 61-billion", "money:for ukraine"),
    ("The bill provides over 60-billion dollars to help Ukraine’s war against Russia.", "over 60-billion",
     "money:for ukraine"),
    ("The $26.4 billion bill to support Israel passed with a 366-58 vote.", "$26.4 billion", "money:for israel"),
    # a bare sum in a list of sums takes the currency written once before it
    ("The bill provides over 60-billion dollars to help Ukraine’s war against Russia, 23 billion for Israel and "
     "about eight billion for Taiwan and the Indo-Pacific.", "23 billion", "money:for israel"),
    # several recipients: the whole, not one's part
    ("The House passed a $95 billion package for Ukraine, Israel and Taiwan.", "$95 billion", "money:bill"),
    # a number and its scale word joined by a hyphen are one sum, and so is a currency word after one
    ("The House on Saturday passed a 95-billion-dollar legislative package.", "95-billion", "money"),
])
def test_a_sum_for_one_party(nlp, sentence, text, category):
    (q,) = [q for q in figures(nlp, sentence) if q.text == text]
    assert q.category == category and q.unit == "USD"


@pytest.mark.parametrize("sentence, text, unit", [
    ("The bill provides over 60-billion dollars to help Ukraine, 23 billion for Israel and about eight billion "
     "for Taiwan.", "about eight billion", "USD"),
    # a number with a noun of its own after a sum is a count, not a sum
    ("Damage is estimated at $2 billion, and 1.5 million people were displaced.", "1.5 million", None),
    # a bare number with no scale word after a sum is not read as one
    ("The fund paid out $2 billion, and 40 for the region.", "40", None),
])
def test_a_bare_sum_in_a_list_takes_the_currency_written_before_it(nlp, sentence, text, unit):
    (q,) = [q for q in figures(nlp, sentence) if q.text == text]
    assert q.unit == unit


@pytest.mark.parametrize("sentence, text, category", [
    # new dev corpus, the New York primary: whose votes a count is
    ("Cuomo ultimately received 44% of votes, or 428,530 votes.", "428,530", "votes:cuomo"),
    ("Mamdani emerged as the clear winner with 56%, or a total of 545,334 votes.", "545,334", "votes:mamdani"),
    ("The 543,344 votes Mamdani received through ranked-choice voting represent the highest total.", "543,344",
     "votes:mamdani"),
    # a person by the surname, however fully named, and through a relative pronoun (divergences/dev, a speaker's
    # election)
    ("Rep. Hakeem Jeffries, who was nominated by Democrats, got all 212 votes from his party members.", "212",
     "votes:jeffries"),
    ("Jordan, who received 198 votes, can only lose four GOP votes on the House floor.", "198", "votes:jordan"),
    # votes one may lose are nobody's count (devset, the Speaker's margin)
    ("Speaker Warren Tibbs (R-Ohio) can lose only two votes on a party-line vote.", "two", "votes"),
])
def test_whose_votes_a_count_is(nlp, sentence, text, category):
    (q,) = [q for q in figures(nlp, sentence) if q.text == text]
    assert q.category == category


@pytest.mark.parametrize("sentence, text, category, under_way", [
    # new dev corpus, the New York primary: the share counted so far is the count's, and a share given
    # with it is given while the count is under way
    ("With 93 percent of the results in, Mr. Mamdani was the first choice of 43.5 percent of voters.", "93 percent",
     "percent:count", True),
    ("With 93 percent of the results in, Mr. Mamdani was the first choice of 43.5 percent of voters.", "43.5 percent",
     "percent:mamdani", True),
    ("Mamdani emerged as the clear winner with 56%, or a total of 545,334 votes.", "56%", "percent:mamdani", False),
])
def test_a_share_given_while_the_count_runs(nlp, sentence, text, category, under_way):
    (q,) = [q for q in figures(nlp, sentence) if q.text == text]
    assert q.category == category and ("under way" in (q.window or "")) is under_way


@pytest.mark.parametrize("sentence, held", [
    # new dev corpus, the German election: seats are a side's, and a list of sides' seats written after
    # one of them gives each its own ("AfD — 151", "the AfD (152)")
    ("According to the election results, CDU will receive 208 seats, AfD — 151, SPD — 121, the Left Party — 64.",
     {"208": "seats:cdu", "151": "seats:afd", "121": "seats:spd", "64": "seats:lp"}),
    ("The CDU holds the most seats (164), followed by the AfD (152), SPD (120), and the Greens (85).",
     {"164": "seats:cdu", "152": "seats:afd", "120": "seats:spd", "85": "seats:greens"}),
    # a list that is no one's count stays as it is
    ("There are a total of 630 seats in the German parliament.", {"630": "seats"}),
])
def test_seats_are_a_sides(nlp, sentence, held):
    assert {q.text: q.category for q in figures(nlp, sentence) if q.text in held} == held


@pytest.mark.parametrize("sentence, category", [
    # divergences/dev, a central bank's rate cut: a rate a proper name or acronym sets apart is that name's,
    # not the repo rate's; a country leaves the rate as it is, a common noun before it says which rate it is
    ("Other Adjustments: Standing Deposit Facility (SDF) rate: 6.00%", "percent:sdf"),
    ("The RBI cut the repo rate to 6.25% on Friday.", "percent:rate"),
    ("The US unemployment rate (3.8%) fell.", "percent:unemployment rate"),
])
def test_a_named_rate_is_its_names(nlp, sentence, category):
    (q,) = [q for q in figures(nlp, sentence) if q.unit == "percent"]
    assert q.category == category
