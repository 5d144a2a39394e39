"""Sources: every party an article credits for its information, with the evidence of each credit.

Why: an editor comparing articles needs to know not only what they say but on whose word
(officials? a wire agency? a minister quoted through Reuters?). A party counts as a source when
the article credits it, not when it is merely mentioned:
- direct or reported speech: the subject of a reporting verb that carries a quote, a clause
  ("officials said the attacks ..."), a venue ("said in a statement") or a factual object
  ("officials confirmed the toll");
- "according to X" (and "according to a report by X"), "as reported by X", "cited by X";
- "X told <outlet>" (the outlet is credited too, and X is reached via it);
- "citing X" ("Reuters reported, citing the sheriff's office": the office via Reuters), and the
  compiler of figures ("according to figures compiled by X");
- credit lines: "— Reuters", "With additional input from Reuters", "(AP) —", "WASHINGTON, July 9
  (Reuters) -", "Photo: AFP", post credits "— X/@handle", and contributor lines ("The Associated
  Press contributed to this report", "CNN's Jane Doe contributed": the outlet, not its staff);
- photo credits in every house style ("Washington Post photo by X", "(Photo by PA Wire/X)",
  "(X/POLITICO via AP Images)", "REUTERS/X/File Photo"), an outlet's programme or staff ("CBS’
  “Face the Nation”", "NPR White House correspondent X"), a programme no outlet owns ("said on
  “Fox and Friends”"), "Speaking to LBC", "(Headline USA) ..." opening a story, "Reuters | London |"
  source lines and masthead lines; the position or a known name makes an outlet, never a
  photographer's own name.
One party credited under two forms in an article is one source named by its fuller form (AP /
Associated Press, OMB / Office of Management and Budget, the Post / The Washington Post, a lone
surname / the full name); a bare description that names nobody ("the agency") is no source.
Chains are kept ("officials cited by Al Jazeera" -> officials, via ("Al Jazeera",)).

Outlets are recognised by position (credit lines, "told", "reported" with an organisation as
subject), by the shape of media names (Times, Post, News, TV...) and by a short list of the
major wire agencies and broadcasters; kinds are otherwise read from the parse (person names,
anonymous plurals, offices of state).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from auditor import vocab
from auditor.model import Article, Claim, Quote, Source, Span
from auditor.read import names as names_mod
from auditor.read import places
from auditor.read.claims import LEGAL_FORMS
from auditor.read.dates import is_zone_word
from auditor.read.speakers import (can_speak, tokens_with, INFO_NOUNS, INFO_OBJECT_LEMMAS, INSTITUTIONS, ORG_TYPE_ALIASES, REPORTING_LEMMAS, TITLE_EXPANSIONS, TITLE_WORDS, VENUE_NOUNS, WEAK_REPORTING_LEMMAS, Mention, Resolver, bare_description, org_type, is_reporting, outlet_quoting, party_in_info_noun, quoted_person, subject_of, token_range, verb_read_as_plural)

log = logging.getLogger(__name__)

# The major wire agencies and broadcasters (general knowledge, matched on the whole name).
_NAMED_IN_FULL_ONLY = vocab.words("national_outlets")
KNOWN_OUTLETS = vocab.words("news_outlets") | _NAMED_IN_FULL_ONLY | frozenset(
    name for row in vocab.rows("news_agencies") for name in (row[0], *row[2:3], *(row[3].split(", ") if len(row) > 3 else ())) if name)
# Words that give a media name its shape ("The Express Tribune", "Geo News", "Radio Pakistan").
MEDIA_WORDS = vocab.words("media_name_words")
MEDIA_HEADS = frozenset({"media", "newspaper", "broadcaster", "outlet", "television", "tv", "radio", "daily",
                         "tabloid", "newswire", "publication"})
# What one gives a news medium and no other body: "in an interview with The Atlantic", "an op-ed for
# The Washington Post": the named organisation it is given to is a news outlet.
MEDIA_PIECES = vocab.words("media_pieces")
# Heads that are media only with a news word before them: "news agency", not "energy agency".
MEDIA_HEADS_QUALIFIED = frozenset({"agency", "channel", "wire", "paper", "network", "service", "site", "website",
                                   "outlet", "portal", "station"})
NEWS_QUALIFIERS = vocab.words("news_qualifiers")
MEDIUM_NOUNS = MEDIA_HEADS | MEDIA_HEADS_QUALIFIED  # every noun for a medium, qualified or not
NOT_MEDIA = frozenset({"ministry", "department", "bureau", "council", "information", "office", "conference",
                       "secretary", "release", "club", "minister", "briefing", "committee", "commission"})
# Bodies of state only when a place or a public adjective qualifies them ("Pakistan Army", not "Liberation Army").
GOV_WEAK = vocab.tagged("body_words", "weak")
# Offices of state: always government (the people who hold them, from person_roles, and the bodies).
GOV_STRONG = vocab.tagged("person_roles", "state") | (INSTITUTIONS - GOV_WEAK) | frozenset("""
ministry embassy embassies consulate governments authorities authority bureau department army-chief
white state-department foreign-office
""".split())
GOV_QUALIFIERS = vocab.tagged("body_qualifiers", "public")
NON_STATE_HEADS = vocab.tagged("body_words", "nonstate")
PLATFORMS = vocab.words("platforms")
PERSON_ROLES = frozenset(row[0] for row in vocab.rows("person_roles"))
GENERIC_ROLE_WORDS = vocab.tagged("person_roles", "generic")
CITED_ROLE_WORDS = vocab.tagged("person_roles", "cited")  # people cited by what they do ("a lawyer said")
STAFF_WORDS = vocab.tagged("person_roles", "staff") | frozenset({"desk", "staff", "agencies", "team", "bureau"})
CHAIN_LEMMAS = frozenset({"cite", "quote", "report", "tell"})
# Common nouns for people or bodies who can be cited ("citing officials", "citing two sources"), as
# opposed to reasons ("citing supply problems"); titles and offices count too.
PARTY_NOUNS = vocab.tagged("person_roles", "cited") | frozenset({"people", "authority", "agency", "family"})
# Verbs of appearing before an audience: "Speaking to LBC", "talking on CNN".
SPEAKING_LEMMAS = frozenset({"speak", "talk", "appear"})
MAX_CUE_GAP = 25  # characters between a party's mention and its cue for one evidence span
KIND_RANK = {"outlet": 5, "person": 4, "government": 3, "organization": 2, "anonymous": 1}

_DASH_LINE = re.compile(r"^\s*[—–―-]{1,2}\s*(?P<body>\S.{0,80}?)\s*$")
_INPUT_FROM = re.compile(r"(?i)\b(?:with\s+)?(?:additional\s+)?(?:inputs?|information|additional\s+reporting)\s+(?:from|by)\s+"
                         r"(?P<names>[^\n()]{2,80}?)\s*(?=[)\n]|\.\s|\.?$)")
_PHOTO = re.compile(r"(?im)(?:^|[\s(|])(?:file\s+)?(?:photos?|images?|pictures?|photographs?|videos?|graphics?|screengrab)"
                    r"(?:\s+(?:credit|courtesy))?\s*[:|]\s*(?P<names>[A-Z][^\n()]{1,60}?)\s*(?=[)\n]|$)")
_DATELINE = re.compile(r"(?m)^\s*[A-Z][A-Za-z0-9 .,'’/-]{1,50}?\s*\((?P<names>[A-Z][A-Za-z .&-]{1,30})\)\s*[—–-]")
_DATELINE_COMMA = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40},\s*(?P<names>[A-Z][A-Za-z]{1,11}(?:\.[a-z]{2,3})?)\s*[—–]\s")  # "Bandar Abbas, IRNA – "
_TRAILING_DASH = re.compile(r"(?:\s[—–]|(?<=[.!?”\"])[—–-])\s*(?P<names>[A-Z][\w&.'’/@ -]{1,40}?)\s*$")
# (the second form: an agency's sign-off glued to the last sentence, "... since late 2019.-Bernama")
# "CBS’ “Face the Nation”", "NPR's Deepa Shivaram", "CNN International’s “Amanpour”": a name
# owning a programme or a person, tested as an outlet's name (known or media-shaped).
_POSSESSIVE = re.compile(r"(?P<names>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,3})(?:(?:[’']s?)[ ]+(?=[“\"‘']?[A-Z])"
                         r"|[ ](?P<medium>magazine|newspaper|network|channel|website|broadcaster)(?:[’']s?)?[ ])")
# Photo and video credits: "Washington Post photo by X", "(Photo by PA Wire/X)", "AP Photo/X",
# "(Francis Chung/POLITICO via AP Images)", "REUTERS/Dado Ruvic/File Photo", "<channel>/Handout via REUTERS".
_PHOTO_BY = re.compile(r"(?i)(?:^|[\s(])(?:photo|photograph|image|picture|video)s?\s+(?:by|courtesy(?:\s+of)?)\s+"
                       r"(?P<names>[A-Z][^\n()|,;]{1,60}?)\s*(?=[)\n]|$|,|;)")
# "A New York Times/Siena College poll", "a Washington Post-ABC News survey": whoever ran the poll.
_POLL = re.compile(r"(?P<names>[A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*){0,5}(?:[ ]?[/-][ ]?[A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*){0,4})*)"
                   r"[ ](?:poll|survey)\b")
# "according to a Reuters tally", "a New York Times count", "an NBC News projection": a medium's own
# count or inquiry (credited only when the name is a known outlet: "a Pentagon review" is no medium's)
_OUTLET_WORK = re.compile(r"(?P<names>[A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*){0,4})[ ]"
                          r"(?:tally|tallies|count|analysis|projection|estimate|review|investigation|calculation)\b")
# "Projections for ARD and ZDF public television", "an exit poll for the BBC": the media a poll is made for
_MADE_FOR = re.compile(r"(?i:\b(?:polls?|projections?|surveys?|forecasts?)[ ]+(?:(?:conducted|carried[ ]out|done)[ ]+)?"
                       r"for[ ]+(?:the[ ]+)?)(?P<names>[A-Z][\w&.'’-]*(?:[ ](?:[A-Z][\w&.'’-]*|and))*)")
# "This story was originally published by The Texas Tribune.", "This article first appeared on Politico."
_REPUBLISHED = re.compile(r"(?i:\b(?:this|the)\s+(?:story|article|report|piece|post|column|essay)\s+(?:was\s+|is\s+)?"
                          r"(?:originally\s+|first\s+|previously\s+)?(?:published|appeared|ran|posted)\s+(?:by|in|on|at|with)\s+)"
                          r"(?P<names>[A-Z][\w&.'’ -]{1,50}?)(?=[.,;\n]|$)")
# "Read more at Newsmax", "Continue reading on Politico": where the rest of a syndicated story is
_READ_MORE = re.compile(r"\b(?:Read\s+more|Read\s+the\s+full\s+(?:story|article)|Continue\s+reading)\s+(?:at|on)\s+"
                        r"(?P<names>[A-Z][\w&.'’ -]{1,40}?)(?=[.,;:©\n]|\s*$)")
# "© 2025 Newsmax. All rights reserved.": the holder of the text's rights
_RIGHTS_RESERVED = re.compile(r"[.,;]?\s*All\s+rights\s+reserved", re.I)  # matched right after the name
# "Source: Bloomberg" on a line of its own, or under its label ("Reference(s):" then "cgtn.com")
_SOURCE_LINE = re.compile(r"(?m)^[ \t]*(?P<open>[\[(])?(?:Sources?|Via|References?|Reference\(s\))[ \t]*:[ \t]*\n?[ \t]*"
                          r"(?P<names>[A-Za-z][\w&.'’ /,-]{1,60}?)[ \t]*(?(open)[\])])[ \t]*$")  # "[Source: Reuters]"
# "told CBS’ affiliate WPEC", "NBC station KNBC": a network's local station, named by its call letters
_AFFILIATE = re.compile(r"(?P<network>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,2})(?:[’']s?)?[ ](?:local[ ])?(?:affiliate|station)"
                        r"[ ](?P<names>[A-Z][A-Z0-9]{2,5}(?:-(?:TV|FM|AM|DT))?)\b")
# "Al Jazeera could not immediately verify the videos": an outlet telling what it checked itself
_OWN_CHECK = re.compile(r"(?P<names>[A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*){0,3})[ ]+(?:could[ ]not|couldn[’']t|"
                        r"was[ ]unable[ ]to|has[ ]not|had[ ]not|did[ ]not)[ ]+(?:(?:independently|immediately|yet)[ ]+)?"
                        r"(?:verify|confirm|authenticate)\b")
# "Copyright 2024 The Associated Press. All rights reserved.", "© Reuters."
_COPYRIGHT = re.compile(r"(?:©|\bCopyright\b)[ ]*(?:\(c\)[ ]*)?(?:\d{4}(?:[–-]\d{4})?,?[ ]+)?(?P<names>[A-Z][\w&.'’ -]{1,40}?)(?=[.,;\n]|$)")
_OWNER_PHOTO = re.compile(r"(?m)^\s*(?P<names>[A-Z][\w&.' -]{1,40}?)\s+(?:photo|photograph|image|video)s?\s+by\b")
_SLASH_CREDIT = re.compile(r"(?P<names>[A-Z][\w&.'’-]*(?:[ ][A-Za-z][\w&.'’-]*){0,3}(?:[ ]?/[ ]?[A-Z][\w&.'’-]*(?:[ ][A-Za-z][\w&.'’-]*){0,3})+"
                           r"(?:[ ]via[ ][A-Z][\w&.'’-]*(?:[ ][A-Z][\w&.'’-]*){0,2})?)")
_CREDIT_NOISE = re.compile(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, vocab.words("picture_credit_words")),
                                                          key=len, reverse=True)) + r")\b")
# "(Headline USA) Former Vice President ...": an outlet in brackets opening the story;
# "Reuters | London | Updated: ...": a source line of cells.
_BRACKET_OPENING = re.compile(r"(?m)^\s*\((?P<names>[A-Z][A-Za-z .&-]{1,30})\)\s*(?:[—–-]\s*)?(?=[A-Z“\"])")
# "(AFP)", "(Reuters)" set in brackets inside the text (a photo's credit run into it); "X via Getty
# Images", a short line crediting a picture to an agency.
_BRACKETED = re.compile(r"\((?P<names>[A-Z][A-Za-z.&' -]{1,30}?)\)")
_BRACKETED_PICTURE = re.compile(r"\((?P<names>[A-Z][A-Za-z.&' -]{1,30}?):[ ]*[A-Z][^()\n:]{1,60}\)")  # "(AP: Mark Von Holden)"
# "Joe Holleman and Austin Huguelet | (TNS) St. Louis Post-Dispatch": writers, then their paper
_WRITERS_THEN_PAPER = re.compile(r"^\s*[A-Z][\w.'’-]*(?:[ ](?:[A-Z][\w.'’-]*|and))*[ ]*\|[ ]*(?:\([A-Z]{2,8}\)[ ]*)?"
                                 r"(?P<names>[A-Z][^|\n]{1,50}?)[ ]*$")
_BYLINE_CELLS = re.compile(r"(?i:^\s*by)\s+(?P<names>[A-Z][^|\n]{1,60}?)\s*\|")  # "by The Associated Press | Feb. 28"
_VIA_LINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n.!?]{0,60}?[ ]via[ ](?P<names>[A-Z][\w&.'’ -]{1,40}?)[ \t]*$")
_JOINT_BYLINE = re.compile(r"^\s*(?P<a>[A-Z][\w.&'’-]*(?:[ ][A-Z][\w.&'’-]*){0,3})[ ]+(?:with|and)[ ]+"
                           r"(?P<b>[A-Z][\w.&'’-]*(?:[ ][A-Z][\w.&'’-]*){0,3})\s*$")
_BYLINE_OPENING = re.compile(r"^\s*By\s+(?P<names>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,3})")  # "By AP Updated On ..."
# a byline of writers with the wire's name glued to the last one, its space lost in the page's text
_GLUED_BYLINE = re.compile(r"^\s*(?:[A-Z][\w.'’-]*[ ,]+(?:and[ ]+)?){1,11}[A-Z][\w.'’-]*?[a-z](?P<names>[A-Z][A-Za-z]+)\s*$")
_CELL_LINE = re.compile(r"^\s*(?P<names>[A-Z][\w .&-]{1,30}?)\s*\|")
# "NPR White House correspondent Franco Ordoñez": an outlet naming its own staff.
_STAFF_OF = re.compile(r"(?P<names>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,4})[ ](?:(?:chief|senior|national|political|"
                       r"foreign|special|investigative|White|House|[A-Z][\w]*)[ ]){0,3}(?:correspondent|reporter|"
                       r"editor|anchor|host|columnist|journalist|producer)s?\b")
_MEDIUM_THEN_NAME = re.compile(r"\b(?:" + "|".join(sorted(MEDIA_HEADS | {"channel"}, key=len, reverse=True))
                               + r"|(?:" + "|".join(sorted(NEWS_QUALIFIERS, key=len, reverse=True)) + r")\s+(?:"
                               + "|".join(sorted(MEDIA_HEADS_QUALIFIED, key=len, reverse=True))
                               + r"))\s+(?P<name>(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})$", re.I)
# (the medium's words in any case, its name capitalised: "state media outlet MIA" is MIA, not "outlet MIA")
_NAMED_AFTER = re.compile(r"[ ]+(?:[A-Z][\w.'’-]*[ ]+)*[A-Z][\w'’-]+")  # the staff member's name after the role
_FORMER_BEFORE = re.compile(r"(?i)\b(?:former|ex-?)\s*$")
# "said on “Fox and Friends”", "told “Meet the Press”": a programme the speaker appeared on.
_ON_PROGRAMME = re.compile(r"(?i)\b(?:said|says|told|tells|appear\w*|speaking|spoke|interview\w*|remarks)"
                           r"\s+(?:on|to|with)\s+[“\"](?P<names>[A-Z][^”\"\n]{1,40}?)[,.]?[”\"]")
_POSTER_NAME = re.compile(r"(?:^|[—–-]\s*)(?P<name>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,4})\s*\(\s*$")
_HANDLE = re.compile(r"@(?P<handle>[A-Za-z0-9_]{2,30})")
# "The Associated Press contributed to this report.", "Reuters contributed reporting.",
# "Associated Press writers A and B contributed.", "CNN’s Jane Doe contributed to this story."
_CONTRIBUTED = re.compile(r"^\s*(?P<names>[A-Z][^\n]{1,200}?)\s+(?:also\s+)?contributed"
                          r"(?:\s+(?:to\s+(?:this|the)\s+(?:report|story|article|coverage|reporting)"
                          r"|(?:additional\s+)?reporting(?:\s+(?:to\s+this\s+(?:report|story)|from\s+[^.\n]{1,60}))?))?"
                          r"\s*\.?\s*$")
# Words for the staff an outlet sends: "Associated Press writer", "Reuters correspondents".
CONTRIBUTOR_WORDS = vocab.tagged("person_roles", "contributor") | frozenset({
    "staff", "investigative", "political", "chief", "senior", "national", "congressional", "data", "video", "in", "from", "at"})


def _party_behind(obj):
    """The party credited by the object of "according to" or "per": a party, or the party inside an
    information noun ("according to a statement from the ministry"); None when that noun names none."""
    if obj.lemma_.lower() in INFO_NOUNS and obj.pos_ == "NOUN":
        return party_in_info_noun(obj)
    return obj


@dataclass(frozen=True)
class Credit:
    """One crediting of a party: the raw material of a Source."""

    name: str
    kind: str
    start: int  # evidence span
    end: int
    cue: str
    role: Optional[str] = None
    via: tuple[str, ...] = ()
    handle: Optional[str] = None


_MISTYPED_MEDIA = ("LAW", "WORK_OF_ART", "PRODUCT")  # what the tagger takes a publication's name for


def _name_before_description(name: str) -> Optional[str]:
    """A medium's name when the common words after it say what it is: "Press Trust of India news
    agency" -> "Press Trust of India"; "The News Minute website" -> "The News Minute". None unless
    those words are a kind of medium (a news word and a medium's noun, or a medium's noun that needs
    none) after a capitalised name."""
    words = name.split()
    cut = len(words)
    while cut > 0 and words[cut - 1].islower():
        cut -= 1
    if not 0 < cut < len(words) or not words[0][:1].isupper():
        return None
    described = [w.lower() for w in words[cut:]]
    head, qualifiers = described[-1], set(described[:-1])
    named = " ".join(words[:cut])
    media = head in MEDIA_HEADS or head in MEDIA_HEADS_QUALIFIED and (
        qualifiers or MEDIA_WORDS & set(names_mod.normalize(named).split()))
    return named if media and qualifiers <= NEWS_QUALIFIERS else None


def _proper_medium_name(name: str) -> str:
    """A medium's own name inside a description of it: "the state-run Athens-Macedonian News Agency"
    -> "Athens-Macedonian News Agency" (the words before a capitalised name describe it), "AFP news
    agency" -> "AFP" (the common words after a known name say what it is)."""
    words = name.split()
    lead = 0
    while lead < len(words) - 1 and not words[lead][:1].isupper():
        lead += 1
    if 0 < lead < len(words) - 1 and all(w[:1].isupper() for w in words[lead:]):
        return " ".join(words[lead:])
    for end in range(len(words) - 1, 0, -1):
        if all(w[:1].islower() for w in words[end:]) and names_mod.normalize(" ".join(words[:end])) in KNOWN_OUTLETS:
            return " ".join(words[:end])
    return _name_before_description(name) or name


