"""Who speaks: mentions of parties, their resolution, and the speaker of each quote.

Why a module of its own: both the quote stage and the source stage need the same answer to
"who is this subject?". A subject may be a name ("Lin Jian"), a name with an office
("Interior Minister Mohsin Naqvi"), a description ("the interior minister", "the embassy"), a
pronoun ("it further added"), a surname ("Naqvi"), an acronym ("the EU") or a document
("the Russian statement"). Each resolves to the compatible named mention that precedes it
(person vs organisation), the way a reader does; nothing here knows any seed article.
Compatibility is by words ("the interior minister" -> Interior Minister X), by implied titles
("the senator" -> Senate Leader X; "the lawmaker" -> Rep. X), by the kind of body ("the agency" ->
the Office of ...; "the company" -> a named non-state organisation), and by gender where the text
states it (Mr./Ms., congresswoman). Definite unnamed parties take up the one introduced before
("the official" -> "a senior administration official"); "the senators" -> the senators named
together. A bare description that resolves to nothing ("the agency") is no speaker at all.

Where the attribution stands outside the quote's own sentence (`QuoteAttributor`), it is taken
only from a neighbour that introduces the quote, never from any nearby name:
- the sentence before ends in a colon ("X said in a statement:", "X released the following
  statement:"): the subject of its reporting (else main) verb speaks;
- the quote before, in the same run of quote paragraphs, has a speaker: a quote paragraph with no
  words of its own outside the marks keeps it (and a quote left open over paragraphs keeps its
  speaker across a subheading);
- the sentence after is only an attribution ("That is what he said.", "— Mayor X");
- a statement set without marks after "X said in a (written) statement:" is X's, paragraph by
  paragraph, up to one with marks or with an attribution of its own (`block_statements`; an
  outlet's "The AP reports:" introduces an excerpt of a report, not speech);
- a transcript turn is its label's ("MS. JEAN-PIERRE:", "Q:"/"A:", "Name (00:03):"), and quotes
  inside a turn are attributed on their own, so nested speech goes to who uttered the inner words.
A sentence with words of its own but no speaker is left without one. A speaker must be able to
speak (`can_speak`): a person, an organisation or a group of people, read from the parse.

The parse is spaCy's (dependency labels, lemmas, NER); the word lists below are general
English grammar (reporting verbs, titles of office, document nouns), not names from articles.
"""
from __future__ import annotations

import itertools
import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import Callable, Iterable, Optional, Sequence

from auditor import vocab
from auditor.read import names as names_mod
from auditor.read import places
from auditor.read import turns
from auditor.read.segment import TITLE_ABBREVIATIONS
from auditor.read.dates import is_zone_word

log = logging.getLogger(__name__)

# Verbs that report speech or a stated position. The parse decides the rest: a verb that
# governs the quoted words is a cue even when it is not listed here.
REPORTING_LEMMAS = vocab.words("reporting_verbs")
# Verbs that report speech in one sense and act in another ("Pakistan would respond"): cues only
# when no plainer reporting verb governs the quote.
WEAK_REPORTING_LEMMAS = vocab.words("reporting_verbs_weak")
PHRASAL_REPORTING = vocab.words("reporting_phrasal_verbs")
RELATIONAL_PERSON_NOUNS = vocab.words("relational_person_nouns")
INSTALLING_VERBS = vocab.words("installing_verbs")  # "was elected", "was sworn in": given an office
CONTINUING_LEMMAS = frozenset({"add", "continue"})  # "she added": she spoke the quote before too
_PHRASAL_HEADS = frozenset(p.split()[0] for p in PHRASAL_REPORTING)
# "X was told to ...": the passive subject of a verb of address is addressed, it does not speak
ADDRESSEE_VERBS = vocab.words("addressee_verbs")
# Reporting verbs that credit a party even with a plain object ("officials confirmed the toll").
INFO_OBJECT_LEMMAS = frozenset({"confirm", "announce", "report", "reveal", "disclose", "estimate"})
# Nouns for things that "say" on behalf of their author ("the Russian statement said").
DOCUMENT_NOUNS = vocab.words("document_nouns")
# Where something was said: "said in a statement", "confirmed in a press conference".
VENUE_NOUNS = DOCUMENT_NOUNS | vocab.words("venue_nouns")
# Titles and offices: words before a name that give a role, not part of the name.
TITLE_WORDS = vocab.tagged("person_roles", "title")
# Abbreviations that end in a period inside a sentence (titles, initials): not sentence ends.
ABBREVIATIONS = frozenset(w for w in TITLE_WORDS if w.endswith(".")) | vocab.words("period_abbreviations")
# Title abbreviations and the words they stand for, so that "the senator" finds "Sen. Warren".
TITLE_EXPANSIONS = vocab.table("title_expansions")
# Titles that name one office by several words: "the senator" is "Sen. X" or "Senate Leader X";
# "the lawmaker" is any member of a legislature. Applied to people's words only (an institution
# called "the Senate" is not "the senator").
PERSON_TITLE_ALIASES = {word: frozenset(titles.split()) for word, titles in vocab.table("person_title_aliases").items()}
_HOUSE_MEMBER = PERSON_TITLE_ALIASES["representative"]  # a member of "the House"
# What an organisation may be called by the kind of body it is: the head noun of its name ("Office"
# of Management and Budget, Congressional Budget "Office") -> descriptions that can stand for it.
ORG_TYPE_ALIASES = {kind: frozenset(names.split()) for kind, names in vocab.table("org_type_aliases").items()}
# Qualifiers a description may add to what the name says ("the federal agency").
_GENERIC_QUALIFIERS = vocab.tagged("body_qualifiers", "generic")
# Descriptions that stand for any named non-state body (a company has no type word in "Boeing").
ANY_BODY_NOUNS = vocab.tagged("body_words", "any")
EPITHET_BODIES = vocab.tagged("body_words", "epithet")
_STATE_TYPES = vocab.tagged("body_words", "state")
# Words that make a name an organisation's even without a type word ("Silicon Valley Bank").
_ORG_NAME_WORDS = vocab.words("org_name_words")
# Words that make another office of the title they stand before ("vice president", "deputy
# minister", "former president"): the bare title does not describe its holder
OTHER_OFFICE = frozenset({"vice", "deputy", "former", "ex", "assistant", "under"})
TYPE_MATCH_CHARS = 1500  # how far back "the agency" may find the body it stands for
ALL_QUOTE_MARKS = "“”„«»\"‘’‚‹›'"
_PARTY_TAG = re.compile(r"^[A-Z]{1,2}-[A-Z][A-Za-z.]*$")  # "D-N.Y.", "R-Ky.": party and state
# Roles that name nobody in particular unless qualified ("the official" vs "the interior minister").
GENERIC_ROLES = vocab.tagged("person_roles", "generic")
# Pronouns and what they can stand for.
PRONOUN_KIND = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "thing", "its": "thing",
    "they": "plural", "them": "plural", "their": "plural",
}
# Pronouns, honorifics and titles that say a person's gender (used only where the text says it).
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
GENDERED_WORDS = vocab.table("gendered_words")
CATAPHORA_CHARS = 1000
GROUP_CHARS = 800  # how far back "another said" looks for the group it is one of
ANTECEDENT_QUOTE_CHARS = 600  # how far back a subjectless "said:" finds the attribution it continues
LABEL_MAX_WORDS = 12  # a speaker label line: a name with its title, "White House Chief of Staff Ron Klain:"
# Nouns for unnamed people that a definite mention takes up again: "a senior official said ... the
# official said"; "two people familiar with the talks ... one of the people said".
ANAPHORIC_HEADS = vocab.tagged("person_roles", "anaphoric")
_HEAD_FORMS = {"people": "person", "persons": "person", "officials": "official", "sources": "source"}
DESCRIBED_SENTENCES = 4  # how many sentences back "the billionaire wrote" looks for the person it describes
_THING_PRONOUNS = frozenset({"this", "that", "it", "which"})
CREDIT_BRACKET_CHARS = 60  # a picture or post credit in brackets is a name and a source, short
ANAPHORA_CHARS = 2500  # how far after an unnamed office its holder's name may come
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DROP_CHILD_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis"})
_LEAD_STRIP = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_INDEFINITE = frozenset({"a", "an", "some", "several", "many", "one", "two", "three", "few", "other", "another", "various", "most"})


@dataclass(frozen=True)
class Mention:
    """One mention of a party in the text, with what it resolves to."""

    start: int  # the mention as written (article offsets)
    end: int
    text: str
    name: str  # full name after resolution ("Mohsin Naqvi" for "the interior minister")
    kind: str  # person | organization | government | place | anonymous | description | pronoun | document
    role: Optional[str] = None  # office or description: "Interior Minister", "separatist group"
    head: str = ""  # lemma of the head word, lower case
    words: frozenset = field(default_factory=frozenset)  # lower-case lemmas of name + role
    plural: bool = False
    subject: bool = False
    proper: bool = False  # carries a proper name
    label: str = ""  # NER label of the name, if any
    token: int = -1  # index of the head token in the doc
    resolved: bool = False  # name was taken from an antecedent
    members: tuple = ()  # the people a plural description stands for ("the senators" -> A, B)


@dataclass(frozen=True)
class Attribution:
    speaker: Optional[Mention]
    cue: Optional[str]
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None


# Institutions that one definite noun names in any article ("the military said", "police said"):
# a party an editor can check even without a proper name.
INSTITUTIONS = vocab.tagged("body_words", "institution")
# Heads that name no person, whatever their ending ("the paper", "the letter", "the computer" is left
# to the speech verb: a description that speaks is a person or one of these)
_NOT_PERSON_HEADS = (ANY_BODY_NOUNS | INSTITUTIONS | DOCUMENT_NOUNS | vocab.words("info_nouns") | _STATE_TYPES
                     | _ORG_NAME_WORDS | frozenset(ORG_TYPE_ALIASES) | frozenset(w for ws in ORG_TYPE_ALIASES.values() for w in ws)
                     | vocab.words("media_name_words") | vocab.words("platforms"))


def bare_description(m: "Mention") -> bool:
    """An unresolved one-word description ("the agency", "the senator"): not a name, and not an
    institution that the word alone identifies ("the military"). Such a mention is no speaker
    and no source."""
    if m.kind != "description" or m.resolved or m.proper:
        return False
    if m.plural and (person_noun(m.head) or m.head.endswith("s") and person_noun(m.head[:-1])):
        return False  # "the organizers said": a group named by its role, as "organizers said" is
    words = [w for w in re.findall(r"[^\W_][\w’'.-]*", m.name.lower()) if w not in _LEAD_STRIP]
    return len(words) <= 1 and m.head not in INSTITUTIONS


def unresolved_speaker(m: "Mention") -> bool:
    """A speaker the article names only by what it is, with nothing named to refer to: a document ("the
    indictment said"), one word ("the senator said", "said the refinery"), or a person or a body by a
    longer description ("the opposition party said"). An editor is shown the description."""
    if m.resolved or m.proper:
        return False
    if m.kind == "document" or bare_description(m):
        return True
    return m.kind == "description" and (person_noun(m.head) or body_noun(m.head) or m.head in _EVERY_BODY_WORD
                                        or m.head in INSTITUTIONS or _media_noun(m.head))


# Entity types of things that cannot speak: "28 October", "a third", "41 percent", "$5 million".
MUTE_ENTITY_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT",
                               "LAW", "LANGUAGE", "PRODUCT"})
AGENT_SUFFIXES = tuple(vocab.words("agent_suffixes"))
# Of those, the types of named things (not numbers): a name so typed that performs a verb of speech
# is a party the tagger mistyped.
_NAMED_THING_TYPES = frozenset({"PRODUCT", "EVENT", "LAW", "LANGUAGE"})


_SPEAKING_VERBS = frozenset({"speak", "talk"})  # verbs of speaking that take no object ("X speaks on TODAY:")


def _handle_words(handle: str) -> str:
    """The words a post's @handle spells: "@George_Kurtz" -> "George Kurtz", "@KwasiKwarteng" ->
    "Kwasi Kwarteng" (underscores and capitals mark the words)."""
    body = handle.lstrip("@").replace("_", " ")
    return " ".join(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", body).split())


_ABSTRACT_SUFFIXES = tuple(vocab.words("abstract_noun_suffixes"))
# every word for a body, whatever its tag: some end as abstract nouns do ("the administration")
_EVERY_BODY_WORD = frozenset(vocab.table("body_words"))


def _media_noun(lemma: str) -> bool:
    """ "television", "station": a medium, which speaks through what it airs."""
    from auditor.read import sources  # media heads (sources imports this module at load)

    return lemma in sources.MEDIA_HEADS or lemma in sources.MEDIA_HEADS_QUALIFIED


def can_speak(m: "Mention", doc=None) -> bool:
    """Whether a mention can be a speaker or a source: a person, an organisation or a group of
    people, or a document that speaks for its author. Read from the parse: a name (a proper noun or
    a person, organisation, nationality or place entity) can; a number, date, percentage or event
    cannot, but for a number of a group of people ("one of the survivors", see `_one_of_a_group`);
    a common noun can when it names an office, a body, a document, or an agent by its ending
    ("voters", "respondents", "economist"), not an act or a thing ("the bank's action",
    "gender-based harassment", "most regions")."""
    if m.kind in ("pronoun", "document") or m.resolved or m.members:
        return True
    if m.label in _NAMED_THING_TYPES and m.proper and m.subject and doc is not None and 0 <= m.token < len(doc) \
            and doc[m.token].pos_ == "PROPN" and is_reporting(doc[m.token].head, weak=True):
        return True  # "groups DemsMight called the post ...": a coined name the tagger took for a product
    if doc is not None and 0 <= m.token < len(doc) and _one_of_a_group(doc[m.token]):
        return True  # "one of the survivors said", "two of the workers told AFP"
    if m.label in MUTE_ENTITY_TYPES and not (doc is not None and 0 <= m.token < len(doc) and _coined_name(doc[m.token])):
        return False
    if doc is not None and 0 <= m.token < len(doc) and doc[m.token].pos_ == "NOUN" \
            and _lemma(doc[m.token]).endswith(_ABSTRACT_SUFFIXES) and not doc[m.token].ent_type_ \
            and _lemma(doc[m.token]) not in _SPEAKING_NOUNS and _lemma(doc[m.token]) not in _EVERY_BODY_WORD \
            and not _media_noun(_lemma(doc[m.token])):
        return False  # "Confusion over the death toll from the September 10 disaster": a state, not a party
    if m.proper and m.kind in ("person", "organization", "government", "place"):
        return True  # named: "Gandhi's party, the Indian National Congress"
    if doc is None or not 0 <= m.token < len(doc):
        return True
    head = doc[m.token]
    if (head.ent_type_ in MUTE_ENTITY_TYPES or head.like_num) and not _coined_name(head):
        return False
    if head.pos_ == "PROPN" or (head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")
                                and not head.text.islower()):
        return True  # an entity label on a lower-case common noun ("the quake") is the tagger's slip
    if head.text[:1].isupper() and (not head.is_sent_start or head.lower_ not in doc.text):
        return True  # a name the tagger took for a common noun ("Coons earlier told NBC")
    lemma = _lemma(head)
    if lemma in _SPEAKING_NOUNS or lemma in GENDERED_WORDS or lemma in RELATIONAL_PERSON_NOUNS:
        return True  # "a man called out", "a family friend said": a word that names a person
    if _media_noun(lemma) and m.proper and not re.search(r"[\u2019']s\b", m.name):
        # "the YTN television channel": a medium with its own name (not "numerous media outlets", nor a
        # place's unnamed medium, "Syria's state television")
        return True
    # an ending that is a word itself is that word ("a man called out", "one person said")
    return lemma.endswith(AGENT_SUFFIXES) and not lemma.endswith("ment") and (len(lemma) > 3 or lemma in AGENT_SUFFIXES)


def _one_of_a_group(head) -> bool:
    """A number of a group of people ("one of the survivors", "two of his band members"): it speaks
    as the group's members do (a common noun of people, by its word or its ending)."""
    if not head.like_num:
        return False
    group = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")), None)
    if group is None:
        return False
    lemma = _lemma(group)
    return lemma in _SPEAKING_NOUNS or lemma in GENDERED_WORDS or (
        lemma.endswith(AGENT_SUFFIXES) and not lemma.endswith("ment") and len(lemma) > 3)


def media_description(m: "Mention") -> bool:
    """ "the news outlet said", "state TV reported": an unnamed medium, which speaks through what it
    airs. It may be quoted, though it names no outlet to credit."""
    return m.kind == "description" and _media_noun(m.head)


def _with_age(tok) -> bool:
    """A name followed by an age set off by commas ("Nadine, 32,"), as news copy gives a person's."""
    return any(c.dep_ in ("appos", "amod", "npadvmod") and c.like_num and c.i == tok.i + 2 and tok.nbor(1).text == ","
               and c.text.isdigit() and 0 < int(c.text) < 120 for c in tok.children)


def _coined_name(tok) -> bool:
    """A proper noun that mixes digits with letters, one of them a capital inside the word
    ("23andMe"): a company's coined name, which the tagger may take for a number."""
    text = tok.text
    return tok.pos_ == "PROPN" and any(ch.isdigit() for ch in text) and any(ch.isupper() for ch in text[1:]) \
        and any(ch.islower() for ch in text)


@lru_cache(maxsize=4096)
def body_epithet(lemma: str) -> bool:
    """A noun that names a company by what it makes or is, not by its kind of body: "the planemaker",
    "the iPhone maker", "the tech giant". Its modifiers name products, not the company."""
    return lemma.endswith("maker") or lemma in EPITHET_BODIES


def body_noun(lemma: str) -> bool:
    """A description that can stand for any named non-state body ("the company", "the lender",
    "the planemaker")."""
    return lemma in ANY_BODY_NOUNS or body_epithet(lemma)


def person_noun(lemma: str) -> bool:
    """A common noun that names a person by what they are or do ("billionaire", "lawyer",
    "actress", "economist"): an agent ending or a gendered word, and not a kind of body, document,
    medium or platform ("the paper", "the letter", "the broadcaster", "the planemaker")."""
    if lemma in _NOT_PERSON_HEADS or _media_noun(lemma) or body_epithet(lemma):
        return False
    if lemma in GENDERED_WORDS or lemma in ANAPHORIC_HEADS:
        return True
    # an ending that is a word itself is that word ("a man called out", "one person said")
    return lemma.endswith(AGENT_SUFFIXES) and not lemma.endswith("ment") and (len(lemma) > 3 or lemma in AGENT_SUFFIXES)


def person_aliases(words: frozenset) -> frozenset:
    """A person's words plus the titles they imply ("Senate Democratic Leader" -> senator; "House
    Speaker" -> representative, lawmaker)."""
    extra: set[str] = set()
    for w in words:
        extra |= PERSON_TITLE_ALIASES.get(w, frozenset())
    if "house" in words and "white" not in words:
        extra |= _HOUSE_MEMBER
    return words | frozenset(extra) if extra else words


def org_type(name: str) -> str:
    """The kind of body a name names: the head noun before "of"/"for", else the last word
    ("Office of Management and Budget" -> office; "Deschutes County Sheriff's Office" -> office)."""
    words = [w.strip(".,") for w in re.sub(r"[’']s\b", "", name).lower().split()]
    words = [w for w in words if w]
    for k, w in enumerate(words):
        if w in ("of", "for", "on") and k > 0:
            return words[k - 1]
    return words[-1] if words else ""


_BODY_HEADS = frozenset(ORG_TYPE_ALIASES) | ANY_BODY_NOUNS | _STATE_TYPES | INSTITUTIONS


def _name_shaped(tok) -> bool:
    """A person's name by its shape, whatever the tagger calls it: two to four capitalised proper
    nouns (a title word may open it: "Chief Ajuri Ngelale") that name no place or people, and whose
    last word is no kind of body ("Publicity Office")."""
    if tok.ent_type_ == "PERSON":
        return True
    words = [t for t in tok.subtree if t.pos_ == "PROPN"]
    if tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC") or not 2 <= len(words) <= 4:
        return False
    return all(t.text[:1].isupper() for t in words) and org_type(" ".join(t.text for t in words)) not in _BODY_HEADS


def _with_expansions(words: frozenset) -> frozenset:
    """Words plus what their abbreviations stand for ("sen." -> "senator")."""
    extra = {TITLE_EXPANSIONS[w] for w in words if w in TITLE_EXPANSIONS}
    return words | frozenset(extra) if extra else words


def _looks_proper(t) -> bool:
    """A proper noun, or a capitalised word inside a sentence that the tagger missed ("Per Axios")."""
    if t.pos_ == "PROPN":
        return True
    return (t.pos_ in ("NOUN", "ADV", "X") and t.text[:1].isupper() and not t.is_sent_start
            and t.lower_ not in TITLE_WORDS and t.i > 0 and not t.nbor(-1).is_punct)


_token_index = attrgetter("i")  # keys for sorting and bisecting tokens
_token_start = attrgetter("idx")


def _lemma(t) -> str:
    return (t.lemma_ or t.text).lower()


def verb_read_as_plural(t) -> bool:
    """A verb of the present tense the tagger read as a plural noun ("The Reuters news agency reports,
    citing officials, that ...", "Suozzi has defeated Pilip, ABC News projects"): a noun with a
    subject or a clause of its own."""
    return t.tag_ == "NNS" and any(c.dep_ in ("nsubj", "ccomp") for c in t.children)


def verb_read_as_noun(t) -> bool:
    """A sentence's verb the tagger read as a noun ("\u201c...,\u201d Depp's statement read."): the root
    of its clause, with a subject of its own."""
    return t.pos_ == "NOUN" and t.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def is_reporting(t, weak: bool = False) -> bool:
    lemma = _lemma(t)
    if t.pos_ not in ("VERB", "AUX") and not verb_read_as_plural(t):
        return False
    if lemma in REPORTING_LEMMAS or (weak and lemma in WEAK_REPORTING_LEMMAS):
        return True
    # "a man called out", "she fired back": a verb of speech only with its particle
    return lemma in _PHRASAL_HEADS and any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in PHRASAL_REPORTING for c in t.children)


