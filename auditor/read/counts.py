"""What a count counts and what befell it: the counted noun with its modifiers ("Punjabi migrant
workers"), its group, and the outcome read up the parse ("killed:security", "displaced:total");
tolls, bodies, populations, job counts by sector, and counts said of a pronoun ("they were
700,000"). Why the parse: who was counted and what happened to them sit in the dependency tree
around the number, not at a fixed distance in the text. The lexicons (auditor/vocab/
counted_groups.tsv, outcome_words.tsv) are general news vocabulary. Pure functions."""
from __future__ import annotations

import re
from typing import Optional

from auditor import vocab
from auditor.read.numbers import _MULTIPLIERS, _VAGUE_TENS, vague_interval

GROUPS: dict[str, str] = vocab.table("counted_groups")  # lemma -> group

# Words that say what happened to the counted people or things.
OUTCOMES: dict[str, str] = vocab.table("outcome_words")  # word -> outcome
# Outcomes that befall a whole population: who they befall ("residents", "people") does not make
# two counts different quantities, unlike a death toll's civilians and security forces.
POPULATION_OUTCOMES = {"displaced", "protested", "attended", "aboard"}
# Nouns for events counted as such ("1,000 protests", "two marches"), not for people.
_EVENT_OUTCOMES = {"protested", "attended"}  # what a gathering is, or whoever is at one
CROWD = "crowd"  # the measure both are read as (see as_crowd)
HELD_COUNTS = ("votes", "seats")  # counts a side holds: whose they are is part of their kind ("seats:afd")
THING_OUTCOMES = {"destroyed", "burned"}  # befall things as well as people: they do not tell the counted are people
# States a group is in, named by a noun after a preposition: "under evacuation orders", "in custody".
_STATE_PREPOSITIONS = {"under", "in", "into"}
_STATE_VERBS = {"be", "remain", "stay", "receive", "face", "get"}
_STATE_NOUNS = {"evacuation", "custody", "attendance"}

REPORTING = vocab.words("reporting_verbs_neutral") | {"accord"}  # "according to X"
INCREMENT = ("additional", "more", "further", "fresh", "new", "extra")  # "22 more militants"; the first found names it
COUNT_NOUNS = ("toll", "tally", "number", "count", "turnout")  # nouns that name a count: "the toll", "the number of"
TOLL_NOUNS = COUNT_NOUNS[:2]  # the count nouns that name the dead when nothing else is named: "the toll stands at 20"
PLACE_NOUNS = vocab.words("place_generics")


def list_siblings(noun) -> list:
    """The other nouns of the list a noun stands in: its conjuncts and appositions, either way
    ("two Orthodox churches, a synagogue, and a police post" is parsed with appositions)."""
    seen, todo = {noun.i}, [noun]
    while todo:
        t = todo.pop()
        near = [c for c in t.children if c.dep_ in ("conj", "appos")]
        if t.dep_ in ("conj", "appos"):
            near.append(t.head)
        for n in near:
            if n.i not in seen and n.pos_ in ("NOUN", "PROPN"):
                seen.add(n.i)
                todo.append(n)
    return [noun.doc[i] for i in sorted(seen) if i != noun.i]


