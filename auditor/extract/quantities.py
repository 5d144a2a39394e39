"""Figures in a claim as intervals, with what they count, where, and over what time window.

Why intervals: news figures come hedged ("at least 23", "more than 70", "nearly 50", "dozens"),
and two reports only contradict each other when their intervals cannot both hold. Why the parse:
what a number counts ("security personnel"), what happened to it (killed, injured, torched)
and when ("on Saturday", "over the past 48 hours", "in total") sit in the dependency tree around
the number, not at a fixed distance in the text.

Categories are "<outcome>:<group>", e.g. ``killed:security``, ``killed:civilians``,
``injured:total``, ``burned:vehicles``; a group alone (``militants``) when nothing happened to it
that the lexicon knows. The lexicons below are general news vocabulary, not words of one story.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Iterable, Optional

from ..model import Quantity

INF = math.inf

# --------------------------------------------------------------------------- numbers in words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
_SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
# vague amounts: (low, high) of what a reader takes them to mean
_VAGUE = {
    "dozen": (12, 12), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11),
}
_VAGUE_TENS = {"tens": 10, "hundreds": 100}  # "tens of thousands", "hundreds of thousands"


def parse_number(text: str) -> Optional[float]:
    """A number written in digits or words: "23", "1,200", "2.5 million", "twenty-one", "a hundred"."""
    words = [w for w in re.split(r"[\s\-]+", text.strip().lower().replace("\u2013", "-")) if w and w != "and"]
    if not words:
        return None
    if len(words) == 1 and _DIGITS.match(words[0]):
        return float(words[0].replace(",", ""))
    if len(words) == 1 and re.match(r"^\d+(\.\d+)?(k|m|mn|bn|b)$", words[0]):
        m = re.match(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b)$", words[0])
        return float(m.group(1)) * _SCALE_ABBREV[m.group(2)]
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an") and not seen:
            current = 1.0
            continue
        if _DIGITS.match(w):
            if seen:
                return None  # "217-215" is a tally or a range, not one number
            current += float(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def vague_interval(text: str) -> Optional[tuple[float, float]]:
    """ "dozens" -> (24, 99); "tens of billions" -> (2e10, 1e11); None when the text is not vague."""
    words = text.lower().replace(" of ", " ").split()
    if len(words) == 2 and words[0] in _VAGUE_TENS and words[1] in _SCALES:
        base = _VAGUE_TENS[words[0]] * _SCALES[words[1]]
        return 2 * base, 10 * base - 1
    if len(words) == 1 and words[0] in _VAGUE:
        return _VAGUE[words[0]]
    return None


# --------------------------------------------------------------------------- qualifiers -> intervals

# Each qualifier maps to how it bounds the figure v: (kind, ...). Longest phrases first.
_QUALIFIERS: list[tuple[str, str]] = sorted(
    [
        ("at least", "min"), ("no fewer than", "min"), ("no less than", "min"), ("a minimum of", "min"),
        ("not less than", "min"), ("not fewer than", "min"),
        ("more than", "gt"), ("over", "gt"), ("above", "gt"), ("upwards of", "gt"), ("in excess of", "gt"),
        ("well over", "gt"),
        ("nearly", "below"), ("almost", "below"), ("just under", "below"), ("close to", "below"), ("nigh on", "below"),
        ("up to", "max"), ("at most", "max"), ("no more than", "max"), ("not more than", "max"), ("a maximum of", "max"),
        ("fewer than", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
        ("as many as", "upto_approx"),
        ("about", "approx"), ("around", "approx"), ("approximately", "approx"), ("roughly", "approx"),
        ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"), ("nearly some", "approx"),
        ("circa", "approx"), ("or so", "approx"),
    ],
    key=lambda q: -len(q[0]),
)
APPROX_SHARE = 0.1  # "about 50" is read as 45-55; "nearly 50" as 45-49


def interval(value: float, qualifier: Optional[str]) -> tuple[Optional[float], Optional[float], bool, bool, bool]:
    """(low, high, low_inclusive, high_inclusive, approximate) for a figure and its qualifier."""
    kind = dict(_QUALIFIERS).get((qualifier or "").lower().strip())
    slack = max(1.0, round(value * APPROX_SHARE))
    if kind == "min":
        return value, None, True, True, False
    if kind == "gt":
        return value, None, False, True, False
    if kind == "below":
        return max(0.0, value - slack), value, True, False, True
    if kind == "max":
        return 0.0, value, True, True, False
    if kind == "lt":
        return 0.0, value, True, False, False
    if kind == "upto_approx":
        return max(0.0, value - slack), value, True, True, True
    if kind == "approx":
        return max(0.0, value - slack), value + slack, True, True, True
    return value, value, True, True, False


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Whether both figures can be true of one quantity: their intervals share a point."""
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    lo, hi = max(lo_a, lo_b), min(hi_a, hi_b)
    if lo < hi:
        return True
    if lo > hi:
        return False
    # touching at one point: both sides must include it
    inc = True
    for q, (l, h) in ((a, (lo_a, hi_a)), (b, (lo_b, hi_b))):
        if lo == l and not q.low_inclusive:
            inc = False
        if lo == h and not q.high_inclusive:
            inc = False
    return inc


