"""Physical measures read in their sentence: an earthquake's magnitude, a depth, a distance with its
direction from a place, the length of a thing. Each is compared in its own terms: magnitudes as
magnitudes, lengths in one unit (miles, as the audit's other distances), a distance together with
its direction ("25 km southeast of Hualien" and "18 km south of Hualien" differ in both).

Pure functions of the sentence text and the figure's offsets in it; no parse needed."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from auditor import vocab

BEARINGS: dict[str, float] = {name: float(deg) for name, deg in vocab.table("compass_points").items()}
_COMPASS = "|".join(sorted((re.escape(n).replace(r"\-", "[- ]?") for n in BEARINGS), key=len, reverse=True))
_DIRECTION_AFTER = re.compile(rf"^\W{{0,3}}(?:(?:long|away|deep)\s+)?(?P<dir>{_COMPASS})(?:ward|erly)?\s+(?:of|from)\b", re.I)
_FROM_AFTER = re.compile(r"^\W{0,3}(?:away\s+)?(?:from|off)\s+(?:the\s+)?[A-Z]", re.I)
_APART_AFTER = re.compile(r"^[^.;]{0,12}?\bapart\b", re.I)
_DEPTH_BEFORE = re.compile(r"\b(?:depth|deep)\s+of\s+(?:about|around|some|nearly|approximately)?\s*$", re.I)
_DEPTH_AFTER = re.compile(r"^\W{0,2}(?:deep|below|beneath|under(?:ground|\s+the))\b", re.I)
_MAGNITUDE_WORD = re.compile(r"\b(?:magnitude|richter)\b", re.I)
_MAGNITUDE_NEAR = re.compile(r"(?:\bmagnitude(?:\s+of)?|\bM|\bMw)[\s-]*$", re.I)


def bearing(text: Optional[str]) -> Optional[float]:
    """The compass bearing named in a text ("southeast of Hualien City" -> 135.0), else None."""
    if not text:
        return None
    m = re.search(rf"\b({_COMPASS})\b", text, re.I)
    if not m:
        return None
    key = re.sub(r"[\s-]+", "-", m.group(1).lower())
    if key not in BEARINGS:  # "north east" written apart
        key = key.replace("-", "")
    return BEARINGS.get(key, BEARINGS.get(key.replace("-", "")))


def bearings_differ(a: Optional[str], b: Optional[str], tolerance: float = 22.5) -> bool:
    """Two directions that cannot be one: further apart than the gap between neighbouring points
    of an eight-point compass allows ("south" and "south-southeast" can be one reading)."""
    x, y = bearing(a), bearing(b)
    if x is None or y is None:
        return False
    gap = abs(x - y) % 360
    return min(gap, 360 - gap) > tolerance


@lru_cache(maxsize=1 << 14)
def measure_of(sentence: str, start: int, end: int, unit: Optional[str], value: Optional[float]) -> Optional[tuple[str, Optional[str]]]:
    """(category, what it is of) of a physical measure whose figure sits at sentence[start:end],
    with `unit` already read ("miles" for any length), else None.

    - "magnitude": a bare decimal figure below 10 in a sentence about a magnitude ("magnitude 7.2",
      "7.4 on the Richter scale", "measured it as 7.5" beside "magnitude");
    - "depth": "a depth of 15.5 kilometers", "34.8 kilometers deep";
    - "distance": "25 kilometers southeast of Hualien City", "120 km apart", "30 miles from X";
      what it is of is the direction and the place after it;
    - "length:<thing>": "a 948-foot-long container ship", "the 985-foot ship"."""
    before, after = sentence[:start], sentence[end:]
    after = re.sub(r"^\s*\([^()]*\)", "", after)  # "130 kilometers (80 miles) west of Berlin": the figure converted
    if unit is None:
        if value is None or not (0 < value < 10) or not _MAGNITUDE_WORD.search(sentence):
            return None
        if _MAGNITUDE_NEAR.search(before) or re.match(r"^\W{0,2}(?:on the richter|magnitude|-magnitude)", after, re.I) \
                or "." in sentence[start:end]:
            return "magnitude", None
        return None
    if unit != "miles":
        return None
    if _DEPTH_BEFORE.search(before) or _DEPTH_AFTER.match(after):
        return "depth", None
    m = _DIRECTION_AFTER.match(after)
    if m:
        rest = after[m.end():]
        # the reference: a name ("Hualien City") or a noun phrase ("the capital"), up to a break
        place = re.match(r"\s*(?:the\s+)?((?:[A-Z][\w’'-]*\s*)+|[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)", rest)
        where = place.group(1).strip() if place else ""
        where = re.split(r"\s+(?:on|in|at|and|after|before|when|while|with|as)\b", where)[0]
        return ("distance:" + _folded(where) if where else "distance"), m.group("dir").lower() + " of " + where
    if _FROM_AFTER.match(after) or _APART_AFTER.match(after):
        return "distance", None
    if re.search(r"\d\s*-\s*[a-z]+$", sentence[start:end], re.I) or re.match(r"^\s*-?\s*long\b", after, re.I):
        return "length", None  # "a 948-foot-long ship", "the 985-foot ship": the thing is named by the parse
    return None


def _folded(name: str) -> str:
    """A place name as a key: lower case without accents ("São Paulo" and "Sao Paulo" are one)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