def _in_spans(i: int, spans: Sequence[tuple[int, int]]) -> bool:
    for s, e in spans:  # a plain loop: called for most tokens of an article, over its few quotes
        if s <= i < e:
            return True
    return False


# Things that carry information for someone: "according to data from the ministry", "polls suggest".
INFO_NOUNS = DOCUMENT_NOUNS | vocab.words("info_nouns")
_PUBLISHED_PIECES = vocab.words("published_pieces") | vocab.words("media_pieces")


# Common nouns that can speak whatever their ending: offices, bodies, documents, people.
_SPEAKING_NOUNS = (TITLE_WORDS | frozenset(TITLE_EXPANSIONS.values()) | ANAPHORIC_HEADS | GENERIC_ROLES | INSTITUTIONS
                   | frozenset(ORG_TYPE_ALIASES) | ANY_BODY_NOUNS | _STATE_TYPES | INFO_NOUNS | VENUE_NOUNS
                   | frozenset(_HEAD_FORMS.values()) | frozenset({"people", "family", "crowd", "public", "staff"}))


def party_in_info_noun(tok):
    """ "a Reuters report" -> Reuters; "figures from the health ministry" -> ministry; not a
    date or a time that owns it ("Friday's news release": whose release, the text says elsewhere)."""
    for c in tok.children:
        if c.dep_ == "poss":
            return c if c.ent_type_ not in MUTE_ENTITY_TYPES else None
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            return c
    for c in tok.children:  # "A Treasury Department readout" parsed with the name as the noun's subject
        if c.dep_ in ("nsubj", "nmod", "amod") and c.pos_ == "PROPN" and c.i < tok.i and c.i == tok.i - 1:
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in tok.children:  # "a report in The Financial Times": the named publication it appeared in
        if c.dep_ == "prep" and c.lower_ == "in" and _lemma(tok) in _PUBLISHED_PIECES:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                    and g.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "FAC", "NORP", "EVENT")]
            if objs:
                return objs[0]
    for c in tok.children:  # "figures compiled by the state labor department", "a count released by X"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [g for g in a.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0]
    return None


def _document_author(noun):
    """Whose a document is: the party its own phrase names (`party_in_info_noun`), or, for the object of
    a verb, the one the verb's "from" names ("read a statement from Mark Cohen", the parse hanging
    "from" on the verb)."""
    found = party_in_info_noun(noun)
    if found is None and noun.dep_ == "dobj":
        found = next((g for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i
                      for g in c.children if g.dep_ == "pobj"), None)
    return found


def _document_held(noun):
    """The document a part or a rendering of it speaks for: "part of the statement", "a Google
    translation of Mr Sall's statement" (what the noun is "of", when that is a document)."""
    if _lemma(noun) in DOCUMENT_NOUNS or noun.pos_ != "NOUN":
        return None
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and _lemma(g) in DOCUMENT_NOUNS), None)


_SPEECH_NOUNS = {"word", "remark", "comment", "statement", "message", "reply", "response", "answer"}
# a picture's credit, which marks its line as a caption: "(Photo by Mandel NGAN / AFP)", "PHOTO | X | AFP",
# "Photograph: X/EPA", "X/AFP via Getty Images"
_PICTURE_CREDIT = re.compile(r"\(\s*(?:[A-Z][\w.]*\s+)?Photo\b|\bPhoto(?:graph)?\s*(?::|by\b)|\bPHOTO\s*[|:]"
                             r"|\bvia Getty Images\b|/\s*(?:AFP|AP|Reuters|REUTERS|EPA|Getty Images)\b")


def _as_saying(verb) -> bool:
    """ "reported his brother Babak as saying": a verb whose object is given "as saying" something
    passes the words on from that object, whatever the verb (quoted, cited, reported)."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and is_reporting(g) for g in c.children)
               for c in verb.children)


def quoted_person(verb):
    """ "APP quoted a police official as saying ...": the official, not APP, is speaking;
    "he was quoted as saying": he is."""
    v = verb
    for _ in range(3):
        if _lemma(v) in ("quote", "cite") or _as_saying(v):
            objs = [c for c in v.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
            passive = [c for c in v.children if c.dep_ == "nsubjpass"]
            return passive[0] if passive else None
        if v.head.i == v.i or v.dep_ not in ("advcl", "xcomp", "pcomp", "pobj", "prep", "conj"):
            return None
        v = v.head
    return None


def outlet_quoting(verb):
    """The party that quotes someone: the subject of "quoted X as saying", or the agent of "was
    quoted as saying by Y"."""
    v = verb
    for _ in range(3):
        if _lemma(v) in ("quote", "cite") or _as_saying(v):
            for c in v.children:
                if c.dep_ == "nsubj":
                    return c
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            for c in v.children:  # "quoted as saying by the state broadcaster" attached lower
                for g in c.subtree:
                    if g.dep_ == "agent" or (g.lower_ == "by" and g.dep_ == "prep"):
                        objs = [o for o in g.children if o.dep_ == "pobj"]
                        if objs:
                            return objs[0]
            return None
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def _name_read_as_verb(tok, verb) -> bool:
    """ "Trump then allegedly lit into Pence": a name opening the sentence that the tagger took for a
    verb hanging loose ("dep") from the verb after it is that verb's subject. A capitalised word the
    article never writes in lower case is a name, not a verb."""
    if tok.dep_ != "dep" or tok.i >= verb.i or not tok.text[:1].isupper() or tok.text.isupper() or len(tok.text) < 3:
        return False
    doc = tok.doc
    if not (tok.i == 0 or tok.is_sent_start or doc[tok.i - 1].is_space):
        return False
    return re.search(r"\b" + re.escape(tok.lower_) + r"\b", doc.text) is None


def _name_after_quote(verb):
    """ "“..., Alsu Kurmasheva and Vladimir Kara-Murza,” President Joe Biden said": the parser hangs the
    name after the closing mark on the quoted words and leaves the verb of saying without a subject.
    A run of proper nouns between a closing quotation mark and the verb is the one who said it, with
    an age or a short description set off by commas after it ("..., Tamir Guytsabri, 58, told the
    Reuters news agency")."""
    if not is_reporting(verb):
        return None
    doc = verb.doc
    k = verb.i - 1
    if k > 0 and doc[k].text == ",":
        j = k - 1
        while j > 0 and doc[j].text != "," and k - j <= _SHORT_APPOSITION:
            j -= 1
        if doc[j].text == "," and j < k - 1 and (doc[j + 1].like_num or doc[j + 1].lower_ in ("a", "an")):
            k = j - 1  # "Tamir Guytsabri, 58, told", "John Smith, a shop owner, said"
    end = k
    while k >= 0 and doc[k].pos_ == "PROPN":
        k -= 1
    if k == end or k < 0 or doc[k].text not in ("”", '"', "’", "'"):
        return None
    return doc[end]


_SHORT_APPOSITION = 8  # tokens of an age or a description between a speaker's name and the verb


# a month's or a weekday's name, written in full or cut to its first three letters ("Jan.", "Tue")
_CALENDAR_NAME = re.compile("(?:" + "|".join(sorted({w[:3] for w in vocab.words("months") | vocab.words("weekdays")})) + ")")


def _subject_after_a_fronted_date(verb):
    """ "On Jan. 24 Argentina's CGT labor confederation estimated that ...": without a comma after the
    fronted date the parser takes the subject for the preposition's object, the date for a modifier of
    it, and leaves the verb without a subject. The object right before the verb, past a date, is it."""
    tok = verb.doc[verb.i - 1]
    if tok.dep_ != "pobj" or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME"):
        return None
    prep = tok.head
    if prep.dep_ != "prep" or prep.head.i != verb.i or prep.i != verb.doc[prep.i].sent.start:
        return None
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in verb.doc[prep.i + 1:tok.left_edge.i + 1]) or any(
        t.ent_type_ in ("DATE", "TIME") and t.i < tok.i for t in tok.subtree)
    return tok if dated else None


def _name_folded_into_lead(verb):
    """ "In a letter to Mr Zahawi, Mr Sunak said ...": the parser folds the subject into the fronted
    phrase before it, as an apposition to its last noun, and leaves the verb without a subject. The
    name right before the verb, set off from that phrase by a comma and hanging from it, is the subject."""
    doc = verb.doc
    tok = doc[verb.i - 1]
    if tok.pos_ != "PROPN" or tok.dep_ not in ("appos", "conj", "npadvmod", "compound"):
        return None
    head = tok
    while head.dep_ in ("compound", "flat"):
        head = head.head
    if head.dep_ not in ("appos", "conj", "npadvmod"):
        return None
    start = head.left_edge.i
    if start == 0 or doc[start - 1].text != ",":
        return None
    a = head.head
    for _ in range(6):  # the phrase it hangs from is a fronted adjunct of this verb
        if a.dep_ == "prep" and a.head.i == verb.i and a.i < verb.i:
            return head
        if a.head.i == a.i:
            return None
        a = a.head
    return None


def _dateline_label(tok) -> bool:
    """A name that opens its line and ends at a colon ("Port Moresby: ..."): a dateline, which the
    parser may take for a second subject."""
    doc = tok.doc
    first, last = tok.left_edge, tok.right_edge
    opens_line = first.i == 0 or "\n" in doc[first.i - 1].text_with_ws
    return opens_line and (last.text == ":" or last.i + 1 < len(doc) and doc[last.i + 1].text == ":")