@lru_cache(maxsize=1)
def _known_short() -> frozenset:
    """Known outlet names as one normalised form each, agencies' short and long names included."""
    return frozenset(names_mod.normalize(n) for n in KNOWN_OUTLETS)


@lru_cache(maxsize=1)
def _known_names() -> frozenset:
    """`_known_short` and the agencies' other names ("Agence France-Presse")."""
    return _known_short() | frozenset(names_mod.AGENCY_ALIASES)


@lru_cache(maxsize=1)
def _known_first_words() -> frozenset:
    """First words of known names of several words ("Getty" of Getty Images left out: see
    `_FIRST_WORDS_NOT_NAMES`)."""
    return frozenset(k.split()[0] for k in _known_names() if " " in k) - _FIRST_WORDS_NOT_NAMES


# ---- kinds ----------------------------------------------------------------------------------
def outlet_like(name: str, label: str = "", credit_position: bool = False) -> bool:
    """A news outlet by name: a known agency or broadcaster, or a media-shaped organisation name."""
    n = names_mod.normalize(name)
    if not n:
        return False
    if n in KNOWN_OUTLETS or " ".join(name.lower().split()) in KNOWN_OUTLETS:  # (the list's "the hill" keeps its article)
        return True
    words = n.split()
    if any(len(words) - i >= 2 and " ".join(words[i:]) in KNOWN_OUTLETS for i in range(1, len(words))):
        return True  # "the state-run Anadolu Agency": a known outlet's full name, qualified
    if len(words) >= 2 and " ".join(words[:-1]) in KNOWN_OUTLETS and (name.split()[-1][:1].isupper()
                                                                      or name.split()[-1].isdigit()):
        return True  # "BBC Hausa", "CNN Indonesia", "ABC 13": a known outlet's edition, or its local channel
    if NOT_MEDIA & set(words):
        return False
    if _name_before_description(name):
        return True  # "the Press Trust of India news agency", "The News Minute website"
    if words[-1] in MEDIA_HEADS and len(words) <= 4:
        return True  # "state media", "the local newspaper", "Chinese state broadcaster"
    if words[-1] in MEDIA_HEADS_QUALIFIED and NEWS_QUALIFIERS & set(words[:-1]) and len(words) <= 5:
        return True  # "the state news agency", "a Turkish news channel"
    if words[-1] in MEDIA_HEADS_QUALIFIED:
        return False
    proper = name[:1].isupper() or credit_position
    # a publication is often tagged as a product, a work or a law ("recalls the Telegraph", "The News Minute");
    # a paper's hyphened name holds its media words too ("St. Louis Post-Dispatch", "Arkansas Democrat-Gazette")
    parts = {p for w in words for p in w.split("-")}
    if proper and (label in ("ORG", "", *_MISTYPED_MEDIA) or credit_position) and MEDIA_WORDS & parts:
        return True
    glued = [w.lower() for w in _GLUED_WORDS.findall(name)] if len(words) == 1 else []
    if proper and len(glued) > 1 and MEDIA_WORDS & set(glued):
        return True  # "told TVOne", "CityNews projects": a media word glued to a name
    if proper and len(words) == 1 and _GLUED_NEWS.fullmatch(name.strip()):
        return True  # "Senenews reports", "according to Guineenews": "news" glued on without a capital
    return credit_position and bool(_DOMAIN_NAME.fullmatch(name.strip()))  # "LUMAJANG, KOMPAS.com —"


_GLUED_NEWS = re.compile(r"[A-Z][a-z]{2,}news")
_GLUED_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")  # "TVOne" -> TV, One; "CityNews" -> City, News
_DOMAIN_NAME = re.compile(r"[A-Za-z][\w-]{1,30}\.(?:[a-z]{2}|com|net|org|info|news)(?:\.[a-z]{2})?")  # any country's domain


def _gov_like_words(words: Sequence[str], labels: Sequence[str] = ()) -> bool:
    ws = [w.lower().strip(".,’'") for w in words]
    if any(w in GOV_STRONG for w in ws):
        return True
    for i, w in enumerate(ws):
        if w in GOV_WEAK:
            before = ws[:i]
            if any(b in GOV_QUALIFIERS for b in before) or any(lab in ("GPE", "NORP") for lab in labels[:i]):
                return True
    return False


def _institution_name(name: str) -> bool:
    """A name headed by a kind of body that is not a news medium ("Nashville Electric Service",
    "Acme Corp.", "Energy Information Administration"): such a body that "reported" is no outlet."""
    head = org_type(name)
    if outlet_like(name):
        return False
    return head in ORG_TYPE_ALIASES or head in NOT_MEDIA or head in NON_STATE_HEADS or head in GOV_WEAK \
        or head in GOV_STRONG or head in MEDIA_HEADS_QUALIFIED


