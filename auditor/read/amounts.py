"""What a sum of money or a measure with a unit is of: "$1.2 trillion package" is money:bill,
"$21 billion in disaster relief" money:aid, "50 mph gusts" speed:wind, "12,400 acres" burned:area,
"5% contained" percent:contain, "a 93-page opinion" length:judgment; and sums for each
member ("$4 million each"), whose whole is the sum times the members counted. Why classes: outlets
name one thing in different words ("package", "measure", "stopgap"), and only figures of one kind
and unit are compared. Pure functions of a spaCy parse."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from auditor import vocab
from auditor.model import Quantity
from auditor.read.counts import GROUPS, outcome_of, relative_antecedent
from auditor.read.figure_spans import CURRENCY_WORDS, REPORTING_VERBS, NumberSpan, temperature_change
from auditor.read.numbers import _SCALES, parse_number

# What a sum of money is: the noun it sizes, read through these classes so that outlets' words for
# one thing meet ("package", "measure", "stopgap", "bill"; "relief", "aid", "assistance").
MONEY_CLASSES: dict[str, str] = vocab.table("money_classes")  # lemma -> class
_CHANGE_VERBS = vocab.words("change_verbs")
_SIZE_VERBS = {"cost", "total", "be", "amount", "value", "exceed", "top", "reach"}
_SUM_NOUNS = {"total", "sum", "amount"}  # nouns that only say a figure is a sum: "a total of $148.7 million"


def _money_class(noun) -> Optional[str]:
    """The class of the thing a sum pays for, from a noun and its compounds ("aid package" -> aid)."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    own = MONEY_CLASSES.get(noun.lemma_.lower()) or MONEY_CLASSES.get(noun.lower_)
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i < noun.i:
            cls = MONEY_CLASSES.get(c.lemma_.lower())
            if cls and cls not in ("spending", own) and own in (None, "bill"):
                return cls
    if own:
        return own
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN":
        return None  # a name is no kind of sum: "fines Trump $354 million", "$355 Million in New York Fraud Case"
    return lemma if lemma.isalpha() and lemma not in GROUPS and lemma not in _SCALES else None


def money_category(doc, first: int, last: int, head) -> tuple[str, Optional[str]]:
    """("money:<what it pays for>", the noun) of a sum: "$1.2 trillion package" -> money:bill,
    "$21 billion in disaster relief" -> money:aid, "raise spending by $38 billion" -> money:change:spending."""
    figure = doc[last]  # the token the sum is written in
    if head is not None and head.i > figure.i and head.lemma_.lower() in CURRENCY_WORDS:
        figure = head  # "a fine of three hundred and fifty-five million dollars": the sum is the dollars
    tok = figure  # the token that takes the sum's place in the clause
    if figure.dep_ == "pobj" and figure.head.lower_ == "of" and figure.head.head.lemma_.lower() in _SUM_NOUNS:
        tok = figure.head.head  # "ordered to pay a total of $148.7 million": the sum is the total
    if tok.dep_ in ("dobj", "oprd", "npadvmod", "attr") and _imposed(tok.head):
        return "money:penalty", None  # "ordered to pay $355 million in damages": what it is in, it is imposed
    if head is not None and head.i != tok.i and head.lemma_.lower() not in CURRENCY_WORDS \
            and tok.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod"):
        cls = _money_class(head)
        if cls:
            return f"money:{cls}{_several(head)}", head.text
    # what the sum, or the total it is, is "in" or "for": "$21 billion in disaster relief", "a total of
    # $148.7 million in damages" (the total's own "of" is the sum itself, not what it pays for)
    modifiers = [*figure.children] + ([c for c in tok.children if c.lower_ != "of"] if tok.i != figure.i else [])
    for child in modifiers:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "for"):
            for obj in child.children:
                cls = _money_class(obj) if obj.dep_ == "pobj" else None
                if cls:
                    return f"money:{cls}{_several(obj)}", obj.text
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_.lower() in _CHANGE_VERBS:
        changed = _moved_by(tok.head.head)
        return (f"money:change:{_singular(changed)}", changed.text) if changed is not None else ("money:change", None)
    verb = tok.head
    if tok.dep_ in ("dobj", "attr", "npadvmod") and verb.lemma_.lower() in _SIZE_VERBS:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                cls = _money_class(c)
                if cls:
                    return f"money:{cls}", c.text
    level = _level_of(tok)
    if level is not None:
        return f"money:{level[0]}", level[1]
    act = _money_act(tok)
    if act:
        return f"money:{act}", None
    return "money", None