def _bounds(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else -INF), (q.high if q.high is not None else INF)


def gap_ratio(a: Quantity, b: Quantity) -> float:
    """How far apart two figures are, as a ratio of the nearer ends (1.0 when they overlap)."""
    if overlaps(a, b):
        return 1.0
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    small, big = (hi_a, lo_b) if hi_a <= lo_b else (hi_b, lo_a)
    if small <= 0:
        return INF
    return big / small


def describe(q: Quantity) -> str:
    """The interval in words, for findings: "[23, inf)", "(70, inf)", "14"."""
    if q.low == q.high and q.low is not None:
        return _fmt(q.low)
    lo = "-inf" if q.low is None else _fmt(q.low)
    hi = "inf" if q.high is None else _fmt(q.high)
    return f"{'[' if q.low_inclusive and q.low is not None else '('}{lo}, {hi}{']' if q.high_inclusive and q.high is not None else ')'}"


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


# --------------------------------------------------------------------------- lexicons (lemmas)

GROUPS: dict[str, str] = {}
for _group, _words in {
    "security": "soldier troop trooper personnel policeman policemen police cop guard paramilitary paramilitaries "
                "serviceman servicemen servicemember commando ranger jawan sepoy officer constable marine airman "
                "sailor enforcer security army",
    "militants": "militant terrorist insurgent assailant attacker gunman gunmen fighter rebel separatist jihadist "
                 "extremist bomber miscreant raider hijacker kidnapper perpetrator",
    "civilians": "civilian worker labourer laborer passenger resident villager bystander child children kid woman "
                 "women student pupil pilgrim worshipper worshiper teacher journalist reporter migrant tourist "
                 "farmer commuter shopper patient doctor nurse employee traveller traveler driver family "
                 "infant toddler girl boy man men local firefighter rescuer medic paramedic volunteer",
    "total": "people person individual life dead body corpse victim fatality casualty death",
    "vehicles": "vehicle car truck bus lorry tanker van container trailer coach motorcycle",
    "inmates": "inmate prisoner detainee convict",
    "attacks": "attack assault bombing blast explosion raid strike ambush incident",
    "suspects": "suspect accomplice facilitator",
    "money": "dollar rupee euro pound yuan yen dinar rial riyal",
    "votes": "vote ballot",
    "seats": "seat",
    "buildings": "house home building school shop hospital mosque church post checkpoint",
}.items():
    for _w in _words.split():
        GROUPS[_w] = _group

