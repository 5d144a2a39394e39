"""Figures in a claim as intervals, with what they count, where, and over what time window.

Why intervals: news figures come hedged ("at least 23", "more than 70", "nearly 50", "dozens"),
and two reports only contradict each other when their intervals cannot both hold. Why the parse:
what a number counts ("security personnel"), what happened to it (killed, injured, torched)
and when ("on Saturday", "over the past 48 hours", "in total") sit in the dependency tree around
the number, not at a fixed distance in the text.

Categories are "<outcome>:<group>", e.g. ``killed:security``, ``killed:civilians``,
``injured:total``, ``burned:vehicles``; a group alone (``militants``) when nothing happened to it
that the lexicon knows. For outcomes that befall a whole population (evacuations) the outcome
decides and residents and people are one group. The lexicons (auditor/vocab/counted_groups.tsv,
outcome_words.tsv, money_classes.tsv) are general news vocabulary, not words of one story.

Besides counts, a claim states figures with a unit (``Quantity.unit``), each compared only with
figures of the same unit:
- tallies ("voted 52-47", "a 6-3 ruling", "314 to 117"): one figure of two numbers, ``tally``;
- sums of money ("nearly $1.2 trillion"), classed by what they pay for (``money:bill``,
  ``money:aid``, ``money:change:spending`` for "raise spending by $38 billion"); a figure written with a
  scale word stands for its rounding interval ("$1.2 trillion" is 1.15 to 1.25 trillion);
- measures converted to one unit per dimension: speeds in mph ("50 miles per hour", "80 km/h"),
  areas in acres ("5,000 hectares"), shares in percent, each with what it measures
  (``speed:wind``, ``burned:area``, ``percent:contain``);
- points in time a claim states as facts: the end of a period ("open through Jan. 29",
  "through the end of January": ``time:until``) and clock times or deadlines ("before a
  midnight Friday deadline": ``time:at``), as hours of the story's week or days of the year.
Figures inside a conditional clause ("If the House fails to act by midnight Friday, ...") are
hypotheses and are left out.

Some counts are measures of a thing rather than of what befell people: a document's length in pages
("a 93-page opinion": ``length:judgment``), a place's population ("home to about 100,000 people":
``population``), and a crowd (``crowd:total``: protesters, an audience), an estimate of one place on one day that
counters (police, organisers) give differently. A figure's own phrase can date it ("the 1.27
million estimated ... on January 31") and credit it ("2.8 million (according to the unions)":
``Quantity.credited``).

The parts live in their own modules: figure_spans (a number and its unit in the parse), counts
(what is counted and what befell it), amounts (what a sum or measure is of), figure_scope (the
figure's clause, time window, place and credit), dates (points in time), figure_context (the
figure's moment and standing); this module puts them together.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Optional, Sequence

from auditor.model import Quantity
from auditor.read import dates, durations, figure_context, measures, terms
from auditor.read.numbers import half_step
from auditor.read.amounts import (held_by_the_side_before, measure_category, measured_thing, members_total, money_category, per_member,
                                  holder_key, recipient, vote_holder)
from auditor.read.counts import CROWD, HELD_COUNTS, OUTCOMES, as_crowd, count_category, counted_head, counted_text
from auditor.read.figure_scope import (COMPARISON_WORDS, antecedent_time, clause_root, figure_credit, own_branch,
                                       place_of, scope_tokens, time_window)
from auditor.read.figure_spans import (NumberSpan, counts_of_one, currency_carried, number_at, qualifier_after,
                                       qualifier_before)
from auditor.read.intervals import _CURRENCIES, interval, qualifier_kind

# Counts that are estimates of a crowd, for one place and one day: a city's crowd is a part of the
# nation's, and a movement's crowds of different days are different crowds (see align).
ESTIMATED_OUTCOMES = {CROWD}
UNHELD_SHARES = ("percent:share", "percent:vote share")  # a share of the vote read without its side ("a 43.3% vote share")


def side_unread(category: Optional[str]) -> bool:
    """A count or a share that a side holds, read without its side ("The party won 240 seats", "the
    alliance secured a 43.3% vote share")."""
    return category in HELD_COUNTS or category in UNHELD_SHARES


def with_sides_before(quantities: Sequence[Quantity], doc, base: int, previous) -> tuple[Quantity, ...]:
    """Counts and shares a side holds, read without the side, whose clause has a pronoun for subject
    take the side the sentence before is about: "The BJP fell short. It won 240 seats" (seats:bjp).
    `doc` is the sentence's parse, beginning at article offset `base`; `previous`, the sentence
    before's."""
    out = []
    for q in quantities:
        if side_unread(q.category):
            number = next((t for t in doc if base + t.idx >= q.start), None)
            side = held_by_the_side_before(number, previous) if number is not None else None
            if side:
                q = replace(q, category=f"{q.category.split(':')[0]}:{side}")
        out.append(q)
    return tuple(out)


def extract(doc, base: int, start: int = 0, end: Optional[int] = None,
            corrected: Optional[list] = None) -> tuple[Quantity, ...]:
    """The figures of `doc` (a spaCy parse of text that begins at article offset `base`) whose
    number lies in article offsets [start, end): counts, tallies ("52-47"), measures with a unit
    (money, speeds, areas, percentages) and the points in time a claim states ("through Jan. 29",
    "at midnight Friday"). Years, bare dates, ordinals, and durations ("48 hours") are left out, and
    figures the sentence sets aside as wrong ("78 and not 79") go to `corrected` instead."""
    text = doc.text  # joined from the tokens on every access
    end = base + len(text) if end is None else end
    spans: list[NumberSpan] = []
    used: set[int] = set()
    for tok in doc:
        if tok.i in used or not (start <= base + tok.idx < end):
            continue
        found = number_at(doc, tok)
        if found is None:
            continue
        used.update(range(found.first, max(found.last, found.unit_end or found.last) + 1))
        spans.append(found)
    if spans:
        spans = sorted(spans + [n for n in counts_of_one(doc, spans) if start <= base + doc[n.first].idx < end],
                       key=lambda n: n.first)
        spans = currency_carried(doc, spans)
    out: list[Quantity] = []
    baselines: list[int] = []
    for num in spans:
        others = [doc[n.value_first] for n in spans if n is not num]
        q = _build(doc, text, base, num, others)
        if q is not None and q.unit in _CURRENCIES and per_member(doc, num):
            # "$4 million each" for two sons is $8 million for both: the sum for each is never the
            # figure of the whole, which is the sum times the members counted, when they are
            total = members_total(doc, num, q)
            q = replace(q, category=f"{q.category}:each")
            if total is not None:
                out.append(total)
        if q is not None:
            if q.category is None and q.counted is None and q.unit is None and _compared_with(doc[num.last]):
                baselines.append(len(out))
            out.append(q)
    out = [_with_noun(q, doc, base) if q.text.lower() in ("a", "an") else q for q in out]
    out = _respectively(_held_in_a_list(out, doc, base), doc, base)
    out = _shares_restated_as_counts(_without_conversions(_baselines_take_their_kind(out, baselines), text, base),
                                     text, base)
    out = figure_context.parts_and_wholes(text, base, figure_context.without_retracted(text, base, out, corrected))
    out.extend(dates.times(text, base, start, end))
    out.extend(dates.event_dates(doc, base, start, end))
    out.extend(terms.terms(doc, base, start, end))
    out.extend(terms.maximum_terms(doc, base, start, end))
    out.extend(durations.durations(doc, base, start, end))
    if out:  # most claims have no figure: no conditional clause to look for
        conditions = _conditional_ranges(doc) + _quoted_names(doc)
        out = [q for q in out if not any(a <= q.start - base < b for a, b in conditions)]
    return _inherit_groups(tuple(sorted(out, key=lambda q: q.start)))


_RESTATED_AS = re.compile(r"^\s*(?:of\s+(?:the\s+)?votes?\s*)?,?\s*or\s+"
                          r"(?:a\s+total\s+of\s+|about\s+|some\s+|nearly\s+)?$", re.I)


def _held_in_a_list(out: list[Quantity], doc, base: int) -> list[Quantity]:
    """A list of sides' counts written after one of them, each bare number after its side's name
    ("CDU will receive 208 seats, AfD — 151, SPD — 121"; "the most seats (164), followed by the AfD
    (152), SPD (120)"; "With 648 of the 650 seats declared, Labour has won 412, Conservatives 121"):
    each is that side's count of the same kind ("seats:afd")."""
    kind = None
    sentence = None
    held_out = []
    for q in out:
        held_out.append(q)
        first = doc.char_span(q.start - base, q.end - base, alignment_mode="expand")
        if first is None:
            continue
        if first.sent.start != sentence:
            kind, sentence = None, first.sent.start
        held = (q.category or "").split(":", 1)[0]
        if held in HELD_COUNTS and q.unit is None:
            kind = held
            continue
        if kind is None or q.category is not None or q.unit is not None or q.low != q.high:
            continue
        name = figure_context.name_set_off_before(first[0]) or figure_context.name_listed_before(first[0])
        if name is not None:
            held_out[-1] = replace(q, category=f"{kind}:{_side_key(name)}", counted=name.text)
    return held_out


def _respectively(out: list[Quantity], doc, base: int) -> list[Quantity]:
    """Figures listed "respectively" against a list of as many outcomes or sides, each the item's
    in order: "The number of deaths and injuries is 32 and 108, respectively" (32 killed, 108
    injured); "The Greens and the Left Party are next, with 11,6% and 8,8% of voters, respectively"
    (the Greens' share, the Left Party's)."""
    if not out or "respectively" not in doc.text.lower():
        return out
    out = list(out)
    for sent in doc.sents:
        if not any(t.lower_ == "respectively" for t in sent):
            continue
        lo, hi = sent.start_char + base, sent.end_char + base
        listed = [k for k, q in enumerate(out) if lo <= q.start < hi and q.unit in (None, "percent")
                  and q.value is not None and (q.category or "").split(":", 1)[0] not in ("date", "time")]
        numbers = {t.i for k in listed for t in doc.char_span(out[k].start - base, out[k].end - base,
                                                              alignment_mode="expand") or ()}
        items = next((chain for chain in map(_conjoined, sent) if chain and len(chain) == len(listed)
                      and not numbers.intersection(t.i for t in chain)), None)
        if items is None or len(listed) < 2:
            continue
        for k, item in zip(listed, items):
            q = out[k]
            if q.unit == "percent":
                name = doc[item.left_edge.i if item.left_edge.lower_ != "the" else item.left_edge.i + 1:item.i + 1]
                out[k] = replace(q, category=f"percent:{_side_key(name)}")
            elif OUTCOMES.get(item.lemma_.lower()):
                out[k] = replace(q, category=as_crowd(f"{OUTCOMES[item.lemma_.lower()]}:total"), counted=item.text)
    return out


def _conjoined(tok) -> list:
    """A noun and the nouns conjoined to it, in order ("deaths and injuries"), when it heads such a list."""
    if tok.dep_ == "conj" or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    chain, node = [tok], tok
    while True:
        nxt = next((c for c in node.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if nxt is None:
            break
        chain.append(nxt)
        node = nxt
    return chain if len(chain) > 1 else []


def _side_key(name) -> str:
    """One key for a side named in a list, as `holder_key` gives it, or from the words when the
    tagger did not tag the name ("AfD", "the Left Party" -> "lp")."""
    words = [t.lower_ for t in name if t.lower_ != "the"]
    from auditor.read.claims import initials  # claims reads its figures through this module
    return holder_key(name[-1]) or (words[0] if len(words) == 1 else initials(" ".join(words)))


def _shares_restated_as_counts(out: list[Quantity], text: str, base: int) -> list[Quantity]:
    """A count of votes that restates the share before it ("56%, or a total of 545,334 votes",
    "44% of votes, or 428,530 votes") is the votes of that share's holder."""
    for k in range(1, len(out)):
        q, share = out[k], out[k - 1]
        if q.category == "votes" and share.unit == "percent" and (share.category or "").startswith("percent:") \
                and _RESTATED_AS.match(text[share.end - base:q.start - base]):
            out[k] = replace(q, category="votes:" + share.category.split(":", 1)[1])
    return out


CONVERSION_TOLERANCE = 0.02  # a conversion rounds its figure: "300 metres (985 feet)", "49C (120F)"


def _without_conversions(out: list[Quantity], text: str, base: int) -> list[Quantity]:
    """The figures without the conversions of a measure written just after it in brackets ("51.8
    degrees Celsius (125 Fahrenheit)", "300 meters (985 feet)"): one figure, read once, so that no
    finding sets a figure against itself in other units."""
    kept: list[Quantity] = []
    for q in out:
        prev = kept[-1] if kept else None
        if prev is not None and q.unit is not None and q.unit == prev.unit and q.unit not in ("tally", "percent") \
                and q.value and prev.value and text[prev.end - base:q.start - base].strip() == "(" \
                and abs(q.value - prev.value) <= max(CONVERSION_TOLERANCE * abs(prev.value), 2 * (written_half_step(q) or 0)):
            continue
        kept.append(q)
    return kept


_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def written_half_step(q: Quantity) -> Optional[float]:
    """Half the step of the last digit the figure is written to, in the unit it was read into
    ("300 metres": half a metre, in miles; "15 miles": half a mile): what the written digits round
    from. None when the text gives no number to read it from."""
    m = _WRITTEN_NUMBER.search(q.text)
    digits = m.group(0).replace(",", "") if m else ""
    written = float(digits) if digits.replace(".", "", 1).isdigit() else None
    if not written or not q.value:
        return None
    return half_step(digits) * abs(q.value) / written


def _with_noun(q: Quantity, doc, base: int) -> Quantity:
    """A count of one written with the article ("a synagogue"): its text runs to the noun it counts."""
    det = next((t for t in doc if base + t.idx == q.start), None)
    if det is None or det.head.i <= det.i:
        return q
    noun = det.head
    end = base + noun.idx + len(noun.text)
    return replace(q, end=end, text=doc.text[q.start - base:end - base])


def _compared_with(number) -> bool:
    """A bare number that is the other side of a comparison: "a figure it said compared to 2.5
    million on January 31", "more than the 1.27 million estimated"."""
    node = number
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in COMPARISON_WORDS or node.lemma_.lower() == "compare":
            return True
    return False


def _baselines_take_their_kind(out: list[Quantity], baselines: list[int]) -> list[Quantity]:
    """A bare number compared with a count is a count of the same kind (its own window and place
    are kept): "3.5 million protesters nationwide ... compared to 2.5 million on January 31"."""
    if not baselines:
        return out
    kinds = {q.category for k, q in enumerate(out) if k not in baselines and q.category and q.unit is None
             and not is_physical_measure(q.category)}
    if len(kinds) != 1:
        return out
    kind = kinds.pop()
    return [replace(q, category=kind) if k in baselines else q for k, q in enumerate(out)]


_CONDITIONAL_MARKS = {"if", "unless", "whether"}


_SHORT_QUOTE = re.compile(r"[\"\u201c\u2018]([^\"\u201c\u201d\u2018\u2019\n]{1,40})[\"\u201d\u2019]")
NAME_QUOTE_WORDS = 6  # a quotation this short, without a verb or a noun it counts, is a name: a slogan


def _quoted_names(doc) -> list[tuple[int, int]]:
    """Character ranges of short quoted phrases without a verb or a common noun ("15 for 15"): a
    slogan's numbers are words of a name, not figures ("12 people" in quotes is a figure)."""
    out = []
    for m in _SHORT_QUOTE.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and len(span) <= NAME_QUOTE_WORDS \
                and not any(t.pos_ in ("VERB", "AUX", "NOUN") for t in span):
            out.append((m.start(1), m.end(1)))
    return out


def _conditional_ranges(doc) -> list[tuple[int, int]]:
    """Character ranges of conditional clauses ("If the House fails to act by midnight Friday, ..."):
    their figures are hypotheses, not reports."""
    out = []
    for tok in doc:
        if tok.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children)
                                    or _inverted_condition(tok)):
            out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)))
    return out


