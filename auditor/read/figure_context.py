"""A figure in its context: what its sentence says about the moment and standing of the number.

- a running count: "the toll has risen to 4", "bringing the toll to 177" is the count so far, as is
  a result given while the count is under way ("with 85% of the ballots counted");
- another moment: "Earlier, Reuters said one person had died", "in a later shoot-out";
- not a count of what happened: "economists had projected 200,000", "prosecutors sought 50 years";
- a value before a change: "rose from 3.9% to 3.8%", "after three months at 62.5%";
- a part of a figure: "92 militants, including three suicide bombers", a breakdown after a dash or in
  parentheses, a list by place ("four in Makhachkala and two in Derbent", whose sum is a whole).

Each cue becomes a word of the figure's window (see windows.window_kind), so that figures of
different moments or standings are never taken for rival reports of one quantity. Pure functions
of a spaCy parse; the word lists are vocabularies (auditor/vocab/)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from auditor import vocab
from auditor.model import Claim, Quantity
from auditor.read.counts import HELD_COUNTS, PLACE_NOUNS

RUNNING_VERBS = vocab.words("running_count_verbs")
_LOCATIVE = vocab.words("locative_prepositions")
REQUIREMENT_WORDS = vocab.words("requirement_words")
FORECAST_WORDS = vocab.words("forecast_words")
RELATIVE_TIME = vocab.words("relative_time_words")
PART_MARKERS = vocab.entries("part_markers")
_PART_MARKER = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in PART_MARKERS) + r")\b", re.I)
_TIME_NOUNS = {"day", "week", "month", "year", "quarter", "hour"}
_STATE_PREPOSITIONS = {"after", "following", "for"}
_MOVING_VERBS = vocab.words("change_verbs") | vocab.words("running_count_verbs")
_LOCAL_PLACE = re.compile(r"^\s*(?:[a-z’'-]+\s+){0,3}?(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
_SPACED_DASH = re.compile(r"\s(?:--|—|–)\s|—")

WHOLE_OF = "all of "  # the place of a whole broken down by place: "all of Kunar, Nangarhar"
RUNNING, EARLIER, LATER, FORECAST, BEFORE, PART = ("so far", "earlier", "later", "forecast", "before the change",
                                                   "part of a breakdown")
REQUIRED = "what is required"  # a threshold: "needs 326 seats for a majority"
# words that make a figure the count so far, in the order they are looked for
CUMULATIVE = ("in total", "in all", "overall", "so far", "to date", "altogether", "cumulative", "total toll",
              "since the start", "since the beginning")
ANY_CUMULATIVE = re.compile(r"\b(?:" + "|".join(re.escape(cue) for cue in CUMULATIVE) + r")\b")  # one search for most texts
RECOVERED = "one recovery, the latest"  # bodies recovered in one search ("retrieved 14 bodies overnight from two buses")
UNDER_WAY = "while the count is under way"  # said with RUNNING of a result given as the count goes on
PER_MEMBER = "in each of several places"  # said with PART of a figure that holds in each of a set of places


def window_cues(doc, number_tokens: Sequence, clause_tokens: Sequence, unit: Optional[str] = None) -> list[str]:
    """Words to add to a figure's window from its sentence (see the module's docstring)."""
    first = number_tokens[0]
    ancestors = list(first.ancestors)
    cues: list[str] = []
    # a level (a speed, a temperature) never runs on as a tally does, but it too is of one moment when so
    # written ("As of Saturday evening, ... still generating winds of up to 102 km/h"), not the event's peak
    if unit not in LEVEL_UNITS and _running(first, ancestors) or _snapshot(first, ancestors, clause_tokens):
        cues.append(RUNNING)
    if _count_under_way(first):
        cues += [RUNNING, UNDER_WAY]
    elif RUNNING not in cues and _one_recovery(first, clause_tokens):
        cues.append(RECOVERED)
    moment = _relative_moment(clause_tokens, ancestors)
    if moment:
        cues.append(moment)
    own = _own_clause_ancestors(ancestors)
    if any(a.lemma_.lower() in FORECAST_WORDS for a in own) or len(own) == len(ancestors) and _forecast_sentence(first) \
            or _capacity(ancestors) or _forecast_modifier(first) or _set_to(ancestors):
        cues.append(FORECAST)
    if _before_change(doc, first, ancestors) or _undated_baseline(ancestors, clause_tokens) or _record_beaten(ancestors):
        cues.append(BEFORE)
    if _required(first, ancestors):
        cues.append(REQUIRED)
    if unit in SHARE_UNITS and _over_several_places(ancestors):
        cues += [PART, PER_MEMBER]
    if unit is None and _the_others(first):
        cues.append(PART)
    return cues


# verbs of what a place or vessel takes in: with "can" or "could" they give its capacity
CAPACITY_VERBS = frozenset({"accommodate", "hold", "carry", "seat", "house", "fit", "host", "take"})


def _capacity(ancestors: Sequence) -> bool:
    """ "The boat could accommodate a maximum of 100 people", "the stadium can hold 38,000": what a
    place or vessel can take, not a count of who was there ("the ferry was carrying 130")."""
    verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "aux"), None)
    if verb is None or verb.lemma_.lower() not in CAPACITY_VERBS:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg")}
    return bool(aux & {"can", "could"}) and not aux & {"not", "n't", "never"}


def _the_others(number) -> bool:
    """A count of the others besides some already counted ("the other 10 victims", "20 other people
    were injured", "10 others"): the rest of a whole, never the whole."""
    noun = number.head if number.dep_ == "nummod" else number
    if noun.lemma_.lower() == "other" and noun.i != number.i:
        return True  # "10 others"
    return any(c.lower_ == "other" and c.dep_ in ("amod", "det") for c in noun.children) \
        or any(c.lower_ == "others" and c.dep_ in ("dobj", "nsubj", "pobj") and c.head.i == number.i for c in number.children)


# Units of levels a thing reaches, never tallies that run on: a temperature or a wind "soared to" a
# peak is that peak, not a count so far
LEVEL_UNITS = frozenset({"celsius", "mph"})
# Units of figures that do not add up over places: a share or a speed in each of five provinces is
# no share or speed of the five together (a count or a sum of money in five provinces is their total).
SHARE_UNITS = frozenset({"percent", "mph", "points"})
_DISTRIBUTIVE_PREPOSITIONS = {"in", "across", "throughout"}


def _over_several_places(ancestors) -> bool:
    """The figure's clause says it holds in each of a set of places: "won more than 50% of the vote
    in five of South Africa's nine provinces", "at more than 50 percent in five of those", "above
    60 percent in each district", "in 12 states". A preposition of place whose object is a number
    of members ("five of ...") or a plural place noun counted or taken member by member."""
    for a in ancestors[:4]:
        for prep in a.children:
            if prep.dep_ != "prep" or prep.lower_ not in _DISTRIBUTIVE_PREPOSITIONS or prep in ancestors:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
                    return True  # "in five of the provinces", "in five of those"
                if obj.lemma_.lower() in PLACE_NOUNS and any(
                        c.dep_ == "nummod" and c.like_num or c.dep_ == "det" and c.lower_ in ("each", "every")
                        for c in obj.children):
                    return True  # "in 12 states", "in each district"
        if a.pos_ in ("VERB", "AUX"):
            break  # the clause's verb: what lies above it is another clause
    return False


def named_member(number_tokens):
    """The name a figure is given for in parentheses ("Limpopo (74 percent)", "the Northern Cape
    (49 percent)"): the figure is that member's figure. The run of proper nouns right before the
    parenthesis (read from the text, since a parser often hangs a list's figures on the wrong name),
    or None."""
    return _name_before(number_tokens[0])


def _name_before(number, marks: tuple[str, ...] = ("(",)):
    """The run of names right before a figure and the mark that sets it off ("Limpopo (74
    percent)"; with dashes and colons among `marks`, "AfD — 151", "SPD: 120"), or None. A name the
    tagger took for a common noun still counts when it is capitalised ("AfD")."""
    doc = number.doc
    k = number.i - 1
    while k >= 0 and number.i - k <= 3 and doc[k].text not in marks and not doc[k].is_punct:
        k -= 1  # "(about 46 percent)", "($1.9 billion)"
    if k < 1 or doc[k].text not in marks or not _named(doc[k - 1]):
        return None
    return doc[_names_from(doc, k - 1):k]


def _named(tok) -> bool:
    return tok.pos_ == "PROPN" or tok.pos_ in ("NOUN", "X") and tok.text[:1].isupper()


def _names_from(doc, last: int) -> int:
    """Where the run of names that ends at token `last` begins, within its sentence."""
    start = last
    while start > 0 and _named(doc[start - 1]) and doc[start - 1].sent == doc[last].sent:
        start -= 1
    return start


def name_set_off_before(number):
    """The name a bare figure of a list is given for, set off by a bracket, a dash or a colon ("AfD —
    151", "the AfD (152)", "SPD: 120"), or None."""
    return _name_before(number, ("(", "—", "–", "-", ":"))


def name_listed_before(number):
    """The side a bare figure of a list is given for without a mark: the names right before it after
    a comma or "and" ("..., Conservatives 121, Liberal Democrats 71"), or the named subject of the
    verb it is the object of ("Labour has won 412"), or None."""
    doc = number.doc
    k = number.i - 1
    if k >= 0 and _named(doc[k]):
        start = _names_from(doc, k)
        return doc[start:k + 1] if start > 0 and doc[start - 1].lower_ in (",", "and", ";") else None
    if number.dep_ == "dobj":
        subject = next((c for c in number.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _named(subject):
            return doc[subject.left_edge.i if subject.left_edge.lower_ != "the" else subject.left_edge.i + 1:subject.i + 1]
    return None


def _members(sent) -> list:
    """The names given figures in parentheses in a sentence, in order."""
    out = []
    for t in sent:
        if t.like_num:
            name = _name_before(t)
            if name is not None and (not out or out[-1].start != name.start):
                out.append(name)
    return out


def in_list(name) -> bool:
    """The name is one of several names given figures in one sentence ("Limpopo (74%), Eastern Cape (63%)")."""
    return len(_members(name.sent)) >= 2


def member_is_place(name) -> bool:
    """A name given a figure is a place when its list is one of places: one of its names is tagged a
    place whole ("Eastern Cape", not the "UK" of the party "Reform UK"), or the first name is the
    object of a preposition of place ("In the Northern Cape (49 percent) and Gauteng (36 percent)"),
    or the sentence counts the set of places the list spells out ("in five of South Africa's nine
    provinces: Limpopo (74%), ...")."""
    members = _members(name.sent) or [name]
    places = {(e.start, e.end) for e in name.doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    places |= {(a + 1, b) for a, b in places if name.doc[a].lower_ == "the"}
    if any((m.start, m.end) in places for m in members):
        return True
    head = members[0].root
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
        return True
    root = name.sent.root
    return any(p.dep_ == "prep" and p.lower_ in _DISTRIBUTIVE_PREPOSITIONS
               and any(o.dep_ == "pobj" and o.like_num for o in p.children) for p in root.children)


_COUNTING = {"count", "tally"}


_RECOVERY_VERBS = {"recover", "retrieve", "pull", "dig", "exhume", "extract"}


def _one_recovery(first, clause_tokens) -> bool:
    """Bodies that a search recovered ("Rescuers retrieved 14 bodies overnight from two buses",
    "recovered three more bodies early Monday"): what one search found, a part of the toll that
    grows with it, not the toll. ("have recovered 40 bodies so far" is the toll.)"""
    noun = first.head if first.dep_ == "nummod" else first
    return noun.lemma_.lower() in ("body", "corpse") and noun.dep_ == "dobj" \
        and noun.head.lemma_.lower() in _RECOVERY_VERBS and not ANY_CUMULATIVE.search(" ".join(t.lower_ for t in clause_tokens))


def _count_under_way(first) -> bool:
    """The sentence gives the figure while a count is under way ("with 85% of the ballots counted",
    "As vote counting continued ..."): a partial result, which the next report will have moved, as
    a toll does. A count already made ("officials counted 52 bodies") is no such cue."""
    for t in first.sent:
        if t.lower_ == "in" and t.dep_ == "pcomp" and t.head.lower_ == "with" \
                and any(c.dep_ == "nsubj" and c.lower_ in ("percent", "%", "per") for c in t.children):
            return True  # "With 93 percent of the results in, ..."
        if t.lower_ == "reporting" and t.dep_ == "acl" and any(a.lower_ == "with" and a.dep_ == "prep" for a in t.ancestors):
            return True  # "with 40% of precincts reporting"
        if t.lemma_.lower() not in _COUNTING and t.lower_ != "counting":
            continue
        if t.i > 0 and t.doc[t.i - 1].lower_ in ("not", "without"):
            continue  # "73 dead, not counting the attackers": what the count leaves out
        counter = any(c.dep_ in ("nsubj", "nsubjpass") and not any(x.like_num for x in c.subtree) for c in t.children)
        if t.lower_ == "counting" or t.tag_ in ("VBN", "VBD") and not counter:
            return True  # "97 percent of the ballots counted" (read as VBD too): nobody is said to count
    return False


def _required(first, ancestors) -> bool:
    """The figure states what a goal requires, not what happened: "its coalition partners need to
    win more than 50% of the vote to form a government", "needs 326 seats for a majority", "the 270
    electoral votes needed to win". The goal must be named (a purpose after the figure): "Apple will
    need to pay 1.8 billion euros" is an obligation, a fact of the ruling, and an order in the
    passive ("was required to pay $355 million") is one too, though not the figure required in the
    passive ("289 seats are required to achieve an absolute majority")."""
    candidates = [c for a in ancestors[:2] for c in a.children if c.dep_ in ("acl", "amod") and c.i > first.i
                  or c.dep_ == "amod" and c.lemma_.lower() in REQUIREMENT_WORDS]  # "the required 217 votes"
    for a in ancestors[:6]:
        candidates.append(a)
        if a.pos_ in ("VERB", "AUX") and a.dep_ != "xcomp" and not (
                a.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)):
            break  # the clause's verb (past an infinitive of purpose: "needed to cross the 50 percent mark")
    for verb in candidates:
        if verb.lemma_.lower() not in REQUIREMENT_WORDS:
            continue
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(
                c.dep_ == "nsubjpass" and first in c.subtree for c in verb.children):
            continue  # an order in the passive, unless the figure is what is required ("289 seats are required to ...")
        if verb.dep_ == "acl" and verb.tag_ == "VBN" or verb.dep_ == "amod":
            return True  # "the 270 votes needed to win", "the support needed to cross the 50 percent mark"
        if any(t.i > first.i and (t.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
                                  or t.dep_ == "prep" and t.lower_ == "for") for t in verb.subtree):
            return True
    return False


def _own_clause_ancestors(ancestors: Sequence) -> list:
    """The ancestors up to the head of the figure's own clause: a clause coordinated to another with
    a subject of its own says its own thing ("The audience was expected to include 1.5 million
    attendees, but the artist instead came out to entertain more than 2.5 million people": the
    2.5 million came, it was not expected)."""
    for k, a in enumerate(ancestors):
        if a.dep_ == "conj" and a.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children) \
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children):  # "and for the rate to fall": still projected
            return list(ancestors[:k + 1])
    return list(ancestors)


def _forecast_modifier(first) -> bool:
    """ "winning a predicted 172-192 seats", "a projected 132-152 seats": the noun counted is
    modified by a word of forecast, so the figure is what is expected, not what came."""
    noun = first
    for _ in range(3):
        if noun.pos_ in ("NOUN", "PROPN") or noun.head.i == noun.i:
            break
        noun = noun.head
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in FORECAST_WORDS for c in noun.children)


