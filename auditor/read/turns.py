"""Who speaks the unlabelled turns of a broadcast exchange, from its lead-in.

Closed captions mark each change of speaker with ">>" and seldom say who speaks. The anchor's
lead-in often pairs the two parties of the exchange that follows: "the president also sat down with
our own jonathan capehart for an exclusive interview", "elijah cummings standing with kelly
o'donnell". Then the interviewer asks (a turn that is a question, or one labelled only by a role such
as "reporter:") and the guest answers (the other turns), until a turn names one of them in the third
person ("jonathan is joining us now"): someone else, the anchor, speaks again.

Pure functions over text; the attributor (speakers.py) turns the names into mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from auditor import vocab

_ROLE_WORDS = vocab.tagged("person_roles", "title")
LEAD_IN_CHARS = 700  # how far before a turn its exchange's lead-in may stand
_CLOCK = r"\s*\n\s*\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\n\s*"  # a caption archive's minute stamp on a line of its own
_GAP = r"(?:" + _CLOCK + r"|\s+)"
_WORD = r"[^\W\d_][\w'’\-]*"
_OURS = r"(?:our\s+(?:own\s+|colleague\s+|correspondent\s+)?)"
_ADVERB_WORDS = r"(?:also|just|recently|exclusively)"
_ADVERBS = r"(?:" + _ADVERB_WORDS + r"\s+)?"


def _lead_in_pattern() -> "re.Pattern":
    verbs = sorted(vocab.words("interview_lead_ins"), key=len, reverse=True)
    verb = "(?:" + "|".join(_GAP.join(re.escape(w) for w in v.split()) for v in verbs) + ")"
    return re.compile(
        r"(?i)(?:^|[,.;:!?]\s*|\s)(?P<ours_a>" + _OURS + r")?(?P<a>(?:the\s+)?" + _WORD + r"(?:\s+(?!" + _ADVERB_WORDS + r"\b)" + _WORD + r")?)"
        r"\s+" + _ADVERBS + verb + _GAP + r"(?P<ours_b>" + _OURS + r")?(?P<b>" + _WORD + r"\s+" + _WORD + r")")


_LEAD_IN = _lead_in_pattern()


@dataclass(frozen=True)
class Party:
    """One party of an exchange as the lead-in names it: offsets into the text, and its words."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Exchange:
    guest: Party
    interviewer: Party


def exchange_before(text: str, i: int) -> Optional[Exchange]:
    """The exchange a caption turn opening at offset i belongs to: the last lead-in pairing a guest
    with an interviewer in the LEAD_IN_CHARS before it, if any."""
    lo = max(0, i - LEAD_IN_CHARS)
    found = None
    for m in _LEAD_IN.finditer(text, lo, i):
        found = m
    if found is None:
        return None
    a = Party(found.start("a"), found.end("a"), " ".join(found.group("a").split()))
    b = Party(found.start("b"), found.end("b"), " ".join(found.group("b").split()))
    if found.group("ours_a") and not found.group("ours_b"):
        a, b = b, a  # "our own X spoke with the senator": X, the network's own, interviews
    return Exchange(guest=a, interviewer=b)


def is_question(turn: str) -> bool:
    """A turn that asks: it ends with a question mark."""
    return turn.rstrip().rstrip("\"”’'").endswith("?")


def names_a_party(turn: str, exchange: Exchange) -> bool:
    """The turn names one of the two parties by a word of their name: someone else speaks of them
    ("jonathan is joining us now"), or it addresses them. Either way the turn is no plain answer."""
    words = {w.lower() for p in (exchange.guest, exchange.interviewer) for w in re.findall(_WORD, p.text)
             if w.lower() != "the" and w.lower() not in _ROLE_WORDS}  # "a president who ..." names nobody
    return any(w.lower() in words for w in re.findall(_WORD, turn))