def counted_head(doc, first: int, last: int):
    """The noun the number counts: its nummod head, "hundreds of X" -> X, "toll to 177" -> toll."""
    tok = doc[last]
    if first != last and tok.dep_ == "conj" and tok.head.i == first:
        tok = doc[first]  # a range "between 88,000 and 107,000": the first number holds the place in the clause
    if first != last and tok.dep_ != "nummod" and doc[first].dep_ == "nummod":
        tok = doc[first]  # a range "30-40 passengers": the parse may hang the noun on either end
    elif first != last and tok.dep_ != "nummod":
        # "three hundred and twenty workers", "a dozen soldiers": the token of the number that the
        # parse hangs on the noun, wherever it sits in the number
        tok = next((t for t in doc[first:last + 1] if t.dep_ == "nummod" and not first <= t.head.i <= last), tok)
    head = tok.head
    multiplier = tok.lower_ in _MULTIPLIERS and tok.dep_ == "nummod"  # "a dozen soldiers": as "twelve soldiers"
    if not multiplier and (tok.pos_ == "NOUN" or vague_interval(tok.text) is not None
                           or doc[first].lower_ in _VAGUE_TENS):  # "dozens", "hundreds of insurgents"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return tok if tok.lemma_.lower() in GROUPS else None
    if tok.dep_ == "det" and tok.lower_ in ("a", "an"):
        return head  # a count of one: "a synagogue" (see counts_of_one)
    if tok.dep_ == "appos" and any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in OUTCOMES for c in tok.children):
        return None  # "20 deaths reported in 2 days, 1500 hospitalized": a count of its own, not more deaths
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos") and head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
        if head.lower_ in ("others", "other"):
            return head
        return head
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ == "VERB":
        # "bringing the cumulative toll to 177", "raising the death toll to 35"
        # the count noun the number is the value of, before any other party to the verb: "authorities
        # estimated the number of protesters at 107,000" counts protesters, not authorities
        parties = sorted((c for c in head.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"),
                         key=lambda c: (c.lemma_.lower() not in COUNT_NOUNS, c.dep_ != "dobj"))  # "estimated the crowd at"
        if parties:
            return _what_a_number_counts(parties[0])
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.lemma_.lower() in COUNT_NOUNS:
        return _what_a_number_counts(head.head)  # "estimated the number of protesters at 107,000": the parse hangs "at" on the noun
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("total", "number", "toll", "tally"):
        return None
    # a bare number as subject or object: "More than 50 dead" headline, "killed dozens"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "attr") and head.pos_ in ("ADJ", "NOUN") and head.lemma_.lower() in OUTCOMES:
        return head  # "More than 50 dead"
    return None


def _what_a_number_counts(noun):
    """ "put the number of protesters at 3.5 million": the things a number-noun stands for."""
    if noun.lemma_.lower() in ("number", "count", "total"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objs:
                    return objs[0]
    return noun


def _counted_in_list(noun) -> bool:
    """A noun of a coordination that carries its own count: "two synagogues", "a synagogue" beside
    "two churches"."""
    return any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def counted_text(head) -> tuple[str, list]:
    """The counted noun with its modifiers ("Punjabi migrant workers") and its conjuncts' heads."""
    if head is None:
        return "", []
    conjuncts = [c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    if head.lemma_.lower() in COUNT_NOUNS:
        # a toll's conjunct counts only if it is a count or a group too: in "the death toll from the
        # blast and the subsequent inferno", the parse hangs "inferno" on "toll", but it is a cause
        conjuncts = [c for c in conjuncts if c.lemma_.lower() in COUNT_NOUNS or GROUPS.get(c.lemma_.lower())]
    if any(_counted_in_list(c) for c in list_siblings(head)):
        conjuncts = []  # a list of counts ("two churches, two synagogues and police officers"): each its own
    heads = [head] + [c for c in conjuncts if c.i > head.i and not any(g.dep_ == "nummod" for g in c.children)]
    parts = []
    for h in heads:
        mods = [c for c in h.children if c.dep_ in ("compound", "amod", "nmod") and c.i < h.i
                and (c.lower_ not in INCREMENT or c.ent_type_ or c.pos_ == "PROPN")  # "New Yorkers"
                and not c.like_num and c.ent_type_ != "CARDINAL"]
        lo = min([h.i] + [m.left_edge.i for m in mods])
        parts.append(h.doc[lo:h.i + 1].text)
    return " and ".join(parts), heads


# Nouns for buildings of any kind ("homes", "houses", "buildings" destroyed are one count); any
# other building noun names a kind counted on its own (churches, synagogues, schools).
_GENERIC_BUILDINGS = {"building", "house", "home", "structure"}


_AGENT_SUFFIXES = tuple(vocab.words("agent_suffixes"))
_CHANGE_NOUNS = vocab.words("change_verbs") | vocab.words("change_nouns")


def group_of(heads) -> Optional[str]:
    """The category of people or things counted; several kinds of security forces stay "security"."""
    groups = []
    for h in heads:
        lemma = h.lemma_.lower()
        text = h.lower_
        g = GROUPS.get(text) or GROUPS.get(lemma)
        if lemma in ("personnel", "officer", "official", "force") or text in ("personnel", "officers", "forces"):
            mods = {c.lower_ for c in h.children if c.dep_ in ("compound", "amod")}
            if lemma == "official":
                g = None
            elif mods & {"police", "security", "military", "army", "law", "paramilitary", "border", "frontier"} or lemma in ("personnel", "officer"):
                g = "security"
        if g == "buildings" and lemma not in _GENERIC_BUILDINGS:
            g = lemma  # "two synagogues" and "two Orthodox churches" are counts of different things
        if g is None and lemma in _CHANGE_NOUNS:
            # "35,000 job cuts", "job losses": a change in what the compound names counts that
            g = next((GROUPS.get(c.lower_) or GROUPS.get(c.lemma_.lower()) for c in h.children
                      if c.dep_ == "compound" and (GROUPS.get(c.lower_) or GROUPS.get(c.lemma_.lower()))), None)
        groups.append(g)
    known = {g for g in groups if g}
    if not known:
        return None
    if len(known) == 1:
        return known.pop()
    return "total" if "total" in known else "mixed"


_PARTICIPATION = {tuple(v.split()) for v in vocab.words("participation_verbs")}
_OPEN_PLACES = {"street", "square", "road", "avenue", "boulevard", "park", "plaza", "centre", "center", "outside"}


def _joins_a_gathering(verb) -> bool:
    """A verb of taking part ("gather", "attend", "take part", "turn out") with a gathering named in
    its clause ("for a rally", "in the march", "the protest"): its subject is the gathering's crowd."""
    if verb.pos_ != "VERB":
        return False
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "dobj")}
    if not any(v[0] == verb.lemma_.lower() and (len(v) == 1 or v[1] in particles) for v in _PARTICIPATION):
        return False
    if any(OUTCOMES.get(t.lemma_.lower()) == "protested" and (t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.is_lower)
           for c in verb.children if c.dep_ in ("dobj", "prep", "advcl") for t in c.subtree):  # ("the march": PROPN, as a month)
        return True
    # "tens of thousands of people gathered in the streets of Belgrade", "1.28 million people took part":
    # gathering or taking part with no object, only places where, is a gathering of its own
    if any(c.dep_ in ("dobj", "advcl", "xcomp", "ccomp") for c in verb.children if c.lower_ != "part"):
        return False
    wheres = [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return all(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in PLACE_NOUNS | _OPEN_PLACES for o in wheres)


def _stranded_verb(verb, counted):
    """The clause verb a misparse left without its subject, right after the counted noun ("said
    between 275,000 and 325,000 people took part", with "between ... people" hung on "said"): the
    counted are its subject."""
    after = counted.i + 1
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > counted.i and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) \
                and min(t.i for t in c.subtree) == after:
            return c
    return None


_FATAL_ADVERBS = {"fatally", "mortally"}  # an injury that killed
_ABOARD = {"aboard", "onboard"}


def _aboard(noun) -> bool:
    """Whether the counted are the people a vehicle carries: "650 migrants may have been onboard",
    "there were at least 750 people on board", "181 people aboard", "a bus carrying 45 passengers"
    (not "raids carried out by 300 soldiers", nor the vehicles of "67 people aboard the two aircraft")."""
    def says_aboard(t) -> bool:
        return any(c.lower_ in _ABOARD and c.dep_ in ("advmod", "prep", "acomp", "prt") or
                   c.dep_ == "prep" and c.lower_ == "on" and any(
                       g.dep_ == "pobj" and g.lower_ == "board" and not any(d.dep_ == "det" for d in g.children)
                       for g in c.children)
                   for c in t.children)
    if says_aboard(noun):
        return True
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") and verb.pos_ in ("VERB", "AUX") and says_aboard(verb):
        return True
    return noun.dep_ == "dobj" and verb.lemma_.lower() == "carry" and not any(c.dep_ == "prt" for c in verb.children)


def outcome_of(doc, head, number_tok) -> Optional[str]:
    """What happened to the counted: the nearest outcome word up the tree, or beside it."""
    def of_token(t) -> Optional[str]:
        lemma, text = t.lemma_.lower(), t.lower_
        if t.ent_type_ == "DATE":
            return None  # "March", the month
        if lemma == "lose" and any(c.lemma_.lower() == "life" for c in t.children):
            return "killed"
        if lemma == "gun" and any(c.lower_ == "down" for c in t.children):
            return "killed"
        if lemma == "shoot" and any(c.lower_ == "dead" for c in t.children):
            return "killed"
        if lemma == "pass" and any(c.lower_ == "away" for c in t.children):
            return "killed"  # "three more victims ... have now passed away"
        if lemma == "set" and any(c.dep_ == "prep" and any(g.lower_ in ("fire", "ablaze", "alight") for g in c.children) for c in t.children):
            return "burned"
        if lemma == "claim" and any(c.lemma_.lower() == "life" for c in t.children):
            return "killed"
        if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "street"
                                   for g in c.children) for c in t.children):
            return "protested"  # "took to the streets"
        if text == "present" and t.tag_ == "JJ":
            return "attended"  # "spoke of 25,000 present", "some 300 people were present"
        if _joins_a_gathering(t):
            return "protested"  # "100,000 people gathered in Belgrade for a major anti-corruption rally"
        if t.pos_ == "VERB" and OUTCOMES.get(lemma) == "protested" and any(c.dep_ in ("dobj", "ccomp") for c in t.children):
            return None  # "the final tally demonstrates the remarkable turnaround": shows, no protest
        if lemma in ("suffer", "sustain") and any(c.dep_ == "dobj" and OUTCOMES.get(c.lemma_.lower()) for c in t.children):
            # "97 people suffering injuries", "sustained burns": the outcome is the object's
            return next(OUTCOMES[c.lemma_.lower()] for c in t.children if c.dep_ == "dobj" and OUTCOMES.get(c.lemma_.lower()))
        found = OUTCOMES.get(text) or OUTCOMES.get(lemma)
        if found and t.pos_ in ("VERB", "AUX", "ADJ") and any(c.dep_ == "neg" for c in t.children):
            return None  # "who could not be rescued", "40 were not injured": what did not befall them
        if found == "injured" and any(c.lower_ in _FATAL_ADVERBS for c in t.children):
            return "killed"  # "nine were fatally injured"
        return found

    start = head if head is not None else number_tok
    if head is not None and _aboard(head) and not (head.dep_ in ("nsubj", "nsubjpass") and of_token(head.head)):
        return "aboard"  # but "All 67 people aboard the two aircraft died" were killed
    if head is not None and of_token(head):
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB" and of_token(head.head):
            return of_token(head.head)  # "137 hostages had been freed": what befell them, not what they were
        return of_token(head)
    after = doc[number_tok.i + 1] if number_tok.i + 1 < len(doc) else None
    if (head is None or head.i <= number_tok.i) and after is not None and after.tag_ in ("VBN", "VBD", "JJ") \
            and of_token(after):
        return of_token(after)  # a bare number with its own outcome beside it: "Over 1,000 Injured", "nine dead"
    # the act a noun names that the counted are "of" comes before what describes them: "the release
    # of 287 students kidnapped earlier this month" are freed, "the rescue of 30 miners trapped" too
    if start.dep_ == "pobj" and start.head.lower_ == "of" and start.head.head.pos_ == "NOUN" \
            and of_token(start.head.head) and start.head.head.lemma_.lower() not in COUNT_NOUNS:
        return of_token(start.head.head)
    # children of the counted noun: "31 civilians dead", "the people killed"
    for c in start.children:
        if c.dep_ in ("amod", "acl", "relcl", "conj") and of_token(c):
            return of_token(c)
        if c.dep_ == "prep" and c.lower_ in _STATE_PREPOSITIONS:
            state = next((g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in _STATE_NOUNS), None)
            if state is not None and of_token(state):
                return of_token(state)  # "40,000 people in attendance", "12 people in custody"
    node = start
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        found = of_token(node)
        if found:
            return found
        if node.pos_ in ("VERB", "AUX"):
            stranded = _stranded_verb(node, start)
            if stranded is not None and of_token(stranded):
                return of_token(stranded)
            for c in node.children:
                if c.dep_ in ("oprd", "acomp", "xcomp", "advcl", "prt", "dobj") and c.i != start.i and of_token(c):
                    if c.dep_ == "dobj" and c.lemma_.lower() not in ("life", "death", "toll"):
                        continue
                    if c.dep_ in ("advcl", "xcomp") and any(g.dep_ in ("dobj", "nsubj", "nsubjpass") for g in c.children):
                        continue  # "raided two hideouts, killing 41 insurgents": a different patient
                    return of_token(c)
                if c.dep_ == "xcomp" and c.lemma_.lower() == "be":
                    # "eight people have been confirmed to be dead"
                    state = next((g for g in c.children if g.dep_ in ("acomp", "attr") and of_token(g)), None)
                    if state is not None:
                        return of_token(state)
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in ("death", "injury") and of_token(g):
                            return of_token(g)
                        if g.dep_ == "pobj" and c.lower_ in _STATE_PREPOSITIONS and g.pos_ == "NOUN":
                            # "4,000 residents are under evacuation orders", "held in custody"
                            for word in [g] + [m for m in g.children if m.dep_ == "compound"]:
                                if word.lemma_.lower() in _STATE_NOUNS and of_token(word):
                                    return of_token(word)
            if node.lemma_.lower() not in REPORTING and node.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "relcl"):
                break
    return None