def _set_to(ancestors: Sequence) -> bool:
    """ "Ensemble is set to win 150-170 seats": "set to" with what it governs says what is expected."""
    return any(a.lemma_.lower() == "set" and a.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in a.children)
               and any(c.dep_ == "xcomp" and c in ancestors for c in a.children) for a in ancestors)


def _forecast_sentence(first) -> bool:
    """The sentence's main verb says what was expected ("Economists had projected a gain of 200,000
    jobs and for the jobless rate to fall from 3.9% to 3.8%": both figures are forecasts)."""
    return first.sent.root.lemma_.lower() in FORECAST_WORDS


def _running(first, ancestors) -> bool:
    """ "risen to 4", "rises to seven", "bringing the toll to 177": a number after "to" under a verb
    of a running count."""
    for k, a in enumerate(ancestors[:4]):
        if a.lower_ == "to" and a.dep_ in ("prep", "dative"):
            verb = a.head
            return verb.lemma_.lower() in RUNNING_VERBS
    return False


_SNAPSHOT_VERBS = {"remain", "stay"}


def _snapshot(first, ancestors, clause_tokens) -> bool:
    """A count of a state at one moment, which moves as the story goes on: "77 people remain
    trapped", "143 people trapped as of 10 p.m.", "still missing", "turnout was 59.71 percent at 5 p.m.",
    "the vote tied for several minutes at 215-215"."""
    if any(a.lemma_.lower() in _SNAPSHOT_VERBS for a in ancestors[:3]):
        return True
    if ancestors and ancestors[0].dep_ in ("attr", "acomp") and ancestors[0].head.lemma_ == "be" and any(
            c.dep_ == "prep" and c.lower_ in ("at", "by") and any(g.ent_type_ == "TIME" for g in c.subtree)
            for c in (*ancestors[0].children, *ancestors[0].head.children)):
        return True  # "turnout was 59.71 percent at 5 p.m.": a level at a moment of the day
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.ent_type_ == "TIME" for g in c.children)
           for a in ancestors[:3] for c in a.children):
        return True  # "the vote tied for several minutes at 215-215": a state that held a while, then moved
    words = [t.lower_ for t in clause_tokens]
    return any(words[k] == "as" and words[k + 1] == "of" for k in range(len(words) - 1)) or "still" in words


