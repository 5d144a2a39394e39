"""Claims: the factual units compared across articles, with stable content-derived ids.

A claim starts as a sentence; sentences that state nothing about the story are not claims: a
lone credit line or date, a newsroom formula ("The Associated Press contributed to this report.",
"Editing by ...", "Journal Staff Writer"), a dateline with neither verb nor figure. Where the parse
shows that a sentence joins two facts with their own subjects ("14 soldiers lost their lives,
while 21 terrorists were killed"), or ends with a participle clause with its own object ("The
Senate voted 52-47, sending the measure to the House before a midnight Friday deadline"), each
becomes its own claim, so that each can agree or disagree with other articles on its own. Ids come from the article id
and the claim text, not from run order, so the same claim keeps its id when other articles are
added.

Each claim carries what alignment needs to tell two facts apart when their words are alike: its
figures (extract.quantities), the places and named participants it mentions, who its subject is,
its main predicate, whether it is negated, whether it is quoted speech, and its content words
(terms) besides the names.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from auditor import vocab
from auditor.read import places
from auditor.read import figure_context
from auditor.read import quantities as quantities_stage
from auditor.read import terms
from auditor.read.dates import is_zone_word
from auditor.read.figure_spans import is_unit_word
from auditor.read.figure_scope import describes_the_source, place_name
from auditor.model import Claim, Sentence

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_CLAIM_WORDS = 3
# "X, while Y" joins two facts; "X after Y" or "X because Y" is one fact with its circumstance.
_CONTRASTIVE_MARKS = {"while", "whereas", "although", "though"}
ACCORDING = "accord"  # the lemma of "according (to X)": credits without a verb of speech
REPORTING_VERBS = vocab.words("reporting_verbs_neutral") | {ACCORDING}
DENIAL_VERBS = {"deny", "refute"}
# Words that carry no content of their own in news copy: reporting and light verbs, generic nouns, titles
# ("Sen." and "Rep." read as lemmas without their period).
_LIGHT_WORDS = ((REPORTING_VERBS - {"claim"})  # "claimed responsibility" is an act
                | vocab.words("light_words") | vocab.tagged("person_roles", "light") | {"sen", "rep"})
_ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE = vocab.words("locative_prepositions") | {"to", "from"}  # claims also place "flights to X", "troops from X"
# Capitals, demonyms and short forms that stand for a state or body in news copy ("Washington said",
# "Beijing denounced", "U.S. officials"): the abbreviations of name_abbreviations that stand for one.
_PLACE_METONYMS = vocab.table("place_metonyms")
METONYMS = {**{short: full for short, full in vocab.table("name_abbreviations").items()
               if full in set(_PLACE_METONYMS.values()) | {"united nations", "european union"}},
            **_PLACE_METONYMS}
_STOP_NAME_WORDS = {"the", "of", "for", "and", "in", "on", "&"}

# Regions that contain the towns and districts news copy names: countries and provinces or states
# (from the gazetteer, places.resolve), the AP abbreviations of US states, and world regions. A region
# and a smaller place are not two different places: the fire "near Pine Hollow" and the fire "in
# central Oregon" can be one fire.
_STATE_ABBREVIATIONS = {k.strip("."): v for k, v in vocab.table("us_state_abbreviations").items()}
WORLD_REGIONS = vocab.words("world_regions")
_REGION_KINDS = ("country", "subdivision")
# "central Oregon", "north-west Pakistan": a part of a region named by its direction is a region.
_DIRECTIONS = re.compile(r"^(?:central|upstate|downstate|(?:north|south)(?:-?(?:east|west))?(?:ern)?|"
                         r"(?:east|west)(?:ern)?)\s+")


@lru_cache(maxsize=1 << 14)  # alignment asks it of every place of every pair of claims
def is_region(name: str) -> bool:
    """A country, US state or world region ("Oregon", "Ore.", "central Oregon", "the West"), or a name
    with a regional noun ("Balochistan province"): places that contain others."""
    key = _DIRECTIONS.sub("", entity_key(name))
    key = _STATE_ABBREVIATIONS.get(key, key)
    if key in WORLD_REGIONS or bool(re.search(r"\b(province|state|region|country)$", key)):
        return True
    place = places.resolve(key)
    return place is not None and place.kind in _REGION_KINDS


def claim_id(article_id: str, text: str, seen: dict[str, int]) -> str:
    digest = hashlib.sha1(f"{article_id}\0{' '.join(text.split())}".encode("utf-8")).hexdigest()[:10]
    base = f"c_{digest}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def is_claim_like(text: str) -> bool:
    """Enough words to state a fact, and not a newsroom line: drops credit lines ("— Reuters",
    "Associated Press writer X contributed to this report."), bylines and lone dates."""
    return len(_WORD.findall(text)) >= MIN_CLAIM_WORDS and not is_newsroom_line(text)


# Formulas with which a newsroom credits its own work or addresses its readers: they say who wrote
# or edited the article, not anything about the story.
_NEWSROOM = re.compile(
    r"(?:^|(?=[;|])|\b(?=[acefst]))(?:"  # where a formula can begin (the search skips other positions)
    r"\bcontributed( reporting)? (to|for) (this|the) (report|story|article|coverage)\b|\bcontributed reporting\b|"
    r"^\W*(additional |further )?(reporting|editing|writing|compiled|produced|edited|written|translated|"
    r"graphics|research) by\b|[;|]\s*(editing|writing|additional reporting) by\b|"
    r"^\W*(\w+ )?staff (writer|reporter|correspondent)\W*$|\beditor'?s note\b|"
    r"\bthis (story|article|report) (has been|was) (updated|corrected|changed)\b|^\W*corrections?:|"
    r"\ball rights reserved\b|^\W*(©|copyright \d{4})|\b(sign up|subscribe) (for|to) (our|the|this) newsletter\b|"
    r"^\W*(last )?(updated|published|posted)\b:?\s*(on\s+)?(\d|[a-z]+day\b|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.I)
# a short biography line closing an article: "Jane Doe is a reporter for The Post covering Congress."
_BIO = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (is|are) (a|an|the) [\w -]{0,40}"
                  r"(reporter|correspondent|writer|editor|columnist|producer)s? (for|at|with|covering)\b")


# a prompt to the reader: a line of its own, not a link marker inside a sentence of the story ("A fire
# (click here) ripped through one of the world's tallest residential towers in Dubai on Friday, ...")
_READER_PROMPT = re.compile(r"\bclick here\b|\bfollow us on\b", re.I)
PROMPT_WORDS = 15


def is_newsroom_line(text: str) -> bool:
    """A credit line, byline, editor's note or reader prompt ("The Associated Press contributed to this
    report.", "Editing by X", "Journal Staff Writer")."""
    text = text.replace("’", "'").strip()
    words = len(text.split())
    return bool(_NEWSROOM.search(text)) or (words <= 25 and bool(_BIO.search(text))) \
        or (words <= PROMPT_WORDS and bool(_READER_PROMPT.search(text)))