def count_noun_outcome(number, head) -> Optional[str]:
    """The outcome a count noun names when the number is the value it takes: "the number of deaths
    has reached 28", "the death toll rose to at least 40 people", "officials raised the death toll
    to at least 41" (the toll, the deaths: killed). The number, or the noun it sizes ("40 people"),
    is the complement of the count noun's verb ("reach", "be", "rise to", "stand at", "raise ...
    to"); the count noun is that verb's subject or object, and names its outcome itself ("toll"),
    by a compound ("death toll") or by what it is "of" ("number of injuries"); or the subject is
    the outcome itself ("deaths stood at 40", "the fatalities reached nine")."""
    anchor = head if head is not None and number.dep_ == "nummod" and head.dep_ in ("pobj", "attr", "dobj") else number
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("to", "at", "from"):
        verb = anchor.head.head
        if verb.dep_ == "prep" and verb.lower_ == "from" and anchor.head.lower_ == "to":
            verb = verb.head  # "rose on Sunday from 37 to 58": the parser hangs "to" on "from"
    elif anchor.dep_ in ("attr", "dobj", "oprd"):
        verb = anchor.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for noun in _subjects_and_objects(verb):
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or noun.i == anchor.i:
            continue
        itself = OUTCOMES.get(noun.lemma_.lower())
        if noun.dep_ in ("nsubj", "nsubjpass") and itself and itself not in _EVENT_OUTCOMES \
                and noun.lemma_.lower() not in COUNT_NOUNS:
            return itself  # "deaths stood at 40"
        if noun.lemma_.lower() not in COUNT_NOUNS:
            continue
        named = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        named += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ in ("pobj", "pcomp")]
        named += [o for c in named if c.dep_ == "pcomp" for o in c.children if o.dep_ in ("oprd", "acomp")]  # "of confirmed dead"
        for word in named:
            outcome = OUTCOMES.get(word.lemma_.lower()) or OUTCOMES.get(word.lower_)
            if outcome and outcome not in _EVENT_OUTCOMES:
                return outcome
        if noun.lemma_.lower() in TOLL_NOUNS and not named:
            return "killed"  # "the toll stands at 20"
        if noun.lemma_.lower() == "turnout" and not named:
            return "protested"  # "media put the turnout at 250,000 to 300,000 people": who turned out
    return None