def _relative_moment(clause_tokens, ancestors) -> Optional[str]:
    """EARLIER or LATER when the figure's clause is placed before or after another report."""
    held = {a.i for a in ancestors}
    # the nearest of the figure's heads that one such word places goes first: "initially said 129 ...
    # but later revised the toll to 174" puts 174 later; "an earlier estimate that pegged the toll at
    # 174" puts it earlier
    for a in ancestors[:6]:
        for t in a.children:
            if t.lower_ in RELATIVE_TIME and t.dep_ in ("advmod", "amod"):
                return LATER if t.lower_.startswith(("later", "subsequent")) else EARLIER
    for t in list(clause_tokens) + list(ancestors[:6]):
        if t.lower_ not in RELATIVE_TIME:
            continue
        # said of the figure's own clause: "Earlier, Reuters said ...", "In a later shoot-out, four
        # were killed"; not of a clause beside it ("275, and not 288 as reported earlier")
        if t.dep_ == "advmod" and t.head.i in held or t.dep_ == "amod" and t.head.head.head.i in held:
            return LATER if t.lower_.startswith(("later", "subsequent")) else EARLIER
    return None


def _before_change(doc, first, ancestors) -> bool:
    """ "from 3.9% to 3.8%" (the figure after "from", with a "to" after it), "after three months at
    62.5%" (the figure inside a phrase of time that ends before the event)."""
    before = doc.text[:first.idx]
    if re.search(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?(?:minus\s+|negative\s+)?\W?$", before) \
            and (re.match(r"^[^;]{0,40}?\bto\b", doc.text[first.idx:]) or re.search(r"\bto\s+\W?\d[^;]{0,50}$", before)):
        return True  # "from 3.9% to 3.8%", "dropped to 3.8% in March from 3.9% in February"
    for a in ancestors[:5]:
        if a.lemma_.lower() in _TIME_NOUNS and a.head.lower_ in _STATE_PREPOSITIONS and a.head.dep_ == "prep":
            return True
    return _subject_moved_to(first)


def _subject_moved_to(first) -> bool:
    """The figure is the subject of a verb that moves it to another figure ("Jordan's 200 votes on a
    first ballot on Tuesday dropped Wednesday to 199"): the value before the change."""
    subject = first if first.dep_ in ("nsubj", "nsubjpass") else first.head if first.dep_ == "nummod" else None
    if subject is None or subject.dep_ != "nsubj" or subject.head.lemma_.lower() not in _MOVING_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.like_num for g in c.subtree) for c in subject.head.children)