def subject_of(verb, depth: int = 4, skip: Optional[Callable[[int], bool]] = None):
    """The token naming who performs `verb`: its subject, the agent of a passive, or the subject of
    the clause it hangs from ("..., saying it ..." takes the subject of the main verb).

    `skip(offset)` rejects candidates, e.g. words inside quotes that the parser took as subjects."""
    v = verb
    if (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.dep_ == "ccomp"
            and is_reporting(verb.head.head)):
        # "X suggested Y should be the next speaker, saying, “...”": the one saying is the one who
        # suggested, not the subject of what was suggested
        v = verb.head.head
    raised = False  # reached from an infinitive: "Starmer is set to say", "she is expected to tell"
    for _ in range(depth):
        subj = [c for c in v.children if c.dep_ == "nsubj" and not (skip and skip(c.idx))]
        if not subj and (v.tag_ != "VBN" or raised):
            # a passive's subject is no agent ("were killed"), except that of a raising verb, who
            # performs the infinitive it governs ("X is set to say" -> X says)
            subj = [c for c in v.children if c.dep_ == "nsubjpass" and not (skip and skip(c.idx))]
        if not subj:
            subj = [c for c in v.children if _name_read_as_verb(c, v) and not (skip and skip(c.idx))]
        if not subj and verb_read_as_plural(v):
            # "ABC News projects": the name the tagger made a compound of the verb read as a noun
            subj = [c for c in v.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == v.i - 1
                    and not (skip and skip(c.idx))]
        if not subj and v.i > 0:
            lead = _name_folded_into_lead(v) or _subject_after_a_fronted_date(v) or _name_after_quote(v) \
                or _person_right_before(v)
            if lead is not None and not (skip and skip(lead.idx)):
                subj = [lead]
        if len(subj) > 1 and _dateline_label(subj[0]):
            subj = subj[1:]  # "Port Moresby: Papua New Guinea's disaster agency has said": where it was filed from
        if len(subj) > 1 and subj[0].lower_ in TITLE_WORDS and subj[-1].ent_type_ == "PERSON" and subj[-1].i > subj[0].i:
            subj = subj[-1:]  # "said the Acting Head of the ... Agency (BNP) Abdul Muhari": a title, then its holder
        if len(subj) > 1 and subj[-1].i < v.i and any(c.dep_ == "acl" and c.pos_ == "VERB" for c in subj[0].children) \
                and any(t.text == "," for t in v.doc[subj[0].i:subj[-1].i]):
            subj = subj[-1:]  # "His voice cracking up, Ceraso told ...": an absolute phrase set off by a comma
        if subj:
            s = subj[0]
            if len(subj) > 1 and s.pos_ == "NOUN" and subj[1].pos_ == "PROPN" and subj[1].i == s.i + 1:
                s = subj[1]  # "Grassroots political groups DemsMight called ...": the name, not its description
            s = _name_before_title(v, _person_after_titles(s))
            if s.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return v.head
            if s.lower_ in ("there",) or (s.lower_ == "it" and s.dep_ == "nsubjpass"):
                return None
            return s
        for c in v.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if v.dep_ == "conj" and is_reporting(verb) and not is_reporting(v.head):
            # "said forces were pursuing militants and claimed ...": a reporting verb coordinates
            # with the reporting verb above, whatever the parser attached it to
            above = next((a for a in v.head.ancestors if is_reporting(a)), None)
            if above is not None:
                v = above
                continue
        if v.dep_ == "acl" and v.head.i != v.i and v.head.pos_ in ("NOUN", "PROPN"):
            if v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == "," and v.head.dep_ in ("dobj", "pobj") \
                    and is_reporting(v):
                # "Gelsinger emphasized the need for a leaner structure, stating, “...”": a participle set
                # off by a comma, hung on the object, says what the clause's subject says
                clause = next((a for a in v.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if clause is not None:
                    v = clause
                    continue
            if v.tag_ != "VBN":
                return v.head  # "officials speaking to..."
            if (v.head.pos_ == "PROPN" or v.head.dep_ == "ROOT") and is_reporting(v) and not any(
                    c.dep_ == "agent" for c in v.children):
                # "Sen. Tom Cotton, R-Ark., posted on X:" read as a participle; "“...?” a man called
                # out as Pence arrived.": a sentence with no verb but the participle is the man's
                return v.head
            if (v.head.dep_ == "ROOT" and v.head.pos_ == "PROPN" and v.i > 0 and v.doc[v.i - 1].text == ","
                    and is_reporting(v, weak=True) and any(c.dep_ in ("dobj", "oprd", "ccomp") for c in v.children)):
                # "US Attorney Damian Williams, called SBF’s crimes “...”": a comma set between a
                # name and its verb; the sentence has no verb but this one, so the name is its subject
                return v.head
            return None  # "officials cited by Al Jazeera" are not the ones citing
        if v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX", "NOUN"):
            raised = (v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
                      and _lemma(v.head) not in ADDRESSEE_VERBS)
            v = v.head
            continue
        return None
    return None


def _name_before_title(verb, subj):
    """The person named right before a title set off by a comma that the parse took for the subject
    ("Christine Lagarde, President of the ECB said": the name hung on the verb as a modifier)."""
    if subj.ent_type_ == "PERSON" or subj.left_edge.i < 2:
        return subj
    doc = subj.doc
    comma = subj.left_edge.i - 1
    name = doc[comma - 1]
    if doc[comma].text == "," and name.ent_type_ == "PERSON" and name.head.i == verb.i \
            and name.dep_ in ("npadvmod", "dep", "nmod", "advmod") and (subj.lower_ in TITLE_WORDS or subj.pos_ == "PROPN"):
        return name
    return subj


def _person_after_titles(subj):
    """The person that coordinated titles lead up to ("JP Morgan Chairman and CEO Jamie Dimon said",
    parsed as three conjuncts): the conjunct named as a person after titles only, else the subject."""
    if subj.ent_type_ == "PERSON" or subj.pos_ != "PROPN":
        return subj
    person = next((c for c in subj.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"
                   and (c.i + 1 == len(c.doc) or c.doc[c.i + 1].ent_iob_ != "I")), None)  # a name's last word
    if person is None:
        return subj
    between = subj.doc[subj.i + 1:person.i]
    if all(t.pos_ in ("PROPN", "CCONJ", "NOUN") and (t.dep_ in ("cc", "conj", "compound") or t.is_punct) for t in between):
        return person
    return subj


def _told_in_passive(verb) -> bool:
    """A verb of address in the passive with its subject and no agent of its own ("Letby has been
    told ...", "she was warned"): its subject is the one spoken to (unlike "X was quoted as saying")."""
    return _lemma(verb) in ADDRESSEE_VERBS and verb.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


class Resolver:
    """Mentions of one article and their resolution; built once per article from its parse."""

    def __init__(self, doc, text: str, quote_spans: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.text = text
        self.quote_spans = list(quote_spans)
        self.acronyms = names_mod.acronyms(text)
        self._cache: dict[int, Mention] = {}
        self._resolved: dict[int, Mention] = {}
        self._sentence_starts: Optional[list[int]] = None  # first token of each sentence, on first need
        self.history = self._history()

    # ---- building mentions -------------------------------------------------------------
    def in_quote(self, i: int) -> bool:
        return _in_spans(i, self.quote_spans)

    def in_credit(self, i: int) -> bool:
        """Inside a bracketed credit of a picture or post ("(Rosa Icela Rodríguez/X)"): a name there is
        whose picture it is, no one the story's next "she" takes up."""
        lo = self.text.rfind("(", max(0, i - CREDIT_BRACKET_CHARS), i)
        hi = self.text.find(")", i, lo + CREDIT_BRACKET_CHARS + 1) if lo >= 0 else -1
        if hi < 0:
            return False
        inside = self.text[lo + 1:hi]
        return "/" in inside and "\n" not in inside and ")" not in self.text[lo:i]

    def _np_tokens(self, head, children: list) -> list:
        """The head's noun phrase without clauses, appositions, conjuncts or brackets (`children`:
        the head's)."""
        person = head.ent_type_ == "PERSON"
        dropped: set[int] = set()
        for c in children:
            if c.dep_ == "punct" and (c.text in "()[]" or (c.text == "-" and not c.whitespace_)):
                continue  # brackets are handled with what they enclose; Ocasio-Cortez is one name
            if c.dep_ in _DROP_CHILD_DEPS or (person and c.dep_ == "prep" and c.i > head.i):
                dropped.update(t.i for t in c.subtree)
            elif c.dep_ in ("prep", "npadvmod") and c.i > head.i and any(
                    g.ent_type_ in ("DATE", "TIME") for g in c.subtree if g.dep_ in ("pobj", "npadvmod") or g is c):
                dropped.update(t.i for t in c.subtree)  # "the office on Wednesday": when, not who
            elif c.dep_ == "prep" and c.i > head.i and c.lower_ in ("in", "on", "during", "at", "via") and any(
                    g.dep_ == "pobj" and _lemma(g) in VENUE_NOUNS for g in c.children):
                dropped.update(t.i for t in c.subtree)  # "said the player in a statement": where, not who
        subtree = list(head.subtree)  # walked twice below; a walk makes a Token of every word in it
        for d in subtree:
            if d.dep_ in ("nmod", "npadvmod") and d.i < head.i and d.ent_type_ in ("DATE", "TIME") and d.pos_ == "PROPN" \
                    and _CALENDAR_NAME.match(d.lower_):
                dropped.update(t.i for t in d.subtree)  # "On Jan. 24 Argentina's CGT": the fronted date, misparsed
                continue
            if d.i in dropped or d.i <= head.i:
                continue
            if d.dep_ in ("appos", "relcl", "acl") and d.left_edge.i > 0 and self.doc[d.left_edge.i - 1].text == ",":
                # "a spokesperson for Anduril Industries, one of the contractors named in the audit,"
                dropped.update(t.i for t in d.subtree)
                dropped.add(d.left_edge.i - 1)
        # the contiguous run around the head, inside one line
        idx = {t.i for t in subtree} - dropped
        lo = hi = head.i
        while lo - 1 in idx and "\n" not in self.doc[lo - 1].text:
            lo -= 1
        while hi + 1 in idx and "\n" not in self.doc[hi + 1].text:
            hi += 1
        while (lo >= 2 and self.doc[lo - 1].text == "/" and not self.doc[lo - 1].whitespace_
               and not self.doc[lo - 2].whitespace_ and self.doc[lo - 2].pos_ == "PROPN"):
            lo -= 2  # "Reuters/Ipsos": two names joined by a slash are one party
        run = [self.doc[i] for i in range(lo, hi + 1)]
        # coordination inside the phrase ("Pakistan's military and Interior Minister Mohsin Naqvi"):
        # the head's own conjunct is the part after the last conjunction before it
        cuts = [k for k, t in enumerate(run) if t.pos_ == "CCONJ" and t.i < head.i]
        if cuts and self._folded_conjunct(run[:cuts[-1]], run[cuts[-1] + 1:]):
            run = run[cuts[-1] + 1:]
        return self._clean(run, head)

    @staticmethod
    def _folded_conjunct(left: list, right: list) -> bool:
        """Two parties run together ("Pakistan's military and Interior Minister Mohsin Naqvi"), not
        coordinated modifiers of one head ("military and police officials")."""
        named_right = any(t.ent_type_ == "PERSON" for t in right)
        full_left = any(t.tag_ == "POS" or t.pos_ == "DET" for t in left)
        return named_right or (full_left and len(right) >= 2)

    def left_conjunct(self, head) -> Optional[list]:
        """The phrase before a conjunction folded into `head`'s phrase: "Pakistan's military" in
        "Pakistan's military and Interior Minister Mohsin Naqvi" (a common misparse)."""
        toks = sorted(head.subtree, key=_token_index)
        cc = [t for t in toks if t.pos_ == "CCONJ" and t.i < head.i]
        if not cc:
            return None
        left = [t for t in toks if t.i < cc[-1].i and "\n" not in t.text]
        nouns = [t for t in left if t.pos_ in ("NOUN", "PROPN")]
        right = [t for t in toks if cc[-1].i < t.i <= head.i]
        if not nouns or left[-1].i != cc[-1].i - 1 or not self._folded_conjunct(left, right):
            return None
        return self._clean(left, nouns[-1])

    def _clean(self, run: list, head) -> list:
        # drop bracketed parts: "(BLA)", "(D-N.Y.)"; when the parser made the bracketed acronym
        # the head ("The European Union (EU) said"), the long form before it is the phrase
        out, depth = [], 0
        if head.i > 0 and self.doc[head.i - 1].text in "([" and any(t.i < head.i - 1 for t in run):
            run = [t for t in run if t.i < head.i - 1]
        for t in run:
            if t.text in "([":
                depth += 1
                continue
            if t.text in ")]":
                depth = max(0, depth - 1)
                continue
            if depth == 0:
                out.append(t)
        # (and a clock before the phrase, which the parse may fold into it: "after 1600 GMT an airport
        # spokesperson said")
        clock = next((k for k, t in enumerate(out) if t.i < head.i and is_zone_word(t.text)
                      and t.i > 0 and self.doc[t.i - 1].like_num), None)  # "1600 GMT", not "local officials"
        if clock is not None and all(t.like_num or is_zone_word(t.text) for t in out[:clock + 1]):
            out = out[clock + 1:]
        while out and (out[0].lower_ in _LEAD_STRIP or out[0].is_punct or out[0].is_space) and out[0].i != head.i:
            out.pop(0)
        while out and (out[-1].is_punct or out[-1].is_space or out[-1].tag_ == "POS") and out[-1].i != head.i:
            out.pop()  # "CNN's" names CNN
        return out or [head]

    def _span_text(self, toks) -> tuple[int, int, str]:
        s = toks[0].idx
        e = toks[-1].idx + len(toks[-1].text)
        return s, e, self.text[s:e]

    def _appos_role(self, head) -> Optional[str]:
        for c in head.children:
            if c.dep_ == "appos":
                if c.i > 0 and self.doc[c.i - 1].text in "([":
                    continue  # "(EU)": an acronym, not a role
                if c.ent_type_ == "PERSON" or c.pos_ == "NUM" or c.like_num:
                    continue  # a name in apposition is the name, not a role; "Maria Lopez, 54," an age
                toks = [t for t in c.subtree if not t.is_space]
                if _PARTY_TAG.match("".join(t.text for t in toks).strip(",")):
                    continue
                while toks and (toks[0].lower_ in _LEAD_STRIP or toks[0].is_punct):
                    toks.pop(0)
                while toks and toks[-1].is_punct:
                    toks.pop()
                if toks:
                    return self._span_text(toks)[2]
        return None

    def _appos_person(self, head):
        """A PERSON name in apposition to a title or role head, if any."""
        if head.ent_type_ == "PERSON":
            return None
        if not (head.lower_ in TITLE_WORDS or head.pos_ in ("NOUN", "PROPN")):
            return None
        for c in head.children:
            if c.dep_ != "appos" or c.pos_ != "PROPN":
                continue
            # a role noun beside a proper name is a person, whatever NER calls the name
            if c.ent_type_ == "PERSON" or (head.lower_ in TITLE_WORDS and c.ent_type_ not in ("GPE", "LOC", "NORP", "FAC")):
                return c
        return None

    def _title_phrase_person(self, head):
        """The person named after a title that runs on in phrases, which the parse hangs on the title's
        last noun ("The Special Adviser to the President on Media, Ajuri Ngelale, said"): a PERSON name
        in apposition at the end of the title's own phrase."""
        if not (head.lower_ in TITLE_WORDS or person_noun(_lemma(head))) or head.ent_type_ == "PERSON":
            return None
        node = head
        for _ in range(4):
            pobj = next((g for c in node.children if c.dep_ == "prep" and c.i > node.i
                         for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                return None
            name = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and _name_shaped(c)), None)
            if name is not None:
                last = max(t.i for t in head.subtree if not t.is_punct)
                return name if name.right_edge.i == last else None  # the name ends the title's phrase
            node = pobj
        return None

    def _appos_proper(self, head):
        """A proper name in apposition to a common-noun description ("the group, Amnesty International")."""
        if head.pos_ != "NOUN" or head.lower_ in TITLE_WORDS:
            return None
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in ("PERSON", "DATE", "TIME", "CARDINAL"):
                if c.i > 0 and self.doc[c.i - 1].text in "([":
                    continue
                return c
        return None

    def _person_split(self, toks, head) -> Optional[tuple[list, list]]:
        """(role tokens, name tokens) when the phrase ends in a person's name."""
        if head.pos_ != "PROPN" or head.lower_ in TITLE_WORDS:
            return None
        pos = [i for i, t in enumerate(toks) if t.i == head.i]
        if not pos:
            return None
        k = pos[0]
        j = k
        while j - 1 >= 0:
            prev = toks[j - 1]
            if prev.text == "-" and j - 2 >= 0 and not prev.whitespace_ and not toks[j - 2].whitespace_:
                j -= 2  # Ocasio-Cortez, Jean-Pierre: one name in three tokens
                continue
            if prev.pos_ == "PROPN" and not _title_word(prev) and prev.text not in ("’s", "'s"):
                j -= 1
                continue
            break
        while j <= k and (_title_word(toks[j]) or (toks[j].text == "." and j > 0)):
            j += 1
        if head.ent_type_ == "PERSON":
            # "Secretary of State Brad Raffensperger": the name is the person entity, the rest is office
            while j < k and toks[j].ent_type_ != "PERSON" and toks[j + 1].ent_type_ == "PERSON" and any(
                    t.lower_ in TITLE_WORDS for t in toks[:j]):
                j += 1
        name = toks[j:k + 1]
        role = toks[:j]
        verbs = [n for n, t in enumerate(role) if t.tag_ in ("VBD", "VBZ", "VBP")]
        if verbs:  # a misparse that ran a clause into the phrase: "X pressed Defense Secretary Y"
            role = role[verbs[-1] + 1:]
        titled = bool(role) and role[-1].tag_ != "POS" and role[-1].text not in ("’s", "'s", "’", "'")
        is_person = head.ent_type_ == "PERSON" or (titled and any(t.lower_ in TITLE_WORDS for t in role[-2:]))
        if not is_person or not name:
            return None
        if head.ent_type_ != "PERSON" and len(name) == 1 and not role:
            return None
        return role, name

    def _after_abbreviation(self, head):
        """ "said Lt. | Gen. Ahmed Chaudhry": when a title abbreviation was cut off as a sentence of
        its own, the name is the proper-noun run that follows it."""
        if (head.lower_ + ".") not in ABBREVIATIONS and head.lower_ not in ABBREVIATIONS:
            return None
        k = head.i + 1
        run = []
        while k < len(self.doc) and len(run) < 8:
            t = self.doc[k]
            if t.is_space or t.text == "." or t.lower_ in ABBREVIATIONS or t.lower_ in TITLE_WORDS:
                if run:
                    break
                k += 1
                continue
            if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or (t.text == "-" and not t.whitespace_ and run):
                run.append(t)
                k += 1
                continue
            break
        return run or None

    def mention(self, head, subject: bool = False) -> Mention:
        """The mention headed by `head`, before resolution."""
        if head.i in self._cache:
            m = self._cache[head.i]
            return replace(m, subject=True) if subject and not m.subject else m
        m = self._build(head, subject)
        if m.kind == "person":
            m = replace(m, words=person_aliases(m.words))
        self._cache[head.i] = m
        return m

    def _build(self, head, subject: bool, toks: Optional[list] = None) -> Mention:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PRONOUN_KIND:
            return Mention(head.idx, head.idx + len(head.text), head.text, head.text, "pronoun",
                           head=lower, plural=PRONOUN_KIND.get(lower) == "plural", subject=subject, token=head.i)
        explicit = toks is not None
        if not explicit:
            after = self._after_abbreviation(head)
            if after:
                s0, e0 = head.idx, after[-1].idx + len(after[-1].text)
                name = self.text[after[0].idx:e0]
                return Mention(s0, e0, self.text[s0:e0], name, "person", head.text + ".", after[-1].lower_,
                               frozenset(t.lower_ for t in after), False, subject, True, "PERSON", head.i)
        children = list(head.children)  # read several times below; each walk makes new Tokens
        toks = toks if explicit else self._np_tokens(head, children)
        s, e, text = self._span_text(toks)
        content = [t for t in toks if not t.is_punct and t.pos_ not in ("ADP", "DET", "CCONJ", "PART")]
        lemmas = _with_expansions(frozenset(_lemma(t) for t in content) | frozenset(t.lower_ for t in content))
        in_apposition = any(c.dep_ == "appos" for c in children)  # what the three _appos_ readers look for
        appos = self._appos_role(head) if in_apposition else None
        if appos:
            lemmas |= _with_expansions(frozenset(w.lower() for w in re.findall(r"[\w-]+", appos)))
        plural = head.tag_ in ("NNS", "NNPS") or (not explicit and any(c.dep_ == "conj" for c in children))
        label = head.ent_type_
        named = (self._appos_person(head) if in_apposition else None) or self._title_phrase_person(head)
        if named is not None:
            # "His lawyer, Alina Habba," / "Senate Majority Leader Chuck Schumer, D-N.Y.," parsed
            # with the title as head: the person is the name in apposition
            name_toks = [t for t in named.subtree if t.ent_type_ == "PERSON"] or [
                t for t in named.subtree if t.pos_ == "PROPN" or (t.text == "-" and not t.whitespace_)] or [named]
            _, ne, _ = self._span_text(name_toks)
            ns = name_toks[0].idx
            return Mention(s, max(e, ne), self.text[s:max(e, ne)], self.text[ns:ne], "person", text, lower,
                           lemmas | frozenset(t.lower_ for t in name_toks), False, subject, True, "PERSON", head.i)
        proper_appos = self._appos_proper(head) if in_apposition else None
        if proper_appos is not None:
            # "Gandhi's party, the Indian National Congress," -> the party by its name
            ptoks = self._clean(sorted((t for t in proper_appos.subtree if t.dep_ not in ("punct",)), key=lambda t: t.i), proper_appos)
            ps, pe, ptext = self._span_text(ptoks)
            acr = self.acronyms.get(ptext)
            return Mention(s, max(e, pe), self.text[s:max(e, pe)], acr[0] if acr else ptext, "organization", text,
                           proper_appos.lower_, lemmas | frozenset(t.lower_ for t in ptoks), False, subject, True,
                           proper_appos.ent_type_, head.i)
        split = self._person_split(toks, head)
        if split:
            role_toks, name_toks = split
            ns, ne, name = self._span_text(name_toks)
            role = self._span_text(role_toks)[2] if role_toks else None
            role = role or appos
            return Mention(s, e, text, name, "person", role, lower, lemmas, False, subject, True, "PERSON", head.i)
        det_words = {c.lower_ for c in children if c.dep_ in ("det", "nummod", "amod") and c.i < head.i}
        if lower in TITLE_WORDS and label != "PERSON":
            # an office without a name: "the German Consul General in Karachi", "the interior minister";
            # "a senior official" is anonymous
            kind = "anonymous" if (det_words & _INDEFINITE or (plural and not det_words & {"the"})) else "description"
            if kind == "description" and lower in GENERIC_ROLES and not any(
                    t.pos_ in ("PROPN", "ADJ", "NOUN") and t.i != head.i for t in toks):
                kind = "anonymous"  # "the official, who requested anonymity": nobody an editor can name
            return Mention(s, e, text, text, kind, text, lower, lemmas, plural, subject,
                           any(t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS for t in toks), label, head.i)
        if head.tag_ == "NNP" and "the" in det_words and not det_words & _INDEFINITE and not plural and (
                label == "NORP" or places.demonym_place(head.text) is not None):
            # "the Palestinian American said", "the Democrat said": one person described by a people or
            # a party, whom a name given so before stands for
            return Mention(s, e, text, text, "description", text, lower, lemmas, False, subject, True, label, head.i)
        if _looks_proper(head) or self._initial_name(head) or label in ("ORG", "GPE", "NORP", "FAC", "LOC", "PERSON"):
            acr = self.acronyms.get(text) or self.acronyms.get(head.text)
            name = acr[0] if acr else text
            kind = "place" if label in ("GPE", "LOC") and len(toks) <= 3 and head.pos_ == "PROPN" else "organization"
            if label == "PERSON" and len(toks) <= 4 and toks[-1].lower_ not in _ORG_NAME_WORDS:
                kind = "person"  # (not "Jeju Air": a name ending on a body's word names the body)
            elif appos and label not in ("ORG", "GPE", "LOC", "NORP") and appos.split()[-1].lower() in TITLE_WORDS:
                kind = "person"  # "Vance, the vice president," whatever NER made of the name
            elif label == "ORG" and len(toks) <= 4 and any(
                    c.dep_ == "appos" and c.lower_ in TITLE_WORDS and c.pos_ == "NOUN" and not c.tag_ == "NNS"
                    and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children) for c in children):
                kind = "person"  # "Ajay K C, a police official in Pokhara who ...": no body is "a police official"
            elif head.pos_ == "PROPN" and _with_age(head):
                kind = "person"  # "Nadine, 32, who shared her anguish": a name given an age is a person's
            return Mention(s, e, text, name, kind, appos, lower, lemmas, plural and head.pos_ != "PROPN", subject, True, label, head.i)
        # a common noun: a description ("the embassy") or an anonymous party ("officials")
        indefinite = bool(det_words & _INDEFINITE)
        has_proper = any(t.pos_ == "PROPN" for t in toks)
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in _INDEFINITE for c in children if c.i < head.i)
        if lower in DOCUMENT_NOUNS or lower in INFO_NOUNS:
            kind = "document"
        elif (plural and not definite) or indefinite:
            kind = "anonymous"
        else:
            kind = "description"
        name = text
        article = next((c.lower_ for c in children if c.dep_ == "det" and c.lower_ in ("a", "an") and c.i == head.i - 1), None)
        if kind == "anonymous" and article and len(toks) == 1:
            name = f"{article} {text}"  # "a man called out": "man" alone names nobody an editor can picture
        return Mention(s, e, text, name, kind, appos or text, lower, lemmas, plural, subject, has_proper, label, head.i)

    _MASS_SUBJECTS = frozenset({"police", "staff", "management", "research", "security", "intelligence", "leadership",
                                "labor", "labour", "data", "evidence", "footage", "media", "press", "government"})

    def _named_words(self) -> frozenset:
        """Words the parse reads as part of a person's name somewhere in the article."""
        if getattr(self, "_named", None) is None:
            self._named = frozenset(t.text for t in tokens_with(self.doc, "ENT_TYPE", ("PERSON",)))
        return self._named

    def _initial_name(self, head) -> bool:
        """A name the tagger took for a common noun because it opens the sentence ("Trump praised
        the law ..."): a capitalised singular noun with no determiner, whose lower-case form the
        article never uses. English does not open a sentence with a bare singular count noun."""
        if head.tag_ not in ("NN", "NNS") or not head.text[:1].isupper() or head.text.isupper() or len(head.text) < 3:
            return False
        if head.tag_ == "NNS" and head.text not in self._named_words():
            return False  # a true plural ("Polls suggest"), not a name read as one ("Pence", named before)
        if _lemma(head) in INFO_NOUNS:
            return False
        if (head.is_stop or head.lower_ in self._MASS_SUBJECTS or head.lower_ in TITLE_WORDS
                or head.lower_ in DOCUMENT_NOUNS):
            return False
        if any(c.dep_ in ("det", "poss", "amod", "nummod", "compound") for c in head.children):
            return False
        if not (head.is_sent_start or head.i == 0 or self.doc[head.i - 1].is_space
                or self.doc[head.i - 1].text in ALL_QUOTE_MARKS):
            return False
        return re.search(r"\b" + re.escape(head.lower_) + r"\b", self.text) is None

    def _history(self) -> list[Mention]:
        """Candidate antecedents in text order: subjects, credited parties and named entities."""
        seen: set[int] = set()
        out: list[Mention] = []

        def add(tok, subject: bool) -> None:
            if tok.i in seen or self.in_quote(tok.idx) or self.in_credit(tok.idx):
                return
            if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ not in ("PERSON", "ORG"):
                return
            seen.add(tok.i)
            out.append(self.mention(tok, subject))

        for t in tokens_with(self.doc, "DEP", SUBJECT_DEPS + ("pobj",)):  # the only tokens the branches take
            if t.dep_ in SUBJECT_DEPS:
                add(_name_before_title(t.head, t), True)  # "Christine Lagarde, President of the ECB said"
                left = self.left_conjunct(t)
                if left:
                    h = next(x for x in reversed(left) if x.pos_ in ("NOUN", "PROPN"))
                    if h.i not in seen and not self.in_quote(h.idx):
                        seen.add(h.i)
                        m = self._build(h, True, left)
                        self._cache[h.i] = m
                        out.append(m)
                for c in t.children:
                    if c.dep_ == "conj":
                        add(c, True)
                    if c.dep_ == "poss" and c.pos_ == "PROPN":
                        add(c, True)
            elif t.dep_ == "pobj" and t.head.lower_ in ("to", "by") and t.head.head.lemma_ in ("accord", "cite", "report", "quote", "claim"):
                add(t, True)
        for ent in self.doc.ents:
            if ent.label_ in ("PERSON", "ORG") and not (
                    ent.root.dep_ in ("compound", "amod", "nmod") and ent.root.head.pos_ == "NOUN"
                    and (_lemma(ent.root.head) in ANAPHORIC_HEADS or _lemma(ent.root.head) in TITLE_WORDS)) \
                    and not (ent.label_ == "PERSON" and ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN"
                             and (not person_noun(_lemma(ent.root.head))
                                  or any(c.dep_ == "det" for c in ent.root.head.children))
                             and _lemma(ent.root.head) not in INFO_NOUNS | _PUBLISHED_PIECES):
                # "a Lib Dem source", "a 21-year-old Beograd student": the affiliation of a person, not a
                # party speaking; "an official Hajj permit": a name that sorts a thing is no one a pronoun
                # takes up (but "a Donald Trump post" is his)
                add(ent.root, False)
        out.sort(key=lambda m: m.start)
        return out

    # ---- resolution --------------------------------------------------------------------
    def _sentence_of(self, i: int) -> int:
        """The index of the first token of token i's sentence (what `doc[i].sent.start` gives), by
        bisection over the sentence starts: `.sent` walks the sentence on every call."""
        if not 0 <= i < len(self.doc):
            return -1
        if self._sentence_starts is None:
            self._sentence_starts = [sent.start for sent in self.doc.sents]
        return self._sentence_starts[bisect_right(self._sentence_starts, i) - 1]

    def _compatible(self, pronoun_kind: str, m: Mention) -> bool:
        kind = m.kind
        if kind == "description":
            kind = "person" if m.head in TITLE_WORDS else ("anonymous" if m.plural else "organization")
        elif kind == "anonymous" and not m.plural and (m.head in TITLE_WORDS or person_noun(m.head)):
            kind = "person"  # "A police official in Hanoi, refusing to be named, said ... “...,” he said"
        if pronoun_kind == "person":
            return kind == "person" or (kind == "organization" and self._person_shaped(m))
        if pronoun_kind == "thing":
            return kind in ("organization", "government", "place", "outlet") and not m.plural
        if pronoun_kind == "plural":
            return kind in ("organization", "government", "anonymous") or m.plural
        return False

    @staticmethod
    def _person_shaped(m: Mention) -> bool:
        """A name the tagger called an organisation but shaped like a person's: two or three
        capitalised words, none of them the kind of body an organisation is named by ("Keir Starmer",
        not "Silicon Valley Bank" or "Goldman Sachs Group")."""
        if not m.proper or m.resolved or m.label not in ("ORG", "") or m.plural:
            return False
        words = m.name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
            return False
        low = {w.lower() for w in words}
        return not (low & (set(ORG_TYPE_ALIASES) | _STATE_TYPES | ANY_BODY_NOUNS | INSTITUTIONS | _ORG_NAME_WORDS))

    def _genders(self) -> dict[str, str]:
        """Person name -> "m"/"f" where some mention of the person carries an honorific or a gendered
        title (Mr., Ms., congresswoman, spokesman); "chairman" is left out when another mention
        says otherwise. Built once, on first need."""
        if getattr(self, "_gender_cache", None) is not None:
            return self._gender_cache
        self._gender_cache = {}
        seen: dict[str, set[str]] = {}
        for h in self.history:
            if h.kind != "person":
                continue
            r = self.resolve(h)
            words = {w.lower() for w in re.findall(r"[A-Za-z]+\.?", h.text)} | {w.lower() for w in (r.role or "").split()}
            for w in words:
                g = GENDERED_WORDS.get(w) or GENDERED_WORDS.get(w.rstrip("."))
                if g:
                    seen.setdefault(names_mod.normalize(r.name), set()).add(g)
        self._gender_cache = {n: next(iter(gs)) for n, gs in seen.items() if len(gs) == 1}
        return self._gender_cache

    def _antecedent_for_pronoun(self, m: Mention) -> Optional[Mention]:
        pk = PRONOUN_KIND.get(m.head)
        if pk is None:
            return None
        want = PRONOUN_GENDER.get(m.head)
        found = self._antecedent(m, pk, want)
        other = self._object_of_other_gender(m, want)
        if found is not None and other is not None:
            addressee = self._antecedent(other, "person", PRONOUN_GENDER.get(other.head))
            if addressee is not None and addressee.name == found.name:
                # "He told her: ...": one verb's subject and object are two people, so "he" is not
                # the woman "her" takes up, whose gender the text may not say
                return self._antecedent(m, pk, want, exclude=found.name)
        return found

    def _object_of_other_gender(self, m: Mention, want: Optional[str]) -> Optional[Mention]:
        """The object pronoun of the verb a subject pronoun acts by, of the other gender ("He told
        her"), as a mention; None when there is none."""
        if want is None or not 0 <= m.token < len(self.doc) or self.doc[m.token].dep_ != "nsubj":
            return None
        verb = self.doc[m.token].head
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")
                    and PRONOUN_GENDER.get(c.lower_) not in (None, want) and not self.in_quote(c.idx)), None)
        return self.mention(obj) if obj is not None else None

    def _antecedent(self, m: Mention, pk: str, want: Optional[str], exclude: Optional[str] = None) -> Optional[Mention]:
        """The party a mention of kind `pk` ("person", "thing", "plural") and gender `want` takes
        up: the nearest compatible mention before it, walking back at most four sentences (never
        the party named `exclude`)."""
        genders = self._genders() if want else {}
        before = [h for h in self.history if h.end <= m.start and h.kind not in ("pronoun", "document")]
        if not before:
            return None
        # walk back sentence by sentence (at most four), preferring subjects, then recency
        sentences: list[int] = []
        for h in reversed(before):
            sid = self._sentence_of(h.token)
            if sid not in sentences:
                sentences.append(sid)
            if len(sentences) > 4:
                break
        own_line = self._line_of(m.start)
        for sid in sentences[:4]:
            if 0 <= sid < len(self.doc) and self._line_of(self.doc[sid].idx) != own_line \
                    and self._in_caption(self.doc[sid].idx):
                continue  # a picture's caption between the story's sentences: its people do not speak on
            cands = [h for h in before if self._sentence_of(h.token) == sid]
            cands = [self.resolve(h) for h in cands]
            cands = [h for h in cands if self._compatible(pk, h) and can_speak(h, self.doc) and h.name != exclude]
            if want:  # "she" is not a man the text calls Mr.
                cands = [h for h in cands if genders.get(names_mod.normalize(h.name), want) == want]
            subj = [h for h in cands if h.subject]
            # no name is the main clause's subject ("He said the harsh conditions Patterson had faced ..."):
            # a pronoun that is carries the topic on, not a name in a clause it reports
            in_main = [h for h in subj if 0 <= h.token < len(self.doc) and self.doc[h.token].head.dep_ == "ROOT"]
            chained = None if in_main else self._pronoun_subject_in(sid, m, pk, want)
            if chained is not None and subj and chained.head.dep_ != "ROOT":
                chained = None  # "When she had a chance to speak, Maxwell apologized": the name, not an adverbial's pronoun
            if chained is not None:
                # "He resisted calls, including from Chancellor X ... he said": the pronoun that is
                # that sentence's subject carries the topic on, not a name in its phrases
                return self.resolve(self.mention(chained, True))
            if not cands:
                continue
            # one who speaks in that sentence ("Patterson was sentenced ..., where Justice Beale said she had
            # inflicted trauma" / "... he said": Beale), then the subject of the main clause ("Mace
            # claimed that McCarthy ...") before an embedded one
            speaking = [h for h in subj if 0 <= h.token < len(self.doc)
                        and self.doc[h.token].head.lemma_.lower() in REPORTING_LEMMAS]
            main = [h for h in (speaking or subj) if 0 <= h.token < len(self.doc) and self.doc[h.token].head.dep_ == "ROOT"]
            return (main or speaking or subj or cands)[-1]
        return None

    def _in_caption(self, offset: int) -> bool:
        """The line at `offset` is a picture's caption: it carries a picture credit, or it is a short
        title line ("Kevin McCarthy") right above a line that does."""
        line = self._line_text(offset)
        if _PICTURE_CREDIT.search(line):
            return True
        text = self.text
        end = text.find("\n", offset)
        if end < 0 or len(line.split()) > 6 or line.rstrip().endswith((".", "!", "?", "”", '"', ":")):
            return False
        nxt = text[end:].lstrip("\n")
        return bool(_PICTURE_CREDIT.search(nxt.split("\n", 1)[0]))

    def _line_of(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def _line_text(self, offset: int) -> str:
        text = self.text
        end = text.find("\n", offset)
        return text[self._line_of(offset):end if end >= 0 else len(text)]

    def _pronoun_subject_in(self, sid: int, m: Mention, kind: str, gender: Optional[str]):
        """A pronoun of the same kind (and gender) that is a subject in the sentence starting at
        token `sid`, before mention `m`, outside quotes."""
        for t in self.doc[sid:max(sid, m.token if m.token >= 0 else sid)]:
            if self._sentence_of(t.i) != sid:
                break
            if (t.dep_ in SUBJECT_DEPS and PRONOUN_KIND.get(t.lower_) == kind and PRONOUN_GENDER.get(t.lower_) == gender
                    and t.idx < m.start and not self.in_quote(t.idx)):
                return t
        return None

    def _antecedent_for_description(self, m: Mention) -> Optional[Mention]:
        """The nearest preceding compatible named mention: one whose name or role holds the
        description's words ("the interior minister" -> Interior Minister Mohsin Naqvi), a person
        whose title implies it ("the senator" -> Senate Leader X), or, nearby, a body of the kind
        described ("the agency" -> the Office of Management and Budget)."""
        content = {w for w in m.words if w not in _LEAD_STRIP and w not in ("’s", "'s", "its", "their")}
        if not content or m.head not in content:
            return None
        if body_epithet(m.head):
            return self._story_company(m)
        # a person described by a people ("the Palestinian American") as by a title
        person_title = m.head in TITLE_WORDS or (m.proper and places.demonym_place(m.head.title()) is not None)
        modifiers = content - {m.head} - {TITLE_EXPANSIONS.get(m.head, m.head)}
        typed_pick: Optional[Mention] = None
        picked_by_kind = False
        want = GENDERED_WORDS.get(m.head)  # "the congresswoman" is no man the text calls Mr.
        genders = self._genders() if want else {}
        for h in reversed(self.history):
            if h.start >= m.start or h.token == m.token:
                continue
            if h.kind in ("pronoun", "document", "anonymous"):
                continue
            if not h.proper and not (h.words > m.words):
                continue  # only a fuller description: "the ministry" -> "the interior ministry"
            if h.proper and person_title != (h.kind == "person") and m.head not in (h.role or "").lower().split():
                continue  # "the senator" is a person, "the agency" is not
            words = person_aliases(h.words) if h.kind == "person" else h.words
            if want and h.kind == "person" and genders.get(names_mod.normalize(self.resolve(h).name), want) != want:
                continue
            if person_title and (words & OTHER_OFFICE) - content:
                continue  # "the president" is not the vice president, nor the former president
            typed = False
            if m.head not in words:
                if person_title or not h.proper or m.start - h.end > TYPE_MATCH_CHARS:
                    continue
                kind_word = org_type(h.name)
                by_kind = m.head in ORG_TYPE_ALIASES.get(kind_word, ())  # "the airline" for Jeju Air
                if not by_kind and not (
                        body_noun(m.head) and (h.label == "ORG" or not h.label and h.subject) and h.kind == "organization"
                        and kind_word not in _STATE_TYPES and kind_word not in ORG_TYPE_ALIASES
                        and not any(w in TITLE_WORDS for w in (h.role or "").lower().split())):
                    continue
                typed = True
            need = modifiers - _GENERIC_QUALIFIERS if typed else modifiers
            if typed and body_epithet(m.head):
                need = set()  # "the iPhone maker": what the body makes is not in its name
            if need and len(need & words) * 2 < len(need):
                continue
            if not typed:
                # a party called by this very word ("a separatist group" -> "the group") nearby
                # beats a party only of the kind described
                if typed_pick is None or m.start - h.end <= TYPE_MATCH_CHARS:
                    return h
                return typed_pick
            if typed_pick is None or not picked_by_kind and (by_kind or h.subject and self._named_more(h, typed_pick, m)):
                # a body whose name says its kind beats one of no known kind; of two of no known kind, the
                # actor the article names more ("the company": Latitude, not the ASX)
                typed_pick, picked_by_kind = h, by_kind
        return typed_pick

    def _named_more(self, a: Mention, b: Mention, before: Mention) -> bool:
        """Whether the article names `a` more often than `b` before `before`, outside quotes (a tie keeps
        `b`, the nearer)."""
        def count(name: str) -> int:  # its mentions, in full or by its first words ("Latitude" of "Latitude Financial")
            return sum(1 for h in self.history if h.start < before.start and (
                h.name == name or name.startswith(h.name + " ") or h.name.startswith(name + " ")))
        return count(a.name) > count(b.name)

    def _story_company(self, m: Mention) -> Optional[Mention]:
        """The company an epithet stands for ("the planemaker", "the iPhone maker", "the tech
        giant"): what it makes is not in its name, so the named non-state organisation the article
        has named most before it (the story's company), the first named on a tie."""
        last: dict[str, Mention] = {}
        for h in self.history:
            if h.start >= m.start or not h.proper or h.kind != "organization" or h.label != "ORG":
                continue
            if org_type(h.name) in _STATE_TYPES or any(w in TITLE_WORDS for w in (h.role or "").lower().split()):
                continue
            ent = next((e for e in self.doc.ents if e.start <= h.token < e.end), None) if h.token >= 0 else None
            name = re.sub(r"^(?:the|The)\s+", "", ent.text) if ent is not None else h.name
            last[name] = h
        if not last:
            return None
        before = self.text[:m.start]
        counts = {k: len(re.findall(r"\b" + re.escape(k) + r"\b", before)) for k in last}
        first = {k: before.find(k) for k in last}
        best = max(last, key=lambda k: (counts[k], -first[k]))  # on a tie, the one the story names first
        return self.resolve(last[best]) if last[best].name == best else replace(last[best], name=best)

    def _following_named_office(self, m: Mention) -> Optional[Mention]:
        """A headline's "says prime minister" -> the first later mention holding that office
        ("The prime minister, Keir Starmer, said"); a headline's "UK trade department minister:" ->
        "Britain's trade department minister Greg Hands" (the office and most of its qualifiers);
        a headline's "Conservative party leader says" -> the lede's subject when the lede gives
        that person the office ("Boris Johnson has resigned as Conservative leader")."""
        if m.head not in TITLE_WORDS:
            return None
        content = {w for w in m.words if w not in _LEAD_STRIP}
        modifiers = content - {m.head}
        headline = self._in_headline(m)
        for h in self.history:
            if h.start <= m.end or h.start - m.end > CATAPHORA_CHARS:
                continue
            if headline and h.kind == "description" and h.head == m.head and not h.plural and content <= h.words \
                    and not self._in_headline(h):
                # a deck's "The Prime Minister said ..." is whom the body's own "the Prime Minister" is
                r = self.resolve(h)
                if r.resolved and r.kind == "person":
                    return r
            if not (h.kind == "person" and h.proper):
                continue
            if content <= h.words:
                return h
            if headline and m.head in h.words and len(modifiers & h.words) * 2 >= len(modifiers):
                return h
            if headline and h.subject and 0 <= h.token < len(self.doc):
                sent = self.doc[h.token].sent
                words = {t.lower_ for t in sent} | {_lemma(t) for t in sent}
                if m.head in words and len(modifiers & words) * 2 >= len(modifiers):
                    return h
        return None

    def _in_headline(self, m: Mention) -> bool:
        """The mention stands in the article's headline or deck: a line before the first line that
        ends a sentence, itself ending without sentence punctuation."""
        pos = 0
        for line in self.text.split("\n"):
            end = pos + len(line)
            stripped = line.strip().rstrip("’'\"”")
            if stripped and stripped[-1] in ".!?…":
                return False  # the body has begun
            if pos <= m.start < end:
                return True
            pos = end + 1
        return False

    def _topic_person(self, m: Mention) -> Optional[Mention]:
        """ "Sir Keir Starmer has called for an election. The Labour leader said: ...": a definite
        office no named mention holds is the person the previous sentences are about (their
        subject), unless that person is known by another office."""
        if m.head not in TITLE_WORDS or m.head in GENERIC_ROLES or m.token < 0:
            return None
        tok = self.doc[m.token]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        here = self._sentence_of(m.token)
        found: list[Mention] = []
        seen = 0
        for h in reversed(self.history):
            if h.start >= m.start or h.token < 0:
                continue
            sid = self._sentence_of(h.token)
            if sid == here:
                continue
            if found and sid != self._sentence_of(found[0].token):
                break
            r = self.resolve(h) if h.subject and h.proper else h
            if h.subject and h.proper and 0 <= h.token < len(self.doc):
                found.append(r)
                continue
            seen += 1
            if seen > 3 and not found:
                break
        if not found:
            return None
        main = [h for h in found if self.doc[h.token].head.dep_ == "ROOT"]
        h = (main or found)[0]
        if h.kind != "person":
            return None  # the sentence is about someone the text does not show to be a person
        verb = self.doc[h.token].head
        if self.doc[h.token].dep_ == "nsubjpass" and verb.lemma_.lower() not in INSTALLING_VERBS and not any(
                c.dep_ in ("oprd", "attr", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            # "Djouhri ... was sentenced to six years. “...,” said the presiding judge": one the act was
            # done to, not one given an office ("Smith was sworn in", "was appointed finance minister")
            return None
        offices = {w for w in h.words if w in TITLE_WORDS} - set(GENDERED_WORDS) - {"sir", "dr", "dr."}
        if offices and m.head not in person_aliases(frozenset(offices)):
            return None  # known by another office: not the one described
        return h

    def _described_person(self, m: Mention) -> Optional[Mention]:
        """ "Musk deleted the post ... “...,” the billionaire wrote": a definite description of a
        person ("the billionaire", "the 54-year-old lawyer", "the actor") that speaks and that no
        earlier mention carries refers back as "he" or "she" would: to the nearest preceding person,
        main-clause subjects first, at most four sentences back, its gender respected ("the
        actress"). Not an office (those have their own rules), not a body, document or medium,
        not a description that names its own relation ("the brother of the victim", "the Trump
        supporter": someone new)."""
        if m.plural or m.head in TITLE_WORDS or not 0 <= m.token < len(self.doc):
            return None
        tok = self.doc[m.token]
        member = tok.ent_type_ == "NORP" and tok.tag_ == "NNP"  # "the Pennsylvania Republican": one of a party, a person
        if tok.pos_ != "NOUN" and not member or tok.dep_ not in SUBJECT_DEPS or not is_reporting(tok.head, weak=True):
            return None
        children = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children):
            return None
        if any(c.dep_ in ("prep", "poss", "relcl", "acl", "appos") or c.ent_type_ == "PERSON"
               or (c.pos_ == "PROPN" and c.text in self._named_words()) for c in children):
            return None  # "the Trump supporter", "the Biden aide": someone by relation to another person
        if not (member or person_noun(_lemma(tok))) or _lemma(tok) in RELATIONAL_PERSON_NOUNS:
            return None  # "the mother said": someone beside the person described, not that person
        want = GENDERED_WORDS.get(_lemma(tok))
        genders = self._genders() if want else {}
        here = self._sentence_of(m.token)
        sentences: list[int] = []
        found: list[Mention] = []
        for h in reversed(self.history):
            if h.start >= m.start or h.token < 0 or not h.subject:
                continue
            sid = self._sentence_of(h.token)
            if sid == here:
                continue  # "Reacting to the attempt on Trump, the billionaire responded": not Trump
            if sid not in sentences:
                if found:
                    break
                sentences.append(sid)
                if len(sentences) > DESCRIBED_SENTENCES:
                    break
            if self.doc[h.token].dep_ != "nsubj":
                continue  # one who acts ("Musk deleted the post"), not one acted on ("Doe was arrested")
            r = self.resolve(h)
            if r.kind == "person" and r.proper and genders.get(names_mod.normalize(r.name), want) == want:
                found.append(r)
        if not found:
            return None
        main = [h for h in found if self.doc[h.token].head.dep_ == "ROOT"]
        return (main or found)[0]  # history walked backwards: [0] is the last in the sentence

    def _generic_head(self, m: Mention) -> Optional[str]:
        """The noun a definite mention of an unnamed party takes up again: "the official" ->
        official; "one of the people" -> person; None for an indefinite or a named mention."""
        if not (0 <= m.token < len(self.doc)) or m.proper:
            return None
        tok = self.doc[m.token]
        if tok.lower_ in ("one", "another", "both", "each", "some", "neither", "either", "two", "three"):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        if o.dep_ == "pobj" and any(d.lower_ in ("the", "these", "those") for d in o.children):
                            head = _HEAD_FORMS.get(o.lower_, _lemma(o))
                            return head if head in ANAPHORIC_HEADS else None
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        head = _HEAD_FORMS.get(tok.lower_, _lemma(tok))
        return head if head in ANAPHORIC_HEADS else None

    def _earlier_unnamed(self, m: Mention) -> Optional[Mention]:
        """ "A senior administration official said ... “...,” the official said": the unnamed party
        mentioned before, by the same noun, not far back."""
        head = self._generic_head(m)
        if head is None:
            return None
        for h in reversed(self.history):
            if h.start >= m.start or h.token == m.token or m.start - h.end > ANAPHORA_CHARS:
                continue
            if not (h.kind == "anonymous" or (h.kind == "description" and not h.proper)):
                continue
            hh = _HEAD_FORMS.get(self.doc[h.token].lower_, h.head)
            if hh == head and self._generic_head(h) is None:  # the first mention, not another "the official"
                return h
        return None

    def _named_group(self, m: Mention) -> Optional[Mention]:
        """ "Sens. A and B demanded answers ... the senators wrote": a definite plural office stands
        for the people named together before it who hold that office."""
        tok = self.doc[m.token] if 0 <= m.token < len(self.doc) else None
        if tok is None or _lemma(tok) not in TITLE_WORDS or _lemma(tok) in GENERIC_ROLES:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "both") for c in tok.children):
            return None
        office = TITLE_EXPANSIONS.get(_lemma(tok), _lemma(tok))
        for h in reversed(self.history):
            if h.start >= m.start or m.start - h.end > ANAPHORA_CHARS or h.kind != "person" or not h.proper:
                continue
            head = self.doc[h.token]
            conj = [c for c in head.children if c.dep_ == "conj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")]
            if not conj:
                continue
            if office not in person_aliases(_with_expansions(h.words)):
                continue
            names = [self.resolve(h).name] + [self.resolve(self.mention(c)).name for c in conj]
            names = list(dict.fromkeys(names))
            joined = ", ".join(names[:-1]) + " and " + names[-1]
            return replace(h, name=joined, members=tuple(names), resolved=True)
        return None

    def _named_later(self, m: Mention) -> Optional[Mention]:
        """ "A federal judge on Tuesday blocked the plan ... U.S. District Judge Helen Marsh said":
        a lede's indefinite office is the person who holds it named right after, unless the
        sentence says the person is unnamed on purpose."""
        sent = self.doc[m.token].sent if 0 <= m.token < len(self.doc) else None
        if sent is not None and re.search(r"(?i)anonymity|not authori[sz]ed|declined to be (?:named|identified)"
                                          r"|asked not to be|unnamed|requested that", sent.text):
            return None
        modifiers = {w for w in m.words if w not in _LEAD_STRIP and w not in _INDEFINITE} - {m.head} - _GENERIC_QUALIFIERS
        for h in self.history:
            if h.start <= m.end or h.start - m.end > CATAPHORA_CHARS:
                continue
            if h.kind != "person" or not h.proper or not self._sentence_of(h.token) > (sent.start if sent else -1):
                continue
            words = person_aliases(h.words)
            if m.head in words and modifiers <= words:
                return h
        return None

    def _author_of_document(self, m: Mention) -> Optional[Mention]:
        """ "the ministry's statement" -> the ministry; "the Russian statement" -> the preceding Russian party."""
        head = self.doc[m.token]
        inner = party_in_info_noun(head)  # "the ministry's statement", "a Reuters report", "data from X"
        if inner is not None and inner.i != head.i:
            return self.resolve(self.mention(inner, m.subject))
        mods = [c for c in head.children if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")]
        for c in mods:
            for h in reversed(self.history):
                if h.start < m.start and h.proper and c.lower_ in h.words and h.token != m.token:
                    return self.resolve(h)
        # "the investigative directorate statement": a body named before in full, taken up by the
        # common words of its name set before the document
        before = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
                  and c.pos_ in ("NOUN", "ADJ") and not c.ent_type_]
        named_by = {c.lower_ for c in before}
        # one adjective is no name ("the new statement"); a noun ("the ministry statement") or two words are
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in before) or len(named_by) >= 2:
            for h in reversed(self.history):
                if h.start < m.start and h.proper and named_by <= h.words and h.token != m.token:
                    return self.resolve(h)
        # "Prosecutors argued in a filing that ... The filing said": whoever issued the document
        lemma = _lemma(head)
        for t in reversed(self.doc[max(0, head.i - 200):head.i]):
            if _lemma(t) != lemma or t.dep_ in SUBJECT_DEPS or self.in_quote(t.idx):
                continue
            v = t.head
            for _ in range(3):
                if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                    break
                v = v.head
            subj = subject_of(v) if v.pos_ in ("VERB", "AUX") else None
            if subj is not None and subj.lower_ in _THING_PRONOUNS and v.head.i != v.i:
                # "Omotoso made this known in a statement": "this" is what was made known, he made it
                v = v.head
                subj = subject_of(v) if v.pos_ in ("VERB", "AUX") else None
            if subj is not None and subj.i != head.i and _lemma(subj) != lemma and subj.lower_ not in _THING_PRONOUNS:
                return self.resolve(self.mention(subj, True))
        return None

    def _full_name_for(self, m: Mention, surname_before: bool = False) -> Optional[Mention]:
        """A lone surname or first name ("Naqvi") -> the full name that holds it, nearest first.
        With `surname_before`, only a preceding full name ending in the word."""
        word = names_mod.normalize(m.name)
        if " " in m.name:
            return None
        holding = [h for h in self.history if " " in h.name and word in names_mod.normalize(h.name).split()]
        # a person's full name first; failing that, one the tagger called an organisation ("Rishi Sunak")
        cands = [h for h in holding if h.kind == "person"] or [h for h in holding if self._person_shaped(h)]
        if surname_before:
            cands = [h for h in cands if h.start < m.start and names_mod.normalize(h.name).split()[-1] == word]
        before = [h for h in cands if h.start < m.start]
        if not cands and not surname_before:
            # the word itself named a person before ("Governor Sanwo-Olu did not ..." / "Sanwo-Olu,
            # who described ..., said"), where the tagger saw no full name holding it
            before = [h for h in self.history if h.kind == "person" and h.start < m.start and h.token != m.token
                      and names_mod.normalize(h.name) == word]
        pick = before[-1] if before else (cands[0] if cands else None)
        if pick is not None and pick.kind != "person":
            pick = replace(pick, kind="person", label="PERSON")  # a surname says the full name is a person's
        if pick is not None and not pick.role:
            role = next((h.role for h in cands if h.name == pick.name and h.role), None)
            pick = replace(pick, role=role) if role else pick
        return pick

    def resolve(self, m: Mention, _depth: int = 0) -> Mention:
        """The mention with `name` (and `kind`, `role`) taken from what it refers to."""
        if m.token in self._resolved:
            r = self._resolved[m.token]
            return replace(r, subject=True) if m.subject and not r.subject else r
        if _depth > 3:
            return m
        target: Optional[Mention] = None
        if m.kind == "pronoun":
            target = self._antecedent_for_pronoun(m)
        elif m.kind == "description" and not m.plural:
            target = (self._antecedent_for_description(m) or self._following_named_office(m)
                      or self._earlier_unnamed(m) or self._topic_person(m) or self._described_person(m))
        elif m.kind == "anonymous" and not m.plural and m.head in TITLE_WORDS and m.head not in GENERIC_ROLES:
            target = self._named_later(m)
        elif m.kind == "anonymous" and not m.plural:
            target = self._earlier_unnamed(m)
        elif m.kind in ("anonymous", "description") and m.plural:
            target = self._named_group(m)
        elif m.kind == "document":
            target = self._author_of_document(m)
        elif m.kind == "person" or (m.proper and " " not in m.name and m.label not in ("GPE", "LOC", "NORP")):
            target = self._full_name_for(m)
        elif m.proper and " " not in m.name and m.token >= 0 and self.doc[m.token].pos_ == "PROPN":
            # a surname the tagger took for a place ("Delgado told CNN"): only the surname of a
            # person named before counts, so that places keep their own names
            target = self._full_name_for(m, surname_before=True)
        elif m.proper and m.name in self.acronyms:
            long_form = self.acronyms[m.name][0]
            out = replace(m, name=long_form, resolved=True)
            self._resolved[m.token] = out
            return out
        if target is not None:
            if target.token != m.token and not target.members:
                target = self.resolve(target, _depth + 1)
            role = target.role
            if m.kind == "description" and not role and m.head in TITLE_WORDS:
                role = m.text
            out = replace(m, name=target.name, kind=target.kind, role=role, words=m.words | target.words,
                          proper=target.proper, label=target.label, resolved=True, members=target.members)
        else:
            out = m
        self._resolved[m.token] = out
        return out