def is_outlet(m: Mention, credit_position: bool = False) -> bool:
    """A mention of a news outlet, by its name or by what it is called ("the state broadcaster PTV")."""
    if m.kind == "person":
        # "reviewed by Politico": a known outlet's name the tagger took for a person's, unless it
        # stands for a person named in full ("Bloomberg" after "Michael Bloomberg")
        n = names_mod.normalize(m.name)
        if not m.resolved and " " in m.name and n.removeprefix("the ") in KNOWN_OUTLETS:
            return True  # "the official Saudi Press Agency reported": a known outlet's full name tagged as a person's
        role = names_mod.normalize(m.role or "").split()
        if not m.resolved and role and (role[-1] in MEDIA_HEADS or role[-1] in MEDIA_HEADS_QUALIFIED
                                        and NEWS_QUALIFIERS & set(role[:-1])):
            return True  # "told Egyptian news channel Al Qahera": a name a medium's description stands before
        return not m.resolved and " " not in m.name and (n in KNOWN_OUTLETS or n in names_mod.AGENCY_ALIASES)
    return outlet_like(m.name, m.label, credit_position) or bool(
        m.role and m.role != m.name and outlet_like(m.role, "", credit_position))


# known outlets whose article is part of the name ("The Hill"): without it the word is no outlet ("Hill said")
_NAMED_WITH_THE = frozenset(names_mod.normalize(n) for n in KNOWN_OUTLETS if n.startswith("the "))


def _with_its_article(tok, m: Mention) -> Mention:
    """A known outlet whose name holds its article ("told The Hill"), which the tagger leaves out of
    the name ("Hill"): the name with it, when it is written capitalised mid-sentence."""
    doc = tok.doc
    first = doc[m.token] if 0 <= m.token < len(doc) else tok
    before = doc[first.left_edge.i] if first.left_edge.i < first.i else None
    if m.resolved or before is None or before.text != "The" or (before.is_sent_start and m.label != "ORG") \
            or f"the {m.name.lower()}" not in KNOWN_OUTLETS:
        return m  # (at a sentence's start "The" is capitalised anyway: there only a body's name, "The Hill has ...")
    return replace(m, start=before.idx, text=f"The {m.text}", name=f"The {m.name}")


def classify(m: Mention, doc=None, credit_position: bool = False) -> str:
    """outlet | person | government | organization | anonymous, from the mention and its parse."""
    if is_outlet(m, credit_position):
        return "outlet"
    if m.kind == "person":
        return "person"
    if m.kind == "anonymous":
        # "police said": an institution of state speaking, not unnamed individuals
        return "government" if m.head in INSTITUTIONS and len(m.name.split()) <= 2 else "anonymous"
    words = m.name.split()
    labels: list[str] = []
    if doc is not None and 0 <= m.token < len(doc) and not m.resolved:
        toks = token_range(doc, m.start, m.end)
        words = [t.text for t in toks] or words
        labels = [t.ent_type_ for t in toks]
    role_words = (m.role or "").split()
    if {w.lower().strip(".,’'") for w in words + role_words} & NON_STATE_HEADS:
        return "organization"  # a party, a movement, a union: not the state, whatever else it says
    if m.kind == "place" or _gov_like_words(words, labels) or _gov_like_words(role_words):
        return "government"
    if m.kind == "description" and m.head in TITLE_WORDS:
        return "government"
    return "organization"


# ---- credits from the parse -----------------------------------------------------------------
@lru_cache(maxsize=2048)
def _nationality(word: str) -> bool:
    """A word that is the adjective of a country or region ("Libyan", "Russian", "Turkish", "Thai"):
    `places.demonym_place` finds its place (countries and regions, not towns: "Axios" is no demonym)."""
    if not word[:1].isupper():
        return False
    return places.demonym_place(word) is not None


def _country_name(word: str) -> bool:
    """A word that names a country ("France", "China"), not an agency's capitals ("PA", which is also a state's)."""
    if word.isupper():
        return False
    place = places.resolve(word, towns=False)
    return place is not None and place.kind == "country"


def _lemma_of(tok) -> str:
    return (tok.lemma_ or tok.text).lower()


def _described_as_medium(tok) -> bool:
    """A name set right after a noun for a medium ("electric vehicle website Electrek", "tech
    publication Electrek"), which the parse hangs on the name as a compound."""
    return tok.pos_ == "PROPN" and any(
        c.dep_ in ("compound", "nmod") and c.i == tok.i - 1 and _lemma_of(c) in MEDIUM_NOUNS
        for c in tok.children)


def _np_end(tok) -> int:
    """End offset of a token's whole phrase (for evidence spans)."""
    last = max(tok.subtree, key=lambda t: t.i)
    return last.idx + len(last.text)


