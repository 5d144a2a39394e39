"""A figure's clause and what it says of the figure: the tokens that are the figure's own (not
those of another figure or an embedded clause), its time window ("on Saturday", "over the past 48
hours", "in total", "22 more"), its place ("across Balochistan"), and whom its own phrase credits
it to ("2.8 million (according to the unions)"). Why scope first: one sentence often holds several
figures, and a date or place belongs to the figure whose phrase holds it. Pure functions of a parse."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from auditor import vocab
from auditor.read import places
from auditor.read.dates import is_zone_word
from auditor.read.figure_context import ANY_CUMULATIVE, CUMULATIVE, WHOLE_OF
from auditor.read.figure_spans import CURRENCY_WORDS, is_unit_word, no_day_or_year, says_a_time
from auditor.read.counts import COUNT_NOUNS, INCREMENT, PLACE_NOUNS, REPORTING, relative_antecedent

_CUMULATIVE_CUES = tuple((cue, re.compile(rf"\b{re.escape(cue)}\b")) for cue in CUMULATIVE)  # in this order
_LATEST = re.compile(r"\blatest\b")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE = vocab.words("locative_prepositions")
COMPARISON_WORDS = {"than", "against", "versus", "vs", "vs."}


def clause_root(tok):
    """The nearest clause head above a token, climbing through non-finite verbs ("killing 41"), and
    from reported speech to the reporting clause ("In Musakhel, officials said that 23 were killed")."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and (node.tag_ not in ("VBG", "VBN") or node.dep_ in ("ROOT", "ccomp", "conj")
                                              or _finite_after_all(node)):
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children) or node.dep_ == "ROOT":
                if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING:
                    return node.head
                return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _finite_after_all(verb) -> bool:
    """A past form the tagger took for a participle though it has a subject of its own ("while 50,000
    people protested in Haifa" tagged VBN), or a passive "when" or "where" clause with its auxiliary
    ("since 2010, when 91 people were killed"): a finite clause, whose place and time are its own."""
    return verb.tag_ == "VBN" and (any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" for c in verb.children) and any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "advmod" and c.lower_ in ("when", "where") for c in verb.children))


def scope_tokens(root, own, others=(), counted=None, strict: bool = False) -> list:
    """Tokens of the figure's clause, without embedded finite clauses that do not hold the figure
    (but with a relative clause that says who the counted are: "700,000 people who took to the
    streets of Paris"), and without verb phrases that hold only other figures ("..., bringing the
    toll to 177"); `strict`: without any phrase that holds only other figures, for the figure's time
    ("..., slightly higher than the 1.27 million estimated ... on January 31"); a list of places by
    figure shares its places with a looser parse, so places keep the loose scope."""
    def holds(c, toks) -> bool:
        return any(c.left_edge.i <= e.i <= c.right_edge.i for e in toks)

    out = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("ccomp", "advcl", "conj", "relcl", "parataxis") and c.pos_ in ("VERB", "AUX") \
                    and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not holds(c, own) \
                    and not (c.dep_ == "relcl" and counted is not None and t.i == counted.i):
                continue
            if (strict and c.dep_ not in ("conj", "cc") or c.pos_ in ("VERB", "AUX")) and not holds(c, own) \
                    and holds(c, others):
                # (coordinated figures share their modifiers: "418 seats and a 179 majority in 1997")
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def own_branch(root, tokens, number_tokens) -> list:
    """The figure's own phrase within its clause when that phrase dates it: "the 1.27 million
    estimated during a previous day of protests on January 31" holds its own date, and the clause's
    "on Tuesday" belongs to another figure. Else the whole clause."""
    branch = next((c for c in root.children
                   if c.left_edge.i <= number_tokens[0].i <= c.right_edge.i), None)
    if branch is None:
        return tokens
    inside = [t for t in tokens if branch.left_edge.i <= t.i <= branch.right_edge.i]
    numbers = {t.i for t in number_tokens}
    dated = any(t.ent_type_ in ("DATE", "TIME") and t.i not in numbers for t in inside)
    return inside if dated else tokens


def antecedent_time(root) -> list[str]:
    """The time a "where"/"when" clause is set at: "that of last January 31, where 1.27 million
    people took to the streets" counts the crowd of January 31."""
    if root.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in root.children):
        return []
    antecedent = root.head
    return [e.text for e in root.doc.ents if e.label_ in ("DATE", "TIME")
            and antecedent.left_edge.i <= e.start and e.end <= root.left_edge.i]