def _subjects_and_objects(verb) -> list:
    """A verb's own subjects and objects, and, for the second of two conjoined verbs with no subject
    of its own, the first one's ("the death toll had risen by 88 and now stood at 166")."""
    own = list(verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in own):
        own += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return own


_BODY_STATES = vocab.words("body_states")


def _body_state(head) -> Optional[str]:
    """A state the counted bodies are said to be in ("over 100 bodies remain unidentified"): said of
    them, not a word that describes them ("six unidentified bodies were found" are the dead)."""
    near = [c for c in head.head.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")] \
        if head.dep_ in ("nsubj", "nsubjpass") else []
    return next((t.lower_ for t in near if t.lower_ in _BODY_STATES), None)


def _befalls_the_counted(head) -> bool:
    """The outcome read up the sentence can be said of the counted noun: not when the noun is the
    object of a verb that names no outcome ("Letby will die in prison after receiving 14 whole-life
    sentences": the dying is hers), nor when it is a measure word of what is counted ("killed 1,174
    heads of livestock": the livestock)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) and not head.lemma_.lower().endswith(_AGENT_SUFFIXES):
        return False  # a measure word ("heads of livestock"), not people by what they do ("supporters of Imran Khan")
    if head.dep_ != "dobj" or head.head.pos_ != "VERB":
        return True
    said = [head.head, *(c for c in head.head.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod")),
            *(c for c in head.children if c.dep_ in ("amod", "acl", "relcl"))]
    return any(OUTCOMES.get(t.lower_) or OUTCOMES.get(t.lemma_.lower()) for t in said)  # "found 12 hikers dead"


def count_category(doc, head, heads, last) -> Optional[str]:
    """ "<outcome>:<group>" of a count ("killed:security"), a group alone, or None when no lexicon
    knows what is counted."""
    nationality = nationality_of(doc, head, last)
    category = as_crowd(_count_category(doc, head, heads, last, nationality))
    if nationality and category and category.startswith(f"{CROWD}:"):
        return f"{CROWD}:total"  # "Some 200,000 Israelis rallied": a people's crowd is the crowd
    if nationality and category == nationality:
        # without what befell them, people of a party or a nation are counted for too many acts to
        # compare ("11 Republicans" voted one way, "eight Republicans" another)
        return as_crowd(_count_category(doc, head, heads, last, None))
    return category


_ANY_PEOPLE = {None, "civilians", "total", "mixed"}
_THING_GROUPS = frozenset({"buildings", "vehicles"} | {word for word, group in GROUPS.items() if group == "buildings"})


def nationality_of(doc, head, last: int) -> Optional[str]:
    """The nationality or party the counted are named by, right after the number or as the counted
    noun ("four Chinese and nine Indonesian workers died", "the 22 Republicans who voted against
    Jordan", "12 Syrians"): those people are a part of the people a story counts, told apart by it."""
    after = doc[last + 1] if last + 1 < len(doc) else None
    named = next((t for t in (after, head) if t is not None and t.ent_type_ == "NORP" and t.i > last
                  and t.pos_ in ("ADJ", "PROPN", "NOUN")), None)  # (not a side before its figure: "the Greens (85)")
    listed = named is not None and named.i + 2 < len(doc) and doc[named.i + 1].lower_ in (",", "and", "or") \
        and doc[named.i + 2].ent_type_ == "NORP"
    if named is None or listed:
        return None  # "nearly 170 Lebanese, Palestinian and Syrian migrants": all of them, of several nations
    name = next((e.text for e in doc.ents if e.start <= named.i < e.end), named.text)  # "New Yorkers"
    return re.sub(r"(?<=[anr])s$", "", name.lower())  # "Syrians", "New Yorkers": one of them


def relative_antecedent(subject):
    """The noun a relative pronoun subject stands for ("Jordan, who received 198 votes"; "the 2000
    wildfire that burned 23,794 hectares"), else the subject itself."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def as_crowd(category: Optional[str]) -> Optional[str]:
    """A gathering's crowd is one measure whatever word counts it ("30,000 attended", "6,000
    demonstrators were present", "thousands marched"): outlets count one rally in all of them."""
    outcome, sep, rest = (category or "").partition(":")
    return f"{CROWD}{sep}{rest}" if outcome in _EVENT_OUTCOMES else category


def _count_category(doc, head, heads, last, nationality: Optional[str]) -> Optional[str]:
    if _one_who_speaks(doc[last], head):
        return None
    said_of_count = count_noun_outcome(doc[last], head)
    if said_of_count:
        # "the death toll was 275", "the number of deaths has reached 28"; "the fatalities included
        # seven law enforcement officers" keeps the group the number names
        return f"{said_of_count}:{(group_of(heads) if heads else None) or 'total'}"
    if _population_count(doc[last], head):
        return "population"
    if head is not None and head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ == "NOUN" \
            and head.i < head.head.i and (head.head.lemma_.lower() not in GROUPS or _hyphened(doc, last, head)):
        # "a 179-seat majority", "a 10-member team": the number sizes another thing; hyphened to its
        # noun, even a thing that is counted elsewhere ("a four-storey building", not four killed)
        return None
    group = group_of(heads) if heads else None
    if group in _ANY_PEOPLE:
        # ("three Israeli soldiers" are security, an armed side, whatever their nationality)
        group = nationality or group
    outcome = outcome_of(doc, head, doc[last])
    if outcome is None and head is not None and head.dep_ in ("nsubj", "nsubjpass") \
            and head.head.lemma_.lower() in _STATE_VERBS:
        # "4,000 residents are under Level 3 evacuation orders": the state names the outcome
        states = {t.lemma_.lower() for t in head.head.subtree if t.pos_ == "NOUN"} & _STATE_NOUNS
        outcome = OUTCOMES[sorted(states)[0]] if states else None
    if head is not None and head.lemma_.lower() in TOLL_NOUNS and outcome is None:
        outcome = "killed"
    if head is None and outcome is None:
        outcome = _elliptical_outcome(doc[last])
    if outcome and head is None:
        group = "total"  # "killed dozens", "More than 50 dead"
    if head is not None and group is None and head.pos_ == "NOUN" and OUTCOMES.get(head.lemma_.lower()) \
            and head.lemma_.lower() not in ("toll", "custody", "hostage", "evacuation") \
            and OUTCOMES[head.lemma_.lower()] not in _EVENT_OUTCOMES:
        group, outcome = "total", OUTCOMES[head.lemma_.lower()]  # "1,011 injuries": the noun names the outcome
    if head is not None and head.lemma_.lower() in ("dead", "death", "body", "corpse", "fatality", "life"):
        group, outcome = "total", outcome or "killed"
        state = _body_state(head)
        if state:
            return f"{state}:total"  # "over 100 bodies remain unidentified": not the toll
    if group == "attacks" and outcome:
        outcome = None  # "170 attacks killing 151 civilians": the attacks were not killed
    if head is not None and head.lower_ == "present" and head.tag_ == "JJ":
        group = "total"  # "25,000 present": the people there
    if group == "protesters" and outcome in (None, "protested", "attended"):
        group, outcome = "total", "protested"  # "3.5 million protesters" took part, as "people demonstrated"
    if group == "audience":
        # "2.1 million fans", "over 2.1 million attendees": the audience, unless something else befell
        # them ("135 football fans were killed": people as any others)
        group, outcome = "total", outcome or "attended"
    if outcome in POPULATION_OUTCOMES and group in ("civilians", "total"):
        group = "total"  # "4,000 residents under evacuation orders" = "4,000 people ordered to evacuate"
    if head is not None and group is None and head.lower_ not in ("others", "other") \
            and head.lemma_.lower() not in COUNT_NOUNS:
        if outcome and outcome not in THING_OUTCOMES | _EVENT_OUTCOMES and head.pos_ == "NOUN" \
                and _befalls_the_counted(head):
            return f"{outcome}:total"  # "11 climbers have been found dead": what befell them tells they are people
        if outcome in _EVENT_OUTCOMES and head.ent_type_ == "NORP" and head.dep_ in ("nsubj", "nsubjpass") \
                and head.tag_ in ("NNS", "NNPS"):
            return f"{outcome}:total"  # "Some 200,000 Israelis rallied in Tel Aviv": a people's crowd
        return None  # a count of something no lexicon knows ("two hideouts"): not compared
    if outcome in ("killed", "injured") and group in _THING_GROUPS:
        outcome = None  # "landslides buried four passenger buses": what befalls people, said of things, tells no toll
    if outcome:
        return f"{outcome}:{group or 'total'}"
    if group == "jobs":
        sector = _sector(head)
        return f"jobs:{sector}" if sector else group
    return group


_SPEAKING = vocab.words("reporting_verbs")


def _hyphened(doc, last: int, head) -> bool:
    """The number is hyphened to its noun ("four-storey")."""
    return head.i == last + 2 and doc[last + 1].text in ("-", "\u2011")


def _one_who_speaks(number, head) -> bool:
    """ "one protester, tech entrepreneur Ran Shahor, told AFP", "one resident said": one of the
    counted who speaks, not a count of them ("one soldier, Sgt. John Smith, was killed" is)."""
    if head is None or number.lower_ not in ("one", "a", "an"):
        return False
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in _SPEAKING


def _elliptical_outcome(number) -> Optional[str]:
    """The outcome of a count said of a pronoun or "there" ("For this sixth day of demonstration,
    they were 700,000 in Paris"): what the clause around it says happened, when it says one thing."""
    verb = number.head
    if number.dep_ != "attr" or verb.lemma_.lower() != "be" \
            or not any(c.dep_ in ("nsubj", "expl") and c.pos_ == "PRON" for c in verb.children):
        return None
    found = {OUTCOMES[t.lemma_.lower()] for t in verb.subtree
             if t.pos_ in ("NOUN", "VERB") and t.i != number.i and t.lemma_.lower() in OUTCOMES}
    return found.pop() if len(found) == 1 else None


_POPULATION_NOUNS = {"population", "inhabitant"}


def _population_count(number, head) -> bool:
    """The figure is how many people live in a place, not what befell them: "a population of at
    least 120,000", "home to about 100,000 people", "a city of 100,000 inhabitants", "its population
    is 100,000"."""
    node = head if head is not None else number
    if head is not None and head.lemma_.lower() in _POPULATION_NOUNS:
        return True  # "120,000 inhabitants"
    if node.dep_ == "pobj":
        prep, owner = node.head, node.head.head
        if prep.lower_ == "of" and (owner.lemma_.lower() in _POPULATION_NOUNS
                                   or owner.lemma_.lower() in PLACE_NOUNS and head is not None
                                   and group_of([head]) in ("total", "civilians")):
            return True
        if prep.lower_ == "to" and owner.lower_ == "home":
            # people, not "home to three universities"; "shelters are home to 3,000 displaced
            # people" count what befell them
            return head is None or group_of([head]) in ("total", "civilians") \
                and not any(OUTCOMES.get(c.lemma_.lower()) for c in head.children)
    if number.dep_ == "attr" and number.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _POPULATION_NOUNS for c in number.head.children)
    return False


_ECONOMY_WIDE = vocab.words("economy_wide_subjects")


def _sector(head) -> Optional[str]:
    """The part of an economy a job count is of: the common noun that adds the jobs ("Construction
    added 39,000 jobs", "health, which added 72,000 jobs"), None for the whole ("Employers added",
    "The United States added")."""
    if head is None:
        return None
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # "health, which added 72,000 jobs"
    if subject is None or subject.i == head.i or subject.pos_ not in ("NOUN", "PROPN") \
            or subject.ent_type_ in ("GPE", "NORP", "LOC"):
        return None  # "The United States added": the whole economy (a company or a sector the
        # tagger takes for one, "Healthcare added 72,000 jobs", is a part of it); "The 35,000 job cuts
        # will occur": the count itself
    lemma = subject.lemma_.lower()
    words = {lemma, " ".join(t.lemma_.lower() for t in subject.subtree if t.pos_ in ("NOUN", "ADJ"))}
    return None if words & _ECONOMY_WIDE else lemma