# Words that say what happened to the counted people or things.
OUTCOMES: dict[str, str] = {}
for _outcome, _words in {
    "killed": "kill die dead death slay slain execute murder massacre eliminate neutralise neutralize martyr "
              "martyred fatality toll behead assassinate body corpse perish",
    "injured": "injure wound hurt injury injured wounded maim",
    "arrested": "arrest detain apprehend capture nab custody",
    "abducted": "abduct kidnap hostage",
    "freed": "free release rescue escape",
    "burned": "burn torch charred char ablaze gut",
    "missing": "missing",
    "displaced": "displace evacuate flee",
    "destroyed": "destroy damage demolish raze flatten",
}.items():
    for _w in _words.split():
        OUTCOMES[_w] = _outcome

_REPORTING = {"say", "report", "tell", "state", "confirm", "announce", "add", "claim", "accord", "note"}
_CUMULATIVE = ("in total", "in all", "overall", "so far", "to date", "altogether", "cumulative", "total toll",
               "since the start", "since the beginning")
_INCREMENT = {"additional", "more", "further", "fresh", "new", "extra"}
_TIME_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|day|days|night|"
    r"week|weeks|weekend|month|months|year|years|decade|decades|hour|hours|morning|evening|afternoon|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_NOUNS = {"district", "province", "city", "town", "village", "region", "area", "county", "state",
                "valley", "capital", "border", "tehsil", "division", "neighbourhood", "neighborhood", "camp"}
_LOCATIVE = {"in", "at", "near", "across", "outside", "inside", "around", "throughout", "within"}
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERCENT", "QUANTITY"}


# --------------------------------------------------------------------------- extraction


def extract(doc, base: int, start: int = 0, end: Optional[int] = None) -> tuple[Quantity, ...]:
    """The count figures of `doc` (a spaCy parse of text that begins at article offset `base`)
    whose number lies in article offsets [start, end). Years, dates, times, ordinals, and
    durations ("48 hours") are not counts and are left out."""
    end = base + len(doc.text) if end is None else end
    spans = []
    used: set[int] = set()
    for tok in doc:
        if tok.i in used or not (start <= base + tok.idx < end):
            continue
        found = _number_at(doc, tok)
        if found is None:
            continue
        used.update(range(found[0], found[1] + 1))
        spans.append(found)
    out: list[Quantity] = []
    for first, last, low, high, vague in spans:
        others = [doc[f] for f, *_ in spans if f != first]
        q = _build(doc, base, first, last, low, high, vague, others)
        if q is not None:
            out.append(q)
    return _inherit_groups(tuple(out))


def _number_at(doc, tok):
    """(first token, last token, low, high, vague) of a number starting at `tok`, else None."""
    text = tok.text.lower()
    if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
        return None
    if text in _VAGUE_TENS and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" \
            and doc[tok.i + 2].lower_.rstrip("s") in _SCALES:
        # "tens of billions", "hundreds of thousands"
        lo, hi = vague_interval(f"{text} {doc[tok.i + 2].lower_.rstrip('s')}")
        return tok.i, tok.i + 2, lo, hi, True
    vague = vague_interval(text)
    if vague is not None and tok.pos_ in ("NOUN", "NUM") and not (text == "dozen" and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "one")):
        return tok.i, tok.i, vague[0], vague[1], True
    if not (tok.like_num or tok.pos_ == "NUM" or text in _UNITS or text in _TENS):
        return None
    # extend over a multi-token number: "two hundred", "1.5 million", "twenty - one"
    last = tok.i
    while last + 1 < len(doc):
        nxt = doc[last + 1].lower_
        if nxt in _SCALES or (nxt in _UNITS and doc[last].lower_ in _TENS) or nxt in ("-", "–") and last + 2 < len(doc) and doc[last + 2].lower_ in _UNITS:
            last += 2 if nxt in ("-", "–") else 1
        else:
            break
    span_text = doc[tok.i:last + 1].text
    value = parse_number(span_text)
    if value is None:
        return None
    if not _is_count(doc, tok, last, value):
        return None
    # ranges: "30-40", "30 to 40", "between 30 and 40"
    if last + 2 < len(doc) and doc[last + 1].text in ("-", "–", "to") and doc[last + 2].like_num:
        other = parse_number(doc[last + 2].text)
        if other is not None and other > value:
            return tok.i, last + 2, value, other, False
    m = re.match(r"^(\d+)[-–](\d+)$", tok.text)
    if m and int(m.group(2)) > int(m.group(1)):
        return tok.i, last, float(m.group(1)), float(m.group(2)), False
    return tok.i, last, value, value, False