def time_window(doc, tokens, head, number_tokens, dated=None) -> Optional[str]:
    """The time window of the figure: a date or duration in its clause (in `dated`, the tokens that
    may date it, when narrower than the clause), or "in total"/"additional"."""
    parts: list[str] = []
    last = number_tokens[-1].i
    if head is not None:
        # "22 more terrorists", "22 additional militants": after the number, so not "more than 50"
        # (a word of a name is no increment: "545,000 New Yorkers")
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "advmod", "compound") and c.i > last
                and not c.ent_type_ and c.pos_ != "PROPN"}
        mods |= {c.lower_ for t in number_tokens for c in t.children if c.dep_ in ("amod", "advmod") and c.i > last}
        if mods.intersection(INCREMENT):
            parts.append(next(w for w in INCREMENT if w in mods))
        if {c.lower_ for c in head.children} & {"cumulative", "total"} and head.lemma_.lower() in COUNT_NOUNS:
            parts.append("cumulative")
    ids = {t.i for t in tokens}
    seen_ents = set()
    ents = doc.ents  # built anew on every access
    # in a list of figures each with its own time ("0.9% in 2024, 1.4% in 2025 and 1.7% in 2026"), the
    # times other figures hold are theirs; a time only the last holds is shared ("418 seats and a 179
    # majority in 1997")
    own_dated = any(e.label_ in ("DATE", "TIME") and _date_owner(doc, e) in (head, *number_tokens) for e in ents)
    for t in (tokens if dated is None else dated):
        ent = None
        if t.ent_type_ in ("DATE", "TIME"):
            for e in ents:
                if e.start <= t.i < e.end:
                    ent = e
                    break
        if ent is not None and ent.start not in seen_ents and not any(n.i in range(ent.start, ent.end) for n in number_tokens):
            seen_ents.add(ent.start)
            if re.fullmatch(r"(the )?(18|19|20|21)\d\d", ent.text.lower()) and not any(
                    doc[i].lower_ in ("last", "since", "in", "this") for i in range(max(0, ent.start - 1), ent.start)) \
                    and not _dates_the_act(ent, number_tokens):
                continue
            if _a_name(ent) or _end_point_or_baseline(doc, ent) or _grades_superlative(ent) and not _dates_the_figure(doc, ent, head) \
                    or no_day_or_year(ent.text) or any(n.like_num and no_day_or_year(n.text) for n in ent) \
                    and not says_a_time(ent) \
                    or _another_acts_duration(ent, number_tokens) \
                    or _DURATION_ADJECTIVE.fullmatch(ent.text) \
                    or _under_ordinal(ent.root, number_tokens) \
                    or own_dated and _another_figures_time(doc, ent, head, number_tokens):
                continue
            prep = doc[ent.start - 1] if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP" and ent.start - 1 in ids else None
            parts.append((prep.text + " " if prep is not None else "") + ent.text)
    year = _year_of_the_subject(number_tokens)
    if year is not None and not any(year in p for p in parts):
        parts.append(year)
    lowered = " ".join(t.lower_ for t in tokens)
    if "cumulative" not in parts and ANY_CUMULATIVE.search(lowered):
        # not a cue inside a comparison: "700,000 marched in Paris, more than at any time since the
        # start of the protests" is a count of one day set against the whole movement
        numbers = {n.i for n in number_tokens}
        lowered = " ".join(t.lower_ for t in tokens if not any(a.lower_ in COMPARISON_WORDS and a.i not in numbers
                                                                  and a.head.i not in numbers for a in (t, *t.ancestors))
                           and not _under_ordinal(t, number_tokens))
        cue = next((cue for cue, pattern in _CUMULATIVE_CUES if pattern.search(lowered)), None)
        if cue is not None:
            parts.append(cue if cue != "total toll" else "cumulative")
    if _LATEST.search(lowered) and not parts:
        parts.append("latest")
    return "; ".join(dict.fromkeys(parts)) or None