_BEATING_VERBS = {"break", "beat", "surpass", "shatter", "eclipse", "smash", "top", "exceed", "outdo"}


def _record_beaten(ancestors) -> bool:
    """The figure of a record that the event beat ("broke the record of 1.6 million guests",
    "shattering Madonna's 1.6 million attendance record"): the earlier event's figure, not this one's."""
    for a in ancestors[:4]:
        if a.lemma_.lower() == "record" and a.pos_ == "NOUN":
            return a.dep_ == "dobj" and a.head.lemma_.lower() in _BEATING_VERBS
        if a.pos_ in ("VERB", "AUX") or a.pos_ == "ADP" and a.lower_ != "of":
            return False  # "shatters the record with 2.1 million fans": the new record's figure
    return False


def _undated_baseline(ancestors, clause_tokens) -> bool:
    """The baseline a figure is compared to, dated by no day of its own ("59.71 percent at 5 p.m.,
    compared to the 2022 elections, which recorded 38.11 percent at the same time"): of another
    moment than the figure compared. ("compared to 2.5 million on January 31" is that day's figure.)"""
    return any(a.lemma_.lower() == "compare" and a.tag_ == "VBN" and a.dep_ in ("prep", "advcl") for a in ancestors[:6]) \
        and not any(t.ent_type_ == "DATE" for t in clause_tokens)