def _is_count_in_date(tok) -> bool:
    """spaCy sometimes tags a count as DATE ("the 22 days" is a duration, but "22 militants" is not)."""
    head = tok.head
    return tok.dep_ == "nummod" and head.lemma_.lower() in GROUPS and not _TIME_WORDS.fullmatch(head.text)


def _is_count(doc, tok, last: int, value: float) -> bool:
    """Counts, not years, dates, times, ordinals, durations, or list markers."""
    text = tok.text
    if re.search(r"(st|nd|rd|th)$", text.lower()) and not text.isalpha():
        return False  # 18th
    if tok.ent_type_ in _SKIP_ENTS and not _is_count_in_date(tok):
        return False
    if re.fullmatch(r"(1[89]|20|21)\d\d", text) and tok.dep_ != "nummod":
        return False  # a year: "in 2006"
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and (nxt.text in (":", "%") or nxt.lower_ in ("percent", "per", "a.m.", "p.m.", "am", "pm")):
        return False
    head = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else None
    if head is not None and _TIME_WORDS.fullmatch(head.text):
        return False  # "48 hours", "two days": a duration
    if tok.lower_ == "one" and (tok.dep_ in ("nsubj", "dobj", "pobj", "appos") or (nxt is not None and nxt.lower_ == "of")):
        return False  # "one of the deadliest", "one that links": a pronoun
    return True


def _qualifier(doc, first: int) -> tuple[Optional[str], int]:
    """The hedging words right before the number ("at least", "more than") and where they start."""
    window = doc[max(0, first - 4):first]
    words = [t.lower_ for t in window]
    joined = " ".join(words)
    for phrase, _ in _QUALIFIERS:
        if joined.endswith(phrase) and (len(joined) == len(phrase) or joined[-len(phrase) - 1] == " "):
            n = len(phrase.split())
            return phrase, first - n
    return None, first


def _counted_head(doc, first: int, last: int):
    """The noun the number counts: its nummod head, "hundreds of X" -> X, "toll to 177" -> toll."""
    tok = doc[last]
    if first != last and tok.dep_ != "nummod" and doc[first].dep_ == "nummod":
        tok = doc[first]  # a range "30-40 passengers": the parse may hang the noun on either end
    head = tok.head
    if tok.pos_ == "NOUN" or vague_interval(tok.text) is not None or doc[first].lower_ in _VAGUE_TENS:  # "dozens", "hundreds of insurgents"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return tok if tok.lemma_.lower() in GROUPS else None
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos") and head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
        if head.lower_ in ("others", "other"):
            return head
        return head
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ == "VERB":
        # "bringing the cumulative toll to 177", "raising the death toll to 35"
        for child in head.head.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.pos_ == "NOUN":
                return child
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


def _counted_text(head) -> tuple[str, list]:
    """The counted noun with its modifiers ("Punjabi migrant workers") and its conjuncts' heads."""
    if head is None:
        return "", []
    heads = [head] + [c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i > head.i
                      and not any(g.dep_ == "nummod" for g in c.children)]
    parts = []
    for h in heads:
        mods = [c for c in h.children if c.dep_ in ("compound", "amod", "nmod") and c.i < h.i
                and c.lower_ not in _INCREMENT and not c.like_num and c.ent_type_ != "CARDINAL"]
        lo = min([h.i] + [m.left_edge.i for m in mods])
        parts.append(h.doc[lo:h.i + 1].text)
    return " and ".join(parts), heads


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
        groups.append(g)
    known = {g for g in groups if g}
    if not known:
        return None
    if len(known) == 1:
        return known.pop()
    return "total" if "total" in known else "mixed"