class _ParseCredits:
    """Credits found in one article's parse."""

    def __init__(self, doc, text: str, resolver: Resolver) -> None:
        self.doc, self.text, self.r = doc, text, resolver
        self.credits: list[Credit] = []

    def _medium_by_name(self, m: Mention) -> Mention:
        """ "Haber Turk television", "the private Dha news agency": a description of a medium
        that holds the medium's own name is that name, an outlet ("Haber Turk", "Dha")."""
        if 0 <= m.token < len(self.doc):
            owner = next((c for c in self.doc[m.token].children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC")), None)
            mark = re.search(r"[’']s?\s+", m.name)
            if owner is not None and mark and m.name.startswith(owner.text):
                # "Libya's Al-Masar TV": the place says where the medium is, the name after it which
                m = replace(m, name=m.name[mark.end():])
        raw = m.name.split()
        for i in range(1, len(raw) - 1):  # "the state-run Anadolu Agency" -> Anadolu Agency
            if names_mod.normalize(" ".join(raw[i:])) in KNOWN_OUTLETS:
                name = " ".join(raw[i:])
                return replace(m, name=name, kind="organization" if m.kind == "description" else m.kind, proper=True)
        edition = self._edition(m)
        if edition is not None:
            return edition
        if m.kind != "description" or not 0 <= m.token < len(self.doc):
            return m
        head = self.doc[m.token]
        if _lemma_of(head) not in MEDIUM_NOUNS:
            return m
        names = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i and c.pos_ == "PROPN"
                 and c.text[:1].isupper() and not (c.ent_type_ in ("GPE", "NORP", "LOC"))]
        if not names:
            return m
        last = names[-1]
        first = min(last.subtree, key=lambda t: t.i)
        toks = [t for t in self.doc[first.i:last.i + 1]]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks):
            return m
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        name = self.text[s:e]
        return replace(m, name=name, text=name, start=s, end=e, kind="organization", proper=True)

    def _edition(self, m: Mention) -> Optional[Mention]:
        """A known outlet's edition for a country or a language, named right after it ("CNN
        Indonesia reported", "BBC Arabic said"): the edition is the outlet credited."""
        if not (0 <= m.token < len(self.doc)) or names_mod.normalize(m.name) not in KNOWN_OUTLETS | _known_short():
            return None
        nxt = self.doc[m.token + 1] if m.token + 1 < len(self.doc) else None
        if nxt is None or nxt.ent_type_ not in ("GPE", "NORP", "LANGUAGE") or not nxt.text[:1].isupper() \
                or not self.doc[m.token].whitespace_ or nxt.dep_ not in ("appos", "compound") \
                or (nxt.head.i != m.token and self.doc[m.token].head.i != nxt.i):
            return None
        e = nxt.idx + len(nxt.text)
        name = self.text[m.start:e]
        return replace(m, name=name, text=name, end=e, proper=True)

    def _add(self, m: Mention, cue: str, start: int, end: int, via: tuple[str, ...] = (), credit_position: bool = False,
             outlet: bool = False, party: bool = False) -> Optional[Credit]:
        staff = _outlet_of_its_staff(m) if not (outlet or party) else None
        if staff is not None:
            # "A Sputnik correspondent who witnessed the attack reported ...": the outlet's own reporting
            m, outlet = replace(m, name=staff, kind="organization", proper=True), True
        named = _MEDIUM_THEN_NAME.search(m.name) or m.text.endswith(m.name) and _MEDIUM_THEN_NAME.search(m.text)
        if named and named.group(0)[:1].isupper():
            named = None  # "The Daily Beast": the medium's word is part of its name, not a common noun before it
        if named and not party:
            # "Turkish channel NTV said", "the state news agency Tass reported": the medium by its name
            m = replace(m, name=named.group("name"), proper=True)
            outlet = True
        if outlet:
            m = self._medium_by_name(m)
        # a wire by name, however tagged ("dpa"), or a name shaped as a medium's that the tagger took
        # for a law or a work ("according to The News Minute")
        known = outlet and names_mod.normalize(m.name) in KNOWN_OUTLETS or m.proper and m.label in _MISTYPED_MEDIA \
            and outlet_like(m.name, m.label)
        if not known and (not _usable(m) or not can_speak(m, self.doc)):
            return None
        if not (m.proper or m.resolved or outlet) and 0 <= m.token < len(self.doc) and m.kind != "document" \
                and self.doc[m.token].pos_ == "NOUN" and _lemma_of(self.doc[m.token]) in INFO_NOUNS:
            return None  # "Preliminary assessments suggest": information that names no author is no one to ask
        kind = "outlet" if outlet else classify(m, self.doc, credit_position)
        if party and kind == "outlet":
            kind = "organization"  # "a spokesperson for the Washington Post said": the company speaks, no medium is credited
        # the evidence is the mention, joined to its cue when they stand side by side
        if start - m.end > MAX_CUE_GAP or m.start - end > MAX_CUE_GAP:
            start, end = m.start, m.end
        if kind == "outlet":
            m = replace(m, name=_proper_medium_name(m.name))
        c = Credit(m.name, kind, min(start, m.start), max(end, m.end), cue, m.role if m.role != m.name else None, via)
        if m.members:  # "the senators wrote" for two named senators: each is credited
            for name in m.members:
                self.credits.append(replace(c, name=name, kind="person"))
            return c
        self.credits.append(c)
        return c

    def _chain(self, tok) -> tuple[str, ...]:
        """Outlets a party is reached through: "officials cited by Al Jazeera"."""
        via = []
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in CHAIN_LEMMAS:
                for a in c.children:
                    if a.dep_ == "agent":
                        for o in a.children:
                            if o.dep_ == "pobj":
                                m = self.r.resolve(self.r.mention(o))
                                via.append(m.name)
                                self._add(m, f"{c.text} by", a.idx, _np_end(o), credit_position=True,
                                          outlet=is_outlet(m, True))
            if c.dep_ == "relcl" and c.lemma_.lower() in SPEAKING_LEMMAS | {"tell"}:
                # "officials who spoke to the news agency Reuters", "sources who told CNN": the medium
                # they told is the one the party is reached through
                told = [o for o in c.children if c.lemma_.lower() == "tell" and o.dep_ in ("dobj", "dative")]
                told += [o for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                         for o in p.children if o.dep_ == "pobj"]
                for o in told:
                    # "the news agency Reuters": the medium's name set after the noun for it
                    nxt = o.doc[o.i + 1] if o.i + 1 < len(o.doc) else None
                    if _lemma_of(o) in MEDIUM_NOUNS and nxt is not None and nxt.pos_ == "PROPN":
                        o = nxt
                    m = self.r.resolve(self.r.mention(o))
                    if is_outlet(m, True) or _MEDIUM_THEN_NAME.search(m.name):
                        added = self._add(m, f"{c.text} to", c.idx, _np_end(o), credit_position=True, outlet=True)
                        if added is not None:
                            via.append(added.name)
        return tuple(via)

    def according_to(self, tok) -> None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        objs = [g for g in to.children if g.dep_ == "pobj"] if to is not None else []
        if not objs:
            return
        obj = _party_behind(objs[0])
        if obj is None:
            return
        targets = [obj] + [c for c in obj.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        via = self._chain(obj)
        for t in targets:
            m = self.r.resolve(self.r.mention(t, True))
            self._add(m, "according to", tok.idx, _np_end(t) if t is not obj else max(m.end, tok.idx), via=via)

    def _trailing_report(self, v, children) -> bool:
        """A reporting verb the parse joins to the sentence it reports ("... has surpassed 700, Iranian
        news agency Tasnim reported, citing ..."): after a comma, with its own subject and no object,
        it reports the clause before it, as a parenthetical "officials said" does."""
        if v.dep_ not in ("conj", "ccomp") or v.i < v.head.i or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children):
            return False  # (or the clause the parse hangs it from: "PTI announced a suspension, broadcaster Geo News reported")
        subj = next((c for c in children if c.dep_ == "nsubj" and c.i < v.i), None)
        if subj is None:
            return False
        first = min(t.i for t in subj.subtree)
        return first > 0 and self.doc[first - 1].text == ","

    def reporting_verb(self, v) -> None:
        lemma = v.lemma_.lower()
        children = list(v.children)  # read several times; a walk scans the verb's whole clause
        if any(c.dep_ == "neg" for c in children):
            return  # "not confirmed by authorities", "did not say": no credit
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in _NOT_DONE:
            return  # "The exchange failed to report 100,000 suspicious transactions", "declined to say": no report
        deps = {c.dep_ for c in children}
        # a clause after the verb, or before it when the verb has no object of its own
        # ("The toll rose, officials said."); a misparsed fronted clause is not reported speech; a
        # clause the parse made the verb's head ("The Reuters news agency reports, citing officials,
        # that the targets included ...")
        # ("tell"'s object is whom it was told: "..., Kyle Rodda told Reuters" reports the clause before it)
        clause = any(c.dep_ == "ccomp" and (c.i > v.i or "dobj" not in deps or lemma == "tell") for c in children)
        clause = clause or v.dep_ == "parataxis" or self._trailing_report(v, children) \
            or v.dep_ == "dep" and v.head.pos_ in ("VERB", "AUX") and v.head.i > v.i \
            or v.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children) \
            and bool(self._trailing_subjects(v, None))  # "..., spokesman Carlos González told the radio station"
        venue = any(c.dep_ == "prep" and c.lower_ in ("in", "during", "at", "on", "via") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in VENUE_NOUNS for g in c.children) for c in children)
        info_obj = lemma in INFO_OBJECT_LEMMAS and "dobj" in deps
        # "as reported by X", "cited by X": the agent is credited
        for c in children:
            if c.dep_ == "agent" and lemma in CHAIN_LEMMAS | {"confirm", "announce"}:
                for o in c.children:
                    if o.dep_ == "pobj":
                        m = self.r.resolve(self.r.mention(o, True))
                        if lemma == "report" and o.pos_ == "PROPN" and m.label in ("PRODUCT", "WORK_OF_ART") \
                                and not m.resolved:
                            # "a filing reported by CoinDesk": a name that reports is a publication,
                            # whatever product the tagger took it for
                            m = replace(m, label="ORG", kind="organization")
                            self._add(m, f"{v.text} by", v.idx, _np_end(o), outlet=True)
                            continue
                        self._add(m, f"{v.text} by", v.idx, _np_end(o),
                                  outlet=is_outlet(m, lemma == "report") or lemma == "report" and _described_as_medium(o))
        if not (clause or venue or info_obj or self._quoting(v)):
            if lemma == "tell":  # "..., a source told NBC News.": the outlet told is credited whatever it was told
                for om, cue in self._outlets_around(v):
                    self._add(om, cue, om.start, om.end, outlet=True)
            elif lemma == "quote":  # "The private Dha news agency quoted a worker who ...": the medium quoting
                by = outlet_quoting(v)
                if by is not None and not self.r.in_quote(by.idx):
                    om = self._quoting_medium(by)
                    if is_outlet(om, True):
                        self._add(om, "quoted", om.start, v.idx + len(v.text), outlet=True)
            return
        quoted = quoted_person(v)  # "APP quoted a police official as saying"
        subj = quoted if quoted is not None else subject_of(v, skip=self.r.in_quote)
        trailing = self._trailing_subjects(v, subj) if quoted is None else []
        if trailing:
            outlets = self._outlets_around(v)
            for tok in trailing:
                tm = self.r.resolve(self.r.mention(tok, True))
                self._add(tm, v.text, v.idx, v.idx + len(v.text), outlet=is_outlet(tm, lemma == "report"),
                          via=tuple(om.name for om, _ in outlets))
            for om, cue in outlets:  # "..., spokesman Carlos González told the Emisoras Unidas radio station"
                self._add(om, cue, om.start, om.end, outlet=True)
            return
        if subj is None or self.r.in_quote(subj.idx):
            return
        subj, described_medium = self._named_party(subj)
        body = self._body_spoken_for(subj)
        if body is not None:  # the body is credited; its spokesperson, where named, on his own
            bm = self.r.resolve(self.r.mention(body, True))
            self._add(bm, v.text, v.idx, v.idx + len(v.text), party=True)
        m = self.r.resolve(self.r.mention(subj, True))
        via: list[str] = []
        if quoted is not None:
            by = outlet_quoting(v)
            if by is not None:
                om = self._quoting_medium(by)
                if is_outlet(om, True):
                    via.append(om.name)
                    self._add(om, "quoted", om.start, om.end, outlet=True)
        # "According to Reuters, the minister confirmed ...": the minister via Reuters
        for c in children:
            if c.dep_ == "prep" and c.lemma_.lower() == "accord":
                to = next((g for g in c.children if g.lower_ == "to"), None)
                for o in ([g for g in to.children if g.dep_ == "pobj"] if to is not None else []):
                    om = self.r.resolve(self.r.mention(o))
                    if is_outlet(om):
                        via.append(om.name)
        # "X told Reuters", "said on CNN", "told CNN's Jake Tapper", "said in a statement to AFP":
        # the outlet is credited and X is reached through it
        for om, cue in self._outlets_around(v):
            if om.name not in via:
                via.append(om.name)
                self._add(om, cue, om.start, om.end, outlet=True)
        # "Dawn reported that ...": a named organisation that reports is a news outlet
        # ("Exxon Mobil reported record profits": a company reporting its own figures is no news outlet)
        # ("the Tennessean reported": a people's name in the singular, with the article, names a paper)
        one_of_a_people = m.label == "NORP" and subj.tag_ == "NNP" and subj.i > 0 and self.doc[subj.i - 1].lower_ == "the"
        reported_org = (lemma == "report" and (clause or "dobj" not in deps) and m.proper
                        and (m.kind == "organization" or one_of_a_people)
                        and not m.resolved
                        and (m.label not in ("PERSON", "GPE", "LOC", "NORP") or one_of_a_people)
                        and not _institution_name(m.name))
        if lemma == "report" and v.tag_ == "VBZ" and subj.i > v.i and m.kind == "person" and m.proper \
                and not m.resolved and subj.pos_ == "PROPN" and subj.i == max(t.i for t in subj.subtree if not t.is_punct):
            # "..., reports Al Ahram.": a name after "reports" that closes the sentence names the medium
            # reporting, whatever person the tagger took it for
            m, reported_org = replace(m, kind="organization", label="ORG"), True
        end = v.idx + len(v.text)
        self._add(m, v.text, v.idx, end, via=tuple(via),
                  outlet=(reported_org and not _gov_like_words(m.name.split())) or (described_medium and m.proper))
        last = max((t.i for o in subj.conjuncts for t in o.subtree), default=-1)
        if subj.pos_ == "PROPN" and not m.members and last == v.i - 1:
            # "..., The New York Times and CNBC reported": each name the subject joins reports (only a
            # list right before the verb: the parse also makes subjects of objects far before it)
            for other in subj.conjuncts:
                if other.pos_ == "PROPN" and not self.r.in_quote(other.idx):
                    om = self.r.resolve(self.r.mention(other, True))
                    self._add(om, v.text, v.idx, end, outlet=is_outlet(om, lemma == "report"))

    def _quoting_medium(self, by) -> Mention:
        """The medium that quotes someone, by its name where a description stands first and the parse
        gives the name as a second subject ("The state news agency APP quoted ...")."""
        om = self.r.resolve(self.r.mention(by))
        if is_outlet(om, True) and unnamed_medium(om.name):
            named, _ = self._named_party(by)
            if named is not by and named.pos_ == "PROPN":
                return replace(self.r.resolve(self.r.mention(named)), kind="organization", proper=True)
        return om

    def _named_party(self, tok) -> tuple[object, bool]:
        """The name a descriptive subject stands beside, and whether the description says it is a
        news medium: "News website Axios reported", "The Axios news site said", "Grassroots political
        groups DemsMight called" (two subjects, the second the name). Otherwise the token itself."""
        def described_as_medium(t) -> bool:
            lemma = _lemma_of(t)
            return lemma in MEDIA_HEADS or (lemma in MEDIA_HEADS_QUALIFIED and any(
                c.lower_ in NEWS_QUALIFIERS for c in t.subtree if c.i < t.i))  # "news agency", not "emergency services"

        if tok.pos_ == "PROPN" and not (tok.text.islower() and _lemma_of(tok) in MEDIA_HEADS):
            # (but "the Nikkei daily" is a medium described, however tagged; and "the opposition news
            # agency Anka claims": the name parsed as a second subject, its description the first)
            before = tok.doc[tok.i - 1] if tok.i > 0 else None
            return tok, before is not None and before.dep_ == tok.dep_ and before.head.i == tok.head.i \
                and described_as_medium(before)
        media = described_as_medium(tok)
        for c in tok.children:
            if c.dep_ == "appos" and c.i == tok.i + 1 and c.text[:1].isupper() and not self.r.in_quote(c.idx):
                return c, media
        if media:
            for c in tok.children:
                if (c.dep_ in ("amod", "compound") and c.i < tok.i and c.text[:1].isupper() and not c.is_sent_start
                        and c.lower_ not in NEWS_QUALIFIERS and c.lower_ not in MEDIA_HEADS
                        and not (c.pos_ == "ADJ" and _nationality(c.text))):  # "Russian news outlets": where, not who
                    return c, True
        for c in tok.head.children:
            if c.dep_ == tok.dep_ and c.i == tok.i + 1 and c.pos_ == "PROPN":
                return c, media
        return tok, False

    def _trailing_subjects(self, v, subj) -> list:
        """ "..., the Washington Post and CNBC reported citing unnamed sources": the parser read the
        names right before the verb as the tail of the list before the comma and gave the verb a
        subject from far back. A reporting verb set off after a comma takes the names between that
        comma and itself as its subjects (one name per conjunct)."""
        doc = self.doc
        if v.i == 0 or doc[v.i - 1].pos_ != "PROPN" or doc[v.i - 1].dep_ not in ("conj", "appos", "compound"):
            return []
        i = v.i - 1
        while i >= 0 and doc[i].text not in (",", ";", ":", "—", "–") and v.i - i <= 8:
            i -= 1
        if i < 0 or doc[i].text != "," or (subj is not None and subj.i > i) or self.r.in_quote(doc[i].idx):
            return []
        span = doc[i + 1:v.i]
        if any(t.pos_ in ("VERB", "AUX") for t in span):
            return []
        return [t for t in span if t.pos_ == "PROPN" and (t.i + 1 == v.i or doc[t.i + 1].lower_ in ("and", ",", "&"))]

    def _body_spoken_for(self, tok):
        """The organisation a spokesperson or official speaks for: "a spokesperson for the
        Washington Post", "a Bloomberg L.P. spokesman", "an official at the ministry"."""
        if _lemma_of(tok) not in GENERIC_ROLE_WORDS:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                for o in c.children:
                    if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in ("ORG", "GPE", "NORP")):
                        return o
        names = [c for c in tok.children if c.dep_ in ("compound", "nmod", "poss") and c.pos_ == "PROPN" and c.i < tok.i]
        return names[-1] if names else None

    def _quoting(self, v) -> bool:
        """The verb's phrase holds quoted words (its subtree is walked only when nothing else
        made it a credit)."""
        return any(self.r.in_quote(t.idx) for t in v.subtree if not t.is_punct)

    def _outlets_around(self, v) -> list[tuple[Mention, str]]:
        """Outlets the reporting verb names as audience or venue (not inside what was reported)."""
        found: list[tuple[Mention, str]] = []
        cands: list[tuple[object, str]] = []
        pieces: set[int] = set()  # tokens a media piece is given to ("an interview with X")
        for c in v.children:
            if c.dep_ in ("dobj", "dative") and _lemma_of(v) == "tell":
                cands.append((c, f"{v.text} {c.text}"))
                cands += [(g, f"{v.text} {g.text}") for g in c.children if g.dep_ == "poss"]
            elif c.dep_ == "prep" and c.lower_ in ("on", "to", "with", "in", "via"):
                for o in c.children:
                    if o.dep_ != "pobj":
                        continue
                    cands.append((o, f"{c.text} {o.text}"))
                    cands += [(g, f"{c.text} {g.text}") for g in o.children if g.dep_ == "poss"]
                    # "in a statement to AFP", "in an interview with the BBC", "an op-ed for the Post"
                    for p in o.children:
                        if p.dep_ == "prep" and p.lower_ in ("to", "with", "for", "in", "on"):
                            objs = [g for g in p.children if g.dep_ == "pobj"]
                            if p.lower_ in ("to", "with") or self._media_piece(o):
                                cands += [(g, f"{p.text} {g.text}") for g in objs]
                            if self._media_piece(o) and p.lower_ in ("with", "for", "to"):
                                # given to or made for X ("on X", "in X" may be a place: "on Capitol Hill")
                                pieces.update(g.i for g in objs)
        audience: set[int] = set()
        for c in v.children:  # "Speaking to LBC, Mr Sunak said", "talking on CNN, she said"
            if c.dep_ in ("advcl", "xcomp") and _lemma_of(c) in SPEAKING_LEMMAS:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "on", "with"):
                        for o in p.children:
                            if o.dep_ == "pobj":
                                cands.append((o, f"{c.text} {p.text} {o.text}"))
                                audience.add(o.i)
                                cands += [(g, f"{c.text} {p.text} {g.text}") for g in o.children if g.dep_ == "poss"]
        for c in v.children:  # "told Politico in an interview": the one told in an interview is a medium
            if c.dep_ == "prep" and c.lower_ == "in" and any(self._media_piece(o) for o in c.children if o.dep_ == "pobj"):
                pieces.update(t.i for t, _ in cands if t.dep_ in ("dobj", "dative") and _lemma_of(v) == "tell")
        for tok, cue in cands:
            named = self._name_after_medium(tok) if not self.r.in_quote(tok.idx) else None
            if named is not None:
                found.append((named, cue))  # "has told news agency AFP that ...": the name parsed apart
                continue
            known = names_mod.normalize(tok.text) in KNOWN_OUTLETS  # "telling dpa": a wire the tagger took for a verb
            if (tok.pos_ not in ("PROPN", "NOUN") and not known) or self.r.in_quote(tok.idx):
                continue
            if tok.pos_ == "NOUN" and tok.text.islower() and _lemma_of(tok) not in MEDIA_HEADS | MEDIA_WORDS \
                    and not (_lemma_of(tok) in MEDIA_HEADS_QUALIFIED and self._medium_by_name(
                        self.r.mention(tok)) is not None and any(c.pos_ == "PROPN" for c in tok.children)):
                continue  # "a crowd of supporters and press", "in response to his post": no outlet by name
            if tok.pos_ == "NOUN" and _lemma_of(tok) in VENUE_NOUNS:
                continue  # "in a post on Truth Social": the venue, not an outlet (its own pobj is checked)
            om = _with_its_article(tok, self._bang_name(tok, self.r.resolve(self.r.mention(tok))))
            if is_outlet(om, True):  # a known outlet the tagger took for a person ("told Politico") too
                found.append((om, cue))
            elif tok.i in pieces and om.proper and om.kind != "person" and tok.ent_type_ != "PERSON" \
                    and (not (om.kind == "place" or tok.ent_type_ in ("FAC", "GPE", "LOC"))
                         or tok.dep_ in ("dobj", "dative") or tok.head.lower_ in ("with", "for", "to")) \
                    and not _institution_name(om.name) and not _gov_like_words(om.name.split()):
                found.append((om, cue))  # "in an interview with The Atlantic", "an op-ed for The Washington Post"
            elif (tok.i in audience and tok.text.isupper() and 2 <= len(tok.text) <= 5 and tok.ent_type_ == "ORG"
                  and tok.text not in self.r.acronyms and not om.resolved):
                # "Speaking to LBC the following morning, Mr Sunak said": a broadcaster's call letters
                # as the audience of speaking (a body the text spells out would be defined)
                found.append((om, cue))
        return [(self._medium_by_name(om), cue) for om, cue in found]

    def _name_after_medium(self, tok) -> Optional[Mention]:
        """An outlet's name right after a medium's description that the parse hung apart ("told
        news agency AFP that ...", AFP read as a clause of its own; "told the newspaper Expreso"), else None."""
        doc = self.doc
        if tok.pos_ != "NOUN" or _lemma_of(tok) not in MEDIUM_NOUNS or tok.i + 1 >= len(doc):
            return None
        nxt = doc[tok.i + 1]
        if nxt.pos_ != "PROPN" or self.r.in_quote(nxt.idx):
            return None
        if names_mod.normalize(nxt.text) in _known_short():
            return replace(self.r.mention(nxt), kind="organization", proper=True)
        # "told the newspaper Expreso", "the broadcaster El Universo": a medium named right after its
        # description, the name's words capitalised and no date or place (the tagger takes many a paper for a person)
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].ent_type_ not in ("DATE", "TIME", "GPE", "NORP"):
            end += 1
        if end == tok.i + 1 or not doc[end - 1].whitespace_ and end < len(doc) and doc[end].text in ("’s", "'s"):
            return None
        span = doc[tok.i + 1:end]
        if len(span) > 1 and all(t.ent_type_ == "PERSON" for t in span):
            return None  # "told the paper John Smith was wrong": a person's full name, what was told about
        return replace(self.r.mention(nxt), name=span.text, text=span.text, start=span.start_char, end=span.end_char,
                       kind="organization", proper=True)

    @staticmethod
    def _media_piece(tok) -> bool:
        """An interview, an op-ed, a column: a piece given to a news medium ("op-ed" is parsed as
        "op - ed", headed by "ed")."""
        if _lemma_of(tok) in MEDIA_PIECES:
            return True
        return tok.lower_ == "ed" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "op"

    def _bang_name(self, tok, m: Mention) -> Mention:
        """ "said via Yahoo! News": a brand name with an exclamation mark in it, which the parser
        cuts at the mark, is the name up to the end of the capitalised run after the mark."""
        doc = self.doc
        k = tok.i + 1
        if k + 1 >= len(doc) or doc[k].text != "!" or tok.whitespace_ or doc[k + 1].pos_ != "PROPN" \
                or not doc[k + 1].text[:1].isupper():
            return m
        j = k + 1
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() and doc[j].whitespace_:
            j += 1
        end = doc[j].idx + len(doc[j].text)
        return replace(m, end=max(m.end, end), text=self.text[m.start:max(m.end, end)],
                       name=self.text[tok.idx:end] if m.name == tok.text else m.name + self.text[tok.idx + len(tok.text):end])

    def _clause_edge(self, tok) -> bool:
        """ "..., per a White House official" / "Per Axios, ...": not "per capita" or "$5 per gallon"."""
        prev = tok.nbor(-1) if tok.i > 0 else None
        return prev is None or prev.text in (",", "—", "–", "(", "”", "\"", "’") or prev.is_space \
            or prev.is_sent_start is True  # (and after a quote: "“What does the ‘M’ mean?” per CNN.")

    def _party_noun(self, tok) -> bool:
        """A word that can name someone cited: a proper name, a title, an office, a people noun."""
        lemma = _lemma_of(tok)
        return (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or lemma in PARTY_NOUNS
                or lemma in TITLE_WORDS or lemma in GOV_STRONG or lemma in GOV_WEAK or lemma in INSTITUTIONS
                or lemma in MEDIA_HEADS)

    def citing(self, v) -> None:
        """ "..., Reuters reported, citing the county sheriff's office": the office is credited, via
        the outlet that cites it; "citing data from the ministry" credits the ministry; "citing
        supply problems" credits nobody."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "pobj")]
        objs += [g for o in objs for g in o.children if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN")]
        if not objs:
            return
        via: list[str] = []
        subj = subject_of(v, skip=self.r.in_quote)
        subjects = [subj] + [c for c in subj.children if c.dep_ == "conj"] if subj is not None else []
        if v.dep_ in ("xcomp", "advcl") and v.head.pos_ == "VERB":
            subjects = self._trailing_subjects(v.head, subj) or subjects  # "..., the Post and CNBC reported citing"
        for sj in subjects:  # "the Washington Post and CNBC reported, citing unnamed sources"
            if self.r.in_quote(sj.idx):
                continue
            sj, described_medium = self._named_party(sj)
            sm = self.r.resolve(self.r.mention(sj, True))
            if described_medium and sm.proper:
                via.append(sm.name)
                self._add(sm, "citing", sm.start, sm.end, outlet=True)
            elif is_outlet(sm, True) and sm.kind != "person" and (
                    sm.proper or _lemma_of(sj) in MEDIA_HEADS):
                via.append(sm.name)
                self._add(sm, "citing", sm.start, sm.end, outlet=True)
        for o in objs:
            if o.pos_ == "NOUN" and _lemma_of(o) in INFO_NOUNS:
                inner = party_in_info_noun(o)  # "citing data from the ministry"
                if inner is None:
                    continue
                o = inner
            if not self._party_noun(o) or self.r.in_quote(o.idx):
                continue
            m = self.r.resolve(self.r.mention(o, True))
            self._add(m, "citing", v.idx, _np_end(o), via=tuple(via))

    def per(self, tok) -> None:
        """ "per X", the terse form of "according to X"."""
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if not objs and tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
            objs = [tok.head]  # "Per Axios," read as one name by the tagger
        if not objs:
            return
        obj = _party_behind(objs[0])
        if obj is None:
            return
        m = self.r.resolve(self.r.mention(obj, True))
        self._add(m, "per", tok.idx, max(m.end, tok.idx + 3))

    def interview_with(self, tok) -> None:
        """ "in an interview with the BBC" credits the outlet."""
        if tok.lemma_.lower() != "interview":
            return
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for o in c.children:
                    if o.dep_ == "pobj":
                        m = self.r.resolve(self.r.mention(o))
                        if is_outlet(m, True):
                            self._add(m, "interview with", tok.idx, m.end, outlet=True)

    def outlet_possessives(self) -> None:
        """ "NPR's Deepa Shivaram", "CBS’ “Face the Nation”", "CNN International’s Amanpour": an
        outlet named as the owner of a person (its staff) or of a programme is credited."""
        for t in tokens_with(self.doc, "DEP", ("poss",)):
            if t.pos_ != "PROPN" or self.r.in_quote(t.idx):
                continue
            head = t.head
            owned = head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "WORK_OF_ART") or any(
                self.r.in_quote(x.idx) for x in (head, self.doc[min(len(self.doc) - 1, t.i + 2)]))
            if not owned:
                continue
            m = self.r.resolve(self.r.mention(t))
            if m.kind != "person" and is_outlet(m, False) and names_mod.normalize(m.name) in KNOWN_OUTLETS | _known_short():
                self._add(m, "outlet's own", m.start, m.end, outlet=True)

    def outlet_clauses(self) -> None:
        """ "The Guardian, on the other hand, shows Labour has won 33.8 per cent", "..., recalls the
        Telegraph", "Russian state news agency Tass indicated that ...": a news medium, by its name
        or by the description beside its name, that states a clause is credited for it, whatever
        the verb (a medium's statements are its reporting)."""
        for v in tokens_with(self.doc, "POS", ("VERB",)):
            if not any(c.dep_ == "ccomp" for c in v.children) or any(c.dep_ == "neg" for c in v.children):
                continue
            if self.r.in_quote(v.idx) or is_reporting(v, weak=True):
                continue  # reporting verbs have their own rules
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None or self.r.in_quote(subj.idx):
                continue
            subj, described = self._named_party(subj)
            m = self.r.resolve(self.r.mention(subj))
            known = names_mod.normalize(m.name) in KNOWN_OUTLETS | _known_short()
            if m.kind != "person" and m.proper and (described or known):
                self._add(m, v.text, min(m.start, v.idx), max(m.end, v.idx + len(v.text)), outlet=True)

    def outlet_acts(self) -> None:
        """ "the Associated Press called the race", "CNN explained possible next steps", "..., ABC News
        projects": a known news medium, by its name, that does anything the story tells is credited for
        it (a medium's acts in a story are its reporting: calling a race, obtaining, projecting)."""
        subjects = list(tokens_with(self.doc, "DEP", ("nsubj",)))
        # "..., ABC News projects": a verb the tagger read as a plural noun, the name as its compound
        subjects += [t for t in tokens_with(self.doc, "DEP", ("compound",)) if t.pos_ == "PROPN"
                     and t.head.i == t.i + 1 and verb_read_as_plural(t.head)]
        for subj in subjects:
            v = subj.head
            if (v.pos_ != "VERB" and not verb_read_as_plural(v)) or self.r.in_quote(subj.idx) or self.r.in_quote(v.idx) \
                    or any(c.dep_ == "neg" for c in v.children):
                continue
            m = _with_its_article(subj, self.r.resolve(self.r.mention(subj)))
            m = self._outlet_heading(subj, m)
            n = names_mod.normalize(m.name)
            known = n in _known_short() and n not in _NAMED_WITH_THE or " ".join(m.name.lower().split()) in KNOWN_OUTLETS
            if m.kind != "person" and not m.resolved and known:
                self._add(m, v.text, min(m.start, v.idx), max(m.end, v.idx + len(v.text)), outlet=True)

    def _outlet_heading(self, subj, m: Mention) -> Mention:
        """A known outlet's name that opens a longer name, a unit of the outlet's ("The CBC Decision
        Desk is projecting", "the NBC News Decision Desk"): the outlet, which the unit's act credits."""
        words = [t for t in subj.subtree if t.i <= subj.i and t.pos_ == "PROPN"]
        if len(words) < 2 or words[-1].i != subj.i or any(b.i != a.i + 1 for a, b in zip(words, words[1:])) \
                or re.sub(r"\W", "", words[-1].lower_) in LEGAL_FORMS or "." in words[-1].text:
            return m  # "Bloomberg L.P. has no interest", "Fox Corp said": the company, not a newsroom of it
        for k in range(len(words), 0, -1):  # the longest known name first: "ABC News", not "ABC"
            name = self.text[words[0].idx:words[k - 1].idx + len(words[k - 1].text)]
            if names_mod.normalize(name) in _known_short() | KNOWN_OUTLETS:
                s = words[0].idx
                return replace(m, name=name, text=name, start=s, end=s + len(name), kind="organization", proper=True)
        return m

    def outlets_given_as_examples(self) -> None:
        """ "news publications like NDTV and India Today put the death toll at nine", "media such as
        the BBC": names given as examples of a kind of news medium are media, credited for what the
        medium's clause says."""
        for head in tokens_with(self.doc, "POS", ("NOUN",)):
            if _lemma_of(head) not in MEDIUM_NOUNS or head.tag_ != "NNS" \
                    or self.r.in_quote(head.idx) or (_lemma_of(head) in MEDIA_HEADS_QUALIFIED and not any(
                        c.lower_ in NEWS_QUALIFIERS for c in head.children if c.i < head.i)):
                continue
            for p in head.children:
                if p.dep_ != "prep" or not (p.lower_ == "like" or p.lower_ == "as" and p.i > 0 and p.nbor(-1).lower_ == "such"):
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    for t in (o, *o.conjuncts):
                        if t.pos_ != "PROPN" or not t.text[:1].isupper():
                            continue
                        end = t.i + 1
                        while end < len(self.doc) and self.doc[end].text[:1].isupper() \
                                and self.doc[end].pos_ in ("PROPN", "NOUN") and self.doc[end - 1].whitespace_:
                            end += 1  # "India Today": the tagger may hang the name's last word elsewhere
                        s, e = t.idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)
                        name = self.text[s:e]
                        m = replace(self.r.mention(t), start=s, end=e, text=name, name=name, kind="organization", proper=True)
                        self._add(m, p.text, p.idx, e, outlet=True)

    def outlet_agents(self) -> None:
        """ "Footage broadcast by Libya's Al-Masar TV", "documents seen by Reuters", "a video
        obtained by CNN": a news medium, by its name, that did what the participle says brought
        the material to the story, and is credited for it."""
        for a in tokens_with(self.doc, "DEP", ("agent",)):
            if self.r.in_quote(a.idx) or a.head.tag_ != "VBN":
                continue
            for o in a.children:
                if o.dep_ != "pobj" or o.pos_ not in ("PROPN", "NOUN"):
                    continue
                om = self._medium_by_name(self.r.resolve(self.r.mention(o)))
                known = names_mod.normalize(om.name) in KNOWN_OUTLETS  # "seen by dpa", however tagged
                if om.kind != "person" and (om.proper or o.pos_ == "PROPN" or known) and is_outlet(om, False):
                    self._add(om, f"{a.head.text} by", a.head.idx, _np_end(o), outlet=True)

    def run(self) -> list[Credit]:
        self.outlet_possessives()
        self.outlet_clauses()
        self.outlet_acts()
        self.outlets_given_as_examples()
        self.outlet_agents()
        for t in _cue_candidates(self.doc):
            if self.r.in_quote(t.idx):
                continue
            if t.lower_ == "according" and any(c.lower_ == "to" for c in t.children):
                self.according_to(t)
            elif t.lower_ == "per" and self._clause_edge(t):
                self.per(t)
            elif _lemma_of(t) == "cite" and t.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in t.children):
                self.citing(t)
            elif is_reporting(t, weak=True):
                self.reporting_verb(t)
            elif t.pos_ == "NOUN":
                self.interview_with(t)
        return self.credits