_CALENDAR_NAMES = frozenset(w.lower() for w in vocab.entries("months") + vocab.entries("weekdays"))


def _date_owner(doc, ent):
    """The token a time hangs from through its preposition ("1.4% in 2025": the share), or None."""
    prep = doc[ent.start - 1] if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP" else None
    return prep.head if prep is not None and ent.root.head.i == prep.i else None


def _dates_the_figure(doc, ent, head) -> bool:
    """A time that hangs from the noun the figure sizes dates the figure, even where a superlative
    grades the phrase it stands in ("Exxon's biggest since its $81 billion purchase of Mobil Oil in
    1998": the purchase's year, not the record's period)."""
    return head is not None and _date_owner(doc, ent) == head


def _another_figures_time(doc, ent, head, number_tokens) -> bool:
    """A time that hangs from another figure's noun, one sized by a number of its own ("1.4% in 2025"
    beside "1.7% in 2026")."""
    owner = _date_owner(doc, ent)
    return owner is not None and owner != head and owner not in number_tokens \
        and any(c.dep_ == "nummod" and c.like_num for c in owner.children)


def _dates_the_act(ent, number_tokens) -> bool:
    """A bare year that says which of a recurring event the figure's act is about: "Labour won the
    1997 election with 43.2 per cent" (the year on the object of the figure's own verb), as "in 1997"
    would."""
    root = ent.root
    if root.dep_ not in ("nummod", "compound", "amod") or root.head.pos_ != "NOUN" or root.head.dep_ not in ("dobj", "pobj"):
        return False
    verb = root.head.head if root.head.dep_ == "dobj" else root.head.head.head
    return any(verb.i == a.i for n in number_tokens for a in n.ancestors)


_YEAR = re.compile(r"(18|19|20|21)\d\d")