def without_accents(text: str) -> str:
    """The text with accents dropped ("Valparaíso" -> "Valparaiso"), compatibility forms unified."""
    t = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFKC", "".join(ch for ch in t if not unicodedata.combining(ch)))


@lru_cache(maxsize=1 << 16)  # asked of every name in every claim, and of places by alignment
def entity_key(text: str) -> str:
    """A comparable form of a name: case, accents, articles, possessives and punctuation dropped,
    and metonyms resolved ("Washington" -> "united states"). Accents go because outlets write one
    name with and without them ("Valparaíso" / "Valparaiso")."""
    t = without_accents(text.replace("’", "'")).strip().lower()
    t = re.sub(r"'s$", "", t)
    t = re.sub(r"^(the)\s+", "", t)
    t = re.sub(r"[\"“”()\[\],:;]", " ", t)
    t = " ".join(t.split()).strip(".- ")
    t = _ARABIC_ARTICLE.sub("al-", t)  # "Hamada El-Sawy" / "Hamada al-Sawy": one name transliterated two ways
    t = _LEGAL_FORM.sub("", t)  # "Tesla Inc." / "Tesla": one company with and without its legal form
    return METONYMS.get(t, t)


# A company's legal form after its name, abbreviated ("Inc.", "Corp.", "Ltd", "LLC", "plc"): the company's
# types in org_type_aliases written short
LEGAL_FORMS = frozenset(k for k, v in vocab.table("org_type_aliases").items()
                        if "company" in v.split() and len(k) <= 4) | {"plc", "lp"}
_LEGAL_FORM = re.compile(r"(?<=\w)[,.]?\s+(?:" + "|".join(sorted(LEGAL_FORMS)) + r")\.?$")


_ARABIC_ARTICLE = re.compile(r"(?<![\w-])el-(?=\w)")