_INVERTED_CONDITIONS = {"had", "were", "should"}


def _inverted_condition(clause) -> bool:
    """A condition without "if", its auxiliary first ("Had the vote remained tied at 215-215, it would
    have failed"; "Were the toll to rise ..."): a hypothesis, as an "if" clause is."""
    first = clause.left_edge
    return first.lower_ in _INVERTED_CONDITIONS and first.dep_ in ("aux", "auxpass") and first.head.i == clause.i \
        and first.i < clause.i and (first.i == 0 or first.nbor(-1).is_punct)


def _build(doc, text: str, base: int, num: "NumberSpan", others: list = ()) -> Optional[Quantity]:
    """One figure read whole from its number: its interval, what it counts or measures, and its clause's
    window, place and credit (`others`: the other figures' first tokens, kept out of its scope)."""
    first, last, low, high, vague = num.number_first, num.last, num.low, num.high, num.vague
    qualifier, q_start = (None, num.first) if vague else qualifier_before(doc, num.first)
    end_tok = doc[num.unit_end] if num.unit_end is not None else doc[last]
    span_end = end_tok
    if qualifier is None and not vague and low == high and num.unit != "tally":
        qualifier, after = qualifier_after(doc, end_tok.i)  # "put the death toll at 100 or more"
        span_end = doc[after]
    value = None if vague else (low if low == high else None)
    if vague:
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, True
    elif low != high:
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, False
    elif num.unit == "tally":
        lo, hi, lo_inc, hi_inc, approx = low, high, True, True, False
    elif qualifier is None and num.half:
        lo, hi, lo_inc, hi_inc, approx = low - num.half, low + num.half, True, False, True
    else:
        lo, hi, lo_inc, hi_inc, approx = interval(low, qualifier)
    number_tokens = list(doc[first:last + 1])
    head = counted_head(doc, first, last)
    if num.unit is not None and num.unit_end is not None:
        head = doc[num.unit_end]  # "50 miles per hour": the unit, not the wind, is what the number counts
    counted, heads = counted_text(head)
    party = None
    if num.unit in _CURRENCIES:
        category, counted = money_category(doc, first, last, head)
        party = recipient(doc, last, head)
        # the one party a sum is for says which sum it is, whatever noun names it ("the $26.4 billion bill
        # to support Israel", "$26 billion for Israel", "23 billion for Israel" in a list of sums)
        category = f"money:for {party}" if party else category
    elif num.unit is not None:
        category = measure_category(doc, num, head)
        if category and category.startswith("speed") and qualifier_kind(qualifier) == "max" and value is not None:
            lo = hi = value  # "winds of up to 160 kph": the peak the winds reached, not a bound on them
    else:
        category = count_category(doc, head, heads, last)
        holder = vote_holder(head) if category in HELD_COUNTS else None
        category = f"{category}:{holder}" if holder else category
    root = clause_root(head if head is not None else doc[last])
    tokens = scope_tokens(root, number_tokens, others, head)
    timed = scope_tokens(root, number_tokens, others, head, strict=True)
    window = time_window(doc, tokens, head, number_tokens, own_branch(root, timed, number_tokens))
    setting = antecedent_time(root)
    if setting:
        window = "; ".join(dict.fromkeys(setting + [w for w in (window or "").split("; ") if w]))
    cues = figure_context.window_cues(doc, number_tokens, tokens, num.unit)
    # (a sum for one party is that party's wherever it is spent: "to help Ukraine's war" places nothing)
    place = place_of(doc, tokens, number_tokens, count=num.unit is None) if party is None else None
    member = figure_context.named_member(number_tokens)
    if member is not None and figure_context.member_is_place(member):
        # "Limpopo (74%), Eastern Cape (63%)": each figure is its own place's, one of a breakdown
        # when the sentence lists several places so
        place = member.text
        if figure_context.in_list(member):
            cues = [c for c in cues if c not in (figure_context.PART, figure_context.PER_MEMBER)] \
                + [f"{figure_context.PART} in {place}"]
    if cues:
        window = "; ".join(dict.fromkeys([w for w in (window or "").split("; ") if w] + cues))
    s = doc[q_start].idx
    e = span_end.idx + len(span_end.text)
    if category is None or num.unit == "miles":
        measure = measures.measure_of(text, doc[first].idx, e, num.unit, value)
        if measure is not None:
            category, of = measure
            if category == "length":
                thing = measured_thing(end_tok)
                category, counted = (f"length:{thing.lemma_.lower()}", thing.text) if thing is not None else (None, counted)
            elif of:
                counted = of
    return Quantity(start=base + s, end=base + e, text=text[s:e], value=value, low=lo, high=hi,
                    low_inclusive=lo_inc, high_inclusive=hi_inc, approximate=approx, vague=vague,
                    counted=counted or None, category=category, place=place, window=window,
                    unit=num.unit, second=num.second, credited=figure_credit(number_tokens, head))


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


