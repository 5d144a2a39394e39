"""The editor's word on incidents, applied after the automatic grouping: an article moved, set
apart, or two incidents joined. Each change is told in plain words, with who and when, so that a
reader of the report sees that a person, not the grouping, decided it."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Optional, Sequence

from auditor.model import IncidentDecision

log = logging.getLogger(__name__)


@dataclass
class EditedGroup:
    """A group of articles as the editor's decisions leave it, with what they did to it."""

    members: list[str]
    notes: list[str]


def _decided(d: IncidentDecision) -> str:
    """"by the editor on 2026-12-06 (Ann)": who and when, as far as known."""
    return "by the editor" + (f" on {d.at[:10]}" if d.at else "") + (f" ({d.by})" if d.by else "")


def apply_decisions(groups: Sequence[Sequence[str]], decisions: Sequence[IncidentDecision], pos: dict[str, int],
                    apart: Optional[dict[tuple[str, str], list[str]]] = None) -> list[EditedGroup]:
    """The groups after the editor's decisions, applied in the order they were taken (`at`), so a
    later decision about an article overrides an earlier one:
    - "move" takes `article` out of its incident into the incident of `other`;
    - "apart" makes `article` an incident of its own;
    - "join" makes the incidents of `article` and `other` one.
    Each group a decision touches gets a note in plain words, the latest first (with the reason the
    grouping had to keep two joined articles apart, from `apart`, when there was one). A decision naming an
    article not in this run is left out, with a log line. Groups come back ordered by their first
    article in `pos`, members in that order."""
    edited = [EditedGroup(list(g), []) for g in groups]
    home = {a: g for g in edited for a in g.members}
    for d in sorted(decisions, key=lambda d: d.at):  # stable: decisions of one instant keep their order
        named = (d.article,) if d.action == "apart" else (d.article, d.other)
        missing = [a for a in named if a not in home]
        if d.action not in ("move", "apart", "join") or missing:
            log.warning("editor's incident decision %s %s%s (%s) left out: %s", d.action, d.article,
                        f" with {d.other}" if d.other else "", _decided(d),
                        f"{', '.join(map(str, missing))} not among this run's articles" if missing else "unknown action")
            continue
        mine = home[d.article]
        if d.action == "apart":
            if len(mine.members) == 1:
                mine.notes.insert(0, f"kept on its own {_decided(d)}")
                continue
            mine.members.remove(d.article)
            mine.notes.insert(0, f"{d.article} taken out {_decided(d)}, to stand on its own")
            home[d.article] = EditedGroup([d.article], [f"kept on its own {_decided(d)}"])
            edited.append(home[d.article])
            continue
        theirs = home[d.other]
        if mine is theirs:
            what = f"and {d.other} kept together" if d.action == "join" else f"kept with {d.other}"
            mine.notes.insert(0, f"{d.article} {what} {_decided(d)}")
            continue
        if d.action == "join":
            why = _kept_apart_by(mine.members, theirs.members, apart or {})
            mine.notes.insert(0, f"joined {_decided(d)}: the incident of {d.article} and that of {d.other}"
                                 + (f" (the grouping kept them apart: {why})" if why else ""))
            mine.members.extend(theirs.members)
            mine.notes.extend(theirs.notes)
            for a in theirs.members:
                home[a] = mine
            edited.remove(theirs)
            continue
        # move
        why = _kept_apart_by([d.article], theirs.members, apart or {})
        mine.members.remove(d.article)
        if mine.members:
            mine.notes.insert(0, f"{d.article} moved out {_decided(d)}, to the incident of {d.other}")
        else:
            edited.remove(mine)
        theirs.notes.insert(0, f"{d.article} moved here {_decided(d)}, to be with {d.other}"
                               + (f" (the grouping kept them apart: {why})" if why else ""))
        theirs.members.append(d.article)
        home[d.article] = theirs
    for g in edited:
        g.members.sort(key=pos.get)
    return sorted((g for g in edited if g.members), key=lambda g: pos[g.members[0]])


def _kept_apart_by(g: Sequence[str], h: Sequence[str], apart: dict[tuple[str, str], list[str]]) -> Optional[str]:
    """The first reason the grouping had to keep a pair across two groups apart, if any."""
    for pair, why in apart.items():
        if (pair[0] in g and pair[1] in h) or (pair[0] in h and pair[1] in g):
            return why[0] if why else None
    return None