@lru_cache(maxsize=1 << 16)  # asked twice for every pair of names alignment compares
def initials(key: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", key) if w and w not in _STOP_NAME_WORDS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


@lru_cache(maxsize=1 << 17)  # alignment asks of the same pairs of names again and again
def same_entity(a: str, b: str) -> bool:
    """Two entity keys name one party: equal, an acronym of the other ("bla" / "balochistan
    liberation army"), a surname of the other ("naqvi" / "mohsin naqvi"; not the place an
    organisation is "of"), or the same initials
    with nearly the same words ("baloch liberation army" / "balochistan liberation army")."""
    if a == b:
        return True
    ia, ib = initials(a), initials(b)
    if (ia and ia == b.replace(".", "")) or (ib and ib == a.replace(".", "")):
        return True
    wa, wb = _without_suffix(a.split()), _without_suffix(b.split())
    if wa == wb and wa:
        return True  # "roland butler jr" / "roland butler"
    if len(wa) == 1 and len(wb) > 1 and wa[0] == wb[-1] and len(wa[0]) > 3 and not _OF_WORDS.intersection(wb):
        return True
    if len(wb) == 1 and len(wa) > 1 and wb[0] == wa[-1] and len(wb[0]) > 3 and not _OF_WORDS.intersection(wa):
        return True
    if ia and ia == ib and len(wa) == len(wb):
        from rapidfuzz import fuzz

        return fuzz.ratio(a, b) >= 80
    return False


_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# words that join an organisation's name to what it is of or for: "russia" is no surname of the
# "investigative committee of russia", nor "england" of the "bank of england"
_OF_WORDS = frozenset({"of", "for", "the", "and", "on", "in"})


def _without_suffix(words: list[str]) -> list[str]:
    """A person's name words without a generational suffix ("butler jr" -> "butler")."""
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return words


def overlap(xs: Sequence[str], ys: Sequence[str]) -> bool:
    return any(same_entity(x, y) for x in xs for y in ys)


# --------------------------------------------------------------------------- fact units


def fact_units(doc) -> list[tuple[int, int]]:
    """Character ranges (in the parsed text) of the separate facts of one sentence.

    A coordinated clause with its own subject ("..., and they responded by killing 21 militants")
    or a contrastive "while" clause is cut off when it ends or begins the sentence, so each piece
    stays one contiguous span; both pieces must still read as claims."""
    units = [(0, len(doc))]  # token ranges
    cuts = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.head.i == tok.i:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
        if tok.dep_ == "conj" and own_subject and tok.head.pos_ in ("VERB", "AUX"):
            cuts.append(tok)
        elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRASTIVE_MARKS for c in tok.children):
            cuts.append(tok)
        elif tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB" and tok.left_edge.i > 0 \
                and doc[tok.left_edge.i - 1].text == "," and tok.left_edge.i == tok.i \
                and any(c.dep_ == "dobj" for c in tok.children) and _own_fact(tok):
            cuts.append(tok)  # "The Senate voted 52-47 ..., sending the measure to the House before ..."
    for tok in sorted(cuts, key=lambda t: t.left_edge.i):
        for k, (a, b) in enumerate(units):
            lo, hi = tok.left_edge.i, tok.right_edge.i + 1
            if not (a <= lo and hi <= b):
                continue
            tail = b
            while tail > hi and doc[tail - 1].is_punct:
                tail -= 1
            if hi == tail and lo > a:  # the clause ends the unit
                head_end = lo
                while head_end > a and (doc[head_end - 1].is_punct or doc[head_end - 1].dep_ == "cc"):
                    head_end -= 1
                pieces = [(a, head_end), (lo, b)]
            elif lo == a and hi < b:  # the clause begins the unit
                rest = hi
                while rest < b and (doc[rest].is_punct or doc[rest].dep_ == "cc"):
                    rest += 1
                pieces = [(a, hi), (rest, b)]
            else:
                continue
            if all(_reads_as_claim(doc[x:y]) for x, y in pieces):
                units[k:k + 1] = pieces
            break
    out = []
    for a, b in units:
        span = doc[a:b]
        out.append((span.start_char, span.end_char))
    return out


def _own_fact(tok) -> bool:
    """A trailing participle clause states its own fact when it is not the outcome of the main clause
    ("gunmen attacked police, killing at least 10 people" is one fact with its toll)."""
    from auditor.read.counts import OUTCOMES

    if tok.lemma_.lower() in REPORTING_VERBS:
        return False  # "..., citing the sheriff's office": a credit, not a fact
    return tok.lemma_.lower() not in OUTCOMES and not any(
        t.like_num and t.lower_ != "one" and t.ent_type_ not in ("DATE", "TIME") for t in tok.subtree)