# Words that can open a credit in `_ParseCredits.run`: "according", "per", and (as lemmas) "cite",
# "interview" and the reporting verbs; no other word takes a branch there.
_CUE_WORDS = ("according", "per")
_CUE_LEMMAS = REPORTING_LEMMAS | WEAK_REPORTING_LEMMAS | {"cite", "interview"}


def _cue_candidates(doc) -> list:
    """The tokens of `doc` that may be credit cues, in order: those whose lower-case form is a cue
    word, whose lower-cased lemma is a cue lemma, or that have no lemma. Read from the Doc's arrays,
    so that the other words of the article get no Token object."""
    strings = doc.vocab.strings
    rows = doc.to_array(["LOWER", "LEMMA"]).tolist()
    lemmas = {lemma for _, lemma in rows}
    cue_lemmas = {lemma for lemma in lemmas if lemma == 0 or strings[lemma].lower() in _CUE_LEMMAS}
    cue_words = {strings[w] for w in _CUE_WORDS}
    return [doc[i] for i, (lower, lemma) in enumerate(rows) if lemma in cue_lemmas or lower in cue_words]


_NOT_DONE = {"fail", "refuse", "decline", "neglect", "omit"}  # verbs that say the report was not made
_OCCASIONS = vocab.words("venue_nouns")  # "a Tuesday press conference announcing ...": where, not who


