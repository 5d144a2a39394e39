from __future__ import annotations

import pytest

from auditor.read.segment import blocks, sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 74 people were killed, according to military and police sources. The BLA claimed it.",
            ["At least 74 people were killed, according to military and police sources.", "The BLA claimed it."],
        ),
        # A headline on a line of its own has no full stop but is still a sentence of its own.
        (
            "‘Aimed at halting Pakistan’s progress’\nPakistan’s Prime Minister Shehbaz Sharif pledged retaliation.",
            ["‘Aimed at halting Pakistan’s progress’", "Pakistan’s Prime Minister Shehbaz Sharif pledged retaliation."],
        ),
        # Abbreviations do not end sentences.
        (
            "U.S. officials said Mr. Blinken spoke to Gen. Munir on Tuesday. No details were given.",
            ["U.S. officials said Mr. Blinken spoke to Gen. Munir on Tuesday.", "No details were given."],
        ),
        # A hard-wrapped line continues the sentence.
        (
            "Rail traffic to Quetta was suspended following explosions\non a rail bridge in Bolan.",
            ["Rail traffic to Quetta was suspended following explosions\non a rail bridge in Bolan."],
        ),
        # A quote broken by its attribution stays in one sentence; the next quote is another.
        (
            '"India is behind these attacks," the interior minister said. "We will expose them."',
            ['"India is behind these attacks," the interior minister said.', '"We will expose them."'],
        ),
        # Titles and ranks before a name never end a sentence.
        (
            "Rep. John Roe (R-Texas) told reporters it was over. Gov. Kim Lee agreed.",
            ["Rep. John Roe (R-Texas) told reporters it was over.", "Gov. Kim Lee agreed."],
        ),
        (
            "Lt. Gen. Ahmed Sharif said so. Sgt. Maj. Lee and Capt. Ross left at 5 p.m. Friday.",
            ["Lt. Gen. Ahmed Sharif said so.", "Sgt. Maj. Lee and Capt. Ross left at 5 p.m. Friday."],
        ),
        ("Funding runs through Jan. 29, aides said. Sen. Maria Delgado, D-N.M., disagreed.",
         ["Funding runs through Jan. 29, aides said.", "Sen. Maria Delgado, D-N.M., disagreed."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences_split_and_point_into_the_text(text: str, expected: list[str]) -> None:
    found = sentences("a", text)
    assert [s.text for s in found] == expected
    for i, s in enumerate(found):
        assert text[s.start : s.end] == s.text
        assert s.index == i and s.article == "a"


def test_blank_lines_and_masked_noise_separate_blocks() -> None:
    text = "First paragraph here.\n\n     \nSecond one here."
    assert [text[s:e] for s, e in blocks(text)] == ["First paragraph here.", "Second one here."]


def test_every_seed_sentence_matches_its_offsets(seeds_dir) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = sentences(path.stem, text)
        assert len(found) > 5
        assert all(text[s.start : s.end] == s.text for s in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