# ---- quote attribution -----------------------------------------------------------------------
def token_range(doc, start: int, end: int) -> list:
    """The tokens of `doc` that start in [start, end). Token offsets increase through a Doc, so the
    range is found by bisection: a scan would make a Token object of every word of the article."""
    lo = bisect_left(doc, start, key=_token_start)
    hi = bisect_left(doc, end, lo=lo, key=_token_start)
    return [doc[i] for i in range(lo, hi)]




def tokens_with(doc, attr: str, values: Iterable[str]) -> list:
    """The tokens of `doc` whose `attr` (a spaCy attribute name, e.g. "DEP") is one of the strings
    `values`, in order. Read from one array, so that the other words get no Token object."""
    wanted = {doc.vocab.strings[v] for v in values}
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


def _mask_quotes(text: str, quotes) -> str:
    """The text with quoted words masked ("x" for every character but spaces and a quote's final
    .!?), so that a period inside a quote does not split the sentence that attributes it."""
    masked = list(text)
    for q in quotes:
        last = q.end - 1
        for i in range(q.start, q.end):
            ch = masked[i]
            if ch.isspace() or (i == last and ch in ".!?"):
                continue
            masked[i] = "x"
    # two apostrophes written as a quotation mark ("''It may well be ...,'' said Hidalgo"), which the
    # segmenter does not know: a double mark and a space in their place, so that a quote ends a sentence
    text = "".join(masked)
    return re.sub("''", lambda m: ' "' if text[m.end():m.end() + 1].strip() else '" ', text)