def _usable(m: Mention) -> bool:
    """Parties worth reporting: resolved, named or at least described, never a bare pronoun."""
    if m.kind in ("pronoun", "document") or bare_description(m):
        return False  # "the agency" that names no agency of the article is no one to check
    if m.kind in ("anonymous", "description") and not m.resolved and m.head in _OCCASIONS:
        return False  # "said Merrick Garland in a Tuesday press conference announcing the pleas": the occasion
    if m.kind == "anonymous" and not m.resolved and not m.proper and _bare_role(m.name):
        return False  # "a spokesman said", "citing sources": a role alone names no one an editor can ask
    if m.kind == "description" and not m.resolved:
        words = set(m.name.lower().split())
        if not (m.head in TITLE_WORDS or m.head in GOV_STRONG or m.head in GOV_WEAK or m.proper
                or words & GOV_STRONG or m.head in MEDIA_HEADS or m.plural and m.words & CITED_ROLE_WORDS):
            # ("the organizers", "the prosecutors": a party of the story, as "organizers said" is)
            return False  # "the group", "the attackers": nothing an editor can check
    if is_zone_word(m.name):
        return False  # "Shortly after 1600 GMT an airport spokesperson said": a clock, parsed as the speaker's name
    n = names_mod.normalize(m.name)
    return bool(n) and n not in PLATFORMS and len(n) > 1


_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "this", "that"})


def unnamed_office(name: str) -> bool:
    """One person called only by an office the article never ties to a name ("the outgoing
    chancellor", "the company's CEO", "his ethics adviser", "Prime Minister"): no name an editor
    can check, so no source (the resolver names the holder where the article does). Every word is
    a determiner, a possessive or a lower-case qualifier, or a title word; the last one is a title
    and the phrase is singular."""
    words = [w.strip(",.:;") for w in name.split()]
    words = [w for w in words if w]
    if not words or len(words) > 5:
        return False
    head = words[-1].lower()
    head = TITLE_EXPANSIONS.get(head, head)
    if head not in TITLE_WORDS or head in GENERIC_ROLE_WORDS or head in CITED_ROLE_WORDS:
        return False  # "a senior administration official", "a former federal prosecutor": cited as such
    for w in words[:-1]:
        low = w.lower()
        bare = re.sub(r"[’']s?$", "", low)
        if low in _DETERMINERS or low in TITLE_WORDS or TITLE_EXPANSIONS.get(low, "") in TITLE_WORDS:
            continue
        if w[:1].islower() and bare.isalpha() or (w[:1].islower() and "-" in bare):
            continue  # "outgoing", "ethics", "company's", "newly-appointed"
        return False
    return True


def _bare_role(name: str) -> bool:
    """One person named by a bare role ("a spokesman said"), or unnamed "sources": no one an editor
    can ask. Officials, analysts, experts in the plural stand for their body or field and stay."""
    words = [w for w in re.findall(r"[^\W_][\w’'.-]*", name.lower()) if w not in ("a", "an", "the", "one", "some")]
    if len(words) != 1:
        return False
    w = words[0]
    if w.endswith("s") and w[:-1] in PERSON_ROLES:
        return w == "sources"
    return w in PERSON_ROLES and w not in INSTITUTIONS


# ---- credit lines -----------------------------------------------------------------------------
def _split_names(body: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\||\band\b|&|/|\bvia\b|©)\s*", body)
    # acronyms joined by a hyphen are two credits ("NNN-NHK"); a name's own hyphen stays ("France-Presse")
    parts = [x for p in parts for x in (p.split("-") if re.fullmatch(r"[A-Z]{2,}(?:-[A-Z]{2,})+", p.strip()) else [p])]
    return [p.strip(" .:-–—") for p in parts if p.strip(" .:-–—")]


_PARTY_AND_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,14}")  # "R-NE", "D-Calif.", "R-Ohio"


def _capitals_word(name: str) -> bool:
    """One word in capitals, as an agency's short name is written in a credit ("AFP", "EPA", "REUTERS");
    several are a photographer's name ("PHOTO | AMOS GUMULIRA | AFP", "Photo by MANDEL NGAN/AFP")."""
    return name.isupper() and len(name.split()) == 1


def _credit_name_ok(name: str) -> bool:
    """A name that can stand in a credit line: a short proper name, not staff or the platform."""
    words = name.split()
    if not words or len(words) > 5 or not name[:1].isupper() or _PARTY_AND_STATE.fullmatch(name):
        return False  # ("Rep. Don Bacon (R-NE) — voted for ...": a lawmaker's party and state, no dateline)
    low = {w.lower().strip(".") for w in words}
    if low & STAFF_WORDS or names_mod.normalize(name) in PLATFORMS or name.lower() in ("file", "files"):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in names_mod._CONNECTORS for w in words):
        return False  # "— The writer is a journalist": a sentence, not a credit
    # several words not shaped like an outlet are most likely a person's name (a photographer)
    return len(words) == 1 or name.isupper() or outlet_like(name, "", True)


def _contributing_outlet(part: str) -> Optional[tuple[str, int]]:
    """The outlet in one name of a contributor line, with its offset in `part`: "The Associated
    Press" -> Associated Press; "Associated Press White House correspondent Kevin Osei" ->
    Associated Press; "CNN’s Jane Doe" -> CNN; a person alone ("Jane Doe") -> None: the writer is
    the outlet's staff, not a source of the story; "Jane Doe of The Times" -> Times."""
    of = re.search(r"\s(?:of|for|with)\s+", part)
    if of:
        inner = _contributing_outlet(part[of.end():])
        return (inner[0], of.end() + inner[1]) if inner else None
    m = re.match(r"(?i)\s*(?:the\s+)?", part)
    start = m.end() if m else 0
    words: list[tuple[int, int]] = []
    for w in re.finditer(r"[^\s]+", part[start:]):
        token = w.group(0)
        if token.lower().strip(",.") in CONTRIBUTOR_WORDS:
            break
        possessive = re.search(r"[’']s$", token)
        words.append((start + w.start(), start + w.end() - (2 if possessive else 0)))
        if possessive or len(words) >= 6:  # "CNN’s Jane Doe"
            break
    best = None
    for k in range(len(words), 0, -1):  # the longest prefix that names an outlet
        name = part[words[0][0]:words[k - 1][1]].strip(" ,.")
        n = names_mod.normalize(name)
        if n in KNOWN_OUTLETS or n in names_mod.AGENCY_ALIASES:
            best = name
            break
        if n.split() and n.split()[-1] in MEDIA_WORDS and outlet_like(name, "", True) and _credit_name_ok(name):
            best = name
            break
    if best is None:
        return None
    return best, words[0][0]


_BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n]*?)\s*$")


def byline_credits(article: Article) -> list[Credit]:
    """A wire or outlet named in the byline wrote the story ("By Reuters", "By Jane Doe, Associated
    Press"): credited, from the byline lines ingest set aside (they are masked in the analysed text).
    Only known outlets: a byline's other names are its writers."""
    out: list[Credit] = []
    for ex in article.excluded:
        if ex.reason != "byline":
            continue
        m = _BYLINE.match(article.text[ex.start:ex.end])
        if not m:
            continue
        body = m.group("names")
        for part in re.split(r"\s*(?:,|\band\b|\||/)\s*", body):
            found = _outlet_in_run(part, shaped=False, exact=True) if part else None
            if found and names_mod.normalize(found) == names_mod.normalize(part):
                s = ex.start + m.start("names") + body.find(part)
                out.append(Credit(found, "outlet", s, s + len(found), "byline"))
    return out


def credit_lines(text: str) -> list[Credit]:
    """Wire, photo and post credits: "— Reuters", "With additional input from AFP", "(AP) —",
    "Photo: AFP/File", "— X/@handle". Pure text rules; the credit position makes a name an outlet."""
    out: list[Credit] = []
    defined = names_mod.acronyms(text)
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip():
            continue
        handles = list(_HANDLE.finditer(line))
        dash = _DASH_LINE.match(line)
        if dash and (dash.group("body").endswith(":") or _in_a_bulleted_list(lines, k)):
            dash = None  # "- Country:" / "- Rwanda": a page's field list, no credit
        if handles and (dash or len(line.strip()) < 60):
            for h in handles:
                own = _POSTER_NAME.search(line[:h.start()])
                if own and _credit_name_ok(own.group("name").split()[-1]):
                    # "— Dr. Fahrettin Koca (@drfahrettinkoca) October 15, 2022": the post's signature
                    # gives the poster's name before the handle
                    name = own.group("name")
                    words = name.split()
                    while len(words) > 2 and words[0].lower() in TITLE_WORDS:
                        words = words[1:]  # "Dr. Fahrettin Koca" is Fahrettin Koca
                    name = " ".join(words)
                    n = names_mod.normalize(name)
                    kind = "outlet" if n in KNOWN_OUTLETS or n in _known_short() else (
                        "person" if 2 <= len(name.split()) <= 4 and not outlet_like(name) and not _institution_name(name)
                        else "organization")
                    out.append(Credit(name, kind, lo + own.start("name") + own.group("name").find(name), lo + h.end(),
                                      "post credit"))
                    continue
                out.append(Credit("@" + h.group("handle"), "organization", lo + h.start(), lo + h.end(), "post credit",
                                  handle=h.group("handle")))
            continue
        m_contrib = _CONTRIBUTED.match(line) if len(line) < 260 else None
        if m_contrib:
            body = m_contrib.group("names")
            off = lo + m_contrib.start("names")
            for part in re.finditer(r"[^,;]+?(?=\s*(?:,|;|\band\b|$))", body):
                piece = part.group(0)
                if piece.strip().lower() in ("and", ""):
                    continue
                piece = re.sub(r"^\s*and\s+", "", piece)
                found = _contributing_outlet(piece)
                if found:
                    nm, _ = found
                    s = off + body.find(nm, part.start())
                    out.append(Credit(nm, "outlet", s, s + len(nm), "contributor credit"))
            continue
        m_input = _INPUT_FROM.search(line)
        if m_input:
            for nm in _split_names(m_input.group("names")):
                if _credit_name_ok(nm):
                    s = lo + m_input.start("names") + m_input.group("names").find(nm)
                    out.append(Credit(nm, "outlet", s, s + len(nm), "input from"))
            continue
        if dash:
            body = dash.group("body")
            for nm in _split_names(body):
                if _credit_name_ok(nm):
                    s = lo + dash.start("body") + body.find(nm)
                    out.append(Credit(nm, "outlet", s, s + len(nm), "credit line"))
            continue
        comma_dateline = _DATELINE_COMMA.match(line)
        if comma_dateline and (names_mod.normalize(comma_dateline.group("names")) in KNOWN_OUTLETS | _known_short()
                               or _DOMAIN_NAME.fullmatch(comma_dateline.group("names"))):
            # a dateline that names the agency after the place, without brackets: only a known agency
            out.append(Credit(comma_dateline.group("names"), "outlet", lo + comma_dateline.start("names"),
                              lo + comma_dateline.end("names"), "dateline credit"))
        for rx, cue in ((_PHOTO, "photo credit"), (_DATELINE, "dateline credit"), (_TRAILING_DASH, "credit line")):
            for m in rx.finditer(line):
                if rx is _DATELINE and m.group("names") in defined and \
                        names_mod.normalize(m.group("names")) not in _known_short():
                    continue  # "The Democratic Alliance (DA) – led by ...": a body's short name, no dateline
                for nm in _split_names(m.group("names")):
                    strict = rx is _TRAILING_DASH or rx is _PHOTO
                    if _credit_name_ok(nm) and (not strict or _outlet_in_run(nm) or _capitals_word(nm)):
                        s = lo + m.start("names") + m.group("names").find(nm)
                        out.append(Credit(nm, "outlet", s, s + len(nm), cue))
    return out


