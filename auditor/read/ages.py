"""People's ages as a claim writes them, so that two outlets' ages of one person can be compared.

Why apart from the figures: an age is a measure of one person, not a count of a population, and
news writes it in a few fixed ways that need no parse: after a name ("Isago Mabote (8)", "Isago
Mabote, 7", "Patterson, 50,"), before one ("the 72-year-old Gisele Pelicot"), on a common noun ("a
60-year-old man") or as the subject's age at a time to come ("when he will be 33", "she could be
considered for release at age 81"). Pure functions over a claim's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from auditor import vocab
from auditor.read.numbers import parse_number

OLDEST = 115  # a number above this after a name is no age ("Paris, 2024")


@dataclass(frozen=True)
class Age:
    """One person's age as written. `holder` is the name ("Isago Mabote"), the common noun ("man")
    or "" for a clause's subject ("he will be 33"); `later` marks an age at another time than the
    report's ("will be 34 when the ban ends"), compared only with another such age."""
    start: int
    end: int
    years: int
    holder: str
    named: bool
    later: bool = False
    definite: bool = False  # "the 70-year-old conservative": someone the article has named


_PARTICLES = "|".join(sorted(vocab.words("name_particles"), key=len, reverse=True))
_NAME_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+(?:(?:{_PARTICLES})\s+)*{_NAME_WORD}){{0,3}})"
_NUMBER_WORD = r"[A-Za-z]+(?:-[a-z]+)?"
_YEARS_OLD = r"[- ]years?[- ]old"
# what may follow an age written after a name and a comma: the end of the apposition or of a list's item
_AFTER_APPOSITION = r"(?=\s*(?:[,;)—–]|-\s|\.(?!\d)|$)|\s+(?:and|or|who|was|were|is|are|had|has|from|of|on|in|died|said)\b)"
_AGE_AFTER_NAME = re.compile(
    rf"{_NAME}(?:\s*\((?P<bracketed>\d{{1,3}})\)|,\s+(?:aged\s+)?(?P<apposed>\d{{1,3}}){_AFTER_APPOSITION}"
    rf"|,\s+(?:a|an)\s+(?P<described>\d{{1,3}}|{_NUMBER_WORD}){_YEARS_OLD}\b)")
_AGE_BEFORE_NAME = re.compile(rf"\b(?P<n>\d{{1,3}}|{_NUMBER_WORD}){_YEARS_OLD}\s+{_NAME}")
_AGE_OF_NOUN = re.compile(rf"\b(?:a|an|the)\s+(?P<n>\d{{1,3}}|{_NUMBER_WORD}){_YEARS_OLD}\s+(?P<noun>[a-z]+)\b")
_AGE_TO_COME = re.compile(
    rf"\b(?:(?i:he|she)\b|{_NAME})\s+(?:will|would)\s+be\s+(?P<n>\d{{1,3}}|{_NUMBER_WORD})(?:\s+years?\s+old)?\b(?!\s*(?:%|per|years?\b(?!\s+old)))"
    rf"|\b(?:could|can|may|might|will|would)\b[^.;]{{0,60}}?\bat\s+(?:the\s+)?age\s+(?:of\s+)?(?P<at>\d{{1,3}})\b")


_MAY_HOLD_AN_AGE = re.compile(r"\d|year")


def ages_in(text: str, names: Iterable[str]) -> tuple[Age, ...]:
    """The ages a claim's text gives. `names` are the people the claim names, casefolded (its
    entities): a capitalised run before "(8)" or ", 7" is an age's holder only if it is one of them
    (or ends in one), so "Section 5 (2)" and "Paris, 2024" are none."""
    if not _MAY_HOLD_AN_AGE.search(text):
        return ()  # most claims give no number and no "year-old": nothing to read
    known = {n.casefold() for n in names}
    out: list[Age] = []
    taken: list[tuple[int, int]] = []

    def add(age: Optional[Age]) -> None:
        if age is not None and not any(s < age.end and age.start < e for s, e in taken):
            out.append(age)
            taken.append((age.start, age.end))

    for m in _AGE_AFTER_NAME.finditer(text):
        holder = _known_name(m.group("name"), known)
        written = m.group("bracketed") or m.group("apposed") or m.group("described")
        if holder:
            add(_age(m.start("name") + m.group("name").rfind(holder), m.end(), written, holder, True))
    for m in _AGE_BEFORE_NAME.finditer(text):
        holder = _known_name(m.group("name"), known, from_start=True)
        if holder:
            add(_age(m.start(), m.start("name") + len(holder), m.group("n"), holder, True))
    for m in _AGE_TO_COME.finditer(text):
        name = m.group("name")
        if name is not None and not _known_name(name, known):
            continue
        add(_age(m.start(), m.end(), m.group("n") or m.group("at"), "", False, later=True))
    for m in _AGE_OF_NOUN.finditer(text):
        add(_age(m.start(), m.end(), m.group("n"), m.group("noun"), False,
                 definite=m.group(0)[:3].casefold() == "the"))
    return tuple(sorted(out, key=lambda a: a.start))


def _age(start: int, end: int, written: str, holder: str, named: bool, later: bool = False,
         definite: bool = False) -> Optional[Age]:
    value = parse_number(written.replace("-", " ") if not written.isdigit() else written)
    if value is None or value != int(value) or not 0 < value <= OLDEST:
        return None
    return Age(start, end, int(value), holder, named, later, definite)


def _known_name(run: str, known: set[str], from_start: bool = False) -> str:
    """The longest part of a capitalised run that is a name the claim knows, as written: its end
    ("Police spokesman Alonso Vieira" -> "Alonso Vieira") or, for a run after an age, its start ("the
    72-year-old Gisele Pelicot said" -> "Gisele Pelicot"); "" when none is."""
    words = run.split()
    spans = [words[:k] for k in range(len(words), 0, -1)] if from_start else [words[k:] for k in range(len(words))]
    for part in spans:
        written = " ".join(part).rstrip(".")
        if written.casefold() in known or part and part[-1].rstrip(".").casefold() in known and len(part) == 2:
            return written
    return ""
