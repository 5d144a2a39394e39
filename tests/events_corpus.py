"""Short reports of real incidents, read as the pipeline reads them, shared by the events tests
(tests/test_events*.py): one story told by two outlets, two incidents of one region, one movement's
strike days a week apart."""
from __future__ import annotations

from auditor.config import DEFAULT_SPACY_MODEL
from auditor.model import Article, Sentence
from auditor.read import claims as C
from auditor.read.nlp import parse


def corpus(texts: dict[str, list[str]], published: dict[str, str] | None = None):
    """Articles of one line a sentence (`published`: id -> day of publication) and their claims."""
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
    """The incidents as sets of article ids: what an editor sees grouped, order aside."""
    return {frozenset(e.articles) for e in events}


def one(aid: str, lines: list[str], published: str | None = None):
    """One article and its claims, as `profile` takes them."""
    articles, claims = corpus({aid: lines}, {aid: published} if published else None)
    return articles[0], claims


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
NOTO_2023 = ["M6.3 Earthquake Hits Ishikawa Prefecture, Killing 1 Person",
             "At least one person was killed in Suzu, Ishikawa Prefecture, after a strong earthquake hit on Friday."]
NOTO_2024 = ["Japan quake update: death toll hits 15",
             "A powerful earthquake struck Japan's Ishikawa Prefecture on New Year's Day, claiming 15 lives."]


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
# One quake told with different emphases (the dead, the landslides, the trapped): only the county
# and the gorge, which every report names, bind them.
HUALIEN = {
    "q1": ["A powerful earthquake struck Hualien on Wednesday morning, killing four people.",
           "Rescuers searched for hikers in Taroko Gorge."],
    "q2": ["Nine people died after the strongest quake in 25 years hit Hualien.",
           "Landslides blocked roads near Taroko Gorge."],
    "q3": ["Rockfalls trapped hotel workers near Taroko Gorge in Hualien after the earthquake.",
           "More than 1,000 people were injured across the island."],
}
# A president's tariff posts and his indictment: one name in common, two stories.
TRUMP = {
    "t1": ["Donald Trump praised tariffs in a post on Truth Social.",
           "Donald Trump said tariffs made the Federal Reserve look stupid."],
    "t2": ["Donald Trump defended tariffs on Truth Social.", "Donald Trump attacked the Federal Reserve again."],
    "p1": ["Mike Pence told Jack Smith that Donald Trump pressed him to reject the electors.",
           "Pence kept notes of their meetings."],
    "p2": ["Special counsel Jack Smith cited the notes of Mike Pence in the indictment of Donald Trump.",
           "Pence declined to comment."],
}
# Two incidents of one airline at one airport, on a Sunday and on a Friday.
FLIGHTS = {
    "f1": ["An off-duty pilot tried to shut down the engines of an Alaska Airlines flight on Sunday.",
           "The Horizon Air plane from Everett was diverted to Portland, Oregon."],
    "f2": ["Joseph Emerson was charged after he tried to cut the engines of an Alaska Airlines flight on Sunday.",
           "The Horizon Air jet from Everett landed in Portland, Oregon."],
    "g1": ["A door plug blew out of an Alaska Airlines jet on Friday shortly after takeoff from Portland, Oregon.",
           "The Boeing 737 Max 9 returned safely."],
    "g2": ["A panel tore off an Alaska Airlines Boeing 737 Max 9 on Friday over Portland, Oregon.",
           "All 171 passengers were safe."],
}