_STAFF_HEADS = vocab.tagged("person_roles", "contributor")  # "correspondent", "reporter", "journalist"


def _outlet_of_its_staff(m: Mention) -> Optional[str]:
    """The known outlet an unnamed staff member is described by ("a Sputnik correspondent", "an AFP
    reporter"), or None."""
    if m.kind != "anonymous" or m.head not in _STAFF_HEADS or m.resolved:
        return None
    run = re.sub(r"^(?:an?|the)\s+", "", m.text[:m.text.lower().rfind(m.head)].strip(), flags=re.I)
    return _outlet_in_run(run, shaped=False, exact=True) if run else None


def _in_a_bulleted_list(lines: Sequence[str], k: int) -> bool:
    """Whether line k is one item of a list of dashed lines (a line next to it is dashed too): a
    credit line stands alone."""
    return any(0 <= j < len(lines) and _DASH_LINE.match(lines[j]) for j in (k - 1, k + 1))


_FIRST_WORDS_NOT_NAMES = frozenset(names_mod.normalize(n).split()[0] for n in _NAMED_IN_FULL_ONLY) - frozenset(
    names_mod.normalize(n).split()[0] for n in KNOWN_OUTLETS - _NAMED_IN_FULL_ONLY if names_mod.normalize(n))


def _outlet_in_run(name: str, shaped: bool = True, exact: bool = False) -> Optional[str]:
    """The outlet a run of capitalised words names, from its first word that starts a known outlet's
    name ("Sunday CBS" -> CBS; "CNN International" -> CNN International); else the run itself when
    it is shaped like a media name ("Washington Post", "PA Wire")."""
    words = name.split()
    known, firsts = _known_names(), _known_first_words()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            n = names_mod.normalize(" ".join(words[i:j]))
            if n in known or (j == i + 1 and (len(n) >= 4 or words[i].isupper()) and n in firsts
                              and not _nationality(words[i])  # "Korean broadcaster MBC": a people, not "Korean Herald"
                              and not _country_name(words[i])  # "France’s National Assembly", not France 24
                              and not (j < len(words) and not words[i].isupper()
                                       and not outlet_like(" ".join(words[i:]), "", True))):
                # (a word that opens an outlet's name opens other names too, followed by other words:
                # "Saudi Arabia's Public Investment Fund" is no "Saudi Gazette", "the United Kingdom's
                # University of Suffolk" no United Press International; an agency's letters go on to
                # its service's name: "PA Wire")
                return " ".join(words[i:j] if exact else words[i:])
    return name if shaped and outlet_like(name, "", True) and _credit_name_ok(name) else None


def _credit_setting(text: str, start: int, end: int) -> bool:
    """Where a slash credit ("AFP/Getty Images", "Reuters/File Photo") stands: in brackets, on a short
    line of its own, or on a line that names a picture."""
    if text.rfind("(", 0, start) > text.rfind(")", 0, start) and text.find(")", end) >= 0:
        return True
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo:hi if hi >= 0 else len(text)]
    if not text[end:hi if hi >= 0 else len(text)].strip() and re.search(r"[.!?]\s+[A-Z][^.!?]*$", text[lo:end]):
        return True  # the caption's last words after its sentence: "... in Uvalde, Texas. Dario Lopez-Mills/AP"
    return len(line.strip()) <= SHORT_CREDIT_LINE or bool(_CREDIT_NOISE.search(line) or _CREDIT_LABEL.search(line))


_CREDIT_LABEL = re.compile(r"(?i)\b(?:credit|courtesy)\s*:")


SHORT_CREDIT_LINE = 60  # a credit line is short; a sentence that names media with a slash is not one
# A bracket opened right after a name ("his Christian Democrats (CDU/CSU)"): the short names of that
# name, not unknown agencies in a picture credit.
_NAMED_BEFORE_BRACKET = re.compile(r"[A-Z][\w'’-]*[ ]\($")


def _more_credits(text: str) -> list[Credit]:
    """Outlets credited by photo and video credits, an outlet's possessive (its programme, its
    staff), a bracketed outlet opening the story, a source line of cells, or a line that is only
    an outlet's name (a masthead). Names must be outlets by name or shape: a photographer's own
    name is no outlet."""
    out: list[Credit] = []

    def add(name: str, s: int, cue: str) -> None:
        name = name.strip(" .,:;-–—’'")
        if name and not any(c.name == name and c.start == s for c in out):
            out.append(Credit(name, "outlet", s, s + len(name), cue))

    defined = names_mod.acronyms(text)
    for m in _BRACKETED.finditer(text):  # "... a pondering expression.(AFP)": a wire credited in brackets
        if m.group("names") in defined and (names_mod.normalize(m.group("names")) not in _known_short()
                                            or not _outlet_in_run(defined[m.group("names")][0], shaped=False)):
            # "the Democratic Alliance (DA)": the short name the text gives a body, no credit; nor when
            # the short name is also an agency's ("The Aam Aadmi Party (AAP)", not Australian Associated Press)
            continue
        core = " ".join(_CREDIT_NOISE.sub(" ", m.group("names")).split())  # "(Reuters Photo)": the wire's picture
        found = _outlet_in_run(core, shaped=False, exact=True) if core else None
        if found and names_mod.normalize(found) == names_mod.normalize(core) \
                and names_mod.normalize(found) in _known_names() | _known_short():
            # (a word that only opens an outlet's name is a part of another's: "Janata Dal (United)")
            add(found, m.start("names") + m.group("names").find(found), "bracketed credit")
    for m in _BRACKETED_PICTURE.finditer(text):  # "(AP: Mark Von Holden)": the wire's picture, its photographer
        found = _outlet_in_run(m.group("names"), shaped=False, exact=True)
        if found and names_mod.normalize(found) == names_mod.normalize(m.group("names")):
            add(found, m.start("names"), "photo credit")
    for m in _VIA_LINE.finditer(text):  # "Future Publishing via Getty Images" under a picture
        found = _outlet_in_run(m.group("names"), shaped=False)
        if found:
            add(found, m.start("names") + m.group("names").rfind(found), "photo credit")
    for m in _POSSESSIVE.finditer(text):
        run = m.group("names")
        glued = re.split(r"(?<=[a-z])\.(?=[A-Z])", run)  # "on Monday.Ukrainian broadcaster": a sentence's end, its space lost
        if len(glued) > 1:
            run = glued[-1]
        found = _outlet_in_run(run, shaped=False)
        if not found and m.group("medium") and _credit_name_ok(run) and not run.isupper() \
                and names_mod.normalize(run) not in NEWS_QUALIFIERS | MEDIA_HEADS and not _nationality(run) \
                and not (" " not in run and (len(glued) > 1 or _starts_sentence(text, m.start("names")))):
            found = run  # "Forbes magazine's annual ranking" (not "News website Axios"): the medium named with it says what it is
        if found:
            add(found, m.start("names") + m.group("names").rfind(found), "outlet's programme or staff")
    for m in _AFFILIATE.finditer(text):
        if _outlet_in_run(m.group("network"), shaped=False, exact=True):
            add(m.group("names"), m.start("names"), "outlet's affiliate")
    for m in _STAFF_OF.finditer(text):
        run = m.group("names")
        if not _NAMED_AFTER.match(text, m.end()) or _FORMER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            # "the former Fox News host", "a Fox News Channel host": what a person was or is, not an
            # outlet's staff member named as telling the story ("NPR correspondent Franco Ordoñez")
            continue
        found = _outlet_in_run(run, shaped=False, exact=True)
        if found:
            add(found, m.start("names") + run.rfind(found), "outlet's staff")
    for m in _ON_PROGRAMME.finditer(text):
        if m.group("names")[:1].isupper():
            add(m.group("names"), m.start("names"), "programme appeared on")
    for rx, cue in ((_PHOTO_BY, "photo credit"), (_OWNER_PHOTO, "photo credit"), (_SLASH_CREDIT, "photo credit"),
                    (_BRACKET_OPENING, "opening credit"), (_POLL, "poll"), (_COPYRIGHT, "copyright"),
                    (_OUTLET_WORK, "outlet's own count"), (_MADE_FOR, "outlet's own count"),
                    (_REPUBLISHED, "first published by"), (_READ_MORE, "first published by"),
                    (_SOURCE_LINE, "source line"), (_OWN_CHECK, "outlet's own check")):
        for m in rx.finditer(text):
            body = m.group("names")
            if rx is _SLASH_CREDIT and not _credit_setting(text, m.start(), m.end()):
                continue  # "an editor for Radio Free Europe/Radio Liberty": a name in a sentence, no credit
            # "A Washington Post-ABC News poll": two media that ran a poll, joined by a hyphen
            split = r"\s*/\s*|\s*©\s*|\s+via\s+|\s+and\s+" + (r"|(?<=[a-z])-(?=[A-Z])" if rx is _POLL else "") \
                + (r"|\s*,\s*" if rx is _SOURCE_LINE else "")  # "Sources: CGTN, Reuters"
            for part in re.split(split, body):
                core = " ".join(_CREDIT_NOISE.sub(" ", part).split())
                core = re.sub(r"^(?:A|An|The)\s+(?=[A-Z])", "", core)  # "A New York Times/Siena College poll"
                if not core:
                    continue
                short_name = rx is _SLASH_CREDIT and _NAMED_BEFORE_BRACKET.search(text[max(0, m.start() - 60):m.start()]) is not None
                if rx is _OWN_CHECK:
                    found = _outlet_in_run(core, shaped=False, exact=True)
                elif rx in (_OUTLET_WORK, _MADE_FOR):
                    found = _outlet_in_run(core)
                    if found and names_mod.normalize(found) not in _known_names() \
                            and not outlet_like(found, "", True):
                        continue  # "the United Nations estimate": a body's count, though "United" opens a medium's name
                else:
                    found = _outlet_in_run(core) or (core if _capitals_word(core) and 2 <= len(core) <= 12 and not short_name
                                                     else None)
                if rx is _BRACKET_OPENING and not found and _credit_name_ok(core.split()[0]) and len(core.split()) <= 3:
                    found = core  # the position credits it, as a dateline does: "(Headline USA) Former ..."
                if rx is _COPYRIGHT and not found and _credit_name_ok(core) \
                        and _RIGHTS_RESERVED.match(text, m.end("names")):
                    found = core  # whoever holds the rights of the text published it
                if rx is _SOURCE_LINE and not found and _DOMAIN_NAME.fullmatch(core):
                    found = core  # "Reference(s): cgtn.com": the site the story was taken from
                if rx in (_REPUBLISHED, _READ_MORE) and not found and _credit_name_ok(core) and len(core.split()) <= 5:
                    found = core  # whoever first published the story is a medium ("The Conversation")
                if found:
                    add(found, m.start("names") + max(0, body.find(found)), cue)
    pos = 0
    for line in text.split("\n"):
        lo = pos
        pos += len(line) + 1
        joint = _JOINT_BYLINE.match(line)
        if joint and any(_outlet_in_run(joint.group(g), shaped=False, exact=True) for g in ("a", "b")):
            for g in ("a", "b"):  # "Le Monde with AFP": a byline of an outlet writing with a wire
                if _credit_name_ok(joint.group(g).split()[0]) and len(joint.group(g).split()) <= 4:
                    add(joint.group(g), lo + joint.start(g), "joint byline")
        by = _BYLINE_CELLS.match(line)
        if by and _outlet_in_run(by.group("names"), shaped=False, exact=True):
            found = _outlet_in_run(by.group("names"), shaped=False, exact=True)
            add(found, lo + by.start("names") + max(0, by.group("names").find(found)), "byline")
        paper = _WRITERS_THEN_PAPER.match(line)
        if paper and _outlet_in_run(paper.group("names")) == paper.group("names"):
            add(paper.group("names"), lo + paper.start("names"), "byline")
        m = _CELL_LINE.match(line)
        if m and _outlet_in_run(m.group("names")):
            add(_outlet_in_run(m.group("names")), lo + m.start("names"), "source line")
        opening = _BYLINE_OPENING.match(line)
        found = _outlet_in_run(opening.group("names"), shaped=False, exact=True) if opening else None
        if found and opening.group("names").startswith(found):
            # "By AP Updated On - 5 August 2024": a wire's byline with the page's stamp after it
            add(found, lo + opening.start("names"), "byline")
        glued = _GLUED_BYLINE.match(line)
        if glued and _outlet_in_run(glued.group("names"), shaped=False, exact=True) == glued.group("names"):
            add(glued.group("names"), lo + glued.start("names"), "byline")  # "Ciara O'LoughlinReuters": its space lost
        stripped = line.strip()
        if stripped and len(stripped) <= 40 and names_mod.normalize(stripped) in _known_short():
            add(stripped, lo + line.find(stripped), "masthead")
    return out


