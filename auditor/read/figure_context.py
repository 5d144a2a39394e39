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

RUNNING_VERBS = vocab.words("running_count_verbs")
FORECAST_WORDS = vocab.words("forecast_words")
RELATIVE_TIME = vocab.words("relative_time_words")
PART_MARKERS = vocab.entries("part_markers")
_PART_MARKER = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in PART_MARKERS) + r")\b", re.I)
_TIME_NOUNS = {"day", "week", "month", "year", "quarter", "hour"}
_STATE_PREPOSITIONS = {"after", "following", "for"}
_LOCAL_PLACE = re.compile(r"^\s*(?:[a-z’'-]+\s+){0,3}?(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
_SPACED_DASH = re.compile(r"\s(?:--|—|–)\s|—")

WHOLE_OF = "all of "  # the place of a whole broken down by place: "all of Kunar, Nangarhar"
RUNNING, EARLIER, LATER, FORECAST, BEFORE, PART = ("so far", "earlier", "later", "forecast", "before the change",
                                                   "part of a breakdown")


def window_cues(doc, number_tokens: Sequence, clause_tokens: Sequence) -> list[str]:
    """Words to add to a figure's window from its sentence (see the module's docstring)."""
    first = number_tokens[0]
    ancestors = list(first.ancestors)
    cues: list[str] = []
    if _running(first, ancestors) or _snapshot(first, ancestors, clause_tokens) or _count_under_way(first):
        cues.append(RUNNING)
    moment = _relative_moment(clause_tokens, ancestors)
    if moment:
        cues.append(moment)
    if any(a.lemma_.lower() in FORECAST_WORDS for a in ancestors) or _forecast_sentence(first):
        cues.append(FORECAST)
    if _before_change(doc, first, ancestors):
        cues.append(BEFORE)
    return cues


_COUNTING = {"count", "tally"}


def _count_under_way(first) -> bool:
    """The sentence gives the figure while a count is under way ("with 85% of the ballots counted",
    "As vote counting continued ..."): a partial result, which the next report will have moved, as
    a toll does. A count already made ("officials counted 52 bodies") is no such cue."""
    for t in first.sent:
        if t.lemma_.lower() not in _COUNTING and t.lower_ != "counting":
            continue
        if t.i > 0 and t.doc[t.i - 1].lower_ in ("not", "without"):
            continue  # "73 dead, not counting the attackers": what the count leaves out
        counter = any(c.dep_ in ("nsubj", "nsubjpass") and not any(x.like_num for x in c.subtree) for c in t.children)
        if t.lower_ == "counting" or t.tag_ in ("VBN", "VBD") and not counter:
            return True  # "97 percent of the ballots counted" (read as VBD too): nobody is said to count
    return False


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
    trapped", "143 people trapped as of 10 p.m.", "still missing"."""
    if any(a.lemma_.lower() in _SNAPSHOT_VERBS for a in ancestors[:3]):
        return True
    words = [t.lower_ for t in clause_tokens]
    return any(words[k] == "as" and words[k + 1] == "of" for k in range(len(words) - 1)) or "still" in words


def _relative_moment(clause_tokens, ancestors) -> Optional[str]:
    """EARLIER or LATER when the figure's clause is placed before or after another report."""
    held = {a.i for a in ancestors}
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
    if re.search(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?\W?$", before) \
            and (re.match(r"^[^;]{0,40}?\bto\b", doc.text[first.idx:]) or re.search(r"\bto\s+\W?\d[^;]{0,50}$", before)):
        return True  # "from 3.9% to 3.8%", "dropped to 3.8% in March from 3.9% in February"
    for a in ancestors[:5]:
        if a.lemma_.lower() in _TIME_NOUNS and a.head.lower_ in _STATE_PREPOSITIONS and a.head.dep_ == "prep":
            return True
    return False


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
        if _PART_MARKER.search(between) or _PART_MARKER.search(last_whole) \
                or (between.count("(") > between.count(")")) or _SPACED_DASH.search(last_whole):
            part_ids.add(id(q))
    # a breakdown after a dash that follows a noun rather than a number: "The fatalities -- four in A, two in B"
    dash = _SPACED_DASH.search(text)
    if dash:
        after = [q for q in counts if q.start - base > dash.start() and _unspecific(q.category)]
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


def _same_measure(part: Quantity, whole: Quantity) -> bool:
    """A part counts the same measure as its whole when it names no narrower group than the whole
    ("14 troops, including ten soldiers": security both; "632 deaths, 290 in A": total both)."""
    return part.category == whole.category or _unspecific(part.category)


def _unspecific(category: Optional[str]) -> bool:
    """A category that names no group: "killed:total", "killed", None."""
    return not category or category.split(":")[-1] in ("total", category.split(":")[0])


_RETRACTED = re.compile(r"(?:\bnot|\brather than|\binstead of|\bcorrected from)\s+(?:the\s+|as\s+many\s+as\s+)?\W?$", re.I)


def without_retracted(text: str, base: int, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The figures less those the sentence sets aside for another figure ("the toll is 275 and not
    288", "275 rather than 288 as first reported"): the article does not state them."""
    out = []
    for k, q in enumerate(quantities):
        before = text[: q.start - base]
        if _RETRACTED.search(before) and any(p.end <= q.start and p.unit == q.unit for p in quantities[:k]):
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
            if _bare(q):
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


_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?([^,;()]+?)\s*(?:[,;()]|$)", re.I)


def _credit_in(text: str) -> Optional[str]:
    """The party a stretch of text credits a figure to: "according to the police" -> "police"."""
    m = _ACCORDING.search(text)
    return m.group(1).strip() if m else None


def _bare(q: Quantity) -> bool:
    """A number that says nothing of what it counts."""
    return q.category is None and q.counted is None and q.unit is None and q.value is not None and not q.vague