def _block_sentences(text: str, masked: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """syntok's sentences of the block [lo, hi) of the masked text, as offsets of the text."""
    import syntok.segmenter as syntok_segmenter

    out: list[tuple[int, int]] = []
    for para in syntok_segmenter.analyze(masked[lo:hi]):
        for sent in para:
            toks = [t for t in sent if t.value]
            if not toks:
                continue
            span = (lo + toks[0].offset, lo + toks[-1].offset + len(toks[-1].value))
            if out and _ends_in_abbreviation(text[out[-1][0]:out[-1][1]]):
                out[-1] = (out[-1][0], span[1])  # "Rep." / "Gov." / "J." do not end a sentence
            else:
                out.append(span)
    return out


def _ends_in_abbreviation(sentence: str) -> bool:
    last = sentence.rsplit(None, 1)[-1] if sentence.strip() else ""
    return last.lower() in ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]\.", last))


class QuoteAttributor:
    """Finds the speaker of each quote of one article: same sentence first, then adjacent ones."""

    def __init__(self, doc, text: str, quotes: Sequence, blocks: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text
        self.quotes = list(quotes)
        # a transcript turn or a block statement is speech without marks: the quotes and reporting
        # clauses inside it are parsed like the reporter's own ("As President Biden says, “...”" in a
        # briefing is Biden's), so that nested speech goes to the one who uttered the inner words
        self.outer = [(q.outer_start, q.outer_end) for q in self.quotes
                      if getattr(q, "style", "") not in ("turn", "block", "caption")]
        self.resolver = Resolver(doc, text, self.outer)
        self.blocks = list(blocks)  # in text order
        self._block_starts = [lo for lo, _ in self.blocks]
        self._masked: Optional[str] = None
        self._frames_by_block: dict[int, list[tuple[int, int]]] = {}

    # ---- frames: the article's sentences with quoted words masked ----------------------------
    # Split block by block on first need: syntok's split is the dearest step of attribution, and
    # most quotes are settled by the verb they hang from without asking for a sentence. No frame
    # crosses a line break, so a block's frames are the same whether or not the others are split,
    # and the article's frames are those of its blocks in order.
    def _block_frames(self, k: int) -> list[tuple[int, int]]:
        """The frames of block k: its sentences, one ending in an exclaimed quote joined to the
        attribution after it."""
        if k not in self._frames_by_block:
            if self._masked is None:
                self._masked = _mask_quotes(self.text, self.quotes)
            lo, hi = self.blocks[k]
            self._frames_by_block[k] = self._join_exclaimed(_block_sentences(self.text, self._masked, lo, hi))
        return self._frames_by_block[k]

    def _frame_position(self, i: int) -> tuple[int, int]:
        """(block, index among its frames) of the frame holding offset i; failing that, of the last
        frame starting before i, or else of the article's first frame."""
        k = bisect_right(self._block_starts, i) - 1  # the last block starting at or before i
        own = self._block_frames(k) if k >= 0 else []
        holding = [n for n, (s, e) in enumerate(own) if s <= i < e]
        starting_before = [n for n, (s, _) in enumerate(own) if s <= i]
        if holding:
            return k, holding[0]
        if starting_before:
            return k, starting_before[-1]
        earlier = self._first_with_frames(range(k - 1, -1, -1))
        if earlier is not None:
            return earlier, len(self._block_frames(earlier)) - 1
        return self._first_with_frames(range(max(k, 0), len(self.blocks))), 0  # a quote's block has frames

    def _first_with_frames(self, ks: Iterable[int]) -> Optional[int]:
        return next((k for k in ks if self._block_frames(k)), None)

    def _frame(self, position: tuple[int, int]) -> tuple[int, int]:
        k, n = position
        return self._block_frames(k)[n]

    def _next_frame(self, position: tuple[int, int], step: int) -> Optional[tuple[int, int]]:
        """The frame `step` (1 or -1) after the one at `position` in the article, if there is one."""
        k, n = position
        frames = self._block_frames(k)
        if 0 <= n + step < len(frames):
            return frames[n + step]
        j = self._first_with_frames(range(k + 1, len(self.blocks)) if step > 0 else range(k - 1, -1, -1))
        if j is None:
            return None
        return self._block_frames(j)[0 if step > 0 else -1]

    def _join_exclaimed(self, frames: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A quote ending in "!" or "?" does not end its sentence when the attribution follows it
        (“... send it to my desk!” Cole wrote in a post): such a frame is joined to the next one."""
        out: list[tuple[int, int]] = []
        for fr in frames:
            if out:
                s0, e0 = out[-1]
                q = next((q for q in self.quotes if q.close_mark is not None and s0 <= q.start < e0
                          and q.outer_end >= e0 - 1 and self.text[q.end - 1] in "!?"), None)
                gap = self.text[e0:fr[0]]
                if q is not None and not gap.strip() and "\n" not in gap and self._opens_with_attribution(fr):
                    out[-1] = (s0, fr[1])
                    continue
            out.append(fr)
        return out

    def _opens_with_attribution(self, frame: tuple[int, int]) -> bool:
        """The sentence starts with a reporting clause: "Cole wrote ...", "said the senator", "the
        agency said in a memo" (a reporting verb among its first words, no quote before it)."""
        toks = [t for t in token_range(self.doc, frame[0], frame[1]) if not t.is_space]
        if not toks or _in_spans(toks[0].idx, self.outer) or toks[0].text in ALL_QUOTE_MARKS:
            return False
        words = [t for t in toks if not t.is_punct][:6]
        return any(is_reporting(t) for t in words)

    def _outside(self, toks) -> list:
        return [t for t in toks if not _in_spans(t.idx, self.outer)]

    def _block_of(self, i: int) -> tuple[int, int]:
        for b in self.blocks:
            if b[0] <= i < b[1]:
                return b
        return (0, len(self.text))

    def _speaker_from_verb(self, verb) -> Optional[Mention]:
        if _lemma(verb) == "accord":
            for c in verb.children:
                if c.lower_ == "to":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        obj = objs[0]
                        if _lemma(obj) in INFO_NOUNS and obj.pos_ == "NOUN":
                            obj = party_in_info_noun(obj) or obj  # "a statement from the ministry"
                        obj = _name_set_after(obj) or obj
                        return self.resolver.resolve(self.resolver.mention(obj, True))
            return None
        quoted = quoted_person(verb)
        if quoted is not None:
            return self.resolver.resolve(self.resolver.mention(quoted, True))
        subj = subject_of(verb, skip=self.resolver.in_quote)
        if subj is None:
            # "“...,” read a statement from his attorney": the inverted subject parsed as the object
            subj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "NOUN"
                         and _lemma(c) in DOCUMENT_NOUNS and _document_author(c) is not None), None)
        if subj is None or self.resolver.in_quote(subj.idx):
            return None
        subj = _name_closing_a_title(subj, verb) or _document_held(subj) or subj
        if _lemma(subj) in DOCUMENT_NOUNS and subj.pos_ == "NOUN":
            # "“...,” read a statement from his attorney Mark Cohen"; "His letter to the PM read:":
            # a document speaks for its author when the sentence names one
            author = _document_author(subj)
            if author is not None and not self.resolver.in_quote(author.idx):
                found = self.resolver.resolve(self.resolver.mention(author, True))
                if found is not None and found.kind in ("person", "organization", "government", "pronoun"):
                    return found
        return self.resolver.resolve(self.resolver.mention(subj, True))

    def _stray_agent(self, verb) -> Optional[Mention]:
        """The party a "by" phrase in a passive verb's clause names, outside quotes, when it can
        speak: the passive's agent, wherever the parser hung it ("told ... by a judge sentencing her")."""
        for t in verb.subtree:
            if t.lower_ == "by" and t.dep_ in ("prep", "agent") and not self.resolver.in_quote(t.idx):
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    m = self.resolver.resolve(self.resolver.mention(obj, True))
                    if can_speak(m, self.doc) and m.kind in ("person", "organization", "government", "description"):
                        return m
        return None

    def _governing_verbs(self, q) -> list:
        """Verbs outside the quote that the quoted words hang from, nearest ancestor first."""
        qtoks = token_range(self.doc, q.start, q.end)
        inside = {t.i for t in qtoks}
        lo, hi = self._block_of(q.start)
        found: list = []
        for t in qtoks:
            if t.head.i in inside or t.head.i == t.i:
                continue
            a = t.head
            for _ in range(8):
                if not (lo <= a.idx < hi) or _in_spans(a.idx, self.outer):
                    break
                if (a.pos_ in ("VERB", "AUX") or verb_read_as_noun(a)) and a not in found:
                    found.append(a)
                if a.head.i == a.i:
                    break
                a = a.head
        # reporting verbs attached to a quoted word (parataxis: the quote is the root)
        for t in qtoks:
            for c in t.children:
                if c.i not in inside and is_reporting(c) and lo <= c.idx < hi and c not in found:
                    found.append(c)
        return found

    _THOUGHT_LEMMAS = frozenset({"believe", "think", "fear", "expect", "assess"})  # "X said voters think ...": X's words

    def _innermost_speech(self, verb, q):
        """ "Pence recalled Trump telling him, “You’re too honest.”": speech reported inside speech
        is the inner speaker's. From the verb the quote hangs from, go down to a verb of speech it
        governs (its complement, after it and before the quote) that has a subject of its own."""
        v = verb
        for _ in range(3):
            inner = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp") and is_reporting(c)
                          and _lemma(c) not in self._THOUGHT_LEMMAS
                          and v.idx < c.idx < q.outer_start and not _in_spans(c.idx, self.outer)
                          and any(g.dep_ == "nsubj" and not self.resolver.in_quote(g.idx) for g in c.children)), None)
            if inner is None:
                return v
            v = inner
        return v

    def _speaking_lead_in(self, words: list) -> Optional[Mention]:
        """ "CrowdStrike founder and CEO @George_Kurtz speaks on TODAY about the outages: “...”": a
        lead-in whose verb is one of speaking introduces its subject's words; a title joined to a
        name ("founder and CEO X") is that named person, a post's @handle the person it spells."""
        verb = next((t for t in words if t.pos_ == "VERB" and _lemma(t) in _SPEAKING_VERBS), None)
        if verb is None:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and not self.resolver.in_quote(c.idx)), None)
        if subj is None:
            return None
        named = [c for c in subj.conjuncts if c.i > subj.i and (c.pos_ == "PROPN" or c.text.startswith("@"))]
        if subj.pos_ == "NOUN" and _lemma(subj) in TITLE_WORDS and named:
            subj = named[-1]
        if subj.text.startswith("@"):
            person = self._person_named(_handle_words(subj.text))
            if person is not None:
                return replace(person, start=subj.idx, end=subj.idx + len(subj.text), text=subj.text)
            return None
        m = self.resolver.resolve(self.resolver.mention(subj, True))
        return m if can_speak(m, self.doc) else None

    def _inverted_lead_in(self, words: list) -> Optional[Mention]:
        """ "Added Councilmember Delishia Porterfield, who lost to Jones in the primary: “...”": a
        lead-in that opens with a verb of speech before its subject (which the parser may not see as
        a verb) introduces the person it names next."""
        if len(words) < 2 or words[0].lemma_.lower() not in REPORTING_LEMMAS:
            return None
        name = next((k for k, t in enumerate(words) if k > 0 and t.ent_type_ == "PERSON"), None)
        if name is None or any(t.pos_ in ("VERB", "AUX") for t in words[1:name]):
            return None
        end = name
        while end + 1 < len(words) and words[end + 1].ent_type_ == "PERSON" and words[end + 1].i == words[end].i + 1:
            end += 1
        m = self.resolver.resolve(self.resolver._build(words[end], True, words[1:end + 1]))
        return m if m.kind == "person" else None

    def _owner_of_the_words(self, copula) -> Optional[Mention]:
        """The one whose words a copula says the quoted words are ("were some of Santos' first words",
        "were the words of Mayor Karen Bass"): the possessor of a noun of speech in its subject or
        complement, or the noun's "of". (A speech noun beside no copula, "in a statement", names what was
        said, not whose it is.)"""
        for t in copula.subtree:
            if _lemma(t) not in _SPEECH_NOUNS or self.resolver.in_quote(t.idx) \
                    or not any(a.i == copula.i for a in list(t.ancestors)[:3]):
                continue
            owners = [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            owners += [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or person_noun(_lemma(o)))]
            if owners:
                m = self.resolver.resolve(self.resolver.mention(owners[0], True))
                if m.kind in ("person", "organization", "government") or m.resolved:
                    return m
        return None

    def _fragment_speaker(self, q, frame: tuple[int, int]) -> Optional[tuple[Mention, str]]:
        """ "...," the German Consul General in Karachi.  A verbless noun phrase naming the speaker."""
        after = [t for t in token_range(self.doc, q.outer_end, frame[1]) if not t.is_space]
        after = [t for t in after if not _in_spans(t.idx, self.outer)]
        words = [t for t in after if not t.is_punct and not (t.like_url or "/" in t.text)]  # a post's link names no one
        if words and not any(t.pos_ in ("VERB", "AUX") for t in words) and any(t.pos_ in ("PROPN", "NOUN") for t in words):
            nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
            ids = {t.i for t in words}
            root = next((t for t in nouns if t.head.i not in ids or t.head.i == t.i), nouns[-1])
            toks = words
            while toks and toks[0].lower_ in _LEAD_STRIP:
                toks = toks[1:]
            if not toks or toks[0].pos_ == "ADP":
                return None  # "“What does the ‘M’ mean?” per CNN": who reported the words, not who spoke them
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            text = self.text[s:e]
            base = self.resolver.mention(root, True)
            m = replace(base, start=s, end=e, text=text, name=text if base.kind != "person" else base.name,
                        role=base.role or (text if base.kind != "person" else None))
            return self.resolver.resolve(m), "attribution fragment"
        before = [t for t in token_range(self.doc, frame[0], q.outer_start) if not t.is_space and not _in_spans(t.idx, self.outer)]
        if before and before[-1].text == ":":
            words = [t for t in before[:-1] if not t.is_punct]
            spoken = self._speaking_lead_in(words) or self._inverted_lead_in(words)
            if spoken is not None:
                return spoken, "colon"
            if words and not any(t.pos_ in ("VERB", "AUX") for t in words):
                nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
                if nouns:
                    return self.resolver.resolve(self.resolver.mention(nouns[-1], True)), "colon"
        return None

    def attribute_one(self, n: int) -> Attribution:
        q = self.quotes[n]
        # 1. the verb the quoted words depend on
        govs = self._governing_verbs(q)
        ordered = ([v for v in govs if is_reporting(v)] + [v for v in govs if is_reporting(v, weak=True) and not is_reporting(v)]
                   + [v for v in govs if not is_reporting(v, weak=True)])
        fallback: Optional[Attribution] = None
        told = next((v for v in govs if is_reporting(v) and _told_in_passive(v)), None)
        if told is not None:
            # "Letby has been told she had “...” by a judge": the words were said to the passive's
            # subject, by its agent (which the parser may hang elsewhere in the clause), not by the
            # subject of a clause they stand in ("she had")
            agent = self._stray_agent(told)
            if agent is not None:
                return Attribution(agent, told.text, told.idx, told.idx + len(told.text))
            ordered = [v for v in ordered if v.i == told.i or told not in v.ancestors]
        for v in ordered:
            owner = self._owner_of_the_words(v) if _lemma(v) == "be" else None
            if owner is not None:
                # the quoted words are someone's words: ""To hell with this place," were some of Santos'
                # first words", "... were the words of Mayor Karen Bass"
                return Attribution(owner, v.text, v.idx, v.idx + len(v.text))
            inner = self._innermost_speech(v, q)
            if inner is not v:
                isp = self._speaker_from_verb(inner)
                if isp is not None and not ((isp.kind in ("document", "pronoun") and not isp.resolved)
                                            or bare_description(isp)):
                    v = inner  # "Pence recalled Trump telling him": Trump, not "the audit confirmed"
            sp = self._speaker_from_verb(v)
            if sp is not None:
                att = Attribution(sp, v.text, v.idx, v.idx + len(v.text))
                if (sp.kind in ("document", "pronoun") and not sp.resolved) or bare_description(sp):
                    # "Warren said the audit confirmed “...”": an authorless document inside
                    # someone's reported speech does not hide the one who reports it
                    fallback = fallback or att
                    continue
                return att
        if fallback is not None and any(is_reporting(v) for v in govs):
            return fallback
        # 2. a reporting verb elsewhere in the sentence, nearest to the quote (also when the words hang
        # from a verb that is no speech: "..., Dame Andrea said, but it was an error “to purge ...”")
        frame = self._frame(self._frame_position(q.start))
        outside = self._outside(token_range(self.doc, frame[0], frame[1]))
        cands = [t for t in outside if is_reporting(t) or (_lemma(t) == "accord" and any(c.lower_ == "to" for c in t.children))]
        cands.sort(key=lambda t: min(abs(t.idx - q.outer_end), abs(t.idx - q.outer_start)))
        for v in cands:
            # a verb separated from this quote by another quote speaks for that one
            lo, hi = sorted((v.idx, q.start))
            between = [o for o in self.quotes if o is not q and lo <= o.start < hi]
            if between:
                continue
            sp = self._speaker_from_verb(v)
            if sp is not None:
                cue = "according to" if _lemma(v) == "accord" else v.text
                return Attribution(sp, cue, v.idx, v.idx + len(v.text))
        if fallback is not None:
            return fallback
        inverted = self._inverted_attribution(q)
        if inverted is not None:
            return inverted
        # 3. a verbless noun phrase beside the quote
        frag = self._fragment_speaker(q, frame)
        if frag:
            m, cue = frag
            return Attribution(m, cue, m.start, m.end)
        return Attribution(None, None)

    def _inverted_attribution(self, q) -> Optional[Attribution]:
        """A quote closed by a past verb and a name that ends the sentence ("“...”, highlighted Adorni."):
        the inverted order of attribution makes the verb one of speech, whatever the tagger took it for
        (here an adjective of the name)."""
        after = [t for t in token_range(self.doc, q.outer_end, min(len(self.text), q.outer_end + 80)) if not t.is_space]
        while after and after[0].is_punct and after[0].text in (",", "”", "’", '"', "'"):
            after = after[1:]
        if len(after) < 3 or not after[0].is_lower or after[0].tag_ not in ("VBD", "VBN") and not after[0].text.endswith("ed"):
            return None
        names = list(itertools.takewhile(lambda t: t.pos_ == "PROPN" and t.text[:1].isupper(), after[1:5]))
        rest = after[1 + len(names):]
        if not names and after[1].lower_ == "the":
            # "..., emphasized the Chairperson of the National Assembly, Yael Bron-Pivet.": the name after the office
            end = next((k for k, t in enumerate(after) if t.text in (".", "!", "?")), None)
            comma = max((k for k, t in enumerate(after[:end or 0]) if t.text == ","), default=None)
            if end is not None and comma is not None and end - comma <= 5:
                names, rest = after[comma + 1:end], after[end:]
                if not all(t.pos_ == "PROPN" or t.text == "-" for t in names) or not names[0].text[:1].isupper():
                    return None
        if not names or not rest or rest[0].text not in (".", "!", "?") and not (rest[0].text == "," and len(rest) > 1
                                                                                  and rest[1].lower_ in ("who", "which")):
            return None
        if any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "TIME") for t in names):
            return None
        written = self.text[names[0].idx:names[-1].idx + len(names[-1].text)]
        kind = "organization" if names[-1].ent_type_ == "ORG" else "person"  # (the tagger's product or work: a name it does not know)
        m = replace(self.resolver.mention(names[-1], True), name=written, text=written, start=names[0].idx,
                    end=names[-1].idx + len(names[-1].text), kind=kind, label="ORG" if kind == "organization" else "PERSON",
                    words=frozenset(w.lower() for w in written.split()), proper=True)
        m = self.resolver.resolve(m)
        if not can_speak(m, self.doc):
            return None
        return Attribution(m, after[0].text, after[0].idx, after[0].idx + len(after[0].text))

    def attribute(self) -> list[Attribution]:
        out = [Attribution(None, None) if getattr(q, "style", "") == "caption"
               else self._turn_speaker(q) if getattr(q, "label_start", None) is not None
               else self._introduced(q) if getattr(q, "introduced_by", None) is not None else self.attribute_one(n)
               for n, q in enumerate(self.quotes)]
        self._caption_speakers(out)
        # multi-paragraph quotes share their speaker, both ways
        for _ in range(2):
            for n, q in enumerate(self.quotes):
                # the piece it carries on: the nearest earlier quote left open ("continues"), which is
                # not always the one before (a headline's quote may stand between)
                before = next((k for k in range(n - 1, -1, -1) if self.quotes[k].continues), None)
                after = next((k for k in range(n + 1, len(self.quotes)) if self.quotes[k].continued), None)
                if q.continued and before is not None and out[n].speaker is None and out[before].speaker is not None:
                    out[n] = replace(out[before], cue=out[before].cue)
                if q.continues and after is not None and out[n].speaker is None and out[after].speaker is not None:
                    out[n] = out[after]
        for n, q in enumerate(self.quotes):
            sp = out[n].speaker
            if out[n].cue == "colon" and sp is not None and sp.kind == "document" and not sp.resolved:
                out[n] = self._continued_piece(n, out)
        for n, q in enumerate(self.quotes):
            sp = out[n].speaker
            vague = sp is None or (not sp.resolved and sp.kind not in ("person", "organization", "government")
                                   and self._elliptical_mention(sp))
            if vague and getattr(q, "style", "") not in ("turn", "caption", "block") and not q.headline:
                group = self._preceding_group(sp.start) if sp is not None else None
                found = replace(out[n], speaker=group) if group is not None else self._elliptical_speaker(n, out)
                if found.speaker is not None or sp is not None:
                    out[n] = found if found.speaker is not None else Attribution(None, None)
        for n, q in enumerate(self.quotes):
            if out[n].speaker is None and self._joined_to_previous(n, out):
                out[n] = out[n - 1]
        for n, q in enumerate(self.quotes):
            if out[n].speaker is not None:
                continue
            if q.headline:
                out[n] = self._headline_speaker(n, out)
                continue
            out[n] = self._adjacent_speaker(n, out)
        return out

    def _joined_to_previous(self, n: int, done: Sequence[Attribution]) -> bool:
        """ "But he said the PM's “vision ... was right” and “following the status quo was simply not an
        option”": quotes one verb introduces, in one sentence, joined by nothing but a conjunction or a
        comma, are all that verb's speaker's."""
        if n == 0 or done[n - 1].speaker is None or done[n - 1].cue_start is None:
            return False
        prev, q = self.quotes[n - 1], self.quotes[n]
        if {getattr(q, "style", ""), getattr(prev, "style", "")} & {"turn", "caption", "block"} or q.headline or prev.headline:
            return False
        if not done[n - 1].cue_start < prev.outer_start or self._frame_position(prev.start) != self._frame_position(q.start):
            return False  # the verb must come before both, in the same sentence
        gap = [t for t in token_range(self.doc, prev.outer_end, q.outer_start) if not t.is_space and not t.is_punct]
        return all(t.dep_ == "cc" or t.pos_ == "CCONJ" for t in gap)

    # ---- elliptical subjects -------------------------------------------------------------------
    _ELLIPTICAL = frozenset({"another", "one", "others", "some"})  # with ordinals: "a third said"

    def _elliptical_speaker(self, n: int, done: Sequence[Attribution]) -> Attribution:
        """Speech whose subject is left for the reader to fill in. "Twitter users said ... One tweet
        read: “...” Another added: “...” While a third said: “...”": one of the group named before
        speaks. A verb of speech opening its sentence with no subject at all ("said: “...”", text
        cut by the page) continues the attribution before it."""
        q = self.quotes[n]
        frame = self._frame(self._frame_position(q.start))
        outside = self._outside(token_range(self.doc, frame[0], frame[1]))
        verbs = [t for t in outside if is_reporting(t) and not any(
            o is not q and min(t.idx, q.start) <= o.start < max(t.idx, q.start) for o in self.quotes)]
        if not verbs:
            return Attribution(None, None)
        v = min(verbs, key=lambda t: min(abs(t.idx - q.outer_end), abs(t.idx - q.outer_start)))
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        cue = Attribution(None, v.text, v.idx, v.idx + len(v.text))
        if subj is not None and self._elliptical(subj):
            group = self._preceding_group(subj.idx)
            if group is not None:
                return replace(cue, speaker=group)
            return Attribution(None, None)
        words = [t for t in outside if not t.is_punct and not t.is_space]
        if subj is None and subject_of(v, skip=self.resolver.in_quote) is None and words and words[0] is v:
            before = [k for k in range(n - 1, -1, -1) if done[k].speaker is not None
                      and self.quotes[k].start >= q.start - ANTECEDENT_QUOTE_CHARS]
            if before:
                a = done[before[0]]
                return Attribution(a.speaker, v.text, v.idx, v.idx + len(v.text))
        return Attribution(None, None)

    def _continued_piece(self, n: int, done: Sequence[Attribution]) -> Attribution:
        """ "“It’s a great day,” Trump wrote on Truth Social. Then, in a second post: “...”": a
        verbless lead-in naming only a piece of speech (a post, a statement) with no author of its
        own goes on with the speaker quoted just before it."""
        q = self.quotes[n]
        before = [k for k in range(n - 1, -1, -1) if done[k].speaker is not None and done[k].speaker.kind != "document"
                  and self.quotes[k].start >= q.start - ANTECEDENT_QUOTE_CHARS]
        if not before:
            return Attribution(None, None)
        a = done[before[0]]
        return Attribution(a.speaker, "continued", a.cue_start, a.cue_end)

    def _elliptical_mention(self, m: Mention) -> bool:
        """A mention that is only an elliptical subject ("Another", "a third", "One tweet"), naming no
        kind of person of its own ("one Republican senator" is a description, not an ellipsis)."""
        toks = [t for t in token_range(self.doc, m.start, m.end) if not t.is_punct]
        if not any(self._elliptical(t) for t in toks):
            return False
        if 0 <= m.token < len(self.doc) and not self._elliptical(self.doc[m.token]) and person_noun(_lemma(self.doc[m.token])):
            return False  # "the first responders said": the ordinal qualifies a kind of person
        return not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
                       or (_lemma(t) in _SPEAKING_NOUNS and _lemma(t) not in DOCUMENT_NOUNS) for t in toks)

    def _elliptical(self, tok) -> bool:
        """ "another", "a third", "one", or "one tweet": a subject that names one of a group."""
        if tok.lower_ in self._ELLIPTICAL or tok.ent_type_ == "ORDINAL":
            return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)  # not "a third of voters"
        return _lemma(tok) in DOCUMENT_NOUNS and any(
            c.dep_ in ("nummod", "det", "amod") and (c.lower_ in self._ELLIPTICAL or c.ent_type_ == "ORDINAL")
            for c in tok.children)

    def _preceding_group(self, i: int) -> Optional[Mention]:
        """The nearest plural party before offset i that spoke ("Twitter users said"), or one of a kind
        ("a resident said"): the group an elliptical subject is one of ("Another added")."""
        toks = [t for t in token_range(self.doc, max(0, i - GROUP_CHARS), i) if not self.resolver.in_quote(t.idx)]
        for t in reversed(toks):
            one_of_a_kind = t.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
            if t.dep_ in SUBJECT_DEPS and (t.tag_ in ("NNS", "NNPS") or one_of_a_kind) and is_reporting(t.head, weak=True):
                m = self.resolver.resolve(self.resolver.mention(t, True))
                if can_speak(m, self.doc):
                    return m
        return None

    def _introduced(self, q) -> Attribution:
        """A statement set as a block after "X said in a written statement:": X speaks."""
        verb = next((t for t in token_range(self.doc, q.introduced_by, q.introduced_by + 1)), None)
        sp = self._speaker_from_verb(verb) if verb is not None else None
        return Attribution(sp, verb.text if verb is not None else None, q.introduced_by,
                           q.introduced_by + len(verb.text) if verb is not None else None)

    # ---- transcripts ---------------------------------------------------------------------------
    def _turn_speaker(self, q) -> Attribution:
        """A transcript turn's speaker is its label: "MS. JEAN-PIERRE" -> Karine Jean-Pierre (the
        person of the text whose name ends so), "CHUCK SCHUMER" -> Chuck Schumer; "Q"/"A" -> the
        interviewer and the one interviewed, where the text says who they are."""
        ls, le = q.label_start, q.label_end
        label = self.text[ls:le].strip()
        if label in ("Q", "A"):
            people = self._interview_roles()
            m = people.get(label)
            if m is None:
                return Attribution(None, "transcript label", ls, le)
            return Attribution(replace(m, start=ls, end=le, text=label), "transcript label", ls, le)
        words = label.split()
        role = [w for w in words[:-1] if w.lower() in TITLE_WORDS or w.lower() + "." in TITLE_WORDS]
        role = words[:len(role)] if words[:len(role)] == role else []
        name_words = words[len(role):] or words
        written = " ".join(_name_case(w) for w in name_words)
        anonymous = bool(re.search(r"#\d+$", label))
        full = None if anonymous else self._person_named(written)
        name = full.name if full is not None else written
        m = Mention(ls, le, label, name, "anonymous" if anonymous else "person",
                    " ".join(_name_case(w) for w in role) or (full.role if full is not None else None),
                    names_mod.normalize(name_words[-1]), frozenset(w.lower() for w in words), False, True,
                    True, "PERSON", -1, full is not None)
        return Attribution(m, "transcript label", ls, le)

    # ---- closed captions ------------------------------------------------------------------------
    def _caption_speakers(self, out: list[Attribution]) -> None:
        """The speakers of ">>" caption turns, in order. A labelled turn is its label's. An unlabelled
        one is spoken by whom the turn (or lead-in) just before it addresses by title and name
        ("congressman cummings, you could hear ...", "WELCOME AGAIN, MR. POWELL.", "MR. GREEN IS
        RECOGNIZED"); failing that, in a dialogue of two (A, B, then A again) by the one who spoke two
        turns before. Otherwise no speaker: captions seldom say who speaks."""
        turns = [n for n, q in enumerate(self.quotes) if getattr(q, "style", "") == "caption"]
        self._run_start: Optional[int] = None  # where the run of turns a turn belongs to opens
        self._run_over = False  # a turn of the run named a party of its exchange: the exchange is over
        for k, n in enumerate(turns):
            q = self.quotes[n]
            prev = self.quotes[turns[k - 1]] if k else None
            if prev is None or self.text[prev.end:q.open_mark].strip(" \t\n.,!?"):
                self._run_start, self._run_over = q.open_mark, False
            if q.label_start is not None:
                out[n] = self._caption_label(q)
                continue
            prev = self.quotes[turns[k - 1]] if k else None
            if prev is not None and self._block_of(prev.start) == self._block_of(q.start):
                lo = prev.start
            else:
                lo = self._block_of(q.open_mark)[0]  # the lead-in: the caption text before the first turn
            addressed = self._addressee(lo, q.open_mark)
            if addressed is not None:
                out[n] = Attribution(addressed, "caption turn", q.open_mark, q.open_mark + 2)
                continue
            party = self._exchange_party(q)
            if party is not None:
                out[n] = Attribution(party, "caption turn", q.open_mark, q.open_mark + 2)
                continue
            if k >= 2 and not self._run_over:
                a, b = out[turns[k - 2]].speaker, out[turns[k - 1]].speaker
                if a is not None and b is not None and a.name != b.name:
                    out[n] = Attribution(a, "caption turn", q.open_mark, q.open_mark + 2)

    _ADDRESS = re.compile(  # overlapping: every title and the word after it
        r"(?i)(?=\b(?P<title>[a-z]+\.?)\s+(?P<name>[a-z][a-z'’\-]+)(?P<after>\s+is\s+recognized\b|\s*[,.?!]|\s*$))")

    def _addressee(self, lo: int, hi: int) -> Optional[Mention]:
        """The person a caption turn addresses by title and surname: a vocative set off by
        punctuation or ending the turn, or the one the chair recognises. The last such name wins
        (the question comes last)."""
        piece = self.text[lo:hi].rstrip()
        found: Optional["re.Match"] = None
        for m in self._ADDRESS.finditer(piece):
            title, name = m.group("title").lower(), m.group("name").lower()
            if title not in TITLE_WORDS or name in TITLE_WORDS or name in _LEAD_STRIP:
                continue
            at_end = m.end("name") == len(piece) or piece[m.end("name"):].strip() in (".", "?", "!", "")
            set_off = m.start("title") == 0 or piece[:m.start("title")].rstrip()[-1:] in ",.?!:;" or \
                piece[:m.start("title")].rstrip().lower().endswith(("welcome", "again", "back"))
            if at_end or "recognized" in m.group("after").lower() or (set_off and m.group("after").strip()):
                found = m
        if found is None:
            return None
        s, e = lo + found.start("title"), lo + found.end("name")
        surname = _name_case(found.group("name").upper()) if found.group("name").islower() else _name_case(found.group("name"))
        full = self._person_named(surname)
        title = found.group("title")
        return Mention(s, e, self.text[s:e], full.name if full is not None else surname, "person",
                       _name_case(title.upper()) if title.islower() else _name_case(title),
                       names_mod.normalize(surname), frozenset({title.lower(), surname.lower()}), False, True,
                       True, "PERSON", -1, full is not None)

    def _exchange_party(self, q, asks: Optional[bool] = None) -> Optional[Mention]:
        """The party of the exchange a bare turn belongs to, when its lead-in pairs a guest with an
        interviewer ("the president sat down with our own jonathan capehart"): the interviewer asks,
        the guest answers. A turn that names either of them is someone else's (the anchor's)."""
        start = getattr(self, "_run_start", None)
        ex = turns.exchange_before(self.text, q.open_mark if start is None else start)
        if ex is None or getattr(self, "_run_over", False):
            return None
        said = self.text[q.start:q.end]
        if asks is None:
            if turns.names_a_party(said, ex):
                self._run_over = True
                return None
            asks = turns.is_question(said)
        p = ex.interviewer if asks else ex.guest
        written = re.sub(r"(?i)^the\s+", "", p.text)
        if " " not in written:  # "the president": whom the text calls so
            heads = [t for t in token_range(self.doc, p.start, p.end) if t.pos_ in ("NOUN", "PROPN")]
            if heads:
                m = self.resolver.resolve(self.resolver.mention(heads[-1], True))
                if m.resolved and m.kind == "person":
                    return replace(m, start=p.start, end=p.end, text=self.text[p.start:p.end])
        full = self._person_named(written.title()) if " " in written else None
        name = full.name if full is not None else (written.title() if " " in written else written)
        words = frozenset(w.lower() for w in written.split())
        return Mention(p.start, p.end, self.text[p.start:p.end], name, "person", None, words and written.split()[-1].lower(),
                       words, False, True, " " in written, "PERSON", -1, full is not None)

    def _caption_label(self, q) -> Attribution:
        """A caption turn's label: a name ("SENATOR CORKER" -> Corker), or a role that names nobody
        in particular ("reporter"): then the speaker is that role, which no source list takes, unless
        the lead-in names the one who interviews ("... standing with kelly o'donnell. >> reporter:")."""
        label = self.text[q.label_start:q.label_end].strip()
        words = label.split()
        if all(w.lower() in TITLE_WORDS or w.lower() + "." in TITLE_WORDS for w in words):
            interviewer = self._exchange_party(q, asks=True)
            if interviewer is not None and interviewer.proper:
                return Attribution(replace(interviewer, role=label), "transcript label", q.label_start, q.label_end)
            m = Mention(q.label_start, q.label_end, label, label.lower() if label.isupper() else label, "anonymous",
                        label, words[-1].lower(), frozenset(w.lower() for w in words), False, True, False, "", -1, False)
            return Attribution(m, "transcript label", q.label_start, q.label_end)
        return self._turn_speaker(q)

    def _person_named(self, written: str) -> Optional[Mention]:
        """The person of the text a label names: the same full name, or the one full name ending
        in the label's surname (nearest before the label first)."""
        want = names_mod.normalize(written).split()
        if not want:
            return None
        people = [self.resolver.resolve(h) for h in self.resolver.history if h.kind == "person"]
        full = [h for h in people if names_mod.normalize(h.name).split()[-len(want):] == want and " " in h.name]
        if not full:
            return None
        longest = max(full, key=lambda h: len(h.name.split()))
        return longest

    def _interview_roles(self) -> dict[str, Mention]:
        """ "Bucshon's interview with Editor Mizell Stewart": A is the one interviewed (the
        possessor), Q the interviewer (after "with"); "an interview with X": A is X."""
        if getattr(self, "_roles", None) is not None:
            return self._roles
        self._roles = {}
        for t in tokens_with(self.doc, "LEMMA", ("interview",)):
            if t.pos_ != "NOUN" or self.resolver.in_quote(t.idx):
                continue
            poss = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            withs = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                     for o in c.children if o.dep_ == "pobj"]
            pm = self.resolver.resolve(self.resolver.mention(poss, True)) if poss is not None else None
            wm = self.resolver.resolve(self.resolver.mention(withs[0], True)) if withs else None
            if pm is not None and wm is not None and wm.kind == "person" and (
                    pm.kind == "person" or (pm.proper and pm.label not in ("ORG", "GPE", "NORP"))):
                self._roles = {"A": pm, "Q": wm}
                break
            if wm is not None and wm.kind == "person":
                self._roles = {"A": wm}
                break
        return self._roles

    def _adjacent_speaker(self, n: int, done: Sequence[Attribution]) -> Attribution:
        """A quote standing alone takes the speaker of the sentence before (ending in a colon, or
        quoting someone) or of a short attribution sentence right after it."""
        q = self.quotes[n]
        position = self._frame_position(q.start)
        frame = self._frame(position)
        rest = [t for t in self._outside(token_range(self.doc, frame[0], frame[1])) if not t.is_punct and not t.is_space]
        if rest:
            # "Vladimir Putin’s “illegal war in Ukraine threatens ...”.": a verbless sentence whose only
            # words own the quoted ones goes on with the speaker of the quote just before it
            if all(t.pos_ not in ("VERB", "AUX") for t in rest) and any(
                    t.tag_ == "POS" or t.dep_ == "poss" for t in self._outside(token_range(self.doc, frame[0], q.outer_start))):
                prev = self._next_frame(position, -1)
                prev_quotes = [k for k, o in enumerate(self.quotes) if prev is not None and prev[0] <= o.start < prev[1]]
                if prev_quotes and done[prev_quotes[-1]].speaker is not None:
                    a = done[prev_quotes[-1]]
                    return Attribution(a.speaker, a.cue, a.cue_start, a.cue_end)
            return Attribution(None, None)  # the sentence has its own words but no speaker: leave it
        # the next sentence, when it is only an attribution ("That is what he said.")
        nxt = self._next_frame(position, 1)
        if nxt is not None:
            toks = self._outside(token_range(self.doc, nxt[0], nxt[1]))
            words = [t for t in toks if not t.is_punct and not t.is_space]
            reps = [t for t in words if is_reporting(t)]
            if reps and len(words) <= 6 and not any(o.start >= nxt[0] and o.start < nxt[1] for o in self.quotes):
                sp = self._speaker_from_verb(reps[0])
                if sp is not None:
                    return Attribution(sp, reps[0].text, reps[0].idx, reps[0].idx + len(reps[0].text))
            # a dash line signing the quote: "— Mayor Eric Adams"
            line = self.text[nxt[0]:nxt[1]]
            if line[:1] in "—–―" and words and len(words) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in words):
                nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
                ids = {t.i for t in words}
                if nouns and not any("@" in t.text or "/" in t.text for t in toks):
                    root = next((t for t in nouns if t.head.i not in ids or t.head.i == t.i), nouns[-1])
                    return Attribution(self.resolver.resolve(self.resolver.mention(root, True)), "dash attribution",
                                       toks[0].idx, toks[0].idx + 1)
        # the previous sentence
        prev = self._next_frame(position, -1)
        if prev is not None:
            prev_quotes = [k for k, o in enumerate(self.quotes) if prev[0] <= o.start < prev[1]]
            if prev_quotes and done[prev_quotes[-1]].speaker is not None:
                a = done[prev_quotes[-1]]
                return Attribution(a.speaker, a.cue, a.cue_start, a.cue_end)
            # a sentence introducing it ("... said in a statement:") or quoting its speaker's
            # position just before (a named party, not "officials" or an unresolved pronoun)
            toks = self._outside(token_range(self.doc, prev[0], prev[1]))
            reps = [t for t in toks if is_reporting(t)]
            # the sentence's own reporting verb, not one inside what it reports ("He said the owner was
            # on site with 15 persons believed to be his friends")
            # or one who delivers a piece of speech ("Holmes read a speech to the court", "the firm issued a
            # statement"): what follows is that piece
            delivers = [t for t in toks if t.dep_ == "ROOT" and t.pos_ == "VERB" and any(
                c.dep_ == "dobj" and _lemma(c) in VENUE_NOUNS for c in t.children)]
            reps = [t for t in reps if t.dep_ == "ROOT"][-1:] or delivers[-1:] or reps
            introduces = self.text[prev[0]:prev[1]].rstrip().endswith(":")
            if reps:
                sp = self._speaker_from_verb(reps[-1])
                # one the sentence does not name speaks only when it says so with a colon ("A family
                # friend in Saudi Arabia said:")
                if sp is not None and (sp.kind not in ("pronoun", "anonymous") or introduces and sp.kind == "anonymous"):
                    return Attribution(sp, reps[-1].text, reps[-1].idx, reps[-1].idx + len(reps[-1].text))
            if introduces:
                # "Senator X on Thursday released the following statement:" introduces what follows,
                # whatever its verb: the subject of that sentence's main verb speaks
                roots = [t for t in toks if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
                sp = self._speaker_from_verb(roots[-1]) if roots else None
                if sp is not None and sp.kind in ("person", "organization", "government"):
                    return Attribution(sp, roots[-1].text, roots[-1].idx, roots[-1].idx + len(roots[-1].text))
            label = self._speaker_label(prev)
            if label is not None:
                return label
            carried = self._speaker_through_a_pronoun(prev, done)
            if carried is not None:
                return carried
        run = self._last_speaker_in_run(n, done)
        if run is not None:
            return run
        # the next sentence goes on with a quote its speaker "added" or "continued": the one who
        # goes on is the one who spoke this ("“...” \n\n “We can do better,” she added.")
        if nxt is not None:
            later = [k for k, o in enumerate(self.quotes) if nxt[0] <= o.start < nxt[1]]
            if later and done[later[0]].speaker is not None and done[later[0]].cue_start is not None:
                cue = next((t for t in token_range(self.doc, done[later[0]].cue_start, done[later[0]].cue_end)), None)
                if cue is not None and _lemma(cue) in CONTINUING_LEMMAS:
                    a = done[later[0]]
                    return Attribution(a.speaker, a.cue, a.cue_start, a.cue_end)
        return Attribution(None, None)

    def _speaker_through_a_pronoun(self, prev: tuple[int, int], done: Sequence[Attribution]) -> Optional[Attribution]:
        """A quote after a sentence that only says more of the person quoted just before ("“There’s
        nothing there,” Mr. Ireland said. / His garage remains, mostly full of bicycles. “When I get a
        chance, I can hop on one of my bikes.”"): the sentence between names no one else, quotes
        nothing, and takes that person up by a pronoun."""
        toks = [t for t in self._outside(token_range(self.doc, prev[0], prev[1])) if not t.is_punct and not t.is_space]
        if not toks or any(t.ent_type_ in ("PERSON", "ORG", "NORP") or is_reporting(t) for t in toks) \
                or not any(PRONOUN_KIND.get(t.lower_) == "person" for t in toks) \
                or any(prev[0] <= o.start < prev[1] for o in self.quotes):
            return None
        before = self._next_frame(self._frame_position(prev[0]), -1)
        if before is None:
            return None
        quoted = [k for k, o in enumerate(self.quotes) if before[0] <= o.start < before[1]]
        a = done[quoted[-1]] if quoted else None
        if a is None or a.speaker is None:
            return None
        # "he" or "she" takes up a person, though the tagger called the name a body ("Reeves said ... She is")
        gendered = any(t.lower_ in PRONOUN_GENDER for t in toks)
        if not (a.speaker.kind == "person" or gendered and a.speaker.kind == "organization" and " " not in a.speaker.name):
            return None
        return Attribution(a.speaker, a.cue, a.cue_start, a.cue_end)

    def _speaker_label(self, frame: tuple[int, int]) -> Optional[Attribution]:
        """A line of its own that only names a person, with a title and perhaps a colon, heads what
        they said in a round-up of reactions ("French President Emmanuel Macron", "White House Chief
        of Staff Ron Klain:", "London Mayor Sadiq Khan, speaking in Buenos Aires:")."""
        lo, hi = self._block_of(frame[0])
        if self.text[lo:hi].strip() != self.text[frame[0]:frame[1]].strip():
            return None  # a sentence among others of its paragraph, not a label line
        words = [t for t in token_range(self.doc, frame[0], frame[1]) if not t.is_punct and not t.is_space]
        if not words or len(words) > LABEL_MAX_WORDS or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words):
            return None
        people = [e for e in self.doc.ents if e.label_ == "PERSON" and frame[0] <= e.start_char and e.end_char <= frame[1]]
        if len(people) != 1:
            return None
        m = self.resolver.resolve(self.resolver.mention(people[0].root, True))
        if m is None or m.kind != "person":
            return None
        return Attribution(m, "label", people[0].start_char, people[0].end_char)

    def _last_speaker_in_run(self, n: int, done: Sequence[Attribution]) -> Optional[Attribution]:
        """A paragraph that is only a quote, in a run of quote paragraphs, is spoken by whoever spoke
        last when no other party acts in between (an embedded post of the same speaker, a line of
        narration about the speaker: "He paid tribute to Mr Zahawi’s contribution"):
        "Starmer said: “...” [his tweet] “The Tories cannot respond ...”"."""
        q = self.quotes[n]
        lo, _ = self._block_of(q.start)
        if self.text[lo:q.outer_start].strip():
            return None
        k = next((k for k in range(n - 1, -1, -1) if not self.quotes[k].headline), None)
        if k is None or done[k].speaker is None or q.outer_start - self.quotes[k].outer_end > ANTECEDENT_QUOTE_CHARS:
            return None
        sp = done[k].speaker
        want = names_mod.normalize(sp.name)
        for h in self.resolver.history:
            if self.quotes[k].outer_end <= h.start < q.outer_start and h.subject:
                r = self.resolver.resolve(h)
                other = names_mod.normalize(r.name)
                if r.kind not in ("person", "organization", "government", "anonymous") or other == want or (
                        other and want and other.split()[-1] == want.split()[-1]):
                    continue  # "Starmer" and "Keir Starmer" are one
                line_lo = self.text.rfind("\n", 0, h.start) + 1
                line_hi = self.text.find("\n", h.end)
                line = names_mod.normalize(self.text[line_lo:line_hi if line_hi >= 0 else len(self.text)])
                if want and want.split()[-1] in line.split():
                    continue  # a name cut by the tagger on a line that names the speaker ("— Keir Starmer (@...)")
                return None  # someone else is named in between: not a run of one speaker
        return Attribution(sp, "continued", done[k].cue_start, done[k].cue_end)

    def _headline_speaker(self, n: int, done: Sequence[Attribution]) -> Attribution:
        """A pull quote in a headline repeats words quoted later: take that quote's speaker."""
        q = self.quotes[n]
        words = _stems(self.text[q.start:q.end])
        best, best_k = 0.0, None
        for k, o in enumerate(self.quotes):
            if k == n or done[k].speaker is None or o.headline:
                continue
            overlap = len(words & _stems(self.text[o.start:o.end]))
            score = overlap / max(1, len(words))
            if overlap >= 2 and score > best:
                best, best_k = score, k
        if best_k is not None and best >= 0.4:
            a = done[best_k]
            return Attribution(a.speaker, "headline", a.cue_start, a.cue_end)
        return Attribution(None, None)