def _level_of(tok) -> Optional[tuple[str, str]]:
    """(class, noun) of a sum that is the level its clause's subject comes to ("net profits came in at
    $1.8bn", "Profit also rose, up by 11% to £1.2 billion", "revenue stood at $23.5 billion"): the
    subject names what the sum is."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "to"):
        return None
    verb = tok.head.head
    if verb.pos_ == "ADV" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "rose, up by 11% to £1.2 billion"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            cls = _money_class(c)
            if cls:
                return cls, c.text
    return None


_RECIPIENT_LABELS = {"GPE", "NORP", "ORG"}
_AID_VERBS = {"help", "support", "assist", "aid", "fund", "go"}  # "to help Ukraine", "going toward Israel"


def _moved_by(verb):
    """What a verb of change moves by a sum: its object ("raising taxes by £40 billion"), or the subject
    of one that moves by itself ("borrowing increases by an average £32.3 billion"): two changes of
    two things are two sums."""
    for deps in (("dobj",), ("nsubj", "nsubjpass")):
        found = next((c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN"), None)
        if found is not None:
            return found
    return None


def _singular(noun) -> str:
    """A noun's lemma, kept from the tagger's slip on plurals in "-xes" ("taxes" -> "taxis")."""
    lemma, text = noun.lemma_.lower(), noun.lower_
    return text[:-2] if text.endswith("xes") and lemma.endswith("is") else lemma


def recipient(doc, last: int, head) -> Optional[str]:
    """The one party a sum is for, when its phrase names one: "$26 billion for Israel", "$61 billion
    to help Ukraine", "$26 billion going toward Israel" -> "israel"; None when it names none or
    several ("a $95 billion package for Ukraine, Israel and Taiwan" is their whole, not one's part)."""
    figure = head if head is not None and head.i > last else doc[last]
    anchors = [figure, doc[last]]
    anchors += [o for c in figure.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                for o in c.children if o.dep_ == "pobj"]  # "61-billion dollars in aid for Ukraine"
    node = figure
    while node.dep_ in ("pobj", "prep") and node.head.pos_ != "VERB" and node.head.i != node.i:
        node = node.head  # "provides over 60-billion dollars": through "over" to the verb
    if node.dep_ in ("dobj", "prep", "pobj") and node.head.pos_ == "VERB":  # (a subject's "to" is where it goes)
        anchors.append(node.head)  # "provides over 60-billion dollars to help Ukraine's war"
    names: list[str] = []
    for anchor in dict.fromkeys(anchors):
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "toward", "towards"):
                names += [t.text for o in c.children if o.dep_ == "pobj" for t in [o, *o.conjuncts]
                          if t.ent_type_ in _RECIPIENT_LABELS]
            elif c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_.lower() in _AID_VERBS:
                near = {c.i, *(g.i for g in c.children)}  # the aid verb's object, or its object's owner
                names += [t.text for o in c.subtree if o.dep_ in ("dobj", "pobj", "poss") and o.head.i in near
                          for t in [o, *o.conjuncts] if t.ent_type_ in _RECIPIENT_LABELS]
    keys = {n.lower() for n in names}
    return keys.pop() if len(keys) == 1 else None


