"""Numbers as written in news copy: digits with thousands separators or a decimal comma, words
("twenty-one", "a hundred"), scale words and abbreviations ("2.5 million", "5bn"), and vague
amounts ("dozens", "hundreds") as the range a reader takes them to mean. Pure functions."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from auditor import vocab




def _number_words(kind: str) -> dict[str, int]:
    """Word -> value for the number words of one kind (unit, ten, scale) in vocab/number_words.tsv."""
    return {row[0]: int(row[1]) for row in vocab.rows("number_words") if row[2] == kind}


_UNITS = _number_words("unit")
_TENS = _number_words("ten")
_SCALES = _number_words("scale")
# "two dozen" multiplies like "two hundred"; "a dozen" is twelve
_MULTIPLIERS = {"dozen": 12}
_SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                 "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
# a number with its scale word glued on: "5bn", "£77million" (British copy writes both)
GLUED_SCALE = re.compile(r"(\d+(?:\.\d+)?)(" + "|".join(sorted(_SCALE_ABBREV, key=len, reverse=True)) + ")")
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")  # "15,5 kilometers": a comma before one or two digits is a decimal point
# vague amounts: (low, high) of what a reader takes them to mean. A plural scale word is at least two
# of it and less than the next scale word: "thousands missing" is said of 10,100 missing as readily
# as of 2,000 ("tens of thousands" is the narrower phrase, not the only one), as "millions" is of 40
# million.
_VAGUE = {
    "dozen": (12, 12), "dozens": (24, 99), "handful": (2, 9), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2_000, 999_999), "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11),
}
_VAGUE_TENS = {"tens": 10, "hundreds": 100}  # "tens of thousands", "hundreds of thousands"


def parse_number(text: str) -> Optional[float]:
    """A number written in digits or words: "23", "1,200", "2.5 million", "twenty-one", "a hundred",
    "three hundred and fifty-five million", "one and a half million", "two dozen"."""
    lowered = re.sub(r"\band an? half\b", "and-half", text.strip().lower().replace("\u2013", "-"))
    words = [w for w in re.split(r"[\s\-]+", lowered) if w and w != "and"]
    if not words:
        return None
    if len(words) == 1 and _DIGITS.match(words[0]):
        return float(words[0].replace(",", ""))
    if len(words) == 1 and _DECIMAL_COMMA.match(words[0]):
        return float(words[0].replace(",", "."))
    glued = GLUED_SCALE.fullmatch(words[0]) if len(words) == 1 else None
    if glued:
        return float(glued.group(1)) * _SCALE_ABBREV[glued.group(2)]
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
        elif w == "half" and seen:  # "one and a half million": the half of what comes before the scale
            current += 0.5
        elif w in _MULTIPLIERS:
            current = (current or 1.0) * _MULTIPLIERS[w]
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


@lru_cache(maxsize=1 << 14)  # asked of every token's text
def half_step(digits: str) -> float:
    """Half the step of the last digit a number is written to: "300" -> 0.5, "7.25" -> 0.005,
    "1,200" -> 0.5. A written figure stands for anything that rounds to it."""
    digits = digits.replace(",", "")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return 0.5 * 10 ** -decimals


def vague_interval(text: str) -> Optional[tuple[float, float]]:
    """ "dozens" -> (24, 99); "tens of billions" -> (2e10, 1e11); None when the text is not vague."""
    words = text.lower().replace(" of ", " ").split()
    if len(words) == 2 and words[0] in _VAGUE_TENS and words[1].rstrip("s") in _SCALES:
        base = _VAGUE_TENS[words[0]] * _SCALES[words[1].rstrip("s")]  # "hundreds of thousands"
        return 2 * base, 10 * base - 1
    if len(words) == 1 and words[0] in _VAGUE:
        return _VAGUE[words[0]]
    return None