def _name_case(word: str) -> str:
    """A word of a label in capitals as a name is written: JEAN-PIERRE -> Jean-Pierre, MR. -> Mr."""
    if not word.isupper():
        return word
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def _stems(text: str) -> set[str]:
    """Crude stems of content words (first five letters of words of four letters or more)."""
    return {w.lower()[:5] for w in re.findall(r"[^\W\d_]{4,}", text)}


def block_statements(doc, text: str, blocks: Sequence[tuple[int, int]], quotes: Sequence) -> list[tuple[int, int, int]]:
    """Statements set as blocks without quote marks: (start, end, offset of the introducing verb)
    for each paragraph after one that ends "X said in a (written) statement:", up to a paragraph
    with quote marks, a reporting clause of its own, or the end. The introduction must be a party's
    statement: a reporting verb with a named subject that is no news outlet ("The AP reports:"
    introduces an excerpt of a report, not someone's words)."""
    from auditor.read import sources  # outlets by name (sources imports this module at load)

    out: list[tuple[int, int, int]] = []
    quoted = [(q.outer_start, q.outer_end) for q in quotes]
    resolver: Optional[Resolver] = None
    k = 0
    while k < len(blocks) - 1:
        lo, hi = blocks[k]
        intro = text[lo:hi].rstrip()
        if not intro.endswith(":") or any(lo <= s < hi for s, _ in quoted):
            k += 1
            continue
        toks = token_range(doc, lo, hi)
        verbs = [t for t in toks if is_reporting(t) and any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and _lemma(g) in VENUE_NOUNS for g in c.children) for c in t.children)]
        verbs = verbs or [t for t in toks if is_reporting(t) and t.dep_ == "ROOT" and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in t.children)]
        if not verbs:
            k += 1
            continue
        subj = subject_of(verbs[-1])
        if subj is None:
            k += 1
            continue
        resolver = resolver or Resolver(doc, text, quoted)
        m = resolver.resolve(resolver.mention(subj, True))
        if m.kind not in ("person", "organization", "government") or sources.is_outlet(m, True):
            k += 1
            continue
        j = k + 1
        while j < len(blocks):
            b0, b1 = blocks[j]
            para = text[b0:b1]
            if any(b0 <= s < b1 for s, _ in quoted) or not para.rstrip()[-1:] in ".!?…":
                break
            own = [t for t in token_range(doc, b0, b1) if is_reporting(t)
                   and (subject_of(t) is not None and subject_of(t).lower_ not in ("i", "we"))]
            if own and j > k + 1:
                break
            out.append((b0, b1, verbs[-1].idx))
            j += 1
        k = j
    return out