def _reads_as_claim(span) -> bool:
    return is_claim_like(span.text) and any(t.pos_ in ("VERB", "AUX") for t in span)


# --------------------------------------------------------------------------- features of a claim


def _main_predicate(tokens) -> tuple[Optional[object], Optional[object]]:
    """(predicate token, reporting verb token): past "X said (that) ..." to what X said."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    roots = [t for t in roots if t.pos_ in ("VERB", "AUX")] or roots
    if not roots:
        return None, None
    root = roots[0]
    if root.lemma_.lower() in REPORTING_VERBS:
        inner = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i in ids]
        if inner:
            return inner[0], root
    return root, None


def _attribution_tokens(tokens) -> set[int]:
    """Token indices of credit phrases ("according to X", "cited by X", "X reported"), which name
    who says it, not who took part."""
    out: set[int] = set()
    for t in tokens:
        lemma = t.lemma_.lower()
        if lemma == "accord" or (t.lower_ == "according"):
            out.update(x.i for x in t.subtree)
        if lemma in ("cite", "quote") and t.tag_ in ("VBN", "VBG"):  # "cited by X", "citing X"
            out.update(x.i for x in t.subtree)
        if lemma == "report" and t.dep_ in ("ROOT", "parataxis", "conj"):
            for c in t.children:
                if c.dep_ == "nsubj":
                    out.update(x.i for x in c.subtree)
    return out


def _named_only_in_credit(names: Sequence[str], tokens) -> tuple[str, ...]:
    """The names whose every mention among `tokens` describes who says the claim
    (`figure_scope.describes_the_source`: "..., said Prashant Kumar, the director general of police in
    Uttar Pradesh", "the government in Damascus said"): a place there is where the speaker works, not
    where the claim's figures hold."""
    out = []
    for name in names:
        starts = [t for t in tokens if t.text == name.split()[0] and t.doc.text[t.idx:t.idx + len(name)] == name]
        if starts and all(describes_the_source(t, phrases=True) for t in starts):
            out.append(name)
    return tuple(out)


def _corrects_a_part(predicate, neg) -> bool:
    """A negation that corrects a part of the clause, not the act: "were not accused of pocketing the
    money but rather of using it to pay staff" (accused all the same), "not only ... but also". A
    "but" joining the clauses themselves ("did not die but was injured") leaves the act denied."""
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    if nxt is not None and nxt.lower_ == "only":
        return True
    return any(t.dep_ == "cc" and t.lower_ == "but" and t.head.i != predicate.i and t.i > neg.i
               for t in predicate.subtree)


# Small words inside place names of many languages ("Rio Grande do Sul", "Bay of Plenty").
_PLACE_NAME_JOINERS = vocab.words("name_particles") | {"of"}


def unnamed_places(tokens, credit: set[int] = frozenset()) -> list[str]:
    """Places of several words the NER model leaves unnamed ("in Brazil's southern Rio Grande do Sul
    state", "Minas Gerais"): capitalised runs outside any entity that the gazetteer knows by that very
    name as a country, province or state (not towns, whose index is large and whose names are as often
    a park's or a person's: "Hyde Park")."""
    found = []
    run: list = []
    for t in [*tokens, None]:
        named = t is not None and not t.ent_type_ and t.i not in credit
        if named and t.is_title and t.pos_ == "PROPN":
            run.append(t)
            continue
        if named and run and t.lower_ in _PLACE_NAME_JOINERS and t.text.islower():
            run.append(t)
            continue
        while run and not run[-1].is_title:
            run.pop()
        if sum(x.is_title for x in run) >= 2 and not _ends_a_name(run[0]):
            name = run[0].doc[run[0].i:run[-1].i + 1].text
            place = places.resolve(name, towns=False)
            if place is not None and places.folded(place.name) == places.folded(name):
                found.append(name)
        run = []
    return found


def _ends_a_name(first) -> bool:
    """The place ends a body's name ("the Investigative Committee of the Russian Federation",
    "University of Sao Paulo"): a capitalised word, "of" and maybe "the" before it."""
    k = first.i - 1
    doc = first.doc
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].is_title


