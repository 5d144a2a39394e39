"""Broadcast exchanges: who the lead-in pairs as guest and interviewer, and which turns ask."""
from __future__ import annotations

import pytest

from auditor.read.turns import exchange_before, is_question, names_a_party

CAPEHART = ("he called out donald trump's embrace of authoritarian leaders. the president also sat down with\n5:02 am\n"
            "our own jonathan capehart for an exclusive interview. >> was that a mistake?")
CUMMINGS = ("one of them is the veteran maryland member of congress in the democratic party, elijah\ncummings standing "
            "with kelly o'donnell. >> reporter: congressman cummings, you could hear the crowd.")


@pytest.mark.parametrize("text, guest, interviewer", [
    # a minute stamp on its own line inside the lead-in does not break it; an adverb is no part of the name
    (CAPEHART, "the president", "jonathan capehart"),
    # a name broken over two lines
    (CUMMINGS, "elijah cummings", "kelly o'donnell"),
    # the network's own is the interviewer, on whichever side of the verb
    ("our own andrea mitchell spoke with the secretary this morning. >> what happens next?", "the secretary",
     "andrea mitchell"),
])
def test_exchange_before(text, guest, interviewer):
    ex = exchange_before(text, text.index(">>"))
    assert ex is not None
    assert (ex.guest.text, ex.interviewer.text) == (guest, interviewer)


def test_no_lead_in_no_exchange():
    text = "the weather was cold in the capital. >> was that a mistake?"
    assert exchange_before(text, text.index(">>")) is None


@pytest.mark.parametrize("turn, asks", [
    ("was that a mistake?", True),
    ("as a result of how well he did during the primaries, right?", True),
    ("he doesn't believe in democracy.", False),
])
def test_is_question(turn, asks):
    assert is_question(turn) is asks


@pytest.mark.parametrize("turn, names", [
    ("jonathan is joining us now. good morning.", True),
    # a role word of the guest ("the president") names nobody in particular
    ("when you have a president who talks about leaving nato.", False),
])
def test_names_a_party(turn, names):
    ex = exchange_before(CAPEHART, CAPEHART.index(">>"))
    assert names_a_party(turn, ex) is names