def _year_of_the_subject(number_tokens) -> Optional[str]:
    """A year written on the subject of the figure's verb ("Madonna, whose 2023 performance at the
    same venue drew 1.6 million fans"; "the 2004 tsunami, which killed 230,000"): it dates the act,
    as "in 2023" would. (The tagger seldom takes such a year for a date.)"""
    verb = next((a for a in number_tokens[0].ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        subject = relative_antecedent(subject)
        if subject.tag_ in ("NN", "NNP"):
            year = next((c for c in subject.children if c.dep_ in ("nummod", "compound", "amod")
                         and c.i < subject.i and _YEAR.fullmatch(c.text)), None)
            if year is not None:
                return year.text
    return None


def _a_name(ent) -> bool:
    """A "date" the tagger made of a name given a figure ("Limpopo (74%)"): proper nouns only, none a
    month or a day, with a figure as its appositive. (A feast day, "Christmas", has no such figure.)"""
    return all(t.pos_ == "PROPN" and t.lower_.rstrip(".") not in _CALENDAR_NAMES for t in ent) \
        and any(c.dep_ == "appos" and any(g.like_num for g in c.subtree) for c in ent.root.children)


def _under_ordinal(tok, number_tokens) -> bool:
    """A time phrase that places an ordinal, not the figure: in "for this sixth day of demonstration
    since the beginning of the year, they were 700,000", the year is what the days are counted in;
    the 700,000 is one day's count."""
    held = {a.i for n in number_tokens for a in n.ancestors}
    for a in tok.ancestors:
        if a.i in held:
            return False
        if a.pos_ == "NOUN" and any(_ORDINAL.fullmatch(c.lower_) and c.dep_ == "amod" or c.ent_type_ == "ORDINAL"
                                    for c in a.children):
            return True
    return False


_ORDINAL = re.compile(r"first|second|third|[a-z]+th|\d+(?:st|nd|rd|th)")


_NOT_LOCATIVE = {"as", "with", "by", "for", "like", "than", "against", "about", "despite", "without", "per"}
_END_POINT = {"through", "until", "till", "thru", "before"}
_BASELINE = {"over", "than", "from", "above", "below", "versus", "vs", "with", "to"}


# "the 25-year prison sentence", "a 10-day truce": how long a thing lasts, not when a figure holds
_DURATION_ADJECTIVE = re.compile(r"(?:a |the )?(?:\d+|[a-z]+)-(?:year|month|week|day|hour|minute)s?(?:-(?:old|long))?", re.I)


def _another_acts_duration(ent, number_tokens) -> bool:
    """How long a conjoined act or thing lasts is not when the figure holds: in "ordered to pay $355
    million and barred him from serving as an officer for three years" (or "a fine of $355 million,
    and a ban on Trump serving ... for three years") the three years are the ban's; in "a $750k fine
    and 5 years of supervised release" the five years are the release's. (A point in time
    is shared by conjoined acts: "killed five and wounded others on Monday".)"""
    numbers = {t.i for t in number_tokens}
    root = ent.root
    if root.dep_ == "conj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children) \
            and not numbers & {t.i for t in root.subtree}:
        return True  # "pay a $750k fine and 5 years of supervised release": the release's length
    if not any(a.lower_ == "for" and a.dep_ == "prep" for a in list(root.ancestors)[:3]):
        return False  # "for three years", "for a period of three years": a duration
    return any(a.dep_ == "conj" and not numbers & {t.i for t in a.subtree} for a in root.ancestors)


def _grades_superlative(ent) -> bool:
    """A period that bounds a superlative ("the strongest earthquake to hit Taiwan in nearly 25
    years", "the deadliest day in a decade") says how rare the event is, not when a figure holds."""
    doc = ent.doc
    if ent.start > 1 and doc[ent.start - 1].pos_ == "ADP" and doc[ent.start - 2].pos_ in ("NOUN", "PROPN") \
            and _graded(doc[ent.start - 2], ent.start):
        return True  # right after the graded noun, however the tree attaches it ("Most Powerful Quake in 25 Years")
    node = ent.root
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.tag_ == "JJS" or _graded(node, ent.start):
            return True
    return False


def _graded(node, before: int) -> bool:
    """A modifier of the word, before `before`, grades it as the most of its kind ("strongest",
    "most powerful"). A verb's graded subject does not count: "The worst wildfire occurred in April
    2000" dates the wildfire; "reached its highest level in 24 years" grades the level."""
    verb = node.pos_ in ("VERB", "AUX")
    return any(g.tag_ == "JJS" or g.lower_ == "most" for c in node.children
               if c.i < before and not (verb and c.dep_ in ("nsubj", "nsubjpass"))
               for g in (c, *c.children))


def _end_point_or_baseline(doc, ent) -> bool:
    """A date that is not the figure's time window: the end of a period ("funded through the end of
    January", "before a midnight Friday deadline") or the baseline of a comparison ("by $38 billion
    over last year's levels")."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "DET" and ent.start > 1:
        before = doc[ent.start - 2]  # "before a midnight Friday deadline"
    if before is not None and before.lower_ in _END_POINT:
        return True  # "through Jan. 29"
    if before is not None and before.lower_ == "to" and any(t.lower_ in _TIME_UNITS for t in ent):
        return True  # "sentenced to 25 years", "extended to 90 days": a term or a new length, not a window
    if ent.end < len(doc) and doc[ent.end].lower_ == "deadline":
        return True
    near = list(ent.root.ancestors)[:3] + [g for c in ent.root.children for g in (c, *c.children)]
    if any(t.lower_ == "than" for t in near):
        return True  # "more than double the previous day", "more than on March 7": the baseline
    root = ent.root
    if root.dep_ == "poss" and root.head.dep_ == "pobj" and root.head.head.lower_ in _BASELINE:
        return True
    return False


_NONSTATE_BODIES = vocab.tagged("body_words", "nonstate")  # "union", "party", "company": a name's head
_NAME_LABELS = ("ORG", "PERSON", "NORP", "PRODUCT")  # labels the small model gives places it does not know
ELSEWHERE = "elsewhere"  # a place outside the story's own: it meets no other place, and is no part of a whole


def place_of(doc, tokens, number_tokens, count: bool = False) -> Optional[str]:
    """The most specific place named in the figure's clause: the object of a locative preposition
    ("in Kalat", "across Balochistan province") before a possessive one ("Pakistan's"); or
    ELSEWHERE when the clause places it outside the story's place ("killed about 170 people
    elsewhere in the country", "in the rest of the country"); for a `count` of people or things
    placed at no place by name, the site it names ("died at the bowling alley")."""
    if any(t.lower_ == "elsewhere" or _the_rest_of_a_place(t) for t in tokens):
        return ELSEWHERE
    best = None
    ids = {t.i for t in tokens}
    # a place in the figure's own phrase ("... and 10,000 in Beersheba") is the figure's before its clause's
    owner = number_tokens[-1].head if number_tokens[-1].dep_ == "nummod" else number_tokens[-1]
    if owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.lemma_.lower() in COUNT_NOUNS:
        owner = owner.head.head  # "a turnout of some 240,000 protestors in Tel Aviv": the count's phrase
    own = _own_phrase(owner)
    # the clause the number stands in, before a clause that reports it ("In Buenos Aires, the CGT said 1.5
    # million people protested across Argentina": the protest's place, not the saying's)
    verb = next((a for a in number_tokens[-1].ancestors if a.pos_ in ("VERB", "AUX")), None)
    reported = {t.i for t in verb.subtree} if verb is not None and verb.dep_ == "ccomp" else set()
    dateline = _dateline_end(doc)
    for e in doc.ents:
        root = e.root
        if root.i not in ids or not any(ch.isalpha() for ch in e.text):
            continue  # "288" is no place, whatever the tagger says
        if e.end <= dateline:
            continue  # "BRUSSELS –", "AMASRA, Turkey (AP) —": where the report was filed from
        if is_zone_word(e.text) or is_unit_word(e.text):
            continue  # "at around 15:15 GMT", "(125 Fahrenheit)": a clock or a unit, not a place
        is_place = e.label_ in _PLACE_LABELS
        # the small NER model often mislabels small places: trust a place noun or locative preposition
        governor = root.head
        if root.dep_ in ("compound", "nmod", "amod") and governor.lemma_.lower() in _NONSTATE_BODIES:
            continue  # "the Maden-Is mining union reported 35 trapped": a body's name, not the figure's place
        if root.dep_ in ("compound", "nmod", "amod") and governor.lower_ in CURRENCY_WORDS:
            continue  # "falling by 62% against the U.S. dollar": a currency's name, not the figure's place
        if root.dep_ == "compound" and governor.lemma_.lower() in PLACE_NOUNS:
            is_place, governor = True, governor.head
        elif root.dep_ == "pobj" and governor.lower_ in _LOCATIVE and e.label_ in _NAME_LABELS \
                and root.pos_ == "PROPN" and len(e) <= 2:
            is_place = True
        if not is_place:
            continue
        if root.dep_ == "pobj" and governor.pos_ == "ADP" and governor.lower_ in _NOT_LOCATIVE:
            continue  # "clears the bill as Hale, Delgado hold ...": a person the tagger took for a place
        if describes_the_source(root, number_tokens):
            continue  # "the Archive, an organisation estimating the number of protesters in Serbia, said ..."
        if _and_other_places(root):
            continue  # "gathered in Tel Aviv and other cities in Israel": not Tel Aviv's figure alone
        rank = 0 if (root.dep_ == "pobj" or root.head.dep_ == "pobj" or root.dep_ == "compound") else 1
        if root.dep_ == "poss":
            rank = 2
        if rank == 0 and root.i in reported:
            rank = -0.5
        if root.i in own:
            rank = -1
        if best is None or rank < best[0]:
            best = (rank, place_name(e.text), root)
    if best is None:
        where = _where_antecedent(doc, number_tokens)
        if where is not None:
            return where
        return site_of(tokens) if count else None
    joined = _joined_places(doc, best[2])
    return WHOLE_OF + ", ".join([best[1], *joined]) if joined else best[1]


def _where_antecedent(doc, number_tokens) -> Optional[str]:
    """The place a relative "where" clause takes up ("deaths have been reported in Kathmandu Valley,
    where the death count is 48"): the figure of the clause is that place's."""
    for a in number_tokens[0].ancestors:
        if a.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in a.children):
            place = next((e for e in doc.ents if e.start <= a.head.i < e.end and e.label_ in _PLACE_LABELS), None)
            return place_name(place.text) if place is not None else None
        if a.pos_ in ("VERB", "AUX") and a.dep_ != "relcl":
            return None
    return None


def _joined_places(doc, root) -> list[str]:
    """The other places a place is listed with by "and" ("in Malawi and Mozambique", where the
    tagger may take either for a person or a body): a figure placed in such a list holds for all of
    them, as a whole of its parts. A place after a comma alone is the first one's whereabouts
    ("in Chilobwe, Blantyre District"); a name the tagger did not take for a place is one only if the
    gazetteer knows it as a country or province (not "India and NDTV")."""
    listed = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in (root, *root.conjuncts) for c in t.children)
    if not listed or any(a.lower_ == "between" for a in list(root.ancestors)[:3]):
        return []  # "between Rangapani and Chattar Hat stations": one stretch, not two places
    names = {e.root.i: e for e in doc.ents if e.label_ in _PLACE_LABELS or e.label_ in _NAME_LABELS}
    return [place_name(names[c.i].text) for c in root.conjuncts if c.i in names and c.pos_ == "PROPN"
            and (names[c.i].label_ in _PLACE_LABELS or places.resolve(names[c.i].text, towns=False) is not None)]


SITE_NOUNS = vocab.words("site_nouns")
_TIME_UNITS = vocab.words("time_units")
_EVENT_HEADS = vocab.words("incident_nouns")


def _own_phrase(owner) -> set[int]:
    """The figure's own phrase, without what is joined to it ("some 240,000 protestors in Tel Aviv
    alone"; "... and 10,000 in Beersheba"; not the "20,000 outside the Residence in Jerusalem" joined
    to "roughly 10,000 protesters")."""
    joined = {t.i for c in owner.children if c.dep_ in ("conj", "appos", "relcl", "acl") for t in c.subtree}
    return {t.i for t in owner.subtree} - joined - {owner.i}


def _and_other_places(tok) -> bool:
    """A place joined to "other cities", "other towns", "elsewhere": the figure holds across more
    places than the one named."""
    for c in tok.children:
        if c.dep_ == "conj" and (c.lower_ == "elsewhere" or c.lemma_.lower() in PLACE_NOUNS | SITE_NOUNS
                                 and any(g.lower_ in ("other", "several", "many") for g in c.children)):
            return True
    return False


def describes_the_source(tok, number_tokens=(), phrases: bool = False) -> bool:
    """A word of the phrase that describes who gives the figure (an apposition or clause on the
    reporting verb's subject; with `phrases`, a phrase on it too: "the government in Damascus
    said"), not where the figure holds."""
    node, described = tok, False
    for _ in range(12):
        if node.dep_ in ("appos", "acl", "relcl") or phrases and node.dep_ == "prep" and node.head.dep_ == "nsubj":
            described = True
        if node.dep_ == "nsubj" and node.head.lemma_.lower() in REPORTING:
            return described and not any(node.left_edge.i <= t.i <= node.right_edge.i for t in number_tokens)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def is_site(place: str) -> bool:
    """A place read as a site ("the bowling alley", "the bar"): a spot within a town. (A named place
    has no article: `place_name` drops it.)"""
    words = place.lower().split()
    return len(words) > 1 and words[0] == "the" and words[-1] in SITE_NOUNS


def one_site(a: str, b: str) -> bool:
    """Two sites that can be one: the same kind of spot ("the mine" / "the coal mine")."""
    return a.lower().split()[-1] == b.lower().split()[-1]


def site_of(tokens) -> Optional[str]:
    """The one site a figure's clause places it at, where it names no place by name: the object of a
    locative preposition that is a site ("seven people died at the bowling alley", "killed inside
    the synagogue"), or the site that sorts an incident there ("eight died in the bar shooting").
    Several sites joined ("at a bowling alley and a bar") are no one site."""
    for t in tokens:
        if t.dep_ != "pobj" or t.head.lower_ not in _LOCATIVE or t.pos_ not in ("NOUN", "VERB"):
            continue  # (the tagger makes a verb of "shooting" at times)
        site = t
        if t.lower_ in _EVENT_HEADS or t.lemma_.lower() in _EVENT_HEADS:
            site = next((c for c in t.children if c.dep_ == "compound" and c.lemma_.lower() in SITE_NOUNS), None)
        if site is None or site.lemma_.lower() not in SITE_NOUNS:
            continue
        if any(c.dep_ == "conj" for c in site.children) or site.dep_ == "conj":
            return None
        words = [c for c in site.children if c.dep_ == "compound" and c.i < site.i and c.pos_ == "NOUN"] + [site]
        return "the " + " ".join(w.lower_ for w in sorted(words, key=lambda w: w.i))
    return None


def _the_rest_of_a_place(tok) -> bool:
    """ "in the rest of the country", "across the rest of Spain": "rest of", where a locative
    preposition governs it, is a place outside the story's. (Not "the rest of the victims were
    injured in Valencia": there "the rest" is a part of the people.)"""
    return tok.lower_ == "rest" and tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE \
        and any(c.lower_ == "of" for c in tok.children)


_DATELINE_DASHES = {"—", "–", "--", "-"}
DATELINE_TOKENS = 8  # "SANTIAGO, Chile (AP) —": a place, its country and an agency's credit at most


def _dateline_end(doc) -> int:
    """The token after a dateline that opens the sentence ("BRUSSELS –", "AMASRA, Turkey (AP) —"),
    else 0: a short run of names, commas and a parenthesised credit, closed by a dash."""
    for t in doc[:DATELINE_TOKENS + 1]:
        if t.text == "-" and t.i and not doc[t.i - 1].whitespace_:
            continue  # a hyphen inside a word ("Texas-wide storms"), not a dash after a dateline
        if t.text in _DATELINE_DASHES:
            opening = doc[:t.i]
            if t.i and all(x.is_punct or x.pos_ == "PROPN" or x.text[:1].isupper() for x in opening) \
                    and any(x.ent_type_ in _PLACE_LABELS or x.is_upper and x.is_alpha for x in opening):
                return t.i
            return 0
    return 0


@lru_cache(maxsize=1 << 16)  # asked of every place in every claim
def place_name(text: str) -> str:
    """ "the Kalat district" -> "Kalat": the name without article or administrative noun."""
    words = re.sub(r"^(the)\s+", "", " ".join(text.split()), flags=re.I).split()
    while len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
        words.pop()
    return " ".join(words)


def figure_credit(number_tokens, head) -> Optional[str]:
    """Whom a figure itself is credited to, when its own phrase names it: "1.27 million people
    (according to police) and 2.8 million (according to the unions)" credit each figure to its
    counter, where the sentence's attribution would credit both to one."""
    # and "according to X, there were N": the credit of the "there were" clause the figure is said in,
    # one of several such clauses a sentence may set side by side
    clause = [t.head for t in (number_tokens[-1], head) if t is not None and t.dep_ == "attr"
              and t.head.lemma_ == "be" and any(c.dep_ == "expl" for c in t.head.children)][:1]
    for tok in [*number_tokens, *([head] if head is not None else []), *clause]:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for to in c.children:
                    objs = [g for g in to.children if g.dep_ == "pobj"] if to.lower_ == "to" else []
                    if objs:
                        obj = objs[0]
                        words = [t for t in obj.subtree if t.dep_ != "det"]
                        return " ".join(t.text for t in words) or None
    return _credit_right_after(max(t.i for t in [*number_tokens, *([head] if head is not None else [])]), number_tokens[0].doc)


def _credit_right_after(last: int, doc) -> Optional[str]:
    """ "30,000 people according to the organizers, 6,000 according to the authorities": the credit
    written right after the figure's phrase is that figure's, wherever the parser hung it (often on
    the verb, where it would credit both figures to one counter)."""
    k = last + 1
    if k < len(doc) and doc[k].text == "(":
        k += 1
    if not (k + 2 < len(doc) and doc[k].lower_ == "according" and doc[k + 1].lower_ == "to"):
        return None
    obj = next((g for g in doc[k + 1].children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ != "det"]  # the name, not a clause the parser hung on it
    return " ".join(t.text for t in words) or None