def parts_and_wholes(text: str, base: int, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The figures of one sentence with the parts of a breakdown marked (window PART), and for a
    list by place that follows no whole ("four of the gunmen in Makhachkala and two in Derbent")
    the whole it adds up to, spanning the list."""
    counts = [q for q in quantities if q.unit is None and q.value is not None and q.category]
    part_ids: set[int] = set()
    for k, q in enumerate(counts):
        before = text[: q.start - base]
        prior = [p for p in counts[:k] if p.end - base <= len(before)]
        if not prior:
            continue
        between = text[prior[-1].end - base: q.start - base]
        last_whole = text[prior[0].end - base: q.start - base]
        whole = prior[0]
        if not _same_measure(q, whole):
            continue  # "33 dead, including 18 civilians": the civilians' own toll, comparable as such
        if _OUT_OF_BEFORE.search(before[-30:]):
            continue  # "eight injured – two seriously – out of the 100 who had been working": a whole
        if _PART_MARKER.search(between) or _PART_MARKER.search(last_whole) \
                or (between.count("(") > between.count(")")) or _SPACED_DASH.search(last_whole):
            part_ids.add(id(q))
    # a group set out before what befell part of it ("Of the 181 people on board, 179 died"): the
    # group is the whole the next figure is a part of, not a count of that outcome
    for k, q in enumerate(counts[:-1]):
        if _OF_THE_BEFORE.search(text[max(0, q.start - base - 12):q.start - base]) \
                and "," in text[q.end - base:counts[k + 1].start - base]:
            part_ids.add(id(q))
    # a sentence that ends on its total ("..., bringing the total number of those released to 24"): the
    # figures of the kind before it are that total's parts
    for q in counts:
        if _TOTAL_BEFORE.search(text[max(0, q.start - base - 80):q.start - base]):
            part_ids.update(id(p) for p in counts if p.end <= q.start and _same_measure(p, q))
        elif _TOTAL_LATER.search(text, q.end - base):
            part_ids.add(id(q))  # the total is in a later clause of the sentence, read as another claim
    # a breakdown after a dash that follows a noun rather than a number: "The fatalities -- four in A, two in B"
    dash = _SPACED_DASH.search(text)
    if dash:
        after = [q for q in counts if q.start - base > dash.start() and _unspecific(q.category)
                 and not _OUT_OF_BEFORE.search(text[max(0, q.start - base - 30):q.start - base])]
        if len(after) >= 2:
            part_ids.update(id(q) for q in after)
    # lists by place: every figure of a run followed by its own place
    numbers = [q for q in quantities if q.unit is None and q.value is not None]
    placed = [(q, _place_after(text, base, q)) for q in numbers]
    out_extra: list[Quantity] = []
    run = [(q, p) for q, p in placed if p]
    outcome = run[0][0].category.split(":")[0] if run and run[0][0].category else None
    run = [(q, p) for q, p in run if q.category is None or q.category.split(":")[0] == outcome]
    if outcome and len(run) >= 2 and len({p for _, p in run}) == len(run):
        for q, _ in run:
            part_ids.add(id(q))
        first, last = run[0][0], run[-1][0]
        whole_before = any(q.start < first.start and q.category == first.category for q in counts if id(q) not in part_ids)
        inside = [q for q in numbers if first.start <= q.start <= last.start]
        breakdown = _SPACED_DASH.search(text[: first.start - base]) or ":" in text[: first.start - base]
        if not whole_before and not breakdown and len(inside) == len(run):
            total = sum(q.value for q, _ in run)
            out_extra.append(replace(first, end=last.end, text=text[first.start - base:last.end - base], value=total,
                                     low=total, high=total, place=WHOLE_OF + ", ".join(p for _, p in run),
                                     approximate=False,
                                     counted=first.counted))
    local = {p for _, p in run} if len(run) >= 2 else set()
    own = {id(q): p for q, p in placed if p}
    out = []
    for q in quantities:
        if id(q) in part_ids:
            where = own.get(id(q))
            q = replace(q, window=_with(q.window, f"{PART} in {where}" if where else PART), place=where or q.place)
        elif q.place in local or (local and own.get(id(q)) is None and q.unit is None and q.category
                                  and q.category.split(":")[0] == outcome):
            # the whole is not the figure of one of its parts' places: it spans them all
            q = replace(q, place=own.get(id(q)) or WHOLE_OF + ", ".join(p for _, p in run))
        out.append(q)
    return out + out_extra


# "bringing the total number of those released to": a total's figure follows it
_TOTAL_TO = (r"\b(?:bring(?:s|ing)?|brought|rais(?:es|ing|ed)|tak(?:es|ing)|took|put(?:s|ting)?)\s+"
             r"(?:the|its|their)\s+(?:overall\s+|combined\s+)?total\b[^.;]{0,60}?\bto\s+")
_TOTAL_BEFORE = re.compile(_TOTAL_TO + "$", re.I)  # right before a figure: that figure is the total
_TOTAL_LATER = re.compile(_TOTAL_TO + r"\d", re.I)  # later in the sentence: a figure before it is a part
_OF_THE_BEFORE = re.compile(r"(?:^|[.;:]\s+|\b)[Oo]f\s+the\s+$")
_OUT_OF_BEFORE = re.compile(r"\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?$", re.I)  # "out of the 100": the whole


def _same_measure(part: Quantity, whole: Quantity) -> bool:
    """A part counts the same measure as its whole when it names no narrower group than the whole
    ("14 troops, including ten soldiers": security both; "632 deaths, 290 in A": total both)."""
    return part.category == whole.category or _unspecific(part.category)


def _unspecific(category: Optional[str]) -> bool:
    """A category that names no group: "killed:total", "killed", None."""
    return not category or category.split(":")[-1] in ("total", category.split(":")[0])


_RETRACTED = re.compile(r"(?:\bnot|\brather than|\binstead of|\bcorrected from)\s+(?:the\s+|as\s+many\s+as\s+)?\W?$", re.I)
# "... instead of 11,300 as was earlier reported": the figure set aside is one that was reported
_AS_REPORTED = re.compile(r"^\s*,?\s*(?:\w+\s+){0,2}?as\s+(?:was\s+|had\s+been\s+)?(?:\w+\s+)?"
                          r"(?:reported|announced|stated|said|claimed|given|thought|believed|feared)\b", re.I)


def without_retracted(text: str, base: int, quantities: Sequence[Quantity],
                      set_aside: Optional[list] = None) -> list[Quantity]:
    """The figures less those the sentence sets aside for another figure ("the toll is 275 and not
    288", "275 rather than 288 as first reported"): the article does not state them, it corrects
    them. Those go to `set_aside`, read as the kind of the figure that replaces them."""
    out = []
    for k, q in enumerate(quantities):
        before = text[: q.start - base]
        kept = [p for p in quantities[:k] if p.end <= q.start and p.unit == q.unit]
        retracted = _RETRACTED.search(before)
        if retracted and retracted.group(0).lower().startswith("instead") \
                and not _AS_REPORTED.match(text[q.end - base: q.end - base + 60]):
            retracted = None  # "to pass by 60% instead of a straight majority": an alternative, no correction
        if retracted and kept:
            if set_aside is not None:
                set_aside.append(replace(q, category=q.category or kept[-1].category,
                                         counted=q.counted or kept[-1].counted, window=kept[-1].window))
            continue
        out.append(q)
    return out


def _place_after(text: str, base: int, q: Quantity) -> Optional[str]:
    """The place named right after a figure ("two in Derbent"), when the figure has its own."""
    m = _LOCAL_PLACE.match(text[q.end - base: q.end - base + 60])
    return m.group(1) if m else None


def _with(window: Optional[str], cue: str) -> str:
    return "; ".join(dict.fromkeys([w for w in (window or "").split("; ") if w] + [cue]))


# --------------------------------------------------------------------------- elliptical figures

_HEDGE = r"(?:(?:about|around|some|nearly|almost|roughly|only|just|at\s+least|more\s+than|over|fewer\s+than|less\s+than)\s+)?"
# "there were 81,000", "they were 245,000 in Marseille": the number stands for a count named before
_ELLIPTICAL = re.compile(r"\b(?:there|they)\s+(?:were|was|are|is|had\s+been|have\s+been|will\s+be)\s+" + _HEDGE + r"$",
                         re.I)
# "(30,000 according to the police)": another counter's figure for the count just given
_PARENTHETICAL = re.compile(r"\(\s*" + _HEDGE + r"$", re.I)
_CREDIT_AFTER = re.compile(r"^\s*,?\s*(?:according\s+to|per|says?|said|by)\b", re.I)
# An ellipsis answers a figure the reader still has in mind: in the same sentence or a few before it.
ELLIPSIS_REACH = 3


def answer_ellipses(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Claims whose elliptical figures take what is counted from the figure they answer: "The unions
    point out that 700,000 people marched in Paris ... The police, however, assure that there were
    81,000" counts the same marchers in Paris; "245,000 in Marseille according to the unions
    (30,000 according to the police)" gives the police's count of the same crowd, in the same place
    (not a part of it). A bare number that answers no figure stays bare (it is not compared)."""
    out = list(claims)
    order = sorted(range(len(out)), key=lambda k: (out[k].article, out[k].start))
    answered: list[tuple[str, int, Quantity]] = []  # (article, sentence, a count that says what it counts)
    for k in order:
        c = out[k]
        qs = list(c.quantities)
        changed = False
        for j, q in enumerate(qs):
            donor = None
            if _bare(q) or q.category is None and q.unit is None and not q.vague and (
                    q.credited and q.counted is None or _OPPONENT.search(c.text[: q.start - c.start])):
                before, after = c.text[: q.start - c.start], c.text[q.end - c.start:]
                if _PARENTHETICAL.search(before) and _CREDIT_AFTER.match(after):
                    prior = [p for p in qs[:j] if p.end <= q.start]
                    between = c.text[prior[-1].end - c.start: q.start - c.start] if prior else ""
                    # the figure right before the parenthesis, with nothing else bracketed in between
                    donor = prior[-1] if prior and prior[-1].unit is None and prior[-1].category \
                        and not re.search(r"[()]", between[:between.rfind("(")]) else None
                    if donor is not None:
                        # each counter's own figure: "245,000 ... according to the unions (30,000 according to the police)"
                        q = replace(q, category=donor.category, counted=donor.counted, place=donor.place,
                                    window=donor.window, credited=q.credited or _credit_in(after.split(")")[0]))
                        k_donor = qs.index(donor)
                        own = _credit_in(c.text[donor.end - c.start: q.start - c.start])
                        if donor.credited is None and own:
                            qs[k_donor] = replace(donor, credited=own)
                elif (opponent := _opponents_figure(c, qs[:j], q)) is not None:
                    # "Jeffries winning 212 votes to Jordan's 199": the opponent's count of the same thing
                    donor, holder = opponent
                    kind = donor.category.split(":", 1)[0]
                    place = donor.place if (donor.place or "").lower() != holder else None  # the side is no place
                    if place != donor.place:
                        qs[qs.index(donor)] = replace(donor, place=None)
                    q = replace(q, category=f"{kind}:{holder}" if kind in HELD_COUNTS else donor.category,
                                counted=donor.counted, place=place, window=q.window or donor.window)
                elif q.credited and (donor := _rival_after(c, qs[:j], q)) is not None:
                    # "At least 6,000 people according to the prefecture, up to 30,000 according to the organizers"
                    q = replace(q, category=donor.category, counted=donor.counted, place=donor.place, window=donor.window)
                elif _ELLIPTICAL.search(before):
                    near = [p for a, n, p in answered if a == c.article and c.sentence - n <= ELLIPSIS_REACH]
                    donor = near[-1] if near else None
                    if donor is not None:
                        q = replace(q, category=donor.category, counted=donor.counted, place=q.place or donor.place,
                                    window=q.window or donor.window)
                if donor is not None:
                    qs[j], changed = q, True
            if q.unit is None and q.category and q.value is not None and PART not in (q.window or ""):
                answered.append((c.article, c.sentence, q))
        if changed:
            out[k] = replace(c, quantities=tuple(qs))
    return tuple(out)


def partial_counts(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Claims whose shares are read as partial when their article gives a result while the count is
    under way ("With more than 97 percent of the ballots counted, the ANC is leading with just over
    40 percent"): the article is written from that count, and the shares it gives later without
    repeating so ("the Eastern Cape (64 percent)") are of the same partial count, which the final
    result will have moved. Only shares of the event (not a past year's, a forecast, a value before
    a change, nor a figure of another report); counts are left as they are, since a share moves
    with the count and a count may be of anything the article tells; and only in an article that
    gives a share itself while counting ("officials are still counting the dead" makes no share partial)."""
    under_way = {c.article for c in claims for q in c.quantities if UNDER_WAY in (q.window or "") and q.unit == "percent"}
    if not under_way:
        return tuple(claims)
    from auditor.read.windows import window_kind  # windows reads this module's cue words
    out = []
    for c in claims:
        if c.article in under_way and any(_partial_share(q, window_kind(q.window)) for q in c.quantities):
            c = replace(c, quantities=tuple(replace(q, window=_with(q.window, RUNNING))
                                            if _partial_share(q, window_kind(q.window)) else q for q in c.quantities))
        out.append(c)
    return tuple(out)


ARMED_GROUPS = frozenset({"security", "militants"})  # the sides of a fight, each counting its own
PART_REACH = 30  # characters before a count in which "including", "among them" mark it as a part


def victims_as_whole(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """In an article that counts no armed side, the people named by what they were (workers,
    miners, passengers, men) are simply the people the incident befell: "14 workers killed" is the
    mine blast's toll, as "40 people killed" is, so their counts are read as the whole ("killed:
    total"). Only where a fight's sides are counted, or the article says "civilians" itself, are
    civilians a part set against someone. A count given as a part ("including 10 children") stays
    a part."""
    from auditor.read.windows import window_kind  # windows reads this module's cue words
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    whole = {a for a, cs in by_article.items()
             if not any((q.category or "").partition(":")[2] in ARMED_GROUPS or (q.category or "") in ARMED_GROUPS
                        or "civilian" in (q.counted or "").lower() for c in cs for q in c.quantities)}

    def as_whole(c: Claim, q: Quantity) -> Quantity:
        outcome, _, group = (q.category or "").partition(":")
        before = c.text[max(0, q.start - c.start - PART_REACH):max(0, q.start - c.start)]
        if group != "civilians" or window_kind(q.window) == "part" or _PART_MARKER.search(before):
            return q
        return replace(q, category=f"{outcome}:total")

    return tuple(replace(c, quantities=tuple(as_whole(c, q) for q in c.quantities))
                 if c.article in whole and any((q.category or "").endswith(":civilians") for q in c.quantities) else c
                 for c in claims)


_YEAR = re.compile(r"(?:18|19|20)\d\d")


def anaphoric_setting(doc, previous_doc) -> Optional[str]:
    """The year a sentence is set in when it opens on a frame that points back to the sentence before
    ("The media are drawing parallels with the 1997 general election when Tony Blair led Labour to
    a landslide victory. Under him, Labour won 418 seats"): "in 1997", the one year that sentence
    names. A sentence that points back to no year, or to several, keeps its own time."""
    if previous_doc is None or len(doc) < 3:
        return None
    first = doc[0]
    pointing = first.pos_ == "ADP" and any(c.dep_ == "pobj" and c.tag_ == "PRP" for c in first.children) \
        or first.lower_ == "at" and doc[1].lower_ in ("the", "that") and doc[2].lower_ == "time"
    if not pointing:
        return None
    years = {e.text for e in previous_doc.ents if e.label_ == "DATE" and _YEAR.fullmatch(e.text.strip())}
    return f"in {years.pop()}" if len(years) == 1 else None


def set_in(claim: Claim, setting: str) -> Claim:
    """The claim with its figures of the event set at `setting` (see anaphoric_setting)."""
    from auditor.read.windows import window_kind  # windows reads this module's cue words
    qs = tuple(replace(q, window=_with(q.window, setting)) if window_kind(q.window) == "incident" and q.value is not None
               else q for q in claim.quantities)
    return replace(claim, quantities=qs) if qs != claim.quantities else claim


def _partial_share(q: Quantity, kind: str) -> bool:
    """A share of the event's result not yet read as a count so far."""
    return q.unit == "percent" and kind in ("incident", "day", "part") and RUNNING not in (q.window or "")


_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?([^,;()]+?)\s*(?:[,;()]|$)", re.I)


# "212 votes to Jordan's 199", "won 52 seats to Labour's 30": the figure of the side set against the one before
_OPPONENT = re.compile(r"\bto\s+([A-Z][\w\-]+)[\u2019']s\s+$")


def _opponents_figure(c: Claim, prior: Sequence[Quantity], q: Quantity) -> Optional[tuple[Quantity, str]]:
    """The figure before, and the side it is set against, when `q` is written "to <Side>'s N" right
    after that figure's phrase, with nothing counted after it."""
    m = _OPPONENT.search(c.text[: q.start - c.start])
    before = [p for p in prior if p.end <= q.start and p.category and p.unit is None]
    if m is None or not before or re.match(r"\s*[A-Za-z]", c.text[q.end - c.start:]):
        return None
    donor = before[-1]
    between = c.text[donor.end - c.start: m.start()]
    return (donor, m.group(1).lower()) if re.fullmatch(r"\s*(?:[a-z]+\s+)?", between) else None


_RIVAL_SEPARATOR = re.compile(r"^\s*(?:\w+\s+){0,2}according\s+to\s+[^,;()]{1,60}?\s*(?:,|;)\s*(?:and\s+|while\s+|but\s+)?$", re.I)


def _rival_after(c: Claim, prior: Sequence[Quantity], q: Quantity) -> Optional[Quantity]:
    """The figure a credited bare figure answers when it follows that figure's own credit after a
    comma ("6,000 people according to the prefecture, up to 30,000 according to the organizers"):
    another counter's count of the same thing."""
    before = [p for p in prior if p.end <= q.start]
    if not before:
        return None
    donor = before[-1]
    if donor.unit is not None or not donor.category or not donor.credited or donor.credited == q.credited:
        return None
    return donor if _RIVAL_SEPARATOR.match(c.text[donor.end - c.start: q.start - c.start]) else None


def _credit_in(text: str) -> Optional[str]:
    """The party a stretch of text credits a figure to: "according to the police" -> "police"."""
    m = _ACCORDING.search(text)
    return m.group(1).strip() if m else None


def _bare(q: Quantity) -> bool:
    """A number that says nothing of what it counts."""
    return q.category is None and q.counted is None and q.unit is None and q.value is not None and not q.vague