def features(doc, start_char: int, end_char: int) -> dict:
    """Places, participants, subject, predicate and negation of the claim at [start_char, end_char)."""
    tokens = [t for t in doc if start_char <= t.idx < end_char]
    credit = _attribution_tokens(tokens)
    ids = {t.i for t in tokens}
    places: list[str] = []
    entities: list[str] = []
    place_roots: set[int] = set()
    named = [(e, e.root) for e in doc.ents if e.label_ in _ENTITY_LABELS]  # doc.ents and Span.root are rebuilt per access
    for e, root in named:
        if e.start not in ids or e.start in credit:
            continue
        locative = (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE) or \
                   (root.dep_ in ("compound", "appos") and root.head.dep_ == "pobj" and root.head.head.lower_ in _LOCATIVE) or \
                   (root.dep_ == "poss" and root.head.lemma_.lower() in ("province", "district", "city", "region", "capital"))
        name = place_name(e.text)
        if is_zone_word(e.text) or is_unit_word(e.text):
            continue  # "at around 15:15 GMT", "(125 Fahrenheit)": a clock or a unit, not a place
        if not locative and root.dep_ in ("compound", "nmod") and root.head.ent_type_ == "PERSON":
            continue  # "Southern District of New York Judge Lewis Kaplan": a part of a person's title
        if e.label_ in _PLACE_LABELS and (locative or e.label_ in ("LOC", "FAC")):
            places.append(name)
            place_roots.add(root.i)
        elif locative and e.label_ in ("ORG", "PERSON", "PRODUCT") and len(e) <= 2 and root.pos_ == "PROPN":
            places.append(name)  # the small NER model often calls a small town a person or an organisation
            place_roots.add(root.i)
        else:
            key = entity_key(e.text)
            if key and not re.fullmatch(r"[\W\d_]*", key):
                entities.append(key)
    places.extend(unnamed_places(tokens, credit))
    predicate, reporting = _main_predicate(tokens)
    actors: list[str] = []
    negated = False

    def names_in(phrase) -> list[str]:
        lo, hi = phrase.left_edge.i, phrase.right_edge.i
        return [entity_key(e.text) for e, root in named if root.i not in place_roots and lo <= root.i <= hi]

    if predicate is not None:
        subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        for subject in subjects:
            if subject.dep_ != "nsubjpass":  # "Bankman-Fried was sentenced": he undergoes the act, the judge does it
                actors.extend(names_in(subject))
        negated = any(c.dep_ == "neg" and not _corrects_a_part(predicate, c) for c in predicate.children) \
            or predicate.lemma_.lower() in DENIAL_VERBS
        negated = negated or any(c.dep_ == "det" and c.lower_ == "no" for s in subjects for c in s.children) \
            or any(s.lower_ in ("nobody", "none", "no-one") for s in subjects)
    in_names = {i for e, _ in named for i in range(e.start, e.end)}
    terms = [t.lemma_.lower() for t in tokens
             if t.pos_ in ("NOUN", "VERB", "ADJ") and t.i not in in_names and t.i not in credit and not t.is_stop
             and t.lemma_.isalpha() and len(t.lemma_) > 2 and t.lemma_.lower() not in _LIGHT_WORDS]
    return {
        "terms": tuple(dict.fromkeys(terms)),
        "places": tuple(dict.fromkeys(places)),
        "source_places": _named_only_in_credit(tuple(dict.fromkeys(places)), tokens),
        "entities": tuple(dict.fromkeys(entities)),
        "actors": tuple(dict.fromkeys(a for a in actors if a)),
        "predicate": predicate.lemma_.lower() if predicate is not None else None,
        "negated": negated,
    }


def mark_quoted(claims: Sequence[Claim], quotes: Sequence) -> tuple[Claim, ...]:
    """Claims with `quoted` set where direct quotes (model.Quote, with article offsets) cover at least
    half of the claim: what someone said, rather than what the outlet states."""
    by_article: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        by_article.setdefault(q.article, []).append((q.start, q.end))
    out = []
    for c in claims:
        # only the quotes that reach into the claim count or cover any of its characters
        reach = max(c.end, c.start + len(c.text))
        spans = [(s, e) for s, e in by_article.get(c.article, ()) if s < reach and e > c.start]
        covered = sum(max(0, min(e, c.end) - max(s, c.start)) for s, e in spans)
        quoted = covered * 2 >= max(1, c.end - c.start) or (covered > 0 and _is_attribution(_outside(c, spans))) \
            or quoted_text(c.text)
        out.append(replace(c, quoted=quoted) if quoted != c.quoted else c)
    return tuple(out)