def attribute_quotes(doc, text: str, quotes: Sequence, blocks: Sequence[tuple[int, int]]) -> list[Attribution]:
    """The speaker of every quote of one article (None where no speaker can be found)."""
    if not quotes:
        return []
    return QuoteAttributor(doc, text, quotes, blocks).attribute()


def _name_set_after(description):
    """A person's name set off by commas right after a description that the parse hangs apart
    ("According to the deputy district chief of the Kaski district where the plane crashed, Guru
    Datta Dhakal, “...”"): the name is the one described; None otherwise."""
    if description.pos_ != "NOUN":
        return None
    doc, k = description.doc, description.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    ent = next((e for e in doc.ents if e.start == k + 1 and e.label_ == "PERSON"), None)
    if ent is None or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return ent.root


def _person_ending_at(verb):
    """The person's name that ends right before `verb`, as the tagger marks it, else None."""
    return next((e for e in verb.doc.ents if e.end == verb.i and e.label_ == "PERSON"), None) if verb.i else None


def _name_closing_a_title(subject, verb):
    """The person named at the end of a long title that the parse makes the subject ("head of the
    supervision, monitoring, and evaluation division of KPAI Jasra Putra said"): the name right before
    the verb, hung inside the title's "of" phrases; None otherwise."""
    if subject.pos_ != "NOUN" or subject.lower_ not in TITLE_WORDS:
        return None
    ent = _person_ending_at(verb)
    if ent is None or not (subject.i < ent.start and ent.root.i in {t.i for t in subject.subtree}):
        return None
    return ent.root


def _person_right_before(verb):
    """A person's name right before a verb of speech that the parse left without a subject ("...,”
    head of the evaluation division of KPAI Jasra Putra said on Wednesday", the title hung on the
    quoted words): the one who speaks. None for any other verb or word before it."""
    ent = _person_ending_at(verb) if is_reporting(verb) else None
    return ent.root if ent is not None else None


_TITLES_BEFORE_A_STOP = TITLE_WORDS | TITLE_ABBREVIATIONS


def _title_word(tok) -> bool:
    """A title or rank, also written short with its stop as one word ("Supt.", "Det.")."""
    return tok.lower_ in TITLE_WORDS or (tok.text.endswith(".") and tok.lower_[:-1] in _TITLES_BEFORE_A_STOP)