# --------------------------------------------------------------------------- kinds of category


def is_estimate(category: Optional[str]) -> bool:
    """Whether a category counts an estimated crowd (see ESTIMATED_OUTCOMES)."""
    return bool(category) and category.split(":")[0] in ESTIMATED_OUTCOMES


def is_physical_measure(category: Optional[str]) -> bool:
    """Whether a category is a physical measure of one thing (see measures): magnitude, depth,
    distance, length of a named thing."""
    return bool(category) and category.split(":")[0] in ("magnitude", "depth", "distance", "length")


def one_per_event(category: Optional[str]) -> bool:
    """A measure an event has once, however far apart its reports: a quake's magnitude, depth, and
    distance from a named place (agencies' solutions for a depth can differ twofold)."""
    return bool(category) and category.split(":")[0] in ("magnitude", "depth") or \
        bool(category) and category.startswith("distance:")


def running_tally(category: Optional[str]) -> bool:
    """A count of the whole of what befell people in an incident (its dead, injured, missing,
    displaced): a tally that grows as bodies are found and sites counted, and is corrected, often
    within a day ("99 dead", Sunday; "112 dead", late Sunday). Its reports are one quantity however
    far apart ("2,300" early, "11,300" later): which is later, or which is wrong, compare tells. A
    count of one group (attackers, soldiers) is one party's statement of an operation's result, and
    a crowd one moment's estimate: neither is a tally of this kind. The land a fire or flood has
    burned or covered ("have burned 17,398 hectares") grows the same way while it spreads, and so does a
    spill's volume while it is estimated ("6,000 barrels", then "10,396 barrels")."""
    if not category:
        return False
    outcome, _, group = category.partition(":")
    if group in ("area", "volume", "mass"):
        return bool(outcome)
    return group == "total" and outcome not in ESTIMATED_OUTCOMES


def mentions(quantities: Iterable[Quantity], category: str) -> list[Quantity]:
    return [q for q in quantities if q.category == category]
