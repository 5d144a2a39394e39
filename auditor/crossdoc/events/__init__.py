"""Incidents: which articles report the same event, so that their figures may be compared.

Articles about different incidents in one region read alike (the same province, armed group,
condemnations, background paragraphs); what tells them apart is what happened. So each article's
lead is read once into a profile (`profiles`: when, where, who did what, the act's size, and the
anchors: names and figures of the claims that report the incident); pairs sharing rare anchors or
reading alike are compared (`resemblance`); evidence against one incident overrides resemblance
(`apart`); groups merge closest first (`merging`, driven by `incidents`); the editor's decisions
come last (`editor`).
"""
from auditor.crossdoc.events.apart import figures_contradict, kinds_apart, reasons_apart, sized_apart
from auditor.crossdoc.events.editor import apply_decisions
from auditor.crossdoc.events.incidents import Decision, evidence, group, grouping
from auditor.crossdoc.events.profiles import Profile, anchors, profile, times_an_act
from auditor.crossdoc.events.resemblance import candidate_pairs

__all__ = [
    "Decision", "Profile", "anchors", "apply_decisions", "candidate_pairs", "evidence", "figures_contradict",
    "group", "grouping", "kinds_apart", "profile", "reasons_apart", "sized_apart", "times_an_act",
]