def _outcome(doc, head, number_tok) -> Optional[str]:
    """What happened to the counted: the nearest outcome word up the tree, or beside it."""
    def of_token(t) -> Optional[str]:
        lemma, text = t.lemma_.lower(), t.lower_
        if lemma == "lose" and any(c.lemma_.lower() == "life" for c in t.children):
            return "killed"
        if lemma == "gun" and any(c.lower_ == "down" for c in t.children):
            return "killed"
        if lemma == "shoot" and any(c.lower_ == "dead" for c in t.children):
            return "killed"
        if lemma == "set" and any(c.dep_ == "prep" and any(g.lower_ in ("fire", "ablaze", "alight") for g in c.children) for c in t.children):
            return "burned"
        if lemma == "claim" and any(c.lemma_.lower() == "life" for c in t.children):
            return "killed"
        return OUTCOMES.get(text) or OUTCOMES.get(lemma)

    start = head if head is not None else number_tok
    if head is not None and of_token(head):
        return of_token(head)
    # children of the counted noun: "31 civilians dead", "the people killed"
    for c in start.children:
        if c.dep_ in ("amod", "acl", "relcl", "conj") and of_token(c):
            return of_token(c)
    node = start
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        found = of_token(node)
        if found:
            return found
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in ("oprd", "acomp", "xcomp", "advcl", "prt", "dobj") and c.i != start.i and of_token(c):
                    if c.dep_ == "dobj" and c.lemma_.lower() not in ("life", "death", "toll"):
                        continue
                    if c.dep_ in ("advcl", "xcomp") and any(g.dep_ in ("dobj", "nsubj", "nsubjpass") for g in c.children):
                        continue  # "raided two hideouts, killing 41 insurgents": a different patient
                    return of_token(c)
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in ("death", "injury") and of_token(g):
                            return of_token(g)
            if node.lemma_.lower() not in _REPORTING and node.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "relcl"):
                break
    return None


