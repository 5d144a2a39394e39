"""Prison terms a court imposed, as figures of the person they are imposed on.

"He was subsequently sentenced to 16 years" and "he had been sentenced to 19 years in prison" are
two reports of one measure, Gershkovich's term; "Kurmasheva was sentenced to six and a half years"
is another person's. So a term is read only with its holder (the one sentenced: the passive
subject, or the active verb's object), as the category ``term:<holder's last name>`` in the unit
``years``. A holder named by a pronoun is marked ``term:?`` and takes the subject of the sentence
before (`with_holders`); a term whose holder stays unknown is dropped rather than compared with
another person's. Terms asked for, faced or possible ("prosecutors sought 50 years", "faces up to
20 years", "could be sentenced to") are not terms imposed and are not read; the most a person
faces is read apart, as that maximum (`maximum_terms`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from auditor import vocab
from auditor.model import Quantity
from auditor.read.numbers import parse_number

SENTENCING_VERBS = vocab.words("sentencing_verbs")
UNFULFILLED = vocab.words("forecast_words") | {"face", "risk", "could", "would", "may", "might", "can", "will"}
YEARS_PER_UNIT = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}
PRONOUN_HOLDER = "?"


def terms(doc, base: int, start: int, end: int) -> list[Quantity]:
    """The terms imposed in `doc` whose number lies in article offsets [start, end)."""
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SENTENCING_VERBS or _unfulfilled(verb):
            continue
        length = _length(verb)
        holder = _holder(verb)
        if length is None or holder is None:
            continue
        first, last, years = length
        if not start <= base + doc[first].idx < end:
            continue
        s, e = doc[first].idx, doc[last].idx + len(doc[last].text)
        out.append(Quantity(start=base + s, end=base + e, text=doc.text[s:e], value=years, low=years, high=years,
                            counted=f"for {holder}", category=f"term:{_key(holder)}", unit="years",
                            window=_dated(verb, first)))
    return out


def maximum_terms(doc, base: int, start: int, end: int) -> list[Quantity]:
    """The most a person faces ("Adams is facing the possibility of up to 40 years in prison",
    "faces a maximum of 20 years"): the maximum itself, one figure (``term:maximum:<holder>``), which
    another report's maximum for the same person cannot differ from."""
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "face" or any(c.dep_ == "neg" for c in verb.children):
            continue
        holder = next((_person(c) for c in verb.children if c.dep_ == "nsubj"), None)
        if holder is None:
            continue
        for unit in verb.subtree:
            per_unit = YEARS_PER_UNIT.get(unit.lemma_.lower())
            numbers = [t for t in unit.children if t.dep_ == "nummod"] if per_unit else []
            if not numbers or not start <= base + numbers[0].idx < end:
                continue
            before = doc[max(verb.i, numbers[0].i - 4):numbers[0].i]
            bounded = any(t.lower_ == "maximum" for t in before) or \
                any(t.lower_ == "up" and t.nbor(1).lower_ == "to" for t in before if t.i + 1 < len(doc))
            value = parse_number(numbers[0].text)
            if not bounded or value is None:
                continue
            s, e = numbers[0].idx, unit.idx + len(unit.text)
            years = round(value * per_unit, 3)
            out.append(Quantity(start=base + s, end=base + e, text=doc.text[s:e], value=years, low=years, high=years,
                                counted=f"at most for {holder}", category=f"term:maximum:{_key(holder)}",
                                unit="years"))
            break
    return out


def with_holders(quantities: Sequence[Quantity], previous) -> tuple[Quantity, ...]:
    """Terms whose holder is a pronoun take the person the sentence before is about (its subject:
    "Gershkovich ... was arrested in March 2023. He was subsequently sentenced to 16 years"); those
    that find none are dropped."""
    subject = _person_subject(previous) if previous is not None else None
    out = []
    for q in quantities:
        if q.category in (f"term:{PRONOUN_HOLDER}", f"term:maximum:{PRONOUN_HOLDER}"):
            if subject is None:
                continue
            kind = q.category.rsplit(":", 1)[0]
            q = replace(q, category=f"{kind}:{_key(subject)}",
                        counted=q.counted.replace(PRONOUN_HOLDER, subject) if q.counted else None)
        out.append(q)
    return tuple(out)


def _unfulfilled(verb) -> bool:
    """A term only possible, asked for or faced: a modal ("could be sentenced"), a verb of asking or
    facing above ("faces being sentenced", "sought to have him jailed"), or a negation."""
    if any(c.dep_ in ("aux", "neg") and c.lemma_.lower() in UNFULFILLED | {"not", "never"} for c in verb.children):
        return True
    node = verb
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in UNFULFILLED:
            return True
    return False


def _length(verb) -> Optional[tuple[int, int, float]]:
    """(first token, last token, years) of "to 16 years" / "for 18 months" / "to six and a half years"
    on the verb."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "for"):
            continue
        for unit in prep.children:
            per_unit = YEARS_PER_UNIT.get(unit.lemma_.lower())
            if unit.dep_ != "pobj" or per_unit is None:
                continue
            numbers = [t for t in unit.children if t.dep_ == "nummod" or t.like_num and t.i < unit.i]
            if not numbers:
                continue
            first = min(t.left_edge.i for t in numbers)
            words = [t.text for t in unit.doc[first:unit.i] if t.dep_ not in ("quantmod",) or t.like_num]
            value = parse_number(" ".join(words))
            if value is None:
                continue
            return first, unit.i, round(value * per_unit, 3)
    return None


def _holder(verb) -> Optional[str]:
    """The one sentenced: the subject of the passive ("Gershkovich was sentenced"), else the object of
    the active verb ("sentenced Bankman-Fried to 25 years")."""
    passive = any(d.dep_ == "nsubjpass" for d in verb.children)
    return next((_person(c) for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)


def _person(tok) -> Optional[str]:
    """A person's whole name ("Evan Gershkovich", "Sam Bankman-Fried"), PRONOUN_HOLDER for a pronoun
    that `with_holders` resolves, else None (a group, a thing)."""
    if tok.pos_ == "PRON":
        return PRONOUN_HOLDER if tok.lower_ in ("he", "she", "him", "her") else None
    if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
        return None
    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    return tok.doc[min(p.i for p in parts):tok.i + 1].text


def _dated(verb, number_first: int) -> Optional[str]:
    """A year or date the clause gives the sentencing ("in 2019", "on Thursday")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on") and any(g.ent_type_ == "DATE" for g in c.subtree) \
                and not c.left_edge.i <= number_first <= c.right_edge.i:
            return " ".join(t.text for t in c.subtree)
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
            return c.text
    return None


def _person_subject(doc) -> Optional[str]:
    """The person a sentence is about: its main clause's subject, when that is a name."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    holder = _person(subject) if subject is not None else None
    return holder if holder != PRONOUN_HOLDER else None


def _key(holder: str) -> str:
    """A holder's key: the last word of the name ("gershkovich"), or the pronoun mark."""
    return holder.split()[-1].lower()
