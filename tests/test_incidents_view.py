"""The report's incidents: the deciding reasons shown, the others folded away, everything escaped."""
from __future__ import annotations

from auditor.model import Article, Audit, Event
from auditor.render import view as V
from auditor.render.html import render_report


def audit_with(evidence: tuple[str, ...]) -> Audit:
    articles = tuple(Article(id=f"a{i}", path=f"a{i}.txt", text="Text.", title=f"Title {i}") for i in range(3))
    return Audit(articles=articles, events=(Event("e1", ("a0", "a1"), "Quake", evidence),
                                            Event("e2", ("a2",), "Another quake", ("nothing binds it",))))


EVIDENCE = ("when: 2023-05-05", "where: Japan, Suzu", "shared: suzu",
            "apart from a2: a0 dates it 2023-05-05 (“Friday”), a2 January 1 (“New Year's Day”)",
            "apart from a3: <script>alert(1)</script>")


def test_deciding_reasons_first_and_the_rest_folded():
    event = V.build(audit_with(EVIDENCE)).events[0]
    assert event.evidence == EVIDENCE[:V.DECIDING_REASONS]
    assert len(event.more_evidence) == len(EVIDENCE) - V.DECIDING_REASONS


def test_report_shows_the_deciding_reasons_and_folds_the_others_escaped():
    html = render_report(audit_with(EVIDENCE))
    incidents = html[html.index('id="incidents"'):html.index("</section>", html.index('id="incidents"'))]
    assert "Why: when: 2023-05-05; where: Japan, Suzu; shared: suzu" in incidents
    assert "<details" in incidents and "2 more reasons" in incidents
    assert "<script>alert(1)</script>" not in incidents and "&lt;script&gt;" in incidents
    assert incidents.count("<details") == 1  # the single article's one reason is not folded