def _starts_sentence(text: str, start: int) -> bool:
    """The word at `start` opens a line or a sentence, where any word is capitalised ("Thai broadcaster
    Amarin TV said", "Local broadcaster ..."): its capital says nothing of a name."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“"


def _handle_owner(handle: str, candidates: Sequence[Credit]) -> Optional[Credit]:
    """The party a handle belongs to: its letters appear in order in the party's name
    (usembislamabad ~ US embassy in Islamabad)."""
    h = handle.lower()
    for c in reversed(candidates):
        letters = re.sub(r"[^a-z0-9]", "", c.name.lower())
        if len(h) >= 4 and letters[:1] == h[:1] and _in_order(h, letters) and len(h) >= 0.4 * len(letters):
            return c
    return None


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


# ---- the stage --------------------------------------------------------------------------------
def _from_quotes(quotes: Sequence[Quote]) -> list[Credit]:
    out = []
    for q in quotes:
        if not q.speaker or q.speaker_start is None or q.speaker_end is None:
            continue
        if names_mod.normalize(q.speaker) in PLATFORMS:
            continue
        if q.speaker_kind == "anonymous" and q.cue == "transcript label":
            continue  # "UNIDENTIFIED PERSON #2:" names nobody an editor could check
        if q.speaker_kind == "outlet" and q.speaker[:1].islower():
            continue  # "the news outlet said": a medium the quote leaves unnamed is no outlet to credit
        if re.match(r"(?:the|a|an) ", q.speaker):
            continue  # "the player said", "the indictment said" with no name to refer to: no one to credit
        c = Credit(q.speaker, q.speaker_kind or "organization", q.speaker_start, q.speaker_end,
                   f"quote ({q.cue})" if q.cue else "quote", q.speaker_role)
        members = [p for p in re.split(r",\s*|\s+and\s+", q.speaker)] if q.speaker_kind == "person" else []
        if len(members) > 1 and all(len(p.split()) >= 2 and p[:1].isupper() for p in members):
            out.extend(replace(c, name=p) for p in members)  # "A and B" wrote jointly
            continue
        out.append(c)
    return out


def _cue_is_no_speech(q: Quote, doc) -> bool:
    """ "Americans woke up to the 'mother of all outages'", "councils prepare for 'biggest change to
    elections in decades'": quoted words hung on a verb that is no speech by a body or a group
    (not a named person) credit no one; a person's words under any verb still do."""
    if not q.cue or q.speaker_kind == "person" or q.speaker_end is None or " " in q.cue.strip():
        return False
    for t in token_range(doc, q.speaker_end, min(len(doc.text), q.speaker_end + 40)):
        if t.text == q.cue:
            return t.pos_ == "VERB" and not is_reporting(t, weak=True)
    return False


def _is_own(name: str, article: Article) -> bool:
    """The article's own writer or publisher, no party it credits; but a wire that wrote it ("By
    Reuters") is credited, however a page republishing it names its author."""
    n = names_mod.normalize(name)
    wire = n in _known_short() or n in names_mod.AGENCY_ALIASES
    for own in (article.author, article.outlet):
        if own and names_mod.normalize(own) == n and not (own is article.author and wire):
            return True
    return False


def extract(article: Article, text: str, doc, quotes: Sequence[Quote] = ()) -> tuple[Source, ...]:
    """The parties one article credits, one Source per party with every piece of evidence.

    `text` is the noise-masked analysis text, `doc` its parse, `quotes` the article's quotes
    (their speakers are sources too). Canonical ids are per article here; `names.canonicalize`
    makes them shared across articles.
    """
    quote_spans = []
    for q in quotes:
        a = q.start - 1 if q.start > 0 else q.start
        quote_spans.append((a, q.end + 1))
    resolver = Resolver(doc, text, quote_spans)
    quotes = [q for q in quotes if not _cue_is_no_speech(q, doc)]
    credits = _from_quotes(quotes) + _ParseCredits(doc, text, resolver).run()
    lines = credit_lines(text) + _more_credits(text) + byline_credits(article)
    for c in lines:
        if c.handle:
            prior = [k for k in credits if k.start < c.start and k.kind != "outlet"]
            owner = _handle_owner(c.handle, prior)
            if owner is not None:
                credits.append(replace(c, name=owner.name, kind=owner.kind, role=owner.role))
                continue
        credits.append(c)
    defined = names_mod.acronyms(text)
    return _group(article, text, [replace(c, kind="organization") if c.kind == "outlet" and (
        _picture_library(c.name) or _defined_otherwise(c.name, defined)) else c for c in credits])


def _defined_otherwise(name: str, defined: dict) -> bool:
    """An agency's short name that the text spells out as another body's ("Pakistan Tehreek-e-Insaf
    (PTI)", not the Press Trust of India)."""
    return name in defined and not _outlet_in_run(defined[name][0], shaped=False)


_PICTURE_LIBRARIES = vocab.words("picture_libraries")


def _picture_library(name: str) -> bool:
    """A picture library ("Getty Images", "Getty Images Politics", "Shutterstock"): credited for a
    picture, no news outlet."""
    plain = names_mod.normalize(name)
    return plain in _PICTURE_LIBRARIES or plain.split(" ", 1)[0] in _PICTURE_LIBRARIES


def _without_picture_words(c: Credit) -> Credit:
    """An outlet credited with a picture's words after its name ("AP Photo", "Getty Image") is the
    outlet ("AP"); a known name that holds such a word stays whole ("Getty Images")."""
    if c.kind != "outlet" or names_mod.normalize(c.name) in _known_short():
        return c
    words = c.name.split()
    while len(words) > 1 and _CREDIT_NOISE.fullmatch(words[-1]):
        words = words[:-1]
    name = " ".join(words)
    return c if name == c.name else replace(c, name=name, end=c.start + len(name))


def unnamed_medium(name: str) -> bool:
    """A medium described, not named ("state media", "Greek TV", "the local broadcaster", "Media"):
    nothing left once its common words, its medium's words and its nationality are set aside."""
    left = [w for w in re.findall(r"[\w’'&.-]+", name) if (w[:1].isupper() or _DOMAIN_NAME.fullmatch(w))
            and w.lower() not in MEDIA_HEADS
            and w.lower() not in MEDIA_HEADS_QUALIFIED and w.lower() not in NEWS_QUALIFIERS and w.lower() != "the"
            and not _nationality(w)]
    return not left and names_mod.normalize(name) not in _known_short()


def _group(article: Article, text: str, credits: Iterable[Credit]) -> tuple[Source, ...]:
    groups: dict[str, list[Credit]] = {}
    order: list[str] = []
    for c in map(_without_picture_words, credits):
        if _is_own(c.name, article) or names_mod.normalize(c.name) in PLATFORMS:
            continue
        if c.kind != "outlet" and unnamed_office(c.name):
            continue
        key = names_mod.normalize(c.name)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
    _merge_forms(groups, order, text)
    out = []
    for key in order:
        cs = groups[key]
        name = cs[0].name
        kind = max((c.kind for c in cs), key=lambda k: KIND_RANK.get(k, 0))
        if kind == "outlet" and unnamed_medium(name):
            kind = "anonymous"  # "state media", "Greek TV": a medium no name tells, as "officials" is no one named
        spans = []
        for c in sorted(cs, key=lambda c: c.start):
            sp = Span(article.id, c.start, c.end, text[c.start:c.end])
            if sp not in spans:
                spans.append(sp)
        via = tuple(dict.fromkeys(v for c in cs for v in c.via if names_mod.normalize(v) != key))
        role = next((c.role for c in cs if c.role), None)
        canon = names_mod.source_id(name, kind, article.id)
        out.append(Source(id=f"{canon}@{article.id}", article=article.id, name=name, canonical=canon, kind=kind,
                          evidence=tuple(spans), via=via, role=role))
    return tuple(out)


def _merge_forms(groups: dict[str, list[Credit]], order: list[str], text: str) -> None:
    """One party credited under two forms in one article becomes one source, named by its fuller
    form: an acronym or agency short name and its long form ("(AP)" dateline and "The Associated
    Press"; "OMB" and "Office of Management and Budget"), a lone surname and the one full name
    ending in it. Edits `groups` and `order` in place."""
    defined = names_mod.acronyms(text)

    def kind_of(key: str) -> str:
        return max((c.kind for c in groups[key]), key=lambda k: KIND_RANK.get(k, 0))

    def fold(short: str, long: str, person: bool = False) -> None:
        moved = groups.pop(short)
        name = groups[long][0].name
        groups[long].extend(replace(c, name=name, kind="person" if person else c.kind) for c in moved)
        order.remove(short)

    for key in list(order):
        if key not in groups:
            continue
        name = groups[key][0].name.strip()
        if kind_of(key) == "person":
            continue
        for other in order:
            if other == key or other not in groups or kind_of(other) == "person":
                continue
            oname = groups[other][0].name
            if len(other) <= len(key):
                continue
            acr = name.replace(".", "")
            if (names_mod.agency_alias(name, oname) or names_mod.org_key(name) == names_mod.org_key(oname)
                    or (acr in defined and names_mod.normalize(defined[acr][0]) == other)
                    or (names_mod.is_acronym(name) and names_mod.compare_orgs(name, oname) == "short")):
                fold(key, other)
                break
    # an outlet's short name beside its full name: "the Post" after "The Washington Post"
    outlets = [k for k in order if kind_of(k) == "outlet" and len(k.split()) > 1]
    for key in list(order):
        if key not in groups or len(key.split()) != 1 or kind_of(key) != "outlet":
            continue
        holders = [k for k in outlets if k in groups and k != key and (k.split()[-1] == key or (
            k.split()[0] == key and all(w in MEDIA_WORDS or w in ("international", "world") for w in k.split()[1:])))]
        if len(holders) == 1:
            fold(key, holders[0])
    # a lone surname credited beside the one full name that ends in it
    people = [k for k in order if kind_of(k) == "person" and len(k.split()) > 1]
    for key in list(order):
        if key not in groups or len(key.split()) != 1 or kind_of(key) == "outlet":
            continue
        holders = [k for k in people if k in groups and k.split()[-1] == key]
        if len(holders) == 1:
            fold(key, holders[0], person=True)


# ---- claims' attribution ----------------------------------------------------------------------
def attribute(claims: Sequence[Claim], quotes: Sequence[Quote], sources: Sequence[Source],
              sentences: Sequence = ()) -> tuple[Claim, ...]:
    """Claims with `attribution` (canonical source id) and `attribution_span` set where the claim's
    sentence credits a source: "according to X", "X said", or a quote the claim is part of.

    A credit inside the claim itself wins, then a quote the claim overlaps, then a credit elsewhere
    in its sentence ("The military reported that 14 soldiers died, while 21 militants were killed"
    credits both clauses). A direct source is preferred to the outlet it was reached through.
    `sentences` (model.Sentence) give the sentences' extents; without them a sentence is taken to
    run from its first claim to its last.
    """
    by_article: dict[str, list[tuple[Span, Source]]] = {}
    for s in sources:
        for sp in s.evidence:
            by_article.setdefault(s.article, []).append((sp, s))
    quotes_by_article: dict[str, list[Quote]] = {}
    for q in quotes:
        quotes_by_article.setdefault(q.article, []).append(q)
    extent: dict[tuple[str, int], tuple[int, int]] = {}
    for sent in sentences:
        extent[(sent.article, sent.index)] = (sent.start, sent.end)
    for c in claims:
        key = (c.article, c.sentence)
        if key not in extent or not sentences:
            lo, hi = extent.get(key, (c.start, c.end))
            extent[key] = (min(lo, c.start), max(hi, c.end))

    def best(cands: list[tuple[Span, Source]]) -> tuple[Span, Source]:
        direct = [x for x in cands if x[1].kind != "outlet"] or cands
        return min(direct, key=lambda x: (-len(x[1].via), x[0].start))

    out = []
    for c in claims:
        credits = by_article.get(c.article, [])
        inside = [(sp, s) for sp, s in credits if sp.start >= c.start and sp.end <= c.end]
        if inside:
            sp, s = best(inside)
            out.append(replace(c, attribution=s.canonical, attribution_span=sp))
            continue
        quoted = [q for q in quotes_by_article.get(c.article, []) if q.start < c.end and q.end > c.start and q.speaker_id]
        if quoted:
            q = quoted[0]
            if q.speaker_start is not None and q.speaker_end is not None and c.start <= q.speaker_start and q.speaker_end <= c.end:
                sp = Span(c.article, q.speaker_start, q.speaker_end,
                          c.text[q.speaker_start - c.start:q.speaker_end - c.start])
            else:
                sp = Span(c.article, q.start, q.end, q.text)
            out.append(replace(c, attribution=q.speaker_id, attribution_span=sp))
            continue
        lo, hi = extent[(c.article, c.sentence)]
        in_sentence = [(sp, s) for sp, s in credits if sp.start >= lo and sp.end <= hi]
        if in_sentence:
            sp, s = best(in_sentence)
            out.append(replace(c, attribution=s.canonical, attribution_span=sp))
            continue
        out.append(c)
    return tuple(out)