def _clause_root(tok):
    """The nearest clause head above a token, climbing through non-finite verbs ("killing 41"), and
    from reported speech to the reporting clause ("In Musakhel, officials said that 23 were killed")."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and (node.tag_ not in ("VBG", "VBN") or node.dep_ in ("ROOT", "ccomp", "conj")):
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children) or node.dep_ == "ROOT":
                if node.dep_ == "ccomp" and node.head.lemma_.lower() in _REPORTING:
                    return node.head
                return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _scope_tokens(root, own, others=()) -> list:
    """Tokens of the figure's clause, without embedded finite clauses that do not hold the figure,
    and without verb phrases that hold only other figures ("..., bringing the toll to 177")."""
    def holds(c, toks) -> bool:
        return any(c.left_edge.i <= e.i <= c.right_edge.i for e in toks)

    out = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("ccomp", "advcl", "conj", "relcl", "parataxis") and c.pos_ in ("VERB", "AUX") \
                    and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not holds(c, own):
                continue
            if c.pos_ in ("VERB", "AUX") and not holds(c, own) and holds(c, others):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _window(doc, tokens, head, number_tokens) -> Optional[str]:
    """The time window of the figure: a date or duration in its clause, or "in total"/"additional"."""
    parts: list[str] = []
    last = number_tokens[-1].i
    if head is not None:
        # "22 more terrorists", "22 additional militants": after the number, so not "more than 50"
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "advmod", "compound") and c.i > last}
        mods |= {c.lower_ for t in number_tokens for c in t.children if c.dep_ in ("amod", "advmod") and c.i > last}
        if mods & _INCREMENT:
            parts.append(next(w for w in ("additional", "more", "further", "fresh", "new", "extra") if w in mods))
        if {c.lower_ for c in head.children} & {"cumulative", "total"} and head.lemma_.lower() in ("toll", "tally", "number", "count"):
            parts.append("cumulative")
    ids = {t.i for t in tokens}
    seen_ents = set()
    for t in tokens:
        ent = None
        if t.ent_type_ in ("DATE", "TIME"):
            for e in doc.ents:
                if e.start <= t.i < e.end:
                    ent = e
                    break
        if ent is not None and ent.start not in seen_ents and not any(n.i in range(ent.start, ent.end) for n in number_tokens):
            seen_ents.add(ent.start)
            if re.fullmatch(r"(the )?(18|19|20|21)\d\d", ent.text.lower()) and not any(
                    doc[i].lower_ in ("last", "since", "in", "this") for i in range(max(0, ent.start - 1), ent.start)):
                continue
            prep = doc[ent.start - 1] if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP" and ent.start - 1 in ids else None
            parts.append((prep.text + " " if prep is not None else "") + ent.text)
    lowered = " ".join(t.lower_ for t in tokens)
    for cue in _CUMULATIVE:
        if re.search(rf"\b{re.escape(cue)}\b", lowered) and "cumulative" not in parts:
            parts.append(cue if cue != "total toll" else "cumulative")
            break
    if re.search(r"\blatest\b", lowered) and not parts:
        parts.append("latest")
    return "; ".join(dict.fromkeys(parts)) or None


def _place(doc, tokens, number_tokens) -> Optional[str]:
    """The most specific place named in the figure's clause: the object of a locative preposition
    ("in Kalat", "across Balochistan province") before a possessive one ("Pakistan's")."""
    best = None
    for e in doc.ents:
        if not any(t.i == e.root.i for t in tokens):
            continue
        root = e.root
        is_place = e.label_ in _PLACE_LABELS
        # the small NER model often mislabels small places: trust a place noun or locative preposition
        governor = root.head
        if root.dep_ == "compound" and governor.lemma_.lower() in _PLACE_NOUNS:
            is_place, governor = True, governor.head
        elif root.dep_ == "pobj" and governor.lower_ in _LOCATIVE and e.label_ in ("ORG", "PERSON", "NORP", "PRODUCT") \
                and root.pos_ == "PROPN" and len(e) <= 2:
            is_place = True
        if not is_place:
            continue
        rank = 0 if (root.dep_ == "pobj" or root.head.dep_ == "pobj" or root.dep_ == "compound") else 1
        if root.dep_ == "poss":
            rank = 2
        if best is None or rank < best[0]:
            best = (rank, place_name(e.text))
    return best[1] if best else None


def place_name(text: str) -> str:
    """ "the Kalat district" -> "Kalat": the name without article or administrative noun."""
    words = re.sub(r"^(the)\s+", "", " ".join(text.split()), flags=re.I).split()
    while len(words) > 1 and words[-1].lower() in _PLACE_NOUNS:
        words.pop()
    return " ".join(words)


def _build(doc, base: int, first: int, last: int, low: float, high: float, vague: bool,
           others: list = ()) -> Optional[Quantity]:
    qualifier, q_start = (None, first) if vague else _qualifier(doc, first)
    value = None if vague else (low if low == high else None)
    if vague:
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, True
    elif low != high:
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, False
    else:
        lo, hi, lo_inc, hi_inc, approx = interval(low, qualifier)
    number_tokens = list(doc[first:last + 1])
    head = _counted_head(doc, first, last)
    counted, heads = _counted_text(head)
    group = group_of(heads) if heads else None
    outcome = _outcome(doc, head, doc[last])
    if head is not None and head.lemma_.lower() in ("toll", "tally") and outcome is None:
        outcome = "killed"
    if outcome and head is None:
        group = "total"  # "killed dozens", "More than 50 dead"
    if head is not None and head.lemma_.lower() in ("dead", "death", "body", "corpse", "fatality", "life"):
        group, outcome = "total", outcome or "killed"
    if group == "attacks" and outcome:
        outcome = None  # "170 attacks killing 151 civilians": the attacks were not killed
    if head is not None and group is None and head.lower_ not in ("others", "other") \
            and head.lemma_.lower() not in ("toll", "tally", "number", "count"):
        category = None  # a count of something no lexicon knows ("two hideouts"): not compared
    elif outcome:
        category = f"{outcome}:{group or 'total'}"
    else:
        category = group
    root = _clause_root(head if head is not None else doc[last])
    tokens = _scope_tokens(root, number_tokens, others)
    window = _window(doc, tokens, head, number_tokens)
    place = _place(doc, tokens, number_tokens)
    s = doc[q_start].idx
    e = doc[last].idx + len(doc[last].text)
    return Quantity(start=base + s, end=base + e, text=doc.text[s:e], value=value, low=lo, high=hi,
                    low_inclusive=lo_inc, high_inclusive=hi_inc, approximate=approx, vague=vague,
                    counted=counted or None, category=category, place=place, window=window)


def _inherit_groups(quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """ "22 militants were killed, bringing the toll to 177": a toll inherits the group counted beside it."""
    out = []
    for q in quantities:
        if q.category == "killed:total" and q.counted and re.search(r"\b(toll|tally)\b", q.counted):
            donors = [o.category for o in quantities if o is not q and o.category and o.category.startswith("killed:")
                      and o.category != "killed:total"]
            if len(set(donors)) == 1:
                q = replace(q, category=donors[0])
        out.append(q)
    return tuple(out)


# --------------------------------------------------------------------------- windows

WINDOW_KINDS = ("incident", "day", "span", "cumulative", "latest", "earlier", "background")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def window_kind(window: Optional[str]) -> str:
    """What a window says about the figure's time span, for comparing two figures:
    incident (the event itself, or no window), day (a named day), span (past N hours/days),
    cumulative (in total), latest (additional, more), earlier (before the event),
    background (a year or more: "last year", "since 2021")."""
    if not window:
        return "incident"
    w = window.lower()
    if re.search(r"\b(additional|more|further|fresh|new|extra|latest)\b", w):
        return "latest"
    if re.search(r"\b(cumulative|in total|in all|overall|so far|to date|altogether|since the (start|beginning))\b", w):
        return "cumulative"
    if re.search(r"\b(year|years|decade|decades|annual|annually)\b|\b(18|19|20|21)\d\d\b|\b(january|february|march|"
                 r"april|june|july|august|september|october|november|december)\b(?!\s+\d)", w) \
            and not re.search(r"\b(single day|a day|this week|last week)\b", w):
        return "background"
    if re.search(r"\bearlier\b|\bbefore\b|\bprior\b", w):
        return "earlier"
    if re.search(r"\b(past|last|over|within|in the)\b.*\b(hours|days|weeks|months)\b|\b\d+ (hours|days)\b|several days", w):
        return "span"
    if any(d in w for d in _WEEKDAYS) or re.search(r"\b(yesterday|today|tonight|single day|a day|last week|this week)\b", w):
        return "day"
    return "incident"


def same_window(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two figures cover the same time: both the event itself (a named day, "last week's
    attacks", or no window), or the same span. Two different named weekdays are different days."""
    ka, kb = window_kind(a), window_kind(b)
    point = {"incident", "day"}
    if ka in point and kb in point:
        da = {d for d in _WEEKDAYS if a and d in a.lower()}
        db = {d for d in _WEEKDAYS if b and d in b.lower()}
        return not (da and db and not da & db)
    if ka != kb:
        return False
    if ka == "cumulative":
        return True  # "in total" and "cumulative toll": the count so far (when published: see compare)
    return _norm_window(a) == _norm_window(b)


def comparable_scale(a: Optional[str], b: Optional[str]) -> bool:
    """Figures of the event (any day or span of it) and background figures (a year or more) are
    never the same quantity; two background figures only when their windows read the same."""
    ka, kb = window_kind(a), window_kind(b)
    if (ka == "background") != (kb == "background"):
        return False
    if ka == "background":
        return _norm_window(a) == _norm_window(b)
    return True


def _norm_window(w: Optional[str]) -> str:
    return re.sub(r"\b(on|in|over|during|the|of|for)\b|\W", "", (w or "").lower())


def mentions(quantities: Iterable[Quantity], category: str) -> list[Quantity]:
    return [q for q in quantities if q.category == category]