def _money_act(tok) -> Optional[str]:
    """The act a sum is the object of: "forfeit $11.02 billion" and "a forfeiture of $11.2 billion"
    are both money:forfeit; "fined $11 billion" is money:fine."""
    if tok.dep_ in ("dobj", "oprd", "npadvmod", "attr") and tok.head.pos_ == "VERB" \
            and tok.head.lemma_.lower() not in _SIZE_VERBS:
        verb = tok.head
        if _imposed(verb):
            return "penalty"  # "ordered to pay $355 million", "must pay more than $360 million"
        act = _act_root(_verb_lemma(verb))
        # a verb that is the act of a class of sums: "fined $354.8 million" is a fine, a penalty
        return MONEY_CLASSES.get(act, act) if act else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        act = _act_root(tok.head.head.lemma_.lower())  # "a forfeiture of $11.2 billion", "a fine of $355 million"
        return MONEY_CLASSES.get(act, act) if act else None
    return None


IMPOSING_VERBS = vocab.words("imposing_verbs")


def _several(noun) -> str:
    """":several" for a sum of several things of a class, named in the plural ("$4 million fines" for
    two sons, "over $440 million in civil litigation penalties" over two cases): the sum of each or of
    them all, never one of them. A plural the class table lists itself ("damages", "losses", "sales")
    names one sum."""
    plural = noun.tag_ in ("NNS", "NNPS") and noun.lower_ != noun.lemma_.lower() and noun.lower_ not in MONEY_CLASSES
    return ":several" if plural else ""


def _imposed(verb) -> bool:
    """A payment someone is made to make, by an authority ("ordered to pay", "was required to pay")
    or by a modal of obligation ("Trump must pay"): a penalty. Not a payment agreed or made."""
    if verb.lemma_.lower() != "pay":
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in IMPOSING_VERBS:
        return True
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)


def _verb_lemma(verb) -> str:
    """A verb's lemma, repaired where the tagger cut a final "e" of a verb of a known class of sums
    ("fined" read as "fin")."""
    lemma = verb.lemma_.lower()
    if lemma not in MONEY_CLASSES and lemma + "e" in MONEY_CLASSES and verb.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma


def _act_root(word: str) -> Optional[str]:
    """A verb or the noun made from it, as one word: forfeiture -> forfeit, payment -> pay."""
    for suffix in ("ure", "ment", "ation", "al"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word if word.isalpha() else None


_FORECAST_WORDS = vocab.words("forecast_words")


def _topic(tok) -> Optional[str]:
    """What a measure is of: the noun it modifies, the word it grades ("5% contained"), or the subject
    of its clause ("humidity could drop below 10%")."""
    # the word a share grades follows it ("5% contained"); a word before its number qualifies the
    # figure itself ("a provisional 9.4 percent", "a momentary 13 percent") and says nothing of what
    # it is a share of
    graded = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.pos_ in ("VERB", "ADJ") and c.i > tok.i]
    if graded:
        return _stem(graded[0].lemma_)  # "5% contained"
    whole = _share_of_a_whole(tok)
    if whole is not None:
        return whole  # "about 4% of the company's workforce": a share of the workforce, whoever cuts it
    owner = _share_owner(tok)
    if owner is not None:
        return owner  # "to Bush's 45.6%", "compared with 45% for Bush": Bush's share, not the subject's
    if _second_of_a_pair(tok):
        return None  # "Suozzi won ... nearly 54% to 46%": the other side's, unnamed here
    if tok.dep_ in ("compound", "nmod", "amod", "nummod", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
        # "the employment population ratio (60.3%)": the noun's share; "the DA received the second
        # highest number of votes (21.78 percent)": the votes a party received are its share
        return _receivers_share(tok.head) or _named_measure(tok.head) or _measure_noun(tok.head, unit=tok)
    if tok.dep_ in ("npadvmod", "advmod") and tok.head.pos_ in ("VERB", "ADJ"):
        holder = next(filter(None, (_named_holder(c) for c in tok.head.children if c.dep_ == "nsubj")), None)
        forecast = _what_is_forecast(tok.head, tok, by_subject=holder is None)
        if forecast is not None:
            return _measure_noun(forecast)  # "growth is expected to pick up to 0.9% in 2024, 1.4% in 2025"
        return holder or _stem(tok.head.lemma_)  # "the ANC won just 40.21 percent": the ANC's share
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        # "58% of voters support stricter laws"; "96% voted in favor of a strike": what was voted for
        return _voted_for(tok.head) or _stem(tok.head.lemma_)
    if tok.dep_ == "nsubj" and tok.head.lower_ == "in" and tok.head.head.lower_ == "with":
        return "count"  # "with 93 percent of the results in": the count's progress, as "with 97% of votes counted"
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and any(
            t.tag_ in ("VBG", "VBN") for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree):
        return "count"  # "With 100% of the precincts reporting, Suozzi won ...": the count's progress, no one's share
    changed = _changed_thing(tok)
    if changed is not None:
        return _measure_noun(changed)  # "the BOJ increased its key interest rate from 0.1 per cent": the rate's
    node = tok
    for _ in range(6):
        forecast = _what_is_forecast(node, tok) if node.pos_ in ("VERB", "AUX") else None
        if forecast is not None:
            return _measure_noun(forecast)  # "the ECB projects economic growth to pick up to 0.9%"
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and c.i != tok.i:
                    return _named_holder(c) or _measure_noun(c)
        if node.head.i == node.i:
            break
        node = node.head
    return None


# Wholes a share "of" is the progress of a count or a vote share, read elsewhere ("with 93 percent of the
# results in", "40% of the vote").
_COUNTED_WHOLES = {"vote", "ballot", "result", "precinct", "count", "district", "constituency", "seat"}


def _share_of_a_whole(tok) -> Optional[str]:
    """The whole a share is "of", when the share stands apart from its clause's subject and object
    ("7,000 jobs, about 4% of the company's workforce"; "cuts amounting to about 3% of its global
    workforce"): the whole's noun. A share that is the clause's subject ("58% of voters support ...")
    is what the verb says of it, one "of" a thing is that thing's, and a count's progress or a vote
    share is read elsewhere."""
    if tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "pobj" and tok.head.lower_ in ("with", "of"):
        return None  # "the first choice of 43.5 percent of voters": the choice's share, not the voters'
    whole = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
    if whole is None or whole.lemma_.lower() in _COUNTED_WHOLES:
        return None
    return _measure_noun(whole)


def _figure_start(unit_tok) -> int:
    """Where a figure's words begin, back over its number and hedges ("only 45.6", "nearly 40")."""
    doc, first = unit_tok.doc, unit_tok.i
    while first > 0 and doc[first - 1].head.i in (unit_tok.i, first) and doc[first - 1].dep_ in (
            "nummod", "quantmod", "compound", "advmod") and doc[first - 1].pos_ in ("NUM", "ADV", "ADP", "ADJ"):
        first -= 1
    return first


def _second_of_a_pair(unit_tok) -> bool:
    """Whether a share is the second of "N% to M%" ("won ... nearly 54% to 46%"): the runner-up's,
    not the clause subject's, who holds the first."""
    doc, first = unit_tok.doc, _figure_start(unit_tok)
    if first < 2 or doc[first - 1].lower_ != "to":
        return False
    k = first - 2
    while k >= 0 and (doc[k].like_num or doc[k].lower_ in ("%", "percent", "cent", "per")):
        k -= 1
    # not a range or a change: "a range of 0 to 0.1pc", "decreased from 3.9% to 3.8%"
    return k < first - 2 and (k < 0 or doc[k].lower_ not in ("from", "between", "of"))


def _share_owner(unit_tok) -> Optional[str]:
    """The named party a share is given as belonging to by the words beside it, whatever the clause's
    subject: a possessive right before the figure ("Bell won 51% of the vote to Bush's 45.6%") or
    "for" a name after it ("51% of the vote, compared with 45% for Bush")."""
    doc, first = unit_tok.doc, _figure_start(unit_tok)
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.tag_ == "POS" and before.head.pos_ == "PROPN" and before.head.i == first - 2:
        return holder_key(before.head)
    for c in unit_tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            named = next((o for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
            if named is not None:
                return holder_key(named)
    return None


def _what_is_forecast(verb, tok, by_subject: bool = False):
    """The noun a verb of forecasting says is forecast, not the forecasting or the forecaster: its
    object ("the ECB projects economic growth"), or with `by_subject` its subject ("growth is
    expected"); None for any other verb."""
    if verb.lemma_.lower() not in _FORECAST_WORDS:
        return None
    return next((c for c in verb.children if c.pos_ == "NOUN" and c.i != tok.i and (
        c.dep_ == "dobj" or by_subject and c.dep_ in ("nsubj", "nsubjpass"))), None)


def _measure_noun(noun, unit=None) -> str:
    """A measure's noun with the common noun that says which of its kind it is ("the repo rate", "the
    bank rate", "the unemployment rate" are three rates): two measures an article names apart."""
    doc = noun.doc
    kind = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == noun.i - 1
            and not (unit is not None and c.i == unit.i)  # not the measure's own unit ("a 3.3% fall")
            and not (c.i > 0 and doc[c.i - 1].text == "-")]  # not a hyphened modifier ("the short-term rate")
    return f"{kind[0].lemma_.lower()} {_stem(noun.lemma_)}" if kind else _stem(noun.lemma_)


def _named_measure(noun) -> Optional[str]:
    """The name a measure's noun carries, when a proper name or acronym sets it apart from other
    measures of that noun ("Standing Deposit Facility (SDF) rate: 6.00%" is not the repo rate;
    "Marginal Standing Facility (MSF) rate & Bank Rate": the Bank Rate); None for a common modifier
    ("the repo rate")."""
    if noun.pos_ == "PROPN":
        return holder_key(noun)  # "Bank Rate"
    if not any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < noun.i for c in noun.children):
        return None
    return _named_holder(noun)


def _changed_thing(tok):
    """The thing a verb of change moves, when the figure is where it moves from, to or by ("raised its
    key rate from minus 0.1 per cent to 0.1 per cent", "cut its workforce by 10%"): its object."""
    node = tok
    for _ in range(5):  # up through "to a range of 0 per cent", "from minus 0.1 per cent"
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return None
        prep = node.head
        if prep.dep_ == "prep" and prep.lower_ in ("from", "to", "by") and prep.head.pos_ == "VERB":
            if prep.head.lemma_.lower() not in _CHANGE_VERBS:
                return None
            return next((c for c in prep.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        node = prep
    return None


def _voted_for(verb) -> Optional[str]:
    """What a vote was for, when the verb is "vote": "voted to reject the contract", "voted in favour
    of rejecting the contract", "voted against the deal", "voted for a strike" -> reject, reject,
    against, strike. A share that voted for one thing is not the share that voted for another."""
    if verb.lemma_.lower() != "vote":
        return None
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            return _stem(c.lemma_)
        if c.dep_ == "prep" and c.lower_ == "against":
            return "against"
        if c.dep_ == "prep" and c.lower_ in ("for", "in"):
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if c.lower_ == "in":  # "in favour of X", the "of" under "favour" or under the verb
                favour = [f for f in objs if f.lower_ in ("favor", "favour")]
                ofs = [x for x in (*(g for f in favour for g in f.children), *verb.children) if x.lower_ == "of"]
                objs = [o for of in ofs for o in of.children if o.dep_ in ("pobj", "pcomp")] if favour else []
            if objs:
                return _stem(objs[0].lemma_)
    return None


def _named_holder(subject) -> Optional[str]:
    """The named party a clause's subject is: the subject's own name ("the ANC"), the name right
    before a common noun ("Zuma's MK party", "uMkhonto we Sizwe (MK) party" -> mk; not the
    possessor: the party is MK's, not Zuma's; and not a name that only qualifies another
    modifier: "the US unemployment rate" is no party's), or the name set beside it ("the main
    opposition Democratic Alliance (DA)" -> da)."""
    own = holder_key(subject)
    if own or subject.ent_type_:
        return own
    before = [c for c in subject.children if c.dep_ in ("compound", "nmod", "amod") and c.i < subject.i]
    named = [max(before, key=lambda c: c.i)] if before else []
    named += [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i]
    return next(filter(None, (holder_key(c) for c in named)), None)


_VOTE_RECEIVING = vocab.words("vote_receiving_verbs")
_SIDE_PRONOUNS = {"it", "they"}


def held_by_the_side_before(number, previous) -> Optional[str]:
    """The side a pronoun subject takes up ("The BJP fell short of a majority. It won 240 seats"): the
    named subject of the sentence before (`previous`, its parse), when the figure's clause has "it"
    or "they" for subject; else None."""
    if previous is None:
        return None
    verb = next((t for t in [number, *number.ancestors][:7] if t.pos_ in ("VERB", "AUX")
                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subject is None or subject.pos_ != "PRON" or subject.lower_ not in _SIDE_PRONOUNS:
        return None
    root = next((t for t in previous if t.dep_ == "ROOT"), None)
    before = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    return _named_holder(before) if before is not None else None


def vote_holder(noun) -> Optional[str]:
    """Whose votes a count of votes is: the named subject that received or won them ("Cuomo
    ultimately received ... 428,530 votes"), the name that received them in a clause on them ("the
    543,344 votes Mamdani received"), the one they were cast for ("votes for Mamdani"), or the
    possessor ("Mamdani's 545,334 votes")."""
    if noun is None:
        return None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _VOTE_RECEIVING:
        holder = next(filter(None, (_named_holder(relative_antecedent(c)) for c in noun.head.children if c.dep_ == "nsubj")), None)
        if holder:
            return holder
    for c in noun.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in _VOTE_RECEIVING:
            holder = next(filter(None, (_named_holder(g) for g in c.children if g.dep_ == "nsubj")), None)
            if holder:
                return holder
        if c.dep_ == "prep" and c.lower_ == "for":
            holder = next(filter(None, (holder_key(o) for o in c.children if o.dep_ == "pobj")), None)
            if holder:
                return holder
        if c.dep_ == "poss" and holder_key(c):
            return holder_key(c)
    return None


def _receivers_share(noun) -> Optional[str]:
    """The named party that received the thing a share is given of, when that thing is what the
    clause says the party received or won ("The DA received the second highest number of votes
    (21.78 percent)"): the object of a verb of the clause, or a noun of that object ("number of
    votes"), whose subject is a named party. Not what a party reports ("the BLS reported the
    ratio (60.3%)"): a reporting verb's object is the figure of whatever it reports on."""
    node = noun
    for _ in range(4):
        if node.dep_ == "dobj" and node.head.pos_ == "VERB":
            verb = node.head
            if verb.lemma_.lower() in REPORTING_VERBS:
                return None
            return next(filter(None, (_named_holder(c) for c in verb.children if c.dep_ == "nsubj")), None)
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
    return None


_HOLDER_LABELS = {"ORG", "PERSON", "NORP", "GPE"}


def holder_key(tok) -> Optional[str]:
    """One key for the named party a share belongs to, however an outlet names it: the acronym it
    gives in parentheses ("the African National Congress (ANC)" -> "anc"), the initials of a name of
    several words ("the Democratic Alliance" -> "da"), or the one word ("Labour" -> "labour")."""
    if tok.ent_type_ not in _HOLDER_LABELS:
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    doc = tok.doc
    inside = [t for t in ent if t.text == "("]
    if inside and inside[0].i + 1 < len(doc) and doc[inside[0].i + 1].text.isupper():
        return doc[inside[0].i + 1].lower_  # the tagger took the acronym in: "Democratic Alliance (DA"
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")" \
            and doc[ent.end + 1].text.isupper():
        return doc[ent.end + 1].lower_
    words = [t for t in ent if t.lower_ != "the" and t.is_alpha]
    if ent.label_ == "PERSON" and words:
        return words[-1].lower_  # a person by the surname, as later mentions name them ("Hakeem Jeffries" / "Jeffries")
    while len(words) > 1 and words[-1].text.islower():
        words = words[:-1]  # "the Congress party": the name, without the common noun the tagger took in
    if len(words) > 1 and all(t.text[:1].isupper() or t.lower_ in ("of", "and", "for") for t in words):
        from auditor.read.claims import initials  # claims reads its figures through this module
        return initials(" ".join(t.lower_ for t in words)) or None
    return words[0].lower_ if len(words) == 1 else None


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ment", "ation", "ion", "ed", "ing"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


_WIND = {"wind", "winds", "gust", "gusts", "breeze", "storm"}


def measure_category(doc, num: "NumberSpan", head) -> Optional[str]:
    """Category of a measure: "tally"; "speed:wind"; "burned:area"; "percent:contain"."""
    if num.unit == "tally":
        return "tally"
    unit_tok = doc[num.unit_end] if num.unit_end is not None else doc[num.last]
    if num.unit == "mph":
        near = doc[max(0, num.first - 6):min(len(doc), (num.unit_end or num.last) + 4)]
        if any(t.lower_ in _WIND for t in near) or any(t.lower_ in _WIND for t in unit_tok.head.subtree):
            return "speed:wind"
        topic = _topic(unit_tok)
        return f"speed:{topic}" if topic else "speed"
    if num.unit == "acres":
        outcome = outcome_of(doc, unit_tok, doc[num.last])
        return f"{outcome}:area" if outcome else "area"
    if num.unit in _BULK:
        # "6,000 barrels of oil spilled": a spill's volume grows with each estimate, as a fire's area;
        # "117,000 barrels a day" is a flow, another measure
        period = _per_period(doc, num.unit_end)
        if period:
            return f"{_BULK[num.unit]}/{period}"
        outcome = "spilled" if _spilled(unit_tok) else outcome_of(doc, unit_tok, doc[num.last])
        return f"{outcome}:{_BULK[num.unit]}" if outcome else _BULK[num.unit]
    if num.unit in ("percent", "points"):
        topic = _topic(unit_tok)
        return f"percent:{topic}" if topic else None
    if num.unit == "pages":
        return _document_length(unit_tok)
    if num.unit == "celsius":
        # a heat wave's peak, a day's high (where and when, its place and window say); a change of it
        # is another measure
        return "temperature:change" if temperature_change(doc, num.number_first, num.unit_end) else "temperature"
    return None  # distances ("30 miles east of Bend") place things; they are not compared


_BULK = {"litres": "volume", "tonnes": "mass"}
_RATE_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
                 "annually": "year"}
_TIME_UNITS = vocab.words("time_units")
_SPILLING = {"spill", "leak", "spew", "discharge", "gush", "dump"}


def _spilled(unit_tok) -> bool:
    """A bulk measure of what was let out: "6,000 barrels of oil spilled", "the spill of 10,000 barrels",
    "the oil spill was calculated to be equivalent to 10,396 barrels", "increased the estimated size of
    the oil spill to more than 10,000 barrels"."""
    node = unit_tok
    for _ in range(6):
        if node.lemma_.lower() in _SPILLING:
            return True
        if node.pos_ in ("VERB", "AUX"):
            # "the spill was calculated to be equivalent to 10,396 barrels", "increased the estimated
            # size of the oil spill to more than 10,000 barrels": the verb's subject or object is the spill
            held = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            if any(t.lemma_.lower() in _SPILLING for c in held for t in c.subtree):
                return True
            if node.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return False
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _per_period(doc, unit_end: Optional[int]) -> Optional[str]:
    """The period a bulk measure is a rate of: "barrels a day", "tonnes per year", "litres daily"."""
    after = [t.lower_ for t in doc[unit_end + 1:unit_end + 3]] if unit_end is not None else []
    if after and after[0] in _RATE_ADVERBS:
        return _RATE_ADVERBS[after[0]]
    if len(after) == 2 and after[0] in ("a", "an", "per", "each", "every") and after[1] in _TIME_UNITS:
        return after[1].removesuffix("s")
    return None


_DOCUMENT_KINDS = vocab.table("document_kinds")
_LENGTH_VERBS = {"run", "be", "span", "total", "stretch"}  # "the ruling runs 92 pages"


def _document_length(unit_tok) -> Optional[str]:
    """ "length:<document>" of a page count: "a 93-page opinion" and "a 92-page ruling" are two
    lengths of one judgment (the document nouns of one kind meet through document_kinds), "the
    ruling runs 92 pages" is the subject's length; a page count of nothing named is not compared."""
    head = unit_tok.head
    thing = head if head.i != unit_tok.i and head.pos_ == "NOUN" and unit_tok.dep_ in ("compound", "amod", "nmod") \
        else None
    if thing is None and head.lemma_.lower() in _LENGTH_VERBS:
        thing = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                      and c.pos_ in ("NOUN", "PROPN")), None)
    if thing is None or thing.pos_ != "NOUN":
        return None
    lemma = thing.lemma_.lower()
    return f"length:{_DOCUMENT_KINDS.get(lemma, lemma)}"


def measured_thing(unit_tok):
    """The noun a length is of: "a 948-foot-long container ship" -> ship (the unit's head noun)."""
    node = unit_tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.lower_ not in ("long", "length"):
            return node
    return None


_PER_MEMBER = re.compile(r"^\s*(?:each|apiece|a head|per (?:person|head|member|family|household|defendant|"
                         r"victim|worker|employee|child|student|person|recipient|individual))\b", re.I)


def per_member(doc, num: "NumberSpan") -> bool:
    """The sum is each member's: "$4 million each", "$500 apiece", "$1,200 per person", "must each pay"."""
    end = doc[num.last]
    if _PER_MEMBER.match(doc.text[end.idx + len(end.text):]):
        return True
    verb = end.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.lower_ == "each" and c.i < end.i for c in verb.children)


def members_total(doc, num: "NumberSpan", q: Quantity) -> Optional[Quantity]:
    """The whole of a sum for each member, when the members are counted: "ordered Trump's adult sons,
    Don Jr. and Eric, to pay $4 million each" is $8 million for the two; "the three defendants must
    each pay $2 million" is $6 million. None when the text does not say how many."""
    verb = doc[num.last].head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    payers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not payers and verb.dep_ == "xcomp":
        payers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
    if not payers:
        return None
    payer = payers[0]
    count = next((parse_number(c.text) for c in payer.children if c.dep_ == "nummod"), None)
    if count is None:
        names = [c for c in payer.children if c.dep_ == "appos"] + ([payer] if payer.pos_ == "PROPN" else [])
        if names:
            count = len([names[0], *[c for c in names[0].conjuncts]])
    if not count or count < 2:
        return None
    low = q.low * count if q.low is not None else None
    high = q.high * count if q.high is not None else None
    return replace(q, value=(q.value or 0) * count or None, low=low, high=high,
                   counted=f"for all {int(count)}" + (f" {q.counted}" if q.counted else ""))