def _outside(claim: Claim, spans: Sequence[tuple[int, int]]) -> str:
    """The claim's characters that no span (article offsets) covers."""
    return "".join(ch for k, ch in enumerate(claim.text, claim.start) if not any(s <= k < e for s, e in spans))


_QUOTE_MARKS = "\"“”"
_QUOTE_MARK = re.compile("([\"“”])")


def quoted_text(text: str) -> bool:
    """Whether a text is mostly quoted speech (a text-only fallback): at least half of it sits
    between quotation marks, or all that does not is a short attribution ("“We’ll be fine,” the
    speaker said.")."""
    if not any(mark in text for mark in _QUOTE_MARKS):
        return False  # nothing inside quotation marks
    inside, depth_open, total = 0, False, 0
    outside: list[str] = []
    # runs of text between quotation marks (odd pieces are the marks); a run's visible characters
    # are what is left without its whitespace (str.split and str.isspace agree on whitespace)
    for k, piece in enumerate(_QUOTE_MARK.split(text)):
        if k % 2:
            depth_open = (not depth_open) if piece == '"' else (piece == "“")
            outside.append(" ")
            continue
        if not depth_open:
            outside.append(piece)
        visible = len("".join(piece.split()))
        total += visible
        inside += visible if depth_open else 0
    if total == 0 or inside == 0:
        return False
    return inside * 2 >= total or _is_attribution("".join(outside))


_ATTRIBUTION_WORDS = re.compile(r"\b(said|says|say|told|tells|wrote|writes|added|adds|asked|posted|tweeted|"
                                r"according to|in a statement)\b", re.I)


def _is_attribution(rest: str) -> bool:
    """The text around a quote only says who said it: a few words with a reporting verb."""
    return len(_WORD.findall(rest)) <= 10 and bool(_ATTRIBUTION_WORDS.search(rest))


def from_sentences(sentences: Iterable[Sentence], docs: Optional[Sequence] = None) -> tuple[Claim, ...]:
    """Claims of the sentences; with their parses (`docs`, one per sentence, parsed from the
    sentence text), sentences are split into fact units and each claim gets its figures and
    participants. A sentence whose units cannot be read (odd text the rules did not foresee) is
    logged and kept whole as one plain claim, never failing the run."""
    sentences = list(sentences)
    seen: dict[str, int] = {}
    out = []
    for k, s in enumerate(sentences):
        if not is_claim_like(s.text):
            continue
        doc = docs[k] if docs is not None else None
        try:
            units = _units(s, doc)
        except Exception:
            log.warning("claims of sentence %d of %s could not be read; kept whole", s.index, s.article, exc_info=True)
            units = [(0, len(s.text), {})]
        previous = docs[k - 1] if docs is not None and k > 0 and sentences[k - 1].article == s.article \
            and sentences[k - 1].index == s.index - 1 else None
        setting = figure_context.anaphoric_setting(doc, previous) if doc is not None else None
        for a, b, extra in units:
            if extra.get("quantities"):
                extra["quantities"] = quantities_stage.with_sides_before(
                    terms.with_holders(extra["quantities"], previous), doc, s.start, previous)
            text = s.text[a:b]
            claim = Claim(id=claim_id(s.article, text, seen), article=s.article, start=s.start + a,
                          end=s.start + b, text=text, sentence=s.index, **{**extra, "quoted": quoted_text(text)})
            out.append(figure_context.set_in(claim, setting) if setting else claim)
    return figure_context.victims_as_whole(figure_context.partial_counts(figure_context.answer_ellipses(out)))


def _units(s: Sentence, doc) -> list[tuple[int, int, dict]]:
    """(start, end, features) of each fact unit of a sentence, offsets within the sentence."""
    if doc is None:
        return [(0, len(s.text), {})]
    out = []
    for a, b in fact_units(doc):
        text = s.text[a:b]
        if text != s.text and not is_claim_like(text):
            continue
        extra = features(doc, a, b)
        corrected: list = []
        extra["quantities"] = quantities_stage.extract(doc, s.start, s.start + a, s.start + b, corrected)
        if corrected:
            extra["corrected"] = tuple(corrected)
        if not extra["quantities"] and not any(t.pos_ in ("VERB", "AUX") for t in doc if a <= t.idx < b):
            continue  # no verb and no figure: a dateline ("PINE HOLLOW, Ore."), a label, a byline
        out.append((a, b, extra))
    return out
